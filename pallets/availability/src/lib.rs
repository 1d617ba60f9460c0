//! # Availability
//!
//! PROTOCOL.md §6. An expert holds REP as an availability stake until an expiry block, to be
//! drawn for work requests:
//!
//! - [`Pallet::stake_availability`] holds `amount` more of the caller's free REP (a top-up) until
//!   block `until` (an extension: never earlier than before). After the call the stake is at least
//!   `min_availability_stake`.
//! - [`Pallet::withdraw`] releases the whole stake from its expiry block on, unless it is bound to
//!   a request.
//! - [`ExpertPool::draw`] picks one unbound, unexpired stake at random, weighted by stake, seeded
//!   by `Config::Randomness` (BABE's VRF output of the parent block in the runtime) hashed with
//!   the request id and the attempt number, and binds it to the request until
//!   [`ExpertPool::release`]. [`ExpertPool::slash`] burns a share of a stake (a no-show).
//!
//! Stakes have a kind ([`StakeKind`], PROTOCOL.md §6): `Requests` stakes are drawn for work
//! requests; `BlockProduction` stakes are what the validator election of §12 reads
//! ([`guild_primitives::BlockProductionStakes`]), never drawn, and locked while their owner
//! validates ([`guild_primitives::StakeLock`]). Each kind has its own list, bound and REP hold.
//!
//! REP moves only through [`guild_primitives::ReputationLedger`] with the kind's
//! hold reason. The work-request pallet hears of every stake that becomes
//! drawable through a call ([`Config::OnExpertAvailable`]), so that waiting requests get a worker
//! (drawn by its hook, never by the call).
//!
//! ## Bounded cost
//!
//! At most `MaxExperts` accounts hold a stake. The unbound stakes are kept in one bounded list,
//! [`Candidates`], with their amounts and expiries: a draw reads it once and scans it linearly,
//! O(`MaxExperts`) in memory and one storage read, as the `draw` benchmark with `MaxExperts`
//! candidates shows. Calls read the list once too.
//!
//! ## Rules this pallet had to decide (PROTOCOL.md is silent)
//!
//! - A stake is drawable in blocks `now < until` and may be withdrawn from block `until` on;
//!   `until` must lie in the future, at most `max_availability_period` blocks ahead when it is
//!   set or extended, and may only grow. A call that neither adds REP nor extends the expiry fails
//!   (`NothingToChange`).
//! - `min_availability_stake` applies to the stake after each call; a stake that a slash took below
//!   it stays drawable with its smaller weight until it is topped up or withdrawn.
//! - When `MaxExperts` accounts hold stakes, a new expert takes the place of an expired, unbound
//!   stake, which is withdrawn for its owner (`Evicted`); with none expired, of the smallest
//!   unbound stake if the new stake is larger (`Displaced`; ties: the earliest expiry, then list
//!   order), else the call fails (`StakeTooSmallToDisplace`, or `TooManyExperts` when every stake
//!   is bound).
//! - A pool may slash a worker's availability hold while the stake is bound (a rejected worker
//!   loses `binding` of their FOR stake): `release` sets the stake to what is still held, and a
//!   stake left with nothing is removed.
//! - The ticket of a draw is `blake2_256(randomness, request, attempt) mod Σ stakes`, taken over
//!   the drawable stakes in list order. The randomness is the VRF output of the parent block: the
//!   work requests draw a request two blocks after the block that asked for it at the earliest,
//!   so nobody knew it when the request was submitted (§6). Without randomness (the first block)
//!   nothing is drawn.
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

use alloc::vec::Vec;
use frame_support::{traits::Get, weights::Weight};
use guild_primitives::{Rep, ReputationLedger, StakeKind};
use sp_runtime::{traits::Zero, Perbill};

/// The subject the draw asks `Config::Randomness` for.
pub const DRAW_SUBJECT: &[u8] = b"guild/availability/draw";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use codec::Encode;
	use frame_support::{
		dispatch::PostDispatchInfo,
		pallet_prelude::*,
		traits::{Randomness, StorageVersion},
	};
	use frame_system::pallet_prelude::*;
	use guild_primitives::{
		ExpertPool, OnExpertAvailable as OnExpertAvailableT, Rep, ReputationLedger, RequestId,
		StakeKind, StakeLock,
	};
	use sp_core::U256;
	use sp_runtime::{
		traits::{Saturating, Zero},
		Perbill,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// An availability stake as this runtime stores it.
	pub type ExpertStakeOf<T> = ExpertStake<BlockNumberFor<T>>;
	/// A drawable stake as this runtime lists it.
	pub type CandidateOf<T> = Candidate<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// The parameters as this runtime stores them.
	pub type ParamsOf<T> = AvailabilityParams<BlockNumberFor<T>>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The REP ledger that holds the stakes (`pallet-reputation`).
		type Reputation: ReputationLedger<Self::AccountId>;

		/// The randomness that seeds the draw: BABE's VRF output of the parent block in the runtime
		/// (`pallet_babe::ParentBlockRandomness`); `None` when there is none yet (no draw then).
		type Randomness: Randomness<Option<Self::Hash>, BlockNumberFor<Self>>;

		/// Told when a stake becomes drawable through a call (the work-request pallet assigns
		/// its waiting requests).
		type OnExpertAvailable: OnExpertAvailableT<Self::AccountId>;

		/// Who may change [`Params`]: root, later a forum proposal.
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether a `BlockProduction` stake must stay (its owner validates, or did recently):
		/// the validator set.
		type StakeLock: StakeLock<Self::AccountId>;

		/// Accounts that may hold an availability stake of one kind at once; the draw and the
		/// election scan at most this many.
		#[pallet::constant]
		type MaxExperts: Get<u32>;

		/// Weights of this pallet's calls and of the draw.
		type WeightInfo: WeightInfo;

		/// Makes the draw's randomness available to the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// The availability parameters (PROTOCOL.md §9).
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, ParamsOf<T>, ValueQuery>;

	/// The availability stake of each expert, by kind. At most `MaxExperts` entries per kind.
	#[pallet::storage]
	pub type Stakes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		StakeKind,
		Blake2_128Concat,
		T::AccountId,
		ExpertStakeOf<T>,
	>;

	/// How many stakes of each kind there are.
	#[pallet::storage]
	pub type StakeCount<T: Config> = StorageMap<_, Twox64Concat, StakeKind, u32, ValueQuery>;

	/// The unbound stakes of each kind, which the draw and the election scan: every stake not
	/// bound to a request, expired ones included until they are withdrawn or extended.
	#[pallet::storage]
	pub type Candidates<T: Config> = StorageMap<
		_,
		Twox64Concat,
		StakeKind,
		BoundedVec<CandidateOf<T>, T::MaxExperts>,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial parameters; PROTOCOL.md §9's defaults if left out.
		pub params: ParamsOf<T>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::check_params(&self.params).expect("genesis availability params are valid");
			Params::<T>::put(self.params);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` added `added` REP to their availability stake, now `total`, drawable until block
		/// `until`.
		Staked {
			who: T::AccountId,
			kind: StakeKind,
			added: Rep,
			total: Rep,
			until: BlockNumberFor<T>,
		},
		/// `who` withdrew their expired stake of `amount` REP.
		Withdrawn { who: T::AccountId, kind: StakeKind, amount: Rep },
		/// The expired stake of `who` (`amount` REP) was withdrawn for them to make room for a new
		/// expert.
		Evicted { who: T::AccountId, kind: StakeKind, amount: Rep },
		/// The list was full: the stake of `who` (`amount` REP), the smallest unbound one, was
		/// released to them to make room for the larger stake of `by`.
		Displaced { who: T::AccountId, kind: StakeKind, amount: Rep, by: T::AccountId },
		/// `who` was drawn for `request` with a stake of `stake` REP, now bound to it.
		ExpertDrawn { request: RequestId, who: T::AccountId, stake: Rep },
		/// The stake of `who` (`stake` REP) is no longer bound to `request`.
		StakeReleased { who: T::AccountId, request: RequestId, stake: Rep },
		/// `burned` REP of the stake of `who` was burned; `remaining` is left.
		StakeSlashed { who: T::AccountId, kind: StakeKind, burned: Rep, remaining: Rep },
		/// `amount` REP of the stake of `who` went to a validation pool's pot (a rejected
		/// worker's loss); `remaining` is left.
		StakeLost { who: T::AccountId, amount: Rep, remaining: Rep },
		/// The parameters changed.
		ParamsSet { params: ParamsOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The stake would be below `min_availability_stake`.
		BelowMinimumStake,
		/// The expiry block must lie in the future.
		ExpiryInPast,
		/// The expiry block may only be extended, not brought forward.
		ExpiryShortened,
		/// The call adds no REP and does not extend the expiry.
		NothingToChange,
		/// The account has less free REP than the amount to stake.
		InsufficientFreeRep,
		/// The expiry block lies more than `max_availability_period` blocks ahead.
		ExpiryTooFar,
		/// `MaxExperts` accounts hold a stake and every one of them is bound to a request.
		TooManyExperts,
		/// `MaxExperts` accounts hold a stake, none has expired, and the new stake is not larger
		/// than the smallest unbound one.
		StakeTooSmallToDisplace,
		/// The stake would overflow.
		Overflow,
		/// The account holds no availability stake.
		NoStake,
		/// The stake is bound to a work request until it ends.
		StakeBound,
		/// The stake has not expired yet.
		NotExpired,
		/// `min_availability_stake` must be at least one unit.
		ZeroMinimumStake,
		/// `max_availability_period` must be at least one block.
		ZeroMaxPeriod,
		/// The `BlockProduction` stake's owner validates, is elected, or validated recently
		/// enough to be reported for an equivocation: the stake stays until then.
		StakeLocked,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxExperts::get() > 0, "MaxExperts must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Hold `amount` more of your free REP as your availability stake, drawable for work
		/// requests until block `until` (exclusive).
		///
		/// A first stake creates it; later calls top it up and/or extend it (`until` never
		/// earlier than before, and at most `max_availability_period` blocks ahead). After the
		/// call the stake is at least `min_availability_stake`. A stake bound to a request may be
		/// topped up and extended too. When `MaxExperts` experts hold stakes, a new one takes
		/// the place of an expired unbound stake, or of the smallest unbound stake if larger.
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::stake_availability()
				.saturating_add(T::OnExpertAvailable::max_weight())
		)]
		pub fn stake_availability(
			origin: OriginFor<T>,
			kind: StakeKind,
			#[pallet::compact] amount: Rep,
			until: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let drawable = Self::do_stake(kind, &who, amount, until)?;
			let hook = if drawable && kind == StakeKind::Requests {
				T::OnExpertAvailable::on_expert_available(&who)
			} else {
				Weight::zero()
			};
			Ok(PostDispatchInfo {
				actual_weight: Some(T::WeightInfo::stake_availability().saturating_add(hook)),
				pays_fee: Pays::Yes,
			})
		}

		/// Withdraw your whole availability stake of `kind`: from its expiry block on, and only
		/// when it is not bound to a request (`Requests`) or locked by block production
		/// (`BlockProduction`: while you validate, are elected, or may still be reported).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, kind: StakeKind) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let stake = Stakes::<T>::get(kind, &who).ok_or(Error::<T>::NoStake)?;
			ensure!(stake.bound.is_none(), Error::<T>::StakeBound);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now >= stake.until, Error::<T>::NotExpired);
			ensure!(
				kind != StakeKind::BlockProduction || !T::StakeLock::is_locked(&who),
				Error::<T>::StakeLocked
			);
			let mut candidates = Candidates::<T>::get(kind);
			candidates.retain(|c| c.who != who);
			let amount = Self::remove_unbound(kind, &who, &stake)?;
			Candidates::<T>::insert(kind, candidates);
			Self::deposit_event(Event::<T>::Withdrawn { who, kind, amount });
			Ok(())
		}

		/// Change the availability parameters. They apply to calls from now on; existing stakes
		/// keep their size and expiry.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: ParamsOf<T>) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			Self::put_params(params)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Check a parameter set, with a named error for what is wrong.
		pub fn check_params(params: &ParamsOf<T>) -> DispatchResult {
			ensure!(!params.min_availability_stake.is_zero(), Error::<T>::ZeroMinimumStake);
			ensure!(!params.max_availability_period.is_zero(), Error::<T>::ZeroMaxPeriod);
			Ok(())
		}

		/// The checks and effects of `stake_availability`. Returns whether the stake is drawable
		/// now (unbound; it is unexpired since `until` lies in the future).
		pub fn do_stake(
			kind: StakeKind,
			who: &T::AccountId,
			amount: Rep,
			until: BlockNumberFor<T>,
		) -> Result<bool, DispatchError> {
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(until > now, Error::<T>::ExpiryInPast);
			let params = Params::<T>::get();
			let existing = Stakes::<T>::get(kind, who);
			// The cap bounds every new expiry; keeping one set under a longer cap extends nothing.
			let extends = existing.is_none_or(|stake| until > stake.until);
			ensure!(
				!extends || until <= now.saturating_add(params.max_availability_period),
				Error::<T>::ExpiryTooFar
			);
			let mut stake = match existing {
				Some(stake) => {
					ensure!(until >= stake.until, Error::<T>::ExpiryShortened);
					ensure!(!amount.is_zero() || until > stake.until, Error::<T>::NothingToChange);
					stake
				},
				None => ExpertStake { amount: 0, until, bound: None, since: now },
			};
			let total = stake.amount.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			ensure!(total >= params.min_availability_stake, Error::<T>::BelowMinimumStake);
			ensure!(T::Reputation::free(who) >= amount, Error::<T>::InsufficientFreeRep);
			let mut candidates = Candidates::<T>::get(kind);
			let mut evicted = None;
			if existing.is_none() && StakeCount::<T>::get(kind) >= T::MaxExperts::get() {
				let index = Self::room_for(&candidates, total, now)?;
				evicted = Some(candidates.swap_remove(index));
			}

			// Checks done: effects from here on (the call is transactional).
			if let Some(old) = evicted {
				let Some(record) = Stakes::<T>::get(kind, &old.who) else {
					frame_support::defensive!("a candidate has no stake");
					return Err(Error::<T>::NoStake.into());
				};
				let released = Self::remove_unbound(kind, &old.who, &record)?;
				Self::deposit_event(if old.until <= now {
					Event::<T>::Evicted { who: old.who, kind, amount: released }
				} else {
					Event::<T>::Displaced { who: old.who, kind, amount: released, by: who.clone() }
				});
			}
			T::Reputation::hold(who, kind.hold_reason(), amount)?;
			stake.amount = total;
			stake.until = until;
			Self::put_stake(kind, who, stake);
			let drawable = stake.bound.is_none();
			if drawable {
				match candidates.iter_mut().find(|c| &c.who == who) {
					Some(c) => {
						c.amount = total;
						c.until = until;
					},
					None => candidates
						.try_push(Candidate {
							who: who.clone(),
							amount: total,
							until,
							since: stake.since,
						})
						.map_err(|_| Error::<T>::TooManyExperts)?,
				}
				Candidates::<T>::insert(kind, candidates);
			}
			Self::deposit_event(Event::<T>::Staked {
				who: who.clone(),
				kind,
				added: amount,
				total,
				until,
			});
			Ok(drawable)
		}

		/// The candidate whose place a new stake of `amount` takes in a full list, in one scan:
		/// the first expired one; else the smallest (earliest expiry on ties) if `amount` is
		/// larger.
		fn room_for(
			candidates: &[CandidateOf<T>],
			amount: Rep,
			now: BlockNumberFor<T>,
		) -> Result<usize, DispatchError> {
			let mut smallest: Option<(usize, &CandidateOf<T>)> = None;
			for (index, c) in candidates.iter().enumerate() {
				if c.until <= now {
					return Ok(index);
				}
				if smallest.is_none_or(|(_, s)| (c.amount, c.until) < (s.amount, s.until)) {
					smallest = Some((index, c));
				}
			}
			let (index, c) = smallest.ok_or(Error::<T>::TooManyExperts)?;
			ensure!(amount > c.amount, Error::<T>::StakeTooSmallToDisplace);
			Ok(index)
		}

		/// Release the REP of an unbound stake and remove its record (the caller fixes the
		/// candidate list). Returns the REP released.
		fn remove_unbound(
			kind: StakeKind,
			who: &T::AccountId,
			stake: &ExpertStakeOf<T>,
		) -> Result<Rep, DispatchError> {
			let amount = stake.amount.min(T::Reputation::held(who, kind.hold_reason()));
			T::Reputation::release(who, kind.hold_reason(), amount)?;
			Self::kill_stake(kind, who);
			Ok(amount)
		}

		/// Store the stake of `who`, counting a new one.
		fn put_stake(kind: StakeKind, who: &T::AccountId, stake: ExpertStakeOf<T>) {
			if !Stakes::<T>::contains_key(kind, who) {
				StakeCount::<T>::mutate(kind, |n| *n = n.saturating_add(1));
			}
			Stakes::<T>::insert(kind, who, stake);
		}

		/// Remove the stake record of `who`, if any, and count it out.
		fn kill_stake(kind: StakeKind, who: &T::AccountId) {
			if Stakes::<T>::take(kind, who).is_some() {
				StakeCount::<T>::mutate(kind, |n| *n = n.saturating_sub(1));
			}
		}

		/// The draw's seed for attempt `attempt` of `request`: the randomness hashed with both;
		/// `None` while there is no randomness.
		pub fn seed(request: RequestId, attempt: u32) -> Option<[u8; 32]> {
			let (random, _) = T::Randomness::random(DRAW_SUBJECT);
			random.map(|random| sp_io::hashing::blake2_256(&(random, request, attempt).encode()))
		}

		/// Whether a draw can be made in this block: the randomness is known.
		pub fn randomness_ready() -> bool {
			T::Randomness::random(DRAW_SUBJECT).0.is_some()
		}

		/// Pick the index of a drawable candidate with `ticket` in `[0, Σ drawable stakes)`:
		/// the first one whose cumulative stake exceeds the ticket.
		fn pick(
			candidates: &[CandidateOf<T>],
			eligible: impl Fn(&CandidateOf<T>) -> bool,
			seed: [u8; 32],
		) -> Option<usize> {
			let total = candidates
				.iter()
				.filter(|c| eligible(c))
				.fold(0u128, |sum, c| sum.saturating_add(c.amount));
			if total.is_zero() {
				return None;
			}
			let mut ticket = (U256::from_big_endian(&seed) % U256::from(total)).low_u128();
			for (index, c) in candidates.iter().enumerate() {
				if !eligible(c) {
					continue;
				}
				if ticket < c.amount {
					return Some(index);
				}
				ticket -= c.amount;
			}
			None
		}

		/// The draw of [`ExpertPool::draw`].
		pub fn do_draw(
			request: RequestId,
			attempt: u32,
			exclude: &[T::AccountId],
		) -> Option<(T::AccountId, Rep)> {
			let now = frame_system::Pallet::<T>::block_number();
			let mut candidates = Candidates::<T>::get(StakeKind::Requests);
			let eligible = |c: &CandidateOf<T>| {
				c.until > now && !c.amount.is_zero() && !exclude.contains(&c.who)
			};
			let index = Self::pick(&candidates, eligible, Self::seed(request, attempt)?)?;
			let chosen = candidates.swap_remove(index);
			Candidates::<T>::insert(StakeKind::Requests, candidates);
			Stakes::<T>::mutate(StakeKind::Requests, &chosen.who, |stake| {
				if let Some(stake) = stake {
					stake.bound = Some(request);
				}
			});
			Self::deposit_event(Event::<T>::ExpertDrawn {
				request,
				who: chosen.who.clone(),
				stake: chosen.amount,
			});
			Some((chosen.who, chosen.amount))
		}

		/// Move up to `amount` of the availability stake of `who` (bound or not) into the unowned
		/// pot, where a validation pool redistributes or burns it: a rejected worker's loss beyond
		/// their pool stake. The stake record and its candidate follow, so the availability hold
		/// has one owner, this pallet. Returns the REP moved (0 without a stake).
		pub fn lose_to_pot(who: &T::AccountId, amount: Rep) -> Rep {
			let Some((lost, remaining)) =
				Self::take_into_pot(StakeKind::Requests, who, |base| amount.min(base))
			else {
				return 0;
			};
			Self::deposit_event(Event::<T>::StakeLost {
				who: who.clone(),
				amount: lost,
				remaining,
			});
			lost
		}

		/// Move `share(stake)` of the stake of `who` into the unowned pot and update the record
		/// (an unbound stake left empty is removed). Returns what moved and what remains, or
		/// `None` without a stake or when the ledger refused (nothing changed then).
		pub(crate) fn take_into_pot(
			kind: StakeKind,
			who: &T::AccountId,
			share: impl FnOnce(Rep) -> Rep,
		) -> Option<(Rep, Rep)> {
			let mut stake = Stakes::<T>::get(kind, who)?;
			let base = stake.amount.min(T::Reputation::held(who, kind.hold_reason()));
			let taken = share(base).min(base);
			if !taken.is_zero() {
				if let Err(e) = T::Reputation::slash_held(who, kind.hold_reason(), taken) {
					// The record never exceeds what is held (checked by `do_try_state`).
					frame_support::defensive!("slash of an availability stake", e);
					return None;
				}
			}
			stake.amount = base - taken;
			if stake.bound.is_none() {
				Candidates::<T>::mutate(kind, |list| {
					if stake.amount.is_zero() {
						list.retain(|c| &c.who != who);
					} else if let Some(c) = list.iter_mut().find(|c| &c.who == who) {
						c.amount = stake.amount;
					}
				});
			}
			if stake.amount.is_zero() && stake.bound.is_none() {
				Self::kill_stake(kind, who);
			} else {
				Stakes::<T>::insert(kind, who, stake);
			}
			Some((taken, stake.amount))
		}

		/// The pallet's invariants:
		/// - at most `MaxExperts` stakes, and the counter matches them;
		/// - every unbound stake is listed once as a candidate with its amount and expiry, is not
		///   empty and is exactly the REP held from its owner for availability;
		/// - every candidate is an unbound stake;
		/// - a bound stake holds no more REP than it records (a pool may have slashed it);
		/// - the parameters are valid.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			for kind in [StakeKind::Requests, StakeKind::BlockProduction] {
				Self::try_state_of(kind)?;
			}
			Self::check_params(&Params::<T>::get())?;
			Ok(())
		}

		/// [`Pallet::do_try_state`] for the stakes of one kind.
		fn try_state_of(kind: StakeKind) -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_set::BTreeSet;
			let candidates = Candidates::<T>::get(kind);
			let mut listed = BTreeSet::new();
			for c in candidates.iter() {
				ensure!(listed.insert(c.who.clone()), "a candidate is listed twice");
				let stake = Stakes::<T>::get(kind, &c.who).ok_or("a candidate has no stake")?;
				ensure!(stake.bound.is_none(), "a bound stake is a candidate");
				ensure!(
					stake.amount == c.amount && stake.until == c.until && stake.since == c.since,
					"a candidate differs from its stake"
				);
			}
			let mut count = 0u32;
			for (who, stake) in Stakes::<T>::iter_prefix(kind) {
				count += 1;
				let held = T::Reputation::held(&who, kind.hold_reason());
				if stake.bound.is_none() {
					ensure!(listed.contains(&who), "an unbound stake is not a candidate");
					ensure!(!stake.amount.is_zero(), "an empty stake is stored");
					ensure!(held == stake.amount, "a stake differs from the REP held for it");
				} else {
					ensure!(kind == StakeKind::Requests, "a block-production stake is bound");
					ensure!(held <= stake.amount, "more REP is held than the bound stake records");
				}
			}
			ensure!(count == StakeCount::<T>::get(kind), "the stake counter is off");
			ensure!(count <= T::MaxExperts::get(), "more stakes than MaxExperts");
			Ok(())
		}
	}

	/// Whether the draw's randomness is known in this block, for the work requests: a request due
	/// for its draw waits a block when it is not.
	pub struct RandomnessReady<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<bool> for RandomnessReady<T> {
		fn get() -> bool {
			Pallet::<T>::randomness_ready()
		}
	}

	impl<T: Config> guild_primitives::WorkerLosses<T::AccountId> for Pallet<T> {
		fn lose(who: &T::AccountId, amount: Rep) -> Rep {
			Self::lose_to_pot(who, amount)
		}
		fn lose_weight() -> Weight {
			T::WeightInfo::slash()
		}
	}

	impl<T: Config> ExpertPool<T::AccountId> for Pallet<T> {
		fn draw(
			request: RequestId,
			attempt: u32,
			exclude: &[T::AccountId],
		) -> Option<(T::AccountId, Rep)> {
			Self::do_draw(request, attempt, exclude)
		}

		/// Sets the stake to what is still held (a pool may have slashed it while it was bound);
		/// a stake left with nothing is removed.
		fn release(who: &T::AccountId) {
			let kind = StakeKind::Requests;
			let Some(mut stake) = Stakes::<T>::get(kind, who) else { return };
			let Some(request) = stake.bound else { return };
			stake.bound = None;
			stake.amount = stake.amount.min(T::Reputation::held(who, kind.hold_reason()));
			if stake.amount.is_zero() {
				Self::kill_stake(kind, who);
			} else {
				Stakes::<T>::insert(kind, who, stake);
				let pushed = Candidates::<T>::mutate(kind, |list| {
					list.try_push(Candidate {
						who: who.clone(),
						amount: stake.amount,
						until: stake.until,
						since: stake.since,
					})
				});
				if pushed.is_err() {
					// Candidates are a subset of at most `MaxExperts` stakes.
					frame_support::defensive!("candidate list full on release");
				}
			}
			Self::deposit_event(Event::<T>::StakeReleased {
				who: who.clone(),
				request,
				stake: stake.amount,
			});
		}

		fn slash(who: &T::AccountId, fraction: Perbill) -> Rep {
			Self::burn_share(StakeKind::Requests, who, fraction)
		}

		fn stake_of(who: &T::AccountId) -> Rep {
			Stakes::<T>::get(StakeKind::Requests, who).map(|s| s.amount).unwrap_or(0)
		}

		fn assignment(who: &T::AccountId) -> Option<RequestId> {
			Stakes::<T>::get(StakeKind::Requests, who).and_then(|s| s.bound)
		}

		fn draw_weight() -> Weight {
			T::WeightInfo::draw(T::MaxExperts::get())
		}

		fn release_weight() -> Weight {
			T::WeightInfo::release().max(T::WeightInfo::slash())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Burn `fraction` of the stake of `who` of `kind` (rounded down). Returns the REP burned.
	pub fn burn_share(kind: StakeKind, who: &T::AccountId, fraction: Perbill) -> Rep {
		let Some((burned, remaining)) =
			Self::take_into_pot(kind, who, |base| fraction.mul_floor(base))
		else {
			return 0;
		};
		if !burned.is_zero() {
			if let Err(e) = T::Reputation::burn_unowned(burned) {
				frame_support::defensive!("burn of slashed REP", e);
			}
		}
		Self::deposit_event(Event::<T>::StakeSlashed { who: who.clone(), kind, burned, remaining });
		burned
	}

	/// The unexpired, non-empty `BlockProduction` stakes, older stakes first.
	pub fn block_production_candidates() -> Vec<(T::AccountId, Rep)> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut list: Vec<_> = Candidates::<T>::get(StakeKind::BlockProduction)
			.into_iter()
			.filter(|c| c.until > now && !c.amount.is_zero())
			.collect();
		list.sort_by_key(|c| c.since);
		list.into_iter().map(|c| (c.who, c.amount)).collect()
	}
}

/// The election's view of the stakes (PROTOCOL.md §12).
impl<T: Config> guild_primitives::BlockProductionStakes<T::AccountId> for Pallet<T> {
	fn candidates() -> Vec<(T::AccountId, Rep)> {
		Self::block_production_candidates()
	}

	fn slash(who: &T::AccountId, fraction: Perbill) -> Rep {
		Self::burn_share(StakeKind::BlockProduction, who, fraction)
	}

	fn stake_of(who: &T::AccountId) -> Rep {
		Stakes::<T>::get(StakeKind::BlockProduction, who).map(|s| s.amount).unwrap_or(0)
	}
}

impl<T: Config> Pallet<T> {
	/// Check `params` ([`Pallet::check_params`]), put them in force and say so: what
	/// `set_params` does once its origin is checked.
	pub fn put_params(params: ParamsOf<T>) -> sp_runtime::DispatchResult {
		Self::check_params(&params)?;
		Params::<T>::put(params);
		Self::deposit_event(Event::<T>::ParamsSet { params });
		Ok(())
	}
}

/// The `Availability*` keys: [`Params`] as governance reads and changes it.
impl<T: Config> guild_primitives::ParameterOwner for Pallet<T> {
	fn param(key: guild_primitives::ParamKey) -> Option<u128> {
		use guild_primitives::ParamKey::*;
		use sp_runtime::SaturatedConversion;
		let p = Params::<T>::get();
		Some(match key {
			AvailabilityMinStake => p.min_availability_stake,
			AvailabilityMaxPeriod => p.max_availability_period.saturated_into(),
			_ => return None,
		})
	}

	fn set_param(
		key: guild_primitives::ParamKey,
		value: u128,
	) -> Result<bool, guild_primitives::SetParamError> {
		use guild_primitives::{param_value::small, ParamKey::*};
		let mut p = Params::<T>::get();
		match key {
			AvailabilityMinStake => p.min_availability_stake = value,
			AvailabilityMaxPeriod => p.max_availability_period = small(value)?,
			_ => return Ok(false),
		}
		Self::put_params(p)?;
		Ok(true)
	}
}
