//! Edition 2 of the rule book (PROTOCOL.md §2, §4, §11): who opens a pool, the minimum fee, the
//! consent quorum and its fee share, and full pools, each as the attack it defeats.

use super::mock::*;
use crate::{Error, Event, StakeOrder, Stakes};
use frame_support::{assert_noop, assert_ok};
use guild_primitives::{PoolOutcome, ValidationPools, PPM};
use sp_runtime::{DispatchError, Perbill};

fn stake(who: AccountId, pool: u64, amount: u128, in_favor: bool) {
	assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(who), pool, amount, in_favor));
}

fn end_pool(pool: u64) {
	run_to_block(open_pool(pool).end + 1);
	assert!(outcome(pool).is_some());
}

#[test]
fn an_empty_dao_is_bootstrapped_by_root_only() {
	// §11.1: the first pool of an empty DAO is no prize for whoever comes first.
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(CAROL, PPM)]);
		assert_noop!(
			ValidationPool::initiate(RuntimeOrigin::signed(CAROL), post, 20, None),
			Error::<Test>::BootstrapByRootOnly
		);
		assert_noop!(
			ValidationPool::force_initiate(RuntimeOrigin::signed(CAROL), CAROL, post, 20, None),
			DispatchError::BadOrigin
		);
		assert_ok!(ValidationPool::force_initiate(RuntimeOrigin::root(), CAROL, post, 20, None));
		assert_eq!(balance(CAROL), START_BALANCE - POST_DEPOSIT - 20, "the named account pays");
		end_pool(0);
		assert_eq!(outcome(0), Some(PoolOutcome::Accepted));
		assert_eq!(rep(CAROL), 20);
		// From now on authors open their own pools.
		let next = new_post(&[(DAVE, PPM)]);
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(DAVE), next, 20, None));
	});
}

#[test]
fn no_protocol_rule_opens_the_first_pool_of_an_empty_dao() {
	// §11.1 through the back door: a governance proposal's first stage in an empty DAO would be
	// a tie that mints the first REP for its proposer.
	ExtBuilder::default().build_and_execute(|| {
		let post = new_post(&[(EVE, PPM)]);
		assert_noop!(
			<ValidationPool as ValidationPools<_, _, _>>::open(&EVE, post, 20, 5, None, None),
			Error::<Test>::BootstrapByRootOnly
		);
		assert_noop!(
			<ValidationPool as guild_primitives::ValidationStages<_, _, _>>::open_stage(
				&EVE,
				post,
				20,
				5,
				test_params().rules()
			),
			Error::<Test>::BootstrapByRootOnly
		);
	});
}

#[test]
fn only_an_author_opens_a_pool_and_never_on_a_protocol_post() {
	// §11.5: nobody opens a pool on somebody else's post, nor on evidence or a proposal.
	ExtBuilder::default().with_rep(&[(ALICE, 100)]).build_and_execute(|| {
		let post = new_post(&[(CAROL, 600_000), (DAVE, 400_000)]);
		assert_noop!(
			ValidationPool::initiate(RuntimeOrigin::signed(ALICE), post, 20, None),
			Error::<Test>::NotAnAuthor
		);
		assert_noop!(
			ValidationPool::initiate(RuntimeOrigin::signed(ALICE), 99, 20, None),
			Error::<Test>::UnknownPost
		);
		let evidence = new_post(&[(CAROL, PPM)]);
		make_protocol_post(evidence);
		assert_noop!(
			ValidationPool::initiate(RuntimeOrigin::signed(CAROL), evidence, 20, None),
			Error::<Test>::ProtocolPost
		);
		assert_noop!(
			ValidationPool::force_initiate(RuntimeOrigin::root(), CAROL, evidence, 20, None),
			Error::<Test>::ProtocolPost
		);
		// Its owner opens it through the trait.
		assert_ok!(<ValidationPool as ValidationPools<_, _, _>>::open(
			&INITIATOR, evidence, 20, 5, None, None
		));
		// The second author may open the other post.
		assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(DAVE), post, 20, None));
	});
}

#[test]
fn a_fee_below_the_minimum_is_refused_everywhere() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100)])
		.with_params(|p| p.min_pool_fee = 50)
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			assert_noop!(
				ValidationPool::initiate(RuntimeOrigin::signed(CAROL), post, 49, None),
				Error::<Test>::FeeBelowMinimum
			);
			assert_noop!(
				<ValidationPool as ValidationPools<_, _, _>>::open(
					&INITIATOR, post, 49, 5, None, None
				),
				Error::<Test>::FeeBelowMinimum
			);
			assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(CAROL), post, 50, None));
			assert_noop!(
				ValidationPool::set_params(
					RuntimeOrigin::root(),
					Box::new(crate::ParamsType { min_pool_fee: 0, ..test_params() })
				),
				Error::<Test>::ZeroMinPoolFee
			);
		});
}

#[test]
fn buying_rep_without_consent_misses_the_quorum_and_costs_the_fee_share() {
	// §11.2: a large fee on one's own post, nobody else staking.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (CAROL, 10)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let before = balance(CAROL);
			assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(CAROL), post, 1_000, None));
			stake(CAROL, 0, 10, true);
			end_pool(0);
			assert_eq!(outcome(0), Some(PoolOutcome::QuorumNotMet));
			assert_eq!(rep(CAROL), 10, "no REP bought");
			assert_eq!(total_burned(), 1_000);
			assert_eq!(balance(CAROL), before - 100, "10% of the fee is gone");
			// The 100 is the holders' salary, Carol's share too: 100 × 100/110 and 100 × 10/110.
			assert_eq!((claimable(ALICE), claimable(CAROL)), (90, 9));
		});
}

#[test]
fn one_unit_against_does_not_snipe_the_mint() {
	// §11.3: a pool nobody else backs, one unit staked against it.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 1_000), (EVE, 1)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(CAROL), post, 100, None));
			stake(EVE, 0, 1, false);
			end_pool(0);
			assert_eq!(outcome(0), Some(PoolOutcome::QuorumNotMet));
			assert_eq!(rep(EVE), 1, "the sniper takes nothing");
			assert_eq!(total_burned(), 100, "the mint is burned");
		});
}

#[test]
fn a_full_pool_evicts_its_smallest_stake_for_a_larger_one() {
	// §11.4: dust stakes fill the pool's slots (MAX_STAKERS = 4); a larger holder still gets in.
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 10), (DAVE, 1), (EVE, 1), (FERDIE, 1)])
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(CAROL), post, 20, None));
			for who in [BOB, DAVE, EVE, FERDIE] {
				stake(who, 0, 1, false);
			}
			assert_eq!(open_pool(0).stakers, MAX_STAKERS);
			// Not larger than the smallest: refused.
			assert_noop!(
				ValidationPool::stake(RuntimeOrigin::signed(ALICE), 0, 1, true),
				Error::<Test>::StakeTooSmallForFullPool
			);
			// Larger: the newest of the smallest (Ferdie) is evicted and released at once.
			stake(ALICE, 0, 2, true);
			assert_eq!(Stakes::<Test>::get(0, FERDIE), None);
			assert_eq!((free(FERDIE), held(FERDIE)), (1, 0));
			System::assert_has_event(
				Event::<Test>::StakeEvicted { pool: 0, who: FERDIE, amount: 1 }.into(),
			);
			let open = open_pool(0);
			assert_eq!(open.stakers, MAX_STAKERS);
			assert_eq!(open.tally.against_total, 10 + 3);
			assert_eq!((open.tally.consent_for, open.tally.consent_against), (2, 3));
			// Everyone's place follows their stake: a top-up moves Bob to the end.
			stake(BOB, 0, 9, false);
			let order: Vec<_> = StakeOrder::<Test>::get(0).into_iter().map(|(_, a)| a).collect();
			assert_eq!(order, vec![EVE, DAVE, ALICE, BOB]);
			// Ferdie's dust cannot come back: it is no larger than the smallest stake.
			assert_noop!(
				ValidationPool::stake(RuntimeOrigin::signed(FERDIE), 0, 1, false),
				Error::<Test>::StakeTooSmallForFullPool
			);
			end_pool(0);
			// 10 + 2 for, 10 + 1 + 1 + 10 against; consent 14 ≥ 10% × 113: rejected.
			assert_eq!(outcome(0), Some(PoolOutcome::Rejected));
		});
}

#[test]
fn a_workers_stake_is_never_evicted() {
	ExtBuilder::default()
		.with_rep(&[(DAVE, 100), (ALICE, 100), (BOB, 10), (EVE, 10), (FERDIE, 10)])
		.build_and_execute(|| {
			hold_availability(DAVE, 50);
			let post = new_post(&[(DAVE, PPM)]);
			let pool = <ValidationPool as ValidationPools<_, _, _>>::open(
				&INITIATOR,
				post,
				20,
				5,
				None,
				Some((DAVE, 1)),
			)
			.unwrap();
			for who in [BOB, EVE, FERDIE] {
				stake(who, pool, 10, true);
			}
			// Full: Alice's larger stake evicts Ferdie, not the worker's stake of 1.
			stake(ALICE, pool, 11, true);
			assert!(Stakes::<Test>::get(pool, DAVE).is_some());
			assert_eq!(Stakes::<Test>::get(pool, FERDIE), None);
			// The worker adding a pool stake stays unevictable.
			stake(DAVE, pool, 1, true);
			assert!(!StakeOrder::<Test>::get(pool).iter().any(|(_, a)| *a == DAVE));
		});
}

#[test]
fn a_quorum_miss_fee_of_zero_refunds_everything() {
	ExtBuilder::default()
		.with_rep(&[(ALICE, 1_000)])
		.with_params(|p| p.quorum_miss_fee = Perbill::zero())
		.build_and_execute(|| {
			let post = new_post(&[(CAROL, PPM)]);
			let before = balance(CAROL);
			assert_ok!(ValidationPool::initiate(RuntimeOrigin::signed(CAROL), post, 100, None));
			end_pool(0);
			assert_eq!(outcome(0), Some(PoolOutcome::QuorumNotMet));
			assert_eq!(balance(CAROL), before);
			assert_eq!(claimable(ALICE), 0);
		});
}
