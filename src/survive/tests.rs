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
    let g = build(
        &records,
        &names(),
        &keys(&records),
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
    let g = build(
        &records,
        &names(),
        &keys(&records),
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
    let g = build(
        &records,
        &names(),
        &keys(&records),
        &[vec![0, 1]],
        &[None],
        &rules,
        &[1, 9],
    );
    assert_eq!(g[0].values.get(Field::Email), "b@x.com");
}

#[test]
fn ids_are_stable_when_a_source_is_added() {
    let mut records = vec![rec(0, 1, "", &[]), rec(0, 2, "", &[]), rec(1, 1, "", &[])];
    let clusters = vec![vec![0, 2], vec![1]];
    let before = build(
        &records,
        &names(),
        &keys(&records),
        &clusters,
        &[None, None],
        &SurvivorshipRules::default(),
        &[],
    );
    records.push(rec(2, 1, "", &[]));
    records.push(rec(2, 2, "", &[]));
    let clusters = vec![vec![0, 2, 4], vec![1], vec![3]];
    let after = build(
        &records,
        &names(),
        &keys(&records),
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
    let g = build(
        &records,
        &names(),
        &keys(&records),
        &clusters,
        &[None, None, Some("C-VIP".into())],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_ne!(g[0].customer_id, g[1].customer_id);
    assert_eq!(g[2].customer_id, "C-VIP");
    let again = build(
        &records,
        &names(),
        &keys(&records),
        &clusters,
        &[None, None, Some("C-VIP".into())],
        &SurvivorshipRules::default(),
        &[],
    );
    assert_eq!(g, again);
}
