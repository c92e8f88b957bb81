//! End-to-end tests: run the real `steward` binary on the fixtures and check its outputs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Path of a fixture file.
fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// Runs `steward ARGS…` and returns its output.
fn steward(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run steward")
}

/// Runs `steward run INPUTS --out TMP` and returns the temp dir holding the outputs.
fn run_ok(inputs: &[&Path]) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("tempdir");
    let mut args: Vec<String> = vec!["run".into(), "--quiet".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["--out".into(), out.path().display().to_string()]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = steward(&refs);
    assert!(
        o.status.success(),
        "steward failed: {}\n{}",
        String::from_utf8_lossy(&o.stderr),
        String::from_utf8_lossy(&o.stdout)
    );
    out
}

/// A CSV output as a header and rows of field maps.
struct Table {
    rows: Vec<HashMap<String, String>>,
}

impl Table {
    fn read(path: &Path) -> Table {
        let mut r =
            csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let headers: Vec<String> = r
            .headers()
            .expect("headers")
            .iter()
            .map(String::from)
            .collect();
        let rows = r
            .records()
            .map(|rec| {
                let rec = rec.expect("record");
                headers
                    .iter()
                    .cloned()
                    .zip(rec.iter().map(String::from))
                    .collect()
            })
            .collect();
        Table { rows }
    }

    /// Rows whose `col` equals `value`.
    fn filter(&self, col: &str, value: &str) -> Vec<&HashMap<String, String>> {
        self.rows
            .iter()
            .filter(|r| r.get(col).map(String::as_str) == Some(value))
            .collect()
    }

    /// The row of `source` at data row `row`.
    fn at(&self, source: &str, row: u64) -> &HashMap<String, String> {
        let row = row.to_string();
        self.rows
            .iter()
            .find(|r| r["source"] == source && r["row"] == row)
            .unwrap_or_else(|| panic!("no xref row {source}:{row}"))
    }
}

fn xref(out: &tempfile::TempDir) -> Table {
    Table::read(&out.path().join("xref.csv"))
}

fn findings(out: &tempfile::TempDir) -> Table {
    Table::read(&out.path().join("findings.csv"))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write input");
    p
}

// ---------------------------------------------------------------- output contract

#[test]
fn every_output_file_is_written_and_every_row_is_accounted_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "people.csv",
        b"First Name,Last Name,Email,Phone,Country\nAnn,Smith,ann@example.org,+44 20 7946 0018,UK\nBob,Jones,bob@example.com,,USA\n,,,,\nCara,Diaz,,,\n",
    );
    let out = run_ok(&[&input]);
    for f in [
        "golden.csv",
        "xref.csv",
        "pairs.csv",
        "findings.csv",
        "run.json",
        "quality.json",
    ] {
        assert!(out.path().join(f).exists(), "{f} missing");
    }
    let x = xref(&out);
    assert_eq!(x.rows.len(), 3, "three non-blank data rows");
    assert_eq!(x.at("people.csv", 1)["email"], "ann@example.org");
    assert_eq!(x.at("people.csv", 1)["given_name"], "Ann");
    let run: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("run.json")).expect("run.json"),
    )
    .expect("json");
    assert_eq!(run["counts"]["rows_read"], 3);
    assert_eq!(run["sources"][0]["sha256"].as_str().map(str::len), Some(64));
}

#[test]
fn outputs_are_byte_identical_across_thread_counts() {
    let demo = fixture("demo");
    let outs: Vec<tempfile::TempDir> = ["1", "2", "4"]
        .iter()
        .map(|n| {
            let out = tempfile::tempdir().expect("tempdir");
            let o = steward(&[
                "run",
                "--quiet",
                "--threads",
                n,
                &demo.display().to_string(),
                "--out",
                &out.path().display().to_string(),
            ]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            out
        })
        .collect();
    for f in [
        "golden.csv",
        "xref.csv",
        "pairs.csv",
        "findings.csv",
        "quality.json",
    ] {
        let first = std::fs::read(outs[0].path().join(f)).expect("read");
        for o in &outs[1..] {
            assert_eq!(
                first,
                std::fs::read(o.path().join(f)).expect("read"),
                "{f} differs across thread counts"
            );
        }
    }
}

#[test]
fn formula_cells_are_neutralised_in_outputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "evil.csv",
        b"Name,Email,Notes\n=HYPERLINK(\"http://x\"),a@example.org,@SUM(1)\n",
    );
    let out = run_ok(&[&input]);
    let text = std::fs::read_to_string(out.path().join("xref.csv")).expect("xref");
    assert!(!text.contains(",=HYPERLINK"), "{text}");
    assert!(text.contains("'@SUM(1)"), "{text}");
}

// ---------------------------------------------------------------- bad input

#[test]
fn missing_path_is_an_input_error_naming_it() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = steward(&[
        "run",
        "/nonexistent/x.csv",
        "--out",
        &out.path().display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/nonexistent/x.csv"), "{err}");
}

#[test]
fn unknown_flag_and_bad_config_are_usage_errors() {
    assert_eq!(steward(&["run", "--frobnicate"]).status.code(), Some(1));
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = write(
        dir.path(),
        "steward.toml",
        b"[[source]]\npath = \"a.csv\"\nencoding = \"klingon\"\n",
    );
    let o = steward(&[
        "run",
        "--config",
        &cfg.display().to_string(),
        "--out",
        &dir.path().join("o").display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("klingon"));
}

#[test]
fn empty_file_and_empty_directory_are_input_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = write(dir.path(), "empty.csv", b"");
    let out = dir.path().join("out");
    let o = steward(&[
        "run",
        &empty.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("empty.csv"));
    let nodata = dir.path().join("nodata");
    std::fs::create_dir(&nodata).expect("mkdir");
    std::fs::write(nodata.join("notes.md"), "hello").expect("write");
    let o = steward(&[
        "run",
        &nodata.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nodata"));
}

#[test]
fn header_only_file_gives_empty_outputs_not_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "h.csv", b"Name,Email\n");
    let out = run_ok(&[&input]);
    assert_eq!(xref(&out).rows.len(), 0);
}

#[test]
fn nul_bytes_huge_cell_and_duplicate_headers_keep_every_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut big = b"Name,Email,Email,Notes\nAnn\0 Smith,ann@example.org,ann2@example.org,short\nBob,bob@example.com,,".to_vec();
    big.extend(std::iter::repeat_n(b'x', 5 * 1024 * 1024));
    big.extend(b"\nCara,cara@example.net,,\n");
    let input = write(dir.path(), "odd.csv", &big);
    let out = run_ok(&[&input]);
    let x = xref(&out);
    assert_eq!(x.rows.len(), 3);
    assert_eq!(x.at("odd.csv", 1)["email_alt"], "ann2@example.org");
    assert_eq!(x.at("odd.csv", 3)["email"], "cara@example.net");
    assert!(!findings(&out).filter("code", "header.duplicate").is_empty());
}

#[test]
fn binary_file_is_an_input_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let input = write(dir.path(), "blob.csv", &bytes);
    let o = steward(&[
        "run",
        &input.display().to_string(),
        "--out",
        &dir.path().join("o").display().to_string(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("blob.csv"));
}

#[test]
fn failed_run_leaves_previous_outputs_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(dir.path(), "good.csv", b"Name,Email\nAnn,ann@example.org\n");
    let out = dir.path().join("out");
    let o = steward(&[
        "run",
        "--quiet",
        &good.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success());
    let before = std::fs::read(out.join("xref.csv")).expect("xref");
    let bad = write(dir.path(), "bad.csv", b"");
    let o = steward(&[
        "run",
        "--quiet",
        &good.display().to_string(),
        &bad.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(!o.status.success());
    assert_eq!(before, std::fs::read(out.join("xref.csv")).expect("xref"));
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .expect("ls")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".steward"))
        .collect();
    assert!(leftovers.is_empty(), "staging directory left behind");
}

// ---------------------------------------------------------------- init

#[test]
fn init_prints_a_config_that_run_accepts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "p.csv",
        "Прізвище;Ім'я;Телефон\nШевченко;Олександр;067 123 45 67\n".as_bytes(),
    );
    let o = steward(&["init", &input.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(text.contains("family_name"), "{text}");
    assert!(text.contains("delimiter = \";\""), "{text}");
    assert!(text.contains("country = \"UA\""), "{text}");
    let cfg = write(dir.path(), "steward.toml", text.as_bytes());
    let out = dir.path().join("out");
    let o = steward(&[
        "run",
        "--quiet",
        "--config",
        &cfg.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

// ---------------------------------------------------------------- ingest fixtures

/// Every fixture in `fixtures/expected/ingest.json`: the CLI accounts for every row and
/// reports the expected encoding and delimiter; the reader decodes the sample cells exactly.
#[test]
fn ingest_fixtures_decode_and_keep_every_row() {
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("expected/ingest.json")).expect("expected/ingest.json"),
    )
    .expect("json");
    let cases = expected.as_object().expect("object");
    assert!(cases.len() >= 10, "fixture list shrank");
    for (file, want) in cases {
        let path = fixture(&format!("ingest/{file}"));
        let out = run_ok(&[&path]);
        let run: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out.path().join("run.json")).expect("run.json"),
        )
        .expect("json");
        let rows_in_xref = xref(&out).rows.len() as u64;
        assert_eq!(
            Some(rows_in_xref),
            want["rows"].as_u64().or_else(|| sheet_total(want)),
            "{file}: rows"
        );
        let source = &run["sources"][0];
        if let Some(enc) = want["encoding"].as_str() {
            let got = source["encoding"].as_str().unwrap_or("");
            assert!(
                got.eq_ignore_ascii_case(enc),
                "{file}: encoding {got} != {enc}"
            );
        }
        if let Some(d) = want["delimiter"].as_str() {
            assert_eq!(source["delimiter"].as_str(), Some(d), "{file}: delimiter");
        }
        check_samples(&path, file, want);
    }
}

fn sheet_total(want: &serde_json::Value) -> Option<u64> {
    want["sheets"]
        .as_object()
        .map(|s| s.values().filter_map(|v| v.as_u64()).sum())
}

/// The reader's cells at (row, column) equal the expected decoded text.
fn check_samples(path: &Path, file: &str, want: &serde_json::Value) {
    let tables = steward::ingest::read_source(&steward::SourceConfig {
        path: path.to_path_buf(),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{file}: {e}"));
    for sample in want["samples"].as_array().into_iter().flatten() {
        let column = sample["column"].as_str().expect("column");
        let row = sample["row"].as_u64().expect("row");
        let text = sample["text"].as_str().expect("text");
        let sheet = sample["sheet"].as_str();
        let table = tables
            .iter()
            .find(|t| sheet.is_none_or(|s| t.name.ends_with(&format!("#{s}"))))
            .unwrap_or_else(|| panic!("{file}: no table for {sample}"));
        let col = table
            .headers
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("{file}: no column {column} in {:?}", table.headers));
        let cell = table
            .rows
            .iter()
            .find(|r| r.row == row)
            .and_then(|r| r.cells.get(col))
            .unwrap_or_else(|| panic!("{file}: no row {row}"));
        assert_eq!(cell, text, "{file}: row {row} column {column}");
    }
}

#[test]
fn bad_workbooks_are_input_errors_naming_the_file() {
    for (file, needle) in [
        ("bad/truncated.xlsx", "truncated.xlsx"),
        ("bad/password.xlsx", "password"),
    ] {
        let out = tempfile::tempdir().expect("tempdir");
        let o = steward(&[
            "run",
            &fixture(file).display().to_string(),
            "--out",
            &out.path().display().to_string(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{file}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let err = String::from_utf8_lossy(&o.stderr).to_lowercase();
        assert!(err.contains(needle), "{file}: {err}");
    }
}

#[test]
fn odd_but_readable_files_keep_every_row() {
    for (file, rows) in [
        ("bad/nul_bytes.csv", 3),
        ("bad/header_only.csv", 0),
        ("bad/bom_middle.csv", 3),
        ("bad/mixed_line_endings.csv", 4),
        ("bad/merged_cells.xlsx", 4),
    ] {
        let out = run_ok(&[&fixture(file)]);
        assert_eq!(xref(&out).rows.len(), rows, "{file}");
    }
}

// ---------------------------------------------------------------- hostile input

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
    let bytes = include_bytes!("../src/ingest/testdata/xls_sector_past_end.bin");
    let input = write(dir.path(), "corrupt.xls", bytes);
    let o = run_hostile(dir.path(), &input);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("corrupt"));
}
