//! The whole path of §7 with every balance checked: a customer asks, the drawn expert delivers,
//! the customer reviews, others stake, the pool resolves automatically, holders claim their fee
//! share.

use super::mock::*;
use crate::{Event, RequestStatus};
use frame_support::assert_ok;
use guild_primitives::{ExpertPool, PoolOutcome};

#[test]
fn request_evidence_review_pool_and_salary() {
	ExtBuilder::default().build_and_execute(|| {
		let dao_start = balance(dao());
		// Alice is the only expert.
		expert(ALICE, STAKE);
		assert_eq!((free(ALICE), availability(ALICE)), (100 - STAKE, STAKE));

		// The customer asks in block 1: the fee is held; Alice is drawn by the hook of block 3,
		// with the VRF output of block 2, which did not exist when the request was submitted.
		let id = submit(CUSTOMER, FEE);
		assert_eq!(id, 0);
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, FEE));
		assert_eq!(status(id), RequestStatus::Drawing { at: 2 });
		System::assert_has_event(Event::<Test>::DrawScheduled { request: id, at: 2 }.into());
		run_to_block(2);
		assert_eq!(status(id), RequestStatus::Drawing { at: 2 });
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
		run_to_block(3);
		assert_eq!(
			status(id),
			RequestStatus::Assigned { worker: ALICE, stake: STAKE, deadline: 13 }
		);
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), Some(id));
		System::assert_has_event(
			Event::<Test>::RequestSubmitted {
				request: id,
				customer: CUSTOMER,
				fee: FEE,
				spec_hash: sp_core::H256::repeat_byte(7),
			}
			.into(),
		);
		System::assert_has_event(
			Event::<Test>::WorkerAssigned {
				request: id,
				worker: ALICE,
				stake: STAKE,
				deadline: 13,
			}
			.into(),
		);

		// Alice posts the work and submits it as evidence.
		let post = deliver(id, ALICE);
		assert_eq!(balance(ALICE), START_BALANCE - POST_DEPOSIT);
		assert_eq!(
			status(id),
			RequestStatus::EvidenceSubmitted {
				worker: ALICE,
				post,
				deadline: 8,
				start_failures: 0
			}
		);

		// The customer approves: the pool opens with the request's fee, Alice's stake FOR.
		assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, true));
		let pool = pool_of(id);
		assert_eq!(request(id).verdict, Some(true));
		assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE - FEE, 0));
		assert_eq!(balance(dao()), dao_start + FEE);
		System::assert_has_event(
			Event::<Test>::Reviewed { request: id, customer: CUSTOMER, approve: true }.into(),
		);
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
		assert_eq!(pool_end(pool), 13);
		// M = 50: 25 FOR in Alice's name, 25 AGAINST; Alice's 40 counts FOR.
		assert_eq!(unowned(), 50);

		// Dave stakes 60 FOR: the consent of §4 (stakes of non-authors) must reach 10% of the
		// 600 REP held; Alice's own stakes do not count.
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool, 60, true));

		// The pool resolves on its own in block 14: 125 FOR / 150 ≥ 50%, consent 60 ≥ 60.
		run_to_block(13);
		assert_eq!(outcome(pool), None);
		run_to_block(14);
		assert_eq!(outcome(pool), Some(PoolOutcome::Accepted));
		assert_eq!(post_status(post), guild_primitives::PostStatus::Ratified);
		assert_eq!(status(id), RequestStatus::Done { worker: ALICE, post, pool: Some(pool) });
		System::assert_has_event(
			Event::<Test>::RequestDone {
				request: id,
				worker: ALICE,
				post,
				pool: Some(pool),
				fee: FEE,
			}
			.into(),
		);

		// REP: pot 25 over FOR weight 125 → Alice 8 (worker stake 40), Dave 12, authors 5
		// (Alice); nothing left to burn; the 25 minted FOR propagate to Alice.
		assert_eq!(rep(ALICE), 100 + 8 + 5 + 25);
		assert_eq!(rep(DAVE), 212);
		assert_eq!((rep(BOB), rep(CAROL), rep(EVE)), (100, 100, 100));
		assert_eq!(total_burned(), 0);
		assert_eq!(total_rep(), 600 + 50);
		assert_eq!(unowned(), 0);
		// Alice's stake is whole, unbound and drawable again.
		assert_eq!(availability(ALICE), STAKE);
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
		assert_eq!(pallet_availability::Candidates::<Test>::get(StakeKind::Requests).len(), 1);

		// Native: the deposit is back, the fee went to the DAO and is the REP salary, shared by
		// the 600 REP held before the pool's REP moved: 50/600 per REP, rounded down.
		assert_eq!(balance(ALICE), START_BALANCE);
		assert_eq!(balance(CUSTOMER), START_BALANCE - FEE);
		assert_eq!(
			[claimable(ALICE), claimable(BOB), claimable(CAROL), claimable(DAVE), claimable(EVE)],
			[8, 8, 8, 16, 8]
		);
		assert_eq!(claimable(CUSTOMER), 0);
		assert_ok!(Reputation::claim_fees(RuntimeOrigin::signed(ALICE)));
		assert_ok!(Reputation::claim_fees(RuntimeOrigin::signed(DAVE)));
		assert_eq!(balance(ALICE), START_BALANCE + 8);
		assert_eq!(balance(DAVE), START_BALANCE + 16);
		assert_eq!(balance(dao()), dao_start + FEE - 24);
	});
}

#[test]
fn a_finished_worker_takes_the_next_pending_request() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let first = submit_and_draw(CUSTOMER, FEE);
		let second = submit_and_draw(OTHER_CUSTOMER, FEE);
		assert!(matches!(status(second), RequestStatus::Pending { .. }));
		System::assert_has_event(Event::<Test>::RequestPending { request: second }.into());
		let post = deliver(first, ALICE);
		assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), first, true));
		// Dave's consent carries the pool (block 5 to 15).
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool_of(first), 60, true));
		run_to_block(16);
		assert!(matches!(status(first), RequestStatus::Done { .. }));
		assert_eq!(post_status(post), guild_primitives::PostStatus::Ratified);
		// Alice was released and drawn for the waiting request at once.
		assert_eq!(
			status(second),
			RequestStatus::Assigned { worker: ALICE, stake: STAKE, deadline: 26 }
		);
	});
}

#[test]
fn the_customer_is_never_drawn_for_their_own_request() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let own = submit_and_draw(ALICE, FEE);
		assert!(matches!(status(own), RequestStatus::Pending { .. }));
		expert(BOB, STAKE);
		until_the_scan();
		assert_eq!(worker_of(own), BOB);
	});
}
