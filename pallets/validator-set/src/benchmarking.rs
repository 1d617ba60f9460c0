//! Benchmarks for `pallet_validator_set`: the set at its largest is the worst case of both calls.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};

#[benchmarks]
mod benchmarks {
	use super::*;

	fn fill<T: Config>(n: u32) {
		let set: Vec<T::AccountId> = (0..n).map(|i| account("validator", i, 0)).collect();
		Validators::<T>::put(BoundedVec::try_from(set).expect("n <= MaxValidators"));
	}

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		fill::<T>(T::MaxValidators::get() - 1);
		let origin =
			T::ValidatorsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("new", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		fill::<T>(T::MaxValidators::get());
		let origin =
			T::ValidatorsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// The last one is the worst case for the linear search.
		let who: T::AccountId = account("validator", T::MaxValidators::get() - 1, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!Validators::<T>::get().contains(&who));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
