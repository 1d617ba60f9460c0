//! Records of the availability stakes and the pallet's parameters.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use guild_primitives::{Rep, RequestId};
use scale_info::TypeInfo;

/// One REP: REP has the native token's 12 decimals (PROTOCOL.md §1: one REP unit per token unit).
pub const ONE_REP: Rep = 1_000_000_000_000;

/// Blocks in 90 days at Guild's 6-second block time: the default `max_availability_period`.
pub const NINETY_DAYS_OF_BLOCKS: u32 = 90 * 24 * 600;

/// The availability parameters of PROTOCOL.md §9, changed by `set_params`.
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
pub struct AvailabilityParams<BlockNumber> {
	/// The smallest availability stake an expert may hold after a `stake_availability` call.
	/// At least one unit.
	pub min_availability_stake: Rep,
	/// How far ahead of the current block a stake's expiry may lie, in blocks (§6: no eternal
	/// stakes). At least one block.
	pub max_availability_period: BlockNumber,
}

impl<BlockNumber: From<u32>> Default for AvailabilityParams<BlockNumber> {
	/// PROTOCOL.md §9: one REP, 90 days.
	fn default() -> Self {
		Self {
			min_availability_stake: ONE_REP,
			max_availability_period: NINETY_DAYS_OF_BLOCKS.into(),
		}
	}
}

/// The availability stake of one expert.
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
pub struct ExpertStake<BlockNumber> {
	/// REP held from the expert for the stake's kind (`StakeKind::hold_reason`).
	pub amount: Rep,
	/// The stake can be drawn in blocks before `until` and withdrawn from `until` on.
	pub until: BlockNumber,
	/// The work request the stake is bound to, if it was drawn (`Requests` stakes only).
	pub bound: Option<RequestId>,
	/// The block the stake was first made: older stakes come first on ties in the election.
	pub since: BlockNumber,
}

/// A stake the draw may pick: unbound. Expired ones stay listed (they are skipped by the draw)
/// until withdrawn, extended or evicted to make room.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Candidate<AccountId, BlockNumber> {
	/// The expert.
	pub who: AccountId,
	/// Their stake: the draw's weight.
	pub amount: Rep,
	/// Their expiry: drawable while `now < until`.
	pub until: BlockNumber,
	/// The block the stake was first made.
	pub since: BlockNumber,
}

/// Lets the benchmarks draw: makes the draw's randomness known in the current block.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Make `Config::Randomness` return a value in the current block (the runtime sets BABE's
	/// VRF output of the parent block, which a benchmark's genesis lacks).
	fn make_randomness();
}

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper for () {
	fn make_randomness() {}
}
