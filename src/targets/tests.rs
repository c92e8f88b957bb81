use super::*;
use crate::accounts::tests::customer;
use crate::accounts::{self, AccountBook};
use crate::normalize::org::OrgNormalizer;
use crate::record::Field;
use crate::survive::Golden;

fn book_of(golden: &[Golden]) -> AccountBook {
    let orgs = OrgNormalizer::from_locale(&LocaleData::default()).unwrap();
    accounts::build(golden, &|n, c| orgs.key_for(n, c), &|_| {
        ("crm.csv".into(), 7)
    })
    .0
}

fn rendered(profile: &Profile, golden: &[Golden]) -> Rendered {
    let book = book_of(golden);
    let names = |code: &str| {
        if code == "DE" {
            "Germany".to_string()
        } else {
            String::new()
        }
    };
    let src = Sources {
        golden,
        book: &book,
        country_name: &names,
        place: &|_| ("crm.csv".into(), 7),
    };
    render(profile, &src)
}

fn profile(name: &str) -> Profile {
    Profile::from_locale(&LocaleData::default(), name).unwrap()
}

fn cell<'a>(rows: &'a Rows, row: usize, column: &str) -> &'a str {
    let i = rows.header.iter().position(|h| h == column).unwrap();
    &rows.rows[row][i]
}

#[test]
fn every_profile_names_only_canonical_fields_or_documented_pseudo_fields() {
    for target in crate::config::Target::ALL {
        let p = profile(target.as_str());
        assert_eq!(p.name, target.as_str());
        for object in [Object::Account, Object::Contact] {
            let columns = &p.object(object).columns;
            assert!(!columns.is_empty());
            for c in columns {
                for f in std::iter::once(&c.field).chain(&c.fallback) {
                    assert!(is_known_field(f), "{}: {} names {f}", p.name, c.column);
                }
            }
            assert!(
                columns
                    .iter()
                    .any(|c| c.required && c.field == "account_id")
                    || object == Object::Contact,
                "{}: accounts need their external ID",
                p.name
            );
        }
        assert!(
            p.contact
                .columns
                .iter()
                .any(|c| c.required && c.field == "customer_id"),
            "{}: contacts need their external ID",
            p.name
        );
        assert!(
            p.contact
                .columns
                .iter()
                .any(|c| c.field == "account_id" || c.field == "linked_account_name")
        );
    }
}

#[test]
fn a_profile_naming_an_unknown_field_is_refused() {
    let mut locale = LocaleData::default();
    let text = locale
        .text("targets/zoho.toml")
        .unwrap()
        .replace("\"given_name\"", "\"nickname\"");
    locale.set("targets/zoho.toml", text);
    let e = Profile::from_locale(&locale, "zoho").unwrap_err();
    assert!(e.to_string().contains("nickname"), "{e}");
}

#[test]
fn salesforce_profile_keeps_the_documented_limits() {
    let p = profile("salesforce");
    let max = |column: &str| {
        p.contact
            .columns
            .iter()
            .find(|c| c.column == column)
            .unwrap()
            .max
    };
    assert_eq!(max("FirstName"), Some(40));
    assert_eq!(max("LastName"), Some(80));
    assert_eq!(max("Email"), Some(80));
    assert_eq!(max("MailingCity"), Some(40));
    assert_eq!(max("MailingPostalCode"), Some(20));
    assert!(
        p.contact
            .columns
            .iter()
            .any(|c| c.column == "LastName" && c.required)
    );
    assert!(
        p.account
            .columns
            .iter()
            .any(|c| c.column == "Name" && c.required && c.max == Some(255))
    );
    let hubspot = profile("hubspot");
    assert_eq!(hubspot.max_rows_per_file, Some(1_048_576));
}

#[test]
fn a_long_value_is_cut_to_the_limit_and_said() {
    let long =
        "Wolfeschlegelsteinhausenbergerdorffvortschaftswerkerabcdefghijklmnopqrstuvwxyz0123456789";
    let golden = [customer(
        "C1",
        &[(Field::GivenName, "Hubert"), (Field::FamilyName, long)],
    )];
    let out = rendered(&profile("salesforce"), &golden);
    let last = cell(&out.contacts, 0, "LastName");
    assert_eq!(last.chars().count(), 80);
    assert!(long.starts_with(last));
    let f = out
        .notes
        .findings
        .iter()
        .find(|f| f.code == "target.value_cut")
        .expect("finding");
    assert_eq!(f.field, "family_name");
    assert_eq!(f.raw, long);
    assert_eq!(f.suggestion, last);
    assert!(f.message.contains("C1"), "{}", f.message);
    assert_eq!((f.source.as_str(), f.row), ("crm.csv", 7));
    assert!(
        out.notes
            .changes
            .iter()
            .any(|c| c.id == "C1" && c.column == "LastName")
    );
}

#[test]
fn cuts_count_characters_not_bytes() {
    let name = "Ґ".repeat(45);
    let golden = [customer(
        "C1",
        &[(Field::GivenName, &name), (Field::FamilyName, "Бевз")],
    )];
    let out = rendered(&profile("salesforce"), &golden);
    assert_eq!(cell(&out.contacts, 0, "FirstName"), "Ґ".repeat(40));
}

#[test]
fn an_email_too_long_is_left_out_not_cut() {
    let email = format!("{}@example.org", "a".repeat(80));
    let golden = [customer(
        "C1",
        &[(Field::FamilyName, "Doe"), (Field::Email, &email)],
    )];
    let out = rendered(&profile("salesforce"), &golden);
    assert_eq!(cell(&out.contacts, 0, "Email"), "");
    assert!(
        out.notes
            .findings
            .iter()
            .any(|f| f.code == "target.value_omitted" && f.field == "email")
    );
}

#[test]
fn an_empty_required_last_name_falls_back_and_says_so() {
    let golden = [
        customer("C1", &[(Field::FullName, "Cher")]),
        customer("C2", &[(Field::Email, "info@example.org")]),
        customer("C3", &[(Field::Phone, "+4930111")]),
    ];
    let out = rendered(&profile("salesforce"), &golden);
    assert_eq!(cell(&out.contacts, 0, "LastName"), "Cher");
    assert_eq!(cell(&out.contacts, 1, "LastName"), "info@example.org");
    assert_eq!(cell(&out.contacts, 2, "LastName"), "+4930111");
    let fallbacks: Vec<&str> = out
        .notes
        .findings
        .iter()
        .filter(|f| f.code == "target.required_fallback")
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(fallbacks, ["full_name", "email", "phone"]);
    let golden = [customer("C4", &[(Field::Locality, "Berlin")])];
    let out = rendered(&profile("salesforce"), &golden);
    assert_eq!(
        cell(&out.contacts, 0, "LastName"),
        "C4",
        "the ID when nothing else is there"
    );
}

#[test]
fn contacts_reference_their_account_by_its_external_id() {
    let golden = [
        customer(
            "C2",
            &[
                (Field::GivenName, "Ann"),
                (Field::FamilyName, "Doe"),
                (Field::Organization, "ACME GmbH"),
                (Field::Country, "DE"),
            ],
        ),
        customer(
            "C1",
            &[
                (Field::Organization, "Acme"),
                (Field::Country, "DE"),
                (Field::Locality, "Berlin"),
            ],
        ),
    ];
    let out = rendered(&profile("salesforce"), &golden);
    assert_eq!(out.accounts.rows.len(), 1);
    assert_eq!(
        out.contacts.rows.len(),
        1,
        "the organisation-only customer is no contact"
    );
    let id = cell(&out.accounts, 0, "Steward_Account_Id__c");
    assert!(id.starts_with('A'));
    assert_eq!(cell(&out.contacts, 0, "Account.Steward_Account_Id__c"), id);
    assert_eq!(cell(&out.accounts, 0, "Name"), "Acme");
    assert_eq!(cell(&out.accounts, 0, "BillingCountryCode"), "DE");
    let zoho = rendered(&profile("zoho"), &golden);
    assert_eq!(cell(&zoho.contacts, 0, "Account_Name"), "Acme");
    assert_eq!(cell(&zoho.contacts, 0, "Mailing_Country"), "Germany");
}

#[test]
fn dates_are_written_in_the_profiles_format() {
    assert_eq!(date_in("1984-02-29", "DD/MM/YYYY"), "29/02/1984");
    assert_eq!(date_in("1984-02-29", "YYYY-MM-DD"), "1984-02-29");
    assert_eq!(date_in("29.02.1984", "YYYY-MM-DD"), "29.02.1984");
    assert_eq!(date_in("", "YYYY-MM-DD"), "");
}

/// Writes `rows` one-column rows with `profile`'s limits; returns the files and their texts.
fn split_into_files(profile: &Profile, rows: usize) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let staging = crate::outdir::Staging::new(dir.path()).unwrap();
    let header = vec!["a".to_string()];
    let mut w =
        split::SplitWriter::new(&staging, "import/t", "contacts.csv", profile, &header).unwrap();
    for i in 0..rows {
        w.row(&split::record_bytes(profile, &[i.to_string()]).unwrap())
            .unwrap();
    }
    let (names, written) = w.finish().unwrap();
    assert_eq!(written, rows);
    let folder = staging.dir().join("import/t");
    let mut on_disk: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(on_disk, names, "the files named are the files written");
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(folder.join(&n)).unwrap();
            (n, text)
        })
        .collect()
}

#[test]
fn rows_beyond_the_limit_go_to_numbered_files_each_with_the_header() {
    let mut p = profile("hubspot");
    p.max_rows_per_file = Some(2);
    let files = split_into_files(&p, 5);
    assert_eq!(
        files,
        [
            ("contacts-1.csv".to_string(), "a\n0\n1\n".to_string()),
            ("contacts-2.csv".to_string(), "a\n2\n3\n".to_string()),
            ("contacts-3.csv".to_string(), "a\n4\n".to_string()),
        ]
    );
    // Within the limit: one file under its own name.
    assert_eq!(
        split_into_files(&p, 2),
        [("contacts.csv".to_string(), "a\n0\n1\n".to_string())]
    );
    // No rows: the header alone.
    assert_eq!(
        split_into_files(&p, 0),
        [("contacts.csv".to_string(), "a\n".to_string())]
    );
    // 2 bytes a row ("0\n") and 2 for the header: 6 bytes hold two rows.
    p.max_rows_per_file = None;
    p.max_bytes_per_file = Some(6);
    assert_eq!(split_into_files(&p, 5).len(), 3);
    // A row larger than the limit still goes, alone in its file.
    p.max_bytes_per_file = Some(1);
    assert_eq!(split_into_files(&p, 5).len(), 5);
}

#[test]
fn files_use_the_profiles_line_ending_and_quote_what_needs_it() {
    let p = profile("dynamics");
    let row = split::record_bytes(&p, &["Acme, Inc.".into(), "=1+2".into()]).unwrap();
    assert_eq!(String::from_utf8(row).unwrap(), "\"Acme, Inc.\",=1+2\r\n");
    let p = profile("salesforce");
    let row = split::record_bytes(&p, &["a\"b".into(), "".into()]).unwrap();
    assert_eq!(String::from_utf8(row).unwrap(), "\"a\"\"b\",\n");
}

#[test]
fn an_opt_in_is_written_as_the_targets_opt_out_box() {
    let golden = [
        customer(
            "C1",
            &[
                (Field::FamilyName, "Doe"),
                (Field::EmailOptIn, "false"),
                (Field::DoNotCall, "true"),
            ],
        ),
        customer(
            "C2",
            &[(Field::FamilyName, "Roe"), (Field::EmailOptIn, "true")],
        ),
        customer("C3", &[(Field::FamilyName, "Poe")]),
    ];
    let out = rendered(&profile("salesforce"), &golden);
    assert_eq!(cell(&out.contacts, 0, "HasOptedOutOfEmail"), "true");
    assert_eq!(cell(&out.contacts, 0, "DoNotCall"), "true");
    assert_eq!(cell(&out.contacts, 1, "HasOptedOutOfEmail"), "false");
    assert_eq!(
        cell(&out.contacts, 2, "HasOptedOutOfEmail"),
        "",
        "unknown stays unknown"
    );
    let zoho = rendered(&profile("zoho"), &golden);
    assert_eq!(cell(&zoho.contacts, 0, "Email_Opt_Out"), "true");
}

#[test]
fn an_organisation_only_customers_website_reaches_its_account_row() {
    let golden = [customer(
        "C1",
        &[
            (Field::Organization, "Acme GmbH"),
            (Field::Country, "DE"),
            (Field::Website, "https://acme.example"),
        ],
    )];
    let out = rendered(&profile("salesforce"), &golden);
    assert_eq!(cell(&out.accounts, 0, "Website"), "https://acme.example");
    let long = format!("https://{}.example", "a".repeat(40));
    let golden = [customer(
        "C1",
        &[(Field::Organization, "Acme"), (Field::Website, &long)],
    )];
    let zoho = rendered(&profile("zoho"), &golden);
    assert_eq!(
        cell(&zoho.accounts, 0, "Website"),
        "",
        "a cut URL would be a wrong one"
    );
}
