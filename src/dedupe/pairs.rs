//! The dedupe stages in order: features, blocking, comparison, training, scoring, steward
//! overrides, guarded clustering.

use super::anchors;
use super::block::{
    BlockLimits, BlockRule, CandidatePair, Candidates, MAX_RULES, candidates_within,
};
use super::calibration::{Calibration, WeightHistogram};
use super::cluster::{BIRTH_GUARD_MAX_WEIGHT, Clusters};
use super::compare::{Comparison, Kind, Term, TermCounts};
use super::decisions::{self, NotApplied, Resolved};
use super::explain::Explanations;
use super::features::{self, Features};
use super::kept::{Compared, Kept};
use super::learnt::{Fingerprint, Learnt, ModelReuse};
use super::profiles::Profiles;
use super::score::{self, Model, Vectors};
use super::{
    Decision, DedupeInput, DedupeResult, DedupeSettings, ModelSummary, PairReason, ScoredPair,
};
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::progress::Progress;
use crate::record::Record;
use crate::stage_clock::StepClock;
use rayon::prelude::*;
use std::collections::BTreeMap;

pub(super) fn run(
    records: &[Record],
    eligible: &[bool],
    settings: &DedupeSettings,
    input: &DedupeInput,
    progress: &dyn Progress,
) -> Result<DedupeResult> {
    let empty = decisions::Decisions::default();
    let resolved = decisions::resolve(
        input.decisions.unwrap_or(&empty),
        records,
        input.source_names,
        input.source_keys,
    );
    let mut steps = StepClock::default();
    progress.start("dedupe: features", Some(records.len() as u64));
    let positions =
        features::identifier_positions(&settings.identifier_columns, input.passthrough_headers);
    let feats = features::compute_all(
        records,
        &positions,
        settings.identifier_columns.len(),
        input.nicknames,
    );
    progress.finish();
    steps.lap("features");
    crate::cancel::check(progress)?;

    progress.start("dedupe: blocking", None);
    let rules: Vec<BlockRule> = settings
        .blocking
        .iter()
        .map(|r| BlockRule::parse(r).map_err(Error::config))
        .collect::<Result<_>>()?;
    let cand = candidates_within(
        &rules,
        &feats,
        eligible,
        &BlockLimits {
            max_block: settings.max_block_size,
            window: settings.window,
            budget: settings.comparison_budget,
        },
    )
    .with_extra(steward_pairs(&resolved, eligible));
    progress.finish();
    steps.lap("blocking");
    crate::cancel::check(progress)?;

    progress.start("dedupe: training", None);
    let comparisons = Comparison::all(&settings.identifier_columns);
    let profiles = Profiles::build(&feats, eligible);
    let tc = TermCounts::build(&feats, &profiles.distinct);
    let kept = input
        .kept
        .filter(|k| k.comparisons.width() == comparisons.len());
    let Trained {
        model,
        compared: pairs_compared,
        learnt,
        reuse: model_reuse,
    } = train(
        &comparisons,
        &rules,
        &cand,
        &Known {
            features: &feats,
            profiles: &profiles,
            tc: &tc,
            kept,
            earlier: input.earlier_model,
        },
        settings,
    );
    progress.finish();
    steps.lap("training");
    crate::cancel::check(progress)?;

    progress.start("dedupe: comparing", Some(pairs_compared));
    let scoring = Scoring {
        comparisons: &comparisons,
        model: &model,
        features: &feats,
        tc: &tc,
        settings,
        resolved: &resolved,
        kept,
        log: input.log_comparisons,
    };
    let (mut scored, explanations, births, weights, compared) =
        scoring.score_all(cand.merged(), progress)?;
    let calibration = Calibration::new(
        &weights,
        scored.iter().map(|p| p.match_probability),
        settings.keep_pairs_min_probability,
        settings.match_threshold,
        settings.review_threshold,
    );
    let Candidates {
        per_rule,
        mut findings,
        report: blocking,
        ..
    } = cand;
    progress.finish();
    steps.lap("comparing");
    crate::cancel::check(progress)?;
    apply_steward(&mut scored, &resolved);
    let place = |i: usize| -> (&str, u64) {
        let rec = records.get(i);
        let source = rec
            .and_then(|r| input.source_names.get(r.source as usize))
            .map_or("", String::as_str);
        (source, rec.map_or(0, |r| r.row))
    };
    findings.extend(not_applied_findings(&resolved, &place));
    let guard = births
        .reliable()
        .unwrap_or_else(|| birth_guard(&comparisons, &model));
    let (clusters, pinned, refused) = cluster(&feats, eligible, &resolved, &mut scored, guard);
    findings.extend(
        refused
            .iter()
            .map(|&link| refused_link_finding(link, &resolved, &place)),
    );
    let decision_counts = input
        .decisions
        .map(|d| resolved.counts(d.entries.len(), refused.len()));

    let candidates_per_rule: BTreeMap<String, u64> = rules
        .iter()
        .zip(&per_rule)
        .map(|(r, &n)| (r.name.clone(), n))
        .collect();
    steps.lap("clustering");
    Ok(DedupeResult {
        clusters,
        pinned,
        pairs: scored,
        pairs_compared,
        comparisons: comparisons.iter().map(|c| c.name).collect(),
        candidates_per_rule,
        blocking,
        model: summarise(&comparisons, &model),
        learnt,
        model_reuse,
        findings,
        explanations,
        decisions: decision_counts,
        calibration,
        compared,
        step_ms: steps.done,
    })
}

/// How often one person's records disagree on the birth date, measured on anchor pairs:
/// pairs that share an e-mail address or a configured identifier and agree on the given
/// name (a household's shared mailbox has two given names; twins share a landline, not a
/// mailbox). Counted while every candidate pair is scored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct BirthReliability {
    /// Anchor pairs where both records have a birth date.
    anchors: u64,
    /// Those whose dates are outright different (not equal, not one typo apart).
    different: u64,
}

/// Anchor pairs needed before their disagreement rate is trusted over the model.
const BIRTH_ANCHORS_NEEDED: u64 = 30;

/// Birth dates block a merge when anchor pairs disagree on them at most 1 time in this many.
/// Jr./Sr. and parent–child pairs share a name, an address and a landline, and only the birth
/// date tells them apart; data whose own duplicates often carry another date (Febrl's
/// corrupted dates, 4.5% of its true pairs) leaves the difference to the model's weight.
const BIRTH_RELIABLE_ONE_IN: u64 = 32;

impl BirthReliability {
    fn count(&mut self, comparisons: &[Comparison], levels: &[u8]) {
        let mut anchored = false;
        let mut given_agrees = false;
        let mut birth = None;
        for (c, &l) in comparisons.iter().zip(levels) {
            match c.kind {
                Kind::Email | Kind::Identifier(_) if l == 1 => anchored = true,
                Kind::GivenName if anchors::given_agrees(c, l) => given_agrees = true,
                Kind::BirthDate if l != super::compare::MISSING => birth = Some(c.is_different(l)),
                _ => {}
            }
        }
        if let (true, true, Some(different)) = (anchored, given_agrees, birth) {
            self.anchors += 1;
            self.different += u64::from(different);
        }
    }

    fn add(&mut self, other: BirthReliability) {
        self.anchors += other.anchors;
        self.different += other.different;
    }

    /// Whether birth dates are reliable, when enough anchors were seen to tell.
    fn reliable(self) -> Option<bool> {
        (self.anchors >= BIRTH_ANCHORS_NEEDED)
            .then(|| self.different * BIRTH_RELIABLE_ONE_IN <= self.anchors)
    }
}

/// Whether birth dates are reliable enough here for a difference to block a merge, by the
/// model's weight (when there are too few anchor pairs to measure it directly).
fn birth_guard(comparisons: &[Comparison], model: &Model) -> bool {
    comparisons.iter().enumerate().any(|(c, cmp)| {
        let different = cmp.labels().len().saturating_sub(1) as u8;
        cmp.kind == Kind::BirthDate && model.weight(c, different, 0) <= BIRTH_GUARD_MAX_WEIGHT
    })
}

/// Must-link and cannot-link pairs between eligible records: compared too, whether or not
/// blocking found them, so they show in `pairs.csv`.
fn steward_pairs(resolved: &Resolved, eligible: &[bool]) -> Vec<(u32, u32)> {
    let live = |i: usize| eligible.get(i).copied().unwrap_or(false);
    resolved
        .must_link
        .iter()
        .chain(&resolved.cannot_link)
        .filter(|&&(a, b)| live(a) && live(b))
        .map(|&(a, b)| (a as u32, b as u32))
        .collect()
}

/// `u` from random pairs of distinct profiles, then EM for `m` on a sample of about
/// `em_sample_pairs` candidate pairs chosen by content (only the sample is compared here;
/// every pair is compared once more when scored).
/// Returns the model and the number of pairs to compare (counted while sampling).
fn train(
    comparisons: &[Comparison],
    rules: &[BlockRule],
    cand: &Candidates,
    known: &Known,
    settings: &DedupeSettings,
) -> Trained {
    let Known {
        features: feats,
        profiles,
        tc,
        kept,
        earlier,
    } = *known;
    let step = cand
        .upper_bound()
        .div_ceil(settings.em_sample_pairs.max(1))
        .max(1) as u64;
    // When every pair is compared, the model still learns from the pairs the rules found
    // (and is the same model as with blocking alone): trained on every pair of a small file,
    // EM reads the file's few duplicates as a prior of one half.
    let trains = |p: &CandidatePair| !cand.report.all_pairs || p.rules != 0;
    let (mut compared, mut candidates) = (0u64, 0usize);
    let sample: Vec<CandidatePair> = cand
        .merged()
        .inspect(|_| compared += 1)
        .filter(trains)
        .inspect(|_| candidates += 1)
        .filter(|p| profiles.sampled(p.a, p.b, step))
        .collect();
    let ab: Vec<(u32, u32)> = sample.iter().map(|p| (p.a, p.b)).collect();
    let sub = Vectors::compute_with(comparisons, &ab, feats, tc, kept);
    let fingerprint = Fingerprint::of(comparisons, profiles.eligible, &sub);
    let n = profiles.eligible as f64;
    let possible = n * (n - 1.0) / 2.0;
    let mut reuse = ModelReuse::default();
    if let Some(earlier) = earlier {
        if earlier.fits(comparisons) {
            let shift = earlier.fingerprint.shift_to(&fingerprint, comparisons);
            reuse.shift = Some(shift);
            if shift.is_small() {
                reuse.reused = true;
                return Trained {
                    model: earlier.model(tc.total, candidates, possible),
                    compared,
                    learnt: earlier.clone(),
                    reuse,
                };
            }
            reuse.why_not = shift.describe();
        } else {
            reuse.why_not = "the earlier model has other comparisons or levels".into();
        }
    }
    let (u, u_sample) = score::estimate_u(
        comparisons,
        feats,
        &profiles.representatives,
        tc,
        settings.u_sample_pairs,
        settings.seed,
    );
    let touched: Vec<Vec<&'static str>> = rules.iter().map(BlockRule::comparisons).collect();
    let usable: Vec<Vec<bool>> = comparisons
        .iter()
        .map(|c| {
            let forced = |r: usize| {
                touched.get(r).is_some_and(|t| {
                    t.iter()
                        .any(|&n| n == c.name || (n == "identifier" && c.name.starts_with("id:")))
                })
            };
            sample
                .iter()
                .map(|p| {
                    p.rules == 0
                        || (0..rules.len().min(MAX_RULES))
                            .any(|r| p.rules & (1 << r) != 0 && !forced(r))
                })
                .collect()
        })
        .collect();
    let fixed = anchors::anchored_m(comparisons, &sub, &usable);
    let trained = score::train(
        comparisons,
        &sub,
        u,
        &usable,
        &fixed,
        settings.em_max_iterations,
        tc.total,
    );
    let learnt = Learnt {
        m: trained.m,
        lambda: trained.lambda,
        u: trained.u,
        u_sample,
        fingerprint,
    };
    Trained {
        model: learnt.model(tc.total, candidates, possible),
        compared,
        learnt,
        reuse,
    }
}

/// What training gives: the model to score with, the candidate pairs there are, what to keep
/// for the next run and whether the earlier run's model was used.
struct Trained {
    model: Model,
    compared: u64,
    learnt: Learnt,
    reuse: ModelReuse,
}

/// What training reads of the records besides the candidates.
#[derive(Clone, Copy)]
struct Known<'a> {
    features: &'a [Features],
    profiles: &'a Profiles,
    tc: &'a TermCounts,
    /// The earlier run's comparisons of unchanged records.
    kept: Option<Kept<'a>>,
    /// The earlier run's model, to use unless the data shifted.
    earlier: Option<&'a Learnt>,
}

/// Everything scoring a candidate pair reads.
struct Scoring<'a> {
    comparisons: &'a [Comparison],
    model: &'a Model,
    features: &'a [Features],
    tc: &'a TermCounts,
    settings: &'a DedupeSettings,
    resolved: &'a Resolved,
    /// The earlier run's comparisons of unchanged records.
    kept: Option<Kept<'a>>,
    /// Whether to log every compared pair for the next run.
    log: bool,
}

/// Every kept pair, their explanations, the birth-date reliability and the weight histogram
/// of every compared pair, and the log of every compared pair.
type ScoredAll = (
    Vec<ScoredPair>,
    Explanations,
    BirthReliability,
    WeightHistogram,
    Compared,
);

/// What one parallel task of scoring hands back.
struct ScoredChunk {
    kept: Vec<ScoredPair>,
    table: Explanations,
    births: BirthReliability,
    weights: WeightHistogram,
    compared: Compared,
}

impl ScoredChunk {
    fn empty(table: Explanations) -> ScoredChunk {
        ScoredChunk {
            kept: Vec::new(),
            table,
            births: BirthReliability::default(),
            weights: WeightHistogram::default(),
            compared: Compared::default(),
        }
    }
}

/// Candidate pairs scored per parallel task: large enough to amortise the task, small enough
/// that the pairs not kept never pile up.
const SCORE_CHUNK: usize = 16_384;

/// Candidate pairs taken from the merge per round of parallel scoring (12 MiB).
const SCORE_BATCH: usize = SCORE_CHUNK * 64;

impl Scoring<'_> {
    /// Compares and scores every candidate pair in parallel chunks; keeps the pairs at or
    /// above `keep_pairs_min_probability` (and every pair a steward decided) with their
    /// explanation rows. Memory grows with the kept pairs only; the order (and so every
    /// output) does not depend on the thread count.
    /// Scores every candidate pair in parallel chunks; a stop request ends it after the
    /// chunks already started.
    fn score_all(
        &self,
        mut pairs: impl Iterator<Item = CandidatePair>,
        progress: &dyn Progress,
    ) -> Result<ScoredAll> {
        let names = self.comparisons.iter().map(|c| c.name).collect();
        let labels = self.comparisons.iter().map(Comparison::labels).collect();
        let mut table = Explanations::new(names, labels);
        let mut all = Vec::new();
        let mut births = BirthReliability::default();
        let mut weights = WeightHistogram::default();
        let mut compared = Compared {
            width: self.comparisons.len(),
            ..Compared::default()
        };
        let mut batch = Vec::with_capacity(SCORE_BATCH);
        loop {
            batch.clear();
            batch.extend(pairs.by_ref().take(SCORE_BATCH));
            if batch.is_empty() {
                break;
            }
            let chunks: Vec<ScoredChunk> = batch
                .par_chunks(SCORE_CHUNK)
                .map(|chunk| {
                    if progress.stop_requested() {
                        return ScoredChunk::empty(table.empty_like());
                    }
                    let scored = self.score_chunk(chunk, table.empty_like());
                    progress.advance(chunk.len() as u64);
                    scored
                })
                .collect();
            crate::cancel::check(progress)?;
            for mut chunk in chunks {
                let offset = table.append(&mut chunk.table);
                for p in &mut chunk.kept {
                    p.vector += offset;
                }
                all.append(&mut chunk.kept);
                births.add(chunk.births);
                weights.merge(&chunk.weights);
                compared.append(&mut chunk.compared);
            }
        }
        all.shrink_to_fit();
        compared.pairs.shrink_to_fit();
        compared.codes.shrink_to_fit();
        Ok((all, table, births, weights, compared))
    }

    fn score_chunk(&self, chunk: &[CandidatePair], mut table: Explanations) -> ScoredChunk {
        let width = self.comparisons.len();
        let (mut levels, mut terms, mut weights) =
            (vec![0u8; width], vec![Term::None; width], vec![0.0; width]);
        let prior = self.model.prior_weight();
        let mut kept = Vec::new();
        let mut births = BirthReliability::default();
        let mut histogram = WeightHistogram::default();
        let mut compared = Compared {
            width,
            ..Compared::default()
        };
        for pair in chunk {
            let key = (pair.a as usize, pair.b as usize);
            if self.earlier(key, &mut levels, &mut terms) {
                compared.reused += 1;
            } else {
                score::compare_terms_into(
                    self.comparisons,
                    self.features,
                    key,
                    &mut levels,
                    &mut terms,
                );
            }
            if self.log {
                compared.push((pair.a, pair.b), &levels, &terms);
            }
            births.count(self.comparisons, &levels);
            for (c, w) in weights.iter_mut().enumerate() {
                let tf = self.tc.count(terms[c], key.0);
                *w = self.model.weight(c, levels[c], tf);
            }
            let match_weight = prior + weights.iter().sum::<f64>();
            let match_probability = Model::probability(match_weight);
            histogram.add(match_weight, match_probability);
            if match_probability < self.settings.keep_pairs_min_probability && !self.steward(&key) {
                continue;
            }
            kept.push(ScoredPair {
                a: pair.a,
                b: pair.b,
                match_probability,
                match_weight,
                vector: table.push(&levels, &weights),
                decision: self.decide(match_probability),
                reason: PairReason::Model,
            });
        }
        ScoredChunk {
            kept,
            table,
            births,
            weights: histogram,
            compared,
        }
    }

    /// Takes the pair's levels and terms from the earlier run when it kept them.
    fn earlier(&self, (a, b): (usize, usize), levels: &mut [u8], terms: &mut [Term]) -> bool {
        let Some(codes) = self.kept.and_then(|k| k.lookup(a, b)) else {
            return false;
        };
        for ((code, l), t) in codes.iter().zip(levels.iter_mut()).zip(terms.iter_mut()) {
            match super::kept::decode(*code) {
                Some((level, term)) => (*l, *t) = (level, term),
                None => return false,
            }
        }
        true
    }

    fn steward(&self, key: &(usize, usize)) -> bool {
        self.resolved.must_link.binary_search(key).is_ok()
            || self.resolved.cannot_link.binary_search(key).is_ok()
    }

    fn decide(&self, p: f64) -> Decision {
        if p >= self.settings.match_threshold {
            Decision::Match
        } else if p >= self.settings.review_threshold {
            Decision::Review
        } else {
            Decision::NonMatch
        }
    }
}

/// Steward must-links become matches and cannot-links non-matches, whatever the score; a
/// record taken out of its customer (`split`) is linked by no model pair.
fn apply_steward(scored: &mut [ScoredPair], resolved: &Resolved) {
    let split = |i: usize| resolved.split.binary_search(&i).is_ok();
    for p in scored.iter_mut() {
        let key = p.records();
        if resolved.cannot_link.binary_search(&key).is_ok() {
            p.decision = Decision::NonMatch;
            p.reason = PairReason::Steward;
        } else if resolved.must_link.binary_search(&key).is_ok() {
            p.decision = Decision::Match;
            p.reason = PairReason::Steward;
        } else if split(key.0) || split(key.1) {
            p.decision = Decision::NonMatch;
            p.reason = PairReason::Steward;
        }
    }
}

/// Clusters, their pinned customer IDs, and the steward links another decision refused.
type Clustered = (Vec<Vec<usize>>, Vec<Option<String>>, Vec<(usize, usize)>);

/// Steward links first, then model matches by descending probability (ties by (a, b)).
/// Returns the clusters, their pinned IDs, and the steward links refused because another
/// decision (a cannot-link, another assignment) keeps the two records apart.
fn cluster(
    feats: &[Features],
    eligible: &[bool],
    resolved: &Resolved,
    scored: &mut [ScoredPair],
    birth_guard: bool,
) -> Clustered {
    let live = |i: usize| eligible.get(i).copied().unwrap_or(false);
    let pins: Vec<(usize, String)> = resolved
        .assign
        .iter()
        .filter(|(i, _)| live(*i))
        .cloned()
        .collect();
    let mut clusters = Clusters::new(feats, &resolved.cannot_link, &pins);
    if !birth_guard {
        clusters = clusters.without_birth_guard();
    }
    let mut steward_links: Vec<(usize, usize)> = resolved
        .must_link
        .iter()
        .copied()
        .filter(|&(a, b)| live(a) && live(b))
        .collect();
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, id) in &pins {
        by_id.entry(id.as_str()).or_default().push(*i);
    }
    for members in by_id.values() {
        steward_links.extend(
            members
                .windows(2)
                .filter_map(|w| Some((*w.first()?, *w.get(1)?))),
        );
    }
    let mut refused = Vec::new();
    for (a, b) in steward_links {
        if clusters.join(a, b, true).is_err() {
            refused.push((a, b));
        }
    }
    let mut order: Vec<usize> = (0..scored.len())
        .filter(|&p| {
            scored
                .get(p)
                .is_some_and(|s| s.decision == Decision::Match && s.reason == PairReason::Model)
        })
        .collect();
    order.sort_by(|&x, &y| {
        let (px, py) = (&scored[x], &scored[y]);
        py.match_probability
            .total_cmp(&px.match_probability)
            .then((px.a, px.b).cmp(&(py.a, py.b)))
    });
    for p in order {
        let Some(pair) = scored.get_mut(p) else {
            continue;
        };
        let (a, b) = pair.records();
        if let Err(r) = clusters.join(a, b, false) {
            pair.decision = Decision::Review;
            pair.reason = PairReason::Conflict(r);
        }
    }
    let (groups, pinned) = clusters.into_groups(eligible);
    (groups, pinned, refused)
}

/// The findings for decisions that were not applied, placed at the record they name (or the
/// source and row they give when it is not in the run).
fn not_applied_findings<'a>(
    resolved: &Resolved,
    place: &dyn Fn(usize) -> (&'a str, u64),
) -> Vec<Finding> {
    resolved
        .not_applied
        .iter()
        .map(|(d, why, record)| {
            let (source, row) = match record {
                Some(i) => place(*i),
                None => (d.left.source.as_str(), d.left.row),
            };
            let kind = d.kind.as_str();
            let line = d.line;
            let (code, message) = match why {
                NotApplied::NotInRun => (
                    "dedupe.decision_unresolved",
                    format!("steward decision '{kind}' on row {line} of the decisions file names a record that is not in this run; not applied"),
                ),
                NotApplied::SameRecord => (
                    "dedupe.decision_unresolved",
                    format!("steward decision '{kind}' on row {line} of the decisions file names this one record on both sides; not applied"),
                ),
                NotApplied::SecondAssignment { first_line } => (
                    "dedupe.decision_conflict",
                    format!("steward decision 'assign' on row {line} of the decisions file gives this record another customer than row {first_line} did; row {first_line} was applied, row {line} was not"),
                ),
            };
            Finding::new(source, row, code, Severity::Warning, message)
        })
        .collect()
}

/// The finding for a steward link (a match, or two rows assigned one customer) that another
/// decision refused, placed at its first record and naming the second by source and row.
fn refused_link_finding<'a>(
    (a, b): (usize, usize),
    resolved: &Resolved,
    place: &dyn Fn(usize) -> (&'a str, u64),
) -> Finding {
    let ((source_a, row_a), (source_b, row_b)) = (place(a), place(b));
    let from = resolved
        .link_lines
        .get(&(a.min(b), a.max(b)))
        .map(|line| format!(" (row {line} of the decisions file)"))
        .unwrap_or_default();
    Finding::new(
        source_a,
        row_a,
        "dedupe.decision_conflict",
        Severity::Warning,
        format!(
            "a steward link{from} between this record and {source_b} row {row_b} contradicts a non-match or another assignment and was not applied"
        ),
    )
}

fn summarise(comparisons: &[Comparison], model: &Model) -> ModelSummary {
    let parameters = comparisons
        .iter()
        .enumerate()
        .map(|(c, cmp)| {
            let levels = cmp
                .labels()
                .iter()
                .enumerate()
                .skip(1)
                .map(|(l, label)| {
                    let get =
                        |t: &[Vec<f64>]| t.get(c).and_then(|r| r.get(l)).copied().unwrap_or(0.0);
                    (*label, get(&model.m), get(&model.u))
                })
                .collect();
            (cmp.name, levels)
        })
        .collect();
    ModelSummary {
        prior: model.prior,
        candidate_lambda: model.lambda,
        parameters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(comparisons: &[Comparison], set: &[(&str, &str)]) -> Vec<u8> {
        comparisons
            .iter()
            .map(|c| {
                set.iter()
                    .find(|(name, _)| *name == c.name)
                    .and_then(|(_, label)| c.labels().iter().position(|l| l == label))
                    .unwrap_or(0) as u8
            })
            .collect()
    }

    #[test]
    fn birth_dates_are_reliable_when_anchor_pairs_agree_on_them() {
        let c = Comparison::all(&[]);
        let anchor_same = levels(
            &c,
            &[
                ("email", "exact"),
                ("given_name", "exact"),
                ("birth_date", "exact"),
            ],
        );
        let anchor_other = levels(
            &c,
            &[
                ("email", "exact"),
                ("given_name", "close"),
                ("birth_date", "different"),
            ],
        );
        // A household's shared mailbox (two given names) is no anchor.
        let mailbox = levels(
            &c,
            &[
                ("email", "exact"),
                ("given_name", "different"),
                ("birth_date", "different"),
            ],
        );
        let mut clean = BirthReliability::default();
        for _ in 0..40 {
            clean.count(&c, &anchor_same);
            clean.count(&c, &mailbox);
        }
        clean.count(&c, &anchor_other);
        assert_eq!((clean.anchors, clean.different), (41, 1));
        assert_eq!(clean.reliable(), Some(true));
        let mut noisy = clean;
        for _ in 0..3 {
            noisy.count(&c, &anchor_other);
        }
        assert_eq!(noisy.reliable(), Some(false));
        let mut few = BirthReliability::default();
        few.count(&c, &anchor_same);
        assert_eq!(few.reliable(), None);
    }
}
