//! What detail the report embeds when the run is large: the capped, deterministic selections
//! of review pairs, customers and findings.

use crate::dedupe::{Decision, ScoredPair};
use crate::finding::Finding;
use crate::survive::Golden;
use std::collections::BTreeMap;

/// Limits on the detail embedded in the report; counts and charts are always complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caps {
    /// Review pairs embedded (those whose decision matters most first).
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

/// Each record's customer (index into the golden records) and that customer's size.
pub struct Membership {
    of: Vec<Option<(u32, u32)>>,
}

impl Membership {
    /// Membership of `records` records in `golden`.
    pub fn new(golden: &[Golden], records: usize) -> Membership {
        let mut of = vec![None; records];
        for (c, g) in golden.iter().enumerate() {
            let size = u32::try_from(g.members.len()).unwrap_or(u32::MAX);
            for &m in &g.members {
                if let Some(slot) = of.get_mut(m) {
                    *slot = Some((c as u32, size));
                }
            }
        }
        Membership { of }
    }

    /// Rows whose customer a decision on the pair changes: the smaller side joins the larger
    /// on a match; a pair already inside one customer moves one row when it is split.
    fn rows_moved(&self, p: &ScoredPair) -> u32 {
        let side = |i: u32| self.of.get(i as usize).copied().flatten();
        match (side(p.a), side(p.b)) {
            (Some((ca, na)), Some((cb, nb))) if ca != cb => na.min(nb),
            _ => 1,
        }
    }
}

/// Pairs in the review band, those whose decision matters most first: uncertainty (1 at
/// probability 0.5, 0 at 0 or 1) times the rows the decision moves, so a doubtful link
/// between two large customers comes before a doubtful single row; ties by uncertainty,
/// then record indices. At most `cap`.
pub fn review_pairs<'p>(
    pairs: &'p [ScoredPair],
    membership: &Membership,
    cap: usize,
) -> Vec<&'p ScoredPair> {
    let mut review: Vec<(f64, &ScoredPair)> = pairs
        .iter()
        .filter(|p| p.decision == Decision::Review)
        .map(|p| (impact(p, membership), p))
        .collect();
    review.sort_by(|(ix, x), (iy, y)| {
        iy.total_cmp(ix)
            .then(uncertainty(x).total_cmp(&uncertainty(y)))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    review.truncate(cap);
    review.into_iter().map(|(_, p)| p).collect()
}

fn impact(p: &ScoredPair, membership: &Membership) -> f64 {
    let doubt = 1.0 - 2.0 * uncertainty(p).min(0.5);
    doubt * f64::from(membership.rows_moved(p))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::PairReason;

    fn pair(a: u32, b: u32, p: f64) -> ScoredPair {
        ScoredPair {
            a,
            b,
            match_probability: p,
            match_weight: 0.0,
            vector: 0,
            decision: Decision::Review,
            reason: PairReason::Model,
        }
    }

    fn customer(members: &[usize]) -> Golden {
        Golden {
            customer_id: format!("C{}", members[0]),
            members: members.to_vec(),
            ..Golden::default()
        }
    }

    #[test]
    fn a_doubtful_link_between_large_customers_comes_before_a_doubtful_single_row() {
        // Records 0-4 are one customer, 5-9 another, 10 and 11 single rows.
        let golden = vec![
            customer(&[0, 1, 2, 3, 4]),
            customer(&[5, 6, 7, 8, 9]),
            customer(&[10]),
            customer(&[11]),
        ];
        let membership = Membership::new(&golden, 12);
        let pairs = vec![
            pair(10, 11, 0.5), // most uncertain, moves one row
            pair(0, 5, 0.7),   // less uncertain, moves five rows
            pair(1, 2, 0.55),  // inside one customer
            pair(3, 11, 0.9),  // moves one row, fairly sure
        ];
        let order: Vec<(u32, u32)> = review_pairs(&pairs, &membership, 10)
            .iter()
            .map(|p| (p.a, p.b))
            .collect();
        assert_eq!(order, vec![(0, 5), (10, 11), (1, 2), (3, 11)]);
        assert_eq!(review_pairs(&pairs, &membership, 2).len(), 2);
    }
}
