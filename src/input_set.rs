//! The files a run reads: the configured sources expanded into files, each file read once.
//!
//! A file named twice — the same path twice, a folder and a file inside it, or two paths
//! that reach one file through links or `..` — is read once, under the configuration that
//! names it by its own path (else the first), with an `input.duplicate` warning finding.
//! One workbook configured once per sheet is not a duplicate.

use crate::config::{Config, SourceConfig};
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::ingest;
use std::path::{Path, PathBuf};

/// Code of the finding for a file given more than once.
pub const DUPLICATE: &str = "input.duplicate";
/// Code of the finding for a Steward output folder among the inputs.
pub const STEWARD_OUTPUT: &str = "input.steward_output";

/// The source configuration of every file to read, in the order given, and the warning
/// findings for skipped output folders and files given twice.
pub fn resolve(config: &Config) -> Result<(Vec<SourceConfig>, Vec<Finding>)> {
    let explicit: Vec<(PathBuf, &SourceConfig)> = config
        .sources
        .iter()
        .filter(|sc| sc.path.is_file())
        .map(|sc| (identity(&sc.path), sc))
        .collect();
    let mut chosen: Vec<(PathBuf, SourceConfig)> = Vec::new();
    let mut findings = Vec::new();
    let mut skipped: Vec<PathBuf> = Vec::new();
    for sc in &config.sources {
        let found = ingest::discover_inputs(std::slice::from_ref(&sc.path))?;
        skipped.extend(found.skipped_outputs);
        let from_folder = !sc.path.is_file();
        for file in found.files {
            let id = identity(&file);
            let named_elsewhere = from_folder && explicit.iter().any(|(p, _)| *p == id);
            let earlier = chosen
                .iter()
                .find(|(p, c)| *p == id && sheets_overlap(c, sc));
            if named_elsewhere || earlier.is_some() {
                let first =
                    earlier.map_or_else(|| explicit_path(&explicit, &id), |(_, c)| c.path.clone());
                findings.push(duplicate_finding(&file, &first));
                continue;
            }
            chosen.push((
                id,
                SourceConfig {
                    path: file,
                    ..sc.clone()
                },
            ));
        }
    }
    if chosen.is_empty() {
        return Err(match skipped.first() {
            Some(first) => ingest::output_folder_error(first),
            None => Error::config(
                "no input files: give FILES or DIRS, or [[source]] entries in the config",
            ),
        });
    }
    findings.extend(skipped.iter().map(|path| output_finding(path)));
    Ok((chosen.into_iter().map(|(_, c)| c).collect(), findings))
}

/// What makes two paths one file: the canonical path (links and `..` resolved), or the path
/// itself when it cannot be resolved.
fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// The path an explicitly configured source names file `id` by.
fn explicit_path(explicit: &[(PathBuf, &SourceConfig)], id: &Path) -> PathBuf {
    explicit
        .iter()
        .find(|(p, _)| p == id)
        .map_or_else(|| id.to_path_buf(), |(_, c)| c.path.clone())
}

/// Whether two configurations of one file read a sheet in common (every sheet, or the same).
fn sheets_overlap(a: &SourceConfig, b: &SourceConfig) -> bool {
    match (&a.sheet, &b.sheet) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn duplicate_finding(file: &Path, first: &Path) -> Finding {
    let message = if file == first {
        "this file is given more than once; it is read once".to_string()
    } else {
        format!(
            "this file is also given as {}; it is read once",
            first.display()
        )
    };
    Finding::new(
        &file.display().to_string(),
        0,
        DUPLICATE,
        Severity::Warning,
        message,
    )
}

fn output_finding(path: &Path) -> Finding {
    Finding::new(
        &path.display().to_string(),
        0,
        STEWARD_OUTPUT,
        Severity::Warning,
        "a Steward output folder (or a file in one): not read, Steward never reads its own outputs as input",
    )
}
