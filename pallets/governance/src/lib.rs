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
//! - When the last stage is **Accepted** the change is applied in that very block: a parameter
//!   through [`GovernedParameters::apply`] (the runtime dispatches the owning pallet's `set_params`
//!   with this pallet's [`Origin::Proposal`]); a runtime hash through `frame_system`'s upgrade
//!   authorization (with version checks), so that anyone can then call
//!   `system.applyAuthorizedUpgrade(code)`.
//!
//! The stages' outcomes arrive through [`OnPoolResolved`]; pools that are not a proposal's
//! current stage are ignored ([`ProposalOfPool`] maps a pool to its proposal).
//!
//! ## Rules this pallet decided (PROTOCOL.md is silent)
//!
//! - **Who proposes.** The signer must be an author of the post; the post must be `Open` (not yet
//!   judged by any pool) and carry no proposal yet: a post carries at most one proposal, ever (so
//!   an expired proposal cannot be re-proposed on the same post for free).
//! - **One at a time.** At most one proposal in voting per [`ParamKey`]
//!   (`ParameterAlreadyProposed`) and one runtime upgrade (`UpgradeAlreadyProposed`).
//! - **Bounds** (checked when proposed and again when applied, against the value in force):
//!   - a number (count, amount, blocks, `FixedU128` inner value) may move within ×½..×2 of the
//!     current value, exactly (`2·new ≥ current` and `new ≤ 2·current`); from zero, ×2 of nothing
//!     is nothing, so any value may be proposed (the owning pallet still checks its range);
//!   - a `Perbill` (parts per billion) is bounded the same way and may not exceed 100%
//!     (`FractionAboveOne`); so a non-zero fraction never reaches zero, only 1 ppb;
//!   - a boolean is `0` or `1` (`NotAFlag`) and may be flipped;
//!   - a proposal that sets the value in force changes nothing and is refused (`ValueUnchanged`);
//!   - the change is **dry-run** when proposed (applied and rolled back), so a value its pallet
//!     would refuse (for instance a pool win ratio below one half) fails `propose` with that
//!     pallet's error rather than three stages later. If it fails when applied after all (root or
//!     another proposal changed a related parameter meanwhile), the proposal ends `ApplyFailed`
//!     with a `ChangeFailed` event and nothing changes.
//! - **Fees.** Each stage's pool costs `proposal_fee` (a governed parameter), paid by the proposer
//!   like any pool fee: into the DAO account, then out to REP holders as salary; refunded by the
//!   pool when its quorum is not met, so a retry costs nothing more. The first stage's fee is paid
//!   when proposing; the fees of the later stages are **held** from the proposer
//!   ([`HoldReason::ProposalFees`]) and released into each stage's pool as it opens, so a proposal
//!   that passed a stage can always pay for the next. A proposal that ends early gets its remaining
//!   fees released.
//! - **Snapshot.** A proposal keeps the stages, attempts limit and fee in force when it was
//!   proposed; `set_params` applies to new proposals.
//! - **Pool rules.** A stage's pool is judged by the stage's quorum, win ratio and binding;
//!   `stake_for_author` and `redistribute_losing_stakes` are the pools' own parameters
//!   ([`Config::PoolDefaults`]) when the stage opens.
//! - **Ratification and REP.** Every stage is a full validation pool (PROTOCOL.md §4): its fee
//!   mints REP, accepted it propagates `for_minted` into the post (the authors earn REP at every
//!   stage passed), losers lose the stage's binding. The first accepted stage ratifies the post
//!   (releasing the forum deposit); the later stages open on the ratified post
//!   ([`ValidationStages::open_stage`]), accepting ratifies it again (no change), rejecting marks
//!   it `Rejected`: the post's status records the latest verdict.
//! - **A stage that cannot open** (the pools refuse it: the end block is full, the stage's duration
//!   is outside the pools' bounds, the proposer can no longer pay a retry) ends the proposal
//!   `Aborted` with a `ProposalAborted` event carrying the pools' error.
//! - **Upgrades.** A ratified runtime hash is authorized with version checks (`check_version =
//!   true`): the code must keep the spec name and raise the spec version. An authorization replaces
//!   any earlier one that was not applied.
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
use guild_primitives::ProposalId;

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
			tokens::{Fortitude, Precision, Preservation},
		},
	};
	use frame_system::pallet_prelude::*;
	use guild_primitives::{
		Forum as ForumT, GovernedParameters, OnPoolResolved, ParamKey, ParamKind, PoolId,
		PoolOutcome, PoolRules, PostId, PostStatus, Tally, ValidationPools, ValidationStages,
	};
	use sp_core::H256;
	use sp_runtime::{traits::UniqueSaturatedInto, Perbill, TransactionOutcome};

	/// The governance parameters as this runtime stores them.
	pub type ParamsOf<T> = GovernanceParams<BlockNumberFor<T>>;
	/// A stage's rules as this runtime stores them.
	pub type StageRulesOf<T> = StageRules<BlockNumberFor<T>>;
	/// A proposal as this runtime stores it.
	pub type ProposalOf<T> = Proposal<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

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

		/// The pools' current rules, for what a stage does not set (`stake_for_author`,
		/// `redistribute_losing_stakes`).
		type PoolDefaults: Get<PoolRules>;

		/// Reads and applies every pallet's governed parameters (implemented by the runtime).
		type Parameters: GovernedParameters;

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

	/// The runtime-upgrade proposal in voting, if any: one at a time.
	#[pallet::storage]
	pub type UpgradeProposal<T: Config> = StorageValue<_, ProposalId, OptionQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The stages of a proposal, first to last (1..=8); three by default.
		pub stages: alloc::vec::Vec<StageRulesOf<T>>,
		/// Pools a stage may take when the quorum is not met (1..=16); 3 by default.
		pub max_attempts: u32,
		/// Native tokens paid into each stage's pool by the proposer.
		pub proposal_fee: u128,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			let p = ParamsOf::<T>::default();
			Self {
				stages: p.stages.into_inner(),
				max_attempts: p.max_attempts,
				proposal_fee: p.proposal_fee,
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
			};
			Pallet::<T>::validate_params(&params).expect("governance genesis params are valid");
			Params::<T>::put(params);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `proposer` made `post` proposal `proposal`, carrying `change` through `stages` stages
		/// at `fee` each.
		Proposed {
			proposal: ProposalId,
			post: PostId,
			proposer: T::AccountId,
			change: Change,
			stages: u32,
			fee: u128,
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
		/// `proposal` passed every stage and authorized the runtime with `code_hash`: anyone may
		/// now submit it with `system.applyAuthorizedUpgrade`.
		UpgradeAuthorized { proposal: ProposalId, code_hash: H256 },
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
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
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
		/// (`SetParameter { key, value }`, within ×½..×2 of its current value) or authorize a
		/// runtime (`UpgradeRuntime { code_hash }`).
		///
		/// You must be an author of the post. The first stage's pool opens now and you pay its
		/// fee (`proposal_fee`); the fees of the later stages are held from you until they open.
		/// When the last stage accepts, the change is applied in that block.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose())]
		pub fn propose(origin: OriginFor<T>, post: PostId, change: Change) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let authors = T::Forum::authors(post).ok_or(Error::<T>::UnknownPost)?;
			ensure!(authors.iter().any(|(a, _)| *a == who), Error::<T>::NotAnAuthor);
			ensure!(T::Forum::status(post) == Some(PostStatus::Open), Error::<T>::PostNotOpen);
			ensure!(!ProposalOfPost::<T>::contains_key(post), Error::<T>::PostAlreadyProposed);
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
					Self::check_bounds(key, current, value)?;
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
			let later_fees = fee.saturating_mul(stage_count.saturating_sub(1) as u128);
			ensure!(
				T::Currency::reducible_balance(&who, Preservation::Preserve, Fortitude::Polite)
					>= fee.saturating_add(later_fees),
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
			let proposal = Proposal {
				post,
				proposer: who.clone(),
				change,
				fee,
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
		/// stage may take when its quorum is not met (1..=16) and each stage's fee (above zero).
		/// They apply to proposals made from now on.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: Box<ParamsOf<T>>) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			Self::validate_params(&params)?;
			Params::<T>::put(&*params);
			Self::deposit_event(Event::<T>::ParamsSet { params: *params });
			Ok(())
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
			let Some(mut proposal) = Proposals::<T>::get(id) else {
				log::error!(target: LOG_TARGET, "pool {pool} points to missing proposal {id}");
				return T::DbWeight::get().reads_writes(2, 1);
			};
			let ProposalState::Voting { stage, attempt, pool: current } = proposal.state else {
				log::error!(target: LOG_TARGET, "pool {pool} points to ended proposal {id}");
				return T::DbWeight::get().reads_writes(2, 1);
			};
			if current != pool || proposal.post != post {
				log::error!(
					target: LOG_TARGET,
					"pool {pool} on post {post} is not proposal {id}'s current stage {current}"
				);
			}
			let now = frame_system::Pallet::<T>::block_number();
			let Tally { for_total, against_total } = tally;
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
						Self::enact(id, &mut proposal, now)
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
					Self::finish(&mut proposal, ProposalState::Rejected { stage, at: now });
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
						Self::finish(&mut proposal, ProposalState::Expired { stage, at: now });
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
				_ => return None,
			})
		}

		/// A parameter value as a fraction in parts per billion: at most one (`FractionAboveOne`).
		pub fn fraction(value: u128) -> Result<Perbill, DispatchError> {
			ensure!(value <= BILLION, Error::<T>::FractionAboveOne);
			Ok(Perbill::from_parts(value as u32))
		}

		/// A parameter value as a boolean: `0` or `1` (`NotAFlag`).
		pub fn flag(value: u128) -> Result<bool, DispatchError> {
			match value {
				0 => Ok(false),
				1 => Ok(true),
				_ => Err(Error::<T>::NotAFlag.into()),
			}
		}

		/// A parameter value as a count or a number of blocks (`ValueTooLarge` above `u32`).
		pub fn small<N: TryFrom<u128>>(value: u128) -> Result<N, DispatchError> {
			N::try_from(value).map_err(|_| Error::<T>::ValueTooLarge.into())
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
				Self::finish(proposal, ProposalState::Aborted { stage, at: now });
			}
		}

		/// The last stage accepted: apply the change. Returns the weight used.
		fn enact(id: ProposalId, proposal: &mut ProposalOf<T>, now: BlockNumberFor<T>) -> Weight {
			match proposal.change {
				Change::SetParameter { key, value } => {
					let applied = with_storage_layer(|| -> Result<u128, DispatchError> {
						let old =
							T::Parameters::current(key).ok_or(Error::<T>::UnknownParameter)?;
						Self::check_bounds(key, old, value)?;
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
							Self::finish(proposal, ProposalState::Enacted { at: now });
						},
						Err(error) => {
							log::warn!(target: LOG_TARGET, "proposal {id}: change refused: {error:?}");
							Self::deposit_event(Event::<T>::ChangeFailed { proposal: id, error });
							Self::finish(proposal, ProposalState::ApplyFailed { at: now });
						},
					}
					T::WeightInfo::enact_parameter()
				},
				Change::UpgradeRuntime { code_hash } => {
					frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
					Self::deposit_event(Event::<T>::UpgradeAuthorized { proposal: id, code_hash });
					Self::finish(proposal, ProposalState::Enacted { at: now });
					T::WeightInfo::enact_upgrade()
				},
			}
		}

		/// End a proposal in voting: release the fees still held, free its parameter (or the
		/// upgrade slot) and record `state`. The caller stores the proposal.
		fn finish(proposal: &mut ProposalOf<T>, state: ProposalState<BlockNumberFor<T>>) {
			let held = proposal.fees_held();
			if held > 0 {
				if let Err(e) = T::Currency::release(
					&HoldReason::ProposalFees.into(),
					&proposal.proposer,
					held,
					Precision::BestEffort,
				) {
					log::error!(target: LOG_TARGET, "release {held} of stage fees: {e:?}");
				}
			}
			match proposal.change {
				Change::SetParameter { key, .. } => ProposalOfParameter::<T>::remove(key),
				Change::UpgradeRuntime { .. } => UpgradeProposal::<T>::kill(),
			}
			proposal.state = state;
		}

		/// The pallet's invariants: the parameters are valid; every proposal in voting is indexed
		/// by its pool and by its parameter (or the upgrade slot), and nothing else is; every post
		/// index points to the proposal on that post; the proposers' held fees are exactly the
		/// fees of the stages that have not opened yet.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			use frame_support::traits::fungible::InspectHold;
			Self::validate_params(&Params::<T>::get())
				.map_err(|_| "the governance parameters are invalid")?;
			let next = NextProposalId::<T>::get();
			let (mut total, mut voting, mut on_params, mut on_upgrade) =
				(0usize, 0usize, 0usize, 0usize);
			let mut held: BTreeMap<T::AccountId, u128> = BTreeMap::new();
			for (id, p) in Proposals::<T>::iter() {
				total += 1;
				ensure!(id < next, "a proposal id is not below NextProposalId");
				ensure!(
					ProposalOfPost::<T>::get(p.post) == Some(id),
					"a proposal's post does not point to it"
				);
				ensure!(!p.stages.is_empty(), "a proposal has no stages");
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
				let entry = held.entry(p.proposer.clone()).or_default();
				*entry = entry.saturating_add(p.fees_held());
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
			ensure!(on_upgrade <= 1, "two upgrades in voting");
			ensure!(
				UpgradeProposal::<T>::get().is_some() == (on_upgrade == 1),
				"the upgrade slot is stale"
			);
			for (who, amount) in held {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::ProposalFees.into(), &who) == amount,
					"held stage fees differ from the stages not yet opened"
				);
			}
			Ok(())
		}
	}
}
