
//! Weights for `pallet_validation_pool`, measured by `guild-node benchmark pallet` (scripts/bench.sh).
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
// pallet_validation_pool
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
// pallets/validation-pool/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_validation_pool`.
pub trait WeightInfo {
	fn initiate() -> Weight;
	fn stake() -> Weight;
	fn evaluate(s: u32, ) -> Weight;
	fn on_initialize_slots(k: u32, ) -> Weight;
	fn set_params() -> Weight;
}

/// Weights for `pallet_validation_pool` measured on the Guild runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Forum::Posts` (r:1 w:0)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `Business::EvidenceOf` (r:1 w:0)
	/// Proof: `Business::EvidenceOf` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfPost` (r:1 w:0)
	/// Proof: `Governance::ProposalOfPost` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:0)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::PoolOfPost` (r:1 w:1)
	/// Proof: `ValidationPool::PoolOfPost` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::NextPoolId` (r:1 w:1)
	/// Proof: `ValidationPool::NextPoolId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::EndingAt` (r:1 w:1)
	/// Proof: `ValidationPool::EndingAt` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalMinted` (r:1 w:1)
	/// Proof: `Reputation::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Pools` (r:0 w:1)
	/// Proof: `ValidationPool::Pools` (`max_values`: None, `max_size`: Some(214), added: 2689, mode: `MaxEncodedLen`)
	fn initiate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1221`
		//  Estimated: `6196`
		// Minimum execution time: 135_092_000 picoseconds.
		Weight::from_parts(217_997_000, 6196)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `ValidationPool::Pools` (r:1 w:1)
	/// Proof: `ValidationPool::Pools` (`max_values`: None, `max_size`: Some(214), added: 2689, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::StakeOrder` (r:1 w:1)
	/// Proof: `ValidationPool::StakeOrder` (`max_values`: None, `max_size`: Some(49170), added: 51645, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Stakes` (r:2 w:2)
	/// Proof: `ValidationPool::Stakes` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:2 w:2)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Posts` (r:1 w:0)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	fn stake() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `54027`
		//  Estimated: `52635`
		// Minimum execution time: 221_563_000 picoseconds.
		Weight::from_parts(336_849_000, 52635)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `ValidationPool::Pools` (r:1 w:1)
	/// Proof: `ValidationPool::Pools` (`max_values`: None, `max_size`: Some(214), added: 2689, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::PendingPropagation` (r:1 w:1)
	/// Proof: `ValidationPool::PendingPropagation` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::EndingAt` (r:1 w:1)
	/// Proof: `ValidationPool::EndingAt` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:1)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Stakes` (r:1025 w:1024)
	/// Proof: `ValidationPool::Stakes` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::UndistributedFees` (r:1 w:1)
	/// Proof: `Reputation::UndistributedFees` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::FeePerRep` (r:1 w:1)
	/// Proof: `Reputation::FeePerRep` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:1025 w:1025)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Posts` (r:1 w:1)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalBurned` (r:1 w:1)
	/// Proof: `Reputation::TotalBurned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Business::RequestOfPool` (r:1 w:0)
	/// Proof: `Business::RequestOfPool` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfPool` (r:1 w:0)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::StakeOrder` (r:0 w:1)
	/// Proof: `ValidationPool::StakeOrder` (`max_values`: None, `max_size`: Some(49170), added: 51645, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::PoolOfPost` (r:0 w:1)
	/// Proof: `ValidationPool::PoolOfPost` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 1024]`.
	fn evaluate(s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1734 + s * (171 ±0)`
		//  Estimated: `4234 + s * (2619 ±0)`
		// Minimum execution time: 224_830_000 picoseconds.
		Weight::from_parts(260_426_000, 4234)
			// Standard Error: 1_066_816
			.saturating_add(Weight::from_parts(44_352_148, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(14_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2619).saturating_mul(s.into()))
	}
	/// Storage: `ValidationPool::PendingPropagation` (r:1 w:0)
	/// Proof: `ValidationPool::PendingPropagation` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::EvaluationCursor` (r:1 w:1)
	/// Proof: `ValidationPool::EvaluationCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::EndingAt` (r:16 w:0)
	/// Proof: `ValidationPool::EndingAt` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[0, 16]`.
	fn on_initialize_slots(k: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `137`
		//  Estimated: `1517 + k * (3001 ±0)`
		// Minimum execution time: 7_494_000 picoseconds.
		Weight::from_parts(12_479_803, 1517)
			// Standard Error: 12_536
			.saturating_add(Weight::from_parts(3_184_060, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 3001).saturating_mul(k.into()))
	}
	/// Storage: `ValidationPool::Params` (r:0 w:1)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 10_259_000 picoseconds.
		Weight::from_parts(19_005_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests and other runtimes: the same measurements with RocksDB weights.
impl WeightInfo for () {
	fn initiate() -> Weight {
		Weight::from_parts(217_997_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn stake() -> Weight {
		Weight::from_parts(336_849_000, 52635)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn evaluate(s: u32, ) -> Weight {
		Weight::from_parts(260_426_000, 4234)
			.saturating_add(Weight::from_parts(44_352_148, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(15_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(14_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2619).saturating_mul(s.into()))
	}
	fn on_initialize_slots(k: u32, ) -> Weight {
		Weight::from_parts(12_479_803, 1517)
			.saturating_add(Weight::from_parts(3_184_060, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 3001).saturating_mul(k.into()))
	}
	fn set_params() -> Weight {
		Weight::from_parts(19_005_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
