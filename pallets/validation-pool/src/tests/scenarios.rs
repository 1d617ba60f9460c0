//! PROTOCOL.md §4 to the unit: the worked example and its variants, the empty DAO, the quorum,
//! ties, rejections, workers' stakes and the fee salary.

use super::mock::*;
use crate::{Event, Stakes};
use frame_support::assert_ok;
use guild_primitives::{PoolOutcome, PostStatus, Tally, ValidationPools, PPM};
use sp_runtime::Perbill;

fn initiate(post: u64, fee: u128) -> u64 {
	let pool = crate::NextPoolId::<Test>::get();
	assert_ok!(ValidationPool::force_initiate(RuntimeOrigin::root(), INITIATOR, post, fee, None));
	pool
}

fn stake(who: AccountId, pool: u64, amount: u128, in_favor: bool) {
	assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(who), pool, amount, in_favor));
}

/// Runs the hooks up to the first block after the pool's end, where it is evaluated.
fn end_pool(pool: u64) {
	run_to_block(open_pool(pool).end + 1);
	assert!(outcome(pool).is_some(), "evaluated in the first block after the end");
	assert_eq!(Stakes::<Test>::iter_prefix(pool).count(), 0, "stakes are removed");
}

/// Everyone's REP is free again (no pool stake left).
fn assert_all_released(accounts: &[AccountId]) {
	for who in accounts {
		assert_eq!(held(*who), 0, "{who} still has a pool stake");
	}
}

/// §4's worked example: Alice 100, Bob 50; Carol's post; fee 20 (M 20: 10 for, 10 against);
/// Alice 40 for, Bob 30 against; quorum 10%, win ratio 50%.
fn worked_example(binding: Perbill, redistribute: bool, expect: (u128, u128, u128, u128)) {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.with_params(|p| {
			p.binding = binding;
			p.redistribute_losing_stakes = redistribute;
		})
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, 20);
			stake(ALICE, pool, 40, true);
			stake(BOB, pool, 30, false);
			let dao_balance = balance(dao());
			end_pool(pool);

			assert_eq!(outcome(pool), Some(PoolOutcome::Accepted), "50/90 ≥ 50%");
			let (carol, alice, bob, burned) = expect;
			assert_eq!(rep(CAROL), carol);
			assert_eq!(rep(ALICE), alice);
			assert_eq!(rep(BOB), bob);
			assert_eq!(total_burned(), burned);
			assert_eq!(total_rep(), 150 + 20 - burned);
			assert_eq!(unowned(), 0);
			assert_all_released(&[ALICE, BOB, CAROL]);
			assert_eq!(post_status(post), PostStatus::Ratified);
			assert_eq!(post_value(post), 10, "for_minted is propagated into the post");
			// The fee stays in the DAO account as salary, shared by the holdings from before
			// the pool's REP moved: Alice 100/150, Bob 50/150 of 20; Carol held nothing.
			assert_eq!(balance(dao()), dao_balance);
			assert_eq!(claimable(ALICE), 13);
			assert_eq!(claimable(BOB), 6);
			assert_eq!(claimable(CAROL), 0);
			System::assert_has_event(
				Event::<Test>::PoolResolved {
					pool,
					post,
					outcome: PoolOutcome::Accepted,
					for_total: 50,
					against_total: 40,
				}
				.into(),
			);
			System::assert_has_event(Event::<Test>::FeePaidOut { pool, fee: 20 }.into());
			assert_eq!(
				resolved_log(),
				vec![(
					pool,
					post,
					PoolOutcome::Accepted,
					Tally {
						for_total: 50,
						against_total: 40,
						consent_for: 40,
						consent_against: 30
					}
				)]
			);
		});
}

#[test]
fn worked_example_binding_100_redistribute() {
	// Pot 10 + 30 = 40 → Carol 8, Alice 32; Carol also gets the 10 propagated into P.
	worked_example(Perbill::from_percent(100), true, (18, 132, 20, 0));
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, 20);
			stake(ALICE, pool, 40, true);
			stake(BOB, pool, 30, false);
			end_pool(pool);
			for (who, returned, lost, reward) in
				[(ALICE, 40, 0, 32), (BOB, 0, 30, 0), (CAROL, 0, 0, 8)]
			{
				System::assert_has_event(
					Event::<Test>::StakeSettled { pool, who, returned, lost, reward }.into(),
				);
			}
			assert!(!pool_events().iter().any(|e| matches!(e, Event::<Test>::RepBurned { .. })));
		});
}

#[test]
fn worked_example_binding_50() {
	// Bob loses 15: pot 25 → Carol 5, Alice 20.
	worked_example(Perbill::from_percent(50), true, (15, 120, 35, 0));
}

#[test]
fn worked_example_without_redistribution() {
	// Bob's 30 is burned: pot 10 → Carol 2, Alice 8.
	worked_example(Perbill::from_percent(100), false, (12, 108, 20, 30));
}

#[test]
fn a_first_pool_in_an_empty_dao_opened_by_root_passes_on_an_even_fee() {
	for fee in [2u128, 20, 1_000] {
		ExtBuilder::default().build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, fee);
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Accepted), "fee {fee}");
			assert_eq!(rep(CAROL), fee, "the author gets all of M");
			assert_eq!(total_rep(), fee);
			assert_eq!(total_burned(), 0);
			assert_eq!(post_status(post), PostStatus::Ratified);
			// Nobody held REP: the fee waits in the DAO account for the next payout.
			assert_eq!(pallet_reputation::UndistributedFees::<Test>::get(), fee);
		});
	}
}

#[test]
fn the_win_test_counts_the_authors_minted_stake_at_its_floor() {
	// An odd M stakes floor(M / 2) for and the rest against: 110 : 111 is a rejection, and
	// with nobody against the pot is burned. Root bootstraps an empty DAO with an even fee.
	for fee in [1u128, 21, 221] {
		ExtBuilder::default().build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, fee);
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Rejected), "fee {fee}");
			assert_eq!(rep(CAROL), 0);
			assert_eq!(total_burned(), fee);
			assert_eq!(post_status(post), PostStatus::Rejected);
		});
	}
	// The same with a FOR holder: 110 + 0 for, 111 against.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 1_000)])
		.with_params(|p| p.quorum = Perbill::zero())
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, 221);
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Rejected));
		});
}

#[test]
fn the_authors_split_their_share_by_weight_with_the_remainder_to_the_first() {
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(CAROL, 600_000), (DAVE, 400_000)]);
		// M 26: 13 for, 13 against (a tie). Propagation (forum): 13 → Carol 7 + 1, Dave 5.
		// Pot 13, all of it the authors' share: Carol 7 + 1, Dave 5.
		let pool = initiate(post, 26);
		end_pool(pool);
		assert_eq!(outcome(pool), Some(PoolOutcome::Accepted));
		assert_eq!(rep(CAROL), 8 + 8);
		assert_eq!(rep(DAVE), 5 + 5);
		System::assert_has_event(
			Event::<Test>::StakeSettled { pool, who: CAROL, returned: 0, lost: 0, reward: 8 }
				.into(),
		);
		System::assert_has_event(
			Event::<Test>::StakeSettled { pool, who: DAVE, returned: 0, lost: 0, reward: 5 }.into(),
		);
	});
}

#[test]
fn quorum_not_met_releases_stakes_burns_the_mint_and_refunds_the_fee() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 1_000), (BOB, 50)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let dao_balance = balance(dao());
			let pool = initiate(post, 20);
			stake(BOB, pool, 30, false);
			// Consent 30 < 10% × 1050 = 105.
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::QuorumNotMet));
			assert_eq!((free(BOB), held(BOB)), (50, 0));
			assert_eq!(rep(ALICE), 1_000);
			assert_eq!(rep(CAROL), 0);
			assert_eq!(total_burned(), 20);
			assert_eq!(total_minted(), 1_050 + 20);
			assert_eq!(total_rep(), 1_050);
			// The fee goes back less quorum_miss_fee (10%): 2 joins the fee salary.
			assert_eq!(balance(INITIATOR), START_BALANCE - 2, "fee refunded less 10%");
			assert_eq!(balance(dao()), dao_balance + 2);
			assert_eq!(claimable(ALICE), 1, "2 × 1000 / 1050, floored");
			assert_eq!(claimable(BOB), 0, "2 × 50 / 1050, floored");
			assert_eq!(post_status(post), PostStatus::Open);
			System::assert_has_event(
				Event::<Test>::FeeRefunded { pool, initiator: INITIATOR, fee: 18, kept: 2 }.into(),
			);
			System::assert_has_event(Event::<Test>::RepBurned { pool, amount: 20 }.into());
			System::assert_has_event(
				Event::<Test>::StakeSettled { pool, who: BOB, returned: 30, lost: 0, reward: 0 }
					.into(),
			);
			assert_eq!(resolved_log()[0].2, PoolOutcome::QuorumNotMet);
			// The post may get a new pool.
			let again = initiate(post, 20);
			assert_eq!(again, pool + 1);
		});
}

#[test]
fn the_quorum_is_compared_exactly() {
	// Consent base 150; 59.5% of it is 89.25: Alice's 89 is short, 90 is enough.
	for (alice_stake, expected) in [(89, PoolOutcome::QuorumNotMet), (90, PoolOutcome::Accepted)] {
		ExtBuilder::default()
			.with_rep(&[(ALICE, 100), (BOB, 50)])
			.with_params(|p| p.quorum = Perbill::from_parts(595_000_000))
			.build_and_execute(|| {
				let post = new_post(&[(CAROL, PPM)]);
				let pool = initiate(post, 20);
				stake(ALICE, pool, alice_stake, true);
				end_pool(pool);
				assert_eq!(outcome(pool), Some(expected), "Alice staked {alice_stake}");
			});
	}
}

#[test]
fn a_quorum_met_exactly_counts() {
	// Base 200; 10% of it is exactly Alice's 20: met.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 100)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, 20);
			stake(ALICE, pool, 20, true);
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Accepted));
		});
	// One more unit of REP held anywhere and the same pool falls short.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 101)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, 20);
			stake(ALICE, pool, 20, true);
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::QuorumNotMet));
		});
}

#[test]
fn the_authors_own_stakes_are_not_consent() {
	// Carol holds all the REP and stakes it for her own post: no consent, no REP bought.
	ExtBuilder::default().with_rep(&[(CAROL, 1_000)]).build_and_execute(|| {
		let post = new_post(&[(CAROL, PPM)]);
		let pool = initiate(post, 500);
		stake(CAROL, pool, 1_000, true);
		end_pool(pool);
		assert_eq!(outcome(pool), Some(PoolOutcome::QuorumNotMet));
		assert_eq!(rep(CAROL), 1_000, "nothing minted for her");
		assert_eq!(total_burned(), 500);
	});
}

#[test]
fn a_tie_passes_and_one_unit_less_is_rejected() {
	// 10 + 30 for, 10 + 30 against: a tie, accepted. Pot 10 + 30 = 40 over FOR weight 40.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, 20);
			stake(ALICE, pool, 30, true);
			stake(BOB, pool, 30, false);
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Accepted));
			assert_eq!((rep(CAROL), rep(ALICE), rep(BOB)), (10 + 10, 130, 20));
		});
	// 39 for against 40: rejected. Pot = 10 + 10 + 29 lost = 49, all to Bob.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, 20);
			stake(ALICE, pool, 29, true);
			stake(BOB, pool, 30, false);
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Rejected));
			assert_eq!((rep(CAROL), rep(ALICE), rep(BOB)), (0, 71, 50 + 49));
			assert_eq!(post_status(post), PostStatus::Rejected);
			assert_eq!(total_burned(), 0);
		});
}

#[test]
fn a_win_ratio_above_one_half_needs_that_share() {
	// Two thirds: 60 of 90 passes, 59 of 89 does not.
	for (alice_stake, expected) in [(50, PoolOutcome::Accepted), (49, PoolOutcome::Rejected)] {
		ExtBuilder::default()
			.with_rep(&[(ALICE, 100), (BOB, 50)])
			.with_params(|p| p.win_ratio = Perbill::from_rational(2u32, 3u32))
			.build_and_execute(|| {
				let post = new_post(&[(CAROL, PPM)]);
				let pool = initiate(post, 20);
				stake(ALICE, pool, alice_stake, true);
				stake(BOB, pool, 20, false);
				end_pool(pool);
				assert_eq!(outcome(pool), Some(expected), "Alice staked {alice_stake}");
			});
	}
}

#[test]
fn a_rejection_with_no_account_against_burns_the_pot() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100)])
		.with_params(|p| p.stake_for_author = Perbill::zero())
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, 20);
			stake(ALICE, pool, 10, true);
			// 10 for, 20 against (unowned): rejected. Pot 0 + 20 + 10 lost, nobody to take it.
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Rejected));
			assert_eq!(rep(ALICE), 90);
			assert_eq!(rep(CAROL), 0);
			assert_eq!(total_burned(), 30);
			assert_eq!(total_rep(), 90);
			assert_eq!(post_status(post), PostStatus::Rejected);
			System::assert_has_event(Event::<Test>::RepBurned { pool, amount: 30 }.into());
			// The salary is paid on a rejection too, from the holdings before the loss.
			assert_eq!(claimable(ALICE), 20);
		});
}

#[test]
fn a_rejection_pays_the_accounts_against_and_burns_the_split_remainder() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 50), (EVE, 30)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let pool = initiate(post, 20);
			stake(ALICE, pool, 10, true);
			stake(BOB, pool, 25, false);
			stake(EVE, pool, 20, false);
			// 20 for, 55 against. Pot = 10 + 10 + 10 lost = 30 over 45: Bob 16, Eve 13, 1 burned.
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Rejected));
			assert_eq!((rep(ALICE), rep(BOB), rep(EVE), rep(CAROL)), (90, 66, 43, 0));
			assert_eq!(total_burned(), 1);
			assert_eq!(total_rep(), 180 + 20 - 1);
			assert_all_released(&[ALICE, BOB, EVE]);
			System::assert_has_event(
				Event::<Test>::StakeSettled { pool, who: BOB, returned: 25, lost: 0, reward: 16 }
					.into(),
			);
			System::assert_has_event(
				Event::<Test>::StakeSettled { pool, who: ALICE, returned: 0, lost: 10, reward: 0 }
					.into(),
			);
		});
}

fn open_with_worker(post: u64, worker_stake: u128) -> u64 {
	<ValidationPool as ValidationPools<_, _, _>>::open(
		&INITIATOR,
		post,
		20,
		10,
		None,
		Some((DAVE, worker_stake)),
	)
	.unwrap()
}

#[test]
fn a_winning_worker_keeps_the_availability_hold_and_earns_a_share() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (DAVE, 100)])
		.build_and_execute(|| {
			hold_availability(DAVE, 60);
			let post = new_post(&[(DAVE, PPM)]);
			let pool = open_with_worker(post, 50);
			stake(ALICE, pool, 20, false);
			// 10 + 50 for, 10 + 20 against: accepted. Pot 10 + 20 = 30 over 60:
			// Dave's stake 25, the authors' (Dave's) minted stake 5; Dave also gets the 10
			// propagated.
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Accepted));
			assert_eq!(availability(DAVE), 60, "the worker's stake stays held as availability");
			assert_eq!(free(DAVE), 40 + 25 + 5 + 10);
			assert_eq!(rep(ALICE), 80);
			System::assert_has_event(
				Event::<Test>::StakeSettled { pool, who: DAVE, returned: 50, lost: 0, reward: 25 }
					.into(),
			);
		});
}

#[test]
fn a_losing_worker_is_slashed_from_the_availability_hold() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (DAVE, 100)])
		.build_and_execute(|| {
			hold_availability(DAVE, 60);
			let post = new_post(&[(DAVE, PPM)]);
			let pool = open_with_worker(post, 50);
			stake(ALICE, pool, 100, false);
			// 60 for, 110 against: rejected. Dave loses all 50; pot 20 + 50 = 70 → Alice.
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Rejected));
			assert_eq!((free(DAVE), availability(DAVE)), (40, 10));
			assert_eq!(rep(ALICE), 170);
			assert_eq!(total_rep(), 220);
			assert_eq!(post_status(post), PostStatus::Rejected);
		});
}

#[test]
fn a_worker_loses_from_the_pool_stake_first_then_from_availability() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (DAVE, 100)])
		.with_params(|p| p.binding = Perbill::from_percent(50))
		.build_and_execute(|| {
			hold_availability(DAVE, 60);
			let post = new_post(&[(DAVE, PPM)]);
			let pool = open_with_worker(post, 50);
			stake(DAVE, pool, 20, true);
			stake(ALICE, pool, 100, false);
			// 80 for, 110 against: rejected. Dave's stake 70 loses 35: 20 pool stake, 15
			// availability. Pot 20 + 35 = 55 → Alice.
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::Rejected));
			assert_eq!((free(DAVE), held(DAVE), availability(DAVE)), (20, 0, 45));
			assert_eq!(rep(ALICE), 155);
			System::assert_has_event(
				Event::<Test>::StakeSettled { pool, who: DAVE, returned: 35, lost: 35, reward: 0 }
					.into(),
			);
		});
}

#[test]
fn a_quorum_failure_leaves_the_workers_availability_untouched() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 10_000), (DAVE, 100)])
		.build_and_execute(|| {
			hold_availability(DAVE, 60);
			let post = new_post(&[(DAVE, PPM)]);
			let pool = open_with_worker(post, 50);
			end_pool(pool);
			assert_eq!(outcome(pool), Some(PoolOutcome::QuorumNotMet));
			assert_eq!((free(DAVE), availability(DAVE)), (40, 60));
		});
}

#[test]
fn an_accepted_pool_propagates_through_citations_and_releases_the_deposit() {
	// PROTOCOL.md §3's first example, reached through pools in an empty DAO (no quorum asked).
	ExtBuilder::default()
		.with_params(|p| p.quorum = Perbill::zero())
		.build_and_execute(|| {
			let p1 = new_post(&[(ALICE, PPM)]);
			let first = initiate(p1, 20);
			end_pool(first);
			// Alice: 10 propagated into P1 + the pot of 10.
			assert_eq!((post_value(p1), rep(ALICE)), (10, 20));
			assert_eq!(post_deposit(p1), 0, "ratification releases the deposit");
			assert_eq!(Balances::reserved_balance(ALICE), 0);

			let p2 = new_post_citing(&[(CAROL, PPM)], &[(p1, 300_000)]);
			let second = initiate(p2, 20);
			end_pool(second);
			assert_eq!(outcome(second), Some(PoolOutcome::Accepted));
			// P1 gets 3 of the 10 (Alice +3), P2 keeps 7 (Carol), and Carol takes the pot of 10.
			assert_eq!((post_value(p1), post_value(p2)), (13, 7));
			assert_eq!((rep(ALICE), rep(CAROL)), (23, 17));
			assert_eq!(total_rep(), 40);
		});
}

#[test]
fn a_rejection_releases_the_posts_deposit() {
	ExtBuilder::default().with_rep(&[(BOB, 100)]).build_and_execute(|| {
		let post = new_post(&[(CAROL, PPM)]);
		let pool = initiate(post, 20);
		stake(BOB, pool, 50, false);
		end_pool(pool);
		assert_eq!(outcome(pool), Some(PoolOutcome::Rejected));
		assert_eq!(post_status(post), PostStatus::Rejected);
		assert_eq!(post_deposit(post), 0, "the first judgement releases the deposit");
		assert_eq!(Balances::reserved_balance(CAROL), 0);
		// Pot 10 + 10 = 20 → Bob, the only account against.
		assert_eq!(rep(BOB), 120);
	});
}
