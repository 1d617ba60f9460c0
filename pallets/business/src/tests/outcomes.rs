//! The pool outcomes (§7): accepted, rejected (the customer's choice), quorum not met; and
//! evidence judged by a pool that is not the request's.

use super::mock::*;
use crate::{Error, Event, RequestStatus};
use frame_support::{assert_noop, assert_ok};
use guild_primitives::{ExpertPool, PoolOutcome, PostStatus, ValidationPools};

/// Alice and Bob are experts; the customer's request is assigned (block 3) and its evidence
/// under a pool the customer started, ending in block 13. Returns (request, worker, other
/// expert, post, pool).
fn under_validation() -> (u64, AccountId, AccountId, u64, u64) {
	expert(ALICE, STAKE);
	expert(BOB, STAKE);
	let id = submit_and_draw(CUSTOMER, FEE);
	let worker = worker_of(id);
	let other = if worker == ALICE { BOB } else { ALICE };
	let post = deliver(id, worker);
	assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, false));
	(id, worker, other, post, pool_of(id))
}

/// As [`under_validation`], and Dave's 200 REP AGAINST reject the work in block 14: 65 FOR,
/// 225 AGAINST, consent 200 ≥ 10% × 600.
fn rejected() -> (u64, AccountId, AccountId, u64, u64) {
	let (id, worker, other, post, pool) = under_validation();
	assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool, 200, false));
	run_to_block(14);
	assert_eq!(outcome(pool), Some(PoolOutcome::Rejected));
	(id, worker, other, post, pool)
}

#[test]
fn rejected_work_waits_for_the_customer_who_may_pay_for_another_draw() {
	ExtBuilder::default().build_and_execute(|| {
		let (id, worker, other, post, pool) = rejected();
		assert_eq!(post_status(post), PostStatus::Rejected);
		System::assert_has_event(
			Event::<Test>::WorkRejected { request: id, worker, post, pool: Some(pool) }.into(),
		);
		System::assert_has_event(
			Event::<Test>::AwaitingChoice { request: id, customer: CUSTOMER, deadline: 19 }.into(),
		);
		// Nothing is drawn or held again on its own: the rejected fee paid for the judgement.
		assert_eq!(status(id), RequestStatus::AwaitingCustomer { deadline: 19 });
		let req = request(id);
		assert_eq!(req.excluded.into_inner(), vec![worker]);
		assert_eq!((req.pools, req.verdict, req.draws), (0, None, 1));
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, 0));
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&worker), None);
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&other), None);
		assert!(!events().iter().any(|e| matches!(e, Event::<Test>::FeeHeld { .. })));
		// The worker lost their whole stake (binding 100%); Dave won the pot 25 + 25 + 40.
		assert_eq!(availability(worker), 0);
		assert!(pallet_availability::Stakes::<Test>::get(StakeKind::Requests, worker).is_none());
		assert_eq!(rep(worker), 100 - STAKE);
		assert_eq!(rep(DAVE), 200 + 90);
		assert_eq!(total_rep(), 600 + 50);

		// The customer pays a new, larger fee: it is held and another expert drawn two blocks
		// later, never the rejected one.
		assert_ok!(Business::redraw(RuntimeOrigin::signed(CUSTOMER), id, 60));
		System::assert_has_event(
			Event::<Test>::FeeHeld { request: id, customer: CUSTOMER, fee: 60 }.into(),
		);
		System::assert_has_event(Event::<Test>::DrawScheduled { request: id, at: 15 }.into());
		assert_eq!(status(id), RequestStatus::Drawing { at: 15 });
		assert!(crate::Due::<Test>::get(19).is_empty(), "the choice's deadline is gone");
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE - 60, 60));
		run_to_block(16);
		assert_eq!(
			status(id),
			RequestStatus::Assigned { worker: other, stake: STAKE, deadline: 26 }
		);
		assert_eq!((request(id).fee, request(id).draws), (60, 2));

		// The customer cancels the new attempt: the new fee comes back, the first one was spent.
		assert_ok!(Business::cancel(RuntimeOrigin::signed(CUSTOMER), id));
		System::assert_last_event(
			Event::<Test>::RequestCancelled { request: id, customer: CUSTOMER, fee: 60 }.into(),
		);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, 0));
		assert_eq!(status(id), RequestStatus::Cancelled);
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&other), None);
	});
}

#[test]
fn without_a_choice_in_time_a_rejected_request_closes() {
	ExtBuilder::default().build_and_execute(|| {
		let (id, ..) = rejected();
		let dao_before = balance(dao());
		run_to_block(19);
		assert_eq!(status(id), RequestStatus::AwaitingCustomer { deadline: 19 });
		run_to_block(20);
		assert_eq!(status(id), RequestStatus::Closed);
		System::assert_has_event(
			Event::<Test>::RequestClosed { request: id, customer: CUSTOMER }.into(),
		);
		// Nothing more is paid or refunded.
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, 0));
		assert_eq!(balance(dao()), dao_before);
		assert_noop!(
			Business::redraw(RuntimeOrigin::signed(CUSTOMER), id, FEE),
			Error::<Test>::NotAwaitingChoice
		);
		assert_noop!(
			Business::cancel(RuntimeOrigin::signed(CUSTOMER), id),
			Error::<Test>::CannotCancel
		);
	});
}

#[test]
fn cancelling_after_a_rejection_pays_nothing_more() {
	ExtBuilder::default().build_and_execute(|| {
		let (id, ..) = rejected();
		assert_ok!(Business::cancel(RuntimeOrigin::signed(CUSTOMER), id));
		assert_eq!(status(id), RequestStatus::Cancelled);
		System::assert_last_event(
			Event::<Test>::RequestCancelled { request: id, customer: CUSTOMER, fee: 0 }.into(),
		);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, 0));
		assert!(crate::Due::<Test>::get(19).is_empty());
		run_to_block(20);
		assert_eq!(status(id), RequestStatus::Cancelled, "the deadline does nothing");
	});
}

#[test]
fn a_customer_who_cannot_pay_again_after_a_rejection_lets_the_request_close() {
	ExtBuilder::default().with_balance(CUSTOMER, FEE + ED).build_and_execute(|| {
		let (id, worker, other, _, _) = rejected();
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (ED, 0));
		assert_noop!(
			Business::redraw(RuntimeOrigin::signed(CUSTOMER), id, FEE),
			Error::<Test>::InsufficientBalance
		);
		run_to_block(20);
		assert_eq!(status(id), RequestStatus::Closed);
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&worker), None);
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&other), None);
	});
}

#[test]
fn redraw_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Business::redraw(RuntimeOrigin::signed(CUSTOMER), 0, FEE),
			Error::<Test>::UnknownRequest
		);
		let (id, worker, ..) = under_validation();
		assert_noop!(
			Business::redraw(RuntimeOrigin::signed(CUSTOMER), id, FEE),
			Error::<Test>::NotAwaitingChoice
		);
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool_of(id), 200, false));
		run_to_block(14);
		assert!(matches!(status(id), RequestStatus::AwaitingCustomer { .. }));
		assert_noop!(
			Business::redraw(RuntimeOrigin::signed(worker), id, FEE),
			Error::<Test>::NotCustomer
		);
		assert_noop!(
			Business::redraw(RuntimeOrigin::none(), id, FEE),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Business::redraw(RuntimeOrigin::signed(CUSTOMER), id, MIN_FEE - 1),
			Error::<Test>::FeeBelowMinimum
		);
		assert_noop!(
			Business::redraw(RuntimeOrigin::signed(CUSTOMER), id, START_BALANCE),
			Error::<Test>::InsufficientBalance
		);
		// A limit lowered meanwhile: the request has had its one draw.
		crate::Params::<Test>::mutate(|p| p.max_draws = 1);
		assert_noop!(
			Business::redraw(RuntimeOrigin::signed(CUSTOMER), id, FEE),
			Error::<Test>::DrawLimitReached
		);
		crate::Params::<Test>::mutate(|p| p.max_draws = 3);
		assert_ok!(Business::redraw(RuntimeOrigin::signed(CUSTOMER), id, MIN_FEE));
		assert_noop!(
			Business::redraw(RuntimeOrigin::signed(CUSTOMER), id, FEE),
			Error::<Test>::NotAwaitingChoice
		);
	});
}

#[test]
fn a_rejection_with_no_draw_left_closes_the_request() {
	ExtBuilder::default().with_params(|p| p.max_draws = 1).build_and_execute(|| {
		let (id, ..) = rejected();
		assert_eq!(status(id), RequestStatus::Closed);
		System::assert_has_event(
			Event::<Test>::RequestClosed { request: id, customer: CUSTOMER }.into(),
		);
		assert!(!events().iter().any(|e| matches!(e, Event::<Test>::AwaitingChoice { .. })));
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, 0));
	});
}

#[test]
fn a_redraw_with_no_other_expert_waits() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let post = deliver(id, ALICE);
		assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, false));
		let pool = pool_of(id);
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool, 200, false));
		run_to_block(14);
		assert_eq!(post_status(post), PostStatus::Rejected);
		assert_ok!(Business::redraw(RuntimeOrigin::signed(CUSTOMER), id, FEE));
		run_to_block(16);
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		assert_eq!(fee_held(CUSTOMER), FEE);
		expert(CAROL, STAKE);
		until_the_scan();
		assert_eq!(worker_of(id), CAROL);
	});
}

#[test]
fn quorum_not_met_opens_new_pools_then_refunds() {
	// Eve's 10,000 REP make the consent quorum 10% × 10,500 = 1,050; no account but the author
	// (Alice) stakes.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 100), (CAROL, 100), (DAVE, 200), (EVE, 10_000)])
		.build_and_execute(|| {
			let minted_before = pallet_reputation::TotalMinted::<Test>::get();
			let dao_start = balance(dao());
			expert(ALICE, STAKE);
			let id = submit_and_draw(CUSTOMER, FEE);
			let post = deliver(id, ALICE);
			assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, true));
			let first = pool_of(id);
			run_to_block(14);
			assert_eq!(outcome(first), Some(PoolOutcome::QuorumNotMet));
			// The pool refunded the fee less its 10% (5), which the REP holders share; the whole
			// fee is held again and the next pool opens next block.
			System::assert_has_event(
				Event::<Test>::ValidationRetry { request: id, pool: first, attempt: 2, at: 14 }
					.into(),
			);
			assert_eq!(
				status(id),
				RequestStatus::EvidenceSubmitted {
					worker: ALICE,
					post,
					deadline: 14,
					start_failures: 0
				}
			);
			assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE - 5, FEE));
			assert_eq!(balance(dao()), dao_start + 5);
			run_to_block(15);
			let second = pool_of(id);
			assert_ne!(second, first);
			assert_eq!(request(id).pools, 2);
			assert_eq!(request(id).verdict, Some(true), "the verdict stands for the retry");
			assert_eq!(pool_end(second), 25);
			run_to_block(27);
			let third = pool_of(id);
			assert_eq!(request(id).pools, 3);
			// The third pool fails too: no more attempts, what came back stays with the
			// customer; each missed quorum cost 5.
			run_to_block(38);
			assert_eq!(outcome(third), Some(PoolOutcome::QuorumNotMet));
			assert_eq!(status(id), RequestStatus::Refunded);
			System::assert_has_event(
				Event::<Test>::RequestRefunded { request: id, customer: CUSTOMER, fee: FEE }.into(),
			);
			assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - 15, 0));
			assert_eq!(balance(dao()), dao_start + 15);
			assert!(claimable(EVE) > 0, "the kept shares are the REP holders' salary");
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
fn a_customer_who_cannot_hold_the_fee_again_after_a_missed_quorum_is_refunded() {
	// The customer has the fee and the existential deposit only: the 10% the pool kept is
	// missing for a second pool.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 100), (CAROL, 100), (DAVE, 200), (EVE, 10_000)])
		.with_balance(CUSTOMER, FEE + ED)
		.build_and_execute(|| {
			expert(ALICE, STAKE);
			let id = submit_and_draw(CUSTOMER, FEE);
			deliver(id, ALICE);
			assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, true));
			run_to_block(14);
			assert_eq!(status(id), RequestStatus::Refunded);
			assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (ED + FEE - 5, 0));
			assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
			assert_eq!(availability(ALICE), STAKE);
		});
}

/// Only the work requests open pools on their evidence (§4); another protocol rule that did
/// would be a bug, but its verdict would stand. The tests play such a rule through
/// `ValidationPools::open`.
fn foreign_pool(post: u64, duration: BlockNumber) -> u64 {
	<ValidationPool as ValidationPools<AccountId, u128, BlockNumber>>::open(
		&DAVE, post, 10, duration, None, None,
	)
	.expect("the pool opens")
}

#[test]
fn evidence_ratified_by_another_pool_completes_the_request_and_pays_the_fee_as_salary() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let post = deliver(id, ALICE);
		// Another pool on the evidence, ending in block 5.
		let foreign = foreign_pool(post, 2);
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), foreign, 100, true));
		// Meanwhile the request's pool cannot open on the post.
		assert_noop!(
			Business::review(RuntimeOrigin::signed(CUSTOMER), id, true),
			pallet_validation_pool::Error::<Test>::PoolAlreadyOpen
		);
		run_to_block(6);
		assert_eq!(post_status(post), PostStatus::Ratified);
		let dao_before = balance(dao());
		// The review deadline (block 8) passes: the DAO's verdict stands.
		run_to_block(9);
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
		let id = submit_and_draw(CUSTOMER, FEE);
		let worker = worker_of(id);
		let other = if worker == ALICE { BOB } else { ALICE };
		let post = deliver(id, worker);
		let foreign = foreign_pool(post, 2);
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), foreign, 200, false));
		run_to_block(6);
		assert_eq!(post_status(post), PostStatus::Rejected);
		// The customer's review now takes the DAO's verdict at once; the draw is the hook's.
		assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, true));
		System::assert_has_event(
			Event::<Test>::WorkRejected { request: id, worker, post, pool: None }.into(),
		);
		assert_eq!(status(id), RequestStatus::Drawing { at: 7 });
		run_to_block(8);
		assert_eq!(worker_of(id), other);
		assert_eq!(request(id).excluded.into_inner(), vec![worker]);
		// The fee was never spent: still the one held, no second one.
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, FEE));
		assert!(!events().iter().any(|e| matches!(e, Event::<Test>::FeeHeld { .. })));
	});
}

#[test]
fn evidence_rejected_by_another_pool_with_no_draw_left_refunds_the_fee() {
	ExtBuilder::default().with_params(|p| p.max_draws = 1).build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let post = deliver(id, ALICE);
		let foreign = foreign_pool(post, 2);
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), foreign, 200, false));
		run_to_block(9);
		assert_eq!(status(id), RequestStatus::Refunded);
		System::assert_has_event(
			Event::<Test>::RequestRefunded { request: id, customer: CUSTOMER, fee: FEE }.into(),
		);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE, 0));
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
	});
}

#[test]
fn a_pool_that_cannot_open_is_retried_and_the_customer_may_cancel() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let post = deliver(id, ALICE);
		// A long pool on the evidence, ending in block 53.
		foreign_pool(post, 50);
		assert_noop!(
			Business::cancel(RuntimeOrigin::signed(CUSTOMER), id),
			crate::Error::<Test>::CannotCancel
		);
		run_to_block(9);
		System::assert_has_event(
			Event::<Test>::PoolStartFailed {
				request: id,
				error: pallet_validation_pool::Error::<Test>::PoolAlreadyOpen.into(),
				retry_at: 19,
			}
			.into(),
		);
		assert_eq!(
			status(id),
			RequestStatus::EvidenceSubmitted {
				worker: ALICE,
				post,
				deadline: 19,
				start_failures: 1
			}
		);
		assert_eq!(fee_held(CUSTOMER), FEE, "the fee stays held");
		run_to_block(20);
		assert!(matches!(
			status(id),
			RequestStatus::EvidenceSubmitted { deadline: 30, start_failures: 2, .. }
		));
		assert_ok!(Business::cancel(RuntimeOrigin::signed(CUSTOMER), id));
		assert_eq!(status(id), RequestStatus::Cancelled);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE, 0));
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
		assert_eq!(availability(ALICE), STAKE, "released without a slash");
	});
}

/// §11.6: a pool that never opens does not bind the worker for ever.
#[test]
fn a_pool_that_never_opens_ends_the_request_after_max_validation_attempts() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let post = deliver(id, ALICE);
		foreign_pool(post, 50);
		// Failures in blocks 9 and 20; the third, in block 31, ends the request.
		run_to_block(30);
		assert!(matches!(
			status(id),
			RequestStatus::EvidenceSubmitted { deadline: 30, start_failures: 2, .. }
		));
		run_to_block(31);
		assert_eq!(status(id), RequestStatus::Refunded);
		System::assert_has_event(
			Event::<Test>::RequestRefunded { request: id, customer: CUSTOMER, fee: FEE }.into(),
		);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE, 0));
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
		assert_eq!(availability(ALICE), STAKE, "released without a slash");
	});
}

#[test]
fn pools_that_are_not_the_requests_are_ignored() {
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(CAROL, guild_primitives::PPM)]);
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(CAROL), post, 10, Some(2)));
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
