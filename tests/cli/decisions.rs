//! Steward decisions, stable customer IDs, and the report clicked in a real browser.

use super::common::*;

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
    // pairs.csv says why: the steward's word, not the model's.
    let again = Table::read(&dir.path().join("o2/pairs.csv"));
    for (p, decision) in [(held, "match"), (split, "non-match")] {
        let row = again
            .rows
            .iter()
            .find(|q| {
                q["left_source"] == p["left_source"]
                    && q["left_row"] == p["left_row"]
                    && q["right_source"] == p["right_source"]
                    && q["right_row"] == p["right_row"]
            })
            .expect("the decided pair is listed");
        assert_eq!(row["decision"], decision);
        assert_eq!(row["reason"], "steward");
    }
    assert!(
        again
            .rows
            .iter()
            .all(|q| ["model", "steward"].contains(&q["reason"].as_str())
                || q["reason"].starts_with("conflict:")),
        "every pair carries a reason"
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

/// Runs the headless-Chromium check of `report` in `selftest` mode and returns the decisions
/// CSV lines the page exported (header first); `None` when there is no browser and none is
/// required.
fn browser_export(report: &Path, selftest: &str) -> Option<Vec<String>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/run.sh");
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("report-{selftest}.png"));
    let o = Command::new("bash")
        .arg(&script)
        .arg(report)
        .arg(&shot)
        .env("SELFTEST", selftest)
        .output()
        .expect("run browser check");
    let stdout = String::from_utf8_lossy(&o.stdout).to_string();
    if o.status.code() == Some(2) && std::env::var_os("STEWARD_REQUIRE_BROWSER").is_none() {
        eprintln!(
            "skipped: no chromium ({})",
            String::from_utf8_lossy(&o.stderr)
        );
        return None;
    }
    assert!(
        o.status.success(),
        "browser check failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    Some(
        stdout
            .lines()
            .map(str::trim)
            .filter(|l| {
                ["decision,", "match,", "non-match,", "split,", "value,"]
                    .iter()
                    .any(|p| l.starts_with(p))
            })
            .map(String::from)
            .collect(),
    )
}

/// "None match" on a group of review pairs with the same evidence, clicked in headless
/// Chromium, exports every pair of the group; on the next run none of them is merged and
/// each is listed as the steward's decision.
#[test]
fn a_group_decision_clicked_in_a_browser_covers_every_pair_of_the_group() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = fixture("synth_small");
    let first = run_with_decisions(&data, &dir.path().join("o1"), None);
    let Some(exported) = browser_export(&dir.path().join("o1/report.html"), "group") else {
        return;
    };
    assert!(
        exported.len() >= 3,
        "a group has two pairs or more: {exported:?}"
    );
    assert!(exported[1..].iter().all(|l| l.starts_with("non-match,")));
    let file = write(
        dir.path(),
        "decisions.csv",
        format!("{}\n", exported.join("\n")).as_bytes(),
    );
    let second = run_with_decisions(&data, &dir.path().join("o2"), Some(&file));
    for line in &exported[1..] {
        let d: Vec<&str> = line.split(',').collect();
        assert_ne!(
            customer(&second, d[1], d[2]),
            customer(&second, d[3], d[4]),
            "{line}"
        );
        // Each exported pair was a review pair of the first run, between two customers.
        assert_ne!(customer(&first, d[1], d[2]), customer(&first, d[3], d[4]));
    }
    let pairs = Table::read(&dir.path().join("o2/pairs.csv"));
    let by_steward = pairs.filter("reason", "steward");
    assert_eq!(
        by_steward.len(),
        exported.len() - 1,
        "each group pair decided by the steward"
    );
}

/// "Take out" and "Use" clicked in the report's customer browser export a `split` and a
/// `value` decision that the next run honours.
#[test]
fn split_and_value_chosen_in_the_customer_browser_stick_on_the_next_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = fixture("synth_small");
    let first = run_with_decisions(&data, &dir.path().join("o1"), None);
    let Some(exported) = browser_export(&dir.path().join("o1/report.html"), "customer") else {
        return;
    };
    let find = |kind: &str| -> Vec<String> {
        let line = exported
            .iter()
            .find(|l| l.starts_with(kind))
            .unwrap_or_else(|| panic!("no {kind} decision in {exported:?}"));
        line.split(',').map(String::from).collect()
    };
    let (split, value) = (find("split,"), find("value,"));
    let before = customer(&first, &split[1], &split[2]);
    assert!(
        first.filter("customer_id", &before).len() > 1,
        "the row had company"
    );
    let file = write(
        dir.path(),
        "decisions.csv",
        format!("{}\n", exported.join("\n")).as_bytes(),
    );
    let second = run_with_decisions(&data, &dir.path().join("o2"), Some(&file));
    let after = customer(&second, &split[1], &split[2]);
    assert_eq!(
        second.filter("customer_id", &after).len(),
        1,
        "a customer of its own"
    );
    let golden = Table::read(&dir.path().join("o2/golden.csv"));
    let (id, field, chosen) = (&value[5], &value[6], &value[7]);
    let g = golden.filter("customer_id", id);
    assert_eq!(g.len(), 1, "the customer keeps its ID");
    assert_eq!(&g[0][field.as_str()], chosen);
    assert_ne!(customer(&first, &split[1], &split[2]), *id, "two customers");
}

/// Four distinct people in one file keyed by an ID column, and a run of them with `decisions`.
fn four_people(dir: &Path, decisions: &str) -> (Table, Table, serde_json::Value, String) {
    let input = write(
        dir,
        "crm.csv",
        b"id,Name,Email,Country\nA1,Ann Smith,ann@example.org,GB\nB2,Bob Jones,bob@example.com,GB\nC3,Cy Young,cy@example.net,US\nD4,Dee Ward,dee@example.io,US\n",
    );
    let file = write(dir, "decisions.csv", decisions.as_bytes());
    let out = dir.join("out");
    let o = steward(&[
        "run",
        &input.display().to_string(),
        "--out",
        &out.display().to_string(),
        "--decisions",
        &file.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).expect("run.json"))
            .expect("json");
    (
        Table::read(&out.join("xref.csv")),
        Table::read(&out.join("findings.csv")),
        run,
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

/// A second `assign` of one row to another customer is a conflict finding at that row, the
/// first assignment stands, and the run counts it.
#[test]
fn a_conflicting_second_assignment_is_reported_and_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (x, findings, run, stderr) = four_people(
        dir.path(),
        "decision,left_source,left_key,customer_id\nassign,crm.csv,A1,ACME-1\nassign,crm.csv,A1,ACME-2\n",
    );
    assert_eq!(customer(&x, "crm.csv", "A1"), "ACME-1");
    let conflicts = findings.filter("code", "dedupe.decision_conflict");
    assert_eq!(conflicts.len(), 1, "no finding for the ignored assignment");
    assert_eq!(
        (
            conflicts[0]["source"].as_str(),
            conflicts[0]["row"].as_str()
        ),
        ("crm.csv", "1")
    );
    assert_eq!(run["decisions"]["read"], 2);
    assert_eq!(run["decisions"]["conflicting"], 1);
    assert!(
        stderr.contains("decisions: 2 read, 0 unresolved, 1 conflicting"),
        "{stderr}"
    );
}

/// `assign` to the ID an existing customer has puts the row into that customer, which keeps
/// its ID and its own member, instead of taking the ID away from it.
#[test]
fn assigning_a_row_to_an_existing_customer_joins_it_without_renaming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = dir.path().join("first");
    std::fs::create_dir(&first).expect("mkdir");
    let (before, _, _, _) = four_people(&first, "decision,left_source,left_key,customer_id\n");
    let bob = customer(&before, "crm.csv", "B2");
    let (after, findings, _, _) = four_people(
        dir.path(),
        &format!("decision,left_source,left_key,customer_id\nassign,crm.csv,C3,{bob}\n"),
    );
    assert_eq!(
        customer(&after, "crm.csv", "B2"),
        bob,
        "Bob's customer was renamed"
    );
    assert_eq!(
        customer(&after, "crm.csv", "C3"),
        bob,
        "Cy did not join Bob's customer"
    );
    assert!(
        findings
            .filter("code", "dedupe.decision_conflict")
            .is_empty()
    );
}

/// A match contradicted by a non-match is reported at the records' source and row (not at
/// internal indices), and a non-match of a row with itself is unresolved, both counted.
#[test]
fn contradicted_and_self_referencing_decisions_name_source_and_row_and_are_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, findings, run, stderr) = four_people(
        dir.path(),
        "decision,left_source,left_key,right_source,right_key\n\
         non-match,crm.csv,B2,crm.csv,C3\n\
         match,crm.csv,B2,crm.csv,C3\n\
         non-match,crm.csv,D4,crm.csv,D4\n\
         match,crm.csv,A1,crm.csv,ZZ9\n",
    );
    let conflicts = findings.filter("code", "dedupe.decision_conflict");
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        (
            conflicts[0]["source"].as_str(),
            conflicts[0]["row"].as_str()
        ),
        ("crm.csv", "2")
    );
    assert!(
        conflicts[0]["message"].contains("crm.csv row 3"),
        "{}",
        conflicts[0]["message"]
    );
    let unresolved = findings.filter("code", "dedupe.decision_unresolved");
    assert_eq!(
        unresolved.len(),
        2,
        "the self non-match and the missing ZZ9"
    );
    assert!(
        unresolved
            .iter()
            .any(|f| f["row"] == "4" && f["message"].contains("both sides")),
        "{unresolved:?}"
    );
    assert_eq!(run["decisions"]["unresolved"], 2);
    assert_eq!(run["decisions"]["conflicting"], 1);
    assert!(
        stderr.contains("decisions: 4 read, 2 unresolved, 1 conflicting"),
        "{stderr}"
    );
}

/// A key copied from `xref.csv`, where a formula-like key is written with a leading `'`,
/// names the same record.
#[test]
fn a_neutralised_key_copied_from_xref_resolves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "crm.csv",
        b"id,Name,Email\n=A1,Ann Smith,ann@example.org\n@B2,Bob Jones,bob@example.com\n",
    );
    let out1 = dir.path().join("o1");
    let first = run_with_decisions(&input, &out1, None);
    let raw = std::fs::read_to_string(out1.join("xref.csv")).expect("xref");
    assert!(raw.contains("'=A1") && raw.contains("'@B2"), "{raw}");
    let keys: Vec<String> = first.rows.iter().map(|r| r["source_key"].clone()).collect();
    assert_ne!(
        customer(&first, "crm.csv", &keys[0]),
        customer(&first, "crm.csv", &keys[1])
    );
    let file = write(
        dir.path(),
        "decisions.csv",
        format!(
            "decision,left_source,left_key,right_source,right_key\nmatch,crm.csv,{},crm.csv,{}\n",
            keys[0], keys[1]
        )
        .as_bytes(),
    );
    let second = run_with_decisions(&input, &dir.path().join("o2"), Some(&file));
    assert_eq!(
        customer(&second, "crm.csv", &keys[0]),
        customer(&second, "crm.csv", &keys[1])
    );
}

/// The report's *Download decisions.csv* neutralises formula-like keys and file names as the
/// CLI's CSV outputs do (a key `=cmd|' /C calc'!…` must not go out live), and the exported
/// file, read back with the `'`, makes the next run merge the pair.
#[test]
fn report_export_neutralises_formula_like_keys_and_they_resolve_on_the_next_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("in");
    std::fs::create_dir(&data).expect("mkdir");
    let crm = std::fs::read_to_string(fixture("synth_small/old_crm.csv")).expect("fixture");
    let mut lines = crm.trim_start_matches('\u{feff}').lines();
    let mut text = format!("{}\n", lines.next().expect("header"));
    for line in lines {
        text.push_str(&format!("=cmd|' /C calc'!{line}\n"));
    }
    write(&data, "=crm.csv", text.as_bytes());
    let first = run_with_decisions(&data, &dir.path().join("o1"), None);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/run.sh");
    let o = Command::new("bash")
        .arg(&script)
        .arg(dir.path().join("o1/report.html"))
        .arg(dir.path().join("shot.png"))
        .output()
        .expect("run browser check");
    if o.status.code() == Some(2) && std::env::var_os("STEWARD_REQUIRE_BROWSER").is_none() {
        eprintln!(
            "skipped: no chromium ({})",
            String::from_utf8_lossy(&o.stderr)
        );
        return;
    }
    let stdout = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        o.status.success(),
        "browser check failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let exported: Vec<&str> = stdout
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("decision,") || l.starts_with("match,"))
        .collect();
    assert_eq!(exported.len(), 2, "{stdout}");
    let csv_text = format!("{}\n{}\n", exported[0], exported[1]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let row = reader.records().next().expect("a decision").expect("csv");
    let (left_source, left_key, right_source, right_key) = (&row[1], &row[2], &row[3], &row[4]);
    for cell in [left_source, left_key, right_source, right_key] {
        assert!(cell.starts_with("'="), "exported live: {cell}");
    }
    assert_ne!(
        customer(&first, left_source, left_key),
        customer(&first, right_source, right_key),
        "the first review pair was already merged"
    );
    let file = write(dir.path(), "decisions.csv", csv_text.as_bytes());
    let second = run_with_decisions(&data, &dir.path().join("o2"), Some(&file));
    assert_eq!(
        customer(&second, left_source, left_key),
        customer(&second, right_source, right_key),
        "the exported decision did not resolve"
    );
}

/// A hand-written decisions file that takes a row out of its customer (`split`) and chooses a
/// golden value (`value`) is honoured on the next run: the row is a customer of its own, the
/// chosen value is golden (and reported, since no row carries it), other customers unchanged.
#[test]
fn split_and_value_decisions_are_honoured_on_the_next_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = fixture("synth_small");
    let first = run_with_decisions(&data, &dir.path().join("o1"), None);
    let mut by_customer: std::collections::BTreeMap<String, Vec<(String, String)>> =
        Default::default();
    for r in &first.rows {
        by_customer
            .entry(r["customer_id"].clone())
            .or_default()
            .push((r["source"].clone(), r["source_key"].clone()));
    }
    let mut merged = by_customer.iter().filter(|(_, m)| m.len() >= 3);
    let (split_customer, split_members) = merged.next().expect("a customer of three rows");
    let (value_customer, _) = merged.next().expect("another merged customer");
    let (src, key) = &split_members[0];
    let file = write(
        dir.path(),
        "decisions.csv",
        format!(
            "decision,left_source,left_key,customer_id,field,value,note\n\
             split,{src},{key},,,,moved away\n\
             value,,,{value_customer},email,chosen.by.steward@example.org,confirmed by phone\n"
        )
        .as_bytes(),
    );
    let second = run_with_decisions(&data, &dir.path().join("o2"), Some(&file));
    let taken_out = customer(&second, src, key);
    let rest: Vec<String> = split_members[1..]
        .iter()
        .map(|(s, k)| customer(&second, s, k))
        .collect();
    assert!(
        rest.iter().all(|c| *c == rest[0]),
        "the others stay together"
    );
    assert!(!rest.contains(&taken_out), "the row left its customer");
    assert_eq!(
        second.filter("customer_id", &taken_out).len(),
        1,
        "the row is a customer of its own"
    );
    assert!(
        *split_customer == rest[0] || *split_customer == taken_out,
        "one part keeps the ID (the one holding the smallest member key)"
    );
    let golden = Table::read(&dir.path().join("o2/golden.csv"));
    let chosen = golden.filter("customer_id", value_customer);
    assert_eq!(chosen.len(), 1, "the customer keeps its ID");
    assert_eq!(chosen[0]["email"], "chosen.by.steward@example.org");
    let findings = Table::read(&dir.path().join("o2/findings.csv"));
    assert_eq!(
        findings
            .filter("code", "dedupe.decision_value_unsupported")
            .len(),
        1
    );
}
