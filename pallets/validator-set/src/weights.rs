
//! Weights for `pallet_validator_set`, measured by `guild-node benchmark pallet` (scripts/bench.sh).
//!
//! BENCHMARK CLI VERSION 64.0.0, DATE: 2026-11-23, STEPS: `10`, REPEAT: `5`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`, WASM-EXECUTION: `Compiled`

// Executed Command:
// /root/.cache/guild/target/release/guild-node
// benchmark
// pallet
// --runtime
// /root/.cache/guild/target/release/wbuild/guild-runtime/guild_runtime.compact.compressed.wasm
// --genesis-builder=runtime
// --genesis-builder-preset=development
// --pallet
// pallet_validator_set
// --extrinsic
// *
// --steps
// 10
// --repeat
// 5
// --heap-pages
// 4096
// --template
// scripts/weight-template.hbs
// --output
// pallets/validator-set/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_validator_set`.
pub trait WeightInfo {
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
}

/// Weights for `pallet_validator_set` measured on the Guild runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ValidatorSet::Validators` (r:1 w:1)
	/// Proof: `ValidatorSet::Validators` (`max_values`: Some(1), `max_size`: Some(3202), added: 3697, mode: `MaxEncodedLen`)
	fn add_validator() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3239`
		//  Estimated: `4687`
		// Minimum execution time: 12_609_000 picoseconds.
		Weight::from_parts(14_292_000, 4687)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ValidatorSet::Validators` (r:1 w:1)
	/// Proof: `ValidatorSet::Validators` (`max_values`: Some(1), `max_size`: Some(3202), added: 3697, mode: `MaxEncodedLen`)
	fn remove_validator() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3271`
		//  Estimated: `4687`
		// Minimum execution time: 12_168_000 picoseconds.
		Weight::from_parts(13_721_000, 4687)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests and other runtimes: the same measurements with RocksDB weights.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(14_292_000, 4687)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(13_721_000, 4687)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
