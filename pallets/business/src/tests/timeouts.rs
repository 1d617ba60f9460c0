//! The evidence and review timeouts, acted on by the bounded hook or by anyone.

use super::mock::*;
use crate::{DueCursor, Event, RequestStatus};
use frame_support::{assert_noop, assert_ok, dispatch::Pays};
use guild_primitives::ExpertPool;

fn no_shows() -> usize {
	events().iter().filter(|e| matches!(e, Event::<Test>::NoShow { .. })).count()
}

#[test]
fn a_no_show_is_slashed_and_the_request_drawn_again_without_them() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		expert(BOB, STAKE);
		let id = submit(CUSTOMER, FEE);
		let first = worker_of(id);
		let other = if first == ALICE { BOB } else { ALICE };
		// The worker may deliver up to block 11; the hook acts in block 12.
		run_to_block(11);
		assert_eq!(worker_of(id), first);
		run_to_block(12);
		System::assert_has_event(
			Event::<Test>::NoShow { request: id, worker: first, burned: STAKE / 2 }.into(),
		);
		assert_eq!(
			status(id),
			RequestStatus::Assigned { worker: other, stake: STAKE, deadline: 22 }
		);
		assert_eq!(request(id).excluded.into_inner(), vec![first]);
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

#[test]
fn a_no_show_with_nobody_else_waits_until_an_expert_stakes() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit(CUSTOMER, FEE);
		run_to_block(12);
		// Alice is excluded: nobody else can be drawn.
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		System::assert_has_event(Event::<Test>::RequestPending { request: id }.into());
		// Alice topping up her (excluded) stake does not help.
		expert(ALICE, 10);
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		// Bob stakes: the request is assigned to him at once.
		expert(BOB, STAKE);
		assert_eq!(status(id), RequestStatus::Assigned { worker: BOB, stake: STAKE, deadline: 22 });
	});
}

#[test]
fn a_request_without_experts_waits_and_is_assigned_when_one_stakes() {
	ExtBuilder::default().build_and_execute(|| {
		let id = submit(CUSTOMER, FEE);
		assert_eq!(status(id), RequestStatus::Pending { ticket: 0 });
		assert_eq!(fee_held(CUSTOMER), FEE);
		run_to_block(30);
		assert_eq!(status(id), RequestStatus::Pending { ticket: 0 });
		expert(CAROL, STAKE);
		assert_eq!(
			status(id),
			RequestStatus::Assigned { worker: CAROL, stake: STAKE, deadline: 40 }
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
		expert(ALICE, STAKE);
		assert_eq!(worker_of(a), ALICE);
		assert!(matches!(status(b), RequestStatus::Pending { .. }));
		expert(BOB, STAKE);
		assert_eq!(worker_of(b), BOB);
		assert!(matches!(status(c), RequestStatus::Pending { .. }));
	});
}

#[test]
fn the_review_timeout_starts_the_pool_without_a_verdict() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit(CUSTOMER, FEE);
		let post = deliver(id, ALICE);
		run_to_block(6);
		assert!(matches!(status(id), RequestStatus::EvidenceSubmitted { .. }));
		run_to_block(7);
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
		assert_eq!(pool_end(pool), 17);
		assert_eq!(fee_held(CUSTOMER), 0);
		// Nobody else stakes: the worker's stake and the minted FOR stake carry the pool.
		run_to_block(18);
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
			// Four deadlines fit block 11; the fifth goes to block 12.
			let deadlines: Vec<_> = ids
				.iter()
				.map(|id| match status(*id) {
					RequestStatus::Assigned { deadline, .. } => deadline,
					other => panic!("{other:?}"),
				})
				.collect();
			assert_eq!(deadlines, vec![11, 11, 11, 11, 12]);
			assert_eq!(crate::Due::<Test>::get(11).len() as u32, MAX_DUE);
			run_to_block(12);
			// At most three per block: one deadline of block 11 waits.
			assert_eq!(no_shows(), MAX_TIMEOUTS as usize);
			assert_eq!(crate::Due::<Test>::get(11).len(), 1);
			assert_eq!(DueCursor::<Test>::get(), Some(11));
			run_to_block(13);
			assert_eq!(no_shows(), 5);
			assert_eq!(DueCursor::<Test>::get(), Some(13));
			assert!(
				crate::Due::<Test>::get(11).is_empty() && crate::Due::<Test>::get(12).is_empty()
			);
		});
}

#[test]
fn anyone_may_act_on_a_passed_deadline_for_free() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		expert(BOB, STAKE);
		let id = submit(CUSTOMER, FEE);
		let first = worker_of(id);
		assert_noop!(
			Business::process_deadline(RuntimeOrigin::signed(EVE), id),
			crate::Error::<Test>::DeadlineNotPassed
		);
		// The hook has not run: block 12 without it.
		System::set_block_number(12);
		let info = Business::process_deadline(RuntimeOrigin::signed(EVE), id).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		System::assert_has_event(
			Event::<Test>::NoShow { request: id, worker: first, burned: STAKE / 2 }.into(),
		);
		assert!(crate::Due::<Test>::get(11).is_empty());
		assert_ne!(worker_of(id), first);
		// Nothing left for the hook in block 11.
		run_to_block(13);
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
			crate::Error::<Test>::NothingDue
		);
		assert_noop!(
			Business::process_deadline(RuntimeOrigin::none(), id),
			sp_runtime::DispatchError::BadOrigin
		);
		expert(ALICE, STAKE);
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
		let first = submit(CUSTOMER, FEE);
		let mut params = test_params();
		params.evidence_timeout = 3;
		assert_ok!(Business::set_params(RuntimeOrigin::root(), Box::new(params)));
		let second = submit(OTHER_CUSTOMER, FEE);
		assert!(matches!(status(first), RequestStatus::Assigned { deadline: 11, .. }));
		assert!(matches!(status(second), RequestStatus::Assigned { deadline: 4, .. }));
	});
}

#[test]
fn a_review_deadline_in_the_block_of_the_evidence_deadline_is_kept() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit(CUSTOMER, FEE);
		run_to_block(6);
		// Evidence due by block 11, delivered in block 6: the review is due by block 11 too.
		let post = deliver(id, ALICE);
		assert_eq!(
			status(id),
			RequestStatus::EvidenceSubmitted {
				worker: ALICE,
				post,
				deadline: 11,
				start_failures: 0
			}
		);
		assert_eq!(crate::Due::<Test>::get(11).into_inner(), vec![id]);
		run_to_block(12);
		assert_eq!(pool_end(pool_of(id)), 22);
	});
}
