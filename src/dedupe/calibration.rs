//! The model's calibration as a steward sees it: every compared pair's match weight in a
//! histogram, the thresholds on the same scale, and what moving a threshold would change.

use serde::Serialize;

/// Lowest and highest whole match weight with a bin of their own; pairs outside fall into
/// the first or last bin. Weights are log2 odds: ±40 is a probability within 1e-12 of 0 or 1.
const LOWEST: i32 = -40;
const HIGHEST: i32 = 40;
const BINS: usize = (HIGHEST - LOWEST) as usize;

/// Match probabilities a steward might move a threshold to; each is reported with the pairs
/// at or above it.
pub const WHAT_IF_PROBABILITIES: [f64; 9] = [0.2, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999, 0.9999];

/// Compared pairs per one-unit band of match weight, with the sum of their match probabilities
/// (the matches the model expects in the band).
#[derive(Clone, Debug, PartialEq)]
pub struct WeightHistogram {
    pairs: Vec<u64>,
    expected_matches: Vec<f64>,
}

impl Default for WeightHistogram {
    fn default() -> Self {
        WeightHistogram {
            pairs: vec![0; BINS],
            expected_matches: vec![0.0; BINS],
        }
    }
}

impl WeightHistogram {
    /// Counts one compared pair.
    pub fn add(&mut self, match_weight: f64, match_probability: f64) {
        let bin = bin_of(match_weight);
        if let (Some(n), Some(e)) = (self.pairs.get_mut(bin), self.expected_matches.get_mut(bin)) {
            *n += 1;
            *e += match_probability;
        }
    }

    /// Adds another histogram's counts (one per scoring chunk).
    pub fn merge(&mut self, other: &WeightHistogram) {
        for (a, b) in self.pairs.iter_mut().zip(&other.pairs) {
            *a += b;
        }
        for (a, b) in self
            .expected_matches
            .iter_mut()
            .zip(&other.expected_matches)
        {
            *a += b;
        }
    }

    /// Pairs counted.
    pub fn total(&self) -> u64 {
        self.pairs.iter().sum()
    }

    /// Non-empty bands from lowest to highest weight.
    pub fn bands(&self) -> Vec<WeightBand> {
        self.pairs
            .iter()
            .zip(&self.expected_matches)
            .enumerate()
            .filter(|(_, (n, _))| **n > 0)
            .map(|(i, (&pairs, &expected))| {
                let from = LOWEST + i as i32;
                WeightBand {
                    from: (i > 0).then_some(from),
                    to: (i + 1 < BINS).then_some(from + 1),
                    pairs,
                    expected_matches: (expected * 10.0).round() / 10.0,
                }
            })
            .collect()
    }
}

fn bin_of(weight: f64) -> usize {
    if weight.is_nan() {
        return 0;
    }
    let floor = weight.floor().clamp(LOWEST as f64, (HIGHEST - 1) as f64) as i32;
    (floor - LOWEST) as usize
}

/// One band of the histogram: pairs with `from <= weight < to` (open-ended at the ends).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeightBand {
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub pairs: u64,
    pub expected_matches: f64,
}

/// A threshold on both scales.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Threshold {
    pub probability: f64,
    pub weight: f64,
}

impl Threshold {
    pub fn at(probability: f64) -> Threshold {
        let p = probability.clamp(1e-12, 1.0 - 1e-12);
        Threshold {
            probability,
            weight: ((p / (1.0 - p)).log2() * 1000.0).round() / 1000.0,
        }
    }
}

/// Pairs the model scored at or above a probability: what a threshold there would merge (as
/// the match threshold) or send to review (as the review threshold, less those merged).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct WhatIf {
    pub probability: f64,
    pub pairs_at_or_above: u64,
}

/// The calibration `run.json` and the report show.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Calibration {
    /// Every compared pair, by match weight.
    pub histogram: Vec<WeightBand>,
    pub pairs_compared: u64,
    pub match_threshold: Option<Threshold>,
    pub review_threshold: Option<Threshold>,
    /// Pairs at or above each of [`WHAT_IF_PROBABILITIES`], as the model scored them (before
    /// steward decisions and the cluster guards).
    pub what_if: Vec<WhatIf>,
}

impl Calibration {
    /// The calibration of a run. `kept` are the probabilities of the pairs kept for listing,
    /// which hold every pair at or above `keep_min`; lower what-if figures come from the
    /// histogram's expected share, so they are left out rather than guessed.
    pub fn new(
        histogram: &WeightHistogram,
        kept: impl Iterator<Item = f64>,
        keep_min: f64,
        match_threshold: f64,
        review_threshold: f64,
    ) -> Calibration {
        let mut probabilities: Vec<f64> = kept.collect();
        probabilities.sort_by(|a, b| b.total_cmp(a));
        let what_if = WHAT_IF_PROBABILITIES
            .iter()
            .filter(|&&p| p >= keep_min)
            .map(|&p| WhatIf {
                probability: p,
                pairs_at_or_above: probabilities.partition_point(|&q| q >= p) as u64,
            })
            .collect();
        Calibration {
            histogram: histogram.bands(),
            pairs_compared: histogram.total(),
            match_threshold: Some(Threshold::at(match_threshold)),
            review_threshold: Some(Threshold::at(review_threshold)),
            what_if,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_fall_into_unit_bands_and_the_ends_take_the_rest() {
        let mut h = WeightHistogram::default();
        for w in [-100.0, -3.5, -3.0, 0.2, 4.99, 5.0, 99.0, f64::NAN] {
            h.add(w, 0.5);
        }
        let bands = h.bands();
        let find = |from: Option<i32>| bands.iter().find(|b| b.from == from).map(|b| b.pairs);
        assert_eq!(
            find(None),
            Some(2),
            "below -39 and NaN go to the first band"
        );
        assert_eq!(find(Some(-4)), Some(1));
        assert_eq!(find(Some(-3)), Some(1));
        assert_eq!(find(Some(0)), Some(1));
        assert_eq!(find(Some(4)), Some(1));
        assert_eq!(find(Some(5)), Some(1));
        let last = bands.last().expect("bands");
        assert_eq!((last.from, last.to, last.pairs), (Some(39), None, 1));
        assert_eq!(h.total(), 8);
    }

    #[test]
    fn merged_histograms_add_up() {
        let (mut a, mut b) = (WeightHistogram::default(), WeightHistogram::default());
        a.add(1.5, 0.7);
        b.add(1.2, 0.6);
        b.add(-2.0, 0.2);
        a.merge(&b);
        let band = a
            .bands()
            .into_iter()
            .find(|x| x.from == Some(1))
            .expect("band");
        assert_eq!(band.pairs, 2);
        assert!((band.expected_matches - 1.3).abs() < 1e-9);
        assert_eq!(a.total(), 3);
    }

    #[test]
    fn what_if_counts_pairs_at_or_above_each_threshold() {
        let h = WeightHistogram::default();
        let kept = [0.25, 0.5, 0.5, 0.91, 0.96, 0.999].into_iter();
        let c = Calibration::new(&h, kept, 0.2, 0.95, 0.5);
        let at = |p: f64| {
            c.what_if
                .iter()
                .find(|w| w.probability == p)
                .map(|w| w.pairs_at_or_above)
        };
        assert_eq!(at(0.2), Some(6));
        assert_eq!(at(0.5), Some(5));
        assert_eq!(at(0.9), Some(3));
        assert_eq!(at(0.95), Some(2));
        assert_eq!(at(0.999), Some(1));
        assert_eq!(at(0.9999), Some(0));
        let t = c.match_threshold.expect("threshold");
        assert!((t.weight - (0.95f64 / 0.05).log2()).abs() < 1e-3);
    }

    #[test]
    fn thresholds_below_what_was_kept_are_not_guessed() {
        let c = Calibration::new(
            &WeightHistogram::default(),
            [0.6].into_iter(),
            0.5,
            0.95,
            0.5,
        );
        assert!(c.what_if.iter().all(|w| w.probability >= 0.5));
        assert!(!c.what_if.is_empty());
    }
}
