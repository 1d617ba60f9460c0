//! A runtime with System, Balances (u128), the real Reputation ledger and Availability.
//!
//! The randomness models BABE's VRF output of the parent block: `blake2_256(subject ++
//! RandomSeed ++ parent block number)`, so it changes with every block and nobody knows a block's
//! value before that block; there is none in block 0 or while `NoRandomness` is set. A test can
//! change the seed. The work-request pallet is replaced by a recorder of `OnExpertAvailable`
//! calls, the validator set's `StakeLock` by the accounts a test puts in `LockedStakes`.

pub use crate::StakeCount;
use crate::{self as pallet_availability, AvailabilityParams, Candidates, Stakes};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, Randomness},
	weights::Weight,
	PalletId,
};
use frame_system::{pallet_prelude::BlockNumberFor, EnsureRoot};
pub use guild_primitives::StakeKind;
use guild_primitives::{OnExpertAvailable, Rep, RepHoldReason, ReputationLedger};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type BlockNumber = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Reputation: pallet_reputation,
		Availability: pallet_availability,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<1>;
}

parameter_types! {
	pub const DaoPalletId: PalletId = PalletId(*b"guild/da");
	/// Mixed into the randomness; changeable per test (each test runs in its own thread).
	pub static RandomSeed: u64 = 0;
	/// While set, there is no randomness (as in a chain's first block).
	pub static NoRandomness: bool = false;
	/// The accounts `OnExpertAvailable` was told of, oldest first.
	pub static AvailableLog: Vec<AccountId> = vec![];
	/// The accounts whose `BlockProduction` stake the validator set locks.
	pub static LockedStakes: Vec<AccountId> = vec![];
}

impl pallet_reputation::Config for Test {
	type Currency = Balances;
	type PalletId = DaoPalletId;
	type WeightInfo = ();
}

/// The parent block's "VRF output": `blake2_256(subject ++ seed ++ parent)`, as
/// `pallet_babe::ParentBlockRandomness` returns it (`None` before there is one).
pub struct TestRandomness;
impl Randomness<Option<H256>, BlockNumber> for TestRandomness {
	fn random(subject: &[u8]) -> (Option<H256>, BlockNumber) {
		let now = System::block_number();
		let parent = now.saturating_sub(1);
		if now == 0 || NoRandomness::get() {
			return (None, parent);
		}
		let mut input = subject.to_vec();
		input.extend_from_slice(&RandomSeed::get().to_le_bytes());
		input.extend_from_slice(&parent.to_le_bytes());
		(Some(H256(sp_io::hashing::blake2_256(&input))), parent)
	}
}

/// The weight the recorder reports for each call.
pub const HOOK_WEIGHT: Weight = Weight::from_parts(1_000, 0);

pub struct RecordAvailable;
impl OnExpertAvailable<AccountId> for RecordAvailable {
	fn on_expert_available(who: &AccountId) -> Weight {
		AvailableLog::mutate(|log| log.push(*who));
		HOOK_WEIGHT
	}
	fn max_weight() -> Weight {
		HOOK_WEIGHT
	}
}

/// The validator set's lock: the `BlockProduction` stakes of the accounts in `LockedStakes`.
pub struct TestStakeLock;
impl guild_primitives::StakeLock<AccountId> for TestStakeLock {
	fn is_locked(who: &AccountId) -> bool {
		LockedStakes::get().contains(who)
	}
}

/// Few experts, so that a full list is easy to reach.
pub const MAX_EXPERTS: u32 = 6;

impl pallet_availability::Config for Test {
	type StakeLock = TestStakeLock;
	type Reputation = Reputation;
	type Randomness = TestRandomness;
	type OnExpertAvailable = RecordAvailable;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type MaxExperts = ConstU32<MAX_EXPERTS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
pub const GEORGE: AccountId = 7;
/// Holds no REP.
pub const PAUPER: AccountId = 99;

/// The minimum stake of the tests.
pub const MIN: Rep = 10;
/// The longest a stake's expiry may lie ahead in the tests.
pub const MAX_PERIOD: BlockNumber = 1_000_000;
/// Free REP every named expert starts with.
pub const START_REP: Rep = 1_000;

pub struct ExtBuilder {
	rep: Vec<(AccountId, Rep)>,
	min: Rep,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			rep: [ALICE, BOB, CAROL, DAVE, EVE, FERDIE, GEORGE]
				.iter()
				.map(|a| (*a, START_REP))
				.collect(),
			min: MIN,
		}
	}
}

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_reputation::GenesisConfig::<Test> { accounts: self.rep }
			.assimilate_storage(&mut t)
			.unwrap();
		pallet_availability::GenesisConfig::<Test> {
			params: AvailabilityParams {
				min_availability_stake: self.min,
				max_availability_period: MAX_PERIOD,
			},
			..Default::default()
		}
		.assimilate_storage(&mut t)
		.unwrap();
		let mut ext: sp_io::TestExternalities = t.into();
		// Events are not recorded in the genesis block.
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks every invariant, and that REP and the native token were
	/// conserved: every REP minted is held by an account or burned, and no native token moved.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance = Balances::total_issuance();
			let minted = pallet_reputation::TotalMinted::<Test>::get();
			test();
			check_invariants();
			assert_eq!(Balances::total_issuance(), issuance, "native token created or destroyed");
			assert_eq!(
				pallet_reputation::TotalMinted::<Test>::get(),
				minted,
				"this pallet mints nothing"
			);
		})
	}
}

/// The externalities the benchmark tests run against.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Both pallets' invariants, and nothing left in the unowned pot (there are no pools here: a
/// slash is burned at once).
pub fn check_invariants() {
	Availability::do_try_state().expect("availability invariants hold");
	Reputation::do_try_state().expect("reputation invariants hold");
	assert_eq!(pallet_reputation::Unowned::<Test>::get(), 0, "slashed REP is burned at once");
	assert_eq!(
		total_rep() + pallet_reputation::TotalBurned::<Test>::get(),
		pallet_reputation::TotalMinted::<Test>::get(),
		"REP is held by accounts or burned"
	);
}

pub fn free(who: AccountId) -> Rep {
	<Reputation as ReputationLedger<AccountId>>::free(&who)
}

pub fn held(who: AccountId) -> Rep {
	<Reputation as ReputationLedger<AccountId>>::held(&who, RepHoldReason::Availability)
}

pub fn total_rep() -> Rep {
	<Reputation as ReputationLedger<AccountId>>::total_rep()
}

pub fn burned() -> Rep {
	pallet_reputation::TotalBurned::<Test>::get()
}

/// Stake `amount` until `until` as `who`.
pub fn stake(who: AccountId, amount: Rep, until: BlockNumberFor<Test>) {
	assert_ok!(Availability::stake_availability(
		RuntimeOrigin::signed(who),
		StakeKind::Requests,
		amount,
		until
	));
}

/// The accounts listed as candidates, in list order.
pub fn candidates() -> Vec<AccountId> {
	Candidates::<Test>::get(StakeKind::Requests).iter().map(|c| c.who).collect()
}

pub fn stake_record(who: AccountId) -> Option<crate::ExpertStakeOf<Test>> {
	Stakes::<Test>::get(StakeKind::Requests, who)
}

/// Advance to block `n` (the pallet has no block hook), checking the invariants.
pub fn run_to_block(n: BlockNumber) {
	System::set_block_number(n);
	check_invariants();
}

/// The pallet's events, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Availability(e) => Some(e),
			_ => None,
		})
		.collect()
}
