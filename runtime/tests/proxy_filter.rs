//! What each proxy type lets a proxy do for its account: `ProxyType::filter` on the calls Guild's
//! users make, the `is_superset` order that `proxy.addProxy` relies on, and the filters at work
//! when a call goes through `proxy.proxy` and `utility.batch` in the runtime itself.

use codec::Decode;
use frame_support::traits::{InstanceFilter, OriginTrait};
use guild_runtime::{
	configs::ProxyType, AccountId, BalancesConfig, BuildStorage, OriginCaller, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin, SessionKeys, System, UNIT,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, MultiAddress};

use ProxyType::*;

const ALL: [ProxyType; 5] = [Any, NonTransfer, Staking, Expert, Governance];

fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}

fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}

fn stake() -> RuntimeCall {
	RuntimeCall::ValidationPool(pallet_validation_pool::Call::stake {
		pool: 0,
		amount: UNIT,
		in_favor: true,
	})
}

fn initiate() -> RuntimeCall {
	RuntimeCall::ValidationPool(pallet_validation_pool::Call::initiate {
		post: 0,
		fee: UNIT,
		duration: None,
	})
}

fn evaluate() -> RuntimeCall {
	RuntimeCall::ValidationPool(pallet_validation_pool::Call::evaluate { pool: 0 })
}

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(bob()),
		value: UNIT,
	})
}

fn transfer_all() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_all {
		dest: MultiAddress::Id(bob()),
		keep_alive: false,
	})
}

fn post() -> RuntimeCall {
	RuntimeCall::Forum(pallet_forum::Call::submit_post {
		content_hash: H256::repeat_byte(1),
		uri: b"ipfs://post".to_vec(),
		authors: vec![(alice(), guild_primitives::PPM)],
		references: vec![],
	})
}

fn stake_availability() -> RuntimeCall {
	RuntimeCall::Availability(pallet_availability::Call::stake_availability {
		kind: guild_primitives::StakeKind::Requests,
		amount: UNIT,
		until: 1_000,
	})
}

fn withdraw_availability() -> RuntimeCall {
	RuntimeCall::Availability(pallet_availability::Call::withdraw {
		kind: guild_primitives::StakeKind::Requests,
	})
}

fn submit_evidence() -> RuntimeCall {
	RuntimeCall::Business(pallet_business::Call::submit_evidence { request: 0, post: 0 })
}

fn submit_request() -> RuntimeCall {
	RuntimeCall::Business(pallet_business::Call::submit_request {
		fee: UNIT,
		spec_hash: H256::repeat_byte(2),
		uri: b"ipfs://spec".to_vec(),
	})
}

fn review() -> RuntimeCall {
	RuntimeCall::Business(pallet_business::Call::review { request: 0, approve: true })
}

fn propose() -> RuntimeCall {
	RuntimeCall::Governance(pallet_governance::Call::propose {
		post: 0,
		change: pallet_governance::Change::UpgradeRuntime { code_hash: H256::repeat_byte(3) },
	})
}

fn claim_fees() -> RuntimeCall {
	RuntimeCall::Reputation(pallet_reputation::Call::claim_fees {})
}

fn set_keys() -> RuntimeCall {
	let keys = SessionKeys::decode(&mut &[0u8; 64][..]).expect("64 bytes are two keys");
	RuntimeCall::Session(pallet_session::Call::set_keys { keys, proof: vec![] })
}

fn purge_keys() -> RuntimeCall {
	RuntimeCall::Session(pallet_session::Call::purge_keys {})
}

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: b"hi".to_vec() })
}

fn sudo() -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(remark()) })
}

fn add_proxy(proxy_type: ProxyType) -> RuntimeCall {
	RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
		delegate: MultiAddress::Id(bob()),
		proxy_type,
		delay: 0,
	})
}

fn proxy_through(real: AccountId, call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Proxy(pallet_proxy::Call::proxy {
		real: MultiAddress::Id(real),
		force_proxy_type: None,
		call: Box::new(call),
	})
}

fn multisig(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
		other_signatories: vec![bob()],
		call: Box::new(call),
	})
}

fn batch(calls: Vec<RuntimeCall>) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::batch { calls })
}

fn batch_all(calls: Vec<RuntimeCall>) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
}

fn force_batch(calls: Vec<RuntimeCall>) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::force_batch { calls })
}

fn as_derivative(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::as_derivative { index: 0, call: Box::new(call) })
}

fn dispatch_as(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::dispatch_as {
		as_origin: Box::new(OriginCaller::system(frame_system::RawOrigin::Signed(alice()))),
		call: Box::new(call),
	})
}

/// The calls `proxy_type` allows among `calls`, by name, for readable failures.
fn check(proxy_type: ProxyType, allowed: &[(&str, RuntimeCall)], refused: &[(&str, RuntimeCall)]) {
	for (name, call) in allowed {
		assert!(proxy_type.filter(call), "{proxy_type:?} must allow {name}");
	}
	for (name, call) in refused {
		assert!(!proxy_type.filter(call), "{proxy_type:?} must refuse {name}");
	}
}

/// Calls no proxy type but `Any` may make: they move GUILD, act as root, or widen a proxy's power.
fn refused_by_all_but_any() -> Vec<(&'static str, RuntimeCall)> {
	vec![
		("balances.transferKeepAlive", transfer()),
		("balances.transferAll", transfer_all()),
		("sudo.sudo", sudo()),
		("proxy.addProxy(Any)", add_proxy(Any)),
		("proxy.addProxy(Staking)", add_proxy(Staking)),
		("proxy.proxy(stake)", proxy_through(bob(), stake())),
		("multisig.asMultiThreshold1(stake)", multisig(stake())),
		("utility.dispatchAs(stake)", dispatch_as(stake())),
		("validationPool.initiate", initiate()),
		("business.submitRequest", submit_request()),
		("a batch with a transfer", batch(vec![stake(), transfer()])),
		("a batch_all with sudo", batch_all(vec![stake(), sudo()])),
	]
}

#[test]
fn the_default_proxy_type_is_any_and_allows_everything() {
	assert_eq!(ProxyType::default(), Any);
	let mut calls = refused_by_all_but_any();
	calls.extend([("remark", remark()), ("stake", stake()), ("propose", propose())]);
	check(Any, &calls, &[]);
}

#[test]
fn staking_may_only_stake_in_pools() {
	let allowed = [
		("validationPool.stake", stake()),
		("a batch of stakes", batch(vec![stake(), stake()])),
		("a batch_all of stakes", batch_all(vec![stake(), stake()])),
		("a force_batch of stakes", force_batch(vec![stake()])),
		("a batch of a batch of stakes", batch(vec![stake(), batch(vec![stake()])])),
		("a stake from a derivative account", as_derivative(stake())),
		// An empty batch does nothing.
		("an empty batch", batch(vec![])),
	];
	let mut refused = refused_by_all_but_any();
	refused.extend([
		("a batch of a batch with a transfer", batch(vec![stake(), batch(vec![transfer()])])),
		("a transfer from a derivative account", as_derivative(transfer())),
		("validationPool.evaluate", evaluate()),
		("forum.submitPost", post()),
		("a batch with a post", batch(vec![stake(), post()])),
		("availability.stakeAvailability", stake_availability()),
		("business.submitEvidence", submit_evidence()),
		("governance.propose", propose()),
		("session.setKeys", set_keys()),
		("system.remark", remark()),
		("reputation.claimFees", claim_fees()),
	]);
	check(Staking, &allowed, &refused);
}

#[test]
fn expert_is_a_hot_key_for_work_and_validation() {
	let allowed = [
		("availability.stakeAvailability", stake_availability()),
		("availability.withdraw", withdraw_availability()),
		("business.submitEvidence", submit_evidence()),
		("forum.submitPost", post()),
		("validationPool.stake", stake()),
		("session.setKeys", set_keys()),
		("session.purgeKeys", purge_keys()),
		("a batch of a post and its evidence", batch_all(vec![post(), submit_evidence()])),
	];
	let mut refused = refused_by_all_but_any();
	refused.extend([
		("business.review", review()),
		("governance.propose", propose()),
		("validationPool.evaluate", evaluate()),
		("reputation.claimFees", claim_fees()),
		("system.remark", remark()),
		("a batch of a post and a proposal", batch(vec![post(), propose()])),
	]);
	check(Expert, &allowed, &refused);
}

#[test]
fn governance_proposes_posts_and_stakes() {
	let allowed = [
		("governance.propose", propose()),
		("forum.submitPost", post()),
		("validationPool.stake", stake()),
		("a batch of a post, a proposal and a stake", batch_all(vec![post(), propose(), stake()])),
	];
	let mut refused = refused_by_all_but_any();
	refused.extend([
		("availability.stakeAvailability", stake_availability()),
		("business.submitEvidence", submit_evidence()),
		("session.setKeys", set_keys()),
		("reputation.claimFees", claim_fees()),
		("system.remark", remark()),
		("a batch of a proposal and a transfer", batch(vec![propose(), transfer()])),
	]);
	check(Governance, &allowed, &refused);
}

#[test]
fn non_transfer_does_everything_that_keeps_the_guild_in_the_account() {
	let allowed = [
		("system.remark", remark()),
		("session.setKeys", set_keys()),
		("session.purgeKeys", purge_keys()),
		("reputation.claimFees", claim_fees()),
		("forum.submitPost", post()),
		("validationPool.stake", stake()),
		("validationPool.evaluate", evaluate()),
		("availability.stakeAvailability", stake_availability()),
		("availability.withdraw", withdraw_availability()),
		("business.submitEvidence", submit_evidence()),
		("business.review", review()),
		("a batch of those", batch(vec![post(), stake(), claim_fees(), review()])),
	];
	let mut refused = refused_by_all_but_any();
	refused.extend([
		// A proposal pays its stage fee to the DAO.
		("governance.propose", propose()),
		("a batch with a proposal", batch(vec![post(), propose()])),
	]);
	check(NonTransfer, &allowed, &refused);
}

#[test]
fn is_superset_is_the_inclusion_of_what_the_types_allow() {
	let superset = |a: ProxyType, b: ProxyType| a.is_superset(&b);
	for t in ALL {
		assert!(superset(t, t), "{t:?} ⊇ {t:?}");
		assert!(superset(Any, t), "Any ⊇ {t:?}");
		if t != Any {
			assert!(!superset(t, Any), "{t:?} ⊉ Any");
		}
	}
	assert!(superset(NonTransfer, Staking));
	assert!(superset(NonTransfer, Expert));
	assert!(!superset(NonTransfer, Governance), "a proposal pays a fee");
	assert!(superset(Expert, Staking));
	assert!(superset(Governance, Staking));
	for (a, b) in [
		(Staking, NonTransfer),
		(Staking, Expert),
		(Staking, Governance),
		(Expert, Governance),
		(Governance, Expert),
		(Expert, NonTransfer),
		(Governance, NonTransfer),
	] {
		assert!(!superset(a, b), "{a:?} ⊉ {b:?}");
	}

	// Each claim holds on the calls: whatever the smaller type allows, the larger one does.
	let calls = [
		stake(),
		initiate(),
		evaluate(),
		transfer(),
		post(),
		stake_availability(),
		withdraw_availability(),
		submit_evidence(),
		submit_request(),
		review(),
		propose(),
		claim_fees(),
		set_keys(),
		purge_keys(),
		remark(),
		sudo(),
		add_proxy(Staking),
		multisig(stake()),
		batch(vec![stake(), post()]),
	];
	for a in ALL {
		for b in ALL {
			if superset(a, b) {
				for call in &calls {
					assert!(
						!b.filter(call) || a.filter(call),
						"{a:?} ⊇ {b:?}, yet {b:?} allows {call:?} and {a:?} does not"
					);
				}
			}
		}
	}
}

fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: vec![(alice(), 1_000 * UNIT), (bob(), 1_000 * UNIT)],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.expect("the genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	// Events are recorded from block 1 on.
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn free(who: &AccountId) -> u128 {
	pallet_balances::Pallet::<Runtime>::free_balance(who)
}

/// The result of the last `proxy.proxy`.
fn proxy_result() -> sp_runtime::DispatchResult {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
			_ => None,
		})
		.expect("the proxy call ran")
}

fn filtered() -> sp_runtime::DispatchResult {
	Err(frame_system::Error::<Runtime>::CallFiltered.into())
}

#[test]
fn a_staking_proxy_in_the_runtime_stakes_but_moves_no_guild() {
	new_test_ext().execute_with(|| {
		RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
			delegate: MultiAddress::Id(bob()),
			proxy_type: Staking,
			delay: 0,
		})
		.dispatch(RuntimeOrigin::signed(alice()))
		.expect("Alice names Bob her staking proxy");
		let deposit = pallet_proxy::Pallet::<Runtime>::deposit(1);
		assert!(deposit > 0);
		assert_eq!(free(&alice()), 1_000 * UNIT - deposit);
		let as_bob = || RuntimeOrigin::signed(bob());

		// A transfer, alone or in a batch, is refused before it runs.
		for call in [transfer(), batch(vec![stake(), transfer()]), batch_all(vec![transfer()])] {
			proxy_through(alice(), call).dispatch(as_bob()).expect("the proxy call is made");
			assert_eq!(proxy_result(), filtered());
		}
		// So is widening the proxy's own power.
		proxy_through(alice(), add_proxy(Any)).dispatch(as_bob()).unwrap();
		assert_eq!(proxy_result(), filtered());
		assert_eq!(free(&alice()), 1_000 * UNIT - deposit, "no GUILD left Alice");

		// A stake passes the filter: it reaches the pool pallet, which finds no pool 0.
		for call in [stake(), batch_all(vec![stake()])] {
			proxy_through(alice(), call).dispatch(as_bob()).unwrap();
			let result = proxy_result();
			assert!(result.is_err(), "there is no pool to stake in");
			assert_ne!(result, filtered(), "the stake went through the filter");
		}
	});
}

#[test]
fn a_batch_dispatches_its_calls_through_the_callers_filter() {
	// pallet-utility's own check, on which the standard `Utility(..)` pattern relies: an
	// origin whose filter lets any batch through still has each inner call filtered.
	new_test_ext().execute_with(|| {
		let mut origin = RuntimeOrigin::signed(alice());
		origin.add_filter(|c: &RuntimeCall| {
			matches!(c, RuntimeCall::Utility(..)) || Staking.filter(c)
		});
		batch(vec![transfer()])
			.dispatch(origin)
			.expect("a batch reports its failures as events");
		System::assert_has_event(RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted {
			index: 0,
			error: frame_system::Error::<Runtime>::CallFiltered.into(),
		}));
		assert_eq!(free(&alice()), 1_000 * UNIT);
	});
}
