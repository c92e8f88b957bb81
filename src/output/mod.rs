//! Output writers: the tables as spreadsheet-safe CSV, XLSX or Parquet, and JSON, written as one set into the output folder.
//!
//! Every file is written into a staging folder and the set is published only after the whole
//! run succeeded ([`crate::outdir`]), so an interrupted or failed run leaves the previous
//! outputs intact.

mod accounts;
mod changes;
mod manifest;
mod parquet;
mod table;
mod tables;
mod xlsx;

pub use crate::spreadsheet::spreadsheet_safe;
pub use changes::write_changes;

use crate::config::{Config, TableFormat};
use crate::error::{Error, Result};
use crate::outdir::OutputDir;
pub use crate::outdir::Staging;
use crate::pipeline::{RunData, RunSummary};
use crate::progress::Progress;
use std::io::Write;
use std::path::Path;

/// What the writers need: the run's data and its configuration.
pub struct RunOutputs<'a> {
    pub config: &'a Config,
    pub data: &'a RunData,
}

/// Writes every output file as one new set in `out`, after checking that no row was lost;
/// a stop requested meanwhile leaves the published set as it was.
pub fn write_all(
    run: &RunOutputs<'_>,
    out: OutputDir,
    progress: &dyn Progress,
) -> Result<RunSummary> {
    let staging = out.stage()?;
    let result = write_staged(run, &staging, progress);
    match result.and_then(|summary| crate::cancel::check(progress).map(|()| summary)) {
        Ok(summary) => {
            staging.commit()?;
            Ok(summary)
        }
        Err(e) => {
            staging.abandon();
            Err(e)
        }
    }
}

/// The files written from the run's data, independent of each other.
#[derive(Clone, Copy)]
enum Output {
    Xref,
    Golden,
    Pairs,
    Findings,
    Quality,
    Report,
    Changes,
    Decisions,
    Accounts,
    Contacts,
    /// One target's import folder (its index in `RunData::imports`).
    Import(usize),
    /// The normalised rows kept for the next run (`state/rows.bin`).
    KeptRows,
    /// The compared pairs kept for the next run (`state/pairs.bin`).
    KeptPairs,
    /// The model kept for the next run (`state/model.bin`).
    KeptModel,
}

fn write_staged(
    run: &RunOutputs<'_>,
    staging: &Staging,
    progress: &dyn Progress,
) -> Result<RunSummary> {
    use rayon::prelude::*;
    let started = std::time::Instant::now();
    let data = run.data;
    let card = crate::validate::scorecard(
        &data.records,
        &data.as_read,
        data.golden.iter().map(|g| &g.values),
        &data.findings,
    );
    let formats = run.config.output.table_formats();
    // One task per table and format (each file is single-threaded serialisation), and the
    // report and the scorecard; errors are taken in this order, so the one reported does not
    // depend on the thread count.
    let tables = [
        Output::Xref,
        Output::Pairs,
        Output::Golden,
        Output::Findings,
        Output::Accounts,
        Output::Contacts,
    ];
    let mut tasks: Vec<(Output, Option<TableFormat>)> = tables
        .iter()
        .flat_map(|&t| formats.iter().map(move |&f| (t, Some(f))))
        .collect();
    tasks.extend([
        (Output::Report, None),
        (Output::Quality, None),
        (Output::Changes, None),
        (Output::Decisions, None),
    ]);
    // The kept rows hold the normalised values, which a masked output set promises not to;
    // a masked set keeps no state at all, so a later run never half-reuses one.
    if !run.config.output.mask_pii {
        tasks.extend([
            (Output::KeptRows, None),
            (Output::KeptPairs, None),
            (Output::KeptModel, None),
        ]);
    }
    tasks.extend((0..data.imports.len()).map(|i| (Output::Import(i), None)));
    let written: Vec<(Result<usize>, u128)> = tasks
        .par_iter()
        .map(|&(output, format)| {
            let task_started = std::time::Instant::now();
            let formats = format.as_slice();
            let written = match output {
                Output::Xref => tables::write_xref(data, staging, formats, progress),
                Output::Golden => tables::write_golden(data, staging, formats).map(|()| 0),
                Output::Pairs => {
                    let mask = run.config.output.mask_pii;
                    tables::write_pairs(data, mask, staging, formats).map(|()| 0)
                }
                Output::Findings => {
                    let mask = run.config.output.mask_pii;
                    tables::write_findings(data, mask, staging, formats).map(|()| 0)
                }
                Output::Quality => manifest::write_quality(&card, staging).map(|()| 0),
                Output::Report => {
                    crate::report::write_report(data, &card, run.config, staging).map(|()| 0)
                }
                Output::Decisions => match &data.decisions {
                    Some(d) => changes::write_decisions(d, staging).map(|()| 0),
                    None => Ok(0),
                },
                Output::Accounts => {
                    accounts::write_accounts(&data.accounts, &data.golden, staging, formats)
                        .map(|()| 0)
                }
                Output::Contacts => {
                    accounts::write_contacts(&data.accounts, &data.golden, staging, formats)
                        .map(|()| 0)
                }
                Output::Import(i) => match data.imports.get(i) {
                    Some(set) => {
                        let previous = match (&run.config.previous, &data.changes) {
                            (Some(dir), Some(changes)) => {
                                Some(crate::targets::Previous { dir, changes })
                            }
                            _ => None,
                        };
                        crate::targets::write(set, &data.golden, &data.accounts, staging, previous)
                            .map(|()| 0)
                    }
                    None => Ok(0),
                },
                Output::KeptRows => write_kept_rows(data, staging).map(|()| 0),
                Output::KeptPairs => write_kept_pairs(data, staging).map(|()| 0),
                Output::KeptModel => write_kept_model(data, staging).map(|()| 0),
                Output::Changes => match &data.changes {
                    Some(changes) => changes::write_changes(changes, staging).map(|()| 0),
                    None => Ok(0),
                },
            };
            let written = written.map_err(|e| {
                e.or_at_path(Path::new(&output.file_name(data)))
                    .while_writing()
            });
            (written, task_started.elapsed().as_millis())
        })
        .collect();
    let mut xref_rows = Vec::new();
    // Each file's own wall time (they are written side by side), for `run.json` `write_ms`.
    let mut file_ms: Vec<(String, u128)> = Vec::new();
    for ((output, format), (result, ms)) in tasks.iter().zip(written) {
        let n = result?;
        let name = output.file_name(data);
        file_ms.push((
            format.map_or(name.clone(), |f| format!("{name}.{}", f.extension())),
            ms,
        ));
        if matches!(output, Output::Xref) {
            xref_rows.push(n);
        }
    }
    let rows_read: usize = data.records.len();
    if let Some(&lost) = xref_rows.iter().find(|&&n| n != rows_read) {
        return Err(Error::invariant(format!(
            "{rows_read} rows read but {lost} rows in xref"
        )));
    }
    let summary = manifest::summary(data);
    let times = manifest::WriteTimes {
        total_ms: started.elapsed().as_millis(),
        file_ms,
    };
    manifest::write_run_json(run, &summary, &times, staging)
        .map_err(|e| e.at_path(Path::new("run.json")).while_writing())?;
    Ok(summary)
}

/// Writes the kept-state file `name` into `state/` with `write`.
fn write_state_file(
    staging: &Staging,
    name: &str,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let mut w = staging.create_in(crate::reuse::STATE_DIR, name)?;
    write(&mut w)
        .and_then(|()| w.flush())
        .map_err(|e| Error::writing(&e))
}

/// Writes `state/rows.bin` ([`crate::reuse::rows`]): every record's normalised work but the
/// suppressed ones'.
fn write_kept_rows(data: &RunData, staging: &Staging) -> Result<()> {
    write_state_file(staging, crate::reuse::rows::ROWS_FILE, |mut w| {
        data.row_work.write(&data.records, &data.suppressed, &mut w)
    })
}

/// Writes `state/pairs.bin` ([`crate::reuse::pairs`]): every compared pair's levels.
fn write_kept_pairs(data: &RunData, staging: &Staging) -> Result<()> {
    write_state_file(staging, crate::reuse::pairs::PAIRS_FILE, |mut w| {
        crate::reuse::pairs::write(&data.dedupe.compared, &data.pairs_compat, &mut w)
    })
}

/// Writes `state/model.bin` ([`crate::reuse::model`]): the model the run scored with.
fn write_kept_model(data: &RunData, staging: &Staging) -> Result<()> {
    write_state_file(staging, crate::reuse::model::MODEL_FILE, |mut w| {
        crate::reuse::model::write(&data.dedupe.learnt, &data.model_compat, &mut w)
    })
}

impl Output {
    /// The file the output is written to (a table's name without its extension: its
    /// writers name their own files).
    fn file_name(self, data: &RunData) -> String {
        let name = match self {
            Output::Import(i) => {
                return data.imports.get(i).map_or_else(
                    || "import".to_string(),
                    |s| crate::targets::folder(&s.profile),
                );
            }
            Output::Accounts => "accounts",
            Output::Contacts => "contacts",
            Output::KeptRows => "state/rows.bin",
            Output::KeptPairs => "state/pairs.bin",
            Output::KeptModel => "state/model.bin",
            Output::Xref => "xref",
            Output::Golden => "golden",
            Output::Pairs => "pairs",
            Output::Findings => "findings",
            Output::Quality => "quality.json",
            Output::Report => "report.html",
            Output::Changes => "changes.csv",
            Output::Decisions => "decisions.csv",
        };
        name.to_string()
    }
}

/// Writes one CSV record with every cell made spreadsheet-safe.
pub fn write_row<W: Write>(w: &mut csv::Writer<W>, cells: &[&str]) -> Result<()> {
    for cell in cells {
        w.write_field(spreadsheet_safe(cell).as_bytes())?;
    }
    Ok(w.write_record(std::iter::empty::<&[u8]>())?)
}
