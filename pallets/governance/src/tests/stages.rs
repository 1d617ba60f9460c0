//! The staged pools: passing, failing, retrying, expiring, aborting and applying.

use super::mock::*;
use crate::{Change, Error, Event, Params, ProposalOfParameter, ProposalOfPool, ProposalState};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use guild_primitives::{OnPoolResolved, ParamKey, PoolOutcome, PostStatus, Tally, PPM};
use sp_runtime::{FixedU128, Perbill};

const QUORUM_0: ParamKey = ParamKey::GovernanceStageQuorum(0);

fn raise_first_quorum() -> Change {
	Change::SetParameter { key: QUORUM_0, value: 200_000_000 }
}

#[test]
fn a_parameter_change_passes_every_stage_and_the_next_pool_uses_it() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(raise_first_quorum());
		let post = proposal(id).post;
		let first = current_pool(id);

		pass_stage(id);
		let second = current_pool(id);
		assert_ne!(second, first);
		assert_eq!(state(id), ProposalState::Voting { stage: 1, attempt: 1, pool: second });
		System::assert_has_event(
			Event::StagePassed {
				proposal: id,
				stage: 0,
				pool: first,
				for_total: 65,
				against_total: 5,
			}
			.into(),
		);
		System::assert_has_event(
			Event::StageStarted { proposal: id, stage: 1, attempt: 1, pool: second }.into(),
		);
		// The first accepted stage ratified the post; the second pool opened on it anyway, with
		// the stricter rules of stage 1, paid from the hold.
		assert_eq!(post_status(post), PostStatus::Ratified);
		let open = open_pool(second);
		assert_eq!(open.post, post);
		assert_eq!(open.rules.win_ratio, Perbill::from_percent(60));
		assert_eq!(open.rules.binding, Perbill::from_percent(50));
		assert_eq!(fees_held(CAROL), FEE);
		assert_eq!(ProposalOfPool::<Test>::get(first), None);
		assert_eq!(ProposalOfPool::<Test>::get(second), Some(id));

		pass_stage(id);
		let third = current_pool(id);
		assert_eq!(open_pool(third).rules.win_ratio, Perbill::from_rational(2u32, 3u32));
		assert_eq!(open_pool(third).rules.binding, Perbill::from_percent(100));
		assert_eq!(fees_held(CAROL), 0);
		assert_eq!(Governance::param_value(QUORUM_0), Some(100_000_000));

		pass_stage(id);
		// Applied in the block the last pool was evaluated.
		let now = System::block_number();
		assert_eq!(state(id), ProposalState::Enacted { at: now });
		assert_eq!(Params::<Test>::get().stages[0].quorum, Perbill::from_percent(20));
		System::assert_has_event(
			Event::ParameterChanged {
				proposal: id,
				key: QUORUM_0,
				old: 100_000_000,
				new: 200_000_000,
			}
			.into(),
		);
		assert!(governance_events().iter().any(|e| matches!(e, Event::ParamsSet { .. })));
		assert_eq!(ProposalOfParameter::<Test>::get(QUORUM_0), None);
		assert_eq!(ProposalOfPool::<Test>::iter().count(), 0);
		// Every stage was paid: three fees.
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - 3 * FEE);

		// The next proposal's first pool is judged by the new quorum.
		let next = propose(Change::SetParameter { key: ParamKey::GovernanceMaxAttempts, value: 4 });
		assert_eq!(open_pool(current_pool(next)).rules.quorum, Perbill::from_percent(20));
		// And the parameter is free for a new proposal.
		propose(Change::SetParameter { key: QUORUM_0, value: 300_000_000 });
	});
}

#[test]
fn a_pool_parameter_change_applies_to_the_next_pool() {
	ExtBuilder::default().build_and_execute(|| {
		let one = FixedU128::from_u32(1).into_inner();
		let id = propose(Change::SetParameter { key: ParamKey::PoolMintingRatio, value: 2 * one });
		assert_eq!(open_pool(current_pool(id)).minted, FEE);
		pass_stage(id);
		pass_stage(id);
		pass_stage(id);
		assert!(matches!(state(id), ProposalState::Enacted { .. }));
		assert_eq!(
			pallet_validation_pool::Params::<Test>::get().minting_ratio,
			FixedU128::from_u32(2)
		);
		System::assert_has_event(
			pallet_validation_pool::Event::<Test>::ParamsSet {
				params: pallet_validation_pool::Params::<Test>::get(),
			}
			.into(),
		);
		// The next pool mints twice the fee.
		let post = new_post(&[(BOB, PPM)]);
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(BOB), post, FEE, None));
		let pool = pallet_validation_pool::NextPoolId::<Test>::get() - 1;
		assert_eq!(open_pool(pool).minted, 2 * FEE);
	});
}

#[test]
fn a_rejected_middle_stage_ends_the_proposal() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(raise_first_quorum());
		let post = proposal(id).post;
		pass_stage(id);
		let second = current_pool(id);
		assert_eq!(fees_held(CAROL), FEE);

		fail_stage(id);

		let now = System::block_number();
		assert_eq!(state(id), ProposalState::Rejected { stage: 1, at: now });
		System::assert_has_event(
			Event::StageFailed {
				proposal: id,
				stage: 1,
				pool: second,
				for_total: 5,
				against_total: 85,
			}
			.into(),
		);
		// Nothing changed; the last stage's fee went back to Carol; the post records the
		// latest verdict.
		assert_eq!(Governance::param_value(QUORUM_0), Some(100_000_000));
		assert!(!governance_events().iter().any(|e| matches!(e, Event::ParameterChanged { .. })));
		assert_eq!(fees_held(CAROL), 0);
		// The deposit was forfeited.
		assert_eq!(deposit_held(CAROL), 0);
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - 2 * FEE - DEPOSIT);
		assert_eq!(post_status(post), PostStatus::Rejected);
		assert_eq!(ProposalOfPool::<Test>::iter().count(), 0);
		// The parameter is free again.
		assert_eq!(ProposalOfParameter::<Test>::get(QUORUM_0), None);
		propose(raise_first_quorum());
	});
}

#[test]
fn a_rejected_first_stage_releases_every_later_fee() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(raise_first_quorum());
		fail_stage(id);
		assert!(matches!(state(id), ProposalState::Rejected { stage: 0, .. }));
		assert_eq!(fees_held(CAROL), 0);
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - FEE - DEPOSIT);
	});
}

#[test]
fn a_missed_quorum_retries_the_stage() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(raise_first_quorum());
		let first = current_pool(id);

		starve_stage(id);

		let retry = current_pool(id);
		assert_ne!(retry, first);
		assert_eq!(state(id), ProposalState::Voting { stage: 0, attempt: 2, pool: retry });
		System::assert_has_event(
			Event::StageRetried { proposal: id, stage: 0, pool: first, attempt: 2 }.into(),
		);
		System::assert_has_event(
			Event::StageStarted { proposal: id, stage: 0, attempt: 2, pool: retry }.into(),
		);
		// The missed pool refunded its fee less the quorum-miss fee (10%) and the retry took it
		// again; the later fees and the deposit stay held.
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - 3 * FEE - FEE / 10 - DEPOSIT);
		assert_eq!(fees_held(CAROL), 2 * FEE);

		// A retry of a later stage.
		pass_stage(id);
		let second = current_pool(id);
		starve_stage(id);
		let retry = current_pool(id);
		assert_eq!(state(id), ProposalState::Voting { stage: 1, attempt: 2, pool: retry });
		System::assert_has_event(
			Event::StageRetried { proposal: id, stage: 1, pool: second, attempt: 2 }.into(),
		);
		assert_eq!(fees_held(CAROL), FEE);

		pass_stage(id);
		pass_stage(id);
		assert!(matches!(state(id), ProposalState::Enacted { .. }));
		assert_eq!(Governance::param_value(QUORUM_0), Some(200_000_000));
	});
}

#[test]
fn a_stage_that_misses_its_quorum_too_often_expires_the_proposal() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(raise_first_quorum());
		let post = proposal(id).post;
		starve_stage(id);
		starve_stage(id);
		let last = current_pool(id);
		assert_eq!(state(id), ProposalState::Voting { stage: 0, attempt: 3, pool: last });

		starve_stage(id);

		let now = System::block_number();
		assert_eq!(state(id), ProposalState::Expired { stage: 0, at: now });
		System::assert_has_event(
			Event::ProposalExpired { proposal: id, stage: 0, pool: last }.into(),
		);
		// Every fee is back with Carol but the three quorum-miss fees; the deposit is forfeited.
		assert_eq!(fees_held(CAROL), 0);
		assert_eq!(deposit_held(CAROL), 0);
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - 3 * (FEE / 10) - DEPOSIT);
		assert_eq!(ProposalOfParameter::<Test>::get(QUORUM_0), None);
		assert_eq!(ProposalOfPool::<Test>::iter().count(), 0);
		// The post is still open, but it carried its proposal.
		assert_eq!(post_status(post), PostStatus::Open);
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(CAROL), post, raise_first_quorum()),
			Error::<Test>::PostAlreadyProposed
		);
	});
}

#[test]
fn a_stage_the_pools_refuse_aborts_the_proposal() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(raise_first_quorum());
		// Meanwhile root shortens the pools' longest duration below the stages' 10 blocks.
		let mut params = pallet_validation_pool::Params::<Test>::get();
		params.pool_duration_default = 5;
		params.pool_duration_max = 5;
		assert_ok!(ValidationPool::set_params(RuntimeOrigin::root(), Box::new(params)));

		pass_stage(id);

		let now = System::block_number();
		assert_eq!(state(id), ProposalState::Aborted { stage: 1, at: now });
		System::assert_has_event(
			Event::ProposalAborted {
				proposal: id,
				stage: 1,
				error: pallet_validation_pool::Error::<Test>::DurationTooLong.into(),
			}
			.into(),
		);
		// The fees of stages 1 and 2 are back with Carol, none of the later pools opened; the
		// change was not made, so the deposit is forfeited.
		assert_eq!(fees_held(CAROL), 0);
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - FEE - DEPOSIT);
		assert_eq!(pallet_validation_pool::PoolOfPost::<Test>::get(proposal(id).post), None);
		assert_eq!(ProposalOfParameter::<Test>::get(QUORUM_0), None);
	});
}

#[test]
fn a_change_refused_when_applied_ends_the_proposal() {
	ExtBuilder::default().build_and_execute(|| {
		// Default pool duration 10 → 20, within ×2 and within the longest pool (100).
		let key = ParamKey::PoolDurationDefault;
		let id = propose(Change::SetParameter { key, value: 20 });
		pass_stage(id);
		pass_stage(id);
		// Meanwhile root lowers the longest pool to 15: a default of 20 no longer fits.
		let mut params = pallet_validation_pool::Params::<Test>::get();
		params.pool_duration_max = 15;
		assert_ok!(ValidationPool::set_params(RuntimeOrigin::root(), Box::new(params)));

		pass_stage(id);

		let now = System::block_number();
		assert_eq!(state(id), ProposalState::ApplyFailed { at: now });
		System::assert_has_event(
			Event::ChangeFailed {
				proposal: id,
				error: pallet_validation_pool::Error::<Test>::DefaultDurationOutOfBounds.into(),
			}
			.into(),
		);
		assert_eq!(pallet_validation_pool::Params::<Test>::get().pool_duration_default, 10);
		assert_eq!(ProposalOfParameter::<Test>::get(key), None);
	});
}

#[test]
fn the_bounds_are_checked_again_when_applied() {
	ExtBuilder::default().build_and_execute(|| {
		let key = ParamKey::PoolQuorum;
		// 10% → 20%.
		let id = propose(Change::SetParameter { key, value: 200_000_000 });
		pass_stage(id);
		pass_stage(id);
		// Meanwhile root lowers the quorum to 5%: 20% is now four times the value in force.
		let mut params = pallet_validation_pool::Params::<Test>::get();
		params.quorum = Perbill::from_percent(5);
		assert_ok!(ValidationPool::set_params(RuntimeOrigin::root(), Box::new(params)));

		pass_stage(id);

		assert!(matches!(state(id), ProposalState::ApplyFailed { .. }));
		System::assert_has_event(
			Event::ChangeFailed { proposal: id, error: Error::<Test>::ChangeOutOfBounds.into() }
				.into(),
		);
		assert_eq!(pallet_validation_pool::Params::<Test>::get().quorum, Perbill::from_percent(5));
	});
}

#[test]
fn a_proposal_keeps_the_stages_it_was_proposed_with() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(raise_first_quorum());
		// Root drops to one stage of 55% meanwhile.
		let mut params = Params::<Test>::get();
		params.stages = bounded(vec![crate::StageRules {
			win_ratio: Perbill::from_percent(55),
			..params.stages[0]
		}]);
		assert_ok!(Governance::set_params(RuntimeOrigin::root(), Box::new(params)));

		pass_stage(id);
		// The proposal's own second stage: 3/5.
		assert_eq!(open_pool(current_pool(id)).rules.win_ratio, Perbill::from_percent(60));
		assert!(matches!(state(id), ProposalState::Voting { stage: 1, .. }));
		pass_stage(id);
		pass_stage(id);
		assert!(matches!(state(id), ProposalState::Enacted { .. }));
		// A new proposal has the one stage.
		let next = propose(Change::SetParameter { key: ParamKey::GovernanceMaxAttempts, value: 4 });
		assert_eq!(proposal(next).stages.len(), 1);
		assert_eq!(open_pool(current_pool(next)).rules.win_ratio, Perbill::from_percent(55));
		assert_eq!(fees_held(CAROL), 0);
		pass_stage(next);
		assert!(matches!(state(next), ProposalState::Enacted { .. }));
		assert_eq!(Params::<Test>::get().max_attempts, 4);
	});
}

#[test]
fn the_stage_count_is_governed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(Change::SetParameter { key: ParamKey::GovernanceStageCount, value: 5 });
		pass_stage(id);
		pass_stage(id);
		pass_stage(id);
		assert!(matches!(state(id), ProposalState::Enacted { .. }));
		// Two more stages, with the last stage's rules.
		let stages = stages_of(&Params::<Test>::get());
		assert_eq!(stages.len(), 5);
		assert_eq!(stages[3], stages[2]);
		assert_eq!(stages[4], stages[2]);
		let next = propose(raise_first_quorum());
		assert_eq!(fees_held(CAROL), 4 * FEE);
		for _ in 0..5 {
			pass_stage(next);
		}
		assert!(matches!(state(next), ProposalState::Enacted { .. }));
	});
}

#[test]
fn pools_that_are_not_proposals_are_ignored() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(raise_first_quorum());
		let before = proposal(id);
		let post = new_post(&[(BOB, PPM)]);
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(BOB), post, FEE, Some(2)));
		let plain = pallet_validation_pool::NextPoolId::<Test>::get() - 1;
		let events = governance_events().len();

		run_to_block(4);

		assert!(pallet_validation_pool::PoolOfPost::<Test>::get(post).is_none(), "pool resolved");
		assert_eq!(governance_events().len(), events);
		assert_eq!(proposal(id), before);
		// Told directly of an unknown pool, it does nothing either.
		let _ = Governance::on_pool_resolved(
			plain + 100,
			post,
			PoolOutcome::Accepted,
			Tally::default(),
		);
		assert_eq!(governance_events().len(), events);
		assert_eq!(proposal(id), before);
	});
}

#[test]
fn proposals_on_different_parameters_run_side_by_side() {
	ExtBuilder::default().build_and_execute(|| {
		let a = propose(raise_first_quorum());
		let b = propose(Change::SetParameter { key: ParamKey::GovernanceMaxAttempts, value: 4 });
		assert_eq!(fees_held(CAROL), 4 * FEE);
		// Both first stages are open together: Alice backs `a`, Bob and Dave oppose `b`. They
		// end in the same block; `a`, accepted, is evaluated first and `b` in the next block
		// (no pool is evaluated while an accepted one's propagation is pending).
		let (pool_a, pool_b) = (current_pool(a), current_pool(b));
		let end = open_pool(pool_b).end;
		assert_eq!(open_pool(pool_a).end, end);
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(ALICE), pool_a, 60, true));
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(BOB), pool_b, 40, false));
		assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool_b, 40, false));
		run_to_block(end + 1);
		assert!(matches!(state(b), ProposalState::Voting { stage: 0, .. }));
		run_to_block(end + 2);
		assert!(matches!(state(a), ProposalState::Voting { stage: 1, .. }));
		assert!(matches!(state(b), ProposalState::Rejected { stage: 0, .. }));
		assert_eq!(fees_held(CAROL), FEE);
		pass_stage(a);
		pass_stage(a);
		assert!(matches!(state(a), ProposalState::Enacted { .. }));
		assert_eq!(Params::<Test>::get().max_attempts, 3);
		assert_eq!(fees_held(CAROL), 0);
	});
}

#[test]
fn the_first_accepted_stage_ratifies_the_post_and_the_later_stages_judge_it_again() {
	let deposit = 7;
	ExtBuilder::default().with_post_deposit(deposit).build_and_execute(|| {
		use frame_support::traits::fungible::InspectHold;
		let held_deposit =
			|| Balances::balance_on_hold(&pallet_forum::HoldReason::PostDeposit.into(), &CAROL);
		let value = |post| pallet_forum::Posts::<Test>::get(post).expect("post exists").value;
		let carol_rep = || pallet_reputation::Pallet::<Test>::record(&CAROL).total();
		let id = propose(raise_first_quorum());
		let post = proposal(id).post;
		assert_eq!(held_deposit(), deposit);

		// Stage 0 accepted: the post is ratified, its deposit released, the stage's minted FOR
		// stake (5) propagated to Carol.
		pass_stage(id);
		assert_eq!(post_status(post), PostStatus::Ratified);
		assert_eq!(held_deposit(), 0);
		assert_eq!(value(post), 5);
		assert_eq!(carol_rep(), 5);

		// Stage 1 opens on the ratified post; accepted, it ratifies it again and propagates again.
		pass_stage(id);
		assert_eq!(post_status(post), PostStatus::Ratified);
		assert_eq!(value(post), 10);
		assert_eq!(carol_rep(), 10);

		// Stage 2 rejects it: the post records the latest verdict; what earlier stages propagated
		// stays with the post and its author.
		fail_stage(id);
		assert!(matches!(state(id), ProposalState::Rejected { stage: 2, .. }));
		assert_eq!(post_status(post), PostStatus::Rejected);
		assert_eq!(value(post), 10);
		assert_eq!(carol_rep(), 10);
		assert_eq!(held_deposit(), 0);
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - 3 * FEE - DEPOSIT);
	});
}
