//! Survivorship: builds one golden record per cluster and gives it a stable customer ID.
//!
//! Each field (or block of fields that belong together) is taken from one winning member,
//! chosen by the configured [`Rule`]s: the name as one block in one script ([`name`]), the
//! address as one block whose missing postcode, region or district only members at the same
//! place fill, its town under its canonical name ([`address`]), the e-mail by validity and
//! agreement among spellings of one mailbox ([`email`]), the phone with its extension and
//! type. `email_alt` / `phone_alt` hold the best other distinct value of any member;
//! pass-through columns survive too, consent ones by the most restrictive value
//! ([`passthrough`], [`consent`]).
//!
//! Customer IDs: a steward-assigned ID when the cluster has one; otherwise `C` + 12 hex
//! digits of SHA-256 of the smallest member key, a member key being `source name` + U+001F +
//! the record's `source_key` (its own ID column when mapped, else the pipeline's content
//! hash). A customer keeps its ID across runs as long as its smallest member key stays in it,
//! so adding a source does not renumber customers it does not touch. IDs are unique within a
//! run: a collision (duplicate keys) is resolved deterministically by re-hashing with `#n`.

mod address;
pub mod chosen;
mod consent;
mod consent_flags;
mod email;
mod name;
mod passthrough;
mod rules;
mod script;

pub use consent::{ConsentWords, Polarity, Stance};
pub use email::flagged as flagged_emails;
pub use passthrough::{PassColumns, column_union, slots_of};
pub use rules::{PlaceNames, Rule, SurvivorshipRules, default_rules};
pub use script::{NameScript, Script};

use crate::fields::{NAME_BLOCK, PHONE_BLOCK, Survival};
use crate::normalize::address::AddressRules;
use crate::record::{Field, Record, Values};
use rayon::prelude::*;
use rules::{Candidate, pick};
use rustc_hash::FxHashSet as HashSet;

/// One customer: its golden values and where each came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Golden {
    /// Stable, content-derived ID (`C` + hex), or the steward-assigned one.
    pub customer_id: String,
    pub values: Values,
    /// Record indices of the members, ascending.
    pub members: Vec<usize>,
    /// For each field, the record index its value came from.
    pub value_source: ValueSources,
    /// The customer's full name in another script than the golden name's (`name_alt`).
    pub name_alt: String,
    /// The pass-through columns' surviving values, in [`PassColumns::names`] order.
    pub extra: Vec<String>,
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

/// The fields that survive in `survival`, in table order.
fn surviving_by(survival: Survival) -> impl Iterator<Item = Field> {
    Field::ALL
        .into_iter()
        .filter(move |f| f.spec().survival == survival)
}

/// What survivorship reads besides the clusters: the records, their sources and keys, and
/// optionally the pass-through columns, flagged e-mails and locale knowledge.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    pub records: &'a [Record],
    /// By `Record::source`.
    pub source_names: &'a [String],
    /// By record.
    pub source_keys: &'a [String],
    /// Source priorities, by `Record::source`.
    pub priorities: &'a [i32],
    /// The golden pass-through columns and where each source holds them.
    pub passthrough: Option<&'a PassColumns>,
    /// E-mails normalisation flagged as likely typos: (record, lower-case address).
    pub suspect_emails: Option<&'a HashSet<(usize, String)>>,
    /// Town names and consent words.
    pub knowledge: Option<&'a Knowledge>,
}

impl<'a> Inputs<'a> {
    /// Inputs with no pass-through columns, flags or locale knowledge.
    pub fn new(
        records: &'a [Record],
        source_names: &'a [String],
        source_keys: &'a [String],
        priorities: &'a [i32],
    ) -> Inputs<'a> {
        Inputs {
            records,
            source_names,
            source_keys,
            priorities,
            passthrough: None,
            suspect_emails: None,
            knowledge: None,
        }
    }
}

/// Locale knowledge survivorship uses: town names (`schemas/address.toml`) and consent words
/// (`schemas/consent.toml`).
#[derive(Debug)]
pub struct Knowledge {
    pub addresses: AddressRules,
    pub consent: ConsentWords,
}

impl Knowledge {
    /// Reads both schema files (built in, or from `schemas_dir`).
    pub fn from_locale(locale: &crate::locale::LocaleData) -> crate::error::Result<Knowledge> {
        Ok(Knowledge {
            addresses: AddressRules::from_toml(locale.text("address.toml")?)?,
            consent: ConsentWords::from_locale(locale)?,
        })
    }
}

/// Clusters survived between two checks for a stop request.
const SURVIVE_CHUNK: usize = 16_384;

/// Builds golden records, in cluster order; `pinned` is indexed by cluster. A stop request
/// (`progress`) ends it between chunks of clusters.
pub fn build(
    input: &Inputs,
    clusters: &[Vec<usize>],
    pinned: &[Option<String>],
    rules: &SurvivorshipRules,
    progress: &dyn crate::progress::Progress,
) -> crate::error::Result<Vec<Golden>> {
    let (records, source_names, source_keys) =
        (input.records, input.source_names, input.source_keys);
    progress.start("survive", Some(clusters.len() as u64));
    let mut golden: Vec<Golden> = Vec::with_capacity(clusters.len());
    for chunk in clusters.chunks(SURVIVE_CHUNK) {
        crate::cancel::check(progress)?;
        golden.par_extend(
            chunk
                .par_iter()
                .map(|members| golden_values(input, members, rules)),
        );
        progress.advance(chunk.len() as u64);
    }
    progress.finish();
    let keys: Vec<String> = clusters
        .par_iter()
        .map(|m| smallest_key(records, source_names, source_keys, m))
        .collect();
    let ids = assign_ids(&keys, pinned);
    for (g, id) in golden.iter_mut().zip(ids) {
        g.customer_id = id;
    }
    Ok(golden)
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

/// What a customer's derived ID is taken from: a member's source and source key as one string.
pub(crate) fn member_key_of(source: &str, key: &str) -> String {
    format!("{source}\u{1f}{key}")
}

/// The `n`th alternative (from 2) to the ID derived from `member_key`, for when that ID is
/// taken.
pub(crate) fn numbered_id(member_key: &str, n: u32) -> String {
    crate::checksum::short_id("C", format!("{member_key}#{n}").as_bytes())
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
                None => numbered_id(key, n),
            };
        }
        taken.insert(id.clone());
        if let Some(slot) = ids.get_mut(c) {
            *slot = id;
        }
    }
    ids
}

fn golden_values(input: &Inputs, members: &[usize], rules: &SurvivorshipRules) -> Golden {
    let (records, priorities) = (input.records, input.priorities);
    let mut chosen: Vec<String> = vec![String::new(); Field::COUNT];
    let mut source = ValueSources::default();
    let mut set = |chosen: &mut Vec<String>, f: Field, from: usize, value: &str| {
        chosen[f.index()] = value.to_string();
        source.set(f, (!value.is_empty()).then_some(from));
    };
    let take = |f: Field, from: usize| records.get(from).map_or("", |r| r.values.get(f));
    for f in surviving_by(Survival::Single) {
        if let Some(w) = winner(
            records,
            members,
            &[f],
            &rules.for_name(f.rule_name()),
            priorities,
        ) {
            set(&mut chosen, f, w, take(f, w));
        }
    }
    let name = name::choose(
        records,
        members,
        &rules.for_name("name"),
        rules.name_script,
        priorities,
    );
    if let Some(w) = name.winner {
        for f in NAME_BLOCK {
            let value = if f == Field::FullName {
                name.full_name.as_str()
            } else {
                take(f, w)
            };
            set(&mut chosen, f, w, value);
        }
    }
    let suspects = input.suspect_emails;
    if let Some(w) = email::choose(
        records,
        members,
        &rules.for_name("email"),
        priorities,
        suspects,
    ) {
        set(&mut chosen, Field::Email, w, take(Field::Email, w));
    }
    if let Some(w) = winner(
        records,
        members,
        &PHONE_BLOCK,
        &rules.for_name(Field::Phone.rule_name()),
        priorities,
    ) {
        for f in PHONE_BLOCK {
            set(&mut chosen, f, w, take(f, w));
        }
    }
    let address = address::choose(
        records,
        members,
        &rules.for_name("address"),
        priorities,
        input.knowledge.map(|k| &k.addresses),
        rules.place_names == PlaceNames::Canonical,
    );
    for (f, from, value) in address {
        set(&mut chosen, f, from, &value);
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
        set(&mut chosen, Field::Country, w, take(Field::Country, w));
    }
    let alternates = Field::ALL
        .into_iter()
        .filter_map(|alt| match alt.spec().survival {
            Survival::AlternateOf(main) => Some((main, alt)),
            _ => None,
        });
    for (main, alt) in alternates {
        let skip = |v: &str, i: usize| {
            main == Field::Email
                && email::is_variant_or_suspect(v, &chosen[main.index()], i, suspects)
        };
        if let Some((w, from)) = alternate(
            records,
            members,
            (main, alt),
            &chosen[main.index()],
            &skip,
            &rules.for_name(main.name()),
            priorities,
        ) {
            let value = take(from, w).to_string();
            set(&mut chosen, alt, w, &value);
        }
    }
    for f in surviving_by(Survival::Joined) {
        if let Some((from, value)) = joined(records, members, f, priorities) {
            set(&mut chosen, f, from, &value);
        }
    }
    if let Some(knowledge) = input.knowledge {
        let flags = consent_flags::choose(
            records,
            members,
            priorities,
            input.passthrough,
            &knowledge.consent,
        );
        for (f, from, value) in flags {
            set(&mut chosen, f, from, value);
        }
    }
    for f in surviving_by(Survival::OfSurvivingMember) {
        let own = |i: usize| records.get(i).is_some_and(|r| r.values.has(f));
        let from = name.winner.filter(|&w| own(w)).or_else(|| {
            winner(
                records,
                members,
                &[f],
                &rules.for_name(f.rule_name()),
                priorities,
            )
        });
        if let Some(w) = from {
            set(&mut chosen, f, w, take(f, w));
        }
    }
    let parts: Vec<&str> = chosen.iter().map(String::as_str).collect();
    let parts: [&str; Field::COUNT] = std::array::from_fn(|i| parts.get(i).copied().unwrap_or(""));
    let extra = match (input.passthrough, input.knowledge) {
        (Some(columns), knowledge) => {
            columns.survive(records, members, priorities, knowledge.map(|k| &k.consent))
        }
        (None, _) => Vec::new(),
    };
    Golden {
        customer_id: String::new(),
        values: Values::from_parts(&parts),
        members: members.to_vec(),
        value_source: source,
        name_alt: name.alt,
        extra,
    }
}

/// Every distinct value of `field` among the members (case and spacing ignored), the most
/// recent first, joined by ` | `; with the member the first came from.
fn joined(
    records: &[Record],
    members: &[usize],
    field: Field,
    priorities: &[i32],
) -> Option<(usize, String)> {
    let mut order = rules::most_recent_first(records, members, priorities);
    order.retain(|&i| records[i].values.has(field));
    let first = *order.first()?;
    let mut seen: HashSet<String> = HashSet::default();
    let mut parts: Vec<&str> = Vec::new();
    for &i in &order {
        let value = records[i].values.get(field);
        let key: String = value
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if seen.insert(key) {
            parts.push(value);
        }
    }
    Some((first, parts.join(" | ")))
}

/// The member whose `fields` win under `rules`; members with none of them filled do not
/// compete, nor (for a block) members without its first field.
fn winner(
    records: &[Record],
    members: &[usize],
    fields: &[Field],
    rules: &[Rule],
    priorities: &[i32],
) -> Option<usize> {
    let cands: Vec<Candidate> = members
        .iter()
        .filter_map(|&i| {
            let rec = records.get(i)?;
            let filled: Vec<&str> = fields.iter().map(|&f| rec.values.get(f)).collect();
            let count = filled.iter().filter(|v| !v.is_empty()).count();
            let primary = rec.values.get(*fields.first()?);
            if primary.is_empty() {
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
    pick(&cands, rules, priorities).map(|c| c.record)
}

/// The best value of `main`/`alt` across members that `skip` does not rule out (the chosen
/// value itself, and for e-mails its misspellings), with the field it was in.
fn alternate(
    records: &[Record],
    members: &[usize],
    (main, alt): (Field, Field),
    chosen: &str,
    skip: &dyn Fn(&str, usize) -> bool,
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
        .filter(|(i, _, v)| !v.is_empty() && !v.eq_ignore_ascii_case(chosen) && !skip(v, *i))
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
