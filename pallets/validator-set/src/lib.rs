//! # Validator set
//!
//! Guild's block producers and finality voters. The set lives in [`Validators`]; a privileged
//! origin (root now, the forum's governance later) adds and removes validators, and the change
//! takes effect through `pallet-session` at the next session rotation, which BABE follows at its
//! next epoch. A validator must have registered its session keys (`session.setKeys`) before it can
//! author: the session pallet ignores validators without keys.
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
use sp_staking::SessionIndex;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Who may add and remove validators.
		type ValidatorsOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The most validators the set may hold (BABE's and GRANDPA's `MaxAuthorities`).
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// The fewest validators the set may shrink to.
		#[pallet::constant]
		type MinValidators: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The validators of the next sessions, in the order they were added.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators at genesis.
		pub validators: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut set = BoundedVec::<T::AccountId, T::MaxValidators>::default();
			for v in &self.validators {
				assert!(!set.contains(v), "duplicate validator in genesis");
				set.try_push(v.clone()).expect("genesis validators exceed MaxValidators");
			}
			Validators::<T>::put(set);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` joins the validator set at the next session rotation.
		ValidatorAdded { who: T::AccountId },
		/// `who` leaves the validator set at the next session rotation.
		ValidatorRemoved { who: T::AccountId },
		/// Session `index` was planned with `count` validators.
		NewSessionPlanned { index: SessionIndex, count: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The set already holds `MaxValidators` validators.
		TooManyValidators,
		/// Removing the validator would leave fewer than `MinValidators`.
		TooFewValidators,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add `who` to the validator set; it starts validating two session rotations later, once
		/// it has set its session keys.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ValidatorsOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|set| -> DispatchResult {
				ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
				set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
				Ok(())
			})?;
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Remove `who` from the validator set at the next session rotation.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ValidatorsOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|set| -> DispatchResult {
				let pos = set.iter().position(|v| v == &who).ok_or(Error::<T>::NotValidator)?;
				ensure!(set.len() > T::MinValidators::get() as usize, Error::<T>::TooFewValidators);
				set.remove(pos);
				Ok(())
			})?;
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		// Hand over the whole set every session: a validator added before it set its session keys
		// is skipped by pallet-session and must be picked up once its keys are there.
		let set = Validators::<T>::get().into_inner();
		Self::deposit_event(Event::NewSessionPlanned { index: new_index, count: set.len() as u32 });
		Some(set)
	}

	fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		Some(Validators::<T>::get().into_inner())
	}

	fn end_session(_: SessionIndex) {}
	fn start_session(_: SessionIndex) {}
}
