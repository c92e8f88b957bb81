//! Workbooks (xlsx, xlsm, xlsb, xls, ods) through calamine: safety checks, sheets, cell text.

use super::table::PhysicalRow;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use calamine::{Data, Range, Reader, open_workbook_auto_from_rs};
use std::io::Cursor;
use std::path::Path;

/// Largest total uncompressed size accepted for a zipped workbook.
const MAX_UNCOMPRESSED: u64 = 2 << 30;
/// Largest compression ratio accepted for a big entry.
const MAX_RATIO: u64 = 500;
/// Entries smaller than this are not ratio-checked (tiny XML parts compress very well).
const RATIO_CHECK_FROM: u64 = 16 << 20;

/// Magic bytes of a zip archive (xlsx, xlsm, xlsb, ods).
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// Magic bytes of an OLE compound file (xls, or an encrypted OOXML workbook).
pub const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// One sheet's rows, named by the sheet.
pub struct Sheet {
    pub name: String,
    pub rows: Vec<PhysicalRow>,
}

/// Reads the sheets of a workbook (all non-empty ones, or only `wanted`).
pub fn read_sheets(
    bytes: &[u8],
    path: &Path,
    source: &str,
    wanted: Option<&str>,
) -> Result<Vec<Sheet>> {
    super::panic_guard::contain_panic(|| read_sheets_unguarded(bytes, path, source, wanted))
        .unwrap_or_else(|| {
            Err(Error::input("cannot read workbook: the file is corrupt").at_path(path))
        })
}

/// [`read_sheets`] without the guard against a panic in calamine.
fn read_sheets_unguarded(
    bytes: &[u8],
    path: &Path,
    source: &str,
    wanted: Option<&str>,
) -> Result<Vec<Sheet>> {
    check_safe(bytes).map_err(|e| e.at_path(path))?;
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| workbook_error(&e.to_string(), path))?;
    let names = workbook.sheet_names();
    let chosen: Vec<String> = match wanted {
        Some(name) => vec![pick_sheet(&names, name).map_err(|e| e.at_path(path))?],
        None => names.clone(),
    };
    let mut sheets = Vec::new();
    for name in chosen {
        let range = super::sheet_span::sheet_range(&mut workbook, &name)
            .map_err(|e| workbook_error(&format!("sheet {name:?}: {e}"), path))?;
        let table_name = format!("{source}#{name}");
        let rows = sheet_rows(&range, &table_name);
        if rows
            .iter()
            .any(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
            || wanted.is_some()
        {
            sheets.push(Sheet { name, rows });
        }
    }
    Ok(sheets)
}

/// The sheet called `wanted` (exact, then case-insensitive), or an error listing the sheets.
fn pick_sheet(names: &[String], wanted: &str) -> Result<String> {
    names
        .iter()
        .find(|n| n.as_str() == wanted)
        .or_else(|| {
            names
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
        })
        .cloned()
        .ok_or_else(|| {
            Error::input(format!(
                "no sheet named {wanted:?}; the workbook has: {}",
                names
                    .iter()
                    .map(|n| format!("{n:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
}

fn workbook_error(message: &str, path: &Path) -> Error {
    let lower = message.to_ascii_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        return Error::input("cannot read workbook: workbook is password-protected").at_path(path);
    }
    Error::input(format!("cannot read workbook: {message}")).at_path(path)
}

/// Refuses encrypted workbooks and zip bombs before calamine sees them.
fn check_safe(bytes: &[u8]) -> Result<()> {
    if bytes.starts_with(OLE_MAGIC) && is_encrypted_ole(bytes) {
        return Err(Error::input(
            "cannot read workbook: workbook is password-protected (remove the password and export it again)",
        ));
    }
    if bytes.starts_with(OLE_MAGIC) {
        super::ole_chains::check_sector_chains(bytes)?;
        if let Some(stream) = super::ole_stream::read_stream(bytes, &["Workbook", "Book"])? {
            super::xls_extent::check_sheet_extents(&stream)?;
        }
    }
    if bytes.starts_with(ZIP_MAGIC) {
        check_zip_sizes(bytes)?;
    }
    Ok(())
}

/// An encrypted OOXML workbook is an OLE file holding an `EncryptionInfo` stream (its name is UTF-16LE).
fn is_encrypted_ole(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// Reads the zip central directory and refuses absurd uncompressed sizes or compression ratios.
fn check_zip_sizes(bytes: &[u8]) -> Result<()> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Error::input(format!("cannot read workbook: {e}")))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| Error::input(format!("cannot read workbook: {e}")))?;
        let (size, packed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        if size >= RATIO_CHECK_FROM && size / packed.max(1) > MAX_RATIO {
            return Err(Error::input(format!(
                "cannot read workbook: entry {:?} expands {}:1 (a zip bomb?); refused",
                entry.name(),
                size / packed.max(1)
            )));
        }
    }
    if total > MAX_UNCOMPRESSED {
        return Err(Error::input(format!(
            "cannot read workbook: it would expand to {} MiB, over the {} MiB limit; refused",
            total >> 20,
            MAX_UNCOMPRESSED >> 20
        )));
    }
    Ok(())
}

/// Rows of a sheet as text, numbered by sheet row; error cells become "" with a finding.
fn sheet_rows(range: &Range<Data>, table_name: &str) -> Vec<PhysicalRow> {
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let line = first_row + i as u64 + 1;
            let mut cell_findings = Vec::new();
            let texts = cells
                .iter()
                .enumerate()
                .map(|(column, cell)| cell_text(cell, table_name, column, &mut cell_findings))
                .collect();
            PhysicalRow {
                line,
                cells: texts,
                cell_findings,
                ..PhysicalRow::default()
            }
        })
        .collect()
}

fn cell_text(
    cell: &Data,
    table_name: &str,
    column: usize,
    findings: &mut Vec<(usize, Finding)>,
) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => excel_datetime_text(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => {
            findings.push((
                column,
                Finding::new(
                    table_name,
                    0,
                    "cell.error",
                    Severity::Warning,
                    format!(
                        "column {} holds the spreadsheet error {e}; read as empty",
                        column + 1
                    ),
                )
                .with_raw(&e.to_string()),
            ));
            String::new()
        }
    }
}

/// A number as plain text: integral values without `.0` or exponent, others shortest round-trip.
pub fn float_text(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    if f == 0.0 {
        return "0".to_string();
    }
    // Rust's Display for f64 is the shortest round-trip form and never uses an exponent.
    format!("{f}")
}

/// An Excel serial date/time as ISO 8601: `2024-03-05`, `2024-03-05T14:30:00`, or `14:30:00` for a time.
fn excel_datetime_text(dt: &calamine::ExcelDateTime) -> String {
    let (year, month, day, hour, minute, second, milli) = dt.to_ymd_hms_milli();
    let time = if milli > 0 {
        format!("{hour:02}:{minute:02}:{second:02}.{milli:03}")
    } else {
        format!("{hour:02}:{minute:02}:{second:02}")
    };
    let serial = dt.as_f64();
    if dt.is_duration() {
        let total_seconds = (serial * 86_400.0).round();
        let hours = (total_seconds / 3600.0).floor();
        let rest = total_seconds - hours * 3600.0;
        return format!("{hours}:{:02}:{:02}", (rest / 60.0).floor(), rest % 60.0);
    }
    if (0.0..1.0).contains(&serial) {
        return time;
    }
    let date = format!("{year:04}-{month:02}-{day:02}");
    if hour == 0 && minute == 0 && second == 0 && milli == 0 {
        date
    } else {
        format!("{date}T{time}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    fn xlsx_bytes(build: impl FnOnce(&mut Workbook)) -> Vec<u8> {
        let mut workbook = Workbook::new();
        build(&mut workbook);
        workbook.save_to_buffer().unwrap()
    }

    #[test]
    fn floats_print_without_exponent_or_trailing_zero() {
        assert_eq!(float_text(380501234567.0), "380501234567");
        assert_eq!(float_text(1.0E+11), "100000000000");
        assert_eq!(float_text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_text(12.5), "12.5");
        assert_eq!(float_text(-0.0), "0");
        assert_eq!(float_text(f64::NAN), "");
    }

    #[test]
    fn reads_cells_of_every_kind() {
        let bytes = xlsx_bytes(|wb| {
            let sheet = wb.add_worksheet().set_name("Clients").unwrap();
            let date = Format::new().set_num_format("yyyy-mm-dd");
            let stamp = Format::new().set_num_format("yyyy-mm-dd hh:mm");
            sheet.write_string(0, 0, "Phone").unwrap();
            sheet.write_string(0, 1, "Since").unwrap();
            sheet.write_string(0, 2, "At").unwrap();
            sheet.write_string(0, 3, "VIP").unwrap();
            sheet.write_number(1, 0, 380501234567.0).unwrap();
            let d = ExcelDateTime::from_ymd(2024, 3, 5).unwrap();
            sheet.write_datetime_with_format(1, 1, &d, &date).unwrap();
            let t = ExcelDateTime::from_ymd(2024, 3, 5)
                .unwrap()
                .and_hms(14, 30, 0)
                .unwrap();
            sheet.write_datetime_with_format(1, 2, &t, &stamp).unwrap();
            sheet.write_boolean(1, 3, true).unwrap();
        });
        let sheets = read_sheets(&bytes, Path::new("c.xlsx"), "c.xlsx", None).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(sheets[0].name, "Clients");
        assert_eq!(
            sheets[0].rows[1].cells,
            ["380501234567", "2024-03-05", "2024-03-05T14:30:00", "TRUE"]
        );
    }

    #[test]
    fn error_cells_become_empty_with_a_finding() {
        let bytes = xlsx_bytes(|wb| {
            let sheet = wb.add_worksheet();
            sheet.write_string(0, 0, "Total").unwrap();
            let formula = rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!");
            sheet.write_formula(1, 0, formula).unwrap();
        });
        let sheets = read_sheets(&bytes, Path::new("c.xlsx"), "c.xlsx", None).unwrap();
        let row = &sheets[0].rows[1];
        assert_eq!(row.cells, [""]);
        assert_eq!(row.cell_findings[0].1.code, "cell.error");
        assert_eq!(row.cell_findings[0].1.raw, "#DIV/0!");
    }

    #[test]
    fn empty_sheets_are_skipped_and_a_missing_sheet_is_named() {
        let bytes = xlsx_bytes(|wb| {
            wb.add_worksheet().set_name("Empty").unwrap();
            wb.add_worksheet()
                .set_name("Data")
                .unwrap()
                .write_string(2, 1, "Name")
                .unwrap();
        });
        let sheets = read_sheets(&bytes, Path::new("c.xlsx"), "c.xlsx", None).unwrap();
        assert_eq!(
            sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["Data"]
        );
        assert_eq!(sheets[0].rows[0].line, 3);
        let err = read_sheets(&bytes, Path::new("c.xlsx"), "c.xlsx", Some("Nope"))
            .err()
            .unwrap();
        assert!(err.to_string().contains("\"Empty\", \"Data\""), "{err}");
    }

    #[test]
    fn truncated_and_encrypted_workbooks_are_errors() {
        let bytes = xlsx_bytes(|wb| {
            wb.add_worksheet().write_string(0, 0, "Name").unwrap();
        });
        let cut = &bytes[..bytes.len() / 2];
        let err = read_sheets(cut, Path::new("c.xlsx"), "c.xlsx", None)
            .err()
            .unwrap();
        assert!(err.to_string().contains("cannot read workbook"), "{err}");
        let mut ole = OLE_MAGIC.to_vec();
        ole.resize(1024, 0);
        ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        ole.resize(4096, 0);
        let err = read_sheets(&ole, Path::new("c.xlsx"), "c.xlsx", None)
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("workbook is password-protected"),
            "{err}"
        );
    }

    #[test]
    fn xls_with_a_looping_sector_chain_is_an_error_not_an_endless_read() {
        // Found by the `workbook` fuzz target: the first FAT entries of a real .xls zeroed, so
        // sector 0 points to itself and the directory chain never ends.
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ingest/legacy.xls");
        let mut bytes = std::fs::read(path).unwrap();
        bytes[4608..4640].fill(0);
        let err = read_sheets(&bytes, Path::new("l.xls"), "l.xls", None)
            .err()
            .unwrap();
        assert!(err.to_string().contains("corrupt"), "{err}");
    }

    #[test]
    fn xls_whose_sectors_point_past_the_end_is_an_error_not_a_panic() {
        // Found by the `workbook` fuzz target: calamine sliced past its buffer (cfb.rs:320).
        let bytes = include_bytes!("testdata/xls_sector_past_end.bin");
        let err = read_sheets(bytes, Path::new("p.xls"), "p.xls", None)
            .err()
            .unwrap();
        assert!(err.to_string().contains("p.xls"), "{err}");
    }

    #[test]
    fn xls_declaring_a_sheet_of_petabytes_is_an_error_not_an_abort() {
        // Found by the `workbook` fuzz target (round 3): a DIMENSIONS record claiming about 10^13
        // cells made calamine reserve ~3 PB; the failed allocation aborted the process.
        let bytes = include_bytes!("testdata/xls_dimensions_petabytes.bin");
        let err = read_sheets(bytes, Path::new("d.xls"), "d.xls", None)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("d.xls") && err.contains("corrupt"), "{err}");
    }

    #[test]
    fn xlsx_with_a_stray_value_in_its_last_cell_is_an_error_not_an_abort() {
        // Values in A1 and XFD1048576 only: laid out densely that is 17 billion cells (~550 GB).
        let bytes = include_bytes!("testdata/xlsx_stray_far_cell.xlsx");
        let err = read_sheets(bytes, Path::new("far.xlsx"), "far.xlsx", None)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("far.xlsx") && err.contains("XFD1048576"),
            "{err}"
        );
    }

    #[test]
    fn a_real_xls_still_reads_after_the_extent_check() {
        let bytes =
            std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ingest/legacy.xls"))
                .unwrap_or_default();
        let sheets = read_sheets(&bytes, Path::new("legacy.xls"), "legacy.xls", None);
        assert!(sheets.is_ok_and(|s| !s.is_empty() && !s[0].rows.is_empty()));
    }

    #[test]
    fn zip_bomb_is_refused() {
        use std::io::Write;
        let mut buffer = Cursor::new(Vec::new());
        {
            let mut writer = zip::ZipWriter::new(&mut buffer);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            writer
                .start_file("xl/worksheets/sheet1.xml", options)
                .unwrap();
            let zeros = vec![0u8; 1 << 20];
            for _ in 0..40 {
                writer.write_all(&zeros).unwrap();
            }
            writer.finish().unwrap();
        }
        let err = read_sheets(buffer.get_ref(), Path::new("b.xlsx"), "b.xlsx", None)
            .err()
            .unwrap();
        assert!(err.to_string().contains("zip bomb"), "{err}");
    }
}
