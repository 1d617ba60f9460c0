//! Types and traits shared by Guild's pallets.
//!
//! One pallet reaches another only through these traits, wired together by the runtime: the
//! forum and the validation pools move REP through [`ReputationLedger`], the pools ratify posts and
//! propagate minted REP through [`Forum`], and the work-request and governance pallets open pools
//! through [`ValidationPools`] and hear their outcome through [`OnPoolResolved`].
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod agenda;
pub use agenda::{Agenda, Walked};

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::pallet_prelude::Weight;
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult, Perbill};

/// An amount of reputation. REP has no transfer; only the protocol moves it.
pub type Rep = u128;
/// Sequential id of a forum post.
pub type PostId = u64;
/// Sequential id of a validation pool.
pub type PoolId = u64;
/// The most validators a session can have: BABE's and GRANDPA's authority limit in Guild's
/// runtime (PROTOCOL.md §9 `validator_count`'s hard maximum).
pub const MAX_VALIDATORS: u32 = 100;
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
	Debug,
)]
pub enum RepHoldReason {
	/// Staked for or against a post in a validation pool.
	PoolStake,
	/// Staked as an expert's availability for work requests.
	Availability,
	/// Staked as a validator candidate's availability for block production (PROTOCOL.md §12).
	BlockProduction,
}

/// The kind of an availability stake (PROTOCOL.md §6): one stake per kind per account.
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
pub enum StakeKind {
	/// Drawn for work requests (§7).
	Requests,
	/// Elected to produce blocks (§12).
	BlockProduction,
}

impl StakeKind {
	/// The REP hold of a stake of this kind.
	pub fn hold_reason(self) -> RepHoldReason {
		match self {
			Self::Requests => RepHoldReason::Availability,
			Self::BlockProduction => RepHoldReason::BlockProduction,
		}
	}
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
	/// REP in the unowned pot.
	fn unowned() -> Rep;
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
	Debug,
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
	Debug,
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
	Debug,
)]
pub struct PoolRules {
	/// Share of `total_rep` (before the pool) that accounts other than the post's authors must
	/// stake (the consent quorum).
	pub quorum: Perbill,
	/// Share of the staked REP that must be FOR for acceptance (a tie passes).
	pub win_ratio: Perbill,
	/// Share of a losing stake that is lost.
	pub binding: Perbill,
	/// Whether lost stakes go to the winners (else they are burned).
	pub redistribute_losing_stakes: bool,
	/// Share of the minted REP staked FOR in the authors' name.
	pub stake_for_author: Perbill,
	/// Share of the fee kept for the fee salary when the quorum is not met.
	pub quorum_miss_fee: Perbill,
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
	Debug,
)]
pub struct Tally {
	/// REP staked for, the authors' minted stake included.
	pub for_total: Rep,
	/// REP staked against, the unowned minted stake included.
	pub against_total: Rep,
	/// REP staked for by accounts that are not authors of the post (the consent of §4).
	pub consent_for: Rep,
	/// REP staked against by accounts that are not authors of the post.
	pub consent_against: Rep,
}

impl Tally {
	/// The consent of §4: REP staked by accounts that are not authors of the post.
	pub fn consent(&self) -> Rep {
		self.consent_for.saturating_add(self.consent_against)
	}
}

/// Told when a pool is resolved. Implemented by pallets that open pools for their own purpose.
pub trait OnPoolResolved {
	/// `pool` on `post` ended with `outcome`. Returns the weight it used.
	fn on_pool_resolved(pool: PoolId, post: PostId, outcome: PoolOutcome, tally: Tally) -> Weight;
	/// The most weight [`OnPoolResolved::on_pool_resolved`] may use: an evaluation's declared
	/// weight includes it.
	fn max_weight() -> Weight;
}

impl OnPoolResolved for () {
	fn on_pool_resolved(_: PoolId, _: PostId, _: PoolOutcome, _: Tally) -> Weight {
		Weight::zero()
	}
	fn max_weight() -> Weight {
		Weight::zero()
	}
}

/// Opening pools from other pallets. Implemented by `pallet-validation-pool`.
pub trait ValidationPools<AccountId, Balance, BlockNumber> {
	/// Open a protocol pool on `post` (PROTOCOL.md §4: the work-request, governance and
	/// block-production rules open pools on the posts they own): `fee` moves from `initiator` to
	/// the DAO account. `rules` overrides the pool parameters (governance stages); `worker_stake`
	/// counts REP that `worker` already holds as availability as a FOR stake of theirs. A
	/// protocol pool never fails for lack of room: when its end block is full it ends in the next
	/// block with room.
	fn open(
		initiator: &AccountId,
		post: PostId,
		fee: Balance,
		duration: BlockNumber,
		rules: Option<PoolRules>,
		worker_stake: Option<(AccountId, Rep)>,
	) -> Result<PoolId, DispatchError>;
	/// The open pool on `post`, if any.
	fn pool_of(post: PostId) -> Option<PoolId>;
	/// The smallest fee a pool may have (`min_pool_fee`).
	fn min_fee() -> Balance;
	/// The shortest and the longest pool, in blocks (`pool_duration_min`, `pool_duration_max`).
	fn duration_bounds() -> (BlockNumber, BlockNumber);
	/// The duration of a pool opened without one (`pool_duration_default`).
	fn default_duration() -> BlockNumber;
	/// The pool parameters as [`PoolRules`] (what a pool without rules of its own is judged by).
	fn default_rules() -> PoolRules;
}

/// Posts that belong to a protocol rule (work-request evidence, governance proposals, session
/// reports): only the pallet that owns such a post opens pools on it (PROTOCOL.md §4).
/// Implemented by `pallet-business` and `pallet-governance`; the runtime gives the pools a tuple.
pub trait ProtocolPosts {
	/// Whether `post` belongs to a protocol rule.
	fn is_protocol_post(post: PostId) -> bool;
}

impl ProtocolPosts for () {
	fn is_protocol_post(_: PostId) -> bool {
		false
	}
}

impl<A: ProtocolPosts, B: ProtocolPosts> ProtocolPosts for (A, B) {
	fn is_protocol_post(post: PostId) -> bool {
		A::is_protocol_post(post) || B::is_protocol_post(post)
	}
}

impl<A: ProtocolPosts, B: ProtocolPosts, C: ProtocolPosts> ProtocolPosts for (A, B, C) {
	fn is_protocol_post(post: PostId) -> bool {
		A::is_protocol_post(post) || B::is_protocol_post(post) || C::is_protocol_post(post)
	}
}

/// A worker's availability stake, as the validation pools see it when the worker loses: the
/// availability hold has one owner, `pallet-availability`, which implements this; the pools never
/// slash the hold themselves.
pub trait WorkerLosses<AccountId> {
	/// Move up to `amount` of the availability stake of `who` into the unowned pot (the pool then
	/// redistributes or burns it). Returns the REP moved.
	fn lose(who: &AccountId, amount: Rep) -> Rep;
	/// The most weight one [`WorkerLosses::lose`] uses.
	fn lose_weight() -> Weight;
}

/// No workers: nothing is ever taken.
impl<AccountId> WorkerLosses<AccountId> for () {
	fn lose(_: &AccountId, _: Rep) -> Rep {
		0
	}
	fn lose_weight() -> Weight {
		Weight::zero()
	}
}

/// Sequential id of a governance proposal.
pub type ProposalId = u32;

/// How the `u128` value of a governed parameter is read, and so how a proposal may change it.
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
pub enum ParamKind {
	/// A count, an amount or a number of blocks: a change is bounded to ×½..×2 of the current
	/// value (from zero, any value).
	Number,
	/// A `Perbill` as parts per billion (`1_000_000_000` = 100%): at most one whole, and bounded
	/// to ×½..×2 of the current value like a number.
	Fraction,
	/// A boolean: `0` is false, `1` is true; a proposal may flip it.
	Flag,
}

/// A parameter of PROTOCOL.md §9 that forum proposals may change, named by pallet and field.
///
/// The value of each is a `u128` in the unit its variant documents. A runtime that lacks the
/// pallet of a key reports no current value for it ([`GovernedParameters::current`] is `None`),
/// and proposals on it are refused. Codec indices are fixed so that keys can be added later
/// without changing the encoding of the existing ones.
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
pub enum ParamKey {
	/// Validation pools: REP minted per unit of fee, as a `FixedU128` inner value
	/// (`1_000_000_000_000_000_000` = 1).
	#[codec(index = 0)]
	PoolMintingRatio,
	/// Validation pools: share of the minted REP staked for the authors (parts per billion).
	#[codec(index = 1)]
	PoolStakeForAuthor,
	/// Validation pools: quorum (parts per billion).
	#[codec(index = 2)]
	PoolQuorum,
	/// Validation pools: win ratio (parts per billion).
	#[codec(index = 3)]
	PoolWinRatio,
	/// Validation pools: binding (parts per billion).
	#[codec(index = 4)]
	PoolBinding,
	/// Validation pools: whether lost stakes go to the winners (`1`) or are burned (`0`).
	#[codec(index = 5)]
	PoolRedistributeLosingStakes,
	/// Validation pools: shortest pool, in blocks.
	#[codec(index = 6)]
	PoolDurationMin,
	/// Validation pools: duration of a pool initiated without one, in blocks.
	#[codec(index = 7)]
	PoolDurationDefault,
	/// Validation pools: longest pool, in blocks.
	#[codec(index = 8)]
	PoolDurationMax,
	/// Validation pools: the smallest fee of a pool, in native token units.
	#[codec(index = 9)]
	PoolMinFee,
	/// Validation pools: share of the fee kept for the fee salary when the quorum is not met
	/// (parts per billion).
	#[codec(index = 10)]
	PoolQuorumMissFee,
	/// Forum: how many citation hops a propagation follows.
	#[codec(index = 16)]
	ForumReferenceChainLimit,
	/// Forum: the most Σ |reference weight| of a post may be, in ppm.
	#[codec(index = 17)]
	ForumRevaluationLimit,
	/// Forum: native tokens held from a post's submitter until it is ratified.
	#[codec(index = 18)]
	ForumPostDeposit,
	/// Availability: the smallest availability stake, in REP.
	#[codec(index = 32)]
	AvailabilityMinStake,
	/// Availability: how far ahead, in blocks, a stake's expiry may lie.
	#[codec(index = 33)]
	AvailabilityMaxPeriod,
	/// Work requests: blocks the drawn worker has to submit evidence.
	#[codec(index = 48)]
	BusinessEvidenceTimeout,
	/// Work requests: blocks the customer has to review the evidence.
	#[codec(index = 49)]
	BusinessReviewTimeout,
	/// Work requests: share of a no-show's availability stake that is burned (parts per billion).
	#[codec(index = 50)]
	BusinessNoShowSlash,
	/// Work requests: pools tried when the quorum is not met, before the fee is refunded.
	#[codec(index = 51)]
	BusinessMaxValidationAttempts,
	/// Work requests: duration of a request's validation pool, in blocks.
	#[codec(index = 52)]
	BusinessPoolDuration,
	/// Work requests: the smallest request fee, in native token units.
	#[codec(index = 53)]
	BusinessMinRequestFee,
	/// Work requests: how many times a request is drawn before it is refunded.
	#[codec(index = 54)]
	BusinessMaxDraws,
	/// Governance: how many staged pools a proposal passes through.
	#[codec(index = 64)]
	GovernanceStageCount,
	/// Governance: quorum of the stage with this index (0 = the first), parts per billion.
	#[codec(index = 65)]
	GovernanceStageQuorum(u32),
	/// Governance: win ratio of the stage with this index (0 = the first), parts per billion.
	#[codec(index = 66)]
	GovernanceStageWinRatio(u32),
	/// Governance: binding of the stage with this index (0 = the first), parts per billion.
	#[codec(index = 67)]
	GovernanceStageBinding(u32),
	/// Governance: duration in blocks of the stage with this index (0 = the first).
	#[codec(index = 68)]
	GovernanceStageDuration(u32),
	/// Governance: pools a stage may take when the quorum is not met, before the proposal
	/// expires.
	#[codec(index = 69)]
	GovernanceMaxAttempts,
	/// Governance: the fee of each stage's pool, in native token units, paid by the proposer.
	#[codec(index = 70)]
	GovernanceProposalFee,
	/// Governance: native tokens held from a proposer until the proposal is enacted (forfeited
	/// to the fee salary when it fails).
	#[codec(index = 71)]
	GovernanceProposalDeposit,
	/// Governance: share of `total_rep` that non-authors must stake FOR in a runtime upgrade's
	/// last stage (parts per billion).
	#[codec(index = 72)]
	GovernanceUpgradeSupport,
	/// Governance: blocks between a runtime upgrade's acceptance and its authorization.
	#[codec(index = 73)]
	GovernanceUpgradeDelay,
	/// Block production: the most validators elected for a session.
	#[codec(index = 80)]
	ValidatorCount,
	/// Block production: the smallest `BlockProduction` stake that can be elected, in REP.
	#[codec(index = 81)]
	MinValidatorStake,
	/// Block production: the consent quorum of a session report's pool (parts per billion).
	#[codec(index = 82)]
	SessionReportQuorum,
	/// Block production: the win ratio of a session report's pool (parts per billion).
	#[codec(index = 83)]
	SessionReportWinRatio,
	/// Block production: share of an equivocating validator's `BlockProduction` stake that is
	/// burned (parts per billion).
	#[codec(index = 84)]
	EquivocationSlash,
}

impl ParamKey {
	/// How the value of this parameter is read.
	pub fn kind(&self) -> ParamKind {
		match self {
			Self::PoolStakeForAuthor
			| Self::PoolQuorum
			| Self::PoolWinRatio
			| Self::PoolBinding
			| Self::PoolQuorumMissFee
			| Self::GovernanceUpgradeSupport
			| Self::BusinessNoShowSlash
			| Self::SessionReportQuorum
			| Self::SessionReportWinRatio
			| Self::EquivocationSlash
			| Self::GovernanceStageQuorum(_)
			| Self::GovernanceStageWinRatio(_)
			| Self::GovernanceStageBinding(_) => ParamKind::Fraction,
			Self::PoolRedistributeLosingStakes => ParamKind::Flag,
			_ => ParamKind::Number,
		}
	}
}

/// Why a governed value cannot be read as its parameter's type. The governance pallet names each
/// with an error of its own.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ParamValueError {
	/// A fraction above one whole (more than a billion parts per billion).
	FractionAboveOne,
	/// A flag other than `0` or `1`.
	NotAFlag,
	/// A count, an amount or a number of blocks above what its type holds.
	ValueTooLarge,
}

/// Why a pallet did not set one of its parameters.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SetParamError {
	/// The value cannot be read as the parameter's type.
	Value(ParamValueError),
	/// The pallet's own checks of its parameter set refused it (its named error).
	Refused(DispatchError),
}

impl From<ParamValueError> for SetParamError {
	fn from(e: ParamValueError) -> Self {
		Self::Value(e)
	}
}

impl From<DispatchError> for SetParamError {
	fn from(e: DispatchError) -> Self {
		Self::Refused(e)
	}
}

/// Reading a governed `u128` as the type its parameter has.
pub mod param_value {
	use super::ParamValueError;
	use sp_runtime::Perbill;

	/// Parts per billion: at most one whole.
	pub fn fraction(value: u128) -> Result<Perbill, ParamValueError> {
		u32::try_from(value)
			.ok()
			.filter(|v| *v <= 1_000_000_000)
			.map(Perbill::from_parts)
			.ok_or(ParamValueError::FractionAboveOne)
	}

	/// `0` or `1`.
	pub fn flag(value: u128) -> Result<bool, ParamValueError> {
		match value {
			0 => Ok(false),
			1 => Ok(true),
			_ => Err(ParamValueError::NotAFlag),
		}
	}

	/// A count or a number of blocks.
	pub fn small<N: TryFrom<u128>>(value: u128) -> Result<N, ParamValueError> {
		N::try_from(value).map_err(|_| ParamValueError::ValueTooLarge)
	}
}

/// A pallet that owns some of the governed parameters: it alone knows how its keys map onto its
/// `Params`. The runtime lists the owners in a tuple, which asks each in turn, so the runtime's
/// parameter mapping is a dispatch and holds no knowledge of any pallet's parameters.
pub trait ParameterOwner {
	/// The value of `key` now, in the unit [`ParamKey`] documents, or `None` if `key` is not
	/// this pallet's (or is a stage that does not exist).
	fn param(key: ParamKey) -> Option<u128>;
	/// Set `key` to `value` through the same checks as the pallet's `set_params` (and its
	/// `ParamsSet` event). `Ok(false)` if `key` is not this pallet's; on an error nothing changed.
	fn set_param(key: ParamKey, value: u128) -> Result<bool, SetParamError>;
}

/// No owner: no parameter.
impl ParameterOwner for () {
	fn param(_key: ParamKey) -> Option<u128> {
		None
	}
	fn set_param(_key: ParamKey, _value: u128) -> Result<bool, SetParamError> {
		Ok(false)
	}
}

macro_rules! impl_parameter_owner_for_tuples {
	($($name:ident),+) => {
		impl<$($name: ParameterOwner),+> ParameterOwner for ($($name,)+) {
			fn param(key: ParamKey) -> Option<u128> {
				None$(.or_else(|| $name::param(key)))+
			}
			fn set_param(key: ParamKey, value: u128) -> Result<bool, SetParamError> {
				$(if $name::set_param(key, value)? {
					return Ok(true);
				})+
				Ok(false)
			}
		}
	};
}
impl_parameter_owner_for_tuples!(A);
impl_parameter_owner_for_tuples!(A, B);
impl_parameter_owner_for_tuples!(A, B, C);
impl_parameter_owner_for_tuples!(A, B, C, D);
impl_parameter_owner_for_tuples!(A, B, C, D, E);
impl_parameter_owner_for_tuples!(A, B, C, D, E, F);

/// The hard range `(min, max)` of each governed parameter (PROTOCOL.md §8): fixed by the runtime,
/// so that no proposal can move it.
pub trait HardRanges {
	/// The range of `key`; `None` if it has none (then no proposal may change it).
	fn hard_range(key: ParamKey) -> Option<(u128, u128)>;
}

/// The parameters of every pallet, as governance reads and changes them. Implemented by the
/// runtime, which knows each pallet's `Params` and `set_params`.
pub trait GovernedParameters {
	/// The value of `key` now, in the unit [`ParamKey`] documents, or `None` if this runtime has
	/// no such parameter.
	fn current(key: ParamKey) -> Option<u128>;
	/// Set `key` to `value`, as the ratified `proposal` asks, through the owning pallet's own
	/// checks (those of its `set_params`). All or nothing: on an error nothing changed.
	fn apply(proposal: ProposalId, key: ParamKey, value: u128) -> DispatchResult;
	/// The hard range `(min, max)` of `key`, fixed by the runtime: no proposal may leave it
	/// (PROTOCOL.md §8). `None` if this runtime has no such parameter.
	fn hard_range(key: ParamKey) -> Option<(u128, u128)>;
	/// Check `key = value` together with the parameters that depend on it, as they are now
	/// (PROTOCOL.md §8: every stage and business duration within the pools' duration bounds, at
	/// least two stages, fees at least the pools' minimum), so that no sequence of accepted
	/// proposals can make governance impossible. Changes nothing.
	fn check_together(key: ParamKey, value: u128) -> DispatchResult;
}

/// Opening the later stages of a staged vote. Implemented by `pallet-validation-pool`.
///
/// A governance proposal is one post judged by several pools in turn; the first accepted pool
/// ratifies the post, so the later pools open on a post that is already `Ratified`, which
/// [`ValidationPools::open`] refuses.
pub trait ValidationStages<AccountId, Balance, BlockNumber> {
	/// As [`ValidationPools::open`] with `rules` and no worker stake, but the post may be `Open`
	/// or `Ratified` (not `Rejected`). The pool settles as any other: accepted, it ratifies the
	/// post again (nothing changes) and propagates its minted REP; rejected, it rejects the post.
	fn open_stage(
		initiator: &AccountId,
		post: PostId,
		fee: Balance,
		duration: BlockNumber,
		rules: PoolRules,
	) -> Result<PoolId, DispatchError>;
}

/// Every listener hears every resolved pool (the runtime gives the pools
/// `(WorkRequests, Governance)`); each ignores the pools that are not its own.
impl<A: OnPoolResolved, B: OnPoolResolved> OnPoolResolved for (A, B) {
	fn on_pool_resolved(pool: PoolId, post: PostId, outcome: PoolOutcome, tally: Tally) -> Weight {
		A::on_pool_resolved(pool, post, outcome, tally)
			.saturating_add(B::on_pool_resolved(pool, post, outcome, tally))
	}
	fn max_weight() -> Weight {
		A::max_weight().saturating_add(B::max_weight())
	}
}

impl<A: OnPoolResolved, B: OnPoolResolved, C: OnPoolResolved> OnPoolResolved for (A, B, C) {
	fn on_pool_resolved(pool: PoolId, post: PostId, outcome: PoolOutcome, tally: Tally) -> Weight {
		A::on_pool_resolved(pool, post, outcome, tally)
			.saturating_add(B::on_pool_resolved(pool, post, outcome, tally))
			.saturating_add(C::on_pool_resolved(pool, post, outcome, tally))
	}
	fn max_weight() -> Weight {
		A::max_weight().saturating_add(B::max_weight()).saturating_add(C::max_weight())
	}
}

/// Sequential id of a work request (`pallet-business`).
pub type RequestId = u64;

/// The experts' availability stakes, as the work requests see them (PROTOCOL.md §6). Implemented
/// by `pallet-availability`; used by `pallet-business` to draw, bind, release and slash experts.
///
/// A stake is *drawable* while it is not bound to a request and has not expired. A drawn stake is
/// bound to its request until [`ExpertPool::release`].
pub trait ExpertPool<AccountId> {
	/// Draw one drawable stake for attempt `attempt` of `request`, at random weighted by stake,
	/// leaving out the accounts in `exclude`, and bind it to `request`. Returns the expert and
	/// their stake, or `None` when no stake can be drawn (nothing is bound then).
	fn draw(request: RequestId, attempt: u32, exclude: &[AccountId]) -> Option<(AccountId, Rep)>;
	/// Unbind the stake of `who` from its request: it can be drawn again (if unexpired) or
	/// withdrawn (if expired). Does nothing when `who` has no bound stake.
	fn release(who: &AccountId);
	/// Burn `fraction` of the stake of `who` (rounded down). Returns the REP burned.
	fn slash(who: &AccountId, fraction: Perbill) -> Rep;
	/// The availability stake of `who` (0 if none).
	fn stake_of(who: &AccountId) -> Rep;
	/// The request the stake of `who` is bound to, if any.
	fn assignment(who: &AccountId) -> Option<RequestId>;
	/// The most weight one [`ExpertPool::draw`] uses.
	fn draw_weight() -> Weight;
	/// The most weight one [`ExpertPool::release`] or [`ExpertPool::slash`] uses.
	fn release_weight() -> Weight;
}

/// The `BlockProduction` stakes, as the validator election sees them (PROTOCOL.md §12).
/// Implemented by `pallet-availability`.
pub trait BlockProductionStakes<AccountId> {
	/// The unexpired `BlockProduction` stakes with their amounts, older stakes first.
	fn candidates() -> Vec<(AccountId, Rep)>;
	/// Burn `fraction` of the `BlockProduction` stake of `who` (rounded down). Returns the REP
	/// burned.
	fn slash(who: &AccountId, fraction: Perbill) -> Rep;
	/// The `BlockProduction` stake of `who` (0 if none).
	fn stake_of(who: &AccountId) -> Rep;
}

/// Whether a `BlockProduction` stake must stay where it is: its owner validates now, is elected
/// for the next session, or validated recently enough to be reported for an equivocation.
/// Implemented by `pallet-validator-set`.
pub trait StakeLock<AccountId> {
	/// Whether the `BlockProduction` stake of `who` may not be withdrawn now.
	fn is_locked(who: &AccountId) -> bool;
}

impl<AccountId> StakeLock<AccountId> for () {
	fn is_locked(_: &AccountId) -> bool {
		false
	}
}

/// Posts that the protocol itself writes to the forum (session reports). Implemented by
/// `pallet-forum`.
pub trait ProtocolForum<AccountId> {
	/// Post, with `author` as its only author, citing `references` (older posts, weights in
	/// ppm), with no deposit. Returns the new post's id.
	fn post(
		author: &AccountId,
		references: Vec<(PostId, i32)>,
		content_hash: [u8; 32],
	) -> Result<PostId, DispatchError>;
}

/// Told when an expert's stake becomes drawable through a call of theirs (a new stake, a top-up
/// or an extension), so that waiting work requests can be assigned. Implemented by
/// `pallet-business`. Not called from [`ExpertPool::release`]: whoever releases knows already.
pub trait OnExpertAvailable<AccountId> {
	/// The stake of `who` can be drawn now. Returns the weight used.
	fn on_expert_available(who: &AccountId) -> Weight;
	/// The most weight [`OnExpertAvailable::on_expert_available`] may use: the calling
	/// extrinsic's declared weight includes it.
	fn max_weight() -> Weight;
}

impl<AccountId> OnExpertAvailable<AccountId> for () {
	fn on_expert_available(_: &AccountId) -> Weight {
		Weight::zero()
	}
	fn max_weight() -> Weight {
		Weight::zero()
	}
}

/// The REP of one account, as [`ReputationApi::rep_of`] reports it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Default, Debug)]
pub struct RepInfo {
	/// REP the account can stake.
	pub free: Rep,
	/// REP held as stakes in validation pools ([`RepHoldReason::PoolStake`]).
	pub held_pool: Rep,
	/// REP held as an availability stake ([`RepHoldReason::Availability`]).
	pub held_availability: Rep,
	/// REP held as a block-production stake ([`RepHoldReason::BlockProduction`]).
	pub held_block_production: Rep,
}

/// The REP ledger's totals, as [`ReputationApi::totals`] reports them. Always
/// `total_rep + unowned = total_minted − total_burned`.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Default, Debug)]
pub struct RepTotals {
	/// Σ (free + held) over all accounts.
	pub total_rep: Rep,
	/// REP minted into open validation pools that no account owns yet.
	pub unowned: Rep,
	/// All REP ever minted, genesis included.
	pub total_minted: Rep,
	/// All REP ever burned.
	pub total_burned: Rep,
}

sp_api::decl_runtime_apis! {
	/// What wallets and front ends ask of the REP ledger without computing it by hand.
	/// Implemented by the runtime over `pallet-reputation`.
	pub trait ReputationApi<AccountId> where AccountId: codec::Codec {
		/// The free and held REP of `who` (all zero for an account without REP).
		fn rep_of(who: AccountId) -> RepInfo;
		/// The fees, in the native token's smallest unit, that `who` could claim now with
		/// `reputation.claim_fees`.
		fn claimable_fees(who: AccountId) -> u128;
		/// The ledger's totals.
		fn totals() -> RepTotals;
	}
}
