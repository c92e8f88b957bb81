//! Dedupe: finds the records that describe the same customer (blocking, comparison, Fellegi–Sunter scoring, guarded clustering).

use crate::error::Result;
use crate::finding::Finding;
use crate::progress::Progress;
use crate::record::Record;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Dedupe settings (`[dedupe]` in `steward.toml`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DedupeSettings {}

impl DedupeSettings {
    /// Checks ranges that serde cannot.
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

/// The decision for one scored pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Match,
    Review,
    NonMatch,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Match => "match",
            Decision::Review => "review",
            Decision::NonMatch => "non-match",
        }
    }
}

/// One field comparison's outcome for a pair: its level and weight contribution.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldComparison {
    /// Comparison name (`name`, `email`, `phone`, `location`…).
    pub comparison: &'static str,
    /// Level label (`exact`, `close`, `far`, `missing`…).
    pub level: &'static str,
    /// Match-weight contribution in bits (log2 of m/u, with term-frequency adjustment).
    pub weight: f64,
}

/// A compared candidate pair, indices into the run's record slice (`a < b`).
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredPair {
    pub a: usize,
    pub b: usize,
    pub match_probability: f64,
    pub match_weight: f64,
    pub decision: Decision,
    pub fields: Vec<FieldComparison>,
}

/// Everything dedupe hands to survivorship and the writers.
#[derive(Clone, Debug, Default)]
pub struct DedupeResult {
    /// Groups of record indices, each one customer; every eligible record in exactly one.
    pub clusters: Vec<Vec<usize>>,
    /// Every compared pair.
    pub pairs: Vec<ScoredPair>,
    /// Comparison names in `pairs.csv` column order.
    pub comparisons: Vec<&'static str>,
    /// Candidate pairs generated per blocking rule (for `run.json`).
    pub candidates_per_rule: BTreeMap<String, u64>,
    pub findings: Vec<Finding>,
}

/// Clusters `records` (stub: every eligible record is its own customer).
pub fn run(
    records: &[Record],
    eligible: &[bool],
    _settings: &DedupeSettings,
    _progress: &dyn Progress,
) -> Result<DedupeResult> {
    Ok(DedupeResult {
        clusters: (0..records.len())
            .filter(|&i| eligible[i])
            .map(|i| vec![i])
            .collect(),
        ..DedupeResult::default()
    })
}
