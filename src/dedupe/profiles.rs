//! Distinct profiles: records identical on every compared feature count once wherever Steward
//! measures how common a value is, and the order of the rows plays no part in what it measures.
//!
//! `u` (how often two different customers agree) and the term frequencies are learned from the
//! file itself. Copies of one customer would teach the opposite of the truth: in a file that is
//! only copies, every random pair agrees on everything, so agreement would weigh nothing and
//! no copy would merge with another. Counting each distinct profile once fixes that, and it is
//! what the estimates mean anyway: how often two *different* records share a value. Profiles are
//! ordered by their content hash, so the same rows in another order give the same sample.

use super::features::Features;
use rayon::prelude::*;

/// The eligible records' profiles.
#[derive(Clone, Debug, Default)]
pub struct Profiles {
    /// Each record's [`Features::profile_hash`] (0 for ineligible records).
    pub hashes: Vec<u64>,
    /// Whether the record stands for its profile (the first eligible record with it); exactly
    /// one record per distinct eligible profile is marked.
    pub distinct: Vec<bool>,
    /// The records marked in `distinct`, ordered by profile hash (then index): a list whose
    /// order depends on the content only, for seeded sampling.
    pub representatives: Vec<u32>,
    /// Number of eligible records (copies included).
    pub eligible: usize,
}

impl Profiles {
    /// Groups the eligible records by their features.
    pub fn build(features: &[Features], eligible: &[bool]) -> Profiles {
        let is_eligible = |i: usize| eligible.get(i).copied().unwrap_or(false);
        let hashes: Vec<u64> = features
            .par_iter()
            .enumerate()
            .map(|(i, f)| if is_eligible(i) { f.profile_hash() } else { 0 })
            .collect();
        let mut order: Vec<u32> = (0..features.len())
            .filter(|&i| is_eligible(i))
            .map(|i| i as u32)
            .collect();
        let eligible_count = order.len();
        order.par_sort_unstable_by_key(|&i| (hashes[i as usize], i));
        let mut distinct = vec![false; features.len()];
        let mut representatives = Vec::with_capacity(order.len());
        // Within a run of equal hashes, a record is a copy of an earlier one only when the
        // features really are equal (a 64-bit collision keeps both).
        let mut run_start = 0;
        for (k, &i) in order.iter().enumerate() {
            let h = hashes[i as usize];
            if k > 0 && hashes[order[k - 1] as usize] != h {
                run_start = representatives.len();
            }
            let copy = representatives[run_start..]
                .iter()
                .any(|&j: &u32| features.get(j as usize) == features.get(i as usize));
            if !copy {
                distinct[i as usize] = true;
                representatives.push(i);
            }
        }
        Profiles {
            hashes,
            distinct,
            representatives,
            eligible: eligible_count,
        }
    }

    /// Whether pair `(a, b)` falls in a sample of about one in `step` pairs, chosen by the two
    /// records' content rather than their positions (the same pairs whatever the row order).
    pub fn sampled(&self, a: u32, b: u32, step: u64) -> bool {
        if step <= 1 {
            return true;
        }
        let (x, y) = (self.hash(a), self.hash(b));
        let (lo, hi) = (x.min(y), x.max(y));
        mix(lo ^ hi.rotate_left(29)).is_multiple_of(step)
    }

    fn hash(&self, i: u32) -> u64 {
        self.hashes.get(i as usize).copied().unwrap_or(0)
    }
}

/// SplitMix64's finaliser: spreads a combined hash evenly before taking it modulo.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::features::FeatureValues;

    fn person(given: &str, email: &str) -> Features {
        Features::from(FeatureValues {
            given: given.into(),
            family: "smith".into(),
            emails: [email.into(), String::new()],
            ..FeatureValues::default()
        })
    }

    #[test]
    fn copies_count_once_and_order_does_not_matter() {
        let rows = vec![
            person("ann", "a@x.org"),
            person("bob", "b@x.org"),
            person("ann", "a@x.org"),
            person("ann", "a@x.org"),
        ];
        let all = vec![true; rows.len()];
        let p = Profiles::build(&rows, &all);
        assert_eq!(p.distinct.iter().filter(|&&d| d).count(), 2);
        assert_eq!(p.eligible, 4);
        assert!(p.distinct[0] && p.distinct[1]);

        let mut shuffled = rows.clone();
        shuffled.reverse();
        let q = Profiles::build(&shuffled, &all);
        let content = |p: &Profiles, rows: &[Features]| -> Vec<Features> {
            p.representatives
                .iter()
                .map(|&i| rows[i as usize].clone())
                .collect()
        };
        assert_eq!(content(&p, &rows), content(&q, &shuffled));
    }

    #[test]
    fn ineligible_records_are_no_profile() {
        let rows = vec![person("ann", "a@x.org"), person("bob", "b@x.org")];
        let p = Profiles::build(&rows, &[true, false]);
        assert_eq!(p.representatives, vec![0]);
        assert_eq!(p.eligible, 1);
    }

    #[test]
    fn pair_sample_follows_content_not_position() {
        let rows = vec![person("ann", "a@x.org"), person("bob", "b@x.org")];
        let p = Profiles::build(&rows, &[true, true]);
        let q = Profiles::build(&[rows[1].clone(), rows[0].clone()], &[true, true]);
        for step in 1..50 {
            assert_eq!(p.sampled(0, 1, step), q.sampled(1, 0, step));
        }
        assert!(p.sampled(0, 1, 1));
    }
}
