//! Pass-through columns in golden.csv: one column per header name across sources, the most recent value, consent columns the most restrictive.
//!
//! A header that two sources share is one golden column; columns appear in the order their
//! names are first seen (sources in run order, then column order). A name that is already a
//! golden column (`customer_id`, a canonical field, `name_alt`, `source_count`, `sources`) is
//! not repeated.
//!
//! A column's value is the most recent non-empty one (latest `created_at`, then the highest
//! source priority, then the first record). A consent column (header words in
//! `schemas/consent.toml`) takes the most restrictive instead: any record that refused
//! (opted out, said do-not-call, unsubscribed, answered no to an opt-in) wins, the most recent
//! refusal as written; without a refusal, the most recent value. A value that is neither a
//! yes nor a no in an opt-in column (a consent date) is dropped when any record of the
//! customer refused in any consent column: a consent that was later withdrawn is not shown
//! as standing.

use super::consent::{Channel, ConsentWords, Polarity, Stance};
use super::rules::most_recent_first;
use crate::record::{Field, Record};
use rustc_hash::{FxHashMap, FxHashSet};

/// Golden columns that pass-through names may not take.
pub const GOLDEN_OWN: [&str; 4] = ["customer_id", "name_alt", "source_count", "sources"];

/// The golden pass-through columns: names, where each source holds them, which are consent.
#[derive(Debug, Default)]
pub struct PassColumns {
    pub names: Vec<String>,
    /// Per source, per golden column, the position in the records' `extra` cells.
    slots: Vec<Vec<Option<usize>>>,
    polarity: Vec<Option<Polarity>>,
    /// The channel each consent column speaks of (any for ordinary columns).
    channel: Vec<Channel>,
}

impl PassColumns {
    /// The columns of sources whose pass-through headers are `per_source` (by source id).
    pub fn new(per_source: &[Vec<String>], consent: Option<&ConsentWords>) -> PassColumns {
        let names = column_union(per_source, &GOLDEN_OWN);
        let slots = per_source.iter().map(|own| slots_of(own, &names)).collect();
        let polarity = names
            .iter()
            .map(|n| consent.and_then(|c| c.polarity(n)))
            .collect();
        let channel = names
            .iter()
            .map(|n| consent.map_or(Channel::Any, |c| c.channel(n)))
            .collect();
        PassColumns {
            names,
            slots,
            polarity,
            channel,
        }
    }

    /// The consent polarity of each column (`None`: an ordinary column).
    pub fn polarity(&self) -> &[Option<Polarity>] {
        &self.polarity
    }

    /// One record's non-empty consent cells: (polarity, channel, value as written).
    pub fn consent_cells<'r>(
        &'r self,
        rec: &'r Record,
    ) -> impl Iterator<Item = (Polarity, Channel, &'r str)> + 'r {
        let slots = self.slots.get(rec.source as usize);
        self.polarity
            .iter()
            .zip(&self.channel)
            .enumerate()
            .filter_map(move |(col, (polarity, channel))| {
                let polarity = (*polarity)?;
                let at = slots?.get(col).copied().flatten()?;
                let value = rec.extra.get(at)?.trim();
                (!value.is_empty()).then_some((polarity, *channel, value))
            })
    }

    /// The surviving value of every column for one customer.
    pub fn survive(
        &self,
        records: &[Record],
        members: &[usize],
        priorities: &[i32],
        consent: Option<&ConsentWords>,
    ) -> Vec<String> {
        let order = most_recent_first(records, members, priorities);
        let cell = |i: usize, col: usize| -> &str {
            let rec = &records[i];
            self.slots
                .get(rec.source as usize)
                .and_then(|s| s.get(col).copied().flatten())
                .and_then(|p| rec.extra.get(p))
                .map_or("", |v| v.trim())
        };
        let stance = |i: usize, col: usize| -> Option<Stance> {
            let polarity = self.polarity.get(col).copied().flatten()?;
            consent?.stance(polarity, cell(i, col))
        };
        let refused_anywhere = (0..self.names.len()).any(|col| {
            order
                .iter()
                .any(|&i| stance(i, col) == Some(Stance::Refused))
        });
        (0..self.names.len())
            .map(|col| {
                let filled = order.iter().copied().filter(|&i| !cell(i, col).is_empty());
                let chosen = match self.polarity.get(col).copied().flatten() {
                    None => filled.clone().next(),
                    Some(polarity) => filled
                        .clone()
                        .find(|&i| stance(i, col) == Some(Stance::Refused))
                        .or_else(|| {
                            filled.clone().find(|&i| {
                                !(refused_anywhere
                                    && polarity == Polarity::OptIn
                                    && stance(i, col) == Some(Stance::Other))
                            })
                        }),
                };
                chosen.map_or_else(String::new, |i| cell(i, col).to_string())
            })
            .collect()
    }
}

/// The distinct names of `per_source`, in first-seen order, leaving out the canonical field
/// names and `reserved` (linear in the number of columns: a table may have hundreds of
/// thousands).
pub fn column_union(per_source: &[Vec<String>], reserved: &[&str]) -> Vec<String> {
    let mut seen: FxHashSet<&str> = Field::ALL.iter().map(|f| f.name()).collect();
    seen.extend(reserved.iter().copied());
    let mut out: Vec<String> = Vec::new();
    for h in per_source.iter().flatten() {
        if seen.insert(h.as_str()) {
            out.push(h.clone());
        }
    }
    out
}

/// For each name of `union`, its position among `own` (the first, for a name given twice).
pub fn slots_of(own: &[String], union: &[String]) -> Vec<Option<usize>> {
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, h) in own.iter().enumerate() {
        at.entry(h.as_str()).or_insert(i);
    }
    union
        .iter()
        .map(|name| at.get(name.as_str()).copied())
        .collect()
}
