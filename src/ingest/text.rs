//! Text sources (delimited and JSON): decode once, refuse binaries, read, and place decoding findings on rows.

use super::encoding::{self, Decoded};
use super::table::{self, Numbering, Overflow};
use super::{SourceTable, delimited, fill_from_built, jsonl, note_if_no_rows, parse_delimiter};
use crate::config::{Format, SourceConfig};
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};

/// Characters of decoded text inspected for binary content.
const BINARY_SAMPLE_CHARS: usize = 65_536;
/// At most this many `encoding.invalid` findings per file; the rest are counted in one more.
const MAX_INVALID_FINDINGS: usize = 100;

/// Decodes and reads a delimited or JSON file into one table.
pub fn read_text(
    source: &SourceConfig,
    bytes: &[u8],
    mut table: SourceTable,
) -> Result<SourceTable> {
    let path = &source.path;
    let forced =
        match source.encoding.as_deref() {
            Some(label) => Some(encoding::encoding_for_label(label).ok_or_else(|| {
                Error::config(format!("unknown encoding {label:?}")).at_path(path)
            })?),
            None => None,
        };
    let decoded = encoding::decode(bytes, forced);
    if looks_binary(&decoded, bytes.len()) {
        return Err(Error::input("not a text or workbook file").at_path(path));
    }
    if decoded.text.trim().is_empty() {
        return Err(Error::input("file is empty").at_path(path));
    }
    if looks_like_markup(&decoded.text) {
        return Err(Error::input(
            "the file is an HTML or XML page, not a table export; open it in a spreadsheet and save it as .xlsx or .csv",
        )
        .at_path(path));
    }
    table.encoding = Some(encoding::label_of(decoded.encoding));
    let offsets = match table.format {
        Some(Format::Jsonl) => read_json_table(&decoded.text, &mut table),
        _ => read_delimited_table(source, &decoded.text, &mut table)?,
    };
    add_decoding_findings(&decoded, &offsets, &mut table);
    Ok(table)
}

fn read_delimited_table(
    source: &SourceConfig,
    text: &str,
    table: &mut SourceTable,
) -> Result<Vec<(usize, u64)>> {
    let delimiter = match source.delimiter.as_deref() {
        Some(configured) => parse_delimiter(configured).ok_or_else(|| {
            Error::config(format!("delimiter {configured:?} is not one character"))
                .at_path(&source.path)
        })?,
        None => delimited::sniff_delimiter(text),
    };
    table.delimiter = Some(delimiter);
    let rows = delimited::read_rows(&table.name, text, delimiter);
    let mut built = table::build(
        &table.name,
        rows,
        source.header_row,
        Numbering::Ordinal,
        Overflow::Join(char::from(delimiter)),
    )
    .map_err(|e| e.at_path(&source.path))?;
    let offsets = std::mem::take(&mut built.offsets);
    fill_from_built(table, built);
    Ok(offsets)
}

fn read_json_table(text: &str, table: &mut SourceTable) -> Vec<(usize, u64)> {
    let json = jsonl::read_json(&table.name, text);
    table.header_row = 0;
    table.headers = json.headers;
    table.rows = json.rows;
    table.findings.extend(json.findings);
    note_if_no_rows(table, "the file holds no JSON objects");
    Vec::new()
}

/// An HTML page or XML spreadsheet (Excel "web page" or "XML Spreadsheet 2003" saved as .xls).
fn looks_like_markup(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<!doctype html", "<html", "<?xml", "<table"]
        .iter()
        .any(|tag| head.starts_with(tag))
}

/// Mostly control characters (after NULs were removed), or mostly NULs: not a text file.
fn looks_binary(decoded: &Decoded, byte_len: usize) -> bool {
    let mut sampled = 0usize;
    let mut controls = 0usize;
    for c in decoded.text.chars().take(BINARY_SAMPLE_CHARS) {
        sampled += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}') {
            controls += 1;
        }
    }
    controls * 50 > sampled.max(1) || decoded.nuls_removed * 5 > byte_len
}

/// `encoding.invalid` per affected row (capped), plus NUL and stray-BOM findings for the file.
fn add_decoding_findings(decoded: &Decoded, offsets: &[(usize, u64)], table: &mut SourceTable) {
    let label = table.encoding.clone().unwrap_or_default();
    let mut last_row = None;
    let mut reported = 0usize;
    for &at in &decoded.invalid_at {
        let row = row_at(offsets, at);
        if last_row == Some(row) {
            continue;
        }
        last_row = Some(row);
        reported += 1;
        if reported > MAX_INVALID_FINDINGS {
            continue;
        }
        table.findings.push(
            Finding::new(
                &table.name,
                row,
                "encoding.invalid",
                Severity::Warning,
                format!("bytes that are not valid {label} were replaced with U+FFFD"),
            )
            .with_raw(line_around(&decoded.text, at)),
        );
    }
    if reported > MAX_INVALID_FINDINGS {
        let more = reported - MAX_INVALID_FINDINGS;
        let message = format!("{more} more row(s) hold bytes that are not valid {label}");
        table.findings.push(Finding::new(
            &table.name,
            0,
            "encoding.invalid",
            Severity::Warning,
            message,
        ));
    }
    if decoded.nuls_removed > 0 {
        let message = format!("{} NUL byte(s) removed", decoded.nuls_removed);
        table.findings.push(Finding::new(
            &table.name,
            0,
            "encoding.nul",
            Severity::Warning,
            message,
        ));
    }
    if decoded.inner_boms_removed > 0 {
        let message = format!(
            "{} byte-order mark(s) inside the text removed",
            decoded.inner_boms_removed
        );
        table.findings.push(Finding::new(
            &table.name,
            0,
            "encoding.bom",
            Severity::Info,
            message,
        ));
    }
}

/// The data row (0 for the header or unknown) whose record starts at or before byte `at`.
fn row_at(offsets: &[(usize, u64)], at: usize) -> u64 {
    let after = offsets.partition_point(|&(offset, _)| offset <= at);
    after
        .checked_sub(1)
        .and_then(|i| offsets.get(i))
        .map_or(0, |&(_, row)| row)
}

/// The line of `text` holding byte `at`.
fn line_around(text: &str, at: usize) -> &str {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    let start = bytes
        .get(..at)
        .and_then(|b| b.iter().rposition(|&c| c == b'\n' || c == b'\r'))
        .map_or(0, |i| i + 1);
    let end = bytes
        .get(at..)
        .and_then(|b| b.iter().position(|&c| c == b'\n' || c == b'\r'))
        .map_or(bytes.len(), |i| at + i);
    text.get(start..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_found_by_offset() {
        let offsets = [(0, 0), (10, 1), (20, 2)];
        assert_eq!(row_at(&offsets, 5), 0);
        assert_eq!(row_at(&offsets, 10), 1);
        assert_eq!(row_at(&offsets, 25), 2);
    }

    #[test]
    fn markup_pages_are_recognised() {
        assert!(looks_like_markup("\n<HTML><body><table>"));
        assert!(looks_like_markup("<?xml version=\"1.0\"?><Workbook>"));
        assert!(!looks_like_markup("Name,Note\nAnn,<b>vip</b>\n"));
    }

    #[test]
    fn line_around_an_offset() {
        assert_eq!(line_around("a,b\r\nJos\u{FFFD},1\nz", 8), "Jos\u{FFFD},1");
    }
}
