//! Survivorship: builds one golden record per cluster and gives it a stable customer ID.

use crate::record::{Field, Record, Values};
use serde::{Deserialize, Serialize};

/// Survivorship rules (`[survivorship]` in `steward.toml`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SurvivorshipRules {}

/// One customer: its golden values and where each came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Golden {
    /// Stable, content-derived ID (`C` + hex).
    pub customer_id: String,
    pub values: Values,
    /// Record indices of the members, ascending.
    pub members: Vec<usize>,
    /// For each field, the record index its value came from.
    pub value_source: Vec<Option<usize>>,
}

/// Builds golden records (stub: the first member's values; ID from the members' keys).
pub fn build(
    records: &[Record],
    source_keys: &[String],
    clusters: &[Vec<usize>],
    _rules: &SurvivorshipRules,
    _priorities: &[i32],
) -> Vec<Golden> {
    clusters
        .iter()
        .map(|members| {
            let first = members[0];
            let mut keys: Vec<&str> = members.iter().map(|&i| source_keys[i].as_str()).collect();
            keys.sort_unstable();
            Golden {
                customer_id: crate::checksum::short_id("C", keys[0].as_bytes()),
                values: records[first].values.clone(),
                members: members.clone(),
                value_source: Field::ALL
                    .iter()
                    .map(|f| records[first].values.has(*f).then_some(first))
                    .collect(),
            }
        })
        .collect()
}
