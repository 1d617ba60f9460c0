//! Random sequences of calls and `ExpertPool` operations keep every invariant: stakes equal the
//! REP held for them, candidates are exactly the unbound stakes, REP is conserved (what a slash
//! takes is burned), and a bound stake is never drawn twice.

use super::mock::*;
use guild_primitives::{ExpertPool, RequestId};
use proptest::prelude::*;
use sp_runtime::Perbill;

#[derive(Debug, Clone)]
enum Op {
	Stake { who: u64, amount: u128, until: u64 },
	Withdraw { who: u64 },
	Draw { request: RequestId, exclude: Vec<u64> },
	Release { who: u64 },
	Slash { who: u64, percent: u32 },
	Advance { blocks: u64 },
}

fn op() -> impl Strategy<Value = Op> {
	let who = 1u64..=7;
	prop_oneof![
		(who.clone(), 0u128..300, 1u64..40).prop_map(|(who, amount, until)| Op::Stake {
			who,
			amount,
			until
		}),
		who.clone().prop_map(|who| Op::Withdraw { who }),
		(0u64..1_000, proptest::collection::vec(1u64..=7, 0..3))
			.prop_map(|(request, exclude)| Op::Draw { request, exclude }),
		who.clone().prop_map(|who| Op::Release { who }),
		(who, 0u32..=100).prop_map(|(who, percent)| Op::Slash { who, percent }),
		(1u64..6).prop_map(|blocks| Op::Advance { blocks }),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(200))]

	#[test]
	fn random_operations_keep_the_invariants(ops in proptest::collection::vec(op(), 1..60)) {
		ExtBuilder::default().build_and_execute(|| {
			let mut slashed: u128 = 0;
			for op in ops {
				let now = System::block_number();
				match op {
					Op::Stake { who, amount, until } => {
						let _ = Availability::stake_availability(RuntimeOrigin::signed(who), StakeKind::Requests,
							amount,
							now + until,
						);
					},
					Op::Withdraw { who } => {
						let _ = Availability::withdraw(RuntimeOrigin::signed(who), StakeKind::Requests);
					},
					Op::Draw { request, exclude } => {
						if let Some((who, amount)) = Availability::draw(request, 0, &exclude) {
							assert!(!exclude.contains(&who), "an excluded expert was drawn");
							assert_eq!(Availability::assignment(&who), Some(request));
							assert_eq!(Availability::stake_of(&who), amount);
							let record = stake_record(who).unwrap();
							assert!(record.until > now, "an expired stake was drawn");
						}
					},
					Op::Release { who } => Availability::release(&who),
					Op::Slash { who, percent } => {
						slashed += Availability::slash(&who, Perbill::from_percent(percent));
					},
					Op::Advance { blocks } => System::set_block_number(now + blocks),
				}
				check_invariants();
				assert_eq!(burned(), slashed, "exactly what was slashed is burned");
			}
		});
	}
}
