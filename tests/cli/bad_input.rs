//! Bad input: missing, empty, binary and odd files give clear errors or findings, never a lost row.

use super::common::*;

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
    assert!(!staging_left(&out), "staging directory left behind");
}
