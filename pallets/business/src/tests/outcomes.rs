//! The pool outcomes (§7): accepted, rejected, quorum not met; and evidence judged by a pool
//! that is not the request's.

use super::mock::*;
use crate::{Event, RequestStatus};
use frame_support::{assert_noop, assert_ok};
use guild_primitives::{ExpertPool, PoolOutcome, PostStatus};

/// Alice and Bob are experts; the customer's request is assigned and its evidence under a pool
/// the customer started. Returns (request, worker, other expert, post, pool).
fn under_validation() -> (u64, AccountId, AccountId, u64, u64) {
	expert(ALICE, STAKE);
	expert(BOB, STAKE);
	let id = submit(CUSTOMER, FEE);
	let worker = worker_of(id);
	let other = if worker == ALICE { BOB } else { ALICE };
	let post = deliver(id, worker);
	assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, false));
	(id, worker, other, post, pool_of(id))
}

#[test]
fn rejected_work_is_drawn_again_and_the_fee_held_again() {
	ExtBuilder::default().build_and_execute(|| {
		let (id, worker, other, post, pool) = under_validation();
		assert_eq!(request(id).verdict, Some(false));
		// Dave stakes all his 200 REP against: 65 FOR, 225 AGAINST.
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool, 200, false));
		run_to_block(12);
		assert_eq!(outcome(pool), Some(PoolOutcome::Rejected));
		assert_eq!(post_status(post), PostStatus::Rejected);
		System::assert_has_event(
			Event::<Test>::WorkRejected { request: id, worker, post, pool: Some(pool) }.into(),
		);
		System::assert_has_event(
			Event::<Test>::FeeHeld { request: id, customer: CUSTOMER, fee: FEE }.into(),
		);
		// The other expert is drawn; the rejected worker is excluded.
		assert_eq!(
			status(id),
			RequestStatus::Assigned { worker: other, stake: STAKE, deadline: 22 }
		);
		let req = request(id);
		assert_eq!(req.excluded.into_inner(), vec![worker]);
		assert_eq!((req.pools, req.verdict), (0, None));
		// The first fee was paid out as salary; a second one is held.
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - 2 * FEE, FEE));
		// The worker lost their whole stake (binding 100%); Dave won the pot 25 + 25 + 40.
		assert_eq!(availability(worker), 0);
		assert!(pallet_availability::Stakes::<Test>::get(worker).is_none());
		assert_eq!(rep(worker), 100 - STAKE);
		assert_eq!(rep(DAVE), 200 + 90);
		assert_eq!(total_rep(), 600 + 50);

		// The customer cancels the new attempt: the second fee comes back.
		assert_ok!(Business::cancel(RuntimeOrigin::signed(CUSTOMER), id));
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, 0));
		assert_eq!(status(id), RequestStatus::Cancelled);
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&other), None);
	});
}

#[test]
fn a_customer_who_cannot_pay_again_after_a_rejection_ends_the_request() {
	ExtBuilder::default().with_balance(CUSTOMER, FEE + ED).build_and_execute(|| {
		let (id, worker, other, _, pool) = under_validation();
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool, 200, false));
		run_to_block(12);
		assert_eq!(status(id), RequestStatus::Closed);
		System::assert_has_event(
			Event::<Test>::RequestClosed { request: id, customer: CUSTOMER }.into(),
		);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (ED, 0));
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&worker), None);
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&other), None);
		assert_noop!(
			Business::cancel(RuntimeOrigin::signed(CUSTOMER), id),
			crate::Error::<Test>::CannotCancel
		);
	});
}

#[test]
fn a_rejection_with_no_other_expert_waits() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit(CUSTOMER, FEE);
		let post = deliver(id, ALICE);
		assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, false));
		let pool = pool_of(id);
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool, 200, false));
		run_to_block(12);
		assert_eq!(post_status(post), PostStatus::Rejected);
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		assert_eq!(fee_held(CUSTOMER), FEE);
		expert(CAROL, STAKE);
		assert_eq!(worker_of(id), CAROL);
	});
}

#[test]
fn quorum_not_met_opens_new_pools_then_refunds() {
	// Eve's 10,000 REP make the quorum 10% × (10,500 + 50) = 1,055; only 90 is staked.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 100), (CAROL, 100), (DAVE, 200), (EVE, 10_000)])
		.build_and_execute(|| {
			let minted_before = pallet_reputation::TotalMinted::<Test>::get();
			expert(ALICE, STAKE);
			let id = submit(CUSTOMER, FEE);
			let post = deliver(id, ALICE);
			assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, true));
			let first = pool_of(id);
			run_to_block(12);
			assert_eq!(outcome(first), Some(PoolOutcome::QuorumNotMet));
			// The pool refunded the fee; it is held again and the next pool opens next block.
			System::assert_has_event(
				Event::<Test>::ValidationRetry { request: id, pool: first, attempt: 2, at: 12 }
					.into(),
			);
			assert_eq!(
				status(id),
				RequestStatus::EvidenceSubmitted {
					worker: ALICE,
					post,
					deadline: 12,
					start_failures: 0
				}
			);
			assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, FEE));
			run_to_block(13);
			let second = pool_of(id);
			assert_ne!(second, first);
			assert_eq!(request(id).pools, 2);
			assert_eq!(request(id).verdict, Some(true), "the verdict stands for the retry");
			assert_eq!(pool_end(second), 23);
			run_to_block(25);
			let third = pool_of(id);
			assert_eq!(request(id).pools, 3);
			// The third pool fails too: no more attempts, the fee stays with the customer.
			run_to_block(36);
			assert_eq!(outcome(third), Some(PoolOutcome::QuorumNotMet));
			assert_eq!(status(id), RequestStatus::Refunded);
			System::assert_has_event(
				Event::<Test>::RequestRefunded { request: id, customer: CUSTOMER, fee: FEE }.into(),
			);
			assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE, 0));
			// Alice keeps her whole stake, drawable again; each pool's mint was burned.
			assert_eq!(availability(ALICE), STAKE);
			assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
			assert_eq!(rep(ALICE), 100);
			assert_eq!(pallet_reputation::TotalMinted::<Test>::get(), minted_before + 3 * FEE);
			assert_eq!(total_burned(), 3 * FEE);
			assert_eq!(post_status(post), PostStatus::Open);
		});
}

#[test]
fn evidence_ratified_by_another_pool_completes_the_request_and_pays_the_fee_as_salary() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit(CUSTOMER, FEE);
		let post = deliver(id, ALICE);
		// Dave opens a pool of his own on the evidence, ending in block 3.
		let foreign = pallet_validation_pool::NextPoolId::<Test>::get();
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(DAVE), post, 10, Some(2)));
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), foreign, 100, true));
		// Meanwhile the request's pool cannot open on the post.
		assert_noop!(
			Business::review(RuntimeOrigin::signed(CUSTOMER), id, true),
			pallet_validation_pool::Error::<Test>::PoolAlreadyOpen
		);
		run_to_block(4);
		assert_eq!(post_status(post), PostStatus::Ratified);
		let dao_before = balance(dao());
		// The review deadline passes: the DAO's verdict stands.
		run_to_block(7);
		assert_eq!(status(id), RequestStatus::Done { worker: ALICE, post, pool: None });
		System::assert_has_event(
			Event::<Test>::RequestDone { request: id, worker: ALICE, post, pool: None, fee: FEE }
				.into(),
		);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, 0));
		assert_eq!(balance(dao()), dao_before + FEE);
		assert!(claimable(EVE) > 0, "the fee is the REP holders' salary");
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
	});
}

#[test]
fn evidence_rejected_by_another_pool_draws_again_on_the_same_fee() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		expert(BOB, STAKE);
		let id = submit(CUSTOMER, FEE);
		let worker = worker_of(id);
		let other = if worker == ALICE { BOB } else { ALICE };
		let post = deliver(id, worker);
		let foreign = pallet_validation_pool::NextPoolId::<Test>::get();
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(DAVE), post, 10, Some(2)));
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), foreign, 200, false));
		run_to_block(4);
		assert_eq!(post_status(post), PostStatus::Rejected);
		// The customer's review now takes the DAO's verdict at once.
		assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, true));
		System::assert_has_event(
			Event::<Test>::WorkRejected { request: id, worker, post, pool: None }.into(),
		);
		assert_eq!(worker_of(id), other);
		assert_eq!(request(id).excluded.into_inner(), vec![worker]);
		// The fee was never spent: still the one held, no second one.
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, FEE));
		assert!(!events().iter().any(|e| matches!(e, Event::<Test>::FeeHeld { .. })));
	});
}

#[test]
fn a_pool_that_cannot_open_is_retried_and_the_customer_may_cancel() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit(CUSTOMER, FEE);
		let post = deliver(id, ALICE);
		// A long pool of Dave's on the evidence, ending in block 51.
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(DAVE), post, 10, Some(50)));
		assert_noop!(
			Business::cancel(RuntimeOrigin::signed(CUSTOMER), id),
			crate::Error::<Test>::CannotCancel
		);
		run_to_block(7);
		System::assert_has_event(
			Event::<Test>::PoolStartFailed {
				request: id,
				error: pallet_validation_pool::Error::<Test>::PoolAlreadyOpen.into(),
				retry_at: 17,
			}
			.into(),
		);
		assert_eq!(
			status(id),
			RequestStatus::EvidenceSubmitted {
				worker: ALICE,
				post,
				deadline: 17,
				start_failures: 1
			}
		);
		assert_eq!(fee_held(CUSTOMER), FEE, "the fee stays held");
		run_to_block(18);
		assert!(matches!(
			status(id),
			RequestStatus::EvidenceSubmitted { deadline: 28, start_failures: 2, .. }
		));
		assert_ok!(Business::cancel(RuntimeOrigin::signed(CUSTOMER), id));
		assert_eq!(status(id), RequestStatus::Cancelled);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE, 0));
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
		assert_eq!(availability(ALICE), STAKE, "released without a slash");
	});
}

#[test]
fn pools_that_are_not_the_requests_are_ignored() {
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(CAROL, guild_primitives::PPM)]);
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(DAVE), post, 10, Some(2)));
		run_to_block(4);
		assert_eq!(outcome(0), Some(PoolOutcome::QuorumNotMet));
		assert!(events().is_empty());
		assert_eq!(
			<Business as guild_primitives::OnPoolResolved>::on_pool_resolved(
				99,
				post,
				PoolOutcome::Accepted,
				Default::default()
			),
			<() as crate::WeightInfo>::pool_resolved_other()
		);
	});
}
