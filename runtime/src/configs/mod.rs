//! Configuration of the runtime's pallets, one file per group.

mod consensus;
mod system;
mod token;

pub use consensus::*;
pub use system::*;
pub use token::*;
