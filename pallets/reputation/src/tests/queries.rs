//! The read functions behind `guild_primitives::ReputationApi`: what wallets show without
//! computing it by hand.

use super::mock::*;
use frame_support::{assert_ok, traits::fungible::Inspect};
use guild_primitives::{RepHoldReason::*, RepInfo, RepTotals, ReputationLedger};

#[test]
fn rep_of_reports_free_and_held_rep() {
	ExtBuilder::default().with_rep(&[(ALICE, 100)]).build_and_execute(|| {
		assert_ok!(Reputation::hold(&ALICE, PoolStake, 30));
		assert_ok!(Reputation::hold(&ALICE, Availability, 20));
		assert_eq!(
			Reputation::rep_of(&ALICE),
			RepInfo { free: 50, held_pool: 30, held_availability: 20, held_block_production: 0 }
		);
		// An account without REP reads as zeros.
		assert_eq!(Reputation::rep_of(&BOB), RepInfo::default());
		assert_eq!(
			Reputation::rep_of(&BOB),
			RepInfo { free: 0, held_pool: 0, held_availability: 0, held_block_production: 0 }
		);
	});
}

#[test]
fn totals_follow_mint_grant_and_burn() {
	ExtBuilder::default().with_rep(&[(ALICE, 100)]).build_and_execute(|| {
		assert_eq!(
			Reputation::totals(),
			RepTotals { total_rep: 100, unowned: 0, total_minted: 100, total_burned: 0 }
		);
		<Reputation as ReputationLedger<AccountId>>::mint_unowned(70);
		assert_ok!(Reputation::grant(&BOB, 40));
		assert_ok!(Reputation::burn_unowned(10));
		assert_ok!(Reputation::hold(&ALICE, PoolStake, 30));
		assert_ok!(Reputation::slash_held(&ALICE, PoolStake, 5));
		let t = Reputation::totals();
		assert_eq!(
			t,
			RepTotals { total_rep: 135, unowned: 25, total_minted: 170, total_burned: 10 }
		);
		assert_eq!(t.total_rep + t.unowned, t.total_minted - t.total_burned);
	});
}

#[test]
fn claimable_fees_is_what_a_claim_pays() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			pay_fee(30);
			// Settled into Alice's record by a change of her REP, then more fees pending.
			give(ALICE, 50);
			pay_fee(40);
			let owed = Reputation::claimable_fees(&ALICE);
			assert_eq!(owed, 20 + 30);
			let before = Balances::balance(&ALICE);
			assert_ok!(Reputation::claim_fees(RuntimeOrigin::signed(ALICE)));
			assert_eq!(Balances::balance(&ALICE), before + owed);
			assert_eq!(Reputation::claimable_fees(&ALICE), 0);
			assert_eq!(Reputation::claimable_fees(&BOB), 10 + 10);
			assert_eq!(Reputation::claimable_fees(&CAROL), 0);
		});
}
