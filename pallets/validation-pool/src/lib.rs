//! # Validation pools
//!
//! PROTOCOL.md §4 (edition 2). A fee paid into a pool on a forum post mints REP: part of it is
//! staked FOR the post in its authors' name, the rest AGAINST it in nobody's name. Until the
//! pool's end block REP holders stake their free REP for or against. In the first block after
//! the end the pool is evaluated automatically (a bounded `on_initialize`; `evaluate` is the
//! fallback anyone may call for free):
//!
//! - **QuorumNotMet** unless the *consent*, the stakes of accounts that are not authors of the
//!   post, reaches `quorum × total_rep` (`total_rep` before this pool; met when nobody holds REP):
//!   every stake is released, the minted REP is burned, the initiator gets the fee back less
//!   `floor(fee × quorum_miss_fee)`, which is paid out as the fee salary.
//! - **Accepted** if `for ≥ win_ratio × (for + against)` (the authors' minted stake at its
//!   floored value; a tie passes), else **Rejected**.
//!
//! On Accepted or Rejected the fee is first paid out as the REP salary (using holdings from before
//! any of this pool's REP moves), then losers lose `binding` of their stake, the post is ratified
//! (and `for_minted` propagated into it) or rejected, and the pot is split among the winners.
//!
//! **Who opens a pool.** An author of the post (`initiate`), never on a post a protocol rule owns
//! (`Config::ProtocolPosts`: work-request evidence, governance proposals); the protocol rules open
//! theirs through [`ValidationPools::open`] and [`ValidationStages::open_stage`]. While nobody
//! holds REP only root opens a pool (`force_initiate`, naming the account that pays). Every pool's
//! fee is at least `min_pool_fee`.
//!
//! **Full pools.** A pool holds at most `MaxStakersPerPool` stakes. When it is full a new stake
//! larger than the smallest evicts it (released at once, `StakeEvicted`; among equal stakes the
//! newest goes first); a smaller or equal one is refused. [`StakeOrder`] keeps the evictable
//! stakes sorted; a work request's worker's stake is not evictable.
//!
//! **End blocks.** Pools are indexed by end block in `EndingAt`, at most `MaxPoolsEndingPerBlock`
//! per block. An author's pool may take only half of an end block's room (`TooManyPoolsEndingAt`
//! beyond: choose another duration); a protocol pool whose end block is full ends in the next
//! block with room (at most [`MAX_END_BLOCK_SEARCH`] blocks on), so filling end blocks never
//! stops a work request or a governance stage. The hook walks the end blocks with a cursor, so
//! none is skipped: at most `MaxEvaluationsPerBlock` pools and [`MAX_SLOTS_PER_BLOCK`] end blocks
//! per block.
//!
//! ## Rules this pallet had to decide (PROTOCOL.md is silent or leaves the rounding open)
//!
//! - Both comparisons are exact, with no rounding, in 256-bit integers. The first pool of an
//!   empty DAO is the tie of §4 when its mint is even; with an odd mint the floored FOR stake is
//!   one short and the pool is rejected (root bootstraps with an even fee).
//! - Every pro-rata share is `floor(pot × stake / weight)`; the authors' share of the pot is split
//!   by author weight, floor each, remainder to the first listed author (PROTOCOL.md §1); what is
//!   left of the pot after the split is burned, as is a pot nobody may claim (a rejection with no
//!   account against). An accepted pool with no FOR weight at all (`for_minted` floored to 0 and no
//!   FOR stake) gives the whole pot to the authors.
//! - A loser's loss is `floor(binding × stake)`. A worker's stake (availability REP counted as a
//!   FOR stake through [`ValidationPools::open`]) loses from its pool-stake part first and from the
//!   availability hold after; the part that is not lost stays held as availability.
//! - If the fee cannot be refunded from the DAO account (the initiator's account is gone and the
//!   refund is below the existential deposit), the whole fee is paid out as the fee salary and
//!   `FeeRefundFailed` is emitted; the pool still resolves.
//! - A pool copies its rules when it opens: `set_params` applies to new pools only.
//! - A pool record is kept after resolution as a small [`ResolvedPool`] (post, outcome, tallies,
//!   block), as `pallet-referenda` keeps finished referenda; its stakes are removed.
//! - The propagation of an accepted pool (PROTOCOL.md §3) is a step of its own, kept in
//!   [`PendingPropagation`] and run by the hooks: in the same block's `on_idle` when the block has
//!   room for a worst-case propagation (the usual case), else first thing in the next block's
//!   `on_initialize`. No pool is evaluated while a propagation is pending (`evaluate` fails with
//!   `PropagationPending`), so every pool still sees all the REP moves of the pools evaluated
//!   before it, its fee salary included; at most one accepted pool is evaluated per block.
//! - `evaluate` costs a normal fee up front that is refunded (`Pays::No`) when it evaluates a pool,
//!   so failing calls cannot be spammed for free.
//! - `win_ratio` must be at least one half (a minority cannot ratify), `minting_ratio` and
//!   `min_pool_fee` must not be zero; pool durations must satisfy 1 ≤ min ≤ default ≤ max. A pool
//!   must mint at least one unit of REP (`FeeTooLow`).
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

const LOG_TARGET: &str = "runtime::validation-pool";

/// A path the pallet's own bookkeeping rules out: `defensive!` on chain (logged, never a panic in
/// the runtime), a panic in this pallet's unit tests so that they catch it.
macro_rules! not_reached {
	($($arg:tt)*) => {{
		// Not a diverging expression, so that the code after it (for the chain) stays reachable.
		#[cfg(test)]
		if core::hint::black_box(true) {
			panic!($($arg)*);
		}
		#[cfg(not(test))]
		{
			log::error!(target: LOG_TARGET, $($arg)*);
			frame_support::defensive!("validation-pool: a path ruled out was taken");
		}
	}};
}

/// End blocks the hook walks in one block at most. One is enough when it keeps up; more lets it
/// catch up after a backlog of pools ending in the same block.
pub const MAX_SLOTS_PER_BLOCK: u32 = 16;

/// End blocks a protocol pool whose end block is full looks at, its own included. Authors' pools
/// take at most half of an end block, so only protocol pools (bounded by their own rules) can
/// fill one; 64 blocks of them is far beyond what the rules open.
pub const MAX_END_BLOCK_SEARCH: u32 = 64;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::{
		dispatch::PostDispatchInfo,
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::{Fortitude, Preservation},
		},
	};
	use frame_system::pallet_prelude::*;
	use guild_primitives::{
		FeeSalary, Forum as ForumT, OnPoolResolved as OnPoolResolvedT, PoolId, PoolOutcome,
		PoolRules, PostId, PostStatus, ProtocolPosts, Rep, RepHoldReason, ReputationLedger, Tally,
		ValidationPools, ValidationStages, WorkerLosses, PPM,
	};
	use sp_core::U256;
	use sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding,
		traits::{Saturating, Zero},
		FixedPointNumber, PerThing, Perbill, Rounding,
	};

	/// The parameters as this runtime stores them.
	pub type ParamsOf<T> = ParamsType<BlockNumberFor<T>>;
	/// A pool record as this runtime stores it.
	pub type PoolStatusOf<T> =
		PoolStatus<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// An open pool as this runtime stores it.
	pub type OpenPoolOf<T> = OpenPool<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native token: fees move from the initiator to the DAO account.
		type Currency: Mutate<Self::AccountId, Balance = u128>;

		/// The REP ledger and the fee salary (`pallet-reputation`).
		type Reputation: ReputationLedger<Self::AccountId> + FeeSalary<Self::AccountId, u128>;

		/// The forum whose posts the pools judge (`pallet-forum`).
		type Forum: ForumT<Self::AccountId>;

		/// Told of every resolved pool (work requests, governance).
		type OnPoolResolved: OnPoolResolvedT;

		/// Workers' availability stakes (`pallet-availability`): a losing worker's loss beyond
		/// their pool stake is taken through it.
		type WorkerLosses: WorkerLosses<Self::AccountId>;

		/// The posts that belong to a protocol rule (evidence, proposals): `initiate` refuses
		/// them; only their owners open pools on them, through [`ValidationPools::open`].
		type ProtocolPosts: ProtocolPosts;

		/// What one propagation costs the forum at worst (`MaxPropagationVisits` posts, each with
		/// `MaxAuthors` authors). Reserved by the hooks for each propagation they run; the
		/// runtime takes it from the forum's benchmarks.
		type ForumWeight: Get<Weight>;

		/// Who may change [`Params`]: root, later a forum proposal.
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Accounts that may stake in one pool (the worker's stake included).
		#[pallet::constant]
		type MaxStakersPerPool: Get<u32>;

		/// Pools that may end in the same block.
		#[pallet::constant]
		type MaxPoolsEndingPerBlock: Get<u32>;

		/// Pools the hook evaluates in one block at most; the rest wait for the next blocks.
		#[pallet::constant]
		type MaxEvaluationsPerBlock: Get<u32>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;

		/// Creates posts for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The pool parameters (PROTOCOL.md §9). New pools copy their rules from here.
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, ParamsOf<T>, ValueQuery>;

	/// The id the next pool gets. Pool ids are sequential from 0.
	#[pallet::storage]
	pub type NextPoolId<T: Config> = StorageValue<_, PoolId, ValueQuery>;

	/// Every pool: open (taking stakes or waiting for evaluation) or resolved (its outcome).
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Twox64Concat, PoolId, PoolStatusOf<T>>;

	/// The open pool of a post, if any: a post has at most one.
	#[pallet::storage]
	pub type PoolOfPost<T: Config> = StorageMap<_, Twox64Concat, PostId, PoolId>;

	/// The stakes of accounts in open pools; removed when the pool is evaluated.
	#[pallet::storage]
	pub type Stakes<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PoolId, Blake2_128Concat, T::AccountId, StakeInfo>;

	/// The evictable stakes of an open pool, smallest first (among equal stakes the newest
	/// first): when the pool is full, a larger new stake evicts the first (PROTOCOL.md §4). A
	/// worker's availability stake is not listed: it is never evicted.
	#[pallet::storage]
	pub type StakeOrder<T: Config> = StorageMap<
		_,
		Twox64Concat,
		PoolId,
		BoundedVec<(Rep, T::AccountId), T::MaxStakersPerPool>,
		ValueQuery,
	>;

	/// Open pools by end block, in the order they opened: evaluated from the next block on.
	#[pallet::storage]
	pub type EndingAt<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<PoolId, T::MaxPoolsEndingPerBlock>,
		ValueQuery,
	>;

	/// The propagation of the last accepted pool, until the hooks run it (see the pallet docs).
	/// No pool is evaluated while it is there.
	#[pallet::storage]
	pub type PendingPropagation<T: Config> = StorageValue<_, Propagation, OptionQuery>;

	/// The first end block the hook has not finished. Every end block before it is empty.
	#[pallet::storage]
	pub type EvaluationCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The open pools by end block ([`EndingAt`]) walked from [`EvaluationCursor`].
	pub type EndAgenda<T> = guild_primitives::Agenda<
		BlockNumberFor<T>,
		PoolId,
		<T as Config>::MaxPoolsEndingPerBlock,
		EndingAt<T>,
		EvaluationCursor<T>,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial pool parameters; PROTOCOL.md §9's defaults if left out.
		pub params: ParamsOf<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::validate_params(&self.params)
				.expect("genesis validation-pool params are invalid");
			Params::<T>::put(self.params);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A pool opened on `post`: `fee` moved to the DAO account and `minted` REP was staked,
		/// `for_minted` FOR in the authors' name and `against_minted` AGAINST. Stakes are taken
		/// until block `end`.
		PoolInitiated {
			pool: PoolId,
			post: PostId,
			initiator: T::AccountId,
			fee: u128,
			minted: Rep,
			for_minted: Rep,
			against_minted: Rep,
			end: BlockNumberFor<T>,
		},
		/// `who` staked `amount` of REP for (`in_favor`) or against the post.
		Staked { pool: PoolId, who: T::AccountId, amount: Rep, in_favor: bool },
		/// The pool was evaluated. Tallies include the minted stakes.
		PoolResolved {
			pool: PoolId,
			post: PostId,
			outcome: PoolOutcome,
			for_total: Rep,
			against_total: Rep,
		},
		/// The REP of `who` in the pool was settled: `returned` of their stake is theirs again
		/// (free, or still held as availability for a worker's stake), `lost` went to the pot or
		/// was burned, `reward` was credited to their free REP. An author's share of the pot for
		/// the minted FOR stake shows as a `reward` with nothing returned or lost.
		StakeSettled { pool: PoolId, who: T::AccountId, returned: Rep, lost: Rep, reward: Rep },
		/// The pool's fee was paid out to the REP holders as salary.
		FeePaidOut { pool: PoolId, fee: u128 },
		/// The quorum was not met: `fee` went back to the initiator and `kept` (the
		/// `quorum_miss_fee` share) was paid out as the fee salary.
		FeeRefunded { pool: PoolId, initiator: T::AccountId, fee: u128, kept: u128 },
		/// The pool was full and a larger stake took the place of the smallest: the `amount`
		/// of `who` was released.
		StakeEvicted { pool: PoolId, who: T::AccountId, amount: Rep },
		/// The quorum was not met but the fee could not go back to the initiator; it was paid out
		/// as the fee salary.
		FeeRefundFailed { pool: PoolId, initiator: T::AccountId, fee: u128 },
		/// The pool burned `amount` of REP (the mint of a failed quorum, lost stakes without
		/// redistribution, an unclaimed pot, rounding remainders).
		RepBurned { pool: PoolId, amount: Rep },
		/// The pool parameters changed; they apply to pools opened from now on.
		ParamsSet { params: ParamsOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no such post.
		UnknownPost,
		/// Only an author of the post may open a pool on it.
		NotAnAuthor,
		/// The post belongs to a protocol rule (work-request evidence, a governance proposal):
		/// only that rule opens pools on it.
		ProtocolPost,
		/// Nobody holds REP yet: only root opens the first pool (`force_initiate`).
		BootstrapByRootOnly,
		/// The fee is below `min_pool_fee`.
		FeeBelowMinimum,
		/// The pool is full and the stake is not larger than its smallest stake.
		StakeTooSmallForFullPool,
		/// `min_pool_fee` must be at least one unit: a free pool can be opened by anyone.
		ZeroMinPoolFee,
		/// The post was already ratified or rejected.
		PostNotOpen,
		/// The post already has an open pool.
		PoolAlreadyOpen,
		/// The duration is below `pool_duration_min`.
		DurationTooShort,
		/// The duration is above `pool_duration_max`.
		DurationTooLong,
		/// The fee would mint no REP.
		FeeTooLow,
		/// The initiator cannot pay the fee and stay alive.
		InsufficientBalance,
		/// Too many pools end in that block; choose another duration.
		TooManyPoolsEndingAt,
		/// There is no such pool.
		UnknownPool,
		/// The pool was already evaluated.
		PoolAlreadyResolved,
		/// The pool's end block has passed: it takes no more stakes.
		PoolEnded,
		/// The pool is still taking stakes.
		PoolNotEnded,
		/// A stake must be more than zero.
		ZeroStake,
		/// The account already staked on the other side of this pool.
		AlreadyStakedOtherSide,
		/// The pool has `MaxStakersPerPool` stakers already, none of them evictable.
		PoolFull,
		/// The account has less free REP than the stake.
		InsufficientFreeRep,
		/// The worker holds less availability REP than the stake that should count.
		InsufficientAvailabilityStake,
		/// `minting_ratio` must not be zero.
		ZeroMintingRatio,
		/// `win_ratio` must be at least one half.
		WinRatioBelowHalf,
		/// `pool_duration_min` must be at least one block.
		ZeroPoolDuration,
		/// `pool_duration_default` must lie within `[pool_duration_min, pool_duration_max]`.
		DefaultDurationOutOfBounds,
		/// An accepted pool's propagation runs first (at the end of this block or early in the
		/// next); the pool is evaluated after it.
		PropagationPending,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			// A propagation the last block had no room for goes first, in the room of one
			// evaluation (at least one pool is still evaluated), so that the hook at its worst
			// is a propagation and `MaxEvaluationsPerBlock - 1` full pools, or that many + 1.
			let ran = PendingPropagation::<T>::exists();
			let propagated = Self::run_pending_propagation(Weight::MAX);
			let evaluations = if ran {
				T::MaxEvaluationsPerBlock::get().saturating_sub(1).max(1)
			} else {
				T::MaxEvaluationsPerBlock::get()
			};
			propagated.saturating_add(Self::evaluate_ended(n, evaluations))
		}

		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::run_pending_propagation(remaining)
		}

		fn integrity_test() {
			assert!(T::MaxStakersPerPool::get() > 0, "MaxStakersPerPool must be positive");
			assert!(
				T::MaxPoolsEndingPerBlock::get() > 0,
				"MaxPoolsEndingPerBlock must be positive"
			);
			assert!(
				T::MaxEvaluationsPerBlock::get() > 0,
				"MaxEvaluationsPerBlock must be positive"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Open a validation pool on `post`, paying `fee` into the DAO account.
		///
		/// `fee × minting_ratio` REP is minted: `stake_for_author` of it FOR the post in its
		/// authors' name, the rest AGAINST. Stakes are taken for `duration` blocks
		/// (`pool_duration_default` if none). A post has at most one open pool.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::initiate())]
		pub fn initiate(
			origin: OriginFor<T>,
			post: PostId,
			#[pallet::compact] fee: u128,
			duration: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let authors = T::Forum::authors(post).ok_or(Error::<T>::UnknownPost)?;
			ensure!(authors.iter().any(|(a, _)| *a == who), Error::<T>::NotAnAuthor);
			ensure!(!T::ProtocolPosts::is_protocol_post(post), Error::<T>::ProtocolPost);
			ensure!(!T::Reputation::total_rep().is_zero(), Error::<T>::BootstrapByRootOnly);
			let duration = duration.unwrap_or_else(|| Params::<T>::get().pool_duration_default);
			Self::do_open(&who, post, fee, duration, None, None, Opener::Author).map(|_| ())
		}

		/// Stake `amount` of your free REP for (`in_favor`) or against the post of `pool`.
		///
		/// The REP is held until the pool is evaluated. One side per account; stakes on the same
		/// side add up.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::stake())]
		pub fn stake(
			origin: OriginFor<T>,
			pool: PoolId,
			#[pallet::compact] amount: Rep,
			in_favor: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_stake(&who, pool, amount, in_favor)
		}

		/// Evaluate `pool` after its end block, if the automatic evaluation has not reached it
		/// yet. Anyone may call it; the fee is refunded when it evaluates the pool.
		#[pallet::call_index(2)]
		#[pallet::weight(Pallet::<T>::evaluation_weight(T::MaxStakersPerPool::get()))]
		pub fn evaluate(origin: OriginFor<T>, pool: PoolId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let open = match Pools::<T>::get(pool) {
				None => return Err(Error::<T>::UnknownPool.into()),
				Some(PoolStatus::Resolved(_)) => return Err(Error::<T>::PoolAlreadyResolved.into()),
				Some(PoolStatus::Open(open)) => open,
			};
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now > open.end, Error::<T>::PoolNotEnded);
			ensure!(!PendingPropagation::<T>::exists(), Error::<T>::PropagationPending);
			EndAgenda::<T>::remove(&pool, open.end);
			let settled = Self::settlement_weight(open.stakers);
			let listeners = Self::resolve(pool, open);
			Ok(PostDispatchInfo {
				actual_weight: Some(settled.saturating_add(listeners)),
				pays_fee: Pays::No,
			})
		}

		/// Change the pool parameters. They apply to pools opened from now on.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_params())]
		// Boxed so that the call enum stays small; unboxed at once.
		#[allow(clippy::boxed_local)]
		pub fn set_params(origin: OriginFor<T>, params: Box<ParamsOf<T>>) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			Self::put_params(*params)
		}

		/// Open a pool on `post` with root's authority, `initiator` paying the fee: the first
		/// pool of a chain launched without founders (PROTOCOL.md §2: while nobody holds REP
		/// only root opens pools). The post's checks and `min_pool_fee` apply as to `initiate`;
		/// the caller need not be an author.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::initiate())]
		pub fn force_initiate(
			origin: OriginFor<T>,
			initiator: T::AccountId,
			post: PostId,
			#[pallet::compact] fee: u128,
			duration: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(!T::ProtocolPosts::is_protocol_post(post), Error::<T>::ProtocolPost);
			let duration = duration.unwrap_or_else(|| Params::<T>::get().pool_duration_default);
			Self::do_open(&initiator, post, fee, duration, None, None, Opener::Author).map(|_| ())
		}
	}

	impl<T: Config> ValidationPools<T::AccountId, u128, BlockNumberFor<T>> for Pallet<T> {
		fn open(
			initiator: &T::AccountId,
			post: PostId,
			fee: u128,
			duration: BlockNumberFor<T>,
			rules: Option<PoolRules>,
			worker_stake: Option<(T::AccountId, Rep)>,
		) -> Result<PoolId, DispatchError> {
			Self::do_open(initiator, post, fee, duration, rules, worker_stake, Opener::Protocol)
		}

		fn pool_of(post: PostId) -> Option<PoolId> {
			PoolOfPost::<T>::get(post)
		}

		fn min_fee() -> u128 {
			Params::<T>::get().min_pool_fee
		}

		fn duration_bounds() -> (BlockNumberFor<T>, BlockNumberFor<T>) {
			let params = Params::<T>::get();
			(params.pool_duration_min, params.pool_duration_max)
		}

		fn default_duration() -> BlockNumberFor<T> {
			Params::<T>::get().pool_duration_default
		}

		fn default_rules() -> guild_primitives::PoolRules {
			Params::<T>::get().rules()
		}
	}

	impl<T: Config> ValidationStages<T::AccountId, u128, BlockNumberFor<T>> for Pallet<T> {
		fn open_stage(
			initiator: &T::AccountId,
			post: PostId,
			fee: u128,
			duration: BlockNumberFor<T>,
			rules: PoolRules,
		) -> Result<PoolId, DispatchError> {
			// A governance proposal's later stages judge a post its first stage ratified.
			Self::do_open(initiator, post, fee, duration, Some(rules), None, Opener::Stage)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Check a parameter set, with a named error for what is wrong.
		pub fn validate_params(params: &ParamsOf<T>) -> DispatchResult {
			ensure!(!params.minting_ratio.is_zero(), Error::<T>::ZeroMintingRatio);
			ensure!(!params.min_pool_fee.is_zero(), Error::<T>::ZeroMinPoolFee);
			Self::validate_rules(&params.rules())?;
			ensure!(!params.pool_duration_min.is_zero(), Error::<T>::ZeroPoolDuration);
			ensure!(
				params.pool_duration_min <= params.pool_duration_default
					&& params.pool_duration_default <= params.pool_duration_max,
				Error::<T>::DefaultDurationOutOfBounds
			);
			Ok(())
		}

		/// Check the rules one pool is judged by.
		pub fn validate_rules(rules: &PoolRules) -> DispatchResult {
			ensure!(rules.win_ratio >= Perbill::from_percent(50), Error::<T>::WinRatioBelowHalf);
			Ok(())
		}

		/// The outcome of a pool with `tally`, judged by `rules`, when `total_rep` REP is held by
		/// accounts (before this pool's REP moves). Exact, in 256-bit integers:
		/// - the consent quorum: the stakes of accounts that are not authors of the post must
		///   reach `quorum × total_rep` (met when nobody holds REP);
		/// - the win test on the staked REP, the authors' minted stake at its floored value: a
		///   tie passes.
		pub fn outcome(rules: &PoolRules, tally: &Tally, total_rep: Rep) -> PoolOutcome {
			let billion = U256::from(Perbill::ACCURACY);
			if U256::from(tally.consent()) * billion
				< U256::from(rules.quorum.deconstruct()) * U256::from(total_rep)
			{
				return PoolOutcome::QuorumNotMet;
			}
			let staked = U256::from(tally.for_total) + U256::from(tally.against_total);
			if U256::from(tally.for_total) * billion
				>= U256::from(rules.win_ratio.deconstruct()) * staked
			{
				PoolOutcome::Accepted
			} else {
				PoolOutcome::Rejected
			}
		}

		/// The most weight evaluating a pool with `stakers` stakers may take: the settlement and
		/// the `OnPoolResolved` listeners at their worst (the propagation is a step of its own:
		/// [`Self::propagation_weight`]).
		pub fn evaluation_weight(stakers: u32) -> Weight {
			Self::settlement_weight(stakers).saturating_add(T::OnPoolResolved::max_weight())
		}

		/// The settlement of a pool with `stakers` stakers: the benchmarked evaluation and, for a
		/// losing worker, the availability pallet's part of the loss.
		pub fn settlement_weight(stakers: u32) -> Weight {
			T::WeightInfo::evaluate(stakers).saturating_add(T::WorkerLosses::lose_weight())
		}

		/// The weight of running the pending propagation at worst: the forum's worst case and
		/// the pending record's read and removal.
		pub fn propagation_weight() -> Weight {
			T::ForumWeight::get().saturating_add(T::DbWeight::get().reads_writes(1, 1))
		}

		/// Run the pending propagation if a worst-case one fits in `budget`. Returns the weight
		/// used.
		pub(crate) fn run_pending_propagation(budget: Weight) -> Weight {
			if !Self::propagation_weight().all_lte(budget) {
				return Weight::zero();
			}
			match PendingPropagation::<T>::get() {
				Some(pending) => {
					PendingPropagation::<T>::kill();
					Self::propagate(pending);
					Self::propagation_weight()
				},
				None => T::DbWeight::get().reads(1),
			}
		}

		/// Place an accepted pool's `for_minted` into its post; burned if the forum fails.
		fn propagate(pending: Propagation) {
			let Propagation { pool, post, amount } = pending;
			if let Err(e) = T::Forum::propagate(post, amount) {
				not_reached!("pool {pool}: propagate post {post}: {e:?}");
				let burned = Self::burn(amount);
				if !burned.is_zero() {
					Self::deposit_event(Event::<T>::RepBurned { pool, amount: burned });
				}
			}
		}

		/// `floor(pot × weight / total)`, or nothing if there is no weight at all.
		pub fn share(pot: Rep, weight: Rep, total: Rep) -> Rep {
			if total.is_zero() {
				return 0;
			}
			multiply_by_rational_with_rounding(pot, weight, total, Rounding::Down).unwrap_or(0)
		}

		/// Open a pool: the checks and effects of `initiate` and [`ValidationPools::open`].
		pub(crate) fn do_open(
			initiator: &T::AccountId,
			post: PostId,
			fee: u128,
			duration: BlockNumberFor<T>,
			rules: Option<PoolRules>,
			worker_stake: Option<(T::AccountId, Rep)>,
			opener: Opener,
		) -> Result<PoolId, DispatchError> {
			let params = Params::<T>::get();
			let rules = rules.unwrap_or_else(|| params.rules());
			Self::validate_rules(&rules)?;
			ensure!(duration >= params.pool_duration_min, Error::<T>::DurationTooShort);
			ensure!(duration <= params.pool_duration_max, Error::<T>::DurationTooLong);
			ensure!(fee >= params.min_pool_fee, Error::<T>::FeeBelowMinimum);
			// An empty DAO is opened by root only (§2): a protocol rule (a governance proposal)
			// must not mint the first REP either. `initiate` checks it before; root's
			// `force_initiate` is the way in.
			ensure!(
				opener == Opener::Author || !T::Reputation::total_rep().is_zero(),
				Error::<T>::BootstrapByRootOnly
			);
			let minted = params.minting_ratio.saturating_mul_int(fee);
			ensure!(!minted.is_zero(), Error::<T>::FeeTooLow);
			let status = T::Forum::status(post).ok_or(Error::<T>::UnknownPost)?;
			ensure!(
				status == PostStatus::Open
					|| (opener == Opener::Stage && status == PostStatus::Ratified),
				Error::<T>::PostNotOpen
			);
			ensure!(!PoolOfPost::<T>::contains_key(post), Error::<T>::PoolAlreadyOpen);
			if let Some((worker, amount)) = &worker_stake {
				ensure!(!amount.is_zero(), Error::<T>::ZeroStake);
				ensure!(
					T::Reputation::held(worker, RepHoldReason::Availability) >= *amount,
					Error::<T>::InsufficientAvailabilityStake
				);
			}
			ensure!(
				T::Currency::reducible_balance(
					initiator,
					Preservation::Preserve,
					Fortitude::Polite
				) >= fee,
				Error::<T>::InsufficientBalance
			);
			let now = frame_system::Pallet::<T>::block_number();
			let pool = NextPoolId::<T>::get();
			let end = Self::end_block_with_room(now.saturating_add(duration), opener)?;

			// Checks done: effects from here on.
			T::Currency::transfer(
				initiator,
				&T::Reputation::dao_account(),
				fee,
				Preservation::Preserve,
			)?;
			T::Reputation::mint_unowned(minted);
			let for_minted = rules.stake_for_author.mul_floor(minted);
			let against_minted = minted - for_minted;
			let mut open = OpenPool {
				post,
				initiator: initiator.clone(),
				fee,
				minted,
				for_minted,
				against_minted,
				rules,
				end,
				tally: Tally {
					for_total: for_minted,
					against_total: against_minted,
					..Default::default()
				},
				stakers: 0,
			};
			let worker_staked = worker_stake.map(|(worker, amount)| {
				Stakes::<T>::insert(
					pool,
					&worker,
					StakeInfo { in_favor: true, amount: 0, availability: amount },
				);
				// The worker is an author of the evidence: their stake is not consent.
				open.tally.for_total = open.tally.for_total.saturating_add(amount);
				open.stakers = 1;
				(worker, amount)
			});
			Pools::<T>::insert(pool, PoolStatus::Open(open));
			PoolOfPost::<T>::insert(post, pool);
			if !EndAgenda::<T>::push(pool, end) {
				// Not reached: `end_block_with_room` found room in this block, in this call.
				not_reached!("pool {pool}: end block {end:?} found with room is full");
			}
			NextPoolId::<T>::put(pool.saturating_add(1));

			Self::deposit_event(Event::<T>::PoolInitiated {
				pool,
				post,
				initiator: initiator.clone(),
				fee,
				minted,
				for_minted,
				against_minted,
				end,
			});
			if let Some((who, amount)) = worker_staked {
				Self::deposit_event(Event::<T>::Staked { pool, who, amount, in_favor: true });
			}
			Ok(pool)
		}

		/// The end block of a new pool that should end at `end`. An author's pool may take only
		/// half of an end block's room, so that pools opened on posts one owns can never fill the
		/// blocks where protocol pools end; a protocol pool whose end block is full ends in the
		/// next block with room, at most [`MAX_END_BLOCK_SEARCH`] blocks later (PROTOCOL.md §4).
		/// Changes nothing.
		fn end_block_with_room(
			end: BlockNumberFor<T>,
			opener: Opener,
		) -> Result<BlockNumberFor<T>, DispatchError> {
			let max = T::MaxPoolsEndingPerBlock::get();
			let (room, probes) = match opener {
				Opener::Author => (max.div_ceil(2), 1),
				_ => (max, MAX_END_BLOCK_SEARCH),
			};
			EndAgenda::<T>::find_room(end, room, probes)
				.ok_or_else(|| Error::<T>::TooManyPoolsEndingAt.into())
		}

		/// Stake: the checks and effects of the `stake` call.
		pub(crate) fn do_stake(
			who: &T::AccountId,
			pool: PoolId,
			amount: Rep,
			in_favor: bool,
		) -> DispatchResult {
			ensure!(!amount.is_zero(), Error::<T>::ZeroStake);
			let mut open = match Pools::<T>::get(pool) {
				None => return Err(Error::<T>::UnknownPool.into()),
				Some(PoolStatus::Resolved(_)) => return Err(Error::<T>::PoolAlreadyResolved.into()),
				Some(PoolStatus::Open(open)) => open,
			};
			ensure!(frame_system::Pallet::<T>::block_number() <= open.end, Error::<T>::PoolEnded);
			let mut order = StakeOrder::<T>::get(pool);
			let mut evicted = None;
			let mut stake = match Stakes::<T>::get(pool, who) {
				Some(stake) => {
					ensure!(stake.in_favor == in_favor, Error::<T>::AlreadyStakedOtherSide);
					stake
				},
				None => {
					if open.stakers >= T::MaxStakersPerPool::get() {
						// Full: a larger stake takes the place of the smallest (§4).
						let smallest = order.first().cloned();
						match smallest {
							Some((smallest, loser)) if amount > smallest => {
								order.remove(0);
								evicted = Some(loser);
							},
							Some(_) => return Err(Error::<T>::StakeTooSmallForFullPool.into()),
							// Only unevictable (workers') stakes.
							None => return Err(Error::<T>::PoolFull.into()),
						}
					} else {
						open.stakers += 1;
					}
					StakeInfo { in_favor, amount: 0, availability: 0 }
				},
			};
			ensure!(T::Reputation::free(who) >= amount, Error::<T>::InsufficientFreeRep);
			let authors = T::Forum::authors(open.post).unwrap_or_default();
			let is_author = |a: &T::AccountId| authors.iter().any(|(x, _)| x == a);

			// Checks done: effects from here on.
			if let Some(loser) = evicted {
				Self::evict(pool, &mut open, &loser, is_author(&loser));
			}
			T::Reputation::hold(who, RepHoldReason::PoolStake, amount)?;
			stake.amount = stake.amount.saturating_add(amount);
			Self::count(&mut open.tally, in_favor, !is_author(who), amount, true);
			// Keep the evictable stakes ordered, smallest first and the newest first among equals.
			// A worker's stake (availability counted FOR) is not evictable.
			if stake.availability.is_zero() {
				order.retain(|(_, a)| a != who);
				let at = order.partition_point(|(a, _)| *a < stake.amount);
				if order.try_insert(at, (stake.amount, who.clone())).is_err() {
					// Not reached: the list holds at most `MaxStakersPerPool - 1` others here.
					not_reached!("the stake order of pool {pool} is full");
				}
			}
			Stakes::<T>::insert(pool, who, stake);
			StakeOrder::<T>::insert(pool, order);
			Pools::<T>::insert(pool, PoolStatus::Open(open));
			Self::deposit_event(Event::<T>::Staked { pool, who: who.clone(), amount, in_favor });
			Ok(())
		}

		/// Add (or, with `add` false, take away) `amount` staked on one side of `tally`; a
		/// non-author's stake counts toward the consent quorum too.
		fn count(tally: &mut Tally, in_favor: bool, consent: bool, amount: Rep, add: bool) {
			let op = |x: &mut Rep| {
				*x = if add { x.saturating_add(amount) } else { x.saturating_sub(amount) }
			};
			match (in_favor, consent) {
				(true, true) => {
					op(&mut tally.for_total);
					op(&mut tally.consent_for)
				},
				(true, false) => op(&mut tally.for_total),
				(false, true) => {
					op(&mut tally.against_total);
					op(&mut tally.consent_against)
				},
				(false, false) => op(&mut tally.against_total),
			}
		}

		/// Release the stake of `who` from a full pool to make room for a larger one.
		fn evict(pool: PoolId, open: &mut OpenPoolOf<T>, who: &T::AccountId, is_author: bool) {
			let Some(stake) = Stakes::<T>::take(pool, who) else {
				not_reached!("an ordered stake of pool {pool} has no record");
				return;
			};
			Self::release(who, stake.amount);
			Self::count(&mut open.tally, stake.in_favor, !is_author, stake.amount, false);
			Self::deposit_event(Event::<T>::StakeEvicted {
				pool,
				who: who.clone(),
				amount: stake.amount,
			});
		}

		/// The hook: evaluate the pools that ended before block `n`, walking the end blocks from
		/// the cursor, at most `MaxEvaluationsPerBlock` pools and `MAX_SLOTS_PER_BLOCK` end
		/// blocks. Returns the weight used.
		pub(crate) fn evaluate_ended(n: BlockNumberFor<T>, max_evaluations: u32) -> Weight {
			let mut weight = Weight::zero();
			let walked = EndAgenda::<T>::take_due(
				n,
				MAX_SLOTS_PER_BLOCK,
				max_evaluations,
				// An accepted pool's propagation comes before the next evaluation.
				|| !PendingPropagation::<T>::exists(),
				|pool, _end| {
					if let Some(PoolStatus::Open(open)) = Pools::<T>::get(pool) {
						weight.saturating_accrue(Self::settlement_weight(open.stakers));
						weight.saturating_accrue(Self::resolve(pool, open));
					}
				},
			);
			weight.saturating_add(T::WeightInfo::on_initialize_slots(walked.blocks))
		}

		/// Settle an ended pool: outcome, fee, stakes, pot, post. Removes its stakes and keeps a
		/// small resolved record. Never fails: a ledger or forum error is logged and what it left
		/// in the unowned pot is burned, so REP stays conserved. Returns the weight used by the
		/// `OnPoolResolved` hook.
		pub(crate) fn resolve(pool: PoolId, open: OpenPoolOf<T>) -> Weight {
			let OpenPool {
				post,
				initiator,
				fee,
				minted,
				for_minted,
				against_minted,
				rules,
				tally,
				..
			} = open;
			let outcome = Self::outcome(&rules, &tally, T::Reputation::total_rep());
			let stakes: Vec<(T::AccountId, StakeInfo)> = Stakes::<T>::drain_prefix(pool).collect();
			StakeOrder::<T>::remove(pool);
			PoolOfPost::<T>::remove(post);
			Pools::<T>::insert(
				pool,
				PoolStatus::Resolved(ResolvedPool {
					post,
					outcome,
					tally,
					resolved_at: frame_system::Pallet::<T>::block_number(),
				}),
			);
			Self::deposit_event(Event::<T>::PoolResolved {
				pool,
				post,
				outcome,
				for_total: tally.for_total,
				against_total: tally.against_total,
			});

			let burned = match outcome {
				PoolOutcome::QuorumNotMet => {
					for (who, stake) in stakes {
						Self::release(&who, stake.amount);
						Self::deposit_event(Event::<T>::StakeSettled {
							pool,
							who,
							returned: stake.total(),
							lost: 0,
							reward: 0,
						});
					}
					// The missed quorum costs the initiator `quorum_miss_fee` of the fee, paid
					// out as salary like any judged fee; the rest goes back.
					let kept = rules.quorum_miss_fee.mul_floor(fee);
					let refund = fee.saturating_sub(kept);
					let dao = T::Reputation::dao_account();
					match T::Currency::transfer(&dao, &initiator, refund, Preservation::Preserve) {
						Ok(_) => {
							if !kept.is_zero() {
								T::Reputation::distribute_fee(kept);
							}
							Self::deposit_event(Event::<T>::FeeRefunded {
								pool,
								initiator,
								fee: refund,
								kept,
							})
						},
						Err(e) => {
							log::warn!(target: LOG_TARGET, "pool {pool}: fee refund failed: {e:?}");
							// The fee cannot go back: it joins the fee salary rather than lie
							// unclaimed in the DAO account.
							T::Reputation::distribute_fee(fee);
							Self::deposit_event(Event::<T>::FeeRefundFailed {
								pool,
								initiator,
								fee,
							});
						},
					}
					Self::burn(minted)
				},
				PoolOutcome::Accepted | PoolOutcome::Rejected => {
					// The salary is shared by the holdings from before this pool's REP moves.
					T::Reputation::distribute_fee(fee);
					Self::deposit_event(Event::<T>::FeePaidOut { pool, fee });
					let accepted = outcome == PoolOutcome::Accepted;
					Self::settle(pool, post, accepted, for_minted, against_minted, &rules, stakes)
				},
			};
			if !burned.is_zero() {
				Self::deposit_event(Event::<T>::RepBurned { pool, amount: burned });
			}
			T::OnPoolResolved::on_pool_resolved(pool, post, outcome, tally)
		}

		/// Accepted or Rejected: losers lose `binding` of their stake, the post is ratified (and
		/// `for_minted` propagated) or rejected, the pot goes to the winners. Returns the REP
		/// burned.
		fn settle(
			pool: PoolId,
			post: PostId,
			accepted: bool,
			for_minted: Rep,
			against_minted: Rep,
			rules: &PoolRules,
			stakes: Vec<(T::AccountId, StakeInfo)>,
		) -> Rep {
			let mut burned: Rep = 0;
			let mut lost_total: Rep = 0;
			// Winners' weight: their stakes, plus the authors' minted stake on acceptance. The
			// unowned AGAINST stake takes no share.
			let mut winners_weight: Rep = if accepted { for_minted } else { 0 };
			let mut settled: Vec<(T::AccountId, StakeInfo, Rep)> = Vec::with_capacity(stakes.len());
			for (who, stake) in stakes {
				if stake.in_favor == accepted {
					Self::release(&who, stake.amount);
					winners_weight = winners_weight.saturating_add(stake.total());
					settled.push((who, stake, 0));
				} else {
					let lost = Self::take_loss(&who, &stake, rules.binding);
					lost_total = lost_total.saturating_add(lost);
					settled.push((who, stake, lost));
				}
			}

			let mut pot = if accepted {
				if let Err(e) = T::Forum::ratify(post) {
					not_reached!("pool {pool}: ratify post {post}: {e:?}");
				}
				if !for_minted.is_zero() {
					// Run by the hooks as a step of its own (see the pallet docs).
					let pending = Propagation { pool, post, amount: for_minted };
					if PendingPropagation::<T>::exists() {
						// Not reached: nothing is evaluated while a propagation is pending.
						not_reached!("pool {pool}: a propagation is pending");
						Self::propagate(pending);
					} else {
						PendingPropagation::<T>::put(pending);
					}
				}
				against_minted
			} else {
				if let Err(e) = T::Forum::reject(post) {
					not_reached!("pool {pool}: reject post {post}: {e:?}");
				}
				for_minted.saturating_add(against_minted)
			};
			if rules.redistribute_losing_stakes {
				pot = pot.saturating_add(lost_total);
			} else {
				burned = burned.saturating_add(Self::burn(lost_total));
			}

			let mut paid: Rep = 0;
			for (who, stake, lost) in settled {
				let winner = stake.in_favor == accepted;
				let mut reward =
					if winner { Self::share(pot, stake.total(), winners_weight) } else { 0 };
				if !reward.is_zero() {
					if let Err(e) = T::Reputation::grant(&who, reward) {
						not_reached!("pool {pool}: grant {reward}: {e:?}");
						reward = 0;
					}
				}
				paid = paid.saturating_add(reward);
				Self::deposit_event(Event::<T>::StakeSettled {
					pool,
					who,
					returned: stake.total().saturating_sub(lost),
					lost,
					reward,
				});
			}
			if accepted {
				// No FOR weight at all (a mint too small to stake a unit FOR, and no FOR stakes):
				// the authors' minted stake, counted exactly in the tally, is the only winner.
				let authors_share = if winners_weight.is_zero() {
					pot
				} else {
					Self::share(pot, for_minted, winners_weight)
				};
				paid = paid.saturating_add(Self::pay_authors(pool, post, authors_share));
			}
			burned.saturating_add(Self::burn(pot.saturating_sub(paid)))
		}

		/// Split `amount` of the pot among the authors of `post` by weight, floor each, the
		/// remainder to the first author. Returns what was credited.
		fn pay_authors(pool: PoolId, post: PostId, amount: Rep) -> Rep {
			if amount.is_zero() {
				return 0;
			}
			let authors = T::Forum::authors(post).unwrap_or_default();
			let shares: Vec<Rep> = authors
				.iter()
				.map(|(_, w)| {
					multiply_by_rational_with_rounding(
						amount,
						(*w).min(PPM) as u128,
						PPM as u128,
						Rounding::Down,
					)
					.unwrap_or(0)
				})
				.collect();
			let remainder =
				amount.saturating_sub(shares.iter().fold(0, |a: Rep, s| a.saturating_add(*s)));
			let mut paid: Rep = 0;
			for (i, ((who, _), mut share)) in authors.into_iter().zip(shares).enumerate() {
				if i == 0 {
					share = share.saturating_add(remainder);
				}
				if share.is_zero() {
					continue;
				}
				match T::Reputation::grant(&who, share) {
					Ok(()) => {
						paid = paid.saturating_add(share);
						Self::deposit_event(Event::<T>::StakeSettled {
							pool,
							who,
							returned: 0,
							lost: 0,
							reward: share,
						});
					},
					Err(e) => not_reached!("pool {pool}: grant author: {e:?}"),
				}
			}
			paid
		}

		/// A loser loses `floor(binding × stake)`: from the pool stake first, then from the
		/// availability hold. The rest of the pool stake is released. Returns what was lost.
		fn take_loss(who: &T::AccountId, stake: &StakeInfo, binding: Perbill) -> Rep {
			let loss = binding.mul_floor(stake.total());
			let from_pool = loss.min(stake.amount);
			let mut lost: Rep = 0;
			if !from_pool.is_zero() {
				match T::Reputation::slash_held(who, RepHoldReason::PoolStake, from_pool) {
					Ok(()) => lost = from_pool,
					Err(e) => not_reached!("slash pool stake: {e:?}"),
				}
			}
			Self::release(who, stake.amount.saturating_sub(lost));
			// The rest from the availability stake, through its owner (it may have shrunk
			// meanwhile: what is there is taken).
			let from_availability = loss.saturating_sub(from_pool);
			if !from_availability.is_zero() {
				lost = lost.saturating_add(T::WorkerLosses::lose(who, from_availability));
			}
			lost
		}

		/// Release `amount` of the pool stake of `who`.
		fn release(who: &T::AccountId, amount: Rep) {
			if amount.is_zero() {
				return;
			}
			if let Err(e) = T::Reputation::release(who, RepHoldReason::PoolStake, amount) {
				not_reached!("release pool stake {amount}: {e:?}");
			}
		}

		/// Burn `amount` of unowned REP. Returns what was burned.
		fn burn(amount: Rep) -> Rep {
			if amount.is_zero() {
				return 0;
			}
			match T::Reputation::burn_unowned(amount) {
				Ok(()) => amount,
				Err(e) => {
					not_reached!("burn {amount}: {e:?}");
					0
				},
			}
		}

		/// The REP minted into pools that nobody owns yet: the mints of open pools and the
		/// `for_minted` of accepted pools waiting for their propagation. It is all of the
		/// reputation ledger's unowned REP (PROTOCOL.md §2). Walks every pool: for checks only.
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn minted_in_pools() -> Rep {
			let open: Rep = Pools::<T>::iter()
				.filter_map(|(_, status)| match status {
					PoolStatus::Open(open) => Some(open.minted),
					PoolStatus::Resolved(_) => None,
				})
				.fold(0, |a, m| a.saturating_add(m));
			PendingPropagation::<T>::get().map_or(open, |p| open.saturating_add(p.amount))
		}

		/// The pallet's invariants: every open pool is indexed once by its end block (not behind
		/// the cursor) and by its post, its stakes add up to its tally, and no stake belongs to a
		/// pool that is not open; a pending propagation belongs to an accepted pool; and the
		/// ledger's unowned REP is exactly the pools' mint ([`Self::minted_in_pools`]).
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
			let cursor = EvaluationCursor::<T>::get();
			let mut indexed = BTreeSet::new();
			for (end, ids) in EndingAt::<T>::iter() {
				ensure!(!ids.is_empty(), "an empty end-block list is stored");
				if let Some(cursor) = cursor {
					ensure!(end >= cursor, "pools end in a block behind the cursor");
				}
				for id in ids {
					ensure!(indexed.insert(id), "a pool is indexed twice");
					match Pools::<T>::get(id) {
						Some(PoolStatus::Open(open)) => {
							ensure!(open.end == end, "a pool is indexed at the wrong end block")
						},
						_ => return Err("a pool indexed by end block is not open".into()),
					}
				}
			}
			for (pool, order) in StakeOrder::<T>::iter() {
				ensure!(
					matches!(Pools::<T>::get(pool), Some(PoolStatus::Open(_))),
					"a stake order belongs to a pool that is not open"
				);
				ensure!(order.windows(2).all(|w| w[0].0 <= w[1].0), "a stake order is not sorted");
				for (amount, who) in order.iter() {
					let stake = Stakes::<T>::get(pool, who).ok_or("an ordered stake is missing")?;
					ensure!(
						stake.amount == *amount && stake.availability.is_zero(),
						"an ordered stake is not the stake"
					);
				}
				let evictable = Stakes::<T>::iter_prefix(pool)
					.filter(|(_, s)| s.availability.is_zero())
					.count();
				ensure!(evictable == order.len(), "an evictable stake is not ordered");
			}
			let mut sums: BTreeMap<PoolId, (Rep, Rep, u32)> = BTreeMap::new();
			for (pool, _who, stake) in Stakes::<T>::iter() {
				ensure!(
					matches!(Pools::<T>::get(pool), Some(PoolStatus::Open(_))),
					"a stake belongs to a pool that is not open"
				);
				ensure!(!stake.total().is_zero(), "an empty stake is stored");
				let entry = sums.entry(pool).or_default();
				if stake.in_favor {
					entry.0 = entry.0.saturating_add(stake.total());
				} else {
					entry.1 = entry.1.saturating_add(stake.total());
				}
				entry.2 += 1;
			}
			let next = NextPoolId::<T>::get();
			let mut open_pools = 0usize;
			for (id, status) in Pools::<T>::iter() {
				ensure!(id < next, "a pool id is not below NextPoolId");
				let PoolStatus::Open(open) = status else { continue };
				open_pools += 1;
				ensure!(indexed.contains(&id), "an open pool is not indexed by its end block");
				ensure!(
					PoolOfPost::<T>::get(open.post) == Some(id),
					"an open pool is not its post's"
				);
				ensure!(
					open.for_minted.saturating_add(open.against_minted) == open.minted,
					"minted stakes do not add up"
				);
				let (f, a, n) = sums.get(&id).copied().unwrap_or_default();
				ensure!(open.stakers == n, "staker count is off");
				ensure!(n <= T::MaxStakersPerPool::get(), "too many stakers");
				ensure!(
					open.tally.for_total == open.for_minted.saturating_add(f)
						&& open.tally.against_total == open.against_minted.saturating_add(a),
					"stakes do not add up to the tally"
				);
			}
			ensure!(indexed.len() == open_pools, "an indexed pool is missing");
			ensure!(PoolOfPost::<T>::iter().count() == open_pools, "a post points to no open pool");
			ensure!(
				T::Reputation::unowned() == Self::minted_in_pools(),
				"unowned REP is not the pools' mint (open, or accepted and waiting to propagate)"
			);
			if let Some(pending) = PendingPropagation::<T>::get() {
				ensure!(!pending.amount.is_zero(), "an empty propagation is pending");
				match Pools::<T>::get(pending.pool) {
					Some(PoolStatus::Resolved(r)) => ensure!(
						r.outcome == PoolOutcome::Accepted && r.post == pending.post,
						"a pending propagation is not its accepted pool's"
					),
					_ => return Err("a pending propagation's pool is not resolved".into()),
				}
			}
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Check `params` ([`Pallet::validate_params`]), put them in force and say so: what
	/// `set_params` does once its origin is checked.
	pub fn put_params(params: ParamsOf<T>) -> sp_runtime::DispatchResult {
		Self::validate_params(&params)?;
		Params::<T>::put(params);
		Self::deposit_event(Event::<T>::ParamsSet { params });
		Ok(())
	}
}

/// The `Pool*` keys: [`Params`] as governance reads and changes it.
impl<T: Config> guild_primitives::ParameterOwner for Pallet<T> {
	fn param(key: guild_primitives::ParamKey) -> Option<u128> {
		use guild_primitives::ParamKey::*;
		use sp_runtime::SaturatedConversion;
		let p = Params::<T>::get();
		Some(match key {
			PoolMintingRatio => p.minting_ratio.into_inner(),
			PoolStakeForAuthor => p.stake_for_author.deconstruct().into(),
			PoolQuorum => p.quorum.deconstruct().into(),
			PoolWinRatio => p.win_ratio.deconstruct().into(),
			PoolBinding => p.binding.deconstruct().into(),
			PoolRedistributeLosingStakes => p.redistribute_losing_stakes.into(),
			PoolDurationMin => p.pool_duration_min.saturated_into(),
			PoolDurationDefault => p.pool_duration_default.saturated_into(),
			PoolDurationMax => p.pool_duration_max.saturated_into(),
			PoolMinFee => p.min_pool_fee,
			PoolQuorumMissFee => p.quorum_miss_fee.deconstruct().into(),
			_ => return None,
		})
	}

	fn set_param(
		key: guild_primitives::ParamKey,
		value: u128,
	) -> Result<bool, guild_primitives::SetParamError> {
		use guild_primitives::param_value::{flag, fraction, small};
		use guild_primitives::ParamKey::*;
		let mut p = Params::<T>::get();
		match key {
			PoolMintingRatio => p.minting_ratio = sp_runtime::FixedU128::from_inner(value),
			PoolStakeForAuthor => p.stake_for_author = fraction(value)?,
			PoolQuorum => p.quorum = fraction(value)?,
			PoolWinRatio => p.win_ratio = fraction(value)?,
			PoolBinding => p.binding = fraction(value)?,
			PoolRedistributeLosingStakes => p.redistribute_losing_stakes = flag(value)?,
			PoolDurationMin => p.pool_duration_min = small(value)?,
			PoolDurationDefault => p.pool_duration_default = small(value)?,
			PoolDurationMax => p.pool_duration_max = small(value)?,
			PoolMinFee => p.min_pool_fee = value,
			PoolQuorumMissFee => p.quorum_miss_fee = fraction(value)?,
			_ => return Ok(false),
		}
		Self::put_params(p)?;
		Ok(true)
	}
}
