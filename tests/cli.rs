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

// ---------------------------------------------------------------- steward decisions and the report

/// Runs `steward run DIR --out OUT [--decisions FILE]` and returns the xref table.
fn run_with_decisions(dir: &Path, out: &Path, decisions: Option<&Path>) -> Table {
    let mut args = vec![
        "run".to_string(),
        "--quiet".into(),
        dir.display().to_string(),
        "--out".into(),
        out.display().to_string(),
    ];
    if let Some(d) = decisions {
        args.extend(["--decisions".into(), d.display().to_string()]);
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = steward(&refs);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Table::read(&out.join("xref.csv"))
}

fn customer(x: &Table, source: &str, key: &str) -> String {
    x.rows
        .iter()
        .find(|r| r["source"] == source && r["source_key"] == key)
        .map(|r| r["customer_id"].clone())
        .unwrap_or_else(|| panic!("no xref row {source} / {key}"))
}

/// A steward's decision (in the format the report exports) overrides the model on the next run.
#[test]
fn decisions_override_the_model_on_the_next_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = fixture("synth_small");
    let first = run_with_decisions(&data, &dir.path().join("o1"), None);
    let pairs = Table::read(&dir.path().join("o1/pairs.csv"));
    let key_of = |source: &str, row: &str| -> String {
        first
            .rows
            .iter()
            .find(|r| r["source"] == source && r["row"] == row)
            .map(|r| r["source_key"].clone())
            .expect("row")
    };
    let merged = pairs.filter("decision", "match");
    let held = pairs
        .rows
        .iter()
        .find(|p| {
            p["decision"] != "match"
                && customer(
                    &first,
                    &p["left_source"],
                    &key_of(&p["left_source"], &p["left_row"]),
                ) != customer(
                    &first,
                    &p["right_source"],
                    &key_of(&p["right_source"], &p["right_row"]),
                )
        })
        .expect("a pair the model kept apart");
    let split = merged.first().expect("a pair the model merged");
    let line = |decision: &str, p: &HashMap<String, String>| {
        format!(
            "{decision},{},{},{},{},,steward test\n",
            p["left_source"],
            key_of(&p["left_source"], &p["left_row"]),
            p["right_source"],
            key_of(&p["right_source"], &p["right_row"])
        )
    };
    let file = write(
        dir.path(),
        "decisions.csv",
        format!(
            "decision,left_source,left_key,right_source,right_key,customer_id,note\n{}{}",
            line("match", held),
            line("non-match", split)
        )
        .as_bytes(),
    );
    let second = run_with_decisions(&data, &dir.path().join("o2"), Some(&file));
    let cust = |p: &HashMap<String, String>, side: &str| {
        customer(
            &second,
            &p[&format!("{side}_source")],
            &key_of(&p[&format!("{side}_source")], &p[&format!("{side}_row")]),
        )
    };
    assert_eq!(
        cust(held, "left"),
        cust(held, "right"),
        "must-link not honoured"
    );
    assert_ne!(
        cust(split, "left"),
        cust(split, "right"),
        "cannot-link not honoured"
    );
}

/// Re-running with an added source keeps the IDs of customers whose members did not change.
#[test]
fn customer_ids_are_stable_when_a_source_is_added() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = fixture("demo");
    let some = dir.path().join("some");
    std::fs::create_dir(&some).expect("mkdir");
    for f in ["ua_branch.csv", "th_branch.csv", "old_crm.csv"] {
        std::fs::copy(data.join(f), some.join(f)).expect("copy");
    }
    let before = run_with_decisions(&some, &dir.path().join("o1"), None);
    std::fs::copy(
        data.join("web_signups.jsonl"),
        some.join("web_signups.jsonl"),
    )
    .expect("copy");
    let after = run_with_decisions(&some, &dir.path().join("o2"), None);
    let members = |x: &Table| {
        let mut m: HashMap<String, Vec<String>> = HashMap::new();
        for r in &x.rows {
            m.entry(r["customer_id"].clone())
                .or_default()
                .push(format!("{}#{}", r["source"], r["row"]));
        }
        m
    };
    let (b, a) = (members(&before), members(&after));
    let unchanged: Vec<&String> = b
        .iter()
        .filter(|(id, rows)| a.get(*id) == Some(rows))
        .map(|(id, _)| id)
        .collect();
    let same_members_elsewhere = b
        .iter()
        .filter(|(_, rows)| a.values().any(|r| r == *rows))
        .count();
    assert_eq!(
        unchanged.len(),
        same_members_elsewhere,
        "a customer with the same members got a new ID"
    );
    assert!(unchanged.len() > b.len() / 2);
}

/// The report opens in headless Chromium without script errors, a click on "Match" exports a
/// decision, and that exported file makes the next run merge the pair.
#[test]
fn report_decision_clicked_in_a_browser_sticks_on_the_next_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = fixture("synth_small");
    let first = run_with_decisions(&data, &dir.path().join("o1"), None);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/run.sh");
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    let o = Command::new("bash")
        .arg(&script)
        .arg(dir.path().join("o1/report.html"))
        .arg(&shot)
        .output()
        .expect("run browser check");
    let stdout = String::from_utf8_lossy(&o.stdout).to_string();
    if o.status.code() == Some(2) && std::env::var_os("STEWARD_REQUIRE_BROWSER").is_none() {
        eprintln!(
            "skipped: no chromium ({})",
            String::from_utf8_lossy(&o.stderr)
        );
        return;
    }
    assert!(
        o.status.success(),
        "browser check failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(shot.exists(), "no screenshot");
    let exported: Vec<&str> = stdout
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("decision,") || l.starts_with("match,"))
        .collect();
    assert_eq!(exported.len(), 2, "{stdout}");
    let decision: Vec<&str> = exported[1].split(',').collect();
    assert!(
        customer(&first, decision[1], decision[2]) != customer(&first, decision[3], decision[4]),
        "the first review pair was already merged"
    );
    let file = write(
        dir.path(),
        "decisions.csv",
        format!("{}\n{}\n", exported[0], exported[1]).as_bytes(),
    );
    let second = run_with_decisions(&data, &dir.path().join("o2"), Some(&file));
    assert_eq!(
        customer(&second, decision[1], decision[2]),
        customer(&second, decision[3], decision[4])
    );
}

// ---------------------------------------------------------------- normalisation across countries

/// The demo's exports from seven countries come out as the same clean, comparable values:
/// E.164 phones, ISO dates (Buddhist era converted), ISO countries from any spelling, names
/// split per locale order, postcodes and addresses per country.
#[test]
fn demo_rows_from_seven_countries_are_normalised() {
    let out = run_ok(&[&fixture("demo")]);
    let x = xref(&out);
    let check = |source: &str, row: u64, want: &[(&str, &str)]| {
        let r = x.at(source, row);
        for (col, value) in want {
            assert_eq!(r[*col], *value, "{source}:{row} {col}");
        }
    };
    // Ukraine, cp1251: "Байдак Панас Теодорович" (surname first, patronymic), 050…, DD.MM.YYYY.
    check(
        "ua_branch.csv",
        1,
        &[
            ("family_name", "Байдак"),
            ("given_name", "Панас"),
            ("middle_name", "Теодорович"),
            ("phone", "+380506500510"),
            ("created_at", "2019-02-26"),
            ("country", "UA"),
            ("address_line2", "квартира 25"),
            ("region", "Полтавська область"),
            ("postal_code", "36504"),
        ],
    );
    // The old long-distance form "8 092 …" and "вул.Козацька,117".
    check(
        "ua_branch.csv",
        3,
        &[
            ("phone", "+380923085347"),
            ("address_line1", "вулиця Козацька, 117"),
        ],
    );
    // Thailand, TIS-620: salutation split off, "+66 (0)89…", Buddhist-era date, Thai address markers.
    check(
        "th_branch.csv",
        1,
        &[
            ("salutation", "นาง"),
            ("given_name", "ณิชาภัทร"),
            ("family_name", "ธาราธร"),
            ("phone", "+66896217976"),
            ("created_at", "2020-06-05"),
            ("address_line1", "833 ถนนแจ้งวัฒนะ"),
            ("district", "เมืองเชียงใหม่"),
            ("country", "TH"),
        ],
    );
    // Bangkok written กรุงเทพฯ; a country code written without "+".
    check(
        "th_branch.csv",
        2,
        &[
            ("region", "กรุงเทพมหานคร"),
            ("phone", "+66848346000"),
            ("created_at", "2024-11-28"),
        ],
    );
    // US ("U.S.A."), Germany ("Deutschland"), UK ("UK", number without "+"), Ukraine ("Ukraina",
    // ALL-CAPS surname), France ("Frankreich", dotted number), Poland ("ul.", NN-NNN).
    check(
        "old_crm.csv",
        3,
        &[
            ("country", "US"),
            ("phone", "+18458614092"),
            ("created_at", "2017-02-10T18:40:35Z"),
        ],
    );
    check(
        "old_crm.csv",
        5,
        &[
            ("country", "DE"),
            ("phone", "+4917804719968"),
            ("address_line1", "Schulstraße 15"),
        ],
    );
    check(
        "old_crm.csv",
        6,
        &[
            ("country", "GB"),
            ("phone", "+447135761924"),
            ("postal_code", "LS1 9XF"),
        ],
    );
    check(
        "old_crm.csv",
        9,
        &[
            ("country", "UA"),
            ("family_name", "Sahal"),
            ("phone", "+380759936671"),
        ],
    );
    check(
        "old_crm.csv",
        10,
        &[
            ("country", "FR"),
            ("phone", "+33652560861"),
            ("postal_code", "59006"),
        ],
    );
    check(
        "old_crm.csv",
        19,
        &[
            ("country", "PL"),
            ("phone", "+48509597617"),
            ("postal_code", "50-220"),
        ],
    );
}

/// golden.csv, xref.csv and pairs.csv agree with each other.
#[test]
fn golden_xref_and_pairs_are_consistent() {
    let out = run_ok(&[&fixture("synth_small")]);
    let x = xref(&out);
    let golden = Table::read(&out.path().join("golden.csv"));
    let pairs = Table::read(&out.path().join("pairs.csv"));
    let mut members: HashMap<String, usize> = HashMap::new();
    for r in &x.rows {
        if !r["customer_id"].is_empty() {
            *members.entry(r["customer_id"].clone()).or_default() += 1;
        }
        let expected_status = if r["customer_id"].is_empty() {
            "quarantined"
        } else if members.contains_key(&r["customer_id"]) {
            r["status"].as_str()
        } else {
            ""
        };
        assert_ne!(expected_status, "", "row without status");
    }
    assert_eq!(
        golden.rows.len(),
        members.len(),
        "one golden record per customer_id"
    );
    for g in &golden.rows {
        assert_eq!(
            g["source_count"].parse::<usize>().ok(),
            members.get(&g["customer_id"]).copied(),
            "{}",
            g["customer_id"]
        );
    }
    for r in &x.rows {
        let n = members.get(&r["customer_id"]).copied().unwrap_or(0);
        let want = if n > 1 {
            "merged"
        } else if n == 1 {
            "unique"
        } else {
            "quarantined"
        };
        assert_eq!(r["status"], want, "{}:{}", r["source"], r["row"]);
    }
    let customer_of =
        |source: &str, row: &str| x.at(source, row.parse().expect("row"))["customer_id"].clone();
    assert!(!pairs.rows.is_empty());
    for p in &pairs.rows {
        let prob: f64 = p["match_probability"].parse().expect("probability");
        assert!((0.0..=1.0).contains(&prob));
        if p["decision"] == "match" {
            assert_eq!(
                customer_of(&p["left_source"], &p["left_row"]),
                customer_of(&p["right_source"], &p["right_row"])
            );
        }
    }
}

// ---------------------------------------------------------------- audit, suppression, interruption

#[test]
fn audit_gate_passes_and_fails_with_documented_exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = fixture("synth_small").display().to_string();
    let out = dir.path().join("a1").display().to_string();
    let o = steward(&[
        "audit",
        "--quiet",
        &data,
        "--out",
        &out,
        "--fail-under",
        "completeness=0.1,duplicates=0.9",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let quality: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("a1/quality.json")).expect("quality.json"),
    )
    .expect("json");
    assert!(quality.is_object());
    assert!(dir.path().join("a1/audit.html").exists());
    let out2 = dir.path().join("a2").display().to_string();
    let o = steward(&[
        "audit",
        "--quiet",
        &data,
        "--out",
        &out2,
        "--fail-under",
        "duplicates=0.01,email.validity=0.999",
    ]);
    assert_eq!(o.status.code(), Some(3));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("duplicates"), "{err}");
    let o = steward(&[
        "audit",
        "--quiet",
        &data,
        "--out",
        &out2,
        "--fail-under",
        "sparkle=2",
    ]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn suppressed_people_leave_every_output_but_their_rows_are_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "p.csv",
        b"Name,Email,Phone,Country\nAnn Smith,ann@example.org,+44 20 7946 0018,GB\nA. Smith,,020 7946 0018,GB\nBob Jones,bob@example.com,,US\n",
    );
    let list = write(
        dir.path(),
        "erase.txt",
        b"ANN@example.org\n+44 20 7946 0018\n",
    );
    let out = dir.path().join("out");
    let o = steward(&[
        "run",
        "--quiet",
        &input.display().to_string(),
        "--out",
        &out.display().to_string(),
        "--suppress",
        &list.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in [
        "golden.csv",
        "xref.csv",
        "pairs.csv",
        "findings.csv",
        "report.html",
    ] {
        let text = std::fs::read_to_string(out.join(f)).expect("output");
        assert!(
            !text.contains("ann@example.org") && !text.contains("7946"),
            "{f} still names the suppressed person"
        );
    }
    let x = Table::read(&out.join("xref.csv"));
    assert_eq!(x.rows.len(), 3);
    assert_eq!(
        x.filter("status", "suppressed").len(),
        2,
        "both of Ann's rows (one matched by phone) are suppressed"
    );
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).expect("run.json"))
            .expect("json");
    assert_eq!(run["counts"]["suppressed"], 2);
}

/// SIGTERM mid-run: exit 130, the previous outputs untouched, no staging left behind.
#[test]
fn interrupted_run_keeps_previous_outputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let small = write(
        dir.path(),
        "small.csv",
        b"Name,Email\nAnn,ann@example.org\n",
    );
    let o = steward(&[
        "run",
        "--quiet",
        &small.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success());
    let before = std::fs::read(out.join("xref.csv")).expect("xref");
    let mut big = String::from("Name,Email,Phone,City\n");
    for i in 0..200_000 {
        big.push_str(&format!(
            "Person {i},p{i}@example.org,+44 20 7946 {:04},Leeds\n",
            i % 10_000
        ));
    }
    let big = write(dir.path(), "big.csv", big.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_steward"))
        .args([
            "run",
            "--quiet",
            &big.display().to_string(),
            "--out",
            &out.display().to_string(),
        ])
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(700));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("wait");
    assert_eq!(
        status.code(),
        Some(130),
        "the run finished before the signal or ignored it"
    );
    assert_eq!(before, std::fs::read(out.join("xref.csv")).expect("xref"));
    let staging = std::fs::read_dir(&out)
        .expect("ls")
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with(".steward"));
    assert!(!staging, "staging directory left behind");
}

/// A file of a few rows cannot measure how common a name is; an obvious duplicate in it
/// (same name, same phone) is still merged, and a different person is not.
#[test]
fn obvious_duplicates_merge_even_in_a_tiny_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "tiny.csv",
        b"Name,Email,Phone,Country\nAnn Smith,ann@example.org,+44 20 7946 0018,GB\nAnn Smith,,020 7946 0018,GB\nBob Jones,bob@example.com,,US\n",
    );
    let x = xref(&run_ok(&[&input]));
    assert_eq!(
        x.at("tiny.csv", 1)["customer_id"],
        x.at("tiny.csv", 2)["customer_id"]
    );
    assert_ne!(
        x.at("tiny.csv", 1)["customer_id"],
        x.at("tiny.csv", 3)["customer_id"]
    );
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
