//! Guarded clustering: connected components over match edges, taken in descending probability,
//! refusing any edge that would join two clusters that must stay apart.
//!
//! Two clusters conflict (and the edge goes to review instead) when:
//! - a steward cannot-link decision separates a member of one from a member of the other, or
//!   they are pinned to different customer IDs;
//! - both hold birth dates, no date of one equals, or is one typo / a day–month swap away
//!   from, a date of the other, and they share no e-mail and no identifier. This guard is
//!   on only where the data shows birth dates are reliable: among anchor pairs (sharing an
//!   e-mail or identifier, agreeing on the given name) at most 1 in 32 disagree on the date,
//!   or, with too few anchors, the model's weight for `birth_date=different` is at most
//!   [`BIRTH_GUARD_MAX_WEIGHT`] bits;
//! - some kind of contact (e-mail, phone) is on both sides and differs, no kind agrees (an
//!   e-mail one typo apart counts as agreeing), they share no birth date or identifier, and
//!   they are not one full name at one address or employer;
//! - every full given name of one is outright different from every full given name of the
//!   other (not equal, not an initial, not a typo or transliteration variant) and they share
//!   no e-mail, identifier or birth date: this keeps household members (same surname, address
//!   and landline) apart, and stops `J. Smith` from chaining `John` and `Jane` together
//!   (initials are not kept as given names, so `J.` is compatible with both but cannot
//!   bridge them).
//!
//! Steward must-links and assignments are applied first and only stop at cannot-links.

mod guard;

use super::features::Features;
use guard::{View, conflict};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// The birth-date guard applies when `birth_date=different` weighs at most this many bits.
pub const BIRTH_GUARD_MAX_WEIGHT: f64 = -4.0;

/// Why an edge was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    CannotLink,
    BirthDate,
    Contacts,
    GivenName,
}

/// Clusters of at least this many members keep their [`View`] between edges (smaller ones
/// build it from their members when an edge is checked).
pub(super) const KEEP_VIEW_FROM: usize = 64;

/// Union-find over records; what the guards check is read from the members' features.
pub struct Clusters<'a> {
    features: &'a [Features],
    parent: Vec<usize>,
    /// Members of each cluster of two or more, by root (a record alone is its own member).
    members: HashMap<usize, Vec<usize>>,
    /// The views of the clusters of [`KEEP_VIEW_FROM`] members or more, by root.
    views: HashMap<usize, View<'a>>,
    /// Cannot-link partners of each cluster's members, by root.
    forbid: BTreeMap<usize, Vec<usize>>,
    /// Steward-assigned customer IDs, by root.
    pins: BTreeMap<usize, String>,
    birth_guard: bool,
}

impl<'a> Clusters<'a> {
    /// Every record alone; `forbid` lists cannot-link pairs, `pins` assignments.
    pub fn new(
        features: &'a [Features],
        cannot_link: &[(usize, usize)],
        pins: &[(usize, String)],
    ) -> Clusters<'a> {
        let mut forbid: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &(a, b) in cannot_link {
            forbid.entry(a).or_default().push(b);
            forbid.entry(b).or_default().push(a);
        }
        for partners in forbid.values_mut() {
            partners.sort_unstable();
            partners.dedup();
        }
        Clusters {
            features,
            parent: (0..features.len()).collect(),
            members: HashMap::default(),
            views: HashMap::default(),
            forbid,
            pins: pins.iter().cloned().collect(),
            birth_guard: true,
        }
    }

    /// The number of members of the cluster rooted at `root`.
    fn size_of(&self, root: usize) -> usize {
        self.members.get(&root).map_or(1, Vec::len)
    }

    /// The view of the cluster rooted at `root`: taken out of the kept views, or built.
    fn take_view(&mut self, root: usize) -> View<'a> {
        if let Some(view) = self.views.remove(&root) {
            return view;
        }
        match self.members.get(&root) {
            Some(members) => View::of(members, self.features),
            None => View::of(&[root], self.features),
        }
    }

    /// Puts a view taken with [`Clusters::take_view`] back when its cluster keeps one.
    fn keep_view(&mut self, root: usize, view: View<'a>) {
        if self.size_of(root) >= KEEP_VIEW_FROM {
            self.views.insert(root, view);
        }
    }

    /// The steward-assigned ID of the cluster rooted at `root`.
    fn pinned(&self, root: usize) -> Option<String> {
        self.pins.get(&root).cloned()
    }

    /// Turns the birth-date conflict off, for data where true matches often disagree on
    /// birth dates (the model learned a weak penalty for different dates).
    pub fn without_birth_guard(mut self) -> Clusters<'a> {
        self.birth_guard = false;
        self
    }

    pub fn find(&mut self, mut i: usize) -> usize {
        let mut root = i;
        while let Some(&p) = self.parent.get(root) {
            if p == root {
                break;
            }
            root = p;
        }
        while let Some(&p) = self.parent.get(i) {
            if p == root {
                break;
            }
            if let Some(slot) = self.parent.get_mut(i) {
                *slot = root;
            }
            i = p;
        }
        root
    }

    /// Joins the clusters of `a` and `b` unless they conflict; `steward` edges only stop at
    /// cannot-links and different pins.
    pub fn join(&mut self, a: usize, b: usize, steward: bool) -> Result<(), Refusal> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb || ra >= self.parent.len() || rb >= self.parent.len() {
            return Ok(());
        }
        let forbidden = |from: usize, to: usize| {
            self.forbid
                .get(&from)
                .is_some_and(|f| f.iter().any(|&r| root_of(&self.parent, r) == to))
        };
        let pins_differ =
            matches!((self.pins.get(&ra), self.pins.get(&rb)), (Some(p), Some(q)) if p != q);
        if forbidden(ra, rb) || forbidden(rb, ra) || pins_differ {
            return Err(Refusal::CannotLink);
        }
        let (x, y) = (self.take_view(ra), self.take_view(rb));
        if !steward && let Some(refusal) = conflict(&x, &y, self.birth_guard) {
            self.keep_view(ra, x);
            self.keep_view(rb, y);
            return Err(refusal);
        }
        let (keep, gone, view) = if ra < rb {
            (ra, rb, x.merge(y))
        } else {
            (rb, ra, y.merge(x))
        };
        // The larger member list takes the smaller (a big cluster is not copied per edge).
        let mut kept = self.members.remove(&keep).unwrap_or_else(|| vec![keep]);
        let mut taken = self.members.remove(&gone).unwrap_or_else(|| vec![gone]);
        if kept.len() < taken.len() {
            std::mem::swap(&mut kept, &mut taken);
        }
        kept.extend(taken);
        self.members.insert(keep, kept);
        self.keep_view(keep, view);
        if let Some(partners) = self.forbid.remove(&gone) {
            let merged = self.forbid.entry(keep).or_default();
            merged.extend(partners);
            merged.sort_unstable();
            merged.dedup();
        }
        if let Some(pin) = self.pins.remove(&gone) {
            self.pins.entry(keep).or_insert(pin);
        }
        if let Some(p) = self.parent.get_mut(gone) {
            *p = keep;
        }
        Ok(())
    }

    /// Clusters of the eligible records (members ascending, clusters by first member) with pins.
    pub fn into_groups(mut self, eligible: &[bool]) -> (Vec<Vec<usize>>, Vec<Option<String>>) {
        let n = self.parent.len();
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
        for i in 0..n {
            if eligible.get(i).copied().unwrap_or(false) {
                let r = self.find(i);
                if let Some(g) = by_root.get_mut(r) {
                    g.push(i);
                }
            }
        }
        let mut groups: Vec<(Vec<usize>, Option<String>)> = by_root
            .into_iter()
            .enumerate()
            .filter(|(_, g)| !g.is_empty())
            .map(|(r, g)| (g, self.pinned(r)))
            .collect();
        groups.sort_by_key(|(g, _)| g.first().copied());
        groups.into_iter().unzip()
    }
}

fn root_of(parent: &[usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        i = p;
    }
    i
}

#[cfg(test)]
mod tests;
