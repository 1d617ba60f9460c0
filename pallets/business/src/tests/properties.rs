//! Random sequences of everything users do (stake, ask, deliver, review, cancel, redraw after a
//! rejection, stake in pools, withdraw, try to squat evidence posts) and of blocks passing (with
//! or without randomness) keep every invariant of every pallet after every step:
//! fees held = the fees of the requests that hold one, deadlines and pending queue consistent
//! with the requests, workers bound to exactly their request, REP conserved
//! (`TotalRep + Unowned = TotalMinted − TotalBurned`, unowned = the open pools' mint), and no
//! native token created or destroyed. Also: nothing is drawn in the block that asked for it,
//! nobody but a request's pools judges its evidence, and no request is drawn more than
//! `max_draws` times.

use super::mock::*;
use crate::{Event, RequestStatus};
use guild_primitives::{ProtocolPosts, PPM};
use proptest::prelude::*;

const EXPERTS: [AccountId; 4] = [ALICE, BOB, CAROL, FERDIE];
const CUSTOMERS: [AccountId; 3] = [CUSTOMER, OTHER_CUSTOMER, ALICE];
const VOTERS: [AccountId; 3] = [DAVE, EVE, BOB];

#[derive(Debug, Clone)]
enum Op {
	Stake {
		expert: usize,
		amount: u128,
	},
	Submit {
		customer: usize,
		fee: u128,
	},
	Deliver {
		request: u64,
	},
	Review {
		request: u64,
		approve: bool,
	},
	Cancel {
		request: u64,
	},
	Vote {
		request: u64,
		voter: usize,
		amount: u128,
		in_favor: bool,
	},
	Withdraw {
		expert: usize,
	},
	Redraw {
		request: u64,
		fee: u128,
	},
	/// The assigned worker opens a pool on a post of theirs and offers it as evidence.
	PooledEvidence {
		request: u64,
	},
	/// An author of a request's evidence tries to open a pool of their own on it.
	Squat {
		request: u64,
	},
	Advance {
		blocks: u64,
		randomness: bool,
	},
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		2 => (0..EXPERTS.len(), 10u128..60).prop_map(|(expert, amount)| Op::Stake { expert, amount }),
		3 => (0..CUSTOMERS.len(), 1u128..200).prop_map(|(customer, fee)| Op::Submit { customer, fee }),
		2 => (0u64..8, 1u128..120).prop_map(|(request, fee)| Op::Redraw { request, fee }),
		1 => (0u64..8).prop_map(|request| Op::PooledEvidence { request }),
		1 => (0u64..8).prop_map(|request| Op::Squat { request }),
		3 => (0u64..8).prop_map(|request| Op::Deliver { request }),
		2 => (0u64..8, any::<bool>()).prop_map(|(request, approve)| Op::Review { request, approve }),
		1 => (0u64..8).prop_map(|request| Op::Cancel { request }),
		2 => (0u64..8, 0..VOTERS.len(), 1u128..150, any::<bool>()).prop_map(
			|(request, voter, amount, in_favor)| Op::Vote { request, voter, amount, in_favor }
		),
		1 => (0..EXPERTS.len()).prop_map(|expert| Op::Withdraw { expert }),
		4 => (1u64..9, prop::bool::weighted(0.9))
			.prop_map(|(blocks, randomness)| Op::Advance { blocks, randomness }),
	]
}

fn apply(op: Op) {
	let now = System::block_number();
	match op {
		Op::Stake { expert, amount } => {
			let _ = Availability::stake_availability(
				RuntimeOrigin::signed(EXPERTS[expert]),
				StakeKind::Requests,
				amount,
				now + 40,
			);
		},
		Op::Submit { customer, fee } => {
			let _ = Business::submit_request(
				RuntimeOrigin::signed(CUSTOMERS[customer]),
				fee,
				sp_core::H256::zero(),
				vec![],
			);
		},
		Op::Deliver { request } => {
			if let Some(req) = crate::Requests::<Test>::get(request) {
				if let RequestStatus::Assigned { worker, .. } = req.status {
					let post = new_post(&[(worker, PPM)]);
					let _ = Business::submit_evidence(RuntimeOrigin::signed(worker), request, post);
				}
			}
		},
		Op::Review { request, approve } => {
			if let Some(req) = crate::Requests::<Test>::get(request) {
				let _ = Business::review(RuntimeOrigin::signed(req.customer), request, approve);
			}
		},
		Op::Cancel { request } => {
			if let Some(req) = crate::Requests::<Test>::get(request) {
				let _ = Business::cancel(RuntimeOrigin::signed(req.customer), request);
			}
		},
		Op::Vote { request, voter, amount, in_favor } => {
			if let Some(req) = crate::Requests::<Test>::get(request) {
				if let RequestStatus::Validating { pool, .. } = req.status {
					let _ = ValidationPool::stake(
						RuntimeOrigin::signed(VOTERS[voter]),
						pool,
						amount,
						in_favor,
					);
				}
			}
		},
		Op::Withdraw { expert } => {
			let _ =
				Availability::withdraw(RuntimeOrigin::signed(EXPERTS[expert]), StakeKind::Requests);
		},
		Op::Redraw { request, fee } => {
			if let Some(req) = crate::Requests::<Test>::get(request) {
				let waiting = matches!(req.status, RequestStatus::AwaitingCustomer { .. });
				let result = Business::redraw(RuntimeOrigin::signed(req.customer), request, fee);
				if result.is_ok() {
					assert!(waiting && fee >= MIN_FEE);
					assert!(matches!(status(request), RequestStatus::Drawing { at } if at > now));
				}
			}
		},
		Op::PooledEvidence { request } => {
			if let Some(req) = crate::Requests::<Test>::get(request) {
				if let RequestStatus::Assigned { worker, .. } = req.status {
					let post = new_post(&[(worker, PPM)]);
					if ValidationPool::initiate(RuntimeOrigin::signed(worker), post, 5, Some(3))
						.is_ok()
					{
						assert_eq!(
							Business::submit_evidence(RuntimeOrigin::signed(worker), request, post),
							Err(crate::Error::<Test>::PostHasOpenPool.into())
						);
					}
				}
			}
		},
		Op::Squat { request } => {
			for (post, of) in crate::EvidenceOf::<Test>::iter() {
				if of == request {
					assert!(Business::is_protocol_post(post));
					let authors =
						<Forum as guild_primitives::Forum<AccountId>>::authors(post).unwrap();
					let author = authors[0].0;
					assert!(ValidationPool::initiate(RuntimeOrigin::signed(author), post, 5, None)
						.is_err());
				}
			}
		},
		Op::Advance { blocks, randomness } => {
			NoRandomness::set(!randomness);
			run_to_block(now + blocks);
			NoRandomness::set(false);
		},
	}
}

/// The block each request was last asked to be drawn in, from the `DrawScheduled` events.
fn check_draws(asked: &mut std::collections::BTreeMap<u64, BlockNumber>) {
	for record in System::events() {
		let RuntimeEvent::Business(event) = record.event else { continue };
		match event {
			Event::<Test>::DrawScheduled { request, at } => {
				// Asked in block `at - 1` at the latest; a postponed draw keeps the first ask.
				asked.entry(request).or_insert(at - 1);
			},
			Event::<Test>::WorkerAssigned { request, .. } => {
				if let Some(block) = asked.remove(&request) {
					assert!(
						System::block_number() >= block + 2,
						"request {request} asked for a draw in block {block}, drawn in {}",
						System::block_number()
					);
				}
			},
			_ => (),
		}
	}
	System::reset_events();
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(120))]

	#[test]
	fn random_use_keeps_every_invariant(ops in proptest::collection::vec(op(), 1..50)) {
		ExtBuilder::default()
			.with_rep(&[(ALICE, 100), (BOB, 150), (CAROL, 80), (DAVE, 200), (EVE, 100), (FERDIE, 60)])
			.build_and_execute(|| {
				let issuance = Balances::total_issuance();
				let mut asked = std::collections::BTreeMap::new();
				for op in ops {
					// Block by block, so that each draw is checked against its block.
					if let Op::Advance { blocks, randomness } = op {
						for _ in 0..blocks {
							apply(Op::Advance { blocks: 1, randomness });
							check_draws(&mut asked);
						}
					} else {
						apply(op);
						check_draws(&mut asked);
					}
					check_invariants();
					assert_eq!(Balances::total_issuance(), issuance, "native token conserved");
					for (_, req) in crate::Requests::<Test>::iter() {
						assert!(req.draws <= test_params().max_draws, "drawn too often");
					}
				}
				// Let every deadline and pool run out.
				for _ in 0..200 {
					run_to_block(System::block_number() + 1);
					check_draws(&mut asked);
				}
			});
	}
}
