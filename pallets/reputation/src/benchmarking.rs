//! Benchmarks for `pallet-reputation`: the `claim_fees` call and the ledger operations other
//! pallets call through [`ReputationLedger`] and [`FeeSalary`].
//!
//! Every ledger operation is measured on an account that has fees to settle, the most work it
//! can do. `distribute_fee` has no component: its cost does not depend on the number of holders.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{Inspect, Mutate};
use frame_system::RawOrigin;
use guild_primitives::{FeeSalary, RepHoldReason, ReputationLedger};

const REP: u128 = 1_000_000_000_000;

/// An account with `REP` free, `REP` held for each reason, and a fee paid since it got them, so
/// the next change of its REP has fees to settle.
fn holder_with_pending_fees<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	Pallet::<T>::mint_unowned(3 * REP);
	Pallet::<T>::grant(&who, 3 * REP).expect("minted just now");
	Pallet::<T>::hold(&who, RepHoldReason::PoolStake, REP).expect("free REP is enough");
	Pallet::<T>::hold(&who, RepHoldReason::Availability, REP).expect("free REP is enough");
	pay_fee::<T>(REP);
	who
}

/// Pays `fee` into the DAO account and shares it out.
fn pay_fee<T: Config>(fee: u128) {
	let dao = Pallet::<T>::dao_account();
	let ed = T::Currency::minimum_balance();
	let balance = T::Currency::balance(&dao);
	T::Currency::set_balance(&dao, balance.max(ed).saturating_add(fee));
	<Pallet<T> as FeeSalary<_, _>>::distribute_fee(fee);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn claim_fees() {
		let who = holder_with_pending_fees::<T>("holder");
		// The recipient exists, as the signer of a claim always does.
		T::Currency::set_balance(&who, T::Currency::minimum_balance().saturating_add(REP));
		let before = T::Currency::balance(&who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(T::Currency::balance(&who) > before);
		assert_eq!(Pallet::<T>::claimable_fees(&who), 0);
	}

	#[benchmark]
	fn distribute_fee() {
		let _ = holder_with_pending_fees::<T>("holder");
		let dao = Pallet::<T>::dao_account();
		T::Currency::set_balance(&dao, T::Currency::balance(&dao).saturating_add(2 * REP));
		// A waiting fee joins this payout: the longest path.
		UndistributedFees::<T>::put(REP);
		let before = FeePerRep::<T>::get();

		#[block]
		{
			<Pallet<T> as FeeSalary<_, _>>::distribute_fee(REP);
		}

		assert!(FeePerRep::<T>::get() > before);
	}

	#[benchmark]
	fn mint_unowned() {
		#[block]
		{
			Pallet::<T>::mint_unowned(REP);
		}

		assert_eq!(Unowned::<T>::get(), REP);
	}

	#[benchmark]
	fn burn_unowned() -> Result<(), BenchmarkError> {
		Pallet::<T>::mint_unowned(REP);

		#[block]
		{
			Pallet::<T>::burn_unowned(REP)?;
		}

		assert_eq!(Unowned::<T>::get(), 0);
		Ok(())
	}

	#[benchmark]
	fn grant() -> Result<(), BenchmarkError> {
		let who = holder_with_pending_fees::<T>("holder");
		Pallet::<T>::mint_unowned(REP);

		#[block]
		{
			Pallet::<T>::grant(&who, REP)?;
		}

		assert_eq!(<Pallet<T> as ReputationLedger<_>>::free(&who), 2 * REP);
		Ok(())
	}

	#[benchmark]
	fn reclaim() -> Result<(), BenchmarkError> {
		let who = holder_with_pending_fees::<T>("holder");

		#[block]
		{
			Pallet::<T>::reclaim(&who, REP)?;
		}

		assert_eq!(<Pallet<T> as ReputationLedger<_>>::free(&who), 0);
		Ok(())
	}

	#[benchmark]
	fn hold() -> Result<(), BenchmarkError> {
		let who = holder_with_pending_fees::<T>("holder");

		#[block]
		{
			Pallet::<T>::hold(&who, RepHoldReason::PoolStake, REP)?;
		}

		assert_eq!(
			<Pallet<T> as ReputationLedger<_>>::held(&who, RepHoldReason::PoolStake),
			2 * REP
		);
		Ok(())
	}

	#[benchmark]
	fn release() -> Result<(), BenchmarkError> {
		let who = holder_with_pending_fees::<T>("holder");

		#[block]
		{
			Pallet::<T>::release(&who, RepHoldReason::PoolStake, REP)?;
		}

		assert_eq!(<Pallet<T> as ReputationLedger<_>>::free(&who), 2 * REP);
		Ok(())
	}

	#[benchmark]
	fn slash_held() -> Result<(), BenchmarkError> {
		let who = holder_with_pending_fees::<T>("holder");

		#[block]
		{
			Pallet::<T>::slash_held(&who, RepHoldReason::Availability, REP)?;
		}

		assert_eq!(<Pallet<T> as ReputationLedger<_>>::held(&who, RepHoldReason::Availability), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::tests::mock::new_test_ext(),
		crate::tests::mock::Test
	);
}
