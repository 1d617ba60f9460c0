//! Property test: random pools (REP holdings, fee, parameters, stakes and sides).
//!
//! For every case: a failed stake changes nothing and fails with the error the rules predict (a
//! full pool evicting its smallest stake for a larger one); the outcome is the consent quorum and
//! the floored win test of §4 computed here in exact arithmetic; every account ends with
//! the REP a model of §4 predicts; REP is conserved (`Σ REP after + burned = Σ REP before + M`,
//! nothing left unowned, the ledger's invariant) and no account that neither staked nor authored
//! gains anything; the fee goes to the salary (pro rata to the holdings before the pool's REP
//! moved) or back to the initiator less the quorum-miss share; the native token is conserved
//! (checked by the builder).

use super::mock::*;
use crate::Error;
use guild_primitives::{PoolOutcome, Rep, PPM};
use proptest::prelude::*;
use sp_runtime::{FixedPointNumber, FixedU128, Perbill, StateVersion};
use std::collections::BTreeMap;

const ACCOUNTS: [AccountId; 6] = [ALICE, BOB, CAROL, DAVE, EVE, FERDIE];
const BILLION: u128 = 1_000_000_000;

#[derive(Debug, Clone)]
struct Case {
	rep: Vec<Rep>,
	fee: u128,
	ratio_quarters: u128,
	quorum: u32,
	win: u32,
	binding: u32,
	stake_for_author: u32,
	redistribute: bool,
	two_authors: bool,
	stakes: Vec<(usize, Rep, bool)>,
}

/// A Perbill that is often a round value and sometimes any value.
fn perbill(min: u32) -> impl Strategy<Value = u32> {
	prop_oneof![
		prop::sample::select(vec![
			0u32,
			100_000_000,
			333_333_333,
			500_000_000,
			666_666_667,
			1_000_000_000
		])
		.prop_map(move |p| p.max(min)),
		min..=1_000_000_000u32,
	]
}

fn case() -> impl Strategy<Value = Case> {
	(
		prop::collection::vec(prop_oneof![Just(0u128), 1u128..400], 6),
		0u128..300,
		1u128..=12,
		(perbill(0), perbill(500_000_000), perbill(0), perbill(0)),
		any::<bool>(),
		any::<bool>(),
		prop::collection::vec(
			(0usize..6, prop_oneof![Just(0u128), 1u128..250], any::<bool>()),
			0..12,
		),
	)
		.prop_map(
			|(
				rep,
				fee,
				ratio_quarters,
				(quorum, win, binding, stake_for_author),
				redistribute,
				two_authors,
				stakes,
			)| Case {
				rep,
				fee,
				ratio_quarters,
				quorum,
				win,
				binding,
				stake_for_author,
				redistribute,
				two_authors,
				stakes,
			},
		)
}

/// `floor(a × b / c)`, 0 when `c` is 0.
fn mul_div(a: u128, b: u128, c: u128) -> u128 {
	(a * b).checked_div(c).unwrap_or(0)
}

/// Split `amount` among `authors` by ppm weight, floor each, remainder to the first.
fn author_split(amount: Rep, authors: &[(AccountId, u32)], into: &mut BTreeMap<AccountId, Rep>) {
	let shares: Vec<Rep> =
		authors.iter().map(|(_, w)| amount * (*w as u128) / PPM as u128).collect();
	let remainder = amount - shares.iter().sum::<Rep>();
	for (i, ((who, _), share)) in authors.iter().zip(shares).enumerate() {
		*into.entry(*who).or_default() += share + if i == 0 { remainder } else { 0 };
	}
}

fn run_case(c: Case) {
	let genesis: Vec<(AccountId, Rep)> = ACCOUNTS
		.iter()
		.zip(&c.rep)
		.filter(|(_, r)| **r > 0)
		.map(|(a, r)| (*a, *r))
		.collect();
	let ratio = FixedU128::from_rational(c.ratio_quarters, 4);
	ExtBuilder::default()
		.with_rep(&genesis)
		.with_params(|p| {
			p.minting_ratio = ratio;
			p.quorum = Perbill::from_parts(c.quorum);
			p.win_ratio = Perbill::from_parts(c.win);
			p.binding = Perbill::from_parts(c.binding);
			p.stake_for_author = Perbill::from_parts(c.stake_for_author);
			p.redistribute_losing_stakes = c.redistribute;
		})
		.build_and_execute(|| {
			let authors: Vec<(AccountId, u32)> = if c.two_authors {
				vec![(CAROL, 700_000), (FERDIE, 300_000)]
			} else {
				vec![(CAROL, PPM)]
			};
			let post = new_post(&authors);
			let before: BTreeMap<AccountId, Rep> = ACCOUNTS.iter().map(|a| (*a, rep(*a))).collect();
			let total_before = total_rep();
			let burned_before = total_burned();
			let dao_before = balance(dao());

			let m = ratio.saturating_mul_int(c.fee);
			let res = ValidationPool::force_initiate(
				RuntimeOrigin::root(),
				INITIATOR,
				post,
				c.fee,
				Some(3),
			);
			if c.fee == 0 {
				assert_eq!(res, Err(Error::<Test>::FeeBelowMinimum.into()));
				return;
			}
			if m == 0 {
				assert_eq!(res, Err(Error::<Test>::FeeTooLow.into()));
				return;
			}
			res.unwrap();
			let pool = 0;
			let for_minted = Perbill::from_parts(c.stake_for_author).mul_floor(m);
			let against_minted = m - for_minted;

			// Stakes, each checked against what the rules predict. `seq` orders equal stakes: the
			// newest is evicted first.
			let mut stakes: BTreeMap<AccountId, (bool, Rep)> = BTreeMap::new();
			let mut seq: BTreeMap<AccountId, u32> = BTreeMap::new();
			for (n, (i, amount, side)) in c.stakes.iter().copied().enumerate() {
				let who = ACCOUNTS[i];
				// The smallest stake, the newest first among equals.
				let smallest =
					stakes.iter().map(|(a, (_, amt))| (*amt, std::cmp::Reverse(seq[a]), *a)).min();
				let mut evict = None;
				let expected: Result<(), Error<Test>> = if amount == 0 {
					Err(Error::ZeroStake)
				} else if stakes.get(&who).is_some_and(|(s, _)| *s != side) {
					Err(Error::AlreadyStakedOtherSide)
				} else if !stakes.contains_key(&who)
					&& stakes.len() as u32 == MAX_STAKERS
					&& smallest.is_none_or(|(a, _, _)| amount <= a)
				{
					Err(Error::StakeTooSmallForFullPool)
				} else if free(who) < amount {
					Err(Error::InsufficientFreeRep)
				} else {
					if !stakes.contains_key(&who) && stakes.len() as u32 == MAX_STAKERS {
						evict = smallest.map(|(_, _, a)| a);
					}
					Ok(())
				};
				let root = sp_io::storage::root(StateVersion::V1);
				let got = ValidationPool::stake(RuntimeOrigin::signed(who), pool, amount, side);
				assert_eq!(got, expected.map_err(Into::into), "stake {amount} by {who}");
				if got.is_ok() {
					if let Some(loser) = evict {
						stakes.remove(&loser);
						assert_eq!(held(loser), 0, "an evicted stake is released at once");
					}
					stakes.entry(who).or_insert((side, 0)).1 += amount;
					seq.insert(who, n as u32);
				} else {
					assert_eq!(
						root,
						sp_io::storage::root(StateVersion::V1),
						"a failed stake changed state"
					);
				}
			}

			// The rules of §4, exactly: the consent of non-authors against `quorum × total_rep`,
			// then the win test with the authors' minted stake at its floor.
			let for_stakes: Rep = stakes.values().filter(|(s, _)| *s).map(|(_, a)| a).sum();
			let against_stakes: Rep = stakes.values().filter(|(s, _)| !*s).map(|(_, a)| a).sum();
			let consent: Rep = stakes
				.iter()
				.filter(|(who, _)| !authors.iter().any(|(a, _)| a == *who))
				.map(|(_, (_, a))| a)
				.sum();
			let for_total = for_minted + for_stakes;
			let against_total = against_minted + against_stakes;
			let staked = for_total + against_total;
			assert_eq!(open_pool(pool).tally.for_total, for_total);
			assert_eq!(open_pool(pool).tally.against_total, against_total);
			assert_eq!(open_pool(pool).tally.consent(), consent);
			let expected_outcome = if consent * BILLION < c.quorum as u128 * total_before {
				PoolOutcome::QuorumNotMet
			} else if for_total * BILLION >= c.win as u128 * staked {
				PoolOutcome::Accepted
			} else {
				PoolOutcome::Rejected
			};

			run_to_block(open_pool(pool).end + 1);
			assert_eq!(outcome(pool), Some(expected_outcome));

			// What §4 says every account ends with.
			let mut expected = before.clone();
			let mut burned = 0;
			match expected_outcome {
				PoolOutcome::QuorumNotMet => burned = m,
				_ => {
					let accepted = expected_outcome == PoolOutcome::Accepted;
					let mut lost_total = 0;
					let mut winners_weight = if accepted { for_minted } else { 0 };
					for (who, (side, amount)) in &stakes {
						if *side == accepted {
							winners_weight += amount;
						} else {
							let lost = Perbill::from_parts(c.binding).mul_floor(*amount);
							lost_total += lost;
							*expected.get_mut(who).unwrap() -= lost;
						}
					}
					let mut pot = if accepted { against_minted } else { m };
					if c.redistribute {
						pot += lost_total
					} else {
						burned += lost_total
					}
					let mut paid = 0;
					for (who, (side, amount)) in &stakes {
						if *side == accepted {
							let reward = mul_div(pot, *amount, winners_weight);
							*expected.get_mut(who).unwrap() += reward;
							paid += reward;
						}
					}
					if accepted {
						let share = if winners_weight == 0 {
							pot
						} else {
							mul_div(pot, for_minted, winners_weight)
						};
						author_split(share, &authors, &mut expected);
						author_split(for_minted, &authors, &mut expected);
						paid += share;
					}
					burned += pot - paid;
				},
			}
			for who in ACCOUNTS {
				assert_eq!(rep(who), expected[&who], "REP of {who}");
				assert_eq!(held(who), 0, "{who} still has a pool stake");
			}

			// Conservation and nothing for nobody.
			assert_eq!(unowned(), 0);
			assert_eq!(total_burned() - burned_before, burned);
			let total_after: Rep = ACCOUNTS.iter().map(|a| rep(*a)).sum();
			assert_eq!(total_after + burned, total_before + m);
			assert_eq!(total_rep(), total_after);
			for who in ACCOUNTS {
				let author = authors.iter().any(|(a, _)| *a == who);
				if !author && !stakes.contains_key(&who) {
					assert_eq!(rep(who), before[&who], "{who} did nothing yet changed");
				}
			}

			// The fee: salary from the holdings before the pool's REP moved, or refunded.
			if expected_outcome == PoolOutcome::QuorumNotMet {
				// 10% of the fee (test_params) stays and is paid out as salary.
				let kept = c.fee / 10;
				assert_eq!(balance(INITIATOR), START_BALANCE - kept);
				assert_eq!(balance(dao()), dao_before + kept);
				for who in ACCOUNTS {
					let fair = mul_div(kept, before[&who], total_before);
					let got = claimable(who);
					assert!(got <= fair && got + 1 >= fair, "{who}: salary {got}, fair {fair}");
				}
			} else {
				assert_eq!(balance(INITIATOR), START_BALANCE - c.fee);
				assert_eq!(balance(dao()), dao_before + c.fee);
				if total_before == 0 {
					assert_eq!(pallet_reputation::UndistributedFees::<Test>::get(), c.fee);
				} else {
					for who in ACCOUNTS {
						let fair = mul_div(c.fee, before[&who], total_before);
						let got = claimable(who);
						assert!(got <= fair && got + 1 >= fair, "{who}: salary {got}, fair {fair}");
					}
				}
			}
		});
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	#[test]
	fn random_pools_follow_section_4(c in case()) {
		run_case(c);
	}
}
