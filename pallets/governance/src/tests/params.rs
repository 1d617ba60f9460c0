//! The governance parameters: defaults, checks, and their governed keys.

use super::mock::*;
use crate::{
	Error, Event, GenesisConfig, GovernanceParams, Params, StageRules, DAY_OF_BLOCKS,
	HOUR_OF_BLOCKS, MAX_ATTEMPTS, MAX_STAGES,
};
use frame_support::{assert_noop, assert_ok};
use guild_primitives::ParamKey;
use sp_runtime::{BuildStorage, Perbill};

type G = crate::Pallet<Test>;

#[test]
fn the_defaults_are_the_protocol_s() {
	let p = GovernanceParams::<BlockNumber>::default();
	assert_eq!(p.stages.len(), 3);
	let pct = Perbill::from_percent;
	let expected = [
		(pct(0), Perbill::from_rational(1u32, 2u32)),
		(pct(50), Perbill::from_rational(3u32, 5u32)),
		(pct(100), Perbill::from_rational(2u32, 3u32)),
	];
	for (stage, (binding, win_ratio)) in p.stages.iter().zip(expected) {
		assert_eq!(
			*stage,
			StageRules { quorum: pct(10), win_ratio, binding, duration: HOUR_OF_BLOCKS as u64 }
		);
	}
	assert_eq!(p.max_attempts, 3);
	assert!(p.proposal_fee > 0);
	// PROTOCOL.md §9: a deposit of 10 GUILD (12 decimals), 33% support, a day's delay.
	assert_eq!(p.proposal_deposit, 10_000_000_000_000);
	assert_eq!(p.upgrade_support, pct(33));
	assert_eq!(p.upgrade_delay, 14_400);
	assert_eq!(DAY_OF_BLOCKS, 14_400);
	let g = GenesisConfig::<Test>::default();
	assert_eq!(g.stages, p.stages.clone().into_inner());
	assert_eq!((g.max_attempts, g.proposal_fee), (p.max_attempts, p.proposal_fee));
	assert_eq!(
		(g.proposal_deposit, g.upgrade_support, g.upgrade_delay),
		(p.proposal_deposit, p.upgrade_support, p.upgrade_delay)
	);
	assert_ok!(G::validate_params(&p));
}

#[test]
#[should_panic(expected = "governance genesis params are valid")]
fn invalid_genesis_params_are_refused() {
	let _ = RuntimeGenesisConfig {
		governance: GenesisConfig {
			stages: vec![],
			max_attempts: 3,
			proposal_fee: FEE,
			..Default::default()
		},
		..Default::default()
	}
	.build_storage();
}

#[test]
fn set_params_checks_every_field() {
	ExtBuilder::default().build_and_execute(|| {
		let good = Params::<Test>::get();
		let with = |f: &dyn Fn(&mut GovernanceParams<BlockNumber>)| {
			let mut p = good.clone();
			f(&mut p);
			Box::new(p)
		};
		let root = RuntimeOrigin::root;
		assert_noop!(
			Governance::set_params(root(), with(&|p| p.stages = bounded(vec![]))),
			Error::<Test>::NoStages
		);
		assert_noop!(
			Governance::set_params(
				root(),
				with(&|p| p.stages[1].win_ratio = Perbill::from_parts(499_999_999))
			),
			Error::<Test>::WinRatioBelowHalf
		);
		assert_noop!(
			Governance::set_params(root(), with(&|p| p.stages[2].duration = 0)),
			Error::<Test>::ZeroStageDuration
		);
		for attempts in [0, MAX_ATTEMPTS + 1] {
			assert_noop!(
				Governance::set_params(root(), with(&|p| p.max_attempts = attempts)),
				Error::<Test>::AttemptsOutOfRange
			);
		}
		assert_noop!(
			Governance::set_params(root(), with(&|p| p.proposal_fee = 0)),
			Error::<Test>::ZeroProposalFee
		);

		let full = with(&|p| {
			p.stages = bounded(vec![p.stages[0]; MAX_STAGES as usize]);
			p.max_attempts = MAX_ATTEMPTS;
		});
		assert_ok!(Governance::set_params(root(), full.clone()));
		assert_eq!(Params::<Test>::get(), *full);
		System::assert_last_event(Event::ParamsSet { params: *full }.into());
	});
}

#[test]
fn every_governance_key_reads_its_value() {
	ExtBuilder::default().build_and_execute(|| {
		use ParamKey::*;
		assert_eq!(G::param_value(GovernanceStageCount), Some(3));
		assert_eq!(G::param_value(GovernanceStageQuorum(2)), Some(100_000_000));
		assert_eq!(G::param_value(GovernanceStageWinRatio(1)), Some(600_000_000));
		assert_eq!(G::param_value(GovernanceStageBinding(1)), Some(500_000_000));
		assert_eq!(G::param_value(GovernanceStageDuration(0)), Some(STAGE_BLOCKS as u128));
		assert_eq!(G::param_value(GovernanceMaxAttempts), Some(3));
		assert_eq!(G::param_value(GovernanceProposalFee), Some(FEE));
		assert_eq!(G::param_value(GovernanceProposalDeposit), Some(DEPOSIT));
		assert_eq!(G::param_value(GovernanceUpgradeSupport), Some(250_000_000));
		assert_eq!(G::param_value(GovernanceUpgradeDelay), Some(UPGRADE_DELAY as u128));
		assert_eq!(G::param_value(GovernanceStageQuorum(3)), None);
		assert_eq!(G::param_value(PoolQuorum), None);
	});
}

#[test]
fn params_with_sets_one_key() {
	ExtBuilder::default().build_and_execute(|| {
		use ParamKey::*;
		let now = Params::<Test>::get();

		let p = G::params_with(GovernanceStageCount, 2).unwrap();
		assert_eq!(stages_of(&p), stages_of(&now)[..2].to_vec());
		let p = G::params_with(GovernanceStageCount, 5).unwrap();
		assert_eq!(p.stages.len(), 5);
		assert_eq!(p.stages[4], now.stages[2]);
		assert_noop!(G::params_with(GovernanceStageCount, 0), Error::<Test>::NoStages);
		assert_noop!(
			G::params_with(GovernanceStageCount, MAX_STAGES as u128 + 1),
			Error::<Test>::TooManyStages
		);

		let p = G::params_with(GovernanceStageBinding(0), 250_000_000).unwrap();
		assert_eq!(p.stages[0].binding, Perbill::from_percent(25));
		assert_eq!(p.stages[1..], now.stages[1..]);
		let p = G::params_with(GovernanceStageDuration(2), 33).unwrap();
		assert_eq!(p.stages[2].duration, 33);
		let p = G::params_with(GovernanceProposalFee, 77).unwrap();
		assert_eq!(p.proposal_fee, 77);
		let p = G::params_with(GovernanceProposalDeposit, 150).unwrap();
		assert_eq!(p.proposal_deposit, 150);
		let p = G::params_with(GovernanceUpgradeSupport, 400_000_000).unwrap();
		assert_eq!(p.upgrade_support, Perbill::from_percent(40));
		let p = G::params_with(GovernanceUpgradeDelay, 9).unwrap();
		assert_eq!(p.upgrade_delay, 9);
		assert_noop!(
			G::params_with(GovernanceUpgradeSupport, 1_000_000_001),
			Error::<Test>::FractionAboveOne
		);

		assert_noop!(G::params_with(GovernanceStageQuorum(3), 1), Error::<Test>::UnknownParameter);
		assert_noop!(
			G::params_with(GovernanceStageQuorum(0), 1_000_000_001),
			Error::<Test>::FractionAboveOne
		);
		assert_noop!(
			G::params_with(GovernanceStageDuration(0), u128::MAX),
			Error::<Test>::ValueTooLarge
		);
		assert_noop!(
			G::params_with(GovernanceMaxAttempts, u32::MAX as u128 + 1),
			Error::<Test>::ValueTooLarge
		);
		assert_noop!(G::params_with(PoolQuorum, 1), Error::<Test>::UnknownParameter);
	});
}
