//! Consensus: BABE authoring with epochs driven by sessions, GRANDPA finality, and the validator
//! set of PROTOCOL.md §12: elected by `BlockProduction` stake, reported on through the forum,
//! slashed for equivocation (BABE's and GRANDPA's reports, proven against historical sessions).

use crate::{
	time::{EPOCH_DURATION_IN_SLOTS, SLOT_DURATION},
	AccountId, Availability, Babe, Balances, Forum, Historical, Reputation, Runtime, RuntimeEvent,
	RuntimeHoldReason, Session, SessionKeys, ValidationPool, ValidatorSet, MILLI_UNIT,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	PalletId,
};
use sp_core::U256;
use sp_runtime::traits::{AccountIdConversion, ConvertInto};
use sp_staking::SessionIndex;

/// The most validators the chain supports: BABE's and GRANDPA's authority limit.
pub const MAX_AUTHORITIES: u32 = guild_primitives::MAX_VALIDATORS;

parameter_types! {
	/// Slots per epoch (= session). A storage parameter, read from the genesis state: a chain
	/// spec may set it at genesis (the end-to-end tests' short sessions); it must never change
	/// afterwards, and only root could change it.
	pub storage EpochDuration: u64 = EPOCH_DURATION_IN_SLOTS;
	pub const ExpectedBlockTime: u64 = SLOT_DURATION;
	pub const MaxAuthorities: u32 = MAX_AUTHORITIES;
	/// How long an equivocation report stays valid: the sessions whose history is kept.
	pub ReportLongevity: u64 =
		EpochDuration::get() * (pallet_validator_set::REPORT_SESSIONS as u64 + 1);
	/// GRANDPA set ids mapped to sessions, for its equivocation proofs.
	pub const MaxSetIdSessionEntries: u64 = 8 * (pallet_validator_set::REPORT_SESSIONS as u64 + 1);
	/// The account that holds the session reports' posts.
	pub ReportAccount: AccountId = PalletId(*b"guild/vs").into_account_truncating();
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
	type KeyOwnerProof = sp_session::MembershipProof;
	// Reports are unsigned extrinsics the nodes submit; the offence goes to the validator set.
	type EquivocationReportSystem =
		pallet_babe::EquivocationReportSystem<Self, ValidatorSet, Historical, ReportLongevity>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, ValidatorSet, Historical, ReportLongevity>;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Babe>;
	type EventHandler = ValidatorSet;
}

/// What the historical proofs identify a validator by: its account, nothing more.
pub struct NoIdentification;
impl sp_runtime::traits::Convert<AccountId, Option<()>> for NoIdentification {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = NoIdentification;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Self, ValidatorSet>;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// Disabling is the validator set's own (an equivocation disables its offender).
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	// A small deposit so that session keys are not free storage for anyone.
	type KeyDeposit = ConstU128<{ 100 * MILLI_UNIT }>;
}

impl pallet_validator_set::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Stakes = Availability;
	type Reputation = Reputation;
	type Forum = Forum;
	type Pools = ValidationPool;
	type Salary = Reputation;
	type Session = SessionAccess;
	type ReportAccount = ReportAccount;
	type ParamsOrigin = crate::configs::guild::ParamsOrigin;
	type MaxValidators = MaxAuthorities;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::configs::guild::GuildBenchmarkHelper;
}

/// The session pallet and BABE as the validator set sees them.
pub struct SessionAccess;
impl pallet_validator_set::SessionAccess<AccountId> for SessionAccess {
	fn validators() -> Vec<AccountId> {
		pallet_session::Validators::<Runtime>::get()
	}

	fn has_keys(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}

	/// At most a third of the set (rounded down, less one) is disabled at once: the others must
	/// author, or the session could not even rotate. An offender beyond that limit is still
	/// slashed and left out of the elections.
	fn disable(who: &AccountId) -> bool {
		let validators = pallet_session::Validators::<Runtime>::get();
		let Some(index) = validators.iter().position(|v| v == who) else { return false };
		let disabled = Session::disabled_validators();
		if disabled.contains(&(index as u32)) {
			return true;
		}
		if disabled.len() >= validators.len().saturating_sub(1) / 3 {
			return false;
		}
		Session::disable_index(index as u32)
	}

	fn current_index() -> SessionIndex {
		Session::current_index()
	}

	fn current_slot() -> u64 {
		pallet_babe::CurrentSlot::<Runtime>::get().into()
	}

	fn epoch_start_slot() -> u64 {
		Babe::current_epoch_start().into()
	}

	fn primary_block() -> bool {
		frame_system::Pallet::<Runtime>::digest().convert_first(|item| {
			item.pre_runtime_try_to::<sp_consensus_babe::digests::PreDigest>(
				&sp_consensus_babe::BABE_ENGINE_ID,
			)
			.map(|pre| pre.is_primary())
		}) == Some(true)
	}

	/// BABE's secondary slot assignment (`sc-consensus-babe`'s `secondary_slot_author`):
	/// `blake2_256(randomness, slot) mod count`, with the current epoch's randomness.
	fn secondary_owners(slots: core::ops::Range<u64>, count: u32) -> Vec<u32> {
		if count == 0 {
			return Vec::new();
		}
		let randomness = pallet_babe::Randomness::<Runtime>::get();
		slots
			.map(|slot| {
				let hash = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(
					&(randomness, sp_consensus_babe::Slot::from(slot)).encode(),
				);
				(U256::from_big_endian(hash.as_ref()) % U256::from(count)).as_u32()
			})
			.collect()
	}

	fn prune_history(up_to: SessionIndex) {
		Historical::prune_up_to(up_to);
	}
}

// Make sure the hold reason of session keys is part of the runtime's.
const _: fn(pallet_session::HoldReason) -> RuntimeHoldReason = RuntimeHoldReason::from;

/// Unsigned extrinsics the runtime builds itself: BABE's and GRANDPA's equivocation reports,
/// which the nodes submit to their pools.
impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	crate::RuntimeCall: From<LocalCall>,
{
	type Extrinsic = crate::UncheckedExtrinsic;
	type RuntimeCall = crate::RuntimeCall;
}

impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Runtime
where
	crate::RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: crate::RuntimeCall) -> crate::UncheckedExtrinsic {
		crate::UncheckedExtrinsic::new_bare(call)
	}
}
