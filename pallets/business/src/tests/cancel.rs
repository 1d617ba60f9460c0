//! Cancelling: where §7 allows it, with the held fee refunded; nowhere else. (After a
//! rejection: `outcomes.rs`.)

use super::mock::*;
use crate::{Error, Event, PendingQueue, RequestStatus};
use frame_support::{assert_noop, assert_ok};
use guild_primitives::ExpertPool;

#[test]
fn a_pending_request_is_cancelled_and_refunded() {
	ExtBuilder::default().build_and_execute(|| {
		let id = submit(CUSTOMER, FEE);
		let other = submit(OTHER_CUSTOMER, FEE);
		run_to_block(3);
		assert!(matches!(status(id), RequestStatus::Pending { ticket: 0 }));
		assert_ok!(Business::cancel(RuntimeOrigin::signed(CUSTOMER), id));
		assert_eq!(status(id), RequestStatus::Cancelled);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE, 0));
		System::assert_last_event(
			Event::<Test>::RequestCancelled { request: id, customer: CUSTOMER, fee: FEE }.into(),
		);
		assert_eq!(PendingQueue::<Test>::get(0), None, "its ticket is free");
		// The hole is skipped: the next expert goes to the other request, drawn by the next
		// block's hook (a call never draws).
		expert(ALICE, STAKE);
		assert!(matches!(status(other), RequestStatus::Pending { .. }));
		until_the_scan();
		assert_eq!(worker_of(other), ALICE);
		assert_eq!(crate::PendingRange::<Test>::get(), (2, 2));
	});
}

#[test]
fn a_request_waiting_for_its_draw_is_cancelled_and_refunded() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit(CUSTOMER, FEE);
		assert_eq!(status(id), RequestStatus::Drawing { at: 2 });
		assert_ok!(Business::cancel(RuntimeOrigin::signed(CUSTOMER), id));
		assert_eq!(status(id), RequestStatus::Cancelled);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE, 0));
		System::assert_last_event(
			Event::<Test>::RequestCancelled { request: id, customer: CUSTOMER, fee: FEE }.into(),
		);
		assert!(crate::Due::<Test>::get(2).is_empty(), "no draw left");
		run_to_block(4);
		assert!(!events().iter().any(|e| matches!(e, Event::<Test>::WorkerAssigned { .. })));
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
	});
}

#[test]
fn an_assigned_request_is_cancelled_and_the_worker_released_unslashed() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let waiting = submit_and_draw(OTHER_CUSTOMER, FEE);
		assert_eq!(worker_of(id), ALICE);
		assert!(matches!(status(waiting), RequestStatus::Pending { .. }));
		assert_ok!(Business::cancel(RuntimeOrigin::signed(CUSTOMER), id));
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE, 0));
		assert_eq!(availability(ALICE), STAKE);
		assert!(crate::Due::<Test>::get(13).iter().all(|r| *r != id), "no deadline left");
		// Alice, released, takes the waiting request in the next block's hook.
		assert!(matches!(status(waiting), RequestStatus::Pending { .. }));
		until_the_scan();
		assert_eq!(worker_of(waiting), ALICE);
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), Some(waiting));
		// The cancelled request's deadline does nothing.
		run_to_block(14);
		assert_eq!(status(id), RequestStatus::Cancelled);
	});
}

#[test]
fn work_under_review_or_judgement_or_finished_cannot_be_cancelled() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		deliver(id, ALICE);
		assert_noop!(
			Business::cancel(RuntimeOrigin::signed(CUSTOMER), id),
			Error::<Test>::CannotCancel
		);
		assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, true));
		assert_noop!(
			Business::cancel(RuntimeOrigin::signed(CUSTOMER), id),
			Error::<Test>::CannotCancel
		);
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool_of(id), 60, true));
		run_to_block(14);
		assert!(matches!(status(id), RequestStatus::Done { .. }));
		assert_noop!(
			Business::cancel(RuntimeOrigin::signed(CUSTOMER), id),
			Error::<Test>::CannotCancel
		);
		let other = submit(CUSTOMER, FEE);
		assert_ok!(Business::cancel(RuntimeOrigin::signed(CUSTOMER), other));
		assert_noop!(
			Business::cancel(RuntimeOrigin::signed(CUSTOMER), other),
			Error::<Test>::CannotCancel
		);
	});
}

#[test]
fn only_the_customer_may_cancel() {
	ExtBuilder::default().build_and_execute(|| {
		let id = submit(CUSTOMER, FEE);
		assert_noop!(
			Business::cancel(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotCustomer
		);
		assert_noop!(
			Business::cancel(RuntimeOrigin::signed(CUSTOMER), 9),
			Error::<Test>::UnknownRequest
		);
		assert_noop!(
			Business::cancel(RuntimeOrigin::none(), id),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
