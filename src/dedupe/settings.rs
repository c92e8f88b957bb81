//! `[dedupe]` settings: blocking rules, block-size cap, thresholds, training sample sizes.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// Dedupe settings (`[dedupe]` in `steward.toml`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DedupeSettings {
    /// Blocking rules: key parts joined by `+` (see [`crate::dedupe::block`]), e.g.
    /// `"email"`, `"phone"`, `"postcode+family:4"`, `"family_phonetic+locality"`.
    pub blocking: Vec<String>,
    /// A block with more records than this is not compared all-against-all: its records are
    /// sorted by name and each is compared with its `window` nearest neighbours (finding
    /// `dedupe.block_too_large`). With the cap at twice the window, no rule gives a record
    /// more than about `window` candidates, so candidate pairs grow linearly with the rows
    /// (at 1M generated rows a cap of 250 with a window of 20 gave 34M candidate pairs, 16
    /// with 8 gives 8M; F1 at 100k rows was the same, 0.967, with either).
    pub max_block_size: usize,
    /// Neighbours compared per record in an oversized block.
    pub window: usize,
    /// Candidate pairs the run may compare. Before comparing, blocking measures every rule's
    /// blocks; while comparing whole blocks larger than `max_block_size` keeps the total
    /// within this budget, they are compared whole (a large organisation's records all
    /// against each other in a small file) rather than by neighbourhood. When every pair of
    /// eligible records fits within the budget (a file of up to 1,000 rows under the
    /// automatic one), every pair is compared: blocking is a way to skip pairs, and a file
    /// that small needs none skipped. `0` (the default) is automatic: the larger of 500,000
    /// pairs and what the cap alone gives.
    pub comparison_budget: u64,
    /// Pairs at or above this match probability are merged.
    pub match_threshold: f64,
    /// Pairs at or above this (and below `match_threshold`) go to review.
    pub review_threshold: f64,
    /// Compared pairs below this match probability are counted (`run.json`) but not kept in
    /// `DedupeResult::pairs` (`pairs.csv`). The default lists matches, reviews and the near
    /// misses a steward may ask about; most candidate pairs are weak (at 100k generated rows,
    /// 75% of them score below 0.2) and listing them would make `pairs.csv` the size of a
    /// gigabyte at a million rows. 0 keeps every compared pair.
    pub keep_pairs_min_probability: f64,
    /// Pass-through columns holding a customer identifier (national ID, loyalty number…),
    /// compared exact / one typo / two typos.
    pub identifier_columns: Vec<String>,
    /// Random record pairs drawn (seeded) to estimate `u`.
    pub u_sample_pairs: usize,
    /// Candidate pairs used for EM training of `m` (an evenly spaced sample when more).
    pub em_sample_pairs: usize,
    /// Maximum EM iterations.
    pub em_max_iterations: usize,
    /// Seed of the `u` sampler.
    pub seed: u64,
    /// With `--previous`, score with the earlier run's model while the data has not shifted
    /// ([`crate::dedupe::learnt`]); `false` (or `steward run --retrain`) trains every run.
    pub reuse_model: bool,
}

impl Default for DedupeSettings {
    fn default() -> Self {
        DedupeSettings {
            blocking: default_blocking_rules(),
            max_block_size: 16,
            window: 8,
            comparison_budget: 0,
            match_threshold: 0.95,
            review_threshold: 0.5,
            keep_pairs_min_probability: 0.2,
            identifier_columns: Vec::new(),
            u_sample_pairs: 300_000,
            em_sample_pairs: 300_000,
            em_max_iterations: 40,
            seed: 0x0057_4741_5244,
            reuse_model: true,
        }
    }
}

/// The built-in rules: contact identifiers, then name and place combinations that survive
/// a typo in any single field, and the full name alone, given and family in either order
/// (two exports of one person often share nothing else: a sales list with only a phone
/// against a CRM row with only an e-mail; at 5,000 generated customers it lifts F1 by
/// 0.1–0.3 points for 6–8% more pairs; exports that put the surname first need the either
/// order), and with each word of a double surname (`Alexia Ribeiro Sousa` / `Alexia
/// Sousa`: Iberian and Brazilian records drop either surname). A rule on both the given and
/// the family name also keys them exchanged, and `name_part` keys each on its own, so a row
/// whose name columns were filled the other way round still meets its twin. Last, a
/// Thai family name against its romanisation by sound (`ศรีสุข` / `Srisook`), which no
/// spelling key brings together and which pairs nothing in a run without Thai names.
pub fn default_blocking_rules() -> Vec<String> {
    [
        "email",
        "email_local+family:2",
        "email_local+given:2",
        "phone",
        "identifier",
        "postcode+family:4",
        "family_phonetic+locality",
        "given:2+family:2+birth_date:4",
        "birth_date+name_part:2",
        "birth_date+postcode",
        "birth_date+locality",
        "postcode+given:3",
        "organization+locality",
        "org_word",
        "address",
        "address+postcode",
        "names",
        "given+family_word",
        "family_sound",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

impl DedupeSettings {
    /// Checks ranges and rule syntax that serde cannot.
    pub fn validate(&self) -> Result<()> {
        let unit = 0.0..=1.0;
        if !unit.contains(&self.match_threshold)
            || !unit.contains(&self.review_threshold)
            || !unit.contains(&self.keep_pairs_min_probability)
        {
            return Err(Error::config("dedupe thresholds must be between 0 and 1"));
        }
        if self.review_threshold > self.match_threshold {
            return Err(Error::config(
                "dedupe review_threshold must not exceed match_threshold",
            ));
        }
        if self.max_block_size < 2 {
            return Err(Error::config("dedupe max_block_size must be at least 2"));
        }
        if self.blocking.len() > super::block::MAX_RULES {
            return Err(Error::config(format!(
                "dedupe blocking: at most {} rules",
                super::block::MAX_RULES
            )));
        }
        for rule in &self.blocking {
            super::block::BlockRule::parse(rule).map_err(Error::config)?;
        }
        Ok(())
    }
}
