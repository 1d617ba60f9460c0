//! Benchmarks of the validation pools (v2).
//!
//! `evaluate` is measured with `s` stakers and an accepted outcome (every FOR stake is rewarded,
//! every AGAINST stake slashed, the post that `T::BenchmarkHelper` creates ratified and its
//! propagation queued). The propagation is a step of its own that the hooks run later: its worst
//! case (`MaxPropagationVisits` posts) is the forum's benchmark, `Config::ForumWeight`.

use super::*;
use crate::Pallet as ValidationPool;
use alloc::boxed::Box;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get, Hooks,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use guild_primitives::{FeeSalary, PoolId, PoolOutcome, PostId, Rep, ReputationLedger};
use sp_runtime::{traits::Saturating, Perbill};

const SEED: u32 = 0;
const FEE: u128 = 1_000_000;
const STAKE: Rep = 1_000_000;

/// An account with plenty of the native token.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::set_balance(&who, u64::MAX as u128);
	who
}

/// Give `who` `amount` of free REP, minted the way the protocol mints it.
fn endow_rep<T: Config>(who: &T::AccountId, amount: Rep) {
	T::Reputation::mint_unowned(amount);
	T::Reputation::grant(who, amount).expect("minted just now");
}

/// Parameters under which every benchmarked pool meets its quorum and lasts one block.
fn bench_params<T: Config>() {
	Params::<T>::mutate(|p| {
		p.quorum = Perbill::zero();
		p.min_pool_fee = 1;
		p.pool_duration_min = 1u32.into();
		if p.pool_duration_default < p.pool_duration_min {
			p.pool_duration_default = p.pool_duration_min;
		}
		if p.pool_duration_max < p.pool_duration_default {
			p.pool_duration_max = p.pool_duration_default;
		}
	});
	let dao = T::Reputation::dao_account();
	let ed = T::Currency::minimum_balance();
	if T::Currency::balance(&dao) < ed {
		T::Currency::set_balance(&dao, ed);
	}
}

/// A worst-case post and an open pool on it lasting `pool_duration_min` blocks.
fn open_pool<T: Config>() -> (PoolId, PostId, BlockNumberFor<T>) {
	bench_params::<T>();
	let author: T::AccountId = account("author", 0, SEED);
	let post = T::BenchmarkHelper::create_post(&author);
	let initiator = funded::<T>("initiator", 0);
	let duration = Params::<T>::get().pool_duration_min;
	let pool =
		ValidationPool::<T>::do_open(&initiator, post, FEE, duration, None, None, Opener::Author)
			.expect("the helper's post is open");
	let end = frame_system::Pallet::<T>::block_number().saturating_add(duration);
	(pool, post, end)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn initiate() -> Result<(), BenchmarkError> {
		bench_params::<T>();
		let author: T::AccountId = account("author", 0, SEED);
		let post = T::BenchmarkHelper::create_post(&author);
		T::Currency::set_balance(&author, u64::MAX as u128);
		// Somebody holds REP: an author, not root, opens the pool.
		endow_rep::<T>(&funded::<T>("holder", 0), STAKE);
		let caller = author;
		let duration = Params::<T>::get().pool_duration_min;
		let end = frame_system::Pallet::<T>::block_number().saturating_add(duration);
		// Worst case: the end block's list is one short of an author's half.
		let others = T::MaxPoolsEndingPerBlock::get().div_ceil(2).saturating_sub(1) as u64;
		let filler: BoundedVec<PoolId, T::MaxPoolsEndingPerBlock> =
			BoundedVec::truncate_from((0..others).map(|i| u64::MAX - i).collect());
		EndingAt::<T>::insert(end, filler);
		let pool = NextPoolId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), post, FEE, Some(duration));

		assert!(matches!(Pools::<T>::get(pool), Some(PoolStatus::Open(_))));
		Ok(())
	}

	/// Worst case: the pool is full and the new stake evicts the smallest.
	#[benchmark]
	fn stake() -> Result<(), BenchmarkError> {
		let (pool, _, _) = open_pool::<T>();
		for i in 0..T::MaxStakersPerPool::get() {
			let staker = funded::<T>("filler", i);
			endow_rep::<T>(&staker, STAKE);
			ValidationPool::<T>::do_stake(&staker, pool, STAKE, i % 2 == 0)?;
		}
		let staker = funded::<T>("staker", 0);
		endow_rep::<T>(&staker, 2 * STAKE);

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), pool, 2 * STAKE, true);

		assert_eq!(Stakes::<T>::get(pool, &staker).map(|s| s.amount), Some(2 * STAKE));
		Ok(())
	}

	/// `s` stakers, two FOR to one AGAINST: the pool is accepted, FOR stakes are rewarded,
	/// AGAINST stakes slashed, the post ratified and its propagation queued.
	#[benchmark]
	fn evaluate(s: Linear<1, { T::MaxStakersPerPool::get() }>) -> Result<(), BenchmarkError> {
		let (pool, _, end) = open_pool::<T>();
		for i in 0..s {
			let staker = funded::<T>("staker", i);
			endow_rep::<T>(&staker, STAKE);
			ValidationPool::<T>::do_stake(&staker, pool, STAKE, i % 3 != 2)?;
		}
		frame_system::Pallet::<T>::set_block_number(end.saturating_add(1u32.into()));
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), pool);

		match Pools::<T>::get(pool) {
			Some(PoolStatus::Resolved(r)) => assert_eq!(r.outcome, PoolOutcome::Accepted),
			_ => return Err(BenchmarkError::Stop("pool not resolved")),
		}
		Ok(())
	}

	/// The hook walking `k` end blocks that hold no pool (the cursor catching up). Each pool it
	/// evaluates is charged `evaluate(stakers)` on top.
	#[benchmark]
	fn on_initialize_slots(k: Linear<0, { MAX_SLOTS_PER_BLOCK }>) {
		let n: BlockNumberFor<T> = 1_000u32.into();
		frame_system::Pallet::<T>::set_block_number(n);
		EvaluationCursor::<T>::put(n.saturating_sub(k.into()));

		#[block]
		{
			ValidationPool::<T>::on_initialize(n);
		}

		assert_eq!(EvaluationCursor::<T>::get(), Some(n));
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut params = Params::<T>::get();
		params.binding = Perbill::from_percent(50);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(params));

		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	impl_benchmark_test_suite!(
		ValidationPool,
		crate::tests::mock::new_test_ext(),
		crate::tests::mock::Test
	);
}
