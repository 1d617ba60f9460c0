//! `submit_post`: what gets stored, and every way a post can be refused (PROTOCOL.md §3, §10).

use super::mock::*;
use crate::{
	Call, Error, Event, ForumParams, NextPostId, Params, Post, Posts, RefTarget, WeightInfo,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
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
				authors: bounded(authors(&[(ALICE, 600_000), (BOB, 400_000)])),
				references: bounded(refs(&[])),
				content_hash: H256::repeat_byte(42),
				uri: bounded(uri("ipfs://bafy")),
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
		// A signer missing from the list is reported before the weights' sum.
		assert_noop!(submit_as(ALICE, &[(BOB, 400_000)], &[]), Error::<Test>::SignerNotAuthor);
		assert_noop!(
			submit_as(ALICE, &[(BOB, 600_000), (CAROL, 600_000)], &[]),
			Error::<Test>::SignerNotAuthor
		);
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

/// `n` distinct authors led by `first`, weights summing to 1_000_000.
fn many_authors(first: AccountId, n: u32) -> Vec<(AccountId, u32)> {
	let share = 1_000_000 / n;
	let mut list: Vec<(AccountId, u32)> =
		(0..n).map(|i| (100 + AccountId::from(i), share)).collect();
	list[0] = (first, 1_000_000 - share * (n - 1));
	list
}

/// `n` distinct citations of posts `0..n`, 1_000 ppm each.
fn many_refs(n: u32) -> Vec<(RefTarget, i32)> {
	(0..n).map(|i| cite(u64::from(i), 1_000)).collect()
}

fn submit_raw(
	signer: AccountId,
	uri: Vec<u8>,
	authors: Vec<(AccountId, u32)>,
	references: Vec<(RefTarget, i32)>,
) -> frame_support::dispatch::DispatchResult {
	Forum::submit_post(
		RuntimeOrigin::signed(signer),
		H256::repeat_byte(3),
		uri,
		authors,
		references,
	)
}

#[test]
fn size_errors() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..=MAX_REFERENCES {
			solo(ALICE, &[]);
		}
		let me = || authors(&[(ALICE, 1_000_000)]);
		let long_uri = vec![b'x'; MAX_URI_LEN as usize + 1];
		assert_noop!(submit_raw(ALICE, long_uri, me(), vec![]), Error::<Test>::UriTooLong);
		assert_noop!(
			submit_raw(ALICE, uri("ipfs://x"), many_authors(ALICE, MAX_AUTHORS + 1), vec![]),
			Error::<Test>::TooManyAuthors
		);
		assert_noop!(
			submit_raw(ALICE, uri("ipfs://x"), me(), many_refs(MAX_REFERENCES + 1)),
			Error::<Test>::TooManyReferences
		);
	});
}

#[test]
fn sizes_are_checked_before_anything_else() {
	ExtBuilder::default().build_and_execute(|| {
		let long_uri = vec![b'x'; MAX_URI_LEN as usize + 1];
		// Every other check would fail too: no posts to cite, a signer who is not an author and
		// cannot pay the deposit, weights that are not whole, duplicates.
		let bad_authors = vec![(BOB, 1); MAX_AUTHORS as usize + 1];
		let bad_refs = vec![(RefTarget::Incinerator, -1); MAX_REFERENCES as usize + 1];
		assert_noop!(
			submit_raw(PAUPER, long_uri.clone(), bad_authors.clone(), bad_refs.clone()),
			Error::<Test>::UriTooLong
		);
		assert_noop!(
			submit_raw(PAUPER, uri("ipfs://x"), bad_authors.clone(), bad_refs.clone()),
			Error::<Test>::TooManyAuthors
		);
		assert_noop!(
			submit_raw(PAUPER, uri("ipfs://x"), vec![], bad_refs),
			Error::<Test>::TooManyReferences
		);
	});
}

#[test]
fn a_post_at_every_bound_is_stored() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..MAX_REFERENCES {
			solo(ALICE, &[]);
		}
		let id = NextPostId::<Test>::get();
		let long_uri = vec![b'x'; MAX_URI_LEN as usize];
		let list = many_authors(ALICE, MAX_AUTHORS);
		let references = many_refs(MAX_REFERENCES);
		assert_ok!(submit_raw(ALICE, long_uri.clone(), list.clone(), references.clone()));
		let post = Posts::<Test>::get(id).expect("stored");
		assert_eq!(post.uri.into_inner(), long_uri);
		assert_eq!(post.authors.into_inner(), list);
		assert_eq!(post.references.into_inner(), references);
	});
}

#[test]
fn the_declared_weight_is_bounded_by_the_largest_valid_post() {
	ExtBuilder::default().build_and_execute(|| {
		let weight = |uri_len: usize, a: u32, r: u32| {
			Call::<Test>::submit_post {
				content_hash: H256::zero(),
				uri: vec![b'x'; uri_len],
				authors: many_authors(ALICE, a),
				references: many_refs(r),
			}
			.get_dispatch_info()
			.call_weight
		};
		let max = <() as WeightInfo>::submit_post(MAX_AUTHORS, MAX_REFERENCES, MAX_URI_LEN);
		// Within the bounds: the benchmark at the actual lengths.
		assert_eq!(weight(10, 2, 3), <() as WeightInfo>::submit_post(2, 3, 10));
		assert_eq!(weight(MAX_URI_LEN as usize, MAX_AUTHORS, MAX_REFERENCES), max);
		// Beyond them (refused before any work): never more than the largest valid post.
		assert_eq!(weight(MAX_URI_LEN as usize * 100, MAX_AUTHORS * 50, MAX_REFERENCES * 50), max);
		assert_eq!(
			weight(MAX_URI_LEN as usize + 1, 1, 0),
			<() as WeightInfo>::submit_post(1, 0, MAX_URI_LEN)
		);
		assert!(weight(MAX_URI_LEN as usize, MAX_AUTHORS, MAX_REFERENCES + 1).all_lte(max));
		assert!(weight(0, 1, 0).all_lt(max));
	});
}
