//! Staking, topping up, extending and withdrawing; the parameters; every error of the calls.

use super::mock::*;
use crate::{AvailabilityParams, Error, Event, Params};
use frame_support::{assert_noop, assert_ok, dispatch::Pays};
use guild_primitives::{ExpertPool, OnExpertAvailable};
use sp_runtime::DispatchError;

#[test]
fn a_first_stake_holds_rep_lists_the_expert_and_tells_the_work_requests() {
	ExtBuilder::default().build_and_execute(|| {
		let info = Availability::stake_availability(
			RuntimeOrigin::signed(ALICE),
			StakeKind::Requests,
			100,
			50,
		)
		.unwrap();
		assert_eq!(info.pays_fee, Pays::Yes);
		assert_eq!(
			info.actual_weight,
			Some(<() as crate::WeightInfo>::stake_availability() + HOOK_WEIGHT)
		);
		assert_eq!((free(ALICE), held(ALICE)), (START_REP - 100, 100));
		let record = stake_record(ALICE).unwrap();
		assert_eq!((record.amount, record.until, record.bound), (100, 50, None));
		assert_eq!(candidates(), vec![ALICE]);
		assert_eq!(AvailableLog::get(), vec![ALICE]);
		assert_eq!(Availability::stake_of(&ALICE), 100);
		System::assert_has_event(
			Event::<Test>::Staked {
				who: ALICE,
				kind: StakeKind::Requests,
				added: 100,
				total: 100,
				until: 50,
			}
			.into(),
		);
	});
}

#[test]
fn a_top_up_adds_rep_and_an_extension_moves_the_expiry() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		stake(ALICE, 20, 50);
		assert_eq!((free(ALICE), held(ALICE)), (START_REP - 120, 120));
		stake(ALICE, 0, 80);
		let record = stake_record(ALICE).unwrap();
		assert_eq!((record.amount, record.until), (120, 80));
		let c = &crate::Candidates::<Test>::get(StakeKind::Requests)[0];
		assert_eq!((c.amount, c.until), (120, 80));
		assert_eq!(AvailableLog::get(), vec![ALICE, ALICE, ALICE]);
		System::assert_last_event(
			Event::<Test>::Staked {
				who: ALICE,
				kind: StakeKind::Requests,
				added: 0,
				total: 120,
				until: 80,
			}
			.into(),
		);
	});
}

#[test]
fn an_expired_stake_extended_becomes_drawable_again() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 5);
		run_to_block(5);
		assert_eq!(Availability::draw(1, 0, &[]), None, "expired at its `until` block");
		stake(ALICE, 0, 9);
		assert_eq!(Availability::draw(1, 0, &[]), Some((ALICE, 100)));
	});
}

#[test]
fn a_bound_stake_may_grow_without_becoming_drawable() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		assert_eq!(Availability::draw(4, 0, &[]), Some((ALICE, 100)));
		AvailableLog::set(vec![]);
		let info = Availability::stake_availability(
			RuntimeOrigin::signed(ALICE),
			StakeKind::Requests,
			30,
			60,
		)
		.unwrap();
		assert_eq!(info.actual_weight, Some(<() as crate::WeightInfo>::stake_availability()));
		assert!(AvailableLog::get().is_empty(), "a bound stake is not available");
		assert!(candidates().is_empty());
		let record = stake_record(ALICE).unwrap();
		assert_eq!((record.amount, record.until, record.bound), (130, 60, Some(4)));
		assert_eq!(held(ALICE), 130);
		Availability::release(&ALICE);
		assert_eq!(candidates(), vec![ALICE]);
		assert_eq!(crate::Candidates::<Test>::get(StakeKind::Requests)[0].amount, 130);
	});
}

#[test]
fn staking_errors() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(10);
		let stake_as = |who, amount, until| {
			Availability::stake_availability(
				RuntimeOrigin::signed(who),
				StakeKind::Requests,
				amount,
				until,
			)
		};
		assert_noop!(stake_as(ALICE, 100, 10), Error::<Test>::ExpiryInPast);
		assert_noop!(stake_as(ALICE, 100, 3), Error::<Test>::ExpiryInPast);
		assert_noop!(stake_as(ALICE, MIN - 1, 20), Error::<Test>::BelowMinimumStake);
		assert_noop!(stake_as(ALICE, 0, 20), Error::<Test>::BelowMinimumStake);
		assert_noop!(stake_as(ALICE, START_REP + 1, 20), Error::<Test>::InsufficientFreeRep);
		assert_noop!(stake_as(PAUPER, MIN, 20), Error::<Test>::InsufficientFreeRep);
		assert_noop!(
			Availability::stake_availability(RuntimeOrigin::none(), StakeKind::Requests, MIN, 20),
			DispatchError::BadOrigin
		);
		stake(ALICE, 100, 20);
		assert_noop!(stake_as(ALICE, 5, 19), Error::<Test>::ExpiryShortened);
		assert_noop!(stake_as(ALICE, 0, 20), Error::<Test>::NothingToChange);
		assert_noop!(stake_as(ALICE, u128::MAX, 20), Error::<Test>::Overflow);
		assert_noop!(stake_as(ALICE, START_REP, 30), Error::<Test>::InsufficientFreeRep);
	});
}

#[test]
fn a_top_up_must_leave_the_stake_at_the_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 20, 50);
		// A slash takes the stake below the minimum: it stays, smaller.
		assert_eq!(Availability::slash(&ALICE, sp_runtime::Perbill::from_percent(75)), 15);
		assert_eq!(Availability::stake_of(&ALICE), 5);
		assert_noop!(
			Availability::stake_availability(
				RuntimeOrigin::signed(ALICE),
				StakeKind::Requests,
				0,
				60
			),
			Error::<Test>::BelowMinimumStake
		);
		assert_noop!(
			Availability::stake_availability(
				RuntimeOrigin::signed(ALICE),
				StakeKind::Requests,
				4,
				60
			),
			Error::<Test>::BelowMinimumStake
		);
		stake(ALICE, 5, 60);
		assert_eq!(Availability::stake_of(&ALICE), 10);
	});
}

#[test]
fn max_experts_is_enforced_and_an_expired_stake_makes_room() {
	ExtBuilder::default().build_and_execute(|| {
		for who in 1..=MAX_EXPERTS as u64 {
			stake(who, 50, if who == CAROL { 5 } else { 100 });
		}
		assert_eq!(StakeCount::<Test>::get(StakeKind::Requests), MAX_EXPERTS);
		// Full, nothing expired: a stake no larger than the smallest is refused.
		assert_noop!(
			Availability::stake_availability(
				RuntimeOrigin::signed(GEORGE),
				StakeKind::Requests,
				50,
				100
			),
			Error::<Test>::StakeTooSmallToDisplace
		);
		// Existing experts may still top up.
		stake(ALICE, 1, 100);
		run_to_block(5);
		// An expired stake makes room first, whatever the sizes.
		stake(GEORGE, 10, 100);
		assert!(stake_record(CAROL).is_none());
		assert_eq!((free(CAROL), held(CAROL)), (START_REP, 0), "Carol's REP is hers again");
		assert_eq!(StakeCount::<Test>::get(StakeKind::Requests), MAX_EXPERTS);
		System::assert_has_event(
			Event::<Test>::Evicted { who: CAROL, kind: StakeKind::Requests, amount: 50 }.into(),
		);
		assert!(candidates().contains(&GEORGE));
	});
}

#[test]
fn a_bound_expired_stake_is_never_evicted() {
	ExtBuilder::default().build_and_execute(|| {
		for who in 1..=MAX_EXPERTS as u64 {
			stake(who, 50, 5);
		}
		// Bind all of them.
		for request in 0..MAX_EXPERTS as u64 {
			assert!(Availability::draw(request, 0, &[]).is_some());
		}
		run_to_block(6);
		assert_noop!(
			Availability::stake_availability(
				RuntimeOrigin::signed(GEORGE),
				StakeKind::Requests,
				50,
				100
			),
			Error::<Test>::TooManyExperts
		);
	});
}

#[test]
fn withdraw_after_expiry_releases_everything() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 5);
		stake(BOB, 100, 50);
		run_to_block(5);
		assert_ok!(Availability::withdraw(RuntimeOrigin::signed(ALICE), StakeKind::Requests));
		assert_eq!((free(ALICE), held(ALICE)), (START_REP, 0));
		assert!(stake_record(ALICE).is_none());
		assert_eq!(candidates(), vec![BOB]);
		assert_eq!(StakeCount::<Test>::get(StakeKind::Requests), 1);
		System::assert_last_event(
			Event::<Test>::Withdrawn { who: ALICE, kind: StakeKind::Requests, amount: 100 }.into(),
		);
	});
}

#[test]
fn withdraw_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Availability::withdraw(RuntimeOrigin::signed(ALICE), StakeKind::Requests),
			Error::<Test>::NoStake
		);
		assert_noop!(
			Availability::withdraw(RuntimeOrigin::none(), StakeKind::Requests),
			DispatchError::BadOrigin
		);
		stake(ALICE, 100, 5);
		run_to_block(4);
		assert_noop!(
			Availability::withdraw(RuntimeOrigin::signed(ALICE), StakeKind::Requests),
			Error::<Test>::NotExpired
		);
		assert_eq!(Availability::draw(9, 0, &[]), Some((ALICE, 100)));
		run_to_block(6);
		assert_noop!(
			Availability::withdraw(RuntimeOrigin::signed(ALICE), StakeKind::Requests),
			Error::<Test>::StakeBound
		);
		Availability::release(&ALICE);
		assert_ok!(Availability::withdraw(RuntimeOrigin::signed(ALICE), StakeKind::Requests));
		assert_eq!(free(ALICE), START_REP);
	});
}

#[test]
fn set_params_needs_the_params_origin_a_positive_minimum_and_a_positive_period() {
	ExtBuilder::default().build_and_execute(|| {
		let params =
			AvailabilityParams { min_availability_stake: 500, max_availability_period: 40 };
		assert_noop!(
			Availability::set_params(RuntimeOrigin::signed(ALICE), params),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Availability::set_params(
				RuntimeOrigin::root(),
				AvailabilityParams { min_availability_stake: 0, ..params }
			),
			Error::<Test>::ZeroMinimumStake
		);
		assert_noop!(
			Availability::set_params(
				RuntimeOrigin::root(),
				AvailabilityParams { max_availability_period: 0, ..params }
			),
			Error::<Test>::ZeroMaxPeriod
		);
		assert_ok!(Availability::set_params(RuntimeOrigin::root(), params));
		assert_eq!(Params::<Test>::get(), params);
		System::assert_last_event(Event::<Test>::ParamsSet { params }.into());
		assert_noop!(
			Availability::stake_availability(
				RuntimeOrigin::signed(ALICE),
				StakeKind::Requests,
				499,
				10
			),
			Error::<Test>::BelowMinimumStake
		);
		stake(ALICE, 500, 10);
	});
}

#[test]
fn the_default_parameters_are_those_of_the_protocol() {
	let defaults = AvailabilityParams::<u32>::default();
	assert_eq!(defaults.min_availability_stake, crate::ONE_REP);
	assert_eq!(crate::ONE_REP, 1_000_000_000_000);
	assert_eq!(defaults.max_availability_period, 1_296_000, "90 days of 6-second blocks");
	assert_eq!(crate::NINETY_DAYS_OF_BLOCKS, 1_296_000);
	assert_eq!(<RecordAvailable as OnExpertAvailable<AccountId>>::max_weight(), HOOK_WEIGHT);
}

/// §6: `until` at most `max_availability_period` ahead, for a new stake and for an extension.
#[test]
fn the_expiry_is_capped_by_the_maximum_period() {
	ExtBuilder::default().build_and_execute(|| {
		Params::<Test>::mutate(|p| p.max_availability_period = 100);
		run_to_block(10);
		let stake_as = |who, amount, until| {
			Availability::stake_availability(
				RuntimeOrigin::signed(who),
				StakeKind::Requests,
				amount,
				until,
			)
		};
		assert_noop!(stake_as(ALICE, 100, 111), Error::<Test>::ExpiryTooFar);
		assert_noop!(stake_as(ALICE, 100, u64::MAX), Error::<Test>::ExpiryTooFar);
		stake(ALICE, 100, 110);
		run_to_block(20);
		assert_noop!(stake_as(ALICE, 0, 121), Error::<Test>::ExpiryTooFar);
		stake(ALICE, 0, 120);
		assert_eq!(stake_record(ALICE).unwrap().until, 120);
		// A shorter cap leaves existing expiries alone: a top-up that keeps the expiry is fine,
		// an extension must respect the new cap.
		Params::<Test>::mutate(|p| p.max_availability_period = 50);
		stake(ALICE, 5, 120);
		assert_noop!(stake_as(ALICE, 0, 121), Error::<Test>::ExpiryTooFar);
		assert_eq!((free(ALICE), held(ALICE)), (START_REP - 105, 105));
	});
}

/// §6, §11.8: a full list takes a larger stake in the place of the smallest unbound one, whose
/// owner gets their REP back; a smaller or equal stake is refused.
#[test]
fn a_larger_stake_displaces_the_smallest_unbound_one() {
	ExtBuilder::default().build_and_execute(|| {
		// Alice 60, Bob 20, Carol 30, Dave 20 (expiring later), Eve 80, Ferdie 90.
		let stakes = [(ALICE, 60, 100), (BOB, 20, 90), (CAROL, 30, 100)];
		for (who, amount, until) in stakes {
			stake(who, amount, until);
		}
		stake(DAVE, 20, 100);
		stake(EVE, 80, 100);
		stake(FERDIE, 90, 100);
		assert_noop!(
			Availability::stake_availability(
				RuntimeOrigin::signed(GEORGE),
				StakeKind::Requests,
				20,
				100
			),
			Error::<Test>::StakeTooSmallToDisplace
		);
		assert_noop!(
			Availability::stake_availability(
				RuntimeOrigin::signed(GEORGE),
				StakeKind::Requests,
				10,
				100
			),
			Error::<Test>::StakeTooSmallToDisplace
		);
		// Of the two smallest, Bob's expires first: his goes.
		stake(GEORGE, 21, 100);
		assert!(stake_record(BOB).is_none());
		assert_eq!((free(BOB), held(BOB)), (START_REP, 0), "Bob's REP is his again");
		System::assert_has_event(
			Event::<Test>::Displaced {
				who: BOB,
				kind: StakeKind::Requests,
				amount: 20,
				by: GEORGE,
			}
			.into(),
		);
		assert_eq!(StakeCount::<Test>::get(StakeKind::Requests), MAX_EXPERTS);
		assert!(candidates().contains(&GEORGE));
		// Bob comes back larger and displaces Dave (20), the smallest now.
		stake(BOB, 25, 100);
		assert!(stake_record(DAVE).is_none());
		System::assert_has_event(
			Event::<Test>::Displaced { who: DAVE, kind: StakeKind::Requests, amount: 20, by: BOB }
				.into(),
		);
		// A bound stake is never displaced: with George (21) bound, Bob (25) is the smallest
		// unbound one.
		let mut bound = None;
		for request in 0..100 {
			if let Some((who, _)) = Availability::draw(request, 0, &[]) {
				if who == GEORGE {
					bound = Some(request);
					break;
				}
				Availability::release(&who);
			}
		}
		assert!(bound.is_some(), "George is drawn for some request");
		assert_noop!(
			Availability::stake_availability(
				RuntimeOrigin::signed(DAVE),
				StakeKind::Requests,
				25,
				100
			),
			Error::<Test>::StakeTooSmallToDisplace
		);
		stake(DAVE, 26, 100);
		assert!(stake_record(BOB).is_none());
		assert_eq!(Availability::assignment(&GEORGE), bound);
		assert_eq!(StakeCount::<Test>::get(StakeKind::Requests), MAX_EXPERTS);
	});
}
