//! The runtime's worst cases against its block: the measured weights (each pallet's
//! `weights.rs`) with the database weights the runtime charges (ParityDB's).
//!
//! PROTOCOL.md's pools must be evaluable without crowding out users: evaluating a full pool, and
//! running a worst-case propagation, must each take at most a tenth of a block, and the pools'
//! mandatory hook at its worst must leave most of the block to extrinsics.

use frame_support::{traits::Get, weights::Weight};
use guild_runtime::Runtime;
use pallet_validation_pool::{WeightInfo, MAX_SLOTS_PER_BLOCK};

type Pools = pallet_validation_pool::Pallet<Runtime>;

/// A block's compute, in picoseconds of reference time.
fn block() -> u64 {
	<Runtime as frame_system::Config>::BlockWeights::get().max_block.ref_time()
}

/// Print `what` as milliseconds and share of a block (shown with `--nocapture`).
fn report(what: &str, weight: Weight) {
	let ms = weight.ref_time() as f64 / 1e9;
	let share = weight.ref_time() as f64 * 100.0 / block() as f64;
	println!("{what}: {ms:.2} ms, {share:.2}% of a block");
}

/// `weight` in per-mille of a block's compute, rounded up.
fn per_mille(weight: Weight) -> u64 {
	weight.ref_time().saturating_mul(1000).div_ceil(block())
}

fn max_stakers() -> u32 {
	<Runtime as pallet_validation_pool::Config>::MaxStakersPerPool::get()
}

#[test]
fn the_runtime_charges_paritydb_weights() {
	let db = <Runtime as frame_system::Config>::DbWeight::get();
	assert_eq!(db.read, 8_000_000, "8 µs a read");
	assert_eq!(db.write, 50_000_000, "50 µs a write");
}

#[test]
fn a_full_pool_is_evaluated_within_a_tenth_of_a_block() {
	let weight = Pools::evaluation_weight(max_stakers());
	report("evaluating a full pool, listeners included", weight);
	assert!(
		per_mille(weight) <= 100,
		"evaluating {} stakers takes {}‰ of a block",
		max_stakers(),
		per_mille(weight)
	);
	// The declared weight of `evaluate` is that worst case.
	let smaller = Pools::evaluation_weight(1);
	assert!(smaller.all_lt(weight), "the weight grows with the stakers");
}

#[test]
fn a_worst_case_propagation_runs_within_a_tenth_of_a_block() {
	let weight = Pools::propagation_weight();
	report("a worst-case propagation step", weight);
	assert!(per_mille(weight) <= 100, "a worst-case propagation takes {}‰", per_mille(weight));
	// It is the forum's measured worst case, and more.
	let forum = <pallet_forum::weights::SubstrateWeight<Runtime> as pallet_forum::WeightInfo>::
		propagate_worst_case();
	assert!(forum.all_lte(weight));
}

#[test]
fn the_pool_hook_at_its_worst_leaves_three_quarters_of_a_block() {
	let evaluations: u32 =
		<Runtime as pallet_validation_pool::Config>::MaxEvaluationsPerBlock::get();
	// A leftover propagation takes the room of one evaluation (`on_initialize`).
	let full = Pools::evaluation_weight(max_stakers());
	let with_propagation = Pools::propagation_weight()
		.saturating_add(full.saturating_mul(u64::from(evaluations.saturating_sub(1).max(1))));
	let without = full.saturating_mul(u64::from(evaluations));
	let worst = with_propagation.max(without).saturating_add(
		<Runtime as pallet_validation_pool::Config>::WeightInfo::on_initialize_slots(
			MAX_SLOTS_PER_BLOCK,
		),
	);
	report("the pools' hook at its worst", worst);
	assert!(per_mille(worst) <= 250, "the hook takes {}‰ of a block at worst", per_mille(worst));
}

/// PROTOCOL.md §12: a session end (liveness, the report's post and pool, the election over every
/// candidate the availability pallet can hold for every seat) costs a bounded share of the
/// session's last block, which `pallet-session` charges in full at the rotation; an accepted
/// report's reward to a full set and a block's author count are small too.
#[test]
fn a_session_end_with_full_lists_takes_at_most_a_tenth_of_a_block() {
	use pallet_validator_set::WeightInfo as _;
	type W = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	let candidates = <Runtime as pallet_availability::Config>::MaxExperts::get();
	let seats = <Runtime as pallet_validator_set::Config>::MaxValidators::get();
	let typical = W::session_end(100, 100);
	let end = W::session_end(candidates, seats);
	report("a session end, 100 candidates and 100 validators", typical);
	report("a session end, every candidate and seat", end);
	assert!(per_mille(end) <= 100, "a session end takes {}‰ of a block", per_mille(end));
	assert!(typical.all_lte(end));
	let reward = W::reward(seats);
	report("a report's reward to a full set", reward);
	assert!(per_mille(reward) <= 10, "a reward takes {}‰ of a block", per_mille(reward));
	let note = W::note_block();
	report("counting a block's author", note);
	assert!(per_mille(note) <= 5, "counting an author takes {}‰ of a block", per_mille(note));
}
