//! A runtime wired like Guild's: System, Balances (u128), and the real Reputation, Forum,
//! ValidationPool, Availability and Business pallets. The pools tell Business of their outcomes;
//! Availability tells Business of experts who stake.
//!
//! The randomness models BABE's VRF output of the parent block (`pallet_babe::
//! ParentBlockRandomness`): `blake2_256(subject ++ RandomSeed ++ parent block number)`, a new
//! value in every block that nobody knows before the parent block exists; none in blocks 0 and 1
//! (genesis has no VRF output) or while `NoRandomness` is set.

use crate::{self as pallet_business, BusinessParams, Requests};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, Hooks, Randomness},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
pub use guild_primitives::StakeKind;
use guild_primitives::{PoolId, PostId, Rep, RepHoldReason, ReputationLedger, RequestId, PPM};
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
		Availability: pallet_availability,
		Business: pallet_business,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
}

/// Existential deposit of the native token.
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
	/// Mixed into the randomness; changeable per test (each test runs in its own thread).
	pub static RandomSeed: u64 = 0;
	/// While set, there is no randomness (as in a chain's first block).
	pub static NoRandomness: bool = false;
	/// The forum's share of an evaluation, as the runtime takes it from the forum's benchmarks.
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

impl pallet_validation_pool::Config for Test {
	type Currency = Balances;
	type Reputation = Reputation;
	type Forum = Forum;
	type OnPoolResolved = Business;
	type WorkerLosses = Availability;
	type ProtocolPosts = Business;
	type ForumWeight = ForumWeight;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type MaxStakersPerPool = ConstU32<16>;
	type MaxPoolsEndingPerBlock = ConstU32<8>;
	type MaxEvaluationsPerBlock = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Helper;
}

/// The parent block's "VRF output": `blake2_256(subject ++ seed ++ parent)`.
pub struct TestRandomness;
impl Randomness<Option<H256>, BlockNumber> for TestRandomness {
	fn random(subject: &[u8]) -> (Option<H256>, BlockNumber) {
		let now = System::block_number();
		let parent = now.saturating_sub(1);
		if now <= 1 || NoRandomness::get() {
			return (None, parent);
		}
		let mut input = subject.to_vec();
		input.extend_from_slice(&RandomSeed::get().to_le_bytes());
		input.extend_from_slice(&parent.to_le_bytes());
		(Some(H256(sp_io::hashing::blake2_256(&input))), parent)
	}
}

pub const MAX_EXPERTS: u32 = 8;

impl pallet_availability::Config for Test {
	type StakeLock = ();
	type Reputation = Reputation;
	type Randomness = TestRandomness;
	type OnExpertAvailable = Business;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type MaxExperts = ConstU32<MAX_EXPERTS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// Small bounds so that full lists and per-block limits are easy to reach.
pub const MAX_URI: u32 = 64;
pub const MAX_EXCLUSIONS: u32 = 3;
pub const MAX_DUE: u32 = 4;
pub const MAX_TIMEOUTS: u32 = 3;
pub const MAX_PENDING_SCAN: u32 = 3;

impl pallet_business::Config for Test {
	type Currency = Balances;
	type Experts = Availability;
	type DrawReady = pallet_availability::RandomnessReady<Test>;
	type Pools = ValidationPool;
	type Forum = Forum;
	type Salary = Reputation;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type MaxUriLen = ConstU32<MAX_URI>;
	type MaxExclusions = ConstU32<MAX_EXCLUSIONS>;
	type MaxDuePerBlock = ConstU32<MAX_DUE>;
	type MaxTimeoutsPerBlock = ConstU32<MAX_TIMEOUTS>;
	type MaxPendingScan = ConstU32<MAX_PENDING_SCAN>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Helper;
}

/// Creates experts and posts for the benchmarks, as the runtime's helper does.
#[cfg(feature = "runtime-benchmarks")]
pub struct Helper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for Helper {
	fn make_expert(who: &AccountId) {
		let amount: Rep = 1_000;
		<Reputation as ReputationLedger<AccountId>>::mint_unowned(amount);
		assert_ok!(<Reputation as ReputationLedger<AccountId>>::grant(who, amount));
		assert_ok!(Availability::do_stake(StakeKind::Requests, who, amount, 1_000_000));
	}
	fn create_post(author: &AccountId) -> PostId {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(author, 1_000);
		new_post(&[(*author, PPM)])
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_validation_pool::BenchmarkHelper<AccountId> for Helper {
	fn create_post(author: &AccountId) -> PostId {
		<Helper as crate::BenchmarkHelper<AccountId>>::create_post(author)
	}
}

// ---------------------------------------------------------------------------------------------
// Accounts, genesis and checks.

/// Experts (they hold REP).
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
/// REP holders who stake in pools.
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
/// More experts, for crowded blocks.
pub const FERDIE: AccountId = 6;
pub const GEORGE: AccountId = 7;
/// Customers: native tokens, no REP.
pub const CUSTOMER: AccountId = 10;
pub const OTHER_CUSTOMER: AccountId = 11;

/// Native balance every named account starts with.
pub const START_BALANCE: u128 = 1_000_000;
/// The forum's post deposit.
pub const POST_DEPOSIT: u128 = 2;
/// The fee of most tests' requests.
pub const FEE: u128 = 50;
/// The availability stake of most tests' experts.
pub const STAKE: Rep = 40;

/// The smallest request fee of the tests.
pub const MIN_FEE: u128 = 10;

/// The parameters of the tests: short timeouts, §9's slash, attempts and draws, a small
/// minimum fee.
pub fn test_params() -> BusinessParams<BlockNumber> {
	BusinessParams {
		evidence_timeout: 10,
		review_timeout: 5,
		no_show_slash: Perbill::from_percent(50),
		max_validation_attempts: 3,
		pool_duration: 10,
		min_request_fee: MIN_FEE,
		max_draws: 3,
	}
}

/// §9's pool rules, pools of 1..=100 blocks.
pub fn pool_params() -> pallet_validation_pool::ParamsType<BlockNumber> {
	pallet_validation_pool::ParamsType {
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
	balances: Vec<(AccountId, u128)>,
	params: BusinessParams<BlockNumber>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			rep: vec![(ALICE, 100), (BOB, 100), (CAROL, 100), (DAVE, 200), (EVE, 100)],
			balances: [ALICE, BOB, CAROL, DAVE, EVE, FERDIE, GEORGE, CUSTOMER, OTHER_CUSTOMER]
				.iter()
				.map(|a| (*a, START_BALANCE))
				.collect(),
			params: test_params(),
		}
	}
}

impl ExtBuilder {
	/// Initial free REP per account (genesis counts as minted).
	pub fn with_rep(mut self, rep: &[(AccountId, Rep)]) -> Self {
		self.rep = rep.to_vec();
		self
	}

	/// Overrides the native balance of `who`.
	pub fn with_balance(mut self, who: AccountId, balance: u128) -> Self {
		self.balances.retain(|(a, _)| *a != who);
		self.balances.push((who, balance));
		self
	}

	pub fn with_params(mut self, f: impl FnOnce(&mut BusinessParams<BlockNumber>)) -> Self {
		f(&mut self.params);
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut t)
			.unwrap();
		pallet_reputation::GenesisConfig::<Test> { accounts: self.rep }
			.assimilate_storage(&mut t)
			.unwrap();
		pallet_forum::GenesisConfig::<Test> {
			reference_chain_limit: 3,
			revaluation_limit: PPM,
			post_deposit: POST_DEPOSIT,
		}
		.assimilate_storage(&mut t)
		.unwrap();
		pallet_validation_pool::GenesisConfig::<Test> { params: pool_params() }
			.assimilate_storage(&mut t)
			.unwrap();
		pallet_availability::GenesisConfig::<Test> {
			params: pallet_availability::AvailabilityParams {
				min_availability_stake: 10,
				max_availability_period: 1_000_000,
			},
			..Default::default()
		}
		.assimilate_storage(&mut t)
		.unwrap();
		pallet_business::GenesisConfig::<Test> { params: self.params }
			.assimilate_storage(&mut t)
			.unwrap();
		let mut ext: sp_io::TestExternalities = t.into();
		// Events are not recorded in the genesis block; block 1's calls are its extrinsics.
		ext.execute_with(|| {
			System::set_block_number(1);
			System::note_finished_initialize();
		});
		ext
	}

	/// Runs `test`, then checks every invariant and that no native token was created or
	/// destroyed.
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

/// Every invariant of the pallets, after any block: each pallet's `do_try_state` (the ledger's
/// `TotalRep + Unowned = TotalMinted − TotalBurned` among them), unowned REP = the pools' mint
/// (open pools, and accepted ones waiting for their propagation), and the native token's books.
pub fn check_invariants() {
	Business::do_try_state().expect("business invariants hold");
	Availability::do_try_state().expect("availability invariants hold");
	Reputation::do_try_state().expect("reputation invariants hold");
	Forum::do_try_state().expect("forum invariants hold");
	pallet_validation_pool::Pallet::<Test>::do_try_state()
		.expect("validation-pool invariants hold");
	let books: u128 = frame_system::Account::<Test>::iter()
		.map(|(_, a)| a.data.free + a.data.reserved)
		.sum();
	assert_eq!(books, Balances::total_issuance(), "Σ balances = total issuance");
}

/// Run the hooks of every block up to `n` (pools first, then requests, as the runtime orders
/// them), checking the invariants after each.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		// The hooks run outside the extrinsics' phase (what `Business` tells a hook by).
		System::note_finished_extrinsics();
		ValidationPool::on_initialize(next);
		Business::on_initialize(next);
		// The block's room left after its extrinsics: propagations of pools accepted above.
		ValidationPool::on_idle(next, Weight::MAX);
		check_invariants();
		// What a test calls next runs as an extrinsic of this block.
		System::note_finished_initialize();
	}
}

// ---------------------------------------------------------------------------------------------
// Helpers.

pub fn dao() -> AccountId {
	Reputation::dao_account()
}

/// Free native balance.
pub fn balance(who: AccountId) -> u128 {
	frame_system::Account::<Test>::get(who).data.free
}

/// Native balance held for request fees.
pub fn fee_held(who: AccountId) -> u128 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&RuntimeHoldReason::Business(crate::HoldReason::RequestFee), &who)
}

pub fn free(who: AccountId) -> Rep {
	<Reputation as ReputationLedger<AccountId>>::free(&who)
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

pub fn claimable(who: AccountId) -> u128 {
	pallet_reputation::Pallet::<Test>::claimable_fees(&who)
}

/// The next block.
pub fn next_block() {
	run_to_block(System::block_number() + 1);
}

/// Two blocks on: the hook that scans the pending queue for a call of this block (a call never
/// draws; the scan comes two blocks later, with randomness nobody knew at the call).
pub fn until_the_scan() {
	run_to_block(System::block_number() + 2);
}

/// `who` stakes `amount` of availability until far in the future.
pub fn expert(who: AccountId, amount: Rep) {
	assert_ok!(Availability::stake_availability(
		RuntimeOrigin::signed(who),
		StakeKind::Requests,
		amount,
		1_000_000
	));
}

/// `customer` asks for work with `fee` and the hook draws two blocks later (§6: never in the
/// block of submission); returns the request id.
pub fn submit_and_draw(customer: AccountId, fee: u128) -> RequestId {
	let id = submit(customer, fee);
	run_to_block(System::block_number() + 2);
	id
}

/// `customer` asks for work with `fee`; returns the request id. Nothing is drawn yet.
pub fn submit(customer: AccountId, fee: u128) -> RequestId {
	let id = crate::NextRequestId::<Test>::get();
	assert_ok!(Business::submit_request(
		RuntimeOrigin::signed(customer),
		fee,
		H256::repeat_byte(7),
		b"ipfs://spec".to_vec(),
	));
	id
}

/// A new open post by `authors` (weights in ppm), submitted by the first.
pub fn new_post(authors: &[(AccountId, u32)]) -> PostId {
	let id = pallet_forum::NextPostId::<Test>::get();
	assert_ok!(Forum::submit_post(
		RuntimeOrigin::signed(authors[0].0),
		H256::repeat_byte(9),
		b"ipfs://work".to_vec(),
		authors.to_vec(),
		vec![],
	));
	id
}

/// A post by `worker` submitted as the evidence of `request`; returns the post.
pub fn deliver(request: RequestId, worker: AccountId) -> PostId {
	let post = new_post(&[(worker, PPM)]);
	assert_ok!(Business::submit_evidence(RuntimeOrigin::signed(worker), request, post));
	post
}

pub fn status(request: RequestId) -> crate::RequestStatusOf<Test> {
	Requests::<Test>::get(request).expect("request exists").status
}

pub fn request(request: RequestId) -> crate::Request<Test> {
	Requests::<Test>::get(request).expect("request exists")
}

/// The assigned worker of `request` (panics unless it is assigned).
pub fn worker_of(request: RequestId) -> AccountId {
	match status(request) {
		crate::RequestStatus::Assigned { worker, .. } => worker,
		other => panic!("request {request} is not assigned: {other:?}"),
	}
}

/// The pool of `request` (panics unless it is validating).
pub fn pool_of(request: RequestId) -> PoolId {
	match status(request) {
		crate::RequestStatus::Validating { pool, .. } => pool,
		other => panic!("request {request} is not validating: {other:?}"),
	}
}

/// The outcome of `pool` once resolved.
pub fn outcome(pool: PoolId) -> Option<guild_primitives::PoolOutcome> {
	match pallet_validation_pool::Pools::<Test>::get(pool) {
		Some(pallet_validation_pool::PoolStatus::Resolved(r)) => Some(r.outcome),
		_ => None,
	}
}

/// The end block of an open pool.
pub fn pool_end(pool: PoolId) -> BlockNumber {
	match pallet_validation_pool::Pools::<Test>::get(pool) {
		Some(pallet_validation_pool::PoolStatus::Open(p)) => p.end,
		other => panic!("pool {pool} is not open: {other:?}"),
	}
}

pub fn post_status(post: PostId) -> guild_primitives::PostStatus {
	pallet_forum::Posts::<Test>::get(post).expect("post exists").status
}

/// This pallet's events, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Business(e) => Some(e),
			_ => None,
		})
		.collect()
}
