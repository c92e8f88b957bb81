//! The first hour with Steward: `init` writes a config that runs from anywhere, the README's
//! config runs as copied, configured columns and inputs are never silently dropped or doubled,
//! and the closing summary reads well.

use super::common::*;

/// Runs `steward ARGS…` in directory `cwd`.
fn steward_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run steward")
}

/// Runs `steward run --config CONFIG --out OUT` from the root directory, with the closing
/// summary, and asserts it succeeded.
fn run_loud(config: &Path, out: &Path) -> Output {
    let o = steward_in(
        Path::new("/"),
        &[
            "run",
            "--config",
            &config.display().to_string(),
            "--out",
            &out.display().to_string(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    o
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A Ukrainian branch's export: surname first, with patronymics, day-first dates.
const UA: &str = "ПІБ;Телефон;Дата реєстрації\n\
    Шевченко Олександр Петрович;067 123 45 67;26.02.2019\n\
    Коваленко Марія Іванівна;050 222 33 44;13.11.2020\n\
    Бондар Олег Миколайович;063 555 66 77;01.03.2021\n\
    Ткаченко Ірина Василівна;099 888 77 66;05.07.2022\n";

/// `init -w ELSEWHERE/steward.toml`, run from a third directory, reads the same files.
#[test]
fn init_written_elsewhere_runs_from_any_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("data")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("conf")).expect("mkdir");
    write(&dir.path().join("data"), "ua.csv", UA.as_bytes());
    let o = steward_in(dir.path(), &["init", "data", "-w", "conf/steward.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.path().join("conf/steward.toml")).expect("config");
    assert!(text.contains("path = \"../data/ua.csv\""), "{text}");
    let out = dir.path().join("out");
    let o = steward_in(
        Path::new("/"),
        &[
            "run",
            "--quiet",
            "--config",
            &dir.path().join("conf/steward.toml").display().to_string(),
            "--out",
            &out.display().to_string(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(Table::read(&out.join("xref.csv")).rows.len(), 4);
}

/// `init` writes the name and date order it sniffed, and a comment on every key and section.
#[test]
fn init_writes_sniffed_orders_and_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "ua.csv", UA.as_bytes());
    let o = steward(&["init", &input.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(text.contains("name_order = \"family_first\""), "{text}");
    assert!(text.contains("date_order = \"day_first\""), "{text}");
    let mut in_columns = false;
    let mut previous = "";
    for line in text.lines() {
        if line.starts_with('[') {
            assert!(
                previous.starts_with('#'),
                "no comment before {line}:\n{text}"
            );
            in_columns = line == "[source.columns]";
        } else if !in_columns && !line.starts_with('#') && line.contains(" = ") {
            assert!(line.contains("# "), "key without a comment: {line}");
        }
        previous = line;
    }
    let cfg = write(dir.path(), "steward.toml", text.as_bytes());
    run_config(&cfg, &dir.path().join("out"));
}

/// The keys of a TOML text (before `=`, outside `[source.columns]`).
fn config_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut in_columns = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_columns = line == "[source.columns]";
            let section = line.trim_matches(|c| c == '[' || c == ']');
            keys.push(section.to_string());
        } else if !in_columns
            && !line.starts_with('#')
            && let Some((key, _)) = line.split_once(" = ")
        {
            keys.push(key.trim().to_string());
        }
    }
    keys
}

/// Every key and section `init` writes, for the demo and for a workbook sheet, is described
/// in the README.
#[test]
fn every_key_init_writes_is_in_the_readme() {
    let readme = std::fs::read_to_string(fixture("../README.md")).expect("README");
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "ua.csv", UA.as_bytes());
    let mut keys = Vec::new();
    for input in [fixture("demo"), dir.path().to_path_buf()] {
        let o = steward(&["init", &input.display().to_string()]);
        assert!(o.status.success(), "{}", stderr(&o));
        keys.extend(config_keys(&String::from_utf8_lossy(&o.stdout)));
    }
    for must in [
        "path",
        "sheet",
        "name_order",
        "date_order",
        "source.columns",
    ] {
        assert!(
            keys.iter().any(|k| k == must),
            "init wrote no {must}: {keys:?}"
        );
    }
    for key in keys {
        let documented = readme.contains(&format!("`{key}`"))
            || readme.contains(&format!("`[{key}]`"))
            || readme.contains(&format!("`[[{key}]]`"));
        assert!(documented, "README does not describe `{key}`");
    }
}

/// The README's configuration example (between its markers), saved beside the repository's
/// folders, runs as copied from any working directory.
#[test]
fn readme_config_example_runs_as_copied() {
    let readme = std::fs::read_to_string(fixture("../README.md")).expect("README");
    let start = "<!-- config-example: start -->";
    let end = "<!-- config-example: end -->";
    let block = readme
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(block, _)| block)
        .expect("README config example markers");
    let toml = block
        .split_once("```toml\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(toml, _)| toml)
        .expect("a ```toml block between the markers");
    // Beside the repository's folders, as `steward.toml` in its root would be.
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["fixtures", "schemas"] {
        std::os::unix::fs::symlink(root.join(name), dir.path().join(name)).expect("link");
    }
    let cfg = write(dir.path(), "steward.toml", toml.as_bytes());
    let parsed = steward::Config::from_file(&cfg).expect("README config parses");
    assert!(parsed.sources.len() >= 2, "{parsed:?}");
    assert!(parsed.schemas_dir.is_some(), "schemas_dir read as a column");
    let out = dir.path().join("out");
    let o = run_loud(&cfg, &out);
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    let xref = Table::read(&out.join("xref.csv"));
    assert!(xref.rows.iter().any(|r| r["source"] == "ua_branch.csv"));
    assert!(
        xref.rows
            .iter()
            .any(|r| r["source"] == "sales_reps.xlsx#Leads")
    );
    assert!(
        !xref
            .rows
            .iter()
            .any(|r| r["source"] == "sales_reps.xlsx#Events")
    );
}

/// A `[source.columns]` header the file does not have is a warning finding naming the file
/// and the column, and a warning on the terminal.
#[test]
fn a_configured_column_the_file_lacks_is_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "p.csv",
        b"Name,Email\nAnn Smith,ann@example.org\n",
    );
    let cfg = write(
        dir.path(),
        "steward.toml",
        b"[[source]]\npath = \"p.csv\"\n[source.columns]\n\"E-Mail Address\" = \"email\"\nName = \"full_name\"\n",
    );
    let out = dir.path().join("out");
    let err = stderr(&run_loud(&cfg, &out));
    assert!(
        err.contains("warning") && err.contains("p.csv") && err.contains("E-Mail Address"),
        "{err}"
    );
    let found = Table::read(&out.join("findings.csv"));
    let missing = found.filter("code", "column.not_found");
    assert_eq!(missing.len(), 1, "{:?}", found.rows);
    assert_eq!(missing[0]["source"], "p.csv");
    assert_eq!(missing[0]["field"], "E-Mail Address");
    assert_eq!(missing[0]["severity"], "warning");
}

/// Files in subfolders are read, in path order; a Steward output folder among them is
/// skipped with a warning finding.
#[test]
fn files_in_subfolders_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("exports");
    std::fs::create_dir_all(inputs.join("2024/march")).expect("mkdir");
    std::fs::create_dir_all(inputs.join("old-run/.steward")).expect("mkdir");
    write(&inputs, "a.csv", b"Name,Email\nAnn Smith,ann@example.org\n");
    write(
        &inputs.join("2024/march"),
        "b.csv",
        b"Name,Email\nBob Jones,bob@example.org\n",
    );
    write(
        &inputs.join("old-run"),
        "xref.csv",
        b"Name,Email\nNot Read,no@example.org\n",
    );
    let out = dir.path().join("out");
    let o = steward(&[
        "run",
        "--quiet",
        &inputs.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let xref = Table::read(&out.join("xref.csv"));
    let sources: Vec<&str> = xref.rows.iter().map(|r| r["source"].as_str()).collect();
    assert_eq!(sources, ["a.csv", "b.csv"]);
    let found = Table::read(&out.join("findings.csv"));
    assert_eq!(found.filter("code", "input.steward_output").len(), 1);
}

/// One file given twice — the same path, a folder and a file in it, a link to it — is read
/// once, with a warning.
#[test]
fn the_same_file_given_twice_is_read_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("exports");
    std::fs::create_dir_all(&inputs).expect("mkdir");
    let file = write(
        &inputs,
        "a.csv",
        b"Name,Email\nAnn Smith,ann@example.org\nBob Jones,bob@example.org\n",
    );
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&file, &link).expect("link");
    let dotted = inputs.join("..").join("exports").join("a.csv");
    for extra in [&file, &inputs, &link, &dotted] {
        let out = dir.path().join("out");
        let o = steward(&[
            "run",
            &file.display().to_string(),
            &extra.display().to_string(),
            "--out",
            &out.display().to_string(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stderr(&o).contains("warning"), "{}", stderr(&o));
        assert_eq!(
            Table::read(&out.join("xref.csv")).rows.len(),
            2,
            "{extra:?}"
        );
        let found = Table::read(&out.join("findings.csv"));
        assert_eq!(
            found.filter("code", "input.duplicate").len(),
            1,
            "{extra:?}"
        );
    }
}

/// The closing line gives the elapsed time and the report's path; counts have thousands
/// separators.
#[test]
fn the_closing_summary_reads_well() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut csv = String::from("Name,Email\n");
    for i in 0..1234 {
        csv.push_str(&format!("Person{i} Smith{i},p{i}@example.org\n"));
    }
    let input = write(dir.path(), "many.csv", csv.as_bytes());
    let out = dir.path().join("out");
    let o = steward(&[
        "run",
        &input.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("1,234 rows"), "{err}");
    let last = err.lines().last().unwrap_or("");
    let report = out.join("report.html").display().to_string();
    assert!(last.contains(" s") && last.contains("done in"), "{last}");
    assert!(last.contains(&report), "{last}");
}

/// The closing summary and the report say "rows merged", with the same number.
#[test]
fn the_cli_and_the_report_count_rows_merged_alike() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let o = steward(&[
        "run",
        &fixture("demo").display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let merged = err
        .split(" rows merged")
        .next()
        .and_then(|before| before.rsplit('(').next())
        .expect("rows merged in the summary")
        .to_string();
    assert!(
        merged.chars().all(|c| c.is_ascii_digit() || c == ','),
        "{err}"
    );
    let html = std::fs::read_to_string(out.join("report.html")).expect("report");
    assert!(
        html.contains(&format!("<b>{merged}</b><span>rows merged</span>")),
        "report does not say {merged} rows merged"
    );
    assert!(!html.contains("duplicates merged"));
}

/// A configured `date_order` decides numeric dates before the row's country does.
#[test]
fn a_configured_date_order_is_honoured() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "p.csv",
        b"Name,Email,Created\nAnn Smith,ann@example.org,03/05/2024\n",
    );
    let cfg = write(
        dir.path(),
        "steward.toml",
        b"[[source]]\npath = \"p.csv\"\ncountry = \"GB\"\ndate_order = \"month_first\"\n",
    );
    let out = dir.path().join("out");
    run_config(&cfg, &out);
    let xref = Table::read(&out.join("xref.csv"));
    assert!(
        xref.rows[0]["created_at"].starts_with("2024-03-05"),
        "{:?}",
        xref.rows[0]
    );
}
