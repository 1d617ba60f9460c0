//! Benchmarks for `pallet_validator_set`: its call, the work of a session end (liveness, report,
//! election) at up to `MaxExperts` candidates and `MaxValidators` validators, a report's reward,
//! and the count of each block's author.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{ensure, traits::EnsureOrigin};
use guild_primitives::{OnPoolResolved, Tally};

/// The most `BlockProduction` candidates: the availability pallet's `MaxExperts` in Guild's
/// runtime.
const MAX_CANDIDATES: u32 = 1_024;

fn account<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	frame_benchmarking::account(name, i, 0)
}

/// `v` validators, each with one block counted in the session but the first, which has two.
fn validators_with_blocks<T: Config>(v: u32) -> Vec<T::AccountId> {
	let set: Vec<T::AccountId> = (0..v).map(|i| account::<T>("validator", i)).collect();
	T::BenchmarkHelper::set_validators(&set);
	let mut shares = SharesOf::<T>::default();
	for (i, who) in set.iter().enumerate() {
		let _ = shares.try_push((who.clone(), if i == 0 { 2 } else { 1 }));
	}
	SessionBlocks::<T>::put(shares);
	set
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = ValidatorParams { validator_count: 1, ..Default::default() };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);
		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	/// A session end as `pallet-session` runs it: the ended session's liveness and report (a
	/// forum post and a pool with the fees), then the election over `c` candidates with keys for
	/// `v` seats.
	#[benchmark]
	fn session_end(
		c: Linear<1, MAX_CANDIDATES>,
		v: Linear<1, { guild_primitives::MAX_VALIDATORS }>,
	) -> Result<(), BenchmarkError> {
		let v = v.min(T::MaxValidators::get());
		Params::<T>::mutate(|p| p.validator_count = v);
		let min_stake = Params::<T>::get().min_validator_stake;
		for i in 0..c {
			T::BenchmarkHelper::make_candidate(&account::<T>("candidate", i), min_stake + i as Rep);
		}
		validators_with_blocks::<T>(v);
		let fees = T::Pools::min_fee();
		T::BenchmarkHelper::fund_dao(fees);
		Pallet::<T>::note_fees(fees);

		#[block]
		{
			Pallet::<T>::end_of_session(1);
			Pallet::<T>::elect(3);
		}

		ensure!(SessionFees::<T>::get().is_zero(), "the report was posted");
		ensure!(Validators::<T>::get().len() as u32 >= v.min(c), "elected");
		Ok(())
	}

	/// An accepted report passes the report account's REP on to `v` validators.
	#[benchmark]
	fn reward(v: Linear<1, { guild_primitives::MAX_VALIDATORS }>) -> Result<(), BenchmarkError> {
		let v = v.min(T::MaxValidators::get());
		let set = validators_with_blocks::<T>(v);
		let shares = SharesOf::<T>::truncate_from(set.iter().map(|w| (w.clone(), 3)).collect());
		let post: PostId = 1;
		let pool: PoolId = 1;
		Reports::<T>::insert(post, Report { session: 1, pool, shares });
		let rep = 1_000 * ONE_REP;
		T::Reputation::mint_unowned(rep);
		T::Reputation::grant(&T::ReportAccount::get(), rep)?;

		#[block]
		{
			Pallet::<T>::on_pool_resolved(pool, post, PoolOutcome::Accepted, Tally::default());
		}

		ensure!(T::Reputation::free(&T::ReportAccount::get()).is_zero(), "all passed on");
		ensure!(!T::Reputation::free(&set[v as usize - 1]).is_zero(), "the last paid");
		Ok(())
	}

	/// A secondary block's author counted after `MAX_GAP_MARKED` empty slots, among
	/// `MaxValidators` validators who all authored before.
	#[benchmark]
	fn note_block() -> Result<(), BenchmarkError> {
		let set = validators_with_blocks::<T>(T::MaxValidators::get());
		let author = set.last().cloned().ok_or(BenchmarkError::Weightless)?;
		LastSlot::<T>::put(1);
		T::BenchmarkHelper::set_slot(1 + MAX_GAP_MARKED + 1);

		#[block]
		{
			Pallet::<T>::note_block(&author);
		}

		ensure!(!MissedSlots::<T>::get().is_empty(), "empty slots marked");
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
