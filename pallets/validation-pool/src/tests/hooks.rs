//! The evaluation hook: bounded per block, nothing skipped, leftovers done in the next blocks.

use super::mock::*;
use crate::{
	weights::WeightInfo, EndingAt, EvaluationCursor, PoolStatus, Pools, MAX_SLOTS_PER_BLOCK,
};
use frame_support::{assert_ok, traits::Hooks};
use guild_primitives::{PoolOutcome, PPM};

/// Opens a pool of fee 10 lasting `duration` blocks on a new post by Carol.
fn open(duration: u64) -> u64 {
	let pool = crate::NextPoolId::<Test>::get();
	let post = new_post(&[(CAROL, PPM)]);
	assert_ok!(ValidationPool::initiate(
		RuntimeOrigin::signed(INITIATOR),
		post,
		10,
		Some(duration)
	));
	pool
}

fn resolved_at(pool: u64) -> Option<u64> {
	match Pools::<Test>::get(pool) {
		Some(PoolStatus::Resolved(r)) => Some(r.resolved_at),
		_ => None,
	}
}

#[test]
fn pools_beyond_the_per_block_bound_are_evaluated_in_the_next_blocks() {
	ExtBuilder::default().build_and_execute(|| {
		let pools: Vec<u64> = (0..MAX_ENDING).map(|_| open(10)).collect();
		assert_eq!(pools.len(), 5);
		run_to_block(11);
		assert!(pools.iter().all(|p| outcome(*p).is_none()), "nothing before the end");
		run_to_block(12);
		assert_eq!(resolved_at(0), Some(12));
		assert_eq!(resolved_at(1), Some(12));
		assert_eq!(resolved_at(2), None);
		assert_eq!(EvaluationCursor::<Test>::get(), Some(11), "the cursor waits on block 11");
		assert_eq!(EndingAt::<Test>::get(11).into_inner(), vec![2, 3, 4]);
		run_to_block(13);
		assert_eq!((resolved_at(2), resolved_at(3), resolved_at(4)), (Some(13), Some(13), None));
		run_to_block(14);
		assert_eq!(resolved_at(4), Some(14));
		assert_eq!(EvaluationCursor::<Test>::get(), Some(14));
		assert_eq!(EndingAt::<Test>::iter().count(), 0);
		// Every pool was evaluated once, in order, and each passed (empty DAO).
		let log = resolved_log();
		assert_eq!(log.iter().map(|e| e.0).collect::<Vec<_>>(), pools);
		assert!(log.iter().all(|e| e.2 == PoolOutcome::Accepted));
	});
}

#[test]
fn a_backlog_spills_over_into_later_end_blocks_without_skipping_any() {
	ExtBuilder::default().build_and_execute(|| {
		// Five pools end in block 11, two in block 12, one in block 14.
		for _ in 0..5 {
			open(10);
		}
		System::set_block_number(2);
		open(10);
		open(10);
		System::set_block_number(4);
		open(10);
		run_to_block(20);
		let at: Vec<Option<u64>> = (0..8).map(resolved_at).collect();
		assert_eq!(
			at,
			vec![Some(12), Some(12), Some(13), Some(13), Some(14), Some(14), Some(15), Some(15)]
		);
		assert_eq!(EvaluationCursor::<Test>::get(), Some(20));
	});
}

#[test]
fn the_hook_catches_up_a_bounded_number_of_end_blocks_per_block() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(100);
		assert_eq!(EvaluationCursor::<Test>::get(), Some(100));
		// A pool far behind the cursor's walk: the cursor is set back 40 blocks.
		EvaluationCursor::<Test>::put(60);
		let pool = open(1);
		let end = open_pool(pool).end;
		assert_eq!(end, 101);
		System::set_block_number(101);
		ValidationPool::on_initialize(101);
		assert_eq!(EvaluationCursor::<Test>::get(), Some(60 + MAX_SLOTS_PER_BLOCK as u64));
		run_to_block(102);
		assert_eq!(EvaluationCursor::<Test>::get(), Some(60 + 2 * MAX_SLOTS_PER_BLOCK as u64));
		assert_eq!(resolved_at(pool), None);
		// Block 103 walks 92..=102 and meets the pool on the way.
		run_to_block(103);
		assert_eq!(resolved_at(pool), Some(103));
		assert_eq!(EvaluationCursor::<Test>::get(), Some(103));
	});
}

#[test]
fn the_hook_starts_its_cursor_at_the_first_block_it_sees() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(EvaluationCursor::<Test>::get(), None);
		run_to_block(3);
		assert_eq!(EvaluationCursor::<Test>::get(), Some(3));
	});
}

#[test]
fn the_hook_reports_the_weight_of_what_it_evaluated() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 100)])
		.build_and_execute(|| {
			let a = open(5);
			let b = open(5);
			assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(ALICE), a, 10, true));
			assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(BOB), b, 10, false));
			assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(ALICE), b, 10, true));
			run_to_block(6);
			System::set_block_number(7);
			let weight = ValidationPool::on_initialize(7);
			let expected = <() as WeightInfo>::evaluate(1)
				+ <() as WeightInfo>::evaluate(2)
				+ ForumWeight::get() * 2
				+ <() as WeightInfo>::on_initialize_slots(1);
			assert_eq!(weight, expected);
			System::set_block_number(8);
			let idle = ValidationPool::on_initialize(8);
			assert_eq!(idle, <() as WeightInfo>::on_initialize_slots(1));
		});
}
