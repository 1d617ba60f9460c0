//! Forum tests against the real REP ledger. Every test ends with both pallets' `do_try_state`
//! (through `ExtBuilder::build_and_execute`).

pub(crate) mod mock;

mod params;
mod propagation;
mod properties;
mod status;
mod submit;
