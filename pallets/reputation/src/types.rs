//! Records kept by the REP ledger.

use codec::{Decode, Encode, MaxEncodedLen};
use guild_primitives::{Rep, RepHoldReason};
use scale_info::TypeInfo;
use sp_core::U256;

/// The fee accumulator's fixed-point scale: fee per REP is kept in units of 10⁻¹⁸ of a token
/// unit, so a fee far smaller than `total_rep` still moves the accumulator.
pub const FEE_SCALE: u128 = 1_000_000_000_000_000_000;

/// The REP of one account and its share of the fee salary (PROTOCOL.md §2, §5).
///
/// The record is removed from storage when REP, holds and unclaimed fees are all zero.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct RepAccount {
	/// REP the account can stake or be debited.
	pub free: Rep,
	/// REP held as stakes in validation pools ([`RepHoldReason::PoolStake`]).
	pub held_pool_stake: Rep,
	/// REP held as an availability stake ([`RepHoldReason::Availability`]).
	pub held_availability: Rep,
	/// REP held as a block-production stake ([`RepHoldReason::BlockProduction`]).
	pub held_block_production: Rep,
	/// The value of the global fee-per-REP accumulator when this account's fees were last
	/// settled (scaled by [`FEE_SCALE`]).
	pub fee_checkpoint: U256,
	/// Fees (native token) settled to this account and not yet claimed.
	pub unclaimed_fees: u128,
}

impl RepAccount {
	/// A record with nothing in it, settled up to `checkpoint`.
	pub fn empty_at(checkpoint: U256) -> Self {
		Self { fee_checkpoint: checkpoint, ..Default::default() }
	}

	/// REP held for `reason`.
	pub fn held(&self, reason: RepHoldReason) -> Rep {
		match reason {
			RepHoldReason::PoolStake => self.held_pool_stake,
			RepHoldReason::Availability => self.held_availability,
			RepHoldReason::BlockProduction => self.held_block_production,
		}
	}

	/// The held balance for `reason`, to change it.
	pub fn held_mut(&mut self, reason: RepHoldReason) -> &mut Rep {
		match reason {
			RepHoldReason::PoolStake => &mut self.held_pool_stake,
			RepHoldReason::Availability => &mut self.held_availability,
			RepHoldReason::BlockProduction => &mut self.held_block_production,
		}
	}

	/// Free plus everything held: the account's part of `total_rep`, and its fee weight.
	pub fn total(&self) -> Rep {
		self.free
			.saturating_add(self.held_pool_stake)
			.saturating_add(self.held_availability)
			.saturating_add(self.held_block_production)
	}

	/// Whether the record carries nothing worth storing.
	pub fn is_empty(&self) -> bool {
		self.total() == 0 && self.unclaimed_fees == 0
	}

	/// Fees earned since the checkpoint, at fee-per-REP `acc`: `(acc − checkpoint) × total`.
	pub fn pending_fees(&self, acc: U256) -> u128 {
		let total = self.total();
		if total == 0 || acc <= self.fee_checkpoint {
			return 0;
		}
		let owed =
			(acc - self.fee_checkpoint).saturating_mul(U256::from(total)) / U256::from(FEE_SCALE);
		u128::try_from(owed).unwrap_or(u128::MAX)
	}

	/// Moves fees earned up to `acc` into `unclaimed_fees`. Must run before `total()` changes.
	pub fn settle(&mut self, acc: U256) {
		let pending = self.pending_fees(acc);
		self.unclaimed_fees = self.unclaimed_fees.saturating_add(pending);
		self.fee_checkpoint = acc;
	}
}
