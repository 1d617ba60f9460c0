//! Weights for `pallet_validator_set`.
//!
//! Provisional figures, to be replaced by `scripts/bench.sh`'s measurement: each is at least what
//! the measured calls of the other Guild pallets with the same storage access cost (one storage
//! read or write ≈ 25 µs / 125 µs as in `RocksDbWeight`, 20 µs of computation per validator or
//! candidate).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_validator_set`.
pub trait WeightInfo {
	fn set_params() -> Weight;
	/// A report's reward to `v` validators.
	fn reward(v: u32, ) -> Weight;
	/// A session end with `c` candidates and `v` validators: liveness, report, election.
	fn session_end(c: u32, v: u32, ) -> Weight;
	/// Counting a block's author and the secondary slots left empty before it.
	fn note_block() -> Weight;
}

/// Weights for `pallet_validator_set` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_params() -> Weight {
		Weight::from_parts(12_000_000, 1_600)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn reward(v: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(Weight::from_parts(20_000_000, 2_600).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
	}
	fn session_end(c: u32, v: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 40_000)
			.saturating_add(Weight::from_parts(20_000_000, 200).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(20_000_000, 2_600).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(20_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
	}
	fn note_block() -> Weight {
		// Up to MAX_GAP_MARKED (10) slot hashes.
		Weight::from_parts(40_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn set_params() -> Weight {
		Weight::from_parts(12_000_000, 1_600)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn reward(v: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(Weight::from_parts(20_000_000, 2_600).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(v.into())))
	}
	fn session_end(c: u32, v: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 40_000)
			.saturating_add(Weight::from_parts(20_000_000, 200).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(20_000_000, 2_600).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(20_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(RocksDbWeight::get().writes(20_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(v.into())))
	}
	fn note_block() -> Weight {
		// Up to MAX_GAP_MARKED (10) slot hashes.
		Weight::from_parts(40_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
}
