//! Survivorship tests: blocks kept together, alternates, sources, stable IDs.

use super::*;

fn rec(source: u32, row: u64, created: &str, fields: &[(Field, &str)]) -> Record {
    let mut r = Record {
        source,
        row,
        ..Record::default()
    };
    r.values.set(Field::CreatedAt, created);
    for (f, v) in fields {
        r.values.set(*f, *v);
    }
    r
}

fn names() -> Vec<String> {
    vec!["crm.csv".into(), "shop.csv".into(), "new.csv".into()]
}

fn keys(records: &[Record]) -> Vec<String> {
    records.iter().map(|r| format!("K{}", r.row)).collect()
}

/// Survivorship with no pass-through columns, flags or locale knowledge.
fn run(
    records: &[Record],
    clusters: &[Vec<usize>],
    pinned: &[Option<String>],
    rules: &SurvivorshipRules,
    priorities: &[i32],
) -> Vec<Golden> {
    let (names, keys) = (names(), keys(records));
    build(
        &Inputs::new(records, &names, &keys, priorities),
        clusters,
        pinned,
        rules,
        &crate::progress::NoProgress,
    )
    .expect("nothing stops it")
}

#[test]
fn address_is_taken_whole_from_the_most_recent_complete_record() {
    let records = vec![
        rec(
            0,
            1,
            "2019-03-01",
            &[
                (Field::AddressLine1, "12 Baker St"),
                (Field::PostalCode, "NW1 6XE"),
                (Field::Locality, "London"),
            ],
        ),
        rec(
            0,
            2,
            "2024-05-01",
            &[
                (Field::AddressLine1, "7 Quay Rd"),
                (Field::Locality, "Leeds"),
            ],
        ),
        rec(1, 3, "2025-01-01", &[(Field::PostalCode, "LS1 4AP")]),
    ];
    let g = run(
        &records,
        &[vec![0, 1, 2]],
        &[None],
        &SurvivorshipRules::default(),
        &[],
    );
    let v = &g[0].values;
    assert_eq!(
        (
            v.get(Field::AddressLine1),
            v.get(Field::Locality),
            v.get(Field::PostalCode)
        ),
        ("7 Quay Rd", "Leeds", "")
    );
    assert_eq!(g[0].value_source.get(Field::AddressLine1), Some(1));
    assert_eq!(g[0].value_source.get(Field::PostalCode), None);
}

#[test]
fn names_most_frequent_contacts_with_alternates_and_earliest_created() {
    let records = vec![
        rec(
            0,
            1,
            "2020-01-01",
            &[
                (Field::GivenName, "Jon"),
                (Field::Email, "jon@old.com"),
                (Field::Phone, "+447700900001"),
            ],
        ),
        rec(
            1,
            2,
            "2023-01-01",
            &[
                (Field::GivenName, "John"),
                (Field::Email, "john@new.com"),
                (Field::Phone, "+447700900002"),
                (Field::PhoneAlt, "+441132460000"),
            ],
        ),
        rec(
            1,
            3,
            "2022-01-01",
            &[(Field::GivenName, "John"), (Field::Email, "john@new.com")],
        ),
    ];
    let g = run(
        &records,
        &[vec![0, 1, 2]],
        &[None],
        &SurvivorshipRules::default(),
        &[0, 0],
    );
    let v = &g[0].values;
    assert_eq!(v.get(Field::GivenName), "John");
    assert_eq!(v.get(Field::Email), "john@new.com");
    assert_eq!(v.get(Field::EmailAlt), "jon@old.com");
    assert_eq!(v.get(Field::Phone), "+447700900002");
    assert!(!v.get(Field::PhoneAlt).is_empty() && v.get(Field::PhoneAlt) != v.get(Field::Phone));
    assert_eq!(v.get(Field::CreatedAt), "2020-01-01");
    assert_eq!(g[0].value_source.get(Field::EmailAlt), Some(0));
}

#[test]
fn source_priority_rule_from_config() {
    let records = vec![
        rec(0, 1, "", &[(Field::Email, "a@x.com")]),
        rec(1, 2, "", &[(Field::Email, "b@x.com")]),
    ];
    let rules: SurvivorshipRules =
        toml::from_str("[rules]\nemail = [\"source_priority\"]\n").unwrap();
    let g = run(&records, &[vec![0, 1]], &[None], &rules, &[1, 9]);
    assert_eq!(g[0].values.get(Field::Email), "b@x.com");
}

#[test]
fn ids_are_stable_when_a_source_is_added() {
    let mut records = vec![rec(0, 1, "", &[]), rec(0, 2, "", &[]), rec(1, 1, "", &[])];
    let clusters = vec![vec![0, 2], vec![1]];
    let before = run(
        &records,
        &clusters,
        &[None, None],
        &SurvivorshipRules::default(),
        &[],
    );
    records.push(rec(2, 1, "", &[]));
    records.push(rec(2, 2, "", &[]));
    let clusters = vec![vec![0, 2, 4], vec![1], vec![3]];
    let after = run(
        &records,
        &clusters,
        &[None, None, None],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_eq!(
        before[0].customer_id, after[0].customer_id,
        "grown cluster keeps its ID"
    );
    assert_eq!(
        before[1].customer_id, after[1].customer_id,
        "untouched cluster keeps its ID"
    );
    assert_ne!(after[2].customer_id, after[1].customer_id);
    assert!(after[0].customer_id.starts_with('C') && after[0].customer_id.len() == 13);
}

#[test]
fn duplicate_keys_and_pins_still_give_unique_ids() {
    let records = vec![rec(0, 1, "", &[]), rec(0, 1, "", &[]), rec(0, 2, "", &[])];
    let clusters = vec![vec![0], vec![1], vec![2]];
    let g = run(
        &records,
        &clusters,
        &[None, None, Some("C-VIP".into())],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_ne!(g[0].customer_id, g[1].customer_id);
    assert_eq!(g[2].customer_id, "C-VIP");
    let again = run(
        &records,
        &clusters,
        &[None, None, Some("C-VIP".into())],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_eq!(g, again);
}

fn knowledge() -> Knowledge {
    Knowledge::from_locale(&crate::locale::LocaleData::default()).unwrap()
}

/// Survivorship with locale knowledge, pass-through headers per source and flagged e-mails.
fn run_with(
    records: &[Record],
    clusters: &[Vec<usize>],
    rules: &SurvivorshipRules,
    headers: &[Vec<String>],
    suspects: &HashSet<(usize, String)>,
) -> (Vec<Golden>, Vec<String>) {
    let (names, keys) = (names(), keys(records));
    let knowledge = knowledge();
    let columns = PassColumns::new(headers, Some(&knowledge.consent));
    let inputs = Inputs {
        passthrough: Some(&columns),
        suspect_emails: Some(suspects),
        knowledge: Some(&knowledge),
        ..Inputs::new(records, &names, &keys, &[0, 0, 0])
    };
    let pinned = vec![None; clusters.len()];
    let golden = build(
        &inputs,
        clusters,
        &pinned,
        rules,
        &crate::progress::NoProgress,
    )
    .expect("nothing stops it");
    (golden, columns.names.clone())
}

/// Survivorship with locale knowledge only.
fn run_knowing(
    records: &[Record],
    clusters: &[Vec<usize>],
    rules: &SurvivorshipRules,
) -> (Vec<Golden>, Vec<String>) {
    run_with(records, clusters, rules, &[], &HashSet::default())
}

fn name_rec(source: u32, row: u64, parts: [&str; 4]) -> Record {
    let [given, middle, family, full] = parts;
    rec(
        source,
        row,
        "",
        &[
            (Field::GivenName, given),
            (Field::MiddleName, middle),
            (Field::FamilyName, family),
            (Field::FullName, full),
        ],
    )
}

fn name_of(g: &Golden) -> [&str; 4] {
    [
        Field::GivenName,
        Field::MiddleName,
        Field::FamilyName,
        Field::FullName,
    ]
    .map(|f| g.values.get(f))
}

#[test]
fn the_name_survives_as_one_block_in_the_script_most_members_use() {
    let records = vec![
        name_rec(0, 1, ["Alina", "", "Khomenko", "Alina Khomenko"]),
        name_rec(
            1,
            2,
            [
                "Аліна",
                "Амвросійовна",
                "Хоменко",
                "Аліна Амвросійовна Хоменко",
            ],
        ),
        name_rec(2, 3, ["Alina", "", "Khomenko", "Alina Khomenko"]),
    ];
    let g = run(
        &records,
        &[vec![0, 1, 2]],
        &[None],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_eq!(name_of(&g[0]), ["Alina", "", "Khomenko", "Alina Khomenko"]);
    assert_eq!(g[0].name_alt, "Аліна Амвросійовна Хоменко");
    assert_eq!(g[0].value_source.get(Field::MiddleName), None);

    let native: SurvivorshipRules = toml::from_str("name_script = \"native\"\n").unwrap();
    let g = run(&records, &[vec![0, 1, 2]], &[None], &native, &[]);
    assert_eq!(
        name_of(&g[0]),
        [
            "Аліна",
            "Амвросійовна",
            "Хоменко",
            "Аліна Амвросійовна Хоменко"
        ]
    );
    assert_eq!(g[0].name_alt, "Alina Khomenko");
    assert_eq!(g[0].value_source.get(Field::GivenName), Some(1));
}

#[test]
fn a_tie_between_scripts_goes_to_the_fuller_name_never_to_a_mixture() {
    let records = vec![
        name_rec(0, 1, ["Alina", "", "Khomenko", "Alina Khomenko"]),
        name_rec(
            1,
            2,
            [
                "Аліна",
                "Амвросійовна",
                "Хоменнко",
                "Аліна Амвросійовна Хоменнко",
            ],
        ),
    ];
    let g = run(
        &records,
        &[vec![0, 1]],
        &[None],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_eq!(
        name_of(&g[0]),
        [
            "Аліна",
            "Амвросійовна",
            "Хоменнко",
            "Аліна Амвросійовна Хоменнко"
        ],
        "the fuller member's whole block"
    );
    assert_eq!(g[0].name_alt, "Alina Khomenko");
}

#[test]
fn a_full_name_that_does_not_hold_the_parts_is_composed_and_one_alone_is_kept() {
    let records = vec![
        name_rec(0, 1, ["Anna", "", "Kowalska", "Anna Nowak"]),
        name_rec(0, 2, ["", "", "", "Dr Anna Kowalska"]),
    ];
    let g = run(
        &records,
        &[vec![0], vec![1]],
        &[None, None],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_eq!(g[0].values.get(Field::FullName), "Anna Kowalska");
    assert_eq!(g[1].values.get(Field::FullName), "Dr Anna Kowalska");
}

fn street_rec(source: u32, row: u64, created: &str, parts: &[(Field, &str)]) -> Record {
    let mut r = rec(source, row, created, parts);
    r.country = crate::record::Country::new("UA");
    r
}

#[test]
fn address_gaps_are_filled_from_members_at_the_same_street_and_town_only() {
    use Field::*;
    let records = vec![
        street_rec(
            0,
            1,
            "2024-01-01",
            &[
                (AddressLine1, "vul. Ivana Franka, 223, Kv. 25"),
                (Locality, "Poltava"),
            ],
        ),
        street_rec(
            1,
            2,
            "2020-01-01",
            &[
                (AddressLine1, "вулиця Івана Франка, 223"),
                (Locality, "Полтава"),
                (PostalCode, "36504"),
            ],
        ),
        street_rec(
            1,
            3,
            "2021-01-01",
            &[
                (AddressLine1, "вулиця Шевченка, 10"),
                (Locality, "Полтава"),
                (PostalCode, "36000"),
                (District, "Київський район"),
            ],
        ),
        street_rec(
            2,
            4,
            "2019-01-01",
            &[(Locality, "Poltava"), (Region, "Полтавська область")],
        ),
        street_rec(
            2,
            5,
            "2022-01-01",
            &[(Locality, "Lviv"), (District, "Франківський район")],
        ),
    ];
    let (g, _) = run_knowing(
        &records,
        &[vec![0, 1, 2, 3, 4]],
        &SurvivorshipRules::default(),
    );
    let v = &g[0].values;
    assert_eq!(v.get(AddressLine1), "vul. Ivana Franka, 223, Kv. 25");
    assert_eq!(
        v.get(PostalCode),
        "36504",
        "the same house in the other script"
    );
    assert_eq!(g[0].value_source.get(PostalCode), Some(1));
    assert_eq!(
        v.get(Region),
        "Полтавська область",
        "same town, no street to differ"
    );
    assert_eq!(
        v.get(District),
        "",
        "another street or another town gives nothing"
    );
}

#[test]
fn towns_under_other_names_are_written_under_the_canonical_one_and_agree() {
    use Field::*;
    let records = vec![
        street_rec(
            0,
            1,
            "2024-01-01",
            &[(AddressLine1, "38 Horodotska St"), (Locality, "Kyiv")],
        ),
        street_rec(
            1,
            2,
            "2020-01-01",
            &[(Locality, "Kiev"), (PostalCode, "02260")],
        ),
        street_rec(
            0,
            3,
            "",
            &[(AddressLine1, "вул. Городоцька, 38"), (Locality, "Київ")],
        ),
    ];
    let (g, _) = run_knowing(
        &records,
        &[vec![0, 1], vec![2]],
        &SurvivorshipRules::default(),
    );
    assert_eq!(g[0].values.get(Locality), "Київ");
    assert_eq!(g[0].values.get(PostalCode), "02260", "Kiev is Kyiv");
    assert_eq!(g[1].values.get(Locality), "Київ");
    let as_written: SurvivorshipRules = toml::from_str("place_names = \"as_written\"\n").unwrap();
    let (g, _) = run_knowing(&records, &[vec![0, 1]], &as_written);
    assert_eq!(g[0].values.get(Locality), "Kyiv");
}

fn mail_rec(row: u64, created: &str, email: &str, given: &str, family: &str) -> Record {
    let mut r = rec(0, row, created, &[(Field::Email, email)]);
    r.keys.set(crate::record::MatchKey::Given, given);
    r.keys.set(crate::record::MatchKey::Family, family);
    r
}

#[test]
fn a_misspelt_email_loses_to_the_spelling_that_agrees_with_the_name() {
    let records = vec![
        mail_rec(
            1,
            "2016-01-12",
            "ferdinand.ruppersebrger@posteo.de",
            "ferdinand",
            "ruppersberger",
        ),
        mail_rec(
            2,
            "",
            "ferdinand.ruppersberger@posteo.de",
            "ferdinand",
            "rupeprsberger",
        ),
    ];
    let g = run(
        &records,
        &[vec![0, 1]],
        &[None],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_eq!(
        g[0].values.get(Field::Email),
        "ferdinand.ruppersberger@posteo.de"
    );
    assert_eq!(
        g[0].values.get(Field::EmailAlt),
        "",
        "a misspelling is no alternate"
    );
    let records = vec![
        mail_rec(1, "2024-01-01", "mariann.anurek@wp.pl", "marianna", "nurek"),
        mail_rec(2, "2019-01-01", "marianna.nurek@wp.pl", "marianna", "nurek"),
    ];
    let g = run(
        &records,
        &[vec![0, 1]],
        &[None],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_eq!(
        g[0].values.get(Field::Email),
        "marianna.nurek@wp.pl",
        "the same letters, but only one spelling's words are the names"
    );
}

#[test]
fn a_country_alone_is_no_address_to_win_over_a_postcode() {
    let records = vec![
        rec(0, 1, "2019-04-02", &[(Field::Country, "GB")]),
        rec(
            1,
            2,
            "2019-01-21",
            &[(Field::PostalCode, "LS26 5QT"), (Field::Country, "GB")],
        ),
    ];
    let g = run(
        &records,
        &[vec![0, 1]],
        &[None],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_eq!(g[0].values.get(Field::PostalCode), "LS26 5QT");
    assert_eq!(g[0].values.get(Field::Country), "GB");
}

#[test]
fn a_flagged_domain_typo_loses_and_distinct_addresses_go_by_agreement_then_recency() {
    let records = vec![
        mail_rec(
            1,
            "2024-01-01",
            "clifford.smith68@gmial.com",
            "clifford",
            "smith",
        ),
        mail_rec(
            2,
            "2020-01-01",
            "clifford.smith68@gmail.com",
            "clifford",
            "smith",
        ),
        mail_rec(3, "2019-01-01", "c.smith@work.example", "clifford", "smith"),
        mail_rec(4, "2023-01-01", "c.smith@work.example", "clifford", "smith"),
    ];
    let mut suspects = HashSet::default();
    suspects.insert((0, "clifford.smith68@gmial.com".to_string()));
    let (g, _) = run_with(
        &records,
        &[vec![0, 1], vec![1, 2, 3], vec![0, 2, 3]],
        &SurvivorshipRules::default(),
        &[],
        &suspects,
    );
    assert_eq!(g[0].values.get(Field::Email), "clifford.smith68@gmail.com");
    assert_eq!(
        g[1].values.get(Field::Email),
        "c.smith@work.example",
        "two agree"
    );
    assert_eq!(
        g[1].values.get(Field::EmailAlt),
        "clifford.smith68@gmail.com"
    );
    assert_eq!(
        g[2].values.get(Field::Email),
        "c.smith@work.example",
        "valid first"
    );
    assert_eq!(g[2].values.get(Field::EmailAlt), "");
}

fn extra_rec(source: u32, row: u64, created: &str, extra: &[&str]) -> Record {
    let mut r = rec(source, row, created, &[(Field::GivenName, "Ann")]);
    r.extra = extra.iter().map(|s| s.to_string()).collect();
    r
}

fn headers(list: &[&[&str]]) -> Vec<Vec<String>> {
    list.iter()
        .map(|h| h.iter().map(|s| s.to_string()).collect())
        .collect()
}

#[test]
fn pass_through_columns_survive_most_recent_and_consent_most_restrictive() {
    let heads = headers(&[
        &["Owner", "newsletter", "DoNotCall", "GDPR consent date"],
        &["newsletter", "Owner", "Segment"],
    ]);
    let records = vec![
        extra_rec(0, 1, "2024-03-01", &["Olena", "yes", "false", "2024-03-01"]),
        extra_rec(1, 2, "2019-05-01", &["no", "Petro", "VIP"]),
        extra_rec(0, 3, "2022-01-01", &["", "true", "1", ""]),
        extra_rec(0, 4, "2021-01-01", &["Ivan", "yes", "", "2021-01-01"]),
        extra_rec(1, 5, "2023-01-01", &["", "Maria", ""]),
    ];
    let (g, columns) = run_with(
        &records,
        &[vec![0, 1, 2], vec![3, 4]],
        &SurvivorshipRules::default(),
        &heads,
        &HashSet::default(),
    );
    assert_eq!(
        columns,
        [
            "Owner",
            "newsletter",
            "DoNotCall",
            "GDPR consent date",
            "Segment"
        ],
        "one column per header name, in first-seen order"
    );
    assert_eq!(g[0].extra, ["Olena", "no", "1", "", "VIP"]);
    assert_eq!(g[1].extra, ["Maria", "yes", "", "2021-01-01", ""]);
}

#[test]
fn consent_flags_take_the_most_restrictive_answer_of_their_channel() {
    let heads = headers(&[
        &["newsletter", "DoNotCall", "GDPR consent date"],
        &["Do not contact"],
    ]);
    let records = vec![
        extra_rec(0, 1, "2024-03-01", &["yes", "false", "2024-03-01"]),
        extra_rec(0, 2, "2019-05-01", &["no", "", ""]),
        extra_rec(0, 3, "2023-01-01", &["yes", "", "2023-01-01"]),
        extra_rec(1, 4, "2020-01-01", &["yes"]),
        extra_rec(0, 5, "2022-01-01", &["", "", "2022-01-01"]),
    ];
    let (g, _) = run_with(
        &records,
        &[vec![0, 1], vec![2, 3], vec![4]],
        &SurvivorshipRules::default(),
        &heads,
        &HashSet::default(),
    );
    let flags = |c: usize| {
        let v = &g[c].values;
        (v.get(Field::EmailOptIn), v.get(Field::DoNotCall))
    };
    // An old newsletter refusal beats a newer agreement; DoNotCall=false agrees to calls.
    assert_eq!(flags(0), ("false", "false"));
    assert_eq!(g[0].value_source.get(Field::EmailOptIn), Some(1));
    // "Do not contact: yes" names no channel: it forbids both, whatever the newsletter says.
    assert_eq!(flags(1), ("false", "true"));
    // A general consent date proves no channel in particular: both flags stay unknown.
    assert_eq!(flags(2), ("", ""));
}

#[test]
fn a_flag_mapped_as_a_field_reads_by_its_own_polarity() {
    let records = vec![
        rec(
            0,
            1,
            "2024-01-01",
            &[(Field::DoNotCall, "Y"), (Field::EmailOptIn, "TRUE")],
        ),
        rec(
            0,
            2,
            "2025-01-01",
            &[(Field::DoNotCall, "N"), (Field::EmailOptIn, "1")],
        ),
    ];
    let (g, _) = run_knowing(&records, &[vec![0, 1]], &SurvivorshipRules::default());
    assert_eq!(g[0].values.get(Field::DoNotCall), "true");
    assert_eq!(g[0].values.get(Field::EmailOptIn), "true");
}

#[test]
fn descriptive_fields_survive_by_their_own_rules() {
    let records = vec![
        rec(
            0,
            1,
            "2019-01-01",
            &[
                (Field::GivenName, "Anna"),
                (Field::FamilyName, "Lee"),
                (Field::JobTitle, "Analyst"),
                (Field::LeadSource, "Trade show"),
                (Field::Notes, "Met at the fair"),
            ],
        ),
        rec(
            1,
            2,
            "2024-01-01",
            &[
                (Field::GivenName, "Anna"),
                (Field::FamilyName, "Lee"),
                (Field::MiddleName, "May"),
                (Field::JobTitle, "Head of Analytics"),
                (Field::LeadSource, "Web"),
                (Field::Notes, "wants a demo"),
                (Field::SourceRecordId, "003A000001"),
            ],
        ),
        rec(
            0,
            3,
            "2022-01-01",
            &[
                (Field::Notes, "met  AT the fair"),
                (Field::SourceRecordId, "17"),
            ],
        ),
    ];
    let g = run(
        &records,
        &[vec![0, 1, 2]],
        &[None],
        &SurvivorshipRules::default(),
        &[],
    );
    let v = &g[0].values;
    assert_eq!(
        v.get(Field::JobTitle),
        "Head of Analytics",
        "the latest role"
    );
    assert_eq!(v.get(Field::LeadSource), "Trade show", "the first channel");
    assert_eq!(
        v.get(Field::Notes),
        "wants a demo | met  AT the fair",
        "every distinct note, the most recent first"
    );
    // The name came from record 1 (fullest), and so does the record ID to update.
    assert_eq!(v.get(Field::MiddleName), "May");
    assert_eq!(v.get(Field::SourceRecordId), "003A000001");
    assert_eq!(g[0].value_source.get(Field::SourceRecordId), Some(1));
}
