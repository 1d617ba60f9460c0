//! Configuration of the runtime's pallets, one file per group.

mod consensus;
mod everyday;
mod guild;
mod system;
mod token;

pub use consensus::*;
pub use everyday::*;
pub use guild::*;
pub use system::*;
pub use token::*;
