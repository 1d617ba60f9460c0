//! The records of the validation pools: parameters, pool state machine and stakes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use guild_primitives::{PoolId, PoolOutcome, PoolRules, PostId, Rep, Tally};
use scale_info::TypeInfo;
use sp_runtime::{FixedU128, Perbill};

/// The pool parameters of PROTOCOL.md §9, changed by `set_params`.
///
/// A pool copies the rules it is judged by when it opens, so a change applies to new pools only.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	frame_support::Serialize,
	frame_support::Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParamsType<BlockNumber> {
	/// REP minted per unit of fee (`M = floor(fee * minting_ratio)`). Not zero.
	pub minting_ratio: FixedU128,
	/// Share of the minted REP staked FOR in the authors' name; the rest is staked AGAINST.
	pub stake_for_author: Perbill,
	/// Share of `total_rep + M` that must take part for the pool to count.
	pub quorum: Perbill,
	/// Share of the staked REP that must be FOR for acceptance. At least one half.
	pub win_ratio: Perbill,
	/// Share of a losing stake that is lost.
	pub binding: Perbill,
	/// Whether lost stakes go to the winners (else they are burned).
	pub redistribute_losing_stakes: bool,
	/// Shortest pool, in blocks. At least 1.
	pub pool_duration_min: BlockNumber,
	/// Duration of a pool initiated without one, in blocks. Within `[min, max]`.
	pub pool_duration_default: BlockNumber,
	/// Longest pool, in blocks.
	pub pool_duration_max: BlockNumber,
	/// The smallest fee of a pool, in native token units (PROTOCOL.md §4).
	pub min_pool_fee: u128,
	/// Share of the fee kept for the fee salary when a pool misses its quorum; the rest goes
	/// back to the initiator.
	pub quorum_miss_fee: Perbill,
}

impl<BlockNumber> ParamsType<BlockNumber> {
	/// The pool rules these parameters give.
	pub fn rules(&self) -> PoolRules {
		PoolRules {
			quorum: self.quorum,
			win_ratio: self.win_ratio,
			binding: self.binding,
			redistribute_losing_stakes: self.redistribute_losing_stakes,
			stake_for_author: self.stake_for_author,
			quorum_miss_fee: self.quorum_miss_fee,
		}
	}
}

/// Blocks in an hour and in seven days at Guild's 6-second block time.
pub const HOUR_OF_BLOCKS: u32 = 600;
/// Seven days of 6-second blocks.
pub const WEEK_OF_BLOCKS: u32 = 7 * 24 * HOUR_OF_BLOCKS;
/// PROTOCOL.md §9's `min_pool_fee`: 0.01 of a 12-decimal token.
pub const MIN_POOL_FEE: u128 = 10_000_000_000;

impl<BlockNumber: From<u32>> Default for ParamsType<BlockNumber> {
	/// The runtime defaults of PROTOCOL.md §9.
	fn default() -> Self {
		Self {
			minting_ratio: FixedU128::from_u32(1),
			stake_for_author: Perbill::from_percent(50),
			quorum: Perbill::from_percent(10),
			win_ratio: Perbill::from_percent(50),
			binding: Perbill::from_percent(100),
			redistribute_losing_stakes: true,
			pool_duration_min: 1u32.into(),
			pool_duration_default: HOUR_OF_BLOCKS.into(),
			pool_duration_max: WEEK_OF_BLOCKS.into(),
			min_pool_fee: MIN_POOL_FEE,
			quorum_miss_fee: Perbill::from_percent(10),
		}
	}
}

/// Who opens a pool, which decides the checks it passes (PROTOCOL.md §4).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Opener {
	/// An author of the post (`initiate`) or root (`force_initiate`): the pool takes at most half
	/// of its end block's room.
	Author,
	/// A protocol rule (work-request evidence): when the end block is full, the pool ends in the
	/// next block with room.
	Protocol,
	/// A later stage of a governance proposal: as `Protocol`, on a post that may be ratified.
	Stage,
}

/// A pool that is still taking stakes or waiting for its evaluation.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct OpenPool<AccountId, BlockNumber> {
	/// The post the pool ratifies or rejects.
	pub post: PostId,
	/// Who paid the fee (refunded to them if the quorum is not met).
	pub initiator: AccountId,
	/// The fee, held in the DAO account until the pool ends.
	pub fee: u128,
	/// REP minted into the pool: `for_minted + against_minted`.
	pub minted: Rep,
	/// Minted REP staked FOR in the authors' name.
	pub for_minted: Rep,
	/// Minted REP staked AGAINST, owned by nobody.
	pub against_minted: Rep,
	/// The rules this pool is judged by, fixed when it opened.
	pub rules: PoolRules,
	/// Last block in which stakes are taken; the pool is evaluated from the next block on.
	pub end: BlockNumber,
	/// REP staked so far, the minted stakes included.
	pub tally: Tally,
	/// Accounts with a stake in the pool.
	pub stakers: u32,
}

/// What is kept of a pool once it is resolved: its stakes are settled and removed.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct ResolvedPool<BlockNumber> {
	/// The post the pool judged.
	pub post: PostId,
	/// How it ended.
	pub outcome: PoolOutcome,
	/// The final tallies, minted stakes included.
	pub tally: Tally,
	/// The block in which it was evaluated.
	pub resolved_at: BlockNumber,
}

/// The state machine of a pool: `Open` until evaluated, then `Resolved` for good.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum PoolStatus<AccountId, BlockNumber> {
	/// Taking stakes until `end`, then waiting to be evaluated.
	Open(OpenPool<AccountId, BlockNumber>),
	/// Evaluated; stakes settled.
	Resolved(ResolvedPool<BlockNumber>),
}

/// One account's stake in one pool.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Debug,
)]
pub struct StakeInfo {
	/// FOR (`true`) or AGAINST the post.
	pub in_favor: bool,
	/// REP held from the account as `RepHoldReason::PoolStake` until the pool is evaluated.
	pub amount: Rep,
	/// REP the account holds as `RepHoldReason::Availability` that counts as a FOR stake (a
	/// work request's worker). It stays held as availability; only a loss is slashed from it.
	pub availability: Rep,
}

impl StakeInfo {
	/// The whole stake, both parts.
	pub fn total(&self) -> Rep {
		self.amount.saturating_add(self.availability)
	}
}

/// Lets the benchmarks create what the pallet needs from its neighbours.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Create an open post authored by `author` and return its id. The forum's worst case
	/// (propagation) is charged separately through `Config::ForumWeight`; a post with the most
	/// authors the forum allows is the worst case of the authors' pot split.
	fn create_post(author: &AccountId) -> PostId;
}

/// The propagation of an accepted pool's `for_minted` into its post (PROTOCOL.md §3), left by
/// the evaluation for the hooks: the same block's `on_idle` when the block has room, else the
/// next block's `on_initialize`.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Propagation {
	/// The accepted pool.
	pub pool: PoolId,
	/// Its post, ratified by the evaluation.
	pub post: PostId,
	/// The REP minted FOR the post, unowned until the propagation places it.
	pub amount: Rep,
}
