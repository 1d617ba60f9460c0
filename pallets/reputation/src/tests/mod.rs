//! Unit and property tests of the REP ledger and the fee salary. Every test ends with
//! `do_try_state` (through `ExtBuilder::build_and_execute`).

pub(crate) mod mock;

mod fees;
mod genesis;
mod ledger;
mod properties;
mod queries;
