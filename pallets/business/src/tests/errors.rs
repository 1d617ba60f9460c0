//! Every error of `submit_request`, `submit_evidence` and `review`, each changing nothing; the
//! evidence posts are the requests' own (§4).

use super::mock::*;
use crate::{Due, Error, NextRequestId};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use guild_primitives::{ProtocolPosts, PPM};
use sp_core::H256;
use sp_runtime::DispatchError;

fn submit_as(customer: AccountId, fee: u128) -> sp_runtime::DispatchResult {
	Business::submit_request(RuntimeOrigin::signed(customer), fee, H256::zero(), vec![])
}

#[test]
fn submit_request_errors() {
	ExtBuilder::default().with_balance(OTHER_CUSTOMER, 100).build_and_execute(|| {
		// §11.6: no dust requests.
		assert_noop!(submit_as(CUSTOMER, 0), Error::<Test>::FeeBelowMinimum);
		assert_noop!(submit_as(CUSTOMER, MIN_FEE - 1), Error::<Test>::FeeBelowMinimum);
		// The fee pays for the request's pool: it must reach the pools' minimum too.
		pallet_validation_pool::Params::<Test>::mutate(|p| p.min_pool_fee = MIN_FEE + 5);
		assert_noop!(submit_as(CUSTOMER, MIN_FEE + 4), Error::<Test>::FeeBelowMinimum);
		assert_ok!(submit_as(CUSTOMER, MIN_FEE + 5));
		pallet_validation_pool::Params::<Test>::mutate(|p| p.min_pool_fee = 1);
		// The customer must keep their existential deposit.
		assert_noop!(submit_as(OTHER_CUSTOMER, 100), Error::<Test>::InsufficientBalance);
		assert_noop!(submit_as(99, MIN_FEE), Error::<Test>::InsufficientBalance);
		assert_noop!(
			Business::submit_request(RuntimeOrigin::none(), MIN_FEE, H256::zero(), vec![]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Business::submit_request(
				RuntimeOrigin::signed(CUSTOMER),
				MIN_FEE,
				H256::zero(),
				vec![b'u'; MAX_URI as usize + 1]
			),
			Error::<Test>::UriTooLong
		);
		assert_ok!(Business::submit_request(
			RuntimeOrigin::signed(CUSTOMER),
			MIN_FEE,
			H256::zero(),
			vec![b'u'; MAX_URI as usize]
		));
		assert_ok!(submit_as(OTHER_CUSTOMER, 99));
		// The draw lists of blocks 2 .. 2+16 are full (block 2 holds the three above).
		for block in 2..2 + crate::SCHEDULE_PROBES as u64 {
			Due::<Test>::insert(block, BoundedVec::truncate_from(vec![1_000, 1_001, 1_002, 1_003]));
		}
		assert_noop!(submit_as(CUSTOMER, MIN_FEE), Error::<Test>::TooManyDeadlines);
		for block in 2..2 + crate::SCHEDULE_PROBES as u64 {
			Due::<Test>::remove(block);
		}
		Due::<Test>::insert(2, BoundedVec::truncate_from(vec![0, 1, 2]));
		NextRequestId::<Test>::put(u64::MAX);
		assert_noop!(submit_as(CUSTOMER, MIN_FEE), Error::<Test>::RequestIdOverflow);
		NextRequestId::<Test>::put(3);
	});
}

#[test]
fn submit_evidence_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let mine = new_post(&[(ALICE, PPM)]);
		let evidence = |who, request, post| {
			Business::submit_evidence(RuntimeOrigin::signed(who), request, post)
		};
		assert_noop!(evidence(ALICE, 0, mine), Error::<Test>::UnknownRequest);
		let waiting = submit(CUSTOMER, FEE);
		assert_noop!(evidence(ALICE, waiting, mine), Error::<Test>::NotAwaitingEvidence);
		expert(ALICE, STAKE);
		run_to_block(3);
		assert_eq!(worker_of(waiting), ALICE);
		assert_noop!(evidence(BOB, waiting, mine), Error::<Test>::NotAssignedWorker);
		assert_noop!(evidence(ALICE, waiting, 99), Error::<Test>::UnknownPost);
		let bobs = new_post(&[(BOB, PPM)]);
		assert_noop!(evidence(ALICE, waiting, bobs), Error::<Test>::NotAnAuthor);
		// A co-authored post is fine; one under a pool, or judged, is not.
		let judged = new_post(&[(BOB, 500_000), (ALICE, 500_000)]);
		let pool = pallet_validation_pool::NextPoolId::<Test>::get();
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(BOB), judged, 10, Some(1)));
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool, 100, true));
		assert_noop!(evidence(ALICE, waiting, judged), Error::<Test>::PostHasOpenPool);
		run_to_block(5);
		assert_eq!(post_status(judged), guild_primitives::PostStatus::Ratified);
		assert_noop!(evidence(ALICE, waiting, judged), Error::<Test>::PostNotOpen);
		// The deadline lists of blocks 5+5 .. 5+5+16 are full.
		for block in 10..10 + crate::SCHEDULE_PROBES as u64 {
			Due::<Test>::insert(block, BoundedVec::truncate_from(vec![1_000, 1_001, 1_002, 1_003]));
		}
		assert_noop!(evidence(ALICE, waiting, mine), Error::<Test>::TooManyDeadlines);
		for block in 10..10 + crate::SCHEDULE_PROBES as u64 {
			Due::<Test>::remove(block);
		}
		assert_noop!(
			Business::submit_evidence(RuntimeOrigin::none(), waiting, mine),
			DispatchError::BadOrigin
		);
		// One post serves one request.
		assert_ok!(evidence(ALICE, waiting, mine));
		expert(BOB, STAKE);
		let second = submit_and_draw(CUSTOMER, FEE);
		assert_eq!(worker_of(second), BOB);
		let shared = new_post(&[(ALICE, 500_000), (BOB, 500_000)]);
		assert_noop!(evidence(BOB, second, mine), Error::<Test>::NotAnAuthor);
		assert_ok!(evidence(BOB, second, shared));
		assert_noop!(evidence(BOB, second, shared), Error::<Test>::NotAwaitingEvidence);
	});
}

#[test]
fn evidence_after_the_deadline_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let post = new_post(&[(ALICE, PPM)]);
		// Block 14 before the hook has acted on the no-show.
		System::set_block_number(14);
		assert_noop!(
			Business::submit_evidence(RuntimeOrigin::signed(ALICE), id, post),
			Error::<Test>::EvidenceDeadlinePassed
		);
		System::set_block_number(13);
		assert_ok!(Business::submit_evidence(RuntimeOrigin::signed(ALICE), id, post));
	});
}

#[test]
fn a_post_already_evidence_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		expert(BOB, STAKE);
		let first = submit(CUSTOMER, FEE);
		let second = submit(OTHER_CUSTOMER, FEE);
		run_to_block(3);
		let shared = new_post(&[(ALICE, 500_000), (BOB, 500_000)]);
		let (a, b) = (worker_of(first), worker_of(second));
		assert_ok!(Business::submit_evidence(RuntimeOrigin::signed(a), first, shared));
		assert_noop!(
			Business::submit_evidence(RuntimeOrigin::signed(b), second, shared),
			Error::<Test>::PostAlreadyEvidence
		);
	});
}

#[test]
fn review_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Business::review(RuntimeOrigin::signed(CUSTOMER), 0, true),
			Error::<Test>::UnknownRequest
		);
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		assert_noop!(
			Business::review(RuntimeOrigin::signed(CUSTOMER), id, true),
			Error::<Test>::NotAwaitingReview
		);
		deliver(id, ALICE);
		assert_noop!(
			Business::review(RuntimeOrigin::signed(ALICE), id, true),
			Error::<Test>::NotCustomer
		);
		assert_noop!(Business::review(RuntimeOrigin::none(), id, true), DispatchError::BadOrigin);
		// The pool's own errors come through unchanged: a pool too long for the pools' bounds.
		crate::Params::<Test>::mutate(|p| p.pool_duration = 1_000);
		assert_noop!(
			Business::review(RuntimeOrigin::signed(CUSTOMER), id, true),
			pallet_validation_pool::Error::<Test>::DurationTooLong
		);
		crate::Params::<Test>::mutate(|p| p.pool_duration = 10);
		assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, true));
		assert_noop!(
			Business::review(RuntimeOrigin::signed(CUSTOMER), id, true),
			Error::<Test>::NotAwaitingReview
		);
	});
}

/// §4, §11.5: once a post is a request's evidence, only the request's pools judge it — not its
/// authors, not after a rejection; other posts are nobody's.
#[test]
fn evidence_posts_belong_to_the_work_requests() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit_and_draw(CUSTOMER, FEE);
		let post = new_post(&[(ALICE, PPM)]);
		let other = new_post(&[(ALICE, PPM)]);
		assert!(!Business::is_protocol_post(post));
		assert_ok!(Business::submit_evidence(RuntimeOrigin::signed(ALICE), id, post));
		assert!(Business::is_protocol_post(post));
		assert!(!Business::is_protocol_post(other));
		assert_noop!(
			ValidationPool::initiate(RuntimeOrigin::signed(ALICE), post, 10, Some(2)),
			pallet_validation_pool::Error::<Test>::ProtocolPost
		);
		// The request's own pool opens, is rejected, and the post stays the request's.
		assert_ok!(Business::review(RuntimeOrigin::signed(CUSTOMER), id, false));
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool_of(id), 200, false));
		run_to_block(14);
		assert_eq!(post_status(post), guild_primitives::PostStatus::Rejected);
		assert!(Business::is_protocol_post(post));
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(ALICE), other, 10, Some(2)));
	});
}
