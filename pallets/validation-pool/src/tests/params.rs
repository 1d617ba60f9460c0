//! `Params`: §9's defaults, genesis, `set_params` and its checks.

use super::mock::*;
use crate::{Error, Event, GenesisConfig, Params, ParamsType};
use frame_support::{assert_noop, assert_ok};
use guild_primitives::{PoolOutcome, PPM};
use sp_runtime::{BuildStorage, DispatchError, FixedU128, Perbill};

#[test]
fn the_defaults_are_those_of_section_9() {
	let p = ParamsType::<u64>::default();
	assert_eq!(p.minting_ratio, FixedU128::from_u32(1));
	assert_eq!(p.stake_for_author, Perbill::from_percent(50));
	assert_eq!(p.quorum, Perbill::from_percent(10));
	assert_eq!(p.win_ratio, Perbill::from_percent(50));
	assert_eq!(p.binding, Perbill::from_percent(100));
	assert!(p.redistribute_losing_stakes);
	// 1 block, 1 hour and 7 days of 6-second blocks.
	assert_eq!(
		(p.pool_duration_min, p.pool_duration_default, p.pool_duration_max),
		(1, 600, 100_800)
	);
	assert_eq!(GenesisConfig::<Test>::default().params, p);
	let storage = GenesisConfig::<Test>::default().build_storage().unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| assert_eq!(Params::<Test>::get(), p));
}

#[test]
fn genesis_params_read_from_json_as_a_chain_spec_writes_them() {
	let json = serde_json::to_value(GenesisConfig::<Test>::default()).unwrap();
	assert_eq!(
		json,
		serde_json::json!({ "params": {
			"mintingRatio": "1000000000000000000",
			"stakeForAuthor": 500_000_000,
			"minPoolFee": 10_000_000_000u64,
			"quorumMissFee": 100_000_000,
			"quorum": 100_000_000,
			"winRatio": 500_000_000,
			"binding": 1_000_000_000,
			"redistributeLosingStakes": true,
			"poolDurationMin": 1,
			"poolDurationDefault": 600,
			"poolDurationMax": 100_800,
		}})
	);
	// A dev preset: short pools, and the ratio may be written as a decimal.
	let dev: GenesisConfig<Test> = serde_json::from_value(serde_json::json!({ "params": {
		"mintingRatio": "1.5",
		"stakeForAuthor": 500_000_000,
		"quorum": 100_000_000,
		"winRatio": 500_000_000,
		"binding": 1_000_000_000,
		"redistributeLosingStakes": true,
		"poolDurationMin": 1,
		"poolDurationDefault": 5,
		"poolDurationMax": 20,
		"minPoolFee": 1,
		"quorumMissFee": 100_000_000,
	}}))
	.unwrap();
	assert_eq!(dev.params.minting_ratio, FixedU128::from_rational(3, 2));
	assert_eq!(dev.params.pool_duration_default, 5);
}

#[test]
#[should_panic(expected = "genesis validation-pool params are invalid")]
fn invalid_genesis_params_are_refused() {
	let mut params = test_params();
	params.win_ratio = Perbill::from_percent(40);
	let _ = GenesisConfig::<Test> { params }.build_storage();
}

#[test]
fn root_sets_params() {
	ExtBuilder::default().build_and_execute(|| {
		let mut p = test_params();
		p.binding = Perbill::from_percent(50);
		p.pool_duration_max = 1_000;
		assert_ok!(ValidationPool::set_params(RuntimeOrigin::root(), Box::new(p)));
		assert_eq!(Params::<Test>::get(), p);
		System::assert_last_event(Event::<Test>::ParamsSet { params: p }.into());
	});
}

#[test]
fn set_params_errors_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let ok = test_params();
		let set =
			|p: ParamsType<u64>| ValidationPool::set_params(RuntimeOrigin::root(), Box::new(p));
		assert_noop!(
			ValidationPool::set_params(RuntimeOrigin::signed(ALICE), Box::new(ok)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			set(ParamsType { minting_ratio: FixedU128::from_u32(0), ..ok }),
			Error::<Test>::ZeroMintingRatio
		);
		assert_noop!(
			set(ParamsType { win_ratio: Perbill::from_parts(499_999_999), ..ok }),
			Error::<Test>::WinRatioBelowHalf
		);
		assert_noop!(
			set(ParamsType { pool_duration_min: 0, ..ok }),
			Error::<Test>::ZeroPoolDuration
		);
		assert_noop!(
			set(ParamsType { pool_duration_min: 11, ..ok }),
			Error::<Test>::DefaultDurationOutOfBounds
		);
		assert_noop!(
			set(ParamsType { pool_duration_max: 9, ..ok }),
			Error::<Test>::DefaultDurationOutOfBounds
		);
		// The limits themselves are fine.
		assert_ok!(set(ParamsType {
			win_ratio: Perbill::from_percent(50),
			pool_duration_min: 10,
			pool_duration_max: 10,
			quorum: Perbill::zero(),
			binding: Perbill::zero(),
			stake_for_author: Perbill::zero(),
			..ok
		}));
	});
}

#[test]
fn new_params_apply_to_new_pools_only() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			let first = new_post(&[(CAROL, PPM)]);
			assert_ok!(ValidationPool::force_initiate(
				RuntimeOrigin::root(),
				INITIATOR,
				first,
				20,
				None
			));
			assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(ALICE), 0, 40, true));
			assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(BOB), 0, 30, false));
			assert_ok!(ValidationPool::set_params(
				RuntimeOrigin::root(),
				Box::new(ParamsType { binding: Perbill::zero(), ..test_params() })
			));
			let second = new_post(&[(CAROL, PPM)]);
			assert_ok!(ValidationPool::force_initiate(
				RuntimeOrigin::root(),
				INITIATOR,
				second,
				20,
				None
			));
			assert_eq!(open_pool(0).rules.binding, Perbill::from_percent(100));
			assert_eq!(open_pool(1).rules.binding, Perbill::zero());
			run_to_block(12);
			assert_eq!(outcome(0), Some(PoolOutcome::Accepted));
			// The first pool kept binding 100%: the worked example's result.
			assert_eq!(rep(BOB), 20);
		});
}
