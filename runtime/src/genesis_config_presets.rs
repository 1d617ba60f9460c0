//! Genesis presets:
//! - `development`: Alice validates alone and is sudo; the DAO starts empty (no REP), so its
//!   first pool is opened by root (PROTOCOL.md §2, §4).
//! - `local_testnet`: Alice, Bob, Charlie and Dave validate and are the founders, with
//!   [`LOCAL_FOUNDER_REP`] each; no sudo.
//! - `guild`: the production base: PROTOCOL.md §9's parameters (the pallets' defaults), no sudo,
//!   and no validators, founders or balances. The node completes it from the operator's genesis
//!   file with [`guild_config_genesis`] (`guild-node build-spec --chain guild:<file>`); on its
//!   own it has no validator and does not build.
//!
//! The development and local presets fund the well-known development accounts and shorten the
//! durations so the protocol can be tried in minutes.

use crate::{
	AccountId, BabeConfig, Balance, BalancesConfig, BusinessConfig, ForumConfig, GovernanceConfig,
	ReputationConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig,
	ValidationPoolConfig, ValidatorSetConfig, BABE_GENESIS_EPOCH_CONFIG, UNIT,
};
use alloc::{vec, vec::Vec};
pub use guild_primitives::Rep;
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// The production preset's name: PROTOCOL.md §9's parameters, no sudo.
pub const GUILD_RUNTIME_PRESET: &str = "guild";

/// GUILD given to each development account.
const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// REP each founder of the `local_testnet` preset starts with (REP has 12 decimals too).
pub const LOCAL_FOUNDER_REP: Rep = 1_000 * UNIT;

/// The deposit a post holds until a pool first judges it, in every preset: §9 names none, and a
/// free post would make the forum a free store.
const POST_DEPOSIT: Balance = UNIT;

/// A validator: its account and its BABE and GRANDPA session keys.
pub type GenesisValidator = (AccountId, BabeId, GrandpaId);

/// A validator of a preset: its account and session keys, derived from a development seed.
fn validator(who: Sr25519Keyring, grandpa: Ed25519Keyring) -> GenesisValidator {
	(who.to_account_id(), who.public().into(), grandpa.public().into())
}

/// Dev and local chains are for trying the protocol out: pools last 5 blocks (30 s), an expert
/// has 20 blocks to post evidence and a customer 10 to review, governance stages last 5 blocks.
/// The `guild` preset keeps PROTOCOL.md §9's defaults (the pallets' own defaults).
const TRY_OUT_POOL_BLOCKS: u32 = 5;

/// How long things take on a chain.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Durations {
	/// The shortened durations of the dev and local chains.
	TryOut,
	/// PROTOCOL.md §9's durations: the pallets' defaults.
	Protocol,
}

fn guild_genesis(
	validators: Vec<GenesisValidator>,
	endowed: Vec<(AccountId, Balance)>,
	founders: Vec<(AccountId, Rep)>,
	root: Option<AccountId>,
	durations: Durations,
) -> serde_json::Value {
	let (pools, business, governance) = match durations {
		Durations::TryOut => {
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
			// An accepted upgrade is authorized a stage's length later, not a day.
			let governance = GovernanceConfig {
				stages,
				proposal_fee: UNIT,
				upgrade_delay: TRY_OUT_POOL_BLOCKS,
				..Default::default()
			};
			(pools, business, governance)
		},
		Durations::Protocol => (Default::default(), Default::default(), Default::default()),
	};
	let config = RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed, ..Default::default() },
		babe: BabeConfig { epoch_config: BABE_GENESIS_EPOCH_CONFIG, ..Default::default() },
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|(who, ..)| who.clone()).collect(),
			// The genesis validators are the chain's minimum.
			min_validators: 0,
			// Try-out chains: a validator candidate needs 10 REP (the protocol's default: 100).
			params: (durations == Durations::TryOut).then(|| {
				pallet_validator_set::ValidatorParams {
					min_validator_stake: 10 * UNIT,
					..Default::default()
				}
			}),
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|(who, babe, grandpa)| (who.clone(), who, SessionKeys { babe, grandpa }))
				.collect(),
			..Default::default()
		},
		sudo: SudoConfig { key: root },
		// Founders hold REP from genesis (PROTOCOL.md §2); without them the DAO starts empty and
		// only root may open its first pool.
		reputation: ReputationConfig { accounts: founders },
		forum: ForumConfig { post_deposit: POST_DEPOSIT, ..Default::default() },
		validation_pool: ValidationPoolConfig { params: pools },
		business: BusinessConfig { params: business },
		governance,
		..Default::default()
	};
	serde_json::to_value(config).unwrap_or_default()
}

/// The production genesis (the `guild` preset completed): `validators` produce blocks from
/// genesis, `founders` hold REP, `endowed` accounts hold GUILD; PROTOCOL.md §9's parameters; no
/// sudo. The node calls it with the values of the operator's genesis file, which it checks first
/// (the pallets' genesis builders panic on duplicates or balances below the existential deposit).
pub fn guild_config_genesis(
	validators: Vec<GenesisValidator>,
	founders: Vec<(AccountId, Rep)>,
	endowed: Vec<(AccountId, Balance)>,
) -> serde_json::Value {
	guild_genesis(validators, endowed, founders, None, Durations::Protocol)
}

/// The development accounts every preset funds, with [`ENDOWMENT`] each.
fn dev_accounts() -> Vec<(AccountId, Balance)> {
	Sr25519Keyring::iter().map(|k| (k.to_account_id(), ENDOWMENT)).collect()
}

/// Alice validates alone; blocks are final as soon as she votes. Alice is sudo and the DAO
/// starts with no REP: root opens its first pool.
pub fn development_config_genesis() -> serde_json::Value {
	guild_genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Vec::new(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		Durations::TryOut,
	)
}

/// The founders of the `local_testnet` preset: Alice, Bob, Charlie and Dave, with
/// [`LOCAL_FOUNDER_REP`] each.
pub fn local_founders() -> Vec<(AccountId, Rep)> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
		.into_iter()
		.map(|k| (k.to_account_id(), LOCAL_FOUNDER_REP))
		.collect()
}

/// Alice, Bob, Charlie and Dave validate (GRANDPA needs three of the four) and are the founders,
/// with [`LOCAL_FOUNDER_REP`] each. No sudo: parameters and runtime upgrades change through
/// forum governance.
pub fn local_config_genesis() -> serde_json::Value {
	guild_genesis(
		vec![
			validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		local_founders(),
		None,
		Durations::TryOut,
	)
}

/// The JSON of the preset named `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		GUILD_RUNTIME_PRESET => guild_config_genesis(Vec::new(), Vec::new(), Vec::new()),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|s| s.into_bytes())
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(DEV_RUNTIME_PRESET),
		PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(GUILD_RUNTIME_PRESET),
	]
}
