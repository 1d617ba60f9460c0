//! Every governed parameter of the runtime has exactly one owning pallet, a hard range, and a
//! value inside that range in every preset; the runtime's parameter mapping is the dispatch over
//! the owners (`RuntimeParameters`), so a pallet missing from it would leave its keys unknown to
//! governance, which these tests catch.

use guild_primitives::{GovernedParameters, ParamKey, ParameterOwner};
use guild_runtime::{
	configs::RuntimeParameters, genesis_config_presets::get_preset, Availability, BuildStorage,
	Business, Forum, Governance, Runtime, RuntimeGenesisConfig, ValidationPool, ValidatorSet,
};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use ParamKey::*;

/// Every key: the stage keys for stages `0..stages`.
fn all_keys(stages: u32) -> Vec<ParamKey> {
	let mut keys = vec![
		PoolMintingRatio,
		PoolStakeForAuthor,
		PoolQuorum,
		PoolWinRatio,
		PoolBinding,
		PoolRedistributeLosingStakes,
		PoolDurationMin,
		PoolDurationDefault,
		PoolDurationMax,
		PoolMinFee,
		PoolQuorumMissFee,
		ForumReferenceChainLimit,
		ForumRevaluationLimit,
		ForumPostDeposit,
		AvailabilityMinStake,
		AvailabilityMaxPeriod,
		BusinessEvidenceTimeout,
		BusinessReviewTimeout,
		BusinessNoShowSlash,
		BusinessMaxValidationAttempts,
		BusinessPoolDuration,
		BusinessMinRequestFee,
		BusinessMaxDraws,
		GovernanceStageCount,
		GovernanceMaxAttempts,
		GovernanceProposalFee,
		GovernanceProposalDeposit,
		GovernanceUpgradeSupport,
		GovernanceUpgradeDelay,
		ValidatorCount,
		MinValidatorStake,
		SessionReportQuorum,
		SessionReportWinRatio,
		EquivocationSlash,
	];
	for i in 0..stages {
		keys.extend([
			GovernanceStageQuorum(i),
			GovernanceStageWinRatio(i),
			GovernanceStageBinding(i),
			GovernanceStageDuration(i),
		]);
	}
	keys
}

/// Fails to compile when a key is added to `ParamKey` and not to [`all_keys`].
#[allow(dead_code)]
fn listed(key: ParamKey) {
	match key {
		PoolMintingRatio
		| PoolStakeForAuthor
		| PoolQuorum
		| PoolWinRatio
		| PoolBinding
		| PoolRedistributeLosingStakes
		| PoolDurationMin
		| PoolDurationDefault
		| PoolDurationMax
		| PoolMinFee
		| PoolQuorumMissFee
		| ForumReferenceChainLimit
		| ForumRevaluationLimit
		| ForumPostDeposit
		| AvailabilityMinStake
		| AvailabilityMaxPeriod
		| BusinessEvidenceTimeout
		| BusinessReviewTimeout
		| BusinessNoShowSlash
		| BusinessMaxValidationAttempts
		| BusinessPoolDuration
		| BusinessMinRequestFee
		| BusinessMaxDraws
		| GovernanceStageCount
		| GovernanceStageQuorum(_)
		| GovernanceStageWinRatio(_)
		| GovernanceStageBinding(_)
		| GovernanceStageDuration(_)
		| GovernanceMaxAttempts
		| GovernanceProposalFee
		| GovernanceProposalDeposit
		| GovernanceUpgradeSupport
		| GovernanceUpgradeDelay
		| ValidatorCount
		| MinValidatorStake
		| SessionReportQuorum
		| SessionReportWinRatio
		| EquivocationSlash => {},
	}
}

fn preset_ext(name: &str) -> sp_io::TestExternalities {
	let bytes = get_preset(&PresetId::from(name)).expect("the preset exists");
	let config: RuntimeGenesisConfig =
		serde_json::from_slice(&bytes).expect("the preset is a genesis config");
	config.build_storage().expect("the genesis builds").into()
}

/// How many of the runtime's pallets own `key`.
fn owners(key: ParamKey) -> usize {
	[
		ValidationPool::param(key),
		Forum::param(key),
		Availability::param(key),
		Business::param(key),
		Governance::param(key),
		ValidatorSet::param(key),
	]
	.iter()
	.filter(|v| v.is_some())
	.count()
}

#[test]
fn every_key_has_one_owner_a_hard_range_and_a_value_inside_it() {
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		preset_ext(preset).execute_with(|| {
			let stages = pallet_governance::Params::<Runtime>::get().stages.len() as u32;
			assert!(stages >= 2, "{preset}: at least two stages");
			for key in all_keys(stages) {
				assert_eq!(owners(key), 1, "{preset}: {key:?} has exactly one owner");
				let value = RuntimeParameters::current(key)
					.unwrap_or_else(|| panic!("{preset}: {key:?} has a value"));
				let (min, max) = RuntimeParameters::hard_range(key)
					.unwrap_or_else(|| panic!("{preset}: {key:?} has a hard range"));
				assert!(min <= max, "{preset}: {key:?}: range {min}..={max}");
				assert!(
					(min..=max).contains(&value),
					"{preset}: {key:?} = {value} lies in its hard range {min}..={max}"
				);
			}
			// A stage that does not exist is no parameter: no value, no range, nothing set.
			for key in [GovernanceStageQuorum(stages), GovernanceStageDuration(stages + 3)] {
				assert_eq!(owners(key), 0);
				assert_eq!(RuntimeParameters::current(key), None);
				assert_eq!(RuntimeParameters::hard_range(key), None);
			}
		});
	}
}

#[test]
fn a_change_applied_through_the_dispatch_reaches_its_pallet_with_its_checks() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		let before = RuntimeParameters::current(BusinessMaxDraws).expect("a value");
		assert!(RuntimeParameters::apply(0, BusinessMaxDraws, before + 1).is_ok());
		assert_eq!(pallet_business::Params::<Runtime>::get().max_draws as u128, before + 1);
		// The owner's own check (at least one draw) applies, with its named error; nothing
		// changed.
		assert_eq!(
			RuntimeParameters::apply(0, BusinessMaxDraws, 0),
			Err(pallet_business::Error::<Runtime>::ZeroMaxDraws.into())
		);
		assert_eq!(RuntimeParameters::current(BusinessMaxDraws), Some(before + 1));
		// A value that cannot be read as the key's type: governance's named error.
		assert_eq!(
			RuntimeParameters::apply(0, PoolQuorum, 1_000_000_001),
			Err(pallet_governance::Error::<Runtime>::FractionAboveOne.into())
		);
		assert_eq!(
			RuntimeParameters::apply(0, PoolRedistributeLosingStakes, 2),
			Err(pallet_governance::Error::<Runtime>::NotAFlag.into())
		);
		assert_eq!(
			RuntimeParameters::apply(0, GovernanceStageQuorum(99), 1),
			Err(pallet_governance::Error::<Runtime>::UnknownParameter.into())
		);
	});
}
