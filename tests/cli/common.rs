//! Helpers shared by the integration tests: running the binary, reading its CSV outputs.

pub use std::collections::HashMap;
pub use std::path::{Path, PathBuf};
pub use std::process::{Command, Output};

/// Path of a fixture file.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// Runs `steward ARGS…` and returns its output.
pub fn steward(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run steward")
}

/// Runs `steward run INPUTS --out TMP` and returns the temp dir holding the outputs.
pub fn run_ok(inputs: &[&Path]) -> tempfile::TempDir {
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
pub struct Table {
    pub rows: Vec<HashMap<String, String>>,
}

impl Table {
    pub fn read(path: &Path) -> Table {
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
    pub fn filter(&self, col: &str, value: &str) -> Vec<&HashMap<String, String>> {
        self.rows
            .iter()
            .filter(|r| r.get(col).map(String::as_str) == Some(value))
            .collect()
    }

    /// The row of `source` at data row `row`.
    pub fn at(&self, source: &str, row: u64) -> &HashMap<String, String> {
        let row = row.to_string();
        self.rows
            .iter()
            .find(|r| r["source"] == source && r["row"] == row)
            .unwrap_or_else(|| panic!("no xref row {source}:{row}"))
    }
}

pub fn xref(out: &tempfile::TempDir) -> Table {
    Table::read(&out.path().join("xref.csv"))
}

pub fn findings(out: &tempfile::TempDir) -> Table {
    Table::read(&out.path().join("findings.csv"))
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write input");
    p
}

/// Runs `steward run --quiet --config CONFIG --out OUT` and asserts it succeeded.
pub fn run_config(config: &Path, out: &Path) {
    let o = steward(&[
        "run",
        "--quiet",
        "--config",
        &config.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Whether a run left a staging folder (of a set being written) in the output folder `out`.
pub fn staging_left(out: &Path) -> bool {
    let names = |dir: &Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    names(out).iter().any(|n| n.starts_with(".steward-staging"))
        || names(&out.join(".steward"))
            .iter()
            .any(|n| n.starts_with("staging-"))
}
