//! Hostile input found by hand and by the fuzzer: zip bombs, bad bytes, wide files, corrupt workbooks.

use super::common::*;

/// Runs `steward run FILE --out DIR/o` and returns the output; asserts it neither panicked nor
/// crashed: exit 0, or exit 2 with a message naming the file.
fn run_hostile(dir: &Path, input: &Path) -> Output {
    let o = steward(&[
        "run",
        "--quiet",
        &input.display().to_string(),
        "--out",
        &dir.join("o").display().to_string(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    let name = input.file_name().map(|n| n.to_string_lossy().to_string());
    match o.status.code() {
        Some(0) => {}
        Some(2) => assert!(err.contains(name.as_deref().unwrap_or("?")), "{err}"),
        code => panic!("exit {code:?}: {err}"),
    }
    o
}

#[test]
fn zip_bomb_disguised_as_xlsx_is_refused_naming_the_file() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut bytes);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("xl/worksheets/sheet1.xml", options)
            .expect("start entry");
        zip.write_all(b"<worksheet><sheetData><row><c><v>1</v></c></row>")
            .expect("write entry");
        // 256 MiB of blanks: compresses about 1000:1, the shape of a decompression bomb.
        let blanks = vec![b' '; 1 << 20];
        for _ in 0..256 {
            zip.write_all(&blanks).expect("write entry");
        }
        zip.write_all(b"</sheetData></worksheet>")
            .expect("write entry");
        zip.finish().expect("finish zip");
    }
    let bytes = bytes.into_inner();
    assert!(bytes.len() < 4 << 20, "the bomb is small on disk");
    let input = write(dir.path(), "invoice.xlsx", &bytes);
    let o = run_hostile(dir.path(), &input);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("zip bomb") || err.contains("limit"), "{err}");
}

#[test]
fn zip_bomb_whose_headers_understate_its_size_is_refused_naming_the_file() {
    use std::io::{Read, Write};
    const SHEET: &str = "xl/worksheets/sheet1.xml";
    let dir = tempfile::tempdir().expect("tempdir");
    // A real workbook whose sheet gets 256 MiB of blanks before its data, while both of the
    // sheet's headers declare 4 KiB: neither the declared total nor the declared ratio shows it.
    let real = std::fs::read(fixture("ingest/title_row_numeric_phones.xlsx")).expect("fixture");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(real)).expect("fixture zip");
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut true_size = 0;
    {
        let mut zip = zip::ZipWriter::new(&mut bytes);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).expect("entry");
            let name = entry.name().expect("name").to_string();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).expect("read entry");
            zip.start_file(name.as_str(), options).expect("start entry");
            if name == SHEET {
                let at = content.windows(11).position(|w| w == b"<sheetData>");
                let (head, tail) = content.split_at(at.expect("sheetData"));
                zip.write_all(head).expect("write entry");
                let blanks = vec![b' '; 1 << 20];
                for _ in 0..256 {
                    zip.write_all(&blanks).expect("write entry");
                }
                zip.write_all(tail).expect("write entry");
                true_size = content.len() + (256 << 20);
            } else {
                zip.write_all(&content).expect("write entry");
            }
        }
        zip.finish().expect("finish zip");
    }
    let mut bytes = bytes.into_inner();
    // The uncompressed size: offset 22 of the local header (name at 30), 24 of the central one
    // (name at 46).
    for (signature, size_at, name_at) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
        let header = (0..bytes.len() - name_at - SHEET.len())
            .find(|&i| {
                &bytes[i..i + 4] == signature
                    && &bytes[i + name_at..i + name_at + SHEET.len()] == SHEET.as_bytes()
            })
            .expect("the sheet's header");
        let field = header + size_at..header + size_at + 4;
        assert_eq!(bytes[field.clone()], (true_size as u32).to_le_bytes());
        bytes[field].copy_from_slice(&4096u32.to_le_bytes());
    }
    assert!(bytes.len() < 1 << 20, "the bomb is small on disk");
    let input = write(dir.path(), "contacts.xlsx", &bytes);
    let o = run_hostile(dir.path(), &input);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("more than the 4096 bytes its header declares (a zip bomb?); refused"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_after_a_utf8_bom_keeps_rows_with_a_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes =
        b"\xEF\xBB\xBFName,City\nAnn Smith,Kyiv\nBob \xC3\x28\xFF Jones,Lviv\nCara,Odesa\n"
            .to_vec();
    bytes.extend_from_slice(b"Dan,\xE9vora\n");
    let input = write(dir.path(), "crm.csv", &bytes);
    run_hostile(dir.path(), &input);
    let out = run_ok(&[&input]);
    assert_eq!(xref(&out).rows.len(), 4);
    let bad = findings(&out);
    let rows: Vec<&str> = bad
        .filter("code", "encoding.invalid")
        .iter()
        .map(|f| f["row"].as_str())
        .collect();
    assert!(rows.contains(&"2") && rows.contains(&"4"), "{rows:?}");
}

#[test]
fn ten_thousand_columns_keep_every_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from("Name,Email");
    (3..=10_000).for_each(|i| text.push_str(&format!(",col{i}")));
    for (name, email) in [
        ("Ann Smith", "ann@example.org"),
        ("Bob Jones", "bob@example.com"),
    ] {
        text.push_str(&format!("\n{name},{email}"));
        (3..=10_000).for_each(|i| text.push_str(&format!(",v{i}")));
    }
    text.push('\n');
    let input = write(dir.path(), "wide.csv", text.as_bytes());
    run_hostile(dir.path(), &input);
    let out = run_ok(&[&input]);
    let x = xref(&out);
    assert_eq!(x.rows.len(), 2);
    assert_eq!(x.at("wide.csv", 2)["email"], "bob@example.com");
}

#[test]
fn bom_in_the_middle_and_mixed_line_endings_keep_every_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = b"Name,Email\r\nAnn,ann@example.org\n\xEF\xBB\xBFBob,bob@example.com\rCara,cara@example.net\r\nDan,dan@example.com";
    let input = write(dir.path(), "mixed.csv", bytes);
    run_hostile(dir.path(), &input);
    let out = run_ok(&[&input]);
    let x = xref(&out);
    assert_eq!(x.rows.len(), 4);
    assert_eq!(x.at("mixed.csv", 2)["email"], "bob@example.com");
    assert_eq!(x.at("mixed.csv", 4)["email"], "dan@example.com");
    assert!(!findings(&out).filter("code", "encoding.bom").is_empty());
}

#[test]
fn failing_runs_never_print_personal_data_from_cells() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pii = ["olena.koval@example.org", "+380501234567", "Koval"];
    let people = write(
        dir.path(),
        "people.csv",
        b"Name,Email,Phone\nOlena Koval,olena.koval@example.org,+380501234567\nOlena Koval,olena.koval@example,not a phone\n",
    );
    let broken = write(
        dir.path(),
        "broken.xlsx",
        b"PK\x03\x04olena.koval@example.org",
    );
    let out = dir.path().join("o").display().to_string();
    let people_arg = people.display().to_string();
    let runs = [
        steward(&[
            "run",
            &people_arg,
            &broken.display().to_string(),
            "--out",
            &out,
        ]),
        steward(&[
            "audit",
            &people_arg,
            "--fail-under",
            "validity=1.0",
            "--out",
            &out,
        ]),
    ];
    for o in runs {
        assert!(!o.status.success());
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        for value in pii {
            assert!(!text.contains(value), "{value} leaked: {text}");
        }
    }
}

#[test]
fn corrupt_xls_found_by_the_fuzzer_is_an_input_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = include_bytes!("../../src/ingest/testdata/xls_sector_past_end.bin");
    let input = write(dir.path(), "corrupt.xls", bytes);
    let o = run_hostile(dir.path(), &input);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("corrupt"));
}
