//! Output writers: spreadsheet-safe CSV and JSON, written atomically into the output directory.
//!
//! Every file is first written into a staging directory inside `--out` and renamed into place
//! only after the whole run succeeded, so an interrupted or failed run leaves the previous
//! outputs intact.

mod manifest;
mod tables;

pub use crate::spreadsheet::spreadsheet_safe;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::pipeline::{RunData, RunSummary};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// What the writers need: the run's data and its configuration.
pub struct RunOutputs<'a> {
    pub config: &'a Config,
    pub data: &'a RunData,
}

/// Writes every output file into `out_dir` atomically, after checking that no row was lost.
pub fn write_all(run: &RunOutputs<'_>, out_dir: &Path) -> Result<RunSummary> {
    let staging = Staging::new(out_dir)?;
    let result = write_staged(run, &staging);
    match result {
        Ok(summary) => {
            if let Err(e) = crate::cancel::check() {
                staging.abandon();
                return Err(e);
            }
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
}

fn write_staged(run: &RunOutputs<'_>, staging: &Staging) -> Result<RunSummary> {
    use rayon::prelude::*;
    let started = std::time::Instant::now();
    let data = run.data;
    let card = crate::validate::scorecard(
        &data.records,
        &data.as_read,
        data.golden.iter().map(|g| &g.values),
        &data.findings,
    );
    let outputs = [
        Output::Xref,
        Output::Pairs,
        Output::Golden,
        Output::Findings,
        Output::Report,
        Output::Quality,
    ];
    // Written in parallel (the big CSVs are single-threaded serialisation); errors are taken
    // in the order above, so the one reported does not depend on the thread count.
    let written: Vec<Result<usize>> = outputs
        .par_iter()
        .map(|output| match output {
            Output::Xref => tables::write_xref(data, staging),
            Output::Golden => tables::write_golden(data, staging).map(|()| 0),
            Output::Pairs => tables::write_pairs(data, staging).map(|()| 0),
            Output::Findings => {
                tables::write_findings(data, run.config.output.mask_pii, staging).map(|()| 0)
            }
            Output::Quality => manifest::write_quality(&card, staging).map(|()| 0),
            Output::Report => {
                crate::report::write_report(data, &card, run.config, staging).map(|()| 0)
            }
        })
        .collect();
    let mut xref_rows = 0;
    for (output, result) in outputs.iter().zip(written) {
        let n = result?;
        if matches!(output, Output::Xref) {
            xref_rows = n;
        }
    }
    let rows_read: usize = data.records.len();
    if xref_rows != rows_read {
        return Err(Error::invariant(format!(
            "{rows_read} rows read but {xref_rows} rows in xref.csv"
        )));
    }
    let summary = manifest::summary(data);
    manifest::write_run_json(run, &summary, started.elapsed().as_millis(), staging)?;
    Ok(summary)
}

/// A set of output files being written; nothing is visible in `dir` until [`Staging::commit`].
pub struct Staging {
    dir: PathBuf,
    staging: PathBuf,
    /// Names of the staged files; behind a lock so that the writers can run in parallel.
    files: std::sync::Mutex<Vec<String>>,
}

impl Staging {
    /// Creates `dir` if needed and a fresh staging directory inside it.
    pub fn new(dir: &Path) -> Result<Staging> {
        fs::create_dir_all(dir).map_err(|e| {
            Error::input(format!("cannot create output directory: {e}")).at_path(dir)
        })?;
        let staging = dir.join(format!(".steward-staging-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        fs::create_dir(&staging).map_err(|e| {
            Error::input(format!("cannot write to output directory: {e}")).at_path(dir)
        })?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            staging,
            files: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// Opens `name` for writing in the staging directory.
    pub fn create(&self, name: &str) -> Result<BufWriter<fs::File>> {
        let path = self.staging.join(name);
        let file = fs::File::create(&path).map_err(|e| Error::from(e).at_path(&path))?;
        self.files
            .lock()
            .map_err(|_| Error::invariant("a writer thread failed"))?
            .push(name.to_string());
        Ok(BufWriter::with_capacity(1 << 20, file))
    }

    /// A CSV writer for `name`.
    pub fn csv(&self, name: &str) -> Result<csv::Writer<BufWriter<fs::File>>> {
        Ok(csv::WriterBuilder::new().from_writer(self.create(name)?))
    }

    /// Writes `value` as pretty JSON into `name`.
    pub fn json(&self, name: &str, value: &serde_json::Value) -> Result<()> {
        let mut w = self.create(name)?;
        serde_json::to_writer_pretty(&mut w, value)
            .map_err(|e| Error::invariant(format!("cannot serialise {name}: {e}")))?;
        w.write_all(b"\n")?;
        w.flush()?;
        Ok(())
    }

    /// Moves every staged file into the output directory (each rename is atomic).
    pub fn commit(self) -> Result<()> {
        let mut files = self
            .files
            .into_inner()
            .map_err(|_| Error::invariant("a writer thread failed"))?;
        files.sort();
        for name in &files {
            let from = self.staging.join(name);
            let to = self.dir.join(name);
            fs::rename(&from, &to).map_err(|e| Error::from(e).at_path(&to))?;
        }
        fs::remove_dir_all(&self.staging)?;
        Ok(())
    }

    /// Drops every staged file, leaving the output directory as it was.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

/// Writes one CSV record with every cell made spreadsheet-safe.
pub fn write_row<W: Write>(w: &mut csv::Writer<W>, cells: &[&str]) -> Result<()> {
    let failed = |e: csv::Error| Error::invariant(format!("csv write failed: {e}"));
    for cell in cells {
        w.write_field(spreadsheet_safe(cell).as_bytes())
            .map_err(failed)?;
    }
    w.write_record(std::iter::empty::<&[u8]>()).map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staged_files_appear_only_on_commit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("out");
        let s = Staging::new(&out).expect("staging");
        let mut w = s.csv("a.csv").expect("create");
        write_row(&mut w, &["x", "y"]).expect("write");
        w.flush().expect("flush");
        drop(w);
        assert!(!out.join("a.csv").exists());
        s.commit().expect("commit");
        assert_eq!(
            fs::read_to_string(out.join("a.csv")).expect("read"),
            "x,y\n"
        );
        assert_eq!(fs::read_dir(&out).expect("ls").count(), 1);
    }
}
