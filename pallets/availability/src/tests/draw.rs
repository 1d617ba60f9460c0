//! The draw, binding, release and slash through `ExpertPool`, and the draw's fairness.

use super::mock::*;
use crate::{Event, Pallet};
use guild_primitives::{ExpertPool, RepHoldReason, ReputationLedger};
use sp_runtime::Perbill;

#[test]
fn nobody_is_drawn_from_an_empty_list() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Availability::draw(0, 0, &[]), None);
		assert!(events().is_empty());
	});
}

#[test]
fn a_draw_binds_the_stake_to_the_request() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		assert_eq!(Availability::draw(42, 3, &[]), Some((ALICE, 100)));
		assert_eq!(Availability::assignment(&ALICE), Some(42));
		assert!(candidates().is_empty());
		assert_eq!(held(ALICE), 100, "still held");
		System::assert_last_event(
			Event::<Test>::ExpertDrawn { request: 42, who: ALICE, stake: 100 }.into(),
		);
		assert_eq!(Availability::draw(43, 0, &[]), None, "a bound stake is not drawn twice");
		Availability::release(&ALICE);
		assert_eq!(Availability::assignment(&ALICE), None);
		assert_eq!(candidates(), vec![ALICE]);
		System::assert_last_event(
			Event::<Test>::StakeReleased { who: ALICE, request: 42, stake: 100 }.into(),
		);
	});
}

#[test]
fn expired_and_excluded_stakes_are_not_drawn() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 5);
		stake(BOB, 100, 50);
		stake(CAROL, 100, 50);
		run_to_block(5);
		for request in 0..50 {
			let (who, _) = Availability::draw(request, 0, &[BOB]).unwrap();
			assert_eq!(who, CAROL, "Alice expired, Bob excluded");
			Availability::release(&CAROL);
		}
		assert_eq!(Availability::draw(99, 0, &[BOB, CAROL]), None);
	});
}

/// The experts drawn for requests 0..20 (attempts 0..3) with randomness `seed`.
fn drawn_with(seed: u64) -> Vec<AccountId> {
	let mut drawn = vec![];
	ExtBuilder::default().build_and_execute(|| {
		RandomSeed::set(seed);
		for who in [ALICE, BOB, CAROL, DAVE] {
			stake(who, 100, 1_000);
		}
		for request in 0..20u64 {
			let (who, _) = Availability::draw(request, (request % 3) as u32, &[]).unwrap();
			Availability::release(&who);
			drawn.push(who);
		}
	});
	drawn
}

#[test]
fn the_draw_depends_on_the_randomness_the_request_and_the_attempt_only() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ne!(Pallet::<Test>::seed(1, 0), Pallet::<Test>::seed(2, 0));
		assert_ne!(Pallet::<Test>::seed(1, 0), Pallet::<Test>::seed(1, 1));
		let seed = Pallet::<Test>::seed(1, 0);
		assert!(seed.is_some());
		RandomSeed::set(7);
		assert_ne!(Pallet::<Test>::seed(1, 0), seed, "the randomness changes the seed");
		RandomSeed::set(0);
		assert_eq!(Pallet::<Test>::seed(1, 0), seed);
		run_to_block(2);
		assert_ne!(Pallet::<Test>::seed(1, 0), seed, "each block brings new randomness");
	});
	let first = drawn_with(0);
	assert_eq!(drawn_with(0), first, "the same inputs draw the same experts");
	assert_ne!(drawn_with(1), first, "other randomness, other draws");
	let mut distinct = first.clone();
	distinct.sort();
	distinct.dedup();
	assert!(distinct.len() >= 3, "20 draws over 4 equal stakes: {first:?}");
}

#[test]
fn release_keeps_what_a_pool_left_of_the_stake() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		assert!(Availability::draw(1, 0, &[]).is_some());
		// A pool takes 30 of the bound stake (a rejected worker's loss), then burns it.
		assert!(<Reputation as ReputationLedger<AccountId>>::slash_held(
			&ALICE,
			RepHoldReason::Availability,
			30
		)
		.is_ok());
		assert!(<Reputation as ReputationLedger<AccountId>>::burn_unowned(30).is_ok());
		Availability::release(&ALICE);
		assert_eq!(Availability::stake_of(&ALICE), 70);
		assert_eq!(crate::Candidates::<Test>::get(StakeKind::Requests)[0].amount, 70);
		System::assert_last_event(
			Event::<Test>::StakeReleased { who: ALICE, request: 1, stake: 70 }.into(),
		);
	});
}

#[test]
fn a_stake_a_pool_took_entirely_is_removed_on_release() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		assert!(Availability::draw(1, 0, &[]).is_some());
		assert!(<Reputation as ReputationLedger<AccountId>>::slash_held(
			&ALICE,
			RepHoldReason::Availability,
			100
		)
		.is_ok());
		assert!(<Reputation as ReputationLedger<AccountId>>::burn_unowned(100).is_ok());
		Availability::release(&ALICE);
		assert!(stake_record(ALICE).is_none());
		assert!(candidates().is_empty());
		assert_eq!(crate::StakeCount::<Test>::get(StakeKind::Requests), 0);
	});
}

#[test]
fn release_of_an_unbound_or_missing_stake_does_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		Availability::release(&ALICE);
		stake(ALICE, 100, 50);
		let before = events().len();
		Availability::release(&ALICE);
		assert_eq!(events().len(), before);
		assert_eq!(candidates(), vec![ALICE]);
	});
}

#[test]
fn a_slash_burns_a_share_of_a_bound_stake() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 101, 50);
		assert!(Availability::draw(1, 0, &[]).is_some());
		let total = total_rep();
		assert_eq!(Availability::slash(&ALICE, Perbill::from_percent(50)), 50, "rounded down");
		assert_eq!((Availability::stake_of(&ALICE), held(ALICE)), (51, 51));
		assert_eq!(total_rep(), total - 50);
		assert_eq!(burned(), 50);
		assert_eq!(Availability::assignment(&ALICE), Some(1), "still bound");
		System::assert_has_event(
			Event::<Test>::StakeSlashed {
				who: ALICE,
				kind: StakeKind::Requests,
				burned: 50,
				remaining: 51,
			}
			.into(),
		);
		Availability::release(&ALICE);
		assert_eq!(crate::Candidates::<Test>::get(StakeKind::Requests)[0].amount, 51);
	});
}

#[test]
fn a_slash_of_an_unbound_stake_updates_its_candidate_or_removes_it() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		stake(BOB, 100, 50);
		assert_eq!(Availability::slash(&ALICE, Perbill::from_percent(10)), 10);
		assert_eq!(crate::Candidates::<Test>::get(StakeKind::Requests)[0].amount, 90);
		assert_eq!(Availability::slash(&BOB, Perbill::one()), 100);
		assert!(stake_record(BOB).is_none());
		assert_eq!(candidates(), vec![ALICE]);
		assert_eq!(Availability::slash(&CAROL, Perbill::one()), 0, "no stake, nothing burned");
		assert_eq!(burned(), 110);
	});
}

#[test]
fn a_bound_stake_slashed_to_nothing_is_removed_on_release() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		assert!(Availability::draw(1, 0, &[]).is_some());
		assert_eq!(Availability::slash(&ALICE, Perbill::one()), 100);
		assert_eq!(Availability::assignment(&ALICE), Some(1));
		Availability::release(&ALICE);
		assert!(stake_record(ALICE).is_none());
		assert_eq!(free(ALICE), START_REP - 100);
	});
}

#[test]
fn draw_and_release_weights_come_from_the_benchmarks() {
	use crate::WeightInfo;
	assert_eq!(
		<Availability as ExpertPool<AccountId>>::draw_weight(),
		<() as WeightInfo>::draw(MAX_EXPERTS)
	);
	assert_eq!(
		<Availability as ExpertPool<AccountId>>::release_weight(),
		<() as WeightInfo>::release().max(<() as WeightInfo>::slash())
	);
}

/// Over 10,000 draws (request ids 0..10,000 with the same randomness, as within one epoch),
/// each expert's share of the draws is within 3 percentage points of its share of the stake.
#[test]
fn draws_are_fair_to_within_three_points_over_ten_thousand_seeds() {
	let stakes = [(ALICE, 50), (BOB, 100), (CAROL, 150), (DAVE, 200), (EVE, 500)];
	ExtBuilder::default().build_and_execute(|| {
		for (who, amount) in stakes {
			stake(who, amount, 1_000_000);
		}
		let total: u128 = stakes.iter().map(|s| s.1).sum();
		let mut counts = std::collections::BTreeMap::<AccountId, u32>::new();
		const DRAWS: u64 = 10_000;
		for request in 0..DRAWS {
			let (who, amount) = Availability::draw(request, 0, &[]).unwrap();
			assert_eq!(amount, stakes.iter().find(|s| s.0 == who).unwrap().1);
			*counts.entry(who).or_default() += 1;
			Availability::release(&who);
			System::reset_events();
		}
		for (who, amount) in stakes {
			let share = counts.get(&who).copied().unwrap_or(0) as f64 / DRAWS as f64;
			let expected = amount as f64 / total as f64;
			assert!(
				(share - expected).abs() <= 0.03,
				"expert {who}: drawn {share:.4}, stake share {expected:.4}"
			);
		}
	});
}

/// The same, across 10,000 values of the chain's randomness for one request id.
#[test]
fn draws_are_fair_across_ten_thousand_randomness_values() {
	let stakes = [(ALICE, 1), (BOB, 9), (CAROL, 30), (DAVE, 60)];
	ExtBuilder::default().build_and_execute(|| {
		// A minimum of 1 so that the smallest stake is allowed.
		crate::Params::<Test>::mutate(|p| p.min_availability_stake = 1);
		for (who, amount) in stakes {
			stake(who, amount, 1_000_000);
		}
		let mut counts = std::collections::BTreeMap::<AccountId, u32>::new();
		for seed in 0..10_000u64 {
			RandomSeed::set(seed);
			let (who, _) = Availability::draw(5, 0, &[]).unwrap();
			*counts.entry(who).or_default() += 1;
			Availability::release(&who);
			System::reset_events();
		}
		for (who, amount) in stakes {
			let share = counts.get(&who).copied().unwrap_or(0) as f64 / 10_000.0;
			let expected = amount as f64 / 100.0;
			assert!(
				(share - expected).abs() <= 0.03,
				"expert {who}: drawn {share:.4}, stake share {expected:.4}"
			);
		}
	});
}

/// The experts drawn for requests 0..8 in block `block`, from the same stakes.
fn drawn_in_block(block: BlockNumber) -> Vec<AccountId> {
	let mut drawn = vec![];
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, BOB, CAROL, DAVE] {
			stake(who, 100, 1_000);
		}
		run_to_block(block);
		for request in 0..8u64 {
			let (who, _) = Availability::draw(request, 0, &[]).unwrap();
			Availability::release(&who);
			drawn.push(who);
		}
	});
	drawn
}

/// §6, §11.7: the draw uses the randomness of the block before the one it is made in, so what is
/// known in one block does not tell who a later block draws.
#[test]
fn the_drawn_expert_depends_on_the_block_of_the_draw() {
	let first = drawn_in_block(2);
	assert_eq!(drawn_in_block(2), first, "one block, one randomness");
	let later = drawn_in_block(3);
	assert_ne!(later, first, "the same requests draw other experts a block later");
	assert_ne!(drawn_in_block(4), later);
}

#[test]
fn nothing_is_drawn_without_randomness() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		NoRandomness::set(true);
		assert!(!Pallet::<Test>::randomness_ready());
		assert!(!<crate::RandomnessReady<Test> as frame_support::traits::Get<bool>>::get());
		assert_eq!(Pallet::<Test>::seed(1, 0), None);
		let before = events().len();
		assert_eq!(Availability::draw(1, 0, &[]), None);
		assert_eq!(events().len(), before);
		assert_eq!(Availability::assignment(&ALICE), None, "nothing is bound");
		assert_eq!(candidates(), vec![ALICE]);
		NoRandomness::set(false);
		assert!(Pallet::<Test>::randomness_ready());
		assert_eq!(Availability::draw(1, 0, &[]), Some((ALICE, 100)));
		// Block 0 has no parent: no randomness either.
		System::set_block_number(0);
		assert!(!Pallet::<Test>::randomness_ready());
		System::set_block_number(1);
	});
}

/// The pools take a rejected worker's loss through the pallet, so the stake record follows the
/// hold: the REP goes to the unowned pot, not burned.
#[test]
fn a_loss_moves_a_share_of_the_stake_into_the_pot() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 100, 50);
		stake(BOB, 60, 50);
		assert!(Availability::draw(1, 0, &[BOB]).is_some());
		let total = total_rep();
		assert_eq!(Pallet::<Test>::lose_to_pot(&ALICE, 30), 30);
		assert_eq!((Availability::stake_of(&ALICE), held(ALICE)), (70, 70));
		assert_eq!(pallet_reputation::Unowned::<Test>::get(), 30, "in the pot, not burned");
		assert_eq!(total_rep(), total - 30);
		assert_eq!(burned(), 0);
		System::assert_last_event(
			Event::<Test>::StakeLost { who: ALICE, amount: 30, remaining: 70 }.into(),
		);
		assert_eq!(Pallet::<Test>::lose_to_pot(&ALICE, 500), 70, "at most the stake");
		assert_eq!(Availability::assignment(&ALICE), Some(1), "a bound stake stays until released");
		// An unbound stake's candidate follows it; emptied, it is removed.
		assert_eq!(Pallet::<Test>::lose_to_pot(&BOB, 20), 20);
		assert_eq!(crate::Candidates::<Test>::get(StakeKind::Requests)[0].amount, 40);
		assert_eq!(Pallet::<Test>::lose_to_pot(&BOB, 40), 40);
		assert!(stake_record(BOB).is_none());
		assert_eq!(Pallet::<Test>::lose_to_pot(&CAROL, 10), 0, "no stake, nothing taken");
		// The pool would pay the pot out; here it is burned so that the books close.
		assert!(<Reputation as ReputationLedger<AccountId>>::burn_unowned(160).is_ok());
		Availability::release(&ALICE);
		assert!(stake_record(ALICE).is_none());
	});
}
