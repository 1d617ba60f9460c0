
//! Weights for `pallet_governance`, measured by `guild-node benchmark pallet` (scripts/bench.sh).
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
	/// Storage: `Governance::NextProposalId` (r:1 w:1)
	/// Proof: `Governance::NextProposalId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfParameter` (r:1 w:1)
	/// Proof: `Governance::ProposalOfParameter` (`max_values`: None, `max_size`: Some(17), added: 2492, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Params` (r:1 w:0)
	/// Proof: `Governance::Params` (`max_values`: Some(1), `max_size`: Some(149), added: 644, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(45), added: 540, mode: `MaxEncodedLen`)
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
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:0 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(255), added: 2730, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfPool` (r:0 w:1)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Pools` (r:0 w:1)
	/// Proof: `ValidationPool::Pools` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	fn propose() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `960`
		//  Estimated: `6196`
		// Minimum execution time: 169_941_000 picoseconds.
		Weight::from_parts(176_792_000, 6196)
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().writes(14_u64))
	}
	/// Storage: `Governance::Params` (r:0 w:1)
	/// Proof: `Governance::Params` (`max_values`: Some(1), `max_size`: Some(149), added: 644, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 5_958_000 picoseconds.
		Weight::from_parts(6_930_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Governance::ProposalOfPool` (r:1 w:2)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(255), added: 2730, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(45), added: 540, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
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
	/// Proof: `ValidationPool::Pools` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	fn stage_passed() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1360`
		//  Estimated: `6196`
		// Minimum execution time: 143_924_000 picoseconds.
		Weight::from_parts(150_332_000, 6196)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `Governance::ProposalOfPool` (r:1 w:2)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(255), added: 2730, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(45), added: 540, mode: `MaxEncodedLen`)
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
	/// Proof: `ValidationPool::Pools` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	fn stage_retried() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1305`
		//  Estimated: `6196`
		// Minimum execution time: 110_023_000 picoseconds.
		Weight::from_parts(114_870_000, 6196)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	/// Storage: `Governance::ProposalOfPool` (r:1 w:1)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(255), added: 2730, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfParameter` (r:0 w:1)
	/// Proof: `Governance::ProposalOfParameter` (`max_values`: None, `max_size`: Some(17), added: 2492, mode: `MaxEncodedLen`)
	fn stage_failed() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `726`
		//  Estimated: `3720`
		// Minimum execution time: 58_126_000 picoseconds.
		Weight::from_parts(61_181_000, 3720)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Governance::ProposalOfPool` (r:1 w:1)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(255), added: 2730, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Params` (r:1 w:1)
	/// Proof: `Governance::Params` (`max_values`: Some(1), `max_size`: Some(149), added: 644, mode: `MaxEncodedLen`)
	/// Storage: `Governance::ProposalOfParameter` (r:0 w:1)
	/// Proof: `Governance::ProposalOfParameter` (`max_values`: None, `max_size`: Some(17), added: 2492, mode: `MaxEncodedLen`)
	fn enact_parameter() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `425`
		//  Estimated: `3720`
		// Minimum execution time: 29_644_000 picoseconds.
		Weight::from_parts(32_338_000, 3720)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Governance::ProposalOfPool` (r:1 w:1)
	/// Proof: `Governance::ProposalOfPool` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Proof: `Governance::Proposals` (`max_values`: None, `max_size`: Some(255), added: 2730, mode: `MaxEncodedLen`)
	/// Storage: `System::AuthorizedUpgrade` (r:0 w:1)
	/// Proof: `System::AuthorizedUpgrade` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Governance::UpgradeProposal` (r:0 w:1)
	/// Proof: `Governance::UpgradeProposal` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn enact_upgrade() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `387`
		//  Estimated: `3720`
		// Minimum execution time: 21_853_000 picoseconds.
		Weight::from_parts(25_077_000, 3720)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// PROVISIONAL until `scripts/bench.sh` is run again: the `on_initialize` that authorizes a
	/// scheduled upgrade and returns its deposit, estimated from `enact_upgrade` plus a release.
	/// Storage: `Governance::PendingUpgrade` (r:1 w:1)
	/// Storage: `Governance::Proposals` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	/// Storage: `System::AuthorizedUpgrade` (r:0 w:1)
	/// Storage: `Governance::UpgradeProposal` (r:0 w:1)
	fn authorize_upgrade() -> Weight {
		Weight::from_parts(60_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

// For tests and other runtimes: the same measurements with RocksDB weights.
impl WeightInfo for () {
	fn propose() -> Weight {
		Weight::from_parts(176_792_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(14_u64))
			.saturating_add(RocksDbWeight::get().writes(14_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(6_930_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn stage_passed() -> Weight {
		Weight::from_parts(150_332_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
	}
	fn stage_retried() -> Weight {
		Weight::from_parts(114_870_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(11_u64))
	}
	fn stage_failed() -> Weight {
		Weight::from_parts(61_181_000, 3720)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn enact_parameter() -> Weight {
		Weight::from_parts(32_338_000, 3720)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn enact_upgrade() -> Weight {
		Weight::from_parts(25_077_000, 3720)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn authorize_upgrade() -> Weight {
		Weight::from_parts(60_000_000, 4000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
}
