//! `evaluate`: the free fallback for anyone once a pool has ended.

use super::mock::*;
use crate::{weights::WeightInfo, Call, EndingAt, Error, EvaluationCursor, PendingPropagation};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{GetDispatchInfo, Pays},
	traits::Hooks,
	weights::Weight,
};
use guild_primitives::{PoolOutcome, PPM};
use sp_runtime::DispatchError;

fn setup() -> (u64, u64) {
	let post = new_post(&[(CAROL, PPM)]);
	assert_ok!(ValidationPool::force_initiate(RuntimeOrigin::root(), INITIATOR, post, 20, Some(5)));
	assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(ALICE), 0, 40, true));
	assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(BOB), 0, 30, false));
	(0, post)
}

#[test]
fn anyone_may_evaluate_an_ended_pool_for_free() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			let (pool, _) = setup();
			let end = open_pool(pool).end;
			run_to_block(end);
			// The hook of the next block has not run (yet).
			System::set_block_number(end + 1);
			let info = ValidationPool::evaluate(RuntimeOrigin::signed(EVE), pool).unwrap();
			assert_eq!(info.pays_fee, Pays::No);
			// The settlement of two stakers (a worker's loss bound included), and what the
			// listener reported.
			assert_eq!(
				info.actual_weight,
				Some(<() as WeightInfo>::evaluate(2) + WORKER_LOSS_WEIGHT + RESOLVED_WEIGHT)
			);
			assert_eq!(outcome(pool), Some(PoolOutcome::Accepted));
			// Carol's share of the pot is paid; the 10 minted for the post wait for the
			// propagation, which the block's `on_idle` runs.
			assert_eq!((rep(CAROL), rep(ALICE), rep(BOB)), (8, 132, 20));
			assert!(PendingPropagation::<Test>::get().is_some());
			ValidationPool::on_idle(end + 1, Weight::MAX);
			assert_eq!((rep(CAROL), rep(ALICE), rep(BOB)), (18, 132, 20));
			assert!(PendingPropagation::<Test>::get().is_none());
			assert!(EndingAt::<Test>::get(end).is_empty(), "no longer waits for the hook");
			// The hook then finds nothing to do and moves on.
			ValidationPool::on_initialize(end + 1);
			assert_eq!(EvaluationCursor::<Test>::get(), Some(end + 1));
			assert_eq!(resolved_log().len(), 1, "evaluated once");
		});
}

#[test]
fn evaluate_costs_a_fee_up_front_that_success_refunds() {
	ExtBuilder::default().build_and_execute(|| {
		let info = Call::<Test>::evaluate { pool: 0 }.get_dispatch_info();
		assert_eq!(info.pays_fee, Pays::Yes, "failed calls are not free");
		assert_eq!(
			info.call_weight,
			<() as WeightInfo>::evaluate(MAX_STAKERS) + WORKER_LOSS_WEIGHT + RESOLVED_WEIGHT,
			"the worst case, the listeners' bound included (the propagation is a step of its own)"
		);
	});
}

#[test]
fn evaluate_errors_change_nothing() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			let (pool, _) = setup();
			let end = open_pool(pool).end;
			assert_noop!(
				ValidationPool::evaluate(RuntimeOrigin::none(), pool),
				DispatchError::BadOrigin
			);
			assert_noop!(
				ValidationPool::evaluate(RuntimeOrigin::signed(EVE), 9),
				Error::<Test>::UnknownPool
			);
			assert_noop!(
				ValidationPool::evaluate(RuntimeOrigin::signed(EVE), pool),
				Error::<Test>::PoolNotEnded
			);
			run_to_block(end);
			assert_noop!(
				ValidationPool::evaluate(RuntimeOrigin::signed(EVE), pool),
				Error::<Test>::PoolNotEnded
			);
			run_to_block(end + 1);
			assert_eq!(outcome(pool), Some(PoolOutcome::Accepted));
			assert_noop!(
				ValidationPool::evaluate(RuntimeOrigin::signed(EVE), pool),
				Error::<Test>::PoolAlreadyResolved
			);
		});
}
