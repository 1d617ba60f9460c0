//! The election, liveness, session reports and equivocation of PROTOCOL.md §12.

use crate::{
	mock::*, Error, Event, Excluded, Exclusion, LastReport, LastSlot, MissedSlots, Params,
	Punished, Reports, SessionBlocks, SessionFees, ValidatorParams, REPORT_CITATION_PPM,
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

/// Count a block by `author` in `slot`.
fn block_at(slot: u64, author: AccountId) {
	world(|w| w.slot = slot);
	ValidatorSet::note_block(&author);
}

#[test]
fn a_validator_whose_slot_stayed_empty_and_who_authored_nothing_is_not_re_elected_once() {
	new_test_ext().execute_with(|| {
		set_stakes(&[(3, 20), (4, 20)], &[3, 4]);
		world(|w| (w.validators, w.epoch_start) = (vec![3, 4, 1], 10));
		// Slot s is the secondary slot of validator index s mod 3 (3, 4, 1). The epoch starts
		// at slot 10; blocks in slots 12, 14 and 15 leave 10 (4's), 11 (1's) and 13 (4's)
		// empty. 1 authored a block, so only 4 was absent.
		block_at(12, 3);
		assert_eq!(MissedSlots::<Test>::get().into_inner(), vec![1, 2]);
		block_at(14, 1);
		block_at(15, 3);
		assert_eq!(LastSlot::<Test>::get(), 15);
		ValidatorSet::end_session(1);
		System::assert_has_event(Event::NotReElected { who: 4, reason: Exclusion::Absent }.into());
		assert_eq!(Excluded::<Test>::get().into_inner(), vec![(4, Exclusion::Absent)]);
		assert!(MissedSlots::<Test>::get().is_empty());
		assert_eq!(ValidatorSet::new_session(3), Some(vec![3, 1]));
		// Once: the election after it takes 4 again.
		assert_eq!(ValidatorSet::new_session(4), Some(vec![3, 4]));
		assert!(SessionBlocks::<Test>::get().is_empty());
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn a_secondary_slot_filled_by_another_block_does_not_count_against_its_owner() {
	new_test_ext().execute_with(|| {
		set_stakes(&[(3, 20), (4, 20)], &[3, 4]);
		world(|w| (w.validators, w.epoch_start) = (vec![3, 4, 1], 0));
		// A block in every slot, all by 3 (primary claims over 4's and 1's secondary slots).
		for slot in 1..=9 {
			block_at(slot, 3);
		}
		assert!(MissedSlots::<Test>::get().is_empty());
		ValidatorSet::end_session(1);
		assert!(Excluded::<Test>::get().is_empty(), "nobody was absent");
		assert_eq!(ValidatorSet::new_session(3), Some(vec![3, 4]));
	});
}

#[test]
fn only_short_runs_before_a_secondary_block_mark_their_owners() {
	new_test_ext().execute_with(|| {
		world(|w| (w.validators, w.epoch_start) = (vec![1, 2, 3], 0));
		block_at(1, 1);
		// A stall: 11 empty slots (2..=12) mark nobody.
		block_at(13, 2);
		assert!(MissedSlots::<Test>::get().is_empty());
		// A primary block after an empty slot (14): it may have been built past a block.
		world(|w| w.primary = true);
		block_at(15, 3);
		assert!(MissedSlots::<Test>::get().is_empty());
		// A secondary block after 10 empty slots (16..=25): their owners are marked.
		world(|w| w.primary = false);
		block_at(26, 1);
		assert_eq!(MissedSlots::<Test>::get().into_inner(), vec![0, 1, 2]);
		// Slots of the previous epoch are not this session's.
		world(|w| w.epoch_start = 2_000);
		MissedSlots::<Test>::kill();
		block_at(2_001, 1);
		assert_eq!(MissedSlots::<Test>::get().into_inner(), vec![(2_000 % 3) as u32]);
		assert_ok!(ValidatorSet::do_try_state());
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
		// Not re-elected in the next elections of the report window, though its 50 qualifies.
		assert_eq!(ValidatorSet::new_session(2), Some(vec![4, 1]));
		assert_eq!(ValidatorSet::new_session(3), Some(vec![4, 1]));
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn a_punished_offender_stays_disabled_and_known_for_the_report_window() {
	new_test_ext().execute_with(|| {
		set_stakes(&[(3, 100), (4, 100)], &[3, 4]);
		world(|w| (w.validators, w.session) = (vec![3, 4], 5));
		// An offence of session 3, reported in session 5.
		assert_ok!(<ValidatorSet as ReportOffence<_, _, _>>::report_offence(
			vec![],
			Equivocation(3, 3)
		));
		// The window counts from the punishment.
		assert!(Punished::<Test>::contains_key(5, 3));
		// A later session in the window: still in the set (elected before), disabled again at
		// its start; any further report about it is known and refused.
		world(|w| (w.session, w.disabled) = (6, vec![]));
		ValidatorSet::start_session(6);
		assert_eq!(world(|w| w.disabled.clone()), vec![3]);
		assert!(<ValidatorSet as ReportOffence<_, _, Equivocation>>::is_known_offence(
			&[(3, ())],
			&9
		));
		assert_eq!(
			<ValidatorSet as ReportOffence<_, _, _>>::report_offence(vec![], Equivocation(3, 6)),
			Err(OffenceError::DuplicateReport)
		);
		assert_eq!(world(|w| w.burned), 50, "one slash per window");
		assert_eq!(ValidatorSet::new_session(8), Some(vec![4, 1]), "elected nowhere in the window");
		// Session 9 is past the window: forgotten, no longer disabled, elected again.
		world(|w| (w.session, w.disabled) = (9, vec![]));
		ValidatorSet::start_session(9);
		assert!(!Punished::<Test>::contains_key(5, 3));
		assert!(world(|w| w.disabled.is_empty()));
		assert!(!<ValidatorSet as ReportOffence<_, _, Equivocation>>::is_known_offence(
			&[(3, ())],
			&9
		));
		assert_eq!(ValidatorSet::new_session(11), Some(vec![4, 3]));
		assert_ok!(ValidatorSet::do_try_state());
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
