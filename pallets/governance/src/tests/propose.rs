//! `propose`: what it opens and holds, and every way it is refused.

use super::mock::*;
use crate::{
	Change, Error, Event, ProposalOfParameter, ProposalOfPool, ProposalOfPost, ProposalState,
	UpgradeProposal,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use guild_primitives::{ParamKey, PPM};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

fn set(key: ParamKey, value: u128) -> Change {
	Change::SetParameter { key, value }
}

const QUORUM_0: ParamKey = ParamKey::GovernanceStageQuorum(0);

#[test]
fn propose_opens_the_first_stage_and_holds_the_later_fees() {
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(CAROL, 600_000), (BOB, 400_000)]);
		let dao = Reputation::dao_account();
		let dao_before = Balances::balance(&dao);
		let change = set(QUORUM_0, 200_000_000);

		assert_ok!(Governance::propose(RuntimeOrigin::signed(CAROL), post, change));

		let p = proposal(0);
		assert_eq!(p.post, post);
		assert_eq!(p.proposer, CAROL);
		assert_eq!(p.change, change);
		assert_eq!(p.fee, FEE);
		assert_eq!(stages_of_proposal(0), test_stages());
		assert_eq!(p.max_attempts, 3);
		let pool = current_pool(0);
		assert_eq!(p.state, ProposalState::Voting { stage: 0, attempt: 1, pool });
		assert_eq!(ProposalOfPool::<Test>::get(pool), Some(0));
		assert_eq!(ProposalOfPost::<Test>::get(post), Some(0));
		assert_eq!(ProposalOfParameter::<Test>::get(QUORUM_0), Some(0));

		// The first stage's pool: the stage's quorum, win ratio and binding, the pools' own
		// stake for the authors; the fee went to the DAO account, two more are held.
		let open = open_pool(pool);
		assert_eq!(open.post, post);
		assert_eq!(open.initiator, CAROL);
		assert_eq!(open.fee, FEE);
		assert_eq!(open.end, 1 + STAGE_BLOCKS);
		assert_eq!(open.rules.quorum, Perbill::from_percent(10));
		assert_eq!(open.rules.win_ratio, Perbill::from_percent(50));
		assert_eq!(open.rules.binding, Perbill::zero());
		assert_eq!(open.rules.stake_for_author, Perbill::from_percent(50));
		assert!(open.rules.redistribute_losing_stakes);
		assert_eq!(Balances::balance(&dao), dao_before + FEE);
		assert_eq!(fees_held(CAROL), 2 * FEE);
		// The deposit is held too, until the proposal ends.
		assert_eq!(p.deposit, DEPOSIT);
		assert_eq!(deposit_held(CAROL), DEPOSIT);
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - 3 * FEE - DEPOSIT);

		System::assert_has_event(
			Event::Proposed {
				proposal: 0,
				post,
				proposer: CAROL,
				change,
				stages: 3,
				fee: FEE,
				deposit: DEPOSIT,
			}
			.into(),
		);
		System::assert_last_event(
			Event::StageStarted { proposal: 0, stage: 0, attempt: 1, pool }.into(),
		);
		// The dry run of the change left nothing behind: no `ParamsSet`, the value unchanged.
		assert!(!governance_events().iter().any(|e| matches!(e, Event::ParamsSet { .. })));
		assert_eq!(Governance::param_value(QUORUM_0), Some(100_000_000));
	});
}

fn stages_of_proposal(id: u32) -> Vec<crate::StageRules<BlockNumber>> {
	proposal(id).stages.into_inner()
}

#[test]
fn propose_checks_the_post_and_the_signer() {
	ExtBuilder::default().build_and_execute(|| {
		let change = set(QUORUM_0, 200_000_000);
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(CAROL), 7, change),
			Error::<Test>::UnknownPost
		);
		let post = new_post(&[(CAROL, PPM)]);
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(BOB), post, change),
			Error::<Test>::NotAnAuthor
		);
		assert_noop!(
			Governance::propose(RuntimeOrigin::root(), post, change),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Governance::propose(RuntimeOrigin::none(), post, change),
			DispatchError::BadOrigin
		);

		// A post a pool already judged.
		let judged = new_post(&[(CAROL, PPM)]);
		assert_ok!(ratify(judged));
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(CAROL), judged, change),
			Error::<Test>::PostNotOpen
		);

		// A post that already carries a proposal, even on another parameter.
		assert_ok!(Governance::propose(RuntimeOrigin::signed(CAROL), post, change));
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				set(ParamKey::GovernanceMaxAttempts, 4)
			),
			Error::<Test>::PostAlreadyProposed
		);
	});
}

#[test]
fn a_post_with_an_open_pool_cannot_carry_a_proposal() {
	ExtBuilder::default().build_and_execute(|| {
		// A co-author opened a plain pool on the post: it is not the proposal's to judge.
		let post = new_post(&[(CAROL, 600_000), (BOB, 400_000)]);
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(BOB), post, FEE, None));
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(CAROL), post, set(QUORUM_0, 200_000_000)),
			Error::<Test>::PostHasOpenPool
		);
	});
}

#[test]
fn a_proposal_post_belongs_to_governance_for_good() {
	use guild_primitives::ProtocolPosts;
	ExtBuilder::default().build_and_execute(|| {
		let plain = new_post(&[(CAROL, PPM)]);
		assert!(!<Governance as ProtocolPosts>::is_protocol_post(plain));
		let id = propose(set(QUORUM_0, 200_000_000));
		let post = proposal(id).post;
		assert!(<Governance as ProtocolPosts>::is_protocol_post(post));
		// Even once the proposal ended.
		fail_stage(id);
		assert!(matches!(state(id), ProposalState::Rejected { .. }));
		assert!(<Governance as ProtocolPosts>::is_protocol_post(post));
		assert!(!<Governance as ProtocolPosts>::is_protocol_post(plain));
	});
}

#[test]
fn one_open_proposal_per_parameter_and_one_upgrade() {
	ExtBuilder::default().build_and_execute(|| {
		propose(set(QUORUM_0, 200_000_000));
		let post = new_post(&[(CAROL, PPM)]);
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(CAROL), post, set(QUORUM_0, 150_000_000)),
			Error::<Test>::ParameterAlreadyProposed
		);
		// Another parameter, even another stage's quorum, is free.
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(CAROL),
			post,
			set(ParamKey::GovernanceStageQuorum(1), 150_000_000)
		));

		let upgrade = Change::UpgradeRuntime { code_hash: H256::repeat_byte(1) };
		propose(upgrade);
		assert_eq!(UpgradeProposal::<Test>::get(), Some(2));
		let post = new_post(&[(CAROL, PPM)]);
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				Change::UpgradeRuntime { code_hash: H256::repeat_byte(2) }
			),
			Error::<Test>::UpgradeAlreadyProposed
		);
	});
}

#[test]
fn unknown_parameters_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(CAROL, PPM)]);
		// This runtime has no work-request or availability pallet, and three stages.
		for key in [
			ParamKey::BusinessEvidenceTimeout,
			ParamKey::AvailabilityMinStake,
			ParamKey::GovernanceStageQuorum(3),
			ParamKey::GovernanceStageDuration(u32::MAX),
		] {
			assert_noop!(
				Governance::propose(RuntimeOrigin::signed(CAROL), post, set(key, 1)),
				Error::<Test>::UnknownParameter
			);
		}
	});
}

#[test]
fn a_number_moves_within_half_to_double() {
	ExtBuilder::default().build_and_execute(|| {
		// Stage durations are 10 blocks: 5..=20 are allowed.
		let key = ParamKey::GovernanceStageDuration(0);
		let post = new_post(&[(CAROL, PPM)]);
		for value in [4, 21, 0, u128::MAX] {
			assert_noop!(
				Governance::propose(RuntimeOrigin::signed(CAROL), post, set(key, value)),
				Error::<Test>::ChangeOutOfBounds
			);
		}
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(CAROL), post, set(key, 10)),
			Error::<Test>::ValueUnchanged
		);
		for (i, value) in [5u128, 20].into_iter().enumerate() {
			let key = ParamKey::GovernanceStageDuration(i as u32);
			let post = new_post(&[(CAROL, PPM)]);
			assert_ok!(Governance::propose(RuntimeOrigin::signed(CAROL), post, set(key, value)));
		}
	});
}

#[test]
fn odd_values_halve_exactly() {
	ExtBuilder::default().build_and_execute(|| {
		// From 3 attempts: 1.5 is the exact half, so 2..=6 are allowed and 1 is not.
		let post = new_post(&[(CAROL, PPM)]);
		for value in [1, 7] {
			assert_noop!(
				Governance::propose(
					RuntimeOrigin::signed(CAROL),
					post,
					set(ParamKey::GovernanceMaxAttempts, value)
				),
				Error::<Test>::ChangeOutOfBounds
			);
		}
		propose(set(ParamKey::GovernanceMaxAttempts, 2));
	});
}

#[test]
fn fractions_and_flags() {
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(CAROL, PPM)]);
		// Binding 100%: within ×2, but above one whole.
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				set(ParamKey::PoolBinding, 1_000_000_001)
			),
			Error::<Test>::FractionAboveOne
		);
		// Quorum 10%: 5%..=20%.
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				set(ParamKey::PoolQuorum, 200_000_001)
			),
			Error::<Test>::ChangeOutOfBounds
		);
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				set(ParamKey::PoolQuorum, 49_999_999)
			),
			Error::<Test>::ChangeOutOfBounds
		);
		// A flag is 0 or 1.
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				set(ParamKey::PoolRedistributeLosingStakes, 2)
			),
			Error::<Test>::NotAFlag
		);
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				set(ParamKey::PoolRedistributeLosingStakes, 1)
			),
			Error::<Test>::ValueUnchanged
		);
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(CAROL),
			post,
			set(ParamKey::PoolRedistributeLosingStakes, 0)
		));
		// Stage 0's binding is zero: from zero any fraction within the hard range may be proposed.
		propose(set(ParamKey::GovernanceStageBinding(0), 1_000_000_000));
		// And from zero any number within the hard range (the forum's post deposit, at most
		// 1000 in the tests): a post deposit of 10^30 would price everyone out of the forum.
		let post = new_post(&[(CAROL, PPM)]);
		for value in [1_001, 10u128.pow(30)] {
			assert_noop!(
				Governance::propose(
					RuntimeOrigin::signed(CAROL),
					post,
					set(ParamKey::ForumPostDeposit, value)
				),
				Error::<Test>::OutsideHardRange
			);
		}
		propose(set(ParamKey::ForumPostDeposit, 1_000));
	});
}

#[test]
fn a_change_stays_within_the_hard_range() {
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(CAROL, PPM)]);
		let refused = |key, value| {
			assert_noop!(
				Governance::propose(RuntimeOrigin::signed(CAROL), post, set(key, value)),
				Error::<Test>::OutsideHardRange
			);
		};
		// Within ×½..×2 but outside the hard range: win ratios lie within 50%..=90%.
		refused(ParamKey::PoolWinRatio, 400_000_000);
		refused(ParamKey::GovernanceStageWinRatio(0), 400_000_000);
		refused(ParamKey::GovernanceStageWinRatio(2), 1_000_000_000);
		// What is inside is allowed.
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(CAROL),
			post,
			set(ParamKey::GovernanceUpgradeSupport, 50 * PERCENT)
		));
		propose(set(ParamKey::GovernanceStageCount, 2));
		propose(set(ParamKey::GovernanceStageWinRatio(0), 90 * PERCENT));
	});
}

#[test]
fn at_least_two_stages_is_a_hard_limit() {
	ExtBuilder::default()
		.with_stages(test_stages()[..2].to_vec())
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			// One stage is within ×½ of two, but not within the hard range.
			assert_noop!(
				Governance::propose(
					RuntimeOrigin::signed(CAROL),
					post,
					set(ParamKey::GovernanceStageCount, 1)
				),
				Error::<Test>::OutsideHardRange
			);
		});
}

#[test]
fn check_change_refuses_what_is_outside_the_hard_range_even_from_zero() {
	ExtBuilder::default().build_and_execute(|| {
		type G = crate::Pallet<Test>;
		// A current value of 0 puts no ×2 bound, but the hard range still applies.
		let key = ParamKey::ForumPostDeposit;
		assert_ok!(G::check_change(key, 0, 1_000));
		assert_noop!(G::check_change(key, 0, 1_001), Error::<Test>::OutsideHardRange);
		assert_noop!(G::check_change(key, 0, u128::MAX), Error::<Test>::OutsideHardRange);
		// The ratio is checked first.
		assert_noop!(G::check_change(key, 100, 201), Error::<Test>::ChangeOutOfBounds);
		// A key this runtime does not have.
		assert_noop!(
			G::check_change(ParamKey::BusinessMaxDraws, 3, 4),
			Error::<Test>::UnknownParameter
		);
	});
}

#[test]
fn the_owning_pallet_checks_the_value_when_proposed() {
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(CAROL, PPM)]);
		// Within ×½..×2 and the hard range, but the pools refuse a default duration below
		// their shortest pool.
		let mut pools = pallet_validation_pool::Params::<Test>::get();
		pools.pool_duration_min = 8;
		assert_ok!(ValidationPool::set_params(RuntimeOrigin::root(), Box::new(pools)));
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				set(ParamKey::PoolDurationDefault, 7)
			),
			pallet_validation_pool::Error::<Test>::DefaultDurationOutOfBounds
		);
		// The forum's chain limit is at most 5 (the tests' hard range allows 8).
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				set(ParamKey::ForumReferenceChainLimit, 6)
			),
			pallet_forum::Error::<Test>::ReferenceChainLimitTooHigh
		);
	});
}

#[test]
fn the_proposer_must_afford_every_stage() {
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(POOR, PPM)]);
		// POOR holds one fee, the deposit and the existential deposit: three stages cost three
		// fees.
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(POOR), post, set(QUORUM_0, 200_000_000)),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_single_stage_holds_nothing() {
	ExtBuilder::default()
		.with_stages(test_stages()[..1].to_vec())
		.build_and_execute(|| {
			let post = new_post(&[(POOR, PPM)]);
			assert_ok!(Governance::propose(
				RuntimeOrigin::signed(POOR),
				post,
				set(QUORUM_0, 200_000_000)
			));
			assert_eq!(fees_held(POOR), 0);
			assert_eq!(deposit_held(POOR), DEPOSIT);
			assert_eq!(Balances::balance(&POOR), ED);
		});
}

#[test]
fn the_proposer_must_afford_the_deposit() {
	ExtBuilder::default()
		.with_stages(test_stages()[..1].to_vec())
		.build_and_execute(|| {
			// One fee and the existential deposit, one unit short of the deposit.
			assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(POOR), ALICE, 1));
			let post = new_post(&[(POOR, PPM)]);
			assert_noop!(
				Governance::propose(RuntimeOrigin::signed(POOR), post, set(QUORUM_0, 200_000_000)),
				Error::<Test>::InsufficientBalance
			);
		});
}

#[test]
fn check_bounds_is_exact() {
	ExtBuilder::default().build_and_execute(|| {
		type G = crate::Pallet<Test>;
		let n = ParamKey::GovernanceProposalFee;
		assert_ok!(G::check_bounds(n, 7, 4)); // 8 ≥ 7
		assert_noop!(G::check_bounds(n, 7, 3), Error::<Test>::ChangeOutOfBounds);
		assert_ok!(G::check_bounds(n, 7, 14));
		assert_noop!(G::check_bounds(n, 7, 15), Error::<Test>::ChangeOutOfBounds);
		assert_ok!(G::check_bounds(n, 0, u128::MAX));
		assert_ok!(G::check_bounds(n, u128::MAX, u128::MAX / 2 + 1));
		assert_noop!(
			G::check_bounds(n, u128::MAX, u128::MAX / 2),
			Error::<Test>::ChangeOutOfBounds
		);
		let f = ParamKey::PoolQuorum;
		assert_ok!(G::check_bounds(f, 600_000_000, 1_000_000_000));
		assert_noop!(
			G::check_bounds(f, 600_000_000, 1_000_000_001),
			Error::<Test>::FractionAboveOne
		);
		assert_noop!(G::check_bounds(f, 1, 0), Error::<Test>::ChangeOutOfBounds);
		let b = ParamKey::PoolRedistributeLosingStakes;
		assert_ok!(G::check_bounds(b, 1, 0));
		assert_ok!(G::check_bounds(b, 0, 1));
		assert_noop!(G::check_bounds(b, 0, 2), Error::<Test>::NotAFlag);
	});
}

#[test]
fn a_work_requests_evidence_cannot_carry_a_proposal() {
	// A drawn worker would otherwise open a proposal's pool on their own evidence, so that the
	// request's pool can never open and their work is never judged (PROTOCOL.md §4, §11.5).
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(CAROL, PPM)]);
		make_evidence_post(post);
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(CAROL), post, set(QUORUM_0, 200_000_000)),
			Error::<Test>::PostOwnedByAnotherRule
		);
	});
}
