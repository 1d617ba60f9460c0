//! Benchmarks of the work requests (v2).
//!
//! Experts and posts come from `T::BenchmarkHelper`; pools are the runtime's. The draw of a
//! worker is measured by the availability pallet (`draw(MaxExperts)`) and added by this pallet's
//! weight functions, so these benchmarks run with one or two experts. A request is drawn by the
//! hook two blocks after its submission: [`draw`] plays that step.

use super::*;
use crate::Pallet as Business;
use alloc::boxed::Box;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get, Hooks},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use guild_primitives::{OnPoolResolved, PoolOutcome, PostId, RequestId, Tally, ValidationPools};
use sp_core::H256;
use sp_runtime::{traits::Saturating, Perbill};

const SEED: u32 = 0;

/// The smallest fee a request may have.
fn fee<T: Config>() -> u128 {
	Business::<T>::min_fee()
}

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
		fee::<T>(),
		H256::repeat_byte(1),
		uri,
	)
	.expect("the customer is funded");
	(id, customer)
}

/// Take the request `id` (`Drawing`) out of its deadline list, in the block after its `at`.
fn due_now<T: Config>(id: RequestId) -> Result<BlockNumberFor<T>, BenchmarkError> {
	let at = deadline_of::<T>(id)?;
	frame_system::Pallet::<T>::set_block_number(at.saturating_add(1u32.into()));
	Due::<T>::mutate_exists(at, |maybe| {
		if let Some(list) = maybe {
			list.retain(|r| *r != id);
			if list.is_empty() {
				*maybe = None;
			}
		}
	});
	Ok(at)
}

/// The hook's draw of request `id`, two blocks after it asked for one.
fn draw<T: Config>(id: RequestId) -> Result<(), BenchmarkError> {
	let at = due_now::<T>(id)?;
	Business::<T>::process_due(id, at);
	Ok(())
}

/// A request assigned to an expert; returns it with its customer and worker.
fn assigned<T: Config>() -> Result<(RequestId, T::AccountId, T::AccountId), BenchmarkError> {
	expert::<T>(0);
	let (id, customer) = request::<T>();
	draw::<T>(id)?;
	let worker = assigned_worker::<T>(id)?;
	Ok((id, customer, worker))
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
	let (id, customer, worker) = assigned::<T>()?;
	let post = T::BenchmarkHelper::create_post(&worker);
	Business::<T>::submit_evidence(RawOrigin::Signed(worker.clone()).into(), id, post)?;
	Ok((id, customer, worker, post))
}

/// A request whose work its own pool rejected: it waits for the customer's choice.
fn rejected<T: Config>() -> Result<(RequestId, T::AccountId), BenchmarkError> {
	let (id, customer, _, post) = with_evidence::<T>()?;
	Business::<T>::review(RawOrigin::Signed(customer.clone()).into(), id, false)?;
	let pool = match Requests::<T>::get(id).map(|r| r.status) {
		Some(RequestStatus::Validating { pool, .. }) => pool,
		_ => return Err(BenchmarkError::Stop("no pool")),
	};
	<Business<T> as OnPoolResolved>::on_pool_resolved(
		pool,
		post,
		PoolOutcome::Rejected,
		Tally::default(),
	);
	match Requests::<T>::get(id).map(|r| r.status) {
		Some(RequestStatus::AwaitingCustomer { .. }) => Ok((id, customer)),
		_ => Err(BenchmarkError::Stop("the request is not waiting for its customer")),
	}
}

fn is_drawing<T: Config>(id: RequestId) -> bool {
	matches!(Requests::<T>::get(id).map(|r| r.status), Some(RequestStatus::Drawing { .. }))
}

fn deadline_of<T: Config>(id: RequestId) -> Result<BlockNumberFor<T>, BenchmarkError> {
	Requests::<T>::get(id)
		.and_then(|r| r.status.deadline().copied())
		.ok_or(BenchmarkError::Stop("the request has no deadline"))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A request with a URI of `u` bytes, its draw scheduled; its draw block's list is one
	/// short of full.
	#[benchmark]
	fn submit_request(u: Linear<0, { T::MaxUriLen::get() }>) -> Result<(), BenchmarkError> {
		expert::<T>(0);
		let customer = funded::<T>("customer", 0);
		let due = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());
		let filler = (0..T::MaxDuePerBlock::get().saturating_sub(1) as u64)
			.map(|i| u64::MAX - i)
			.collect::<alloc::vec::Vec<_>>();
		Due::<T>::insert(due, BoundedVec::truncate_from(filler));
		let uri = alloc::vec![b'u'; u as usize];
		let id = NextRequestId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(customer), fee::<T>(), H256::repeat_byte(1), uri);

		assert!(is_drawing::<T>(id));
		Ok(())
	}

	#[benchmark]
	fn submit_evidence() -> Result<(), BenchmarkError> {
		let (id, _, worker) = assigned::<T>()?;
		let post = T::BenchmarkHelper::create_post(&worker);
		assert!(T::Pools::pool_of(post).is_none());

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
		let (id, customer, _) = assigned::<T>()?;

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

	/// A no-show: half the stake burned, the worker released and excluded, another draw
	/// scheduled.
	#[benchmark]
	fn evidence_timeout() -> Result<(), BenchmarkError> {
		let (id, _, no_show) = assigned::<T>()?;
		expert::<T>(1);
		let deadline = deadline_of::<T>(id)?;
		frame_system::Pallet::<T>::set_block_number(deadline.saturating_add(1u32.into()));
		let caller = funded::<T>("caller", 0);

		#[block]
		{
			Business::<T>::process_deadline(RawOrigin::Signed(caller).into(), id)?;
		}

		assert!(is_drawing::<T>(id));
		assert!(Requests::<T>::get(id).is_some_and(|r| r.excluded.contains(&no_show)));
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

	/// A rejection: the worker released and excluded, the customer's choice awaited.
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

		assert!(matches!(
			Requests::<T>::get(id).map(|r| r.status),
			Some(RequestStatus::AwaitingCustomer { .. })
		));
		assert!(Requests::<T>::get(id).is_some_and(|r| r.excluded.contains(&worker)));
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
		// The hook's draw finds nobody: the request waits in the pending queue.
		T::BenchmarkHelper::make_randomness();
		draw::<T>(id)?;
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

	/// The hook's draw of a request: an expert drawn and the evidence deadline set.
	#[benchmark]
	fn draw_due() -> Result<(), BenchmarkError> {
		expert::<T>(0);
		let (id, _) = request::<T>();
		let at = due_now::<T>(id)?;

		#[block]
		{
			Business::<T>::process_due(id, at);
		}

		assigned_worker::<T>(id)?;
		Ok(())
	}

	/// The customer made no choice after a rejection: the request closes.
	#[benchmark]
	fn choice_timeout() -> Result<(), BenchmarkError> {
		let (id, _) = rejected::<T>()?;
		let deadline = due_now::<T>(id)?;

		#[block]
		{
			Business::<T>::process_due(id, deadline);
		}

		assert!(matches!(Requests::<T>::get(id).map(|r| r.status), Some(RequestStatus::Closed)));
		Ok(())
	}

	/// The customer pays for another attempt after a rejection: a new fee held, a draw
	/// scheduled.
	#[benchmark]
	fn redraw() -> Result<(), BenchmarkError> {
		let (id, customer) = rejected::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(customer), id, fee::<T>());

		assert!(is_drawing::<T>(id));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Business,
		crate::tests::mock::new_test_ext(),
		crate::tests::mock::Test
	);
}
