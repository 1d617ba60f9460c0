//! The parameters: §9's defaults, `set_params` behind `ParamsOrigin`, named errors.

use super::mock::*;
use crate::{BusinessParams, Error, Event, Params, DAY_OF_BLOCKS, HOUR_OF_BLOCKS, ONE_GUILD};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Perbill};

#[test]
fn the_defaults_are_those_of_the_protocol() {
	let p = BusinessParams::<u64>::default();
	assert_eq!(p.evidence_timeout, 14_400, "one day of 6-second blocks");
	assert_eq!(p.review_timeout, 14_400);
	assert_eq!(p.no_show_slash, Perbill::from_percent(50));
	assert_eq!(p.max_validation_attempts, 3);
	assert_eq!(p.pool_duration, 600, "the pools' default of one hour");
	assert_eq!(p.min_request_fee, 1_000_000_000_000, "one GUILD");
	assert_eq!(p.max_draws, 3);
	assert_eq!((DAY_OF_BLOCKS, HOUR_OF_BLOCKS, ONE_GUILD), (14_400, 600, 1_000_000_000_000));
}

#[test]
fn genesis_seeds_the_parameters() {
	ExtBuilder::default()
		.with_params(|p| p.no_show_slash = Perbill::from_percent(20))
		.build_and_execute(|| {
			let mut expected = test_params();
			expected.no_show_slash = Perbill::from_percent(20);
			assert_eq!(Params::<Test>::get(), expected);
		});
}

#[test]
fn set_params_needs_the_params_origin_and_valid_values() {
	ExtBuilder::default().build_and_execute(|| {
		let good = BusinessParams {
			evidence_timeout: 20,
			review_timeout: 30,
			no_show_slash: Perbill::from_percent(10),
			max_validation_attempts: 5,
			pool_duration: 7,
			min_request_fee: 5,
			max_draws: 4,
		};
		assert_noop!(
			Business::set_params(RuntimeOrigin::signed(ALICE), Box::new(good)),
			DispatchError::BadOrigin
		);
		for (bad, error) in [
			(BusinessParams { evidence_timeout: 0, ..good }, Error::<Test>::ZeroTimeout),
			(BusinessParams { review_timeout: 0, ..good }, Error::<Test>::ZeroTimeout),
			(
				BusinessParams { max_validation_attempts: 0, ..good },
				Error::<Test>::ZeroValidationAttempts,
			),
			(BusinessParams { pool_duration: 0, ..good }, Error::<Test>::ZeroPoolDuration),
			(BusinessParams { min_request_fee: 0, ..good }, Error::<Test>::ZeroMinRequestFee),
			(BusinessParams { max_draws: 0, ..good }, Error::<Test>::ZeroMaxDraws),
		] {
			assert_noop!(Business::set_params(RuntimeOrigin::root(), Box::new(bad)), error);
		}
		assert_ok!(Business::set_params(RuntimeOrigin::root(), Box::new(good)));
		assert_eq!(Params::<Test>::get(), good);
		System::assert_last_event(Event::<Test>::ParamsSet { params: good }.into());
	});
}

#[test]
fn the_no_show_slash_is_a_parameter() {
	ExtBuilder::default()
		.with_params(|p| p.no_show_slash = Perbill::from_percent(25))
		.build_and_execute(|| {
			expert(ALICE, STAKE);
			submit_and_draw(CUSTOMER, FEE);
			run_to_block(14);
			assert_eq!(availability(ALICE), STAKE - 10);
			assert_eq!(total_burned(), 10);
		});
}

#[test]
fn the_minimum_fee_and_the_draw_limit_are_parameters() {
	ExtBuilder::default()
		.with_params(|p| {
			p.min_request_fee = 30;
			p.max_draws = 1;
		})
		.build_and_execute(|| {
			assert_eq!(Business::min_fee(), 30);
			assert_noop!(
				Business::submit_request(
					RuntimeOrigin::signed(CUSTOMER),
					29,
					sp_core::H256::zero(),
					vec![]
				),
				Error::<Test>::FeeBelowMinimum
			);
			expert(ALICE, STAKE);
			expert(BOB, STAKE);
			let id = submit_and_draw(CUSTOMER, 30);
			// One draw only: the no-show ends the request with the fee refunded.
			run_to_block(14);
			assert_eq!(request(id).status, crate::RequestStatus::Refunded);
			assert_eq!((balance(CUSTOMER), fee_held(CUSTOMER)), (START_BALANCE, 0));
		});
}
