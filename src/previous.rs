//! An earlier run's outputs (`--previous OLD`): customers keep their IDs from one run to the
//! next, and `changes.csv` says what happened to each.
//!
//! OLD is an output folder Steward wrote: its `run.json` (tool `steward`), `xref.csv` (every
//! row's `source`, `source_key` and `customer_id`) and `golden.csv`. Rows are matched by
//! source and `source_key`, so a source with its own ID column carries its customers across
//! re-exports; a content-hash key follows a row as long as its content does not change.
//!
//! The rule for IDs, applied to every customer of this run that no steward `assign` pinned:
//! each old ID goes to the new customer holding most of its rows (ties: the ID a new customer
//! would derive, smallest first), one old ID per new customer, the pairs with most rows
//! first. A customer that gets an old ID keeps it; one that gets none takes its derived ID.
//! So when two customers merge, the one with more rows keeps its ID (the other is reported
//! as merged into it); when one splits, the larger part keeps it.

use crate::error::{Error, Result};
use crate::record::Field;
use crate::survive::Golden;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;
use std::path::Path;

/// The files of an output set a later run reads as its previous state.
pub const STATE_FILES: [&str; 3] = ["decisions.csv", "golden.csv", "xref.csv"];

/// The version of what `run.json` `state` promises about those files; a run refuses a
/// previous set of another version rather than misread it.
pub const STATE_FORMAT: u64 = 1;

/// Checks `run.json`'s `state`: its format is one this build reads, and each listed file is
/// still as written (SHA-256). A set from before states were recorded has none and is read
/// as it is.
fn check_state(dir: &Path, run: &serde_json::Value, refuse: &dyn Fn(&str) -> Error) -> Result<()> {
    let state = &run["state"];
    if state.is_null() {
        return Ok(());
    }
    match state["format"].as_u64() {
        Some(STATE_FORMAT) => {}
        Some(other) => {
            return Err(refuse(&format!(
                "its state is format {other}, this steward reads format {STATE_FORMAT} \
                 (written by steward {}); run the earlier inputs again with this version",
                run["version"].as_str().unwrap_or("?")
            )));
        }
        None => return Err(refuse("its run.json has an unreadable state")),
    }
    let files = state["files"].as_object().cloned().unwrap_or_default();
    for name in STATE_FILES {
        let path = dir.join(name);
        match (files.get(name).and_then(|v| v.as_str()), path.is_file()) {
            (Some(expected), true) => {
                let actual = crate::checksum::file_sha256_hex(&path)
                    .map_err(|e| refuse(&format!("cannot read {name}: {e}")))?;
                if actual != expected {
                    return Err(refuse(&format!(
                        "{name} changed after the run wrote it (its SHA-256 is not the one \
                         run.json records); a steward's edits belong in a decisions file \
                         (--decisions), not in the outputs"
                    )));
                }
            }
            (Some(_), false) => return Err(refuse(&format!("{name} is missing"))),
            (None, true) => {
                return Err(refuse(&format!(
                    "{name} was not written by that run (run.json does not list it)"
                )));
            }
            (None, false) => {}
        }
    }
    Ok(())
}

/// What an earlier run said about its rows and customers.
#[derive(Debug, Default)]
pub struct PreviousRun {
    /// (source, source_key) → customer ID.
    customer_of: HashMap<(String, String), String>,
    /// Customer ID → rows it had.
    rows_of: HashMap<String, usize>,
    /// Customer ID → its golden values by column.
    golden: HashMap<String, HashMap<String, String>>,
}

/// What happened to a customer between two runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    New,
    Unchanged,
    Updated,
    Merged,
    Split,
    Removed,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::New => "new",
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::Updated => "updated",
            ChangeKind::Merged => "merged",
            ChangeKind::Split => "split",
            ChangeKind::Removed => "removed",
        }
    }
}

/// One line of `changes.csv`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    /// The customer in this run (empty for a removed one).
    pub customer_id: String,
    pub change: ChangeKind,
    /// The earlier ID this line is about (merged into `customer_id`, split from it, or gone);
    /// empty for a new customer.
    pub previous_customer_id: String,
    pub rows_added: usize,
    pub rows_removed: usize,
    /// Golden columns whose value changed, `;`-separated.
    pub fields_changed: String,
}

/// Customers per kind of change (`run.json` and the audit's `quality.json` `changes`).
pub fn change_counts(changes: &[Change]) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for c in changes {
        *counts.entry(c.change.as_str()).or_default() += 1;
    }
    counts
}

impl PreviousRun {
    /// Reads the output folder `dir` of an earlier run; an error names what is missing.
    pub fn load(dir: &Path) -> Result<PreviousRun> {
        let refuse = |why: &str| {
            Error::input(format!(
                "--previous: {why}; give the output folder of an earlier steward run"
            ))
            .at_path(dir)
        };
        let run: serde_json::Value = std::fs::read_to_string(dir.join("run.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .ok_or_else(|| refuse("no readable run.json"))?;
        if run["tool"] != "steward" {
            return Err(refuse("its run.json was not written by steward"));
        }
        check_state(dir, &run, &refuse)?;
        let mut prev = PreviousRun::default();
        let xref =
            read_table(&dir.join("xref.csv")).ok_or_else(|| refuse("no readable xref.csv"))?;
        let (Some(s), Some(k), Some(c)) = (
            xref.column("source"),
            xref.column("source_key"),
            xref.column("customer_id"),
        ) else {
            return Err(refuse(
                "its xref.csv lacks source, source_key or customer_id",
            ));
        };
        for row in &xref.rows {
            let cell = |i: usize| unneutralised(row.get(i).map_or("", String::as_str));
            let id = cell(c);
            if id.is_empty() {
                continue;
            }
            prev.customer_of.insert((cell(s), cell(k)), id.clone());
            *prev.rows_of.entry(id).or_default() += 1;
        }
        if let Some(golden) = read_table(&dir.join("golden.csv"))
            && let Some(c) = golden.column("customer_id")
        {
            for row in &golden.rows {
                let values: HashMap<String, String> = golden
                    .header
                    .iter()
                    .zip(row)
                    .map(|(h, v)| (h.clone(), unneutralised(v)))
                    .collect();
                prev.golden
                    .insert(unneutralised(row.get(c).map_or("", String::as_str)), values);
            }
        }
        Ok(prev)
    }

    /// Customers of the earlier run.
    pub fn customers(&self) -> usize {
        self.rows_of.len()
    }

    /// Gives this run's customers their earlier IDs by the module's rule and returns the
    /// change log, sorted by customer then earlier ID. `member_key(i)` is record `i`'s
    /// (source, source_key); `pinned[c]` says a steward assigned customer `c` its ID;
    /// `golden_value(g, column)` reads a golden record's value in a `golden.csv` column.
    pub fn carry_ids(
        &self,
        golden: &mut [Golden],
        pinned: &[Option<String>],
        member_key: &dyn Fn(usize) -> (String, String),
        golden_value: &dyn Fn(&Golden, &str) -> String,
    ) -> Vec<Change> {
        // Rows of each new customer per earlier ID.
        let mut claims: Vec<(usize, String, usize)> = Vec::new();
        let mut rows_from: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); golden.len()];
        for (c, g) in golden.iter().enumerate() {
            for &m in &g.members {
                if let Some(old) = self.customer_of.get(&member_key(m)) {
                    *rows_from[c].entry(old.clone()).or_default() += 1;
                }
            }
            for (old, &n) in &rows_from[c] {
                claims.push((n, old.clone(), c));
            }
        }
        claims.sort_by(|(na, oa, ca), (nb, ob, cb)| {
            nb.cmp(na)
                .then_with(|| golden[*ca].customer_id.cmp(&golden[*cb].customer_id))
                .then_with(|| oa.cmp(ob))
        });
        let mut kept: HashMap<String, usize> = HashMap::default();
        let mut given: Vec<Option<String>> = vec![None; golden.len()];
        // A steward's `assign` to an earlier customer's ID keeps that customer: its ID is its own.
        for (c, id) in pinned.iter().enumerate() {
            if let Some(id) = id
                && self.rows_of.contains_key(id)
                && !kept.contains_key(id)
                && c < given.len()
            {
                kept.insert(id.clone(), c);
                given[c] = Some(id.clone());
            }
        }
        for (_, old, c) in claims {
            let is_pinned = pinned.get(c).is_some_and(Option::is_some);
            if is_pinned || given[c].is_some() || kept.contains_key(&old) {
                continue;
            }
            kept.insert(old.clone(), c);
            given[c] = Some(old);
        }
        // An earlier ID must not collide with an ID another customer derived in this run.
        let taken: HashSet<String> = golden
            .iter()
            .enumerate()
            .filter(|(c, _)| given[*c].is_none())
            .map(|(_, g)| g.customer_id.clone())
            .collect();
        for (c, old) in given.iter_mut().enumerate() {
            if old
                .as_ref()
                .is_some_and(|o| taken.contains(o) && golden[c].customer_id != *o)
                && let Some(o) = old.take()
            {
                kept.remove(&o);
            }
        }
        let mut changes = Vec::new();
        for (c, g) in golden.iter_mut().enumerate() {
            if let Some(old) = &given[c] {
                g.customer_id = old.clone();
            }
            let from = &rows_from[c];
            let own = given[c].as_deref();
            let old_rows = own.map_or(0, |o| self.rows_of.get(o).copied().unwrap_or(0));
            let kept_rows = own.map_or(0, |o| from.get(o).copied().unwrap_or(0));
            let fields = own.map_or_else(String::new, |o| self.fields_changed(o, g, golden_value));
            let absorbed: Vec<&String> = from.keys().filter(|o| Some(o.as_str()) != own).collect();
            let kind = match own {
                None if from.is_empty() => ChangeKind::New,
                None => ChangeKind::Split,
                Some(_) if !absorbed.is_empty() => ChangeKind::Merged,
                Some(_)
                    if kept_rows == g.members.len()
                        && kept_rows == old_rows
                        && fields.is_empty() =>
                {
                    ChangeKind::Unchanged
                }
                Some(_) => ChangeKind::Updated,
            };
            let previous = match kind {
                ChangeKind::Split => from
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(o, _)| o.clone())
                    .unwrap_or_default(),
                _ => own.unwrap_or("").to_string(),
            };
            changes.push(Change {
                customer_id: g.customer_id.clone(),
                change: kind,
                previous_customer_id: previous,
                rows_added: g.members.len() - kept_rows.min(g.members.len()),
                rows_removed: old_rows.saturating_sub(kept_rows),
                fields_changed: fields,
            });
            // Every earlier ID whose rows went into this customer without keeping their ID.
            for old in absorbed {
                if kept.contains_key(old) {
                    continue;
                }
                if given[c].is_some() {
                    changes.push(Change {
                        customer_id: g.customer_id.clone(),
                        change: ChangeKind::Merged,
                        previous_customer_id: old.clone(),
                        rows_added: 0,
                        rows_removed: 0,
                        fields_changed: String::new(),
                    });
                }
            }
        }
        // Earlier IDs that no customer of this run kept: merged away (listed above) or gone.
        let merged_away: HashSet<&String> = rows_from.iter().flat_map(|m| m.keys()).collect();
        let mut gone: Vec<&String> = self
            .rows_of
            .keys()
            .filter(|o| !kept.contains_key(*o) && !merged_away.contains(o))
            .collect();
        gone.sort();
        for old in gone {
            changes.push(Change {
                customer_id: String::new(),
                change: ChangeKind::Removed,
                previous_customer_id: old.clone(),
                rows_added: 0,
                rows_removed: self.rows_of.get(old).copied().unwrap_or(0),
                fields_changed: String::new(),
            });
        }
        changes.sort();
        changes
    }

    /// The golden columns whose value differs from the earlier run's, `;`-separated.
    fn fields_changed(
        &self,
        old: &str,
        g: &Golden,
        golden_value: &dyn Fn(&Golden, &str) -> String,
    ) -> String {
        let Some(before) = self.golden.get(old) else {
            return String::new();
        };
        let mut columns: Vec<&String> = before
            .keys()
            .filter(|c| !matches!(c.as_str(), "customer_id" | "source_count" | "sources"))
            .collect();
        columns.sort_by_key(|c| {
            (
                Field::from_name(c).map_or(usize::MAX, |f| f.index()),
                c.as_str(),
            )
        });
        columns
            .into_iter()
            .filter(|c| before.get(*c).map_or("", String::as_str) != golden_value(g, c))
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(";")
    }
}

/// A CSV output read back: header and rows.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

fn read_table(path: &Path) -> Option<Table> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().ok()?.iter().map(String::from).collect();
    let rows = reader
        .records()
        .filter_map(std::result::Result::ok)
        .map(|r| r.iter().map(String::from).collect())
        .collect();
    Some(Table { header, rows })
}

/// A cell as Steward wrote it, without the `'` that keeps a spreadsheet from running it.
fn unneutralised(cell: &str) -> String {
    crate::spreadsheet::unneutralised(cell)
        .unwrap_or(cell)
        .to_string()
}
