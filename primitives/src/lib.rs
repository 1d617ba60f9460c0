//! Types and traits shared by Guild's pallets.
//!
//! One pallet reaches another only through these traits, wired together by the runtime: the
//! forum and the validation pools move REP through [`ReputationLedger`], the pools ratify posts and
//! propagate minted REP through [`Forum`], and the work-request and governance pallets open pools
//! through [`ValidationPools`] and hear their outcome through [`OnPoolResolved`].
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::Weight, RuntimeDebug};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult, Perbill};

/// An amount of reputation. REP has no transfer; only the protocol moves it.
pub type Rep = u128;
/// Sequential id of a forum post.
pub type PostId = u64;
/// Sequential id of a validation pool.
pub type PoolId = u64;
/// Parts per million: `1_000_000` is one whole.
pub const PPM: u32 = 1_000_000;

/// `amount * w / 1_000_000`, rounded toward zero, for a weight in parts per million.
pub fn mul_ppm(amount: i128, w: i64) -> i128 {
	// |amount| < 2^127 and |w| <= 2^31, so the product is taken in two halves to avoid overflow.
	let w = w as i128;
	let ppm = PPM as i128;
	let (q, r) = (amount / ppm, amount % ppm);
	q.saturating_mul(w).saturating_add(r * w / ppm)
}

/// Why an account's REP is held rather than free.
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
	RuntimeDebug,
)]
pub enum RepHoldReason {
	/// Staked for or against a post in a validation pool.
	PoolStake,
	/// Staked as an expert's availability for work requests.
	Availability,
}

/// The REP ledger, as other pallets see it. Implemented by `pallet-reputation`.
///
/// "Unowned" REP is REP minted into open validation pools that no account owns yet; it counts
/// toward `TotalMinted` but not toward `total_rep`.
pub trait ReputationLedger<AccountId> {
	/// Free REP of `who`.
	fn free(who: &AccountId) -> Rep;
	/// REP of `who` held for `reason`.
	fn held(who: &AccountId, reason: RepHoldReason) -> Rep;
	/// Σ (free + held) over all accounts.
	fn total_rep() -> Rep;
	/// Mint `amount` into the unowned pot (an open pool's minted stakes).
	fn mint_unowned(amount: Rep);
	/// Burn `amount` out of the unowned pot.
	fn burn_unowned(amount: Rep) -> DispatchResult;
	/// Move `amount` from the unowned pot to the free REP of `who`.
	fn grant(who: &AccountId, amount: Rep) -> DispatchResult;
	/// Move `amount` of the free REP of `who` into the unowned pot.
	fn reclaim(who: &AccountId, amount: Rep) -> DispatchResult;
	/// Hold `amount` of the free REP of `who` for `reason`.
	fn hold(who: &AccountId, reason: RepHoldReason, amount: Rep) -> DispatchResult;
	/// Release `amount` of the REP of `who` held for `reason` back to free.
	fn release(who: &AccountId, reason: RepHoldReason, amount: Rep) -> DispatchResult;
	/// Move `amount` of the REP of `who` held for `reason` into the unowned pot.
	fn slash_held(who: &AccountId, reason: RepHoldReason, amount: Rep) -> DispatchResult;
}

/// The fee salary of the DAO (PROTOCOL.md §5). Implemented by `pallet-reputation`.
pub trait FeeSalary<AccountId, Balance> {
	/// The account that receives fees and pays them out to REP holders.
	fn dao_account() -> AccountId;
	/// Share `fee`, already in the DAO account, among the current REP holders pro rata.
	fn distribute_fee(fee: Balance);
}

/// Where a post stands.
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
	RuntimeDebug,
)]
pub enum PostStatus {
	/// Submitted; no pool has accepted or rejected it yet.
	Open,
	/// A pool accepted it; its deposit is released.
	Ratified,
	/// A pool rejected it.
	Rejected,
}

/// The forum, as the validation pools see it. Implemented by `pallet-forum`.
pub trait Forum<AccountId> {
	/// The authors of `post` with their weights in ppm, or `None` if there is no such post.
	fn authors(post: PostId) -> Option<Vec<(AccountId, u32)>>;
	/// The status of `post`, or `None` if there is no such post.
	fn status(post: PostId) -> Option<PostStatus>;
	/// Mark `post` ratified and release its deposit.
	fn ratify(post: PostId) -> DispatchResult;
	/// Mark `post` rejected.
	fn reject(post: PostId) -> DispatchResult;
	/// Propagate `amount` of unowned REP into `post` (PROTOCOL.md §3). Takes exactly `amount`
	/// out of the unowned pot: what is not credited to an account is burned.
	fn propagate(post: PostId, amount: Rep) -> DispatchResult;
}

/// How a pool ended.
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
	RuntimeDebug,
)]
pub enum PoolOutcome {
	/// `for ≥ win_ratio × (for + against)` with quorum met.
	Accepted,
	/// Quorum met, but the FOR side fell short of the win ratio.
	Rejected,
	/// Too little REP took part; stakes released, mint burned, fee refunded.
	QuorumNotMet,
}

/// The rules one pool is judged by.
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
	RuntimeDebug,
)]
pub struct PoolRules {
	/// Share of `total_rep + M` that must take part.
	pub quorum: Perbill,
	/// Share of the staked REP that must be FOR for acceptance (a tie passes).
	pub win_ratio: Perbill,
	/// Share of a losing stake that is lost.
	pub binding: Perbill,
	/// Whether lost stakes go to the winners (else they are burned).
	pub redistribute_losing_stakes: bool,
	/// Share of the minted REP staked FOR in the authors' name.
	pub stake_for_author: Perbill,
}

/// The REP tallies of a resolved pool (minted stakes included).
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
	RuntimeDebug,
)]
pub struct Tally {
	/// REP staked for, the authors' minted stake included.
	pub for_total: Rep,
	/// REP staked against, the unowned minted stake included.
	pub against_total: Rep,
}

/// Told when a pool is resolved. Implemented by pallets that open pools for their own purpose.
pub trait OnPoolResolved {
	/// `pool` on `post` ended with `outcome`. Returns the weight it used.
	fn on_pool_resolved(pool: PoolId, post: PostId, outcome: PoolOutcome, tally: Tally) -> Weight;
}

impl OnPoolResolved for () {
	fn on_pool_resolved(_: PoolId, _: PostId, _: PoolOutcome, _: Tally) -> Weight {
		Weight::zero()
	}
}

/// Opening pools from other pallets. Implemented by `pallet-validation-pool`.
pub trait ValidationPools<AccountId, Balance, BlockNumber> {
	/// Open a pool on `post`: `fee` moves from `initiator` to the DAO account. `rules` overrides
	/// the pool parameters (governance stages); `worker_stake` counts REP that `worker` already
	/// holds as availability as a FOR stake of theirs.
	fn open(
		initiator: &AccountId,
		post: PostId,
		fee: Balance,
		duration: BlockNumber,
		rules: Option<PoolRules>,
		worker_stake: Option<(AccountId, Rep)>,
	) -> Result<PoolId, DispatchError>;
}
