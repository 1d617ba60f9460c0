//! A block-keyed agenda: bounded lists of ids by block, walked by a hook from a cursor.
//!
//! The validation pools keep their open pools by end block and the work requests their deadlines
//! by block; both are this one structure over two storage items of the owning pallet, a map from
//! block to a bounded list and the cursor, the first block the hook has not finished (every block
//! before it is empty).

use core::marker::PhantomData;
use frame_support::{
	storage::{StorageMap, StorageValue},
	traits::Get,
	BoundedVec,
};
use sp_runtime::{traits::One, Saturating};

/// What one call of [`Agenda::take_due`] did.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Walked {
	/// Ids taken out of the agenda and handed on.
	pub taken: u32,
	/// Blocks of the agenda visited (each a read, and a write when it changed).
	pub blocks: u32,
}

/// The agenda of ids `Id` by block `N`, kept in `Lists` (block → at most `Max` ids, in the order
/// they were put in) and `Cursor`.
pub struct Agenda<N, Id, Max, Lists, Cursor>(PhantomData<(N, Id, Max, Lists, Cursor)>);

impl<N, Id, Max, Lists, Cursor> Agenda<N, Id, Max, Lists, Cursor>
where
	N: codec::FullCodec + Copy + PartialOrd + Saturating + One,
	Id: codec::FullCodec + PartialEq,
	Max: Get<u32>,
	Lists: StorageMap<N, BoundedVec<Id, Max>, Query = BoundedVec<Id, Max>>,
	Cursor: StorageValue<N, Query = Option<N>>,
{
	/// The first block at or after `at` whose list is shorter than `room` (at most the bound),
	/// trying at most `probes` blocks; `None` when every block tried is full. Changes nothing.
	pub fn find_room(at: N, room: u32, probes: u32) -> Option<N> {
		let room = room.min(Max::get()) as usize;
		let mut block = at;
		for _ in 0..probes {
			if Lists::get(block).len() < room {
				return Some(block);
			}
			block.saturating_inc();
		}
		None
	}

	/// Append `id` to the list of block `at`. `false` (nothing changed) if the list is full.
	pub fn push(id: Id, at: N) -> bool {
		Lists::try_mutate(at, |list| list.try_push(id)).is_ok()
	}

	/// Append `id` to the list of the first block with room ([`Agenda::find_room`]). Returns that
	/// block, or `None` (nothing changed).
	pub fn schedule(id: Id, at: N, room: u32, probes: u32) -> Option<N> {
		let block = Self::find_room(at, room, probes)?;
		Self::push(id, block).then_some(block)
	}

	/// Take `id` out of the list of block `at` (nothing if it is not there).
	pub fn remove(id: &Id, at: N) {
		Lists::mutate_exists(at, |maybe| {
			if let Some(list) = maybe {
				list.retain(|x| x != id);
				if list.is_empty() {
					*maybe = None;
				}
			}
		});
	}

	/// The hook's walk: hand the ids of the blocks before `now` to `act`, first block first and
	/// in list order, from the cursor, at most `max_taken` ids and `max_blocks` blocks; an id is
	/// taken out of its list before `act` sees it. `ready` is asked before each id is taken:
	/// `false` stops the walk there (the id stays). The cursor moves past each block left empty.
	/// With no cursor yet (a new agenda) nothing lies before `now`. An empty block costs a read.
	pub fn take_due(
		now: N,
		max_blocks: u32,
		max_taken: u32,
		mut ready: impl FnMut() -> bool,
		mut act: impl FnMut(Id, N),
	) -> Walked {
		let mut cursor = Cursor::get().unwrap_or(now);
		let mut walked = Walked::default();
		'blocks: while cursor < now && walked.blocks < max_blocks && walked.taken < max_taken {
			walked.blocks += 1;
			// A read a block, and a write and a read again for each id taken (`act` may change
			// other lists, even this one by taking an id out).
			let mut list = Lists::get(cursor);
			while walked.taken < max_taken && !list.is_empty() {
				if !ready() {
					break 'blocks;
				}
				let id = list.remove(0);
				walked.taken += 1;
				if list.is_empty() {
					Lists::remove(cursor);
				} else {
					Lists::insert(cursor, &list);
				}
				act(id, cursor);
				list = Lists::get(cursor);
			}
			if !list.is_empty() {
				// Ids left in this block: the next walk goes on from here.
				break;
			}
			cursor.saturating_inc();
		}
		Cursor::put(cursor);
		walked
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{
		pallet_prelude::{OptionQuery, ValueQuery},
		storage_alias,
		traits::ConstU32,
		Twox64Concat,
	};

	#[storage_alias]
	type Lists = StorageMap<Test, Twox64Concat, u32, BoundedVec<u64, ConstU32<3>>, ValueQuery>;
	#[storage_alias]
	type Cursor = StorageValue<Test, u32, OptionQuery>;
	type Plan = Agenda<u32, u64, ConstU32<3>, Lists, Cursor>;

	fn ids(at: u32) -> Vec<u64> {
		Lists::get(at).into_inner()
	}

	#[test]
	fn schedule_takes_the_first_block_with_room_within_the_probes() {
		sp_io::TestExternalities::default().execute_with(|| {
			assert_eq!(Plan::schedule(1, 10, 3, 1), Some(10));
			assert_eq!(Plan::schedule(2, 10, 2, 1), Some(10));
			// Room 2 is taken in block 10: one probe finds nothing, nothing changes.
			assert_eq!(Plan::schedule(3, 10, 2, 1), None);
			assert_eq!(ids(10), vec![1, 2]);
			// The full bound (3) still has room in block 10, then block 11.
			assert_eq!(Plan::schedule(3, 10, 3, 2), Some(10));
			assert_eq!(Plan::schedule(4, 10, 3, 2), Some(11));
			// A room above the bound is the bound.
			assert_eq!(Plan::find_room(10, 100, 1), None);
			assert_eq!(ids(10).len(), 3);
			Plan::remove(&2, 10);
			assert_eq!(ids(10), vec![1, 3]);
			Plan::remove(&4, 11);
			assert!(!Lists::contains_key(11), "an emptied block is removed");
		});
	}

	#[test]
	fn take_due_walks_blocks_before_now_in_order_within_its_limits() {
		sp_io::TestExternalities::default().execute_with(|| {
			// No cursor: a new agenda has nothing before `now`.
			assert_eq!(Plan::take_due(5, 16, 16, || true, |_, _| panic!("nothing due")).taken, 0);
			assert_eq!(Cursor::get(), Some(5));
			for (id, at) in [(1, 5), (2, 5), (3, 6), (4, 8), (5, 9)] {
				assert!(Plan::push(id, at));
			}
			let mut seen = Vec::new();
			// Three ids at most: 1, 2 (block 5), 3 (block 6); block 6 is left empty.
			let walked = Plan::take_due(9, 16, 3, || true, |id, at| seen.push((id, at)));
			assert_eq!(seen, vec![(1, 5), (2, 5), (3, 6)]);
			assert_eq!(walked, Walked { taken: 3, blocks: 2 });
			assert_eq!(Cursor::get(), Some(7));
			// Two blocks at most: 7 (empty) and 8.
			let walked = Plan::take_due(9, 2, 16, || true, |id, at| seen.push((id, at)));
			assert_eq!(walked, Walked { taken: 1, blocks: 2 });
			assert_eq!(Cursor::get(), Some(9));
			// Block 9 is not before `now` = 9.
			assert_eq!(Plan::take_due(9, 16, 16, || true, |_, _| panic!("not due")).taken, 0);
			assert_eq!(ids(9), vec![5]);
		});
	}

	#[test]
	fn take_due_stops_where_it_is_not_ready_and_keeps_the_id() {
		sp_io::TestExternalities::default().execute_with(|| {
			Cursor::put(1);
			assert!(Plan::push(1, 1));
			assert!(Plan::push(2, 1));
			let mut ready = 1;
			let mut seen = Vec::new();
			let walked = Plan::take_due(
				5,
				16,
				16,
				|| {
					ready -= 1;
					ready >= 0
				},
				|id, _| seen.push(id),
			);
			assert_eq!(seen, vec![1]);
			assert_eq!(walked.taken, 1);
			assert_eq!(ids(1), vec![2], "the id not taken stays first");
			assert_eq!(Cursor::get(), Some(1), "the walk goes on from its block");
			// An empty block is passed without asking.
			Plan::remove(&2, 1);
			let walked = Plan::take_due(5, 16, 16, || false, |_, _| panic!("nothing due"));
			assert_eq!(walked.taken, 0);
			assert_eq!(Cursor::get(), Some(5));
		});
	}
}
