use super::*;
use crate::locale::LocaleData;
use crate::normalize::org::OrgNormalizer;

/// A golden customer with `fields` set (shared with the target tests).
pub(crate) fn customer(id: &str, fields: &[(Field, &str)]) -> Golden {
    let mut g = Golden {
        customer_id: id.to_string(),
        members: vec![0],
        ..Golden::default()
    };
    for (f, v) in fields {
        g.values.set(*f, v);
    }
    g
}

fn build_book(golden: &[Golden]) -> (AccountBook, Vec<Finding>) {
    let orgs = OrgNormalizer::from_locale(&LocaleData::default()).unwrap();
    build(golden, &|n, c| orgs.key_for(n, c), &|_| {
        ("src.csv".into(), 1)
    })
}

fn person(id: &str, given: &str, org: &str, country: &str) -> Golden {
    customer(
        id,
        &[
            (Field::GivenName, given),
            (Field::FamilyName, "Doe"),
            (Field::Organization, org),
            (Field::Country, country),
        ],
    )
}

#[test]
fn contacts_of_one_organisation_share_one_account_whatever_the_legal_form_and_case() {
    let golden = [
        person("C1", "Ann", "ACME GmbH", "DE"),
        person("C2", "Bob", "Acme", "DE"),
        person("C3", "Cid", "acme gmbh.", "DE"),
    ];
    let (book, _) = build_book(&golden);
    assert_eq!(book.accounts.len(), 1);
    let account = &book.accounts[0];
    assert_eq!(account.contacts, [0, 1, 2]);
    assert!(account.customers.is_empty());
    assert!(account.account_id.starts_with('A') && account.account_id.len() == 13);
    for g in 0..3 {
        assert_eq!(book.roles[g], Role::Contact(Some(0)));
    }
}

#[test]
fn similar_names_and_other_countries_stay_apart() {
    let golden = [
        person("C1", "Ann", "Acme", "DE"),
        person("C2", "Bob", "Acme Logistics", "DE"),
        person("C3", "Cid", "Acme", "FR"),
    ];
    let (book, _) = build_book(&golden);
    assert_eq!(book.accounts.len(), 3);
    let ids: std::collections::BTreeSet<_> =
        book.accounts.iter().map(|a| a.account_id.clone()).collect();
    assert_eq!(ids.len(), 3);
}

#[test]
fn an_organisation_only_customer_is_its_account_and_its_people_link_to_it() {
    let golden = [
        customer(
            "C9",
            &[
                (Field::Organization, "Acme GmbH"),
                (Field::Country, "DE"),
                (Field::Locality, "Berlin"),
                (Field::Phone, "+4930123456"),
            ],
        ),
        person("C1", "Ann", "ACME", "DE"),
        customer("C5", &[(Field::Email, "x@example.org")]),
    ];
    let (book, _) = build_book(&golden);
    assert_eq!(book.accounts.len(), 1);
    let a = &book.accounts[0];
    assert_eq!(a.customers, [0]);
    assert_eq!(a.contacts, [1]);
    assert_eq!(a.values.get(Field::Organization), "Acme GmbH");
    assert_eq!(a.values.get(Field::Phone), "+4930123456");
    assert_eq!(
        book.roles,
        [
            Role::Account(0),
            Role::Contact(Some(0)),
            Role::Contact(None)
        ]
    );
}

#[test]
fn a_contact_without_country_joins_the_one_account_of_its_key() {
    let golden = [
        person("C1", "Ann", "Acme", "DE"),
        person("C2", "Bob", "Acme", ""),
    ];
    let (book, _) = build_book(&golden);
    assert_eq!(book.accounts.len(), 1);
    assert_eq!(book.accounts[0].contacts, [0, 1]);
    let golden = [
        person("C1", "Ann", "Acme", "DE"),
        person("C3", "Cid", "Acme", "FR"),
        person("C2", "Bob", "Acme", ""),
    ];
    let (book, _) = build_book(&golden);
    assert_eq!(
        book.accounts.len(),
        3,
        "ambiguous: it keeps its own account"
    );
}

#[test]
fn ids_and_order_do_not_depend_on_the_row_order() {
    let golden = vec![
        person("C1", "Ann", "Acme", "DE"),
        person("C2", "Bob", "Globex", "US"),
        customer(
            "C3",
            &[(Field::Organization, "Initech"), (Field::Country, "US")],
        ),
    ];
    let mut reversed = golden.clone();
    reversed.reverse();
    let (a, _) = build_book(&golden);
    let (b, _) = build_book(&reversed);
    let ids = |book: &AccountBook| -> Vec<String> {
        book.accounts.iter().map(|a| a.account_id.clone()).collect()
    };
    assert_eq!(ids(&a), ids(&b));
    let mut sorted = ids(&a);
    sorted.sort();
    assert_eq!(ids(&a), sorted);
    assert_eq!(
        a.accounts[0].account_id,
        group::account_id(&GroupKey {
            key: a.accounts[0].key.clone(),
            country: a.accounts[0].country.clone()
        })
    );
}

#[test]
fn every_customer_is_in_exactly_one_place() {
    let golden = [
        person("C1", "Ann", "Acme", "DE"),
        customer(
            "C2",
            &[(Field::Organization, "Acme AG"), (Field::Country, "DE")],
        ),
        customer(
            "C3",
            &[(Field::Organization, "ACME"), (Field::Country, "DE")],
        ),
        customer("C4", &[(Field::Phone, "+4930111")]),
        person("C5", "Bob", "", "DE"),
    ];
    let (book, findings) = build_book(&golden);
    let mut seen = vec![0usize; golden.len()];
    for a in &book.accounts {
        for &g in a.customers.iter().chain(&a.contacts) {
            seen[g] += 1;
        }
    }
    for (g, role) in book.roles.iter().enumerate() {
        if *role == Role::Contact(None) {
            seen[g] += 1;
        }
    }
    assert_eq!(seen, [1, 1, 1, 1, 1]);
    assert_eq!(book.accounts.len(), 1);
    assert_eq!(book.accounts[0].customers, [1, 2], "by customer_id");
    assert!(
        findings
            .iter()
            .any(|f| f.code == "account.customers_folded")
    );
}

#[test]
fn an_account_built_from_contacts_takes_an_address_only_when_all_agree() {
    let mut a = person("C1", "Ann", "Acme", "DE");
    let mut b = person("C2", "Bob", "Acme", "DE");
    a.values.set(Field::Locality, "Berlin");
    b.values.set(Field::Locality, "Berlin");
    let (book, _) = build_book(&[a.clone(), b.clone()]);
    assert_eq!(book.accounts[0].values.get(Field::Locality), "Berlin");
    assert_eq!(book.accounts[0].values.get(Field::Phone), "");
    b.values.set(Field::Locality, "Bonn");
    let (book, _) = build_book(&[a, b]);
    assert_eq!(book.accounts[0].values.get(Field::Locality), "");
}
