
//! Weights for `pallet_availability`, measured by `guild-node benchmark pallet` (scripts/bench.sh).
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
// pallet_availability
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
// pallets/availability/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_availability`.
pub trait WeightInfo {
	fn stake_availability() -> Weight;
	fn withdraw() -> Weight;
	fn set_params() -> Weight;
	fn draw(n: u32, ) -> Weight;
	fn release() -> Weight;
	fn slash() -> Weight;
}

/// Weights for `pallet_availability` measured on the Guild runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Availability::Stakes` (r:2 w:2)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Params` (r:1 w:0)
	/// Proof: `Availability::Params` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:2 w:2)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	/// Storage: `Availability::CounterForStakes` (r:1 w:1)
	/// Proof: `Availability::CounterForStakes` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Business::PendingRange` (r:1 w:1)
	/// Proof: `Business::PendingRange` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn stake_availability() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `57471`
		//  Estimated: `54735`
		// Minimum execution time: 177_833_000 picoseconds.
		Weight::from_parts(223_271_000, 54735)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Availability::Stakes` (r:1 w:1)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:1 w:1)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Availability::CounterForStakes` (r:1 w:1)
	/// Proof: `Availability::CounterForStakes` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn withdraw() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `56197`
		//  Estimated: `54735`
		// Minimum execution time: 158_786_000 picoseconds.
		Weight::from_parts(180_778_000, 54735)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Availability::Params` (r:0 w:1)
	/// Proof: `Availability::Params` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 5_097_000 picoseconds.
		Weight::from_parts(5_978_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	/// Storage: `Babe::NextRandomness` (r:1 w:0)
	/// Proof: `Babe::NextRandomness` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Babe::EpochStart` (r:1 w:0)
	/// Proof: `Babe::EpochStart` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Stakes` (r:1 w:1)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 1024]`.
	fn draw(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1077 + n * (52 ±0)`
		//  Estimated: `54735`
		// Minimum execution time: 20_630_000 picoseconds.
		Weight::from_parts(30_963_705, 54735)
			// Standard Error: 2_344
			.saturating_add(Weight::from_parts(146_957, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Availability::Stakes` (r:1 w:1)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:1 w:0)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	fn release() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `56021`
		//  Estimated: `54735`
		// Minimum execution time: 123_793_000 picoseconds.
		Weight::from_parts(154_269_000, 54735)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Availability::Stakes` (r:1 w:1)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:1 w:1)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::FeePerRep` (r:1 w:0)
	/// Proof: `Reputation::FeePerRep` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:1)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalBurned` (r:1 w:1)
	/// Proof: `Reputation::TotalBurned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	fn slash() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `56205`
		//  Estimated: `54735`
		// Minimum execution time: 135_641_000 picoseconds.
		Weight::from_parts(155_170_000, 54735)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

// For tests and other runtimes: the same measurements with RocksDB weights.
impl WeightInfo for () {
	fn stake_availability() -> Weight {
		Weight::from_parts(223_271_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(180_778_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(5_978_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn draw(n: u32, ) -> Weight {
		Weight::from_parts(30_963_705, 54735)
			.saturating_add(Weight::from_parts(146_957, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn release() -> Weight {
		Weight::from_parts(154_269_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn slash() -> Weight {
		Weight::from_parts(155_170_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
}
