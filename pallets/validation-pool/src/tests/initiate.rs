//! `initiate` and `ValidationPools::open`: the fee, the mint, the minted stakes, the checks.

use super::mock::*;
use crate::{EndingAt, Error, Event, NextPoolId, PoolOfPost, StakeInfo, Stakes};
use frame_support::{assert_noop, assert_ok};
use guild_primitives::{PoolRules, PostStatus, Tally, ValidationPools, PPM};
use sp_runtime::{DispatchError, FixedU128, Perbill};

fn initiate(post: u64, fee: u128, duration: Option<u64>) -> sp_runtime::DispatchResult {
	ValidationPool::force_initiate(RuntimeOrigin::root(), INITIATOR, post, fee, duration)
}

#[test]
fn initiate_moves_the_fee_and_mints_the_stakes() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let dao_before = balance(dao());
			assert_ok!(initiate(post, 20, None));

			assert_eq!(balance(INITIATOR), START_BALANCE - 20);
			assert_eq!(balance(dao()), dao_before + 20);
			assert_eq!(unowned(), 20);
			assert_eq!(total_minted(), 150 + 20);
			assert_eq!(total_rep(), 150, "minted REP belongs to nobody yet");
			let pool = open_pool(0);
			assert_eq!(pool.post, post);
			assert_eq!(pool.initiator, INITIATOR);
			assert_eq!(pool.fee, 20);
			assert_eq!((pool.minted, pool.for_minted, pool.against_minted), (20, 10, 10));
			assert_eq!(
				pool.tally,
				Tally { for_total: 10, against_total: 10, ..Default::default() }
			);
			assert_eq!(pool.stakers, 0);
			assert_eq!(pool.end, 1 + 10, "default duration");
			assert_eq!(pool.rules, test_params().rules());
			assert_eq!(PoolOfPost::<Test>::get(post), Some(0));
			assert_eq!(EndingAt::<Test>::get(11).into_inner(), vec![0]);
			System::assert_has_event(
				Event::<Test>::PoolInitiated {
					pool: 0,
					post,
					initiator: INITIATOR,
					fee: 20,
					minted: 20,
					for_minted: 10,
					against_minted: 10,
					end: 11,
				}
				.into(),
			);
		});
}

#[test]
fn pool_ids_are_sequential_and_durations_are_honoured() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = new_post(&[(CAROL, PPM)]);
		let p1 = new_post(&[(CAROL, PPM)]);
		let p2 = new_post(&[(CAROL, PPM)]);
		assert_ok!(initiate(p0, 10, Some(1)));
		assert_ok!(initiate(p1, 10, Some(100)));
		assert_ok!(initiate(p2, 10, None));
		assert_eq!(NextPoolId::<Test>::get(), 3);
		assert_eq!(open_pool(0).end, 2);
		assert_eq!(open_pool(1).end, 101);
		assert_eq!(open_pool(2).end, 11);
		assert_eq!(open_pool(2).post, p2);
	});
}

#[test]
fn minting_ratio_and_stake_for_author_round_down() {
	ExtBuilder::default()
		.with_params(|p| {
			p.minting_ratio = FixedU128::from_rational(3, 2);
			p.stake_for_author = Perbill::from_percent(30);
		})
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			// M = floor(7 × 1.5) = 10; for = floor(10 × 30%) = 3; against = 7.
			assert_ok!(initiate(post, 7, None));
			let pool = open_pool(0);
			assert_eq!((pool.minted, pool.for_minted, pool.against_minted), (10, 3, 7));
			assert_eq!(unowned(), 10);
			// M = floor(3 × 1.5) = 4; for = floor(4 × 30%) = 1.
			let post = new_post(&[(CAROL, PPM)]);
			assert_ok!(initiate(post, 3, None));
			let pool = open_pool(1);
			assert_eq!((pool.minted, pool.for_minted, pool.against_minted), (4, 1, 3));
		});
}

#[test]
fn initiate_errors_change_nothing() {
	ExtBuilder::default().with_rep(&[(ALICE, 100)]).build_and_execute(|| {
		let post = new_post(&[(CAROL, PPM)]);
		assert_noop!(
			ValidationPool::initiate(RuntimeOrigin::none(), post, 20, None),
			DispatchError::BadOrigin
		);
		assert_noop!(initiate(99, 20, None), Error::<Test>::UnknownPost);
		assert_noop!(initiate(post, 20, Some(0)), Error::<Test>::DurationTooShort);
		assert_noop!(initiate(post, 20, Some(101)), Error::<Test>::DurationTooLong);
		assert_noop!(initiate(post, 0, None), Error::<Test>::FeeBelowMinimum);
		// The payer stays alive: START_BALANCE − ED is all it can pay.
		assert_noop!(
			initiate(post, START_BALANCE - ED + 1, None),
			Error::<Test>::InsufficientBalance
		);

		let ratified = new_post(&[(CAROL, PPM)]);
		set_post_status(ratified, PostStatus::Ratified);
		assert_noop!(initiate(ratified, 20, None), Error::<Test>::PostNotOpen);
		let rejected = new_post(&[(CAROL, PPM)]);
		set_post_status(rejected, PostStatus::Rejected);
		assert_noop!(initiate(rejected, 20, None), Error::<Test>::PostNotOpen);

		assert_ok!(initiate(post, START_BALANCE - ED, None));
		assert_eq!(balance(INITIATOR), ED);
		assert_noop!(
			ValidationPool::initiate(RuntimeOrigin::signed(CAROL), post, 20, None),
			Error::<Test>::PoolAlreadyOpen
		);
	});
}

#[test]
fn a_fee_that_mints_nothing_is_refused() {
	ExtBuilder::default()
		.with_params(|p| p.minting_ratio = FixedU128::from_rational(1, 2))
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			assert_noop!(initiate(post, 1, None), Error::<Test>::FeeTooLow);
			assert_ok!(initiate(post, 2, None));
			assert_eq!(open_pool(0).minted, 1);
		});
}

#[test]
fn authors_take_half_an_end_block_and_protocol_pools_move_on_when_it_is_full() {
	ExtBuilder::default().with_rep(&[(ALICE, 100)]).build_and_execute(|| {
		// MAX_ENDING = 5: authors' pools take at most 3 of a block's room.
		let half = MAX_ENDING.div_ceil(2);
		for _ in 0..half {
			let post = new_post(&[(CAROL, PPM)]);
			assert_ok!(initiate(post, 10, Some(10)));
		}
		let post = new_post(&[(CAROL, PPM)]);
		assert_noop!(initiate(post, 10, Some(10)), Error::<Test>::TooManyPoolsEndingAt);
		assert_ok!(initiate(post, 10, Some(11)));
		// Protocol pools take the rest of block 11, then end in the next block with room.
		let open = |post| {
			<ValidationPool as ValidationPools<_, _, _>>::open(&INITIATOR, post, 10, 10, None, None)
		};
		for _ in half..MAX_ENDING {
			assert_ok!(open(new_post(&[(CAROL, PPM)])));
		}
		assert_eq!(EndingAt::<Test>::get(11).len() as u32, MAX_ENDING);
		let moved = open(new_post(&[(CAROL, PPM)])).unwrap();
		assert_eq!(open_pool(moved).end, 12, "a full end block sends a protocol pool on");
		// Block 12 holds the author's pool sent there by its duration and the moved one.
		assert_eq!(EndingAt::<Test>::get(12).into_inner(), vec![half as u64, moved]);
		// An author's pool never fills a block's second half.
		let late = new_post(&[(CAROL, PPM)]);
		assert_noop!(initiate(late, 10, Some(10)), Error::<Test>::TooManyPoolsEndingAt);
	});
}

#[test]
fn open_counts_the_workers_availability_as_a_for_stake() {
	ExtBuilder::default().with_rep(&[(DAVE, 100)]).build_and_execute(|| {
		hold_availability(DAVE, 60);
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
		assert_eq!(pool, 0);
		assert_eq!(
			Stakes::<Test>::get(pool, DAVE),
			Some(StakeInfo { in_favor: true, amount: 0, availability: 50 })
		);
		let open = open_pool(pool);
		assert_eq!(
			open.tally,
			Tally { for_total: 10 + 50, against_total: 10, ..Default::default() }
		);
		assert_eq!(open.stakers, 1);
		assert_eq!(open.end, 6);
		// Nothing moved in the ledger: the REP stays held as availability.
		assert_eq!((free(DAVE), held(DAVE), availability(DAVE)), (40, 0, 60));
		System::assert_has_event(
			Event::<Test>::Staked { pool, who: DAVE, amount: 50, in_favor: true }.into(),
		);
	});
}

#[test]
fn open_takes_rule_overrides_and_checks_them() {
	ExtBuilder::default().with_rep(&[(DAVE, 100)]).build_and_execute(|| {
		hold_availability(DAVE, 60);
		let post = new_post(&[(DAVE, PPM)]);
		let strict = PoolRules {
			quorum: Perbill::from_percent(20),
			win_ratio: Perbill::from_rational(2u32, 3u32),
			binding: Perbill::from_percent(50),
			redistribute_losing_stakes: false,
			stake_for_author: Perbill::from_percent(40),
			quorum_miss_fee: Perbill::from_percent(10),
		};
		type Pools = ValidationPool;
		assert_noop!(
			<Pools as ValidationPools<_, _, _>>::open(
				&INITIATOR,
				post,
				20,
				5,
				Some(PoolRules { win_ratio: Perbill::from_percent(49), ..strict }),
				None
			),
			Error::<Test>::WinRatioBelowHalf
		);
		assert_noop!(
			<Pools as ValidationPools<_, _, _>>::open(
				&INITIATOR,
				post,
				20,
				5,
				None,
				Some((DAVE, 61))
			),
			Error::<Test>::InsufficientAvailabilityStake
		);
		assert_noop!(
			<Pools as ValidationPools<_, _, _>>::open(
				&INITIATOR,
				post,
				20,
				5,
				None,
				Some((DAVE, 0))
			),
			Error::<Test>::ZeroStake
		);
		assert_noop!(
			<Pools as ValidationPools<_, _, _>>::open(&INITIATOR, post, 20, 0, None, None),
			Error::<Test>::DurationTooShort
		);
		let pool =
			<Pools as ValidationPools<_, _, _>>::open(&INITIATOR, post, 20, 5, Some(strict), None)
				.unwrap();
		let open = open_pool(pool);
		assert_eq!(open.rules, strict);
		assert_eq!((open.for_minted, open.against_minted), (8, 12));
	});
}
