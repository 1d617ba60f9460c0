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
fn a_rejected_post_keeps_its_deposit_held() {
	ExtBuilder::default().build_and_execute(|| {
		let p = solo(ALICE, &[]);
		assert_ok!(<Forum as ForumT<AccountId>>::reject(p));
		let post = Posts::<Test>::get(p).unwrap();
		assert_eq!(post.status, PostStatus::Rejected);
		assert_eq!(post.deposit, DEPOSIT);
		assert_eq!(held(ALICE), DEPOSIT);
		System::assert_last_event(Event::PostRejected { post: p }.into());

		// Should a later pool accept it after all, the deposit is released then.
		assert_ok!(<Forum as ForumT<AccountId>>::ratify(p));
		assert_eq!(held(ALICE), 0);
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
