//! Genesis presets: `development` (Alice validates alone) and `local_testnet` (Alice, Bob,
//! Charlie and Dave validate). Both fund the well-known development accounts.

use crate::{
	AccountId, BabeConfig, BalancesConfig, BusinessConfig, ForumConfig, GovernanceConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, ValidationPoolConfig,
	ValidatorSetConfig, BABE_GENESIS_EPOCH_CONFIG, UNIT,
};
use alloc::{vec, vec::Vec};
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// GUILD given to each development account.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// A validator of a preset: its account and session keys, derived from a development seed.
fn validator(who: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AccountId, BabeId, GrandpaId) {
	(who.to_account_id(), who.public().into(), grandpa.public().into())
}

/// Dev and local chains are for trying the protocol out: pools last 5 blocks (30 s), an expert
/// has 20 blocks to post evidence and a customer 10 to review, governance stages last 5 blocks.
/// A production chain spec keeps PROTOCOL.md §9's defaults (the pallets' own defaults).
const TRY_OUT_POOL_BLOCKS: u32 = 5;

fn guild_genesis(
	validators: Vec<(AccountId, BabeId, GrandpaId)>,
	endowed: Vec<AccountId>,
	root: Option<AccountId>,
) -> serde_json::Value {
	let pools = pallet_validation_pool::ParamsType::<u32> {
		pool_duration_min: 1,
		pool_duration_default: TRY_OUT_POOL_BLOCKS,
		..Default::default()
	};
	let business = pallet_business::BusinessParams::<u32> {
		evidence_timeout: 20,
		review_timeout: 10,
		pool_duration: TRY_OUT_POOL_BLOCKS,
		..Default::default()
	};
	let stages = pallet_governance::GovernanceParams::<u32>::default_stages()
		.into_iter()
		.map(|s| pallet_governance::StageRules { duration: TRY_OUT_POOL_BLOCKS, ..s })
		.collect();
	let config = RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|who| (who, ENDOWMENT)).collect(),
			..Default::default()
		},
		babe: BabeConfig { epoch_config: BABE_GENESIS_EPOCH_CONFIG, ..Default::default() },
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|(who, ..)| who.clone()).collect(),
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|(who, babe, grandpa)| (who.clone(), who, SessionKeys { babe, grandpa }))
				.collect(),
			..Default::default()
		},
		sudo: SudoConfig { key: root },
		// The DAO starts with no REP: its first pool bootstraps it (PROTOCOL.md §4).
		forum: ForumConfig {
			reference_chain_limit: 3,
			revaluation_limit: 1_000_000,
			post_deposit: UNIT,
			..Default::default()
		},
		validation_pool: ValidationPoolConfig { params: pools, ..Default::default() },
		business: BusinessConfig { params: business, ..Default::default() },
		governance: GovernanceConfig { stages, proposal_fee: UNIT, ..Default::default() },
		..Default::default()
	};
	serde_json::to_value(config).unwrap_or_default()
}

/// The development accounts every preset funds.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// Alice validates alone; blocks are final as soon as she votes.
pub fn development_config_genesis() -> serde_json::Value {
	guild_genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// Alice, Bob, Charlie and Dave validate; GRANDPA needs three of the four. No sudo: parameters
/// and runtime upgrades change through forum governance.
pub fn local_config_genesis() -> serde_json::Value {
	guild_genesis(
		vec![
			validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		None,
	)
}

/// The JSON of the preset named `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|s| s.into_bytes())
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
