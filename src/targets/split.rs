//! Writing an object's rows as CSV files within the target's row and size limits: beyond them
//! the rows continue in numbered files.

use super::profile::Profile;
use crate::error::{Error, Result};
use crate::outdir::Staging;
use std::io::Write;

/// One CSV record as bytes, with the profile's delimiter and line ending.
pub fn record_bytes(profile: &Profile, cells: &[String]) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(profile.delimiter_byte())
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(cells)?;
    let mut bytes = w
        .into_inner()
        .map_err(|e| Error::invariant(format!("CSV buffer: {e}")))?;
    if profile.terminator() == b"\r\n" {
        bytes.pop();
        bytes.extend_from_slice(b"\r\n");
    }
    Ok(bytes)
}

/// The name of file `n` (1-based) of `file` when it is split: `stem-n.ext`.
pub fn numbered(file: &str, n: usize) -> String {
    match file.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{n}.{ext}"),
        None => format!("{file}-{n}"),
    }
}

/// Writes rows into `folder/file` of the staging folder, starting a new numbered file
/// whenever the next row would pass `max_rows_per_file` or `max_bytes_per_file` (header
/// included; a row larger than the limit still goes, alone in its file).
pub struct SplitWriter<'a> {
    staging: &'a Staging,
    folder: &'a str,
    file: &'a str,
    max_rows: usize,
    max_bytes: u64,
    header: Vec<u8>,
    current: Option<Open>,
    /// Files started so far.
    files: usize,
    rows: usize,
}

/// The file being written: its writer, rows and bytes.
struct Open {
    w: std::io::BufWriter<std::fs::File>,
    rows: usize,
    bytes: u64,
}

impl<'a> SplitWriter<'a> {
    pub fn new(
        staging: &'a Staging,
        folder: &'a str,
        file: &'a str,
        profile: &Profile,
        header: &[String],
    ) -> Result<SplitWriter<'a>> {
        Ok(SplitWriter {
            staging,
            folder,
            file,
            max_rows: profile.max_rows_per_file.unwrap_or(usize::MAX),
            max_bytes: profile.max_bytes_per_file.unwrap_or(u64::MAX),
            header: record_bytes(profile, header)?,
            current: None,
            files: 0,
            rows: 0,
        })
    }

    /// Writes one row (as [`record_bytes`] made it).
    pub fn row(&mut self, bytes: &[u8]) -> Result<()> {
        let len = bytes.len() as u64;
        let full = self.current.as_ref().is_some_and(|o| {
            o.rows > 0 && (o.rows >= self.max_rows || o.bytes + len > self.max_bytes)
        });
        if full || self.current.is_none() {
            self.start()?;
        }
        if let Some(open) = &mut self.current {
            open.w.write_all(bytes)?;
            open.rows += 1;
            open.bytes += len;
        }
        self.rows += 1;
        Ok(())
    }

    /// Closes the current file and opens the next, numbered one, with the header.
    fn start(&mut self) -> Result<()> {
        if let Some(mut done) = self.current.take() {
            done.w.flush()?;
        }
        self.files += 1;
        let mut w = self
            .staging
            .create_in(self.folder, &numbered(self.file, self.files))?;
        w.write_all(&self.header)?;
        self.current = Some(Open {
            w,
            rows: 0,
            bytes: self.header.len() as u64,
        });
        Ok(())
    }

    /// Completes the files and returns their names and the rows written: one file (the header
    /// alone when there were no rows) keeps the plain name, several keep their numbers.
    pub fn finish(mut self) -> Result<(Vec<String>, usize)> {
        if self.current.is_none() {
            self.start()?;
        }
        if let Some(mut done) = self.current.take() {
            done.w.flush()?;
        }
        let dir = self.staging.dir().join(self.folder);
        if self.files == 1 {
            let from = dir.join(numbered(self.file, 1));
            let to = dir.join(self.file);
            std::fs::rename(&from, &to).map_err(|e| Error::writing(&e).at_path(&to))?;
            return Ok((vec![self.file.to_string()], self.rows));
        }
        let names = (1..=self.files).map(|n| numbered(self.file, n)).collect();
        Ok((names, self.rows))
    }
}
