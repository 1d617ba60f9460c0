//! Benchmarks of the availability stakes (v2).
//!
//! Every call is measured with `MaxExperts` stakes, since each reads and writes the whole
//! candidate list; the draw is measured over `n` drawable candidates (its component), with an
//! exclusion list of [`EXCLUDED`] accounts none of which is a candidate, so that every candidate
//! is compared against all of them.

use super::*;
use crate::Pallet as Availability;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use guild_primitives::{ExpertPool, Rep, RepHoldReason, ReputationLedger};
use sp_runtime::Perbill;

const SEED: u32 = 0;
const STAKE: Rep = 1_000_000_000_000_000;
/// The exclusion list the draw is measured with (a work request's no-shows).
pub const EXCLUDED: u32 = 16;

/// Give `who` `amount` of free REP, minted the way the protocol mints it.
fn endow_rep<T: Config>(who: &T::AccountId, amount: Rep) {
	T::Reputation::mint_unowned(amount);
	T::Reputation::grant(who, amount).expect("minted just now");
}

/// The kind every benchmark stakes: the draw's.
const R: StakeKind = StakeKind::Requests;

fn block<T: Config>(n: u32) -> BlockNumberFor<T> {
	n.into()
}

/// Stakes for `n` experts written straight into storage, REP held through the ledger: the
/// experts `expert(0..n)`, unbound, drawable until `until(i)`.
fn fill<T: Config>(n: u32, until: impl Fn(u32) -> BlockNumberFor<T>) -> Vec<T::AccountId> {
	let mut list = Vec::new();
	let mut accounts = Vec::new();
	for i in 0..n {
		let who: T::AccountId = account("expert", i, SEED);
		endow_rep::<T>(&who, STAKE);
		T::Reputation::hold(&who, RepHoldReason::Availability, STAKE).expect("endowed");
		let until = until(i);
		let since = block::<T>(0);
		Stakes::<T>::insert(R, &who, ExpertStake { amount: STAKE, until, bound: None, since });
		list.push(Candidate { who: who.clone(), amount: STAKE, until, since });
		accounts.push(who);
	}
	StakeCount::<T>::insert(R, n);
	Candidates::<T>::insert(R, BoundedVec::truncate_from(list));
	accounts
}

fn bench_params<T: Config>() {
	Params::<T>::put(AvailabilityParams {
		min_availability_stake: 1,
		max_availability_period: block::<T>(10_000),
	});
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new expert when `MaxExperts` accounts hold stakes and none has expired: the whole list
	/// is scanned for the smallest stake (the last listed, expiring first among equals), which
	/// the larger new stake displaces. (Finding an expired stake scans no further.)
	#[benchmark]
	fn stake_availability() -> Result<(), BenchmarkError> {
		bench_params::<T>();
		frame_system::Pallet::<T>::set_block_number(block::<T>(1));
		let max = T::MaxExperts::get();
		let experts =
			fill::<T>(max, |i| if i + 1 == max { block::<T>(500) } else { block::<T>(1_000) });
		frame_system::Pallet::<T>::set_block_number(block::<T>(10));
		let caller: T::AccountId = account("caller", 0, SEED);
		endow_rep::<T>(&caller, STAKE + 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), R, STAKE + 1, block::<T>(1_000));

		assert_eq!(Availability::<T>::stake_of(&caller), STAKE + 1);
		assert!(Stakes::<T>::get(R, &experts[max as usize - 1]).is_none(), "the smallest left");
		Ok(())
	}

	/// The caller's expired stake is the last of `MaxExperts` candidates.
	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		bench_params::<T>();
		frame_system::Pallet::<T>::set_block_number(block::<T>(1));
		let max = T::MaxExperts::get();
		let experts =
			fill::<T>(max, |i| if i + 1 == max { block::<T>(5) } else { block::<T>(1_000) });
		frame_system::Pallet::<T>::set_block_number(block::<T>(10));
		let caller = experts[max as usize - 1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), R);

		assert!(Stakes::<T>::get(R, &caller).is_none());
		assert_eq!(T::Reputation::free(&caller), STAKE);
		Ok(())
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = AvailabilityParams {
			min_availability_stake: 7,
			max_availability_period: block::<T>(77),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	/// A draw over `n` drawable candidates, each compared against [`EXCLUDED`] exclusions.
	#[benchmark]
	fn draw(n: Linear<1, { T::MaxExperts::get() }>) -> Result<(), BenchmarkError> {
		bench_params::<T>();
		frame_system::Pallet::<T>::set_block_number(block::<T>(1));
		fill::<T>(n, |_| block::<T>(1_000));
		T::BenchmarkHelper::make_randomness();
		let exclude: Vec<T::AccountId> =
			(0..EXCLUDED).map(|i| account("excluded", i, SEED)).collect();
		let drawn;

		#[block]
		{
			drawn = Availability::<T>::draw(7, 0, &exclude);
		}

		let (who, _) = drawn.ok_or(BenchmarkError::Stop("nobody drawn"))?;
		assert_eq!(Availability::<T>::assignment(&who), Some(7));
		Ok(())
	}

	/// A bound stake released into a list of `MaxExperts − 1` candidates.
	#[benchmark]
	fn release() -> Result<(), BenchmarkError> {
		bench_params::<T>();
		frame_system::Pallet::<T>::set_block_number(block::<T>(1));
		let max = T::MaxExperts::get();
		let experts = fill::<T>(max, |_| block::<T>(1_000));
		let who = experts[0].clone();
		Stakes::<T>::mutate(R, &who, |s| s.as_mut().map(|s| s.bound = Some(3)));
		Candidates::<T>::mutate(R, |list| list.retain(|c| c.who != who));

		#[block]
		{
			Availability::<T>::release(&who);
		}

		assert_eq!(Availability::<T>::assignment(&who), None);
		assert_eq!(Candidates::<T>::get(R).len() as u32, max);
		Ok(())
	}

	/// Half of the last of `MaxExperts` unbound stakes is burned (its candidate updated).
	#[benchmark]
	fn slash() -> Result<(), BenchmarkError> {
		bench_params::<T>();
		frame_system::Pallet::<T>::set_block_number(block::<T>(1));
		let max = T::MaxExperts::get();
		let experts = fill::<T>(max, |_| block::<T>(1_000));
		let who = experts[max as usize - 1].clone();
		let burned;

		#[block]
		{
			burned = Availability::<T>::slash(&who, Perbill::from_percent(50));
		}

		assert_eq!(burned, STAKE / 2);
		assert_eq!(Availability::<T>::stake_of(&who), STAKE - STAKE / 2);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Availability,
		crate::tests::mock::new_test_ext(),
		crate::tests::mock::Test
	);
}
