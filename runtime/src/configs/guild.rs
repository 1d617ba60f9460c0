//! Guild's own pallets: reputation, the forum, validation pools, availability, work requests and
//! governance. They talk to each other only through the traits of `guild-primitives`, wired here.

use crate::{AccountId, Balances, Reputation, Runtime};
use frame_support::{parameter_types, traits::ConstU32, PalletId};
use frame_system::EnsureRoot;

parameter_types! {
	/// The DAO's account (fees in, fee salary out) is derived from this id.
	pub const DaoPalletId: PalletId = PalletId(*b"guild/da");
}

/// Who may change the protocol's parameters: root until forum governance lands.
pub type ParamsOrigin = EnsureRoot<AccountId>;

impl pallet_reputation::Config for Runtime {
	type Currency = Balances;
	type PalletId = DaoPalletId;
	type WeightInfo = pallet_reputation::weights::SubstrateWeight<Runtime>;
}

impl pallet_forum::Config for Runtime {
	type Currency = Balances;
	type Reputation = Reputation;
	type ParamsOrigin = ParamsOrigin;
	type MaxUriLen = ConstU32<256>;
	type MaxAuthors = ConstU32<8>;
	type MaxReferences = ConstU32<8>;
	type MaxPropagationVisits = ConstU32<256>;
	type WeightInfo = pallet_forum::weights::SubstrateWeight<Runtime>;
}
