//! Tests of the report's content on a hand-built run.

use super::*;
use crate::dedupe::{Decision, DedupeResult, Explanations, FieldComparison, ScoredPair};
use crate::finding::{Finding, Severity};
use crate::ingest::SourceTable;
use crate::pipeline::SourceInfo;
use crate::record::{Field, Record};
use crate::survive::Golden;
use serde_json::Value;

fn source(name: &str) -> SourceInfo {
    SourceInfo {
        table: SourceTable {
            name: name.to_string(),
            ..SourceTable::default()
        },
        mapping: Default::default(),
        default_country: None,
        default_country_sniffed: false,
        priority: 0,
        name_order: Default::default(),
        date_order: None,
    }
}

fn record(source: u32, row: u64, values: &[(Field, &str, &str)]) -> Record {
    let mut r = Record {
        source,
        row,
        ..Record::default()
    };
    for (f, norm, raw) in values {
        r.values.set(*f, *norm);
        r.raw.set(*f, *raw);
    }
    r
}

fn comparison(comparison: &'static str, level: &'static str, weight: f64) -> FieldComparison {
    FieldComparison {
        comparison,
        level,
        weight,
    }
}

/// The comparisons of the hand-built runs and their level labels; a pair's explanation
/// names some of them and the rest are `missing`.
const COLUMNS: [&str; 4] = ["given_name", "full_name", "email", "phone"];
const LABELS: &[&str] = &["missing", "exact", "close", "far", "different"];

fn explanation_table() -> Explanations {
    Explanations::new(COLUMNS.to_vec(), vec![LABELS; COLUMNS.len()])
}

/// The one place a `ScoredPair` is built, so a new field on it changes one line.
pub(crate) fn pair(
    table: &mut Explanations,
    (a, b): (usize, usize),
    p: f64,
    decision: Decision,
    fields: Vec<FieldComparison>,
) -> ScoredPair {
    let mut levels = [0u8; COLUMNS.len()];
    let mut weights = [0.0; COLUMNS.len()];
    for f in &fields {
        let column = COLUMNS.iter().position(|n| *n == f.comparison);
        let level = LABELS.iter().position(|l| *l == f.level);
        if let (Some(c), Some(l)) = (column, level) {
            levels[c] = l as u8;
            weights[c] = f.weight;
        }
    }
    let vector = table.push(&levels, &weights);
    let prior = -4.0;
    ScoredPair {
        a: a as u32,
        b: b as u32,
        match_probability: p,
        match_weight: prior + table.fields(vector).iter().map(|f| f.weight).sum::<f64>(),
        decision,
        reason: crate::dedupe::PairReason::Model,
        vector,
    }
}

fn golden(id: &str, records: &[Record], members: &[usize]) -> Golden {
    let mut values = crate::record::Values::default();
    let mut value_source = crate::survive::ValueSources::default();
    for f in Field::ALL {
        if let Some(&m) = members.iter().find(|&&m| records[m].values.has(f)) {
            values.set(f, records[m].values.get(f));
            value_source.set(f, Some(m));
        }
    }
    Golden {
        customer_id: id.to_string(),
        values,
        members: members.to_vec(),
        value_source,
        name_alt: String::new(),
        extra: Vec::new(),
    }
}

/// A small run: a Ukrainian customer in two sources (in review), a hostile name, Ann Smith
/// merged from two rows, and a quarantined row.
pub(crate) fn sample_run() -> RunData {
    use Field::*;
    let records = vec![
        record(
            0,
            1,
            &[
                (GivenName, "Олександр", "ОЛЕКСАНДР"),
                (FamilyName, "Шевченко", "шевченко"),
                (Email, "o.shevchenko@ukr.net", "O.Shevchenko@UKR.NET "),
                (Phone, "+380501234567", "050 123 45 67"),
            ],
        ),
        record(
            1,
            4,
            &[
                (GivenName, "Oleksandr", "Oleksandr"),
                (FamilyName, "Shevchenko", "Shevchenko"),
                (Email, "o.shevchenko@ukr.net", "o.shevchenko@ukr.net"),
                (Phone, "+380501234567", "+38 (050) 123-45-67"),
            ],
        ),
        record(
            0,
            2,
            &[
                (
                    FullName,
                    "<script>alert(1)</script>",
                    "<script>alert(1)</script>",
                ),
                (Email, "x@example.org", "x@example.org"),
            ],
        ),
        record(
            1,
            5,
            &[
                (FullName, "Ann Smith", "ann smith"),
                (Email, "", "ann.smith@"),
                (Phone, "+14155550123", "(415) 555-0123"),
            ],
        ),
        record(0, 3, &[(Country, "US", "USA")]),
        record(
            0,
            6,
            &[
                (FullName, "Ann Smith", "Ann Smith"),
                (Email, "ann.smith@example.org", "ann.smith@example.org"),
            ],
        ),
    ];
    let mut table = explanation_table();
    let pairs = vec![
        pair(
            &mut table,
            (0, 1),
            0.55,
            Decision::Review,
            vec![
                comparison("given_name", "far", -2.1),
                comparison("email", "exact", 8.3),
                comparison("phone", "exact", 6.0),
            ],
        ),
        pair(
            &mut table,
            (2, 3),
            0.9,
            Decision::Review,
            vec![
                comparison("full_name", "different", -5.0),
                comparison("email", "missing", 0.0),
            ],
        ),
        pair(
            &mut table,
            (3, 5),
            0.99,
            Decision::Match,
            vec![comparison("full_name", "exact", 9.0)],
        ),
        pair(
            &mut table,
            (0, 3),
            0.01,
            Decision::NonMatch,
            vec![comparison("email", "different", -7.0)],
        ),
    ];
    let golden = vec![
        golden("C000000000001", &records, &[0]),
        golden("C000000000002", &records, &[1]),
        golden("C000000000003", &records, &[2]),
        golden("C0000000000AA", &records, &[3, 5]),
    ];
    let findings = vec![
        Finding::new(
            "shop.xlsx#Sheet1",
            5,
            "email.invalid",
            Severity::Warning,
            "e-mail ann.smith@ has no domain",
        )
        .with_field("email")
        .with_raw("ann.smith@"),
        Finding::new(
            "crm.csv",
            3,
            "row.no_identity",
            Severity::Warning,
            "row quarantined",
        ),
        Finding::new(
            "shop.xlsx#Sheet1",
            4,
            "phone.reformatted",
            Severity::Info,
            "phone reformatted",
        )
        .with_field("phone")
        .with_raw("+38 (050) 123-45-67"),
    ];
    RunData {
        sources: vec![source("crm.csv"), source("shop.xlsx#Sheet1")],
        source_keys: (1..=records.len()).map(|i| format!("K{i}")).collect(),
        eligible: vec![true, true, true, true, false, true],
        suppressed: vec![false; 6],
        suppression: None,
        as_read: crate::validate::AsRead::measure(&records),
        raw_store: Default::default(),
        records,
        findings,
        dedupe: DedupeResult {
            clusters: vec![vec![0], vec![1], vec![2], vec![3, 5]],
            pairs,
            explanations: table,
            ..DedupeResult::default()
        },
        golden,
        golden_columns: Vec::new(),
        changes: None,
        decisions: None,
        accounts: Default::default(),
        imports: Vec::new(),
        row_work: Default::default(),
        reuse: Default::default(),
        pairs_compat: [0; 32],
        model_compat: [0; 32],
        timings: Vec::new(),
        survive_ms: Vec::new(),
        locale_digest: String::new(),
    }
}

fn embedded(html: &str) -> Value {
    let start_tag = "<script type=\"application/json\" id=\"steward-data\">";
    let start = html
        .find(start_tag)
        .map(|i| i + start_tag.len())
        .unwrap_or(0);
    let end = html[start..]
        .find("</script>")
        .map(|i| start + i)
        .unwrap_or(start);
    serde_json::from_str(&html[start..end]).expect("embedded JSON parses")
}

#[test]
fn review_queue_lists_the_most_uncertain_pair_first_with_its_evidence() {
    let data = sample_run();
    let html = render_report(&data, &ReportOptions::default());
    let json = embedded(&html);
    let review = json["review"].as_array().expect("review list");
    assert_eq!(review.len(), 2, "only review-band pairs");
    let first = &review[0];
    assert_eq!(first["p"], 0.55);
    assert_eq!(first["prior"], -4.0);
    let levels: Vec<(&str, &str)> = first["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (
                f["c"].as_str().unwrap_or(""),
                f["level"].as_str().unwrap_or(""),
            )
        })
        .filter(|(_, level)| *level != "missing")
        .collect();
    assert_eq!(
        levels,
        [
            ("given_name", "far"),
            ("email", "exact"),
            ("phone", "exact")
        ]
    );
    let left = &json["records"][first["l"].as_u64().expect("l") as usize];
    let right = &json["records"][first["r"].as_u64().expect("r") as usize];
    assert_eq!(left["key"], "K1");
    assert_eq!(right["key"], "K2");
    assert_eq!(
        json["sources"][left["s"].as_u64().expect("s") as usize],
        "crm.csv"
    );
    assert_eq!(left["v"]["email"][0], "o.shevchenko@ukr.net");
    assert_eq!(
        left["v"]["email"][1], "O.Shevchenko@UKR.NET ",
        "raw value kept for the hover"
    );
    assert_eq!(left["customer"], "C000000000001");
    assert!(html.contains("Download decisions.csv"));
}

#[test]
fn a_hostile_name_never_reaches_the_page_as_markup() {
    let html = render_report(&sample_run(), &ReportOptions::default());
    assert_eq!(
        html.matches("<script").count(),
        2,
        "only the data and code elements"
    );
    assert!(!html.contains("alert(1)</script>"));
    let json = embedded(&html);
    let hostile = json["records"]
        .as_array()
        .expect("records")
        .iter()
        .any(|r| r["v"]["full_name"][0] == "<script>alert(1)</script>");
    assert!(hostile, "the name survives as data, intact");
    assert!(!super::assets_use_inner_html());
}

#[test]
fn customers_show_where_each_golden_value_came_from() {
    let json = embedded(&render_report(&sample_run(), &ReportOptions::default()));
    let customers = json["customers"].as_array().expect("customers");
    let ann = customers
        .iter()
        .find(|c| c["id"] == "C0000000000AA")
        .expect("merged customer");
    assert_eq!(
        customers[0]["id"], "C0000000000AA",
        "merged customers first"
    );
    let email = ann["values"]
        .as_array()
        .expect("values")
        .iter()
        .find(|v| v["f"] == "email")
        .expect("email");
    let from = &json["records"][email["from"].as_u64().expect("from") as usize];
    assert_eq!(from["row"], 6);
    assert_eq!(
        json["sources"][from["s"].as_u64().expect("s") as usize],
        "crm.csv"
    );
}

#[test]
fn caps_are_applied_and_announced() {
    let options = ReportOptions {
        mask_pii: false,
        caps: Caps {
            review: 1,
            clusters: 1,
            members: 1,
            findings: 2,
        },
    };
    let html = render_report(&sample_run(), &options);
    let json = embedded(&html);
    assert_eq!(json["review"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["review"][0]["p"], 0.55);
    assert_eq!(json["customers"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        json["customers"][0]["members"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(json["customers"][0]["size"], 2);
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["counts"]["findings_total"], 3);
    assert!(html.contains("Showing 1 of 2 review pairs"));
    assert!(html.contains("Showing 1 of 4 customers"));
    assert!(html.contains("Showing 2 of 3 findings"));
    // Per-code counts stay complete.
    assert!(html.contains("<td>phone.reformatted</td><td>phone</td><td class=\"num\">1</td>"));
}

#[test]
fn uncapped_report_announces_no_cap() {
    let html = render_report(&sample_run(), &ReportOptions::default());
    assert!(!html.contains("class=\"notice cap\""));
}

#[test]
fn mask_pii_hides_emails_phones_and_names() {
    let options = ReportOptions {
        mask_pii: true,
        caps: Caps::default(),
    };
    let html = render_report(&sample_run(), &options);
    for secret in [
        "ann.smith@example.org",
        "ann.smith@",
        "+14155550123",
        "(415) 555-0123",
        "Ann Smith",
        "Шевченко",
        "o.shevchenko@ukr.net",
        "+38 (050) 123-45-67",
    ] {
        assert!(!html.contains(secret), "{secret} leaked");
    }
    let json = embedded(&html);
    assert_eq!(json["masked"], true);
    assert!(html.contains("a********@*******.org"));
    assert!(html.contains("Personal data (names, e-mails, phones, street addresses) is masked"));
}

#[test]
fn report_is_self_contained() {
    let html = render_report(&sample_run(), &ReportOptions::default());
    for remote in ["http://", "https://", "src=", "<link", "@import"] {
        let allowed = remote == "http://"
            && html.matches(remote).count() == html.matches("http://www.w3.org/2000/svg").count();
        assert!(allowed || !html.contains(remote), "{remote} found");
    }
}

#[test]
fn report_is_deterministic() {
    let data = sample_run();
    let a = render_report(&data, &ReportOptions::default());
    let b = render_report(&data, &ReportOptions::default());
    assert_eq!(a, b);
}

#[test]
fn finding_sample_keeps_every_code() {
    let mut findings = Vec::new();
    for i in 0..100 {
        findings.push(Finding::new(
            "a.csv",
            i,
            "phone.invalid",
            Severity::Warning,
            "x",
        ));
    }
    findings.push(Finding::new("a.csv", 7, "email.typo", Severity::Info, "y"));
    let chosen = select::findings(&findings, 10);
    assert_eq!(chosen.len(), 10);
    assert!(chosen.iter().any(|f| f.code == "email.typo"));
}

/// Writes a sample report for the browser check: `STEWARD_REPORT_SAMPLE=/tmp/r.html cargo test`.
#[test]
fn writes_sample_report_when_asked() {
    if let Ok(path) = std::env::var("STEWARD_REPORT_SAMPLE") {
        let html = render_report(&sample_run(), &ReportOptions::default());
        std::fs::write(path, html).expect("write sample report");
    }
}

/// A run shaped like a big migration: many review pairs, merged customers and findings.
fn large_run(customers: usize) -> RunData {
    use Field::*;
    let mut data = sample_run();
    let mut table = explanation_table();
    let (mut records, mut golden, mut pairs, mut findings) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for c in 0..customers {
        let (a, b) = (2 * c, 2 * c + 1);
        let email = format!("customer{c}@example.com");
        records.push(record(
            0,
            a as u64 + 1,
            &[
                (FullName, &format!("Customer {c}"), "x"),
                (Email, &email, &email),
            ],
        ));
        records.push(record(
            1,
            b as u64 + 1,
            &[
                (FullName, &format!("Customer {c}"), "y"),
                (Email, &email, &email),
            ],
        ));
        let merged = c % 3 == 0;
        if merged {
            golden.push(golden_of(&records, &format!("C{c:012}"), &[a, b]));
        } else {
            golden.push(golden_of(&records, &format!("C{c:012}a"), &[a]));
            golden.push(golden_of(&records, &format!("C{c:012}b"), &[b]));
        }
        let decision = if merged {
            Decision::Match
        } else {
            Decision::Review
        };
        let p = if merged {
            0.99
        } else {
            0.3 + (c % 40) as f64 / 100.0
        };
        pairs.push(pair(
            &mut table,
            (a, b),
            p,
            decision,
            vec![
                comparison("email", "exact", 9.0),
                comparison("full_name", "close", 1.0),
            ],
        ));
        findings.push(Finding::new(
            "crm.csv",
            a as u64 + 1,
            if c % 50 == 0 {
                "name.rare"
            } else {
                "phone.missing"
            },
            Severity::Info,
            "m",
        ));
    }
    data.source_keys = (0..records.len()).map(|i| format!("K{i}")).collect();
    data.eligible = vec![true; records.len()];
    data.records = records;
    data.golden = golden;
    data.dedupe.pairs = pairs;
    data.dedupe.explanations = table;
    data.findings = findings;
    data
}

fn golden_of(records: &[Record], id: &str, members: &[usize]) -> Golden {
    golden(id, records, members)
}

#[test]
fn a_large_run_embeds_capped_detail_and_complete_counts() {
    let data = large_run(12_000);
    let html = render_report(&data, &ReportOptions::default());
    let json = embedded(&html);
    assert_eq!(json["counts"]["review_total"], 8_000);
    assert_eq!(json["review"].as_array().map(Vec::len), Some(5_000));
    let first = json["review"][0]["p"].as_f64().unwrap_or(0.0);
    assert!((first - 0.5).abs() < 1e-9, "most uncertain first");
    assert_eq!(json["customers"].as_array().map(Vec::len), Some(2_000));
    assert!(
        json["customers"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|c| c["size"] == 2),
        "merged ones first"
    );
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(5_000));
    assert!(
        json["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|f| f["code"] == "name.rare")
    );
    // Counts carry thousands separators, as in the closing summary.
    assert!(html.contains("Showing 5,000 of 8,000 review pairs"));
    assert!(html.contains("Showing 2,000 of 20,000 customers"));
    assert!(html.contains("<td>phone.missing</td><td></td><td class=\"num\">11,760</td>"));
    assert!(html.contains("<b>24,000</b><span>rows read</span>"));
    assert!(html.len() < 12_000_000, "report is {} bytes", html.len());
    if let Ok(path) = std::env::var("STEWARD_REPORT_SAMPLE_LARGE") {
        std::fs::write(path, &html).expect("write large sample");
    }
}
