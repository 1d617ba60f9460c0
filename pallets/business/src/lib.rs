//! # Business: work requests
//!
//! PROTOCOL.md §7. A customer pays for work; an expert drawn from the availability stakes does it
//! and posts the evidence to the forum; a validation pool judges it:
//!
//! - [`Pallet::submit_request`] holds the fee (at least `min_request_fee`) from the customer
//!   (`HoldReason::RequestFee`); the hook draws a worker two blocks later (late randomness, §6);
//!   with no expert available the request waits `Pending` and is assigned when one is (a stake,
//!   top-up or extension: [`OnExpertAvailable`]; or a worker released by another request). No
//!   call draws: a call that makes an expert available schedules the hook's scan of the pending
//!   queue two blocks on ([`PendingScanAt`]), so nobody picks the randomness of a draw.
//! - [`Pallet::submit_evidence`]: the assigned worker, an author of the post, within
//!   `evidence_timeout`. A no-show loses `no_show_slash` of their stake (burned) and the request is
//!   drawn again without them; after `max_draws` draws it is refunded instead.
//! - [`Pallet::review`]: the customer's verdict is recorded and the pool starts; after
//!   `review_timeout` it starts anyway. The pool's fee is the request fee (the hold is released and
//!   [`ValidationPools::open`] moves it to the DAO account); the worker's availability stake is
//!   their FOR stake. Only this pallet opens pools on evidence posts ([`ProtocolPosts`]).
//! - The outcome arrives through [`OnPoolResolved`]: Accepted → `Done` (the pool paid the fee out
//!   as REP salary); Rejected → the customer chooses: [`Pallet::redraw`] with a new fee, or
//!   [`Pallet::cancel`], within `review_timeout` (else `Closed`); QuorumNotMet → another pool,
//!   up to `max_validation_attempts`, then `Refunded`.
//! - [`Pallet::cancel`] by the customer refunds the held fee where §7 allows.
//!
//! Deadlines are kept in per-block lists ([`Due`]) that `on_initialize` walks with a cursor, at
//! most `MaxTimeoutsPerBlock` requests per block; anyone may also act on a passed deadline with
//! [`Pallet::process_deadline`] (free when it does something).
//!
//! ## Rules this pallet had to decide (PROTOCOL.md is silent or leaves it open)
//!
//! - **The fee per attempt.** A pool that accepts or rejects pays the fee out as salary. After a
//!   rejection the request waits for its customer (`AwaitingCustomer`, `review_timeout` blocks):
//!   `redraw` holds a new fee (at least `min_request_fee`) and another worker is drawn; `cancel`
//!   ends it with nothing more paid; no choice closes it (`Closed`). A pool whose quorum is not
//!   met refunds the fee less its `quorum_miss_fee` share (the pool's rule); the whole fee is held
//!   again at once and the next pool opens in the next block; after `max_validation_attempts`
//!   pools on the same evidence, or if the customer cannot hold the fee again, what came back
//!   stays with the customer (`Refunded`) and the worker is released unslashed.
//! - **Draws.** A request is drawn by the hook, never in the block that asked for the draw
//!   (submission, no-show, `redraw`): from the second block after it, with the VRF output of a
//!   block nobody had seen then. Without randomness the draw waits a block. At most `max_draws`
//!   workers are drawn for a request; a no-show beyond that refunds the fee, a rejection beyond
//!   that closes the request.
//! - **Cancel** is allowed while no work is under judgement: `Drawing`, `Pending`, `Assigned`
//!   (the worker is released without a slash), `AwaitingCustomer` (nothing to refund), and in
//!   `EvidenceSubmitted` once opening the pool has failed. It refunds the held fee.
//! - **Exclusions.** A request never draws its customer, its no-shows or its rejected workers (at
//!   most `MaxExclusions` remembered, the oldest forgotten first).
//! - **Deadlines.** The worker may submit evidence in blocks up to and including the deadline; the
//!   hook acts from the next block. A deadline falls in the first block at or after its due block
//!   whose list has room (at most 16 blocks later; giving more time, never less).
//! - **A pool that cannot open** (a duration outside the pools' bounds, a pool that is not the
//!   request's on the post, ...) fails the `review` call with the pool's error; on the timeout
//!   path it is tried again every `pool_duration` blocks, at most `max_validation_attempts` times
//!   (then `Refunded`, the worker released unslashed), and the customer may cancel. If the
//!   evidence post was judged meanwhile by a pool that is not the request's, that verdict stands:
//!   ratified → `Done` and the held fee is paid out as salary; rejected → another worker is
//!   drawn on the same held fee (or, with no draws left, the fee is refunded).
//! - **Evidence posts** must be open, without an open pool, and used by one request only, so
//!   that the request's pool can open on them; from then on they are protocol posts that nobody
//!   else may open a pool on.
//! - **Pending requests** wait in FIFO order. When an expert becomes available, the hook tries up
//!   to `MaxPendingScan` of them from the front, before any other draw of its block; one that
//!   cannot be drawn for (its exclusions leave nobody) goes to the back. A scan that assigned
//!   someone with requests still waiting scans again in the next block.
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

/// Blocks after its due block in which a deadline may land when the due block's list is full.
pub const SCHEDULE_PROBES: u32 = 16;
/// Deadline blocks the hook walks in one block at most.
pub const MAX_BUCKETS_PER_BLOCK: u32 = 16;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::{
		dispatch::PostDispatchInfo,
		pallet_prelude::*,
		storage::{with_transaction, TransactionOutcome},
		traits::{
			fungible::{Mutate, MutateHold},
			tokens::{Precision, Preservation},
		},
	};
	use frame_system::pallet_prelude::*;
	use guild_primitives::{
		ExpertPool, FeeSalary, Forum as ForumT, OnExpertAvailable, OnPoolResolved, PoolId,
		PoolOutcome, PostId, PostStatus, ProtocolPosts, Rep, RequestId, Tally, ValidationPools,
	};
	use sp_core::H256;
	use sp_runtime::traits::{One, Saturating, Zero};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// The parameters as this runtime stores them.
	pub type ParamsOf<T> = BusinessParams<BlockNumberFor<T>>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native token: fees are held from customers ([`HoldReason::RequestFee`]).
		type Currency: Mutate<Self::AccountId, Balance = u128>
			+ MutateHold<Self::AccountId, Reason: From<HoldReason>>;

		/// The availability stakes that workers are drawn from (`pallet-availability`).
		type Experts: ExpertPool<Self::AccountId>;

		/// Whether the draw's randomness is known in the current block
		/// (`pallet_availability::RandomnessReady`): a draw due without it waits a block.
		type DrawReady: Get<bool>;

		/// The validation pools that judge the evidence (`pallet-validation-pool`).
		type Pools: ValidationPools<Self::AccountId, u128, BlockNumberFor<Self>>;

		/// The forum that holds the evidence posts (`pallet-forum`).
		type Forum: ForumT<Self::AccountId>;

		/// The fee salary, for a fee whose evidence another pool ratified (`pallet-reputation`).
		type Salary: FeeSalary<Self::AccountId, u128>;

		/// Who may change [`Params`]: root, later a forum proposal.
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The longest specification URI, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;

		/// Experts a request remembers not to draw again.
		#[pallet::constant]
		type MaxExclusions: Get<u32>;

		/// Deadlines that may fall in one block (a full block pushes a deadline later).
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;

		/// Deadlines the hook acts on in one block at most; the rest wait for the next blocks.
		#[pallet::constant]
		type MaxTimeoutsPerBlock: Get<u32>;

		/// Pending requests tried when an expert becomes available.
		#[pallet::constant]
		type MaxPendingScan: Get<u32>;

		/// Weights of this pallet's calls, hook and pool outcomes.
		type WeightInfo: WeightInfo;

		/// Creates experts and posts for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why the work requests hold native tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The fee of a work request, until its pool starts or it is cancelled.
		#[codec(index = 0)]
		RequestFee,
	}

	/// The work-request parameters (PROTOCOL.md §9).
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, ParamsOf<T>, ValueQuery>;

	/// The id the next request gets. Request ids are sequential from 0.
	#[pallet::storage]
	pub type NextRequestId<T> = StorageValue<_, RequestId, ValueQuery>;

	/// Every work request, final ones included.
	#[pallet::storage]
	pub type Requests<T: Config> = StorageMap<_, Twox64Concat, RequestId, Request<T>>;

	/// The request of each pool this pallet opened and that has not resolved yet.
	#[pallet::storage]
	pub type RequestOfPool<T: Config> = StorageMap<_, Twox64Concat, PoolId, RequestId>;

	/// The request each post was submitted as evidence for (a post serves one request). Kept
	/// for ever: these posts are protocol posts, judged by the request's pools only. One entry
	/// per `submit_evidence`, like the requests themselves.
	#[pallet::storage]
	pub type EvidenceOf<T: Config> = StorageMap<_, Twox64Concat, PostId, RequestId>;

	/// The pending requests in the order they are served, by ticket.
	#[pallet::storage]
	pub type PendingQueue<T: Config> = StorageMap<_, Twox64Concat, u64, RequestId>;

	/// The tickets of the pending queue: `[head, tail)`. Cancelled requests leave holes.
	#[pallet::storage]
	pub type PendingRange<T: Config> = StorageValue<_, (u64, u64), ValueQuery>;

	/// The requests whose deadline (evidence or review) falls in each block.
	#[pallet::storage]
	pub type Due<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<RequestId, T::MaxDuePerBlock>,
		ValueQuery,
	>;

	/// The first deadline block the hook has not finished. No deadline lies before it.
	#[pallet::storage]
	pub type DueCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The block whose hook scans the pending queue: two blocks after a call that made an
	/// expert available or released a worker (the call itself never draws, so that nobody who
	/// calls chooses the block, and so the randomness, a draw is made with: PROTOCOL.md §11.7),
	/// or the next block after a scan that assigned someone while requests still wait. A scan
	/// already asked for is never postponed.
	#[pallet::storage]
	pub type PendingScanAt<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The deadlines by block ([`Due`]) walked from [`DueCursor`].
	pub type DueAgenda<T> = guild_primitives::Agenda<
		BlockNumberFor<T>,
		RequestId,
		<T as Config>::MaxDuePerBlock,
		Due<T>,
		DueCursor<T>,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial parameters; PROTOCOL.md §9's defaults if left out.
		pub params: ParamsOf<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::check_params(&self.params).expect("genesis business params are valid");
			Params::<T>::put(self.params);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `customer` asked for work specified by `spec_hash`, holding `fee`.
		RequestSubmitted { request: RequestId, customer: T::AccountId, fee: u128, spec_hash: H256 },
		/// `worker` was drawn with a stake of `stake` REP and must submit evidence by block
		/// `deadline`.
		WorkerAssigned {
			request: RequestId,
			worker: T::AccountId,
			stake: Rep,
			deadline: BlockNumberFor<T>,
		},
		/// No expert could be drawn: the request waits for one.
		RequestPending { request: RequestId },
		/// `worker` submitted `post` as evidence; the customer may review it until block
		/// `review_deadline`.
		EvidenceSubmitted {
			request: RequestId,
			worker: T::AccountId,
			post: PostId,
			review_deadline: BlockNumberFor<T>,
		},
		/// The customer gave their verdict on the evidence.
		Reviewed { request: RequestId, customer: T::AccountId, approve: bool },
		/// The customer did not review in time: the pool starts without a verdict.
		ReviewTimedOut { request: RequestId },
		/// Pool `pool` opened on the evidence `post` with the request's `fee`, the worker's
		/// availability stake `stake` counting FOR; `attempt` pools on this evidence so far.
		PoolStarted {
			request: RequestId,
			pool: PoolId,
			post: PostId,
			fee: u128,
			worker: T::AccountId,
			stake: Rep,
			attempt: u32,
		},
		/// The pool could not be opened; it is tried again after block `retry_at`.
		PoolStartFailed { request: RequestId, error: DispatchError, retry_at: BlockNumberFor<T> },
		/// `worker` submitted no evidence in time: `burned` REP of their stake was burned.
		NoShow { request: RequestId, worker: T::AccountId, burned: Rep },
		/// The work was accepted (by `pool`, or by a pool that was not the request's when
		/// `None`) and `fee` paid out as REP salary.
		RequestDone {
			request: RequestId,
			worker: T::AccountId,
			post: PostId,
			pool: Option<PoolId>,
			fee: u128,
		},
		/// The work was rejected (by `pool`, or by a pool that was not the request's when
		/// `None`). After the request's own pool the customer chooses (`AwaitingChoice`); after
		/// another pool, another worker is drawn on the fee still held.
		WorkRejected {
			request: RequestId,
			worker: T::AccountId,
			post: PostId,
			pool: Option<PoolId>,
		},
		/// `fee` was held from `customer` for the next attempt (a `redraw`, or a new pool after a
		/// missed quorum).
		FeeHeld { request: RequestId, customer: T::AccountId, fee: u128 },
		/// Pool `pool` did not meet its quorum; pool number `attempt` opens after block `at`.
		ValidationRetry { request: RequestId, pool: PoolId, attempt: u32, at: BlockNumberFor<T> },
		/// The request ends and its fee `fee` is no longer held: it is back with `customer`
		/// (less what pools that missed their quorum kept, see their `FeeRefunded`). Why: no pool
		/// met its quorum, its pool could not be opened, or no draw is left after a no-show or a
		/// rejection by another pool.
		RequestRefunded { request: RequestId, customer: T::AccountId, fee: u128 },
		/// `customer` cancelled and got `fee` back (0 after a rejection: that fee paid for the
		/// judgement).
		RequestCancelled { request: RequestId, customer: T::AccountId, fee: u128 },
		/// The work was rejected and the request ends: `customer` made no choice in time, or
		/// no draw is left.
		RequestClosed { request: RequestId, customer: T::AccountId },
		/// The worker of `request` is drawn after block `at`, with randomness nobody knows yet.
		DrawScheduled { request: RequestId, at: BlockNumberFor<T> },
		/// The work was rejected: `customer` may `redraw` (with a new fee) or `cancel` until
		/// block `deadline`; then the request closes.
		AwaitingChoice { request: RequestId, customer: T::AccountId, deadline: BlockNumberFor<T> },
		/// The parameters changed.
		ParamsSet { params: ParamsOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The fee is below `min_request_fee` (or the pools' `min_pool_fee`).
		FeeBelowMinimum,
		/// The specification URI is longer than `MaxUriLen` bytes.
		UriTooLong,
		/// The customer cannot hold the fee (and keep their account alive).
		InsufficientBalance,
		/// There is no such request.
		UnknownRequest,
		/// Only the request's customer may do this.
		NotCustomer,
		/// Only the worker assigned to the request may submit its evidence.
		NotAssignedWorker,
		/// The request is not waiting for evidence.
		NotAwaitingEvidence,
		/// The evidence deadline has passed.
		EvidenceDeadlinePassed,
		/// There is no such post.
		UnknownPost,
		/// The worker is not an author of the post.
		NotAnAuthor,
		/// The post was already ratified or rejected.
		PostNotOpen,
		/// The post is already the evidence of a request.
		PostAlreadyEvidence,
		/// The deadline lists of the coming blocks are full; try again in a later block.
		TooManyDeadlines,
		/// The request has no evidence waiting for review.
		NotAwaitingReview,
		/// The request cannot be cancelled now: its work is submitted or under judgement, or
		/// it has ended.
		CannotCancel,
		/// The request has no deadline to act on.
		NothingDue,
		/// The request's deadline has not passed yet.
		DeadlineNotPassed,
		/// No more request ids.
		RequestIdOverflow,
		/// Timeouts must be at least one block.
		ZeroTimeout,
		/// `max_validation_attempts` must be at least 1.
		ZeroValidationAttempts,
		/// `pool_duration` must be at least one block.
		ZeroPoolDuration,
		/// A pool is open on the post: it cannot be evidence.
		PostHasOpenPool,
		/// The request is not waiting for its customer's choice after a rejection.
		NotAwaitingChoice,
		/// The request was drawn `max_draws` times already.
		DrawLimitReached,
		/// A request's draw is made by the hook, so that nobody picks its block.
		DrawnByTheHook,
		/// `min_request_fee` must be at least one unit.
		ZeroMinRequestFee,
		/// `max_draws` must be at least 1.
		ZeroMaxDraws,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			// The waiting requests first: an expert freed for them is not taken by a newer
			// request whose draw falls due in the same block.
			Self::scan_pending_if_due(n).saturating_add(Self::process_deadlines(n))
		}

		fn integrity_test() {
			assert!(T::MaxDuePerBlock::get() > 0, "MaxDuePerBlock must be positive");
			assert!(T::MaxTimeoutsPerBlock::get() > 0, "MaxTimeoutsPerBlock must be positive");
			assert!(T::MaxPendingScan::get() > 0, "MaxPendingScan must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Ask for work specified by `spec_hash` (and `uri`), paying `fee`, at least
		/// `min_request_fee`.
		///
		/// The fee is held from you until the work's validation pool starts (it is the pool's
		/// fee, paid out as REP salary). A worker is drawn two blocks later, with randomness
		/// nobody knows now; with no expert available the request waits and is assigned as soon
		/// as one is. `uri` is at most `MaxUriLen` bytes.
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::submit_request(
				u32::try_from(uri.len()).unwrap_or(u32::MAX).min(T::MaxUriLen::get())
			)
		)]
		pub fn submit_request(
			origin: OriginFor<T>,
			#[pallet::compact] fee: u128,
			spec_hash: H256,
			uri: Vec<u8>,
		) -> DispatchResult {
			let customer = ensure_signed(origin)?;
			// A plain vector decodes at any length: bound it first, with a named error.
			let uri: UriOf<T> = uri.try_into().map_err(|_| Error::<T>::UriTooLong)?;
			ensure!(fee >= Self::min_fee(), Error::<T>::FeeBelowMinimum);
			let id = NextRequestId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::RequestIdOverflow)?;
			T::Currency::hold(&HoldReason::RequestFee.into(), &customer, fee)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			NextRequestId::<T>::put(next);
			let mut request = Request::<T> {
				customer: customer.clone(),
				fee,
				spec_hash,
				uri,
				status: RequestStatus::Drawing { at: Self::now() },
				submitted_at: Self::now(),
				draws: 0,
				pools: 0,
				verdict: None,
				excluded: Default::default(),
			};
			Self::deposit_event(Event::<T>::RequestSubmitted {
				request: id,
				customer,
				fee,
				spec_hash,
			});
			// Drawn from the second block on: its parent's VRF output is unknown now.
			Self::schedule_draw(id, &mut request, Self::now().saturating_add(One::one()))?;
			Requests::<T>::insert(id, request);
			Ok(())
		}

		/// Submit `post` as the evidence of your work on `request`.
		///
		/// Only the assigned worker, an author of the post, up to the evidence deadline. The post
		/// must be open, without an open pool, and not the evidence of another request; from
		/// now on only this request's pools judge it. The customer then has `review_timeout`
		/// blocks to review it before the pool starts anyway.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::submit_evidence())]
		pub fn submit_evidence(
			origin: OriginFor<T>,
			request: RequestId,
			post: PostId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut req = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
			let RequestStatus::Assigned { worker, deadline, .. } = req.status.clone() else {
				return Err(Error::<T>::NotAwaitingEvidence.into());
			};
			ensure!(who == worker, Error::<T>::NotAssignedWorker);
			let now = Self::now();
			ensure!(now <= deadline, Error::<T>::EvidenceDeadlinePassed);
			let authors = T::Forum::authors(post).ok_or(Error::<T>::UnknownPost)?;
			ensure!(authors.iter().any(|(a, _)| *a == who), Error::<T>::NotAnAuthor);
			ensure!(T::Forum::status(post) == Some(PostStatus::Open), Error::<T>::PostNotOpen);
			ensure!(!EvidenceOf::<T>::contains_key(post), Error::<T>::PostAlreadyEvidence);
			ensure!(T::Pools::pool_of(post).is_none(), Error::<T>::PostHasOpenPool);

			// Out of the evidence deadline's list first: the review deadline may fall in the same
			// block.
			Self::unschedule(request, deadline);
			let review_deadline =
				Self::schedule(request, now.saturating_add(Params::<T>::get().review_timeout))?;
			EvidenceOf::<T>::insert(post, request);
			req.status = RequestStatus::EvidenceSubmitted {
				worker: worker.clone(),
				post,
				deadline: review_deadline,
				start_failures: 0,
			};
			req.pools = 0;
			req.verdict = None;
			Requests::<T>::insert(request, req);
			Self::deposit_event(Event::<T>::EvidenceSubmitted {
				request,
				worker,
				post,
				review_deadline,
			});
			Ok(())
		}

		/// Give your verdict on the evidence of your `request` and start its validation pool.
		///
		/// The verdict is recorded; the pool, paid with the request's fee, decides. Fails with
		/// the pool's error if the pool cannot be opened now.
		#[pallet::call_index(2)]
		#[pallet::weight(
			T::WeightInfo::review().saturating_add(Pallet::<T>::released_worker_weight())
		)]
		pub fn review(origin: OriginFor<T>, request: RequestId, approve: bool) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut req = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(who == req.customer, Error::<T>::NotCustomer);
			let RequestStatus::EvidenceSubmitted { deadline, .. } = req.status else {
				return Err(Error::<T>::NotAwaitingReview.into());
			};
			Self::unschedule(request, deadline);
			req.verdict = Some(approve);
			Self::deposit_event(Event::<T>::Reviewed { request, customer: who, approve });
			let released = Self::start_pool(request, &mut req)?;
			Requests::<T>::insert(request, req);
			if released {
				Self::workers_released();
			}
			Ok(())
		}

		/// Cancel your `request` and get its held fee back: while it waits for a worker or for
		/// evidence (an assigned worker is released unslashed), once its pool failed to start,
		/// or after a rejection (nothing is held then: the rejected attempt's fee paid for the
		/// judgement).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cancel().saturating_add(Pallet::<T>::released_worker_weight()))]
		pub fn cancel(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut req = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(who == req.customer, Error::<T>::NotCustomer);
			let mut refund = req.fee;
			let released = match req.status.clone() {
				RequestStatus::Pending { ticket } => {
					PendingQueue::<T>::remove(ticket);
					false
				},
				RequestStatus::Drawing { at } => {
					Self::unschedule(request, at);
					false
				},
				RequestStatus::AwaitingCustomer { deadline } => {
					Self::unschedule(request, deadline);
					refund = 0;
					false
				},
				RequestStatus::Assigned { worker, deadline, .. } => {
					Self::unschedule(request, deadline);
					T::Experts::release(&worker);
					true
				},
				RequestStatus::EvidenceSubmitted { worker, deadline, start_failures, .. }
					if start_failures > 0 =>
				{
					Self::unschedule(request, deadline);
					T::Experts::release(&worker);
					true
				},
				_ => return Err(Error::<T>::CannotCancel.into()),
			};
			if !refund.is_zero() {
				Self::release_fee(&req)?;
			}
			req.status = RequestStatus::Cancelled;
			Requests::<T>::insert(request, req);
			Self::deposit_event(Event::<T>::RequestCancelled {
				request,
				customer: who,
				fee: refund,
			});
			if released {
				Self::workers_released();
			}
			Ok(())
		}

		/// Change the work-request parameters. Deadlines already set keep their block.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_params())]
		// Boxed so that the call enum stays small; unboxed at once.
		#[allow(clippy::boxed_local)]
		pub fn set_params(origin: OriginFor<T>, params: Box<ParamsOf<T>>) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			Self::put_params(*params)
		}

		/// Act on the passed deadline of `request` (a no-show, a pool to start, a customer who
		/// did not choose) if the hook has not reached it yet. Anyone may call it; the fee is
		/// refunded when it acts. A request's draw is left to the hook, so that nobody chooses
		/// the block, and so the randomness, it is made with.
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::deadline_weight())]
		pub fn process_deadline(
			origin: OriginFor<T>,
			request: RequestId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let req = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
			let deadline = *req.status.deadline().ok_or(Error::<T>::NothingDue)?;
			ensure!(
				!matches!(req.status, RequestStatus::Drawing { .. }),
				Error::<T>::DrawnByTheHook
			);
			ensure!(Self::now() > deadline, Error::<T>::DeadlineNotPassed);
			Self::unschedule(request, deadline);
			let weight = Self::process_due(request, deadline);
			Ok(PostDispatchInfo { actual_weight: Some(weight), pays_fee: Pays::No })
		}

		/// After your `request`'s work was rejected, pay `fee` (at least `min_request_fee`) for
		/// another attempt: it is held from you and another worker is drawn two blocks later
		/// (never one the request had before, as far as it remembers). Until the choice's
		/// deadline; a request is drawn at most `max_draws` times.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::redraw())]
		pub fn redraw(
			origin: OriginFor<T>,
			request: RequestId,
			#[pallet::compact] fee: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut req = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(who == req.customer, Error::<T>::NotCustomer);
			let RequestStatus::AwaitingCustomer { deadline } = req.status else {
				return Err(Error::<T>::NotAwaitingChoice.into());
			};
			ensure!(req.draws < Params::<T>::get().max_draws, Error::<T>::DrawLimitReached);
			ensure!(fee >= Self::min_fee(), Error::<T>::FeeBelowMinimum);
			T::Currency::hold(&HoldReason::RequestFee.into(), &who, fee)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			Self::unschedule(request, deadline);
			req.fee = fee;
			Self::deposit_event(Event::<T>::FeeHeld { request, customer: who, fee });
			Self::schedule_draw(request, &mut req, Self::now().saturating_add(One::one()))?;
			Requests::<T>::insert(request, req);
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		fn now() -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number()
		}

		/// Check a parameter set, with a named error for what is wrong.
		pub fn check_params(params: &ParamsOf<T>) -> DispatchResult {
			ensure!(
				!params.evidence_timeout.is_zero() && !params.review_timeout.is_zero(),
				Error::<T>::ZeroTimeout
			);
			ensure!(params.max_validation_attempts > 0, Error::<T>::ZeroValidationAttempts);
			ensure!(!params.pool_duration.is_zero(), Error::<T>::ZeroPoolDuration);
			ensure!(!params.min_request_fee.is_zero(), Error::<T>::ZeroMinRequestFee);
			ensure!(params.max_draws > 0, Error::<T>::ZeroMaxDraws);
			Ok(())
		}

		/// The smallest fee a request (or a redraw) may have: `min_request_fee`, and at least
		/// the pools' `min_pool_fee`, since the fee pays for the request's pool.
		pub fn min_fee() -> u128 {
			Params::<T>::get().min_request_fee.max(T::Pools::min_fee())
		}

		// ---------------------------------------------------------------------------------
		// Weights of the paths that draw workers.

		/// Trying the pending queue once: `MaxPendingScan` draws.
		pub fn assign_pending_weight() -> Weight {
			T::WeightInfo::assign_pending_try()
				.saturating_add(T::Experts::draw_weight())
				.saturating_mul(T::MaxPendingScan::get().into())
		}

		/// A worker released (and possibly excluded), the request drawn again, and the pending
		/// queue tried.
		pub fn released_worker_weight() -> Weight {
			T::Experts::release_weight()
				.saturating_add(T::Experts::draw_weight())
				.saturating_add(Self::assign_pending_weight())
		}

		/// The most one passed deadline costs: a draw, a no-show (slash, release, the pending
		/// queue), a pool start (which may find the post judged and release the worker) or a
		/// customer who did not choose.
		pub fn deadline_weight() -> Weight {
			let draw = T::WeightInfo::draw_due().saturating_add(T::Experts::draw_weight());
			let no_show = T::WeightInfo::evidence_timeout()
				.saturating_add(T::Experts::release_weight())
				.saturating_add(Self::released_worker_weight());
			let review =
				T::WeightInfo::review_timeout().saturating_add(Self::released_worker_weight());
			draw.max(no_show).max(review).max(T::WeightInfo::choice_timeout())
		}

		// ---------------------------------------------------------------------------------
		// Deadlines.

		/// Put `request` in the deadline list of the first block at or after `at` with room (at
		/// most [`SCHEDULE_PROBES`] blocks later). Returns that block.
		fn schedule(
			request: RequestId,
			at: BlockNumberFor<T>,
		) -> Result<BlockNumberFor<T>, DispatchError> {
			DueAgenda::<T>::schedule(request, at, T::MaxDuePerBlock::get(), SCHEDULE_PROBES)
				.ok_or_else(|| Error::<T>::TooManyDeadlines.into())
		}

		/// Take `request` out of the deadline list of block `at`.
		fn unschedule(request: RequestId, at: BlockNumberFor<T>) {
			DueAgenda::<T>::remove(&request, at);
		}

		/// The hook: act on the deadlines of the blocks before `n`, walking them from the
		/// cursor, at most `MaxTimeoutsPerBlock` requests and [`MAX_BUCKETS_PER_BLOCK`] blocks.
		pub(crate) fn process_deadlines(n: BlockNumberFor<T>) -> Weight {
			let mut weight = Weight::zero();
			let walked = DueAgenda::<T>::take_due(
				n,
				MAX_BUCKETS_PER_BLOCK,
				T::MaxTimeoutsPerBlock::get(),
				|| true,
				|request, at| weight.saturating_accrue(Self::process_due(request, at)),
			);
			weight.saturating_add(T::WeightInfo::on_initialize_buckets(walked.blocks))
		}

		/// Act on the deadline of `request` that fell in block `at` (already out of the list):
		/// a no-show, or a pool to start. Returns the weight used.
		pub(crate) fn process_due(request: RequestId, at: BlockNumberFor<T>) -> Weight {
			let Some(mut req) = Requests::<T>::get(request) else {
				frame_support::defensive!("deadline of an unknown request", request);
				return T::DbWeight::get().reads(1);
			};
			match req.status.clone() {
				RequestStatus::Drawing { at: due } if due == at => {
					if T::DrawReady::get() {
						Self::assign_or_wait(request, &mut req);
					} else {
						// No randomness yet (a chain's first block): try in the next block.
						Self::draw_later(request, &mut req, Self::now());
					}
					Requests::<T>::insert(request, req);
					T::WeightInfo::draw_due().saturating_add(T::Experts::draw_weight())
				},
				RequestStatus::Assigned { worker, deadline, .. } if deadline == at => {
					let params = Params::<T>::get();
					let burned = T::Experts::slash(&worker, params.no_show_slash);
					T::Experts::release(&worker);
					Self::exclude(&mut req, worker.clone());
					Self::deposit_event(Event::<T>::NoShow { request, worker, burned });
					if req.draws < params.max_draws {
						Self::draw_later(request, &mut req, Self::now().saturating_add(One::one()));
						Requests::<T>::insert(request, req);
					} else {
						// Drawn `max_draws` times: the fee goes back.
						Self::refund(request, req);
					}
					Self::workers_released();
					T::WeightInfo::evidence_timeout()
						.saturating_add(T::Experts::release_weight())
						.saturating_add(Self::released_worker_weight())
				},
				RequestStatus::AwaitingCustomer { deadline } if deadline == at => {
					req.status = RequestStatus::Closed;
					Self::deposit_event(Event::<T>::RequestClosed {
						request,
						customer: req.customer.clone(),
					});
					Requests::<T>::insert(request, req);
					T::WeightInfo::choice_timeout()
				},
				RequestStatus::EvidenceSubmitted { deadline, start_failures, .. }
					if deadline == at =>
				{
					if start_failures == 0 && req.pools == 0 && req.verdict.is_none() {
						Self::deposit_event(Event::<T>::ReviewTimedOut { request });
					}
					Self::start_pool_or_retry(request, req);
					T::WeightInfo::review_timeout().saturating_add(Self::released_worker_weight())
				},
				_ => {
					// Every change of status takes the request out of its deadline list.
					frame_support::defensive!("stale deadline of a request", request);
					T::DbWeight::get().reads(1)
				},
			}
		}

		/// Start the pool of `req` (in `EvidenceSubmitted`) from a hook; if it cannot open, try
		/// again after `pool_duration` blocks, at most `max_validation_attempts` times in all:
		/// then the fee is refunded and the worker released unslashed, so that no request binds
		/// its worker for ever. Writes the request.
		fn start_pool_or_retry(request: RequestId, mut req: Request<T>) {
			let started = with_transaction(|| {
				let mut attempt = req.clone();
				match Self::start_pool(request, &mut attempt) {
					Ok(released) => TransactionOutcome::Commit(Ok((attempt, released))),
					Err(e) => TransactionOutcome::Rollback(Err(e)),
				}
			});
			match started {
				Ok((done, released)) => {
					Requests::<T>::insert(request, done);
					if released {
						Self::workers_released();
					}
				},
				Err(error) => {
					let RequestStatus::EvidenceSubmitted { worker, post, start_failures, .. } =
						req.status.clone()
					else {
						frame_support::defensive!("a pool to start without evidence", request);
						return;
					};
					let params = Params::<T>::get();
					let failures = start_failures.saturating_add(1);
					let retry = Self::now().saturating_add(params.pool_duration);
					let scheduled = if failures < params.max_validation_attempts {
						Self::schedule(request, retry)
					} else {
						Err(error)
					};
					match scheduled {
						Ok(retry_at) => {
							req.status = RequestStatus::EvidenceSubmitted {
								worker,
								post,
								deadline: retry_at,
								start_failures: failures,
							};
							Requests::<T>::insert(request, req);
							Self::deposit_event(Event::<T>::PoolStartFailed {
								request,
								error,
								retry_at,
							});
						},
						Err(_) => {
							// Out of attempts, or nowhere to wait: give the fee back and free
							// the worker.
							T::Experts::release(&worker);
							Self::refund(request, req);
							Self::workers_released();
						},
					}
				},
			}
		}

		// ---------------------------------------------------------------------------------
		// Workers.

		/// Draw a worker for `req` and set its evidence deadline. Returns whether it is
		/// `Assigned` now (one more draw counted); else nothing changed.
		fn try_assign(request: RequestId, req: &mut Request<T>) -> bool {
			let mut exclude: Vec<T::AccountId> = req.excluded.to_vec();
			exclude.push(req.customer.clone());
			let Some((worker, stake)) = T::Experts::draw(request, req.draws, &exclude) else {
				return false;
			};
			let due = Self::now().saturating_add(Params::<T>::get().evidence_timeout);
			match Self::schedule(request, due) {
				Ok(deadline) => {
					req.draws = req.draws.saturating_add(1);
					req.status =
						RequestStatus::Assigned { worker: worker.clone(), stake, deadline };
					Self::deposit_event(Event::<T>::WorkerAssigned {
						request,
						worker,
						stake,
						deadline,
					});
					true
				},
				Err(_) => {
					T::Experts::release(&worker);
					false
				},
			}
		}

		/// Put `request` at the back of the pending queue.
		fn enqueue(request: RequestId, req: &mut Request<T>) {
			let (head, tail) = PendingRange::<T>::get();
			PendingQueue::<T>::insert(tail, request);
			PendingRange::<T>::put((head, tail.saturating_add(1)));
			req.status = RequestStatus::Pending { ticket: tail };
		}

		/// Draw a worker for `req`, or let it wait at the back of the pending queue.
		fn assign_or_wait(request: RequestId, req: &mut Request<T>) {
			if !Self::try_assign(request, req) {
				Self::enqueue(request, req);
				Self::deposit_event(Event::<T>::RequestPending { request });
			}
		}

		/// Let the hook draw a worker for `req` after block `at` (in the first block with room
		/// at or after it): `Drawing`.
		fn schedule_draw(
			request: RequestId,
			req: &mut Request<T>,
			at: BlockNumberFor<T>,
		) -> DispatchResult {
			let at = Self::schedule(request, at)?;
			req.status = RequestStatus::Drawing { at };
			Self::deposit_event(Event::<T>::DrawScheduled { request, at });
			Ok(())
		}

		/// [`Self::schedule_draw`] from a hook: with the deadline lists full, the request waits
		/// in the pending queue instead, to be drawn when an expert becomes available.
		fn draw_later(request: RequestId, req: &mut Request<T>, at: BlockNumberFor<T>) {
			if Self::schedule_draw(request, req, at).is_err() {
				Self::enqueue(request, req);
				Self::deposit_event(Event::<T>::RequestPending { request });
			}
		}

		/// An expert became drawable (a stake, or a worker released): in a hook the pending
		/// queue is scanned at once; in a call (an extrinsic, whose sender picked the block and
		/// so the randomness) the hook scans it two blocks later. Returns the weight used.
		pub(crate) fn workers_released() -> Weight {
			if matches!(
				frame_system::Pallet::<T>::execution_phase(),
				Some(frame_system::Phase::ApplyExtrinsic(_))
			) {
				Self::scan_pending_at(Self::now().saturating_add(2u32.into()));
				T::DbWeight::get().reads_writes(1, 1)
			} else {
				Self::assign_pending()
			}
		}

		/// Ask the hook of block `at` to scan the pending queue ([`PendingScanAt`]); a scan
		/// already asked for stays as it is.
		fn scan_pending_at(at: BlockNumberFor<T>) {
			PendingScanAt::<T>::mutate(|scan| {
				if scan.is_none() {
					*scan = Some(at);
				}
			});
		}

		/// The hook's scan of the pending queue when one is due in block `n` and a draw can be
		/// made; when it assigned someone and requests still wait, another scan in the next
		/// block. Returns the weight used.
		fn scan_pending_if_due(n: BlockNumberFor<T>) -> Weight {
			let db = T::DbWeight::get();
			match PendingScanAt::<T>::get() {
				Some(at) if at <= n && T::DrawReady::get() => {
					PendingScanAt::<T>::kill();
					let (assigned, weight) = Self::scan_pending();
					let (head, tail) = PendingRange::<T>::get();
					if assigned > 0 && head < tail {
						Self::scan_pending_at(n.saturating_add(One::one()));
					}
					weight.saturating_add(db.reads_writes(3, 2))
				},
				_ => db.reads(2),
			}
		}

		/// Try up to `MaxPendingScan` tickets from the front of the pending queue: each request
		/// found is assigned, or moved to the back when nobody can be drawn for it. Returns the
		/// weight used.
		pub(crate) fn assign_pending() -> Weight {
			Self::scan_pending().1
		}

		/// [`Pallet::assign_pending`], with how many requests it assigned.
		fn scan_pending() -> (u32, Weight) {
			if !T::DrawReady::get() {
				// No randomness to draw with: the queue waits for the next occasion.
				return (0, T::DbWeight::get().reads(1));
			}
			let mut assigned = 0u32;
			let (mut head, tail) = PendingRange::<T>::get();
			let end = tail;
			let mut tries = 0u32;
			while head < end && tries < T::MaxPendingScan::get() {
				tries += 1;
				let ticket = head;
				head += 1;
				let Some(request) = PendingQueue::<T>::take(ticket) else { continue };
				// Write the new head first: `enqueue` reads the range.
				let (_, tail_now) = PendingRange::<T>::get();
				PendingRange::<T>::put((head, tail_now));
				let Some(mut req) = Requests::<T>::get(request) else { continue };
				if !matches!(req.status, RequestStatus::Pending { .. }) {
					frame_support::defensive!("a queued request is not pending", request);
					continue;
				}
				if Self::try_assign(request, &mut req) {
					assigned += 1;
				} else {
					Self::enqueue(request, &mut req);
				}
				Requests::<T>::insert(request, req);
			}
			let (_, tail_now) = PendingRange::<T>::get();
			PendingRange::<T>::put((head, tail_now));
			let weight = T::WeightInfo::assign_pending_try()
				.saturating_add(T::Experts::draw_weight())
				.saturating_mul(tries.into());
			(assigned, weight)
		}

		/// Remember not to draw `who` for `req` again (forgetting the oldest when full).
		fn exclude(req: &mut Request<T>, who: T::AccountId) {
			if req.excluded.contains(&who) {
				return;
			}
			if req.excluded.is_full() && !req.excluded.is_empty() {
				req.excluded.remove(0);
			}
			let _ = req.excluded.try_push(who);
		}

		// ---------------------------------------------------------------------------------
		// Fees and pools.

		/// Give the held fee of `req` back to its customer.
		fn release_fee(req: &Request<T>) -> DispatchResult {
			T::Currency::release(
				&HoldReason::RequestFee.into(),
				&req.customer,
				req.fee,
				Precision::Exact,
			)?;
			Ok(())
		}

		/// Hold the fee of `req` from its customer again (after a pool consumed or returned
		/// it).
		fn hold_fee_again(request: RequestId, req: &Request<T>) -> bool {
			match T::Currency::hold(&HoldReason::RequestFee.into(), &req.customer, req.fee) {
				Ok(()) => {
					Self::deposit_event(Event::<T>::FeeHeld {
						request,
						customer: req.customer.clone(),
						fee: req.fee,
					});
					true
				},
				Err(_) => false,
			}
		}

		/// `req` ends `Refunded`: its held fee goes back to the customer. Writes it.
		fn refund(request: RequestId, req: Request<T>) {
			if let Err(e) = Self::release_fee(&req) {
				// The hold is the request's fee while it holds one (checked by `do_try_state`).
				frame_support::defensive!("refund of a held fee", e);
			}
			Self::refunded(request, req);
		}

		/// `req` ends `Refunded` (the fee is already back with the customer). Writes it.
		fn refunded(request: RequestId, mut req: Request<T>) {
			req.status = RequestStatus::Refunded;
			Self::deposit_event(Event::<T>::RequestRefunded {
				request,
				customer: req.customer.clone(),
				fee: req.fee,
			});
			Requests::<T>::insert(request, req);
		}

		/// Start the pool on the evidence of `req` (in `EvidenceSubmitted`): release the held fee
		/// and open the pool with it, the worker's stake counting FOR. If the post was judged
		/// meanwhile by a pool that is not the request's, take that verdict. Returns whether a
		/// worker was released (the caller then tries the pending queue, after writing `req`).
		/// On an error the caller rolls back.
		fn start_pool(request: RequestId, req: &mut Request<T>) -> Result<bool, DispatchError> {
			let RequestStatus::EvidenceSubmitted { worker, post, .. } = req.status.clone() else {
				return Err(Error::<T>::NotAwaitingReview.into());
			};
			match T::Forum::status(post) {
				Some(PostStatus::Open) => {
					Self::release_fee(req)?;
					let stake = T::Experts::stake_of(&worker);
					let worker_stake = (!stake.is_zero()).then(|| (worker.clone(), stake));
					let pool = T::Pools::open(
						&req.customer,
						post,
						req.fee,
						Params::<T>::get().pool_duration,
						None,
						worker_stake,
					)?;
					req.pools = req.pools.saturating_add(1);
					RequestOfPool::<T>::insert(pool, request);
					req.status = RequestStatus::Validating { worker: worker.clone(), post, pool };
					Self::deposit_event(Event::<T>::PoolStarted {
						request,
						pool,
						post,
						fee: req.fee,
						worker,
						stake,
						attempt: req.pools,
					});
					Ok(false)
				},
				Some(PostStatus::Ratified) => {
					// The DAO accepted the evidence in another pool: the work is done, and the
					// fee is the REP salary as it would have been.
					Self::release_fee(req)?;
					let dao = T::Salary::dao_account();
					T::Currency::transfer(&req.customer, &dao, req.fee, Preservation::Preserve)?;
					T::Salary::distribute_fee(req.fee);
					T::Experts::release(&worker);
					req.status = RequestStatus::Done { worker: worker.clone(), post, pool: None };
					Self::deposit_event(Event::<T>::RequestDone {
						request,
						worker,
						post,
						pool: None,
						fee: req.fee,
					});
					Ok(true)
				},
				Some(PostStatus::Rejected) | None => {
					// The DAO rejected the evidence in another pool: draw another worker; the
					// fee was not spent, so it stays held (or goes back with no draw left).
					T::Experts::release(&worker);
					Self::exclude(req, worker.clone());
					Self::deposit_event(Event::<T>::WorkRejected {
						request,
						worker,
						post,
						pool: None,
					});
					req.pools = 0;
					req.verdict = None;
					if req.draws < Params::<T>::get().max_draws {
						Self::draw_later(request, req, Self::now().saturating_add(One::one()));
					} else {
						Self::release_fee(req)?;
						req.status = RequestStatus::Refunded;
						Self::deposit_event(Event::<T>::RequestRefunded {
							request,
							customer: req.customer.clone(),
							fee: req.fee,
						});
					}
					Ok(true)
				},
			}
		}

		/// The outcome of a pool of this pallet. Returns the weight used.
		fn pool_resolved(pool: PoolId, outcome: PoolOutcome) -> Weight {
			let Some(request) = RequestOfPool::<T>::take(pool) else {
				return T::WeightInfo::pool_resolved_other();
			};
			let weight =
				T::WeightInfo::pool_resolved_ours().saturating_add(Self::released_worker_weight());
			let Some(mut req) = Requests::<T>::get(request) else {
				frame_support::defensive!("a pool of an unknown request", pool);
				return weight;
			};
			let RequestStatus::Validating { worker, post, .. } = req.status.clone() else {
				frame_support::defensive!("a pool's request is not validating", pool);
				return weight;
			};
			match outcome {
				PoolOutcome::Accepted => {
					T::Experts::release(&worker);
					req.status =
						RequestStatus::Done { worker: worker.clone(), post, pool: Some(pool) };
					Self::deposit_event(Event::<T>::RequestDone {
						request,
						worker,
						post,
						pool: Some(pool),
						fee: req.fee,
					});
					Requests::<T>::insert(request, req);
				},
				PoolOutcome::Rejected => {
					T::Experts::release(&worker);
					Self::exclude(&mut req, worker.clone());
					Self::deposit_event(Event::<T>::WorkRejected {
						request,
						worker,
						post,
						pool: Some(pool),
					});
					req.pools = 0;
					req.verdict = None;
					// The pool paid the fee out for its judgement: the customer chooses whether
					// to pay for another attempt.
					let due = Self::now().saturating_add(Params::<T>::get().review_timeout);
					let waiting = if req.draws < Params::<T>::get().max_draws {
						Self::schedule(request, due).ok()
					} else {
						None
					};
					match waiting {
						Some(deadline) => {
							req.status = RequestStatus::AwaitingCustomer { deadline };
							Self::deposit_event(Event::<T>::AwaitingChoice {
								request,
								customer: req.customer.clone(),
								deadline,
							});
						},
						None => {
							// No draw left (or nowhere to wait): the request ends.
							req.status = RequestStatus::Closed;
							Self::deposit_event(Event::<T>::RequestClosed {
								request,
								customer: req.customer.clone(),
							});
						},
					}
					Requests::<T>::insert(request, req);
				},
				PoolOutcome::QuorumNotMet => {
					let params = Params::<T>::get();
					// The pool refunded the fee to the customer: hold it again for the next
					// pool, which opens in the next block.
					if req.pools < params.max_validation_attempts
						&& Self::hold_fee_again(request, &req)
					{
						match Self::schedule(request, Self::now()) {
							Ok(at) => {
								req.status = RequestStatus::EvidenceSubmitted {
									worker,
									post,
									deadline: at,
									start_failures: 0,
								};
								Self::deposit_event(Event::<T>::ValidationRetry {
									request,
									pool,
									attempt: req.pools.saturating_add(1),
									at,
								});
								Requests::<T>::insert(request, req);
								return weight;
							},
							Err(_) => {
								if let Err(e) = Self::release_fee(&req) {
									frame_support::defensive!("refund of a held fee", e);
								}
							},
						}
					}
					T::Experts::release(&worker);
					Self::refunded(request, req);
				},
			}
			// A pool may resolve in a call (`evaluate`): then the draw waits for the hook.
			Self::workers_released();
			weight
		}

		/// The pallet's invariants:
		/// - every request below `NextRequestId`; the pending queue holds exactly the pending
		///   requests, at their tickets, within its range;
		/// - every request with a deadline is listed once in [`Due`] at that block, and every
		///   listed request has that deadline; no list is empty or behind the cursor;
		/// - [`RequestOfPool`] is exactly the validating requests' pools;
		/// - each customer's held fees are the fees of their requests that hold one;
		/// - each worker's stake is bound to their request, and to no other;
		/// - the parameters are valid.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
			use frame_support::traits::fungible::InspectHold;
			let next = NextRequestId::<T>::get();
			let (head, tail) = PendingRange::<T>::get();
			ensure!(head <= tail, "the pending range is inverted");
			let mut queued = BTreeMap::new();
			for (ticket, request) in PendingQueue::<T>::iter() {
				ensure!(ticket >= head && ticket < tail, "a ticket lies outside the queue");
				ensure!(queued.insert(request, ticket).is_none(), "a request is queued twice");
			}
			let cursor = DueCursor::<T>::get();
			let mut due = BTreeMap::new();
			for (block, list) in Due::<T>::iter() {
				ensure!(!list.is_empty(), "an empty deadline list is stored");
				if let Some(cursor) = cursor {
					ensure!(block >= cursor, "a deadline lies behind the cursor");
				}
				for request in list {
					ensure!(due.insert(request, block).is_none(), "a request is due twice");
				}
			}
			let mut pools = BTreeMap::new();
			let mut fees = BTreeMap::<T::AccountId, u128>::new();
			let mut workers = BTreeSet::new();
			let mut count = 0u64;
			for (id, req) in Requests::<T>::iter() {
				count += 1;
				ensure!(id < next, "a request id is not below NextRequestId");
				match &req.status {
					RequestStatus::Pending { ticket } => ensure!(
						queued.remove(&id) == Some(*ticket),
						"a pending request is not queued at its ticket"
					),
					RequestStatus::Validating { pool, .. } => {
						pools.insert(*pool, id);
					},
					_ => (),
				}
				match req.status.deadline() {
					Some(deadline) => ensure!(
						due.remove(&id) == Some(*deadline),
						"a deadline is not listed at its block"
					),
					None => ensure!(!due.contains_key(&id), "a request without deadline is due"),
				}
				if let Some(worker) = req.status.worker() {
					ensure!(workers.insert(worker.clone()), "a worker serves two requests");
					ensure!(
						T::Experts::assignment(worker) == Some(id),
						"a worker's stake is not bound to their request"
					);
				}
				if req.status.holds_fee() {
					let held = fees.entry(req.customer.clone()).or_default();
					*held = held.saturating_add(req.fee);
				}
			}
			ensure!(queued.is_empty(), "a queued request is not pending");
			ensure!(due.is_empty(), "a listed request has no such deadline");
			ensure!(count <= next, "more requests than ids");
			for (pool, request) in RequestOfPool::<T>::iter() {
				ensure!(pools.remove(&pool) == Some(request), "a pool maps to the wrong request");
			}
			ensure!(pools.is_empty(), "a validating request's pool is not mapped");
			for (_, request) in EvidenceOf::<T>::iter() {
				ensure!(request < next, "evidence of a request that does not exist");
			}
			for (customer, expected) in fees {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::RequestFee.into(), &customer)
						== expected,
					"held fees differ from the requests' fees"
				);
			}
			Self::check_params(&Params::<T>::get())?;
			Ok(())
		}
	}

	impl<T: Config> OnPoolResolved for Pallet<T> {
		/// Pools that this pallet did not open are ignored.
		fn on_pool_resolved(pool: PoolId, _post: PostId, outcome: PoolOutcome, _: Tally) -> Weight {
			Self::pool_resolved(pool, outcome)
		}

		fn max_weight() -> Weight {
			T::WeightInfo::pool_resolved_ours()
				.saturating_add(Self::released_worker_weight())
				.max(T::WeightInfo::pool_resolved_other())
		}
	}

	/// Every post that is or was a request's evidence belongs to the work requests: only their
	/// pools judge it (PROTOCOL.md §4).
	impl<T: Config> ProtocolPosts for Pallet<T> {
		fn is_protocol_post(post: PostId) -> bool {
			EvidenceOf::<T>::contains_key(post)
		}
	}

	impl<T: Config> OnExpertAvailable<T::AccountId> for Pallet<T> {
		/// From `stake_availability`, a call: the draw waits for the hook.
		fn on_expert_available(_who: &T::AccountId) -> Weight {
			Self::workers_released()
		}

		fn max_weight() -> Weight {
			Self::assign_pending_weight()
		}
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

/// The `Business*` keys: [`Params`] as governance reads and changes it.
impl<T: Config> guild_primitives::ParameterOwner for Pallet<T> {
	fn param(key: guild_primitives::ParamKey) -> Option<u128> {
		use guild_primitives::ParamKey::*;
		use sp_runtime::SaturatedConversion;
		let p = Params::<T>::get();
		Some(match key {
			BusinessEvidenceTimeout => p.evidence_timeout.saturated_into(),
			BusinessReviewTimeout => p.review_timeout.saturated_into(),
			BusinessNoShowSlash => p.no_show_slash.deconstruct().into(),
			BusinessMaxValidationAttempts => p.max_validation_attempts.into(),
			BusinessPoolDuration => p.pool_duration.saturated_into(),
			BusinessMinRequestFee => p.min_request_fee,
			BusinessMaxDraws => p.max_draws.into(),
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
			BusinessEvidenceTimeout => p.evidence_timeout = small(value)?,
			BusinessReviewTimeout => p.review_timeout = small(value)?,
			BusinessNoShowSlash => p.no_show_slash = fraction(value)?,
			BusinessMaxValidationAttempts => p.max_validation_attempts = small(value)?,
			BusinessPoolDuration => p.pool_duration = small(value)?,
			BusinessMinRequestFee => p.min_request_fee = value,
			BusinessMaxDraws => p.max_draws = small(value)?,
			_ => return Ok(false),
		}
		Self::put_params(p)?;
		Ok(true)
	}
}
