//! # Governance
//!
//! PROTOCOL.md §8: every parameter of §9 changes by an on-chain call under each pallet's
//! `ParamsOrigin`, which the runtime sets to **root or a ratified forum proposal**
//! (`EitherOfDiverse<EnsureRoot<AccountId>, EnsureProposal>`); and so does the runtime code.
//!
//! - [`Pallet::propose`]: an author of an open forum post makes it a proposal carrying one
//!   [`Change`]: a new value for one [`ParamKey`], or the hash of a new runtime.
//! - The proposal passes through **staged validation pools** on its post, each stricter than the
//!   last. By default three stages: binding 0% / 50% / 100%, win ratio 1/2, 3/5, 2/3, quorum 10%,
//!   an hour each. Stage count and each stage's rules are themselves governed parameters of this
//!   pallet ([`Params`], [`ParamKey::GovernanceStageCount`] and the following keys).
//! - A stage that is **Rejected** ends the proposal. A stage whose quorum is not met is tried
//!   again, up to `max_attempts` pools, then the proposal **expires**.
//! - When the last stage is **Accepted** a parameter change is applied in that very block,
//!   through [`GovernedParameters::apply`] (the runtime's [`OwnedParameters`] asks the pallet that
//!   owns the key, which applies the checks and event of its own `set_params`). A runtime hash also needs the FOR stakes of
//!   non-authors in that last stage to reach `upgrade_support × total_rep`; it is then
//!   **scheduled** and authorized through `frame_system`'s upgrade authorization (with version
//!   checks) `upgrade_delay` blocks later, in `on_initialize`, so that anyone can then call
//!   `system.applyAuthorizedUpgrade(code)`.
//! - Proposing holds `proposal_deposit` ([`HoldReason::ProposalDeposit`]): returned when the
//!   change is made, forfeited to the fee salary ([`Config::Salary`]) when the proposal ends any
//!   other way.
//!
//! The stages' outcomes arrive through [`OnPoolResolved`]; pools that are not a proposal's
//! current stage are ignored ([`ProposalOfPool`] maps a pool to its proposal).
//!
//! ## Rules this pallet decided (PROTOCOL.md is silent)
//!
//! - **Who proposes.** The signer must be an author of the post; the post must be `Open` (not yet
//!   judged by any pool), have no open pool (`PostHasOpenPool`) and carry no proposal yet: a post
//!   carries at most one proposal, ever (so an expired proposal cannot be re-proposed on the same
//!   post for free). A post that carries a proposal belongs to governance for good
//!   ([`ProtocolPosts`]): only its stages open pools on it.
//! - **One at a time.** At most one proposal in voting per [`ParamKey`]
//!   (`ParameterAlreadyProposed`) and one runtime upgrade, in voting or waiting for its
//!   authorization (`UpgradeAlreadyProposed`): so at most one upgrade is ever scheduled.
//! - **Bounds** (checked when proposed and again when applied, against the value in force):
//!   - a number (count, amount, blocks, `FixedU128` inner value) may move within ×½..×2 of the
//!     current value, exactly (`2·new ≥ current` and `new ≤ 2·current`); from zero, ×2 of nothing
//!     is nothing, so the ratio puts no bound and the hard range alone does;
//!   - every value stays within the key's **hard range**, fixed by the runtime
//!     ([`GovernedParameters::hard_range`], `OutsideHardRange`);
//!   - parameters that depend on each other are checked together
//!     ([`GovernedParameters::check_together`]; the runtime's implementation is
//!     [`Pallet::check_joint`]): every stage of new proposals and the work requests' pool within
//!     the pools' duration bounds, at least two stages, the stage fee and the smallest request
//!     fee at least the pools' minimum fee. Only a breach the change would introduce is refused,
//!     so a breach root left behind blocks nothing else and can be repaired step by step;
//!   - a `Perbill` (parts per billion) is bounded the same way and may not exceed 100%
//!     (`FractionAboveOne`); so a non-zero fraction never reaches zero, only 1 ppb;
//!   - a boolean is `0` or `1` (`NotAFlag`) and may be flipped;
//!   - a proposal that sets the value in force changes nothing and is refused (`ValueUnchanged`);
//!   - the change is **dry-run** when proposed (applied and rolled back), so a value its pallet
//!     would refuse (for instance a default pool duration below the shortest pool) fails
//!     `propose` with that pallet's error rather than three stages later. Every check runs again
//!     when the last stage accepts: if one fails then (root or another proposal changed a
//!     related parameter meanwhile), the proposal ends `ApplyFailed` with a `ChangeFailed` event,
//!     nothing changes, and the deposit is forfeited as for any proposal whose change was not
//!     made.
//! - **Fees.** Each stage's pool costs `proposal_fee` (a governed parameter), paid by the proposer
//!   like any pool fee: into the DAO account, then out to REP holders as salary; refunded by the
//!   pool when its quorum is not met, so a retry costs nothing more. The first stage's fee is paid
//!   when proposing; the fees of the later stages are **held** from the proposer
//!   ([`HoldReason::ProposalFees`]) and released into each stage's pool as it opens, so a proposal
//!   that passed a stage can always pay for the next. A proposal that ends early gets its remaining
//!   fees released.
//! - **Snapshot.** A proposal keeps the stages, attempts limit, fee and deposit in force when it
//!   was proposed; `set_params` applies to new proposals. `upgrade_support` and `upgrade_delay`
//!   are read when an upgrade's last stage is judged: safety settings apply at once.
//! - **Deposit.** Returned only with the change made (`Enacted`; for an upgrade, when it is
//!   authorized). Rejected, expired, refused when applied, aborted or short of upgrade support:
//!   the deposit is paid into the DAO account and out as fee salary. So holding a parameter's
//!   slot with a proposal nobody backs costs the squatter the deposit (PROTOCOL.md §11.5).
//! - **Upgrade support.** `total_rep` is read when this pallet hears the last stage's outcome,
//!   after the pool's settlement: it differs from the total the pool judged its quorum by only
//!   by that settlement (REP the pool minted and granted to the winners, less REP burned), small
//!   next to all REP. The requirement is `consent_for ≥ ⌈upgrade_support × total_rep⌉`.
//! - **Pool rules.** A stage's pool is judged by the stage's quorum, win ratio and binding;
//!   `stake_for_author` and `redistribute_losing_stakes` are the pools' own parameters
//!   ([`Config::PoolDefaults`]) when the stage opens.
//! - **Ratification and REP.** Every stage is a full validation pool (PROTOCOL.md §4): its fee
//!   mints REP, accepted it propagates `for_minted` into the post (the authors earn REP at every
//!   stage passed), losers lose the stage's binding. The first accepted stage ratifies the post
//!   (releasing the forum deposit); the later stages open on the ratified post
//!   ([`ValidationStages::open_stage`]), accepting ratifies it again (no change), rejecting marks
//!   it `Rejected`: the post's status records the latest verdict.
//! - **A stage that cannot open** (the pools refuse it: the stage's snapshot duration is outside
//!   bounds the pools changed since, the proposer can no longer pay a retry) ends the proposal
//!   `Aborted` with a `ProposalAborted` event carrying the pools' error.
//! - **Upgrades.** A ratified runtime hash is authorized with version checks (`check_version =
//!   true`): the code must keep the spec name and raise the spec version. An authorization replaces
//!   any earlier one that was not applied. The scheduled upgrade ([`PendingUpgrade`], at most one)
//!   is authorized by `on_initialize` in its due block: bounded, and nothing waits for a
//!   volunteer, so there is no call for it.
//! - Finished proposals stay in [`Proposals`] with their final state, as `pallet-referenda` keeps
//!   finished referenda; each needs its own post (deposit) and stage fee.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::EnsureOrigin;
use guild_primitives::{
	GovernedParameters, HardRanges, ParamKey, ParameterOwner, ProposalId, SetParamError,
};

const LOG_TARGET: &str = "runtime::governance";

/// Passes the origin of a ratified proposal ([`Origin::Proposal`]) and yields its id.
///
/// The runtime gives every pallet `EitherOfDiverse<EnsureRoot<AccountId>, EnsureProposal>` as
/// its `ParamsOrigin`.
pub struct EnsureProposal;

impl<O: Into<Result<Origin, O>> + From<Origin>> EnsureOrigin<O> for EnsureProposal {
	type Success = ProposalId;

	fn try_origin(o: O) -> Result<ProposalId, O> {
		o.into().map(|origin| match origin {
			Origin::Proposal(id) => id,
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Proposal(0)))
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		pallet_prelude::*,
		storage::{with_storage_layer, with_transaction},
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Preservation, Restriction},
		},
	};
	use frame_system::pallet_prelude::*;
	use guild_primitives::{
		param_value, FeeSalary, Forum as ForumT, OnPoolResolved, ParamKind, ParamValueError,
		PoolId, PoolOutcome, PoolRules, PostId, PostStatus, ProtocolPosts, ReputationLedger, Tally,
		ValidationPools, ValidationStages,
	};
	use sp_core::H256;
	use sp_runtime::{traits::UniqueSaturatedInto, Perbill, Saturating, TransactionOutcome};

	/// The governance parameters as this runtime stores them.
	pub type ParamsOf<T> = GovernanceParams<BlockNumberFor<T>>;
	/// A stage's rules as this runtime stores them.
	pub type StageRulesOf<T> = StageRules<BlockNumberFor<T>>;
	/// A proposal as this runtime stores it.
	pub type ProposalOf<T> = Proposal<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// An accepted runtime upgrade waiting for its authorization, as this runtime stores it.
	pub type ScheduledUpgradeOf<T> = ScheduledUpgrade<BlockNumberFor<T>>;

	/// Parts per billion in a whole `Perbill`.
	const BILLION: u128 = 1_000_000_000;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<Hash = H256, RuntimeEvent: From<Event<Self>>> {
		/// The native token: stage fees are paid into pools and the later ones held meanwhile.
		type Currency: Mutate<Self::AccountId, Balance = u128>
			+ MutateHold<Self::AccountId, Reason: From<HoldReason>>;

		/// The forum whose posts are proposals (`pallet-forum`).
		type Forum: ForumT<Self::AccountId>;

		/// Opens the stages' pools (`pallet-validation-pool`); the runtime also gives this pallet
		/// as the pools' `OnPoolResolved` (in a tuple with the work-request pallet).
		type Pools: ValidationPools<Self::AccountId, u128, BlockNumberFor<Self>>
			+ ValidationStages<Self::AccountId, u128, BlockNumberFor<Self>>;

		/// The posts other protocol rules own (work-request evidence): a proposal on one would
		/// open a pool that only its owner may open (PROTOCOL.md §4).
		type OtherProtocolPosts: guild_primitives::ProtocolPosts;

		/// The pools' current rules, for what a stage does not set (`stake_for_author`,
		/// `redistribute_losing_stakes`).
		type PoolDefaults: Get<PoolRules>;

		/// Reads and applies every pallet's governed parameters (implemented by the runtime).
		type Parameters: GovernedParameters;

		/// The REP ledger (`pallet-reputation`): `total_rep` when a runtime upgrade's last stage
		/// is judged, for `upgrade_support`.
		type Reputation: ReputationLedger<Self::AccountId>;

		/// The fee salary (`pallet-reputation`): forfeited proposal deposits are paid into the
		/// DAO account and shared among the REP holders.
		type Salary: FeeSalary<Self::AccountId, u128>;

		/// Who may change [`Params`]: root or a ratified proposal.
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls and stage transitions.
		type WeightInfo: WeightInfo;

		/// Creates posts and ends pools for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The origin of a call dispatched by a ratified proposal: the runtime dispatches the owning
	/// pallet's `set_params` with it when the proposal's last stage is accepted.
	#[pallet::origin]
	#[derive(
		PartialEq, Eq, Clone, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
	)]
	pub enum Origin {
		/// The proposal with this id passed every stage.
		Proposal(ProposalId),
	}

	/// Why this pallet holds native tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The fees of a proposal's stages that have not opened yet.
		#[codec(index = 0)]
		ProposalFees,
		/// The proposal deposit, held until the proposal ends (PROTOCOL.md §8).
		#[codec(index = 1)]
		ProposalDeposit,
	}

	/// The stages of new proposals, their attempts limit and the fee of each stage's pool.
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, ParamsOf<T>, ValueQuery>;

	/// The id the next proposal gets. Proposal ids are sequential from 0.
	#[pallet::storage]
	pub type NextProposalId<T: Config> = StorageValue<_, ProposalId, ValueQuery>;

	/// Every proposal: its post, change, stages and where it stands (the stage and pool while
	/// voting, the outcome once ended).
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Twox64Concat, ProposalId, ProposalOf<T>>;

	/// The proposal a post carries. A post carries at most one, ever.
	#[pallet::storage]
	pub type ProposalOfPost<T: Config> = StorageMap<_, Twox64Concat, PostId, ProposalId>;

	/// The proposal whose current stage a pool judges; removed when the pool is resolved.
	#[pallet::storage]
	pub type ProposalOfPool<T: Config> = StorageMap<_, Twox64Concat, PoolId, ProposalId>;

	/// The proposal in voting that changes a parameter: one per parameter.
	#[pallet::storage]
	pub type ProposalOfParameter<T: Config> = StorageMap<_, Twox64Concat, ParamKey, ProposalId>;

	/// The runtime-upgrade proposal in voting or waiting for its authorization, if any: one at a
	/// time.
	#[pallet::storage]
	pub type UpgradeProposal<T: Config> = StorageValue<_, ProposalId, OptionQuery>;

	/// The accepted runtime upgrade waiting `upgrade_delay` blocks for its authorization, if any
	/// (at most one: the upgrade slot stays taken until it is authorized). `on_initialize`
	/// authorizes it in its due block.
	#[pallet::storage]
	pub type PendingUpgrade<T: Config> = StorageValue<_, ScheduledUpgradeOf<T>, OptionQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The stages of a proposal, first to last (1..=8); three by default.
		pub stages: alloc::vec::Vec<StageRulesOf<T>>,
		/// Pools a stage may take when the quorum is not met (1..=16); 3 by default.
		pub max_attempts: u32,
		/// Native tokens paid into each stage's pool by the proposer.
		pub proposal_fee: u128,
		/// Native tokens held from the proposer until the proposal ends; 10 GUILD by default.
		pub proposal_deposit: u128,
		/// Share of `total_rep` a runtime upgrade's last stage needs as FOR stakes of
		/// non-authors; 33% by default.
		pub upgrade_support: Perbill,
		/// Blocks from a runtime upgrade's acceptance to its authorization; a day by default.
		pub upgrade_delay: BlockNumberFor<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			let p = ParamsOf::<T>::default();
			Self {
				stages: p.stages.into_inner(),
				max_attempts: p.max_attempts,
				proposal_fee: p.proposal_fee,
				proposal_deposit: p.proposal_deposit,
				upgrade_support: p.upgrade_support,
				upgrade_delay: p.upgrade_delay,
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let params = ParamsOf::<T> {
				stages: BoundedVec::try_from(self.stages.clone())
					.expect("governance genesis has at most MAX_STAGES stages"),
				max_attempts: self.max_attempts,
				proposal_fee: self.proposal_fee,
				proposal_deposit: self.proposal_deposit,
				upgrade_support: self.upgrade_support,
				upgrade_delay: self.upgrade_delay,
			};
			Pallet::<T>::validate_params(&params).expect("governance genesis params are valid");
			Params::<T>::put(params);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `proposer` made `post` proposal `proposal`, carrying `change` through `stages` stages
		/// at `fee` each, and `deposit` is held from them until it ends.
		Proposed {
			proposal: ProposalId,
			post: PostId,
			proposer: T::AccountId,
			change: Change,
			stages: u32,
			fee: u128,
			deposit: u128,
		},
		/// Stage `stage` (0 = the first) of `proposal` opened `pool`, its `attempt`th try.
		StageStarted { proposal: ProposalId, stage: u32, attempt: u32, pool: PoolId },
		/// `pool` accepted stage `stage` of `proposal`.
		StagePassed {
			proposal: ProposalId,
			stage: u32,
			pool: PoolId,
			for_total: u128,
			against_total: u128,
		},
		/// `pool` rejected stage `stage` of `proposal`: the proposal ended.
		StageFailed {
			proposal: ProposalId,
			stage: u32,
			pool: PoolId,
			for_total: u128,
			against_total: u128,
		},
		/// `pool` missed its quorum: stage `stage` of `proposal` is tried again, attempt
		/// `attempt`.
		StageRetried { proposal: ProposalId, stage: u32, pool: PoolId, attempt: u32 },
		/// `pool` missed its quorum on the last attempt of stage `stage`: the proposal expired.
		ProposalExpired { proposal: ProposalId, stage: u32, pool: PoolId },
		/// Stage `stage` of `proposal` could not open its pool (`error`): the proposal ended.
		ProposalAborted { proposal: ProposalId, stage: u32, error: DispatchError },
		/// `proposal` passed every stage and set `key` from `old` to `new`.
		ParameterChanged { proposal: ProposalId, key: ParamKey, old: u128, new: u128 },
		/// `proposal` passed every stage: the runtime with `code_hash` is authorized at block
		/// `due`, `upgrade_delay` blocks from now.
		UpgradeScheduled { proposal: ProposalId, code_hash: H256, due: BlockNumberFor<T> },
		/// `proposal`'s delay passed and the runtime with `code_hash` is authorized: anyone may
		/// now submit it with `system.applyAuthorizedUpgrade`.
		UpgradeAuthorized { proposal: ProposalId, code_hash: H256 },
		/// The last stage (`pool`) of runtime-upgrade `proposal` was accepted, but the FOR stakes
		/// of non-authors (`consent_for`) fell short of `upgrade_support × total_rep`
		/// (`required`): the proposal failed.
		UpgradeSupportNotMet {
			proposal: ProposalId,
			pool: PoolId,
			consent_for: u128,
			required: u128,
		},
		/// `proposal` ended with its change made: its `deposit` went back to `who`.
		DepositReturned { proposal: ProposalId, who: T::AccountId, amount: u128 },
		/// `proposal` ended without its change: `amount` of the deposit of `who` joined the fee
		/// salary.
		DepositForfeited { proposal: ProposalId, who: T::AccountId, amount: u128 },
		/// `proposal` passed every stage but its change was refused (`error`); nothing changed.
		ChangeFailed { proposal: ProposalId, error: DispatchError },
		/// The governance parameters changed; they apply to proposals made from now on.
		ParamsSet { params: ParamsOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no such post.
		UnknownPost,
		/// Only an author of the post may propose it.
		NotAnAuthor,
		/// The post was already ratified or rejected by a pool.
		PostNotOpen,
		/// The post already carries a proposal.
		PostAlreadyProposed,
		/// This runtime has no such parameter (or no such stage).
		UnknownParameter,
		/// A proposal on this parameter is still in voting.
		ParameterAlreadyProposed,
		/// A runtime-upgrade proposal is still in voting.
		UpgradeAlreadyProposed,
		/// The proposed value is the value in force.
		ValueUnchanged,
		/// The change is outside ×½..×2 of the value in force.
		ChangeOutOfBounds,
		/// A fraction may be at most 1_000_000_000 parts per billion (100%).
		FractionAboveOne,
		/// A boolean parameter takes 0 (false) or 1 (true).
		NotAFlag,
		/// The value does not fit the parameter's type.
		ValueTooLarge,
		/// The proposer cannot pay every stage's fee and stay alive.
		InsufficientBalance,
		/// No more proposal ids.
		ProposalIdOverflow,
		/// A proposal needs at least one stage.
		NoStages,
		/// At most `MAX_STAGES` (8) stages.
		TooManyStages,
		/// A stage's win ratio must be at least one half.
		WinRatioBelowHalf,
		/// A stage must last at least one block.
		ZeroStageDuration,
		/// `max_attempts` must lie in 1..=`MAX_ATTEMPTS` (16).
		AttemptsOutOfRange,
		/// The stage fee must be above zero: a pool must mint REP.
		ZeroProposalFee,
		/// The value is outside the parameter's hard range, which the runtime fixes and no
		/// proposal can change.
		OutsideHardRange,
		/// The post has an open validation pool: it cannot carry a proposal.
		PostHasOpenPool,
		/// The post belongs to another protocol rule (a work request's evidence).
		PostOwnedByAnotherRule,
		/// With this change a governance stage would last less than the pools' shortest or more
		/// than their longest duration.
		StageDurationOutsidePoolBounds,
		/// With this change the work requests' pool duration would lie outside the pools'
		/// duration bounds.
		BusinessDurationOutsidePoolBounds,
		/// With this change proposals would pass fewer than two stages.
		TooFewStages,
		/// With this change the stage fee would be below the pools' minimum fee.
		ProposalFeeBelowMinPoolFee,
		/// With this change the smallest request fee would be below the pools' minimum fee.
		RequestFeeBelowMinPoolFee,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Authorize the accepted runtime upgrade whose delay has passed (at most one).
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			match PendingUpgrade::<T>::get() {
				Some(scheduled) if scheduled.due <= n => {
					Self::authorize(scheduled, n);
					T::WeightInfo::authorize_upgrade()
				},
				_ => T::DbWeight::get().reads(1),
			}
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The most stages a proposal may pass through.
		#[allow(non_snake_case)]
		pub fn MaxStages() -> u32 {
			MAX_STAGES
		}

		/// The most pools one stage may take when the quorum is not met.
		#[allow(non_snake_case)]
		pub fn MaxAttempts() -> u32 {
			MAX_ATTEMPTS
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Make your open forum `post` a proposal carrying `change`: set one parameter
		/// (`SetParameter { key, value }`, within ×½..×2 of its current value and within its
		/// hard range, and consistent with the parameters that depend on it) or authorize a
		/// runtime (`UpgradeRuntime { code_hash }`).
		///
		/// You must be an author of the post, which no pool may be judging. The first stage's
		/// pool opens now and you pay its fee (`proposal_fee`); the fees of the later stages are
		/// held from you until they open, and `proposal_deposit` until the proposal ends: it
		/// comes back when the change is made, and joins the fee salary otherwise. When the last
		/// stage accepts, a parameter is set in that block; a runtime is authorized
		/// `upgrade_delay` blocks later, if non-authors staked `upgrade_support` of all REP FOR.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose())]
		pub fn propose(origin: OriginFor<T>, post: PostId, change: Change) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let authors = T::Forum::authors(post).ok_or(Error::<T>::UnknownPost)?;
			ensure!(authors.iter().any(|(a, _)| *a == who), Error::<T>::NotAnAuthor);
			ensure!(T::Forum::status(post) == Some(PostStatus::Open), Error::<T>::PostNotOpen);
			ensure!(!ProposalOfPost::<T>::contains_key(post), Error::<T>::PostAlreadyProposed);
			ensure!(T::Pools::pool_of(post).is_none(), Error::<T>::PostHasOpenPool);
			ensure!(
				!<T::OtherProtocolPosts as guild_primitives::ProtocolPosts>::is_protocol_post(post),
				Error::<T>::PostOwnedByAnotherRule
			);
			let id = NextProposalId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::ProposalIdOverflow)?;
			match change {
				Change::SetParameter { key, value } => {
					ensure!(
						!ProposalOfParameter::<T>::contains_key(key),
						Error::<T>::ParameterAlreadyProposed
					);
					let current =
						T::Parameters::current(key).ok_or(Error::<T>::UnknownParameter)?;
					ensure!(value != current, Error::<T>::ValueUnchanged);
					Self::check_change(key, current, value)?;
					// The owning pallet's own checks, now rather than after the last stage.
					with_transaction(|| {
						TransactionOutcome::Rollback(T::Parameters::apply(id, key, value))
					})?;
				},
				Change::UpgradeRuntime { .. } => ensure!(
					UpgradeProposal::<T>::get().is_none(),
					Error::<T>::UpgradeAlreadyProposed
				),
			}

			let params = Params::<T>::get();
			let first = *params.stages.first().ok_or(Error::<T>::NoStages)?;
			let stage_count = params.stages.len() as u32;
			let fee = params.proposal_fee;
			let deposit = params.proposal_deposit;
			let later_fees = fee.saturating_mul(stage_count.saturating_sub(1) as u128);
			ensure!(
				T::Currency::reducible_balance(&who, Preservation::Preserve, Fortitude::Polite)
					>= fee.saturating_add(later_fees).saturating_add(deposit),
				Error::<T>::InsufficientBalance
			);

			// Checks done: effects from here on (the call is transactional).
			let pool = T::Pools::open(
				&who,
				post,
				fee,
				first.duration,
				Some(Self::pool_rules(&first)),
				None,
			)?;
			if later_fees > 0 {
				T::Currency::hold(&HoldReason::ProposalFees.into(), &who, later_fees)
					.map_err(|_| Error::<T>::InsufficientBalance)?;
			}
			if deposit > 0 {
				T::Currency::hold(&HoldReason::ProposalDeposit.into(), &who, deposit)
					.map_err(|_| Error::<T>::InsufficientBalance)?;
			}
			let proposal = Proposal {
				post,
				proposer: who.clone(),
				change,
				fee,
				deposit,
				stages: params.stages,
				max_attempts: params.max_attempts,
				proposed_at: frame_system::Pallet::<T>::block_number(),
				state: ProposalState::Voting { stage: 0, attempt: 1, pool },
			};
			match change {
				Change::SetParameter { key, .. } => ProposalOfParameter::<T>::insert(key, id),
				Change::UpgradeRuntime { .. } => UpgradeProposal::<T>::put(id),
			}
			Proposals::<T>::insert(id, proposal);
			ProposalOfPost::<T>::insert(post, id);
			ProposalOfPool::<T>::insert(pool, id);
			NextProposalId::<T>::put(next);
			Self::deposit_event(Event::<T>::Proposed {
				proposal: id,
				post,
				proposer: who,
				change,
				stages: stage_count,
				fee,
				deposit,
			});
			Self::deposit_event(Event::<T>::StageStarted {
				proposal: id,
				stage: 0,
				attempt: 1,
				pool,
			});
			Ok(())
		}

		/// Change the governance parameters: the stages (1..=8, each with a quorum, a win ratio
		/// of at least one half, a binding and a duration of at least one block), the pools a
		/// stage may take when its quorum is not met (1..=16), each stage's fee (above zero), the
		/// proposal deposit, and a runtime upgrade's support and delay. The stages, attempts, fee
		/// and deposit apply to proposals made from now on; support and delay to upgrades judged
		/// from now on.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_params())]
		// Boxed so that the call enum stays small; unboxed at once.
		#[allow(clippy::boxed_local)]
		pub fn set_params(origin: OriginFor<T>, params: Box<ParamsOf<T>>) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			Self::put_params(*params)
		}
	}

	impl<T: Config> OnPoolResolved for Pallet<T> {
		/// A stage's pool ended: pass to the next stage, retry, end the proposal or apply its
		/// change. Pools that are not a proposal's current stage are ignored.
		fn on_pool_resolved(
			pool: PoolId,
			post: PostId,
			outcome: PoolOutcome,
			tally: Tally,
		) -> Weight {
			let Some(id) = ProposalOfPool::<T>::take(pool) else {
				return T::DbWeight::get().reads(1);
			};
			// Not reached: `ProposalOfPool` indexes exactly the current pools of the proposals in
			// voting (`do_try_state`).
			let Some(mut proposal) = Proposals::<T>::get(id) else {
				frame_support::defensive!("a pool points to a missing proposal", (pool, id));
				return T::DbWeight::get().reads_writes(2, 1);
			};
			let ProposalState::Voting { stage, attempt, pool: current } = proposal.state else {
				frame_support::defensive!("a pool points to an ended proposal", (pool, id));
				return T::DbWeight::get().reads_writes(2, 1);
			};
			if current != pool || proposal.post != post {
				frame_support::defensive!(
					"a pool is not its proposal's current stage",
					(pool, post, id, current)
				);
			}
			let now = frame_system::Pallet::<T>::block_number();
			let Tally { for_total, against_total, .. } = tally;
			let weight = match outcome {
				PoolOutcome::Accepted => {
					Self::deposit_event(Event::<T>::StagePassed {
						proposal: id,
						stage,
						pool,
						for_total,
						against_total,
					});
					if stage.saturating_add(1) >= proposal.stages.len() as u32 {
						Self::enact(id, &mut proposal, stage, pool, &tally, now)
					} else {
						Self::advance(id, &mut proposal, stage.saturating_add(1), 1, now);
						T::WeightInfo::stage_passed()
					}
				},
				PoolOutcome::Rejected => {
					Self::deposit_event(Event::<T>::StageFailed {
						proposal: id,
						stage,
						pool,
						for_total,
						against_total,
					});
					Self::finish(id, &mut proposal, ProposalState::Rejected { stage, at: now });
					T::WeightInfo::stage_failed()
				},
				PoolOutcome::QuorumNotMet => {
					if attempt < proposal.max_attempts {
						let attempt = attempt.saturating_add(1);
						Self::deposit_event(Event::<T>::StageRetried {
							proposal: id,
							stage,
							pool,
							attempt,
						});
						Self::advance(id, &mut proposal, stage, attempt, now);
						T::WeightInfo::stage_retried()
					} else {
						Self::deposit_event(Event::<T>::ProposalExpired {
							proposal: id,
							stage,
							pool,
						});
						Self::finish(id, &mut proposal, ProposalState::Expired { stage, at: now });
						T::WeightInfo::stage_failed()
					}
				},
			};
			Proposals::<T>::insert(id, proposal);
			weight
		}

		fn max_weight() -> Weight {
			T::WeightInfo::stage_passed()
				.max(T::WeightInfo::stage_failed())
				.max(T::WeightInfo::stage_retried())
				.max(T::WeightInfo::enact_parameter())
				.max(T::WeightInfo::enact_upgrade())
		}
	}

	impl JointBreach {
		/// The named error of this breach.
		pub fn error<T: Config>(self) -> Error<T> {
			match self {
				Self::TooFewStages => Error::<T>::TooFewStages,
				Self::StageDuration(_) => Error::<T>::StageDurationOutsidePoolBounds,
				Self::BusinessDuration => Error::<T>::BusinessDurationOutsidePoolBounds,
				Self::ProposalFee => Error::<T>::ProposalFeeBelowMinPoolFee,
				Self::RequestFee => Error::<T>::RequestFeeBelowMinPoolFee,
			}
		}
	}

	impl<T: Config> ProtocolPosts for Pallet<T> {
		/// A post that carries a proposal, open or ended, belongs to governance for good: only
		/// its stages judge it (PROTOCOL.md §4, §11.5).
		fn is_protocol_post(post: PostId) -> bool {
			ProposalOfPost::<T>::contains_key(post)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Check a parameter set, with a named error for what is wrong.
		pub fn validate_params(params: &ParamsOf<T>) -> DispatchResult {
			ensure!(!params.stages.is_empty(), Error::<T>::NoStages);
			for stage in params.stages.iter() {
				ensure!(
					stage.win_ratio >= Perbill::from_percent(50),
					Error::<T>::WinRatioBelowHalf
				);
				ensure!(!stage.duration.is_zero(), Error::<T>::ZeroStageDuration);
			}
			ensure!(
				(1..=MAX_ATTEMPTS).contains(&params.max_attempts),
				Error::<T>::AttemptsOutOfRange
			);
			ensure!(params.proposal_fee > 0, Error::<T>::ZeroProposalFee);
			Ok(())
		}

		/// Whether `value` is an allowed new value of `key` when `current` is in force (see the
		/// crate documentation): the kind's range, and ×½..×2 of a non-zero current value.
		pub fn check_bounds(key: ParamKey, current: u128, value: u128) -> DispatchResult {
			match key.kind() {
				ParamKind::Flag => ensure!(value <= 1, Error::<T>::NotAFlag),
				kind => {
					if kind == ParamKind::Fraction {
						ensure!(value <= BILLION, Error::<T>::FractionAboveOne);
					}
					if current != 0 {
						// Exact: new ≥ current / 2 and new ≤ current × 2.
						ensure!(
							value.saturating_mul(2) >= current
								&& value <= current.saturating_mul(2),
							Error::<T>::ChangeOutOfBounds
						);
					}
				},
			}
			Ok(())
		}

		/// Whether `value` may replace `current` as the value of `key`, by a proposal now: within
		/// ×½..×2 ([`Pallet::check_bounds`]), within the hard range the runtime fixes
		/// ([`GovernedParameters::hard_range`], `OutsideHardRange`), and consistent with the
		/// parameters that depend on it ([`GovernedParameters::check_together`]).
		pub fn check_change(key: ParamKey, current: u128, value: u128) -> DispatchResult {
			Self::check_bounds(key, current, value)?;
			let (min, max) = T::Parameters::hard_range(key).ok_or(Error::<T>::UnknownParameter)?;
			ensure!(min <= value && value <= max, Error::<T>::OutsideHardRange);
			T::Parameters::check_together(key, value)
		}

		/// PROTOCOL.md §8's checks of parameters that depend on each other, for the runtime's
		/// [`GovernedParameters::check_together`]: with `key` set to `value` (the others as
		/// [`GovernedParameters::current`] reads them), every stage of new proposals and the work
		/// requests' pool (if this runtime has them) last within the pools' duration bounds,
		/// there are at least two stages, and the stage fee and the smallest request fee are at
		/// least the pools' minimum fee.
		///
		/// Only a breach that the change would **introduce** is refused, with its named error: a
		/// breach already there (root may set anything) does not block other changes, and can be
		/// repaired step by step.
		pub fn check_joint(key: ParamKey, value: u128) -> DispatchResult {
			let before = Self::joint_breaches(None)?;
			match Self::joint_breaches(Some((key, value)))?
				.into_iter()
				.find(|b| !before.contains(b))
			{
				Some(breach) => Err(breach.error::<T>().into()),
				None => Ok(()),
			}
		}

		/// The joint conditions of [`Pallet::check_joint`] that do not hold with the parameters
		/// in force, or with `change` applied to them.
		pub fn joint_breaches(
			change: Option<(ParamKey, u128)>,
		) -> Result<alloc::vec::Vec<JointBreach>, DispatchError> {
			use ParamKey::*;
			let read = |k: ParamKey| match change {
				Some((key, value)) if key == k => Some(value),
				_ => T::Parameters::current(k),
			};
			let params = match change {
				Some((key, value)) if Self::is_own_key(key) => Self::params_with(key, value)?,
				_ => Params::<T>::get(),
			};
			let mut breaches = alloc::vec::Vec::new();
			if params.stages.len() < 2 {
				breaches.push(JointBreach::TooFewStages);
			}
			if let (Some(min), Some(max)) = (read(PoolDurationMin), read(PoolDurationMax)) {
				let outside = |d: u128| d < min || d > max;
				for (i, stage) in params.stages.iter().enumerate() {
					if outside(UniqueSaturatedInto::<u128>::unique_saturated_into(stage.duration)) {
						breaches.push(JointBreach::StageDuration(i as u32));
					}
				}
				if read(BusinessPoolDuration).is_some_and(outside) {
					breaches.push(JointBreach::BusinessDuration);
				}
			}
			if let Some(min_fee) = read(PoolMinFee) {
				if params.proposal_fee < min_fee {
					breaches.push(JointBreach::ProposalFee);
				}
				if read(BusinessMinRequestFee).is_some_and(|fee| fee < min_fee) {
					breaches.push(JointBreach::RequestFee);
				}
			}
			Ok(breaches)
		}

		/// Whether `key` is one of this pallet's parameters (a `Governance*` key).
		pub fn is_own_key(key: ParamKey) -> bool {
			use ParamKey::*;
			matches!(
				key,
				GovernanceStageCount
					| GovernanceStageQuorum(_)
					| GovernanceStageWinRatio(_)
					| GovernanceStageBinding(_)
					| GovernanceStageDuration(_)
					| GovernanceMaxAttempts
					| GovernanceProposalFee
					| GovernanceProposalDeposit
					| GovernanceUpgradeSupport
					| GovernanceUpgradeDelay
			)
		}

		/// The value of one of this pallet's governed parameters (`Governance*` keys), in the
		/// unit [`ParamKey`] documents; `None` for other keys and stages that do not exist. For
		/// the runtime's [`GovernedParameters::current`].
		pub fn param_value(key: ParamKey) -> Option<u128> {
			let params = Params::<T>::get();
			let stage = |i: u32| params.stages.get(i as usize).copied();
			Some(match key {
				ParamKey::GovernanceStageCount => params.stages.len() as u128,
				ParamKey::GovernanceStageQuorum(i) => stage(i)?.quorum.deconstruct() as u128,
				ParamKey::GovernanceStageWinRatio(i) => stage(i)?.win_ratio.deconstruct() as u128,
				ParamKey::GovernanceStageBinding(i) => stage(i)?.binding.deconstruct() as u128,
				ParamKey::GovernanceStageDuration(i) => {
					UniqueSaturatedInto::<u128>::unique_saturated_into(stage(i)?.duration)
				},
				ParamKey::GovernanceMaxAttempts => params.max_attempts as u128,
				ParamKey::GovernanceProposalFee => params.proposal_fee,
				ParamKey::GovernanceProposalDeposit => params.proposal_deposit,
				ParamKey::GovernanceUpgradeSupport => params.upgrade_support.deconstruct() as u128,
				ParamKey::GovernanceUpgradeDelay => {
					UniqueSaturatedInto::<u128>::unique_saturated_into(params.upgrade_delay)
				},
				_ => return None,
			})
		}

		/// This pallet's name for a value that cannot be read as its parameter's type.
		pub fn value_error(e: ParamValueError) -> Error<T> {
			match e {
				ParamValueError::FractionAboveOne => Error::<T>::FractionAboveOne,
				ParamValueError::NotAFlag => Error::<T>::NotAFlag,
				ParamValueError::ValueTooLarge => Error::<T>::ValueTooLarge,
			}
		}

		/// A parameter value as a fraction in parts per billion: at most one (`FractionAboveOne`).
		pub fn fraction(value: u128) -> Result<Perbill, DispatchError> {
			param_value::fraction(value).map_err(|e| Self::value_error(e).into())
		}

		/// A parameter value as a count or a number of blocks (`ValueTooLarge` above `u32`).
		pub fn small<N: TryFrom<u128>>(value: u128) -> Result<N, DispatchError> {
			param_value::small(value).map_err(|e| Self::value_error(e).into())
		}

		/// Check `params` ([`Pallet::validate_params`]), put them in force and say so: what
		/// `set_params` does once its origin is checked.
		pub fn put_params(params: ParamsOf<T>) -> DispatchResult {
			Self::validate_params(&params)?;
			Params::<T>::put(&params);
			Self::deposit_event(Event::<T>::ParamsSet { params });
			Ok(())
		}

		/// The parameters in force with one `Governance*` key set to `value`, for the runtime's
		/// [`GovernedParameters::apply`] to pass to [`Pallet::set_params`]. A larger stage count
		/// repeats the last stage's rules; a smaller one drops the last stages.
		pub fn params_with(key: ParamKey, value: u128) -> Result<ParamsOf<T>, DispatchError> {
			let mut params = Params::<T>::get();
			let fraction = || Self::fraction(value);
			match key {
				ParamKey::GovernanceStageCount => {
					let count: u32 = Self::small(value)?;
					ensure!(count > 0, Error::<T>::NoStages);
					ensure!(count <= MAX_STAGES, Error::<T>::TooManyStages);
					let last = *params.stages.last().ok_or(Error::<T>::NoStages)?;
					let mut stages = params.stages.into_inner();
					stages.resize(count as usize, last);
					params.stages = BoundedVec::truncate_from(stages);
				},
				ParamKey::GovernanceStageQuorum(i) => {
					Self::stage_mut(&mut params, i)?.quorum = fraction()?
				},
				ParamKey::GovernanceStageWinRatio(i) => {
					Self::stage_mut(&mut params, i)?.win_ratio = fraction()?
				},
				ParamKey::GovernanceStageBinding(i) => {
					Self::stage_mut(&mut params, i)?.binding = fraction()?
				},
				ParamKey::GovernanceStageDuration(i) => {
					Self::stage_mut(&mut params, i)?.duration = Self::small(value)?;
				},
				ParamKey::GovernanceMaxAttempts => params.max_attempts = Self::small(value)?,
				ParamKey::GovernanceProposalFee => params.proposal_fee = value,
				ParamKey::GovernanceProposalDeposit => params.proposal_deposit = value,
				ParamKey::GovernanceUpgradeSupport => params.upgrade_support = fraction()?,
				ParamKey::GovernanceUpgradeDelay => params.upgrade_delay = Self::small(value)?,
				_ => return Err(Error::<T>::UnknownParameter.into()),
			}
			Ok(params)
		}

		fn stage_mut(
			params: &mut ParamsOf<T>,
			i: u32,
		) -> Result<&mut StageRulesOf<T>, DispatchError> {
			params
				.stages
				.get_mut(i as usize)
				.ok_or_else(|| Error::<T>::UnknownParameter.into())
		}

		/// The rules of a stage's pool: the stage's quorum, win ratio and binding over the pools'
		/// current rules.
		pub fn pool_rules(stage: &StageRulesOf<T>) -> PoolRules {
			PoolRules {
				quorum: stage.quorum,
				win_ratio: stage.win_ratio,
				binding: stage.binding,
				..T::PoolDefaults::get()
			}
		}

		/// Open the pool of `stage`'s `attempt`th try. A stage's first try takes its fee out of
		/// the proposer's hold. All or nothing.
		fn start_stage(
			id: ProposalId,
			proposal: &mut ProposalOf<T>,
			stage: u32,
			attempt: u32,
		) -> DispatchResult {
			let rules = *proposal.stages.get(stage as usize).ok_or(Error::<T>::NoStages)?;
			let pool_rules = Self::pool_rules(&rules);
			let (who, post, fee) = (&proposal.proposer, proposal.post, proposal.fee);
			let pool = with_storage_layer(|| -> Result<PoolId, DispatchError> {
				if stage > 0 && attempt == 1 {
					T::Currency::release(
						&HoldReason::ProposalFees.into(),
						who,
						fee,
						Precision::Exact,
					)?;
				}
				if stage == 0 {
					T::Pools::open(who, post, fee, rules.duration, Some(pool_rules), None)
				} else {
					// The first accepted stage ratified the post.
					T::Pools::open_stage(who, post, fee, rules.duration, pool_rules)
				}
			})?;
			ProposalOfPool::<T>::insert(pool, id);
			proposal.state = ProposalState::Voting { stage, attempt, pool };
			Self::deposit_event(Event::<T>::StageStarted { proposal: id, stage, attempt, pool });
			Ok(())
		}

		/// Start `stage`'s `attempt`th try, or end the proposal `Aborted` if its pool cannot open.
		fn advance(
			id: ProposalId,
			proposal: &mut ProposalOf<T>,
			stage: u32,
			attempt: u32,
			now: BlockNumberFor<T>,
		) {
			if let Err(error) = Self::start_stage(id, proposal, stage, attempt) {
				log::warn!(target: LOG_TARGET, "proposal {id}: stage {stage} cannot open: {error:?}");
				Self::deposit_event(Event::<T>::ProposalAborted { proposal: id, stage, error });
				Self::finish(id, proposal, ProposalState::Aborted { stage, at: now });
			}
		}

		/// The last stage (`stage`, judged by `pool` with `tally`) accepted: apply the change, or
		/// schedule the upgrade. Returns the weight used.
		fn enact(
			id: ProposalId,
			proposal: &mut ProposalOf<T>,
			stage: u32,
			pool: PoolId,
			tally: &Tally,
			now: BlockNumberFor<T>,
		) -> Weight {
			match proposal.change {
				Change::SetParameter { key, value } => {
					// Checked again against the world as it is now: another proposal or root may
					// have changed this parameter or one that depends on it meanwhile.
					let applied = with_storage_layer(|| -> Result<u128, DispatchError> {
						let old =
							T::Parameters::current(key).ok_or(Error::<T>::UnknownParameter)?;
						Self::check_change(key, old, value)?;
						T::Parameters::apply(id, key, value)?;
						Ok(old)
					});
					match applied {
						Ok(old) => {
							Self::deposit_event(Event::<T>::ParameterChanged {
								proposal: id,
								key,
								old,
								new: value,
							});
							Self::finish(id, proposal, ProposalState::Enacted { at: now });
						},
						Err(error) => {
							log::warn!(target: LOG_TARGET, "proposal {id}: change refused: {error:?}");
							Self::deposit_event(Event::<T>::ChangeFailed { proposal: id, error });
							Self::finish(id, proposal, ProposalState::ApplyFailed { at: now });
						},
					}
					T::WeightInfo::enact_parameter()
				},
				Change::UpgradeRuntime { code_hash } => {
					let params = Params::<T>::get();
					// After the pool's settlement: see the crate documentation.
					let total_rep = T::Reputation::total_rep();
					let required = params.upgrade_support.mul_ceil(total_rep);
					if tally.consent_for < required {
						Self::deposit_event(Event::<T>::UpgradeSupportNotMet {
							proposal: id,
							pool,
							consent_for: tally.consent_for,
							required,
						});
						Self::finish(id, proposal, ProposalState::Unsupported { stage, at: now });
					} else {
						let due = now.saturating_add(params.upgrade_delay);
						// The upgrade slot stays taken until the authorization: at most one.
						if let Some(earlier) = PendingUpgrade::<T>::get() {
							frame_support::defensive!(
								"an upgrade was pending while another was in voting",
								earlier.proposal
							);
						}
						PendingUpgrade::<T>::put(ScheduledUpgrade { proposal: id, code_hash, due });
						proposal.state = ProposalState::Scheduled { accepted: now, due };
						Self::deposit_event(Event::<T>::UpgradeScheduled {
							proposal: id,
							code_hash,
							due,
						});
					}
					T::WeightInfo::enact_upgrade()
				},
			}
		}

		/// Authorize a scheduled upgrade whose delay has passed and end its proposal `Enacted`.
		fn authorize(scheduled: ScheduledUpgradeOf<T>, now: BlockNumberFor<T>) {
			let ScheduledUpgrade { proposal: id, code_hash, .. } = scheduled;
			PendingUpgrade::<T>::kill();
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Self::deposit_event(Event::<T>::UpgradeAuthorized { proposal: id, code_hash });
			match Proposals::<T>::get(id) {
				Some(mut proposal) => {
					Self::finish(id, &mut proposal, ProposalState::Enacted { at: now });
					Proposals::<T>::insert(id, proposal);
				},
				None => {
					// Not reached: a scheduled upgrade's proposal is kept (`do_try_state`).
					frame_support::defensive!("a scheduled upgrade's proposal is missing", id);
					UpgradeProposal::<T>::kill();
				},
			}
		}

		/// End an open proposal: release the fees still held, return the deposit if the change
		/// was made (`Enacted`) or forfeit it to the fee salary, free its parameter (or the
		/// upgrade slot) and record `state`. The caller stores the proposal.
		fn finish(
			id: ProposalId,
			proposal: &mut ProposalOf<T>,
			state: ProposalState<BlockNumberFor<T>>,
		) {
			let held = proposal.fees_held();
			if held > 0 {
				if let Err(e) = T::Currency::release(
					&HoldReason::ProposalFees.into(),
					&proposal.proposer,
					held,
					Precision::BestEffort,
				) {
					frame_support::defensive!("releasing held stage fees failed", e);
				}
			}
			if proposal.state.is_open() && proposal.deposit > 0 {
				let enacted = matches!(state, ProposalState::Enacted { .. });
				Self::settle_deposit(id, proposal, enacted);
			}
			match proposal.change {
				Change::SetParameter { key, .. } => ProposalOfParameter::<T>::remove(key),
				Change::UpgradeRuntime { .. } => UpgradeProposal::<T>::kill(),
			}
			proposal.state = state;
		}

		/// Return the proposal's deposit to its proposer, or pay it into the DAO account and out
		/// as fee salary.
		fn settle_deposit(id: ProposalId, proposal: &ProposalOf<T>, returned: bool) {
			let reason = HoldReason::ProposalDeposit.into();
			let who = &proposal.proposer;
			let result = if returned {
				T::Currency::release(&reason, who, proposal.deposit, Precision::BestEffort)
			} else {
				T::Currency::transfer_on_hold(
					&reason,
					who,
					&T::Salary::dao_account(),
					proposal.deposit,
					Precision::BestEffort,
					Restriction::Free,
					Fortitude::Force,
				)
			};
			match result {
				Ok(amount) if returned => Self::deposit_event(Event::<T>::DepositReturned {
					proposal: id,
					who: who.clone(),
					amount,
				}),
				Ok(amount) => {
					T::Salary::distribute_fee(amount);
					Self::deposit_event(Event::<T>::DepositForfeited {
						proposal: id,
						who: who.clone(),
						amount,
					});
				},
				// Not reached: nothing else releases this hold.
				Err(e) => {
					frame_support::defensive!("settling a proposal deposit failed", e);
				},
			}
		}

		/// The pallet's invariants: the parameters are valid; every proposal in voting is indexed
		/// by its pool and by its parameter (or the upgrade slot), and nothing else is; an
		/// accepted upgrade waiting for its authorization holds the upgrade slot and is the
		/// pending upgrade, and nothing else is; every post index points to the proposal on that
		/// post; the proposers' held fees are exactly the fees of the stages that have not opened
		/// yet, and their held deposits exactly the deposits of their open proposals.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			use frame_support::traits::fungible::InspectHold;
			Self::validate_params(&Params::<T>::get())
				.map_err(|_| "the governance parameters are invalid")?;
			let next = NextProposalId::<T>::get();
			let (mut total, mut voting, mut on_params, mut on_upgrade, mut scheduled) =
				(0usize, 0usize, 0usize, 0usize, 0usize);
			let mut held: BTreeMap<T::AccountId, (u128, u128)> = BTreeMap::new();
			for (id, p) in Proposals::<T>::iter() {
				total += 1;
				ensure!(id < next, "a proposal id is not below NextProposalId");
				ensure!(
					ProposalOfPost::<T>::get(p.post) == Some(id),
					"a proposal's post does not point to it"
				);
				ensure!(!p.stages.is_empty(), "a proposal has no stages");
				if !p.state.is_open() {
					continue;
				}
				let entry = held.entry(p.proposer.clone()).or_default();
				entry.0 = entry.0.saturating_add(p.fees_held());
				entry.1 = entry.1.saturating_add(p.deposit);
				if let ProposalState::Scheduled { due, .. } = p.state {
					scheduled += 1;
					on_upgrade += 1;
					let Change::UpgradeRuntime { code_hash } = p.change else {
						return Err("a scheduled proposal is not an upgrade".into());
					};
					ensure!(
						PendingUpgrade::<T>::get()
							== Some(ScheduledUpgrade { proposal: id, code_hash, due }),
						"a scheduled upgrade is not the pending upgrade"
					);
					ensure!(
						UpgradeProposal::<T>::get() == Some(id),
						"a scheduled upgrade does not hold the upgrade slot"
					);
					continue;
				}
				let ProposalState::Voting { stage, attempt, pool } = p.state else { continue };
				voting += 1;
				ensure!((stage as usize) < p.stages.len(), "a proposal is past its last stage");
				ensure!(attempt >= 1 && attempt <= p.max_attempts, "a stage is past its attempts");
				ensure!(
					ProposalOfPool::<T>::get(pool) == Some(id),
					"a voting proposal's pool does not point to it"
				);
				match p.change {
					Change::SetParameter { key, .. } => {
						on_params += 1;
						ensure!(
							ProposalOfParameter::<T>::get(key) == Some(id),
							"a parameter in voting does not point to its proposal"
						);
					},
					Change::UpgradeRuntime { .. } => {
						on_upgrade += 1;
						ensure!(
							UpgradeProposal::<T>::get() == Some(id),
							"the upgrade slot does not point to the proposal"
						);
					},
				}
			}
			ensure!(ProposalOfPost::<T>::iter().count() == total, "a post points to no proposal");
			ensure!(
				ProposalOfPool::<T>::iter().count() == voting,
				"a pool points to no voting proposal"
			);
			ensure!(
				ProposalOfParameter::<T>::iter().count() == on_params,
				"a parameter points to no voting proposal"
			);
			ensure!(on_upgrade <= 1, "two upgrades open");
			ensure!(
				UpgradeProposal::<T>::get().is_some() == (on_upgrade == 1),
				"the upgrade slot is stale"
			);
			ensure!(
				PendingUpgrade::<T>::get().is_some() == (scheduled == 1),
				"the pending upgrade has no scheduled proposal"
			);
			for (who, (fees, deposits)) in held {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::ProposalFees.into(), &who) == fees,
					"held stage fees differ from the stages not yet opened"
				);
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::ProposalDeposit.into(), &who)
						== deposits,
					"held deposits differ from the deposits of open proposals"
				);
			}
			Ok(())
		}
	}
}

/// The `Governance*` keys: [`Params`] as governance reads and changes it.
impl<T: Config> ParameterOwner for Pallet<T> {
	fn param(key: ParamKey) -> Option<u128> {
		Self::param_value(key)
	}

	fn set_param(key: ParamKey, value: u128) -> Result<bool, SetParamError> {
		if !Self::is_own_key(key) {
			return Ok(false);
		}
		Self::put_params(Self::params_with(key, value)?)?;
		Ok(true)
	}
}

/// The runtime's governed parameters as a dispatch: each key is read and set by the pallet that
/// owns it (`Owners`, a tuple of [`ParameterOwner`]s, which may include this pallet), within the
/// hard ranges `Ranges` fixes, and checked together by [`Pallet::check_joint`]. The runtime and
/// this pallet's tests use it alike.
pub struct OwnedParameters<T, Owners, Ranges>(core::marker::PhantomData<(T, Owners, Ranges)>);

impl<T: Config, Owners: ParameterOwner, Ranges: HardRanges> GovernedParameters
	for OwnedParameters<T, Owners, Ranges>
{
	fn current(key: ParamKey) -> Option<u128> {
		Owners::param(key)
	}

	/// The owner's own checks apply (those of its `set_params`), as to root.
	fn apply(_proposal: ProposalId, key: ParamKey, value: u128) -> sp_runtime::DispatchResult {
		match Owners::set_param(key, value) {
			Ok(true) => Ok(()),
			Ok(false) => Err(Error::<T>::UnknownParameter.into()),
			Err(SetParamError::Value(e)) => Err(Pallet::<T>::value_error(e).into()),
			Err(SetParamError::Refused(e)) => Err(e),
		}
	}

	/// A key nobody owns has no range.
	fn hard_range(key: ParamKey) -> Option<(u128, u128)> {
		Owners::param(key)?;
		Ranges::hard_range(key)
	}

	fn check_together(key: ParamKey, value: u128) -> sp_runtime::DispatchResult {
		Pallet::<T>::check_joint(key, value)
	}
}
