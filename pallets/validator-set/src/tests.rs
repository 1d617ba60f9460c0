//! The election, liveness, session reports and equivocation of PROTOCOL.md §12.

use crate::{
	mock::*, Error, Event, Excluded, Exclusion, LastReport, Params, Reports, SessionBlocks,
	SessionFees, ValidatorParams, REPORT_CITATION_PPM,
};
use frame_support::{assert_noop, assert_ok, traits::Get};
use guild_primitives::{OnPoolResolved, PoolOutcome, ProtocolPosts, StakeLock, Tally};
use pallet_session::SessionManager;
use proptest::prelude::*;
use sp_runtime::{DispatchError, Perbill};
use sp_staking::offence::{Kind, Offence, OffenceError, ReportOffence};

fn set_stakes(stakes: &[(AccountId, u128)], keys: &[AccountId]) {
	world(|w| {
		w.stakes = stakes.to_vec();
		w.keys.extend_from_slice(keys);
	});
}

#[test]
fn the_largest_stakes_with_keys_are_elected_older_first_on_ties() {
	new_test_ext().execute_with(|| {
		// 3 and 5 tie at 50: 3 staked first. 6 has no keys, 7 is below the minimum.
		set_stakes(
			&[(3, 50), (4, 80), (5, 50), (6, 90), (7, 9), (8, 20), (9, 30)],
			&[3, 4, 5, 7, 8, 9],
		);
		assert_eq!(ValidatorSet::new_session(2), Some(vec![4, 3, 5, 9]));
		System::assert_last_event(
			Event::Elected { session: 2, validators: vec![4, 3, 5, 9], filled: 0 }.into(),
		);
	});
}

#[test]
fn genesis_validators_fill_up_to_the_minimum() {
	new_test_ext().execute_with(|| {
		// Nobody qualifies: the genesis validators.
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2]));
		// One candidate: it and the first genesis validator.
		set_stakes(&[(3, 10)], &[3]);
		assert_eq!(ValidatorSet::new_session(3), Some(vec![3, 1]));
		System::assert_last_event(
			Event::Elected { session: 3, validators: vec![3, 1], filled: 1 }.into(),
		);
		// Two: no genesis validator.
		set_stakes(&[(3, 10), (4, 11)], &[4]);
		assert_eq!(ValidatorSet::new_session(4), Some(vec![4, 3]));
	});
}

#[test]
fn nobody_able_to_validate_keeps_the_set_in_force() {
	new_test_ext().execute_with(|| {
		world(|w| w.keys.clear());
		assert_eq!(ValidatorSet::new_session(2), None);
	});
}

#[test]
fn a_validator_with_slots_and_no_block_is_not_re_elected_once() {
	new_test_ext().execute_with(|| {
		set_stakes(&[(3, 20), (4, 20)], &[3, 4]);
		world(|w| w.validators = vec![3, 4, 1]);
		ValidatorSet::note_block(&3);
		ValidatorSet::note_block(&3);
		// 4 had slots and authored nothing; 1 had no slot.
		world(|w| w.slots = vec![true, true, false]);
		ValidatorSet::end_session(1);
		System::assert_has_event(Event::NotReElected { who: 4, reason: Exclusion::Absent }.into());
		assert_eq!(Excluded::<Test>::get().into_inner(), vec![(4, Exclusion::Absent)]);
		assert_eq!(ValidatorSet::new_session(3), Some(vec![3, 1]));
		// Once: the election after it takes 4 again.
		assert_eq!(ValidatorSet::new_session(4), Some(vec![3, 4]));
		assert!(SessionBlocks::<Test>::get().is_empty());
	});
}

#[test]
fn the_report_cites_the_last_one_and_its_pool_has_the_fees_and_report_rules() {
	new_test_ext().execute_with(|| {
		world(|w| w.validators = vec![1, 2]);
		for _ in 0..3 {
			ValidatorSet::note_block(&2);
		}
		ValidatorSet::note_block(&1);
		ValidatorSet::note_fees(7);
		// Below the pool minimum: deferred, fees kept.
		ValidatorSet::end_session(1);
		System::assert_has_event(Event::ReportDeferred { session: 1, fees: 7 }.into());
		assert_eq!(SessionFees::<Test>::get(), 7);
		assert!(world(|w| w.posts.is_empty()));

		for _ in 0..3 {
			ValidatorSet::note_block(&2);
		}
		ValidatorSet::note_block(&1);
		ValidatorSet::note_fees(5);
		ValidatorSet::end_session(2);
		System::assert_has_event(
			Event::ReportPosted { session: 2, post: 0, pool: 0, fee: 12, blocks: 4 }.into(),
		);
		assert_eq!(SessionFees::<Test>::get(), 0);
		assert_eq!(LastReport::<Test>::get(), Some(0));
		let report = Reports::<Test>::get(0).unwrap();
		assert_eq!(report.shares.into_inner(), vec![(1, 1), (2, 3)]);
		let (initiator, post, fee, rules) = world(|w| w.pools[0]);
		assert_eq!((initiator, post, fee), (DAO, 0, 12));
		let rules = rules.unwrap();
		assert_eq!((rules.quorum, rules.win_ratio), (Perbill::zero(), Perbill::from_percent(50)));
		assert_eq!(rules.binding, Perbill::one(), "the other rules are the pools' own");
		assert_eq!(world(|w| w.posts[0].clone()), (vec![(REPORTER, 1_000_000)], vec![]));
		assert!(<ValidatorSet as ProtocolPosts>::is_protocol_post(0));

		ValidatorSet::note_block(&1);
		ValidatorSet::note_fees(10);
		ValidatorSet::end_session(3);
		assert_eq!(world(|w| w.posts[1].1.clone()), vec![(0, REPORT_CITATION_PPM)]);
	});
}

#[test]
fn a_failed_report_keeps_its_fees_for_the_next() {
	new_test_ext().execute_with(|| {
		ValidatorSet::note_block(&1);
		ValidatorSet::note_fees(20);
		world(|w| w.forum_down = true);
		ValidatorSet::end_session(1);
		assert_eq!(SessionFees::<Test>::get(), 20);
		assert!(Reports::<Test>::iter().next().is_none());
	});
}

/// Post a report of session 1 with `blocks` per validator and fee 10.
fn report(blocks: &[(AccountId, u32)]) -> (u64, u64) {
	world(|w| w.validators = blocks.iter().map(|(v, _)| *v).collect());
	for (who, n) in blocks {
		for _ in 0..*n {
			ValidatorSet::note_block(who);
		}
	}
	ValidatorSet::note_fees(10);
	ValidatorSet::end_session(1);
	let post = LastReport::<Test>::get().unwrap();
	(Reports::<Test>::get(post).unwrap().pool, post)
}

#[test]
fn an_accepted_report_passes_the_report_accounts_rep_on_by_blocks_to_the_unit() {
	new_test_ext().execute_with(|| {
		let (pool, post) = report(&[(1, 1), (2, 2), (3, 4)]);
		// What the pool credited to the report account's post: 100 REP.
		world(|w| w.free.insert(REPORTER, 100));
		ValidatorSet::on_pool_resolved(pool, post, PoolOutcome::Accepted, Tally::default());
		// 100 × 1/7 = 14, × 2/7 = 28, × 4/7 = 57; remainder 1 to the first.
		assert_eq!(
			world(|w| (w.free[&1], w.free[&2], w.free[&3], w.free[&REPORTER])),
			(15, 28, 57, 0)
		);
		System::assert_has_event(Event::ReportRewarded { post, who: 1, blocks: 1, rep: 15 }.into());
		assert!(Reports::<Test>::get(post).is_none());
	});
}

#[test]
fn a_rejected_report_pays_its_validators_nothing() {
	new_test_ext().execute_with(|| {
		let (pool, post) = report(&[(1, 1)]);
		world(|w| w.free.insert(REPORTER, 5));
		ValidatorSet::on_pool_resolved(pool, post, PoolOutcome::Rejected, Tally::default());
		assert_eq!(world(|w| w.free.get(&1).copied()), None);
		System::assert_last_event(
			Event::ReportNotAccepted { post, outcome: PoolOutcome::Rejected }.into(),
		);
		// Another pool on another post is not a report's.
		assert_eq!(
			ValidatorSet::on_pool_resolved(pool, post + 1, PoolOutcome::Accepted, Tally::default()),
			<<Test as frame_system::Config>::DbWeight as Get<
				frame_support::weights::RuntimeDbWeight,
			>>::get()
			.reads(1)
		);
	});
}

/// An equivocation of `who` in `session`.
struct Equivocation(AccountId, u32);
impl Offence<(AccountId, ())> for Equivocation {
	const ID: Kind = *b"guild:equivocati";
	type Slot = u64;
	fn offenders(&self) -> Vec<(AccountId, ())> {
		vec![(self.0, ())]
	}
	fn session_index(&self) -> u32 {
		self.1
	}
	fn validator_set_count(&self) -> u32 {
		2
	}
	fn slot(&self) -> u64 {
		7
	}
	fn slash_fraction(&self, _: u32) -> Perbill {
		Perbill::zero()
	}
}

#[test]
fn an_equivocation_burns_the_slash_disables_and_excludes_once_per_session() {
	new_test_ext().execute_with(|| {
		set_stakes(&[(3, 100), (4, 100)], &[3, 4]);
		world(|w| w.validators = vec![3, 4]);
		assert_ok!(<ValidatorSet as ReportOffence<_, _, _>>::report_offence(
			vec![],
			Equivocation(3, 0)
		));
		System::assert_has_event(Event::Equivocated { who: 3, session: 0, burned: 50 }.into());
		assert_eq!(world(|w| (w.stakes[0], w.burned, w.disabled.clone())), ((3, 50), 50, vec![3]));
		assert!(<ValidatorSet as ReportOffence<_, _, Equivocation>>::is_known_offence(
			&[(3, ())],
			&7
		));
		assert_eq!(
			<ValidatorSet as ReportOffence<_, _, _>>::report_offence(vec![], Equivocation(3, 0)),
			Err(OffenceError::DuplicateReport)
		);
		assert_eq!(world(|w| w.burned), 50, "one slash per session");
		// Not re-elected in the next election, though its 50 still qualifies.
		assert_eq!(ValidatorSet::new_session(2), Some(vec![4, 1]));
		assert_eq!(ValidatorSet::new_session(3), Some(vec![4, 3]));
	});
}

#[test]
fn a_validators_stake_is_locked_until_the_report_window_has_passed() {
	new_test_ext().execute_with(|| {
		set_stakes(&[(3, 100)], &[3]);
		assert!(!ValidatorSet::is_locked(&3));
		assert_eq!(ValidatorSet::new_session(2), Some(vec![3, 1]));
		for session in 0..=5 {
			world(|w| w.session = session);
			assert!(ValidatorSet::is_locked(&3), "session {session}");
		}
		world(|w| w.session = 6);
		assert!(!ValidatorSet::is_locked(&3));
	});
}

#[test]
fn params_are_checked_and_set_by_their_origin() {
	new_test_ext().execute_with(|| {
		let good = ValidatorParams { validator_count: 8, ..Params::<Test>::get() };
		assert_noop!(
			ValidatorSet::set_params(RuntimeOrigin::signed(1), good),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::set_params(
				RuntimeOrigin::root(),
				ValidatorParams { validator_count: 9, ..good }
			),
			Error::<Test>::BadValidatorCount
		);
		assert_noop!(
			ValidatorSet::set_params(
				RuntimeOrigin::root(),
				ValidatorParams { validator_count: 0, ..good }
			),
			Error::<Test>::BadValidatorCount
		);
		assert_noop!(
			ValidatorSet::set_params(
				RuntimeOrigin::root(),
				ValidatorParams { min_validator_stake: 0, ..good }
			),
			Error::<Test>::ZeroMinValidatorStake
		);
		assert_ok!(ValidatorSet::set_params(RuntimeOrigin::root(), good));
		System::assert_last_event(Event::ParamsSet { params: good }.into());
	});
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(200))]

	/// Over random stakes and keys: the set is the `validator_count` best qualified stakes
	/// (amount, then age), filled with genesis validators up to the minimum; every member
	/// qualifies; nobody left out beats a member.
	#[test]
	fn elections_over_random_stakes(
		stakes in proptest::collection::vec((0u128..40, any::<bool>()), 0..12),
		count in 1u32..=8,
	) {
		new_test_ext().execute_with(|| {
			let list: Vec<(AccountId, u128)> =
				stakes.iter().enumerate().map(|(i, (a, _))| (10 + i as u64, *a)).collect();
			let keyed: Vec<AccountId> =
				stakes.iter().enumerate().filter(|(_, (_, k))| *k).map(|(i, _)| 10 + i as u64).collect();
			set_stakes(&list, &keyed);
			Params::<Test>::mutate(|p| p.validator_count = count);
			let set = ValidatorSet::new_session(2).unwrap();
			let mut expected: Vec<(AccountId, u128)> = list
				.iter()
				.filter(|(w, a)| *a >= 10 && keyed.contains(w))
				.cloned()
				.collect();
			expected.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
			let mut want: Vec<AccountId> =
				expected.iter().take(count as usize).map(|(w, _)| *w).collect();
			for g in [1, 2] {
				if want.len() < 2usize.min(count as usize) {
					want.push(g);
				}
			}
			prop_assert_eq!(set, want);
			Ok(())
		})?;
	}
}
