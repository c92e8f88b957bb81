//! End-to-end tests of `read_source` on files written to a temporary directory.

use super::*;
use std::path::PathBuf;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> SourceConfig {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    SourceConfig {
        path,
        ..SourceConfig::default()
    }
}

fn read_one(source: &SourceConfig) -> SourceTable {
    let mut tables = read_source(source).unwrap();
    assert_eq!(tables.len(), 1);
    tables.remove(0)
}

fn codes(table: &SourceTable) -> Vec<&str> {
    table.findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn cp1251_semicolon_export_with_title_rows() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Список клієнтів 2024;;\r\n;;\r\nПрізвище;Ім'я;Телефон\r\nШевченко;Тарас;050 123 45 67\r\n\
                ;;\r\nГнатюк;Сергій;(044) 234-56-78\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let table = read_one(&write(&dir, "clients.csv", &bytes));
    assert_eq!(table.encoding.as_deref(), Some("windows-1251"));
    assert_eq!(table.delimiter, Some(b';'));
    assert_eq!(table.header_row, 3);
    assert_eq!(table.headers, ["Прізвище", "Ім'я", "Телефон"]);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[1].row, 2);
    assert_eq!(table.rows[1].cells, ["Гнатюк", "Сергій", "(044) 234-56-78"]);
    assert!(codes(&table).contains(&"row.blank"));
    assert_eq!(table.sha256, crate::checksum::sha256_hex(&bytes));
    assert_eq!(table.bytes, bytes.len() as u64);
}

#[test]
fn koi8u_and_thai_files_decode() {
    let dir = tempfile::tempdir().unwrap();
    let ua = "Прізвище,Місто\nЄременко,Житомир\nҐудзь,Біла Церква\nКовальчук,Київ\n";
    let (bytes, _, _) = encoding_rs::KOI8_U.encode(ua);
    let table = read_one(&write(&dir, "ua.csv", &bytes));
    assert_eq!(table.rows[1].cells, ["Ґудзь", "Біла Церква"]);
    let th = "ชื่อ\tที่อยู่\nสมชาย ใจดี\t99 ถนนสุขุมวิท กรุงเทพฯ 10110\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_874.encode(th);
    let table = read_one(&write(&dir, "th.txt", &bytes));
    assert_eq!(table.encoding.as_deref(), Some("windows-874"));
    assert_eq!(table.rows[0].cells[1], "99 ถนนสุขุมวิท กรุงเทพฯ 10110");
}

#[test]
fn utf16_excel_unicode_text_and_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Name\tPhone\r\nОлена\t+380501234567\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let table = read_one(&write(&dir, "u.txt", &bytes));
    assert_eq!(table.encoding.as_deref(), Some("utf-16le"));
    assert_eq!(table.rows[0].cells, ["Олена", "+380501234567"]);
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("a|b\nЯ|Ї\n");
    let mut source = write(&dir, "o.dat", &bytes);
    source.encoding = Some("cp1251".into());
    source.delimiter = Some("|".into());
    assert_eq!(read_one(&source).rows[0].cells, ["Я", "Ї"]);
}

#[test]
fn invalid_bytes_become_a_finding_on_their_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBFName,City\nAnn,Kyiv\nJos\xE9,Lviv\n".to_vec();
    bytes.extend_from_slice(b"Bob\x00,Odesa\n");
    let table = read_one(&write(&dir, "bad.csv", &bytes));
    let invalid: Vec<&Finding> = table
        .findings
        .iter()
        .filter(|f| f.code == "encoding.invalid")
        .collect();
    assert_eq!(invalid.len(), 1);
    assert_eq!(invalid[0].row, 2);
    assert_eq!(table.rows[2].cells, ["Bob", "Odesa"]);
    assert!(codes(&table).contains(&"encoding.nul"));
}

#[test]
fn empty_header_only_and_binary_files() {
    let dir = tempfile::tempdir().unwrap();
    for bytes in [&b""[..], b"  \r\n\t\n"] {
        let err = read_source(&write(&dir, "e.csv", bytes)).err().unwrap();
        assert!(err.to_string().contains("file is empty"), "{err}");
        assert!(err.position().path.is_some());
    }
    let table = read_one(&write(&dir, "h.csv", b"Name,Phone,Phone\n"));
    assert!(table.rows.is_empty());
    assert_eq!(table.headers, ["Name", "Phone", "Phone_2"]);
    assert!(codes(&table).contains(&"table.no_rows"));
    assert!(codes(&table).contains(&"header.duplicate"));
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let err = read_source(&write(&dir, "b.csv", &binary)).err().unwrap();
    assert!(
        err.to_string().contains("not a text or workbook file"),
        "{err}"
    );
}

#[test]
fn jsonl_source() {
    let dir = tempfile::tempdir().unwrap();
    let table = read_one(&write(
        &dir,
        "c.jsonl",
        b"{\"name\":\"Ann\",\"phone\":380501234567}\n\nnot json\n",
    ));
    assert_eq!(table.format, Some(Format::Jsonl));
    assert_eq!(table.headers, ["name", "phone", "_raw"]);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[1].cells[2], "not json");
}

#[test]
fn workbook_sheets_and_numbering() {
    let dir = tempfile::tempdir().unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Клієнти").unwrap();
    sheet.write_string(0, 0, "Customer list 2024").unwrap();
    for (col, name) in ["Name", "Phone", "Phone"].iter().enumerate() {
        sheet.write_string(2, col as u16, *name).unwrap();
    }
    sheet.write_string(3, 0, "Taras").unwrap();
    sheet.write_number(3, 1, 380501234567.0).unwrap();
    sheet.write_string(5, 0, "Olena").unwrap();
    sheet.write_number(5, 2, 1.0E+11).unwrap();
    workbook.add_worksheet().set_name("Empty").unwrap();
    let other = workbook.add_worksheet().set_name("Other").unwrap();
    other.write_string(0, 0, "Email").unwrap();
    let path: PathBuf = dir.path().join("export.csv");
    workbook.save(&path).unwrap();
    let source = SourceConfig {
        path,
        ..SourceConfig::default()
    };
    let tables = read_source(&source).unwrap();
    assert_eq!(tables.len(), 2);
    let table = &tables[0];
    assert_eq!(table.name, "export.csv#Клієнти");
    assert_eq!(table.format, Some(Format::Xlsx));
    assert_eq!(table.header_row, 3);
    assert_eq!(table.headers, ["Name", "Phone", "Phone_2"]);
    assert_eq!(table.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [1, 3]);
    assert_eq!(table.rows[0].cells, ["Taras", "380501234567", ""]);
    assert_eq!(table.rows[1].cells, ["Olena", "", "100000000000"]);
    assert!(tables[1].rows.is_empty());
    let only = SourceConfig {
        sheet: Some("Other".into()),
        ..source.clone()
    };
    assert_eq!(read_source(&only).unwrap()[0].name, "export.csv#Other");
    let header_override = SourceConfig {
        header_row: Some(4),
        sheet: Some("Клієнти".into()),
        ..source
    };
    let table = read_source(&header_override).unwrap().remove(0);
    assert_eq!(table.headers[0], "Taras");
    assert_eq!(table.rows[0].row, 2);
}

#[test]
fn broken_quote_and_ragged_rows_keep_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let text = "id,name,city\n1,\"Ann,Kyiv\n2,Bob\n3,Cy,Lviv,extra\n4,Dan,Dnipro\n";
    let table = read_one(&write(&dir, "q.csv", text.as_bytes()));
    assert_eq!(table.rows.len(), 4);
    assert_eq!(table.headers, ["id", "name", "city", "_overflow"]);
    assert_eq!(table.rows[2].cells, ["3", "Cy", "Lviv", "extra"]);
    let place = |code: &str| -> Vec<u64> {
        table
            .findings
            .iter()
            .filter(|f| f.code == code)
            .map(|f| f.row)
            .collect()
    };
    assert_eq!(place("row.broken_quote"), [1]);
    assert_eq!(place("row.ragged"), [2, 3]);
}

#[test]
fn text_named_as_workbook_is_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let table = read_one(&write(&dir, "report.xls", b"Name\tPhone\nAnn\t555\n"));
    assert_eq!(table.format, Some(Format::Csv));
    assert_eq!(table.rows[0].cells, ["Ann", "555"]);
    assert!(codes(&table).contains(&"format.mismatch"));
    let err = read_source(&write(
        &dir,
        "page.xls",
        b"<html><table><tr><td>x</td></tr></table>",
    ));
    assert!(err.err().unwrap().to_string().contains("HTML"));
}

#[test]
fn delimiter_parsing() {
    assert_eq!(parse_delimiter("\\t"), Some(b'\t'));
    assert_eq!(parse_delimiter("TAB"), Some(b'\t'));
    assert_eq!(parse_delimiter(";"), Some(b';'));
    assert_eq!(parse_delimiter(";;"), None);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let dir = tempfile::tempdir().unwrap();
            let _ = read_source(&write(&dir, "x.csv", &bytes));
            let _ = read_source(&write(&dir, "x.jsonl", &bytes));
        }

        #[test]
        fn written_csv_reads_back_row_for_row(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-zA-Zа-я0-9 ,;\"\\n]{0,12}", 3), 1..30)
        ) {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(["id", "name", "note"]).unwrap();
            for row in &rows {
                writer.write_record(row).unwrap();
            }
            let bytes = writer.into_inner().unwrap();
            let dir = tempfile::tempdir().unwrap();
            let mut source = write(&dir, "p.csv", &bytes);
            source.delimiter = Some(",".into());
            let table = read_one(&source);
            let expected: Vec<&Vec<String>> =
                rows.iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
            prop_assert_eq!(table.rows.len(), expected.len());
            for (got, want) in table.rows.iter().zip(expected) {
                prop_assert_eq!(&got.cells, want);
            }
        }
    }
}
