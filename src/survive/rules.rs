//! Survivorship rules and the ranking that picks a winning record for a field or block.

use super::script::NameScript;
use crate::record::{Field, Record};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One way to prefer a value; a list of rules is applied in order, later ones break ties,
/// and the lowest record index breaks any tie left.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The value most members share.
    MostFrequent,
    /// The member with the latest `created_at`.
    MostRecent,
    /// The member with the earliest `created_at`.
    Earliest,
    /// The fullest value (longest; for a block, the most filled fields).
    MostComplete,
    /// The member from the source with the highest `priority`.
    SourcePriority,
    /// The longest value.
    Longest,
}

/// Survivorship rules (`[survivorship]` in `steward.toml`): per field name, or `name`
/// (salutation, given, middle, family and full name, kept together), `address` (address
/// lines, locality, district, region, postcode and country, kept together) or `phone` (phone
/// with its extension and type), an ordered rule list (`[survivorship.rules]`). Unlisted
/// fields use the defaults of [`default_rules`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SurvivorshipRules {
    pub rules: BTreeMap<String, Vec<Rule>>,
    /// Which script the golden name is written in.
    pub name_script: NameScript,
    /// Whether a town known under several names is written under its one canonical name.
    pub place_names: PlaceNames,
}

/// How golden records write a town known under several names (`[survivorship] place_names`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceNames {
    /// The country's own name (`Kiev`, `Kyiv`, `Киев` → `Київ`; `Cracow` → `Kraków`), from
    /// `locality_names` in `schemas/address.toml`.
    #[default]
    Canonical,
    /// As the winning record wrote it.
    AsWritten,
}

impl SurvivorshipRules {
    /// The rules for a field or block name, configured or default.
    pub fn for_name(&self, name: &str) -> Vec<Rule> {
        self.rules
            .get(name)
            .cloned()
            .unwrap_or_else(|| default_rules(name))
    }
}

/// Defaults: names most frequent then fullest; contacts most frequent then most recent;
/// the address block most recent then fullest; `created_at` and `lead_source` the earliest;
/// job title, department and owner the most recent.
pub fn default_rules(name: &str) -> Vec<Rule> {
    use Rule::*;
    match name {
        "name" | "salutation" | "given_name" | "middle_name" | "family_name" | "full_name"
        | "organization" | "birth_date" => {
            vec![MostFrequent, MostComplete, SourcePriority, MostRecent]
        }
        "email" | "phone" => vec![MostFrequent, MostRecent, SourcePriority],
        "address" => vec![MostRecent, MostComplete, SourcePriority],
        "created_at" => vec![Earliest],
        // A person's role and who looks after them change: the latest record knows best.
        "job_title" | "department" | "owner" => vec![MostRecent, SourcePriority, MostFrequent],
        // The channel that first brought the customer in.
        "lead_source" => vec![Earliest, SourcePriority, MostFrequent],
        _ => vec![MostFrequent, MostRecent, SourcePriority],
    }
}

/// `created_at` as a sortable number (`YYYYMMDDhhmmss`, missing parts zero); 0 when absent.
pub fn created_key(rec: &Record) -> i64 {
    let digits: String = rec
        .values
        .get(Field::CreatedAt)
        .chars()
        .filter(char::is_ascii_digit)
        .take(14)
        .collect();
    if digits.len() < 8 {
        return 0;
    }
    format!("{digits:0<14}").parse().unwrap_or(0)
}

/// The members (those in `records`) from the most recent to the oldest: latest `created_at`,
/// then the highest source priority, then the lowest record index.
pub fn most_recent_first(records: &[Record], members: &[usize], priorities: &[i32]) -> Vec<usize> {
    let mut order: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| i < records.len())
        .collect();
    order.sort_by_key(|&i| {
        let rec = &records[i];
        let priority = priorities.get(rec.source as usize).copied().unwrap_or(0);
        (
            std::cmp::Reverse(created_key(rec)),
            std::cmp::Reverse(priority),
            i,
        )
    });
    order
}

/// A candidate: the record it comes from and the value (or block) text that identifies it.
#[derive(Clone)]
pub struct Candidate<'a> {
    pub record: usize,
    pub value: String,
    /// Filled fields (blocks) or characters (single values).
    pub fullness: usize,
    pub rec: &'a Record,
}

/// Picks the best candidate under `rules`; `None` when there are none.
pub fn pick<'a>(
    candidates: &'a [Candidate<'a>],
    rules: &[Rule],
    priorities: &[i32],
) -> Option<&'a Candidate<'a>> {
    let mut frequency: BTreeMap<&str, usize> = BTreeMap::new();
    for c in candidates {
        *frequency.entry(c.value.as_str()).or_insert(0) += 1;
    }
    let score = |c: &Candidate| -> Vec<i64> {
        rules
            .iter()
            .map(|r| match r {
                Rule::MostFrequent => frequency.get(c.value.as_str()).copied().unwrap_or(0) as i64,
                Rule::MostRecent => created_key(c.rec),
                Rule::Earliest => match created_key(c.rec) {
                    0 => i64::MIN,
                    k => -k,
                },
                Rule::MostComplete => c.fullness as i64,
                Rule::Longest => c.value.chars().count() as i64,
                Rule::SourcePriority => {
                    i64::from(priorities.get(c.rec.source as usize).copied().unwrap_or(0))
                }
            })
            .collect()
    };
    candidates
        .iter()
        .map(|c| (score(c), std::cmp::Reverse(c.record), c))
        .max_by(|x, y| (&x.0, x.1).cmp(&(&y.0, y.1)))
        .map(|(_, _, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(created: &str, source: u32) -> Record {
        let mut r = Record {
            source,
            ..Record::default()
        };
        r.values.set(Field::CreatedAt, created);
        r
    }

    #[test]
    fn rules_rank_in_order_and_break_ties_by_record() {
        let (a, b, c) = (
            rec("2021-01-05", 0),
            rec("2023-07-01T10:00:00", 1),
            rec("", 0),
        );
        let cands = vec![
            Candidate {
                record: 0,
                value: "john".into(),
                fullness: 4,
                rec: &a,
            },
            Candidate {
                record: 1,
                value: "jon".into(),
                fullness: 3,
                rec: &b,
            },
            Candidate {
                record: 2,
                value: "john".into(),
                fullness: 4,
                rec: &c,
            },
        ];
        assert_eq!(
            pick(&cands, &[Rule::MostFrequent], &[]).map(|c| c.record),
            Some(0)
        );
        assert_eq!(
            pick(&cands, &[Rule::MostRecent], &[]).map(|c| c.record),
            Some(1)
        );
        assert_eq!(
            pick(&cands, &[Rule::Earliest], &[]).map(|c| c.record),
            Some(0)
        );
        assert_eq!(
            pick(&cands, &[Rule::SourcePriority], &[0, 5]).map(|c| c.record),
            Some(1)
        );
        assert!(pick(&[], &[Rule::Longest], &[]).is_none());
    }

    #[test]
    fn rules_parse_from_toml() {
        let r: SurvivorshipRules =
            toml::from_str("[rules]\nemail = [\"most_recent\", \"source_priority\"]\n").unwrap();
        assert_eq!(
            r.for_name("email"),
            vec![Rule::MostRecent, Rule::SourcePriority]
        );
        assert_eq!(r.for_name("created_at"), vec![Rule::Earliest]);
    }
}
