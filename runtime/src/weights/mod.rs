//! Weights of the FRAME pallets the runtime takes as they are (`utility`, `proxy`, `multisig`),
//! measured on this runtime by `scripts/bench.sh` (the node's `benchmark pallet` with the
//! default template). Guild's own pallets keep theirs in `pallets/*/src/weights.rs`.

pub mod pallet_multisig;
pub mod pallet_proxy;
pub mod pallet_utility;
