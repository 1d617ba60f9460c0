//! Property tests (PROTOCOL.md §8, §11.9): random batches of parameter proposals, proposed
//! together and carried through their stages side by side, whatever each one's fate (enacted,
//! refused when enacted, rejected, expired, aborted):
//! - every parameter stays within its hard range;
//! - the parameters that depend on each other still hold together: every stage within the
//!   pools' duration bounds, at least two stages, fees at least the pools' minimum;
//! - and governance can still pass a proposal: backed by enough REP, a new one is enacted;
//! - the pallets' invariants hold after every block (`run_to_block`).

use super::mock::*;
use crate::{Change, ProposalState};
use guild_primitives::{GovernedParameters, ParamKey, PoolId, ReputationLedger};
use proptest::prelude::*;
use std::collections::BTreeSet;

type G = crate::Pallet<Test>;

/// The parameters the proposals change: those the joint checks read, and a few others.
const KEYS: [ParamKey; 20] = [
	ParamKey::PoolDurationMin,
	ParamKey::PoolDurationDefault,
	ParamKey::PoolDurationMax,
	ParamKey::PoolMinFee,
	ParamKey::PoolWinRatio,
	ParamKey::PoolQuorum,
	ParamKey::GovernanceStageCount,
	ParamKey::GovernanceStageDuration(0),
	ParamKey::GovernanceStageDuration(1),
	ParamKey::GovernanceStageDuration(2),
	ParamKey::GovernanceStageDuration(3),
	ParamKey::GovernanceStageWinRatio(0),
	ParamKey::GovernanceStageWinRatio(2),
	ParamKey::GovernanceStageQuorum(1),
	ParamKey::GovernanceProposalFee,
	ParamKey::GovernanceProposalDeposit,
	ParamKey::GovernanceMaxAttempts,
	ParamKey::BusinessPoolDuration,
	ParamKey::BusinessMinRequestFee,
	ParamKey::ForumPostDeposit,
];

/// How a proposal picks its value.
#[derive(Debug, Clone)]
enum Value {
	/// `current × permille / 1000`: mostly within ×½..×2, sometimes just outside.
	Scaled(u128),
	/// Any small value.
	Raw(u128),
	/// An extreme.
	Extreme(u128),
}

fn value() -> impl Strategy<Value = Value> {
	prop_oneof![
		7 => (400u128..=2_100).prop_map(Value::Scaled),
		2 => (0u128..=2_000).prop_map(Value::Raw),
		1 => prop::sample::select(vec![0, 1, u128::MAX, 10u128.pow(30)]).prop_map(Value::Extreme),
	]
}

fn batches() -> impl Strategy<Value = Vec<Vec<(usize, Value)>>> {
	proptest::collection::vec(proptest::collection::vec((0..KEYS.len(), value()), 1..=3), 1..=6)
}

fn resolve(key: ParamKey, value: &Value) -> u128 {
	let current = MockParameters::current(key).unwrap_or(0);
	match value {
		Value::Scaled(permille) => current.saturating_mul(*permille) / 1_000,
		Value::Raw(v) | Value::Extreme(v) => *v,
	}
}

/// Carry every proposal in `ids` through its stages: each REP holder stakes FOR every open
/// stage pool, splitting their free REP among the pools open at once.
fn drive(ids: &[u32]) {
	let mut staked: BTreeSet<PoolId> = BTreeSet::new();
	let start = System::block_number();
	while ids.iter().any(|id| state(*id).is_voting()) {
		let open: Vec<PoolId> = ids
			.iter()
			.filter(|id| state(**id).is_voting())
			.map(|id| current_pool(*id))
			.filter(|pool| !staked.contains(pool))
			.collect();
		for who in [ALICE, BOB, DAVE, CAROL] {
			let share = <Reputation as ReputationLedger<AccountId>>::free(&who)
				/ (open.len().max(1) as u128);
			for pool in &open {
				if share > 0 {
					let _ = ValidationPool::stake(RuntimeOrigin::signed(who), *pool, share, true);
				}
			}
		}
		staked.extend(open);
		run_to_block(System::block_number() + 1);
		assert!(System::block_number() < start + 200_000, "proposals never end");
	}
}

/// What must hold after any sequence of proposals.
fn assert_governable() {
	assert_eq!(G::joint_breaches(None), Ok(vec![]), "the parameters hold together");
	for key in KEYS {
		// A stage that does not exist now has no value.
		let Some(value) = MockParameters::current(key) else { continue };
		let (min, max) = MockParameters::hard_range(key).expect("a hard range");
		assert!(min <= value && value <= max, "{key:?} = {value} outside {min}..={max}");
	}
	let p = crate::Params::<Test>::get();
	let (low, high) = <ValidationPool as guild_primitives::ValidationPools<
		AccountId,
		u128,
		BlockNumber,
	>>::duration_bounds();
	assert!(p.stages.len() >= 2);
	assert!(p.stages.iter().all(|s| low <= s.duration && s.duration <= high));
	assert!(
		p.proposal_fee
			>= <ValidationPool as guild_primitives::ValidationPools<
				AccountId,
				u128,
				BlockNumber,
			>>::min_fee()
	);
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(48))]

	#[test]
	fn no_sequence_of_proposals_makes_governance_impossible(batches in batches()) {
		ExtBuilder::default().build_and_execute(|| {
			for batch in &batches {
				let mut ids = Vec::new();
				for (k, v) in batch {
					let key = KEYS[*k];
					let change = Change::SetParameter { key, value: resolve(key, v) };
					let post = new_post(&[(CAROL, guild_primitives::PPM)]);
					let id = crate::NextProposalId::<Test>::get();
					if Governance::propose(RuntimeOrigin::signed(CAROL), post, change).is_ok() {
						ids.push(id);
					}
				}
				drive(&ids);
				assert_governable();
			}

			// Governance still passes a proposal: backed by a holder with REP to spare (the
			// stage fee may have grown beyond the few hundred REP of the tests' holders).
			let plenty = 10_000_000;
			<Reputation as ReputationLedger<AccountId>>::mint_unowned(plenty);
			frame_support::assert_ok!(
				<Reputation as ReputationLedger<AccountId>>::grant(&ALICE, plenty)
			);
			let attempts = crate::Params::<Test>::get().max_attempts;
			let value = if attempts < crate::MAX_ATTEMPTS { attempts + 1 } else { attempts - 1 };
			let id = propose(Change::SetParameter {
				key: ParamKey::GovernanceMaxAttempts,
				value: value.into(),
			});
			drive(&[id]);
			assert!(
				matches!(state(id), ProposalState::Enacted { .. }),
				"the last proposal ended {:?}",
				state(id)
			);
			assert_eq!(crate::Params::<Test>::get().max_attempts, value);
		});
	}
}
