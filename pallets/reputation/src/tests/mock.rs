//! A runtime with System, Balances (u128) and Reputation.

use crate as pallet_reputation;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{Inspect, Mutate},
		ConstU128,
	},
	PalletId,
};
use guild_primitives::{FeeSalary, Rep, ReputationLedger};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Reputation: pallet_reputation,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
}

/// Existential deposit of the native token: above 1 so the DAO account's reserve shows.
pub const ED: u128 = 10;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<ED>;
}

parameter_types! {
	pub const DaoPalletId: PalletId = PalletId(*b"guild/da");
}

impl pallet_reputation::Config for Test {
	type Currency = Balances;
	type PalletId = DaoPalletId;
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
pub const DAVE: AccountId = 4;

/// Native balance every named account starts with.
pub const START_BALANCE: u128 = 1_000;

/// Builds the externalities from `rep` (initial REP per account).
#[derive(Default)]
pub struct ExtBuilder {
	rep: Vec<(AccountId, Rep)>,
}

impl ExtBuilder {
	pub fn with_rep(mut self, rep: &[(AccountId, Rep)]) -> Self {
		self.rep = rep.to_vec();
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [ALICE, BOB, CAROL, DAVE].iter().map(|a| (*a, START_BALANCE)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut t)
		.unwrap();
		pallet_reputation::GenesisConfig::<Test> { accounts: self.rep }
			.assimilate_storage(&mut t)
			.unwrap();
		let mut ext: sp_io::TestExternalities = t.into();
		// Events are not recorded on the genesis block.
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Reputation::do_try_state().expect("invariants hold after the test");
		})
	}
}

/// The externalities the benchmark tests run against.
#[allow(dead_code)]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

pub fn dao() -> AccountId {
	Reputation::dao_account()
}

/// Pays `fee` into the DAO account from outside (as a pool's initiator would), then shares it.
pub fn pay_fee(fee: u128) {
	let dao = dao();
	Balances::set_balance(&dao, Balances::balance(&dao) + fee);
	<Reputation as FeeSalary<AccountId, u128>>::distribute_fee(fee);
}

pub fn free(who: AccountId) -> Rep {
	<Reputation as ReputationLedger<AccountId>>::free(&who)
}

pub fn held(who: AccountId, reason: guild_primitives::RepHoldReason) -> Rep {
	<Reputation as ReputationLedger<AccountId>>::held(&who, reason)
}

pub fn total_rep() -> Rep {
	<Reputation as ReputationLedger<AccountId>>::total_rep()
}

/// Mints `amount` into the unowned pot and grants it to `who`.
pub fn give(who: AccountId, amount: Rep) {
	<Reputation as ReputationLedger<AccountId>>::mint_unowned(amount);
	<Reputation as ReputationLedger<AccountId>>::grant(&who, amount).unwrap();
}
