//! The records of forum governance: the change a proposal carries, the stages it passes, the
//! proposal state machine and the pallet's parameters.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use guild_primitives::{ParamKey, PoolId, PostId, ProposalId};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Perbill;

/// The most stages a proposal may pass through.
pub const MAX_STAGES: u32 = 8;
/// The most pools one stage may take when the quorum is not met (`max_attempts` ceiling), so that
/// nobody can hold a parameter's proposal slot open for ever.
pub const MAX_ATTEMPTS: u32 = 16;
/// Blocks in an hour at Guild's 6-second block time: PROTOCOL.md §9's default pool duration, and
/// the default duration of every stage.
pub const HOUR_OF_BLOCKS: u32 = 600;
/// Blocks in a day at Guild's 6-second block time: PROTOCOL.md §9's default `upgrade_delay`.
pub const DAY_OF_BLOCKS: u32 = 24 * HOUR_OF_BLOCKS;
/// The default fee of one stage's pool: one GUILD at Guild's 12 decimals.
pub const DEFAULT_PROPOSAL_FEE: u128 = 1_000_000_000_000;
/// PROTOCOL.md §9's `proposal_deposit`: 10 GUILD at Guild's 12 decimals.
pub const DEFAULT_PROPOSAL_DEPOSIT: u128 = 10_000_000_000_000;
/// PROTOCOL.md §9's `upgrade_support`: 33%.
pub const DEFAULT_UPGRADE_SUPPORT: Perbill = Perbill::from_percent(33);

/// What a proposal changes when its last stage is accepted.
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
pub enum Change {
	/// Set the parameter `key` to `value` (in the unit [`ParamKey`] documents for it).
	SetParameter { key: ParamKey, value: u128 },
	/// Authorize the runtime whose code hashes (blake2-256) to `code_hash`; anyone may then
	/// submit the code with `system.applyAuthorizedUpgrade`.
	UpgradeRuntime { code_hash: H256 },
}

/// The rules of one stage's pool. `stake_for_author` and `redistribute_losing_stakes` follow the
/// validation pools' parameters in force when the stage opens.
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
pub struct StageRules<BlockNumber> {
	/// Share of `total_rep + M` that must take part.
	pub quorum: Perbill,
	/// Share of the staked REP that must be FOR (at least one half).
	pub win_ratio: Perbill,
	/// Share of a losing stake that is lost.
	pub binding: Perbill,
	/// Blocks the stage's pool takes stakes (within the pools' duration bounds).
	pub duration: BlockNumber,
}

/// The stages of a proposal, first to last.
pub type Stages<BlockNumber> = BoundedVec<StageRules<BlockNumber>, ConstU32<MAX_STAGES>>;

/// The governance parameters, changed by `set_params` (root or a proposal).
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct GovernanceParams<BlockNumber> {
	/// The stages a new proposal passes, first to last (1..=[`MAX_STAGES`]).
	pub stages: Stages<BlockNumber>,
	/// Pools one stage may take when the quorum is not met (1..=[`MAX_ATTEMPTS`]); the proposal
	/// expires after the last.
	pub max_attempts: u32,
	/// Native tokens paid into each stage's pool by the proposer (refunded by the pool when the
	/// quorum is not met). Above zero: a pool must mint REP.
	pub proposal_fee: u128,
	/// Native tokens held from the proposer until the proposal ends: returned when its change
	/// is made, forfeited to the fee salary otherwise (PROTOCOL.md §8).
	pub proposal_deposit: u128,
	/// Share of `total_rep` that accounts other than the post's authors must stake FOR in a
	/// runtime upgrade's last stage.
	pub upgrade_support: Perbill,
	/// Blocks between a runtime upgrade's last accepted stage and the authorization of its code.
	pub upgrade_delay: BlockNumber,
}

impl<BlockNumber: From<u32>> GovernanceParams<BlockNumber> {
	/// The default stages: binding 0% / 50% / 100%, win ratio 1/2, 3/5, 2/3, quorum 10%, an hour
	/// each.
	pub fn default_stages() -> alloc::vec::Vec<StageRules<BlockNumber>> {
		let stage = |binding: u32, win: Perbill| StageRules {
			quorum: Perbill::from_percent(10),
			win_ratio: win,
			binding: Perbill::from_percent(binding),
			duration: HOUR_OF_BLOCKS.into(),
		};
		alloc::vec![
			stage(0, Perbill::from_rational(1u32, 2u32)),
			stage(50, Perbill::from_rational(3u32, 5u32)),
			stage(100, Perbill::from_rational(2u32, 3u32)),
		]
	}
}

impl<BlockNumber: From<u32>> Default for GovernanceParams<BlockNumber> {
	fn default() -> Self {
		Self {
			stages: BoundedVec::truncate_from(Self::default_stages()),
			max_attempts: 3,
			proposal_fee: DEFAULT_PROPOSAL_FEE,
			proposal_deposit: DEFAULT_PROPOSAL_DEPOSIT,
			upgrade_support: DEFAULT_UPGRADE_SUPPORT,
			upgrade_delay: DAY_OF_BLOCKS.into(),
		}
	}
}

/// Where a proposal stands. `Voting` until it ends; the other states are final.
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
pub enum ProposalState<BlockNumber> {
	/// Stage `stage` (0 = the first) is being judged by `pool`, its `attempt`th pool (from 1).
	Voting { stage: u32, attempt: u32, pool: PoolId },
	/// Every stage accepted it and the change was applied (or the upgrade authorized) at `at`.
	Enacted { at: BlockNumber },
	/// Every stage accepted it but applying the change failed at `at` (for instance the value
	/// is no longer valid for its pallet); nothing changed.
	ApplyFailed { at: BlockNumber },
	/// Stage `stage` rejected it at `at`.
	Rejected { stage: u32, at: BlockNumber },
	/// Stage `stage` missed its quorum `max_attempts` times; it ended at `at`.
	Expired { stage: u32, at: BlockNumber },
	/// Stage `stage` could not open its pool at `at` (see the `ProposalAborted` event).
	Aborted { stage: u32, at: BlockNumber },
	/// The last stage accepted a runtime upgrade at `accepted`; its code hash is authorized at
	/// block `due` (`upgrade_delay` later), then the proposal is `Enacted`.
	Scheduled { accepted: BlockNumber, due: BlockNumber },
	/// The last stage (`stage`) accepted a runtime upgrade at `at`, but the FOR stakes of
	/// accounts other than the post's authors fell short of `upgrade_support × total_rep`.
	Unsupported { stage: u32, at: BlockNumber },
}

impl<BlockNumber> ProposalState<BlockNumber> {
	/// Whether the proposal is still being judged.
	pub fn is_voting(&self) -> bool {
		matches!(self, Self::Voting { .. })
	}

	/// Whether the proposal has not ended yet: in voting, or an accepted upgrade waiting for its
	/// authorization. It holds its deposit and its parameter's (or the upgrade's) slot.
	pub fn is_open(&self) -> bool {
		matches!(self, Self::Voting { .. } | Self::Scheduled { .. })
	}
}

/// A proposal: a forum post that carries one change through the stages.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Proposal<AccountId, BlockNumber> {
	/// The post the stages' pools judge.
	pub post: PostId,
	/// The author of the post who proposed it: pays the stage fees.
	pub proposer: AccountId,
	/// What happens when the last stage accepts it.
	pub change: Change,
	/// Fee of each stage's pool, fixed when proposed.
	pub fee: u128,
	/// Native tokens held from the proposer while the proposal is open (`proposal_deposit` when
	/// proposed).
	pub deposit: u128,
	/// The stages, fixed when proposed: later changes to the parameters apply to new proposals.
	pub stages: Stages<BlockNumber>,
	/// Pools a stage may take when the quorum is not met, fixed when proposed.
	pub max_attempts: u32,
	/// Block it was proposed in.
	pub proposed_at: BlockNumber,
	/// Where it stands.
	pub state: ProposalState<BlockNumber>,
}

impl<AccountId, BlockNumber> Proposal<AccountId, BlockNumber> {
	/// Stage fees still held from the proposer: one per stage that has not opened yet.
	pub fn fees_held(&self) -> u128 {
		match self.state {
			ProposalState::Voting { stage, .. } => {
				let left = (self.stages.len() as u32).saturating_sub(stage.saturating_add(1));
				self.fee.saturating_mul(left as u128)
			},
			_ => 0,
		}
	}
}

/// A runtime upgrade whose last stage was accepted, waiting for `upgrade_delay` to pass.
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
pub struct ScheduledUpgrade<BlockNumber> {
	/// The proposal that carries it.
	pub proposal: ProposalId,
	/// The hash of the code to authorize.
	pub code_hash: H256,
	/// The first block in which the code is authorized.
	pub due: BlockNumber,
}

/// Lets the benchmarks create what the pallet needs from its neighbours.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Create an open post authored by `author` alone and return its id.
	fn create_post(author: &AccountId) -> PostId;
	/// Bring the pools and the forum to the state they are in when the pools pallet reports
	/// that `pool` on `post` ended with `outcome`: the post has no open pool any more, and it is
	/// ratified (`Accepted`) or rejected (`Rejected`).
	fn end_pool(pool: PoolId, post: PostId, outcome: guild_primitives::PoolOutcome);
}

/// A condition on parameters that depend on each other (PROTOCOL.md §8) that does not hold; see
/// `Pallet::check_joint`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum JointBreach {
	/// Fewer than two stages.
	TooFewStages,
	/// The stage with this index lasts outside the pools' duration bounds.
	StageDuration(u32),
	/// The work requests' pool lasts outside the pools' duration bounds.
	BusinessDuration,
	/// The stage fee is below the pools' minimum fee.
	ProposalFee,
	/// The smallest request fee is below the pools' minimum fee.
	RequestFee,
}
