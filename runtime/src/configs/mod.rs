//! Configuration of the runtime's pallets, one file per group.

mod consensus;
mod guild;
mod system;
mod token;

pub use consensus::*;
pub use guild::*;
pub use system::*;
pub use token::*;
