//! The everyday pallets that wallets and tools expect of a Substrate chain: utility (batches,
//! derivative accounts), proxies (with proxy types that fit Guild) and multisig accounts.
//!
//! Weights are each pallet's own `SubstrateWeight`, as shipped by polkadot-sdk, until Guild's own
//! benchmark run replaces them.

use crate::{Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent, MILLI_UNIT};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::{ConstU128, ConstU32, InstanceFilter};
use scale_info::TypeInfo;
use sp_runtime::traits::BlakeTwo256;

/// The deposit for `items` storage items taking `bytes` bytes: 0.1 GUILD an item (as a session
/// key registration) and 0.001 GUILD a byte. It comes back when the storage is freed.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	items as Balance * 100 * MILLI_UNIT + bytes as Balance * MILLI_UNIT
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}

/// What a proxy may do for the account that named it. Each type is a list of what it allows (a
/// call that is not named is refused), so a call added to a pallet is refused until it is
/// listed here. Batches (`utility.batch`, `batch_all`, `force_batch`, `if_else`,
/// `as_derivative`) are allowed when every call inside is allowed, checked here before the
/// batch runs and again by the batch for each call it dispatches (pallet-utility dispatches
/// them with the proxy's filtered origin).
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Everything the account can do, sudo included.
	#[default]
	Any,
	/// Everything that cannot make the account's GUILD leave it: no transfers, no fees paid to
	/// the DAO (opening a pool, a work request, a proposal), no multisig approvals (the
	/// multisig's call runs without this filter) and nothing of the proxy pallet (no new
	/// proxies, no calls through other accounts the account is a proxy of). Deposits that come
	/// back (a post's, session keys') are allowed.
	NonTransfer,
	/// Only staking REP in validation pools: `validationPool.stake`, alone or in batches.
	Staking,
	/// An expert's or validator's hot key: availability stakes, work evidence, forum posts,
	/// pool stakes and session keys.
	Expert,
	/// Governance: every governance call (a proposal pays its fee), forum posts and pool stakes.
	Governance,
}

impl ProxyType {
	/// Whether `call`, a batch, is allowed: every call in it is.
	fn allows_batch(&self, call: &pallet_utility::Call<Runtime>) -> bool {
		use pallet_utility::Call as U;
		match call {
			U::batch { calls } | U::batch_all { calls } | U::force_batch { calls } => {
				calls.iter().all(|c| self.filter(c))
			},
			U::as_derivative { call, .. } => self.filter(call),
			U::if_else { main, fallback } => self.filter(main) && self.filter(fallback),
			// `dispatch_as`, `with_weight`, `dispatch_as_fallible`: root's, never a proxy's.
			_ => false,
		}
	}
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, c: &RuntimeCall) -> bool {
		use pallet_business::Call as Business;
		use pallet_forum::Call as Forum;
		use pallet_session::Call as Session;
		use pallet_validation_pool::Call as Pool;
		if let RuntimeCall::Utility(batch) = c {
			return *self == ProxyType::Any || self.allows_batch(batch);
		}
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => matches!(
				c,
				RuntimeCall::System(..)
					| RuntimeCall::Babe(..)
					| RuntimeCall::Grandpa(..)
					| RuntimeCall::Session(..)
					| RuntimeCall::Reputation(..)
					| RuntimeCall::Forum(Forum::submit_post { .. })
					| RuntimeCall::ValidationPool(Pool::stake { .. } | Pool::evaluate { .. })
					| RuntimeCall::Availability(..)
					| RuntimeCall::Business(
						Business::submit_evidence { .. }
							| Business::review { .. }
							| Business::cancel { .. }
							| Business::process_deadline { .. }
					)
			),
			ProxyType::Staking => matches!(c, RuntimeCall::ValidationPool(Pool::stake { .. })),
			ProxyType::Expert => matches!(
				c,
				RuntimeCall::Availability(..)
					| RuntimeCall::Business(Business::submit_evidence { .. })
					| RuntimeCall::Forum(Forum::submit_post { .. })
					| RuntimeCall::ValidationPool(Pool::stake { .. })
					| RuntimeCall::Session(Session::set_keys { .. } | Session::purge_keys { .. })
			),
			ProxyType::Governance => matches!(
				c,
				RuntimeCall::Governance(..)
					| RuntimeCall::Forum(Forum::submit_post { .. })
					| RuntimeCall::ValidationPool(Pool::stake { .. })
			),
		}
	}

	fn is_superset(&self, o: &Self) -> bool {
		use ProxyType::*;
		match (self, o) {
			(x, y) if x == y => true,
			(Any, _) => true,
			(_, Any) => false,
			// Every call of these is a NonTransfer call; a proposal pays a fee, so Governance
			// is not.
			(NonTransfer, Staking | Expert) => true,
			(Expert | Governance, Staking) => true,
			_ => false,
		}
	}
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	// The account's proxy list: an account key and a balance.
	type ProxyDepositBase = ConstU128<{ deposit(1, 8) }>;
	// Each proxy: an account id and a proxy type.
	type ProxyDepositFactor = ConstU128<{ deposit(0, 33) }>;
	type MaxProxies = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = BlakeTwo256;
	// The announcement list: an account key and a balance.
	type AnnouncementDepositBase = ConstU128<{ deposit(1, 8) }>;
	// Each announcement: an account id, a call hash and a block number.
	type AnnouncementDepositFactor = ConstU128<{ deposit(0, 68) }>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	// A pending operation: its key (account and call hash) and record (timepoint, deposit,
	// depositor).
	type DepositBase = ConstU128<{ deposit(1, 88) }>;
	// Each signatory's approval: an account id.
	type DepositFactor = ConstU128<{ deposit(0, 32) }>;
	type MaxSignatories = ConstU32<100>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}
