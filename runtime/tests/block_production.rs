//! Block production as Guild work (PROTOCOL.md §12) in the real runtime, started from the
//! `local_testnet` preset (Alice, Bob, Charlie and Dave validate and hold 1,000 REP each): the
//! validator set's flows move REP and tokens without creating or losing any.
//!
//! - `BlockProduction` stakes hold REP; the election orders them by stake, older first on ties,
//!   and fills up with the genesis validators.
//! - A session's transaction fees reach the DAO account and become the fee of the session
//!   report's pool, which keeps it in the DAO account: no token is minted or burned.
//! - An equivocation burns exactly `equivocation_slash` of the offender's stake, once per report
//!   window.
//!
//! After every step the REP ledger's books balance (Σ (free + held) = `TotalRep`, `TotalRep +
//! Unowned = TotalMinted − TotalBurned`, and the pallets' own `do_try_state`) and the token's
//! total issuance is what it was at genesis.
//!
//! The pallets' functions are called directly, as the session pallet, BABE, the authorship
//! pallet and transaction payment call them; no block is produced.

use frame_support::traits::{
	fungible::{self, Balanced},
	tokens::{Fortitude, Precision, Preservation},
	OnUnbalanced,
};
use guild_primitives::{FeeSalary, PostStatus, StakeKind, PPM};
use guild_runtime::{
	configs::{FeesToDao, ReportAccount},
	genesis_config_presets::{get_preset, local_founders, LOCAL_FOUNDER_REP},
	AccountId, Availability, Balances, BuildStorage, Forum, Reputation, Runtime, RuntimeEvent,
	RuntimeGenesisConfig, Session, System, ValidationPool, ValidatorSet, MILLI_UNIT, UNIT,
};
use sp_genesis_builder::{PresetId, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{FixedPointNumber, Perbill};
use sp_staking::offence::{OffenceError, ReportOffence};

/// The expiry of every stake made here: far ahead of the blocks the tests use.
const UNTIL: u32 = 1_000;

fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}
fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}
fn charlie() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}
fn dave() -> AccountId {
	Sr25519Keyring::Dave.to_account_id()
}
fn eve() -> AccountId {
	Sr25519Keyring::Eve.to_account_id()
}

fn dao() -> AccountId {
	<Reputation as FeeSalary<AccountId, u128>>::dao_account()
}

/// The `local_testnet` genesis, in block 1 (events are not recorded in block 0).
fn local_testnet() -> sp_io::TestExternalities {
	let bytes =
		get_preset(&PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)).expect("the preset exists");
	let config: RuntimeGenesisConfig =
		serde_json::from_slice(&bytes).expect("the preset is a genesis config");
	let storage = config.build_storage().expect("the genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// The REP ledger's totals and the token's issuance at one moment.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Books {
	total_rep: u128,
	unowned: u128,
	total_minted: u128,
	total_burned: u128,
	issuance: u128,
}

/// Check that the books balance after `step`, and return them.
///
/// The reputation pallet's invariant (its `do_try_state`): Σ (free + every hold) over
/// `Accounts` is `TotalRep`, and `TotalRep + Unowned = TotalMinted − TotalBurned`; Unowned is
/// exactly the REP minted into open pools (the validation pool's `do_try_state`); every
/// availability stake is the REP held for it (the availability pallet's).
fn balanced(step: &str) -> Books {
	let owned: u128 = pallet_reputation::Accounts::<Runtime>::iter()
		.map(|(_, r)| r.free + r.held_pool_stake + r.held_availability + r.held_block_production)
		.sum();
	let totals = Reputation::totals();
	assert_eq!(owned, totals.total_rep, "{step}: Σ (free + held) over the accounts is TotalRep");
	assert_eq!(
		totals.total_rep + totals.unowned,
		totals.total_minted - totals.total_burned,
		"{step}: TotalRep + Unowned = TotalMinted − TotalBurned"
	);
	assert_eq!(totals.unowned, ValidationPool::minted_in_pools(), "{step}: Unowned is the pools'");
	Reputation::do_try_state().unwrap_or_else(|e| panic!("{step}: reputation: {e:?}"));
	Availability::do_try_state().unwrap_or_else(|e| panic!("{step}: availability: {e:?}"));
	ValidationPool::do_try_state().unwrap_or_else(|e| panic!("{step}: validation pool: {e:?}"));
	Forum::do_try_state().unwrap_or_else(|e| panic!("{step}: forum: {e:?}"));
	#[cfg(feature = "try-runtime")]
	ValidatorSet::do_try_state().unwrap_or_else(|e| panic!("{step}: validator set: {e:?}"));
	Books {
		total_rep: totals.total_rep,
		unowned: totals.unowned,
		total_minted: totals.total_minted,
		total_burned: totals.total_burned,
		issuance: pallet_balances::TotalIssuance::<Runtime>::get(),
	}
}

/// Stake `amount` REP for block production for `who`, in block `block`, until [`UNTIL`].
fn stake(block: u32, who: &AccountId, amount: u128) {
	System::set_block_number(block);
	assert_eq!(
		pallet_availability::Pallet::<Runtime>::do_stake(
			StakeKind::BlockProduction,
			who,
			amount,
			UNTIL
		),
		Ok(true),
		"a BlockProduction stake is an unbound candidate"
	);
}

/// The block-production stake of `who` as the availability pallet records it.
fn stake_of(who: &AccountId) -> u128 {
	pallet_availability::Stakes::<Runtime>::get(StakeKind::BlockProduction, who)
		.map_or(0, |s| s.amount)
}

/// A transaction fee of `fee` paid by `payer`, as transaction payment charges it: withdrawn
/// from the payer and handed to the runtime's `OnUnbalanced` (into the DAO account, counted
/// with `ValidatorSet::note_fees`).
fn pay_fee(payer: &AccountId, fee: u128) {
	let credit = <Balances as Balanced<AccountId>>::withdraw(
		payer,
		fee,
		Precision::Exact,
		Preservation::Preserve,
		Fortitude::Polite,
	)
	.expect("the payer can pay the fee");
	<FeesToDao as OnUnbalanced<fungible::Credit<AccountId, Balances>>>::on_unbalanced(credit);
}

/// A block authored by `author` in BABE slot `slot`, as the authorship pallet counts it.
fn author_block(slot: u64, author: &AccountId) {
	pallet_babe::CurrentSlot::<Runtime>::put(sp_consensus_babe::Slot::from(slot));
	ValidatorSet::note_block(author);
}

type Offender = (AccountId, ());
type BabeOffence = pallet_babe::EquivocationOffence<Offender>;

/// A proven BABE equivocation of `offender` in `slot` of the current session, reported as
/// BABE's equivocation report system reports it.
fn report_babe_equivocation(offender: &AccountId, slot: u64) -> Result<(), OffenceError> {
	let offence = BabeOffence {
		slot: sp_consensus_babe::Slot::from(slot),
		session_index: Session::current_index(),
		validator_set_count: Session::validators().len() as u32,
		offender: (offender.clone(), ()),
	};
	<ValidatorSet as ReportOffence<AccountId, Offender, BabeOffence>>::report_offence(
		Vec::new(),
		offence,
	)
}

/// Election (§12): the set is the largest `BlockProduction` stakes of at least
/// `min_validator_stake` whose owners have session keys, older stakes first on equal amounts;
/// the genesis validators fill it up to the chain's minimum in genesis order. Staking only
/// moves REP from free to held, and an election moves none: no account's total REP, no ledger
/// total and no token balance changes.
#[test]
fn the_election_orders_stakes_by_amount_then_age_and_staking_conserves_rep() {
	local_testnet().execute_with(|| {
		let genesis = balanced("genesis");
		let founders = [alice(), bob(), charlie(), dave()];
		assert_eq!(
			local_founders(),
			founders.iter().map(|f| (f.clone(), LOCAL_FOUNDER_REP)).collect::<Vec<_>>()
		);
		assert_eq!(genesis.total_rep, 4 * LOCAL_FOUNDER_REP);
		assert_eq!(pallet_validator_set::MinValidators::<Runtime>::get(), 4);
		assert_eq!(
			pallet_validator_set::Params::<Runtime>::get().min_validator_stake,
			10 * UNIT,
			"the try-out presets' minimum validator stake"
		);
		for founder in &founders {
			assert!(
				pallet_session::NextKeys::<Runtime>::contains_key(founder),
				"the founders have session keys from genesis"
			);
		}

		// Nobody stakes: the genesis validators fill the whole set, in genesis order.
		assert_eq!(ValidatorSet::elect(2), Some(founders.to_vec()));
		System::assert_has_event(RuntimeEvent::ValidatorSet(
			pallet_validator_set::Event::Elected {
				session: 2,
				validators: founders.to_vec(),
				filled: 4,
			},
		));

		// Dave stakes first, then Bob (the most), then Alice as much as Dave, then Charlie less
		// than the minimum validator stake.
		stake(1, &dave(), 100 * UNIT);
		stake(2, &bob(), 300 * UNIT);
		stake(3, &alice(), 100 * UNIT);
		stake(4, &charlie(), 5 * UNIT);
		for (who, amount) in [
			(alice(), 100 * UNIT),
			(bob(), 300 * UNIT),
			(charlie(), 5 * UNIT),
			(dave(), 100 * UNIT),
		] {
			let rep = Reputation::rep_of(&who);
			assert_eq!(rep.held_block_production, amount, "the stake is held");
			assert_eq!(rep.free, LOCAL_FOUNDER_REP - amount, "out of the free REP");
			assert_eq!(stake_of(&who), amount);
		}
		assert_eq!(balanced("after the stakes"), genesis, "staking moves no REP between owners");

		// Bob's stake is the largest; Dave's and Alice's are equal and Dave's is older; Charlie
		// does not qualify and fills the set as a genesis validator.
		let set = vec![bob(), dave(), alice(), charlie()];
		assert_eq!(ValidatorSet::elect(3), Some(set.clone()));
		System::assert_has_event(RuntimeEvent::ValidatorSet(
			pallet_validator_set::Event::Elected { session: 3, validators: set.clone(), filled: 1 },
		));
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().to_vec(), set);

		// Charlie tops his stake up to 200 REP: he qualifies, ahead of the two 100 REP stakes.
		stake(5, &charlie(), 195 * UNIT);
		assert_eq!(stake_of(&charlie()), 200 * UNIT);
		let set = vec![bob(), charlie(), dave(), alice()];
		assert_eq!(ValidatorSet::elect(4), Some(set.clone()));
		System::assert_has_event(RuntimeEvent::ValidatorSet(
			pallet_validator_set::Event::Elected { session: 4, validators: set.clone(), filled: 0 },
		));
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().to_vec(), set);
		for who in &set {
			assert_eq!(pallet_validator_set::LastValidated::<Runtime>::get(who), Some(4));
			assert!(ValidatorSet::stake_locked(who), "an elected validator's stake is locked");
		}
		assert!(!ValidatorSet::stake_locked(&eve()));

		assert_eq!(balanced("after the elections"), genesis, "an election moves no REP");
	});
}

/// Session reports (§12, DECISIONS.md "Transaction fees"): transaction fees and tips go to the
/// DAO account and are counted (`SessionFees`); at the session's end the report is posted by
/// the report account with the validators' blocks as shares (authority order), and a pool opens
/// on it with the counted fees as its fee. A pool keeps its fee in the DAO account, so the DAO's
/// balance does not change when the pool opens, and no token is minted or burned anywhere:
/// the payer loses exactly what the DAO gains. The pool mints its REP into the unowned pot.
/// Fees below a pool's minimum fee wait for the next report.
#[test]
fn session_fees_become_the_report_pool_fee_without_minting_tokens() {
	local_testnet().execute_with(|| {
		let genesis = balanced("genesis");
		let dao = dao();
		let dao_before = Balances::free_balance(&dao);
		let eve_before = Balances::free_balance(&eve());
		let founders = vec![alice(), bob(), charlie(), dave()];
		assert_eq!(Session::validators(), founders, "session 0's validators, in genesis order");

		// Two transactions' fees, together above a pool's minimum fee.
		let min_fee = pallet_validation_pool::Params::<Runtime>::get().min_pool_fee;
		let fees = 30 * MILLI_UNIT + 20 * MILLI_UNIT;
		assert!(fees >= min_fee);
		pay_fee(&eve(), 30 * MILLI_UNIT);
		pay_fee(&eve(), 20 * MILLI_UNIT);
		assert_eq!(pallet_validator_set::SessionFees::<Runtime>::get(), fees);
		assert_eq!(Balances::free_balance(&dao), dao_before + fees, "the fees are in the DAO");
		assert_eq!(Balances::free_balance(&eve()), eve_before - fees);
		assert_eq!(balanced("after the fees"), genesis, "fees move tokens, they mint none");

		// Four blocks in consecutive slots (no slot left empty): Alice two, Bob and Charlie one.
		author_block(1, &alice());
		author_block(2, &bob());
		author_block(3, &alice());
		author_block(4, &charlie());
		assert_eq!(
			pallet_validator_set::SessionBlocks::<Runtime>::get().to_vec(),
			vec![(alice(), 2), (bob(), 1), (charlie(), 1)]
		);
		assert!(pallet_validator_set::MissedSlots::<Runtime>::get().is_empty());

		let post = pallet_forum::NextPostId::<Runtime>::get();
		let pool = pallet_validation_pool::NextPoolId::<Runtime>::get();
		ValidatorSet::end_of_session(0);

		System::assert_has_event(RuntimeEvent::ValidatorSet(
			pallet_validator_set::Event::ReportPosted {
				session: 0,
				post,
				pool,
				fee: fees,
				blocks: 4,
			},
		));
		let report = pallet_validator_set::Reports::<Runtime>::get(post).expect("the report");
		assert_eq!(report.session, 0);
		assert_eq!(report.pool, pool);
		assert_eq!(report.shares.to_vec(), vec![(alice(), 2), (bob(), 1), (charlie(), 1)]);
		assert_eq!(pallet_validator_set::LastReport::<Runtime>::get(), Some(post));
		assert_eq!(pallet_validator_set::SessionFees::<Runtime>::get(), 0, "the fees are spent");
		assert!(pallet_validator_set::SessionBlocks::<Runtime>::get().is_empty());
		// Dave authored nothing, but no slot of his stayed empty: he is not absent.
		assert!(pallet_validator_set::Excluded::<Runtime>::get().is_empty());

		// The report: the report account's post, with no deposit.
		let posted = pallet_forum::Posts::<Runtime>::get(post).expect("the report's post");
		assert_eq!(posted.authors.to_vec(), vec![(ReportAccount::get(), PPM)]);
		assert_eq!(posted.submitter, ReportAccount::get());
		assert_eq!(posted.deposit, 0);
		assert_eq!(posted.status, PostStatus::Open);

		// Its pool: opened by the DAO with the session's fees, judged by the report rules.
		let open = match pallet_validation_pool::Pools::<Runtime>::get(pool) {
			Some(pallet_validation_pool::PoolStatus::Open(open)) => open,
			other => panic!("the report's pool is open: {other:?}"),
		};
		let params = pallet_validator_set::Params::<Runtime>::get();
		assert_eq!(open.post, post);
		assert_eq!(open.initiator, dao);
		assert_eq!(open.fee, fees);
		assert_eq!(open.rules.quorum, params.report_quorum);
		assert_eq!(open.rules.win_ratio, params.report_win_ratio);
		let minted = pallet_validation_pool::Params::<Runtime>::get()
			.minting_ratio
			.saturating_mul_int(fees);
		assert!(minted > 0);
		assert_eq!(open.minted, minted);
		assert_eq!(pallet_validation_pool::PoolOfPost::<Runtime>::get(post), Some(pool));

		// The fee stays in the DAO account, now as the pool's fee; no token moved or appeared.
		assert_eq!(Balances::free_balance(&dao), dao_before + fees);
		let books = balanced("after the report");
		assert_eq!(books.issuance, genesis.issuance, "the pool's fee mints no token");
		assert_eq!(books.total_rep, genesis.total_rep, "nobody owns the pool's REP yet");
		assert_eq!(books.unowned, genesis.unowned + minted, "the pool's REP is unowned");
		assert_eq!(books.total_minted, genesis.total_minted + minted);
		assert_eq!(books.total_burned, genesis.total_burned);

		// Session 1: a fee below a pool's minimum waits for the next report; nothing is posted.
		let small = min_fee - 1;
		pay_fee(&eve(), small);
		author_block(5, &bob());
		ValidatorSet::end_of_session(1);
		System::assert_has_event(RuntimeEvent::ValidatorSet(
			pallet_validator_set::Event::ReportDeferred { session: 1, fees: small },
		));
		assert_eq!(pallet_validator_set::SessionFees::<Runtime>::get(), small, "the fee waits");
		assert_eq!(pallet_validator_set::LastReport::<Runtime>::get(), Some(post));
		assert_eq!(pallet_forum::NextPostId::<Runtime>::get(), post + 1, "no second report");
		assert_eq!(Balances::free_balance(&dao), dao_before + fees + small);
		assert_eq!(Balances::free_balance(&eve()), eve_before - fees - small);
		let deferred = balanced("after the deferred report");
		assert_eq!(deferred, books, "a deferred report moves nothing");
	});
}

/// Equivocation (§12): a proven offender loses exactly `equivocation_slash` (50% by default,
/// rounded down) of its `BlockProduction` stake, burned: its held REP, `TotalRep` and the stake
/// drop by that, `TotalBurned` grows by that, nothing else moves. It is disabled for the session
/// (at most a third of the set, less one, at once), left out of the next election, and a further
/// report within the report window punishes nothing.
#[test]
fn an_equivocation_burns_exactly_the_slash_share_of_the_block_production_stake() {
	local_testnet().execute_with(|| {
		let alice_stake = 100 * UNIT + 1;
		stake(1, &alice(), alice_stake);
		stake(1, &bob(), 80 * UNIT);
		stake(1, &charlie(), 60 * UNIT);
		stake(1, &dave(), 40 * UNIT);
		let before = balanced("after the stakes");
		let slash = pallet_validator_set::Params::<Runtime>::get().equivocation_slash;
		assert_eq!(slash, Perbill::from_percent(50), "§9's default");
		let alice_before = Reputation::rep_of(&alice());

		// Alice equivocates in session 0.
		assert_eq!(report_babe_equivocation(&alice(), 7), Ok(()));
		let burned = slash.mul_floor(alice_stake);
		assert_eq!(burned, 50 * UNIT, "half of the stake, rounded down");
		System::assert_has_event(RuntimeEvent::ValidatorSet(
			pallet_validator_set::Event::Equivocated { who: alice(), session: 0, burned },
		));
		System::assert_has_event(RuntimeEvent::Availability(
			pallet_availability::Event::StakeSlashed {
				who: alice(),
				kind: StakeKind::BlockProduction,
				burned,
				remaining: alice_stake - burned,
			},
		));
		let alice_after = Reputation::rep_of(&alice());
		assert_eq!(alice_after.held_block_production, alice_before.held_block_production - burned);
		assert_eq!(alice_after.free, alice_before.free, "only the stake is slashed");
		assert_eq!(stake_of(&alice()), alice_stake - burned);
		let after = balanced("after the slash");
		assert_eq!(after.total_rep, before.total_rep - burned);
		assert_eq!(after.total_burned, before.total_burned + burned);
		assert_eq!(after.unowned, before.unowned, "the slash is burned, not left in the pot");
		assert_eq!(after.total_minted, before.total_minted);
		assert_eq!(after.issuance, before.issuance, "a slash touches no token");

		assert!(pallet_validator_set::Punished::<Runtime>::contains_key(0u32, &alice()));
		assert_eq!(Session::disabled_validators(), vec![0], "Alice (index 0) is disabled");
		assert!(pallet_validator_set::Excluded::<Runtime>::get()
			.iter()
			.any(|(who, why)| *who == alice()
				&& *why == pallet_validator_set::Exclusion::Equivocated));

		// Another report about Alice in the window punishes nothing more.
		assert!(
			<ValidatorSet as ReportOffence<AccountId, Offender, BabeOffence>>::is_known_offence(
				&[(alice(), ())],
				&sp_consensus_babe::Slot::from(8u64),
			)
		);
		assert_eq!(report_babe_equivocation(&alice(), 8), Err(OffenceError::DuplicateReport));
		assert!(!ValidatorSet::punish(&alice(), 0));
		assert_eq!(stake_of(&alice()), alice_stake - burned);
		assert_eq!(balanced("after the duplicate reports"), after, "nothing more is burned");

		// Bob equivocates too: slashed the same way, but with one of four validators disabled
		// already, he is not disabled (at most (4 − 1) / 3 = 1 at once).
		assert_eq!(report_babe_equivocation(&bob(), 9), Ok(()));
		let bob_burned = slash.mul_floor(80 * UNIT);
		assert_eq!(bob_burned, 40 * UNIT);
		assert_eq!(stake_of(&bob()), 80 * UNIT - bob_burned);
		assert_eq!(Reputation::rep_of(&bob()).held_block_production, 80 * UNIT - bob_burned);
		let both = balanced("after Bob's slash");
		assert_eq!(both.total_rep, after.total_rep - bob_burned);
		assert_eq!(both.total_burned, after.total_burned + bob_burned);
		assert_eq!(both.total_rep, before.total_rep - burned - bob_burned);
		assert_eq!(Session::disabled_validators(), vec![0], "the disabling cap");

		// The next election leaves both offenders out, though their remaining stakes qualify;
		// the genesis fill skips them too.
		let set = vec![charlie(), dave()];
		assert_eq!(ValidatorSet::elect(2), Some(set.clone()));
		System::assert_has_event(RuntimeEvent::ValidatorSet(
			pallet_validator_set::Event::Elected { session: 2, validators: set, filled: 0 },
		));
		assert_eq!(balanced("after the election"), both);
	});
}
