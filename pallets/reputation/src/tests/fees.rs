//! The fee salary of PROTOCOL.md §5: pro rata to free + held at the moment of the payout, O(1)
//! per payout, waiting while nobody holds REP, dust left in the DAO account.

use super::mock::*;
use crate::{Accounts, Error, Event, FeePerRep, UndistributedFees};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, Mutate},
};
use guild_primitives::{FeeSalary, RepHoldReason::*, ReputationLedger};
use sp_runtime::DispatchError;

fn claim(who: AccountId) -> frame_support::dispatch::DispatchResult {
	Reputation::claim_fees(RuntimeOrigin::signed(who))
}

#[test]
fn fees_are_shared_pro_rata_and_claimed() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			pay_fee(30);
			System::assert_has_event(Event::FeeDistributed { fee: 30, total_rep: 150 }.into());
			assert_eq!(Reputation::claimable_fees(&ALICE), 20);
			assert_eq!(Reputation::claimable_fees(&BOB), 10);

			assert_ok!(claim(ALICE));
			assert_eq!(Balances::balance(&ALICE), START_BALANCE + 20);
			System::assert_has_event(Event::FeesClaimed { who: ALICE, amount: 20 }.into());
			assert_eq!(Reputation::claimable_fees(&ALICE), 0);
			assert_eq!(Accounts::<Test>::get(ALICE).unwrap().unclaimed_fees, 0);

			assert_ok!(claim(BOB));
			assert_eq!(Balances::balance(&BOB), START_BALANCE + 10);
			// The DAO account is back to its existential deposit.
			assert_eq!(Balances::balance(&dao()), ED);
		});
}

#[test]
fn held_rep_earns_fees_too() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			assert_ok!(Reputation::hold(&ALICE, PoolStake, 60));
			assert_ok!(Reputation::hold(&BOB, Availability, 50));
			pay_fee(30);
			assert_eq!(Reputation::claimable_fees(&ALICE), 20);
			assert_eq!(Reputation::claimable_fees(&BOB), 10);
		});
}

#[test]
fn shares_follow_rep_at_the_moment_of_each_payout() {
	ExtBuilder::default().with_rep(&[(ALICE, 100)]).build_and_execute(|| {
		pay_fee(10);
		// Bob's REP arrives after the first fee: none of it is his.
		give(BOB, 100);
		assert_eq!(Reputation::claimable_fees(&BOB), 0);
		pay_fee(10);
		assert_eq!(Reputation::claimable_fees(&ALICE), 15);
		assert_eq!(Reputation::claimable_fees(&BOB), 5);

		// Alice loses her REP: she keeps what she earned and earns no more.
		assert_ok!(Reputation::hold(&ALICE, PoolStake, 100));
		assert_ok!(Reputation::slash_held(&ALICE, PoolStake, 100));
		assert_eq!(free(ALICE), 0);
		pay_fee(20);
		assert_eq!(Reputation::claimable_fees(&ALICE), 15);
		assert_eq!(Reputation::claimable_fees(&BOB), 25);
		// Her record stays while it carries unclaimed fees, and goes once they are claimed.
		assert!(Accounts::<Test>::contains_key(ALICE));
		assert_ok!(claim(ALICE));
		assert!(!Accounts::<Test>::contains_key(ALICE));
		assert_eq!(Balances::balance(&ALICE), START_BALANCE + 15);
	});
}

#[test]
fn fees_wait_while_nobody_holds_rep() {
	ExtBuilder::default().build_and_execute(|| {
		pay_fee(7);
		System::assert_has_event(Event::FeeDeferred { fee: 7 }.into());
		assert_eq!(UndistributedFees::<Test>::get(), 7);
		assert!(FeePerRep::<Test>::get().is_zero());
		assert_eq!(Balances::balance(&dao()), ED + 7);

		give(ALICE, 10);
		// The waiting fee is not Alice's until a payout happens while she holds REP.
		assert_eq!(Reputation::claimable_fees(&ALICE), 0);
		pay_fee(3);
		System::assert_has_event(Event::FeeDistributed { fee: 10, total_rep: 10 }.into());
		assert_eq!(UndistributedFees::<Test>::get(), 0);
		assert_eq!(Reputation::claimable_fees(&ALICE), 10);
		assert_ok!(claim(ALICE));
		assert_eq!(Balances::balance(&dao()), ED);
	});
}

#[test]
fn a_fee_too_small_to_move_the_accumulator_waits() {
	// 1 fee unit over 2·10^18 REP is below the accumulator's resolution.
	let whale = 2 * crate::FEE_SCALE;
	ExtBuilder::default().with_rep(&[(ALICE, whale)]).build_and_execute(|| {
		pay_fee(1);
		System::assert_has_event(Event::FeeDeferred { fee: 1 }.into());
		assert_eq!(UndistributedFees::<Test>::get(), 1);
		pay_fee(3);
		// 4 units over 2·10^18 REP moves it by 2: Alice gets all 4.
		assert_eq!(UndistributedFees::<Test>::get(), 0);
		assert_eq!(Reputation::claimable_fees(&ALICE), 4);
	});
}

#[test]
fn rounding_dust_stays_in_the_dao_account() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 1), (BOB, 1), (CAROL, 1)])
		.build_and_execute(|| {
			pay_fee(10);
			for who in [ALICE, BOB, CAROL] {
				assert_eq!(Reputation::claimable_fees(&who), 3);
				assert_ok!(claim(who));
				assert_eq!(Balances::balance(&who), START_BALANCE + 3);
			}
			assert_eq!(Balances::balance(&dao()), ED + 1);
		});
}

#[test]
fn claim_errors() {
	ExtBuilder::default().with_rep(&[(ALICE, 100)]).build_and_execute(|| {
		assert_noop!(claim(ALICE), Error::<Test>::NothingToClaim);
		assert_noop!(claim(BOB), Error::<Test>::NothingToClaim);
		assert_noop!(Reputation::claim_fees(RuntimeOrigin::root()), DispatchError::BadOrigin);
		pay_fee(10);
		assert_ok!(claim(ALICE));
		assert_noop!(claim(ALICE), Error::<Test>::NothingToClaim);
	});
}

#[test]
fn a_claim_never_takes_the_dao_account_below_its_deposit() {
	ExtBuilder::default().with_rep(&[(ALICE, 100)]).build_and_execute(|| {
		// A fee announced but never paid in (a bug elsewhere): the claim fails cleanly.
		<Reputation as FeeSalary<AccountId, u128>>::distribute_fee(10);
		assert_noop!(claim(ALICE), Error::<Test>::FeePaymentFailed);
		// Pay it in after all, so the books balance for the closing check.
		Balances::set_balance(&dao(), ED + 10);
		assert_ok!(claim(ALICE));
		assert_eq!(Balances::balance(&dao()), ED);
	});
}

#[test]
fn a_payout_touches_no_holder_record() {
	let holders: Vec<(AccountId, u128)> = (100..1_100).map(|a| (a, a as u128)).collect();
	let total: u128 = holders.iter().map(|(_, r)| r).sum();
	ExtBuilder::default().with_rep(&holders).build_and_execute(|| {
		let before: Vec<_> = Accounts::<Test>::iter().collect();
		let fee = total * 3;
		pay_fee(fee);
		// O(1): only the accumulator moved; every record is as it was.
		let mut after: Vec<_> = Accounts::<Test>::iter().collect();
		let mut before = before;
		before.sort_by_key(|(a, _)| *a);
		after.sort_by_key(|(a, _)| *a);
		assert_eq!(before, after);
		for (who, rep) in holders {
			assert_eq!(Reputation::claimable_fees(&who), rep * 3);
		}
		assert_eq!(<Reputation as ReputationLedger<AccountId>>::total_rep(), total);
	});
}

#[test]
fn dao_account_is_the_pallet_account() {
	ExtBuilder::default().build_and_execute(|| {
		use sp_runtime::traits::AccountIdConversion;
		let expected: AccountId = DaoPalletId::get().into_account_truncating();
		assert_eq!(<Reputation as FeeSalary<AccountId, u128>>::dao_account(), expected);
	});
}
