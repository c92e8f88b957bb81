//! The output contract: every file written, rows accounted for, determinism, spreadsheet safety, `init`.

use super::common::*;

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
    run_config(&cfg, &out);
}

/// The config `init` writes for a folder with a two-sheet workbook reads every sheet again.
#[test]
fn init_config_for_the_demo_reads_every_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = steward(&["init", &fixture("demo").display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cfg = write(dir.path(), "steward.toml", &o.stdout);
    let out = dir.path().join("out");
    run_config(&cfg, &out);
    let direct = xref(&run_ok(&[&fixture("demo")]));
    assert_eq!(
        Table::read(&out.join("xref.csv")).rows.len(),
        direct.rows.len()
    );
    assert!(
        direct
            .rows
            .iter()
            .any(|r| r["source"] == "sales_reps.xlsx#Events")
    );
}

/// `run.json` and the report show the model's calibration: every compared pair in the
/// weight histogram, and each what-if threshold counting exactly the listed pairs above it.
#[test]
fn calibration_accounts_for_every_compared_pair() {
    let out = run_ok(&[&fixture("demo")]);
    let run: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("run.json")).expect("run.json"),
    )
    .expect("json");
    let cal = &run["calibration"];
    let compared = run["counts"]["pairs_compared"]
        .as_u64()
        .expect("pairs_compared");
    assert!(compared > 0);
    assert_eq!(cal["pairs_compared"].as_u64(), Some(compared));
    let in_bands: u64 = cal["histogram"]
        .as_array()
        .expect("histogram")
        .iter()
        .filter_map(|b| b["pairs"].as_u64())
        .sum();
    assert_eq!(in_bands, compared);
    let pairs = Table::read(&out.path().join("pairs.csv"));
    for w in cal["what_if"].as_array().expect("what_if") {
        let p = w["probability"].as_f64().expect("probability");
        let listed = pairs
            .rows
            .iter()
            .filter(|r| r["match_probability"].parse::<f64>().is_ok_and(|q| q >= p))
            .count() as u64;
        // pairs.csv rounds probabilities to six places; allow a pair sitting on the threshold.
        let counted = w["pairs_at_or_above"].as_u64().expect("count");
        assert!(
            counted.abs_diff(listed) <= 1,
            "at {p}: {counted} vs {listed} listed"
        );
    }
    assert_eq!(cal["match_threshold"]["probability"].as_f64(), Some(0.95));
    let report = std::fs::read_to_string(out.path().join("report.html")).expect("report");
    assert!(report.contains("id=\"weight-histogram\""));
    assert!(report.contains("id=\"threshold-what-if\""));
}

/// `pairs.csv` names both rows by key and repeats the values compared, as `xref.csv` has
/// them, so a decision can be written from it alone.
#[test]
fn pairs_carry_both_keys_and_the_compared_values() {
    let out = run_ok(&[&fixture("demo")]);
    let pairs = Table::read(&out.path().join("pairs.csv"));
    let x = Table::read(&out.path().join("xref.csv"));
    assert!(!pairs.rows.is_empty());
    for p in &pairs.rows {
        for side in ["left", "right"] {
            let row: u64 = p[&format!("{side}_row")].parse().expect("row");
            let r = x.at(&p[&format!("{side}_source")], row);
            assert_eq!(p[&format!("{side}_key")], r["source_key"]);
            for field in ["given_name", "family_name", "email", "phone", "postal_code"] {
                assert_eq!(p[&format!("{side}_{field}")], r[field], "{side} {field}");
            }
        }
    }
}
