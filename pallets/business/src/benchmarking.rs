//! Benchmarks of the work requests (v2).
//!
//! Experts and posts come from `T::BenchmarkHelper`; pools are the runtime's. The draw of a
//! worker is measured by the availability pallet (`draw(MaxExperts)`) and added by this pallet's
//! weight functions, so these benchmarks run with one or two experts.

use super::*;
use crate::Pallet as Business;
use alloc::boxed::Box;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get, Hooks},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use guild_primitives::{OnPoolResolved, PoolOutcome, PostId, RequestId, Tally};
use sp_core::H256;
use sp_runtime::{traits::Saturating, Perbill};

const SEED: u32 = 0;
const FEE: u128 = 1_000_000_000;

/// An account with plenty of the native token.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::set_balance(&who, u64::MAX as u128);
	who
}

/// An expert with a drawable stake.
fn expert<T: Config>(index: u32) -> T::AccountId {
	let who = funded::<T>("expert", index);
	T::BenchmarkHelper::make_expert(&who);
	who
}

/// A request of a funded customer with the longest URI: assigned if an expert is available.
fn request<T: Config>() -> (RequestId, T::AccountId) {
	let customer = funded::<T>("customer", 0);
	let id = NextRequestId::<T>::get();
	let uri = alloc::vec![b'u'; T::MaxUriLen::get() as usize];
	Business::<T>::submit_request(
		RawOrigin::Signed(customer.clone()).into(),
		FEE,
		H256::repeat_byte(1),
		uri,
	)
	.expect("the customer is funded");
	(id, customer)
}

fn assigned_worker<T: Config>(id: RequestId) -> Result<T::AccountId, BenchmarkError> {
	match Requests::<T>::get(id).map(|r| r.status) {
		Some(RequestStatus::Assigned { worker, .. }) => Ok(worker),
		_ => Err(BenchmarkError::Stop("the request is not assigned")),
	}
}

/// A request with its evidence submitted; returns it with its customer, worker and post.
fn with_evidence<T: Config>(
) -> Result<(RequestId, T::AccountId, T::AccountId, PostId), BenchmarkError> {
	expert::<T>(0);
	let (id, customer) = request::<T>();
	let worker = assigned_worker::<T>(id)?;
	let post = T::BenchmarkHelper::create_post(&worker);
	Business::<T>::submit_evidence(RawOrigin::Signed(worker.clone()).into(), id, post)?;
	Ok((id, customer, worker, post))
}

fn deadline_of<T: Config>(id: RequestId) -> Result<BlockNumberFor<T>, BenchmarkError> {
	Requests::<T>::get(id)
		.and_then(|r| r.status.deadline().copied())
		.ok_or(BenchmarkError::Stop("the request has no deadline"))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A request with a URI of `u` bytes, assigned at once; its deadline block's list is one
	/// short of full.
	#[benchmark]
	fn submit_request(u: Linear<0, { T::MaxUriLen::get() }>) -> Result<(), BenchmarkError> {
		expert::<T>(0);
		let customer = funded::<T>("customer", 0);
		let due = frame_system::Pallet::<T>::block_number()
			.saturating_add(Params::<T>::get().evidence_timeout);
		let filler = (0..T::MaxDuePerBlock::get().saturating_sub(1) as u64)
			.map(|i| u64::MAX - i)
			.collect::<alloc::vec::Vec<_>>();
		Due::<T>::insert(due, BoundedVec::truncate_from(filler));
		let uri = alloc::vec![b'u'; u as usize];
		let id = NextRequestId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(customer), FEE, H256::repeat_byte(1), uri);

		assigned_worker::<T>(id)?;
		Ok(())
	}

	#[benchmark]
	fn submit_evidence() -> Result<(), BenchmarkError> {
		expert::<T>(0);
		let (id, _) = request::<T>();
		let worker = assigned_worker::<T>(id)?;
		let post = T::BenchmarkHelper::create_post(&worker);

		#[extrinsic_call]
		_(RawOrigin::Signed(worker), id, post);

		assert!(matches!(
			Requests::<T>::get(id).map(|r| r.status),
			Some(RequestStatus::EvidenceSubmitted { .. })
		));
		Ok(())
	}

	/// The customer's review opens the pool.
	#[benchmark]
	fn review() -> Result<(), BenchmarkError> {
		let (id, customer, _, _) = with_evidence::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(customer), id, true);

		assert!(matches!(
			Requests::<T>::get(id).map(|r| r.status),
			Some(RequestStatus::Validating { .. })
		));
		Ok(())
	}

	/// Cancelling an assigned request: the worker is released, the fee refunded.
	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		expert::<T>(0);
		let (id, customer) = request::<T>();
		assigned_worker::<T>(id)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(customer), id);

		assert!(matches!(Requests::<T>::get(id).map(|r| r.status), Some(RequestStatus::Cancelled)));
		Ok(())
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut params = Params::<T>::get();
		params.no_show_slash = Perbill::from_percent(25);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(params));

		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	/// The hook walking `k` deadline blocks that hold nothing (the cursor catching up). Each
	/// deadline it acts on is charged `evidence_timeout` or `review_timeout` on top.
	#[benchmark]
	fn on_initialize_buckets(k: Linear<0, { MAX_BUCKETS_PER_BLOCK }>) {
		let n: BlockNumberFor<T> = 1_000u32.into();
		frame_system::Pallet::<T>::set_block_number(n);
		DueCursor::<T>::put(n.saturating_sub(k.into()));

		#[block]
		{
			Business::<T>::on_initialize(n);
		}

		assert_eq!(DueCursor::<T>::get(), Some(n));
	}

	/// A no-show: half the stake burned, the worker released and excluded, another expert
	/// drawn.
	#[benchmark]
	fn evidence_timeout() -> Result<(), BenchmarkError> {
		expert::<T>(0);
		let (id, _) = request::<T>();
		let no_show = assigned_worker::<T>(id)?;
		expert::<T>(1);
		let deadline = deadline_of::<T>(id)?;
		frame_system::Pallet::<T>::set_block_number(deadline.saturating_add(1u32.into()));
		let caller = funded::<T>("caller", 0);

		#[block]
		{
			Business::<T>::process_deadline(RawOrigin::Signed(caller).into(), id)?;
		}

		let worker = assigned_worker::<T>(id)?;
		assert!(worker != no_show);
		Ok(())
	}

	/// The review timed out: the pool opens.
	#[benchmark]
	fn review_timeout() -> Result<(), BenchmarkError> {
		let (id, _, _, _) = with_evidence::<T>()?;
		let deadline = deadline_of::<T>(id)?;
		frame_system::Pallet::<T>::set_block_number(deadline.saturating_add(1u32.into()));
		let caller = funded::<T>("caller", 0);

		#[block]
		{
			Business::<T>::process_deadline(RawOrigin::Signed(caller).into(), id)?;
		}

		assert!(matches!(
			Requests::<T>::get(id).map(|r| r.status),
			Some(RequestStatus::Validating { .. })
		));
		Ok(())
	}

	/// A rejection: the worker released and excluded, the fee held again, another expert drawn.
	#[benchmark]
	fn pool_resolved_ours() -> Result<(), BenchmarkError> {
		let (id, customer, worker, post) = with_evidence::<T>()?;
		Business::<T>::review(RawOrigin::Signed(customer).into(), id, false)?;
		let pool = match Requests::<T>::get(id).map(|r| r.status) {
			Some(RequestStatus::Validating { pool, .. }) => pool,
			_ => return Err(BenchmarkError::Stop("no pool")),
		};
		expert::<T>(1);

		#[block]
		{
			<Business<T> as OnPoolResolved>::on_pool_resolved(
				pool,
				post,
				PoolOutcome::Rejected,
				Tally::default(),
			);
		}

		let next = assigned_worker::<T>(id)?;
		assert!(next != worker);
		Ok(())
	}

	/// A pool this pallet did not open.
	#[benchmark]
	fn pool_resolved_other() {
		#[block]
		{
			<Business<T> as OnPoolResolved>::on_pool_resolved(
				u64::MAX,
				0,
				PoolOutcome::Accepted,
				Tally::default(),
			);
		}
	}

	/// One pending request assigned when an expert became available.
	#[benchmark]
	fn assign_pending_try() -> Result<(), BenchmarkError> {
		let (id, _) = request::<T>();
		if !matches!(Requests::<T>::get(id).map(|r| r.status), Some(RequestStatus::Pending { .. }))
		{
			return Err(BenchmarkError::Stop("an expert was available"));
		}
		expert::<T>(0);

		#[block]
		{
			Business::<T>::assign_pending();
		}

		assigned_worker::<T>(id)?;
		Ok(())
	}

	impl_benchmark_test_suite!(
		Business,
		crate::tests::mock::new_test_ext(),
		crate::tests::mock::Test
	);
}
