use crate::{mock::*, Error, Event, Validators};
use frame_support::{assert_noop, assert_ok};
use pallet_session::SessionManager;
use sp_runtime::DispatchError;

#[test]
fn root_adds_a_validator_for_the_next_session() {
	new_test_ext().execute_with(|| {
		assert_eq!(ValidatorSet::new_session(1), Some(vec![1, 2]));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		System::assert_has_event(Event::ValidatorAdded { who: 3 }.into());
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 3]);
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3]));
	});
}

#[test]
fn root_removes_a_validator() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		System::assert_has_event(Event::ValidatorRemoved { who: 1 }.into());
		assert_eq!(ValidatorSet::new_session(2), Some(vec![2]));
	});
}

#[test]
fn bad_calls_fail_with_named_errors_and_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), 3),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::AlreadyValidator
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 9),
			Error::<Test>::NotValidator
		);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
		for who in 10..17 {
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), who));
		}
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 99),
			Error::<Test>::TooManyValidators
		);
	});
}
