//! The proposal deposit (PROTOCOL.md §8): held when proposing, returned when the change is made,
//! forfeited to the fee salary otherwise; and what squatting a parameter's slot costs (§11.5).

use super::mock::*;
use crate::{Change, Error, Event, ProposalState};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use guild_primitives::{ParamKey, PPM};

fn raise_first_quorum() -> Change {
	Change::SetParameter { key: ParamKey::GovernanceStageQuorum(0), value: 200_000_000 }
}

/// The fees every REP holder of the tests could claim now.
fn claimable() -> u128 {
	[ALICE, BOB, CAROL, DAVE].iter().map(Reputation::claimable_fees).sum()
}

#[test]
fn the_deposit_is_returned_when_the_change_is_made() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(raise_first_quorum());
		assert_eq!(deposit_held(CAROL), DEPOSIT);
		pass_stage(id);
		pass_stage(id);
		assert_eq!(deposit_held(CAROL), DEPOSIT, "held until the proposal ends");
		pass_stage(id);
		assert!(matches!(state(id), ProposalState::Enacted { .. }));
		assert_eq!(deposit_held(CAROL), 0);
		System::assert_has_event(
			Event::DepositReturned { proposal: id, who: CAROL, amount: DEPOSIT }.into(),
		);
		// Three stage fees, not a unit more.
		assert_eq!(Balances::balance(&CAROL), START_BALANCE - 3 * FEE);
		assert_eq!(Balances::total_balance(&CAROL), START_BALANCE - 3 * FEE);
	});
}

#[test]
fn a_rejected_proposal_forfeits_its_deposit_to_the_fee_salary() {
	ExtBuilder::default().build_and_execute(|| {
		let dao = Reputation::dao_account();
		let dao_before = Balances::balance(&dao);
		let claimable_before = claimable();
		let id = propose(raise_first_quorum());
		fail_stage(id);
		assert!(matches!(state(id), ProposalState::Rejected { stage: 0, .. }));
		System::assert_has_event(
			Event::DepositForfeited { proposal: id, who: CAROL, amount: DEPOSIT }.into(),
		);
		assert_eq!(deposit_held(CAROL), 0);
		assert_eq!(Balances::total_balance(&CAROL), START_BALANCE - FEE - DEPOSIT);
		// The DAO account holds the stage's fee and the deposit, both paid out as salary: the
		// holders can claim them but for the rounding dust (at most a unit per holder each).
		assert_eq!(Balances::balance(&dao), dao_before + FEE + DEPOSIT);
		let paid = claimable() - claimable_before;
		assert!(paid <= FEE + DEPOSIT && paid + 8 >= FEE + DEPOSIT, "paid out {paid}");
		assert_ok!(Reputation::claim_fees(RuntimeOrigin::signed(ALICE)));
	});
}

#[test]
fn an_expired_proposal_forfeits_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let dao = Reputation::dao_account();
		let id = propose(raise_first_quorum());
		starve_stage(id);
		starve_stage(id);
		let dao_before = Balances::balance(&dao);
		starve_stage(id);
		assert!(matches!(state(id), ProposalState::Expired { stage: 0, .. }));
		System::assert_has_event(
			Event::DepositForfeited { proposal: id, who: CAROL, amount: DEPOSIT }.into(),
		);
		// The missed pool's fee went back but its quorum-miss fee; the deposit came in.
		assert_eq!(Balances::balance(&dao), dao_before - (FEE - FEE / 10) + DEPOSIT);
		assert_eq!(Balances::total_balance(&CAROL), START_BALANCE - 3 * (FEE / 10) - DEPOSIT);
	});
}

#[test]
fn squatting_a_parameter_costs_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		// Carol takes the slot of stage 0's quorum with a proposal nobody backs.
		let squat = propose(raise_first_quorum());
		let post = new_post(&[(BOB, PPM)]);
		let honest =
			Change::SetParameter { key: ParamKey::GovernanceStageQuorum(0), value: 150_000_000 };
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(BOB), post, honest),
			Error::<Test>::ParameterAlreadyProposed
		);
		// At most `max_attempts` (3) pools of one stage: the slot is free again after them,
		// and Carol has paid the deposit and three quorum-miss fees for holding it.
		for _ in 0..3 {
			starve_stage(squat);
		}
		assert!(matches!(state(squat), ProposalState::Expired { .. }));
		assert_eq!(Balances::total_balance(&CAROL), START_BALANCE - DEPOSIT - 3 * (FEE / 10));
		assert_ok!(Governance::propose(RuntimeOrigin::signed(BOB), post, honest));
	});
}

#[test]
fn the_deposit_of_a_proposal_is_the_one_in_force_when_proposed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(raise_first_quorum());
		let mut params = crate::Params::<Test>::get();
		params.proposal_deposit = 3 * DEPOSIT;
		assert_ok!(Governance::set_params(RuntimeOrigin::root(), Box::new(params)));
		let later =
			propose(Change::SetParameter { key: ParamKey::GovernanceMaxAttempts, value: 4 });
		assert_eq!(proposal(id).deposit, DEPOSIT);
		assert_eq!(proposal(later).deposit, 3 * DEPOSIT);
		assert_eq!(deposit_held(CAROL), 4 * DEPOSIT);
		fail_stage(id);
		assert_eq!(deposit_held(CAROL), 3 * DEPOSIT);
		System::assert_has_event(
			Event::DepositForfeited { proposal: id, who: CAROL, amount: DEPOSIT }.into(),
		);
	});
}
