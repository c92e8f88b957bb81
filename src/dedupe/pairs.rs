//! The dedupe stages in order: features, blocking, comparison, training, scoring, steward
//! overrides, guarded clustering.

use super::block::{BlockRule, candidates};
use super::cluster::{BIRTH_GUARD_MAX_WEIGHT, Clusters, Refusal};
use super::compare::{Comparison, Kind, TermCounts};
use super::decisions::{self, Resolved};
use super::features::{self, Features};
use super::score::{self, Model, Vectors};
use super::{
    Decision, DedupeInput, DedupeResult, DedupeSettings, FieldComparison, ModelSummary, ScoredPair,
};
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::progress::Progress;
use crate::record::Record;
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
    progress.start("dedupe: features", Some(records.len() as u64));
    let positions =
        features::identifier_positions(&settings.identifier_columns, input.passthrough_headers);
    let feats = features::compute_all(records, &positions, settings.identifier_columns.len());
    progress.finish();

    progress.start("dedupe: blocking", None);
    let rules: Vec<BlockRule> = settings
        .blocking
        .iter()
        .map(|r| BlockRule::parse(r).map_err(Error::config))
        .collect::<Result<_>>()?;
    let mut cand = candidates(
        &rules,
        &feats,
        eligible,
        settings.max_block_size,
        settings.window,
    );
    let pair_list: Vec<(u32, u32, u64)> = std::mem::take(&mut cand.pairs);
    let pair_list = with_steward_pairs(pair_list, &resolved, eligible);
    progress.finish();

    progress.start("dedupe: comparing", Some(pair_list.len() as u64));
    let comparisons = Comparison::all(&settings.identifier_columns);
    let tc = TermCounts::build(&feats, eligible);
    let ab: Vec<(u32, u32)> = pair_list.iter().map(|&(a, b, _)| (a, b)).collect();
    let vectors = Vectors::compute(&comparisons, &ab, &feats, &tc);
    progress.finish();

    progress.start("dedupe: training", None);
    let model = train(
        &comparisons,
        &rules,
        &pair_list,
        &vectors,
        &feats,
        eligible,
        &tc,
        settings,
    );
    progress.finish();

    let mut scored = score_pairs(&comparisons, &model, &ab, &vectors, settings, &resolved);
    apply_steward(&mut scored, &resolved);
    let mut findings = cand.findings;
    findings.extend(unresolved_findings(&resolved));
    let guard = birth_guard(&comparisons, &model);
    let (clusters, pinned) = cluster(
        &feats,
        eligible,
        &resolved,
        &mut scored,
        &mut findings,
        guard,
    );

    let candidates_per_rule: BTreeMap<String, u64> = rules
        .iter()
        .zip(&cand.per_rule)
        .map(|(r, &n)| (r.name.clone(), n))
        .collect();
    Ok(DedupeResult {
        clusters,
        pinned,
        pairs: scored,
        pairs_compared: ab.len() as u64,
        comparisons: comparisons.iter().map(|c| c.name).collect(),
        candidates_per_rule,
        model: summarise(&comparisons, &model),
        findings,
    })
}

/// Whether birth dates are reliable enough here for a difference to block a merge.
fn birth_guard(comparisons: &[Comparison], model: &Model) -> bool {
    comparisons.iter().enumerate().any(|(c, cmp)| {
        let different = cmp.labels().len().saturating_sub(1) as u8;
        cmp.kind == Kind::BirthDate && model.weight(c, different, 0) <= BIRTH_GUARD_MAX_WEIGHT
    })
}

/// Must-link pairs that blocking missed are compared too, so they show in `pairs.csv`.
fn with_steward_pairs(
    mut pairs: Vec<(u32, u32, u64)>,
    resolved: &Resolved,
    eligible: &[bool],
) -> Vec<(u32, u32, u64)> {
    let live = |i: usize| eligible.get(i).copied().unwrap_or(false);
    for &(a, b) in resolved.must_link.iter().chain(&resolved.cannot_link) {
        if live(a) && live(b) {
            pairs.push((a as u32, b as u32, 0));
        }
    }
    pairs.sort_unstable_by_key(|&(a, b, _)| (a, b));
    pairs.dedup_by(|later, first| {
        let same = later.0 == first.0 && later.1 == first.1;
        if same {
            first.2 |= later.2;
        }
        same
    });
    pairs
}

/// `u` from random pairs, then EM for `m` on an evenly spaced sample of candidate pairs.
#[allow(clippy::too_many_arguments)]
fn train(
    comparisons: &[Comparison],
    rules: &[BlockRule],
    pairs: &[(u32, u32, u64)],
    vectors: &Vectors,
    feats: &[Features],
    eligible: &[bool],
    tc: &TermCounts,
    settings: &DedupeSettings,
) -> Model {
    let u = score::estimate_u(
        comparisons,
        feats,
        eligible,
        tc,
        settings.u_sample_pairs,
        settings.seed,
    );
    let step = pairs.len().div_ceil(settings.em_sample_pairs.max(1)).max(1);
    let sample: Vec<usize> = (0..pairs.len()).step_by(step).collect();
    let width = vectors.width;
    let mut levels = Vec::with_capacity(sample.len() * width);
    let mut tf = Vec::with_capacity(sample.len() * width);
    for &p in &sample {
        levels.extend_from_slice(vectors.levels_of(p));
        tf.extend_from_slice(vectors.tf_of(p));
    }
    let sub = Vectors { width, levels, tf };
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
                .map(|&p| {
                    let mask = pairs.get(p).map(|x| x.2).unwrap_or(0);
                    mask == 0
                        || (0..rules.len().min(64)).any(|r| mask & (1u64 << r) != 0 && !forced(r))
                })
                .collect()
        })
        .collect();
    let mut model = score::train(
        comparisons,
        &sub,
        u,
        &usable,
        settings.em_max_iterations,
        tc.total,
    );
    let n = f64::from(tc.total);
    model.set_prior(pairs.len(), n * (n - 1.0) / 2.0);
    model
}

/// Scores every pair; keeps those at or above `keep_pairs_min_probability` (and every pair
/// a steward decided), with each field's level and weight.
fn score_pairs(
    comparisons: &[Comparison],
    model: &Model,
    ab: &[(u32, u32)],
    vectors: &Vectors,
    settings: &DedupeSettings,
    resolved: &Resolved,
) -> Vec<ScoredPair> {
    let prior = model.prior_weight();
    let weights = |p: usize| -> Vec<f64> {
        let (levels, tf) = (vectors.levels_of(p), vectors.tf_of(p));
        (0..comparisons.len())
            .map(|c| {
                model.weight(
                    c,
                    levels.get(c).copied().unwrap_or(0),
                    tf.get(c).copied().unwrap_or(0),
                )
            })
            .collect()
    };
    let steward = |key: &(usize, usize)| {
        resolved.must_link.binary_search(key).is_ok()
            || resolved.cannot_link.binary_search(key).is_ok()
    };
    ab.par_iter()
        .enumerate()
        .filter_map(|(p, &(a, b))| {
            let w = weights(p);
            let match_weight = prior + w.iter().sum::<f64>();
            let match_probability = Model::probability(match_weight);
            let key = (a as usize, b as usize);
            if match_probability < settings.keep_pairs_min_probability && !steward(&key) {
                return None;
            }
            let fields: Vec<FieldComparison> = comparisons
                .iter()
                .zip(w)
                .enumerate()
                .map(|(c, (cmp, weight))| {
                    let level = vectors.levels_of(p).get(c).copied().unwrap_or(0);
                    FieldComparison {
                        comparison: cmp.name,
                        level: cmp
                            .labels()
                            .get(usize::from(level))
                            .copied()
                            .unwrap_or("missing"),
                        weight,
                    }
                })
                .collect();
            let decision = if match_probability >= settings.match_threshold {
                Decision::Match
            } else if match_probability >= settings.review_threshold {
                Decision::Review
            } else {
                Decision::NonMatch
            };
            Some(ScoredPair {
                a: key.0,
                b: key.1,
                match_probability,
                match_weight,
                decision,
                reason: "model",
                fields,
            })
        })
        .collect()
}

/// Steward must-links become matches and cannot-links non-matches, whatever the score.
fn apply_steward(scored: &mut [ScoredPair], resolved: &Resolved) {
    for p in scored.iter_mut() {
        let key = (p.a, p.b);
        if resolved.cannot_link.binary_search(&key).is_ok() {
            p.decision = Decision::NonMatch;
            p.reason = "steward";
        } else if resolved.must_link.binary_search(&key).is_ok() {
            p.decision = Decision::Match;
            p.reason = "steward";
        }
    }
}

fn refusal_reason(r: Refusal) -> &'static str {
    match r {
        Refusal::CannotLink => "conflict:cannot_link",
        Refusal::BirthDate => "conflict:birth_date",
        Refusal::Contacts => "conflict:contacts",
        Refusal::GivenName => "conflict:given_name",
    }
}

/// Steward links first, then model matches by descending probability (ties by (a, b)).
fn cluster(
    feats: &[Features],
    eligible: &[bool],
    resolved: &Resolved,
    scored: &mut [ScoredPair],
    findings: &mut Vec<Finding>,
    birth_guard: bool,
) -> (Vec<Vec<usize>>, Vec<Option<String>>) {
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
    for (a, b) in steward_links {
        if clusters.join(a, b, true).is_err() {
            findings.push(Finding::new("", 0, "dedupe.decision_conflict", Severity::Warning, format!("a steward match between records {a} and {b} contradicts a cannot-link or assignment and was not applied")));
        }
    }
    let mut order: Vec<usize> = (0..scored.len())
        .filter(|&p| {
            scored
                .get(p)
                .is_some_and(|s| s.decision == Decision::Match && s.reason == "model")
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
        if let Err(r) = clusters.join(pair.a, pair.b, false) {
            pair.decision = Decision::Review;
            pair.reason = refusal_reason(r);
        }
    }
    clusters.into_groups(eligible)
}

fn unresolved_findings(resolved: &Resolved) -> Vec<Finding> {
    resolved
        .unresolved
        .iter()
        .map(|d| {
            Finding::new(&d.left.source, d.left.row, "dedupe.decision_unresolved", Severity::Warning, format!("steward decision '{}' names a record that is not in this run (left key {:?}, right {} {:?})", d.kind.as_str(), d.left.key, d.right.source, d.right.key))
        })
        .collect()
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
