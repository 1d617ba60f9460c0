//! Guild's own pallets: reputation, the forum, validation pools, availability, work requests and
//! governance. They talk to each other only through the traits of `guild-primitives`, wired here.

use crate::{
	AccountId, Availability, Balances, BlockNumber, Business, Forum, Governance, Reputation,
	Runtime, ValidationPool, ValidatorSet,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, EitherOfDiverse, Get},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use guild_primitives::{HardRanges, ParamKey, PoolRules};
use sp_runtime::FixedU128;

parameter_types! {
	/// The DAO's account (fees in, fee salary out) is derived from this id.
	pub const DaoPalletId: PalletId = PalletId(*b"guild/da");
	/// What a worst-case propagation may cost (MaxReferences, depth 5, MaxAuthors, 256 visits):
	/// the pools' hooks reserve it for every queued propagation they run.
	pub ForumPropagationWeight: Weight =
		<pallet_forum::weights::SubstrateWeight<Runtime> as pallet_forum::WeightInfo>::propagate_worst_case();
}

/// Who may change the protocol's parameters: root, or a forum proposal ratified by every stage.
pub type ParamsOrigin = EitherOfDiverse<EnsureRoot<AccountId>, pallet_governance::EnsureProposal>;

impl pallet_reputation::Config for Runtime {
	type Currency = Balances;
	type PalletId = DaoPalletId;
	type WeightInfo = pallet_reputation::weights::SubstrateWeight<Runtime>;
}

impl pallet_forum::Config for Runtime {
	type Currency = Balances;
	type Reputation = Reputation;
	type ParamsOrigin = ParamsOrigin;
	type MaxUriLen = ConstU32<256>;
	type MaxAuthors = ConstU32<8>;
	type MaxReferences = ConstU32<8>;
	type MaxPropagationVisits = ConstU32<256>;
	type WeightInfo = pallet_forum::weights::SubstrateWeight<Runtime>;
}

impl pallet_validation_pool::Config for Runtime {
	type Currency = Balances;
	type Reputation = Reputation;
	type Forum = Forum;
	type OnPoolResolved = (Business, Governance, ValidatorSet);
	type WorkerLosses = Availability;
	type ProtocolPosts = (Business, Governance, ValidatorSet);
	type ForumWeight = ForumPropagationWeight;
	type ParamsOrigin = ParamsOrigin;
	type MaxStakersPerPool = ConstU32<1024>;
	type MaxPoolsEndingPerBlock = ConstU32<64>;
	// At most two pools resolve in one block, each reserving its worst case (a full pool is
	// under 8% of a block); an accepted pool's propagation, at worst 8%, is a step of its own at
	// the end of the block and holds back the next evaluation. The rest wait a block.
	type MaxEvaluationsPerBlock = ConstU32<2>;
	type WeightInfo = pallet_validation_pool::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GuildBenchmarkHelper;
}

impl pallet_availability::Config for Runtime {
	type Reputation = Reputation;
	// The VRF output of the parent block: the work requests draw two blocks after the block
	// that asked for a draw, so nobody knew it then (PROTOCOL.md §6, §11.7).
	type Randomness = pallet_babe::ParentBlockRandomness<Runtime>;
	type OnExpertAvailable = Business;
	type StakeLock = ValidatorSet;
	type ParamsOrigin = ParamsOrigin;
	type MaxExperts = ConstU32<1024>;
	type WeightInfo = pallet_availability::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GuildBenchmarkHelper;
}

impl pallet_business::Config for Runtime {
	type Currency = Balances;
	type Experts = Availability;
	type DrawReady = pallet_availability::RandomnessReady<Runtime>;
	type Pools = ValidationPool;
	type Forum = Forum;
	type Salary = Reputation;
	type ParamsOrigin = ParamsOrigin;
	type MaxUriLen = ConstU32<256>;
	type MaxExclusions = ConstU32<8>;
	// 64 × 16 ≥ MaxExperts: a worker's deadline always finds room within 16 blocks. Draws and
	// customers' choices share the lists: a submission or redraw that finds them full fails
	// (`TooManyDeadlines`), a hook's draw waits in the pending queue instead.
	type MaxDuePerBlock = ConstU32<64>;
	type MaxTimeoutsPerBlock = ConstU32<16>;
	type MaxPendingScan = ConstU32<4>;
	type WeightInfo = pallet_business::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GuildBenchmarkHelper;
}

/// The pools' current rules, for what a governance stage does not set.
pub struct PoolDefaults;
impl Get<PoolRules> for PoolDefaults {
	fn get() -> PoolRules {
		pallet_validation_pool::Params::<Runtime>::get().rules()
	}
}

impl pallet_governance::Config for Runtime {
	type Currency = Balances;
	type Forum = Forum;
	type Pools = ValidationPool;
	type OtherProtocolPosts = (Business, ValidatorSet);
	type PoolDefaults = PoolDefaults;
	type Parameters = RuntimeParameters;
	type Reputation = Reputation;
	type Salary = Reputation;
	type ParamsOrigin = ParamsOrigin;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GuildBenchmarkHelper;
}

/// The pallets that own governed parameters, each asked in turn for its own keys.
pub type ParameterOwners =
	(ValidationPool, Forum, Availability, Business, Governance, ValidatorSet);

/// Every governed parameter of the runtime: a dispatch to the pallet that owns it, whose own
/// checks (those of its `set_params`) apply to governance exactly as to root.
pub type RuntimeParameters =
	pallet_governance::OwnedParameters<Runtime, ParameterOwners, RuntimeHardRanges>;

/// The hard ranges of the runtime's parameters.
pub struct RuntimeHardRanges;

impl HardRanges for RuntimeHardRanges {
	/// The hard ranges of PROTOCOL.md §8, fixed here so that no proposal can move them. Each
	/// keeps governance and the protocol usable whatever proposals pass: durations of at least
	/// one block and at most a few weeks, fees and deposits that a participant can pay and that
	/// still mint REP, win ratios a majority can reach and quorums that half the REP can meet,
	/// at least two stages. Defaults (PROTOCOL.md §9) lie inside every range. docs/DECISIONS.md
	/// lists them with their reasons.
	fn hard_range(key: ParamKey) -> Option<(u128, u128)> {
		use crate::time::{DAYS, HOURS};
		use ParamKey::*;
		let unit = crate::UNIT;
		let pct = |n: u128| n * 10_000_000;
		let days = |n: BlockNumber| u128::from(n * DAYS);
		let one = FixedU128::from_u32(1).into_inner();
		Some(match key {
			// 0.001 to 1000 REP per token unit: the smallest pool fee still mints REP.
			PoolMintingRatio => (one / 1_000, one * 1_000),
			PoolStakeForAuthor | PoolBinding => (0, pct(100)),
			PoolQuorum => (0, pct(50)),
			PoolWinRatio => (pct(50), pct(90)),
			PoolRedistributeLosingStakes => (0, 1),
			PoolDurationMin => (1, days(1)),
			PoolDurationDefault => (1, days(7)),
			PoolDurationMax => (u128::from(HOURS), days(30)),
			PoolMinFee => (unit / 1_000, 10 * unit),
			PoolQuorumMissFee => (0, pct(50)),
			ForumReferenceChainLimit => (1, pallet_forum::MAX_REFERENCE_CHAIN_LIMIT.into()),
			ForumRevaluationLimit => (100_000, guild_primitives::PPM.into()),
			ForumPostDeposit => (0, 1_000 * unit),
			AvailabilityMinStake => (unit / 1_000, 1_000_000 * unit),
			AvailabilityMaxPeriod => (days(1), days(365)),
			BusinessEvidenceTimeout | BusinessReviewTimeout => (1, days(30)),
			BusinessNoShowSlash => (0, pct(100)),
			BusinessMaxValidationAttempts | BusinessMaxDraws => (1, 10),
			BusinessPoolDuration => (1, days(30)),
			BusinessMinRequestFee => (unit / 1_000, 1_000 * unit),
			GovernanceStageCount => (2, pallet_governance::MAX_STAGES.into()),
			GovernanceStageQuorum(_) => (0, pct(50)),
			GovernanceStageWinRatio(_) => (pct(50), pct(90)),
			GovernanceStageBinding(_) => (0, pct(100)),
			GovernanceStageDuration(_) => (1, days(30)),
			GovernanceMaxAttempts => (1, pallet_governance::MAX_ATTEMPTS.into()),
			GovernanceProposalFee => (unit / 1_000, 100 * unit),
			GovernanceProposalDeposit => (unit, 1_000 * unit),
			GovernanceUpgradeSupport => (pct(10), pct(66)),
			GovernanceUpgradeDelay => (1, days(30)),
			ValidatorCount => (1, guild_primitives::MAX_VALIDATORS.into()),
			MinValidatorStake => (unit / 1_000, 1_000_000 * unit),
			SessionReportQuorum => (0, pct(50)),
			SessionReportWinRatio => (pct(50), pct(90)),
			EquivocationSlash => (0, pct(100)),
		})
	}
}

/// What the pallets' benchmarks need from their neighbours in this runtime.
pub struct GuildBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper {
	use super::*;
	use crate::{RuntimeOrigin, UNIT};
	use frame_support::traits::fungible::Mutate;
	use guild_primitives::{Forum as ForumT, PoolId, PoolOutcome, PostId, ReputationLedger, PPM};

	fn create_post(author: &AccountId) -> PostId {
		let _ = Balances::mint_into(author, 1_000 * UNIT);
		let id = pallet_forum::NextPostId::<Runtime>::get();
		let _ = Forum::submit_post(
			RuntimeOrigin::signed(author.clone()),
			sp_core::H256::repeat_byte(7),
			b"ipfs://benchmark".to_vec(),
			alloc::vec![(author.clone(), PPM)],
			alloc::vec![],
		);
		id
	}

	impl pallet_validation_pool::BenchmarkHelper<AccountId> for GuildBenchmarkHelper {
		fn create_post(author: &AccountId) -> PostId {
			create_post(author)
		}
	}

	impl pallet_availability::BenchmarkHelper for GuildBenchmarkHelper {
		fn make_randomness() {
			// What BABE's `on_finalize` stores from a block's VRF output; a benchmark's genesis
			// has none.
			pallet_babe::AuthorVrfRandomness::<Runtime>::put(Some([7u8; 32]));
		}
	}

	impl pallet_business::BenchmarkHelper<AccountId> for GuildBenchmarkHelper {
		fn make_expert(who: &AccountId) {
			let amount = 1_000 * UNIT;
			<Reputation as ReputationLedger<AccountId>>::mint_unowned(amount);
			let _ = <Reputation as ReputationLedger<AccountId>>::grant(who, amount);
			// As long as a stake may last.
			let until = frame_system::Pallet::<Runtime>::block_number().saturating_add(
				pallet_availability::Params::<Runtime>::get().max_availability_period,
			);
			let _ =
				Availability::do_stake(guild_primitives::StakeKind::Requests, who, amount, until);
			<Self as pallet_availability::BenchmarkHelper>::make_randomness();
		}
		fn make_randomness() {
			<Self as pallet_availability::BenchmarkHelper>::make_randomness();
		}
		fn create_post(author: &AccountId) -> PostId {
			create_post(author)
		}
	}

	impl pallet_governance::BenchmarkHelper<AccountId> for GuildBenchmarkHelper {
		fn create_post(author: &AccountId) -> PostId {
			// A proposal's pools are protocol pools, which an empty DAO (the development
			// preset's genesis) does not open: the author is made a founder first.
			if <Reputation as ReputationLedger<AccountId>>::total_rep() == 0 {
				<Reputation as ReputationLedger<AccountId>>::mint_unowned(1_000 * UNIT);
				let _ = <Reputation as ReputationLedger<AccountId>>::grant(author, 1_000 * UNIT);
			}
			create_post(author)
		}
		fn end_pool(_pool: PoolId, post: PostId, outcome: PoolOutcome) {
			pallet_validation_pool::PoolOfPost::<Runtime>::remove(post);
			let _ = match outcome {
				PoolOutcome::Accepted => <Forum as ForumT<AccountId>>::ratify(post),
				PoolOutcome::Rejected => <Forum as ForumT<AccountId>>::reject(post),
				PoolOutcome::QuorumNotMet => Ok(()),
			};
		}
	}

	impl pallet_validator_set::BenchmarkHelper<AccountId> for GuildBenchmarkHelper {
		fn make_candidate(who: &AccountId, amount: guild_primitives::Rep) {
			<Reputation as ReputationLedger<AccountId>>::mint_unowned(amount);
			let _ = <Reputation as ReputationLedger<AccountId>>::grant(who, amount);
			let until = frame_system::Pallet::<Runtime>::block_number().saturating_add(
				pallet_availability::Params::<Runtime>::get().max_availability_period,
			);
			let _ = Availability::do_stake(
				guild_primitives::StakeKind::BlockProduction,
				who,
				amount,
				until,
			);
			set_keys(who);
		}

		fn set_validators(validators: &[AccountId]) {
			for who in validators {
				set_keys(who);
			}
			pallet_session::Validators::<Runtime>::put(validators.to_vec());
		}

		fn set_slot(slot: u64) {
			pallet_babe::GenesisSlot::<Runtime>::put(sp_consensus_babe::Slot::from(0));
			pallet_babe::EpochIndex::<Runtime>::put(0);
			pallet_babe::CurrentSlot::<Runtime>::put(sp_consensus_babe::Slot::from(slot));
		}

		fn fund_dao(amount: u128) {
			use guild_primitives::FeeSalary;
			let dao = <Reputation as FeeSalary<AccountId, u128>>::dao_account();
			let _ = Balances::mint_into(&dao, amount.saturating_add(UNIT));
			// Protocol pools open once somebody holds REP.
			if <Reputation as ReputationLedger<AccountId>>::total_rep() == 0 {
				let founder: AccountId = frame_benchmarking::account("founder", 0, 0);
				<Reputation as ReputationLedger<AccountId>>::mint_unowned(1_000 * UNIT);
				let _ = <Reputation as ReputationLedger<AccountId>>::grant(&founder, 1_000 * UNIT);
			}
		}
	}

	/// Session keys made from the account's bytes: the election only asks whether keys are set.
	fn set_keys(who: &AccountId) {
		let raw: [u8; 32] = *who.as_ref();
		let keys = crate::SessionKeys {
			babe: sp_core::sr25519::Public::from_raw(raw).into(),
			grandpa: sp_core::ed25519::Public::from_raw(raw).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
