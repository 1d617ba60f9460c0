//! Unit and scenario tests of forum governance, against the real REP ledger and validation
//! pools. Every test ends with the pallets' invariants (`ExtBuilder::build_and_execute`), and
//! `run_to_block` checks them after each block.

pub(crate) mod mock;

mod deposit;
mod joint;
mod origin;
mod params;
mod properties;
mod propose;
mod stages;
mod upgrade;
