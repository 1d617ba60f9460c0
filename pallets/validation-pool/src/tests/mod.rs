//! Unit, scenario and property tests of the validation pools. Every test ends with the pallets'
//! invariants (`ExtBuilder::build_and_execute`), and `run_to_block` checks them after each block.

pub(crate) mod mock;

mod attacks;
mod evaluate;
mod hooks;
mod initiate;
mod params;
mod properties;
mod scenarios;
mod stake;
