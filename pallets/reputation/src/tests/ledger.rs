//! The REP ledger as other pallets use it: mint, grant, reclaim, hold, release, slash, burn.

use super::mock::*;
use crate::{Accounts, Error, Event, TotalBurned, TotalMinted, TotalRep, Unowned};
use frame_support::{assert_noop, assert_ok};
use guild_primitives::{RepHoldReason::*, ReputationLedger};

fn ledger_mint(amount: u128) {
	<Reputation as ReputationLedger<AccountId>>::mint_unowned(amount)
}

#[test]
fn mint_grant_reclaim_burn_keep_the_books() {
	ExtBuilder::default().build_and_execute(|| {
		ledger_mint(100);
		assert_eq!(Unowned::<Test>::get(), 100);
		assert_eq!(TotalMinted::<Test>::get(), 100);
		assert_eq!(TotalRep::<Test>::get(), 0);
		System::assert_has_event(Event::RepMinted { amount: 100 }.into());

		assert_ok!(Reputation::grant(&ALICE, 60));
		assert_eq!(free(ALICE), 60);
		assert_eq!(Unowned::<Test>::get(), 40);
		assert_eq!(total_rep(), 60);
		System::assert_has_event(Event::RepGranted { who: ALICE, amount: 60 }.into());

		assert_ok!(Reputation::reclaim(&ALICE, 20));
		assert_eq!(free(ALICE), 40);
		assert_eq!(Unowned::<Test>::get(), 60);
		assert_eq!(total_rep(), 40);
		System::assert_has_event(Event::RepReclaimed { who: ALICE, amount: 20 }.into());

		assert_ok!(Reputation::burn_unowned(60));
		assert_eq!(Unowned::<Test>::get(), 0);
		assert_eq!(TotalBurned::<Test>::get(), 60);
		System::assert_has_event(Event::RepBurned { amount: 60 }.into());
		assert_eq!(TotalRep::<Test>::get() + Unowned::<Test>::get(), 100 - 60);
	});
}

#[test]
fn hold_release_and_slash() {
	ExtBuilder::default().with_rep(&[(ALICE, 100)]).build_and_execute(|| {
		assert_ok!(Reputation::hold(&ALICE, PoolStake, 30));
		assert_ok!(Reputation::hold(&ALICE, Availability, 20));
		assert_eq!(free(ALICE), 50);
		assert_eq!(held(ALICE, PoolStake), 30);
		assert_eq!(held(ALICE, Availability), 20);
		// Holding does not change total REP.
		assert_eq!(total_rep(), 100);
		System::assert_has_event(
			Event::RepHeld { who: ALICE, reason: PoolStake, amount: 30 }.into(),
		);

		assert_ok!(Reputation::release(&ALICE, PoolStake, 10));
		assert_eq!(free(ALICE), 60);
		assert_eq!(held(ALICE, PoolStake), 20);
		System::assert_has_event(
			Event::RepReleased { who: ALICE, reason: PoolStake, amount: 10 }.into(),
		);

		assert_ok!(Reputation::slash_held(&ALICE, Availability, 15));
		assert_eq!(held(ALICE, Availability), 5);
		assert_eq!(total_rep(), 85);
		assert_eq!(Unowned::<Test>::get(), 15);
		System::assert_has_event(
			Event::RepSlashed { who: ALICE, reason: Availability, amount: 15 }.into(),
		);
	});
}

#[test]
fn errors_change_nothing() {
	ExtBuilder::default().with_rep(&[(ALICE, 100)]).build_and_execute(|| {
		assert_ok!(Reputation::hold(&ALICE, PoolStake, 40));
		ledger_mint(10);

		assert_noop!(Reputation::grant(&BOB, 11), Error::<Test>::InsufficientUnowned);
		assert_noop!(Reputation::burn_unowned(11), Error::<Test>::InsufficientUnowned);
		// Held REP cannot be reclaimed or held again: only free REP counts.
		assert_noop!(Reputation::reclaim(&ALICE, 61), Error::<Test>::InsufficientFreeRep);
		assert_noop!(Reputation::reclaim(&BOB, 1), Error::<Test>::InsufficientFreeRep);
		assert_noop!(
			Reputation::hold(&ALICE, Availability, 61),
			Error::<Test>::InsufficientFreeRep
		);
		assert_noop!(
			Reputation::release(&ALICE, PoolStake, 41),
			Error::<Test>::InsufficientHeldRep
		);
		assert_noop!(
			Reputation::release(&ALICE, Availability, 1),
			Error::<Test>::InsufficientHeldRep
		);
		assert_noop!(
			Reputation::slash_held(&ALICE, PoolStake, 41),
			Error::<Test>::InsufficientHeldRep
		);
		assert_noop!(
			Reputation::slash_held(&BOB, Availability, 1),
			Error::<Test>::InsufficientHeldRep
		);
	});
}

#[test]
fn zero_amounts_are_no_ops() {
	ExtBuilder::default().build_and_execute(|| {
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		ledger_mint(0);
		assert_ok!(Reputation::grant(&ALICE, 0));
		assert_ok!(Reputation::reclaim(&ALICE, 0));
		assert_ok!(Reputation::hold(&ALICE, PoolStake, 0));
		assert_ok!(Reputation::release(&ALICE, PoolStake, 0));
		assert_ok!(Reputation::slash_held(&ALICE, PoolStake, 0));
		assert_ok!(Reputation::burn_unowned(0));
		assert_eq!(root, sp_io::storage::root(sp_runtime::StateVersion::V1));
		assert!(System::events().is_empty());
	});
}

#[test]
fn an_empty_record_is_removed() {
	ExtBuilder::default().build_and_execute(|| {
		give(ALICE, 10);
		assert!(Accounts::<Test>::contains_key(ALICE));
		assert_ok!(Reputation::hold(&ALICE, PoolStake, 10));
		assert_ok!(Reputation::slash_held(&ALICE, PoolStake, 10));
		assert!(!Accounts::<Test>::contains_key(ALICE));

		give(BOB, 10);
		assert_ok!(Reputation::reclaim(&BOB, 10));
		assert!(!Accounts::<Test>::contains_key(BOB));
	});
}

#[test]
fn reads_of_unknown_accounts_are_zero() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(free(DAVE), 0);
		assert_eq!(held(DAVE, PoolStake), 0);
		assert_eq!(held(DAVE, Availability), 0);
	});
}
