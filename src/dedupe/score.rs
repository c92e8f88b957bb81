//! Fellegi–Sunter scoring: `u` from seeded random pairs, `m` and the prior by EM over the
//! candidate pairs (blocking-aware), term-frequency adjusted match weights.

use super::compare::{Comparison, Kind, MISSING, NamePair, Term, TermCounts};
use super::features::Features;
use super::kept::Kept;
use rayon::prelude::*;

/// Every candidate pair's comparison levels and term counts, flat (`pair * width + comparison`).
pub struct Vectors {
    pub width: usize,
    pub levels: Vec<u8>,
    pub tf: Vec<u32>,
}

impl Vectors {
    /// Compares every pair in parallel; the result does not depend on the thread count.
    pub fn compute(
        comparisons: &[Comparison],
        pairs: &[(u32, u32)],
        features: &[Features],
        tc: &TermCounts,
    ) -> Vectors {
        Vectors::compute_with(comparisons, pairs, features, tc, None)
    }

    /// [`Vectors::compute`], taking the levels of pairs the earlier run compared from `kept`.
    pub fn compute_with(
        comparisons: &[Comparison],
        pairs: &[(u32, u32)],
        features: &[Features],
        tc: &TermCounts,
        kept: Option<Kept<'_>>,
    ) -> Vectors {
        let width = comparisons.len();
        let mut levels = vec![MISSING; pairs.len() * width];
        let mut tf = vec![0u32; pairs.len() * width];
        if width > 0 {
            levels
                .par_chunks_mut(width)
                .zip(tf.par_chunks_mut(width))
                .zip(pairs.par_iter())
                .for_each(|((l, t), &(a, b))| {
                    let (a, b) = (a as usize, b as usize);
                    let earlier = kept
                        .and_then(|k| k.lookup(a, b))
                        .filter(|c| c.len() == width);
                    match earlier.and_then(|codes| decode_into(codes, tc, a, l, t)) {
                        Some(()) => {}
                        None => compare_into(comparisons, features, tc, (a, b), l, t),
                    }
                });
        }
        Vectors { width, levels, tf }
    }

    pub fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }

    pub fn len(&self) -> usize {
        self.levels.len().checked_div(self.width).unwrap_or(0)
    }

    pub fn levels_of(&self, pair: usize) -> &[u8] {
        self.levels
            .get(pair * self.width..(pair + 1) * self.width)
            .unwrap_or(&[])
    }

    pub fn tf_of(&self, pair: usize) -> &[u32] {
        self.tf
            .get(pair * self.width..(pair + 1) * self.width)
            .unwrap_or(&[])
    }
}

/// Writes the levels and term counts of a pair the earlier run kept (`codes`); `None` when a
/// code does not read.
fn decode_into(
    codes: &[u8],
    tc: &TermCounts,
    a: usize,
    levels: &mut [u8],
    tf: &mut [u32],
) -> Option<()> {
    for ((&code, l), t) in codes.iter().zip(levels).zip(tf) {
        let (level, term) = super::kept::decode(code)?;
        *l = level;
        *t = tc.count(term, a);
    }
    Some(())
}

/// Compares one pair on every comparison, writing each comparison's level and term count
/// into `levels` and `tf` (as long as `comparisons`).
pub fn compare_into(
    comparisons: &[Comparison],
    features: &[Features],
    tc: &TermCounts,
    (a, b): (usize, usize),
    levels: &mut [u8],
    tf: &mut [u32],
) {
    let (Some(x), Some(y)) = (features.get(a), features.get(b)) else {
        levels.fill(MISSING);
        tf.fill(0);
        return;
    };
    let names = NamePair::default();
    for ((c, l), t) in comparisons.iter().zip(levels).zip(tf) {
        let o = c.compare_with(x, y, &names);
        *l = o.level;
        *t = tc.count(o.term, a);
    }
}

/// Compares one pair on every comparison, writing each comparison's level and term (the
/// first record's, [`TermCounts::count`]) into `levels` and `terms`.
pub fn compare_terms_into(
    comparisons: &[Comparison],
    features: &[Features],
    (a, b): (usize, usize),
    levels: &mut [u8],
    terms: &mut [Term],
) {
    let (Some(x), Some(y)) = (features.get(a), features.get(b)) else {
        levels.fill(MISSING);
        terms.fill(Term::None);
        return;
    };
    let names = NamePair::default();
    for ((c, l), t) in comparisons.iter().zip(levels).zip(terms) {
        let o = c.compare_with(x, y, &names);
        *l = o.level;
        *t = o.term;
    }
}

/// The trained model: per comparison and level, `m` and `u`; `lambda`, the share of
/// matches among candidate pairs (EM); `prior`, the share of matches among all record pairs,
/// which scores use (the weights of the fields blocking agreed on lift candidate pairs from
/// it, as in Splink; scoring candidates with `lambda` would count that agreement twice).
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub m: Vec<Vec<f64>>,
    pub u: Vec<Vec<f64>>,
    pub lambda: f64,
    pub prior: f64,
    /// Eligible records (term-frequency denominator).
    pub total: u32,
}

/// Deterministic 64-bit generator (SplitMix64) for the `u` sample.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Level frequencies over non-missing outcomes, smoothed by `alpha` per level.
pub(super) fn normalise(counts: &[f64], alpha: f64) -> Vec<f64> {
    let live: f64 =
        counts.iter().skip(1).sum::<f64>() + alpha * counts.len().saturating_sub(1) as f64;
    counts
        .iter()
        .enumerate()
        .map(|(l, &c)| {
            if l == 0 || live <= 0.0 {
                1.0
            } else {
                (c + alpha) / live
            }
        })
        .collect()
}

/// Level counts of the random pairs `u` was measured on, kept to take the matches among
/// them back out once the prior is known ([`Model::remove_matches_from_u`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct USample {
    /// Per comparison, the random pairs at each level.
    pub counts: Vec<Vec<f64>>,
    /// Per comparison, the built-in `u` the measured one is blended with.
    pub priors: Vec<Vec<f64>>,
}

/// Up to this many pairs of distinct profiles, `u` is counted on every pair rather than a
/// sample: exact, and the same whatever order or seed (a sample of a few hundred thousand
/// pairs meets a one-in-100,000 agreement a handful of times, and moved F1 on a 1,500-row file
/// by two points from one seed to the next).
const ALL_PAIRS_UP_TO: usize = 1_500_000;

/// Estimates `u` from `samples` random pairs of distinct profiles (seeded), or from every pair
/// when there are at most [`ALL_PAIRS_UP_TO`]. `live` lists one record per distinct profile in
/// an order that depends on the content only ([`super::profiles::Profiles::representatives`]);
/// with fewer than two, `u` is the prior.
pub fn estimate_u(
    comparisons: &[Comparison],
    features: &[Features],
    live: &[u32],
    tc: &TermCounts,
    samples: usize,
    seed: u64,
) -> (Vec<Vec<f64>>, USample) {
    let mut rng = SplitMix(seed);
    let possible = live.len().saturating_mul(live.len().saturating_sub(1)) / 2;
    let samples = samples.min(possible);
    let mut pairs = Vec::with_capacity(samples.max(possible.min(ALL_PAIRS_UP_TO)));
    if possible <= ALL_PAIRS_UP_TO.max(samples) {
        for (i, &a) in live.iter().enumerate() {
            for &b in live.get(i + 1..).unwrap_or_default() {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    } else if live.len() >= 2 {
        let n = live.len() as u64;
        while pairs.len() < samples {
            let (i, j) = ((rng.next() % n) as usize, (rng.next() % n) as usize);
            if let (Some(&a), Some(&b)) = (live.get(i), live.get(j))
                && a != b
            {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    let v = Vectors::compute(comparisons, &pairs, features, tc);
    let counts = level_counts(comparisons, &v, &|_, _| 1.0);
    let priors: Vec<Vec<f64>> = comparisons.iter().map(prior_u).collect();
    let u = counts
        .iter()
        .zip(&priors)
        .map(|(c, prior)| blend_with_prior(c, prior))
        .collect();
    (u, USample { counts, priors })
}

/// Pseudo-count (in pairs) of the built-in `u` against the one measured on random pairs: a
/// file of a few hundred rows cannot measure how rarely strangers share a phone, so its
/// estimate leans on the prior; a million sampled pairs outweigh it completely.
const U_PRIOR_PAIRS: f64 = 1_000.0;

/// How often two different customers agree at each level, before looking at the data:
/// round figures for CRM exports (a given name is shared by ~1% of random pairs, a family
/// name by ~0.3%, a phone or e-mail almost never). Missing is level 0; the last level
/// ("different") takes the rest.
fn prior_u(comparison: &Comparison) -> Vec<f64> {
    let agree: &[f64] = match comparison.kind {
        Kind::GivenName => &[0.01, 0.05, 0.01, 0.03],
        Kind::FamilyName => &[0.003, 0.003, 0.01],
        Kind::Email => &[1e-5, 1e-4, 1e-4],
        Kind::Phone => &[1e-6, 1e-5, 1e-4, 0.3],
        Kind::Location => &[1e-4, 1e-4, 0.01, 0.03, 0.02, 0.01],
        Kind::Organization => &[0.001, 0.001, 0.002, 0.002, 0.01],
        Kind::BirthDate => &[1e-4, 5e-4, 0.02],
        Kind::BirthPlace => &[0.01, 0.01],
        Kind::Identifier(_) => &[1e-5, 1e-5, 1e-5],
    };
    let levels = comparison.labels().len();
    let agreeing = levels.saturating_sub(2);
    let mut u = vec![1.0];
    u.extend((0..agreeing).map(|i| agree.get(i).copied().unwrap_or(1e-3)));
    let used: f64 = u.iter().skip(1).sum();
    if levels >= 2 {
        u.push((1.0 - used).max(0.01));
    }
    u
}

/// `u` per level: measured level counts blended with `prior` weighted as [`U_PRIOR_PAIRS`].
fn blend_with_prior(counts: &[f64], prior: &[f64]) -> Vec<f64> {
    let measured: f64 = counts.iter().skip(1).sum();
    counts
        .iter()
        .enumerate()
        .map(|(l, &c)| {
            if l == 0 {
                1.0
            } else {
                let p = prior.get(l).copied().unwrap_or(1e-3);
                ((c + U_PRIOR_PAIRS * p) / (measured + U_PRIOR_PAIRS)).max(1e-9)
            }
        })
        .collect()
}

/// Weighted level counts per comparison (`weight(pair, comparison)`), in fixed-size chunks so
/// the sums do not depend on the thread count.
fn level_counts(
    comparisons: &[Comparison],
    v: &Vectors,
    weight: &(dyn Fn(usize, usize) -> f64 + Sync),
) -> Vec<Vec<f64>> {
    let empty = || {
        comparisons
            .iter()
            .map(|c| vec![0.0; c.labels().len()])
            .collect::<Vec<_>>()
    };
    let idx: Vec<usize> = (0..v.len()).collect();
    let partials: Vec<Vec<Vec<f64>>> = idx
        .par_chunks(4096)
        .map(|chunk| {
            let mut acc = empty();
            for &p in chunk {
                for (c, &l) in v.levels_of(p).iter().enumerate() {
                    if let Some(slot) = acc.get_mut(c).and_then(|a| a.get_mut(usize::from(l))) {
                        *slot += weight(p, c);
                    }
                }
            }
            acc
        })
        .collect();
    let mut total = empty();
    for part in partials {
        for (t, p) in total.iter_mut().zip(part) {
            for (x, y) in t.iter_mut().zip(p) {
                *x += y;
            }
        }
    }
    total
}

/// Log2 Bayes factor of one level without term-frequency adjustment.
fn bayes(m: &[Vec<f64>], u: &[Vec<f64>], c: usize, l: u8) -> f64 {
    if l == MISSING {
        return 0.0;
    }
    let get = |t: &[Vec<f64>]| {
        t.get(c)
            .and_then(|r| r.get(usize::from(l)))
            .copied()
            .unwrap_or(1.0)
    };
    (get(m).max(1e-9) / get(u).max(1e-9)).log2()
}

/// Starting `m`: agreement levels likely, disagreement unlikely.
fn initial_m(comparisons: &[Comparison]) -> Vec<Vec<f64>> {
    comparisons
        .iter()
        .map(|c| {
            let n = c.labels().len();
            let raw: Vec<f64> = (0..n)
                .map(|l| {
                    if l == 0 {
                        0.0
                    } else {
                        0.5f64.powi(2 * (l as i32 - 1))
                    }
                })
                .collect();
            normalise(&raw, 0.0)
        })
        .collect()
}

/// EM for `m` and `lambda` with `u` fixed. `usable[c][p]` says whether pair `p` may inform
/// comparison `c` (it was found by a rule that does not force agreement on `c`); `fixed[c]`,
/// when given, is comparison `c`'s `m` measured elsewhere ([`super::anchors`]) and held.
pub fn train(
    comparisons: &[Comparison],
    v: &Vectors,
    u: Vec<Vec<f64>>,
    usable: &[Vec<bool>],
    fixed: &[Option<Vec<f64>>],
    iterations: usize,
    total: u32,
) -> Model {
    let mut m = initial_m(comparisons);
    hold_fixed(&mut m, fixed);
    let mut model = Model {
        m,
        u,
        lambda: 0.1,
        prior: 0.1,
        total,
    };
    for _ in 0..iterations {
        let post = expectation(v, &model, usable);
        let new_lambda = (chunked_sum(&post) / post.len().max(1) as f64).clamp(1e-6, 1.0 - 1e-6);
        let mut new_m = maximisation(comparisons, v, &model.m, &post, usable);
        hold_fixed(&mut new_m, fixed);
        let delta = (new_lambda - model.lambda).abs() + max_diff(&model.m, &new_m);
        model.m = new_m;
        model.lambda = new_lambda;
        if delta < 1e-5 {
            break;
        }
    }
    model.prior = model.lambda;
    model
}

/// Puts the held `m` rows in place of the estimated ones.
fn hold_fixed(m: &mut [Vec<f64>], fixed: &[Option<Vec<f64>>]) {
    for (row, held) in m.iter_mut().zip(fixed) {
        if let Some(held) = held {
            row.clone_from(held);
        }
    }
}

/// E-step: each pair's posterior match probability under the current parameters, with
/// term-frequency adjusted weights (two namesakes called Олександр Мельник agree on common
/// values: counting their agreement at the average rate makes every namesake pair of the
/// candidates look like a match and drags `m` of every disagreement up).
fn expectation(v: &Vectors, model: &Model, usable: &[Vec<bool>]) -> Vec<f64> {
    let prior = (model.lambda / (1.0 - model.lambda)).log2();
    (0..v.len())
        .into_par_iter()
        .map(|p| {
            // A comparison the pair's blocking rule forced to agree says nothing about
            // whether the pair matches (Splink leaves it out of the session for the rule).
            let w: f64 = prior
                + v.levels_of(p)
                    .iter()
                    .zip(v.tf_of(p))
                    .enumerate()
                    .filter(|&(c, _)| {
                        usable
                            .get(c)
                            .and_then(|u| u.get(p))
                            .copied()
                            .unwrap_or(true)
                    })
                    .map(|(c, (&l, &tf))| model.weight(c, l, tf))
                    .sum::<f64>();
            1.0 / (1.0 + (-w).exp2())
        })
        .collect()
}

/// M-step: `m` per comparison from the posterior-weighted levels of the pairs usable for it.
fn maximisation(
    comparisons: &[Comparison],
    v: &Vectors,
    m: &[Vec<f64>],
    post: &[f64],
    usable: &[Vec<bool>],
) -> Vec<Vec<f64>> {
    let weight = |p: usize, c: usize| {
        let ok = usable
            .get(c)
            .and_then(|u| u.get(p))
            .copied()
            .unwrap_or(true);
        if ok {
            post.get(p).copied().unwrap_or(0.0)
        } else {
            0.0
        }
    };
    level_counts(comparisons, v, &weight)
        .iter()
        .enumerate()
        .map(|(c, row)| {
            let mass: f64 = row.iter().skip(1).sum();
            if mass > 1.0 {
                normalise(row, 0.01)
            } else {
                m.get(c).cloned().unwrap_or_default()
            }
        })
        .collect()
}

fn chunked_sum(xs: &[f64]) -> f64 {
    let partials: Vec<f64> = xs.par_chunks(4096).map(|c| c.iter().sum::<f64>()).collect();
    partials.iter().sum()
}

fn max_diff(a: &[Vec<f64>], b: &[Vec<f64>]) -> f64 {
    a.iter()
        .zip(b)
        .flat_map(|(x, y)| x.iter().zip(y).map(|(p, q)| (p - q).abs()))
        .fold(0.0, f64::max)
}

/// Pseudo-records behind the average `u` when a value's own frequency is measured.
const TF_PRIOR_RECORDS: f64 = 1_000.0;

impl Model {
    /// Sets the prior from the expected matches among `candidates` of `possible` pairs.
    pub fn set_prior(&mut self, candidates: usize, possible: f64) {
        let expected = self.lambda * candidates as f64;
        self.prior = (expected / possible.max(1.0)).clamp(1e-12, 0.5);
    }

    /// Takes the expected true matches out of the random pairs `u` was measured on. Random
    /// pairs include matches at the prior's rate, and for values shared by almost no two
    /// different people (an e-mail, a phone, a tax number) those matches are most of the
    /// measured agreement: left in, they cap an exact e-mail at the weight of
    /// `log2(1 / prior)`, however rare a shared mailbox between strangers is.
    pub fn remove_matches_from_u(&mut self, sample: &USample) {
        let prior = self.prior;
        for (c, counts) in sample.counts.iter().enumerate() {
            let measured: f64 = counts.iter().skip(1).sum();
            let (Some(m), Some(u), Some(pu)) =
                (self.m.get(c), self.u.get_mut(c), sample.priors.get(c))
            else {
                continue;
            };
            let adjusted: Vec<f64> = counts
                .iter()
                .enumerate()
                .map(|(l, &n)| {
                    let matches = measured * prior * m.get(l).copied().unwrap_or(0.0);
                    if l == 0 { n } else { (n - matches).max(0.0) }
                })
                .collect();
            *u = blend_with_prior(&adjusted, pu);
        }
    }

    /// The prior in bits.
    pub fn prior_weight(&self) -> f64 {
        (self.prior / (1.0 - self.prior)).log2()
    }

    /// Weight of comparison `c` at level `l`, adjusted for how common the agreed value is:
    /// `u` of agreeing on value v is about v's frequency among the records. `tf_count` is 0
    /// for levels that agree on no single value (a typo, a different value).
    pub fn weight(&self, c: usize, l: u8, tf_count: u32) -> f64 {
        let base = bayes(&self.m, &self.u, c, l);
        if tf_count == 0 || self.total == 0 || l == MISSING {
            return base;
        }
        let u_level = self
            .u
            .get(c)
            .and_then(|r| r.get(usize::from(l)))
            .copied()
            .unwrap_or(1.0)
            .max(1e-9);
        // A value's frequency, shrunk towards the level's average `u` by TF_PRIOR_RECORDS
        // pseudo-records: "Ann" twice in a three-row file says nothing about how common it is.
        let u_value = ((f64::from(tf_count) + TF_PRIOR_RECORDS * u_level)
            / (f64::from(self.total) + TF_PRIOR_RECORDS))
            .max(1e-9);
        base + (u_level / u_value).log2().clamp(-10.0, 3.0)
    }

    /// Match probability of a total match weight (prior included).
    pub fn probability(weight: f64) -> f64 {
        1.0 / (1.0 + (-weight).exp2())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pairs drawn from a two-class model with known m and u on three binary-ish comparisons.
    #[test]
    fn em_recovers_known_m_and_lambda() {
        let comparisons: Vec<Comparison> = Comparison::all(&[])
            .into_iter()
            .filter(|c| ["email", "phone", "birth_date"].contains(&c.name))
            .collect();
        // email: exact/local/close/different ; phone: exact/exact_line/last/different ;
        // birth: exact/typo/year/different
        let m_true = [
            [0.0, 0.8, 0.1, 0.05, 0.05],
            [0.0, 0.5, 0.2, 0.2, 0.1],
            [0.0, 0.85, 0.1, 0.03, 0.02],
        ];
        let u_true = [
            [0.0, 0.001, 0.004, 0.005, 0.99],
            [0.0, 0.0005, 0.0005, 0.009, 0.99],
            [0.0, 0.002, 0.008, 0.04, 0.95],
        ];
        let widths = [5usize, 5, 5];
        let mut rng = SplitMix(7);
        let mut levels = Vec::new();
        let n = 40_000;
        let draw = |rng: &mut SplitMix, probs: &[f64], width: usize| -> u8 {
            let r = (rng.next() % 1_000_000) as f64 / 1_000_000.0;
            let mut acc = 0.0;
            for (l, p) in probs.iter().enumerate().take(width).skip(1) {
                acc += p;
                if r < acc {
                    return l as u8;
                }
            }
            (width - 1) as u8
        };
        for i in 0..n {
            let is_match = i % 5 == 0; // lambda = 0.2
            for c in 0..3 {
                let probs = if is_match {
                    &m_true[c][..]
                } else {
                    &u_true[c][..]
                };
                levels.push(draw(&mut rng, probs, widths[c]));
            }
        }
        let v = Vectors {
            width: 3,
            levels,
            tf: vec![0; n * 3],
        };
        let u: Vec<Vec<f64>> = u_true
            .iter()
            .zip(widths)
            .map(|(r, w)| r[..w].to_vec())
            .collect();
        let usable = vec![vec![true; n]; 3];
        let model = train(&comparisons, &v, u, &usable, &[], 100, 1000);
        assert!((model.lambda - 0.2).abs() < 0.01, "lambda {}", model.lambda);
        assert!(
            (model.m[0][1] - 0.8).abs() < 0.03,
            "m email exact {}",
            model.m[0][1]
        );
        assert!(
            (model.m[2][1] - 0.85).abs() < 0.03,
            "m birth exact {}",
            model.m[2][1]
        );
    }

    #[test]
    fn term_frequency_lowers_common_values() {
        let model = Model {
            m: vec![vec![1.0, 0.9, 0.1]],
            u: vec![vec![1.0, 0.01, 0.99]],
            lambda: 0.1,
            prior: 0.1,
            total: 10_000,
        };
        let rare = model.weight(0, 1, 2);
        let common = model.weight(0, 1, 2_000);
        assert!(
            rare > model.weight(0, 1, 0) && common < model.weight(0, 1, 0),
            "{rare} {common}"
        );
        assert_eq!(model.weight(0, 0, 0), 0.0);
        let p = Model::probability(0.0);
        assert!((p - 0.5).abs() < 1e-12);
        assert!((0.0..=1.0).contains(&Model::probability(500.0)));
        assert!((0.0..=1.0).contains(&Model::probability(-500.0)));
    }

    #[test]
    fn matches_among_random_pairs_are_taken_out_of_u() {
        // One e-mail comparison; 1,000,000 random pairs of which 1 in 10,000 is a match
        // (m exact 0.9), and strangers share a mailbox 1 time in a million.
        let comparisons: Vec<Comparison> = Comparison::all(&[])
            .into_iter()
            .filter(|c| c.name == "email")
            .collect();
        let n = 1_000_000.0;
        let exact = n * (1e-4 * 0.9 + 1e-6);
        let counts = vec![vec![0.0, exact, 0.0, 0.0, n - exact]];
        let priors: Vec<Vec<f64>> = comparisons.iter().map(prior_u).collect();
        let u = vec![blend_with_prior(&counts[0], &priors[0])];
        let mut model = Model {
            m: vec![vec![1.0, 0.9, 0.02, 0.03, 0.05]],
            u,
            lambda: 0.5,
            prior: 1e-4,
            total: 2000,
        };
        let before = model.u[0][1];
        model.remove_matches_from_u(&USample { counts, priors });
        let after = model.u[0][1];
        assert!((before - 9.1e-5).abs() < 2e-6, "{before}");
        assert!(after < 2e-6, "{after}");
        // The disagreement level is hardly touched.
        assert!((model.u[0][4] - 0.9999).abs() < 1e-3);
    }

    /// A small file's `u` is counted on every pair: the seed and the order of the profiles
    /// change nothing, and every pair that agrees is counted once.
    #[test]
    fn a_small_files_u_is_counted_on_every_pair() {
        use crate::dedupe::features::FeatureValues;
        let names = [
            "ann", "bob", "cai", "dan", "eve", "fay", "gus", "hal", "ivy", "jon",
        ];
        let features: Vec<Features> = (0..60)
            .map(|i| {
                Features::from(FeatureValues {
                    given: names[i % names.len()].into(),
                    family: format!("family{i}"),
                    ..FeatureValues::default()
                })
            })
            .collect();
        let comparisons = Comparison::all(&[]);
        let given = comparisons
            .iter()
            .position(|c| c.kind == Kind::GivenName)
            .expect("given name");
        let live: Vec<u32> = (0..60).collect();
        let mut reversed = live.clone();
        reversed.reverse();
        let tc = TermCounts::default();
        let (u1, sample) = estimate_u(&comparisons, &features, &live, &tc, 100, 1);
        let (u2, _) = estimate_u(&comparisons, &features, &reversed, &tc, 100, 99);
        assert_eq!(u1, u2);
        // 60 records, 10 names six times each: 10 * C(6, 2) = 150 of C(60, 2) = 1,770 pairs
        // agree exactly, every one of them counted although only 100 were asked for.
        let counts = &sample.counts[given];
        assert_eq!(counts.iter().sum::<f64>(), 1_770.0);
        assert_eq!(counts[1], 150.0);
    }
}
