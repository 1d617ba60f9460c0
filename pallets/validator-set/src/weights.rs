
//! Weights for `pallet_validator_set`, measured by `guild-node benchmark pallet` (scripts/bench.sh).
//!
//! BENCHMARK CLI VERSION 64.0.0, DATE: 2026-12-01, STEPS: `10`, REPEAT: `5`
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
	fn set_params() -> Weight;
	fn session_end(c: u32, v: u32, ) -> Weight;
	fn reward(v: u32, ) -> Weight;
	fn note_block() -> Weight;
}

/// Weights for `pallet_validator_set` measured on the Guild runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ValidatorSet::Params` (r:0 w:1)
	/// Proof: `ValidatorSet::Params` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 9_929_000 picoseconds.
		Weight::from_parts(21_650_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Session::Validators` (r:1 w:0)
	/// Proof: `Session::Validators` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `ValidatorSet::SessionBlocks` (r:1 w:1)
	/// Proof: `ValidatorSet::SessionBlocks` (`max_values`: Some(1), `max_size`: Some(3602), added: 4097, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::MissedSlots` (r:1 w:0)
	/// Proof: `ValidatorSet::MissedSlots` (`max_values`: Some(1), `max_size`: Some(402), added: 897, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::Excluded` (r:1 w:1)
	/// Proof: `ValidatorSet::Excluded` (`max_values`: Some(1), `max_size`: Some(6602), added: 7097, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::SessionFees` (r:1 w:1)
	/// Proof: `ValidatorSet::SessionFees` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::Params` (r:1 w:0)
	/// Proof: `ValidatorSet::Params` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::LastReport` (r:1 w:1)
	/// Proof: `ValidatorSet::LastReport` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Params` (r:1 w:0)
	/// Proof: `Forum::Params` (`max_values`: Some(1), `max_size`: Some(24), added: 519, mode: `MaxEncodedLen`)
	/// Storage: `Forum::NextPostId` (r:1 w:1)
	/// Proof: `Forum::NextPostId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:0)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::PoolOfPost` (r:1 w:1)
	/// Proof: `ValidationPool::PoolOfPost` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:0)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::NextPoolId` (r:1 w:1)
	/// Proof: `ValidationPool::NextPoolId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::EndingAt` (r:1 w:1)
	/// Proof: `ValidationPool::EndingAt` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalMinted` (r:1 w:1)
	/// Proof: `Reputation::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::Punished` (r:1 w:0)
	/// Proof: `ValidatorSet::Punished` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Candidates` (r:1 w:0)
	/// Proof: `Availability::Candidates` (`max_values`: None, `max_size`: Some(57355), added: 59830, mode: `MaxEncodedLen`)
	/// Storage: `Session::NextKeys` (r:1024 w:0)
	/// Proof: `Session::NextKeys` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `ValidatorSet::MinValidators` (r:1 w:0)
	/// Proof: `ValidatorSet::MinValidators` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::GenesisValidators` (r:1 w:0)
	/// Proof: `ValidatorSet::GenesisValidators` (`max_values`: Some(1), `max_size`: Some(3202), added: 3697, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Pools` (r:0 w:1)
	/// Proof: `ValidationPool::Pools` (`max_values`: None, `max_size`: Some(214), added: 2689, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Posts` (r:0 w:1)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::LastValidated` (r:0 w:100)
	/// Proof: `ValidatorSet::LastValidated` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::Validators` (r:0 w:1)
	/// Proof: `ValidatorSet::Validators` (`max_values`: Some(1), `max_size`: Some(3202), added: 3697, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::Reports` (r:0 w:1)
	/// Proof: `ValidatorSet::Reports` (`max_values`: None, `max_size`: Some(3630), added: 6105, mode: `MaxEncodedLen`)
	/// The range of component `c` is `[1, 1024]`.
	/// The range of component `v` is `[1, 100]`.
	fn session_end(c: u32, v: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1135 + c * (133 ±0) + v * (101 ±0)`
		//  Estimated: `60820 + c * (2610 ±0) + v * (105 ±4)`
		// Minimum execution time: 344_593_000 picoseconds.
		Weight::from_parts(1_031_085_057, 60820)
			// Standard Error: 528_119
			.saturating_add(Weight::from_parts(6_701_039, 0).saturating_mul(c.into()))
			// Standard Error: 5_459_131
			.saturating_add(Weight::from_parts(1_089_008, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(15_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2610).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 105).saturating_mul(v.into()))
	}
	/// Storage: `ValidatorSet::Reports` (r:1 w:1)
	/// Proof: `ValidatorSet::Reports` (`max_values`: None, `max_size`: Some(3630), added: 6105, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:101 w:101)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(160), added: 2635, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::FeePerRep` (r:1 w:0)
	/// Proof: `Reputation::FeePerRep` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:1)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 100]`.
	fn reward(v: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `671 + v * (36 ±0)`
		//  Estimated: `7095 + v * (2635 ±0)`
		// Minimum execution time: 49_563_000 picoseconds.
		Weight::from_parts(45_327_854, 7095)
			// Standard Error: 157_654
			.saturating_add(Weight::from_parts(18_105_360, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2635).saturating_mul(v.into()))
	}
	/// Storage: `Babe::CurrentSlot` (r:1 w:0)
	/// Proof: `Babe::CurrentSlot` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::LastSlot` (r:1 w:1)
	/// Proof: `ValidatorSet::LastSlot` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Babe::EpochIndex` (r:1 w:0)
	/// Proof: `Babe::EpochIndex` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Babe::GenesisSlot` (r:1 w:0)
	/// Proof: `Babe::GenesisSlot` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0x695ec709ce0439fb6d6db345d9653648` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0x695ec709ce0439fb6d6db345d9653648` (r:1 w:0)
	/// Storage: `Session::Validators` (r:1 w:0)
	/// Proof: `Session::Validators` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `Babe::Randomness` (r:1 w:0)
	/// Proof: `Babe::Randomness` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::MissedSlots` (r:1 w:1)
	/// Proof: `ValidatorSet::MissedSlots` (`max_values`: Some(1), `max_size`: Some(402), added: 897, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::SessionBlocks` (r:1 w:1)
	/// Proof: `ValidatorSet::SessionBlocks` (`max_values`: Some(1), `max_size`: Some(3602), added: 4097, mode: `MaxEncodedLen`)
	fn note_block() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7562`
		//  Estimated: `11027`
		// Minimum execution time: 45_525_000 picoseconds.
		Weight::from_parts(79_278_000, 11027)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

// For tests and other runtimes: the same measurements with RocksDB weights.
impl WeightInfo for () {
	fn set_params() -> Weight {
		Weight::from_parts(21_650_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn session_end(c: u32, v: u32, ) -> Weight {
		Weight::from_parts(1_031_085_057, 60820)
			.saturating_add(Weight::from_parts(6_701_039, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(1_089_008, 0).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(21_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(RocksDbWeight::get().writes(15_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2610).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 105).saturating_mul(v.into()))
	}
	fn reward(v: u32, ) -> Weight {
		Weight::from_parts(45_327_854, 7095)
			.saturating_add(Weight::from_parts(18_105_360, 0).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2635).saturating_mul(v.into()))
	}
	fn note_block() -> Weight {
		Weight::from_parts(79_278_000, 11027)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
}
