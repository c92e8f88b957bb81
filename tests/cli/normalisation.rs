//! Normalised values across seven countries, and consistency of golden, xref and pairs.

use super::common::*;

/// The demo's exports from seven countries come out as the same clean, comparable values:
/// E.164 phones, ISO dates (Buddhist era converted), ISO countries from any spelling, names
/// split per locale order, postcodes and addresses per country.
#[test]
fn demo_rows_from_seven_countries_are_normalised() {
    let out = run_ok(&[&fixture("demo")]);
    let x = xref(&out);
    let check = |source: &str, row: u64, want: &[(&str, &str)]| {
        let r = x.at(source, row);
        for (col, value) in want {
            assert_eq!(r[*col], *value, "{source}:{row} {col}");
        }
    };
    // Ukraine, cp1251: "Байдак Панас Теодорович" (surname first, patronymic), 050…, DD.MM.YYYY.
    check(
        "ua_branch.csv",
        1,
        &[
            ("family_name", "Байдак"),
            ("given_name", "Панас"),
            ("middle_name", "Теодорович"),
            ("phone", "+380506500510"),
            ("created_at", "2019-02-26"),
            ("country", "UA"),
            ("address_line2", "квартира 25"),
            ("region", "Полтавська область"),
            ("postal_code", "36504"),
        ],
    );
    // The old long-distance form "8 092 …" and "вул.Козацька,117".
    check(
        "ua_branch.csv",
        3,
        &[
            ("phone", "+380923085347"),
            ("address_line1", "вулиця Козацька, 117"),
        ],
    );
    // Thailand, TIS-620: salutation split off, "+66 (0)89…", Buddhist-era date, Thai address markers.
    check(
        "th_branch.csv",
        1,
        &[
            ("salutation", "นาง"),
            ("given_name", "ณิชาภัทร"),
            ("family_name", "ธาราธร"),
            ("phone", "+66896217976"),
            ("created_at", "2020-06-05"),
            ("address_line1", "833 ถนนแจ้งวัฒนะ"),
            ("district", "เมืองเชียงใหม่"),
            ("country", "TH"),
        ],
    );
    // Bangkok written กรุงเทพฯ; a country code written without "+".
    check(
        "th_branch.csv",
        2,
        &[
            ("region", "กรุงเทพมหานคร"),
            ("phone", "+66848346000"),
            ("created_at", "2024-11-28"),
        ],
    );
    // US ("U.S.A."), Germany ("Deutschland"), UK ("UK", number without "+"), Ukraine ("Ukraina",
    // ALL-CAPS surname), France ("Frankreich", dotted number), Poland ("ul.", NN-NNN).
    check(
        "old_crm.csv",
        3,
        &[
            ("country", "US"),
            ("phone", "+18458614092"),
            ("created_at", "2017-02-10T18:40:35Z"),
        ],
    );
    check(
        "old_crm.csv",
        5,
        &[
            ("country", "DE"),
            ("phone", "+4917804719968"),
            ("address_line1", "Schulstraße 15"),
        ],
    );
    check(
        "old_crm.csv",
        6,
        &[
            ("country", "GB"),
            ("phone", "+447135761924"),
            ("postal_code", "LS1 9XF"),
        ],
    );
    check(
        "old_crm.csv",
        9,
        &[
            ("country", "UA"),
            ("family_name", "Sahal"),
            ("phone", "+380759936671"),
        ],
    );
    check(
        "old_crm.csv",
        10,
        &[
            ("country", "FR"),
            ("phone", "+33652560861"),
            ("postal_code", "59006"),
        ],
    );
    check(
        "old_crm.csv",
        19,
        &[
            ("country", "PL"),
            ("phone", "+48509597617"),
            ("postal_code", "50-220"),
        ],
    );
}

/// golden.csv, xref.csv and pairs.csv agree with each other.
#[test]
fn golden_xref_and_pairs_are_consistent() {
    let out = run_ok(&[&fixture("synth_small")]);
    let x = xref(&out);
    let golden = Table::read(&out.path().join("golden.csv"));
    let pairs = Table::read(&out.path().join("pairs.csv"));
    let mut members: HashMap<String, usize> = HashMap::new();
    for r in &x.rows {
        if !r["customer_id"].is_empty() {
            *members.entry(r["customer_id"].clone()).or_default() += 1;
        }
        let expected_status = if r["customer_id"].is_empty() {
            "quarantined"
        } else if members.contains_key(&r["customer_id"]) {
            r["status"].as_str()
        } else {
            ""
        };
        assert_ne!(expected_status, "", "row without status");
    }
    assert_eq!(
        golden.rows.len(),
        members.len(),
        "one golden record per customer_id"
    );
    for g in &golden.rows {
        assert_eq!(
            g["source_count"].parse::<usize>().ok(),
            members.get(&g["customer_id"]).copied(),
            "{}",
            g["customer_id"]
        );
    }
    for r in &x.rows {
        let n = members.get(&r["customer_id"]).copied().unwrap_or(0);
        let want = if n > 1 {
            "merged"
        } else if n == 1 {
            "unique"
        } else {
            "quarantined"
        };
        assert_eq!(r["status"], want, "{}:{}", r["source"], r["row"]);
    }
    let customer_of =
        |source: &str, row: &str| x.at(source, row.parse().expect("row"))["customer_id"].clone();
    assert!(!pairs.rows.is_empty());
    for p in &pairs.rows {
        let prob: f64 = p["match_probability"].parse().expect("probability");
        assert!((0.0..=1.0).contains(&prob));
        if p["decision"] == "match" {
            assert_eq!(
                customer_of(&p["left_source"], &p["left_row"]),
                customer_of(&p["right_source"], &p["right_row"])
            );
        }
    }
}
