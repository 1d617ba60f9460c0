
//! Weights for `pallet_business`, measured by `guild-node benchmark pallet` (scripts/bench.sh).
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
// pallet_business
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
// pallets/business/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_business`.
pub trait WeightInfo {
	fn submit_request(u: u32, ) -> Weight;
	fn submit_evidence() -> Weight;
	fn review() -> Weight;
	fn cancel() -> Weight;
	fn set_params() -> Weight;
	fn on_initialize_buckets(k: u32, ) -> Weight;
	fn evidence_timeout() -> Weight;
	fn review_timeout() -> Weight;
	fn pool_resolved_ours() -> Weight;
	fn pool_resolved_other() -> Weight;
	fn assign_pending_try() -> Weight;
	fn draw_due() -> Weight;
	fn choice_timeout() -> Weight;
	fn redraw() -> Weight;
}

/// Weights for `pallet_business` measured on the Guild runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	/// Storage: `Business::NextRequestId` (r:1 w:1)
	/// Proof: `Business::NextRequestId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:1 w:1)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Business::Requests` (r:0 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	/// The range of component `u` is `[0, 256]`.
	fn submit_request(_u: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `510`
		//  Estimated: `3991`
		// Minimum execution time: 99_616_000 picoseconds.
		Weight::from_parts(152_830_399, 3991)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Business::Requests` (r:1 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Posts` (r:1 w:0)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `Business::EvidenceOf` (r:1 w:1)
	/// Proof: `Business::EvidenceOf` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::PoolOfPost` (r:1 w:0)
	/// Proof: `ValidationPool::PoolOfPost` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:2 w:2)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	fn submit_evidence() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1140`
		//  Estimated: `6992`
		// Minimum execution time: 59_692_000 picoseconds.
		Weight::from_parts(87_895_000, 6992)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Business::Requests` (r:1 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:1 w:1)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Posts` (r:1 w:0)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Stakes` (r:1 w:0)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:0)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::PoolOfPost` (r:1 w:1)
	/// Proof: `ValidationPool::PoolOfPost` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:1 w:0)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::NextPoolId` (r:1 w:1)
	/// Proof: `ValidationPool::NextPoolId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::EndingAt` (r:1 w:1)
	/// Proof: `ValidationPool::EndingAt` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalMinted` (r:1 w:1)
	/// Proof: `Reputation::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Business::RequestOfPool` (r:0 w:1)
	/// Proof: `Business::RequestOfPool` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Pools` (r:0 w:1)
	/// Proof: `ValidationPool::Pools` (`max_values`: None, `max_size`: Some(214), added: 2689, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Stakes` (r:0 w:1)
	/// Proof: `ValidationPool::Stakes` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	fn review() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2034`
		//  Estimated: `6196`
		// Minimum execution time: 219_650_000 picoseconds.
		Weight::from_parts(289_180_000, 6196)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	/// Storage: `Business::Requests` (r:1 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:1 w:1)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Stakes` (r:1 w:1)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:1 w:0)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Business::PendingRange` (r:1 w:1)
	/// Proof: `Business::PendingRange` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn cancel() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1542`
		//  Estimated: `54735`
		// Minimum execution time: 120_494_000 picoseconds.
		Weight::from_parts(142_456_000, 54735)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Business::Params` (r:0 w:1)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 10_159_000 picoseconds.
		Weight::from_parts(14_938_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Business::PendingScanAt` (r:1 w:0)
	/// Proof: `Business::PendingScanAt` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Business::DueCursor` (r:1 w:1)
	/// Proof: `Business::DueCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:16 w:0)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[0, 16]`.
	fn on_initialize_buckets(k: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `170`
		//  Estimated: `1489 + k * (3001 ±0)`
		// Minimum execution time: 7_654_000 picoseconds.
		Weight::from_parts(11_216_121, 1489)
			// Standard Error: 13_206
			.saturating_add(Weight::from_parts(2_790_237, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 3001).saturating_mul(k.into()))
	}
	/// Storage: `Business::Requests` (r:1 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:2 w:2)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
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
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Business::PendingRange` (r:1 w:1)
	/// Proof: `Business::PendingRange` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn evidence_timeout() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1551`
		//  Estimated: `54735`
		// Minimum execution time: 124_412_000 picoseconds.
		Weight::from_parts(137_176_000, 54735)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Business::Requests` (r:1 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:1 w:1)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Forum::Posts` (r:1 w:0)
	/// Proof: `Forum::Posts` (`max_values`: None, `max_size`: Some(769), added: 3244, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Stakes` (r:1 w:0)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalRep` (r:1 w:0)
	/// Proof: `Reputation::TotalRep` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::PoolOfPost` (r:1 w:1)
	/// Proof: `ValidationPool::PoolOfPost` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:1 w:0)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::NextPoolId` (r:1 w:1)
	/// Proof: `ValidationPool::NextPoolId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::EndingAt` (r:1 w:1)
	/// Proof: `ValidationPool::EndingAt` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Unowned` (r:1 w:1)
	/// Proof: `Reputation::Unowned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::TotalMinted` (r:1 w:1)
	/// Proof: `Reputation::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Business::RequestOfPool` (r:0 w:1)
	/// Proof: `Business::RequestOfPool` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Pools` (r:0 w:1)
	/// Proof: `ValidationPool::Pools` (`max_values`: None, `max_size`: Some(214), added: 2689, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Stakes` (r:0 w:1)
	/// Proof: `ValidationPool::Stakes` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	fn review_timeout() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2034`
		//  Estimated: `6196`
		// Minimum execution time: 226_413_000 picoseconds.
		Weight::from_parts(235_721_000, 6196)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	/// Storage: `Business::RequestOfPool` (r:1 w:1)
	/// Proof: `Business::RequestOfPool` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Business::Requests` (r:1 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Stakes` (r:1 w:1)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Accounts` (r:1 w:0)
	/// Proof: `Reputation::Accounts` (`max_values`: None, `max_size`: Some(144), added: 2619, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:1 w:1)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Business::PendingRange` (r:1 w:1)
	/// Proof: `Business::PendingRange` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn pool_resolved_ours() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1589`
		//  Estimated: `54735`
		// Minimum execution time: 80_631_000 picoseconds.
		Weight::from_parts(88_425_000, 54735)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Business::RequestOfPool` (r:1 w:0)
	/// Proof: `Business::RequestOfPool` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	fn pool_resolved_other() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `147`
		//  Estimated: `3489`
		// Minimum execution time: 6_973_000 picoseconds.
		Weight::from_parts(8_947_000, 3489)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Business::PendingRange` (r:1 w:1)
	/// Proof: `Business::PendingRange` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Business::PendingQueue` (r:1 w:1)
	/// Proof: `Business::PendingQueue` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Business::Requests` (r:1 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Stakes` (r:1 w:1)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:1 w:1)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	fn assign_pending_try() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1183`
		//  Estimated: `54735`
		// Minimum execution time: 68_398_000 picoseconds.
		Weight::from_parts(87_493_000, 54735)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Business::Requests` (r:1 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Candidates` (r:1 w:1)
	/// Proof: `Availability::Candidates` (`max_values`: Some(1), `max_size`: Some(53250), added: 53745, mode: `MaxEncodedLen`)
	/// Storage: `Availability::Stakes` (r:1 w:1)
	/// Proof: `Availability::Stakes` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:1 w:1)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	fn draw_due() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1095`
		//  Estimated: `54735`
		// Minimum execution time: 58_138_000 picoseconds.
		Weight::from_parts(67_105_000, 54735)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Business::Requests` (r:1 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	fn choice_timeout() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `642`
		//  Estimated: `4143`
		// Minimum execution time: 17_663_000 picoseconds.
		Weight::from_parts(26_029_000, 4143)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Business::Requests` (r:1 w:1)
	/// Proof: `Business::Requests` (`max_values`: None, `max_size`: Some(678), added: 3153, mode: `MaxEncodedLen`)
	/// Storage: `Business::Params` (r:1 w:0)
	/// Proof: `Business::Params` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `ValidationPool::Params` (r:1 w:0)
	/// Proof: `ValidationPool::Params` (`max_values`: Some(1), `max_size`: Some(65), added: 560, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Business::Due` (r:2 w:2)
	/// Proof: `Business::Due` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	fn redraw() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1186`
		//  Estimated: `6992`
		// Minimum execution time: 113_121_000 picoseconds.
		Weight::from_parts(130_062_000, 6992)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

// For tests and other runtimes: the same measurements with RocksDB weights.
impl WeightInfo for () {
	fn submit_request(_u: u32, ) -> Weight {
		Weight::from_parts(152_830_399, 3991)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_evidence() -> Weight {
		Weight::from_parts(87_895_000, 6992)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn review() -> Weight {
		Weight::from_parts(289_180_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn cancel() -> Weight {
		Weight::from_parts(142_456_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(14_938_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn on_initialize_buckets(k: u32, ) -> Weight {
		Weight::from_parts(11_216_121, 1489)
			.saturating_add(Weight::from_parts(2_790_237, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 3001).saturating_mul(k.into()))
	}
	fn evidence_timeout() -> Weight {
		Weight::from_parts(137_176_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn review_timeout() -> Weight {
		Weight::from_parts(235_721_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn pool_resolved_ours() -> Weight {
		Weight::from_parts(88_425_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn pool_resolved_other() -> Weight {
		Weight::from_parts(8_947_000, 3489)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn assign_pending_try() -> Weight {
		Weight::from_parts(87_493_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn draw_due() -> Weight {
		Weight::from_parts(67_105_000, 54735)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn choice_timeout() -> Weight {
		Weight::from_parts(26_029_000, 4143)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn redraw() -> Weight {
		Weight::from_parts(130_062_000, 6992)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
}
