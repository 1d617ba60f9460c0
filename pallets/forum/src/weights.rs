
//! Weights for `pallet_forum`, measured by `guild-node benchmark pallet` (scripts/bench.sh).
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
// pallet_forum
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
// pallets/forum/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_forum`.
pub trait WeightInfo {
	fn submit_post(a: u32, r: u32, u: u32, ) -> Weight;
	fn set_params() -> Weight;
	fn ratify() -> Weight;
	fn reject() -> Weight;
	fn propagate_worst_case() -> Weight;
}

/// Weights for `pallet_forum` measured on the Guild runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Forum::Params` (r:1 w:0)
	/// Proof: `Forum::Params` (`max_values`: Some(1), `max_size`: Some(24), added: 519, mode: `MaxEncodedLen`)
	/// Storage: `Forum::NextPostId` (r:1 w:1)
	/// Proof: `Forum::NextPostId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Posts` (r:8 w:1)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[1, 8]`.
	/// The range of component `r` is `[0, 8]`.
	/// The range of component `u` is `[0, 256]`.
	fn submit_post(a: u32, r: u32, u: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `170 + r * (52 ±0)`
		//  Estimated: `3604 + a * (14 ±2) + r * (3315 ±2)`
		// Minimum execution time: 79_618_000 picoseconds.
		Weight::from_parts(88_340_329, 3604)
			// Standard Error: 80_409
			.saturating_add(Weight::from_parts(4_323_692, 0).saturating_mul(r.into()))
			// Standard Error: 2_725
			.saturating_add(Weight::from_parts(19_507, 0).saturating_mul(u.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(Weight::from_parts(0, 14).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 3315).saturating_mul(r.into()))
	}
	/// Storage: `Forum::Params` (r:0 w:1)
	/// Proof: `Forum::Params` (`max_values`: Some(1), `max_size`: Some(24), added: 519, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 9_447_000 picoseconds.
		Weight::from_parts(11_652_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Forum::Posts` (r:1 w:1)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn ratify() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `376`
		//  Estimated: `4234`
		// Minimum execution time: 59_601_000 picoseconds.
		Weight::from_parts(64_540_000, 4234)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Forum::Posts` (r:1 w:1)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn reject() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `376`
		//  Estimated: `4234`
		// Minimum execution time: 60_242_000 picoseconds.
		Weight::from_parts(64_721_000, 4234)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Forum::Posts` (r:256 w:256)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Params` (r:1 w:0)
	/// Proof: `Forum::Params` (`max_values`: Some(1), `max_size`: Some(24), added: 519, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:2048 w:2048)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::FeePerRep` (r:1 w:0)
	/// Proof: `Reputation::FeePerRep` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:1)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn propagate_worst_case() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `133690`
		//  Estimated: `5364702`
		// Minimum execution time: 33_706_700_000 picoseconds.
		Weight::from_parts(40_077_204_000, 5364702)
			.saturating_add(T::DbWeight::get().reads(2308_u64))
			.saturating_add(T::DbWeight::get().writes(2306_u64))
	}
}

// For tests and other runtimes: the same measurements with RocksDB weights.
impl WeightInfo for () {
	fn submit_post(a: u32, r: u32, u: u32, ) -> Weight {
		Weight::from_parts(88_340_329, 3604)
			.saturating_add(Weight::from_parts(4_323_692, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(19_507, 0).saturating_mul(u.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(Weight::from_parts(0, 14).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 3315).saturating_mul(r.into()))
	}
	fn set_params() -> Weight {
		Weight::from_parts(11_652_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn ratify() -> Weight {
		Weight::from_parts(64_540_000, 4234)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn reject() -> Weight {
		Weight::from_parts(64_721_000, 4234)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn propagate_worst_case() -> Weight {
		Weight::from_parts(40_077_204_000, 5364702)
			.saturating_add(RocksDbWeight::get().reads(2308_u64))
			.saturating_add(RocksDbWeight::get().writes(2306_u64))
	}
}
