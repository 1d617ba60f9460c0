//! `set_params`: origin and ranges.

use super::mock::*;
use crate::{Error, Event, ForumParams, Params};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn genesis_seeds_the_params() {
	ExtBuilder::default().chain_limit(4).deposit(9).build_and_execute(|| {
		assert_eq!(
			Params::<Test>::get(),
			ForumParams { reference_chain_limit: 4, revaluation_limit: 1_000_000, post_deposit: 9 }
		);
	});
}

#[test]
#[should_panic(expected = "forum genesis parameters are in range")]
fn genesis_refuses_params_out_of_range() {
	ExtBuilder::default().chain_limit(6).build();
}

#[test]
fn root_sets_params() {
	ExtBuilder::default().build_and_execute(|| {
		let params =
			ForumParams { reference_chain_limit: 5, revaluation_limit: 1_000_000, post_deposit: 0 };
		assert_ok!(Forum::set_params(RuntimeOrigin::root(), params));
		assert_eq!(Params::<Test>::get(), params);
		System::assert_last_event(Event::ParamsSet { params }.into());

		let params =
			ForumParams { reference_chain_limit: 0, revaluation_limit: 0, post_deposit: 1 };
		assert_ok!(Forum::set_params(RuntimeOrigin::root(), params));
		assert_eq!(Params::<Test>::get(), params);
	});
}

#[test]
fn set_params_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let ok =
			ForumParams { reference_chain_limit: 3, revaluation_limit: 1_000_000, post_deposit: 1 };
		assert_noop!(Forum::set_params(RuntimeOrigin::signed(ALICE), ok), DispatchError::BadOrigin);
		assert_noop!(
			Forum::set_params(
				RuntimeOrigin::root(),
				ForumParams { reference_chain_limit: 6, ..ok }
			),
			Error::<Test>::ReferenceChainLimitTooHigh
		);
		assert_noop!(
			Forum::set_params(
				RuntimeOrigin::root(),
				ForumParams { revaluation_limit: 1_000_001, ..ok }
			),
			Error::<Test>::RevaluationLimitTooHigh
		);
	});
}

#[test]
fn a_new_deposit_applies_to_new_posts_only() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		assert_ok!(Forum::set_params(
			RuntimeOrigin::root(),
			ForumParams {
				reference_chain_limit: 3,
				revaluation_limit: 1_000_000,
				post_deposit: 50
			}
		));
		let p1 = solo(ALICE, &[]);
		assert_eq!(crate::Posts::<Test>::get(p0).unwrap().deposit, DEPOSIT);
		assert_eq!(crate::Posts::<Test>::get(p1).unwrap().deposit, 50);
	});
}
