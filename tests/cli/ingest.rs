//! The ingest fixtures: encodings, delimiters, workbooks and JSONL decode exactly and keep every row.

use super::common::*;

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
