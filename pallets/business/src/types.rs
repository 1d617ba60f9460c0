//! The records of the work requests: parameters, the request state machine and the request.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use guild_primitives::{PoolId, PostId, Rep};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{BoundedVec, Perbill};

/// Blocks in an hour at Guild's 6-second block time.
pub const HOUR_OF_BLOCKS: u32 = 600;
/// Blocks in a day at Guild's 6-second block time.
pub const DAY_OF_BLOCKS: u32 = 24 * HOUR_OF_BLOCKS;
/// One GUILD in the native token's smallest unit (12 decimals): the default `min_request_fee`.
pub const ONE_GUILD: u128 = 1_000_000_000_000;

/// The work-request parameters of PROTOCOL.md §9, changed by `set_params`.
///
/// A request copies its deadlines when they are set, so a change applies to deadlines set from
/// then on.
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
pub struct BusinessParams<BlockNumber> {
	/// Blocks the drawn worker has to submit evidence. At least 1.
	pub evidence_timeout: BlockNumber,
	/// Blocks the customer has to review the evidence before the pool starts anyway. At least 1.
	pub review_timeout: BlockNumber,
	/// Share of a no-show's availability stake that is burned.
	pub no_show_slash: Perbill,
	/// Pools opened on one piece of evidence while the quorum is not met, before the fee is
	/// refunded. At least 1.
	pub max_validation_attempts: u32,
	/// Duration of a request's validation pool, in blocks; also the delay before a pool that
	/// could not be opened is tried again. Within the pools' own bounds.
	pub pool_duration: BlockNumber,
	/// The smallest fee of a request, and of a new attempt after a rejection (§11.6: no dust
	/// requests), in native token units. At least 1; a fee must also reach the pools'
	/// `min_pool_fee`.
	pub min_request_fee: u128,
	/// Times a request is drawn at most, no-shows and rejected attempts included; then it is
	/// refunded (or, after a rejection, closed). At least 1.
	pub max_draws: u32,
}

impl<BlockNumber: From<u32>> Default for BusinessParams<BlockNumber> {
	/// The runtime defaults of PROTOCOL.md §9 (pools last the pools' default of an hour).
	fn default() -> Self {
		Self {
			evidence_timeout: DAY_OF_BLOCKS.into(),
			review_timeout: DAY_OF_BLOCKS.into(),
			no_show_slash: Perbill::from_percent(50),
			max_validation_attempts: 3,
			pool_duration: HOUR_OF_BLOCKS.into(),
			min_request_fee: ONE_GUILD,
			max_draws: 3,
		}
	}
}

/// Where a work request stands (PROTOCOL.md §7):
///
/// ```text
/// submit ─> Drawing ─(hook, 2+ blocks later)─┬─> Assigned ──evidence──> EvidenceSubmitted
///             ^   ^                          └─> Pending ──an expert is available──> Assigned
///             │   └── no-show (draws left; else Refunded)
///             │                 EvidenceSubmitted ──review / timeout──> Validating ──> Done
///             │                                        quorum not met ──┴─> again, or Refunded
///             └── redraw (a new fee) ── AwaitingCustomer <── rejected (draws left; else Closed)
///                         cancel / no choice in time ──┴─> Cancelled / Closed
/// ```
///
/// §7's `Requested` is `Drawing`: the worker is drawn by the hook from the second block after
/// the one that asked for the draw, so the randomness (BABE's VRF output of the parent block) was
/// unknown when the request was submitted. The customer's fee is held in `Drawing`, `Pending`,
/// `Assigned` and `EvidenceSubmitted`, sits in the DAO account while `Validating`, and is gone
/// in `AwaitingCustomer` (a rejection paid it out) and in the final states (paid out as salary,
/// or returned). Every state that binds a worker (`Assigned`, `EvidenceSubmitted`, `Validating`)
/// ends by a deadline or a pool's end, so no request binds an expert for ever (§11.6).
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum RequestStatus<AccountId, BlockNumber> {
	/// Waiting for an expert, at position `ticket` of the pending queue.
	Pending { ticket: u64 },
	/// `worker` was drawn with a stake of `stake` REP (now bound) and must submit evidence by
	/// block `deadline`.
	Assigned { worker: AccountId, stake: Rep, deadline: BlockNumber },
	/// The evidence is `post`; after block `deadline` the pool starts without the customer's
	/// review. `start_failures` counts attempts to open the pool that failed.
	EvidenceSubmitted {
		worker: AccountId,
		post: PostId,
		deadline: BlockNumber,
		start_failures: u32,
	},
	/// Pool `pool` judges the evidence `post`; the fee is in the DAO account.
	Validating { worker: AccountId, post: PostId, pool: PoolId },
	/// The work was accepted (by `pool`, or by a pool on the post that was not this request's
	/// when `None`): the fee was paid out as REP salary. Final.
	Done { worker: AccountId, post: PostId, pool: Option<PoolId> },
	/// No pool met its quorum within `max_validation_attempts`: the fee is back with the
	/// customer. Final.
	Refunded,
	/// The customer cancelled; the fee is back with them. Final.
	Cancelled,
	/// The work was rejected and the request ended: the customer made no choice within
	/// `review_timeout`, or it had been drawn `max_draws` times. Final.
	Closed,
	/// Waiting for its draw, which the hook makes after block `at` (at the earliest two blocks
	/// after the block that asked for it); the fee is held.
	Drawing { at: BlockNumber },
	/// The work was rejected (its fee paid for the judgement): the customer may `redraw` with a
	/// new fee or `cancel` until block `deadline`; after it the request is `Closed`.
	AwaitingCustomer { deadline: BlockNumber },
}

impl<AccountId, BlockNumber> RequestStatus<AccountId, BlockNumber> {
	/// Whether the customer's fee is held for the request in this state.
	pub fn holds_fee(&self) -> bool {
		matches!(
			self,
			Self::Drawing { .. }
				| Self::Pending { .. }
				| Self::Assigned { .. }
				| Self::EvidenceSubmitted { .. }
		)
	}

	/// The worker whose stake is bound to the request in this state, if any.
	pub fn worker(&self) -> Option<&AccountId> {
		match self {
			Self::Assigned { worker, .. }
			| Self::EvidenceSubmitted { worker, .. }
			| Self::Validating { worker, .. } => Some(worker),
			_ => None,
		}
	}

	/// The block after which the hook acts on the request (its draw, the evidence or review
	/// timeout, the customer's choice), if any.
	pub fn deadline(&self) -> Option<&BlockNumber> {
		match self {
			Self::Assigned { deadline, .. }
			| Self::EvidenceSubmitted { deadline, .. }
			| Self::AwaitingCustomer { deadline } => Some(deadline),
			Self::Drawing { at } => Some(at),
			_ => None,
		}
	}
}

/// A request's status as this runtime stores it.
pub type RequestStatusOf<T> =
	RequestStatus<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// Where the specification of the work lives off chain.
pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLen>;
/// The accounts a request no longer draws (its no-shows and rejected workers).
pub type ExclusionsOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxExclusions>;

/// A work request.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Request<T: Config> {
	/// Who asked for the work and pays the fee.
	pub customer: T::AccountId,
	/// The fee in native tokens of the current attempt: the pool's fee, paid out as REP salary.
	pub fee: u128,
	/// Hash of the specification of the work.
	pub spec_hash: H256,
	/// Where the specification can be fetched.
	pub uri: UriOf<T>,
	/// Where the request stands.
	pub status: RequestStatusOf<T>,
	/// The block it was submitted in.
	pub submitted_at: BlockNumberFor<T>,
	/// Workers drawn for it so far (at most `max_draws`): the next draw's attempt number
	/// (mixed into its seed).
	pub draws: u32,
	/// Pools opened on the current evidence.
	pub pools: u32,
	/// The customer's verdict on the current evidence, if they gave one.
	pub verdict: Option<bool>,
	/// Experts not drawn for it again: no-shows and rejected workers, oldest first (the oldest
	/// is forgotten when the list is full).
	pub excluded: ExclusionsOf<T>,
}

/// Lets the benchmarks create what the pallet needs from its neighbours.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` a drawable availability stake (and the REP for it), without telling the
	/// work requests; and make the draw's randomness known in the current block.
	fn make_expert(who: &AccountId);
	/// Make the draw's randomness known in the current block (no expert needed). Nothing by
	/// default: a runtime whose randomness is always ready.
	fn make_randomness() {}
	/// Create an open post authored by `author` alone and return its id.
	fn create_post(author: &AccountId) -> PostId;
}
