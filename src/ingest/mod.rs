//! Ingest: finds the input files and reads each into raw tables of text cells, whatever the format and encoding.

mod column_text;
mod delimited;
mod detect;
mod discover;
mod encoding;
mod header;
mod jsonl;
mod ole_chains;
mod ole_stream;
mod open;
mod panic_guard;
mod parquet;
mod reader_error;
mod shared_strings;
mod sheet_span;
mod table;
mod text;
mod workbook;
mod xls_extent;

use crate::checksum::sha256_hex;
use crate::config::{Format, SourceConfig};
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use std::path::{Path, PathBuf};
use table::{Numbering, Overflow};

pub use discover::{Discovered, discover, discover_inputs, output_folder_error};
pub use encoding::Decoded;

/// One raw data row: its 1-based data-row number (header excluded) and its cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawRow {
    pub row: u64,
    /// Exactly one cell per header (short rows padded, see the findings).
    pub cells: Vec<String>,
}

/// One table read from a source: a delimited file, a JSONL file, or one workbook sheet.
#[derive(Clone, Debug, Default)]
pub struct SourceTable {
    /// Name used in outputs: the file name, or `file.xlsx#Sheet` for a sheet.
    pub name: String,
    pub path: PathBuf,
    pub format: Option<Format>,
    /// Encoding label used to decode a text file.
    pub encoding: Option<String>,
    /// Delimiter of a delimited file.
    pub delimiter: Option<u8>,
    /// 1-based physical row (line, or sheet row) that held the header; 0 when there is none (JSON, or a
    /// headerless file whose columns are named `column_N`).
    pub header_row: usize,
    /// Header names, made unique and non-empty.
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
    /// Problems met while reading (ragged rows, undecodable bytes…).
    pub findings: Vec<Finding>,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
    /// Size of the file in bytes.
    pub bytes: u64,
}

/// Reads one source into its tables (one per non-empty sheet for a workbook), with the
/// default size limit and no stop requests.
pub fn read_source(source: &SourceConfig) -> Result<Vec<SourceTable>> {
    read_source_with(
        source,
        crate::config::InputOptions::default().max_file_bytes(),
        &crate::progress::NoProgress,
    )
}

/// Reads one source into its tables: only a regular file of at most `max_file_bytes`
/// ([`open::read_input`]), stopping when `progress` asks to.
pub fn read_source_with(
    source: &SourceConfig,
    max_file_bytes: u64,
    progress: &dyn crate::progress::Progress,
) -> Result<Vec<SourceTable>> {
    let path = &source.path;
    let bytes = open::read_input(path, max_file_bytes, progress)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::input("file is empty").at_path(path));
    }
    let base = SourceTable {
        name: source_name(path),
        path: path.clone(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
        ..SourceTable::default()
    };
    match detect::format(source, &bytes) {
        format @ (Format::Parquet | Format::Ipc) => Ok(vec![parquet::read_columnar(
            &bytes,
            path,
            SourceTable {
                format: Some(format),
                ..base
            },
        )?]),
        format @ (Format::Xlsx | Format::Xls | Format::Ods) => read_workbook(
            source,
            &bytes,
            SourceTable {
                format: Some(format),
                ..base
            },
        ),
        format => {
            let mut table = text::read_text(
                source,
                &bytes,
                SourceTable {
                    format: Some(format),
                    ..base
                },
            )?;
            if claims_workbook(source) {
                let message =
                    "the file is named as a workbook but holds plain text; read as delimited text";
                let finding =
                    Finding::new(&table.name, 0, "format.mismatch", Severity::Info, message);
                table.findings.push(finding);
            }
            Ok(vec![table])
        }
    }
}

/// The configured format or the extension says workbook.
fn claims_workbook(source: &SourceConfig) -> bool {
    matches!(
        source.format.or_else(|| Format::from_path(&source.path)),
        Some(Format::Xlsx | Format::Xls | Format::Ods)
    )
}

/// One table per non-empty sheet (or the configured sheet).
fn read_workbook(
    source: &SourceConfig,
    bytes: &[u8],
    base: SourceTable,
) -> Result<Vec<SourceTable>> {
    let path = &source.path;
    let sheets = workbook::read_sheets(bytes, path, &base.name, source.sheet.as_deref())?;
    if sheets.is_empty() {
        return Err(Error::input("workbook has no data in any sheet").at_path(path));
    }
    let mut tables = Vec::with_capacity(sheets.len());
    for sheet in sheets {
        let name = format!("{}#{}", base.name, sheet.name);
        let built = table::build(
            &name,
            sheet.rows,
            source.header_row,
            Numbering::SheetRow,
            Overflow::Widen,
        )
        .map_err(|_| Error::input(format!("sheet {:?} is empty", sheet.name)).at_path(path))?;
        let mut table = SourceTable {
            name,
            ..base.clone()
        };
        fill_from_built(&mut table, built);
        tables.push(table);
    }
    Ok(tables)
}

/// Moves a built table into `table`, noting a header without data.
fn fill_from_built(table: &mut SourceTable, built: table::Built) {
    table.header_row = usize::try_from(built.header_line).unwrap_or(usize::MAX);
    table.headers = built.headers;
    table.rows = built.rows;
    table.findings.extend(built.findings);
    note_if_no_rows(table, "the table has a header but no data rows");
}

/// An info finding `table.no_rows` when `table` ended up without data rows.
fn note_if_no_rows(table: &mut SourceTable, message: &str) {
    if table.rows.is_empty() {
        let finding = Finding::new(&table.name, 0, "table.no_rows", Severity::Info, message);
        table.findings.push(finding);
    }
}

/// Decodes a text file's bytes with the encoding detection the inputs get (BOM, UTF-16
/// without BOM, UTF-8, legacy code pages); for side files such as a suppression list.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    encoding::decode(bytes, None)
}

/// Parses a configured delimiter (`";"`, `"\t"`, `"tab"`, `"|"`).
pub fn parse_delimiter(text: &str) -> Option<u8> {
    match text.to_ascii_lowercase().as_str() {
        "\\t" | "tab" | "\t" => Some(b'\t'),
        "comma" => Some(b','),
        "semicolon" => Some(b';'),
        "pipe" => Some(b'|'),
        s if s.len() == 1 => s.as_bytes().first().copied(),
        _ => None,
    }
}

/// The encoding for a label: WHATWG labels (`windows-1251`, `koi8-u`, `tis-620`, `utf-16le`…) and common
/// aliases (`cp1251`, `cp874`, `utf16`, `koi8u`).
pub fn encoding_for_label(label: &str) -> Option<&'static encoding_rs::Encoding> {
    encoding::encoding_for_label(label)
}

/// The file name used as the source name in outputs.
pub fn source_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests;
