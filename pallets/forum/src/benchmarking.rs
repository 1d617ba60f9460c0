//! Benchmarks for `pallet-forum`: its calls, the `Forum` operations the validation pools call,
//! and the worst-case propagation.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use guild_primitives::{Forum, PostId, PostStatus, ReputationLedger, PPM};
use sp_core::H256;
use sp_runtime::traits::{Saturating, Zero};

fn put_params<T: Config>(reference_chain_limit: u32, post_deposit: BalanceOf<T>) {
	Params::<T>::put(ForumParams { reference_chain_limit, revaluation_limit: PPM, post_deposit });
}

/// A deposit worth holding, and an account that can pay it many times over.
fn funded_caller<T: Config>() -> (T::AccountId, BalanceOf<T>) {
	let caller: T::AccountId = whitelisted_caller();
	let deposit = T::Currency::minimum_balance().max(1u32.into());
	T::Currency::set_balance(&caller, deposit.saturating_mul(1_000u32.into()));
	(caller, deposit)
}

/// Writes a post straight into storage (benchmark setup only).
fn insert_post<T: Config>(
	authors: Vec<(T::AccountId, u32)>,
	references: Vec<(RefTarget, i32)>,
) -> PostId {
	let id = NextPostId::<T>::get();
	let submitter = authors[0].0.clone();
	Posts::<T>::insert(
		id,
		Post::<T> {
			authors: BoundedVec::truncate_from(authors),
			references: BoundedVec::truncate_from(references),
			content_hash: H256::repeat_byte(1),
			uri: BoundedVec::new(),
			value: 0,
			status: PostStatus::Open,
			submitter,
			deposit: Zero::zero(),
			block: BlockNumberFor::<T>::zero(),
		},
	);
	NextPostId::<T>::put(id + 1);
	id
}

/// `n` distinct authors with weights summing to 1_000_000 (the first takes the remainder).
fn authors<T: Config>(n: u32, first_index: u32) -> Vec<(T::AccountId, u32)> {
	let n = n.max(1);
	let mut authors: Vec<(T::AccountId, u32)> =
		(0..n).map(|i| (account("author", first_index + i, 0), PPM / n)).collect();
	authors[0].1 += PPM - (PPM / n) * n;
	authors
}

/// Builds, depth first, the posts one worst-case propagation from the returned post visits:
/// every post has `MaxReferences` citations and `MaxAuthors` distinct authors, the tree goes
/// `MAX_REFERENCE_CHAIN_LIMIT` hops deep and holds exactly `budget` distinct posts, so the
/// propagation makes `budget` visits. Citations beyond the budget point to `fillers` (never
/// visited, since the visit cap is reached first).
fn build_tree<T: Config>(
	depth: u32,
	budget: &mut u32,
	fillers: &[PostId],
	next_author: &mut u32,
) -> PostId {
	*budget -= 1;
	let weight = (PPM / T::MaxReferences::get().max(1) * 4 / 5) as i32;
	let mut references = Vec::new();
	for i in 0..T::MaxReferences::get() as usize {
		let target = if depth < MAX_REFERENCE_CHAIN_LIMIT && *budget > 0 {
			build_tree::<T>(depth + 1, budget, fillers, next_author)
		} else {
			fillers[i]
		};
		references.push((RefTarget::Post(target), weight));
	}
	let a = authors::<T>(T::MaxAuthors::get(), *next_author);
	*next_author += T::MaxAuthors::get();
	insert_post::<T>(a, references)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn submit_post(
		a: Linear<1, { T::MaxAuthors::get() }>,
		r: Linear<0, { T::MaxReferences::get() }>,
		u: Linear<0, { T::MaxUriLen::get() }>,
	) -> Result<(), BenchmarkError> {
		let (caller, deposit) = funded_caller::<T>();
		put_params::<T>(MAX_REFERENCE_CHAIN_LIMIT, deposit);
		let cited: Vec<PostId> = (0..r)
			.map(|i| insert_post::<T>(authors::<T>(1, 10_000 + i), Vec::new()))
			.collect();
		let mut post_authors = authors::<T>(a, 0);
		post_authors[0].0 = caller.clone();
		let weight = PPM.checked_div(r).map_or(0, |w| w as i32);
		let references: Vec<(RefTarget, i32)> =
			cited.iter().map(|id| (RefTarget::Post(*id), weight)).collect();
		let uri = alloc::vec![b'x'; u as usize];
		let id = NextPostId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), H256::repeat_byte(7), uri, post_authors, references);

		let post = Posts::<T>::get(id).ok_or("post stored")?;
		assert_eq!(post.deposit, deposit);
		assert_eq!(post.authors.len() as u32, a);
		assert_eq!(post.references.len() as u32, r);
		assert_eq!(post.uri.len() as u32, u);
		Ok(())
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = ForumParams {
			reference_chain_limit: MAX_REFERENCE_CHAIN_LIMIT,
			revaluation_limit: PPM / 2,
			post_deposit: 1u32.into(),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	#[benchmark]
	fn ratify() -> Result<(), BenchmarkError> {
		let (caller, deposit) = funded_caller::<T>();
		put_params::<T>(3, deposit);
		let id = NextPostId::<T>::get();
		Pallet::<T>::submit_post(
			RawOrigin::Signed(caller.clone()).into(),
			H256::repeat_byte(7),
			Vec::new(),
			alloc::vec![(caller, PPM)],
			Vec::new(),
		)?;

		#[block]
		{
			<Pallet<T> as Forum<T::AccountId>>::ratify(id)?;
		}

		let post = Posts::<T>::get(id).ok_or(BenchmarkError::Stop("the post exists"))?;
		assert_eq!(post.status, PostStatus::Ratified);
		assert!(post.deposit.is_zero(), "the ratification released the deposit");
		Ok(())
	}

	/// The first judgement: the post still holds its deposit, which the rejection releases.
	#[benchmark]
	fn reject() -> Result<(), BenchmarkError> {
		let (caller, deposit) = funded_caller::<T>();
		put_params::<T>(3, deposit);
		let id = NextPostId::<T>::get();
		Pallet::<T>::submit_post(
			RawOrigin::Signed(caller.clone()).into(),
			H256::repeat_byte(7),
			Vec::new(),
			alloc::vec![(caller, PPM)],
			Vec::new(),
		)?;

		#[block]
		{
			<Pallet<T> as Forum<T::AccountId>>::reject(id)?;
		}

		let post = Posts::<T>::get(id).ok_or(BenchmarkError::Stop("the post exists"))?;
		assert_eq!(post.status, PostStatus::Rejected);
		assert!(post.deposit.is_zero(), "the rejection released the deposit");
		Ok(())
	}

	/// One propagation at its bound: `MaxPropagationVisits` distinct posts, each with
	/// `MaxReferences` citations and `MaxAuthors` distinct authors, 5 hops deep; every visited
	/// post credits all its authors (each a new REP account).
	#[benchmark]
	fn propagate_worst_case() -> Result<(), BenchmarkError> {
		put_params::<T>(MAX_REFERENCE_CHAIN_LIMIT, Zero::zero());
		let fillers: Vec<PostId> = (0..T::MaxReferences::get())
			.map(|i| insert_post::<T>(authors::<T>(1, 1_000_000 + i), Vec::new()))
			.collect();
		let visits = T::MaxPropagationVisits::get();
		let mut budget = visits;
		let mut next_author = 0;
		let root = build_tree::<T>(0, &mut budget, &fillers, &mut next_author);
		let amount: u128 = 1_000_000_000_000_000_000_000_000;
		T::Reputation::mint_unowned(amount);

		#[block]
		{
			<Pallet<T> as Forum<T::AccountId>>::propagate(root, amount)?;
		}

		frame_system::Pallet::<T>::assert_last_event(
			Event::<T>::Propagated { post: root, amount, burned: 0, visits }.into(),
		);
		// The root's first citation, the last post built before it, got its share.
		assert!(Posts::<T>::get(root - 1).map(|p| p.value).unwrap_or(0) > 0);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::tests::mock::new_test_ext(),
		crate::tests::mock::Test
	);
}
