//! Survivorship: builds one golden record per cluster and gives it a stable customer ID.
//!
//! Each field (or block of fields that belong together) is taken from one winning member,
//! chosen by the configured [`Rule`]s; the address is taken as a whole block from one record
//! (never the street of one and the postcode of another), the phone with its extension and
//! type. `email_alt` / `phone_alt` hold the best other distinct value of any member.
//!
//! Customer IDs: a steward-assigned ID when the cluster has one; otherwise `C` + 12 hex
//! digits of SHA-256 of the smallest member key, a member key being `source name` + U+001F +
//! the record's `source_key` (its own ID column when mapped, else the pipeline's content
//! hash). A customer keeps its ID across runs as long as its smallest member key stays in it,
//! so adding a source does not renumber customers it does not touch. IDs are unique within a
//! run: a collision (duplicate keys) is resolved deterministically by re-hashing with `#n`.

mod rules;

pub use rules::{Rule, SurvivorshipRules, default_rules};

use crate::record::{Field, Record, Values};
use rayon::prelude::*;
use rules::{Candidate, pick};
use rustc_hash::FxHashSet as HashSet;

/// One customer: its golden values and where each came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Golden {
    /// Stable, content-derived ID (`C` + hex), or the steward-assigned one.
    pub customer_id: String,
    pub values: Values,
    /// Record indices of the members, ascending.
    pub members: Vec<usize>,
    /// For each field, the record index its value came from.
    pub value_source: ValueSources,
}

/// Rows merged: the rows that share their customer with at least one other row (the closing
/// summary, `run.json` `rows_merged` and the report all count this).
pub fn merged_rows(golden: &[Golden]) -> usize {
    golden
        .iter()
        .filter(|g| g.members.len() > 1)
        .map(|g| g.members.len())
        .sum()
}

/// For each field of a golden record, the record its value came from. Inline `u32`s (dedupe
/// refuses runs of more records): at a million customers a `Vec<Option<usize>>` each was
/// a quarter of a gigabyte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueSources([u32; Field::COUNT]);

impl Default for ValueSources {
    fn default() -> Self {
        ValueSources([ValueSources::NONE; Field::COUNT])
    }
}

impl ValueSources {
    const NONE: u32 = u32::MAX;

    /// The record `field`'s value came from.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.0
            .get(field.index())
            .filter(|&&r| r != Self::NONE)
            .map(|&r| r as usize)
    }

    /// Records where `field`'s value came from (`None`: no value).
    pub fn set(&mut self, field: Field, record: Option<usize>) {
        if let Some(slot) = self.0.get_mut(field.index()) {
            *slot = record.map_or(Self::NONE, |r| r.min(Self::NONE as usize - 1) as u32);
        }
    }
}

const ADDRESS: [Field; 7] = [
    Field::AddressLine1,
    Field::AddressLine2,
    Field::Locality,
    Field::District,
    Field::Region,
    Field::PostalCode,
    Field::Country,
];
const PHONE: [Field; 3] = [Field::Phone, Field::PhoneExt, Field::PhoneType];
const SINGLE: [Field; 10] = [
    Field::Salutation,
    Field::GivenName,
    Field::MiddleName,
    Field::FamilyName,
    Field::FullName,
    Field::Organization,
    Field::Email,
    Field::CreatedAt,
    Field::BirthDate,
    Field::BirthPlace,
];

/// Builds golden records, in cluster order. `source_names` and `priorities` are indexed by
/// `Record::source`; `source_keys` and `records` by record; `pinned` by cluster.
pub fn build(
    records: &[Record],
    source_names: &[String],
    source_keys: &[String],
    clusters: &[Vec<usize>],
    pinned: &[Option<String>],
    rules: &SurvivorshipRules,
    priorities: &[i32],
) -> Vec<Golden> {
    let mut golden: Vec<Golden> = clusters
        .par_iter()
        .map(|members| golden_values(records, members, rules, priorities))
        .collect();
    let keys: Vec<String> = clusters
        .par_iter()
        .map(|m| smallest_key(records, source_names, source_keys, m))
        .collect();
    let ids = assign_ids(&keys, pinned);
    for (g, id) in golden.iter_mut().zip(ids) {
        g.customer_id = id;
    }
    golden
}

fn member_key(
    records: &[Record],
    source_names: &[String],
    source_keys: &[String],
    i: usize,
) -> String {
    let source = records
        .get(i)
        .and_then(|r| source_names.get(r.source as usize))
        .map(String::as_str)
        .unwrap_or("");
    let key = source_keys.get(i).map(String::as_str).unwrap_or("");
    member_key_of(source, key)
}

fn member_key_of(source: &str, key: &str) -> String {
    format!("{source}\u{1f}{key}")
}

/// The content-derived customer ID of a customer whose smallest member is `key` of
/// `source` (before any collision suffix): how a steward's `assign` to an existing
/// customer's ID finds that customer.
pub fn content_id(source: &str, key: &str) -> String {
    crate::checksum::short_id("C", member_key_of(source, key).as_bytes())
}

fn smallest_key(
    records: &[Record],
    source_names: &[String],
    source_keys: &[String],
    members: &[usize],
) -> String {
    members
        .iter()
        .map(|&i| member_key(records, source_names, source_keys, i))
        .min()
        .unwrap_or_default()
}

/// Pinned IDs first, then content IDs in key order; a taken ID is re-derived with `#n`.
fn assign_ids(keys: &[String], pinned: &[Option<String>]) -> Vec<String> {
    let mut ids = vec![String::new(); keys.len()];
    let mut taken: HashSet<String> =
        HashSet::with_capacity_and_hasher(keys.len(), Default::default());
    // The first-choice IDs are hashes of independent keys: computed in parallel; the loop
    // below only settles collisions, in a fixed order.
    let bases: Vec<String> = (0..keys.len())
        .into_par_iter()
        .map(|c| match pinned.get(c).and_then(Option::as_ref) {
            Some(id) => id.clone(),
            None => {
                let key = keys.get(c).map(String::as_str).unwrap_or("");
                crate::checksum::short_id("C", key.as_bytes())
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.par_sort_unstable_by(|&a, &b| {
        (
            pinned.get(a).and_then(Option::as_ref).is_none(),
            keys.get(a),
            a,
        )
            .cmp(&(
                pinned.get(b).and_then(Option::as_ref).is_none(),
                keys.get(b),
                b,
            ))
    });
    for c in order {
        let key = keys.get(c).map(String::as_str).unwrap_or("");
        let base = bases.get(c).cloned().unwrap_or_default();
        let mut id = base.clone();
        let mut n = 1u32;
        while taken.contains(&id) {
            n += 1;
            id = match pinned.get(c).and_then(Option::as_ref) {
                Some(_) => format!("{base}-{n}"),
                None => crate::checksum::short_id("C", format!("{key}#{n}").as_bytes()),
            };
        }
        taken.insert(id.clone());
        if let Some(slot) = ids.get_mut(c) {
            *slot = id;
        }
    }
    ids
}

fn golden_values<'r>(
    records: &'r [Record],
    members: &[usize],
    rules: &SurvivorshipRules,
    priorities: &[i32],
) -> Golden {
    let mut chosen: [&str; Field::COUNT] = [""; Field::COUNT];
    let mut source = ValueSources::default();
    let mut set = |chosen: &mut [&'r str; Field::COUNT], f: Field, from: usize| {
        if let Some(r) = records.get(from) {
            chosen[f.index()] = r.values.get(f);
            source.set(f, r.values.has(f).then_some(from));
        }
    };
    for f in SINGLE {
        if let Some(w) = winner(
            records,
            members,
            &[f],
            &rules.for_name(f.name()),
            priorities,
        ) {
            set(&mut chosen, f, w);
        }
    }
    for (block, name) in [(&ADDRESS[..], "address"), (&PHONE[..], "phone")] {
        if let Some(w) = winner(records, members, block, &rules.for_name(name), priorities) {
            for &f in block {
                set(&mut chosen, f, w);
            }
        }
    }
    if chosen[Field::Country.index()].is_empty()
        && let Some(w) = winner(
            records,
            members,
            &[Field::Country],
            &rules.for_name("country"),
            priorities,
        )
    {
        set(&mut chosen, Field::Country, w);
    }
    for (main, alt) in [
        (Field::Email, Field::EmailAlt),
        (Field::Phone, Field::PhoneAlt),
    ] {
        if let Some((w, from)) = alternate(
            records,
            members,
            main,
            alt,
            chosen[main.index()],
            &rules.for_name(main.name()),
            priorities,
        ) && let Some(r) = records.get(w)
        {
            chosen[alt.index()] = r.values.get(from);
            source.set(alt, Some(w));
        }
    }
    Golden {
        customer_id: String::new(),
        values: Values::from_parts(&chosen),
        members: members.to_vec(),
        value_source: source,
    }
}

/// The member whose `fields` win under `rules`; members with none of them filled do not
/// compete. For the address block, complete addresses (street and postcode or locality)
/// are preferred over partial ones.
fn winner(
    records: &[Record],
    members: &[usize],
    fields: &[Field],
    rules: &[Rule],
    priorities: &[i32],
) -> Option<usize> {
    let mut cands: Vec<Candidate> = members
        .iter()
        .filter_map(|&i| {
            let rec = records.get(i)?;
            let filled: Vec<&str> = fields.iter().map(|&f| rec.values.get(f)).collect();
            let count = filled.iter().filter(|v| !v.is_empty()).count();
            let primary = rec.values.get(*fields.first()?);
            if count == 0
                || (fields.len() > 1
                    && fields.first() != Some(&Field::AddressLine1)
                    && primary.is_empty())
            {
                return None;
            }
            let fullness = if fields.len() == 1 {
                primary.chars().count()
            } else {
                count
            };
            Some(Candidate {
                record: i,
                value: filled.join("\u{1f}").to_lowercase(),
                fullness,
                rec,
            })
        })
        .collect();
    if fields.first() == Some(&Field::AddressLine1) {
        let complete = |c: &Candidate| {
            c.rec.values.has(Field::AddressLine1)
                && (c.rec.values.has(Field::PostalCode) || c.rec.values.has(Field::Locality))
        };
        if cands.iter().any(complete) {
            cands.retain(complete);
        }
    }
    pick(&cands, rules, priorities).map(|c| c.record)
}

/// The best distinct value of `main`/`alt` across members other than `chosen`.
fn alternate(
    records: &[Record],
    members: &[usize],
    main: Field,
    alt: Field,
    chosen: &str,
    rules: &[Rule],
    priorities: &[i32],
) -> Option<(usize, Field)> {
    let cands: Vec<Candidate> = members
        .iter()
        .filter_map(|&i| records.get(i).map(|r| (i, r)))
        .flat_map(|(i, rec)| {
            [main, alt]
                .into_iter()
                .map(move |f| (i, rec, rec.values.get(f)))
        })
        .filter(|(_, _, v)| !v.is_empty() && !v.eq_ignore_ascii_case(chosen))
        .map(|(i, rec, v)| Candidate {
            record: i,
            value: v.to_string(),
            fullness: v.chars().count(),
            rec,
        })
        .collect();
    let c = pick(&cands, rules, priorities)?;
    let field = [main, alt]
        .into_iter()
        .find(|&f| c.rec.values.get(f) == c.value)?;
    Some((c.record, field))
}

#[cfg(test)]
mod tests;
