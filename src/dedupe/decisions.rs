//! Steward decisions: must-link, cannot-link, customer assignments, rows taken out of their
//! customer and chosen golden values, read from (and written to) a CSV file, honoured over
//! the model and survivorship on every run.
//!
//! Format (UTF-8 CSV with a header; columns found by name, extra columns ignored):
//! `decision,left_source,left_key,left_row,right_source,right_key,right_row,customer_id,field,value,note`.
//! `decision` is `match` (must-link), `non-match` (cannot-link), `assign` (pin the left
//! record to `customer_id`; the right side is empty), `split` (the left record is a customer
//! of its own: the model links it to nothing, only a steward's `match` can) or `value` (the
//! golden record `customer_id` takes `value` for `field`, whatever survivorship would choose;
//! no record named). A record is named by its source (file name as in `xref.csv`) and either
//! its `source_key` (as in `xref.csv`) or its 1-based `row`; the key wins when both are given.

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
    /// The record is a customer of its own.
    Split,
    /// The golden record `customer_id` takes `value` for `field`.
    Value,
}

impl DecisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Match => "match",
            DecisionKind::NonMatch => "non-match",
            DecisionKind::Assign => "assign",
            DecisionKind::Split => "split",
            DecisionKind::Value => "value",
        }
    }

    fn parse(s: &str) -> Option<DecisionKind> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "match" | "must-link" | "same" => Some(DecisionKind::Match),
            "non-match" | "nonmatch" | "cannot-link" | "different" => Some(DecisionKind::NonMatch),
            "assign" => Some(DecisionKind::Assign),
            "split" | "take-out" | "separate" => Some(DecisionKind::Split),
            "value" | "set-value" => Some(DecisionKind::Value),
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
    /// 1-based data row of the decisions file (header excluded); 0 when not read from one.
    pub line: u64,
    pub kind: DecisionKind,
    pub left: RecordRef,
    pub right: RecordRef,
    pub customer_id: String,
    /// The golden field a `value` decision sets (a canonical field name as in `golden.csv`).
    pub field: String,
    /// The value a `value` decision chooses (empty: the field is left empty).
    pub value: String,
    pub note: String,
}

/// Every steward decision of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    pub entries: Vec<StewardDecision>,
}

const COLUMNS: [&str; 11] = [
    "decision",
    "left_source",
    "left_key",
    "left_row",
    "right_source",
    "right_key",
    "right_row",
    "customer_id",
    "field",
    "value",
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
            Error::input(
                "decisions: unknown decision; use match, non-match, assign, split or value",
            )
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
        let ok = match kind {
            DecisionKind::Assign => named(&left) && !cell(7).is_empty(),
            DecisionKind::Split => named(&left),
            DecisionKind::Value => !cell(7).is_empty() && !cell(8).is_empty(),
            DecisionKind::Match | DecisionKind::NonMatch => named(&left) && named(&right),
        };
        if !ok {
            return Err(Error::input("decisions: each decision needs source and key (or row) for its records, assign a customer_id, and value a customer_id and field").at_row(row));
        }
        entries.push(StewardDecision {
            line: row,
            kind,
            left,
            right,
            customer_id: cell(7),
            field: cell(8),
            // Written spreadsheet-safe (`'=…`) by the report and the output set: read back as
            // the value the steward chose.
            value: without_safety_quote(cell(9)),
            note: without_safety_quote(cell(10)),
        });
    }
    Ok(Decisions { entries })
}

/// Writes decisions in the format [`read_decisions`] reads, spreadsheet-safe.
pub fn write_decisions<W: std::io::Write>(decisions: &Decisions, out: W) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let io = |e: csv::Error| Error::input(format!("cannot write decisions: {e}"));
    w.write_record(COLUMNS).map_err(io)?;
    for d in &decisions.entries {
        let row = |r: u64| if r == 0 { String::new() } else { r.to_string() };
        let (left_row, right_row) = (row(d.left.row), row(d.right.row));
        let cells = [
            d.kind.as_str(),
            &d.left.source,
            &d.left.key,
            &left_row,
            &d.right.source,
            &d.right.key,
            &right_row,
            &d.customer_id,
            &d.field,
            &d.value,
            &d.note,
        ];
        // Spreadsheet-safe like every CSV output; read back with or without the `'`.
        w.write_record(cells.map(|c| crate::spreadsheet::spreadsheet_safe(c).into_owned()))
            .map_err(io)?;
    }
    w.flush()
        .map_err(|e| Error::input(format!("cannot write decisions: {e}")))?;
    Ok(())
}

/// Why a decision was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotApplied {
    /// It names a record that is not in this run.
    NotInRun,
    /// Both of its sides name the same record.
    SameRecord,
    /// The record was already assigned to another customer by the decision on `first_line`.
    SecondAssignment { first_line: u64 },
}

/// How a run's decisions fared, for the closing summary and `run.json`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DecisionCounts {
    /// Decisions read from the file.
    pub read: usize,
    /// Decisions naming a record not in this run, or one record on both sides.
    pub unresolved: usize,
    /// Decisions (or the links they make) contradicted by another decision and not applied.
    pub conflicting: usize,
}

/// Decisions resolved to record indices.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    pub must_link: Vec<(usize, usize)>,
    pub cannot_link: Vec<(usize, usize)>,
    /// (record, customer_id), sorted; one per record (the first in the file).
    pub assign: Vec<(usize, String)>,
    /// Records taken out of their customer (`split`), sorted.
    pub split: Vec<usize>,
    /// Decisions not applied, why, and the record they name when it is in the run.
    pub not_applied: Vec<(StewardDecision, NotApplied, Option<usize>)>,
    /// The decisions-file row of each must-link, for messages.
    pub link_lines: HashMap<(usize, usize), u64>,
}

impl Resolved {
    /// Decisions not applied for want of a record (`NotInRun`, `SameRecord`) and for a
    /// contradiction (`SecondAssignment`).
    pub fn counts(&self, read: usize, refused_links: usize) -> DecisionCounts {
        let conflicting = self
            .not_applied
            .iter()
            .filter(|(_, why, _)| matches!(why, NotApplied::SecondAssignment { .. }))
            .count();
        DecisionCounts {
            read,
            unresolved: self.not_applied.len() - conflicting,
            conflicting: conflicting + refused_links,
        }
    }
}

/// Resolves decisions against this run's records (`source_names[rec.source]`, `source_keys[i]`).
/// A key may carry the leading `'` that spreadsheet-safe outputs put before a formula-like
/// cell (`'=A1` as copied from `xref.csv`). An `assign` to the ID of a customer of this run
/// joins that customer (a must-link to the member its ID derives from) rather than renaming it.
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
        for source in as_written(&r.source) {
            for key in as_written(&r.key).filter(|k| !k.is_empty()) {
                by_key.insert((source, key), Vec::new());
            }
            by_row.insert((source, r.row), Vec::new());
        }
    }
    let mut owners: HashMap<&str, Vec<usize>> = decisions
        .entries
        .iter()
        .filter(|d| d.kind == DecisionKind::Assign)
        .map(|d| (d.customer_id.as_str(), Vec::new()))
        .collect();
    if !decisions.entries.is_empty() {
        for (i, r) in records.iter().enumerate() {
            let src = source_names
                .get(r.source as usize)
                .map(String::as_str)
                .unwrap_or("");
            let key = source_keys.get(i).map(String::as_str).unwrap_or("");
            if !key.is_empty()
                && let Some(hits) = by_key.get_mut(&(src, key))
            {
                hits.push(i);
            }
            if let Some(hits) = by_row.get_mut(&(src, r.row)) {
                hits.push(i);
            }
            if !owners.is_empty()
                && let Some(owner) = owners.get_mut(crate::survive::content_id(src, key).as_str())
            {
                owner.push(i);
            }
        }
    }
    let find = |r: &RecordRef| -> Vec<usize> {
        for source in as_written(&r.source) {
            for key in as_written(&r.key).filter(|k| !k.is_empty()) {
                if let Some(v) = by_key.get(&(source, key)).filter(|v| !v.is_empty()) {
                    return v.clone();
                }
            }
        }
        as_written(&r.source)
            .find_map(|source| by_row.get(&(source, r.row)).filter(|v| !v.is_empty()))
            .cloned()
            .unwrap_or_default()
    };
    let mut out = Resolved::default();
    let mut assigned: HashMap<usize, (&str, u64)> = HashMap::default();
    for d in decisions
        .entries
        .iter()
        .filter(|d| d.kind != DecisionKind::Value)
    {
        let left = find(&d.left);
        let right = if matches!(d.kind, DecisionKind::Assign | DecisionKind::Split) {
            vec![]
        } else {
            find(&d.right)
        };
        let one_sided = matches!(d.kind, DecisionKind::Assign | DecisionKind::Split);
        if left.is_empty() || (!one_sided && right.is_empty()) {
            out.not_applied
                .push((d.clone(), NotApplied::NotInRun, None));
            continue;
        }
        if let Some(&same) = left.iter().find(|a| right.contains(a)) {
            out.not_applied
                .push((d.clone(), NotApplied::SameRecord, Some(same)));
            continue;
        }
        for &a in &left {
            match d.kind {
                DecisionKind::Assign => {
                    let id = d.customer_id.as_str();
                    match assigned.get(&a) {
                        Some(&(first, _)) if first == id => {}
                        Some(&(_, first_line)) => out.not_applied.push((
                            d.clone(),
                            NotApplied::SecondAssignment { first_line },
                            Some(a),
                        )),
                        None => {
                            assigned.insert(a, (id, d.line));
                            out.assign.push((a, d.customer_id.clone()));
                            for &b in owners.get(id).into_iter().flatten() {
                                if b != a {
                                    let link = (a.min(b), a.max(b));
                                    out.must_link.push(link);
                                    out.link_lines.entry(link).or_insert(d.line);
                                }
                            }
                        }
                    }
                }
                DecisionKind::Match => {
                    for &b in &right {
                        let link = (a.min(b), a.max(b));
                        out.must_link.push(link);
                        out.link_lines.entry(link).or_insert(d.line);
                    }
                }
                DecisionKind::NonMatch => out
                    .cannot_link
                    .extend(right.iter().map(|&b| (a.min(b), a.max(b)))),
                DecisionKind::Split => out.split.push(a),
                DecisionKind::Value => {}
            }
        }
    }
    out.must_link.sort_unstable();
    out.must_link.dedup();
    out.cannot_link.sort_unstable();
    out.cannot_link.dedup();
    out.assign.sort();
    out.split.sort_unstable();
    out.split.dedup();
    out
}

/// `text` without the `'` a spreadsheet-safe writer put before a formula-like value.
fn without_safety_quote(text: String) -> String {
    match crate::spreadsheet::unneutralised(&text) {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// A name or key as the decisions file gives it, then without the `'` a spreadsheet-safe
/// output put before it (`'=A1` as copied from `xref.csv` names the key `=A1`).
fn as_written(text: &str) -> impl Iterator<Item = &str> {
    std::iter::once(text).chain(crate::spreadsheet::unneutralised(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_written_spreadsheet_safe_reads_back_as_chosen() {
        let d = parse_decisions(
            "decision,customer_id,field,value,note\n\
             value,C1,notes,'=1+1,'-see above\n\
             value,C1,job_title,'Ops lead,\n",
        )
        .expect("decisions");
        assert_eq!(d.entries[0].value, "=1+1");
        assert_eq!(d.entries[0].note, "-see above");
        assert_eq!(
            d.entries[1].value, "'Ops lead",
            "an apostrophe of the value's own stays"
        );
    }

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
        assert_eq!(r.not_applied.len(), 1);
        assert_eq!(r.not_applied[0].1, NotApplied::NotInRun);
    }

    /// Three records of `a.csv`, keyed `K1`, `=K2` (a formula-like key) and `K3`.
    fn three() -> (Vec<Record>, Vec<String>, Vec<String>) {
        let records = (1..=3)
            .map(|row| Record {
                row,
                ..Record::default()
            })
            .collect();
        let names = vec!["a.csv".to_string()];
        let keys = ["K1", "=K2", "K3"].map(String::from).to_vec();
        (records, names, keys)
    }

    #[test]
    fn a_second_assignment_of_a_row_is_a_conflict_and_the_first_stands() {
        let (records, names, keys) = three();
        let d = parse_decisions(
            "decision,left_source,left_key,customer_id\nassign,a.csv,K1,ACME-1\nassign,a.csv,K1,ACME-2\nassign,a.csv,K1,ACME-1\n",
        )
        .unwrap();
        let r = resolve(&d, &records, &names, &keys);
        assert_eq!(r.assign, vec![(0, "ACME-1".to_string())]);
        assert_eq!(
            r.not_applied
                .iter()
                .map(|(d, why, at)| (d.line, why.clone(), *at))
                .collect::<Vec<_>>(),
            vec![(2, NotApplied::SecondAssignment { first_line: 1 }, Some(0))]
        );
        assert_eq!(r.counts(3, 0).conflicting, 1);
    }

    #[test]
    fn a_decision_naming_one_record_twice_is_unresolved() {
        let (records, names, keys) = three();
        let d = parse_decisions(
            "decision,left_source,left_key,left_row,right_source,right_key,right_row\nnon-match,a.csv,K1,,a.csv,,1\nmatch,a.csv,K3,,a.csv,K3,\n",
        )
        .unwrap();
        let r = resolve(&d, &records, &names, &keys);
        assert!(r.cannot_link.is_empty() && r.must_link.is_empty());
        assert!(
            r.not_applied
                .iter()
                .all(|(_, why, _)| *why == NotApplied::SameRecord)
        );
        assert_eq!(r.counts(2, 0).unresolved, 2);
    }

    #[test]
    fn assigning_to_an_existing_customer_joins_it() {
        let (records, names, keys) = three();
        let existing = crate::survive::content_id("a.csv", "K3");
        let text =
            format!("decision,left_source,left_key,customer_id\nassign,a.csv,K1,{existing}\n");
        let r = resolve(&parse_decisions(&text).unwrap(), &records, &names, &keys);
        assert_eq!(r.assign, vec![(0, existing)]);
        assert_eq!(r.must_link, vec![(0, 2)], "K1 joins the customer of K3");
    }

    #[test]
    fn a_key_copied_from_xref_with_its_neutralising_quote_resolves() {
        let (records, names, keys) = three();
        let d = parse_decisions(
            "decision,left_source,left_key,right_source,right_key\nmatch,a.csv,K1,a.csv,'=K2\n",
        )
        .unwrap();
        let r = resolve(&d, &records, &names, &keys);
        assert_eq!(r.must_link, vec![(0, 1)]);
        assert!(r.not_applied.is_empty());
    }
}
