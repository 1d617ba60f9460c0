//! Runtime upgrades ratified through the forum.

use super::mock::*;
use crate::{Change, Error, Event, ProposalState, UpgradeProposal};
use codec::Encode;
use frame_support::{assert_noop, assert_ok};
use guild_primitives::PPM;
use sp_core::H256;
use sp_runtime::traits::Hash;

/// Reads the same version from any code: "guild-test" at `spec_version`.
struct ReadVersion(u32);

impl sp_core::traits::ReadRuntimeVersion for ReadVersion {
	fn read_runtime_version(
		&self,
		_wasm_code: &[u8],
		_ext: &mut dyn sp_core::traits::Externalities,
	) -> Result<Vec<u8>, String> {
		let version = sp_version::RuntimeVersion {
			spec_name: "guild-test".into(),
			spec_version: self.0,
			..Default::default()
		};
		Ok(version.encode())
	}
}

fn code_hash(code: &[u8]) -> H256 {
	<Test as frame_system::Config>::Hashing::hash(code)
}

#[test]
fn a_ratified_runtime_hash_is_authorized_and_anyone_applies_the_code() {
	let code = b"the next guild runtime".to_vec();
	let hash = code_hash(&code);
	let mut ext = ExtBuilder::default().build();
	ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(ReadVersion(2)));
	ext.execute_with(|| {
		let id = propose(Change::UpgradeRuntime { code_hash: hash });
		assert_eq!(UpgradeProposal::<Test>::get(), Some(id));
		pass_stage(id);
		pass_stage(id);
		assert!(System::authorized_upgrade().is_none(), "nothing before the last stage");

		pass_stage(id);

		let auth = System::authorized_upgrade().expect("the hash is authorized");
		assert_eq!(*auth.code_hash(), hash);
		System::assert_has_event(Event::UpgradeAuthorized { proposal: id, code_hash: hash }.into());
		System::assert_has_event(
			frame_system::Event::<Test>::UpgradeAuthorized { code_hash: hash, check_version: true }
				.into(),
		);
		assert!(matches!(state(id), ProposalState::Enacted { .. }));
		assert_eq!(UpgradeProposal::<Test>::get(), None);

		// Only the ratified code is accepted, and anyone may submit it.
		assert_noop!(
			System::apply_authorized_upgrade(RuntimeOrigin::signed(BOB), b"other code".to_vec()),
			frame_system::Error::<Test>::Unauthorized
		);
		assert_ok!(System::apply_authorized_upgrade(RuntimeOrigin::signed(BOB), code.clone()));
		assert_eq!(
			sp_io::storage::get(sp_core::storage::well_known_keys::CODE).as_deref(),
			Some(&code[..])
		);
		System::assert_has_event(frame_system::Event::<Test>::CodeUpdated { hash }.into());
		assert!(System::authorized_upgrade().is_none());
		// Governance's records are untouched by the upgrade.
		assert!(matches!(state(id), ProposalState::Enacted { .. }));
		check_invariants();
	});
}

// With `runtime-benchmarks`, frame-system skips the version checks (it only reads the version).
#[cfg(not(feature = "runtime-benchmarks"))]
#[test]
fn an_authorized_upgrade_keeps_the_version_checks() {
	let code = b"an older guild runtime".to_vec();
	let mut ext = ExtBuilder::default().build();
	// The code claims the spec version in force: it must be refused.
	ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(ReadVersion(1)));
	ext.execute_with(|| {
		let code_before = sp_io::storage::get(sp_core::storage::well_known_keys::CODE);
		let id = propose(Change::UpgradeRuntime { code_hash: code_hash(&code) });
		pass_stage(id);
		pass_stage(id);
		pass_stage(id);
		assert_ok!(System::apply_authorized_upgrade(RuntimeOrigin::signed(BOB), code));
		System::assert_has_event(
			frame_system::Event::<Test>::RejectedInvalidAuthorizedUpgrade {
				code_hash: code_hash(b"an older guild runtime"),
				error: frame_system::Error::<Test>::SpecVersionNeedsToIncrease.into(),
			}
			.into(),
		);
		assert_eq!(sp_io::storage::get(sp_core::storage::well_known_keys::CODE), code_before);
		check_invariants();
	});
}

#[test]
fn a_failed_upgrade_proposal_authorizes_nothing_and_frees_the_slot() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(Change::UpgradeRuntime { code_hash: H256::repeat_byte(7) });
		let post = new_post(&[(CAROL, PPM)]);
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(CAROL),
				post,
				Change::UpgradeRuntime { code_hash: H256::repeat_byte(8) }
			),
			Error::<Test>::UpgradeAlreadyProposed
		);
		pass_stage(id);
		pass_stage(id);
		fail_stage(id);
		assert!(matches!(state(id), ProposalState::Rejected { stage: 2, .. }));
		assert!(System::authorized_upgrade().is_none());
		assert_eq!(UpgradeProposal::<Test>::get(), None);
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(CAROL),
			post,
			Change::UpgradeRuntime { code_hash: H256::repeat_byte(8) }
		));
	});
}
