
//! Weights for `pallet_governance`, measured by `guild-node benchmark pallet` (scripts/bench.sh).
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
// pallet_governance
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
// pallets/governance/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_governance`.
pub trait WeightInfo {
	fn propose() -> Weight;
	fn set_params() -> Weight;
	fn stage_passed() -> Weight;
	fn stage_retried() -> Weight;
	fn stage_failed() -> Weight;
	fn enact_parameter() -> Weight;
	fn enact_upgrade() -> Weight;
	fn authorize_upgrade() -> Weight;
}

/// Weights for `pallet_governance` measured on the Guild runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Forum::Posts` (r:1 w:0)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfPost` (r:1 w:1)
	/// Proof: `Governance::ProposalOfPost` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::PoolOfPost` (r:1 w:1)
	/// Proof: `ValidationPool::PoolOfPost` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Business::EvidenceOf` (r:1 w:0)
	/// Proof: `Business::EvidenceOf` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Governance::NextProposalId` (r:1 w:1)
	/// Proof: `Governance::NextProposalId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfParameter` (r:1 w:1)
	/// Proof: `Governance::ProposalOfParameter` (`max_values`: None, `max_size`: Some(17), added: 2492, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Params` (r:1 w:0)
	/// Proof: `Forum::Params` (`max_values`: Some(1), `max_size`: Some(24), added: 519, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Params` (r:1 w:0)
	/// Proof: `Availability::Params` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Params` (r:1 w:0)
	/// Proof: `Governance::Params` (`max_values`: Some(1), `max_size`: Some(173), added: 668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:0)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::NextPoolId` (r:1 w:1)
	/// Proof: `ValidationPool::NextPoolId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::EndingAt` (r:1 w:1)
	/// Proof: `ValidationPool::EndingAt` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalMinted` (r:1 w:1)
	/// Proof: `Reputation::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:0 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(271), added: 2746, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfPool` (r:0 w:1)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Pools` (r:0 w:1)
	/// Proof: `ValidationPool::Pools` (`max_values`: None, `max_size`: Some(214), added: 2689, mode: `MaxEncodedLen`)
	fn propose() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1347`
		//  Estimated: `6196`
		// Minimum execution time: 311_521_000 picoseconds.
		Weight::from_parts(473_003_000, 6196)
			.saturating_add(T::DbWeight::get().reads(19_u64))
			.saturating_add(T::DbWeight::get().writes(14_u64))
	}
	/// Storage: `Governance::Params` (r:0 w:1)
	/// Proof: `Governance::Params` (`max_values`: Some(1), `max_size`: Some(173), added: 668, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 10_510_000 picoseconds.
		Weight::from_parts(21_360_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Governance::ProposalOfPool` (r:1 w:2)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(271), added: 2746, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:0)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Posts` (r:1 w:0)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::PoolOfPost` (r:1 w:1)
	/// Proof: `ValidationPool::PoolOfPost` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
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
	fn stage_passed() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1554`
		//  Estimated: `6196`
		// Minimum execution time: 195_235_000 picoseconds.
		Weight::from_parts(210_433_000, 6196)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `Governance::ProposalOfPool` (r:1 w:2)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(271), added: 2746, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:0)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Posts` (r:1 w:0)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
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
	fn stage_retried() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1479`
		//  Estimated: `6196`
		// Minimum execution time: 149_029_000 picoseconds.
		Weight::from_parts(158_816_000, 6196)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	/// Storage: `Governance::ProposalOfPool` (r:1 w:1)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(271), added: 2746, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::UndistributedFees` (r:1 w:1)
	/// Proof: `Reputation::UndistributedFees` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:0)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::FeePerRep` (r:1 w:1)
	/// Proof: `Reputation::FeePerRep` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfParameter` (r:0 w:1)
	/// Proof: `Governance::ProposalOfParameter` (`max_values`: None, `max_size`: Some(17), added: 2492, mode: `MaxEncodedLen`)
	fn stage_failed() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1134`
		//  Estimated: `6196`
		// Minimum execution time: 146_304_000 picoseconds.
		Weight::from_parts(159_518_000, 6196)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Governance::ProposalOfPool` (r:1 w:1)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(271), added: 2746, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Params` (r:1 w:0)
	/// Proof: `Forum::Params` (`max_values`: Some(1), `max_size`: Some(24), added: 519, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Params` (r:1 w:0)
	/// Proof: `Availability::Params` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Params` (r:1 w:1)
	/// Proof: `Governance::Params` (`max_values`: Some(1), `max_size`: Some(173), added: 668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfParameter` (r:0 w:1)
	/// Proof: `Governance::ProposalOfParameter` (`max_values`: None, `max_size`: Some(17), added: 2492, mode: `MaxEncodedLen`)
	fn enact_parameter() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1236`
		//  Estimated: `3736`
		// Minimum execution time: 137_907_000 picoseconds.
		Weight::from_parts(214_420_000, 3736)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Governance::ProposalOfPool` (r:1 w:1)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(271), added: 2746, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Params` (r:1 w:0)
	/// Proof: `Governance::Params` (`max_values`: Some(1), `max_size`: Some(173), added: 668, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:0)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Governance::PendingUpgrade` (r:1 w:1)
	/// Proof: `Governance::PendingUpgrade` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	fn enact_upgrade() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `702`
		//  Estimated: `3736`
		// Minimum execution time: 37_450_000 picoseconds.
		Weight::from_parts(43_000_000, 3736)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Governance::PendingUpgrade` (r:1 w:1)
	/// Proof: `Governance::PendingUpgrade` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(271), added: 2746, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::AuthorizedUpgrade` (r:0 w:1)
	/// Proof: `System::AuthorizedUpgrade` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Governance::UpgradeProposal` (r:0 w:1)
	/// Proof: `Governance::UpgradeProposal` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn authorize_upgrade() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `611`
		//  Estimated: `3736`
		// Minimum execution time: 79_078_000 picoseconds.
		Weight::from_parts(94_957_000, 3736)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

// For tests and other runtimes: the same measurements with RocksDB weights.
impl WeightInfo for () {
	fn propose() -> Weight {
		Weight::from_parts(473_003_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(19_u64))
			.saturating_add(RocksDbWeight::get().writes(14_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(21_360_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn stage_passed() -> Weight {
		Weight::from_parts(210_433_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
	}
	fn stage_retried() -> Weight {
		Weight::from_parts(158_816_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(11_u64))
	}
	fn stage_failed() -> Weight {
		Weight::from_parts(159_518_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn enact_parameter() -> Weight {
		Weight::from_parts(214_420_000, 3736)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn enact_upgrade() -> Weight {
		Weight::from_parts(43_000_000, 3736)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn authorize_upgrade() -> Weight {
		Weight::from_parts(94_957_000, 3736)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
}
