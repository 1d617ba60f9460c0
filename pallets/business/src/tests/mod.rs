//! Unit, scenario and property tests of the work requests, on a runtime wired like Guild's with
//! the real reputation, forum, validation-pool and availability pallets. Every test ends with
//! all the pallets' invariants and the conservation of native tokens
//! (`ExtBuilder::build_and_execute`); `run_to_block` checks the invariants after each block.

pub(crate) mod mock;

mod cancel;
mod draws;
mod errors;
mod happy_path;
mod outcomes;
mod params;
mod properties;
mod timeouts;
