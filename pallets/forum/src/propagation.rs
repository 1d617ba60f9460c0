//! Propagation of minted REP through citations (PROTOCOL.md §3), computed in memory.
//!
//! ```text
//! propagate(post, A, depth) -> applied:          // A > 0 donates, A < 0 leaches
//!     children = 0
//!     if depth < reference_chain_limit:
//!         for (target, w) in post.references:
//!             if target is Incinerator: burn(A * w); children += A * w
//!             else: children += propagate(target, A * w, depth + 1)
//!     own = A - children
//!     if post.value + own < 0: own = -post.value        // never below zero
//!     own = apply_to_authors(post, own)                   // debits only free REP
//!     post.value += own
//!     return own + children
//! ```
//!
//! Rules this implementation decides where §3 is silent:
//! - **Visits.** The starting post is the first visit. A citation whose share `A * w` rounds to 0
//!   is not visited (it would change nothing) and does not count. Once `MaxPropagationVisits`
//!   visits are made, further citations of posts are skipped and their shares stay with the post
//!   that would have passed them on; Incinerator shares are not visits and still burn.
//! - **Incinerator on a leach.** When a negative amount flows through a post that cites the
//!   Incinerator, the Incinerator's share is 0: burned REP cannot be leached back.
//! - **Debits.** A debit `d` is split like a credit: each author's share is `floor(d * w_a)`, the
//!   remainder is added to the first author's share; each author then loses at most their free
//!   REP (held REP is never touched), and what cannot be taken stays on the post, which then
//!   loses only what was actually taken.
//! - **Moves are netted per account.** An account credited by one post and debited by another in
//!   the same propagation sees one net `grant` or `reclaim`; free REP is tracked in memory as the
//!   propagation goes, so a debit can take REP credited earlier in the same propagation.
//!
//! With Σ |w| ≤ 1_000_000 on every post and `A > 0` at the start, what is applied (credits −
//! debits + burns) equals `A` exactly: every positive share is applied in full (its post keeps
//! what its citations do not take), and a negative share returns something in [share, −share].

use crate::{AuthorsOf, Config, Posts, RefTarget, ReferencesOf};
use alloc::collections::{btree_map::Entry, BTreeMap};
use alloc::vec::Vec;
use guild_primitives::{mul_ppm, PostId, Rep, ReputationLedger};

/// What a propagation changes: the net REP move per account, and the new value of each post
/// whose value changed.
pub type Changes<T> = (BTreeMap<<T as frame_system::Config>::AccountId, i128>, Vec<(PostId, Rep)>);

/// A post as the propagation sees it: its citations, authors and value (changed in memory).
struct Node<T: Config> {
	authors: AuthorsOf<T>,
	references: ReferencesOf<T>,
	value: i128,
	original: i128,
}

/// One propagation's state: what it has read and what it will change.
pub struct Propagation<T: Config> {
	chain_limit: u32,
	max_visits: u32,
	/// Posts visited so far, the starting post included.
	pub visits: u32,
	/// REP sent to the Incinerator.
	pub burned: i128,
	posts: BTreeMap<PostId, Node<T>>,
	/// Free REP of each account met, as it stands after the moves so far.
	free: BTreeMap<T::AccountId, i128>,
	/// Net move of each account's free REP.
	net: BTreeMap<T::AccountId, i128>,
}

fn to_i128(x: Rep) -> i128 {
	i128::try_from(x).unwrap_or(i128::MAX)
}

impl<T: Config> Propagation<T> {
	/// A propagation that follows `chain_limit` citation hops and visits at most `max_visits`
	/// posts.
	pub fn new(chain_limit: u32, max_visits: u32) -> Self {
		Self {
			chain_limit,
			max_visits,
			visits: 0,
			burned: 0,
			posts: BTreeMap::new(),
			free: BTreeMap::new(),
			net: BTreeMap::new(),
		}
	}

	/// Propagates `amount` into `post`; returns what was applied.
	pub fn run(&mut self, post: PostId, amount: i128) -> i128 {
		self.visits = 1;
		self.visit(post, amount, 0)
	}

	/// The net move per account and the new value of every post whose value changed, or `None`
	/// if a post's value went below zero (an internal fault: §3 never lets it).
	pub fn into_changes(self) -> Option<Changes<T>> {
		let mut values = Vec::new();
		for (id, n) in self.posts.into_iter().filter(|(_, n)| n.value != n.original) {
			values.push((id, Rep::try_from(n.value).ok()?));
		}
		let net = self.net.into_iter().filter(|(_, d)| *d != 0).collect();
		Some((net, values))
	}

	fn node(&mut self, id: PostId) -> Option<&mut Node<T>> {
		match self.posts.entry(id) {
			Entry::Occupied(node) => Some(node.into_mut()),
			Entry::Vacant(slot) => {
				let post = Posts::<T>::get(id)?;
				let value = to_i128(post.value);
				Some(slot.insert(Node {
					authors: post.authors,
					references: post.references,
					value,
					original: value,
				}))
			},
		}
	}

	fn visit(&mut self, id: PostId, amount: i128, depth: u32) -> i128 {
		let Some(node) = self.node(id) else {
			// Cannot happen (citations are checked and posts never removed): apply nothing.
			return 0;
		};
		let references = node.references.clone();

		let mut children: i128 = 0;
		if depth < self.chain_limit {
			for (target, w) in references.iter() {
				let share = mul_ppm(amount, i64::from(*w));
				if share == 0 {
					continue;
				}
				match target {
					RefTarget::Incinerator => {
						if share > 0 {
							self.burned = self.burned.saturating_add(share);
							children = children.saturating_add(share);
						}
					},
					RefTarget::Post(cited) => {
						if self.visits >= self.max_visits {
							continue;
						}
						self.visits += 1;
						let applied = self.visit(*cited, share, depth + 1);
						children = children.saturating_add(applied);
					},
				}
			}
		}

		let value = self.node(id).map(|n| n.value).unwrap_or(0);
		let mut own = amount.saturating_sub(children);
		if value.saturating_add(own) < 0 {
			own = -value;
		}
		let moved = self.apply_to_authors(id, own);
		if let Some(node) = self.node(id) {
			node.value = node.value.saturating_add(moved);
		}
		moved.saturating_add(children)
	}

	/// Credits (`own > 0`) or debits (`own < 0`) the authors of `id` by weight; returns what
	/// moved.
	fn apply_to_authors(&mut self, id: PostId, own: i128) -> i128 {
		if own == 0 {
			return 0;
		}
		let Some(authors) = self.node(id).map(|n| n.authors.clone()) else { return 0 };
		let mut shares: Vec<(T::AccountId, i128)> = authors
			.iter()
			.map(|(who, w)| (who.clone(), mul_ppm(own.saturating_abs(), i64::from(*w))))
			.collect();
		let split: i128 = shares.iter().map(|(_, s)| *s).sum();
		// The remainder of the split goes to the first author.
		if let Some(first) = shares.first_mut() {
			first.1 = first.1.saturating_add(own.saturating_abs().saturating_sub(split));
		}

		if own > 0 {
			for (who, share) in shares {
				self.move_free(&who, share);
			}
			own
		} else {
			let mut taken: i128 = 0;
			for (who, share) in shares {
				let take = share.min(self.free_of(&who)).max(0);
				self.move_free(&who, -take);
				taken = taken.saturating_add(take);
			}
			-taken
		}
	}

	fn free_of(&mut self, who: &T::AccountId) -> i128 {
		*self
			.free
			.entry(who.clone())
			.or_insert_with(|| to_i128(T::Reputation::free(who)))
	}

	fn move_free(&mut self, who: &T::AccountId, delta: i128) {
		if delta == 0 {
			return;
		}
		let free = self.free_of(who);
		self.free.insert(who.clone(), free.saturating_add(delta));
		let net = self.net.entry(who.clone()).or_insert(0);
		*net = net.saturating_add(delta);
	}
}
