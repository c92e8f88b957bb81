//! Splitting an object's rows into files within the target's row and size limits, and writing them as CSV.

use super::profile::Profile;
use super::render::Rows;
use crate::error::{Error, Result};

/// One CSV record as bytes, with the profile's delimiter and line ending.
fn record_bytes(profile: &Profile, cells: &[String]) -> Result<Vec<u8>> {
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

/// The rows each file holds, as ranges of `rows.rows`: as many as fit both `max_rows_per_file`
/// and `max_bytes_per_file` (header included), at least one per file. No rows: one file with
/// the header alone.
pub fn boundaries(profile: &Profile, rows: &Rows) -> Result<Vec<std::ops::Range<usize>>> {
    let header = record_bytes(profile, &rows.header)?.len() as u64;
    let max_rows = profile.max_rows_per_file.unwrap_or(usize::MAX);
    let max_bytes = profile.max_bytes_per_file.unwrap_or(u64::MAX);
    let mut ranges = Vec::new();
    let (mut start, mut bytes) = (0usize, header);
    for (i, row) in rows.rows.iter().enumerate() {
        let len = record_bytes(profile, row)?.len() as u64;
        let full = i - start >= max_rows || bytes + len > max_bytes;
        if full && i > start {
            ranges.push(start..i);
            start = i;
            bytes = header;
        }
        bytes += len;
    }
    ranges.push(start..rows.rows.len());
    Ok(ranges)
}

/// The file names for `count` files of `file`: `file` itself for one, else `stem-1.ext`,
/// `stem-2.ext`, ….
pub fn file_names(file: &str, count: usize) -> Vec<String> {
    if count <= 1 {
        return vec![file.to_string()];
    }
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    let dot = if ext.is_empty() { "" } else { "." };
    (1..=count)
        .map(|n| format!("{stem}-{n}{dot}{ext}"))
        .collect()
}

/// Writes the header and `range`'s rows into `w`.
pub fn write_file(
    w: &mut dyn std::io::Write,
    profile: &Profile,
    rows: &Rows,
    range: std::ops::Range<usize>,
) -> Result<()> {
    w.write_all(&record_bytes(profile, &rows.header)?)?;
    for row in &rows.rows[range] {
        w.write_all(&record_bytes(profile, row)?)?;
    }
    w.flush()?;
    Ok(())
}
