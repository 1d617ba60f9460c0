//! Parameters that depend on each other (PROTOCOL.md §8, §11.9): checked together when proposed
//! and again when enacted, so that no sequence of accepted proposals leaves governance unable to
//! pass a proposal.

use super::mock::*;
use crate::{Change, Error, Event, JointBreach, ProposalState};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use guild_primitives::{ParamKey, PPM};

type G = crate::Pallet<Test>;

fn set(key: ParamKey, value: u128) -> Change {
	Change::SetParameter { key, value }
}

/// Pass every stage of proposal `id` (Alice backs each).
fn pass_all(id: u32) {
	while state(id).is_voting() {
		pass_stage(id);
	}
}

/// Root sets the pools' parameters with `f` applied.
fn pools_with(f: impl FnOnce(&mut pallet_validation_pool::ParamsType<BlockNumber>)) {
	let mut p = pallet_validation_pool::Params::<Test>::get();
	f(&mut p);
	assert_ok!(ValidationPool::set_params(RuntimeOrigin::root(), Box::new(p)));
}

fn refused(key: ParamKey, value: u128, error: Error<Test>) {
	let post = new_post(&[(CAROL, PPM)]);
	assert_noop!(Governance::propose(RuntimeOrigin::signed(CAROL), post, set(key, value)), error);
}

#[test]
fn raising_the_pools_minimum_duration_stops_at_the_stages() {
	ExtBuilder::default().build_and_execute(|| {
		// The attack: 1 → 2 → 4 → 8 → 16 until no stage can open. The stages last 10 blocks.
		for value in [2, 4, 8] {
			let id = propose(set(ParamKey::PoolDurationMin, value));
			pass_all(id);
			assert!(matches!(state(id), ProposalState::Enacted { .. }));
		}
		assert_eq!(pallet_validation_pool::Params::<Test>::get().pool_duration_min, 8);
		refused(ParamKey::PoolDurationMin, 16, Error::<Test>::StageDurationOutsidePoolBounds);
		// A proposal still passes.
		let id = propose(set(ParamKey::GovernanceMaxAttempts, 4));
		pass_all(id);
		assert!(matches!(state(id), ProposalState::Enacted { .. }));
	});
}

#[test]
fn a_stage_may_not_leave_the_pool_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		pools_with(|p| {
			p.pool_duration_min = 6;
			p.pool_duration_default = 10;
			p.pool_duration_max = 15;
		});
		// Stage 0 of 10 blocks: 5 is below the shortest pool, 20 above the longest.
		refused(
			ParamKey::GovernanceStageDuration(0),
			5,
			Error::<Test>::StageDurationOutsidePoolBounds,
		);
		refused(
			ParamKey::GovernanceStageDuration(0),
			20,
			Error::<Test>::StageDurationOutsidePoolBounds,
		);
		// Nor may the bounds leave a stage outside.
		refused(ParamKey::PoolDurationMax, 8, Error::<Test>::StageDurationOutsidePoolBounds);
		propose(set(ParamKey::GovernanceStageDuration(0), 6));
		propose(set(ParamKey::GovernanceStageDuration(1), 15));
	});
}

#[test]
fn the_work_requests_pool_stays_within_the_pool_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		pools_with(|p| p.pool_duration_max = 12);
		// The business pool lasts 10 blocks.
		refused(
			ParamKey::BusinessPoolDuration,
			13,
			Error::<Test>::BusinessDurationOutsidePoolBounds,
		);
		// Root puts the stages (10 blocks) below the shortest pool: that breach is there
		// already, so only the business pool's shows.
		pools_with(|p| {
			p.pool_duration_max = 100;
			p.pool_duration_default = 30;
			p.pool_duration_min = 25;
		});
		MockBusinessPoolDuration::set(&30);
		refused(ParamKey::PoolDurationMin, 40, Error::<Test>::BusinessDurationOutsidePoolBounds);
	});
}

#[test]
fn more_stages_repeat_the_last_one_within_the_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		// Root lets stage 2 lie outside the bounds: a longer proposal would repeat it.
		let mut params = crate::Params::<Test>::get();
		params.stages[2].duration = 200;
		assert_ok!(Governance::set_params(RuntimeOrigin::root(), Box::new(params)));
		refused(ParamKey::GovernanceStageCount, 4, Error::<Test>::StageDurationOutsidePoolBounds);
		// A breach that is already there blocks nothing else, and may be repaired step by step.
		propose(set(ParamKey::GovernanceMaxAttempts, 4));
		propose(set(ParamKey::GovernanceStageDuration(2), 100));
		assert_ok!(G::check_joint(ParamKey::GovernanceStageDuration(2), 150));
	});
}

#[test]
fn fees_stay_at_least_the_pools_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		pools_with(|p| p.min_pool_fee = 8);
		// The stage fee and the smallest request fee are 10.
		refused(ParamKey::PoolMinFee, 16, Error::<Test>::ProposalFeeBelowMinPoolFee);
		refused(ParamKey::GovernanceProposalFee, 7, Error::<Test>::ProposalFeeBelowMinPoolFee);
		refused(ParamKey::BusinessMinRequestFee, 7, Error::<Test>::RequestFeeBelowMinPoolFee);
		let mut params = crate::Params::<Test>::get();
		params.proposal_fee = 20;
		assert_ok!(Governance::set_params(RuntimeOrigin::root(), Box::new(params)));
		refused(ParamKey::PoolMinFee, 16, Error::<Test>::RequestFeeBelowMinPoolFee);
		MockMinRequestFee::set(&20);
		propose(set(ParamKey::PoolMinFee, 16));
		propose(set(ParamKey::GovernanceProposalFee, 10));
	});
}

#[test]
fn joint_breaches_lists_what_does_not_hold() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(G::joint_breaches(None), Ok(vec![]));
		assert_eq!(
			G::joint_breaches(Some((ParamKey::PoolDurationMin, 11))),
			Ok(vec![
				JointBreach::StageDuration(0),
				JointBreach::StageDuration(1),
				JointBreach::StageDuration(2),
				JointBreach::BusinessDuration
			])
		);
		assert_eq!(
			G::joint_breaches(Some((ParamKey::PoolMinFee, 11))),
			Ok(vec![JointBreach::ProposalFee, JointBreach::RequestFee])
		);
		let mut params = crate::Params::<Test>::get();
		params.stages = bounded(test_stages()[..1].to_vec());
		assert_ok!(Governance::set_params(RuntimeOrigin::root(), Box::new(params)));
		assert_eq!(G::joint_breaches(None), Ok(vec![JointBreach::TooFewStages]));
	});
}

#[test]
fn a_change_the_world_overtook_is_refused_when_enacted() {
	ExtBuilder::default().build_and_execute(|| {
		pools_with(|p| p.pool_duration_min = 4);
		// Both fine alone: the pools' minimum 4 → 8 (stages of 10), stage 0 10 → 5 (minimum 4).
		let raise_min = propose(set(ParamKey::PoolDurationMin, 8));
		let shorten = propose(set(ParamKey::GovernanceStageDuration(0), 5));
		let dao = Reputation::dao_account();
		// Alice backs the first, Bob and Dave the second; the first is one block ahead.
		for _ in 0..3 {
			assert_ok!(ValidationPool::stake(
				RuntimeOrigin::signed(ALICE),
				current_pool(raise_min),
				60,
				true
			));
			assert_ok!(ValidationPool::stake(
				RuntimeOrigin::signed(BOB),
				current_pool(shorten),
				40,
				true
			));
			assert_ok!(ValidationPool::stake(
				RuntimeOrigin::signed(DAVE),
				current_pool(shorten),
				40,
				true
			));
			let end = open_pool(current_pool(shorten)).end;
			run_to_block(end + 2);
		}
		assert!(matches!(state(raise_min), ProposalState::Enacted { .. }));
		assert_eq!(pallet_validation_pool::Params::<Test>::get().pool_duration_min, 8);
		assert!(matches!(state(shorten), ProposalState::ApplyFailed { .. }));
		System::assert_has_event(
			Event::ChangeFailed {
				proposal: shorten,
				error: Error::<Test>::StageDurationOutsidePoolBounds.into(),
			}
			.into(),
		);
		assert_eq!(G::param_value(ParamKey::GovernanceStageDuration(0)), Some(10));
		// The deposit of the refused proposal was forfeited, the other returned.
		System::assert_has_event(
			Event::DepositForfeited { proposal: shorten, who: CAROL, amount: DEPOSIT }.into(),
		);
		System::assert_has_event(
			Event::DepositReturned { proposal: raise_min, who: CAROL, amount: DEPOSIT }.into(),
		);
		assert_eq!(deposit_held(CAROL), 0);
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - 6 * FEE - DEPOSIT);
		assert!(Balances::balance(&dao) >= DEPOSIT);
	});
}

#[test]
fn a_huge_post_deposit_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// From a post deposit of 0, 10^30 would price everyone out of the forum, and so out of
		// governance: the hard range (at most 1000 in the tests) refuses it.
		refused(ParamKey::ForumPostDeposit, 10u128.pow(30), Error::<Test>::OutsideHardRange);
	});
}
