//! Posts, citation targets and the forum's parameters.

use crate::{BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use guild_primitives::{PostStatus, Rep};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::BoundedVec;

/// The most `reference_chain_limit` can be: how deep a propagation follows citations.
pub const MAX_REFERENCE_CHAIN_LIMIT: u32 = 5;

/// What a post cites.
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
	PartialOrd,
	Ord,
	Debug,
)]
pub enum RefTarget {
	/// An older post: a positive weight donates to it, a negative weight leaches from it.
	Post(guild_primitives::PostId),
	/// Burns its share of what flows in (positive weights only).
	Incinerator,
}

/// The forum's parameters, changed by `set_params` under `ParamsOrigin` (PROTOCOL.md §9).
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
pub struct ForumParams<Balance> {
	/// How many citation hops a propagation follows (at most [`MAX_REFERENCE_CHAIN_LIMIT`]).
	pub reference_chain_limit: u32,
	/// The most Σ |reference weight| of one post may be, in ppm (at most 1_000_000).
	pub revaluation_limit: u32,
	/// Native tokens held from the submitter until a pool first judges the post.
	pub post_deposit: Balance,
}

impl<Balance: Default> Default for ForumParams<Balance> {
	/// PROTOCOL.md §9: chain limit 3, revaluation limit 1_000_000 ppm; no deposit.
	fn default() -> Self {
		Self {
			reference_chain_limit: 3,
			revaluation_limit: guild_primitives::PPM,
			post_deposit: Balance::default(),
		}
	}
}

/// Authors of a post with their weights in ppm (summing to 1_000_000, first author first).
pub type AuthorsOf<T> =
	BoundedVec<(<T as frame_system::Config>::AccountId, u32), <T as Config>::MaxAuthors>;
/// Citations of a post with their weights in ppm.
pub type ReferencesOf<T> = BoundedVec<(RefTarget, i32), <T as Config>::MaxReferences>;
/// Where the work product lives off chain.
pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLen>;

/// A forum post. Its content, authors and references never change; its value, status and
/// deposit follow propagations and pools.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Post<T: Config> {
	/// Authors with weights in ppm; the first takes rounding remainders.
	pub authors: AuthorsOf<T>,
	/// Citations of older posts or of the Incinerator, with weights in ppm.
	pub references: ReferencesOf<T>,
	/// Hash of the work product.
	pub content_hash: H256,
	/// Where the work product can be fetched.
	pub uri: UriOf<T>,
	/// REP currently attributed to the post.
	pub value: Rep,
	/// Open until a pool ratifies or rejects it.
	pub status: PostStatus,
	/// The account that signed the submission and paid the deposit.
	pub submitter: T::AccountId,
	/// Native tokens still held for this post: the deposit until a pool first judges it
	/// (ratified or rejected), then 0.
	pub deposit: BalanceOf<T>,
	/// Block the post was submitted in.
	pub block: BlockNumberFor<T>,
}
