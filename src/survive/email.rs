//! The surviving e-mail: misspellings of one address grouped, the spelling members agree on kept, then agreement and recency across addresses.
//!
//! Two addresses are spellings of one when they differ by at most two edits (a transposed,
//! doubled, dropped or wrong letter) in the local part at one domain, or in the domain for one
//! local part. Within such a group the spelling survives that normalisation did not flag as a
//! likely typo (`email.domain_typo`), then the one more records carry, then the one whose
//! local part spells more of the members' given and family names (`ruppersberger` over
//! `ruppersebrger` when a member is called Ruppersberger), then the one more of whose words
//! are such names (`marianna.nurek` over `mariann.anurek`). Across groups the rules decide, a
//! group counting all its spellings' records as agreement.

use super::rules::{Candidate, Rule, pick};
use crate::record::{Field, Record};
use rustc_hash::{FxHashMap, FxHashSet as HashSet};

/// The finding code normalisation gives an address whose domain looks mistyped.
const TYPO_CODE: &str = "email.domain_typo";

/// The e-mails of `records` that normalisation flagged as likely typos and left as written:
/// (record, lower-case address), from the findings at the record's row.
pub fn flagged(
    records: &[Record],
    source_names: &[String],
    findings: &[crate::finding::Finding],
) -> HashSet<(usize, String)> {
    let mut meant: rustc_hash::FxHashMap<(&str, u64), Vec<String>> = Default::default();
    for f in findings.iter().filter(|f| f.code == TYPO_CODE) {
        meant
            .entry((f.source.as_str(), f.row))
            .or_default()
            .push(f.suggestion.to_lowercase());
    }
    let mut out = HashSet::default();
    if meant.is_empty() {
        return out;
    }
    for (i, rec) in records.iter().enumerate() {
        let name = source_names
            .get(rec.source as usize)
            .map_or("", String::as_str);
        let Some(suggestions) = meant.get(&(name, rec.row)) else {
            continue;
        };
        for f in [Field::Email, Field::EmailAlt] {
            let v = rec.values.get(f).to_lowercase();
            let local = v.rsplit_once('@').map(|(l, _)| l);
            let is_typo = suggestions
                .iter()
                .any(|s| *s != v && s.rsplit_once('@').map(|(l, _)| l) == local);
            if !v.is_empty() && is_typo {
                out.insert((i, v));
            }
        }
    }
    out
}

/// Local parts shorter than this are too short to call one a misspelling of another
/// (`ab@x.com`, `ac@x.com` are two people).
const MIN_LOCAL: usize = 5;

/// The member whose e-mail survives.
pub fn choose(
    records: &[Record],
    members: &[usize],
    rules: &[Rule],
    priorities: &[i32],
    suspects: Option<&HashSet<(usize, String)>>,
) -> Option<usize> {
    let cands: Vec<(usize, &Record, String)> = members
        .iter()
        .filter_map(|&i| {
            let rec = records.get(i)?;
            let v = rec.values.get(Field::Email);
            (!v.is_empty()).then(|| (i, rec, v.to_lowercase()))
        })
        .collect();
    let group = groups(&cands);
    let names = member_names(records, members);
    let mut per_value: FxHashMap<&str, (usize, (usize, usize))> = FxHashMap::default();
    for (_, _, v) in &cands {
        per_value
            .entry(v.as_str())
            .or_insert_with(|| (0, name_hits(v, &names)))
            .0 += 1;
    }
    let flagged = |i: usize, v: &str| suspects.is_some_and(|s| s.contains(&(i, v.to_string())));
    let rank: Vec<(bool, usize, (usize, usize))> = cands
        .iter()
        .map(|(i, _, v)| {
            let (count, hits) = per_value.get(v.as_str()).copied().unwrap_or_default();
            (!flagged(*i, v), count, hits)
        })
        .collect();
    let mut in_group: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (k, &g) in group.iter().enumerate() {
        in_group.entry(g).or_default().push(k);
    }
    // The best spelling of each group, and whether it is unflagged.
    let mut best: FxHashMap<usize, (usize, bool)> = FxHashMap::default();
    for (&g, ks) in &in_group {
        let Some(top) = ks.iter().map(|&k| rank[k]).max() else {
            continue;
        };
        let finalists: Vec<Candidate> = ks
            .iter()
            .filter(|&&k| rank[k] == top)
            .map(|&k| candidate(&cands[k], String::new()))
            .collect();
        if let Some(c) = pick(&finalists, rules, priorities) {
            best.insert(g, (c.record, top.0));
        }
    }
    let valid = |g: usize| best.get(&g).is_some_and(|b| b.1);
    let any_valid = group.iter().any(|&g| valid(g));
    let across: Vec<Candidate> = cands
        .iter()
        .enumerate()
        .filter(|(k, _)| !any_valid || valid(group[*k]))
        .map(|(k, c)| candidate(c, format!("g{}", group[k])))
        .collect();
    let won = pick(&across, rules, priorities)?;
    let k = cands.iter().position(|(i, _, _)| *i == won.record)?;
    best.get(&group[k]).map(|b| b.0)
}

fn candidate<'a>((i, rec, v): &(usize, &'a Record, String), group: String) -> Candidate<'a> {
    Candidate {
        record: *i,
        value: if group.is_empty() { v.clone() } else { group },
        fullness: v.chars().count(),
        rec,
    }
}

/// Above this many distinct addresses in one customer, only identical spellings are grouped
/// (the pairwise comparison would be quadratic, and a real customer has a handful).
const MAX_COMPARED: usize = 64;

/// For each candidate, the smallest index of a candidate it is (through others) a spelling
/// of. Distinct addresses are compared pairwise, so a cluster of many copies of one address
/// costs one comparison per copy.
fn groups(cands: &[(usize, &Record, String)]) -> Vec<usize> {
    let mut first: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for (k, (_, _, v)) in cands.iter().enumerate() {
        first.entry(v.as_str()).or_insert(k);
    }
    let mut distinct: Vec<usize> = first.values().copied().collect();
    distinct.sort_unstable();
    // Union-find over the distinct addresses' first candidates.
    let mut parent: Vec<usize> = (0..cands.len()).collect();
    fn root(parent: &mut [usize], mut k: usize) -> usize {
        while parent[k] != k {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        k
    }
    let compared = if distinct.len() <= MAX_COMPARED {
        distinct.as_slice()
    } else {
        &[]
    };
    for (n, &a) in compared.iter().enumerate() {
        for &b in &compared[..n] {
            if same_address(&cands[a].2, &cands[b].2) {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    cands
        .iter()
        .map(|(_, _, v)| {
            let k = first.get(v.as_str()).copied().unwrap_or(0);
            root(&mut parent, k)
        })
        .collect()
}

/// Whether two lower-case addresses are one mailbox spelled two ways (or the same).
pub fn same_address(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (Some((la, da)), Some((lb, db))) = (a.rsplit_once('@'), b.rsplit_once('@')) else {
        return false;
    };
    if la.chars().count() < MIN_LOCAL || lb.chars().count() < MIN_LOCAL {
        return false;
    }
    (da == db && within_two_edits(la, lb)) || (la == lb && within_two_edits(da, db))
}

/// Whether `v` should not be the alternate e-mail of a customer whose e-mail is `chosen`:
/// a spelling of the same address, or one flagged as a likely typo.
pub fn is_variant_or_suspect(
    v: &str,
    chosen: &str,
    record: usize,
    suspects: Option<&HashSet<(usize, String)>>,
) -> bool {
    let v = v.to_lowercase();
    suspects.is_some_and(|s| s.contains(&(record, v.clone())))
        || (!chosen.is_empty() && same_address(&v, &chosen.to_lowercase()))
}

/// How many of the members' given and family name keys (Latin, three letters or more) the
/// address's local part spells, and how many of its words (between dots, dashes,
/// underscores, digits) are one (`marianna.nurek` over `mariann.anurek`).
fn name_hits(address: &str, names: &[&str]) -> (usize, usize) {
    let raw_local = address.rsplit_once('@').map_or(address, |(l, _)| l);
    let local: String = raw_local
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let tokens: Vec<&str> = raw_local
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|t| !t.is_empty())
        .collect();
    let spelt = names.iter().filter(|k| local.contains(**k)).count();
    let words = tokens.iter().filter(|t| names.contains(t)).count();
    (spelt, words)
}

/// The members' distinct given and family name keys (Latin, three letters or more).
fn member_names<'r>(records: &'r [Record], members: &[usize]) -> Vec<&'r str> {
    let mut names: Vec<&str> = members
        .iter()
        .filter_map(|&i| records.get(i))
        .flat_map(|r| [r.keys.given(), r.keys.family()])
        .flat_map(str::split_whitespace)
        .filter(|k| k.len() >= 3)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Optimal-string-alignment distance of at most two (a transposition is one edit).
fn within_two_edits(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()] <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_address() {
        assert!(same_address(
            "ferdinand.ruppersebrger@posteo.de",
            "ferdinand.ruppersberger@posteo.de"
        ));
        assert!(same_address(
            "clifford.smith68@gmial.com",
            "clifford.smith68@gmail.com"
        ));
        assert!(!same_address("ann.smith@gmail.com", "ann.smith@yahoo.com"));
        assert!(!same_address("ab@x.com", "ac@x.com"));
        assert!(!same_address("john.smith@x.com", "mary.jones@x.com"));
    }
}
