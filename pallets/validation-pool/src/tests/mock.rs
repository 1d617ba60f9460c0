//! A runtime with System, Balances (u128), and the real Reputation, Forum and ValidationPool
//! pallets. Only the `OnPoolResolved` hook is a test double: it records what it hears.

use crate::{self as pallet_validation_pool, ParamsType, PoolStatus, Pools};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{fungible::Inspect, ConstU128, ConstU32, Hooks},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use guild_primitives::{
	Forum as ForumT, OnPoolResolved, PoolId, PoolOutcome, PostId, PostStatus, Rep, RepHoldReason,
	ReputationLedger, Tally,
};
use pallet_forum::RefTarget;
use sp_core::H256;
use sp_runtime::{BuildStorage, FixedU128, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type BlockNumber = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Reputation: pallet_reputation,
		Forum: pallet_forum,
		ValidationPool: pallet_validation_pool,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
	// Database weights that are not zero, so that the hooks' accounting shows.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

/// Existential deposit of the native token: above 1 so that keep-alive shows.
pub const ED: u128 = 10;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<ED>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const DaoPalletId: PalletId = PalletId(*b"guild/da");
	pub const ForumWeight: Weight = Weight::from_parts(1_000_000, 1_000);
}

impl pallet_reputation::Config for Test {
	type Currency = Balances;
	type PalletId = DaoPalletId;
	type WeightInfo = ();
}

impl pallet_forum::Config for Test {
	type Currency = Balances;
	type Reputation = Reputation;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type MaxUriLen = ConstU32<64>;
	type MaxAuthors = ConstU32<8>;
	type MaxReferences = ConstU32<8>;
	type MaxPropagationVisits = ConstU32<256>;
	type WeightInfo = ();
}

/// Small bounds so that full pools and crowded end blocks are easy to reach.
pub const MAX_STAKERS: u32 = 4;
pub const MAX_ENDING: u32 = 5;
pub const MAX_EVALUATIONS: u32 = 2;

impl pallet_validation_pool::Config for Test {
	type Currency = Balances;
	type Reputation = Reputation;
	type Forum = Forum;
	type OnPoolResolved = RecordResolved;
	type WorkerLosses = DirectWorkerLosses;
	type ProtocolPosts = MockProtocolPosts;
	type ForumWeight = ForumWeight;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type MaxStakersPerPool = ConstU32<MAX_STAKERS>;
	type MaxPoolsEndingPerBlock = ConstU32<MAX_ENDING>;
	type MaxEvaluationsPerBlock = ConstU32<MAX_EVALUATIONS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

// ---------------------------------------------------------------------------------------------
// Posts and the resolution hook.

/// Native tokens the forum holds from a post's submitter until it is ratified.
pub const POST_DEPOSIT: u128 = 5;

#[frame_support::storage_alias]
pub type ResolvedLog = StorageValue<
	HookRecorder,
	Vec<(PoolId, PostId, PoolOutcome, Tally)>,
	frame_support::pallet_prelude::ValueQuery,
>;

#[frame_support::storage_alias]
pub type ProtocolPostList =
	StorageValue<HookRecorder, Vec<PostId>, frame_support::pallet_prelude::ValueQuery>;

/// The posts a protocol rule owns, as the work-request and governance pallets would say.
pub struct MockProtocolPosts;
impl guild_primitives::ProtocolPosts for MockProtocolPosts {
	fn is_protocol_post(post: PostId) -> bool {
		ProtocolPostList::get().contains(&post)
	}
}

/// Mark `post` as owned by a protocol rule.
pub fn make_protocol_post(post: PostId) {
	ProtocolPostList::mutate(|l| l.push(post));
}

/// What the worker-loss double declares it may cost.
pub const WORKER_LOSS_WEIGHT: Weight = Weight::from_parts(1_000, 10);

/// Takes a losing worker's loss straight out of their availability hold, as the availability
/// pallet does (this mock has no availability pallet).
pub struct DirectWorkerLosses;
impl guild_primitives::WorkerLosses<AccountId> for DirectWorkerLosses {
	fn lose(who: &AccountId, amount: Rep) -> Rep {
		let take = amount.min(availability(*who));
		assert_ok!(<Reputation as ReputationLedger<AccountId>>::slash_held(
			who,
			RepHoldReason::Availability,
			take
		));
		take
	}
	fn lose_weight() -> Weight {
		WORKER_LOSS_WEIGHT
	}
}

/// Records every resolved pool, as the work-request and governance pallets will hear of them.
pub struct RecordResolved;
/// What the recording listener says each resolution cost it, and its bound.
pub const RESOLVED_WEIGHT: Weight = Weight::from_parts(7_000_000, 70);

impl OnPoolResolved for RecordResolved {
	fn on_pool_resolved(pool: PoolId, post: PostId, outcome: PoolOutcome, tally: Tally) -> Weight {
		ResolvedLog::mutate(|log| log.push((pool, post, outcome, tally)));
		RESOLVED_WEIGHT
	}
	fn max_weight() -> Weight {
		RESOLVED_WEIGHT
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for BenchHelper {
	fn create_post(author: &AccountId) -> PostId {
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
			author,
			START_BALANCE,
		);
		new_post(&[(*author, guild_primitives::PPM)])
	}
}

/// A new open post by `authors` (weights in ppm), submitted by the first author.
pub fn new_post(authors: &[(AccountId, u32)]) -> PostId {
	new_post_citing(authors, &[])
}

/// A new open post by `authors` citing older posts with weights in ppm.
pub fn new_post_citing(authors: &[(AccountId, u32)], references: &[(PostId, i32)]) -> PostId {
	let id = pallet_forum::NextPostId::<Test>::get();
	assert_ok!(Forum::submit_post(
		RuntimeOrigin::signed(authors[0].0),
		H256::repeat_byte(7),
		b"ipfs://work".to_vec(),
		authors.to_vec(),
		references.iter().map(|(p, w)| (RefTarget::Post(*p), *w)).collect(),
	));
	id
}

/// Ratify or reject `post` as a pool would.
pub fn set_post_status(post: PostId, status: PostStatus) {
	match status {
		PostStatus::Ratified => {
			assert_ok!(<Forum as ForumT<AccountId>>::ratify(post));
		},
		PostStatus::Rejected => {
			assert_ok!(<Forum as ForumT<AccountId>>::reject(post));
		},
		PostStatus::Open => panic!("posts start open"),
	}
}

pub fn post_status(post: PostId) -> PostStatus {
	pallet_forum::Posts::<Test>::get(post).expect("post exists").status
}

pub fn post_value(post: PostId) -> Rep {
	pallet_forum::Posts::<Test>::get(post).expect("post exists").value
}

/// Native tokens the forum still holds for `post`.
pub fn post_deposit(post: PostId) -> u128 {
	pallet_forum::Posts::<Test>::get(post).expect("post exists").deposit
}

pub fn resolved_log() -> Vec<(PoolId, PostId, PoolOutcome, Tally)> {
	ResolvedLog::get()
}

// ---------------------------------------------------------------------------------------------
// Accounts, genesis and checks.

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
/// Pays the fees; holds no REP.
pub const INITIATOR: AccountId = 10;

/// Native balance every named account starts with.
pub const START_BALANCE: u128 = 1_000_000;

/// The parameters of the tests: §9's rules, pools of 1..=100 blocks, 10 by default.
pub fn test_params() -> ParamsType<BlockNumber> {
	ParamsType {
		minting_ratio: FixedU128::from_u32(1),
		stake_for_author: Perbill::from_percent(50),
		quorum: Perbill::from_percent(10),
		win_ratio: Perbill::from_percent(50),
		binding: Perbill::from_percent(100),
		redistribute_losing_stakes: true,
		pool_duration_min: 1,
		pool_duration_default: 10,
		pool_duration_max: 100,
		min_pool_fee: 1,
		quorum_miss_fee: Perbill::from_percent(10),
	}
}

pub struct ExtBuilder {
	rep: Vec<(AccountId, Rep)>,
	params: ParamsType<BlockNumber>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { rep: vec![], params: test_params() }
	}
}

impl ExtBuilder {
	/// Initial free REP per account (genesis counts as minted).
	pub fn with_rep(mut self, rep: &[(AccountId, Rep)]) -> Self {
		self.rep = rep.to_vec();
		self
	}

	pub fn with_params(mut self, f: impl FnOnce(&mut ParamsType<BlockNumber>)) -> Self {
		f(&mut self.params);
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [ALICE, BOB, CAROL, DAVE, EVE, FERDIE, INITIATOR]
				.iter()
				.map(|a| (*a, START_BALANCE))
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut t)
		.unwrap();
		pallet_reputation::GenesisConfig::<Test> { accounts: self.rep }
			.assimilate_storage(&mut t)
			.unwrap();
		pallet_forum::GenesisConfig::<Test> {
			reference_chain_limit: 3,
			revaluation_limit: guild_primitives::PPM,
			post_deposit: POST_DEPOSIT,
		}
		.assimilate_storage(&mut t)
		.unwrap();
		pallet_validation_pool::GenesisConfig::<Test> { params: self.params }
			.assimilate_storage(&mut t)
			.unwrap();
		let mut ext: sp_io::TestExternalities = t.into();
		// Events are not recorded in the genesis block.
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks every invariant: the pallet's `do_try_state`, the ledger's
	/// (`TotalRep + Unowned = TotalMinted − TotalBurned`), unowned REP = the pools' mint, and the
	/// native token's books.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance = Balances::total_issuance();
			test();
			check_invariants();
			assert_eq!(Balances::total_issuance(), issuance, "native token created or destroyed");
		})
	}
}

/// The externalities the benchmark tests run against.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Every invariant of the pallets under test, after any block: their `do_try_state`s (the ledger's
/// `TotalRep + Unowned = TotalMinted − TotalBurned` among them), unowned REP = the pools' mint
/// (open pools, and accepted ones waiting for their propagation), and Σ balances (free + held) =
/// total issuance.
pub fn check_invariants() {
	ValidationPool::do_try_state().expect("validation-pool invariants hold");
	Reputation::do_try_state().expect("reputation invariants hold");
	Forum::do_try_state().expect("forum invariants hold");
	let balances: u128 = frame_system::Account::<Test>::iter()
		.map(|(_, a)| a.data.free + a.data.reserved)
		.sum();
	assert_eq!(balances, Balances::total_issuance(), "Σ balances = total issuance");
}

pub fn dao() -> AccountId {
	Reputation::dao_account()
}

pub fn balance(who: AccountId) -> u128 {
	Balances::balance(&who)
}

pub fn free(who: AccountId) -> Rep {
	<Reputation as ReputationLedger<AccountId>>::free(&who)
}

pub fn held(who: AccountId) -> Rep {
	<Reputation as ReputationLedger<AccountId>>::held(&who, RepHoldReason::PoolStake)
}

pub fn availability(who: AccountId) -> Rep {
	<Reputation as ReputationLedger<AccountId>>::held(&who, RepHoldReason::Availability)
}

/// Free plus everything held.
pub fn rep(who: AccountId) -> Rep {
	pallet_reputation::Pallet::<Test>::record(&who).total()
}

pub fn total_rep() -> Rep {
	<Reputation as ReputationLedger<AccountId>>::total_rep()
}

pub fn unowned() -> Rep {
	pallet_reputation::Unowned::<Test>::get()
}

pub fn total_burned() -> Rep {
	pallet_reputation::TotalBurned::<Test>::get()
}

pub fn total_minted() -> Rep {
	pallet_reputation::TotalMinted::<Test>::get()
}

pub fn claimable(who: AccountId) -> u128 {
	pallet_reputation::Pallet::<Test>::claimable_fees(&who)
}

/// Move `amount` of the free REP of `who` into an availability hold (as the availability pallet
/// would).
pub fn hold_availability(who: AccountId, amount: Rep) {
	assert_ok!(<Reputation as ReputationLedger<AccountId>>::hold(
		&who,
		RepHoldReason::Availability,
		amount
	));
}

/// Run the hooks of every block up to `n`, checking the invariants after each.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		ValidationPool::on_initialize(next);
		// The block's room left after its extrinsics: propagations of pools accepted above.
		ValidationPool::on_idle(next, Weight::MAX);
		check_invariants();
	}
}

/// The pool's record while open.
pub fn open_pool(pool: PoolId) -> crate::OpenPoolOf<Test> {
	match Pools::<Test>::get(pool) {
		Some(PoolStatus::Open(p)) => p,
		other => panic!("pool {pool} is not open: {other:?}"),
	}
}

/// The pool's outcome once resolved.
pub fn outcome(pool: PoolId) -> Option<PoolOutcome> {
	match Pools::<Test>::get(pool) {
		Some(PoolStatus::Resolved(r)) => Some(r.outcome),
		_ => None,
	}
}

/// The pallet's events, oldest first.
pub fn pool_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::ValidationPool(e) => Some(e),
			_ => None,
		})
		.collect()
}
