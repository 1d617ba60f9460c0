
//! Weights for `pallet_reputation`, measured by `guild-node benchmark pallet` (scripts/bench.sh).
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
// pallet_reputation
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
// pallets/reputation/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_reputation`.
pub trait WeightInfo {
	fn claim_fees() -> Weight;
	fn distribute_fee() -> Weight;
	fn mint_unowned() -> Weight;
	fn burn_unowned() -> Weight;
	fn grant() -> Weight;
	fn reclaim() -> Weight;
	fn hold() -> Weight;
	fn release() -> Weight;
	fn slash_held() -> Weight;
}

/// Weights for `pallet_reputation` measured on the Guild runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Reputation::Accounts` (r:1 w:1)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::FeePerRep` (r:1 w:0)
	/// Proof: `Reputation::FeePerRep` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn claim_fees() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `646`
		//  Estimated: `6196`
		// Minimum execution time: 61_351_000 picoseconds.
		Weight::from_parts(65_277_000, 6196)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Reputation::UndistributedFees` (r:1 w:1)
	/// Proof: `Reputation::UndistributedFees` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:0)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::FeePerRep` (r:1 w:1)
	/// Proof: `Reputation::FeePerRep` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	fn distribute_fee() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `308`
		//  Estimated: `1517`
		// Minimum execution time: 11_938_000 picoseconds.
		Weight::from_parts(13_290_000, 1517)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalMinted` (r:1 w:1)
	/// Proof: `Reputation::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn mint_unowned() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `76`
		//  Estimated: `1501`
		// Minimum execution time: 6_719_000 picoseconds.
		Weight::from_parts(7_542_000, 1501)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalBurned` (r:1 w:1)
	/// Proof: `Reputation::TotalBurned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn burn_unowned() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `150`
		//  Estimated: `1501`
		// Minimum execution time: 8_112_000 picoseconds.
		Weight::from_parts(8_964_000, 1501)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:1 w:1)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::FeePerRep` (r:1 w:0)
	/// Proof: `Reputation::FeePerRep` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:1)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn grant() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `410`
		//  Estimated: `3609`
		// Minimum execution time: 17_887_000 picoseconds.
		Weight::from_parts(19_528_000, 3609)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Reputation::Accounts` (r:1 w:1)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::FeePerRep` (r:1 w:0)
	/// Proof: `Reputation::FeePerRep` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:1)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn reclaim() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `410`
		//  Estimated: `3609`
		// Minimum execution time: 17_816_000 picoseconds.
		Weight::from_parts(19_519_000, 3609)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Reputation::Accounts` (r:1 w:1)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	fn hold() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `349`
		//  Estimated: `3609`
		// Minimum execution time: 11_627_000 picoseconds.
		Weight::from_parts(12_829_000, 3609)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Reputation::Accounts` (r:1 w:1)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	fn release() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `349`
		//  Estimated: `3609`
		// Minimum execution time: 11_578_000 picoseconds.
		Weight::from_parts(12_719_000, 3609)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Reputation::Accounts` (r:1 w:1)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::FeePerRep` (r:1 w:0)
	/// Proof: `Reputation::FeePerRep` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:1)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn slash_held() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `410`
		//  Estimated: `3609`
		// Minimum execution time: 17_737_000 picoseconds.
		Weight::from_parts(19_429_000, 3609)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

// For tests and other runtimes: the same measurements with RocksDB weights.
impl WeightInfo for () {
	fn claim_fees() -> Weight {
		Weight::from_parts(65_277_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn distribute_fee() -> Weight {
		Weight::from_parts(13_290_000, 1517)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn mint_unowned() -> Weight {
		Weight::from_parts(7_542_000, 1501)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn burn_unowned() -> Weight {
		Weight::from_parts(8_964_000, 1501)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn grant() -> Weight {
		Weight::from_parts(19_528_000, 3609)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn reclaim() -> Weight {
		Weight::from_parts(19_519_000, 3609)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn hold() -> Weight {
		Weight::from_parts(12_829_000, 3609)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn release() -> Weight {
		Weight::from_parts(12_719_000, 3609)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn slash_held() -> Weight {
		Weight::from_parts(19_429_000, 3609)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
}
