//! # Validator set: block production as Guild work
//!
//! PROTOCOL.md §12. Validators are experts with REP at stake:
//!
//! - **Election.** At each session end ([`pallet_session::SessionManager::new_session`]) the set
//!   two sessions ahead is the `validator_count` largest `BlockProduction` stakes
//!   ([`BlockProductionStakes`]) whose owners have session keys and stake at least
//!   `min_validator_stake`, older stakes first on ties. While fewer qualify than the chain's
//!   minimum ([`MinValidators`], set at genesis), the genesis validators fill the set in their
//!   genesis order. Accounts absent in the ended session or proven to equivocate are left out.
//!   Nobody adds or removes validators by hand: the parameters are governed like every other.
//! - **Session reports.** When a session ends, its report is posted to the forum
//!   ([`ProtocolForum`]), citing the previous report, and a pool is opened on it
//!   ([`ValidationPools`]) with the session's transaction fees and tips as its fee, judged by the
//!   `session_report` quorum and win ratio. The validators' shares are their blocks in the
//!   session (remainder to the first); the forum post is held by the report account, and when the
//!   pool accepts the report, every REP that reached the report account is passed on to the
//!   validators by those shares ([`guild_primitives::OnPoolResolved`]).
//! - **Liveness.** A validator that authored no block in a session although one of its slots
//!   stayed empty (a secondary slot of its own with no block in the chain) is not re-elected for
//!   the next election (no slash). A secondary slot taken by someone's primary block does not
//!   count against its owner: its block lost the fork choice, it was not absent.
//! - **Equivocation.** BABE's and GRANDPA's equivocation reports arrive through
//!   [`ReportOffence`]: the offender loses `equivocation_slash` of its `BlockProduction` stake
//!   (burned), is disabled for the rest of the session and is left out of the next election.
//!
//! ## Bounded cost
//!
//! Every list is bounded by `MaxValidators` (at most 100, BABE's and GRANDPA's authority limit)
//! or by the availability pallet's `MaxExperts`. A session end reads the candidate list once,
//! sorts it, and writes at most `MaxValidators` records; a report's reward makes at most
//! `MaxValidators` REP grants.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub mod weights;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::Get;
use guild_primitives::{
	BlockProductionStakes, FeeSalary, PoolId, PoolOutcome, PostId, ProtocolForum, Rep,
	ReputationLedger, Tally, ValidationPools, PPM,
};
use scale_info::TypeInfo;
use sp_runtime::{traits::Zero, Perbill};
use sp_staking::{
	offence::{Offence, OffenceError, ReportOffence},
	SessionIndex,
};

/// The weight, in ppm, with which a session report cites the previous one.
pub const REPORT_CITATION_PPM: i32 = 100_000;

/// How many sessions back an equivocation may still be reported, and a `BlockProduction` stake
/// stays locked after its owner's last session as a validator.
pub const REPORT_SESSIONS: SessionIndex = 3;

/// The longest run of empty slots whose owners a block marks: a longer run is a stall of the
/// network, not one validator's absence, and marks nobody.
pub const MAX_GAP_MARKED: u64 = 10;

/// One REP (12 decimals, like the native token).
pub const ONE_REP: Rep = 1_000_000_000_000;

/// The block-production parameters of PROTOCOL.md §9.
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
pub struct ValidatorParams {
	/// The most validators elected for a session (at most `MaxValidators`, at least one).
	pub validator_count: u32,
	/// The smallest `BlockProduction` stake that can be elected (at least one unit).
	pub min_validator_stake: Rep,
	/// The consent quorum of a session report's pool.
	pub report_quorum: Perbill,
	/// The win ratio of a session report's pool.
	pub report_win_ratio: Perbill,
	/// Share of an equivocating validator's `BlockProduction` stake that is burned.
	pub equivocation_slash: Perbill,
}

impl Default for ValidatorParams {
	/// PROTOCOL.md §9: 100 validators, 100 REP, report pools 0% / 50%, slash 50%.
	fn default() -> Self {
		Self {
			validator_count: 100,
			min_validator_stake: 100 * ONE_REP,
			report_quorum: Perbill::zero(),
			report_win_ratio: Perbill::from_percent(50),
			equivocation_slash: Perbill::from_percent(50),
		}
	}
}

/// Why an account was left out of an election it would otherwise have qualified for.
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
pub enum Exclusion {
	/// A secondary slot of its own stayed empty in the ended session and it authored no block.
	Absent,
	/// It was proven to equivocate.
	Equivocated,
}

/// A session report whose pool is open.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Report<Shares> {
	/// The session it reports.
	pub session: SessionIndex,
	/// The pool judging it.
	pub pool: PoolId,
	/// The session's validators that authored blocks, with their blocks, in the session's
	/// authority order.
	pub shares: Shares,
}

/// What the election needs of the session pallet and of BABE. Implemented by the runtime.
pub trait SessionAccess<AccountId> {
	/// The validators of the current session, in their authority order.
	fn validators() -> Vec<AccountId>;
	/// Whether `who` has set session keys.
	fn has_keys(who: &AccountId) -> bool;
	/// Disable `who` for the rest of the current session; whether it was a validator.
	fn disable(who: &AccountId) -> bool;
	/// The current session's index.
	fn current_index() -> SessionIndex;
	/// The current block's BABE slot.
	fn current_slot() -> u64;
	/// The first slot of the current session's epoch.
	fn epoch_start_slot() -> u64;
	/// Whether the current block was authored in a primary (VRF-won) slot.
	fn primary_block() -> bool;
	/// The authority index that BABE gives each of `slots` (of the current epoch) as its
	/// secondary slot, among `count` validators: `blake2_256(randomness, slot) mod count`, the
	/// rule the nodes follow. Empty when `count` is zero.
	fn secondary_owners(slots: core::ops::Range<u64>, count: u32) -> Vec<u32>;
	/// Forget the historical session roots before `up_to` (equivocations there can no longer
	/// be proven).
	fn prune_history(up_to: SessionIndex);
}

/// What the benchmarks need of the runtime around the validator set.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` a `BlockProduction` stake of `amount` REP (made for it) and session keys.
	fn make_candidate(who: &AccountId, amount: Rep);
	/// Make `validators` the current session's set.
	fn set_validators(validators: &[AccountId]);
	/// Make the current BABE slot `slot`, in an epoch that started at slot 0.
	fn set_slot(slot: u64);
	/// Put `amount` of the native token in the DAO account and REP in a holder's hands, so that
	/// protocol pools open with that fee.
	fn fund_dao(amount: u128);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, BoundedVec};
	use frame_system::pallet_prelude::*;

	/// The validators' blocks in a report.
	pub type SharesOf<T> =
		BoundedVec<(<T as frame_system::Config>::AccountId, u32), <T as Config>::MaxValidators>;
	/// A report as stored.
	pub type ReportOf<T> = Report<SharesOf<T>>;
	/// A list of validators.
	pub type SetOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// The `BlockProduction` stakes (`pallet-availability`).
		type Stakes: BlockProductionStakes<Self::AccountId>;
		/// The REP ledger, to pass a report's REP on to its validators.
		type Reputation: ReputationLedger<Self::AccountId>;
		/// The forum, to post session reports and to recognise them.
		type Forum: ProtocolForum<Self::AccountId> + guild_primitives::Forum<Self::AccountId>;
		/// The validation pools, to judge session reports.
		type Pools: ValidationPools<Self::AccountId, u128, BlockNumberFor<Self>>;
		/// The fee salary: its DAO account holds the transaction fees until a report's pool.
		type Salary: FeeSalary<Self::AccountId, u128>;
		/// The session pallet and BABE, as the election sees them.
		type Session: SessionAccess<Self::AccountId>;
		/// The account that holds the session reports' forum posts.
		#[pallet::constant]
		type ReportAccount: Get<Self::AccountId>;
		/// Who may change [`Params`]: root or a forum proposal.
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The most validators a session may have (BABE's and GRANDPA's `MaxAuthorities`).
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
		/// Sets up what the benchmarks need.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The block-production parameters (PROTOCOL.md §9).
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, ValidatorParams, ValueQuery>;

	/// The validators at genesis, who fill the set while too few candidates qualify.
	#[pallet::storage]
	pub type GenesisValidators<T: Config> = StorageValue<_, SetOf<T>, ValueQuery>;

	/// The chain's minimum number of validators: the genesis validators fill up to it.
	#[pallet::storage]
	pub type MinValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The set chosen by the last election (for the session after next).
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, SetOf<T>, ValueQuery>;

	/// Blocks authored in the current session, by author.
	#[pallet::storage]
	pub type SessionBlocks<T: Config> = StorageValue<_, SharesOf<T>, ValueQuery>;

	/// The slot of the last block counted.
	#[pallet::storage]
	pub type LastSlot<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Authority indices of the current session whose secondary slot stayed empty (sorted).
	#[pallet::storage]
	pub type MissedSlots<T: Config> =
		StorageValue<_, BoundedVec<u32, <T as Config>::MaxValidators>, ValueQuery>;

	/// Transaction fees and tips collected since the last report's pool (in the DAO account).
	#[pallet::storage]
	pub type SessionFees<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// Accounts the next election leaves out, and why.
	#[pallet::storage]
	pub type Excluded<T: Config> = StorageValue<
		_,
		BoundedVec<(T::AccountId, Exclusion), ConstU32<{ 2 * guild_primitives::MAX_VALIDATORS }>>,
		ValueQuery,
	>;

	/// The last session in which each account is a validator (as elected); its
	/// `BlockProduction` stake stays locked until [`REPORT_SESSIONS`] sessions later.
	#[pallet::storage]
	pub type LastValidated<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SessionIndex, OptionQuery>;

	/// Validators punished for an equivocation, by the session of the punishment: one slash per
	/// validator and report window.
	#[pallet::storage]
	pub type Punished<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		SessionIndex,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// The last session report's post: the next one cites it.
	#[pallet::storage]
	pub type LastReport<T: Config> = StorageValue<_, PostId, OptionQuery>;

	/// Session reports whose pools are open, by post.
	#[pallet::storage]
	pub type Reports<T: Config> = StorageMap<_, Twox64Concat, PostId, ReportOf<T>, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators at genesis.
		pub validators: Vec<T::AccountId>,
		/// The chain's minimum; the number of genesis validators if left at 0.
		pub min_validators: u32,
		/// The parameters; PROTOCOL.md §9's defaults if left out.
		pub params: Option<ValidatorParams>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut set = SetOf::<T>::default();
			for v in &self.validators {
				assert!(!set.contains(v), "duplicate validator in genesis");
				set.try_push(v.clone()).expect("genesis validators exceed MaxValidators");
			}
			// Left out: §9's defaults, with no more validators than the runtime allows.
			let params = self.params.unwrap_or_else(|| ValidatorParams {
				validator_count: ValidatorParams::default()
					.validator_count
					.min(T::MaxValidators::get()),
				..Default::default()
			});
			Pallet::<T>::check_params(&params).expect("genesis validator params are valid");
			Params::<T>::put(params);
			MinValidators::<T>::put(if self.min_validators == 0 {
				set.len() as u32
			} else {
				self.min_validators
			});
			Validators::<T>::put(&set);
			GenesisValidators::<T>::put(set);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The validators of session `session` were elected: `filled` of them are genesis
		/// validators filling up to the chain's minimum.
		Elected { session: SessionIndex, validators: Vec<T::AccountId>, filled: u32 },
		/// `who` is left out of the next election.
		NotReElected { who: T::AccountId, reason: Exclusion },
		/// The report of `session` was posted as `post`, judged by `pool` with `fee` of
		/// transaction fees; `blocks` blocks were authored.
		ReportPosted { session: SessionIndex, post: PostId, pool: PoolId, fee: u128, blocks: u32 },
		/// No report for `session`: its `fees` are below a pool's minimum fee and wait for the
		/// next session's report.
		ReportDeferred { session: SessionIndex, fees: u128 },
		/// The report of `session` could not be posted or its pool opened; its fees wait.
		ReportFailed { session: SessionIndex, error: DispatchError },
		/// The report `post` was accepted: `who` received `rep` REP for `blocks` blocks.
		ReportRewarded { post: PostId, who: T::AccountId, blocks: u32, rep: Rep },
		/// The report `post` was not accepted (`outcome`): its validators receive nothing.
		ReportNotAccepted { post: PostId, outcome: PoolOutcome },
		/// `who` equivocated in session `session`: `burned` REP of its `BlockProduction` stake
		/// was burned and it is disabled for the rest of the session.
		Equivocated { who: T::AccountId, session: SessionIndex, burned: Rep },
		/// The parameters changed.
		ParamsSet { params: ValidatorParams },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// `validator_count` must be between one and `MaxValidators`.
		BadValidatorCount,
		/// `min_validator_stake` must be at least one unit.
		ZeroMinValidatorStake,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxValidators::get() > 0, "MaxValidators must be positive");
			assert!(
				T::MaxValidators::get() <= guild_primitives::MAX_VALIDATORS,
				"MaxValidators above the exclusion list's bound"
			);
		}

		/// What counting this block's author costs (`note_block`, called by
		/// `pallet-authorship` in the same block's initialisation).
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			T::WeightInfo::note_block()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Change the block-production parameters; they apply from the next election on.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: ValidatorParams) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			Self::put_params(params)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Check a parameter set, with a named error for what is wrong.
		pub fn check_params(params: &ValidatorParams) -> DispatchResult {
			ensure!(
				params.validator_count >= 1 && params.validator_count <= T::MaxValidators::get(),
				Error::<T>::BadValidatorCount
			);
			ensure!(!params.min_validator_stake.is_zero(), Error::<T>::ZeroMinValidatorStake);
			Ok(())
		}

		/// Check `params`, put them in force and say so.
		pub fn put_params(params: ValidatorParams) -> DispatchResult {
			Self::check_params(&params)?;
			Params::<T>::put(params);
			Self::deposit_event(Event::<T>::ParamsSet { params });
			Ok(())
		}

		/// Count a block authored by `author` in the current session, and mark the owners of
		/// the secondary slots left empty since the last block.
		///
		/// Only a secondary block marks: BABE's fork choice weighs primary blocks only, so a
		/// primary block may have been built past secondary blocks that were there (and win),
		/// while a secondary block that skipped a block would lose to it. A run longer than
		/// [`MAX_GAP_MARKED`] is a stall and marks nobody; slots of the previous epoch are not
		/// this session's.
		pub fn note_block(author: &T::AccountId) {
			let slot = T::Session::current_slot();
			let from = LastSlot::<T>::get().saturating_add(1).max(T::Session::epoch_start_slot());
			LastSlot::<T>::put(slot);
			if from < slot && slot - from <= MAX_GAP_MARKED && !T::Session::primary_block() {
				let count = T::Session::validators().len() as u32;
				let owners = T::Session::secondary_owners(from..slot, count);
				MissedSlots::<T>::mutate(|missed| {
					for index in owners {
						if let Err(at) = missed.binary_search(&index) {
							// At most one entry per validator: `count` ≤ `MaxValidators`.
							let _ = missed.try_insert(at, index);
						}
					}
				});
			}
			SessionBlocks::<T>::mutate(|blocks| {
				if let Some((_, n)) = blocks.iter_mut().find(|(who, _)| who == author) {
					*n = n.saturating_add(1);
				} else if blocks.try_push((author.clone(), 1)).is_err() {
					// At most `MaxValidators` authors in a session.
					frame_support::defensive!("more block authors than validators");
				}
			});
		}

		/// Count transaction fees and tips that reached the DAO account.
		pub fn note_fees(amount: u128) {
			SessionFees::<T>::mutate(|fees| *fees = fees.saturating_add(amount));
		}

		/// The election of §12 for session `session`. Returns the set, or `None` when nobody
		/// at all can validate (the set in force is kept).
		pub fn elect(session: SessionIndex) -> Option<Vec<T::AccountId>> {
			let params = Params::<T>::get();
			let excluded = Excluded::<T>::take();
			// Offenders punished within the report window stay out of every election in it.
			let punished: Vec<T::AccountId> = Punished::<T>::iter_keys().map(|(_, w)| w).collect();
			let left_out = |who: &T::AccountId| {
				excluded.iter().any(|(x, _)| x == who) || punished.contains(who)
			};
			let mut qualified: Vec<(T::AccountId, Rep)> = T::Stakes::candidates()
				.into_iter()
				.filter(|(who, amount)| {
					*amount >= params.min_validator_stake
						&& !left_out(who) && T::Session::has_keys(who)
				})
				.collect();
			// Stable: older stakes stay first among equal amounts.
			qualified.sort_by(|a, b| b.1.cmp(&a.1));
			let count = params.validator_count.min(T::MaxValidators::get()) as usize;
			let mut set: Vec<T::AccountId> =
				qualified.into_iter().take(count).map(|(who, _)| who).collect();
			let minimum = (MinValidators::<T>::get() as usize).min(count);
			let mut filled = 0u32;
			for who in GenesisValidators::<T>::get() {
				if set.len() >= minimum {
					break;
				}
				if !set.contains(&who) && !left_out(&who) && T::Session::has_keys(&who) {
					set.push(who);
					filled += 1;
				}
			}
			if set.is_empty() {
				return None;
			}
			for who in &set {
				LastValidated::<T>::insert(who, session);
			}
			Validators::<T>::put(SetOf::<T>::truncate_from(set.clone()));
			Self::deposit_event(Event::<T>::Elected { session, validators: set.clone(), filled });
			Some(set)
		}

		/// The end of session `ended`: who was absent, and its report.
		pub fn end_of_session(ended: SessionIndex) {
			let validators = T::Session::validators();
			let blocks = SessionBlocks::<T>::take();
			let missed = MissedSlots::<T>::take();
			let mut excluded = Excluded::<T>::get();
			let mut shares = SharesOf::<T>::default();
			for (index, who) in validators.iter().enumerate() {
				let authored =
					blocks.iter().find(|(author, _)| author == who).map(|(_, n)| *n).unwrap_or(0);
				if authored == 0 && missed.binary_search(&(index as u32)).is_ok() {
					if !excluded.iter().any(|(x, _)| x == who)
						&& excluded.try_push((who.clone(), Exclusion::Absent)).is_ok()
					{
						Self::deposit_event(Event::<T>::NotReElected {
							who: who.clone(),
							reason: Exclusion::Absent,
						});
					}
				}
				if authored > 0 {
					let _ = shares.try_push((who.clone(), authored));
				}
			}
			Excluded::<T>::put(excluded);
			Self::post_report(ended, shares);
		}

		/// Post the report of `session` with the validators' `shares` and open its pool, when the
		/// fees collected reach a pool's minimum fee.
		fn post_report(session: SessionIndex, shares: SharesOf<T>) {
			let fees = SessionFees::<T>::get();
			let blocks: u32 = shares.iter().map(|(_, n)| *n).fold(0, u32::saturating_add);
			if fees < T::Pools::min_fee() || blocks == 0 {
				Self::deposit_event(Event::<T>::ReportDeferred { session, fees });
				return;
			}
			let params = Params::<T>::get();
			let rules = guild_primitives::PoolRules {
				quorum: params.report_quorum,
				win_ratio: params.report_win_ratio,
				..T::Pools::default_rules()
			};
			let references = LastReport::<T>::get()
				.map(|previous| alloc::vec![(previous, REPORT_CITATION_PPM)])
				.unwrap_or_default();
			let content = sp_io::hashing::blake2_256(
				&(b"guild/session-report", session, &shares, fees).encode(),
			);
			let dao = T::Salary::dao_account();
			let opened = frame_support::storage::with_transaction(|| {
				let result = T::Forum::post(&T::ReportAccount::get(), references, content)
					.and_then(|post| {
						T::Pools::open(
							&dao,
							post,
							fees,
							T::Pools::default_duration(),
							Some(rules),
							None,
						)
						.map(|pool| (post, pool))
					});
				match result {
					Ok(done) => frame_support::storage::TransactionOutcome::Commit(Ok(done)),
					Err(e) => frame_support::storage::TransactionOutcome::Rollback(Err(e)),
				}
			});
			match opened {
				Ok((post, pool)) => {
					SessionFees::<T>::kill();
					LastReport::<T>::put(post);
					Reports::<T>::insert(post, Report { session, pool, shares });
					Self::deposit_event(Event::<T>::ReportPosted {
						session,
						post,
						pool,
						fee: fees,
						blocks,
					});
				},
				Err(error) => Self::deposit_event(Event::<T>::ReportFailed { session, error }),
			}
		}

		/// Pass every REP the report account holds on to the report's validators by blocks
		/// (remainder to the first). Returns how many grants were made.
		pub(crate) fn reward(post: PostId, shares: &SharesOf<T>) -> u32 {
			let account = T::ReportAccount::get();
			let total = T::Reputation::free(&account);
			let blocks: u128 = shares.iter().map(|(_, n)| *n as u128).sum();
			if total.is_zero() || blocks.is_zero() {
				return 0;
			}
			let mut parts: Vec<Rep> = shares
				.iter()
				.map(|(_, n)| {
					sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
						total,
						*n as u128,
						blocks,
						sp_runtime::Rounding::Down,
					)
					.unwrap_or(0)
				})
				.collect();
			let given: Rep = parts.iter().sum();
			if let Some(first) = parts.first_mut() {
				*first = first.saturating_add(total.saturating_sub(given));
			}
			if let Err(e) = T::Reputation::reclaim(&account, total) {
				frame_support::defensive!("reclaim of the report account's REP", e);
				return 0;
			}
			for ((who, n), rep) in shares.iter().zip(parts) {
				if rep.is_zero() {
					continue;
				}
				if let Err(e) = T::Reputation::grant(who, rep) {
					frame_support::defensive!("grant of a report's REP", e);
				}
				Self::deposit_event(Event::<T>::ReportRewarded {
					post,
					who: who.clone(),
					blocks: *n,
					rep,
				});
			}
			shares.len() as u32
		}

		/// Whether `who` was punished in this session or the [`REPORT_SESSIONS`] before it (the
		/// report window): it is disabled wherever it sits and elected nowhere in that window,
		/// so a further report adds nothing.
		pub fn punished_recently(who: &T::AccountId) -> bool {
			let now = T::Session::current_index();
			(now.saturating_sub(REPORT_SESSIONS)..=now).any(|s| Punished::<T>::contains_key(s, who))
		}

		/// Punish `who` for an equivocation in session `session`, once per report window
		/// (counted from the punishment).
		pub fn punish(who: &T::AccountId, session: SessionIndex) -> bool {
			if Self::punished_recently(who) {
				return false;
			}
			Punished::<T>::insert(T::Session::current_index(), who, ());
			let burned = T::Stakes::slash(who, Params::<T>::get().equivocation_slash);
			T::Session::disable(who);
			Excluded::<T>::mutate(|list| {
				list.retain(|(x, _)| x != who);
				let _ = list.try_push((who.clone(), Exclusion::Equivocated));
			});
			Self::deposit_event(Event::<T>::Equivocated { who: who.clone(), session, burned });
			Self::deposit_event(Event::<T>::NotReElected {
				who: who.clone(),
				reason: Exclusion::Equivocated,
			});
			true
		}

		/// The pallet's invariants: valid parameters, bounded and duplicate-free lists, counts
		/// that refer to the current set, reports with blocks, punishments within the window.
		#[cfg(any(test, feature = "try-runtime"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			Self::check_params(&Params::<T>::get())?;
			let unique = |accounts: Vec<&T::AccountId>| {
				let mut sorted = accounts.clone();
				sorted.sort();
				sorted.dedup();
				sorted.len() == accounts.len()
			};
			let set = Validators::<T>::get();
			ensure!(!set.is_empty() || GenesisValidators::<T>::get().is_empty(), "empty set");
			ensure!(unique(set.iter().collect()), "a validator elected twice");
			let blocks = SessionBlocks::<T>::get();
			ensure!(unique(blocks.iter().map(|(w, _)| w).collect()), "an author counted twice");
			ensure!(blocks.iter().all(|(_, n)| *n > 0), "an author with no block");
			let count = T::Session::validators().len() as u32;
			let missed = MissedSlots::<T>::get();
			ensure!(missed.windows(2).all(|w| w[0] < w[1]), "missed slots unsorted");
			ensure!(missed.iter().all(|i| *i < count), "a missed slot of no validator");
			let excluded = Excluded::<T>::get();
			ensure!(unique(excluded.iter().map(|(w, _)| w).collect()), "excluded twice");
			for (post, report) in Reports::<T>::iter() {
				ensure!(
					LastReport::<T>::get().is_some_and(|last| last >= post),
					"report after last"
				);
				ensure!(!report.shares.is_empty(), "a report without blocks");
				ensure!(report.shares.iter().all(|(_, n)| *n > 0), "a share without blocks");
				ensure!(unique(report.shares.iter().map(|(w, _)| w).collect()), "a share twice");
			}
			let oldest = T::Session::current_index().saturating_sub(REPORT_SESSIONS);
			ensure!(
				Punished::<T>::iter_keys().all(|(session, _)| session >= oldest),
				"a punishment outside the report window"
			);
			Ok(())
		}

		/// Whether the `BlockProduction` stake of `who` is locked (see [`LastValidated`]).
		pub fn stake_locked(who: &T::AccountId) -> bool {
			LastValidated::<T>::get(who).is_some_and(|last| {
				T::Session::current_index() <= last.saturating_add(REPORT_SESSIONS)
			})
		}
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::elect(new_index)
	}

	fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		Some(Validators::<T>::get().into_inner())
	}

	fn end_session(ended: SessionIndex) {
		Self::end_of_session(ended);
	}

	fn start_session(started: SessionIndex) {
		// Equivocations before the report window can no longer be proven or punished.
		if let Some(old) = started.checked_sub(REPORT_SESSIONS + 1) {
			let _ = Punished::<T>::clear_prefix(old, T::MaxValidators::get(), None);
			T::Session::prune_history(old.saturating_add(1));
		}
		// An offender punished within the window and still in the set (it was elected before
		// its offence) stays disabled: it cannot author again before the window ends.
		for (_, who) in Punished::<T>::iter_keys() {
			T::Session::disable(&who);
		}
	}
}

/// What `pallet-session`'s historical proofs store per validator: nothing more than the account.
impl<T: Config> pallet_session::historical::SessionManager<T::AccountId, ()> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session(new_index)
			.map(|set| set.into_iter().map(|who| (who, ())).collect())
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session_genesis(new_index)
			.map(|set| set.into_iter().map(|who| (who, ())).collect())
	}

	fn start_session(started: SessionIndex) {
		<Self as pallet_session::SessionManager<_>>::start_session(started)
	}

	fn end_session(ended: SessionIndex) {
		<Self as pallet_session::SessionManager<_>>::end_session(ended)
	}
}

/// BABE's and GRANDPA's equivocation reports.
impl<T: Config, O: Offence<(T::AccountId, ())>> ReportOffence<T::AccountId, (T::AccountId, ()), O>
	for Pallet<T>
{
	fn report_offence(_reporters: Vec<T::AccountId>, offence: O) -> Result<(), OffenceError> {
		let session = offence.session_index();
		let mut punished = false;
		for (who, ()) in offence.offenders() {
			punished |= Self::punish(&who, session);
		}
		if punished {
			Ok(())
		} else {
			Err(OffenceError::DuplicateReport)
		}
	}

	fn is_known_offence(offenders: &[(T::AccountId, ())], _slot: &O::Slot) -> bool {
		// One punishment per validator and report window: a report about a validator punished
		// in any session a report can still prove adds nothing, and the pools refuse it, so that
		// old proofs cannot be replayed as free unsigned extrinsics.
		offenders.iter().all(|(who, ())| Self::punished_recently(who))
	}
}

impl<T: Config> guild_primitives::StakeLock<T::AccountId> for Pallet<T> {
	fn is_locked(who: &T::AccountId) -> bool {
		Self::stake_locked(who)
	}
}

impl<T: Config>
	pallet_authorship::EventHandler<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>
	for Pallet<T>
{
	fn note_author(author: T::AccountId) {
		Self::note_block(&author);
	}
}

/// Session reports are the block-production rule's own posts (PROTOCOL.md §4).
impl<T: Config> guild_primitives::ProtocolPosts for Pallet<T> {
	/// A report is the one post whose only author is the report account: a signed post always
	/// has its signer among its authors.
	fn is_protocol_post(post: PostId) -> bool {
		<T::Forum as guild_primitives::Forum<T::AccountId>>::authors(post)
			.is_some_and(|authors| authors.len() == 1 && authors[0].0 == T::ReportAccount::get())
	}
}

impl<T: Config> guild_primitives::OnPoolResolved for Pallet<T> {
	fn on_pool_resolved(
		pool: PoolId,
		post: PostId,
		outcome: PoolOutcome,
		_tally: Tally,
	) -> frame_support::weights::Weight {
		let Some(report) = Reports::<T>::get(post) else {
			return T::DbWeight::get().reads(1);
		};
		if report.pool != pool {
			return T::DbWeight::get().reads(1);
		}
		Reports::<T>::remove(post);
		let grants = if outcome == PoolOutcome::Accepted {
			Self::reward(post, &report.shares)
		} else {
			Self::deposit_event(Event::<T>::ReportNotAccepted { post, outcome });
			0
		};
		T::WeightInfo::reward(grants)
	}

	fn max_weight() -> frame_support::weights::Weight {
		T::WeightInfo::reward(T::MaxValidators::get())
	}
}

/// The `ValidatorCount`, `MinValidatorStake`, `SessionReport*` and `EquivocationSlash` keys.
impl<T: Config> guild_primitives::ParameterOwner for Pallet<T> {
	fn param(key: guild_primitives::ParamKey) -> Option<u128> {
		use guild_primitives::ParamKey::*;
		let p = Params::<T>::get();
		Some(match key {
			ValidatorCount => p.validator_count.into(),
			MinValidatorStake => p.min_validator_stake,
			SessionReportQuorum => p.report_quorum.deconstruct().into(),
			SessionReportWinRatio => p.report_win_ratio.deconstruct().into(),
			EquivocationSlash => p.equivocation_slash.deconstruct().into(),
			_ => return None,
		})
	}

	fn set_param(
		key: guild_primitives::ParamKey,
		value: u128,
	) -> Result<bool, guild_primitives::SetParamError> {
		use guild_primitives::{
			param_value::{fraction, small},
			ParamKey::*,
		};
		let mut p = Params::<T>::get();
		match key {
			ValidatorCount => p.validator_count = small(value)?,
			MinValidatorStake => p.min_validator_stake = value,
			SessionReportQuorum => p.report_quorum = fraction(value)?,
			SessionReportWinRatio => p.report_win_ratio = fraction(value)?,
			EquivocationSlash => p.equivocation_slash = fraction(value)?,
			_ => return Ok(false),
		}
		Self::put_params(p)?;
		Ok(true)
	}
}

/// `PPM` is the forum's unit for the citation weight.
const _: () = assert!(REPORT_CITATION_PPM > 0 && REPORT_CITATION_PPM as u32 <= PPM);
