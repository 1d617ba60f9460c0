//! Chain specifications: `dev` (Alice validates alone), `local` (four validators, who are also
//! the founders) and `guild` (the production chain, from the operator's genesis file).

use guild_runtime::{
	genesis_config_presets::{guild_config_genesis, GenesisValidator, Rep},
	AccountId, Balance, EXISTENTIAL_DEPOSIT, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, UNIT,
	WASM_BINARY,
};
use sc_network::config::MultiaddrWithPeerId;
use sc_service::{ChainType, Properties};
use sp_core::crypto::Ss58Codec;
use sp_runtime::BuildStorage;
use std::{collections::BTreeSet, path::Path};

/// A chain specification of the Guild runtime, with no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token symbol, decimals and SS58 format, so that wallets show GUILD right.
fn properties() -> Properties {
	let mut p = Properties::new();
	p.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	p.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	p.insert("ss58Format".into(), SS58_PREFIX.into());
	p
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's wasm binary is not available: build without SKIP_WASM_BUILD".to_string()
	})
}

/// The development chain: Alice validates alone, so blocks are final as soon as they are made.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Guild Development")
		.with_id("guild_dev")
		.with_protocol_id("guild")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The local test network: Alice, Bob, Charlie and Dave validate and are the founders (1,000 REP
/// each).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Guild Local Testnet")
		.with_id("guild_local")
		.with_protocol_id("guild")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

// ---------------------------------------------------------------------------------------------
// The production chain: `--chain guild` (or `guild:<file>`), from the operator's genesis file.

/// The genesis file `--chain guild` reads, in the working directory; `--chain guild:<path>` names
/// another one. Its format is documented in the README ("Launching a real network") and shown by
/// `docs/guild-genesis.example.json`.
pub const GUILD_GENESIS_FILE: &str = "guild-genesis.json";

/// What an operator's genesis file names, checked: everything the `guild` preset leaves open.
#[derive(Debug, Clone)]
pub struct GuildGenesis {
	/// The chain's name (default "Guild").
	pub name: String,
	/// The chain's id, which also names its database directory and network protocol (default
	/// "guild").
	pub id: String,
	/// Nodes a new node dials first.
	pub boot_nodes: Vec<MultiaddrWithPeerId>,
	/// Validators from genesis: account, BABE key, GRANDPA key.
	pub validators: Vec<GenesisValidator>,
	/// Founding REP holders, with their REP in units (12 decimals).
	pub founders: Vec<(AccountId, Rep)>,
	/// Accounts with GUILD at genesis, in units (12 decimals).
	pub endowed: Vec<(AccountId, Balance)>,
}

type JsonObject = serde_json::Map<String, serde_json::Value>;

fn as_object<'a>(value: &'a serde_json::Value, at: &str) -> Result<&'a JsonObject, String> {
	value.as_object().ok_or_else(|| format!("{at}: expected an object"))
}

/// Refuses keys other than `allowed`, so that a misspelt key is an error rather than ignored.
/// Keys starting with `_` are comments.
fn only_keys(object: &JsonObject, at: &str, allowed: &[&str]) -> Result<(), String> {
	match object.keys().find(|k| !k.starts_with('_') && !allowed.contains(&k.as_str())) {
		Some(k) => Err(format!("{at}: unknown key \"{k}\" (expected {})", allowed.join(", "))),
		None => Ok(()),
	}
}

fn text<'a>(object: &'a JsonObject, key: &str, at: &str) -> Result<&'a str, String> {
	object
		.get(key)
		.ok_or_else(|| format!("{at}: \"{key}\" is missing"))?
		.as_str()
		.ok_or_else(|| format!("{at}.{key}: expected a string"))
}

fn list<'a>(object: &'a JsonObject, key: &str) -> Result<&'a [serde_json::Value], String> {
	match object.get(key) {
		None => Ok(&[]),
		Some(v) => v
			.as_array()
			.map(|a| a.as_slice())
			.ok_or_else(|| format!("{key}: expected a list")),
	}
}

/// A 32-byte public key or account id, in SS58 (any network's prefix) or as `0x` and 64 hex
/// digits.
fn key32(s: &str, at: &str) -> Result<[u8; 32], String> {
	let s = s.trim();
	if let Some(hex) = s.strip_prefix("0x") {
		let bytes = sp_core::bytes::from_hex(hex).map_err(|e| format!("{at}: bad hex: {e}"))?;
		return <[u8; 32]>::try_from(bytes.as_slice())
			.map_err(|_| format!("{at}: expected 32 bytes (64 hex digits), got {}", bytes.len()));
	}
	AccountId::from_ss58check(s)
		.map(Into::into)
		.map_err(|e| format!("{at}: \"{s}\" is neither SS58 nor 0x-hex ({e:?})"))
}

/// An amount of GUILD or REP (12 decimals): a whole number, or a string with up to 12 decimals
/// (`"1000"`, `"0.5"`, `"1_000_000"`). Returns units.
fn amount(value: &serde_json::Value, at: &str) -> Result<u128, String> {
	let too_large = || format!("{at}: amount too large");
	let decimals = TOKEN_DECIMALS as usize;
	let (whole, fraction) = match value {
		serde_json::Value::Number(n) => {
			let whole = n.as_u64().ok_or_else(|| {
				format!("{at}: {n} is not a whole number of tokens; write decimals as a string")
			})?;
			(u128::from(whole), 0)
		},
		serde_json::Value::String(s) => {
			let s = s.replace('_', "");
			let (w, f) = match s.split_once('.') {
				Some((w, f)) => (w, Some(f)),
				None => (s.as_str(), None),
			};
			let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
			let f_ok = f.is_none_or(|f| digits(f) && f.len() <= decimals);
			if !digits(w) || !f_ok {
				return Err(format!(
					"{at}: \"{s}\" is not an amount (digits, at most {decimals} decimals)"
				));
			}
			let padded = format!("{:0<decimals$}", f.unwrap_or(""));
			(
				w.parse::<u128>().map_err(|_| too_large())?,
				padded.parse::<u128>().map_err(|_| too_large())?,
			)
		},
		_ => return Err(format!("{at}: expected an amount (a number or a decimal string)")),
	};
	whole
		.checked_mul(UNIT)
		.and_then(|u| u.checked_add(fraction))
		.ok_or_else(too_large)
}

/// The list `key` of accounts with an amount each (`field`, at least `minimum` units): the
/// founders with REP, the endowed accounts with GUILD. An account may appear once.
fn with_amounts(
	top: &JsonObject,
	key: &str,
	field: &str,
	minimum: u128,
	what: &str,
) -> Result<Vec<(AccountId, u128)>, String> {
	let mut seen = BTreeSet::new();
	let mut out = Vec::new();
	let mut total: u128 = 0;
	for (i, entry) in list(top, key)?.iter().enumerate() {
		let at = format!("{key}[{i}]");
		let entry = as_object(entry, &at)?;
		only_keys(entry, &at, &["account", field])?;
		let account = key32(text(entry, "account", &at)?, &format!("{at}.account"))?;
		let value = amount(
			entry.get(field).ok_or_else(|| format!("{at}: \"{field}\" is missing"))?,
			&format!("{at}.{field}"),
		)?;
		if !seen.insert(account) {
			return Err(format!("{at}: the account is listed twice in {key}"));
		}
		if value < minimum {
			return Err(format!("{at}.{field}: at least {minimum} units of {what} are needed"));
		}
		total = total
			.checked_add(value)
			.ok_or_else(|| format!("{key}: the total is too large"))?;
		out.push((AccountId::from(account), value));
	}
	Ok(out)
}

/// Parses and checks an operator's genesis file (JSON). Every mistake the genesis builders
/// would panic on (duplicates, a balance below the existential deposit) is a named error here.
pub fn parse_guild_genesis(json: &str) -> Result<GuildGenesis, String> {
	let value: serde_json::Value =
		serde_json::from_str(json).map_err(|e| format!("not valid JSON: {e}"))?;
	let top = as_object(&value, "the genesis file")?;
	only_keys(
		top,
		"the genesis file",
		&["name", "id", "bootNodes", "validators", "founders", "endowed"],
	)?;
	let optional_text = |key: &str, default: &str| -> Result<String, String> {
		match top.get(key) {
			None => Ok(default.to_string()),
			Some(v) => v
				.as_str()
				.filter(|s| !s.trim().is_empty())
				.map(str::to_string)
				.ok_or_else(|| format!("{key}: expected a non-empty string")),
		}
	};
	let name = optional_text("name", "Guild")?;
	let id = optional_text("id", "guild")?;
	if !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
		return Err(format!("id: \"{id}\" may only hold letters, digits, '_' and '-'"));
	}

	let mut boot_nodes: Vec<MultiaddrWithPeerId> = Vec::new();
	for (i, node) in list(top, "bootNodes")?.iter().enumerate() {
		let at = format!("bootNodes[{i}]");
		let addr = node.as_str().ok_or_else(|| format!("{at}: expected a string"))?;
		boot_nodes.push(
			addr.parse::<MultiaddrWithPeerId>().map_err(|e| {
				format!("{at}: \"{addr}\" is not a multiaddress with a peer id ({e})")
			})?,
		);
	}

	let mut validators: Vec<GenesisValidator> = Vec::new();
	let (mut accounts, mut babe_keys, mut grandpa_keys) =
		(BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
	for (i, entry) in list(top, "validators")?.iter().enumerate() {
		let at = format!("validators[{i}]");
		let entry = as_object(entry, &at)?;
		only_keys(entry, &at, &["account", "babe", "grandpa"])?;
		let account = key32(text(entry, "account", &at)?, &format!("{at}.account"))?;
		let babe = key32(text(entry, "babe", &at)?, &format!("{at}.babe"))?;
		let grandpa = key32(text(entry, "grandpa", &at)?, &format!("{at}.grandpa"))?;
		if !accounts.insert(account) {
			return Err(format!("{at}: the account is already a validator"));
		}
		if !babe_keys.insert(babe) {
			return Err(format!("{at}: the babe key is already another validator's"));
		}
		if !grandpa_keys.insert(grandpa) {
			return Err(format!("{at}: the grandpa key is already another validator's"));
		}
		validators.push((
			AccountId::from(account),
			sp_core::sr25519::Public::from_raw(babe).into(),
			sp_core::ed25519::Public::from_raw(grandpa).into(),
		));
	}
	if validators.is_empty() {
		return Err("validators: at least one validator is needed to produce blocks".into());
	}

	let founders = with_amounts(top, "founders", "rep", 1, "REP")?;
	if founders.is_empty() {
		return Err("founders: at least one founder is needed: a chain without sudo and without \
			REP could never open its first pool (PROTOCOL.md §2)"
			.into());
	}
	let endowed = with_amounts(
		top,
		"endowed",
		"balance",
		EXISTENTIAL_DEPOSIT,
		"GUILD (the existential deposit)",
	)?;

	Ok(GuildGenesis { name, id, boot_nodes, validators, founders, endowed })
}

/// The production chain spec (type Live) of `genesis`: the `guild` preset completed with its
/// validators, founders and balances. Building its genesis is checked at once, so that a genesis
/// the runtime refuses is an error here rather than a failed node start later.
pub fn guild_chain_spec(genesis: GuildGenesis) -> Result<ChainSpec, String> {
	let GuildGenesis { name, id, boot_nodes, validators, founders, endowed } = genesis;
	let spec = ChainSpec::builder(wasm()?, None)
		.with_name(&name)
		.with_id(&id)
		.with_protocol_id(&id)
		.with_chain_type(ChainType::Live)
		.with_boot_nodes(boot_nodes)
		.with_genesis_config_patch(guild_config_genesis(validators, founders, endowed))
		.with_properties(properties())
		.build();
	spec.build_storage()
		.map_err(|e| format!("the runtime refuses this genesis: {e}"))?;
	Ok(spec)
}

/// The production chain spec from the genesis file at `path`.
pub fn guild_chain_spec_from_file(path: &Path) -> Result<ChainSpec, String> {
	let shown = path.display();
	let json = std::fs::read_to_string(path).map_err(|e| {
		format!(
			"--chain guild: cannot read the genesis file {shown}: {e} (write one like \
			 docs/guild-genesis.example.json, or name it with --chain guild:<path>)"
		)
	})?;
	let genesis = parse_guild_genesis(&json).map_err(|e| format!("{shown}: {e}"))?;
	guild_chain_spec(genesis).map_err(|e| format!("{shown}: {e}"))
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::storage::Storage;
	use sp_io::hashing::twox_128;
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

	/// The example genesis file of the docs.
	fn example() -> String {
		let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/guild-genesis.example.json");
		std::fs::read_to_string(path).expect("docs/guild-genesis.example.json exists")
	}

	fn example_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
		let mut value: serde_json::Value = serde_json::from_str(&example()).unwrap();
		edit(&mut value);
		value.to_string()
	}

	fn error_of(json: &str) -> String {
		parse_guild_genesis(json).expect_err("the file is refused")
	}

	fn storage_value(storage: &Storage, pallet: &str, item: &str) -> Option<Vec<u8>> {
		storage
			.top
			.get(&[twox_128(pallet.as_bytes()), twox_128(item.as_bytes())].concat())
			.cloned()
	}

	#[test]
	fn the_example_file_names_the_development_keys() {
		let genesis = parse_guild_genesis(&example()).expect("the example parses");
		assert_eq!(
			(genesis.name.as_str(), genesis.id.as_str()),
			("Guild Example", "guild_example")
		);
		assert!(genesis.boot_nodes.is_empty());
		let keys = [
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		];
		let expected: Vec<GenesisValidator> = keys
			.iter()
			.map(|(sr, ed)| (sr.to_account_id(), sr.public().into(), ed.public().into()))
			.collect();
		assert_eq!(genesis.validators, expected);
		assert_eq!(
			genesis.founders,
			vec![
				(Sr25519Keyring::Alice.to_account_id(), 1_000 * UNIT),
				(Sr25519Keyring::Bob.to_account_id(), 1_000 * UNIT),
				(Sr25519Keyring::Charlie.to_account_id(), 500 * UNIT + UNIT / 2),
			]
		);
		assert_eq!(
			genesis.endowed,
			vec![
				(Sr25519Keyring::Alice.to_account_id(), 100_000 * UNIT),
				(Sr25519Keyring::Bob.to_account_id(), 100_000 * UNIT),
				(Sr25519Keyring::Charlie.to_account_id(), 100_000 * UNIT),
				(Sr25519Keyring::Dave.to_account_id(), 2_500 * UNIT + UNIT / 4),
			]
		);
	}

	#[test]
	fn the_production_spec_builds_live_without_sudo_and_with_the_founders_rep() {
		let spec = guild_chain_spec(parse_guild_genesis(&example()).unwrap())
			.expect("the example genesis builds");
		assert_eq!(sc_service::ChainSpec::chain_type(&spec), ChainType::Live);
		assert_eq!(sc_service::ChainSpec::id(&spec), "guild_example");
		let storage = spec.build_storage().unwrap();
		assert_eq!(storage_value(&storage, "Sudo", "Key"), None, "no sudo key");
		let total_rep = storage_value(&storage, "Reputation", "TotalRep").expect("REP at genesis");
		assert_eq!(
			u128::from_le_bytes(total_rep.try_into().unwrap()),
			2_500 * UNIT + UNIT / 2,
			"1,000 + 1,000 + 500.5 REP"
		);
		let json = sc_service::ChainSpec::as_json(&spec, false).unwrap();
		let json: serde_json::Value = serde_json::from_str(&json).unwrap();
		let patch = &json["genesis"]["runtimeGenesis"]["patch"];
		assert_eq!(patch["sudo"]["key"], serde_json::Value::Null);
		assert_eq!(patch["reputation"]["accounts"].as_array().map(Vec::len), Some(3));
	}

	#[test]
	fn a_missing_file_is_a_clear_error() {
		let err = guild_chain_spec_from_file(Path::new("/nonexistent/guild-genesis.json"))
			.err()
			.expect("no such file");
		assert!(
			err.contains("cannot read the genesis file /nonexistent/guild-genesis.json"),
			"{err}"
		);
	}

	#[test]
	fn bad_files_are_refused_with_what_is_wrong() {
		use serde_json::json;
		let cases: Vec<(String, &str)> = vec![
			("{".into(), "not valid JSON"),
			("[]".into(), "the genesis file: expected an object"),
			(example_with(|v| v["validator"] = json!([])), "unknown key \"validator\""),
			(example_with(|v| v["validators"] = json!([])), "at least one validator"),
			(example_with(|v| v["founders"] = json!([])), "at least one founder"),
			(
				example_with(|v| v["validators"][1]["babe"] = json!("5Grwva")),
				"validators[1].babe: \"5Grwva\" is neither SS58 nor 0x-hex",
			),
			(
				example_with(|v| v["validators"][0]["grandpa"] = json!("0x1234")),
				"validators[0].grandpa: expected 32 bytes",
			),
			(
				example_with(|v| {
					v["validators"][2]["grandpa"] = v["validators"][0]["grandpa"].clone()
				}),
				"validators[2]: the grandpa key is already another validator's",
			),
			(
				example_with(|v| {
					v["validators"][1]["account"] = v["validators"][0]["account"].clone()
				}),
				"validators[1]: the account is already a validator",
			),
			(
				example_with(|v| {
					v["validators"][0].as_object_mut().unwrap().remove("babe");
				}),
				"validators[0]: \"babe\" is missing",
			),
			(
				example_with(|v| v["founders"][1]["account"] = v["founders"][0]["account"].clone()),
				"founders[1]: the account is listed twice in founders",
			),
			(example_with(|v| v["founders"][0]["rep"] = json!(0)), "founders[0].rep: at least 1"),
			(
				example_with(|v| v["founders"][0]["rep"] = json!("1.0000000000001")),
				"founders[0].rep: \"1.0000000000001\" is not an amount",
			),
			(example_with(|v| v["founders"][0]["rep"] = json!(-5)), "founders[0].rep: -5 is not"),
			(example_with(|v| v["founders"][0]["rep"] = json!(1.5)), "write decimals as a string"),
			(
				example_with(|v| v["endowed"][0]["balance"] = json!("0.0001")),
				"endowed[0].balance: at least 1000000000 units",
			),
			(
				example_with(|v| v["endowed"][0]["guild"] = json!(1)),
				"endowed[0]: unknown key \"guild\"",
			),
			(example_with(|v| v["id"] = json!("guild main")), "id: \"guild main\" may only hold"),
			(example_with(|v| v["bootNodes"] = json!(["/ip4/1.2.3.4/tcp/30333"])), "bootNodes[0]"),
		];
		for (json, expected) in cases {
			let err = error_of(&json);
			assert!(err.contains(expected), "expected \"{expected}\" in \"{err}\"");
		}
	}

	#[test]
	fn amounts_are_whole_tokens_or_decimal_strings() {
		use serde_json::json;
		assert_eq!(amount(&json!(3), "a"), Ok(3 * UNIT));
		assert_eq!(amount(&json!("3"), "a"), Ok(3 * UNIT));
		assert_eq!(amount(&json!("1_000.5"), "a"), Ok(1_000 * UNIT + UNIT / 2));
		assert_eq!(amount(&json!("0.000000000001"), "a"), Ok(1));
		assert!(amount(&json!("1."), "a").is_err());
		assert!(amount(&json!(".5"), "a").is_err());
		assert!(amount(&json!("1e3"), "a").is_err());
		assert!(amount(&json!(null), "a").is_err());
		assert!(amount(&json!("340282366920938463463374607431768211455"), "a")
			.unwrap_err()
			.contains("too large"));
	}
}
