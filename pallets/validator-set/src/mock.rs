//! A runtime with the validator set alone; the stakes, the REP ledger, the forum, the pools and
//! the session are plain records the tests set and read.

use crate::{self as pallet_validator_set, SessionAccess};
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types};
use frame_system::EnsureRoot;
use guild_primitives::{
	BlockProductionStakes, FeeSalary, PoolId, PoolRules, PostId, ProtocolForum, Rep, RepHoldReason,
	ReputationLedger, ValidationPools,
};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Perbill};
use sp_staking::SessionIndex;
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		ValidatorSet: pallet_validator_set,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const REPORTER: AccountId = 900;
pub const DAO: AccountId = 999;
pub const MIN_FEE: u128 = 10;

parameter_types! {
	pub const MaxValidators: u32 = 8;
	pub const ReportAccount: AccountId = REPORTER;
}

/// What the fakes hold.
#[derive(Default)]
pub struct World {
	/// `BlockProduction` stakes, older first: (who, amount).
	pub stakes: Vec<(AccountId, Rep)>,
	/// Free REP.
	pub free: BTreeMap<AccountId, Rep>,
	/// REP burned by slashes.
	pub burned: Rep,
	/// Posts: authors and references.
	pub posts: Vec<(Vec<(AccountId, u32)>, Vec<(PostId, i32)>)>,
	/// Pools opened: (initiator, post, fee, rules).
	pub pools: Vec<(AccountId, PostId, u128, Option<PoolRules>)>,
	/// The current session's validators.
	pub validators: Vec<AccountId>,
	/// Accounts with session keys.
	pub keys: Vec<AccountId>,
	/// Disabled validators.
	pub disabled: Vec<AccountId>,
	/// The current session.
	pub session: SessionIndex,
	/// The current slot and the first slot of the session's epoch.
	pub slot: u64,
	pub epoch_start: u64,
	/// Whether the current block is a primary one.
	pub primary: bool,
	/// Whether the forum refuses posts.
	pub forum_down: bool,
}

thread_local! {
	pub static WORLD: RefCell<World> = RefCell::new(World::default());
}

pub fn world<R>(f: impl FnOnce(&mut World) -> R) -> R {
	WORLD.with(|w| f(&mut w.borrow_mut()))
}

pub struct Stakes;
impl BlockProductionStakes<AccountId> for Stakes {
	fn candidates() -> Vec<(AccountId, Rep)> {
		world(|w| w.stakes.iter().filter(|(_, a)| *a > 0).cloned().collect())
	}
	fn slash(who: &AccountId, fraction: Perbill) -> Rep {
		world(|w| {
			let Some((_, amount)) = w.stakes.iter_mut().find(|(x, _)| x == who) else { return 0 };
			let burned = fraction.mul_floor(*amount);
			*amount -= burned;
			w.burned += burned;
			burned
		})
	}
	fn stake_of(who: &AccountId) -> Rep {
		world(|w| w.stakes.iter().find(|(x, _)| x == who).map(|(_, a)| *a).unwrap_or(0))
	}
}

pub struct Ledger;
impl ReputationLedger<AccountId> for Ledger {
	fn free(who: &AccountId) -> Rep {
		world(|w| w.free.get(who).copied().unwrap_or(0))
	}
	fn held(_: &AccountId, _: RepHoldReason) -> Rep {
		0
	}
	fn total_rep() -> Rep {
		world(|w| w.free.values().sum())
	}
	fn unowned() -> Rep {
		0
	}
	fn mint_unowned(_: Rep) {}
	fn burn_unowned(_: Rep) -> DispatchResult {
		Ok(())
	}
	fn grant(who: &AccountId, amount: Rep) -> DispatchResult {
		world(|w| *w.free.entry(*who).or_default() += amount);
		Ok(())
	}
	fn reclaim(who: &AccountId, amount: Rep) -> DispatchResult {
		world(|w| {
			let free = w.free.entry(*who).or_default();
			if *free < amount {
				return Err(DispatchError::Other("not enough free REP"));
			}
			*free -= amount;
			Ok(())
		})
	}
	fn hold(_: &AccountId, _: RepHoldReason, _: Rep) -> DispatchResult {
		Ok(())
	}
	fn release(_: &AccountId, _: RepHoldReason, _: Rep) -> DispatchResult {
		Ok(())
	}
	fn slash_held(_: &AccountId, _: RepHoldReason, _: Rep) -> DispatchResult {
		Ok(())
	}
}

pub struct Forum;
impl ProtocolForum<AccountId> for Forum {
	fn post(
		author: &AccountId,
		references: Vec<(PostId, i32)>,
		_content_hash: [u8; 32],
	) -> Result<PostId, DispatchError> {
		world(|w| {
			if w.forum_down {
				return Err(DispatchError::Other("forum down"));
			}
			w.posts.push((vec![(*author, 1_000_000)], references));
			Ok(w.posts.len() as PostId - 1)
		})
	}
}
impl guild_primitives::Forum<AccountId> for Forum {
	fn authors(post: PostId) -> Option<Vec<(AccountId, u32)>> {
		world(|w| w.posts.get(post as usize).map(|(a, _)| a.clone()))
	}
	fn status(_: PostId) -> Option<guild_primitives::PostStatus> {
		None
	}
	fn ratify(_: PostId) -> DispatchResult {
		Ok(())
	}
	fn reject(_: PostId) -> DispatchResult {
		Ok(())
	}
	fn propagate(_: PostId, _: Rep) -> DispatchResult {
		Ok(())
	}
}

pub struct Pools;
impl ValidationPools<AccountId, u128, u64> for Pools {
	fn open(
		initiator: &AccountId,
		post: PostId,
		fee: u128,
		_duration: u64,
		rules: Option<PoolRules>,
		_worker_stake: Option<(AccountId, Rep)>,
	) -> Result<PoolId, DispatchError> {
		world(|w| {
			w.pools.push((*initiator, post, fee, rules));
			Ok(w.pools.len() as PoolId - 1)
		})
	}
	fn pool_of(_: PostId) -> Option<PoolId> {
		None
	}
	fn min_fee() -> u128 {
		MIN_FEE
	}
	fn duration_bounds() -> (u64, u64) {
		(1, 100)
	}
	fn default_duration() -> u64 {
		5
	}
	fn default_rules() -> PoolRules {
		PoolRules {
			quorum: Perbill::from_percent(10),
			win_ratio: Perbill::from_percent(50),
			binding: Perbill::one(),
			redistribute_losing_stakes: true,
			stake_for_author: Perbill::from_percent(50),
			quorum_miss_fee: Perbill::from_percent(10),
		}
	}
}

pub struct Salary;
impl FeeSalary<AccountId, u128> for Salary {
	fn dao_account() -> AccountId {
		DAO
	}
	fn distribute_fee(_: u128) {}
}

pub struct Session;
impl SessionAccess<AccountId> for Session {
	fn validators() -> Vec<AccountId> {
		world(|w| w.validators.clone())
	}
	fn has_keys(who: &AccountId) -> bool {
		world(|w| w.keys.contains(who))
	}
	fn disable(who: &AccountId) -> bool {
		world(|w| {
			let is = w.validators.contains(who);
			if is && !w.disabled.contains(who) {
				w.disabled.push(*who);
			}
			is
		})
	}
	fn current_index() -> SessionIndex {
		world(|w| w.session)
	}
	fn current_slot() -> u64 {
		world(|w| w.slot)
	}
	fn epoch_start_slot() -> u64 {
		world(|w| w.epoch_start)
	}
	fn primary_block() -> bool {
		world(|w| w.primary)
	}
	/// Slot `s` is the secondary slot of validator `s mod count`.
	fn secondary_owners(slots: core::ops::Range<u64>, count: u32) -> Vec<u32> {
		if count == 0 {
			return vec![];
		}
		slots.map(|s| (s % count as u64) as u32).collect()
	}
	fn prune_history(_: SessionIndex) {}
}

impl pallet_validator_set::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Stakes = Stakes;
	type Reputation = Ledger;
	type Forum = Forum;
	type Pools = Pools;
	type Salary = Salary;
	type Session = Session;
	type ReportAccount = ReportAccount;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type MaxValidators = MaxValidators;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Helper;
}

/// The benchmarks' set-up in the fakes.
#[cfg(feature = "runtime-benchmarks")]
pub struct Helper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for Helper {
	fn make_candidate(who: &AccountId, amount: Rep) {
		world(|w| {
			w.stakes.push((*who, amount));
			w.keys.push(*who);
		});
	}
	fn set_validators(validators: &[AccountId]) {
		world(|w| {
			w.validators = validators.to_vec();
			w.keys.extend_from_slice(validators);
		});
	}
	fn set_slot(slot: u64) {
		world(|w| (w.slot, w.epoch_start) = (slot, 0));
	}
	fn fund_dao(_: u128) {}
}

/// Genesis validators 1 and 2 (with keys), minimum 2, validator_count 4, min stake 10.
pub fn new_test_ext() -> sp_io::TestExternalities {
	WORLD.with(|w| *w.borrow_mut() = World::default());
	world(|w| {
		w.keys = vec![1, 2];
		w.validators = vec![1, 2];
	});
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validator_set::GenesisConfig::<Test> {
		validators: vec![1, 2],
		min_validators: 2,
		params: Some(crate::ValidatorParams {
			validator_count: 4,
			min_validator_stake: 10,
			..Default::default()
		}),
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
