//! The surviving address: one record's block, its gaps (postcode, region, district) filled from members at the same street and town, the town under its canonical name.
//!
//! Two members are at the same place when neither says otherwise and both say the same:
//! their countries do not differ, their towns (compared by the canonical name and its Latin
//! spelling, so `Kiev`, `Kyiv` and `Київ` agree) do not differ, their street lines do not
//! differ (the same house and flat numbers, a street word in common: `vul. Ivana Franka, 223`
//! and `вулиця Івана Франка, 223` agree), their postcodes do not differ, and at least the town
//! or the street line is the same. A member elsewhere gives nothing.

use super::rules::{Candidate, Rule, pick};
use crate::fields::ADDRESS_BLOCK;
use crate::normalize::address::AddressRules;
use crate::normalize::translit::latin_key;
use crate::record::{Country, Field, Record};

/// The parts a golden address takes from another member at the same place.
const GAPS: [Field; 3] = [Field::PostalCode, Field::Region, Field::District];

/// The surviving address as (field, record it came from, value).
pub fn choose(
    records: &[Record],
    members: &[usize],
    rules: &[Rule],
    priorities: &[i32],
    places: Option<&AddressRules>,
    write_canonical: bool,
) -> Vec<(Field, usize, String)> {
    let town = |rec: &Record| town_of(rec, places);
    let mut cands: Vec<Candidate> = members
        .iter()
        .filter_map(|&i| {
            let rec = records.get(i)?;
            let count = ADDRESS_BLOCK.iter().filter(|&&f| rec.values.has(f)).count();
            // A country alone is no address (the country survives on its own when no
            // address gives one).
            if count == usize::from(rec.values.has(Field::Country)) {
                return None;
            }
            let mut value: Vec<String> = ADDRESS_BLOCK
                .iter()
                .map(|&f| rec.values.get(f).to_lowercase())
                .collect();
            if let Some(slot) = value.get_mut(2) {
                *slot = latin_key(&town(rec));
            }
            Some(Candidate {
                record: i,
                value: value.join("\u{1f}"),
                fullness: count,
                rec,
            })
        })
        .collect();
    let complete = |c: &Candidate| {
        c.rec.values.has(Field::AddressLine1)
            && (c.rec.values.has(Field::PostalCode) || c.rec.values.has(Field::Locality))
    };
    if cands.iter().any(complete) {
        cands.retain(complete);
    }
    let Some(won) = pick(&cands, rules, priorities) else {
        return Vec::new();
    };
    let w = won.rec;
    let mut out: Vec<(Field, usize, String)> = ADDRESS_BLOCK
        .iter()
        .map(|&f| {
            let value = if f == Field::Locality && write_canonical {
                town(w)
            } else {
                w.values.get(f).to_string()
            };
            (f, won.record, value)
        })
        .collect();
    for gap in GAPS {
        if w.values.has(gap) {
            continue;
        }
        let donors: Vec<Candidate> = members
            .iter()
            .filter(|&&i| i != won.record)
            .filter_map(|&i| records.get(i).map(|r| (i, r)))
            .filter(|(_, r)| r.values.has(gap) && same_place(w, r, places))
            .map(|(i, r)| Candidate {
                record: i,
                value: r.values.get(gap).to_lowercase(),
                fullness: 1,
                rec: r,
            })
            .collect();
        if let Some(d) = pick(&donors, rules, priorities)
            && let Some(slot) = out.iter_mut().find(|(f, _, _)| *f == gap)
        {
            *slot = (gap, d.record, d.rec.values.get(gap).to_string());
        }
    }
    out
}

/// The record's town, under its canonical name when the country's table knows it.
fn town_of(rec: &Record, places: Option<&AddressRules>) -> String {
    let written = rec.values.get(Field::Locality);
    let country = rec
        .country
        .or_else(|| Country::new(rec.values.get(Field::Country)));
    places
        .and_then(|p| p.canonical_locality(country, written))
        .unwrap_or(written)
        .to_string()
}

/// Whether `b` is at `a`'s place (see the module comment).
fn same_place(a: &Record, b: &Record, places: Option<&AddressRules>) -> bool {
    let differ = |f: Field, norm: &dyn Fn(&str) -> String| {
        let (x, y) = (a.values.get(f), b.values.get(f));
        !x.is_empty() && !y.is_empty() && norm(x) != norm(y)
    };
    let compact = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    if differ(Field::Country, &|s| s.to_ascii_uppercase()) || differ(Field::PostalCode, &compact) {
        return false;
    }
    let (ta, tb) = (
        latin_key(&town_of(a, places)),
        latin_key(&town_of(b, places)),
    );
    let towns_agree = !ta.is_empty() && ta == tb;
    if !ta.is_empty() && !tb.is_empty() && !towns_agree {
        return false;
    }
    let (sa, sb) = (street(a), street(b));
    let streets_agree = match (&sa, &sb) {
        (Some(x), Some(y)) => {
            if !same_street(x, y) {
                return false;
            }
            true
        }
        _ => false,
    };
    towns_agree || streets_agree
}

/// A street line as its number tokens and its words of four letters or more, in Latin letters.
struct Street {
    numbers: Vec<String>,
    words: Vec<String>,
}

fn street(rec: &Record) -> Option<Street> {
    let line = format!(
        "{} {}",
        rec.values.get(Field::AddressLine1),
        rec.values.get(Field::AddressLine2)
    );
    let key = latin_key(&line);
    let tokens: Vec<&str> = key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() {
        return None;
    }
    let mut numbers: Vec<String> = tokens
        .iter()
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .map(|t| t.to_string())
        .collect();
    numbers.sort();
    let words = tokens
        .iter()
        .filter(|t| t.chars().all(char::is_alphabetic) && t.chars().count() >= 4)
        .map(|t| t.to_string())
        .collect();
    Some(Street { numbers, words })
}

/// The same street line written two ways: one's numbers all among the other's (a flat number
/// may be missing), and a street word in common.
fn same_street(a: &Street, b: &Street) -> bool {
    let (short, long) = if a.numbers.len() <= b.numbers.len() {
        (a, b)
    } else {
        (b, a)
    };
    short.numbers.iter().all(|n| long.numbers.contains(n))
        && (a.words.is_empty() && b.words.is_empty() || a.words.iter().any(|w| b.words.contains(w)))
}
