//! The state a run keeps for the next one (`state/`): a run with `--previous` that reuses
//! the earlier run's normalised rows and compared pairs writes exactly what it writes
//! without them, and scores with the earlier run's model until the data shifts.

use super::common::*;
use std::path::{Path, PathBuf};

/// The outputs that must not depend on whether kept state was used.
const OUTPUTS: [&str; 5] = [
    "xref.csv",
    "golden.csv",
    "pairs.csv",
    "findings.csv",
    "changes.csv",
];

fn run_into(input: &Path, out: &Path, extra: &[&str]) -> serde_json::Value {
    let o = run_args(&[input], out, extra);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(out.join("run.json")).expect("run.json");
    serde_json::from_str(&text).expect("run.json parses")
}

/// A copy of the small synthetic exports.
fn exports(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("input dir");
    for entry in std::fs::read_dir(fixture("synth_small")).expect("fixtures") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, input.join(path.file_name().expect("name"))).expect("copy");
    }
    input
}

/// The next export of the CRM: one row edited, one row gone, one new row.
fn grow(input: &Path) {
    let path = input.join("old_crm.csv");
    let text = std::fs::read_to_string(&path).expect("crm export");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[3] = lines[3].replace("btinternet", "btintrenet");
    lines.remove(5);
    let copy = lines[1]
        .replace("CHRISTIAN.BOND79", "chris.bond")
        .replace("0035g", "0099x");
    lines.push(copy);
    std::fs::write(&path, lines.join("\n") + "\n").expect("edited export");
}

fn same_outputs(a: &Path, b: &Path) {
    for name in OUTPUTS {
        let (x, y) = (output_text(&a.join(name)), output_text(&b.join(name)));
        assert!(
            x == y,
            "{name} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

#[test]
fn a_run_reusing_kept_rows_and_pairs_writes_what_it_writes_without_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = exports(dir.path());
    let (old, bare) = (dir.path().join("old"), dir.path().join("bare"));
    run_into(&input, &old, &[]);
    run_into(&input, &bare, &[]);
    assert!(old.join("state/rows.bin").is_file() && old.join("state/pairs.bin").is_file());
    // The same earlier run without its kept state.
    std::fs::remove_file(bare.join("state")).expect("the state entry of the set");
    grow(&input);

    // Trained again, so that only the kept rows and pairs differ between the two runs.
    let reused = dir.path().join("reused");
    let with = run_into(
        &input,
        &reused,
        &["--previous", &old.display().to_string(), "--retrain"],
    );
    let fresh = dir.path().join("fresh");
    let without = run_into(&input, &fresh, &["--previous", &bare.display().to_string()]);
    same_outputs(&reused, &fresh);

    let rows = with["counts"]["rows_read"].as_u64().expect("rows");
    let r = &with["reuse"];
    assert_eq!(r["rows_normalized"], 2, "the edited and the new row: {r}");
    assert_eq!(r["rows_reused"].as_u64(), Some(rows - 2), "{r}");
    assert!(r["pairs_reused"].as_u64().expect("pairs") > 0, "{r}");
    assert_eq!(
        r["pairs_reused"].as_u64().expect("reused")
            + r["pairs_compared"].as_u64().expect("compared"),
        with["counts"]["pairs_compared"].as_u64().expect("all"),
    );
    assert_eq!(r["model_reused"], false, "{r}");
    assert!(
        r["model_not_used"]
            .as_str()
            .is_some_and(|s| s.contains("--retrain")),
        "{r}"
    );
    let w = &without["reuse"];
    assert_eq!(w["rows_reused"], 0, "{w}");
    assert!(
        w["rows_not_used"]
            .as_str()
            .is_some_and(|s| s.contains("kept no rows")),
        "{w}"
    );
}

#[test]
fn damaged_kept_state_is_not_used_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = exports(dir.path());
    let old = dir.path().join("old");
    run_into(&input, &old, &[]);
    let previous = old.display().to_string();
    let clean = dir.path().join("clean");
    run_into(&input, &clean, &["--previous", &previous]);
    for name in ["rows.bin", "pairs.bin", "model.bin"] {
        let path = old.join("state").join(name);
        let mut bytes = std::fs::read(&path).expect("kept state");
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x55;
        std::fs::write(&path, bytes).expect("damaged");
    }
    let damaged = dir.path().join("damaged");
    let run = run_into(&input, &damaged, &["--previous", &previous]);
    same_outputs(&clean, &damaged);
    let r = &run["reuse"];
    assert_eq!(r["rows_reused"], 0, "{r}");
    assert_eq!(r["pairs_reused"], 0, "{r}");
    assert_eq!(r["model_reused"], false, "{r}");
    for why in ["rows_not_used", "pairs_not_used", "model_not_used"] {
        assert!(
            r[why].as_str().is_some_and(|s| s.contains("damaged")),
            "{r}"
        );
    }
}

#[test]
fn a_masked_run_keeps_no_state() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = exports(dir.path());
    let out = dir.path().join("masked");
    run_into(&input, &out, &["--mask-pii"]);
    assert!(
        !out.join("state").exists(),
        "normalised values stay out of a masked set"
    );
}

#[test]
fn the_earlier_model_scores_until_the_data_shifts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = exports(dir.path());
    let old = dir.path().join("old");
    run_into(&input, &old, &[]);
    assert!(old.join("state/model.bin").is_file());
    let previous = old.display().to_string();

    // The same exports again: the kept model is the one training gives.
    let kept = dir.path().join("kept");
    let run = run_into(&input, &kept, &["--previous", &previous]);
    let r = &run["reuse"];
    assert_eq!(r["model_reused"], true, "{r}");
    assert_eq!(r["model_shift"]["levels"], 0.0, "{r}");
    assert_eq!(r["model_shift"]["records"], 0.0, "{r}");
    let trained = dir.path().join("trained");
    run_into(&input, &trained, &["--previous", &previous, "--retrain"]);
    same_outputs(&kept, &trained);

    // A few rows edited, gone or new: the data has not shifted, the model stays.
    grow(&input);
    let grown = run_into(
        &input,
        &dir.path().join("grown"),
        &["--previous", &previous],
    );
    let r = &grown["reuse"];
    assert_eq!(r["model_reused"], true, "{r}");
    let shift = |what: &str| r["model_shift"][what].as_f64().expect("shift");
    assert!(shift("records") < 0.05 && shift("levels") > 0.0, "{r}");

    // Another export as large as the rest: trained again, and run.json says why.
    let crm = std::fs::read_to_string(input.join("old_crm.csv")).expect("crm export");
    let renamed: String = crm
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                format!("{line}\n")
            } else {
                format!("{}\n", line.replace('0', "7"))
            }
        })
        .collect();
    for copy in ["second_crm.csv", "third_crm.csv"] {
        std::fs::write(input.join(copy), &renamed).expect("another export");
    }
    let shifted = run_into(
        &input,
        &dir.path().join("shifted"),
        &["--previous", &previous],
    );
    let r = &shifted["reuse"];
    assert_eq!(r["model_reused"], false, "{r}");
    assert!(
        r["model_not_used"]
            .as_str()
            .is_some_and(|s| s.contains("changed by") || s.contains("moved by")),
        "{r}"
    );
}
