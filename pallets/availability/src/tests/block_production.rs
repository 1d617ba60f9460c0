//! `BlockProduction` stakes (PROTOCOL.md §6, §12): their own list, count, bound and REP hold,
//! never drawn, read and slashed by the election through `BlockProductionStakes`, locked while
//! their owner validates.

use super::mock::*;
use crate::{Candidates, Error, Event, Stakes};
use frame_support::{assert_noop, assert_ok, assert_storage_noop};
use guild_primitives::{
	BlockProductionStakes, ExpertPool, Rep, RepHoldReason, RepInfo, ReputationLedger,
};
use sp_runtime::{DispatchResult, Perbill};

/// Stake `amount` for block production until `until` as `who`.
fn stake_bp(who: AccountId, amount: Rep, until: BlockNumber) {
	assert_ok!(Availability::stake_availability(
		RuntimeOrigin::signed(who),
		StakeKind::BlockProduction,
		amount,
		until
	));
}

fn withdraw_bp(who: AccountId) -> DispatchResult {
	Availability::withdraw(RuntimeOrigin::signed(who), StakeKind::BlockProduction)
}

/// REP of `who` held for block production.
fn held_bp(who: AccountId) -> Rep {
	<Reputation as ReputationLedger<AccountId>>::held(&who, RepHoldReason::BlockProduction)
}

fn bp_record(who: AccountId) -> Option<crate::ExpertStakeOf<Test>> {
	Stakes::<Test>::get(StakeKind::BlockProduction, who)
}

fn bp_stake_of(who: AccountId) -> Rep {
	<Availability as BlockProductionStakes<AccountId>>::stake_of(&who)
}

fn bp_slash(who: AccountId, fraction: Perbill) -> Rep {
	<Availability as BlockProductionStakes<AccountId>>::slash(&who, fraction)
}

fn bp_candidates() -> Vec<(AccountId, Rep)> {
	<Availability as BlockProductionStakes<AccountId>>::candidates()
}

/// The accounts listed as `BlockProduction` candidates, in list order.
fn bp_listed() -> Vec<AccountId> {
	Candidates::<Test>::get(StakeKind::BlockProduction)
		.iter()
		.map(|c| c.who)
		.collect()
}

/// One account's two kinds of stake have their own records, lists, counts and REP holds.
#[test]
fn the_two_kinds_of_stake_are_kept_apart() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		stake_bp(ALICE, 200, 60);
		stake(BOB, 300, 50);
		assert_eq!(
			Reputation::rep_of(&ALICE),
			RepInfo {
				free: START_REP - 300,
				held_pool: 0,
				held_availability: 100,
				held_block_production: 200,
			}
		);
		assert_eq!((held(ALICE), held_bp(ALICE)), (100, 200));
		assert_eq!(StakeCount::<Test>::get(StakeKind::Requests), 2);
		assert_eq!(StakeCount::<Test>::get(StakeKind::BlockProduction), 1);
		let listed = |kind: StakeKind| {
			Candidates::<Test>::get(kind)
				.iter()
				.map(|c| (c.who, c.amount, c.until))
				.collect::<Vec<_>>()
		};
		assert_eq!(listed(StakeKind::Requests), vec![(ALICE, 100, 50), (BOB, 300, 50)]);
		assert_eq!(listed(StakeKind::BlockProduction), vec![(ALICE, 200, 60)]);
		assert_eq!(<Availability as ExpertPool<AccountId>>::stake_of(&ALICE), 100);
		assert_eq!((bp_stake_of(ALICE), bp_stake_of(BOB)), (200, 0));
		System::assert_has_event(
			Event::<Test>::Staked {
				who: ALICE,
				kind: StakeKind::BlockProduction,
				added: 200,
				total: 200,
				until: 60,
			}
			.into(),
		);
		// Withdrawing one kind leaves the other alone.
		run_to_block(50);
		assert_ok!(Availability::withdraw(RuntimeOrigin::signed(ALICE), StakeKind::Requests));
		assert_eq!((free(ALICE), held(ALICE), held_bp(ALICE)), (START_REP - 200, 0, 200));
		assert_eq!(bp_record(ALICE).map(|s| s.amount), Some(200));
		assert_eq!(StakeCount::<Test>::get(StakeKind::BlockProduction), 1);
		assert_eq!(bp_listed(), vec![ALICE]);
	});
}

/// Only `Requests` stakes are drawn, and only they are offered to waiting requests.
#[test]
fn a_block_production_stake_is_never_drawn() {
	ExtBuilder::default().build_and_execute(|| {
		stake_bp(ALICE, 500, 100);
		assert!(AvailableLog::get().is_empty(), "not offered to the work requests");
		assert_eq!(Availability::draw(1, 0, &[]), None);
		stake(BOB, 10, 100);
		for request in 0..50 {
			assert_eq!(Availability::draw(request, 0, &[]), Some((BOB, 10)));
			Availability::release(&BOB);
		}
		assert_eq!(Availability::draw(99, 0, &[BOB]), None);
		assert_eq!(bp_record(ALICE).unwrap().bound, None);
		assert_eq!(bp_candidates(), vec![(ALICE, 500)]);
	});
}

/// `candidates()` lists the unexpired `BlockProduction` stakes with their amounts, oldest first
/// whatever the list order.
#[test]
fn the_election_sees_unexpired_stakes_oldest_first() {
	ExtBuilder::default().build_and_execute(|| {
		stake_bp(ALICE, 100, 5);
		run_to_block(2);
		stake_bp(BOB, 50, 100);
		run_to_block(3);
		stake_bp(CAROL, 60, 100);
		run_to_block(4);
		stake_bp(DAVE, 70, 100);
		assert_eq!(bp_candidates(), vec![(ALICE, 100), (BOB, 50), (CAROL, 60), (DAVE, 70)]);
		run_to_block(5);
		assert_eq!(bp_candidates(), vec![(BOB, 50), (CAROL, 60), (DAVE, 70)], "expired at `until`");
		assert_eq!(bp_listed(), vec![ALICE, BOB, CAROL, DAVE], "still listed, left out");
		stake_bp(EVE, 80, 100);
		run_to_block(6);
		stake_bp(FERDIE, 90, 100);
		run_to_block(7);
		// The list is full: George takes expired Alice's place, Ferdie moves to the front.
		stake_bp(GEORGE, 55, 100);
		System::assert_has_event(
			Event::<Test>::Evicted { who: ALICE, kind: StakeKind::BlockProduction, amount: 100 }
				.into(),
		);
		assert_eq!(bp_listed(), vec![FERDIE, BOB, CAROL, DAVE, EVE, GEORGE]);
		// A top-up keeps the stake's age.
		run_to_block(8);
		stake_bp(FERDIE, 10, 100);
		let expected = [(BOB, 50), (CAROL, 60), (DAVE, 70), (EVE, 80), (FERDIE, 100), (GEORGE, 55)];
		assert_eq!(bp_candidates(), expected);
		assert_eq!(Availability::block_production_candidates(), expected);
	});
}

/// A slash burns the share of the `BlockProduction` stake, rounded down, and nothing else.
#[test]
fn a_slash_burns_a_share_of_the_block_production_stake_only() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		stake_bp(ALICE, 101, 50);
		stake_bp(BOB, 80, 50);
		let total = total_rep();
		assert_eq!(bp_slash(ALICE, Perbill::from_percent(50)), 50, "rounded down");
		assert_eq!((bp_stake_of(ALICE), held_bp(ALICE)), (51, 51));
		assert_eq!(bp_record(ALICE).map(|s| s.amount), Some(51));
		assert_eq!(Candidates::<Test>::get(StakeKind::BlockProduction)[0].amount, 51);
		assert_eq!(bp_candidates(), vec![(ALICE, 51), (BOB, 80)]);
		assert_eq!(free(ALICE), START_REP - 201, "free REP untouched");
		assert_eq!(
			(<Availability as ExpertPool<AccountId>>::stake_of(&ALICE), held(ALICE)),
			(100, 100),
			"the Requests stake untouched"
		);
		assert_eq!(Candidates::<Test>::get(StakeKind::Requests)[0].amount, 100);
		assert_eq!(held_bp(BOB), 80);
		assert_eq!(burned(), 50);
		assert_eq!(total, total_rep() + burned(), "what the slash took is burned");
		System::assert_last_event(
			Event::<Test>::StakeSlashed {
				who: ALICE,
				kind: StakeKind::BlockProduction,
				burned: 50,
				remaining: 51,
			}
			.into(),
		);
	});
}

/// A slash of the whole `BlockProduction` stake removes it from its list and count only.
#[test]
fn a_full_slash_removes_the_block_production_stake() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		stake_bp(ALICE, 100, 50);
		assert_eq!(bp_slash(ALICE, Perbill::one()), 100);
		assert!(bp_record(ALICE).is_none());
		assert!(bp_listed().is_empty());
		assert_eq!(StakeCount::<Test>::get(StakeKind::BlockProduction), 0);
		assert_eq!(StakeCount::<Test>::get(StakeKind::Requests), 1);
		assert_eq!((free(ALICE), held(ALICE), held_bp(ALICE)), (START_REP - 200, 100, 0));
	});
}

/// A slash of either kind finds nothing to burn in an account without a stake of that kind.
#[test]
fn a_slash_without_a_stake_of_the_kind_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		stake(CAROL, 100, 50);
		stake_bp(DAVE, 100, 50);
		assert_storage_noop!(assert_eq!(bp_slash(CAROL, Perbill::one()), 0));
		assert_storage_noop!(assert_eq!(bp_slash(PAUPER, Perbill::one()), 0));
		assert_storage_noop!(assert_eq!(
			<Availability as ExpertPool<AccountId>>::slash(&DAVE, Perbill::one()),
			0
		));
		assert_eq!((held(CAROL), held_bp(DAVE), burned()), (100, 100, 0));
	});
}

/// `withdraw(BlockProduction)` waits for expiry, then for the validator set's lock; the lock is
/// per account and leaves `Requests` stakes alone.
#[test]
fn a_locked_block_production_stake_cannot_be_withdrawn() {
	ExtBuilder::default().build_and_execute(|| {
		stake_bp(ALICE, 100, 5);
		stake_bp(BOB, 100, 5);
		stake(ALICE, 50, 5);
		LockedStakes::set(vec![ALICE]);
		run_to_block(4);
		assert_noop!(withdraw_bp(ALICE), Error::<Test>::NotExpired);
		run_to_block(5);
		assert_noop!(withdraw_bp(ALICE), Error::<Test>::StakeLocked);
		assert_ok!(withdraw_bp(BOB));
		assert_ok!(Availability::withdraw(RuntimeOrigin::signed(ALICE), StakeKind::Requests));
		assert_eq!((free(ALICE), held_bp(ALICE)), (START_REP - 100, 100));
		LockedStakes::set(vec![]);
		assert_ok!(withdraw_bp(ALICE));
		assert_eq!((free(ALICE), held_bp(ALICE)), (START_REP, 0));
		assert!(bp_record(ALICE).is_none());
		assert!(bp_listed().is_empty());
		assert_eq!(StakeCount::<Test>::get(StakeKind::BlockProduction), 0);
		System::assert_last_event(
			Event::<Test>::Withdrawn { who: ALICE, kind: StakeKind::BlockProduction, amount: 100 }
				.into(),
		);
	});
}

/// `MaxExperts` bounds each kind's list on its own: a full `Requests` list keeps no
/// `BlockProduction` stake out, and a full `BlockProduction` list refuses a stake too small.
#[test]
fn max_experts_applies_per_kind() {
	ExtBuilder::default().build_and_execute(|| {
		for who in 1..=MAX_EXPERTS as u64 {
			stake(who, 50, 100);
		}
		assert_noop!(
			Availability::stake_availability(
				RuntimeOrigin::signed(GEORGE),
				StakeKind::Requests,
				50,
				100
			),
			Error::<Test>::StakeTooSmallToDisplace
		);
		for who in 2..=MAX_EXPERTS as u64 + 1 {
			stake_bp(who, 50, 100);
		}
		assert_eq!(held_bp(GEORGE), 50);
		assert_eq!(StakeCount::<Test>::get(StakeKind::Requests), MAX_EXPERTS);
		assert_eq!(StakeCount::<Test>::get(StakeKind::BlockProduction), MAX_EXPERTS);
		assert_noop!(
			Availability::stake_availability(
				RuntimeOrigin::signed(ALICE),
				StakeKind::BlockProduction,
				50,
				100
			),
			Error::<Test>::StakeTooSmallToDisplace
		);
	});
}
