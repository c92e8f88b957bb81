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
use rayon::prelude::*;
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
/// as it is. `files` holds each state file's bytes, `None` when it is absent; the digests are
/// taken in parallel.
fn check_state(
    run: &serde_json::Value,
    files: &[(&str, Option<&[u8]>)],
    refuse: &(dyn Fn(&str) -> Error + Sync),
) -> Result<()> {
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
    let listed = state["files"].as_object().cloned().unwrap_or_default();
    let verdicts: Vec<Result<()>> = files
        .par_iter()
        .map(
            |&(name, bytes)| match (listed.get(name).and_then(|v| v.as_str()), bytes) {
                (Some(expected), Some(bytes)) => {
                    if crate::checksum::sha256_hex(bytes) == expected {
                        Ok(())
                    } else {
                        Err(refuse(&format!(
                            "{name} changed after the run wrote it (its SHA-256 is not the \
                             one run.json records); a steward's edits belong in a decisions \
                             file (--decisions), not in the outputs"
                        )))
                    }
                }
                (Some(_), None) => Err(refuse(&format!("{name} is missing"))),
                (None, Some(_)) => Err(refuse(&format!(
                    "{name} was not written by that run (run.json does not list it)"
                ))),
                (None, None) => Ok(()),
            },
        )
        .collect();
    verdicts.into_iter().collect()
}

/// What an earlier run said about its rows and customers. Customer IDs are kept once
/// (`ids`); the tables refer to them by position.
#[derive(Debug, Default)]
pub struct PreviousRun {
    ids: Vec<String>,
    id_index: HashMap<String, u32>,
    /// Source → source_key → customer.
    customer_of: HashMap<String, HashMap<String, u32>>,
    /// Rows each customer had.
    rows_of: Vec<usize>,
    /// `golden.csv`'s columns that `fields_changed` compares, in field order, with their
    /// position in the file.
    golden_columns: Vec<(String, usize)>,
    /// Each customer's `golden.csv` row, when it had one.
    golden: Vec<Option<csv::StringRecord>>,
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
    /// Each file is read once; its digest and its parsing, and the two tables, run side by
    /// side.
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
        let contents: Vec<Option<Vec<u8>>> = {
            STATE_FILES
                .par_iter()
                .map(|name| {
                    let path = dir.join(name);
                    path.is_file()
                        .then(|| std::fs::read(&path))
                        .transpose()
                        .map_err(|e| refuse(&format!("cannot read {name}: {e}")))
                })
                .collect::<Result<_>>()?
        };
        let file = |name: &str| {
            STATE_FILES
                .iter()
                .position(|n| *n == name)
                .and_then(|i| contents[i].as_deref())
        };
        let listed: Vec<(&str, Option<&[u8]>)> =
            STATE_FILES.iter().map(|&n| (n, file(n))).collect();
        let (checked, tables) = rayon::join(
            || check_state(&run, &listed, &refuse),
            || {
                file("xref.csv").map(|xref| {
                    rayon::join(
                        || read_xref(xref),
                        || file("golden.csv").map(read_golden).unwrap_or_default(),
                    )
                })
            },
        );
        checked?;
        let (rows, golden) = tables.ok_or_else(|| refuse("no readable xref.csv"))?;
        let rows = rows.map_err(refuse)?;
        let mut prev = PreviousRun::default();
        for (source, keys) in rows {
            let mut of_source = HashMap::default();
            of_source.reserve(keys.len());
            for (key, id) in keys {
                let at = prev.intern(&id);
                if let Some(n) = prev.rows_of.get_mut(at as usize) {
                    *n += 1;
                }
                of_source.insert(key, at);
            }
            prev.customer_of.insert(source, of_source);
        }
        prev.golden = vec![None; prev.ids.len()];
        prev.golden_columns = golden.columns;
        for (id, row) in golden.rows {
            if let Some(&at) = prev.id_index.get(id.as_str())
                && let Some(slot) = prev.golden.get_mut(at as usize)
            {
                *slot = Some(row);
            }
        }
        Ok(prev)
    }

    /// The position of customer `id`, added when new.
    fn intern(&mut self, id: &str) -> u32 {
        if let Some(&at) = self.id_index.get(id) {
            return at;
        }
        let at = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.id_index.insert(id.to_string(), at);
        self.rows_of.push(0);
        at
    }

    /// Customers of the earlier run.
    pub fn customers(&self) -> usize {
        self.ids.len()
    }

    /// Gives this run's customers their earlier IDs by the module's rule and returns the
    /// change log, sorted by customer then earlier ID. `member_key(i)` is record `i`'s
    /// (source, source_key); `pinned[c]` says a steward assigned customer `c` its ID;
    /// `columns` are the pass-through columns of `golden.csv` ([`Golden::extra`]).
    pub fn carry_ids<'k>(
        &self,
        golden: &mut [Golden],
        pinned: &[Option<String>],
        member_key: &(dyn Fn(usize) -> (&'k str, &'k str) + Sync),
        columns: &[String],
    ) -> Vec<Change> {
        let id = |at: u32| self.ids.get(at as usize).map_or("", String::as_str);
        // Rows of each new customer per earlier customer.
        let rows_from: Vec<Vec<(u32, usize)>> = golden
            .par_iter()
            .map(|g| {
                let mut from: Vec<(u32, usize)> = Vec::new();
                for &m in &g.members {
                    let (source, key) = member_key(m);
                    let Some(&old) = self.customer_of.get(source).and_then(|keys| keys.get(key))
                    else {
                        continue;
                    };
                    match from.iter_mut().find(|(o, _)| *o == old) {
                        Some((_, n)) => *n += 1,
                        None => from.push((old, 1)),
                    }
                }
                from.sort_by(|a, b| id(a.0).cmp(id(b.0)));
                from
            })
            .collect();
        let mut claims: Vec<(usize, u32, usize)> = rows_from
            .iter()
            .enumerate()
            .flat_map(|(c, from)| from.iter().map(move |&(old, n)| (n, old, c)))
            .collect();
        claims.par_sort_by(|(na, oa, ca), (nb, ob, cb)| {
            nb.cmp(na)
                .then_with(|| golden[*ca].customer_id.cmp(&golden[*cb].customer_id))
                .then_with(|| id(*oa).cmp(id(*ob)))
        });
        // Earlier customer → the customer of this run that keeps its ID.
        let mut kept: Vec<Option<usize>> = vec![None; self.ids.len()];
        let mut given: Vec<Option<u32>> = vec![None; golden.len()];
        // A steward's `assign` to an earlier customer's ID keeps that customer: its ID is its own.
        for (c, pin) in pinned.iter().enumerate() {
            if let Some(pin) = pin
                && let Some(&old) = self.id_index.get(pin)
                && kept[old as usize].is_none()
                && c < given.len()
            {
                kept[old as usize] = Some(c);
                given[c] = Some(old);
            }
        }
        for &(_, old, c) in &claims {
            let is_pinned = pinned.get(c).is_some_and(Option::is_some);
            if is_pinned || given[c].is_some() || kept[old as usize].is_some() {
                continue;
            }
            kept[old as usize] = Some(c);
            given[c] = Some(old);
        }
        // The earlier customer whose rows a customer of this run holds most of names it in
        // changes.csv when its ID went nowhere (claims are in that order already).
        let mut heir: Vec<Option<usize>> = vec![None; self.ids.len()];
        for &(_, old, c) in &claims {
            heir[old as usize].get_or_insert(c);
        }
        self.rederive_colliding(golden, &given, member_key);
        let resolved: Vec<(usize, GoldenColumn)> = self
            .golden_columns
            .iter()
            .map(|(name, at)| (*at, GoldenColumn::resolve(name, columns)))
            .collect();
        let fields_changed: Vec<String> = golden
            .par_iter()
            .zip(&given)
            .map(|(g, own)| own.map_or_else(String::new, |o| self.fields_changed(o, g, &resolved)))
            .collect();
        let mut changes = Vec::new();
        for ((c, g), fields) in golden.iter_mut().enumerate().zip(fields_changed) {
            if let Some(old) = given[c] {
                g.customer_id = id(old).to_string();
            }
            let from = &rows_from[c];
            let own = given[c];
            let rows_of = |o: u32| self.rows_of.get(o as usize).copied().unwrap_or(0);
            let old_rows = own.map_or(0, rows_of);
            let kept_rows = own.map_or(0, |o| {
                from.iter().find(|(f, _)| *f == o).map_or(0, |(_, n)| *n)
            });
            let absorbed: Vec<u32> = from
                .iter()
                .map(|(o, _)| *o)
                .filter(|o| Some(*o) != own)
                .collect();
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
            let previous = match (kind, own) {
                (ChangeKind::Split, _) => from
                    .iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(id(b.0).cmp(id(a.0))))
                    .map(|(o, _)| id(*o).to_string())
                    .unwrap_or_default(),
                (_, Some(o)) => id(o).to_string(),
                (_, None) => String::new(),
            };
            changes.push(Change {
                customer_id: g.customer_id.clone(),
                change: kind,
                previous_customer_id: previous.clone(),
                rows_added: g.members.len() - kept_rows.min(g.members.len()),
                rows_removed: old_rows.saturating_sub(kept_rows),
                fields_changed: fields,
            });
            // Every earlier ID that went nowhere and whose rows this customer holds most of
            // (a split's line names the largest already).
            for old in absorbed {
                if kept[old as usize].is_some()
                    || heir[old as usize] != Some(c)
                    || (kind == ChangeKind::Split && previous == id(old))
                {
                    continue;
                }
                changes.push(Change {
                    customer_id: g.customer_id.clone(),
                    change: ChangeKind::Merged,
                    previous_customer_id: id(old).to_string(),
                    rows_added: 0,
                    rows_removed: 0,
                    fields_changed: String::new(),
                });
            }
        }
        // Earlier IDs that no customer of this run kept: merged away (listed above) or gone.
        let mut merged_away = vec![false; self.ids.len()];
        for &(o, _) in rows_from.iter().flatten() {
            merged_away[o as usize] = true;
        }
        let mut gone: Vec<usize> = (0..self.ids.len())
            .filter(|&o| kept[o].is_none() && !merged_away[o])
            .collect();
        gone.sort_by(|&a, &b| self.ids[a].cmp(&self.ids[b]));
        for old in gone {
            changes.push(Change {
                customer_id: String::new(),
                change: ChangeKind::Removed,
                previous_customer_id: self.ids[old].clone(),
                rows_added: 0,
                rows_removed: self.rows_of.get(old).copied().unwrap_or(0),
                fields_changed: String::new(),
            });
        }
        changes.sort();
        changes
    }

    /// Gives a customer that carries no earlier ID, and whose derived ID is one of the earlier
    /// run's, the next free alternative: an earlier ID means only the customer it was carried
    /// to (the larger part of a split keeps it, even when the smaller holds the member the ID
    /// was first derived from).
    fn rederive_colliding<'k>(
        &self,
        golden: &mut [Golden],
        given: &[Option<u32>],
        member_key: &dyn Fn(usize) -> (&'k str, &'k str),
    ) {
        let id = |at: u32| self.ids.get(at as usize).map_or("", String::as_str);
        let colliding: Vec<usize> = (0..golden.len())
            .filter(|&c| given[c].is_none() && self.id_index.contains_key(&golden[c].customer_id))
            .collect();
        if colliding.is_empty() {
            return;
        }
        let mut taken: HashSet<String> = golden
            .iter()
            .enumerate()
            .map(|(c, g)| given[c].map_or_else(|| g.customer_id.clone(), |o| id(o).to_string()))
            .collect();
        for c in colliding {
            let smallest = golden[c]
                .members
                .iter()
                .map(|&m| {
                    let (source, key) = member_key(m);
                    crate::survive::member_key_of(source, key)
                })
                .min()
                .unwrap_or_default();
            let mut n = 2;
            let mut fresh = crate::survive::numbered_id(&smallest, n);
            while taken.contains(&fresh) || self.id_index.contains_key(&fresh) {
                n += 1;
                fresh = crate::survive::numbered_id(&smallest, n);
            }
            taken.insert(fresh.clone());
            golden[c].customer_id = fresh;
        }
    }

    /// The golden columns whose value differs from the earlier run's, `;`-separated.
    fn fields_changed(&self, old: u32, g: &Golden, columns: &[(usize, GoldenColumn)]) -> String {
        let Some(Some(before)) = self.golden.get(old as usize) else {
            return String::new();
        };
        let mut out = String::new();
        for ((name, _), (at, column)) in self.golden_columns.iter().zip(columns) {
            if unneutralised(before.get(*at).unwrap_or("")) != column.value(g) {
                if !out.is_empty() {
                    out.push(';');
                }
                out.push_str(name);
            }
        }
        out
    }
}

/// Where a `golden.csv` column's value sits in a [`Golden`].
#[derive(Clone, Copy, Debug)]
enum GoldenColumn {
    Field(Field),
    NameAlt,
    /// A pass-through column, by its position in [`Golden::extra`].
    Extra(usize),
    /// A column this run does not write.
    Absent,
}

impl GoldenColumn {
    fn resolve(name: &str, columns: &[String]) -> GoldenColumn {
        if let Some(f) = Field::from_name(name) {
            return GoldenColumn::Field(f);
        }
        if name == "name_alt" {
            return GoldenColumn::NameAlt;
        }
        columns
            .iter()
            .position(|c| c == name)
            .map_or(GoldenColumn::Absent, GoldenColumn::Extra)
    }

    fn value(self, g: &Golden) -> &str {
        match self {
            GoldenColumn::Field(f) => g.values.get(f),
            GoldenColumn::NameAlt => &g.name_alt,
            GoldenColumn::Extra(i) => g.extra.get(i).map_or("", String::as_str),
            GoldenColumn::Absent => "",
        }
    }
}

/// `xref.csv`'s rows that name a customer: per source, in file order, (source_key,
/// customer_id).
type XrefRows = Vec<(String, Vec<(String, String)>)>;

/// Reads `xref.csv`'s source, key and customer of every row.
fn read_xref(bytes: &[u8]) -> std::result::Result<XrefRows, &'static str> {
    let mut reader = table_reader(bytes);
    let header = reader
        .headers()
        .map_err(|_| "no readable xref.csv")?
        .clone();
    let column = |name: &str| header.iter().position(|h| h == name);
    let (Some(s), Some(k), Some(c)) = (
        column("source"),
        column("source_key"),
        column("customer_id"),
    ) else {
        return Err("its xref.csv lacks source, source_key or customer_id");
    };
    let mut sources: XrefRows = Vec::new();
    let mut row = csv::StringRecord::new();
    while reader.read_record(&mut row).unwrap_or(false) {
        let cell = |i: usize| unneutralised(row.get(i).unwrap_or(""));
        let id = cell(c);
        if id.is_empty() {
            continue;
        }
        let source = cell(s);
        let at = match sources.iter().rposition(|(name, _)| name == source) {
            Some(at) => at,
            None => {
                sources.push((source.to_string(), Vec::new()));
                sources.len() - 1
            }
        };
        sources[at].1.push((cell(k).to_string(), id.to_string()));
    }
    Ok(sources)
}

/// `golden.csv` as a later run compares it: the columns `fields_changed` looks at (in field
/// order, with their position) and each customer's row.
#[derive(Default)]
struct GoldenTable {
    columns: Vec<(String, usize)>,
    rows: Vec<(String, csv::StringRecord)>,
}

/// Reads `golden.csv`; a file without a `customer_id` column gives no rows.
fn read_golden(bytes: &[u8]) -> GoldenTable {
    let mut reader = table_reader(bytes);
    let Ok(header) = reader.headers().cloned() else {
        return GoldenTable::default();
    };
    let Some(c) = header.iter().position(|h| h == "customer_id") else {
        return GoldenTable::default();
    };
    let mut columns: Vec<(String, usize)> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| !matches!(*h, "customer_id" | "source_count" | "sources"))
        .map(|(i, h)| (h.to_string(), i))
        .collect();
    columns.sort_by(|(a, _), (b, _)| {
        let order = |c: &str| Field::from_name(c).map_or(usize::MAX, |f| f.index());
        (order(a), a.as_str()).cmp(&(order(b), b.as_str()))
    });
    columns.dedup_by(|a, b| a.0 == b.0);
    let mut rows = Vec::new();
    let mut row = csv::StringRecord::new();
    while reader.read_record(&mut row).unwrap_or(false) {
        let id = unneutralised(row.get(c).unwrap_or("")).to_string();
        rows.push((id, row.clone()));
    }
    GoldenTable { columns, rows }
}

/// A CSV reader over an output file's bytes, past a byte-order mark.
fn table_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes))
}

/// A cell as Steward wrote it, without the `'` that keeps a spreadsheet from running it.
fn unneutralised(cell: &str) -> &str {
    crate::spreadsheet::unneutralised(cell).unwrap_or(cell)
}
