//! Records of the availability stakes and the pallet's parameters.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use guild_primitives::{Rep, RequestId};
use scale_info::TypeInfo;

/// One REP: REP has the native token's 12 decimals (PROTOCOL.md §1: one REP unit per token unit).
pub const ONE_REP: Rep = 1_000_000_000_000;

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
pub struct AvailabilityParams {
	/// The smallest availability stake an expert may hold after a `stake_availability` call.
	/// At least one unit.
	pub min_availability_stake: Rep,
}

impl Default for AvailabilityParams {
	/// PROTOCOL.md §9: one REP.
	fn default() -> Self {
		Self { min_availability_stake: ONE_REP }
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
	/// REP held from the expert as `RepHoldReason::Availability`.
	pub amount: Rep,
	/// The stake can be drawn in blocks before `until` and withdrawn from `until` on.
	pub until: BlockNumber,
	/// The work request the stake is bound to, if it was drawn.
	pub bound: Option<RequestId>,
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
}
