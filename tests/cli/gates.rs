//! The audit gate, suppression lists, interruption, and tiny files.

use super::common::*;

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

/// `--fail-under "$UNSET"` in CI must not become a gate that always passes.
#[test]
fn an_empty_audit_gate_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = fixture("synth_small").display().to_string();
    let out = dir.path().join("a").display().to_string();
    for empty in ["", ","] {
        let o = steward(&[
            "audit",
            "--quiet",
            &data,
            "--out",
            &out,
            "--fail-under",
            empty,
        ]);
        assert_eq!(o.status.code(), Some(1), "--fail-under {empty:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("--fail-under"), "{err}");
    }
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

/// A list saved by Excel as "CSV UTF-8" (BOM) or "Unicode text" (UTF-16) suppresses every
/// entry, first one included, and the run says how many entries matched.
#[test]
fn suppression_lists_in_excel_encodings_suppress_every_entry_and_are_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "p.csv",
        b"Name,Email,Phone,Country\nAnn Smith,ann@example.org,,GB\nBob Jones,bob@example.com,+44 20 7946 0018,GB\nCy Young,cy@example.net,,US\n",
    );
    let text = "ann@example.org\r\n+44 20 7946 0018\r\nnobody@example.org\r\n";
    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    for (name, bytes) in [("bom.csv", bom), ("unicode.txt", utf16)] {
        let list = write(dir.path(), name, &bytes);
        let out = dir.path().join(format!("out-{name}"));
        let o = steward(&[
            "run",
            &input.display().to_string(),
            "--out",
            &out.display().to_string(),
            "--suppress",
            &list.display().to_string(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let x = Table::read(&out.join("xref.csv"));
        assert_eq!(
            x.filter("status", "suppressed").len(),
            2,
            "{name}: Ann (the first entry) and Bob are suppressed"
        );
        let golden = std::fs::read_to_string(out.join("golden.csv")).expect("golden");
        assert!(
            !golden.contains("ann@example.org"),
            "{name}: Ann is still in golden.csv"
        );
        let run: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).expect("run.json"))
                .expect("json");
        let counts = &run["suppression_list"];
        assert_eq!(
            (&counts["entries"], &counts["matched"], &counts["unmatched"]),
            (&3.into(), &2.into(), &1.into()),
            "{name}: {counts}"
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("3 entries read, 2 matched, 1 matched no row"),
            "{name}: {err}"
        );
    }
}

/// An empty, binary or junk list fails the run (exit 2) naming the list, and no output says
/// anybody was suppressed.
#[test]
fn unreadable_suppression_lists_fail_the_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "p.csv",
        b"Name,Email\nAnn Smith,ann@example.org\n",
    );
    for (name, bytes) in [
        ("empty.csv", b"".as_slice()),
        (
            "binary.xlsx",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb6\x8f",
        ),
        ("junk.txt", b"please erase me\nthanks\n"),
    ] {
        let list = write(dir.path(), name, bytes);
        let out = dir.path().join(format!("out-{name}"));
        let o = steward(&[
            "run",
            "--quiet",
            &input.display().to_string(),
            "--out",
            &out.display().to_string(),
            "--suppress",
            &list.display().to_string(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(name) && err.contains("nobody was suppressed"),
            "{err}"
        );
        assert!(
            !out.join("xref.csv").exists(),
            "{name}: outputs were written"
        );
    }
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
    assert!(!staging_left(&out), "staging directory left behind");
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
