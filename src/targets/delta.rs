//! What a phase of a migration loads: a target's rows that are new or changed since the previous run's import files, and the records to merge or delete.
//!
//! With `--previous OLD`, a target's folder gains `delta/`: the accounts and contacts whose
//! rendered row differs from the row OLD's import files hold under the same external ID (or
//! that OLD does not have), in the same format and limits as the full files; `merges.csv`
//! (`object,surviving_id,merged_id`: earlier customers absorbed into another, from
//! `changes.csv`) and `deletes.csv` (`object,id,reason`: earlier contacts and accounts no
//! longer in the run). Rows are compared as the target would receive them, so a change that
//! does not reach the target (a field it has no column for) loads nothing. When OLD has no
//! files for the target, or files with another header (the profile changed), every row is in
//! the delta and `README.txt` says why.

use super::profile::{Object, Profile};
use crate::error::Result;
use crate::previous::{Change, ChangeKind};
use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

/// The earlier run's rows of one object, by external ID; `None` when it had no usable file.
pub type PreviousRows = Option<HashMap<String, Vec<String>>>;

/// The column of `object` that holds its external ID (`customer_id` for contacts,
/// `account_id` for accounts).
pub fn id_column(profile: &Profile, object: Object) -> Option<usize> {
    let field = match object {
        Object::Account => "account_id",
        Object::Contact => "customer_id",
    };
    profile
        .object(object)
        .columns
        .iter()
        .position(|c| c.field == field)
}

/// Reads OLD's files of `object` for this target (the plain file or its numbered parts),
/// keyed by external ID, when their header is `header`.
pub fn previous_rows(
    old: &Path,
    folder: &str,
    profile: &Profile,
    object: Object,
    header: &[String],
) -> PreviousRows {
    let id = id_column(profile, object)?;
    let file = &profile.object(object).file;
    let dir = old.join(folder);
    let mut paths = vec![dir.join(file)];
    paths.extend(
        (1..)
            .map(|n| dir.join(super::split::numbered(file, n)))
            .take_while(|p| p.is_file()),
    );
    let mut rows = HashMap::default();
    let mut found = false;
    for path in paths.iter().filter(|p| p.is_file()) {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(profile.delimiter_byte())
            .flexible(true)
            .from_path(path)
            .ok()?;
        let same_header = reader
            .headers()
            .ok()
            .is_some_and(|h| h.iter().eq(header.iter().map(String::as_str)));
        if !same_header {
            return None;
        }
        found = true;
        for record in reader.records() {
            let record = record.ok()?;
            let cells: Vec<String> = record.iter().map(str::to_string).collect();
            if let Some(key) = cells.get(id).filter(|k| !k.is_empty()) {
                rows.insert(key.clone(), cells);
            }
        }
    }
    found.then_some(rows)
}

/// Whether `row` must be loaded: OLD had no usable file, or no row or another row under its ID.
pub fn changed(previous: &PreviousRows, id: Option<usize>, row: &[String]) -> bool {
    let (Some(rows), Some(id)) = (previous, id) else {
        return true;
    };
    row.get(id)
        .and_then(|key| rows.get(key))
        .is_none_or(|old| old.as_slice() != row)
}

/// `merges.csv`: each earlier customer merged into another, as `contact` lines.
pub fn merges(changes: &[Change]) -> Vec<[String; 3]> {
    changes
        .iter()
        .filter(|c| c.change == ChangeKind::Merged && !c.previous_customer_id.is_empty())
        .filter(|c| c.previous_customer_id != c.customer_id)
        .map(|c| {
            [
                "contact".to_string(),
                c.customer_id.clone(),
                c.previous_customer_id.clone(),
            ]
        })
        .collect()
}

/// `deletes.csv`: earlier contacts whose rows are all gone, and earlier accounts (by ID)
/// that this run no longer has.
pub fn deletes(
    changes: &[Change],
    previous_accounts: &PreviousRows,
    current_accounts: &[crate::accounts::Account],
) -> Vec<[String; 3]> {
    let mut out: Vec<[String; 3]> = changes
        .iter()
        .filter(|c| c.change == ChangeKind::Removed)
        .map(|c| {
            [
                "contact".to_string(),
                c.previous_customer_id.clone(),
                "no row of this customer is in the run".to_string(),
            ]
        })
        .collect();
    if let Some(old) = previous_accounts {
        let now: rustc_hash::FxHashSet<&str> = current_accounts
            .iter()
            .map(|a| a.account_id.as_str())
            .collect();
        let mut gone: Vec<&String> = old.keys().filter(|k| !now.contains(k.as_str())).collect();
        gone.sort();
        out.extend(gone.into_iter().map(|id| {
            [
                "account".to_string(),
                id.clone(),
                "no customer of this run is at this organisation".to_string(),
            ]
        }));
    }
    out
}

/// Writes a small CSV (`merges.csv`, `deletes.csv`) into the delta folder.
pub fn write_list(
    staging: &crate::outdir::Staging,
    folder: &str,
    file: &str,
    header: [&str; 3],
    rows: &[[String; 3]],
) -> Result<()> {
    let mut w = csv::Writer::from_writer(staging.create_in(folder, file)?);
    w.write_record(header)?;
    for row in rows {
        w.write_record(row)?;
    }
    w.flush()?;
    Ok(())
}

/// The README's paragraph on `delta/`.
pub fn readme(
    accounts: &(Vec<String>, usize),
    contacts: &(Vec<String>, usize),
    whole: bool,
) -> String {
    let mut t = String::from(
        "\nThis phase only (delta/, against the previous run given with --previous):\n",
    );
    if whole {
        t.push_str(
            "  The previous run has no import files for this target with these columns, so\n  \
             every row is in the delta.\n",
        );
    }
    t.push_str(&format!(
        "  1. Upsert delta/{} ({} accounts new or changed), then delta/{} ({} contacts), as above.\n  \
         2. delta/merges.csv: merge each merged_id into its surviving_id (the CRM's merge\n     \
         keeps the surviving record and moves the other's related records to it).\n  \
         3. delta/deletes.csv: delete (or deactivate) each record listed.\n",
        accounts.0.join(", delta/"),
        accounts.1,
        contacts.0.join(", delta/"),
        contacts.1
    ));
    t
}
