//! A runtime with System, Balances (u128), the real Reputation pallet and the Forum.

use crate::{self as pallet_forum, RefTarget};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, Get},
	BoundedVec, PalletId,
};
use frame_system::EnsureRoot;
use guild_primitives::{PostId, Rep, ReputationLedger};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Reputation: pallet_reputation,
		Forum: pallet_forum,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
}

pub const ED: u128 = 1;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<ED>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const DaoPalletId: PalletId = PalletId(*b"guild/da");
	/// Changeable per test (each test runs in its own thread).
	pub static MaxVisits: u32 = 256;
}

impl pallet_reputation::Config for Test {
	type Currency = Balances;
	type PalletId = DaoPalletId;
	type WeightInfo = ();
}

pub const MAX_URI_LEN: u32 = 256;
pub const MAX_AUTHORS: u32 = 8;
pub const MAX_REFERENCES: u32 = 8;

impl pallet_forum::Config for Test {
	type Currency = Balances;
	type Reputation = Reputation;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type MaxUriLen = ConstU32<MAX_URI_LEN>;
	type MaxAuthors = ConstU32<MAX_AUTHORS>;
	type MaxReferences = ConstU32<MAX_REFERENCES>;
	type MaxPropagationVisits = MaxVisits;
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
/// An account with no native tokens.
pub const PAUPER: AccountId = 99;

pub const START_BALANCE: u128 = 1_000_000;
pub const DEPOSIT: u128 = 5;

pub struct ExtBuilder {
	chain_limit: u32,
	deposit: u128,
	rep: Vec<(AccountId, Rep)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { chain_limit: 3, deposit: DEPOSIT, rep: vec![] }
	}
}

impl ExtBuilder {
	pub fn chain_limit(mut self, limit: u32) -> Self {
		self.chain_limit = limit;
		self
	}

	pub fn deposit(mut self, deposit: u128) -> Self {
		self.deposit = deposit;
		self
	}

	pub fn rep(mut self, rep: &[(AccountId, Rep)]) -> Self {
		self.rep = rep.to_vec();
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [ALICE, BOB, CAROL, DAVE, EVE].iter().map(|a| (*a, START_BALANCE)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut t)
		.unwrap();
		pallet_reputation::GenesisConfig::<Test> { accounts: self.rep }
			.assimilate_storage(&mut t)
			.unwrap();
		pallet_forum::GenesisConfig::<Test> {
			reference_chain_limit: self.chain_limit,
			revaluation_limit: 1_000_000,
			post_deposit: self.deposit,
		}
		.assimilate_storage(&mut t)
		.unwrap();
		let mut ext: sp_io::TestExternalities = t.into();
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks both pallets' invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			check_invariants();
		})
	}
}

pub fn check_invariants() {
	Reputation::do_try_state().expect("reputation invariants hold");
	Forum::do_try_state().expect("forum invariants hold");
}

/// The externalities the benchmark tests run against.
#[allow(dead_code)]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// `submit_post` takes plain vectors (and bounds them itself); these build its arguments.
pub fn authors(list: &[(AccountId, u32)]) -> Vec<(AccountId, u32)> {
	list.to_vec()
}

pub fn refs(list: &[(RefTarget, i32)]) -> Vec<(RefTarget, i32)> {
	list.to_vec()
}

pub fn uri(s: &str) -> Vec<u8> {
	s.as_bytes().to_vec()
}

/// `v` as the bounded vector a stored post holds; panics if it is over the bound.
pub fn bounded<Item, Bound: Get<u32>>(v: Vec<Item>) -> BoundedVec<Item, Bound> {
	BoundedVec::try_from(v).unwrap_or_else(|_| panic!("within the bound"))
}

/// Submits a post signed by the first author; returns its id.
pub fn submit(author_list: &[(AccountId, u32)], references: &[(RefTarget, i32)]) -> PostId {
	let id = crate::NextPostId::<Test>::get();
	assert_ok!(Forum::submit_post(
		RuntimeOrigin::signed(author_list[0].0),
		H256::repeat_byte(id as u8),
		uri("ipfs://work"),
		authors(author_list),
		refs(references),
	));
	id
}

/// A post by `author` alone.
pub fn solo(author: AccountId, references: &[(RefTarget, i32)]) -> PostId {
	submit(&[(author, 1_000_000)], references)
}

pub fn cite(post: PostId, w: i32) -> (RefTarget, i32) {
	(RefTarget::Post(post), w)
}

/// Mints `amount` into the unowned pot (as a pool would) and propagates it into `post`.
pub fn propagate(post: PostId, amount: Rep) {
	<Reputation as ReputationLedger<AccountId>>::mint_unowned(amount);
	assert_ok!(<Forum as guild_primitives::Forum<AccountId>>::propagate(post, amount));
}

pub fn value(post: PostId) -> Rep {
	crate::Posts::<Test>::get(post).expect("post exists").value
}

pub fn free(who: AccountId) -> Rep {
	<Reputation as ReputationLedger<AccountId>>::free(&who)
}

pub fn total_rep() -> Rep {
	<Reputation as ReputationLedger<AccountId>>::total_rep()
}

pub fn burned() -> Rep {
	pallet_reputation::TotalBurned::<Test>::get()
}

pub fn unowned() -> Rep {
	pallet_reputation::Unowned::<Test>::get()
}
