//! Output formats (`--format csv|xlsx|parquet`) read back as the CSVs, and Parquet and Arrow
//! inputs read as the same data in a CSV would be.

use super::common::*;
use calamine::Data;
use polars::prelude::{
    DataFrame, DataType, IntoColumn, IpcWriter, NamedFrom, ParquetWriter, SerWriter, Series,
};

const TABLES: [&str; 4] = ["golden", "xref", "pairs", "findings"];

/// Runs `steward run` with `extra` flags and asserts it succeeded.
fn run_with(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let o = run_args(inputs, out, extra);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

/// The demo's CRM export, and a file with a leading-zero postcode and a cell that a
/// spreadsheet would run as a formula.
fn demo_like(dir: &Path) -> Vec<PathBuf> {
    let crm = dir.join("old_crm.csv");
    std::fs::copy(fixture("demo/old_crm.csv"), &crm).expect("copy");
    let notes = write(
        dir,
        "notes.csv",
        "Name,Email,Postcode,Country,Notes\n\
         Olena Koval,olena.koval@example.com,01001,UA,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n\
         Ivan Franko,ivan.franko@example.com,04053,UA,called twice\n"
            .as_bytes(),
    );
    vec![crm, notes]
}

const ALL_FORMATS: [&str; 6] = ["--format", "csv", "--format", "xlsx", "--format", "parquet"];

/// Every table's workbook holds the CSV's header and rows, cell for cell: text as strings
/// (neutralised alike), numbers only in the numeric columns; its Parquet file has the same
/// columns and rows, typed, with the values as they are.
#[test]
fn xlsx_and_parquet_outputs_read_back_as_the_csvs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = demo_like(dir.path());
    let refs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let out = dir.path().join("out");
    run_with(&refs, &out, &ALL_FORMATS);
    for table in TABLES {
        let (header, rows) = csv_cells(&out.join(format!("{table}.csv")));
        assert!(!rows.is_empty(), "{table}.csv is empty");
        check_workbook(&out.join(format!("{table}.xlsx")), table, &header, &rows);
        check_parquet(&out.join(format!("{table}.parquet")), table, &header, &rows);
    }

    // The leading-zero postcode and the formula: text in the workbook, the formula neutralised.
    let sheets = xlsx_sheets(&out.join("xref.xlsx"));
    let rows = &sheets[0].1;
    let col = |name: &str| {
        rows[0]
            .iter()
            .position(|c| *c == Data::String(name.to_string()))
            .expect(name)
    };
    let (postcode, notes, row) = (col("postal_code"), col("notes"), col("row"));
    let olena = rows
        .iter()
        .find(|r| r[notes].to_string().contains("HYPERLINK"))
        .expect("the formula row");
    assert_eq!(olena[postcode], Data::String("01001".into()));
    assert_eq!(
        olena[notes],
        Data::String("'=HYPERLINK(\"http://x\",\"y\")".into())
    );
    assert!(
        matches!(olena[row], Data::Float(_)),
        "row is a number: {:?}",
        olena[row]
    );
    let frame = parquet_frame(&out.join("xref.parquet"));
    let notes_values = frame_column(&frame, "notes");
    assert!(notes_values.contains(&Some("=HYPERLINK(\"http://x\",\"y\")".to_string())));
    assert!(frame_column(&frame, "postal_code").contains(&Some("01001".to_string())));
    assert_eq!(frame.column("row").expect("row").dtype(), &DataType::Int64);
    let pairs = parquet_frame(&out.join("pairs.parquet"));
    for (name, dtype) in [
        ("left_row", DataType::Int64),
        ("match_probability", DataType::Float64),
        ("match_weight", DataType::Float64),
        ("decision", DataType::String),
    ] {
        assert_eq!(pairs.column(name).expect(name).dtype(), &dtype, "{name}");
    }

    // The set holds every file; run.json lists them; the folder links them.
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).expect("run.json"))
            .expect("json");
    let listed: Vec<&str> = run["outputs"]
        .as_array()
        .expect("outputs")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for table in TABLES {
        for ext in ["csv", "xlsx", "parquet"] {
            let name = format!("{table}.{ext}");
            assert!(
                listed.contains(&name.as_str()),
                "run.json does not list {name}: {listed:?}"
            );
            let link =
                std::fs::read_link(out.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                link.starts_with(".steward/current"),
                "{name} -> {}",
                link.display()
            );
        }
    }
    assert_eq!(
        run["formats"],
        serde_json::json!(["csv", "xlsx", "parquet"])
    );

    // The same run gives the same bytes.
    let again = dir.path().join("again");
    run_with(&refs, &again, &ALL_FORMATS);
    for table in TABLES {
        for ext in ["xlsx", "parquet"] {
            let name = format!("{table}.{ext}");
            let a = std::fs::read(out.join(&name)).expect("first");
            let b = std::fs::read(again.join(&name)).expect("second");
            assert!(a == b, "{name} differs between two runs of the same inputs");
        }
    }
}

/// The workbook's sheets hold the header and exactly the CSV's rows.
fn check_workbook(path: &Path, table: &str, header: &[String], rows: &[Vec<String>]) {
    let sheets = xlsx_sheets(path);
    assert_eq!(sheets.len(), 1, "{table}: one sheet");
    assert_eq!(sheets[0].0, table, "{table}: sheet name");
    let got = &sheets[0].1;
    let names: Vec<String> = got[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(names, header, "{table}.xlsx header");
    assert_eq!(got.len() - 1, rows.len(), "{table}.xlsx rows");
    for (i, (cells, want)) in got[1..].iter().zip(rows).enumerate() {
        for (j, want) in want.iter().enumerate() {
            let cell = cells.get(j).unwrap_or(&Data::Empty);
            let same = match cell {
                Data::Empty => want.is_empty(),
                Data::String(s) => s == want,
                Data::Float(f) => want.parse::<f64>().is_ok_and(|w| w == *f),
                other => panic!("{table}.xlsx row {i} {}: {other:?}", header[j]),
            };
            assert!(
                same,
                "{table}.xlsx row {i} {}: {cell:?} != {want:?}",
                header[j]
            );
        }
    }
}

/// The Parquet file has the CSV's columns and rows, each value as the CSV has it (without
/// the spreadsheet quote); empty cells are null.
fn check_parquet(path: &Path, table: &str, header: &[String], rows: &[Vec<String>]) {
    let frame = parquet_frame(path);
    let names: Vec<String> = frame
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(names, header, "{table}.parquet columns");
    assert_eq!(frame.height(), rows.len(), "{table}.parquet rows");
    for (j, name) in header.iter().enumerate() {
        let dtype = frame.column(name).expect("column").dtype().clone();
        let values = frame_column(&frame, name);
        for (i, (got, row)) in values.iter().zip(rows).enumerate() {
            let want = &row[j];
            let same = match (&dtype, got) {
                (_, None) => want.is_empty(),
                (DataType::String, Some(v)) => {
                    v == steward::spreadsheet::unneutralised(want).unwrap_or(want)
                }
                (DataType::Int64 | DataType::Float64, Some(v)) => {
                    v.parse::<f64>().ok() == want.parse::<f64>().ok()
                }
                (other, _) => panic!("{table}.parquet {name}: {other}"),
            };
            assert!(same, "{table}.parquet row {i} {name}: {got:?} != {want:?}");
        }
    }
}

/// The customers of a small export: the phone a number column, one phone missing.
const NAMES: [&str; 4] = [
    "Olena Koval",
    "Olena Koval",
    "Ivan Franko",
    "Lesya Ukrainka",
];
const EMAILS: [&str; 4] = [
    "olena.koval@example.com",
    "o.koval@example.net",
    "ivan.franko@example.com",
    "lesya@example.org",
];
const PHONES: [Option<i64>; 4] = [
    Some(380_501_234_567),
    Some(380_501_234_567),
    None,
    Some(380_671_112_233),
];
const POSTCODES: [&str; 4] = ["01001", "01001", "79000", "04053"];

fn customers_frame() -> DataFrame {
    let columns = vec![
        Series::new("Name".into(), NAMES).into_column(),
        Series::new("Email".into(), EMAILS).into_column(),
        Series::new("Phone".into(), PHONES).into_column(),
        Series::new("Postcode".into(), POSTCODES).into_column(),
        Series::new("Country".into(), ["UA"; 4]).into_column(),
    ];
    DataFrame::new(4, columns).expect("frame")
}

fn customers_csv() -> String {
    let mut csv = String::from("Name,Email,Phone,Postcode,Country\n");
    for i in 0..4 {
        let phone = PHONES[i].map(|p| p.to_string()).unwrap_or_default();
        csv.push_str(&format!(
            "{},{},{phone},{},UA\n",
            NAMES[i], EMAILS[i], POSTCODES[i]
        ));
    }
    csv
}

/// golden.csv without the columns that name the source file.
fn customers(out: &Path) -> Vec<Vec<String>> {
    let (header, rows) = csv_cells(&out.join("golden.csv"));
    let keep: Vec<usize> = (0..header.len())
        .filter(|&i| header[i] != "sources" && header[i] != "customer_id")
        .collect();
    let mut customers: Vec<Vec<String>> = rows
        .iter()
        .map(|r| keep.iter().map(|&i| r[i].clone()).collect())
        .collect();
    customers.sort();
    customers
}

/// A Parquet and an Arrow IPC extract (an int64 phone column with a null) give the same
/// customers, rows and values as the same data as CSV.
#[test]
fn parquet_and_arrow_inputs_read_as_the_same_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = write(dir.path(), "customers.csv", customers_csv().as_bytes());
    let parquet = dir.path().join("customers.parquet");
    let mut frame = customers_frame();
    ParquetWriter::new(std::fs::File::create(&parquet).expect("create"))
        .finish(&mut frame)
        .expect("write parquet");
    let arrow = dir.path().join("customers.arrow");
    IpcWriter::new(std::fs::File::create(&arrow).expect("create"))
        .finish(&mut frame)
        .expect("write ipc");

    let from_csv = dir.path().join("from_csv");
    run_with(&[&csv], &from_csv, &[]);
    let want = customers(&from_csv);
    assert_eq!(want.len(), 3, "Olena's two rows are one customer: {want:?}");
    let csv_xref = Table::read(&from_csv.join("xref.csv"));
    for (input, format) in [(&parquet, "parquet"), (&arrow, "ipc")] {
        let out = dir.path().join(format!("from_{format}"));
        run_with(&[input], &out, &[]);
        assert_eq!(customers(&out), want, "{format}: customers");
        let x = Table::read(&out.join("xref.csv"));
        let source = input.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(x.rows.len(), 4, "{format}: every row");
        for row in 1..=4 {
            let (got, csv_row) = (x.at(&source, row), csv_xref.at("customers.csv", row));
            for field in [
                "given_name",
                "family_name",
                "email",
                "phone",
                "postal_code",
                "status",
            ] {
                assert_eq!(got[field], csv_row[field], "{format} row {row} {field}");
            }
        }
        assert_eq!(x.at(&source, 1)["phone"], "+380501234567");
        assert_eq!(x.at(&source, 3)["phone"], "");
        let run: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).expect("run.json"))
                .expect("json");
        assert_eq!(run["sources"][0]["format"], format);
        assert_eq!(run["sources"][0]["name"], source.as_str());
    }
}

/// A truncated Parquet file, and a text file named `.parquet`, are input errors (exit 2)
/// naming the file, not a panic.
#[test]
fn a_broken_parquet_file_is_an_input_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut whole = Vec::new();
    ParquetWriter::new(&mut whole)
        .finish(&mut customers_frame())
        .expect("write parquet");
    let truncated = write(dir.path(), "truncated.parquet", &whole[..whole.len() / 2]);
    let mut scrambled = whole.clone();
    let middle = scrambled.len() / 2;
    scrambled[8..middle]
        .iter_mut()
        .for_each(|b| *b = b.wrapping_mul(31).wrapping_add(7));
    let scrambled = write(dir.path(), "scrambled.parquet", &scrambled);
    let text = write(
        dir.path(),
        "export.parquet",
        b"Name,Email\nAnn,ann@example.org\n",
    );
    let arrow = write(dir.path(), "extract.feather", b"ARROW1\0\0not really");
    for path in [&truncated, &scrambled, &text, &arrow] {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let o = run_args(&[path], &dir.path().join(format!("out_{name}")), &[]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(&name), "{name} not named: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}

/// `[output] formats` in the config chooses the formats (CSV left out when not named), an
/// unknown format is a configuration error, and `--format` replaces the config's list.
#[test]
fn the_config_key_chooses_the_formats_and_the_flag_replaces_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "customers.csv", customers_csv().as_bytes());
    let config = write(
        dir.path(),
        "steward.toml",
        format!(
            "[[source]]\npath = {:?}\n\n[output]\nformats = [\"parquet\"]\n",
            input.display().to_string()
        )
        .as_bytes(),
    );
    let out = dir.path().join("out");
    run_config(&config, &out);
    for table in TABLES {
        assert!(
            out.join(format!("{table}.parquet")).exists(),
            "{table}.parquet"
        );
        assert!(
            !out.join(format!("{table}.csv")).exists(),
            "{table}.csv written"
        );
        assert!(
            !out.join(format!("{table}.xlsx")).exists(),
            "{table}.xlsx written"
        );
    }
    let flagged = dir.path().join("flagged");
    let cfg = config.display().to_string();
    run_with(&[], &flagged, &["--config", &cfg, "--format", "xlsx"]);
    assert!(flagged.join("golden.xlsx").exists());
    assert!(!flagged.join("golden.parquet").exists());

    let bad = write(dir.path(), "bad.toml", b"[output]\nformats = [\"xls\"]\n");
    let bad = bad.display().to_string();
    let o = run_args(&[&input], &dir.path().join("bad_out"), &["--config", &bad]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("xls"),
        "the unknown format is not named: {err}"
    );
}
