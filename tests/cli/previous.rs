//! Runs that build on the previous run: customer IDs carried over, `changes.csv`.

use super::common::*;
use std::collections::HashMap;

fn run(dir: &std::path::Path, out: &str, input: &std::path::Path, extra: &[&str]) -> Table {
    let out = dir.join(out);
    let mut args = vec![
        "run".to_string(),
        "--quiet".into(),
        input.display().to_string(),
        "--out".into(),
        out.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = steward(&refs);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Table::read(&out.join("xref.csv"))
}

fn id_of(x: &Table, key: &str) -> String {
    x.rows
        .iter()
        .find(|r| r["source_key"] == key)
        .map(|r| r["customer_id"].clone())
        .unwrap_or_else(|| panic!("no row {key}"))
}

const FIRST: &[u8] = b"id,Name,Email,Phone,Country\n\
    1,Ann Smith,ann@example.org,+44 20 7946 0018,GB\n\
    2,Ann Smith,ann@example.org,,GB\n\
    9,Ann Smith,ann@example.org,020 7946 0018,GB\n\
    3,Bob Jones,bob@example.com,+1 202 555 0147,US\n\
    4,Cy Young,cy@example.net,,US\n\
    5,Dee Ward,dee@example.io,,US\n";

/// The first run on [`FIRST`] (`o1`), then a second run on the same export (`o2`) with
/// `--previous o1` and a decisions file of `decisions` lines (after the header).
fn first_then_decided(dir: &std::path::Path, decisions: &str) -> (Table, Table) {
    let input = write(dir, "crm.csv", FIRST);
    let first = run(dir, "o1", &input, &[]);
    let decisions = write(
        dir,
        "decisions.csv",
        format!("decision,left_source,left_key,right_source,right_key\n{decisions}").as_bytes(),
    );
    let o1 = dir.join("o1").display().to_string();
    let d = decisions.display().to_string();
    let second = run(dir, "o2", &input, &["--previous", &o1, "--decisions", &d]);
    (first, second)
}

/// The same export again: every customer keeps its ID and is `unchanged`.
#[test]
fn the_same_export_again_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "crm.csv", FIRST);
    let first = run(dir.path(), "o1", &input, &[]);
    let o1 = dir.path().join("o1").display().to_string();
    let second = run(dir.path(), "o2", &input, &["--previous", &o1]);
    for key in ["1", "2", "9", "3", "4", "5"] {
        assert_eq!(id_of(&first, key), id_of(&second, key));
    }
    let changes = Table::read(&dir.path().join("o2/changes.csv"));
    assert_eq!(changes.rows.len(), 4, "one line per customer");
    assert!(
        changes.rows.iter().all(|r| r["change"] == "unchanged"),
        "{:?}",
        changes.rows
    );
}

/// A grown and edited export: a changed e-mail is `updated` with the field named, a new row
/// a `new` customer, a row gone a `removed` one; a steward's match merges two customers (the
/// ID of one survives, the other is `merged` into it) and a row taken out of a customer of
/// three is `split` from it while the larger part keeps the ID.
#[test]
fn changes_since_the_previous_run_are_named_and_ids_stay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "crm.csv", FIRST);
    let first = run(dir.path(), "o1", &input, &[]);
    let second_input = dir.path().join("next");
    std::fs::create_dir(&second_input).expect("mkdir");
    let input = write(
        &second_input,
        "crm.csv",
        b"id,Name,Email,Phone,Country\n\
          1,Ann Smith,ann@example.org,+44 20 7946 0018,GB\n\
          2,Ann Smith,ann@example.org,,GB\n\
          9,Ann Smith,ann@example.org,020 7946 0018,GB\n\
          3,Bob Jones,bob@example.com,+1 202 555 0147,US\n\
          4,Cy Young,cy.young@example.net,,US\n\
          6,Eve Stone,eve@example.com,,US\n\
          7,Fay Lowe,fay@example.com,,US\n\
          8,Gus Hale,gus@example.com,,US\n",
    );
    let decisions = write(
        dir.path(),
        "decisions.csv",
        b"decision,left_source,left_key,right_source,right_key\n\
          split,crm.csv,9,,\n\
          match,crm.csv,7,crm.csv,8\n",
    );
    let o1 = dir.path().join("o1").display().to_string();
    let d = decisions.display().to_string();
    let second = run(
        dir.path(),
        "o2",
        &input,
        &["--previous", &o1, "--decisions", &d],
    );
    let changes = Table::read(&dir.path().join("o2/changes.csv"));
    let of: HashMap<(String, String), &HashMap<String, String>> = changes
        .rows
        .iter()
        .map(|r| ((r["customer_id"].clone(), r["change"].clone()), r))
        .collect();
    let line = |id: &str, change: &str| {
        of.get(&(id.to_string(), change.to_string()))
            .copied()
            .unwrap_or_else(|| panic!("no {change} line for {id}: {:?}", changes.rows))
    };
    // Ann keeps her ID with two of her three rows; the row taken out is split from her.
    let ann = id_of(&first, "1");
    assert_eq!(id_of(&second, "1"), ann);
    assert_eq!(line(&ann, "updated")["rows_removed"], "1");
    let taken_out = id_of(&second, "9");
    assert_ne!(taken_out, ann);
    assert_eq!(line(&taken_out, "split")["previous_customer_id"], ann);
    // Bob is untouched; Cy's e-mail changed.
    assert_eq!(id_of(&second, "3"), id_of(&first, "3"));
    line(&id_of(&first, "3"), "unchanged");
    let cy = id_of(&first, "4");
    assert_eq!(id_of(&second, "4"), cy);
    assert_eq!(line(&cy, "updated")["fields_changed"], "email");
    // Dee is gone; Eve is new; Fay and Gus are one new customer.
    let dee = id_of(&first, "5");
    let removed = changes.filter("change", "removed");
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0]["previous_customer_id"], dee);
    line(&id_of(&second, "6"), "new");
    assert_eq!(id_of(&second, "7"), id_of(&second, "8"));
    let run: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("o2/run.json")).expect("run.json"),
    )
    .expect("json");
    assert_eq!(run["changes"]["removed"], 1);
    assert_eq!(run["changes"]["split"], 1);
    let report = std::fs::read_to_string(dir.path().join("o2/report.html")).expect("report");
    assert!(report.contains("<tr><td>removed</td><td class=\"num\">1</td></tr>"));
    assert!(
        report.contains(&format!("<td>{dee}</td>")),
        "the removed customer is listed"
    );
}

/// A split whose smaller part holds the row the earlier ID was derived from: the larger part
/// still keeps the ID, and the smaller gets an ID no customer of the earlier run had.
#[test]
fn the_larger_part_of_a_split_keeps_the_id_even_without_its_first_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (first, second) = first_then_decided(dir.path(), "split,crm.csv,1,,\n");
    let ann = id_of(&first, "1");
    assert_eq!(ann, id_of(&first, "9"), "one customer in the first run");
    assert_eq!(id_of(&second, "2"), ann, "the two rows left keep the ID");
    assert_eq!(id_of(&second, "9"), ann);
    let taken_out = id_of(&second, "1");
    let earlier: std::collections::HashSet<&str> = first
        .rows
        .iter()
        .map(|r| r["customer_id"].as_str())
        .collect();
    assert!(
        !earlier.contains(taken_out.as_str()),
        "{taken_out} was an earlier customer's ID"
    );
    let changes = Table::read(&dir.path().join("o2/changes.csv"));
    let lines_of = |id: &str| changes.filter("customer_id", id);
    let split = lines_of(&taken_out);
    assert_eq!(split.len(), 1, "{:?}", changes.rows);
    assert_eq!(split[0]["change"], "split");
    assert_eq!(split[0]["previous_customer_id"], ann);
    let kept = lines_of(&ann);
    assert_eq!(kept.len(), 1, "{:?}", changes.rows);
    assert_eq!(kept[0]["change"], "updated");
    assert_eq!(kept[0]["rows_removed"], "1");
}

/// Two customers of the earlier run that this run merges: the one with more rows keeps its
/// ID, the other is listed as merged into it.
#[test]
fn when_two_customers_merge_the_larger_keeps_its_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (first, second) = first_then_decided(dir.path(), "match,crm.csv,1,crm.csv,3\n");
    let (ann, bob) = (id_of(&first, "1"), id_of(&first, "3"));
    assert_eq!(
        id_of(&second, "3"),
        ann,
        "Ann's three rows outnumber Bob's one"
    );
    let changes = Table::read(&dir.path().join("o2/changes.csv"));
    let merged = changes.filter("change", "merged");
    assert!(
        merged
            .iter()
            .any(|r| r["customer_id"] == ann && r["previous_customer_id"] == bob),
        "{:?}",
        changes.rows
    );
    assert!(changes.filter("previous_customer_id", &bob).len() == 1);
}

/// `--previous` naming a folder that is not Steward's output is refused with a message.
#[test]
fn a_previous_folder_that_is_not_an_output_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "crm.csv", FIRST);
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let o = steward(&[
        "run",
        "--quiet",
        &input.display().to_string(),
        "--out",
        &dir.path().join("o").display().to_string(),
        "--previous",
        &empty.display().to_string(),
    ]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--previous") && err.contains("run.json"),
        "{err}"
    );
}

/// A previous set whose files were edited after the run, or whose state is of another
/// format, is refused naming what is wrong; the untouched set is accepted.
#[test]
fn a_tampered_or_incompatible_previous_set_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "crm.csv", FIRST);
    run(dir.path(), "o1", &input, &[]);
    let o1 = dir.path().join("o1");
    let run_json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(o1.join("run.json")).expect("run.json"))
            .expect("json");
    assert_eq!(run_json["state"]["format"], 1);
    for name in ["xref.csv", "golden.csv"] {
        assert_eq!(
            run_json["state"]["files"][name].as_str().map(str::len),
            Some(64),
            "{name} has a SHA-256"
        );
    }
    let again = |out: &str| {
        steward(&[
            "run",
            "--quiet",
            &input.display().to_string(),
            "--out",
            &dir.path().join(out).display().to_string(),
            "--previous",
            &o1.display().to_string(),
        ])
    };
    assert!(again("o2").status.success(), "the set as written is read");

    // A customer ID edited by hand in xref.csv.
    let xref = std::fs::read_to_string(o1.join("xref.csv")).expect("xref");
    let first_id = id_of(&Table::read(&o1.join("xref.csv")), "1");
    std::fs::write(
        o1.join("xref.csv"),
        xref.replacen(&first_id, "C000000000000", 1),
    )
    .expect("edit");
    let o = again("o3");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("xref.csv changed after the run"), "{err}");
    std::fs::write(o1.join("xref.csv"), xref).expect("restore");

    // A state written by a later format.
    let mut newer = run_json.clone();
    newer["state"]["format"] = serde_json::json!(2);
    std::fs::write(o1.join("run.json"), newer.to_string()).expect("edit run.json");
    let o = again("o4");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("format 2") && err.contains("reads format 1"),
        "{err}"
    );
}

/// A steward's decisions stick through the run after without being given again: the output
/// set keeps them in `decisions.csv`, and `--previous` carries them over.
#[test]
fn decisions_carry_over_from_the_previous_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "crm.csv", FIRST);
    let decisions = write(
        dir.path(),
        "decisions.csv",
        b"decision,left_source,left_key\nsplit,crm.csv,9\n",
    );
    let d = decisions.display().to_string();
    let first = run(dir.path(), "o1", &input, &["--decisions", &d]);
    assert_ne!(id_of(&first, "9"), id_of(&first, "1"), "the split held");
    let kept = std::fs::read_to_string(dir.path().join("o1/decisions.csv")).expect("kept");
    assert!(kept.contains("split,crm.csv,9"), "{kept}");
    let o1 = dir.path().join("o1").display().to_string();
    let second = run(dir.path(), "o2", &input, &["--previous", &o1]);
    assert_ne!(id_of(&second, "9"), id_of(&second, "1"), "carried over");
    assert_eq!(id_of(&second, "9"), id_of(&first, "9"));
    let without = run(dir.path(), "o3", &input, &[]);
    assert_eq!(
        id_of(&without, "9"),
        id_of(&without, "1"),
        "the model alone merges it"
    );
}

/// With a target and `--previous`, the target's `delta/` holds only the contacts new or
/// changed since the earlier run's import files, `merges.csv` the customers merged into
/// another and `deletes.csv` those gone; a run with nothing new loads nothing.
#[test]
fn a_phase_with_a_target_loads_only_what_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "crm.csv",
        b"id,Name,Email,Phone,Country\n\
          1,Ann Smith,ann@example.org,+44 20 7946 0018,GB\n\
          3,Bob Jones,bob@example.com,+1 202 555 0147,US\n\
          4,Cy Young,cy@example.net,,US\n\
          5,Dee Ward,dee@example.io,,US\n\
          7,Fay Lowe,fay@example.com,,US\n\
          8,Gus Hale,gus@example.com,,US\n",
    );
    let first = run(dir.path(), "o1", &input, &["--target", "salesforce"]);
    let next = dir.path().join("next");
    std::fs::create_dir(&next).expect("mkdir");
    let input = write(
        &next,
        "crm.csv",
        b"id,Name,Email,Phone,Country\n\
          1,Ann Smith,ann@example.org,+44 20 7946 0018,GB\n\
          3,Bob Jones,bob@example.com,+1 202 555 0147,US\n\
          4,Cy Young,cy.young@example.net,,US\n\
          6,Eve Stone,eve@example.com,,US\n\
          7,Fay Lowe,fay@example.com,,US\n\
          8,Gus Hale,gus@example.com,,US\n",
    );
    let decisions = write(
        dir.path(),
        "decisions.csv",
        b"decision,left_source,left_key,right_source,right_key\n\
          match,crm.csv,7,crm.csv,8\n",
    );
    let o1 = dir.path().join("o1").display().to_string();
    let d = decisions.display().to_string();
    let args = [
        "--target",
        "salesforce",
        "--previous",
        &o1,
        "--decisions",
        &d,
    ];
    let second = run(dir.path(), "o2", &input, &args);
    let delta = dir.path().join("o2/import/salesforce/delta");
    let contacts = Table::read(&delta.join("Contact.csv"));
    let mut loaded: Vec<String> = contacts
        .rows
        .iter()
        .map(|r| r["Steward_Customer_Id__c"].clone())
        .collect();
    loaded.sort();
    // Cy's e-mail changed, Eve is new; Ann and Bob are as they were loaded. Fay and Gus
    // are one customer now: the survivor is upserted (its row changed), the other merged.
    let (fay, gus) = (id_of(&first, "7"), id_of(&first, "8"));
    let survivor = id_of(&second, "7");
    assert_eq!(survivor, id_of(&second, "8"));
    let mut expected = vec![id_of(&second, "4"), id_of(&second, "6")];
    expected.push(survivor.clone());
    expected.sort();
    assert_eq!(loaded, expected);
    let merges = Table::read(&delta.join("merges.csv"));
    let absorbed = if survivor == fay { &gus } else { &fay };
    assert_eq!(merges.rows.len(), 1, "{:?}", merges.rows);
    assert_eq!(merges.rows[0]["surviving_id"], survivor);
    assert_eq!(&merges.rows[0]["merged_id"], absorbed);
    let deletes = Table::read(&delta.join("deletes.csv"));
    assert_eq!(deletes.rows.len(), 1, "{:?}", deletes.rows);
    assert_eq!(deletes.rows[0]["id"], id_of(&first, "5"), "Dee is gone");
    let readme = std::fs::read_to_string(dir.path().join("o2/import/salesforce/README.txt"))
        .expect("readme");
    assert!(readme.contains("delta/merges.csv"), "{readme}");

    // The same export once more: nothing to load.
    let o2 = dir.path().join("o2").display().to_string();
    run(
        dir.path(),
        "o3",
        &input,
        &["--target", "salesforce", "--previous", &o2],
    );
    let again = dir.path().join("o3/import/salesforce/delta");
    assert!(Table::read(&again.join("Contact.csv")).rows.is_empty());
    assert!(Table::read(&again.join("Account.csv")).rows.is_empty());
    assert!(Table::read(&again.join("merges.csv")).rows.is_empty());
}

/// `steward audit --baseline DIR` with an earlier run's output folder says what changed
/// since: counts in `quality.json`, the customers in `changes.csv` and on the page.
#[test]
fn an_audit_against_an_earlier_run_says_what_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "crm.csv", FIRST);
    let first = run(dir.path(), "o1", &input, &[]);
    let next = dir.path().join("next");
    std::fs::create_dir(&next).expect("mkdir");
    let input = write(
        &next,
        "crm.csv",
        b"id,Name,Email,Phone,Country\n\
          1,Ann Smith,ann@example.org,+44 20 7946 0018,GB\n\
          2,Ann Smith,ann@example.org,,GB\n\
          9,Ann Smith,ann@example.org,020 7946 0018,GB\n\
          3,Bob Jones,bob@example.com,+1 202 555 0147,US\n\
          4,Cy Young,cy.young@example.net,,US\n\
          6,Eve Stone,eve@example.com,,US\n",
    );
    let audit_out = dir.path().join("audit");
    let o = steward(&[
        "audit",
        "--quiet",
        &input.display().to_string(),
        "--out",
        &audit_out.display().to_string(),
        "--baseline",
        &dir.path().join("o1").display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let quality: serde_json::Value = serde_json::from_slice(
        &std::fs::read(audit_out.join("quality.json")).expect("quality.json"),
    )
    .expect("json");
    assert_eq!(quality["changes"]["new"], 1, "{}", quality["changes"]);
    assert_eq!(quality["changes"]["updated"], 1);
    assert_eq!(quality["changes"]["removed"], 1);
    assert_eq!(quality["changes"]["unchanged"], 2);
    let changes = Table::read(&audit_out.join("changes.csv"));
    let removed = changes.filter("change", "removed");
    assert_eq!(removed[0]["previous_customer_id"], id_of(&first, "5"));
    let page = std::fs::read_to_string(audit_out.join("audit.html")).expect("page");
    assert!(page.contains("Since the previous run"));

    // A folder with neither a quality.json nor a run's rows is no baseline.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let o = steward(&[
        "audit",
        "--quiet",
        &input.display().to_string(),
        "--out",
        &dir.path().join("audit2").display().to_string(),
        "--baseline",
        &empty.display().to_string(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("baseline folder"));
}

/// A steward's `assign` of rows to an earlier customer's ID keeps that customer as it was:
/// `unchanged`, not split from itself.
#[test]
fn a_customer_assigned_its_own_earlier_id_is_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "crm.csv", FIRST);
    let first = run(dir.path(), "o1", &input, &[]);
    let cy = id_of(&first, "4");
    let decisions = write(
        dir.path(),
        "decisions.csv",
        format!("decision,left_source,left_key,customer_id\nassign,crm.csv,4,{cy}\n").as_bytes(),
    );
    let o1 = dir.path().join("o1").display().to_string();
    let d = decisions.display().to_string();
    let second = run(
        dir.path(),
        "o2",
        &input,
        &["--previous", &o1, "--decisions", &d],
    );
    assert_eq!(id_of(&second, "4"), cy);
    let changes = Table::read(&dir.path().join("o2/changes.csv"));
    let lines = changes.filter("customer_id", &cy);
    assert_eq!(lines.len(), 1, "{:?}", changes.rows);
    assert_eq!(lines[0]["change"], "unchanged", "{:?}", lines[0]);
    assert_eq!(lines[0]["previous_customer_id"], cy);
}
