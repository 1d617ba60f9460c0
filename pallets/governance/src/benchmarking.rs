//! Benchmarks of forum governance (v2).
//!
//! `propose` is measured with a parameter change, which is dry-run through the runtime's
//! `GovernedParameters::apply` (a governance key, applied by this pallet's own `set_params`).
//! The stage transitions are measured as the pools call them: `T::BenchmarkHelper::end_pool`
//! first brings the pools and the forum to the state they are in when a pool has ended, then
//! `on_pool_resolved` runs, opening the next pool for real (`stage_passed`, `stage_retried`),
//! releasing the held fees and forfeiting the deposit (`stage_failed`), applying the change
//! (`enact_parameter`) or scheduling the upgrade (`enact_upgrade`); `authorize_upgrade` is the
//! `on_initialize` that authorizes a scheduled upgrade once its delay has passed.

use super::*;
use crate::Pallet as Governance;
use alloc::{boxed::Box, vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Hooks},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use guild_primitives::{OnPoolResolved, ParamKey, PoolId, PoolOutcome, PostId, ProposalId, Tally};
use sp_core::H256;

const SEED: u32 = 0;

/// A proposer with plenty of the native token.
fn proposer<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("proposer", 0, SEED);
	T::Currency::set_balance(&who, u64::MAX as u128);
	who
}

/// A parameter change within bounds: the first stage's duration doubled.
fn a_change<T: Config>() -> Change {
	let key = ParamKey::GovernanceStageDuration(0);
	let current = Governance::<T>::param_value(key).unwrap_or(1);
	Change::SetParameter { key, value: current.saturating_mul(2).max(1) }
}

/// Proposals pass through `stages` stages, each like the first in force.
fn set_stages<T: Config>(stages: u32) {
	Params::<T>::mutate(|p| {
		let first = p.stages[0];
		p.stages = BoundedVec::truncate_from(vec![first; stages as usize]);
	});
}

/// A proposal carrying `change` through `stages` stages, its first pool open.
fn proposed<T: Config>(stages: u32, change: Change) -> (ProposalId, PoolId, PostId) {
	set_stages::<T>(stages);
	let who = proposer::<T>();
	let post = T::BenchmarkHelper::create_post(&who);
	Governance::<T>::propose(RawOrigin::Signed(who).into(), post, change)
		.expect("the helper's post can be proposed");
	let id = NextProposalId::<T>::get() - 1;
	match Proposals::<T>::get(id).map(|p| p.state) {
		Some(ProposalState::Voting { pool, .. }) => (id, pool, post),
		_ => panic!("the proposal is voting"),
	}
}

/// Tell the proposal that its pool ended with `outcome`, every non-author staking FOR.
fn resolve<T: Config>(pool: PoolId, post: PostId, outcome: PoolOutcome) {
	let tally = Tally { consent_for: u128::MAX, ..Default::default() };
	<Governance<T> as OnPoolResolved>::on_pool_resolved(pool, post, outcome, tally);
}

fn state<T: Config>(id: ProposalId) -> ProposalState<BlockNumberFor<T>> {
	Proposals::<T>::get(id).expect("proposal exists").state
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose() {
		let who = proposer::<T>();
		let post = T::BenchmarkHelper::create_post(&who);
		let change = a_change::<T>();
		let id = NextProposalId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), post, change);

		assert!(matches!(state::<T>(id), ProposalState::Voting { stage: 0, attempt: 1, .. }));
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut params = Params::<T>::get();
		let first = params.stages[0];
		params.stages = BoundedVec::truncate_from(vec![first; MAX_STAGES as usize]);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(params.clone()));

		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	/// An accepted stage that is not the last: the next stage's pool opens on the ratified post,
	/// its fee taken out of the hold.
	#[benchmark]
	fn stage_passed() {
		let (id, pool, post) = proposed::<T>(2, a_change::<T>());
		T::BenchmarkHelper::end_pool(pool, post, PoolOutcome::Accepted);

		#[block]
		{
			resolve::<T>(pool, post, PoolOutcome::Accepted);
		}

		assert!(matches!(state::<T>(id), ProposalState::Voting { stage: 1, attempt: 1, .. }));
	}

	/// A missed quorum with attempts left: the stage's pool opens again.
	#[benchmark]
	fn stage_retried() {
		let (id, pool, post) = proposed::<T>(2, a_change::<T>());
		T::BenchmarkHelper::end_pool(pool, post, PoolOutcome::QuorumNotMet);

		#[block]
		{
			resolve::<T>(pool, post, PoolOutcome::QuorumNotMet);
		}

		assert!(matches!(state::<T>(id), ProposalState::Voting { stage: 0, attempt: 2, .. }));
	}

	/// A rejected first stage of the most stages: every later fee is released (an expiry costs
	/// the same).
	#[benchmark]
	fn stage_failed() {
		let (id, pool, post) = proposed::<T>(MAX_STAGES, a_change::<T>());
		T::BenchmarkHelper::end_pool(pool, post, PoolOutcome::Rejected);

		#[block]
		{
			resolve::<T>(pool, post, PoolOutcome::Rejected);
		}

		assert!(matches!(state::<T>(id), ProposalState::Rejected { stage: 0, .. }));
	}

	/// The last stage accepted a parameter change: it is applied through the runtime.
	#[benchmark]
	fn enact_parameter() {
		let (id, pool, post) = proposed::<T>(1, a_change::<T>());
		T::BenchmarkHelper::end_pool(pool, post, PoolOutcome::Accepted);

		#[block]
		{
			resolve::<T>(pool, post, PoolOutcome::Accepted);
		}

		assert!(matches!(state::<T>(id), ProposalState::Enacted { .. }));
	}

	/// The last stage accepted a runtime hash with enough support: it is scheduled.
	#[benchmark]
	fn enact_upgrade() {
		let change = Change::UpgradeRuntime { code_hash: H256::repeat_byte(1) };
		let (id, pool, post) = proposed::<T>(1, change);
		T::BenchmarkHelper::end_pool(pool, post, PoolOutcome::Accepted);

		#[block]
		{
			resolve::<T>(pool, post, PoolOutcome::Accepted);
		}

		assert!(matches!(state::<T>(id), ProposalState::Scheduled { .. }));
	}

	/// A scheduled upgrade's delay passed: `on_initialize` authorizes it and returns the
	/// deposit.
	#[benchmark]
	fn authorize_upgrade() {
		let change = Change::UpgradeRuntime { code_hash: H256::repeat_byte(1) };
		let (id, pool, post) = proposed::<T>(1, change);
		T::BenchmarkHelper::end_pool(pool, post, PoolOutcome::Accepted);
		resolve::<T>(pool, post, PoolOutcome::Accepted);
		let due = PendingUpgrade::<T>::get().expect("the upgrade is scheduled").due;

		#[block]
		{
			Governance::<T>::on_initialize(due);
		}

		assert!(matches!(state::<T>(id), ProposalState::Enacted { .. }));
		assert!(PendingUpgrade::<T>::get().is_none());
	}

	impl_benchmark_test_suite!(
		Governance,
		crate::tests::mock::new_test_ext(),
		crate::tests::mock::Test
	);
}
