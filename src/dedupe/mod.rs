//! Dedupe: finds the records that describe the same customer (blocking, comparison, Fellegi–Sunter scoring, guarded clustering).
//!
//! [`run`] computes comparison features once per record, generates candidate pairs with the
//! configured blocking rules ([`block`]), compares every pair on every field ([`compare`]),
//! trains a Fellegi–Sunter model without labels ([`score`]: `u` from seeded random pairs, `m`
//! and the prior by blocking-aware EM, term-frequency adjusted exact matches), decides each
//! pair by the thresholds, honours steward decisions ([`decisions`]) and clusters the match
//! edges in descending probability while refusing conflicting merges ([`cluster`]). Every
//! step is deterministic and independent of the rayon thread count.

mod anchors;
pub mod block;
pub mod calibration;
pub mod cluster;
pub mod compare;
pub mod decisions;
pub mod explain;
pub mod features;
pub mod kept;
pub mod learnt;
mod pairs;
mod profiles;
pub mod score;
pub mod settings;
mod strdist;
pub mod thai_latin;

pub use crate::normalize::name::nicknames::Nicknames;
pub use calibration::Calibration;
pub use cluster::Refusal;
pub use decisions::{
    DecisionCounts, DecisionKind, Decisions, RecordRef, StewardDecision, read_decisions,
    write_decisions,
};
pub use explain::Explanations;
pub use settings::DedupeSettings;

use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::progress::Progress;
use crate::record::Record;
use serde::Serialize;
use std::collections::BTreeMap;

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
    /// Comparison name (`given_name`, `family_name`, `email`, `phone`, `location`,
    /// `organization`, `birth_date`, `id:<column>`).
    pub comparison: &'static str,
    /// Level label (`exact`, `close`, `different`, `missing`…).
    pub level: &'static str,
    /// Match-weight contribution in bits (log2 of m/u, with term-frequency adjustment).
    pub weight: f64,
}

/// A compared candidate pair, indices into the run's record slice (`a < b`). 32 bytes: a
/// million-row run keeps millions.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredPair {
    pub a: u32,
    pub b: u32,
    pub match_probability: f64,
    /// Prior weight plus every field's weight, in bits.
    pub match_weight: f64,
    /// The pair's row in [`DedupeResult::explanations`] (levels and weights per comparison).
    pub vector: u32,
    pub decision: Decision,
    pub reason: PairReason,
}

impl ScoredPair {
    /// The two records' indices.
    pub fn records(&self) -> (usize, usize) {
        (self.a as usize, self.b as usize)
    }
}

/// Why a pair's decision is what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairReason {
    /// The model's probability against the thresholds.
    Model,
    /// A steward decision.
    Steward,
    /// A clustering guard refused the merge; the pair went to review.
    Conflict(Refusal),
}

impl PairReason {
    /// `model`, `steward`, or `conflict:birth_date`, `conflict:contacts`,
    /// `conflict:given_name`, `conflict:cannot_link`.
    pub fn as_str(self) -> &'static str {
        match self {
            PairReason::Model => "model",
            PairReason::Steward => "steward",
            PairReason::Conflict(Refusal::CannotLink) => "conflict:cannot_link",
            PairReason::Conflict(Refusal::BirthDate) => "conflict:birth_date",
            PairReason::Conflict(Refusal::Contacts) => "conflict:contacts",
            PairReason::Conflict(Refusal::GivenName) => "conflict:given_name",
        }
    }
}

/// One level's label, `m` and `u`.
pub type LevelParameters = (&'static str, f64, f64);

/// The trained model, for the report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ModelSummary {
    /// Prior probability that two records picked at random match (the scores' starting point).
    pub prior: f64,
    /// Share of matches among the candidate pairs, as estimated by EM.
    pub candidate_lambda: f64,
    /// Per comparison: (level label, m, u), `missing` excluded.
    pub parameters: Vec<(&'static str, Vec<LevelParameters>)>,
}

/// Everything dedupe hands to survivorship and the writers.
#[derive(Clone, Debug, Default)]
pub struct DedupeResult {
    /// Groups of record indices, each one customer; every eligible record in exactly one.
    /// Members ascending; clusters ordered by their first member.
    pub clusters: Vec<Vec<usize>>,
    /// Per cluster, the customer ID a steward assigned to one of its members.
    pub pinned: Vec<Option<String>>,
    /// Compared pairs at or above `keep_pairs_min_probability`, plus every pair a steward
    /// decided, sorted by (a, b).
    pub pairs: Vec<ScoredPair>,
    /// Number of candidate pairs compared (kept or not).
    pub pairs_compared: u64,
    /// Comparison names in `pairs.csv` column order.
    pub comparisons: Vec<&'static str>,
    /// Candidate pairs generated per blocking rule (for `run.json`).
    pub candidates_per_rule: BTreeMap<String, u64>,
    /// What blocking measured of each rule and how it chose to compare large blocks.
    pub blocking: block::BlockingReport,
    pub model: ModelSummary,
    /// What training learnt (or the earlier run's, when reused), kept for the next run.
    pub learnt: learnt::Learnt,
    /// Whether the earlier run's model was used, and why not when it was not.
    pub model_reuse: learnt::ModelReuse,
    pub findings: Vec<Finding>,
    /// Each kept pair's level and weight per comparison (see [`ScoredPair::vector`]).
    pub explanations: Explanations,
    /// How the steward decisions fared, when a decisions file was given.
    pub decisions: Option<DecisionCounts>,
    /// Every compared pair's match weight, the thresholds and what moving them would change.
    pub calibration: Calibration,
    /// Every compared pair's levels and terms, when logged ([`DedupeInput::log_comparisons`]).
    pub compared: kept::Compared,
    /// Wall time of each step of dedupe in milliseconds, in order (`run.json` `dedupe_ms`).
    pub step_ms: Vec<(&'static str, u128)>,
}

impl DedupeResult {
    /// A pair's per-comparison levels and weights (its waterfall), in column order.
    pub fn fields(&self, pair: &ScoredPair) -> Vec<FieldComparison> {
        self.explanations.fields(pair.vector)
    }
}

/// What dedupe needs to know besides the records.
#[derive(Clone, Copy, Debug)]
pub struct DedupeInput<'a> {
    /// Source names (as in `xref.csv`), indexed by `Record::source`.
    pub source_names: &'a [String],
    /// Pass-through headers per source, aligned with `Record::extra` (for `identifier_columns`).
    pub passthrough_headers: &'a [Vec<String>],
    /// Each record's stable key (`xref.csv` `source_key`), indexed like the records.
    pub source_keys: &'a [String],
    /// Steward decisions to honour.
    pub decisions: Option<&'a Decisions>,
    /// The run's nickname table (`schemas/names.toml` `nicknames`).
    pub nicknames: &'a Nicknames,
    /// The earlier run's comparisons, for pairs of records unchanged since (`--previous`).
    pub kept: Option<kept::Kept<'a>>,
    /// Whether to log every compared pair's levels ([`DedupeResult::compared`]) for the next run.
    pub log_comparisons: bool,
    /// The earlier run's model, used unless the data shifted ([`learnt`]).
    pub earlier_model: Option<&'a learnt::Learnt>,
}

/// Clusters the eligible `records` into customers.
pub fn run(
    records: &[Record],
    eligible: &[bool],
    settings: &DedupeSettings,
    input: &DedupeInput,
    progress: &dyn Progress,
) -> Result<DedupeResult> {
    if eligible.len() != records.len() {
        return Err(Error::invariant(
            "dedupe: eligibility flags do not match the records",
        ));
    }
    settings.validate()?;
    if records.len() >= u32::MAX as usize {
        return Err(Error::invariant("dedupe: too many records"));
    }
    pairs::run(records, eligible, settings, input, progress)
}

#[cfg(test)]
mod tests;
