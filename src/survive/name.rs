//! The person's name as one block (salutation, given, middle, family, full) from one record, in one script, with the best name in another script beside it.

use super::rules::{Candidate, Rule, pick};
use super::script::{NameScript, Script, script_of};
use crate::fields::NAME_BLOCK;
use crate::record::{Field, Record};
use std::collections::BTreeMap;

/// The parts that make a record's name (a salutation alone is none).
const PARTS: [Field; 4] = [
    Field::GivenName,
    Field::MiddleName,
    Field::FamilyName,
    Field::FullName,
];

/// The surviving name: its record, its full name (the record's own when it holds the given
/// and family name, else composed of them) and the best full name in another script.
#[derive(Debug, Default)]
pub struct NameChoice {
    pub winner: Option<usize>,
    pub full_name: String,
    pub alt: String,
}

/// Picks the name block: first the script (`prefer`, else the one most members write the
/// name in, a tie going to the name the rules rank first), then the member within it.
pub fn choose(
    records: &[Record],
    members: &[usize],
    rules: &[Rule],
    prefer: NameScript,
    priorities: &[i32],
) -> NameChoice {
    let cands: Vec<(Script, Candidate)> = members
        .iter()
        .filter_map(|&i| {
            let rec = records.get(i)?;
            let script = script_of(PARTS.iter().map(|&f| rec.values.get(f)))?;
            let key = [Field::GivenName, Field::FamilyName, Field::FullName]
                .map(|f| rec.values.get(f).to_lowercase())
                .join("\u{1f}");
            let fullness = NAME_BLOCK.iter().filter(|&&f| rec.values.has(f)).count();
            Some((
                script,
                Candidate {
                    record: i,
                    value: key,
                    fullness,
                    rec,
                },
            ))
        })
        .collect();
    let Some(script) = block_script(&cands, rules, prefer, priorities) else {
        return NameChoice::default();
    };
    let (own, other): (Vec<_>, Vec<_>) = cands.into_iter().partition(|(s, _)| *s == script);
    let own: Vec<Candidate> = own.into_iter().map(|(_, c)| c).collect();
    let other: Vec<Candidate> = other.into_iter().map(|(_, c)| c).collect();
    let Some(won) = pick(&own, rules, priorities) else {
        return NameChoice::default();
    };
    NameChoice {
        winner: Some(won.record),
        full_name: coherent_full_name(won.rec),
        alt: pick(&other, rules, priorities)
            .map(|c| coherent_full_name(c.rec))
            .unwrap_or_default(),
    }
}

/// The script the golden name is written in.
fn block_script(
    cands: &[(Script, Candidate)],
    rules: &[Rule],
    prefer: NameScript,
    priorities: &[i32],
) -> Option<Script> {
    let preferred: Vec<Script> = cands
        .iter()
        .map(|(s, _)| *s)
        .filter(|&s| prefer.prefers(s) == Some(true))
        .collect();
    let mut counts: BTreeMap<Script, usize> = BTreeMap::new();
    for (s, _) in cands {
        if preferred.is_empty() || preferred.contains(s) {
            *counts.entry(*s).or_insert(0) += 1;
        }
    }
    let most = counts.values().copied().max()?;
    let tied: Vec<Script> = counts
        .into_iter()
        .filter(|&(_, n)| n == most)
        .map(|(s, _)| s)
        .collect();
    if let [only] = tied.as_slice() {
        return Some(*only);
    }
    let among: Vec<&(Script, Candidate)> = cands.iter().filter(|(s, _)| tied.contains(s)).collect();
    let flat: Vec<Candidate> = among.iter().map(|(_, c)| c.clone()).collect();
    let best = pick(&flat, rules, priorities)?;
    among
        .iter()
        .find(|(_, c)| c.record == best.record)
        .map(|(s, _)| *s)
}

/// The record's full name when it holds its given and family name (or when it has nothing
/// else); else the name composed of its parts in the order Steward writes names
/// (given, middle, family).
pub fn coherent_full_name(rec: &Record) -> String {
    let full = rec.values.get(Field::FullName);
    let parts: Vec<&str> = [Field::GivenName, Field::MiddleName, Field::FamilyName]
        .iter()
        .map(|&f| rec.values.get(f))
        .filter(|v| !v.is_empty())
        .collect();
    if parts.is_empty() || holds_parts(full, rec) {
        return full.to_string();
    }
    parts.join(" ")
}

/// Whether every word of the given and family name is a word of `full`.
fn holds_parts(full: &str, rec: &Record) -> bool {
    let words: Vec<String> = words(full);
    if words.is_empty() {
        return false;
    }
    [Field::GivenName, Field::FamilyName]
        .iter()
        .flat_map(|&f| self::words(rec.values.get(f)))
        .all(|w| words.contains(&w))
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
