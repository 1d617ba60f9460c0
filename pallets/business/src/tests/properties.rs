//! Random sequences of everything users do (stake, ask, deliver, review, cancel, stake in
//! pools, withdraw) and of blocks passing keep every invariant of every pallet after every step:
//! fees held = the fees of the requests that hold one, deadlines and pending queue consistent
//! with the requests, workers bound to exactly their request, REP conserved
//! (`TotalRep + Unowned = TotalMinted − TotalBurned`, unowned = the open pools' mint), and no
//! native token created or destroyed.

use super::mock::*;
use crate::RequestStatus;
use guild_primitives::PPM;
use proptest::prelude::*;

const EXPERTS: [AccountId; 4] = [ALICE, BOB, CAROL, FERDIE];
const CUSTOMERS: [AccountId; 3] = [CUSTOMER, OTHER_CUSTOMER, ALICE];
const VOTERS: [AccountId; 3] = [DAVE, EVE, BOB];

#[derive(Debug, Clone)]
enum Op {
	Stake { expert: usize, amount: u128 },
	Submit { customer: usize, fee: u128 },
	Deliver { request: u64 },
	Review { request: u64, approve: bool },
	Cancel { request: u64 },
	Vote { request: u64, voter: usize, amount: u128, in_favor: bool },
	Withdraw { expert: usize },
	Advance { blocks: u64 },
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		2 => (0..EXPERTS.len(), 10u128..60).prop_map(|(expert, amount)| Op::Stake { expert, amount }),
		3 => (0..CUSTOMERS.len(), 1u128..200).prop_map(|(customer, fee)| Op::Submit { customer, fee }),
		3 => (0u64..8).prop_map(|request| Op::Deliver { request }),
		2 => (0u64..8, any::<bool>()).prop_map(|(request, approve)| Op::Review { request, approve }),
		1 => (0u64..8).prop_map(|request| Op::Cancel { request }),
		2 => (0u64..8, 0..VOTERS.len(), 1u128..150, any::<bool>()).prop_map(
			|(request, voter, amount, in_favor)| Op::Vote { request, voter, amount, in_favor }
		),
		1 => (0..EXPERTS.len()).prop_map(|expert| Op::Withdraw { expert }),
		4 => (1u64..9).prop_map(|blocks| Op::Advance { blocks }),
	]
}

fn apply(op: Op) {
	let now = System::block_number();
	match op {
		Op::Stake { expert, amount } => {
			let _ = Availability::stake_availability(
				RuntimeOrigin::signed(EXPERTS[expert]),
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
			let _ = Availability::withdraw(RuntimeOrigin::signed(EXPERTS[expert]));
		},
		Op::Advance { blocks } => run_to_block(now + blocks),
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(120))]

	#[test]
	fn random_use_keeps_every_invariant(ops in proptest::collection::vec(op(), 1..50)) {
		ExtBuilder::default()
			.with_rep(&[(ALICE, 100), (BOB, 150), (CAROL, 80), (DAVE, 200), (EVE, 100), (FERDIE, 60)])
			.build_and_execute(|| {
				for op in ops {
					apply(op);
					check_invariants();
				}
				// Let every deadline and pool run out.
				run_to_block(System::block_number() + 200);
			});
	}
}
