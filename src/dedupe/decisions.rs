//! Steward decisions: must-link, cannot-link and customer assignments read from (and written
//! to) a CSV file, honoured over the model on every run.
//!
//! Format (UTF-8 CSV with a header; columns found by name, extra columns ignored):
//! `decision,left_source,left_key,left_row,right_source,right_key,right_row,customer_id,note`.
//! `decision` is `match` (must-link), `non-match` (cannot-link) or `assign` (pin the left
//! record to `customer_id`; the right side is empty). A record is named by its source (file
//! name as in `xref.csv`) and either its `source_key` (as in `xref.csv`) or its 1-based `row`;
//! the key wins when both are given.

use crate::error::{Error, Result};
use crate::record::Record;
use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

/// What a steward decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DecisionKind {
    /// The two records are the same customer.
    Match,
    /// The two records are different customers, never to be merged, even through others.
    NonMatch,
    /// The record belongs to `customer_id`.
    Assign,
}

impl DecisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Match => "match",
            DecisionKind::NonMatch => "non-match",
            DecisionKind::Assign => "assign",
        }
    }

    fn parse(s: &str) -> Option<DecisionKind> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "match" | "must-link" | "same" => Some(DecisionKind::Match),
            "non-match" | "nonmatch" | "cannot-link" | "different" => Some(DecisionKind::NonMatch),
            "assign" => Some(DecisionKind::Assign),
            _ => None,
        }
    }
}

/// A record named by source and key or row.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct RecordRef {
    pub source: String,
    /// The `source_key` as in `xref.csv`; empty when the row is used.
    pub key: String,
    /// 1-based data row; 0 when unknown.
    pub row: u64,
}

/// One steward decision.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct StewardDecision {
    pub kind: DecisionKind,
    pub left: RecordRef,
    pub right: RecordRef,
    pub customer_id: String,
    pub note: String,
}

/// Every steward decision of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    pub entries: Vec<StewardDecision>,
}

const COLUMNS: [&str; 9] = [
    "decision",
    "left_source",
    "left_key",
    "left_row",
    "right_source",
    "right_key",
    "right_row",
    "customer_id",
    "note",
];

/// Reads a decisions file; an unknown decision or unnamed record is an error naming the row.
pub fn read_decisions(path: &Path) -> Result<Decisions> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::input(format!("cannot read decisions: {e}")).at_path(path))?;
    parse_decisions(text.trim_start_matches('\u{feff}')).map_err(|e| e.at_path(path))
}

/// Parses decisions CSV text.
pub fn parse_decisions(text: &str) -> Result<Decisions> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::input(format!("decisions: {e}")))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| col(c)).collect();
    if idx.first().copied().flatten().is_none() {
        return Err(Error::input("decisions: no 'decision' column"));
    }
    let mut entries = Vec::new();
    for (n, rec) in reader.records().enumerate() {
        let row = n as u64 + 1;
        let rec = rec.map_err(|e| Error::input(format!("decisions: {e}")).at_row(row))?;
        let cell = |i: usize| {
            idx.get(i)
                .copied()
                .flatten()
                .and_then(|p| rec.get(p))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let kind = DecisionKind::parse(&cell(0)).ok_or_else(|| {
            Error::input("decisions: unknown decision; use match, non-match or assign")
                .at_row(row)
                .at_field("decision")
        })?;
        let parse_row = |s: String| s.parse::<u64>().unwrap_or(0);
        let left = RecordRef {
            source: cell(1),
            key: cell(2),
            row: parse_row(cell(3)),
        };
        let right = RecordRef {
            source: cell(4),
            key: cell(5),
            row: parse_row(cell(6)),
        };
        let named = |r: &RecordRef| !r.source.is_empty() && (!r.key.is_empty() || r.row > 0);
        let ok = named(&left)
            && if kind == DecisionKind::Assign {
                !cell(7).is_empty()
            } else {
                named(&right)
            };
        if !ok {
            return Err(Error::input("decisions: each decision needs source and key (or row) for its records, and assign a customer_id").at_row(row));
        }
        entries.push(StewardDecision {
            kind,
            left,
            right,
            customer_id: cell(7),
            note: cell(8),
        });
    }
    Ok(Decisions { entries })
}

/// Writes decisions in the format [`read_decisions`] reads.
pub fn write_decisions<W: std::io::Write>(decisions: &Decisions, out: W) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let io = |e: csv::Error| Error::input(format!("cannot write decisions: {e}"));
    w.write_record(COLUMNS).map_err(io)?;
    for d in &decisions.entries {
        let row = |r: u64| if r == 0 { String::new() } else { r.to_string() };
        w.write_record([
            d.kind.as_str(),
            &d.left.source,
            &d.left.key,
            &row(d.left.row),
            &d.right.source,
            &d.right.key,
            &row(d.right.row),
            &d.customer_id,
            &d.note,
        ])
        .map_err(io)?;
    }
    w.flush()
        .map_err(|e| Error::input(format!("cannot write decisions: {e}")))?;
    Ok(())
}

/// Decisions resolved to record indices.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    pub must_link: Vec<(usize, usize)>,
    pub cannot_link: Vec<(usize, usize)>,
    /// (record, customer_id), sorted.
    pub assign: Vec<(usize, String)>,
    /// Decisions naming no known record.
    pub unresolved: Vec<StewardDecision>,
}

/// Resolves decisions against this run's records (`source_names[rec.source]`, `source_keys[i]`).
pub fn resolve(
    decisions: &Decisions,
    records: &[Record],
    source_names: &[String],
    source_keys: &[String],
) -> Resolved {
    // Only the records the decisions name are indexed: a map of every record's key cost
    // hundreds of megabytes at a million rows.
    let mut by_key: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
    let mut by_row: HashMap<(&str, u64), Vec<usize>> = HashMap::default();
    for r in decisions.entries.iter().flat_map(|d| [&d.left, &d.right]) {
        if !r.key.is_empty() {
            by_key.insert((r.source.as_str(), r.key.as_str()), Vec::new());
        }
        by_row.insert((r.source.as_str(), r.row), Vec::new());
    }
    if !decisions.entries.is_empty() {
        for (i, r) in records.iter().enumerate() {
            let src = source_names
                .get(r.source as usize)
                .map(String::as_str)
                .unwrap_or("");
            if let Some(k) = source_keys.get(i).filter(|k| !k.is_empty())
                && let Some(hits) = by_key.get_mut(&(src, k.as_str()))
            {
                hits.push(i);
            }
            if let Some(hits) = by_row.get_mut(&(src, r.row)) {
                hits.push(i);
            }
        }
    }
    let find = |r: &RecordRef| -> Vec<usize> {
        if !r.key.is_empty()
            && let Some(v) = by_key
                .get(&(r.source.as_str(), r.key.as_str()))
                .filter(|v| !v.is_empty())
        {
            return v.clone();
        }
        by_row
            .get(&(r.source.as_str(), r.row))
            .cloned()
            .unwrap_or_default()
    };
    let mut out = Resolved::default();
    for d in &decisions.entries {
        let left = find(&d.left);
        let right = if d.kind == DecisionKind::Assign {
            vec![]
        } else {
            find(&d.right)
        };
        if left.is_empty() || (d.kind != DecisionKind::Assign && right.is_empty()) {
            out.unresolved.push(d.clone());
            continue;
        }
        for &a in &left {
            match d.kind {
                DecisionKind::Assign => out.assign.push((a, d.customer_id.clone())),
                DecisionKind::Match => out.must_link.extend(
                    right
                        .iter()
                        .filter(|&&b| b != a)
                        .map(|&b| (a.min(b), a.max(b))),
                ),
                DecisionKind::NonMatch => out.cannot_link.extend(
                    right
                        .iter()
                        .filter(|&&b| b != a)
                        .map(|&b| (a.min(b), a.max(b))),
                ),
            }
        }
    }
    out.must_link.sort_unstable();
    out.must_link.dedup();
    out.cannot_link.sort_unstable();
    out.cannot_link.dedup();
    out.assign.sort();
    out.assign.dedup_by_key(|x| x.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_accepts_rows() {
        let text = "decision,left_source,left_key,right_source,right_key,customer_id,note\n\
                    match,crm.csv,C-17,shop.xlsx#Sheet1,991,,same person per phone call\n\
                    cannot-link,crm.csv,C-18,crm.csv,C-19,,twins\n";
        let d = parse_decisions(text).unwrap();
        assert_eq!(d.entries.len(), 2);
        assert_eq!(d.entries[1].kind, DecisionKind::NonMatch);
        let mut buf = Vec::new();
        write_decisions(&d, &mut buf).unwrap();
        assert_eq!(
            parse_decisions(std::str::from_utf8(&buf).unwrap()).unwrap(),
            d
        );
        let rows = "decision,left_source,left_row,customer_id\nassign,a.csv,3,C0000000001\n";
        let d = parse_decisions(rows).unwrap();
        assert_eq!(d.entries[0].left.row, 3);
    }

    #[test]
    fn bad_decisions_name_the_row() {
        let err =
            parse_decisions("decision,left_source,left_key\nOlena Koval,a.csv,1\n").unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("row 1") && text.contains("field decision"),
            "{text}"
        );
        assert!(!text.contains("Olena"), "the cell is quoted: {text}");
        assert!(parse_decisions("decision,left_source,left_key\nassign,a.csv,1\n").is_err());
    }

    #[test]
    fn resolves_by_key_and_row() {
        let mut records = vec![Record::default(), Record::default()];
        records[0].row = 1;
        records[1].row = 2;
        records[1].source = 1;
        let names = vec!["a.csv".to_string(), "b.csv".to_string()];
        let keys = vec!["K1".to_string(), "".to_string()];
        let d = parse_decisions("decision,left_source,left_key,right_source,right_row\nmatch,a.csv,K1,b.csv,2\nmatch,a.csv,NOPE,b.csv,2\n").unwrap();
        let r = resolve(&d, &records, &names, &keys);
        assert_eq!(r.must_link, vec![(0, 1)]);
        assert_eq!(r.unresolved.len(), 1);
    }
}
