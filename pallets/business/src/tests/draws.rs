//! The draw (§6, §11.7): never in the block that asked for it, with randomness of a later
//! block, by the hook; postponed without randomness.

use super::mock::*;
use crate::{Event, RequestStatus};
use guild_primitives::{ExpertPool, RequestId};

/// The experts Alice, Bob, Carol and Ferdie stake the same; `customers` each ask for work in
/// block 1. Without randomness in block `blind` (if any), the draw waits a block. Returns the
/// workers drawn and the block each request was drawn in.
fn draw_with_blind_block(blind: Option<BlockNumber>) -> Vec<(AccountId, BlockNumber)> {
	let mut drawn = vec![];
	ExtBuilder::default()
		.with_rep(&[(ALICE, 100), (BOB, 100), (CAROL, 100), (DAVE, 200), (FERDIE, 100)])
		.build_and_execute(|| {
			for who in [ALICE, BOB, CAROL, FERDIE] {
				expert(who, STAKE);
			}
			let ids = [submit(CUSTOMER, FEE), submit(OTHER_CUSTOMER, FEE)];
			for block in 2..=6 {
				NoRandomness::set(Some(block) == blind);
				run_to_block(block);
			}
			NoRandomness::set(false);
			for id in ids {
				let RequestStatus::Assigned { worker, deadline, .. } = status(id) else {
					panic!("request {id} is not assigned: {:?}", status(id));
				};
				drawn.push((worker, deadline - 10));
			}
		});
	drawn
}

/// §11.7: in the block of submission nobody can know who will be drawn: nothing is drawn then,
/// and the same requests draw other experts when their draw falls in another block.
#[test]
fn the_submitter_cannot_compute_who_will_be_drawn() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, BOB, CAROL] {
			expert(who, STAKE);
		}
		run_to_block(5);
		let id = submit(CUSTOMER, FEE);
		// What the submitter could compute in block 5 (from block 4's VRF output) is not the
		// draw's seed: that uses block 6's, made after the request was in block 5.
		let known = pallet_availability::Pallet::<Test>::seed(id, 0);
		assert_eq!(status(id), RequestStatus::Drawing { at: 6 });
		assert!(!events().iter().any(|e| matches!(e, Event::<Test>::WorkerAssigned { .. })));
		for who in [ALICE, BOB, CAROL] {
			assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&who), None);
		}
		run_to_block(6);
		assert_eq!(status(id), RequestStatus::Drawing { at: 6 });
		run_to_block(7);
		assert!(matches!(status(id), RequestStatus::Assigned { .. }));
		assert_ne!(pallet_availability::Pallet::<Test>::seed(id, 0), known);
	});
	// Drawn in block 3, or in block 4 when block 3 has no randomness: other experts.
	let on_time = draw_with_blind_block(None);
	let late = draw_with_blind_block(Some(3));
	assert_eq!(on_time.iter().map(|d| d.1).collect::<Vec<_>>(), vec![3, 3]);
	assert_eq!(late.iter().map(|d| d.1).collect::<Vec<_>>(), vec![4, 4]);
	let workers = |d: &[(AccountId, BlockNumber)]| d.iter().map(|d| d.0).collect::<Vec<_>>();
	assert_ne!(workers(&on_time), workers(&late), "the block of the draw decides");
}

#[test]
fn without_randomness_the_draw_waits_a_block() {
	ExtBuilder::default().build_and_execute(|| {
		expert(ALICE, STAKE);
		let id = submit(CUSTOMER, FEE);
		NoRandomness::set(true);
		run_to_block(3);
		assert_eq!(status(id), RequestStatus::Drawing { at: 3 });
		System::assert_has_event(Event::<Test>::DrawScheduled { request: id, at: 3 }.into());
		run_to_block(5);
		assert_eq!(status(id), RequestStatus::Drawing { at: 5 });
		NoRandomness::set(false);
		run_to_block(6);
		assert_eq!(
			status(id),
			RequestStatus::Assigned { worker: ALICE, stake: STAKE, deadline: 16 }
		);
		assert_eq!(request(id).draws, 1);
	});
}

#[test]
fn without_randomness_pending_requests_wait_for_the_next_expert() {
	ExtBuilder::default().build_and_execute(|| {
		let id = submit_and_draw(CUSTOMER, FEE);
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		NoRandomness::set(true);
		expert(ALICE, STAKE);
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		assert_eq!(<Availability as ExpertPool<AccountId>>::assignment(&ALICE), None);
		// The hook's scan waits for randomness too, and is not lost meanwhile.
		until_the_scan();
		next_block();
		assert!(matches!(status(id), RequestStatus::Pending { .. }));
		NoRandomness::set(false);
		next_block();
		assert_eq!(worker_of(id), ALICE);
	});
}

/// Failed draws (nobody to draw) do not count against `max_draws`; drawn workers do.
#[test]
fn only_drawn_workers_count_as_draws() {
	ExtBuilder::default().build_and_execute(|| {
		let id = submit_and_draw(CUSTOMER, FEE);
		assert_eq!(request(id).draws, 0);
		expert(ALICE, 10);
		until_the_scan();
		assert_eq!(request(id).draws, 1);
	});
}

/// A call never draws: the hook scans the pending queue two blocks after it, with randomness
/// nobody knew at the call; a scan asked for is never postponed by later calls.
#[test]
fn calls_ask_for_a_scan_two_blocks_later_and_never_postpone_it() {
	ExtBuilder::default().build_and_execute(|| {
		let first = submit_and_draw(CUSTOMER, FEE);
		let second = submit_and_draw(OTHER_CUSTOMER, FEE);
		let now = System::block_number();
		expert(ALICE, STAKE);
		assert_eq!(crate::PendingScanAt::<Test>::get(), Some(now + 2));
		next_block();
		// Bob's stake a block later keeps the scan where it was.
		expert(BOB, STAKE);
		assert_eq!(crate::PendingScanAt::<Test>::get(), Some(now + 2));
		assert!(matches!(status(first), RequestStatus::Pending { .. }));
		next_block();
		let (a, b) = (worker_of(first), worker_of(second));
		assert_ne!(a, b);
		assert!([ALICE, BOB].contains(&a) && [ALICE, BOB].contains(&b));
		assert_eq!(crate::PendingScanAt::<Test>::get(), None, "nobody waits: no scan again");
	});
}

/// More experts than one scan tries (`MaxPendingScan`) staking in one block still serve as many
/// waiting requests: a scan that assigned someone scans again in the next block.
#[test]
fn a_scan_that_assigned_scans_again_while_requests_wait() {
	ExtBuilder::default()
		.with_rep(&[
			(ALICE, 100),
			(BOB, 100),
			(CAROL, 100),
			(DAVE, 200),
			(EVE, 100),
			(FERDIE, 100),
			(GEORGE, 100),
		])
		.build_and_execute(|| {
			let experts = [ALICE, BOB, CAROL, DAVE, EVE, FERDIE, GEORGE];
			assert!(experts.len() as u32 > MAX_PENDING_SCAN);
			let ids: Vec<_> = experts.iter().map(|_| submit(CUSTOMER, FEE)).collect();
			// The hooks draw `MaxTimeoutsPerBlock` of them a block: all wait by block 10.
			run_to_block(10);
			assert!(ids.iter().all(|id| matches!(status(*id), RequestStatus::Pending { .. })));
			for e in experts {
				expert(e, STAKE);
			}
			until_the_scan();
			let assigned = |ids: &[RequestId]| {
				ids.iter()
					.filter(|id| matches!(status(**id), RequestStatus::Assigned { .. }))
					.count()
			};
			// `MaxPendingScan` a block, one block after another, until nobody waits.
			let per_scan = MAX_PENDING_SCAN as usize;
			assert_eq!(assigned(&ids), per_scan);
			for scan in 2..=experts.len().div_ceil(per_scan) {
				next_block();
				assert_eq!(assigned(&ids), (scan * per_scan).min(experts.len()));
			}
			assert_eq!(crate::PendingScanAt::<Test>::get(), None);
		});
}

/// The pending queue is served before the draws that fall due in the same block: an expert
/// freed by a call goes to the request that waited, not to a newer one.
#[test]
fn waiting_requests_come_before_newer_draws() {
	ExtBuilder::default().build_and_execute(|| {
		let waiting = submit_and_draw(OTHER_CUSTOMER, FEE);
		assert!(matches!(status(waiting), RequestStatus::Pending { .. }));
		// Alice stakes and a newer request is submitted in the same block: the scan and the
		// newer request's draw both fall in the hook two blocks on.
		expert(ALICE, STAKE);
		let newer = submit(CUSTOMER, FEE);
		until_the_scan();
		assert_eq!(worker_of(waiting), ALICE);
		assert!(matches!(status(newer), RequestStatus::Pending { .. }));
	});
}
