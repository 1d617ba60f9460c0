//! Propagation of minted REP through citations, PROTOCOL.md §3, to the unit.

use super::mock::*;
use crate::{Event, ForumParams, RefTarget};
use frame_support::{assert_noop, assert_ok};
use guild_primitives::{Forum as ForumT, RepHoldReason, ReputationLedger};

fn propagated(post: u64, amount: u128, burned: u128, visits: u32) {
	System::assert_last_event(Event::Propagated { post, amount, burned, visits }.into());
}

fn rep_event(e: pallet_reputation::Event<Test>) {
	System::assert_has_event(e.into());
}

fn set_chain_limit(limit: u32) {
	assert_ok!(Forum::set_params(
		RuntimeOrigin::root(),
		ForumParams {
			reference_chain_limit: limit,
			revaluation_limit: 1_000_000,
			post_deposit: DEPOSIT
		}
	));
}

#[test]
fn worked_example_donation() {
	// P1 (author A) holds 10. P2 (author B) cites P1 at +300_000 and is accepted with 10
	// minted for: P1 gets 3 (A +3, P1 = 13), P2 keeps 7 (B +7).
	ExtBuilder::default().build_and_execute(|| {
		let p1 = solo(ALICE, &[]);
		propagate(p1, 10);
		assert_eq!((value(p1), free(ALICE)), (10, 10));

		let p2 = solo(BOB, &[cite(p1, 300_000)]);
		propagate(p2, 10);
		propagated(p2, 10, 0, 2);
		assert_eq!((value(p1), free(ALICE)), (13, 13));
		assert_eq!((value(p2), free(BOB)), (7, 7));
		assert_eq!(total_rep(), 20);
		assert_eq!(unowned(), 0);
	});
}

#[test]
fn worked_example_leach_pair() {
	ExtBuilder::default().build_and_execute(|| {
		let p1 = solo(ALICE, &[]);
		propagate(p1, 10);

		// P2 cites P1 at −1_000_000, accepted with 10: P1 → 0 (A −10), P2 = 20.
		let p2 = solo(BOB, &[cite(p1, -1_000_000)]);
		propagate(p2, 10);
		assert_eq!((value(p1), free(ALICE)), (0, 0));
		assert_eq!((value(p2), free(BOB)), (20, 20));
		rep_event(pallet_reputation::Event::RepReclaimed { who: ALICE, amount: 10 });
		rep_event(pallet_reputation::Event::RepGranted { who: BOB, amount: 20 });

		// P3 cites P2 at −1_000_000, accepted with 10: P2 receives −10, passes +10 on to P1,
		// so P1 = 10, P2 = 0, P3 = 20.
		let p3 = solo(CAROL, &[cite(p2, -1_000_000)]);
		propagate(p3, 10);
		propagated(p3, 10, 0, 3);
		assert_eq!((value(p1), free(ALICE)), (10, 10));
		assert_eq!((value(p2), free(BOB)), (0, 0));
		assert_eq!((value(p3), free(CAROL)), (20, 20));
		// Total 30 = 3 × 10 minted.
		assert_eq!(total_rep(), 30);
		assert_eq!(pallet_reputation::TotalMinted::<Test>::get(), 30);
	});
}

#[test]
fn worked_example_chain_limit_3() {
	// P4 → P3 → P2 → P1 → P0 at +1_000_000: P3, P2, P1 are depths 1..3; the 10 minted for P4
	// all land on P1 and P0 gets nothing.
	ExtBuilder::default().chain_limit(3).build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		let p1 = solo(BOB, &[cite(p0, 1_000_000)]);
		let p2 = solo(CAROL, &[cite(p1, 1_000_000)]);
		let p3 = solo(DAVE, &[cite(p2, 1_000_000)]);
		let p4 = solo(EVE, &[cite(p3, 1_000_000)]);
		propagate(p4, 10);
		propagated(p4, 10, 0, 4);
		assert_eq!([value(p0), value(p1), value(p2), value(p3), value(p4)], [0, 10, 0, 0, 0]);
		assert_eq!([free(ALICE), free(BOB), free(CAROL), free(DAVE), free(EVE)], [0, 10, 0, 0, 0]);
	});
}

#[test]
fn the_depth_limit_follows_the_params() {
	ExtBuilder::default().build_and_execute(|| {
		// A chain P5 → P4 → … → P0.
		let mut chain = vec![solo(ALICE, &[])];
		for _ in 1..=5 {
			let prev = *chain.last().unwrap();
			chain.push(solo(ALICE, &[cite(prev, 1_000_000)]));
		}
		let top = chain[5];
		let values = || chain.iter().map(|p| value(*p)).collect::<Vec<_>>();

		set_chain_limit(0);
		propagate(top, 10);
		propagated(top, 10, 0, 1);
		assert_eq!(values(), vec![0, 0, 0, 0, 0, 10]);

		set_chain_limit(1);
		propagate(top, 10);
		assert_eq!(values(), vec![0, 0, 0, 0, 10, 10]);

		set_chain_limit(5);
		propagate(top, 10);
		propagated(top, 10, 0, 6);
		assert_eq!(values(), vec![10, 0, 0, 0, 10, 10]);
		assert_eq!(free(ALICE), 30);
	});
}

#[test]
fn the_incinerator_burns_its_share() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		let p1 = solo(BOB, &[(RefTarget::Incinerator, 250_000), cite(p0, 250_000)]);
		propagate(p1, 100);
		propagated(p1, 100, 25, 2);
		rep_event(pallet_reputation::Event::RepBurned { amount: 25 });
		assert_eq!((value(p0), free(ALICE)), (25, 25));
		assert_eq!((value(p1), free(BOB)), (50, 50));
		assert_eq!(burned(), 25);
		assert_eq!(total_rep(), 75);
		assert_eq!(unowned(), 0);
	});
}

#[test]
fn burned_rep_cannot_be_leached_back() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[(RefTarget::Incinerator, 500_000)]);
		propagate(p0, 10);
		assert_eq!((value(p0), free(ALICE), burned()), (5, 5, 5));

		// −10 flows into P0: the Incinerator's share of a leach is 0, so P0 takes it all, down
		// to zero.
		let p1 = solo(BOB, &[cite(p0, -1_000_000)]);
		propagate(p1, 10);
		propagated(p1, 10, 0, 2);
		assert_eq!((value(p0), free(ALICE)), (0, 0));
		assert_eq!((value(p1), free(BOB)), (15, 15));
		assert_eq!(burned(), 5);
		assert_eq!(total_rep(), 15);
	});
}

#[test]
fn the_remainder_of_an_author_split_goes_to_the_first_author() {
	ExtBuilder::default().build_and_execute(|| {
		let p = submit(&[(BOB, 333_333), (ALICE, 333_334), (CAROL, 333_333)], &[]);
		propagate(p, 10);
		// floor shares 3, 3, 3; the remainder 1 goes to Bob, listed first.
		assert_eq!([free(BOB), free(ALICE), free(CAROL)], [4, 3, 3]);
		assert_eq!(value(p), 10);
		propagate(p, 100);
		assert_eq!([free(BOB), free(ALICE), free(CAROL)], [4 + 34, 3 + 33, 3 + 33]);
	});
}

#[test]
fn the_remainder_of_a_debit_split_is_taken_from_the_first_author() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = submit(&[(ALICE, 500_000), (BOB, 500_000)], &[]);
		propagate(p0, 11);
		assert_eq!([free(ALICE), free(BOB)], [6, 5]);

		// −11 into P0: shares 5 and 5, the remainder 1 from Alice.
		let p1 = solo(CAROL, &[cite(p0, -1_000_000)]);
		propagate(p1, 11);
		assert_eq!([free(ALICE), free(BOB)], [0, 0]);
		assert_eq!(value(p0), 0);
		assert_eq!((value(p1), free(CAROL)), (22, 22));
	});
}

#[test]
fn a_leach_takes_only_free_rep() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		propagate(p0, 10);
		assert_ok!(<Reputation as ReputationLedger<AccountId>>::hold(
			&ALICE,
			RepHoldReason::PoolStake,
			8
		));

		// −10 into P0 meets Alice with 2 free and 8 held: 2 are taken, P0 keeps 8, and P1's
		// own share grows by what was taken.
		let p1 = solo(BOB, &[cite(p0, -1_000_000)]);
		propagate(p1, 10);
		assert_eq!(free(ALICE), 0);
		assert_eq!(
			<Reputation as ReputationLedger<AccountId>>::held(&ALICE, RepHoldReason::PoolStake),
			8
		);
		assert_eq!(value(p0), 8);
		assert_eq!((value(p1), free(BOB)), (12, 12));
		assert_eq!(total_rep(), 20);
	});
}

#[test]
fn a_leach_with_several_authors_respects_each_ones_free_rep() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = submit(&[(ALICE, 500_000), (BOB, 500_000)], &[]);
		propagate(p0, 20);
		assert_ok!(<Reputation as ReputationLedger<AccountId>>::hold(
			&BOB,
			RepHoldReason::Availability,
			10
		));
		// −20 into P0: Alice's share 10 is taken, Bob's share 10 meets 0 free REP.
		let p1 = solo(CAROL, &[cite(p0, -1_000_000)]);
		propagate(p1, 20);
		assert_eq!([free(ALICE), free(BOB)], [0, 0]);
		assert_eq!(value(p0), 10);
		assert_eq!((value(p1), free(CAROL)), (30, 30));
	});
}

#[test]
fn a_leach_never_takes_a_post_below_zero() {
	ExtBuilder::default().rep(&[(ALICE, 100)]).build_and_execute(|| {
		// P0 holds nothing: Alice's genesis REP is not the post's to lose.
		let p0 = solo(ALICE, &[]);
		let p1 = solo(BOB, &[cite(p0, -1_000_000)]);
		propagate(p1, 10);
		assert_eq!((value(p0), free(ALICE)), (0, 100));
		assert_eq!((value(p1), free(BOB)), (10, 10));

		// P2 holds 4: a −10 leach takes 4.
		let p2 = solo(ALICE, &[]);
		propagate(p2, 4);
		let p3 = solo(BOB, &[cite(p2, -1_000_000)]);
		propagate(p3, 10);
		assert_eq!((value(p2), free(ALICE)), (0, 100));
		assert_eq!(value(p3), 14);
		assert_eq!(free(BOB), 10 + 14);
	});
}

#[test]
fn a_debit_can_take_rep_credited_earlier_in_the_same_propagation() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		propagate(p0, 10);
		// Alice's REP is all held now: on chain she has nothing free.
		assert_ok!(<Reputation as ReputationLedger<AccountId>>::hold(
			&ALICE,
			RepHoldReason::PoolStake,
			10
		));
		let p1 = solo(ALICE, &[]);
		// P2 first donates 10 to P1 (Alice +10), then leaches 10 from P0 (Alice −10).
		let p2 = solo(BOB, &[cite(p1, 500_000), cite(p0, -500_000)]);
		System::reset_events();
		propagate(p2, 20);
		assert_eq!((value(p0), value(p1)), (0, 10));
		assert_eq!(free(ALICE), 0);
		assert_eq!((value(p2), free(BOB)), (20, 20));
		// Alice's moves net to zero: the ledger sees no move of hers at all.
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Reputation(
				pallet_reputation::Event::RepGranted { who: ALICE, .. }
					| pallet_reputation::Event::RepReclaimed { who: ALICE, .. }
			)
		)));
	});
}

#[test]
fn a_post_reached_twice_is_visited_twice() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		let p1 = solo(BOB, &[cite(p0, 500_000)]);
		let p2 = solo(CAROL, &[cite(p0, 500_000), cite(p1, 500_000)]);
		propagate(p2, 100);
		propagated(p2, 100, 0, 4);
		assert_eq!([value(p0), value(p1), value(p2)], [75, 25, 0]);
		assert_eq!([free(ALICE), free(BOB), free(CAROL)], [75, 25, 0]);
	});
}

#[test]
fn a_share_that_rounds_to_zero_is_not_a_visit() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		let p1 = solo(BOB, &[cite(p0, 1)]);
		propagate(p1, 10);
		propagated(p1, 10, 0, 1);
		assert_eq!((value(p0), value(p1)), (0, 10));
	});
}

#[test]
fn a_small_visit_cap_keeps_the_rest_on_the_post_that_would_pass_it_on() {
	ExtBuilder::default().chain_limit(3).build_and_execute(|| {
		MaxVisits::set(2);
		let p0 = solo(ALICE, &[]);
		let p1 = solo(BOB, &[cite(p0, 1_000_000)]);
		let p2 = solo(CAROL, &[cite(p1, 1_000_000)]);
		let p3 = solo(DAVE, &[cite(p2, 1_000_000)]);
		propagate(p3, 10);
		propagated(p3, 10, 0, 2);
		// P3 visits P2 (visit 2); P2's visit to P1 would be the third: P2 keeps the 10.
		assert_eq!([value(p0), value(p1), value(p2), value(p3)], [0, 0, 10, 0]);

		// Past the cap, the Incinerator still takes its share: it is not a post.
		MaxVisits::set(1);
		let p4 = solo(EVE, &[cite(p2, 500_000), (RefTarget::Incinerator, 250_000)]);
		propagate(p4, 100);
		propagated(p4, 100, 25, 1);
		assert_eq!((value(p2), value(p4)), (10, 75));
		assert_eq!(free(EVE), 75);
	});
}

#[test]
fn one_propagation_visits_at_most_256_posts() {
	// 300 leaves, 38 posts citing 8 leaves each, 5 citing 8 of those, and a root citing the 5:
	// 344 posts reachable within the chain limit, each citation at 10%.
	ExtBuilder::default().chain_limit(5).deposit(0).build_and_execute(|| {
		assert_eq!(MaxVisits::get(), 256);
		let leaves: Vec<_> = (0..300).map(|_| solo(ALICE, &[])).collect();
		let tens: Vec<_> = leaves
			.chunks(8)
			.map(|c| solo(BOB, &c.iter().map(|p| cite(*p, 100_000)).collect::<Vec<_>>()))
			.collect();
		assert_eq!(tens.len(), 38);
		let fives: Vec<_> = tens
			.chunks(8)
			.map(|c| solo(CAROL, &c.iter().map(|p| cite(*p, 100_000)).collect::<Vec<_>>()))
			.collect();
		assert_eq!(fives.len(), 5);
		let root = solo(DAVE, &fives.iter().map(|p| cite(*p, 100_000)).collect::<Vec<_>>());

		let amount = 1_000_000_000;
		propagate(root, amount);
		propagated(root, amount, 0, 256);

		let all: Vec<_> = leaves.iter().chain(&tens).chain(&fives).chain([&root]).collect();
		let reached = all.iter().filter(|p| value(***p) > 0).count();
		assert_eq!(reached, 256);
		// Depth first: root (1), then per second-level post 1 + 8 × (1 + 8) = 73 visits, so
		// the fourth one is visit 221, its tens are visits 222, 231, 240 and 249 — which
		// reaches 7 of its 8 leaves. Its 8th leaf and everything after get nothing.
		assert_eq!(value(tens[27]), 10_000_000 - 7 * 1_000_000);
		assert_eq!(value(leaves[27 * 8 + 6]), 1_000_000);
		assert_eq!(value(leaves[27 * 8 + 7]), 0);
		assert_eq!(value(tens[28]), 0);
		assert_eq!(value(fives[4]), 0);
		// The fourth second-level post keeps the shares of its four unvisited tens, the root
		// keeps the share of the unvisited fifth.
		assert_eq!(value(fives[3]), 100_000_000 - 4 * 10_000_000);
		assert_eq!(value(root), amount - 4 * 100_000_000);
		// Everything minted landed.
		assert_eq!(total_rep(), amount);
		assert_eq!(unowned(), 0);
	});
}

#[test]
fn propagating_zero_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		System::reset_events();
		assert_ok!(<Forum as ForumT<AccountId>>::propagate(p0, 0));
		assert!(System::events().is_empty());
	});
}

#[test]
fn propagation_needs_the_rep_in_the_unowned_pot() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		propagate(p0, 10);
		let p1 = solo(BOB, &[cite(p0, -500_000)]);
		<Reputation as ReputationLedger<AccountId>>::mint_unowned(9);
		// Nothing moves when the pot cannot cover the amount, not even the leach's debit.
		assert_noop!(
			<Forum as ForumT<AccountId>>::propagate(p1, 10),
			pallet_reputation::Error::<Test>::InsufficientUnowned
		);
		<Reputation as ReputationLedger<AccountId>>::mint_unowned(1);
		assert_ok!(<Forum as ForumT<AccountId>>::propagate(p1, 10));
		assert_eq!((value(p0), value(p1)), (5, 15));
	});
}

#[test]
fn an_amount_beyond_i128_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let p0 = solo(ALICE, &[]);
		assert_noop!(
			<Forum as ForumT<AccountId>>::propagate(p0, u128::MAX),
			crate::Error::<Test>::PropagationAmountTooLarge
		);
	});
}
