//! `Forum::ratify` and `Forum::reject`, as the validation pools call them.

use super::mock::*;
use crate::{Error, Event, HoldReason, Posts};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use guild_primitives::{Forum as ForumT, PostStatus};

fn held(who: AccountId) -> u128 {
	Balances::balance_on_hold(&HoldReason::PostDeposit.into(), &who)
}

#[test]
fn reads_for_the_pools() {
	ExtBuilder::default().build_and_execute(|| {
		let p = submit(&[(ALICE, 700_000), (BOB, 300_000)], &[]);
		assert_eq!(
			<Forum as ForumT<AccountId>>::authors(p),
			Some(vec![(ALICE, 700_000), (BOB, 300_000)])
		);
		assert_eq!(<Forum as ForumT<AccountId>>::status(p), Some(PostStatus::Open));
		assert_eq!(<Forum as ForumT<AccountId>>::authors(p + 1), None);
		assert_eq!(<Forum as ForumT<AccountId>>::status(p + 1), None);
	});
}

#[test]
fn ratification_releases_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let p = solo(ALICE, &[]);
		assert_eq!(held(ALICE), DEPOSIT);
		assert_ok!(<Forum as ForumT<AccountId>>::ratify(p));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), START_BALANCE);
		let post = Posts::<Test>::get(p).unwrap();
		assert_eq!(post.status, PostStatus::Ratified);
		assert_eq!(post.deposit, 0);
		System::assert_last_event(
			Event::PostRatified { post: p, deposit_released: DEPOSIT }.into(),
		);

		// A later pool may ratify it again: nothing more to release.
		assert_ok!(<Forum as ForumT<AccountId>>::ratify(p));
		System::assert_last_event(Event::PostRatified { post: p, deposit_released: 0 }.into());
		assert_eq!(Balances::balance(&ALICE), START_BALANCE);
	});
}

#[test]
fn rejection_releases_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let p = solo(ALICE, &[]);
		assert_eq!(held(ALICE), DEPOSIT);
		assert_ok!(<Forum as ForumT<AccountId>>::reject(p));
		let post = Posts::<Test>::get(p).unwrap();
		assert_eq!(post.status, PostStatus::Rejected);
		assert_eq!(post.deposit, 0);
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), START_BALANCE);
		System::assert_last_event(
			Event::PostRejected { post: p, deposit_released: DEPOSIT }.into(),
		);

		// A second rejection releases nothing more.
		assert_ok!(<Forum as ForumT<AccountId>>::reject(p));
		System::assert_last_event(Event::PostRejected { post: p, deposit_released: 0 }.into());
		assert_eq!(Balances::balance(&ALICE), START_BALANCE);
	});
}

#[test]
fn only_the_first_judgement_releases_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		// Two posts by Alice, so a double release would show up as a shortfall on the other
		// post's hold.
		let rejected_first = solo(ALICE, &[]);
		let ratified_first = solo(ALICE, &[]);
		assert_eq!(held(ALICE), 2 * DEPOSIT);

		// Rejected, then ratified by a later pool: released once, by the rejection.
		assert_ok!(<Forum as ForumT<AccountId>>::reject(rejected_first));
		assert_eq!(held(ALICE), DEPOSIT);
		assert_ok!(<Forum as ForumT<AccountId>>::ratify(rejected_first));
		System::assert_last_event(
			Event::PostRatified { post: rejected_first, deposit_released: 0 }.into(),
		);
		assert_eq!(held(ALICE), DEPOSIT);
		assert_eq!(Posts::<Test>::get(rejected_first).unwrap().status, PostStatus::Ratified);

		// Ratified, then rejected: released once, by the ratification.
		assert_ok!(<Forum as ForumT<AccountId>>::ratify(ratified_first));
		assert_eq!(held(ALICE), 0);
		assert_ok!(<Forum as ForumT<AccountId>>::reject(ratified_first));
		System::assert_last_event(
			Event::PostRejected { post: ratified_first, deposit_released: 0 }.into(),
		);
		assert_eq!(Posts::<Test>::get(ratified_first).unwrap().status, PostStatus::Rejected);
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), START_BALANCE);
	});
}

#[test]
fn a_post_submitted_without_a_deposit_releases_nothing() {
	ExtBuilder::default().deposit(0).build_and_execute(|| {
		let p = solo(ALICE, &[]);
		assert_eq!(held(ALICE), 0);
		assert_ok!(<Forum as ForumT<AccountId>>::reject(p));
		System::assert_last_event(Event::PostRejected { post: p, deposit_released: 0 }.into());
		assert_eq!(Balances::balance(&ALICE), START_BALANCE);
	});
}

#[test]
fn the_submitter_gets_the_deposit_back_not_the_first_author() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Forum::submit_post(
			RuntimeOrigin::signed(BOB),
			sp_core::H256::zero(),
			uri(""),
			authors(&[(ALICE, 500_000), (BOB, 500_000)]),
			refs(&[]),
		));
		assert_eq!(held(BOB), DEPOSIT);
		assert_eq!(held(ALICE), 0);
		assert_ok!(<Forum as ForumT<AccountId>>::ratify(0));
		assert_eq!(Balances::balance(&BOB), START_BALANCE);
	});
}

#[test]
fn unknown_posts() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(<Forum as ForumT<AccountId>>::ratify(0), Error::<Test>::UnknownPost);
		assert_noop!(<Forum as ForumT<AccountId>>::reject(0), Error::<Test>::UnknownPost);
		assert_noop!(<Forum as ForumT<AccountId>>::propagate(0, 10), Error::<Test>::UnknownPost);
	});
}
