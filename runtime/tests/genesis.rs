//! The genesis presets build, and hold what PROTOCOL.md §2 and §9 ask of them: the development
//! chain starts with an empty DAO and a sudo key, the local testnet and the production chain
//! (`guild`, completed with an operator's founders and validators) start with founding REP
//! holders and no sudo; the production chain keeps §9's durations.

use codec::{Decode, Encode};
use guild_runtime::{
	genesis_config_presets::{
		get_preset, guild_config_genesis, local_founders, preset_names, GUILD_RUNTIME_PRESET,
		LOCAL_FOUNDER_REP,
	},
	AccountId, BuildStorage, Runtime, RuntimeGenesisConfig, UNIT,
};
use sp_core::storage::Storage;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// The preset's patch, as the genesis builder API hands it out.
fn preset(name: &str) -> serde_json::Value {
	let bytes = get_preset(&PresetId::from(name)).expect("the preset exists");
	serde_json::from_slice(&bytes).expect("a preset is JSON")
}

/// The genesis storage of a patch. Presets spell out the whole genesis config, so the patch
/// reads as the config itself (unknown keys are refused, as the genesis builder refuses them).
fn build(patch: serde_json::Value) -> Storage {
	let config: RuntimeGenesisConfig =
		serde_json::from_value(patch).expect("the patch is a genesis config");
	config.build_storage().expect("the genesis builds")
}

fn read<V: Decode>(storage: &Storage, key: Vec<u8>) -> Option<V> {
	storage
		.top
		.get(&key)
		.map(|raw| V::decode(&mut &raw[..]).expect("the value decodes"))
}

fn total_rep(storage: &Storage) -> u128 {
	read(storage, pallet_reputation::TotalRep::<Runtime>::hashed_key().to_vec()).unwrap_or(0)
}

fn free_rep(storage: &Storage, who: &AccountId) -> u128 {
	read::<pallet_reputation::RepAccount>(
		storage,
		pallet_reputation::Accounts::<Runtime>::hashed_key_for(who),
	)
	.map_or(0, |r| r.free)
}

fn sudo_key(storage: &Storage) -> Option<AccountId> {
	read(storage, pallet_sudo::Key::<Runtime>::hashed_key().to_vec())
}

fn validators(storage: &Storage) -> Vec<AccountId> {
	read(storage, pallet_validator_set::Validators::<Runtime>::hashed_key().to_vec())
		.unwrap_or_default()
}

#[test]
fn every_preset_is_listed() {
	assert_eq!(
		preset_names(),
		vec![DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET, GUILD_RUNTIME_PRESET]
	);
	assert!(get_preset(&PresetId::from("no_such_preset")).is_none());
}

#[test]
fn the_development_chain_starts_with_an_empty_dao_and_alice_as_sudo() {
	let storage = build(preset(DEV_RUNTIME_PRESET));
	assert_eq!(sudo_key(&storage), Some(Sr25519Keyring::Alice.to_account_id()));
	assert_eq!(total_rep(&storage), 0);
	assert_eq!(validators(&storage), vec![Sr25519Keyring::Alice.to_account_id()]);
}

#[test]
fn the_local_testnet_starts_with_four_founders_and_no_sudo() {
	let storage = build(preset(LOCAL_TESTNET_RUNTIME_PRESET));
	assert_eq!(sudo_key(&storage), None);
	assert_eq!(LOCAL_FOUNDER_REP, 1_000 * UNIT);
	let founders =
		[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave];
	assert_eq!(
		local_founders(),
		founders
			.iter()
			.map(|k| (k.to_account_id(), LOCAL_FOUNDER_REP))
			.collect::<Vec<_>>()
	);
	for founder in founders {
		assert_eq!(free_rep(&storage, &founder.to_account_id()), LOCAL_FOUNDER_REP);
	}
	assert_eq!(free_rep(&storage, &Sr25519Keyring::Eve.to_account_id()), 0);
	assert_eq!(total_rep(&storage), 4 * LOCAL_FOUNDER_REP);
	assert_eq!(
		read::<u128>(&storage, pallet_reputation::TotalMinted::<Runtime>::hashed_key().to_vec()),
		Some(4 * LOCAL_FOUNDER_REP),
		"genesis REP counts as minted"
	);
	assert_eq!(validators(&storage), founders.map(|k| k.to_account_id()).to_vec());
}

#[test]
fn the_production_chain_has_its_founders_validators_and_section_9_durations() {
	let validator = |sr: Sr25519Keyring, ed: Ed25519Keyring| {
		(sr.to_account_id(), sr.public().into(), ed.public().into())
	};
	let founders = vec![
		(Sr25519Keyring::Alice.to_account_id(), 1_000 * UNIT),
		(Sr25519Keyring::Ferdie.to_account_id(), 7),
	];
	let endowed = vec![(Sr25519Keyring::Bob.to_account_id(), 10 * UNIT)];
	let storage = build(guild_config_genesis(
		vec![
			validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		founders.clone(),
		endowed,
	));

	assert_eq!(sudo_key(&storage), None, "a production chain has no sudo");
	for (who, rep) in &founders {
		assert_eq!(free_rep(&storage, who), *rep);
	}
	assert_eq!(total_rep(&storage), 1_000 * UNIT + 7);
	assert_eq!(
		validators(&storage),
		vec![Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id()]
	);
	let free_balance = |who: &AccountId| {
		read::<frame_system::AccountInfo<u32, pallet_balances::AccountData<u128>>>(
			&storage,
			frame_system::Account::<Runtime>::hashed_key_for(who),
		)
		.map_or(0, |a| a.data.free)
	};
	assert_eq!(free_balance(&Sr25519Keyring::Bob.to_account_id()), 10 * UNIT);
	assert_eq!(free_balance(&Sr25519Keyring::Charlie.to_account_id()), 0);

	// PROTOCOL.md §9's durations: the pallets' own defaults, not the try-out presets' short ones.
	assert_eq!(
		storage
			.top
			.get(pallet_validation_pool::Params::<Runtime>::hashed_key().as_slice()),
		Some(&pallet_validation_pool::ParamsOf::<Runtime>::default().encode())
	);
	assert_eq!(
		storage.top.get(pallet_business::Params::<Runtime>::hashed_key().as_slice()),
		Some(&pallet_business::ParamsOf::<Runtime>::default().encode())
	);
	let local = build(preset(LOCAL_TESTNET_RUNTIME_PRESET));
	assert_ne!(
		local
			.top
			.get(pallet_validation_pool::Params::<Runtime>::hashed_key().as_slice()),
		Some(&pallet_validation_pool::ParamsOf::<Runtime>::default().encode()),
		"the local testnet shortens the pools"
	);
}

#[test]
fn the_guild_preset_alone_is_only_a_base() {
	// Without the operator's values it has no validator, founder or balance, and no sudo.
	let base = preset(GUILD_RUNTIME_PRESET);
	assert_eq!(base, guild_config_genesis(Vec::new(), Vec::new(), Vec::new()));
	assert_eq!(base["sudo"]["key"], serde_json::Value::Null);
	assert_eq!(base["reputation"]["accounts"], serde_json::json!([]));
	assert_eq!(base["validatorSet"]["validators"], serde_json::json!([]));
}
