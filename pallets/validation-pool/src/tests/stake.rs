//! `stake`: holds, sides, bounds and the checks.

use super::mock::*;
use crate::{Error, Event, StakeInfo, Stakes};
use frame_support::{assert_noop, assert_ok};
use guild_primitives::{Tally, ValidationPools, PPM};
use sp_runtime::DispatchError;

fn stake(who: AccountId, pool: u64, amount: u128, in_favor: bool) -> sp_runtime::DispatchResult {
	ValidationPool::stake(RuntimeOrigin::signed(who), pool, amount, in_favor)
}

/// A pool on a post by Carol, fee 20, ending at block 11.
fn setup_pool() -> u64 {
	let post = new_post(&[(CAROL, PPM)]);
	assert_ok!(ValidationPool::force_initiate(RuntimeOrigin::root(), INITIATOR, post, 20, None));
	0
}

#[test]
fn stakes_hold_free_rep_and_add_up_on_one_side() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			let pool = setup_pool();
			assert_ok!(stake(ALICE, pool, 40, true));
			assert_eq!((free(ALICE), held(ALICE)), (60, 40));
			System::assert_last_event(
				Event::<Test>::Staked { pool, who: ALICE, amount: 40, in_favor: true }.into(),
			);
			assert_ok!(stake(ALICE, pool, 10, true));
			assert_ok!(stake(BOB, pool, 30, false));
			assert_eq!((free(ALICE), held(ALICE)), (50, 50));
			assert_eq!((free(BOB), held(BOB)), (20, 30));
			assert_eq!(
				Stakes::<Test>::get(pool, ALICE),
				Some(StakeInfo { in_favor: true, amount: 50, availability: 0 })
			);
			let open = open_pool(pool);
			assert_eq!(
				open.tally,
				Tally {
					for_total: 10 + 50,
					against_total: 10 + 30,
					consent_for: 50,
					consent_against: 30
				}
			);
			assert_eq!(open.stakers, 2);
			assert_eq!(total_rep(), 150, "holding moves no REP in or out of total_rep");
		});
}

#[test]
fn stake_errors_change_nothing() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			let pool = setup_pool();
			assert_noop!(
				ValidationPool::stake(RuntimeOrigin::none(), pool, 10, true),
				DispatchError::BadOrigin
			);
			assert_noop!(stake(ALICE, 7, 10, true), Error::<Test>::UnknownPool);
			assert_noop!(stake(ALICE, pool, 0, true), Error::<Test>::ZeroStake);
			assert_noop!(stake(ALICE, pool, 101, true), Error::<Test>::InsufficientFreeRep);
			assert_noop!(stake(DAVE, pool, 1, true), Error::<Test>::InsufficientFreeRep);
			assert_ok!(stake(ALICE, pool, 60, true));
			assert_noop!(stake(ALICE, pool, 41, true), Error::<Test>::InsufficientFreeRep);
			assert_noop!(stake(ALICE, pool, 1, false), Error::<Test>::AlreadyStakedOtherSide);
			assert_ok!(stake(BOB, pool, 10, false));
			assert_noop!(stake(BOB, pool, 1, true), Error::<Test>::AlreadyStakedOtherSide);
		});
}

#[test]
fn stakes_are_taken_until_the_end_block_inclusive() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			let pool = setup_pool();
			let end = open_pool(pool).end;
			run_to_block(end);
			assert_ok!(stake(ALICE, pool, 10, true));
			// The next block, before the hook has evaluated the pool.
			System::set_block_number(end + 1);
			assert_noop!(stake(BOB, pool, 10, false), Error::<Test>::PoolEnded);
			assert_ok!(ValidationPool::evaluate(RuntimeOrigin::signed(BOB), pool));
			assert_noop!(stake(BOB, pool, 10, false), Error::<Test>::PoolAlreadyResolved);
		});
}

#[test]
fn a_full_pool_takes_no_equal_new_staker() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 100), (CAROL, 100), (DAVE, 100), (EVE, 100)])
		.build_and_execute(|| {
			let pool = setup_pool();
			for (i, who) in [ALICE, BOB, CAROL, DAVE].into_iter().enumerate() {
				assert_ok!(stake(who, pool, 10, i % 2 == 0));
			}
			assert_eq!(open_pool(pool).stakers, MAX_STAKERS);
			assert_noop!(stake(EVE, pool, 10, true), Error::<Test>::StakeTooSmallForFullPool);
			// Stakers already in may add to their stake.
			assert_ok!(stake(ALICE, pool, 10, true));
			assert_ok!(stake(BOB, pool, 10, false));
			assert_eq!(open_pool(pool).tally.for_total, 10 + 20 + 10);
			run_to_block(open_pool(pool).end + 1);
			assert!(outcome(pool).is_some());
		});
}

#[test]
fn a_worker_adds_to_their_for_stake_but_cannot_stake_against() {
	ExtBuilder::default().with_rep(&[(DAVE, 100)]).build_and_execute(|| {
		hold_availability(DAVE, 50);
		let post = new_post(&[(DAVE, PPM)]);
		let pool = <ValidationPool as ValidationPools<_, _, _>>::open(
			&INITIATOR,
			post,
			20,
			5,
			None,
			Some((DAVE, 50)),
		)
		.unwrap();
		assert_noop!(stake(DAVE, pool, 10, false), Error::<Test>::AlreadyStakedOtherSide);
		assert_ok!(stake(DAVE, pool, 10, true));
		assert_eq!(
			Stakes::<Test>::get(pool, DAVE),
			Some(StakeInfo { in_favor: true, amount: 10, availability: 50 })
		);
		assert_eq!(open_pool(pool).tally.for_total, 10 + 50 + 10);
		assert_eq!(open_pool(pool).stakers, 1);
	});
}
