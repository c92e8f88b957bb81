//! Privacy: `--mask-pii` leaves no personal value in the shared outputs, values are repeated
//! only as bounded excerpts, and the terminal never sees cell contents or raw control bytes.

use super::common::*;

/// People whose every value a masked run must keep out of the shared outputs: name, e-mail,
/// phone, street, and a surplus cell (a ragged row) that repeats personal data.
const PEOPLE: [[&str; 5]; 5] = [
    [
        "Necati Wilms",
        "zelda.quixote@@example.com",
        "+120155501999999",
        "17 Wisteria Crescent",
        "",
    ],
    [
        "Ottoline Brisbourne",
        "ottoline.brisbourne@gmial.com",
        "+44 20 7946 0958",
        "4 Quennell Mews",
        "",
    ],
    [
        "Ottoline Brisbourne",
        "ottoline.brisbourne@gmail.com",
        "020 7946 0958",
        "4 Quennell Mews",
        "",
    ],
    [
        "Thaddeus Vantongeren",
        "info@vantongeren-family.org",
        "020 7946 0959",
        "88 Larkspur Terrace",
        "Hieronymus Pettigrew hieronymus@pettigrew.example",
    ],
    [
        "Вантонгерен Таддеус",
        "thaddeus.vantongeren@example.net",
        "",
        "",
        "",
    ],
];

/// A JSON Lines export with one broken line (kept whole in a finding's raw value).
const JSONL: &str = "{\"name\": \"Bartholomew Quennell\", \"email\": \"bq@quennell.example\"\n\
    {\"name\": \"Rosalind Featherstonehaugh\", \"email\": \"rosalind@featherstonehaugh.example\", \"phone\": \"+44 20 7946 0960\"}\n";

/// Every personal value of the inputs as a string a leak would contain: whole cells, their
/// words of four or more letters, and the last seven digits of every phone.
fn secrets_of_inputs() -> Vec<String> {
    let mut cells: Vec<String> = PEOPLE.iter().flatten().map(|c| c.to_string()).collect();
    cells.extend(
        [
            "Bartholomew Quennell",
            "bq@quennell.example",
            "Rosalind Featherstonehaugh",
            "rosalind@featherstonehaugh.example",
            "+44 20 7946 0960",
        ]
        .map(String::from),
    );
    let mut out = Vec::new();
    for cell in cells.iter().filter(|c| !c.is_empty()) {
        out.push(cell.clone());
        out.extend(
            cell.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
                .filter(|w| !["example", "gmail", "gmial", "info", "family"].contains(w))
                .map(String::from),
        );
        let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 7 {
            out.push(digits[digits.len() - 7..].to_string());
        }
    }
    out
}

#[test]
fn masked_runs_leave_no_personal_value_outside_golden_and_xref() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut csv = String::from("Name,Email,Phone,Address,City,Country\n");
    for (person, city) in PEOPLE
        .iter()
        .zip(["Leeds", "London", "London", "York", "Kyiv"])
    {
        let country = if city == "Kyiv" { "UA" } else { "GB" };
        let [name, email, phone, street, surplus] = person;
        csv.push_str(&format!("{name},{email},{phone},{street},{city},{country}"));
        if !surplus.is_empty() {
            csv.push_str(&format!(",{surplus}"));
        }
        csv.push('\n');
    }
    let people = write(dir.path(), "people.csv", csv.as_bytes());
    let contacts = write(dir.path(), "contacts.jsonl", JSONL.as_bytes());
    let out = dir.path().join("out");
    let o = steward(&[
        "run",
        &people.display().to_string(),
        &contacts.display().to_string(),
        "--out",
        &out.display().to_string(),
        "--mask-pii",
        "--format",
        "csv",
        "--format",
        "xlsx",
        "--format",
        "parquet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // The fixture reaches every place a value was repeated: each of these findings quoted one.
    let found = Table::read(&out.join("findings.csv"));
    for code in [
        "email.invalid",
        "phone.invalid",
        "name.order_ambiguous",
        "email.domain_typo",
        "email.role_account",
        "row.ragged",
        "row.unparseable",
    ] {
        assert!(!found.filter("code", code).is_empty(), "no {code} finding");
    }

    let mut secrets = secrets_of_inputs();
    // The normalised forms (E.164 phones, folded e-mails, split names) are personal too.
    let x = Table::read(&out.join("xref.csv"));
    for row in &x.rows {
        for field in [
            "given_name",
            "family_name",
            "full_name",
            "email",
            "email_alt",
            "phone",
            "phone_alt",
            "address_line1",
            "address_line2",
        ] {
            let value = &row[field];
            if value.chars().count() >= 4 {
                secrets.push(value.clone());
            }
        }
    }
    let mut checked = Vec::new();
    for entry in std::fs::read_dir(&out).expect("ls out") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        // `.steward/` holds the published set the outputs link to; the links are read here.
        // golden and xref hold the values by design, in every format.
        let stem = name.split('.').next().unwrap_or_default();
        if stem == "golden" || stem == "xref" || path.is_dir() {
            continue;
        }
        let text = output_text(&path);
        for secret in &secrets {
            assert!(!text.contains(secret.as_str()), "{name} repeats {secret:?}");
        }
        checked.push(name);
    }
    for expected in [
        "findings.csv",
        "findings.xlsx",
        "findings.parquet",
        "pairs.csv",
        "pairs.xlsx",
        "pairs.parquet",
        "report.html",
        "run.json",
        "quality.json",
    ] {
        assert!(
            checked.iter().any(|c| c == expected),
            "{expected} not written"
        );
    }
    let terminal = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(terminal.contains("rows"), "no closing summary: {terminal}");
    for secret in &secrets {
        assert!(
            !terminal.contains(secret.as_str()),
            "the terminal shows {secret:?}"
        );
    }
}

/// A 100,000-character name or e-mail is repeated as a 200-character excerpt that says it was
/// cut, not copied into every finding and report cell (a 50 MB cell made a 300 MB report).
#[test]
fn findings_and_the_report_repeat_an_excerpt_of_a_huge_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "Q".repeat(100_000);
    let email = format!("{}@@example.com", "z".repeat(100_000));
    let csv =
        format!("Name,Email,Country\n{name} Wilms,{email},GB\nAnn Smith,ann@example.org,GB\n");
    let input = write(dir.path(), "huge.csv", csv.as_bytes());
    let out = dir.path().join("out");
    let o = steward(&[
        "run",
        "--quiet",
        &input.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let x = Table::read(&out.join("xref.csv"));
    assert_eq!(x.rows.len(), 2, "both rows accounted for");
    let found = Table::read(&out.join("findings.csv"));
    let invalid = found.filter("code", "email.invalid");
    assert_eq!(invalid.len(), 1);
    let raw = &invalid[0]["raw"];
    assert!(
        raw.ends_with(&format!("… ({} characters)", email.chars().count())),
        "the cut is not said: {}",
        &raw[raw.len().saturating_sub(60)..]
    );
    assert!(
        raw.chars().count() < 300,
        "{} characters",
        raw.chars().count()
    );
    for f in &found.rows {
        for column in ["raw", "suggestion", "message"] {
            assert!(
                f[column].chars().count() < 300,
                "{} {column} is {} characters",
                f["code"],
                f[column].chars().count()
            );
        }
    }
    let report = std::fs::read_to_string(out.join("report.html")).expect("report");
    assert!(
        !report.contains(&"Q".repeat(1_000)) && !report.contains(&"z".repeat(1_000)),
        "the report repeats the whole value"
    );
    assert!(
        report.contains("… (100006 characters)"),
        "the report does not say the name was cut"
    );
}

/// A file name carrying an escape sequence is printed escaped: it cannot retitle or rewrite
/// the terminal of whoever runs Steward on a folder of exports.
#[test]
fn file_names_with_escape_sequences_are_printed_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let evil = write(dir.path(), "evil\u{1b}]0;pwned\u{7}\r.csv", b"");
    let good = write(dir.path(), "good.csv", b"Name,Email\nAnn,ann@example.org\n");
    let runs = [
        steward(&[
            "run",
            &evil.display().to_string(),
            "--out",
            &dir.path().join("o1").display().to_string(),
        ]),
        steward(&[
            "run",
            &good.display().to_string(),
            "--out",
            &dir.path().join("out\u{1b}[2J").display().to_string(),
        ]),
    ];
    for o in runs {
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{7}') && !err.contains('\r'),
            "{err:?}"
        );
        assert!(err.contains("\\u{1b}"), "the name is not shown: {err:?}");
    }
}

/// An unknown decision word is named by its file, row and column, not repeated: a decisions
/// file filled in the wrong column can hold a customer's name there.
#[test]
fn an_unknown_decision_is_reported_without_its_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "p.csv", b"Name,Email\nAnn,ann@example.org\n");
    let decisions = write(
        dir.path(),
        "decisions.csv",
        b"decision,left_source,left_row,customer_id\nOlena Koval,p.csv,1,C1\n",
    );
    let o = steward(&[
        "run",
        &input.display().to_string(),
        "--out",
        &dir.path().join("o").display().to_string(),
        "--decisions",
        &decisions.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("decisions.csv") && err.contains("row 1"),
        "{err}"
    );
    assert!(!err.contains("Olena"), "{err}");
}
