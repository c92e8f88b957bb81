//! Ingest: finds the input files and reads each into raw tables of text cells, whatever the format and encoding.

use crate::config::{Format, SourceConfig};
use crate::error::{Error, Result};
use crate::finding::Finding;
use std::path::{Path, PathBuf};

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
    /// 1-based physical row (line, or sheet row) that held the header.
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

/// Expands files and directories into the data files to read, sorted; errors on a
/// missing path or a directory with no data files.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Error::input(format!("cannot read directory: {e}")).at_path(p))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && Format::from_path(f).is_some())
                .collect();
            if found.is_empty() {
                return Err(Error::input("directory holds no data files").at_path(p));
            }
            found.sort();
            out.extend(found);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(Error::input("no such file or directory").at_path(p));
        }
    }
    Ok(out)
}

/// Reads one source into its tables (one per non-empty sheet for a workbook).
pub fn read_source(source: &SourceConfig) -> Result<Vec<SourceTable>> {
    let _ = source;
    Err(Error::input("ingest not implemented yet").at_path(&source.path))
}

/// Parses a configured delimiter (`";"`, `"\t"`, `"tab"`, `"|"`).
pub fn parse_delimiter(text: &str) -> Option<u8> {
    match text {
        "\\t" | "tab" | "\t" => Some(b'\t'),
        s if s.len() == 1 => Some(s.as_bytes()[0]),
        _ => None,
    }
}

/// The encoding for a WHATWG label (`windows-1251`, `koi8-u`, `tis-620`, `utf-16le`…).
pub fn encoding_for_label(label: &str) -> Option<&'static encoding_rs::Encoding> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
}

/// The file name used as the source name in outputs.
pub fn source_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
