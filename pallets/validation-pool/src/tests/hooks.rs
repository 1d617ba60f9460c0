//! The evaluation hook: bounded per block, nothing skipped, leftovers done in the next blocks.

use super::mock::*;
use crate::{
	weights::WeightInfo, EndingAt, Error, EvaluationCursor, PendingPropagation, PoolStatus, Pools,
	MAX_SLOTS_PER_BLOCK,
};
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight};
use guild_primitives::{PoolOutcome, PPM};
use sp_runtime::Perbill;

/// Opens a pool of fee 10 lasting `duration` blocks on a new post by Carol.
fn open(duration: u64) -> u64 {
	let pool = crate::NextPoolId::<Test>::get();
	let post = new_post(&[(CAROL, PPM)]);
	if total_rep() == 0 {
		// An empty DAO: root opens its pools.
		assert_ok!(ValidationPool::force_initiate(
			RuntimeOrigin::root(),
			INITIATOR,
			post,
			10,
			Some(duration)
		));
	} else {
		// A protocol pool: it may take a whole end block.
		assert_ok!(<ValidationPool as guild_primitives::ValidationPools<_, _, _>>::open(
			&INITIATOR, post, 10, duration, None, None
		));
	}
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
	// Alice's 1,000 REP and no stakes: every pool misses the quorum, so none waits for a
	// propagation (accepted pools are one a block: see below) and the bound shows.
	ExtBuilder::default().with_rep(&[(ALICE, 1_000)]).build_and_execute(|| {
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
		// Every pool was evaluated once, in order.
		let log = resolved_log();
		assert_eq!(log.iter().map(|e| e.0).collect::<Vec<_>>(), pools);
		assert!(log.iter().all(|e| e.2 == PoolOutcome::QuorumNotMet));
	});
}

#[test]
fn a_backlog_spills_over_into_later_end_blocks_without_skipping_any() {
	// Pools that miss the quorum, two a block (see above).
	ExtBuilder::default().with_rep(&[(ALICE, 1_000)]).build_and_execute(|| {
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
			let queue_read = <Test as frame_system::Config>::DbWeight::get().reads(1);
			let weight = ValidationPool::on_initialize(7);
			let expected = queue_read
				+ <() as WeightInfo>::evaluate(1)
				+ <() as WeightInfo>::evaluate(2)
				+ WORKER_LOSS_WEIGHT * 2
				+ RESOLVED_WEIGHT * 2
				+ <() as WeightInfo>::on_initialize_slots(1);
			assert_eq!(weight, expected);
			// `a` missed the quorum (20 of 210 staked), `b` was accepted: its propagation is the
			// block's `on_idle`, reserving the forum's worst case and the pending record's read and
			// removal.
			assert_eq!(outcome(a), Some(PoolOutcome::QuorumNotMet));
			assert_eq!(outcome(b), Some(PoolOutcome::Accepted));
			assert_eq!(PendingPropagation::<Test>::get().map(|p| p.pool), Some(b));
			let step = ForumWeight::get()
				+ <Test as frame_system::Config>::DbWeight::get().reads_writes(1, 1);
			assert_eq!(ValidationPool::propagation_weight(), step);
			assert_eq!(ValidationPool::on_idle(7, Weight::MAX), step);
			assert_eq!(ValidationPool::on_idle(7, Weight::MAX), queue_read, "nothing left");
			System::set_block_number(8);
			let idle = ValidationPool::on_initialize(8);
			assert_eq!(idle, queue_read + <() as WeightInfo>::on_initialize_slots(1));
		});
}

/// Carol's post of `pool`, its value and Carol's REP.
fn post_and_carol(pool: u64) -> (u128, u128) {
	let post = match Pools::<Test>::get(pool) {
		Some(PoolStatus::Resolved(r)) => r.post,
		Some(PoolStatus::Open(o)) => o.post,
		None => panic!("no pool {pool}"),
	};
	(post_value(post), rep(CAROL))
}

#[test]
fn an_accepted_pool_propagates_at_the_end_of_its_block_when_there_is_room() {
	ExtBuilder::default().build_and_execute(|| {
		// The first pool of an empty DAO: accepted, Carol gets all of M = 10.
		let pool = open(5);
		run_to_block(6);
		System::set_block_number(7);
		ValidationPool::on_initialize(7);
		assert_eq!(resolved_at(pool), Some(7));
		assert_eq!(post_and_carol(pool), (0, 5), "the pot share is paid at evaluation");
		assert_eq!(unowned(), 5, "the post's 5 wait, unowned");
		// Too little room left in the block for a worst-case propagation: it waits.
		let short = ValidationPool::propagation_weight() - Weight::from_parts(1, 0);
		assert_eq!(ValidationPool::on_idle(7, short), Weight::zero());
		assert_eq!(ValidationPool::on_idle(7, Weight::zero()), Weight::zero());
		assert_eq!(post_and_carol(pool), (0, 5));
		check_invariants();
		// Room enough: the post gets its 5 and Carol with it.
		let step = ValidationPool::propagation_weight();
		assert_eq!(ValidationPool::on_idle(7, step), step);
		assert_eq!(post_and_carol(pool), (5, 10));
		assert_eq!(unowned(), 0);
		assert!(PendingPropagation::<Test>::get().is_none());
	});
}

#[test]
fn a_propagation_left_over_runs_first_in_the_next_block() {
	// No quorum: the second pool, which nobody but its author backs, is accepted too.
	ExtBuilder::default()
		.with_params(|p| p.quorum = Perbill::zero())
		.build_and_execute(|| {
			let first = open(5);
			let second = open(6);
			run_to_block(6);
			System::set_block_number(7);
			ValidationPool::on_initialize(7);
			// No room at the end of block 7.
			ValidationPool::on_idle(7, Weight::zero());
			assert_eq!(post_and_carol(first), (0, 5));
			System::set_block_number(8);
			ValidationPool::on_initialize(8);
			// Block 8 propagated the leftover before evaluating the second pool, which now waits.
			assert_eq!(post_and_carol(first).0, 5);
			assert_eq!(resolved_at(second), Some(8));
			assert_eq!(PendingPropagation::<Test>::get().map(|p| p.pool), Some(second));
			check_invariants();
			ValidationPool::on_idle(8, Weight::MAX);
			assert!(PendingPropagation::<Test>::get().is_none());
			check_invariants();
		});
}

#[test]
fn a_pending_propagation_holds_back_the_next_evaluation() {
	// No quorum: every pool without stakes is a tie, accepted.
	ExtBuilder::default()
		.with_params(|p| p.quorum = Perbill::zero())
		.build_and_execute(|| {
			run_to_block(2);
			let pools: Vec<u64> = (0..3).map(|_| open(4)).collect();
			run_to_block(6);
			System::set_block_number(7);
			ValidationPool::on_initialize(7);
			// The first pool was accepted: the others wait for its propagation, even by `evaluate`.
			assert_eq!(resolved_at(pools[0]), Some(7));
			assert_eq!(resolved_at(pools[1]), None);
			assert_noop!(
				ValidationPool::evaluate(RuntimeOrigin::signed(EVE), pools[1]),
				Error::<Test>::PropagationPending
			);
			ValidationPool::on_idle(7, Weight::MAX);
			assert_eq!(post_and_carol(pools[0]), (5, 10));
			// The second pool's fee salary counts all the REP the first one moved: Carol's 10,
			// propagation included (the first fee, paid while nobody held REP, joins it).
			System::reset_events();
			run_to_block(8);
			assert_eq!(resolved_at(pools[1]), Some(8));
			assert!(System::events().iter().any(|r| r.event
				== RuntimeEvent::Reputation(pallet_reputation::Event::FeeDistributed {
					fee: 20,
					total_rep: 10
				})));
			run_to_block(9);
			assert_eq!(resolved_at(pools[2]), Some(9));
			assert!(PendingPropagation::<Test>::get().is_none());
			assert_eq!(unowned(), 0, "every pool's mint is placed");
		});
}
