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

/// Runs `steward run --quiet INPUTS --out OUT EXTRA…`, whatever its outcome.
pub fn run_args(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<String> = vec!["run".into(), "--quiet".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["--out".into(), out.display().to_string()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    steward(&refs)
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

/// A CSV output as its header and rows of cells.
pub fn csv_cells(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// A CSV output as a header and rows of field maps.
pub struct Table {
    pub rows: Vec<HashMap<String, String>>,
}

impl Table {
    pub fn read(path: &Path) -> Table {
        let (headers, cells) = csv_cells(path);
        let rows = cells
            .into_iter()
            .map(|cells| headers.iter().cloned().zip(cells).collect())
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

/// Every sheet of a workbook output, in order: its name and its rows of cells.
pub fn xlsx_sheets(path: &Path) -> Vec<(String, Vec<Vec<calamine::Data>>)> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let rows = range.rows().map(<[calamine::Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

/// A Parquet output read back with polars.
pub fn parquet_frame(path: &Path) -> polars::prelude::DataFrame {
    use polars::prelude::SerReader;
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    polars::prelude::ParquetReader::new(file)
        .finish()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One column of a frame as optional text cells (numbers in their display form).
pub fn frame_column(frame: &polars::prelude::DataFrame, name: &str) -> Vec<Option<String>> {
    let series = frame
        .column(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .as_materialized_series()
        .cast(&polars::prelude::DataType::String)
        .expect("as text");
    let text = series.str().expect("text");
    text.iter().map(|v| v.map(str::to_string)).collect()
}

/// The text of every cell of an output file, whatever its format (CSV, JSON and HTML as they
/// are; a workbook's and a Parquet file's cells one per line).
pub fn output_text(path: &Path) -> String {
    let name = path.to_string_lossy();
    if name.ends_with(".xlsx") {
        let mut text = String::new();
        for (sheet, rows) in xlsx_sheets(path) {
            text.push_str(&sheet);
            for cell in rows.iter().flatten() {
                text.push('\n');
                text.push_str(&cell.to_string());
            }
        }
        text
    } else if name.ends_with(".parquet") {
        let frame = parquet_frame(path);
        let mut text = String::new();
        for column in frame.columns() {
            text.push_str(column.name());
            for cell in frame_column(&frame, column.name()).into_iter().flatten() {
                text.push('\n');
                text.push_str(&cell);
            }
        }
        text
    } else {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name} is not text: {e}"))
    }
}
