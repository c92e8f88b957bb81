//! What detail the report embeds when the run is large: the capped, deterministic selections
//! of review pairs, customers and findings.

use crate::dedupe::{Decision, ScoredPair};
use crate::finding::Finding;
use crate::survive::Golden;
use std::collections::BTreeMap;

/// Limits on the detail embedded in the report; counts and charts are always complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caps {
    /// Review pairs embedded (the most uncertain first).
    pub review: usize,
    /// Customers embedded in the cluster browser (merged ones first, sampled deterministically).
    pub clusters: usize,
    /// Members listed per customer.
    pub members: usize,
    /// Findings embedded (spread over every code).
    pub findings: usize,
}

impl Default for Caps {
    fn default() -> Caps {
        Caps {
            review: 5_000,
            clusters: 2_000,
            members: 50,
            findings: 5_000,
        }
    }
}

/// Pairs in the review band, the most uncertain (closest to probability 0.5) first; ties by
/// record indices. At most `cap`.
pub fn review_pairs(pairs: &[ScoredPair], cap: usize) -> Vec<&ScoredPair> {
    let mut review: Vec<&ScoredPair> = pairs
        .iter()
        .filter(|p| p.decision == Decision::Review)
        .collect();
    review.sort_by(|x, y| {
        uncertainty(x)
            .total_cmp(&uncertainty(y))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    review.truncate(cap);
    review
}

fn uncertainty(p: &ScoredPair) -> f64 {
    let d = (p.match_probability - 0.5).abs();
    if d.is_nan() { f64::INFINITY } else { d }
}

/// Golden records for the cluster browser: merged customers first, then single-record ones,
/// each group sampled by a stable hash of the customer ID; at most `cap`. Shown largest first.
pub fn customers(golden: &[Golden], cap: usize) -> Vec<&Golden> {
    let (mut merged, mut single): (Vec<&Golden>, Vec<&Golden>) =
        golden.iter().partition(|g| g.members.len() > 1);
    let by_hash = |list: &mut Vec<&Golden>| {
        list.sort_by_cached_key(|g| (stable_hash(&g.customer_id), g.customer_id.clone()));
    };
    by_hash(&mut merged);
    merged.truncate(cap);
    if merged.len() < cap {
        by_hash(&mut single);
        single.truncate(cap - merged.len());
        merged.append(&mut single);
    }
    merged.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(a.customer_id.cmp(&b.customer_id))
    });
    merged
}

/// FNV-1a, 64 bit: a hash that is the same on every platform and run.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Findings to embed: taken in turn from each code (in input order within a code), so every
/// code is represented; at most `cap`, returned in input order.
pub fn findings(findings: &[Finding], cap: usize) -> Vec<&Finding> {
    let mut by_code: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        by_code.entry(f.code.as_str()).or_default().push(i);
    }
    let queues: Vec<Vec<usize>> = by_code.into_values().collect();
    let mut chosen = Vec::with_capacity(cap.min(findings.len()));
    let mut depth = 0;
    while chosen.len() < cap {
        let mut took = false;
        for q in &queues {
            if let Some(&i) = q.get(depth) {
                if chosen.len() == cap {
                    break;
                }
                chosen.push(i);
                took = true;
            }
        }
        if !took {
            break;
        }
        depth += 1;
    }
    chosen.sort_unstable();
    chosen.iter().filter_map(|&i| findings.get(i)).collect()
}

/// Findings counted per (code, field), most frequent first.
pub fn findings_by_code_and_field(findings: &[Finding]) -> Vec<(String, String, usize)> {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in findings {
        *counts
            .entry((f.code.as_str(), f.field.as_str()))
            .or_default() += 1;
    }
    let mut rows: Vec<(String, String, usize)> = counts
        .into_iter()
        .map(|((c, f), n)| (c.to_string(), f.to_string(), n))
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    rows
}
