//! Consensus: BABE authoring with epochs driven by sessions, GRANDPA finality, the validator set.

use crate::{
	time::{EPOCH_DURATION_IN_SLOTS, SLOT_DURATION},
	AccountId, Babe, Balances, Runtime, RuntimeEvent, RuntimeHoldReason, SessionKeys, ValidatorSet,
	MILLI_UNIT,
};
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_runtime::traits::ConvertInto;

/// The most validators the chain supports: BABE's and GRANDPA's authority limit.
pub const MAX_AUTHORITIES: u32 = 100;

parameter_types! {
	pub const EpochDuration: u64 = EPOCH_DURATION_IN_SLOTS;
	pub const ExpectedBlockTime: u64 = SLOT_DURATION;
	pub const MaxAuthorities: u32 = MAX_AUTHORITIES;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Babe;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_babe::Config for Runtime {
	type EpochDuration = EpochDuration;
	type ExpectedBlockTime = ExpectedBlockTime;
	// Epochs change when the session rotates, so the validator set can change by governance.
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = Session;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	// Equivocation reports need the historical session pallet; Guild has no slashing of
	// validators yet, so none are accepted.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

use crate::Session;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	// A small deposit so that session keys are not free storage for anyone.
	type KeyDeposit = ConstU128<{ 100 * MILLI_UNIT }>;
}

impl pallet_validator_set::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorsOrigin = EnsureRoot<AccountId>;
	type MaxValidators = MaxAuthorities;
	type MinValidators = ConstU32<1>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

// Make sure the hold reason of session keys is part of the runtime's.
const _: fn(pallet_session::HoldReason) -> RuntimeHoldReason = RuntimeHoldReason::from;
