//! Genesis: initial REP counts as minted; the DAO account exists and keeps its deposit.

use super::mock::*;
use crate::{Accounts, TotalBurned, TotalMinted, TotalRep, Unowned};
use frame_support::traits::{fungible::Inspect, GetCallName};

#[test]
fn genesis_rep_counts_as_minted() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			assert_eq!(free(ALICE), 100);
			assert_eq!(free(BOB), 50);
			assert_eq!(free(CAROL), 0);
			assert_eq!(TotalRep::<Test>::get(), 150);
			assert_eq!(TotalMinted::<Test>::get(), 150);
			assert_eq!(TotalBurned::<Test>::get(), 0);
			assert_eq!(Unowned::<Test>::get(), 0);
			assert_eq!(Accounts::<Test>::iter().count(), 2);
		});
}

#[test]
fn genesis_with_no_rep_is_empty() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(total_rep(), 0);
		assert_eq!(TotalMinted::<Test>::get(), 0);
		assert_eq!(Accounts::<Test>::iter().count(), 0);
	});
}

#[test]
fn genesis_skips_zero_rep_accounts() {
	ExtBuilder::default().with_rep(&[(ALICE, 0), (BOB, 5)]).build_and_execute(|| {
		assert!(Accounts::<Test>::get(ALICE).is_none());
		assert_eq!(total_rep(), 5);
	});
}

#[test]
#[should_panic(expected = "duplicate account in reputation genesis")]
fn genesis_rejects_duplicate_accounts() {
	ExtBuilder::default().with_rep(&[(ALICE, 1), (ALICE, 2)]).build();
}

#[test]
fn dao_account_exists_with_its_existential_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let dao = dao();
		assert_eq!(Balances::balance(&dao), ED);
		assert!(System::providers(&dao) >= 1);
		assert!(frame_system::Pallet::<Test>::account_exists(&dao));
	});
}

#[test]
fn the_only_call_is_claim_fees() {
	// REP has no transfer of any kind: the pallet's only call pays fees.
	assert_eq!(crate::Call::<Test>::get_call_names(), &["claim_fees"]);
}
