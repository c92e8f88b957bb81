//! Workbooks (xlsx, xlsm, xlsb, xls, ods) through calamine: safety checks, sheets, cell text.
//!
//! ## Zip bombs
//!
//! xlsx, xlsm, xlsb and ods files are zip archives whose parts calamine inflates as it reads
//! them. Before calamine sees one, `check_zip_sizes` refuses it when
//!
//! - its central directory declares more than `MAX_UNCOMPRESSED` (1 GiB) in all, or a part of
//!   16 MiB or more declares a compression ratio above 500:1; or
//! - a part inflates to more than its headers declare. The sizes in the headers are whatever the
//!   file's author wrote: 64 KiB of deflate data can declare 1 KiB and inflate to 64 MiB (deflate
//!   expands at most about 1,000:1, so a 10 MB file can make 10 GB). Every part is inflated once
//!   into a counter, nothing kept, reading at most one byte past its declared size: one bounded
//!   streaming pass, about 1 ms per MiB inflated, some 5% of the time calamine then takes to
//!   read the sheets. Afterwards the declared sizes, which the first check bounds, are known to
//!   bound what calamine will inflate. The `zip` crate has itself failed a read past the declared
//!   size since 9.0.1 (`Crc32Reader` in its `crc32.rs`), so calamine would stop with an I/O error
//!   too; the check does not rely on that, and says what is wrong.
//!
//! Why 1 GiB (it was 2 GiB, chosen before these numbers): an Excel sheet ends at row 1,048,576,
//! and a cell costs about 57 bytes of sheet XML in the most verbose form exporters write (inline
//! strings; `sales_reps.xlsx` of the benchmark data has 9 columns and 470 bytes a row). 1 GiB
//! holds a sheet filled to Excel's last row with ~18 such columns, more than a contact export
//! carries. A bigger workbook would not fit in memory anyway: reading a sheet peaks at 2.5–4
//! times its XML (measured: 5.6 MiB of sheet XML at 15 MiB, 53 MiB at 210 MiB), so 1 GiB of XML
//! already needs several GiB, more than the 2 GiB the 1M-row goal allows a whole run
//! (`BENCHMARKS.md`). An export that large should come as CSV.

use super::shared_strings::{UniqueCountScan, is_shared_strings_part, max_strings};
use super::table::PhysicalRow;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use calamine::{Data, Range, Reader, open_workbook_auto_from_rs};
use std::io::{self, Cursor, Read, Write};
use std::path::Path;

/// Largest total uncompressed size accepted for a zipped workbook (see the module doc).
const MAX_UNCOMPRESSED: u64 = 1 << 30;
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
        .map_err(|e| workbook_error(&super::reader_error::describe(&e), path))?;
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

/// Refuses a zip whose central directory declares absurd uncompressed sizes or compression
/// ratios, or one of whose entries inflates to more than it declares (module doc).
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
                String::from_utf8_lossy(entry.name_raw()),
                size / packed.max(1)
            )));
        }
    }
    if total > MAX_UNCOMPRESSED {
        return Err(Error::input(format!(
            "cannot read workbook: it would expand to {} MiB, over the {} MiB limit; refused \
             (export a workbook this large as CSV)",
            total >> 20,
            MAX_UNCOMPRESSED >> 20
        )));
    }
    for i in 0..archive.len() {
        check_inflated_size(&mut archive, i)?;
    }
    Ok(())
}

/// Inflates entry `i` into nothing, at most one byte past its declared size, and refuses the
/// archive if that byte comes. A shared-strings part is scanned on the way for the string count
/// calamine will reserve room for (`shared_strings`).
fn check_inflated_size(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, i: usize) -> Result<()> {
    // An entry that cannot be opened (encrypted, a compression method without a decoder here)
    // cannot be inflated by calamine either; calamine reports it if it needs the entry.
    let Ok(mut entry) = archive.by_index(i) else {
        return Ok(());
    };
    let declared = entry.size();
    let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
    let mut scan = UniqueCountScan::default();
    let scanned = is_shared_strings_part(&name);
    let into: &mut dyn Write = if scanned { &mut scan } else { &mut io::sink() };
    let over = match bounded_len(&mut entry, declared, into) {
        Ok(len) => len > declared,
        // The zip crate stops a read past the declared size itself (`crc32.rs`,
        // "File is larger than its declared uncompressed size"). Other errors (a corrupt
        // deflate stream, a wrong CRC) stop calamine's read at the same byte, so they are left
        // to calamine, which reads only the entries it needs.
        Err(e) => e.to_string().contains("declared"),
    };
    if over {
        return Err(Error::input(format!(
            "cannot read workbook: entry {name:?} inflates to more than the {declared} bytes its \
             header declares (a zip bomb?); refused"
        )));
    }
    if scanned && scan.largest > max_strings(declared) {
        return Err(Error::input(format!(
            "cannot read workbook: entry {name:?} claims {} shared strings, more than its {} \
             bytes can hold (the file is corrupt or hostile); refused",
            scan.largest, declared
        )));
    }
    Ok(())
}

/// How many bytes `reader` yields, counting up to `limit + 1`; they go to `into`.
fn bounded_len(reader: impl Read, limit: u64, into: &mut dyn Write) -> io::Result<u64> {
    io::copy(&mut reader.take(limit.saturating_add(1)), into)
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

    /// `xlsx` with its zip part `part` (which must exist) rewritten by `edit`.
    fn with_part_edited(xlsx: Vec<u8>, part: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
        use std::io::{Read, Write};
        let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
        let mut buffer = Cursor::new(Vec::new());
        let mut edited_any = false;
        {
            let mut writer = zip::ZipWriter::new(&mut buffer);
            for i in 0..archive.len() {
                let mut entry = archive.by_index(i).unwrap();
                let name = entry.name().unwrap().to_string();
                let mut content = String::new();
                entry.read_to_string(&mut content).unwrap();
                if name == part {
                    content = edit(&content);
                    edited_any = true;
                }
                let options = zip::write::SimpleFileOptions::default();
                writer.start_file(name.as_str(), options).unwrap();
                writer.write_all(content.as_bytes()).unwrap();
            }
            writer.finish().unwrap();
        }
        assert!(edited_any, "the writer made a {part} part");
        buffer.into_inner()
    }

    /// A real two-cell xlsx whose shared-strings part claims `unique_count` strings.
    fn xlsx_claiming_shared_strings(unique_count: &str) -> Vec<u8> {
        let honest = xlsx_bytes(|wb| {
            let sheet = wb.add_worksheet();
            sheet.write_string(0, 0, "Name").unwrap();
            sheet.write_string(1, 0, "Ann").unwrap();
        });
        with_part_edited(honest, "xl/sharedStrings.xml", |content| {
            let at = content.find("uniqueCount=\"").unwrap() + 13;
            let end = at + content[at..].find('"').unwrap();
            let mut content = content.to_string();
            content.replace_range(at..end, unique_count);
            content
        })
    }

    /// A real xlsx with a boolean in B2 whose sheet XML `edit` rewrites.
    fn xlsx_with_edited_sheet(edit: impl Fn(&str) -> String) -> Vec<u8> {
        let honest = xlsx_bytes(|wb| {
            let sheet = wb.add_worksheet();
            sheet.write_string(0, 0, "Name").unwrap();
            sheet.write_string(0, 1, "Active").unwrap();
            sheet.write_string(1, 0, "Ann").unwrap();
            sheet.write_boolean(1, 1, true).unwrap();
        });
        with_part_edited(honest, "xl/worksheets/sheet1.xml", |xml| {
            let edited = edit(xml);
            assert_ne!(edited, xml, "the edit applies");
            edited
        })
    }

    #[test]
    fn a_malformed_boolean_or_error_cell_is_an_error_that_does_not_quote_the_cell() {
        let bool_cell = |xml: &str| xml.replace("t=\"b\"><v>1</v>", "t=\"b\"><v>Olena Koval</v>");
        let error_cell =
            |xml: &str| xml.replace("t=\"b\"><v>1</v>", "t=\"e\"><v>olena.koval@example.org</v>");
        for bytes in [
            xlsx_with_edited_sheet(bool_cell),
            xlsx_with_edited_sheet(error_cell),
        ] {
            let err = read_sheets(&bytes, Path::new("crm.xlsx"), "crm.xlsx", None)
                .err()
                .map(|e| e.to_string())
                .expect("refused");
            assert!(err.contains("crm.xlsx") && err.contains("a cell"), "{err}");
            assert!(!err.contains("Olena") && !err.contains("olena"), "{err}");
        }
    }

    #[test]
    fn xlsx_claiming_trillions_of_shared_strings_is_an_error_not_an_abort() {
        // calamine reserved 24 bytes per claimed string (240 TB here) unchecked: the failed
        // allocation aborted the process. Without the check this test aborts the test binary.
        let bytes = xlsx_claiming_shared_strings("10000000000000");
        let err = read_sheets(&bytes, Path::new("sst.xlsx"), "sst.xlsx", None)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("sst.xlsx")
                && err.contains("claims 10000000000000 shared strings")
                && err.contains("refused"),
            "{err}"
        );
    }

    #[test]
    fn a_true_or_merely_wrong_shared_string_count_still_reads() {
        for count in ["2", "1000000"] {
            let bytes = xlsx_claiming_shared_strings(count);
            let sheets = read_sheets(&bytes, Path::new("s.xlsx"), "s.xlsx", None).unwrap();
            let cells: Vec<_> = sheets[0].rows.iter().map(|r| r.cells.clone()).collect();
            assert_eq!(cells, [["Name"], ["Ann"]], "uniqueCount={count}");
        }
    }

    /// A real one-cell xlsx whose sheet has `padding` blanks before its data. With `declared`,
    /// the sheet's local and central headers both declare that many bytes instead of the true
    /// size: a zip bomb that lies about its size, which neither the declared total nor the
    /// declared ratio gives away.
    fn xlsx_with_padded_sheet(padding: usize, declared: Option<u32>) -> Vec<u8> {
        use std::io::{Read, Write};
        const SHEET: &str = "xl/worksheets/sheet1.xml";
        let honest = xlsx_bytes(|wb| {
            wb.add_worksheet().write_string(0, 0, "Name").unwrap();
        });
        let mut archive = zip::ZipArchive::new(Cursor::new(honest)).unwrap();
        let mut buffer = Cursor::new(Vec::new());
        let mut real_size = 0;
        {
            let mut writer = zip::ZipWriter::new(&mut buffer);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for i in 0..archive.len() {
                let mut entry = archive.by_index(i).unwrap();
                let name = entry.name().unwrap().to_string();
                let mut content = Vec::new();
                entry.read_to_end(&mut content).unwrap();
                writer.start_file(name.as_str(), options).unwrap();
                if name != SHEET {
                    writer.write_all(&content).unwrap();
                    continue;
                }
                let at = content
                    .windows(11)
                    .position(|w| w == b"<sheetData>")
                    .unwrap();
                writer.write_all(&content[..at]).unwrap();
                let blanks = vec![b' '; 1 << 20];
                for chunk in 0..padding.div_ceil(blanks.len()) {
                    let len = (padding - chunk * blanks.len()).min(blanks.len());
                    writer.write_all(&blanks[..len]).unwrap();
                }
                writer.write_all(&content[at..]).unwrap();
                real_size = content.len() + padding;
            }
            writer.finish().unwrap();
        }
        let mut bytes = buffer.into_inner();
        let Some(declared) = declared else {
            return bytes;
        };
        // The uncompressed size is at offset 22 of a local header (name at 30) and at offset 24
        // of a central directory header (name at 46).
        for (signature, size_at, name_at) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
            let header = (0..bytes.len() - name_at - SHEET.len())
                .find(|&i| {
                    &bytes[i..i + 4] == signature
                        && &bytes[i + name_at..i + name_at + SHEET.len()] == SHEET.as_bytes()
                })
                .expect("the sheet's header");
            let field = header + size_at..header + size_at + 4;
            let size = u32::from_le_bytes(bytes[field.clone()].try_into().unwrap());
            assert_eq!(
                size as usize, real_size,
                "the writer put the real size there"
            );
            bytes[field].copy_from_slice(&declared.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn zip_whose_headers_understate_its_size_is_refused() {
        // 64 MiB of zeros deflate to ~64 KiB; the headers claim 1 KiB, so neither the declared
        // total nor the declared ratio gives the bomb away.
        let bytes = xlsx_with_padded_sheet(64 << 20, Some(1024));
        assert!(bytes.len() < 256 << 10, "{} bytes", bytes.len());
        let err = read_sheets(&bytes, Path::new("lying.xlsx"), "lying.xlsx", None)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("lying.xlsx")
                && err.contains("xl/worksheets/sheet1.xml")
                && err.contains("more than the 1024 bytes its header declares")
                && err.contains("refused"),
            "{err}"
        );
    }

    #[test]
    fn the_inflation_count_stops_one_byte_past_the_declared_size() {
        // An endless reader: the count ends because it stops, not because the data does, and
        // nothing is kept; this is what bounds the check's time and memory on a bomb.
        let sink = &mut io::sink();
        assert_eq!(bounded_len(io::repeat(0), 1024, sink).unwrap(), 1025);
        assert_eq!(bounded_len(&b"abc"[..], 1024, sink).unwrap(), 3);
        assert_eq!(bounded_len(&b"abc"[..], 3, sink).unwrap(), 3);
    }

    #[test]
    fn a_big_workbook_whose_sizes_are_true_still_reads() {
        let bytes = xlsx_with_padded_sheet(8 << 20, None);
        let sheets = read_sheets(&bytes, Path::new("big.xlsx"), "big.xlsx", None).unwrap();
        assert_eq!(sheets[0].rows[0].cells, ["Name"]);
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
