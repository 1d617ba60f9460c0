//! A runtime with System, Balances (u128) and the real Reputation ledger, Forum and
//! ValidationPool (whose `OnPoolResolved` is this pallet), and Governance.
//!
//! - The real `pallet-validation-pool` opens each stage's pool (`ValidationStages`), on an open
//!   post or on one an earlier stage ratified.
//! - [`MockParameters`] is the test runtime's [`GovernedParameters`]: the runtime's own dispatch
//!   ([`crate::OwnedParameters`]) over the pallets that own the keys (validation pools, forum,
//!   governance, and [`MockBusiness`] for the two work-request keys the joint checks read;
//!   availability keys do not exist in this runtime). Its hard ranges are the runtime's scaled to
//!   the tests' small amounts and durations, and its joint checks are the runtime's
//!   ([`crate::Pallet::check_joint`]).

use crate::{
	self as pallet_governance, GovernanceParams, ProposalOf, ProposalState, Proposals, StageRules,
	MAX_ATTEMPTS, MAX_STAGES,
};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{fungible::InspectHold, ConstU128, ConstU32, EitherOfDiverse, Get, Hooks},
	weights::Weight,
	BoundedVec, PalletId,
};
use frame_system::EnsureRoot;
use guild_primitives::{
	Forum as ForumT, HardRanges, ParamKey, ParameterOwner, PoolId, PoolRules, PostId, PostStatus,
	ProposalId, SetParamError, PPM,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchResult, FixedU128, Perbill};

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
		Governance: pallet_governance,
	}
);

parameter_types! {
	pub TestVersion: sp_version::RuntimeVersion = sp_version::RuntimeVersion {
		spec_name: "guild-test".into(),
		spec_version: 1,
		..Default::default()
	};
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
	type Version = TestVersion;
}

/// Existential deposit of the native token: above 1 so that keep-alive shows.
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

/// Root or a ratified proposal: every pallet's `ParamsOrigin`, as in the runtime.
pub type ParamsOrigin = EitherOfDiverse<EnsureRoot<AccountId>, pallet_governance::EnsureProposal>;

impl pallet_forum::Config for Test {
	type Currency = Balances;
	type Reputation = Reputation;
	type ParamsOrigin = ParamsOrigin;
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
	type OnPoolResolved = Governance;
	type WorkerLosses = ();
	type ProtocolPosts = Governance;
	type ForumWeight = ();
	type ParamsOrigin = ParamsOrigin;
	type MaxStakersPerPool = ConstU32<16>;
	type MaxPoolsEndingPerBlock = ConstU32<4>;
	type MaxEvaluationsPerBlock = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

impl pallet_governance::Config for Test {
	type Currency = Balances;
	type Forum = Forum;
	type Pools = ValidationPool;
	type OtherProtocolPosts = MockEvidencePosts;
	type PoolDefaults = PoolDefaults;
	type Parameters = MockParameters;
	type Reputation = Reputation;
	type Salary = Reputation;
	type ParamsOrigin = ParamsOrigin;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

// ---------------------------------------------------------------------------------------------
// Posts.

/// Creates posts and ends pools for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_validation_pool::BenchmarkHelper<AccountId> for BenchHelper {
	fn create_post(author: &AccountId) -> PostId {
		new_post(&[(*author, PPM)])
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for BenchHelper {
	fn create_post(author: &AccountId) -> PostId {
		new_post(&[(*author, PPM)])
	}
	fn end_pool(_pool: PoolId, post: PostId, outcome: guild_primitives::PoolOutcome) {
		pallet_validation_pool::PoolOfPost::<Test>::remove(post);
		match outcome {
			guild_primitives::PoolOutcome::Accepted => {
				assert_ok!(ratify(post));
			},
			guild_primitives::PoolOutcome::Rejected => {
				assert_ok!(<Forum as ForumT<AccountId>>::reject(post));
			},
			guild_primitives::PoolOutcome::QuorumNotMet => {},
		}
	}
}

/// A new open post by `authors` (weights in ppm), submitted by the first.
pub fn new_post(authors: &[(AccountId, u32)]) -> PostId {
	let id = pallet_forum::NextPostId::<Test>::get();
	assert_ok!(Forum::submit_post(
		RuntimeOrigin::signed(authors[0].0),
		H256::from_low_u64_be(id),
		b"ipfs://proposal".to_vec(),
		authors.to_vec(),
		Vec::new(),
	));
	id
}

pub fn post_status(post: PostId) -> PostStatus {
	pallet_forum::Posts::<Test>::get(post).expect("post exists").status
}

/// Ratify `post` as an accepted pool does.
pub fn ratify(post: PostId) -> DispatchResult {
	<Forum as ForumT<AccountId>>::ratify(post)
}

// ---------------------------------------------------------------------------------------------
// The pools as governance sees them.

/// The pools' current rules, for what a stage does not set.
pub struct PoolDefaults;
impl Get<PoolRules> for PoolDefaults {
	fn get() -> PoolRules {
		pallet_validation_pool::Params::<Test>::get().rules()
	}
}

// ---------------------------------------------------------------------------------------------
// The governed parameters of the test runtime.

/// The test runtime's governed parameters: the runtime's dispatch over the pallets that own
/// them, with [`MockBusiness`] for the work requests' two keys.
pub type MockParameters = crate::OwnedParameters<
	Test,
	(pallet_validation_pool::Pallet<Test>, Forum, MockBusiness, Governance),
	MockRanges,
>;

parameter_types! {
	/// The two work-request parameters the joint checks read (PROTOCOL.md §8), standing in for
	/// `pallet-business`, which this runtime does not have.
	pub storage MockBusinessPoolDuration: u128 = 10;
	pub storage MockMinRequestFee: u128 = 10;
}

/// The owner of the two `Business*` keys the joint checks read.
pub struct MockBusiness;

impl ParameterOwner for MockBusiness {
	fn param(key: ParamKey) -> Option<u128> {
		match key {
			ParamKey::BusinessPoolDuration => Some(MockBusinessPoolDuration::get()),
			ParamKey::BusinessMinRequestFee => Some(MockMinRequestFee::get()),
			_ => None,
		}
	}

	fn set_param(key: ParamKey, value: u128) -> Result<bool, SetParamError> {
		match key {
			ParamKey::BusinessPoolDuration => MockBusinessPoolDuration::set(&value),
			ParamKey::BusinessMinRequestFee => MockMinRequestFee::set(&value),
			_ => return Ok(false),
		}
		Ok(true)
	}
}

/// The hard ranges of the test runtime.
pub struct MockRanges;

impl HardRanges for MockRanges {
	/// The runtime's hard ranges, scaled to the tests: amounts in units (fees 1..=1000),
	/// durations in blocks (pools of 1..=1000).
	fn hard_range(key: ParamKey) -> Option<(u128, u128)> {
		use ParamKey::*;
		Some(match key {
			PoolMintingRatio => (ONE_FIXED / 1_000, 1_000 * ONE_FIXED),
			PoolStakeForAuthor | PoolBinding => (0, 100 * PERCENT),
			PoolQuorum | PoolQuorumMissFee => (0, 50 * PERCENT),
			PoolWinRatio => (50 * PERCENT, 90 * PERCENT),
			PoolRedistributeLosingStakes => (0, 1),
			PoolDurationMin => (1, 50),
			PoolDurationDefault => (1, 500),
			PoolDurationMax => (5, 1_000),
			PoolMinFee => (1, 1_000),
			// Wider than the forum's own cap (5), so that the tests see the forum's check.
			ForumReferenceChainLimit => (1, 8),
			ForumRevaluationLimit => (100_000, PPM as u128),
			ForumPostDeposit => (0, 1_000),
			ParamKey::BusinessPoolDuration => (1, 1_000),
			ParamKey::BusinessMinRequestFee => (1, 1_000),
			GovernanceStageCount => (2, MAX_STAGES as u128),
			GovernanceStageQuorum(_) => (0, 50 * PERCENT),
			GovernanceStageWinRatio(_) => (50 * PERCENT, 90 * PERCENT),
			GovernanceStageBinding(_) => (0, 100 * PERCENT),
			GovernanceStageDuration(_) => (1, 1_000),
			GovernanceMaxAttempts => (1, MAX_ATTEMPTS as u128),
			GovernanceProposalFee => (1, 1_000),
			GovernanceProposalDeposit => (1, 10_000),
			GovernanceUpgradeSupport => (10 * PERCENT, 66 * PERCENT),
			GovernanceUpgradeDelay => (1, 1_000),
			_ => return None,
		})
	}
}

/// One percent in parts per billion.
pub const PERCENT: u128 = 10_000_000;
/// One as a `FixedU128` inner value.
pub const ONE_FIXED: u128 = 1_000_000_000_000_000_000;

// ---------------------------------------------------------------------------------------------
// Accounts, genesis and checks.

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
/// Writes proposals; holds no REP at genesis.
pub const CAROL: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Has the native token for one stage's fee and the deposit: too little for three stages.
pub const POOR: AccountId = 9;

/// Native balance every named account starts with.
pub const START_BALANCE: u128 = 1_000_000;
/// The fee of each stage in the tests.
pub const FEE: u128 = 10;
/// The proposal deposit in the tests.
pub const DEPOSIT: u128 = 100;
/// Blocks from an upgrade's acceptance to its authorization in the tests.
pub const UPGRADE_DELAY: BlockNumber = 5;
/// `upgrade_support` in the tests: Alice's 60 FOR of `pass_stage` meets it, Bob's 40 does not.
pub const UPGRADE_SUPPORT: Perbill = Perbill::from_percent(25);
/// The duration of each stage in the tests.
pub const STAGE_BLOCKS: BlockNumber = 10;

/// The validation pools' parameters of the tests: §9's rules, pools of 1..=100 blocks.
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

/// The default three stages, 10 blocks each.
pub fn test_stages() -> Vec<StageRules<BlockNumber>> {
	GovernanceParams::<BlockNumber>::default_stages()
		.into_iter()
		.map(|s| StageRules { duration: STAGE_BLOCKS, ..s })
		.collect()
}

pub struct ExtBuilder {
	stages: Vec<StageRules<BlockNumber>>,
	max_attempts: u32,
	post_deposit: u128,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { stages: test_stages(), max_attempts: 3, post_deposit: 0 }
	}
}

impl ExtBuilder {
	/// The forum's post deposit (none by default).
	pub fn with_post_deposit(mut self, deposit: u128) -> Self {
		self.post_deposit = deposit;
		self
	}

	pub fn with_stages(mut self, stages: Vec<StageRules<BlockNumber>>) -> Self {
		self.stages = stages;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [ALICE, BOB, CAROL, DAVE]
				.iter()
				.map(|a| (*a, START_BALANCE))
				.chain(core::iter::once((POOR, FEE + DEPOSIT + ED)))
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut t)
		.unwrap();
		// Alice 100, Bob 50, Dave 50: total 200, so a pool of fee 10 needs 21 REP to take part.
		pallet_reputation::GenesisConfig::<Test> {
			accounts: vec![(ALICE, 100), (BOB, 50), (DAVE, 50)],
		}
		.assimilate_storage(&mut t)
		.unwrap();
		pallet_forum::GenesisConfig::<Test> {
			reference_chain_limit: 3,
			revaluation_limit: PPM,
			post_deposit: self.post_deposit,
		}
		.assimilate_storage(&mut t)
		.unwrap();
		pallet_validation_pool::GenesisConfig::<Test> { params: pool_params() }
			.assimilate_storage(&mut t)
			.unwrap();
		pallet_governance::GenesisConfig::<Test> {
			stages: self.stages,
			max_attempts: self.max_attempts,
			proposal_fee: FEE,
			proposal_deposit: DEPOSIT,
			upgrade_support: UPGRADE_SUPPORT,
			upgrade_delay: UPGRADE_DELAY,
		}
		.assimilate_storage(&mut t)
		.unwrap();
		let mut ext: sp_io::TestExternalities = t.into();
		// Events are not recorded in the genesis block.
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks every invariant of the pallets under test and the native
	/// token's books.
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

/// Every invariant of the pallets under test, and that no REP is unaccounted for: unowned REP is
/// exactly the pools' mint (open pools, and accepted ones waiting for their propagation).
pub fn check_invariants() {
	Governance::do_try_state().expect("governance invariants hold");
	Forum::do_try_state().expect("forum invariants hold");
	Reputation::do_try_state().expect("reputation invariants hold");
	pallet_validation_pool::Pallet::<Test>::do_try_state()
		.expect("validation-pool invariants hold");
}

/// Run the pools' hook of every block up to `n`, checking the invariants after each.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		ValidationPool::on_initialize(next);
		Governance::on_initialize(next);
		// The block's room left after its extrinsics: propagations of pools accepted above.
		ValidationPool::on_idle(next, Weight::MAX);
		check_invariants();
	}
}

// ---------------------------------------------------------------------------------------------
// Proposals and stages.

pub fn proposal(id: ProposalId) -> ProposalOf<Test> {
	Proposals::<Test>::get(id).expect("proposal exists")
}

pub fn state(id: ProposalId) -> ProposalState<BlockNumber> {
	proposal(id).state
}

/// The pool of the proposal's current stage.
pub fn current_pool(id: ProposalId) -> PoolId {
	match state(id) {
		ProposalState::Voting { pool, .. } => pool,
		other => panic!("proposal {id} is not voting: {other:?}"),
	}
}

/// The open pool's record.
pub fn open_pool(pool: PoolId) -> pallet_validation_pool::OpenPoolOf<Test> {
	match pallet_validation_pool::Pools::<Test>::get(pool) {
		Some(pallet_validation_pool::PoolStatus::Open(p)) => p,
		other => panic!("pool {pool} is not open: {other:?}"),
	}
}

/// Run past the end of the proposal's current pool, so that the pools evaluate it.
pub fn end_current_pool(id: ProposalId) {
	let end = open_pool(current_pool(id)).end;
	run_to_block(end + 1);
}

/// Alice stakes FOR the proposal's current stage enough to pass the strictest stage, then the
/// pool ends.
pub fn pass_stage(id: ProposalId) {
	assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(ALICE), current_pool(id), 60, true));
	end_current_pool(id);
}

/// Bob and Dave stake AGAINST the proposal's current stage, then the pool ends: rejected.
pub fn fail_stage(id: ProposalId) {
	let pool = current_pool(id);
	assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(BOB), pool, 40, false));
	assert_ok!(ValidationPool::stake(RuntimeOrigin::signed(DAVE), pool, 40, false));
	end_current_pool(id);
}

/// Nobody stakes: the minted REP alone misses the quorum.
pub fn starve_stage(id: ProposalId) {
	end_current_pool(id);
}

/// A new post by Carol made a proposal carrying `change`; returns the proposal's id.
pub fn propose(change: crate::Change) -> ProposalId {
	let post = new_post(&[(CAROL, PPM)]);
	let id = pallet_governance::NextProposalId::<Test>::get();
	assert_ok!(Governance::propose(RuntimeOrigin::signed(CAROL), post, change));
	id
}

/// Stage fees held from `who`.
pub fn fees_held(who: AccountId) -> u128 {
	Balances::balance_on_hold(&pallet_governance::HoldReason::ProposalFees.into(), &who)
}

/// Proposal deposits held from `who`.
pub fn deposit_held(who: AccountId) -> u128 {
	Balances::balance_on_hold(&pallet_governance::HoldReason::ProposalDeposit.into(), &who)
}

/// The pallet's events, oldest first.
pub fn governance_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Governance(e) => Some(e),
			_ => None,
		})
		.collect()
}

pub fn stages_of(params: &GovernanceParams<BlockNumber>) -> Vec<StageRules<BlockNumber>> {
	params.stages.clone().into_inner()
}

pub fn bounded(stages: Vec<StageRules<BlockNumber>>) -> crate::Stages<BlockNumber> {
	BoundedVec::truncate_from(stages)
}

#[frame_support::storage_alias]
pub type EvidencePostList =
	StorageValue<MockEvidence, Vec<PostId>, frame_support::pallet_prelude::ValueQuery>;

/// The posts another protocol rule owns, as the work-request pallet would say (its evidence).
pub struct MockEvidencePosts;
impl guild_primitives::ProtocolPosts for MockEvidencePosts {
	fn is_protocol_post(post: PostId) -> bool {
		EvidencePostList::get().contains(&post)
	}
}

/// Mark `post` as a work request's evidence.
pub fn make_evidence_post(post: PostId) {
	EvidencePostList::mutate(|l| l.push(post));
}
