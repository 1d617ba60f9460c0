//! Random sequences of ledger operations and fee payouts: the invariants of `do_try_state` hold
//! after every step, failed operations change nothing, and the fee salary never pays out more than
//! came in while losing at most rounding dust.

use super::mock::*;
use crate::{TotalBurned, TotalMinted, TotalRep, UndistributedFees, Unowned};
use frame_support::traits::fungible::Inspect;
use guild_primitives::{RepHoldReason, ReputationLedger};
use proptest::prelude::*;

const ACCOUNTS: [AccountId; 4] = [ALICE, BOB, CAROL, DAVE];

#[derive(Debug, Clone)]
enum Op {
	Mint(u128),
	Burn(u128),
	Grant(usize, u128),
	Reclaim(usize, u128),
	Hold(usize, bool, u128),
	Release(usize, bool, u128),
	Slash(usize, bool, u128),
	PayFee(u128),
	Claim(usize),
}

fn reason(pool: bool) -> RepHoldReason {
	if pool {
		RepHoldReason::PoolStake
	} else {
		RepHoldReason::Availability
	}
}

fn op() -> impl Strategy<Value = Op> {
	let who = 0..ACCOUNTS.len();
	let amount = 0u128..2_000;
	prop_oneof![
		amount.clone().prop_map(Op::Mint),
		amount.clone().prop_map(Op::Burn),
		(who.clone(), amount.clone()).prop_map(|(w, a)| Op::Grant(w, a)),
		(who.clone(), amount.clone()).prop_map(|(w, a)| Op::Reclaim(w, a)),
		(who.clone(), any::<bool>(), amount.clone()).prop_map(|(w, p, a)| Op::Hold(w, p, a)),
		(who.clone(), any::<bool>(), amount.clone()).prop_map(|(w, p, a)| Op::Release(w, p, a)),
		(who.clone(), any::<bool>(), amount.clone()).prop_map(|(w, p, a)| Op::Slash(w, p, a)),
		(0u128..10_000).prop_map(Op::PayFee),
		who.prop_map(Op::Claim),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	#[test]
	fn ledger_and_salary_invariants(
		genesis in proptest::collection::vec(0u128..1_000, ACCOUNTS.len()),
		ops in proptest::collection::vec(op(), 1..80),
	) {
		let rep: Vec<_> = ACCOUNTS.iter().copied().zip(genesis).collect();
		ExtBuilder::default().with_rep(&rep).build_and_execute(|| {
			let mut fees_in = 0u128;
			let mut claimed = 0u128;
			let mut steps = 0u128;
			for op in ops {
				let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
				let result = match op {
					Op::Mint(a) => {
						Reputation::mint_unowned(a);
						Ok(())
					},
					Op::Burn(a) => Reputation::burn_unowned(a),
					Op::Grant(w, a) => Reputation::grant(&ACCOUNTS[w], a),
					Op::Reclaim(w, a) => Reputation::reclaim(&ACCOUNTS[w], a),
					Op::Hold(w, p, a) => Reputation::hold(&ACCOUNTS[w], reason(p), a),
					Op::Release(w, p, a) => Reputation::release(&ACCOUNTS[w], reason(p), a),
					Op::Slash(w, p, a) => Reputation::slash_held(&ACCOUNTS[w], reason(p), a),
					Op::PayFee(f) => {
						pay_fee(f);
						fees_in += f;
						Ok(())
					},
					Op::Claim(w) => {
						let who = ACCOUNTS[w];
						let owed = Reputation::claimable_fees(&who);
						let before = Balances::balance(&who);
						let r = Reputation::claim_fees(RuntimeOrigin::signed(who));
						if r.is_ok() {
							assert_eq!(Balances::balance(&who), before + owed);
							claimed += owed;
						}
						r
					},
				};
				if result.is_err() {
					assert_eq!(root, sp_io::storage::root(sp_runtime::StateVersion::V1));
				}
				steps += 1;
				Reputation::do_try_state().unwrap();
				assert_eq!(
					TotalRep::<Test>::get() + Unowned::<Test>::get(),
					TotalMinted::<Test>::get() - TotalBurned::<Test>::get()
				);

				let owed: u128 = ACCOUNTS.iter().map(Reputation::claimable_fees).sum();
				let accounted = claimed + owed + UndistributedFees::<Test>::get();
				assert!(accounted <= fees_in, "paid or owed {accounted} of {fees_in} fees");
				// Each settlement or payout loses less than one unit per account to rounding.
				let dust_bound = steps * (ACCOUNTS.len() as u128 + 1);
				assert!(fees_in - accounted <= dust_bound, "dust {} too large", fees_in - accounted);
				assert_eq!(Balances::balance(&dao()), ED + fees_in - claimed);
			}
			let _ = <Reputation as ReputationLedger<AccountId>>::total_rep();
		});
	}
}
