//! Format detection: magic bytes first (a workbook, Parquet or Arrow file under any name), then the configured format or extension.

use super::workbook::{OLE_MAGIC, ZIP_MAGIC};
use crate::config::{Format, SourceConfig};

/// Parquet files start (and end) with these bytes.
pub const PARQUET_MAGIC: &[u8] = b"PAR1";
/// Arrow IPC files (Feather v2) start with these bytes.
pub const ARROW_MAGIC: &[u8] = b"ARROW1";

/// The format to read `bytes` as: workbook, Parquet and Arrow magic bytes win; then a file
/// configured or named as Parquet or Arrow (read as such, so that a broken one is an error
/// rather than text); otherwise the configured format, the extension, or JSON when the text
/// starts like JSON; delimited text by default.
pub fn format(source: &SourceConfig, bytes: &[u8]) -> Format {
    if bytes.starts_with(PARQUET_MAGIC) {
        return Format::Parquet;
    }
    if bytes.starts_with(ARROW_MAGIC) {
        return Format::Ipc;
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return if is_ods(bytes) {
            Format::Ods
        } else {
            Format::Xlsx
        };
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Format::Xls;
    }
    match source.format.or_else(|| Format::from_path(&source.path)) {
        Some(Format::Jsonl) => Format::Jsonl,
        Some(Format::Csv) => Format::Csv,
        Some(columnar @ (Format::Parquet | Format::Ipc)) => columnar,
        // A "workbook" without workbook magic is text saved under a workbook name (common for .xls).
        Some(_) | None if looks_like_json(bytes) => Format::Jsonl,
        _ => Format::Csv,
    }
}

/// An OpenDocument zip stores its `mimetype` entry first, uncompressed.
fn is_ods(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(128)];
    head.windows(b"opendocument.spreadsheet".len())
        .any(|w| w == b"opendocument.spreadsheet")
}

/// First non-blank byte (after a UTF-8 BOM) opens a JSON object or array.
fn looks_like_json(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    matches!(
        body.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{') | Some(b'[')
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn source(name: &str) -> SourceConfig {
        SourceConfig {
            path: PathBuf::from(name),
            ..SourceConfig::default()
        }
    }

    #[test]
    fn magic_bytes_beat_the_extension() {
        assert_eq!(format(&source("a.csv"), b"PK\x03\x04rest"), Format::Xlsx);
        assert_eq!(
            format(&source("a.csv"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
            Format::Xls
        );
        assert_eq!(format(&source("a.xls"), b"Name\tPhone\n"), Format::Csv);
        assert_eq!(format(&source("a.jsonl"), b"{\"a\":1}\n"), Format::Jsonl);
        assert_eq!(format(&source("export"), b" [{\"a\":1}]"), Format::Jsonl);
        assert_eq!(format(&source("a.csv"), b"{not json,x\n"), Format::Csv);
        assert_eq!(format(&source("a.csv"), b"PAR1rest"), Format::Parquet);
        assert_eq!(format(&source("export"), b"ARROW1\0\0"), Format::Ipc);
        assert_eq!(format(&source("a.parquet"), b"Name\n"), Format::Parquet);
        assert_eq!(format(&source("a.feather"), b"Name\n"), Format::Ipc);
    }
}
