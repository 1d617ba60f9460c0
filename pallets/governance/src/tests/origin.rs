//! The proposal origin: what passes `ParamsOrigin` and what does not.

use super::mock::*;
use crate::{EnsureProposal, Origin, Params};
use frame_support::{assert_noop, assert_ok, traits::EnsureOrigin};
use sp_runtime::{DispatchError, Perbill};

#[test]
fn a_proposal_origin_passes_and_yields_its_id() {
	ExtBuilder::default().build_and_execute(|| {
		let origin: RuntimeOrigin = Origin::Proposal(7).into();
		assert_eq!(EnsureProposal::try_origin(origin).ok(), Some(7));
		for other in [RuntimeOrigin::root(), RuntimeOrigin::signed(ALICE), RuntimeOrigin::none()] {
			assert!(<EnsureProposal as EnsureOrigin<RuntimeOrigin>>::try_origin(other).is_err());
		}
	});
}

#[test]
fn only_root_or_a_proposal_sets_parameters() {
	ExtBuilder::default().build_and_execute(|| {
		let mut params = Params::<Test>::get();
		params.max_attempts = 5;
		let mut pool_params = pallet_validation_pool::Params::<Test>::get();
		pool_params.quorum = Perbill::from_percent(12);

		for origin in [RuntimeOrigin::signed(ALICE), RuntimeOrigin::none()] {
			assert_noop!(
				Governance::set_params(origin.clone(), Box::new(params.clone())),
				DispatchError::BadOrigin
			);
			assert_noop!(
				ValidationPool::set_params(origin, Box::new(pool_params)),
				DispatchError::BadOrigin
			);
		}

		assert_ok!(Governance::set_params(RuntimeOrigin::root(), Box::new(params.clone())));
		assert_eq!(Params::<Test>::get().max_attempts, 5);
		params.max_attempts = 6;
		assert_ok!(Governance::set_params(Origin::Proposal(0).into(), Box::new(params)));
		assert_eq!(Params::<Test>::get().max_attempts, 6);
		assert_ok!(ValidationPool::set_params(Origin::Proposal(0).into(), Box::new(pool_params)));
		assert_eq!(pallet_validation_pool::Params::<Test>::get().quorum, Perbill::from_percent(12));
	});
}
