//! What training learnt, kept for the next run, and when a later run may score with it
//! instead of training again: only while the data it was learnt from has not shifted.
//!
//! A run keeps `m` and `lambda` (EM), `u` as measured on random pairs (before the matches
//! among them are taken out) and the level counts of those pairs, beside a fingerprint of
//! what it was learnt from: the eligible records, and every comparison's share of levels
//! among the EM sample of candidate pairs. A later run computes its own EM sample (mostly
//! pairs it takes from the kept comparisons) and its fingerprint, and reuses the learnt
//! parameters when
//!
//! - the eligible records differ by at most [`MAX_RECORD_SHIFT`] (relative), and
//! - no comparison's level shares moved by more than [`MAX_LEVEL_SHIFT`] (total variation
//!   distance: half the sum of the absolute differences of the shares).
//!
//! EM's `m` and `lambda` are a function of the sample's level distribution, and `u` of the
//! records' value distribution, so while neither moves the parameters would come out about
//! the same; a weekly export that grew by a few percent keeps its model, a new source or a
//! change of shape (a column that filled in, another country) trains a new one. The prior
//! and the `u` correction for matches among random pairs are always this run's (they follow
//! the candidate and record counts). A reused model keeps the fingerprint it was learnt
//! from, so shifts add up over a chain of runs rather than resetting each time. On the same
//! data the shift is zero and the reused parameters are the ones training would give.

use super::compare::Comparison;
use super::score::{Model, USample, Vectors};

/// Largest relative change in eligible records under which a model is reused.
pub const MAX_RECORD_SHIFT: f64 = 0.05;

/// Largest total variation distance of any comparison's level shares under which a model
/// is reused.
pub const MAX_LEVEL_SHIFT: f64 = 0.01;

/// What the parameters were learnt from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fingerprint {
    /// Eligible records.
    pub records: u64,
    /// Per comparison, each level's share of the EM sample's pairs (missing included).
    pub level_shares: Vec<Vec<f64>>,
}

impl Fingerprint {
    /// The fingerprint of `records` eligible records and their EM sample `v`.
    pub fn of(comparisons: &[Comparison], records: usize, v: &Vectors) -> Fingerprint {
        let mut counts: Vec<Vec<u64>> = comparisons
            .iter()
            .map(|c| vec![0; c.labels().len()])
            .collect();
        for p in 0..v.len() {
            for (row, &l) in counts.iter_mut().zip(v.levels_of(p)) {
                if let Some(n) = row.get_mut(usize::from(l)) {
                    *n += 1;
                }
            }
        }
        let total = v.len().max(1) as f64;
        Fingerprint {
            records: records as u64,
            level_shares: counts
                .iter()
                .map(|row| row.iter().map(|&n| n as f64 / total).collect())
                .collect(),
        }
    }

    /// How far `now` is from this fingerprint.
    pub fn shift_to(&self, now: &Fingerprint, comparisons: &[Comparison]) -> Shift {
        let records =
            (now.records as f64 - self.records as f64).abs() / (self.records.max(1) as f64);
        let mut levels = 0.0;
        let mut comparison = "";
        for (c, (before, after)) in comparisons
            .iter()
            .zip(self.level_shares.iter().zip(&now.level_shares))
        {
            let distance = if before.len() == after.len() {
                before
                    .iter()
                    .zip(after)
                    .map(|(x, y)| (x - y).abs())
                    .sum::<f64>()
                    / 2.0
            } else {
                1.0
            };
            if distance > levels {
                levels = distance;
                comparison = c.name;
            }
        }
        if self.level_shares.len() != now.level_shares.len() {
            levels = 1.0;
        }
        Shift {
            records,
            levels,
            comparison,
        }
    }
}

/// How far this run's data is from what a model was learnt from.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Shift {
    /// Relative change in eligible records.
    pub records: f64,
    /// Largest total variation distance of a comparison's level shares.
    pub levels: f64,
    /// The comparison that moved most.
    pub comparison: &'static str,
}

impl Shift {
    /// Whether a model learnt before this shift may still be used.
    pub fn is_small(&self) -> bool {
        self.records <= MAX_RECORD_SHIFT && self.levels <= MAX_LEVEL_SHIFT
    }

    /// Why a model was trained again, in words.
    pub fn describe(&self) -> String {
        if self.records > MAX_RECORD_SHIFT {
            format!(
                "the eligible records changed by {:.1}% (more than {:.0}%)",
                self.records * 100.0,
                MAX_RECORD_SHIFT * 100.0
            )
        } else {
            format!(
                "the levels of {} among the training pairs moved by {:.3} (more than {})",
                self.comparison, self.levels, MAX_LEVEL_SHIFT
            )
        }
    }
}

/// The parameters a run learnt (or reused), kept for the next run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Learnt {
    /// `m` per comparison and level (EM).
    pub m: Vec<Vec<f64>>,
    /// Share of matches among the candidate pairs (EM).
    pub lambda: f64,
    /// `u` as measured on random pairs, before the matches among them are taken out.
    pub u: Vec<Vec<f64>>,
    /// The random pairs' level counts and the prior `u` they were blended with.
    pub u_sample: USample,
    /// What the parameters were learnt from.
    pub fingerprint: Fingerprint,
}

impl Learnt {
    /// Whether the parameters fit `comparisons` (one row per comparison, one value per level).
    pub fn fits(&self, comparisons: &[Comparison]) -> bool {
        let fits = |rows: &[Vec<f64>]| {
            rows.len() == comparisons.len()
                && rows
                    .iter()
                    .zip(comparisons)
                    .all(|(r, c)| r.len() == c.labels().len())
        };
        fits(&self.m)
            && fits(&self.u)
            && fits(&self.u_sample.counts)
            && fits(&self.u_sample.priors)
            && fits(&self.fingerprint.level_shares)
    }

    /// The model these parameters give for a run of `total` eligible records whose
    /// candidates are `candidates` of `possible` pairs.
    pub fn model(&self, total: u32, candidates: usize, possible: f64) -> Model {
        let mut model = Model {
            m: self.m.clone(),
            u: self.u.clone(),
            lambda: self.lambda,
            prior: self.lambda,
            total,
        };
        model.set_prior(candidates, possible);
        model.remove_matches_from_u(&self.u_sample);
        model
    }
}

/// Whether a run trained its model or reused the earlier run's, and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ModelReuse {
    /// The earlier run's model was used.
    pub reused: bool,
    /// How far the data was from what that model was learnt from, when there was one.
    pub shift: Option<Shift>,
    /// Why it was not used (empty when it was, or when there was none).
    pub why_not: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::compare::Comparison;

    fn vectors(width: usize, rows: &[&[u8]]) -> Vectors {
        Vectors {
            width,
            levels: rows.iter().flat_map(|r| r.iter().copied()).collect(),
            tf: vec![0; rows.len() * width],
        }
    }

    #[test]
    fn a_small_change_is_no_shift_and_a_new_shape_is() {
        let comparisons = Comparison::all(&[]);
        let width = comparisons.len();
        let same: Vec<u8> = vec![1; width];
        let other: Vec<u8> = vec![2; width];
        let base: Vec<&[u8]> = (0..1000).map(|_| same.as_slice()).collect();
        let before = Fingerprint::of(&comparisons, 10_000, &vectors(width, &base));
        assert_eq!(before.shift_to(&before, &comparisons).levels, 0.0);
        assert!(before.shift_to(&before, &comparisons).is_small());

        // Five pairs in a thousand at another level, and 2% more records: still the model.
        let mut grown = base.clone();
        grown.extend((0..5).map(|_| other.as_slice()));
        let after = Fingerprint::of(&comparisons, 10_200, &vectors(width, &grown));
        let shift = before.shift_to(&after, &comparisons);
        assert!(shift.levels > 0.0 && shift.is_small(), "{shift:?}");

        // A fifth of the pairs at another level: trained again, and the words say where.
        let mut moved = base.clone();
        moved.extend((0..250).map(|_| other.as_slice()));
        let shift = before.shift_to(
            &Fingerprint::of(&comparisons, 10_000, &vectors(width, &moved)),
            &comparisons,
        );
        assert!(!shift.is_small());
        assert!(shift.describe().contains(comparisons[0].name), "{shift:?}");

        // Twice the records: trained again.
        let shift = before.shift_to(
            &Fingerprint::of(&comparisons, 20_000, &vectors(width, &base)),
            &comparisons,
        );
        assert!(!shift.is_small());
        assert!(shift.describe().contains("records"));
    }
}
