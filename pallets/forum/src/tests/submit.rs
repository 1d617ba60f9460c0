//! `submit_post`: what gets stored, and every way a post can be refused (PROTOCOL.md §3, §10).

use super::mock::*;
use crate::{Error, Event, ForumParams, NextPostId, Params, Post, Posts, RefTarget};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use guild_primitives::PostStatus;
use sp_core::H256;
use sp_runtime::DispatchError;

fn submit_as(
	signer: AccountId,
	author_list: &[(AccountId, u32)],
	references: &[(RefTarget, i32)],
) -> frame_support::dispatch::DispatchResult {
	Forum::submit_post(
		RuntimeOrigin::signed(signer),
		H256::repeat_byte(9),
		uri("ipfs://x"),
		authors(author_list),
		refs(references),
	)
}

fn deposit_held(who: AccountId) -> u128 {
	Balances::balance_on_hold(&crate::HoldReason::PostDeposit.into(), &who)
}

#[test]
fn a_post_is_stored_with_its_deposit_held() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(7);
		assert_ok!(Forum::submit_post(
			RuntimeOrigin::signed(BOB),
			H256::repeat_byte(42),
			uri("ipfs://bafy"),
			authors(&[(ALICE, 600_000), (BOB, 400_000)]),
			refs(&[]),
		));
		assert_eq!(NextPostId::<Test>::get(), 1);
		let post = Posts::<Test>::get(0).expect("ids start at 0");
		assert_eq!(
			post,
			Post::<Test> {
				authors: authors(&[(ALICE, 600_000), (BOB, 400_000)]),
				references: refs(&[]),
				content_hash: H256::repeat_byte(42),
				uri: uri("ipfs://bafy"),
				value: 0,
				status: PostStatus::Open,
				submitter: BOB,
				deposit: DEPOSIT,
				block: 7,
			}
		);
		assert_eq!(deposit_held(BOB), DEPOSIT);
		assert_eq!(Balances::balance(&BOB), START_BALANCE - DEPOSIT);
		System::assert_has_event(
			Event::PostSubmitted {
				post: 0,
				submitter: BOB,
				content_hash: H256::repeat_byte(42),
				deposit: DEPOSIT,
			}
			.into(),
		);

		// Ids are sequential; references to older posts and to the Incinerator are fine.
		let p1 =
			submit(&[(CAROL, 1_000_000)], &[cite(0, -400_000), (RefTarget::Incinerator, 600_000)]);
		assert_eq!(p1, 1);
		assert_eq!(Posts::<Test>::get(1).unwrap().references.len(), 2);
		assert_eq!(NextPostId::<Test>::get(), 2);
	});
}

#[test]
fn no_deposit_is_held_when_the_deposit_is_zero() {
	ExtBuilder::default().deposit(0).build_and_execute(|| {
		assert_ok!(submit_as(PAUPER, &[(PAUPER, 1_000_000)], &[]));
		assert_eq!(Posts::<Test>::get(0).unwrap().deposit, 0);
	});
}

#[test]
fn author_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(submit_as(ALICE, &[], &[]), Error::<Test>::NoAuthors);
		assert_noop!(submit_as(ALICE, &[(BOB, 1_000_000)], &[]), Error::<Test>::SignerNotAuthor);
		assert_noop!(
			submit_as(ALICE, &[(ALICE, 500_000), (ALICE, 500_000)], &[]),
			Error::<Test>::DuplicateAuthor
		);
		assert_noop!(
			submit_as(ALICE, &[(ALICE, 500_000), (BOB, 499_999)], &[]),
			Error::<Test>::AuthorWeightsNotWhole
		);
		assert_noop!(
			submit_as(ALICE, &[(ALICE, 1_000_000), (BOB, 1)], &[]),
			Error::<Test>::AuthorWeightsNotWhole
		);
		assert_noop!(
			submit_as(ALICE, &[(ALICE, 1_000_000), (BOB, 0)], &[]),
			Error::<Test>::ZeroAuthorWeight
		);
		// Weights that overflow u32 when summed are still just "not whole".
		assert_noop!(
			submit_as(ALICE, &[(ALICE, u32::MAX), (BOB, u32::MAX)], &[]),
			Error::<Test>::AuthorWeightsNotWhole
		);
	});
}

#[test]
fn reference_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		let p1 = solo(ALICE, &[]);
		let me = [(ALICE, 1_000_000)];
		// The next post would get id 2: citing 2 is citing itself, 3 a newer post.
		assert_noop!(submit_as(ALICE, &me, &[cite(2, 1)]), Error::<Test>::ReferenceToNewerPost);
		assert_noop!(submit_as(ALICE, &me, &[cite(3, 1)]), Error::<Test>::ReferenceToNewerPost);
		assert_noop!(
			submit_as(ALICE, &me, &[cite(p0, 10), cite(p0, 20)]),
			Error::<Test>::DuplicateReference
		);
		assert_noop!(
			submit_as(ALICE, &me, &[(RefTarget::Incinerator, 10), (RefTarget::Incinerator, 20)]),
			Error::<Test>::DuplicateReference
		);
		assert_noop!(submit_as(ALICE, &me, &[cite(p0, 0)]), Error::<Test>::ZeroReferenceWeight);
		assert_noop!(
			submit_as(ALICE, &me, &[cite(p0, 1_000_001)]),
			Error::<Test>::ReferenceWeightOutOfRange
		);
		assert_noop!(
			submit_as(ALICE, &me, &[cite(p0, -1_000_001)]),
			Error::<Test>::ReferenceWeightOutOfRange
		);
		assert_noop!(
			submit_as(ALICE, &me, &[cite(p0, i32::MIN)]),
			Error::<Test>::ReferenceWeightOutOfRange
		);
		assert_noop!(
			submit_as(ALICE, &me, &[(RefTarget::Incinerator, -1)]),
			Error::<Test>::NegativeIncineratorReference
		);
		assert_noop!(
			submit_as(ALICE, &me, &[cite(p0, 600_000), cite(p1, -400_001)]),
			Error::<Test>::RevaluationLimitExceeded
		);
		// Exactly at the limit is fine.
		assert_ok!(submit_as(ALICE, &me, &[cite(p0, 600_000), cite(p1, -400_000)]));
	});
}

#[test]
fn a_post_that_no_longer_exists_is_unknown() {
	ExtBuilder::default().build_and_execute(|| {
		solo(ALICE, &[]);
		solo(ALICE, &[]);
		// Posts are never removed; simulate a hole to reach the defensive check.
		let p0 = Posts::<Test>::take(0).unwrap();
		assert_noop!(
			submit_as(ALICE, &[(ALICE, 1_000_000)], &[cite(0, 1)]),
			Error::<Test>::UnknownPost
		);
		Posts::<Test>::insert(0, p0);
	});
}

#[test]
fn the_revaluation_limit_applies_as_set() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		Params::<Test>::put(ForumParams {
			reference_chain_limit: 3,
			revaluation_limit: 500_000,
			post_deposit: DEPOSIT,
		});
		assert_noop!(
			submit_as(ALICE, &[(ALICE, 1_000_000)], &[cite(p0, -500_001)]),
			Error::<Test>::RevaluationLimitExceeded
		);
		assert_ok!(submit_as(ALICE, &[(ALICE, 1_000_000)], &[cite(p0, -500_000)]));
	});
}

#[test]
fn a_signer_who_cannot_pay_the_deposit_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			submit_as(PAUPER, &[(PAUPER, 1_000_000)], &[]),
			Error::<Test>::InsufficientBalanceForDeposit
		);
	});
}

#[test]
fn an_unsigned_post_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Forum::submit_post(
				RuntimeOrigin::root(),
				H256::zero(),
				uri(""),
				authors(&[(ALICE, 1_000_000)]),
				refs(&[]),
			),
			DispatchError::BadOrigin
		);
	});
}
