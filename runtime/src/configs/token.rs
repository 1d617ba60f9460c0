//! The native token GUILD and transaction fees.

use crate::{
	AccountId, Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	EXISTENTIAL_DEPOSIT, MICRO_UNIT,
};
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
	weights::{ConstantMultiplier, IdentityFee},
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = frame_system::Pallet<Runtime>;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// One micro-GUILD per byte of an extrinsic.
	pub const TransactionByteFee: Balance = MICRO_UNIT;
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees and tips go to the DAO account, for the session's report (PROTOCOL.md §5, §12).
	type OnChargeTransaction = FungibleAdapter<Balances, FeesToDao>;
	type OperationalFeeMultiplier = ConstU8<5>;
	// One unit (10^-12 GUILD) per picosecond of weight: a transfer costs about 0.0002 GUILD.
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

/// Transaction fees and tips: into the DAO account, counted for the session's report, whose pool
/// pays them out as the REP salary (PROTOCOL.md §5 and §12). Nothing is burned unless the DAO
/// account cannot take them (never: it is kept alive by its existential deposit).
pub struct FeesToDao;
impl
	frame_support::traits::OnUnbalanced<
		frame_support::traits::fungible::Credit<AccountId, Balances>,
	> for FeesToDao
{
	fn on_nonzero_unbalanced(credit: frame_support::traits::fungible::Credit<AccountId, Balances>) {
		use frame_support::traits::{fungible::Balanced, Imbalance};
		use guild_primitives::FeeSalary;
		let amount = credit.peek();
		let dao = <crate::Reputation as FeeSalary<AccountId, Balance>>::dao_account();
		if Balances::resolve(&dao, credit).is_ok() {
			crate::ValidatorSet::note_fees(amount);
		}
	}
}
