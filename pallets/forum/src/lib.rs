//! # Forum
//!
//! Guild's forum (PROTOCOL.md §3): immutable posts that record work done off chain, who did it
//! and what it builds on, and the propagation of minted REP through those citations.
//!
//! - [`Pallet::submit_post`]: a post has 1..=`MaxAuthors` authors whose ppm weights sum to
//!   exactly 1_000_000 (the signer among them), and 0..=`MaxReferences` citations of older posts
//!   or of the [`RefTarget::Incinerator`], each weighted in [−1_000_000, 1_000_000] without 0,
//!   with Σ |w| ≤ `revaluation_limit`, and a URI of at most `MaxUriLen` bytes. The call takes
//!   plain vectors and checks these sizes itself, so that an oversized post fails with a named
//!   error ([`Error::UriTooLong`], [`Error::TooManyAuthors`], [`Error::TooManyReferences`])
//!   rather than failing to decode. Posts get sequential ids **starting at 0**. A deposit of
//!   `post_deposit` native tokens is held from the signer until a pool first judges the post.
//! - [`guild_primitives::Forum`]: the validation pools ratify or reject a post (the first
//!   verdict, either way, releases its deposit: PROTOCOL.md §3, edition 2) and propagate minted
//!   REP into a post.
//! - Propagation follows §3 to the unit; see [`propagation`] for the rules this pallet had to
//!   decide where §3 is silent.
//!
//! The forum moves REP only through [`guild_primitives::ReputationLedger`] (`Config::Reputation`)
//! and never reads another pallet's storage.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod propagation;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

/// The native-token balance type of the forum's deposits.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{collections::BTreeSet, vec::Vec};
	use frame_support::{
		pallet_prelude::*,
		storage::with_storage_layer,
		traits::{
			fungible::{InspectHold, Mutate, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use guild_primitives::{PostId, PostStatus, Rep, ReputationLedger, PPM};
	use sp_core::H256;
	use sp_runtime::{
		traits::{Saturating, Zero},
		TryRuntimeError,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native token, for post deposits (held with [`HoldReason::PostDeposit`]).
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason: From<HoldReason>>;

		/// The REP ledger that propagation credits and debits.
		type Reputation: ReputationLedger<Self::AccountId>;

		/// Who may change [`Params`]: root, or a passed governance proposal.
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The longest URI a post may carry, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;

		/// The most authors a post may have.
		#[pallet::constant]
		type MaxAuthors: Get<u32>;

		/// The most references a post may have.
		#[pallet::constant]
		type MaxReferences: Get<u32>;

		/// The most posts one propagation visits (the starting post included).
		#[pallet::constant]
		type MaxPropagationVisits: Get<u32>;

		/// Weights of this pallet's calls and of propagation.
		type WeightInfo: WeightInfo;
	}

	/// Why the forum holds native tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a post no pool has judged yet.
		#[codec(index = 0)]
		PostDeposit,
	}

	/// Every post by id, from 0. Content, authors and references never change.
	#[pallet::storage]
	pub type Posts<T: Config> = StorageMap<_, Twox64Concat, PostId, Post<T>>;

	/// The id the next post will get (= the number of posts).
	#[pallet::storage]
	pub type NextPostId<T> = StorageValue<_, PostId, ValueQuery>;

	/// The forum's parameters: reference chain limit, revaluation limit, post deposit.
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, ForumParams<BalanceOf<T>>, ValueQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// How many citation hops a propagation follows (≤ 5).
		pub reference_chain_limit: u32,
		/// The most Σ |reference weight| of one post may be, in ppm (≤ 1_000_000).
		pub revaluation_limit: u32,
		/// Native tokens held from a post's submitter until a pool first judges it.
		pub post_deposit: BalanceOf<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			let p = ForumParams::<BalanceOf<T>>::default();
			Self {
				reference_chain_limit: p.reference_chain_limit,
				revaluation_limit: p.revaluation_limit,
				post_deposit: p.post_deposit,
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let params = ForumParams {
				reference_chain_limit: self.reference_chain_limit,
				revaluation_limit: self.revaluation_limit,
				post_deposit: self.post_deposit,
			};
			Pallet::<T>::check_params(&params).expect("forum genesis parameters are in range");
			Params::<T>::put(params);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `submitter` submitted `post`, holding `deposit`.
		PostSubmitted {
			post: PostId,
			submitter: T::AccountId,
			content_hash: H256,
			deposit: BalanceOf<T>,
		},
		/// A pool accepted `post`; `deposit_released` went back to its submitter (0 if an earlier
		/// pool had judged it).
		PostRatified { post: PostId, deposit_released: BalanceOf<T> },
		/// A pool rejected `post`; `deposit_released` went back to its submitter (0 if an earlier
		/// pool had judged it).
		PostRejected { post: PostId, deposit_released: BalanceOf<T> },
		/// `amount` of minted REP propagated from `post`: `burned` of it went to the Incinerator,
		/// the rest to authors (see the Reputation pallet's events); `visits` posts were visited.
		Propagated { post: PostId, amount: Rep, burned: Rep, visits: u32 },
		/// The forum's parameters changed.
		ParamsSet { params: ForumParams<BalanceOf<T>> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A post needs at least one author.
		NoAuthors,
		/// The signer must be one of the post's authors.
		SignerNotAuthor,
		/// An author is listed twice.
		DuplicateAuthor,
		/// Author weights must sum to exactly 1_000_000 ppm.
		AuthorWeightsNotWhole,
		/// Every author needs a weight above zero.
		ZeroAuthorWeight,
		/// No post has this id. Returned by the validation pools' `ratify`, `reject` and
		/// `propagate` (through [`guild_primitives::Forum`]) for an id that was never submitted.
		/// `submit_post` cannot return it in practice: posts are never removed, so a citation of
		/// an id at or above `NextPostId` fails with `ReferenceToNewerPost` first, and every id
		/// below it exists; its check for a cited post is defensive only.
		UnknownPost,
		/// A post may only cite older posts, not itself or a newer one.
		ReferenceToNewerPost,
		/// A target is cited twice.
		DuplicateReference,
		/// A reference weight of zero means nothing; leave the reference out.
		ZeroReferenceWeight,
		/// Reference weights must lie in [−1_000_000, 1_000_000] ppm.
		ReferenceWeightOutOfRange,
		/// The Incinerator can only be cited with a positive weight.
		NegativeIncineratorReference,
		/// Σ |reference weight| exceeds the revaluation limit.
		RevaluationLimitExceeded,
		/// The signer cannot cover the post deposit.
		InsufficientBalanceForDeposit,
		/// `reference_chain_limit` may be at most 5.
		ReferenceChainLimitTooHigh,
		/// `revaluation_limit` may be at most 1_000_000 ppm.
		RevaluationLimitTooHigh,
		/// The amount to propagate does not fit the propagation's arithmetic.
		PropagationAmountTooLarge,
		/// Propagation would have applied more than the amount or taken a post below zero (an
		/// internal fault that §3 rules out; nothing moved).
		PropagationFault,
		/// No more post ids.
		PostIdOverflow,
		/// The URI is longer than `MaxUriLen` bytes.
		UriTooLong,
		/// A post may have at most `MaxAuthors` authors.
		TooManyAuthors,
		/// A post may have at most `MaxReferences` references.
		TooManyReferences,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxAuthors::get() >= 1, "a post needs room for one author");
			assert!(T::MaxPropagationVisits::get() >= 1, "a propagation visits its own post");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submit a post: the work product's `content_hash` and `uri`, its `authors` with weights
		/// in ppm summing to 1_000_000 (the signer among them; the first author takes rounding
		/// remainders), and its `references` to older posts or to the Incinerator, with weights
		/// in ppm in [−1_000_000, 1_000_000] (positive donates, negative leaches), Σ |w| at most
		/// the revaluation limit.
		///
		/// At most `MaxUriLen` bytes of URI, `MaxAuthors` authors and `MaxReferences`
		/// references: a longer argument fails with `UriTooLong`, `TooManyAuthors` or
		/// `TooManyReferences` before anything else is checked.
		///
		/// Holds `post_deposit` from the signer until a pool first judges the post (ratified or
		/// rejected). Ids are sequential
		/// from 0.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::submit_post_weight(
			authors.len(),
			references.len(),
			uri.len(),
		))]
		pub fn submit_post(
			origin: OriginFor<T>,
			content_hash: H256,
			uri: Vec<u8>,
			authors: Vec<(T::AccountId, u32)>,
			references: Vec<(RefTarget, i32)>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			// Plain vectors decode at any length; bound them here, before any other work, so an
			// oversized post gets a named error instead of an undecodable extrinsic.
			let uri = UriOf::<T>::try_from(uri).map_err(|_| Error::<T>::UriTooLong)?;
			let authors =
				AuthorsOf::<T>::try_from(authors).map_err(|_| Error::<T>::TooManyAuthors)?;
			let references = ReferencesOf::<T>::try_from(references)
				.map_err(|_| Error::<T>::TooManyReferences)?;
			let params = Params::<T>::get();
			Self::check_authors(&who, &authors)?;
			Self::do_post(who, content_hash, uri, authors, references, params)?;
			Ok(())
		}

		/// Set the forum's parameters: `reference_chain_limit` (at most 5),
		/// `revaluation_limit` (at most 1_000_000 ppm) and `post_deposit` (applies to posts
		/// submitted from now on).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(
			origin: OriginFor<T>,
			params: ForumParams<BalanceOf<T>>,
		) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			Self::put_params(params)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The weight `submit_post` declares for arguments of these lengths: the benchmarked
		/// weight with each length capped at its bound. A longer argument is refused before any
		/// work, so the weight of a call is never more than that of the largest valid post.
		pub fn submit_post_weight(authors: usize, references: usize, uri: usize) -> Weight {
			let capped = |len: usize, max: u32| u32::try_from(len).unwrap_or(u32::MAX).min(max);
			T::WeightInfo::submit_post(
				capped(authors, T::MaxAuthors::get()),
				capped(references, T::MaxReferences::get()),
				capped(uri, T::MaxUriLen::get()),
			)
		}

		/// Parameters in range: chain limit ≤ 5, revaluation limit ≤ 1_000_000.
		pub fn check_params(params: &ForumParams<BalanceOf<T>>) -> DispatchResult {
			ensure!(
				params.reference_chain_limit <= MAX_REFERENCE_CHAIN_LIMIT,
				Error::<T>::ReferenceChainLimitTooHigh
			);
			ensure!(params.revaluation_limit <= PPM, Error::<T>::RevaluationLimitTooHigh);
			Ok(())
		}

		/// Authors: at least one, weights > 0, no duplicates, the signer among them, weights
		/// summing to exactly 1_000_000.
		fn check_authors(who: &T::AccountId, authors: &AuthorsOf<T>) -> DispatchResult {
			ensure!(!authors.is_empty(), Error::<T>::NoAuthors);
			let mut seen = BTreeSet::new();
			let mut sum: u64 = 0;
			for (author, weight) in authors.iter() {
				ensure!(*weight > 0, Error::<T>::ZeroAuthorWeight);
				ensure!(seen.insert(author), Error::<T>::DuplicateAuthor);
				sum = sum.saturating_add(u64::from(*weight));
			}
			// Before the sum: a signer missing from the list is the likelier mistake.
			ensure!(seen.contains(who), Error::<T>::SignerNotAuthor);
			ensure!(sum == u64::from(PPM), Error::<T>::AuthorWeightsNotWhole);
			Ok(())
		}

		/// References of the post that will get id `new_id`: each to an older existing post or
		/// to the Incinerator (positive only), weight in [−1_000_000, 1_000_000] without 0, no
		/// duplicate target, Σ |w| ≤ `revaluation_limit`.
		pub(crate) fn check_references(
			new_id: PostId,
			references: &ReferencesOf<T>,
			revaluation_limit: u32,
		) -> DispatchResult {
			let mut seen = BTreeSet::new();
			let mut total: u64 = 0;
			for (target, weight) in references.iter() {
				ensure!(*weight != 0, Error::<T>::ZeroReferenceWeight);
				ensure!(weight.unsigned_abs() <= PPM, Error::<T>::ReferenceWeightOutOfRange);
				match target {
					RefTarget::Post(cited) => {
						ensure!(*cited < new_id, Error::<T>::ReferenceToNewerPost);
						// Defensive: posts are never removed, so every id below `new_id` exists.
						ensure!(Posts::<T>::contains_key(cited), Error::<T>::UnknownPost);
					},
					RefTarget::Incinerator => {
						ensure!(*weight > 0, Error::<T>::NegativeIncineratorReference)
					},
				}
				ensure!(seen.insert(*target), Error::<T>::DuplicateReference);
				total = total.saturating_add(u64::from(weight.unsigned_abs()));
			}
			ensure!(total <= u64::from(revaluation_limit), Error::<T>::RevaluationLimitExceeded);
			Ok(())
		}

		/// Propagates `amount` of unowned REP into `post` (PROTOCOL.md §3): computes every move
		/// in memory, then applies debits, credits and burns, all or nothing.
		pub fn do_propagate(post: PostId, amount: Rep) -> DispatchResult {
			ensure!(Posts::<T>::contains_key(post), Error::<T>::UnknownPost);
			if amount == 0 {
				return Ok(());
			}
			let amount_i =
				i128::try_from(amount).map_err(|_| Error::<T>::PropagationAmountTooLarge)?;
			let params = Params::<T>::get();
			let mut run = propagation::Propagation::<T>::new(
				params.reference_chain_limit.min(MAX_REFERENCE_CHAIN_LIMIT),
				T::MaxPropagationVisits::get(),
			);
			let applied = run.run(post, amount_i);
			// Exactly `amount` is applied when Σ|w| ≤ 1_000_000; whatever is left is burned.
			let leftover = amount_i
				.checked_sub(applied)
				.filter(|l| *l >= 0)
				.ok_or(Error::<T>::PropagationFault)?;
			let burned = run.burned.saturating_add(leftover);
			let burned = Rep::try_from(burned).map_err(|_| Error::<T>::PropagationFault)?;
			let visits = run.visits;
			let (net, values) = run.into_changes().ok_or(Error::<T>::PropagationFault)?;

			with_storage_layer(|| -> DispatchResult {
				// Debits first: the unowned pot only grows before credits and burns take from it.
				for (who, delta) in net.iter().filter(|(_, d)| **d < 0) {
					T::Reputation::reclaim(who, delta.unsigned_abs())?;
				}
				for (who, delta) in net.iter().filter(|(_, d)| **d > 0) {
					T::Reputation::grant(who, delta.unsigned_abs())?;
				}
				T::Reputation::burn_unowned(burned)?;
				for (id, value) in values {
					Posts::<T>::mutate(id, |p| {
						if let Some(p) = p {
							p.value = value;
						}
					});
				}
				Ok(())
			})?;
			Self::deposit_event(Event::Propagated { post, amount, burned, visits });
			Ok(())
		}

		/// Records a pool's verdict on `post` and releases the deposit the post still holds, which
		/// only the first judgement finds: it is zeroed on release, so a second verdict releases
		/// nothing. Returns what was released.
		fn judge(post: PostId, verdict: PostStatus) -> Result<BalanceOf<T>, DispatchError> {
			Posts::<T>::try_mutate(post, |maybe| -> Result<_, DispatchError> {
				let p = maybe.as_mut().ok_or(Error::<T>::UnknownPost)?;
				let released = p.deposit;
				if !released.is_zero() {
					T::Currency::release(
						&HoldReason::PostDeposit.into(),
						&p.submitter,
						released,
						Precision::BestEffort,
					)?;
					p.deposit = Zero::zero();
				}
				p.status = verdict;
				Ok(released)
			})
		}

		/// Checks the forum's invariants:
		/// - post ids are exactly `0..NextPostId`;
		/// - every post's authors and references obey the rules they were checked against;
		/// - a judged (ratified or rejected) post holds no deposit, and each submitter's held
		///   deposits equal the deposits its posts record;
		/// - the parameters are in range.
		pub fn do_try_state() -> Result<(), TryRuntimeError> {
			let next = NextPostId::<T>::get();
			let mut count: u64 = 0;
			let mut deposits = alloc::collections::BTreeMap::<T::AccountId, BalanceOf<T>>::new();
			for (id, post) in Posts::<T>::iter() {
				count += 1;
				ensure!(id < next, "a post id is not below NextPostId");
				ensure!(!post.authors.is_empty(), "a post has no author");
				let sum: u64 = post.authors.iter().map(|(_, w)| u64::from(*w)).sum();
				ensure!(sum == u64::from(PPM), "a post's author weights are not whole");
				for (target, w) in post.references.iter() {
					ensure!(
						*w != 0 && w.unsigned_abs() <= PPM,
						"a reference weight is out of range"
					);
					if let RefTarget::Post(cited) = target {
						ensure!(*cited < id, "a post cites a newer post");
					}
				}
				if post.status != PostStatus::Open {
					ensure!(post.deposit.is_zero(), "a judged post still holds a deposit");
				}
				let held = deposits.entry(post.submitter.clone()).or_default();
				*held = held.saturating_add(post.deposit);
			}
			ensure!(count == next, "posts are missing below NextPostId");
			for (who, expected) in deposits {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::PostDeposit.into(), &who) == expected,
					"held post deposits differ from the posts' deposits"
				);
			}
			Self::check_params(&Params::<T>::get())?;
			Ok(())
		}
	}

	impl<T: Config> guild_primitives::Forum<T::AccountId> for Pallet<T> {
		fn authors(post: PostId) -> Option<Vec<(T::AccountId, u32)>> {
			Posts::<T>::get(post).map(|p| p.authors.into_inner())
		}

		fn status(post: PostId) -> Option<PostStatus> {
			Posts::<T>::get(post).map(|p| p.status)
		}

		/// Marks `post` ratified and releases its deposit if no pool judged it before. A later
		/// pool on the same post may ratify or reject it again (nothing more to release): the
		/// status records the latest verdict.
		fn ratify(post: PostId) -> DispatchResult {
			let released = Self::judge(post, PostStatus::Ratified)?;
			Self::deposit_event(Event::PostRatified { post, deposit_released: released });
			Ok(())
		}

		/// Marks `post` rejected and releases its deposit if no pool judged it before
		/// (PROTOCOL.md §3, edition 2: the first judgement releases it, whatever the verdict).
		fn reject(post: PostId) -> DispatchResult {
			let released = Self::judge(post, PostStatus::Rejected)?;
			Self::deposit_event(Event::PostRejected { post, deposit_released: released });
			Ok(())
		}

		fn propagate(post: PostId, amount: Rep) -> DispatchResult {
			Self::do_propagate(post, amount)
		}
	}
}

use alloc::vec::Vec;
use frame_support::{
	traits::{fungible::MutateHold, Get},
	weights::Weight,
};
use guild_primitives::{PostId, PostStatus};
use sp_core::H256;
use sp_runtime::{traits::Zero, DispatchError};

impl<T: Config> Pallet<T> {
	/// The checks on references and the effects of a post whose authors are checked already:
	/// the deposit (`params.post_deposit`) is held from `who`, the post stored. Returns its id.
	fn do_post(
		who: T::AccountId,
		content_hash: H256,
		uri: UriOf<T>,
		authors: AuthorsOf<T>,
		references: ReferencesOf<T>,
		params: ForumParams<BalanceOf<T>>,
	) -> Result<PostId, DispatchError> {
		let id = NextPostId::<T>::get();
		Self::check_references(id, &references, params.revaluation_limit)?;
		let next = id.checked_add(1).ok_or(Error::<T>::PostIdOverflow)?;
		let deposit = params.post_deposit;
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::PostDeposit.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientBalanceForDeposit)?;
		}
		Posts::<T>::insert(
			id,
			Post {
				authors,
				references,
				content_hash,
				uri,
				value: 0,
				status: PostStatus::Open,
				submitter: who.clone(),
				deposit,
				block: frame_system::Pallet::<T>::block_number(),
			},
		);
		NextPostId::<T>::put(next);
		Self::deposit_event(Event::PostSubmitted {
			post: id,
			submitter: who,
			content_hash,
			deposit,
		});
		Ok(id)
	}
}

/// Session reports (PROTOCOL.md §12): posted by the protocol, with no deposit and no URI.
impl<T: Config> guild_primitives::ProtocolForum<T::AccountId> for Pallet<T> {
	fn post(
		author: &T::AccountId,
		references: Vec<(PostId, i32)>,
		content_hash: [u8; 32],
	) -> Result<PostId, DispatchError> {
		let authors =
			AuthorsOf::<T>::try_from(alloc::vec![(author.clone(), guild_primitives::PPM)])
				.map_err(|_| Error::<T>::TooManyAuthors)?;
		let references = ReferencesOf::<T>::try_from(
			references
				.into_iter()
				.map(|(post, w)| (RefTarget::Post(post), w))
				.collect::<Vec<_>>(),
		)
		.map_err(|_| Error::<T>::TooManyReferences)?;
		let params = ForumParams { post_deposit: Zero::zero(), ..Params::<T>::get() };
		Self::do_post(
			author.clone(),
			H256(content_hash),
			Default::default(),
			authors,
			references,
			params,
		)
	}
}

impl<T: Config> Pallet<T> {
	/// Check `params` ([`Pallet::check_params`]), put them in force and say so: what
	/// `set_params` does once its origin is checked.
	pub fn put_params(params: ForumParams<BalanceOf<T>>) -> sp_runtime::DispatchResult {
		Self::check_params(&params)?;
		Params::<T>::put(params);
		Self::deposit_event(Event::ParamsSet { params });
		Ok(())
	}
}

/// The `Forum*` keys: [`Params`] as governance reads and changes it.
impl<T: Config> guild_primitives::ParameterOwner for Pallet<T> {
	fn param(key: guild_primitives::ParamKey) -> Option<u128> {
		use guild_primitives::ParamKey::*;
		use sp_runtime::SaturatedConversion;
		let p = Params::<T>::get();
		Some(match key {
			ForumReferenceChainLimit => p.reference_chain_limit.into(),
			ForumRevaluationLimit => p.revaluation_limit.into(),
			ForumPostDeposit => p.post_deposit.saturated_into(),
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
			ForumReferenceChainLimit => p.reference_chain_limit = small(value)?,
			ForumRevaluationLimit => p.revaluation_limit = small(value)?,
			ForumPostDeposit => p.post_deposit = small(value)?,
			_ => return Ok(false),
		}
		Self::put_params(p)?;
		Ok(true)
	}
}
