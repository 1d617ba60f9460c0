//! Runtime upgrades ratified through the forum.

use super::mock::*;
use crate::{
	Change, Error, Event, PendingUpgrade, ProposalState, ScheduledUpgrade, UpgradeProposal,
};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use guild_primitives::{ReputationLedger, PPM};
use sp_core::H256;
use sp_runtime::traits::Hash;

/// Reads the same version from any code: "guild-test" at `spec_version`.
struct ReadVersion(u32);

impl sp_core::traits::ReadRuntimeVersion for ReadVersion {
	fn read_runtime_version(
		&self,
		_wasm_code: &[u8],
		_ext: &mut dyn sp_core::traits::Externalities,
	) -> Result<Vec<u8>, String> {
		let version = sp_version::RuntimeVersion {
			spec_name: "guild-test".into(),
			spec_version: self.0,
			..Default::default()
		};
		Ok(version.encode())
	}
}

fn code_hash(code: &[u8]) -> H256 {
	<Test as frame_system::Config>::Hashing::hash(code)
}

#[test]
fn a_ratified_runtime_hash_is_authorized_and_anyone_applies_the_code() {
	let code = b"the next guild runtime".to_vec();
	let hash = code_hash(&code);
	let mut ext = ExtBuilder::default().build();
	ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(ReadVersion(2)));
	ext.execute_with(|| {
		let id = propose(Change::UpgradeRuntime { code_hash: hash });
		assert_eq!(UpgradeProposal::<Test>::get(), Some(id));
		pass_stage(id);
		pass_stage(id);
		assert!(System::authorized_upgrade().is_none(), "nothing before the last stage");

		pass_stage(id);

		// Accepted: authorized `upgrade_delay` blocks later.
		let accepted = System::block_number();
		let due = accepted + UPGRADE_DELAY;
		assert_eq!(state(id), ProposalState::Scheduled { accepted, due });
		System::assert_has_event(
			Event::UpgradeScheduled { proposal: id, code_hash: hash, due }.into(),
		);
		assert!(System::authorized_upgrade().is_none(), "nothing before the delay");
		run_to_block(due);

		let auth = System::authorized_upgrade().expect("the hash is authorized");
		assert_eq!(*auth.code_hash(), hash);
		System::assert_has_event(Event::UpgradeAuthorized { proposal: id, code_hash: hash }.into());
		assert_eq!(state(id), ProposalState::Enacted { at: due });
		System::assert_has_event(
			frame_system::Event::<Test>::UpgradeAuthorized { code_hash: hash, check_version: true }
				.into(),
		);
		assert!(matches!(state(id), ProposalState::Enacted { .. }));
		assert_eq!(UpgradeProposal::<Test>::get(), None);

		// Only the ratified code is accepted, and anyone may submit it.
		assert_noop!(
			System::apply_authorized_upgrade(RuntimeOrigin::signed(BOB), b"other code".to_vec()),
			frame_system::Error::<Test>::Unauthorized
		);
		assert_ok!(System::apply_authorized_upgrade(RuntimeOrigin::signed(BOB), code.clone()));
		assert_eq!(
			sp_io::storage::get(sp_core::storage::well_known_keys::CODE).as_deref(),
			Some(&code[..])
		);
		System::assert_has_event(frame_system::Event::<Test>::CodeUpdated { hash }.into());
		assert!(System::authorized_upgrade().is_none());
		// Governance's records are untouched by the upgrade.
		assert!(matches!(state(id), ProposalState::Enacted { .. }));
		check_invariants();
	});
}

// With `runtime-benchmarks`, frame-system skips the version checks (it only reads the version).
#[cfg(not(feature = "runtime-benchmarks"))]
#[test]
fn an_authorized_upgrade_keeps_the_version_checks() {
	let code = b"an older guild runtime".to_vec();
	let mut ext = ExtBuilder::default().build();
	// The code claims the spec version in force: it must be refused.
	ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(ReadVersion(1)));
	ext.execute_with(|| {
		let code_before = sp_io::storage::get(sp_core::storage::well_known_keys::CODE);
		let id = propose(Change::UpgradeRuntime { code_hash: code_hash(&code) });
		pass_stage(id);
		pass_stage(id);
		pass_stage(id);
		run_to_block(System::block_number() + UPGRADE_DELAY);
		assert_ok!(System::apply_authorized_upgrade(RuntimeOrigin::signed(BOB), code));
		System::assert_has_event(
			frame_system::Event::<Test>::RejectedInvalidAuthorizedUpgrade {
				code_hash: code_hash(b"an older guild runtime"),
				error: frame_system::Error::<Test>::SpecVersionNeedsToIncrease.into(),
			}
			.into(),
		);
		assert_eq!(sp_io::storage::get(sp_core::storage::well_known_keys::CODE), code_before);
		check_invariants();
	});
}

#[test]
fn a_failed_upgrade_proposal_authorizes_nothing_and_frees_the_slot() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(Change::UpgradeRuntime { code_hash: H256::repeat_byte(7) });
		let post = new_post(&[(CAROL, PPM)]);
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				Change::UpgradeRuntime { code_hash: H256::repeat_byte(8) }
			),
			Error::<Test>::UpgradeAlreadyProposed
		);
		pass_stage(id);
		pass_stage(id);
		fail_stage(id);
		assert!(matches!(state(id), ProposalState::Rejected { stage: 2, .. }));
		assert!(System::authorized_upgrade().is_none());
		assert_eq!(UpgradeProposal::<Test>::get(), None);
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(CAROL),
			post,
			Change::UpgradeRuntime { code_hash: H256::repeat_byte(8) }
		));
	});
}

/// Alice passes the first two stages; in the last, only `who` stakes `amount` FOR.
fn last_stage_backed_by(id: u32, who: AccountId, amount: u128) {
	pass_stage(id);
	pass_stage(id);
	assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(who), current_pool(id), amount, true));
	end_current_pool(id);
}

#[test]
fn an_upgrade_without_enough_support_fails_and_forfeits_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let hash = H256::repeat_byte(3);
		let id = propose(Change::UpgradeRuntime { code_hash: hash });
		let dao = Reputation::dao_account();
		let pool = {
			pass_stage(id);
			pass_stage(id);
			current_pool(id)
		};
		let dao_before = Balances::balance(&dao);
		// Bob's 40 FOR win the last stage (2/3 of 50 staked) but are less than 25% of all REP.
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(BOB), pool, 40, true));
		end_current_pool(id);

		let now = System::block_number();
		// `total_rep` when the stage was judged: before the stage's minted FOR stake (5) was
		// propagated to Carol, later in the block.
		let total_rep = <Reputation as ReputationLedger<AccountId>>::total_rep() - FEE / 2;
		let required = UPGRADE_SUPPORT.mul_ceil(total_rep);
		assert!(required > 40, "the test needs 40 to fall short of {required}");
		assert_eq!(state(id), ProposalState::Unsupported { stage: 2, at: now });
		System::assert_has_event(
			Event::UpgradeSupportNotMet { proposal: id, pool, consent_for: 40, required }.into(),
		);
		System::assert_has_event(
			Event::DepositForfeited { proposal: id, who: CAROL, amount: DEPOSIT }.into(),
		);
		// The last stage's pool was accepted (its fee paid out), then the deposit joined it.
		assert_eq!(Balances::balance(&dao), dao_before + DEPOSIT);
		assert_eq!(deposit_held(CAROL), 0);
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - 3 * FEE - DEPOSIT);
		assert_eq!(UpgradeProposal::<Test>::get(), None);
		assert_eq!(PendingUpgrade::<Test>::get(), None);
		run_to_block(now + 2 * UPGRADE_DELAY);
		assert!(System::authorized_upgrade().is_none());
	});
}

#[test]
fn an_upgrade_with_just_enough_support_is_scheduled() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(Change::UpgradeRuntime { code_hash: H256::repeat_byte(4) });
		// Alice's 60 FOR in the last stage: 25% of all REP is less.
		last_stage_backed_by(id, ALICE, 60);
		let total_rep = <Reputation as ReputationLedger<AccountId>>::total_rep();
		assert!(UPGRADE_SUPPORT.mul_ceil(total_rep) <= 60);
		assert!(matches!(state(id), ProposalState::Scheduled { .. }));
	});
}

#[test]
fn the_support_threshold_is_exact() {
	// Bob's 40 of FOR in the last stage, with the support set so that 40 is exactly enough, and
	// then so that 40 is one unit short.
	for (short, expected_scheduled) in [(false, true), (true, false)] {
		ExtBuilder::default().build_and_execute(|| {
			let id = propose(Change::UpgradeRuntime { code_hash: H256::repeat_byte(5) });
			pass_stage(id);
			pass_stage(id);
			let pool = current_pool(id);
			assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(BOB), pool, 40, true));
			// `total_rep` when the last stage is judged, after its settlement (known in advance
			// by a dry run): the total at the end of that block, less the stage's minted FOR
			// stake (5), propagated to Carol later in the block.
			let total_after = frame_support::storage::with_transaction(|| {
				end_current_pool(id);
				let total = <Reputation as ReputationLedger<AccountId>>::total_rep() - FEE / 2;
				sp_runtime::TransactionOutcome::Rollback(Ok::<_, sp_runtime::DispatchError>(total))
			})
			.unwrap();
			let need = if short { 41 } else { 40 };
			let support = sp_runtime::Perbill::from_rational(need, total_after);
			assert_eq!(support.mul_ceil(total_after), need);
			let mut params = crate::Params::<Test>::get();
			params.upgrade_support = support;
			assert_ok!(Governance::set_params(RuntimeOrigin::root(), Box::new(params)));
			end_current_pool(id);
			assert_eq!(
				matches!(state(id), ProposalState::Scheduled { .. }),
				expected_scheduled,
				"short by one: {short}"
			);
		});
	}
}

#[test]
fn an_upgrade_waits_its_delay_holding_the_slot_and_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let hash = H256::repeat_byte(6);
		let id = propose(Change::UpgradeRuntime { code_hash: hash });
		last_stage_backed_by(id, ALICE, 60);
		let accepted = System::block_number();
		let due = accepted + UPGRADE_DELAY;
		assert_eq!(
			PendingUpgrade::<Test>::get(),
			Some(ScheduledUpgrade { proposal: id, code_hash: hash, due })
		);

		// Meanwhile no other upgrade may be proposed, and the deposit stays held.
		let post = new_post(&[(CAROL, PPM)]);
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				Change::UpgradeRuntime { code_hash: H256::repeat_byte(9) }
			),
			Error::<Test>::UpgradeAlreadyProposed
		);
		assert_eq!(deposit_held(CAROL), DEPOSIT);
		run_to_block(due - 1);
		assert!(System::authorized_upgrade().is_none());
		assert_eq!(state(id), ProposalState::Scheduled { accepted, due });

		run_to_block(due);
		assert_eq!(*System::authorized_upgrade().expect("authorized").code_hash(), hash);
		assert_eq!(state(id), ProposalState::Enacted { at: due });
		System::assert_has_event(
			Event::DepositReturned { proposal: id, who: CAROL, amount: DEPOSIT }.into(),
		);
		assert_eq!(deposit_held(CAROL), 0);
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - 3 * FEE);
		assert_eq!(PendingUpgrade::<Test>::get(), None);
		assert_eq!(UpgradeProposal::<Test>::get(), None);
		// The slot is free again.
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(CAROL),
			post,
			Change::UpgradeRuntime { code_hash: H256::repeat_byte(9) }
		));
	});
}

#[test]
fn the_delay_in_force_when_the_upgrade_is_accepted_applies() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(Change::UpgradeRuntime { code_hash: H256::repeat_byte(7) });
		pass_stage(id);
		pass_stage(id);
		// Meanwhile the delay doubles.
		let mut params = crate::Params::<Test>::get();
		params.upgrade_delay = 2 * UPGRADE_DELAY;
		assert_ok!(Governance::set_params(RuntimeOrigin::root(), Box::new(params)));
		pass_stage(id);
		let ProposalState::Scheduled { accepted, due } = state(id) else {
			panic!("the upgrade is scheduled: {:?}", state(id));
		};
		assert_eq!(due, accepted + 2 * UPGRADE_DELAY);
		run_to_block(due - 1);
		assert!(System::authorized_upgrade().is_none());
		run_to_block(due);
		assert!(System::authorized_upgrade().is_some());
	});
}
