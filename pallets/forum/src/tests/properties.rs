//! Property tests over random post graphs and random propagations (PROTOCOL.md §2, §3):
//! - every propagation succeeds and applies exactly its amount: Σ REP grows by the amount less
//!   what the Incinerator burned, and the unowned pot is left as it was;
//! - no value or balance goes negative (a debit beyond an author's free REP would fail);
//! - a propagation makes at most `MaxPropagationVisits` visits;
//! - the same input from a fresh state gives the same state (determinism);
//! - both pallets' invariants hold after every step.

use super::mock::*;
use crate::{Event, ForumParams, RefTarget};
use frame_support::assert_ok;
use guild_primitives::{Forum as ForumT, RepHoldReason, ReputationLedger};
use proptest::prelude::*;

const PEOPLE: [AccountId; 5] = [ALICE, BOB, CAROL, DAVE, EVE];

/// A post to submit: author indices with raw weights, and citations as (older index or None for
/// the Incinerator, raw weight).
#[derive(Debug, Clone)]
struct PostSpec {
	authors: Vec<(usize, u32)>,
	references: Vec<(Option<usize>, i32)>,
}

#[derive(Debug, Clone)]
enum Op {
	Propagate { post: usize, amount: u128 },
	Hold { who: usize, amount: u128 },
	Release { who: usize, amount: u128 },
}

#[derive(Debug, Clone)]
struct Scenario {
	chain_limit: u32,
	max_visits: u32,
	posts: Vec<PostSpec>,
	ops: Vec<Op>,
}

fn post_spec() -> impl Strategy<Value = PostSpec> {
	(
		proptest::collection::vec((0..PEOPLE.len(), 1u32..100), 1..4),
		proptest::collection::vec(
			(proptest::option::weighted(0.85, 0usize..1_000), -100i32..=100),
			0..8,
		),
	)
		.prop_map(|(authors, references)| PostSpec { authors, references })
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		6 => (0usize..1_000, 1u128..100_000).prop_map(|(post, amount)| Op::Propagate { post, amount }),
		1 => (0..PEOPLE.len(), 0u128..5_000).prop_map(|(who, amount)| Op::Hold { who, amount }),
		1 => (0..PEOPLE.len(), 0u128..5_000).prop_map(|(who, amount)| Op::Release { who, amount }),
	]
}

fn scenario() -> impl Strategy<Value = Scenario> {
	(
		0u32..=5,
		prop_oneof![1u32..12, Just(256u32)],
		proptest::collection::vec(post_spec(), 1..40),
		proptest::collection::vec(op(), 1..30),
	)
		.prop_map(|(chain_limit, max_visits, posts, ops)| Scenario {
			chain_limit,
			max_visits,
			posts,
			ops,
		})
}

/// Turns raw author weights into distinct authors with weights summing to 1_000_000.
fn normalise_authors(raw: &[(usize, u32)]) -> Vec<(AccountId, u32)> {
	let mut authors: Vec<(AccountId, u32)> = Vec::new();
	for (who, w) in raw {
		if !authors.iter().any(|(a, _)| *a == PEOPLE[*who]) {
			authors.push((PEOPLE[*who], *w));
		}
	}
	let sum: u32 = authors.iter().map(|(_, w)| w).sum();
	for a in authors.iter_mut() {
		a.1 = a.1 * 1_000_000 / sum;
	}
	let split: u32 = authors.iter().map(|(_, w)| w).sum();
	authors[0].1 += 1_000_000 - split;
	authors
}

/// Turns raw citations of post `index` into valid ones: older targets, no duplicates, the
/// Incinerator positive, no zero weight, Σ |w| ≤ 1_000_000.
fn normalise_references(index: usize, raw: &[(Option<usize>, i32)]) -> Vec<(RefTarget, i32)> {
	let mut refs: Vec<(RefTarget, i32)> = Vec::new();
	for (target, w) in raw {
		let target = match target {
			Some(t) if index > 0 => RefTarget::Post((*t % index) as u64),
			Some(_) => continue,
			None => RefTarget::Incinerator,
		};
		let mut w = if *w == 0 { 1 } else { *w } * 10_000;
		if target == RefTarget::Incinerator {
			w = w.abs();
		}
		if !refs.iter().any(|(t, _)| *t == target) {
			refs.push((target, w));
		}
	}
	let total: i64 = refs.iter().map(|(_, w)| i64::from(w.unsigned_abs())).sum();
	if total > 1_000_000 {
		let n = refs.len() as i64;
		for r in refs.iter_mut() {
			let scaled = i64::from(r.1.unsigned_abs()) * (1_000_000 - n) / total + 1;
			r.1 = r.1.signum() * scaled as i32;
		}
	}
	refs
}

/// Runs the scenario from a fresh state, checking the properties; returns the final state root.
fn run(s: &Scenario) -> Vec<u8> {
	MaxVisits::set(s.max_visits);
	let mut ext = ExtBuilder::default().chain_limit(s.chain_limit).build();
	ext.execute_with(|| {
		for (i, spec) in s.posts.iter().enumerate() {
			let authors = normalise_authors(&spec.authors);
			let references = normalise_references(i, &spec.references);
			let total: u64 = references.iter().map(|(_, w)| u64::from(w.unsigned_abs())).sum();
			assert!(total <= 1_000_000);
			assert_eq!(submit(&authors, &references), i as u64);
		}
		check_invariants();

		for op in &s.ops {
			match op {
				Op::Propagate { post, amount } => {
					let post = (*post % s.posts.len()) as u64;
					let (rep, burned_before, pot) = (total_rep(), burned(), unowned());
					System::reset_events();
					<Reputation as ReputationLedger<AccountId>>::mint_unowned(*amount);
					assert_ok!(<Forum as ForumT<AccountId>>::propagate(post, *amount));
					let (visits, burned_now) = System::events()
						.iter()
						.find_map(|r| match r.event {
							RuntimeEvent::Forum(Event::Propagated { visits, burned, .. }) => {
								Some((visits, burned))
							},
							_ => None,
						})
						.expect("a propagation emits Propagated");
					assert!(visits >= 1 && visits <= s.max_visits, "{visits} visits");
					// Conservation: the amount is applied exactly (credits − debits + burns).
					assert_eq!(burned() - burned_before, burned_now);
					assert_eq!(total_rep() + burned_now, rep + amount);
					assert_eq!(unowned(), pot);
				},
				Op::Hold { who, amount } => {
					let who = PEOPLE[*who];
					let amount = (*amount).min(free(who));
					assert_ok!(<Reputation as ReputationLedger<AccountId>>::hold(
						&who,
						RepHoldReason::PoolStake,
						amount
					));
				},
				Op::Release { who, amount } => {
					let who = PEOPLE[*who];
					let held = <Reputation as ReputationLedger<AccountId>>::held(
						&who,
						RepHoldReason::PoolStake,
					);
					assert_ok!(<Reputation as ReputationLedger<AccountId>>::release(
						&who,
						RepHoldReason::PoolStake,
						(*amount).min(held)
					));
				},
			}
			check_invariants();
		}
		let params = crate::Params::<Test>::get();
		assert_eq!(
			params,
			ForumParams {
				reference_chain_limit: s.chain_limit,
				revaluation_limit: 1_000_000,
				post_deposit: DEPOSIT
			}
		);
		sp_io::storage::root(sp_runtime::StateVersion::V1)
	})
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(96))]

	#[test]
	fn random_graphs_and_propagations(s in scenario()) {
		let first = run(&s);
		let second = run(&s);
		prop_assert_eq!(first, second, "the same input gives the same state");
	}
}
