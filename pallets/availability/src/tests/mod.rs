//! Unit and property tests of the availability stakes. Every test ends with the pallets'
//! invariants (`ExtBuilder::build_and_execute`).

pub(crate) mod mock;

mod block_production;
mod draw;
mod properties;
mod stake;
