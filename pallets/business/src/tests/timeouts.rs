//! The evidence and review timeouts, acted on by the bounded hook or by anyone.

use super::mock::*;
use crate::{DueCursor, Event, RequestStatus};
use frame_support::{assert_noop, assert_ok, dispatch::Pays};
use guild_primitives::ExpertPool;

fn no_shows() -> usize {
	events().iter().filter(|e| matches!(e, Event::<Test>::NoShow { .. })).count()
}

fn assignments() -> usize {
	events()
		.iter()
		.filter(|e| matches!(e, Event::<Test>::WorkerAssigned { .. }))
		.count()
}

#[test]
fn a_no_show_is_slashed_and_the_request_drawn_again_without_them() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		expert(BOB, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let first = worker_of(id);
		let other = if first == ALICE { BOB } else { ALICE };
		// The worker may deliver up to block 13; the hook acts in block 14.
		run_to_block(13);
		assert_eq!(worker_of(id), first);
		run_to_block(14);
		System::assert_has_event(
			Event::<Test>::NoShow { request: id, worker: first, burned: STAKE / 2 }.into(),
		);
		// Drawn again by the hook, two blocks after the no-show.
		assert_eq!(status(id), RequestStatus::Drawing { at: 15 });
		run_to_block(16);
		assert_eq!(
			status(id),
			RequestStatus::Assigned { worker: other, stake: STAKE, deadline: 26 }
		);
		assert_eq!(request(id).excluded.into_inner(), vec![first]);
		assert_eq!(request(id).draws, 2);
		// Half the no-show's stake is burned; the rest is theirs, unbound.
		assert_eq!(availability(first), STAKE / 2);
		assert_eq!(rep(first), 100 - STAKE / 2);
		assert_eq!(total_burned(), STAKE / 2);
		assert_eq!(total_rep(), 600 - STAKE / 2);
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&first), None);
		// The fee stays held for the new worker.
		assert_eq!(fee_held(CUSTOMER), FEE);
		assert_eq!(balance(CUSTOMER), START_BALANCE - FEE);
	});
}

/// §7: a request is drawn at most `max_draws` (3) times; the third no-show refunds the fee.
#[test]
fn after_max_draws_no_shows_the_fee_is_refunded() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 100), (CAROL, 100), (DAVE, 200), (FERDIE, 100)])
		.build_and_execute(|| {
			for who in [ALICE, BOB, CAROL, FERDIE] {
				expert(who, STAKE);
			}
			let id = submit_and_draw(CUSTOMER, FEE);
			// Drawn in blocks 3, 16 and 29; no-shows in blocks 14, 27 and 40.
			run_to_block(39);
			assert_eq!(request(id).draws, 3);
			assert!(matches!(status(id), RequestStatus::Assigned { deadline: 39, .. }));
			let workers = request(id).excluded.into_inner();
			assert_eq!(workers.len(), 2);
			let last = worker_of(id);
			run_to_block(40);
			assert_eq!(no_shows(), 3);
			assert_eq!(assignments(), 3);
			assert_eq!(status(id), RequestStatus::Refunded);
			System::assert_has_event(
				Event::<Test>::RequestRefunded { request: id, customer: CUSTOMER, fee: FEE }.into(),
			);
			assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE, 0));
			// Each no-show lost half their stake; nobody is bound any more.
			for who in workers.iter().chain([last].iter()) {
				assert_eq!(availability(*who), STAKE / 2);
				assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(who), None);
			}
			assert_eq!(total_burned(), 3 * STAKE / 2);
			run_to_block(45);
			assert_eq!(assignments(), 3, "not drawn again");
		});
}

#[test]
fn a_no_show_with_nobody_else_waits_until_an_expert_stakes() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		run_to_block(16);
		// Alice is excluded: nobody else can be drawn.
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		System::assert_has_event(Event::<Test>::RequestPending { request: id }.into());
		// Alice topping up her (excluded) stake does not help.
		expert(ALICE, 10);
		until_the_scan();
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		// Bob stakes (block 18): the hook of block 20 assigns the request to him.
		expert(BOB, STAKE);
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		next_block();
		assert!(matches!(status(id), RequestStatus::Pending { .. }), "not in the next block");
		next_block();
		assert_eq!(status(id), RequestStatus::Assigned { worker: BOB, stake: STAKE, deadline: 30 });
	});
}

#[test]
fn a_request_without_experts_waits_and_is_assigned_when_one_stakes() {
	ExtBuilder::default().build_and_execute(|| {
		let id = submit_and_draw(CUSTOMER, FEE);
		assert_eq!(status(id), RequestStatus::Pending { ticket: 0 });
		assert_eq!(fee_held(CUSTOMER), FEE);
		run_to_block(30);
		assert_eq!(status(id), RequestStatus::Pending { ticket: 0 });
		expert(CAROL, STAKE);
		assert_eq!(status(id), RequestStatus::Pending { ticket: 0 }, "a call never draws");
		until_the_scan();
		assert_eq!(
			status(id),
			RequestStatus::Assigned { worker: CAROL, stake: STAKE, deadline: 42 }
		);
		assert_eq!(crate::PendingRange::<Test>::get(), (1, 1));
	});
}

#[test]
fn pending_requests_are_served_in_order() {
	ExtBuilder::default().build_and_execute(|| {
		let a = submit(CUSTOMER, FEE);
		let b = submit(OTHER_CUSTOMER, FEE);
		let c = submit(CUSTOMER, FEE);
		run_to_block(3);
		expert(ALICE, STAKE);
		until_the_scan();
		assert_eq!(worker_of(a), ALICE);
		assert!(matches!(status(b), RequestStatus::Pending { .. }));
		expert(BOB, STAKE);
		until_the_scan();
		assert_eq!(worker_of(b), BOB);
		assert!(matches!(status(c), RequestStatus::Pending { .. }));
	});
}

#[test]
fn the_review_timeout_starts_the_pool_without_a_verdict() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let post = deliver(id, ALICE);
		run_to_block(8);
		assert!(matches!(status(id), RequestStatus::EvidenceSubmitted { .. }));
		run_to_block(9);
		System::assert_has_event(Event::<Test>::ReviewTimedOut { request: id }.into());
		let pool = pool_of(id);
		System::assert_has_event(
			Event::<Test>::PoolStarted {
				request: id,
				pool,
				post,
				fee: FEE,
				worker: ALICE,
				stake: STAKE,
				attempt: 1,
			}
			.into(),
		);
		assert_eq!(request(id).verdict, None);
		assert_eq!(pool_end(pool), 19);
		assert_eq!(fee_held(CUSTOMER), 0);
		// With Dave's consent, the worker's stake and the minted FOR stake carry the pool.
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool, 60, true));
		run_to_block(20);
		assert!(matches!(status(id), RequestStatus::Done { .. }));
	});
}

#[test]
fn deadlines_beyond_the_per_block_bound_wait_for_the_next_block() {
	ExtBuilder::default()
		.with_rep(&[
			(ALICE, 100),
			(BOB, 100),
			(CAROL, 100),
			(DAVE, 200),
			(EVE, 100),
			(FERDIE, 100),
			(GEORGE, 100),
		])
		.build_and_execute(|| {
			for who in [ALICE, BOB, CAROL, FERDIE, GEORGE] {
				expert(who, STAKE);
			}
			let ids: Vec<_> = (0..5).map(|_| submit(CUSTOMER, FEE)).collect();
			// Four draws fit block 2; the fifth goes to block 3.
			let draws: Vec<_> = ids
				.iter()
				.map(|id| match status(*id) {
					RequestStatus::Drawing { at } => at,
					other => panic!("{other:?}"),
				})
				.collect();
			assert_eq!(draws, vec![2, 2, 2, 2, 3]);
			assert_eq!(crate::Due::<Test>::get(2).len() as u32, MAX_DUE);
			run_to_block(3);
			// At most three per block: one draw of block 2 waits.
			assert_eq!(assignments(), MAX_TIMEOUTS as usize);
			assert_eq!(crate::Due::<Test>::get(2).len(), 1);
			assert_eq!(DueCursor::<Test>::get(), Some(2));
			run_to_block(4);
			assert_eq!(assignments(), 5);
			assert_eq!(DueCursor::<Test>::get(), Some(4));
			assert!(crate::Due::<Test>::get(2).is_empty() && crate::Due::<Test>::get(3).is_empty());
			// The evidence deadlines: three of block 3's draws, two of block 4's.
			let deadlines: Vec<_> = ids
				.iter()
				.map(|id| match status(*id) {
					RequestStatus::Assigned { deadline, .. } => deadline,
					other => panic!("{other:?}"),
				})
				.collect();
			assert_eq!(deadlines, vec![13, 13, 13, 14, 14]);
			run_to_block(15);
			assert_eq!(no_shows(), 5);
		});
}

#[test]
fn anyone_may_act_on_a_passed_deadline_for_free() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		expert(BOB, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let first = worker_of(id);
		assert_noop!(
			Business::process_deadline(RuntimeOrigin::signed(EVE), id),
			crate::Error::<Test>::DeadlineNotPassed
		);
		// The hook has not run: block 14 without it.
		System::set_block_number(14);
		let info = Business::process_deadline(RuntimeOrigin::signed(EVE), id).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		System::assert_has_event(
			Event::<Test>::NoShow { request: id, worker: first, burned: STAKE / 2 }.into(),
		);
		assert!(crate::Due::<Test>::get(13).is_empty());
		// The next draw is the hook's: nobody picks its block.
		assert_eq!(status(id), RequestStatus::Drawing { at: 15 });
		assert_noop!(
			Business::process_deadline(RuntimeOrigin::signed(EVE), id),
			crate::Error::<Test>::DrawnByTheHook
		);
		run_to_block(16);
		assert_ne!(worker_of(id), first);
		assert_eq!(no_shows(), 1);
	});
}

#[test]
fn process_deadline_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Business::process_deadline(RuntimeOrigin::signed(EVE), 0),
			crate::Error::<Test>::UnknownRequest
		);
		let id = submit(CUSTOMER, FEE);
		assert_noop!(
			Business::process_deadline(RuntimeOrigin::signed(EVE), id),
			crate::Error::<Test>::DrawnByTheHook
		);
		run_to_block(3);
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		assert_noop!(
			Business::process_deadline(RuntimeOrigin::signed(EVE), id),
			crate::Error::<Test>::NothingDue
		);
		assert_noop!(
			Business::process_deadline(RuntimeOrigin::none(), id),
			sp_runtime::DispatchError::BadOrigin
		);
		expert(ALICE, STAKE);
		until_the_scan();
		assert_ok!(Business::submit_evidence(
			RuntimeOrigin::signed(ALICE),
			id,
			new_post(&[(ALICE, guild_primitives::PPM)])
		));
		assert_noop!(
			Business::process_deadline(RuntimeOrigin::signed(EVE), id),
			crate::Error::<Test>::DeadlineNotPassed
		);
	});
}

#[test]
fn a_shorter_timeout_applies_to_deadlines_set_afterwards() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		expert(BOB, STAKE);
		let first = submit_and_draw(CUSTOMER, FEE);
		let mut params = test_params();
		params.evidence_timeout = 3;
		assert_ok!(Business::set_params(RuntimeOrigin::root(), Box::new(params)));
		let second = submit_and_draw(OTHER_CUSTOMER, FEE);
		assert!(matches!(status(first), RequestStatus::Assigned { deadline: 13, .. }));
		assert!(matches!(status(second), RequestStatus::Assigned { deadline: 8, .. }));
	});
}

#[test]
fn a_review_deadline_in_the_block_of_the_evidence_deadline_is_kept() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		run_to_block(8);
		// Evidence due by block 13, delivered in block 8: the review is due by block 13 too.
		let post = deliver(id, ALICE);
		assert_eq!(
			status(id),
			RequestStatus::EvidenceSubmitted {
				worker: ALICE,
				post,
				deadline: 13,
				start_failures: 0
			}
		);
		assert_eq!(crate::Due::<Test>::get(13).into_inner(), vec![id]);
		run_to_block(14);
		assert_eq!(pool_end(pool_of(id)), 24);
	});
}
