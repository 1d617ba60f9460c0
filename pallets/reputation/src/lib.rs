//! # Reputation
//!
//! Guild's REP ledger (PROTOCOL.md §1, §2, §5).
//!
//! - Every account has `free` REP and REP held for a [`RepHoldReason`]. There is no transfer call
//!   of any kind: only the protocol moves REP, through [`ReputationLedger`], which the runtime
//!   gives to the forum, the validation pools and the availability pallet.
//! - REP minted into an open validation pool belongs to nobody yet: it sits in the [`Unowned`] pot,
//!   which counts toward [`TotalMinted`] but not toward [`TotalRep`]. The invariant
//!   `TotalRep + Unowned = TotalMinted − TotalBurned` holds after every operation.
//! - The fee salary ([`FeeSalary`]): a fee paid into the DAO account is shared by all REP holders
//!   pro rata to `free + held`, in O(1): a global fee-per-REP accumulator ([`FeePerRep`]) and a
//!   checkpoint per account, settled whenever the account's `free + held` changes. Holders call
//!   [`Pallet::claim_fees`] to receive their share in the native token. Fees that arrive while
//!   nobody holds REP wait in [`UndistributedFees`] and join the next payout; rounding dust stays
//!   in the DAO account.
//!
//! The DAO account (`PalletId` into an account) is created at genesis and keeps the existential
//! deposit forever (claims never take it below), so any fee can be paid into it and every claim
//! paid out of it.
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

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::Preservation,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use guild_primitives::{FeeSalary, Rep, RepHoldReason, RepInfo, RepTotals, ReputationLedger};
	use sp_core::U256;
	use sp_runtime::{traits::AccountIdConversion, TryRuntimeError};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native token: fees are paid into the DAO account and claimed out of it.
		type Currency: Mutate<Self::AccountId, Balance = u128>;

		/// Derives the DAO account, which receives fees and pays the salary.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Weights of this pallet's calls and ledger operations.
		type WeightInfo: WeightInfo;
	}

	/// REP and fee salary of each account. Absent when everything in it is zero.
	#[pallet::storage]
	pub type Accounts<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, RepAccount>;

	/// Σ (free + held) over all accounts.
	#[pallet::storage]
	pub type TotalRep<T> = StorageValue<_, Rep, ValueQuery>;

	/// REP minted into open validation pools that no account owns yet.
	#[pallet::storage]
	pub type Unowned<T> = StorageValue<_, Rep, ValueQuery>;

	/// All REP ever minted, genesis included.
	#[pallet::storage]
	pub type TotalMinted<T> = StorageValue<_, Rep, ValueQuery>;

	/// All REP ever burned.
	#[pallet::storage]
	pub type TotalBurned<T> = StorageValue<_, Rep, ValueQuery>;

	/// Fees paid per unit of REP since genesis, scaled by 10^18 (the fee salary accumulator).
	#[pallet::storage]
	pub type FeePerRep<T> = StorageValue<_, U256, ValueQuery>;

	/// Fees in the DAO account that wait for the next payout (they arrived while nobody held
	/// REP, or were too small to move the accumulator).
	#[pallet::storage]
	pub type UndistributedFees<T> = StorageValue<_, u128, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Accounts with their initial free REP. Counts as minted.
		pub accounts: alloc::vec::Vec<(T::AccountId, Rep)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let dao = Pallet::<T>::dao_account();
			// The DAO account must never be reaped: keep a provider on it, and the existential
			// deposit, which no claim takes away (claims preserve it).
			frame_system::Pallet::<T>::inc_providers(&dao);
			let ed = T::Currency::minimum_balance();
			let balance = T::Currency::balance(&dao);
			if balance < ed {
				T::Currency::mint_into(&dao, ed - balance)
					.expect("the DAO account can receive its existential deposit at genesis");
			}

			let mut seen = alloc::collections::BTreeSet::new();
			for (who, amount) in &self.accounts {
				assert!(seen.insert(who.clone()), "duplicate account in reputation genesis");
				if *amount == 0 {
					continue;
				}
				let mut record = RepAccount::empty_at(FeePerRep::<T>::get());
				record.free = *amount;
				Accounts::<T>::insert(who, record);
				TotalRep::<T>::mutate(|t| *t = t.checked_add(*amount).expect("genesis REP fits"));
				TotalMinted::<T>::mutate(|t| {
					*t = t.checked_add(*amount).expect("genesis REP fits")
				});
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// REP was minted into the unowned pot (an open pool's minted stakes).
		RepMinted { amount: Rep },
		/// REP moved from the unowned pot to the free REP of `who`.
		RepGranted { who: T::AccountId, amount: Rep },
		/// REP moved from the free REP of `who` into the unowned pot.
		RepReclaimed { who: T::AccountId, amount: Rep },
		/// Free REP of `who` was held for `reason`.
		RepHeld { who: T::AccountId, reason: RepHoldReason, amount: Rep },
		/// REP of `who` held for `reason` was released back to free.
		RepReleased { who: T::AccountId, reason: RepHoldReason, amount: Rep },
		/// REP of `who` held for `reason` was taken into the unowned pot.
		RepSlashed { who: T::AccountId, reason: RepHoldReason, amount: Rep },
		/// REP was burned out of the unowned pot.
		RepBurned { amount: Rep },
		/// `fee` was shared among the holders of `total_rep` REP.
		FeeDistributed { fee: u128, total_rep: Rep },
		/// `fee` waits in the DAO account for the next payout.
		FeeDeferred { fee: u128 },
		/// `who` was paid `amount` of fees from the DAO account.
		FeesClaimed { who: T::AccountId, amount: u128 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account has less free REP than the operation needs.
		InsufficientFreeRep,
		/// The account has less REP held for this reason than the operation needs.
		InsufficientHeldRep,
		/// The unowned pot holds less REP than the operation needs.
		InsufficientUnowned,
		/// A REP total would overflow.
		Overflow,
		/// The account has no fees to claim.
		NothingToClaim,
		/// The DAO account cannot pay the claim (it would fall below the existential deposit,
		/// or the recipient cannot receive the amount).
		FeePaymentFailed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pay the caller the fees their REP has earned, in the native token, from the DAO
		/// account.
		///
		/// Fails with `NothingToClaim` when nothing is owed.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::claim_fees())]
		pub fn claim_fees(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::record(&who);
			record.settle(FeePerRep::<T>::get());
			let amount = record.unclaimed_fees;
			ensure!(amount > 0, Error::<T>::NothingToClaim);
			// Keep the DAO account's existential deposit so it is never reaped.
			T::Currency::transfer(&Self::dao_account(), &who, amount, Preservation::Preserve)
				.map_err(|_| Error::<T>::FeePaymentFailed)?;
			record.unclaimed_fees = 0;
			Self::store(&who, record);
			Self::deposit_event(Event::FeesClaimed { who, amount });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The DAO account: receives fees and pays the salary.
		pub fn dao_account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// The record of `who`, or an empty one settled up to now.
		pub fn record(who: &T::AccountId) -> RepAccount {
			Accounts::<T>::get(who).unwrap_or_else(|| RepAccount::empty_at(FeePerRep::<T>::get()))
		}

		/// Writes `record`, removing it when it holds nothing.
		fn store(who: &T::AccountId, record: RepAccount) {
			if record.is_empty() {
				Accounts::<T>::remove(who);
			} else {
				Accounts::<T>::insert(who, record);
			}
		}

		/// Fees `who` could claim now (`ReputationApi::claimable_fees`): what `claim_fees` would
		/// pay.
		pub fn claimable_fees(who: &T::AccountId) -> u128 {
			Accounts::<T>::get(who)
				.map(|r| r.unclaimed_fees.saturating_add(r.pending_fees(FeePerRep::<T>::get())))
				.unwrap_or(0)
		}

		/// The free and held REP of `who` (`ReputationApi::rep_of`); zeros for an account
		/// without REP.
		pub fn rep_of(who: &T::AccountId) -> RepInfo {
			Accounts::<T>::get(who)
				.map(|r| RepInfo {
					free: r.free,
					held_pool: r.held_pool_stake,
					held_availability: r.held_availability,
					held_block_production: r.held_block_production,
				})
				.unwrap_or_default()
		}

		/// The ledger's totals (`ReputationApi::totals`).
		pub fn totals() -> RepTotals {
			RepTotals {
				total_rep: TotalRep::<T>::get(),
				unowned: Unowned::<T>::get(),
				total_minted: TotalMinted::<T>::get(),
				total_burned: TotalBurned::<T>::get(),
			}
		}

		/// Checks the ledger's invariants (PROTOCOL.md §2, §5):
		/// - Σ (free + held) over accounts = `TotalRep`;
		/// - `TotalRep + Unowned = TotalMinted − TotalBurned`;
		/// - no empty record is stored;
		/// - the DAO account holds every fee owed or waiting.
		pub fn do_try_state() -> Result<(), TryRuntimeError> {
			let acc = FeePerRep::<T>::get();
			let mut sum: Rep = 0;
			let mut owed: u128 = 0;
			for (_, record) in Accounts::<T>::iter() {
				ensure!(!record.is_empty(), "an empty REP record is stored");
				ensure!(
					record.fee_checkpoint <= acc,
					"a fee checkpoint is ahead of the accumulator"
				);
				sum = sum.checked_add(record.total()).ok_or("Σ REP overflows")?;
				owed = owed
					.saturating_add(record.unclaimed_fees)
					.saturating_add(record.pending_fees(acc));
			}
			ensure!(sum == TotalRep::<T>::get(), "Σ accounts' REP differs from TotalRep");
			let circulating = TotalRep::<T>::get()
				.checked_add(Unowned::<T>::get())
				.ok_or("TotalRep + Unowned overflows")?;
			let net = TotalMinted::<T>::get()
				.checked_sub(TotalBurned::<T>::get())
				.ok_or("more REP burned than minted")?;
			ensure!(
				circulating == net,
				"TotalRep + Unowned differs from TotalMinted − TotalBurned"
			);
			let owed = owed.saturating_add(UndistributedFees::<T>::get());
			ensure!(
				T::Currency::balance(&Self::dao_account()) >= owed,
				"the DAO account holds less than the fees it owes"
			);
			Ok(())
		}

		/// The record of `who` with its fees settled up to now: call before `free + held` changes.
		fn settled(who: &T::AccountId) -> RepAccount {
			let mut record = Self::record(who);
			record.settle(FeePerRep::<T>::get());
			record
		}
	}

	impl<T: Config> ReputationLedger<T::AccountId> for Pallet<T> {
		fn free(who: &T::AccountId) -> Rep {
			Accounts::<T>::get(who).map(|r| r.free).unwrap_or(0)
		}

		fn held(who: &T::AccountId, reason: RepHoldReason) -> Rep {
			Accounts::<T>::get(who).map(|r| r.held(reason)).unwrap_or(0)
		}

		fn total_rep() -> Rep {
			TotalRep::<T>::get()
		}

		fn unowned() -> Rep {
			Unowned::<T>::get()
		}

		/// Saturates at `u128::MAX` (unreachable in practice; `try_state` would report it).
		fn mint_unowned(amount: Rep) {
			if amount == 0 {
				return;
			}
			Unowned::<T>::mutate(|u| *u = u.saturating_add(amount));
			TotalMinted::<T>::mutate(|m| *m = m.saturating_add(amount));
			Self::deposit_event(Event::RepMinted { amount });
		}

		fn burn_unowned(amount: Rep) -> DispatchResult {
			if amount == 0 {
				return Ok(());
			}
			let unowned =
				Unowned::<T>::get().checked_sub(amount).ok_or(Error::<T>::InsufficientUnowned)?;
			let burned = TotalBurned::<T>::get().checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Unowned::<T>::put(unowned);
			TotalBurned::<T>::put(burned);
			Self::deposit_event(Event::RepBurned { amount });
			Ok(())
		}

		fn grant(who: &T::AccountId, amount: Rep) -> DispatchResult {
			if amount == 0 {
				return Ok(());
			}
			let unowned =
				Unowned::<T>::get().checked_sub(amount).ok_or(Error::<T>::InsufficientUnowned)?;
			let mut record = Self::settled(who);
			record.free = record.free.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			let total = TotalRep::<T>::get().checked_add(amount).ok_or(Error::<T>::Overflow)?;
			// Everything is checked: write.
			Self::store(who, record);
			Unowned::<T>::put(unowned);
			TotalRep::<T>::put(total);
			Self::deposit_event(Event::RepGranted { who: who.clone(), amount });
			Ok(())
		}

		fn reclaim(who: &T::AccountId, amount: Rep) -> DispatchResult {
			if amount == 0 {
				return Ok(());
			}
			let mut record = Self::settled(who);
			record.free = record.free.checked_sub(amount).ok_or(Error::<T>::InsufficientFreeRep)?;
			let unowned = Unowned::<T>::get().checked_add(amount).ok_or(Error::<T>::Overflow)?;
			let total = TotalRep::<T>::get().checked_sub(amount).ok_or(Error::<T>::Overflow)?;
			Self::store(who, record);
			Unowned::<T>::put(unowned);
			TotalRep::<T>::put(total);
			Self::deposit_event(Event::RepReclaimed { who: who.clone(), amount });
			Ok(())
		}

		fn hold(who: &T::AccountId, reason: RepHoldReason, amount: Rep) -> DispatchResult {
			if amount == 0 {
				return Ok(());
			}
			// free + held does not change, so there are no fees to settle.
			let mut record = Self::record(who);
			record.free = record.free.checked_sub(amount).ok_or(Error::<T>::InsufficientFreeRep)?;
			let held = record.held_mut(reason);
			*held = held.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Self::store(who, record);
			Self::deposit_event(Event::RepHeld { who: who.clone(), reason, amount });
			Ok(())
		}

		fn release(who: &T::AccountId, reason: RepHoldReason, amount: Rep) -> DispatchResult {
			if amount == 0 {
				return Ok(());
			}
			let mut record = Self::record(who);
			let held = record.held_mut(reason);
			*held = held.checked_sub(amount).ok_or(Error::<T>::InsufficientHeldRep)?;
			record.free = record.free.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Self::store(who, record);
			Self::deposit_event(Event::RepReleased { who: who.clone(), reason, amount });
			Ok(())
		}

		fn slash_held(who: &T::AccountId, reason: RepHoldReason, amount: Rep) -> DispatchResult {
			if amount == 0 {
				return Ok(());
			}
			let mut record = Self::settled(who);
			let held = record.held_mut(reason);
			*held = held.checked_sub(amount).ok_or(Error::<T>::InsufficientHeldRep)?;
			let unowned = Unowned::<T>::get().checked_add(amount).ok_or(Error::<T>::Overflow)?;
			let total = TotalRep::<T>::get().checked_sub(amount).ok_or(Error::<T>::Overflow)?;
			Self::store(who, record);
			Unowned::<T>::put(unowned);
			TotalRep::<T>::put(total);
			Self::deposit_event(Event::RepSlashed { who: who.clone(), reason, amount });
			Ok(())
		}
	}

	impl<T: Config> FeeSalary<T::AccountId, u128> for Pallet<T> {
		fn dao_account() -> T::AccountId {
			Pallet::<T>::dao_account()
		}

		/// O(1): raises the fee-per-REP accumulator; holders' shares are settled lazily.
		fn distribute_fee(fee: u128) {
			let pot = fee.saturating_add(UndistributedFees::<T>::get());
			if pot == 0 {
				return;
			}
			let total_rep = TotalRep::<T>::get();
			let increment = if total_rep == 0 {
				U256::zero()
			} else {
				U256::from(pot).saturating_mul(U256::from(FEE_SCALE)) / U256::from(total_rep)
			};
			if increment.is_zero() {
				// Nobody to pay, or too little to pay anyone a fraction: wait for the next fee.
				UndistributedFees::<T>::put(pot);
				Self::deposit_event(Event::FeeDeferred { fee });
				return;
			}
			FeePerRep::<T>::mutate(|acc| *acc = acc.saturating_add(increment));
			UndistributedFees::<T>::kill();
			Self::deposit_event(Event::FeeDistributed { fee: pot, total_rep });
		}
	}
}
