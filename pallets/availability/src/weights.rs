
//! Weights for `pallet_availability`, measured by `guild-node benchmark pallet` (scripts/bench.sh).
//!
//! BENCHMARK CLI VERSION 64.0.0, DATE: 2026-12-01, STEPS: `10`, REPEAT: `5`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`, WASM-EXECUTION: `Compiled`

// Executed Command:
// /work/bench-node
// benchmark
// pallet
// --runtime
// /work/bench-runtime.wasm
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
	/// Storage: `Availability::Params` (r:1 w:0)
	/// Proof: `Availability::Params` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Stakes` (r:2 w:2)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:2 w:2)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	/// Storage: `Availability::CounterForStakes` (r:1 w:1)
	/// Proof: `Availability::CounterForStakes` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	fn stake_availability() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `57602`
		//  Estimated: `54735`
		// Minimum execution time: 256_389_000 picoseconds.
		Weight::from_parts(396_921_000, 54735)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
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
		//  Measured:  `56230`
		//  Estimated: `54735`
		// Minimum execution time: 200_644_000 picoseconds.
		Weight::from_parts(320_078_000, 54735)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Availability::Params` (r:0 w:1)
	/// Proof: `Availability::Params` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 9_828_000 picoseconds.
		Weight::from_parts(19_356_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Stakes` (r:1 w:1)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 1024]`.
	fn draw(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1200 + n * (52 ±0)`
		//  Estimated: `54735`
		// Minimum execution time: 32_381_000 picoseconds.
		Weight::from_parts(76_157_505, 54735)
			// Standard Error: 9_115
			.saturating_add(Weight::from_parts(210_809, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
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
		//  Measured:  `56054`
		//  Estimated: `54735`
		// Minimum execution time: 173_193_000 picoseconds.
		Weight::from_parts(265_716_000, 54735)
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
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalBurned` (r:1 w:1)
	/// Proof: `Reputation::TotalBurned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn slash() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `56238`
		//  Estimated: `54735`
		// Minimum execution time: 181_279_000 picoseconds.
		Weight::from_parts(271_877_000, 54735)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

// For tests and other runtimes: the same measurements with RocksDB weights.
impl WeightInfo for () {
	fn stake_availability() -> Weight {
		Weight::from_parts(396_921_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(320_078_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(19_356_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn draw(n: u32, ) -> Weight {
		Weight::from_parts(76_157_505, 54735)
			.saturating_add(Weight::from_parts(210_809, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn release() -> Weight {
		Weight::from_parts(265_716_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn slash() -> Weight {
		Weight::from_parts(271_877_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
}
