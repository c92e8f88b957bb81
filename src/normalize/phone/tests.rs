//! Tests of the phone normaliser on whole cells and records.

use super::*;
use crate::finding::Issue;
use proptest::prelude::*;
use std::sync::LazyLock;

static NORMALIZER: LazyLock<PhoneNormalizer> = LazyLock::new(|| {
    PhoneNormalizer::from_locale(&LocaleData::default()).expect("built-in phone.toml")
});

fn normalize(country: Option<&str>, phone: &str) -> (Record, Vec<Issue>) {
    let mut rec = Record {
        country: country.and_then(Country::new),
        ..Record::default()
    };
    rec.raw.set(Field::Phone, phone);
    let mut issues = Vec::new();
    NORMALIZER.apply(&mut rec, &RowContext::default(), &mut issues);
    (rec, issues)
}

fn phone(country: Option<&str>, cell: &str) -> String {
    normalize(country, cell)
        .0
        .values
        .get(Field::Phone)
        .to_string()
}

fn codes(country: Option<&str>, cell: &str) -> Vec<&'static str> {
    normalize(country, cell).1.iter().map(|i| i.code).collect()
}

#[test]
fn real_world_cells() {
    assert_eq!(phone(Some("UA"), "тел. (050) 123-45-67"), "+380501234567");
    assert_eq!(phone(Some("UA"), "8 050 123 45 67"), "+380501234567");
    assert_eq!(phone(Some("UA"), "+38 (050) 123-45-67"), "+380501234567");
    assert_eq!(phone(Some("TH"), "โทร. 0066 81 234 5678"), "+66812345678");
    assert_eq!(phone(Some("US"), "001 (201) 555-0123"), "+12015550123");
    assert_eq!(phone(Some("DE"), "4915112345678"), "+4915112345678");
    assert_eq!(phone(Some("DE"), "+49 (0)30 1234567"), "+49301234567");
    assert_eq!(phone(Some("DE"), "030/1234567"), "+49301234567");
    assert_eq!(phone(Some("FR"), "06.12.34.56.78"), "+33612345678");
    assert_eq!(phone(Some("GB"), "Mob: 07400 123456"), "+447400123456");
    assert_eq!(phone(Some("TH"), "0-2123-4567"), "+6621234567");
    assert_eq!(phone(Some("TH"), "+66 (0) 81 234 5678"), "+66812345678");
    assert_eq!(phone(Some("UA"), "1 (201) 555-0123"), "+12015550123");
    assert_eq!(phone(Some("RU"), "(495) 123-45-67"), "+74951234567");
    assert_eq!(phone(Some("RU"), "8 10 49 30 1234567"), "+49301234567");
}

#[test]
fn extension_type_and_alternate() {
    let (rec, _) = normalize(Some("US"), "(201) 555-0123 ext. 45, 201-555-0199");
    assert_eq!(rec.values.get(Field::Phone), "+12015550123");
    assert_eq!(rec.values.get(Field::PhoneExt), "45");
    assert_eq!(rec.values.get(Field::PhoneAlt), "+12015550199");
    let (rec, _) = normalize(Some("UA"), "050 123 45 67");
    assert_eq!(rec.values.get(Field::PhoneType), "mobile");
    let (rec, issues) = normalize(None, "tel:+1-201-555-0123;ext=123");
    assert_eq!(rec.values.get(Field::Phone), "+12015550123");
    assert_eq!(rec.values.get(Field::PhoneExt), "123");
    assert!(issues.is_empty());
}

#[test]
fn separate_alt_and_ext_columns() {
    let mut rec = Record {
        country: Country::new("PL"),
        ..Record::default()
    };
    rec.raw.set(Field::Phone, "12 345 67 89");
    rec.raw.set(Field::PhoneAlt, "tel. kom. 512 345 678");
    rec.raw.set(Field::PhoneExt, "wew. 21");
    NORMALIZER.apply(&mut rec, &RowContext::default(), &mut Vec::new());
    assert_eq!(rec.values.get(Field::Phone), "+48123456789");
    assert_eq!(rec.values.get(Field::PhoneAlt), "+48512345678");
    assert_eq!(rec.values.get(Field::PhoneExt), "21");
}

#[test]
fn findings_instead_of_guesses() {
    assert_eq!(phone(None, "050 123 45 67"), "");
    assert_eq!(codes(None, "050 123 45 67"), ["phone.no_country"]);
    assert_eq!(phone(Some("UA"), "3.80501E+11"), "");
    assert_eq!(codes(Some("UA"), "3.80501E+11"), ["phone.excel_damaged"]);
    assert_eq!(codes(Some("UA"), "+380 00 123 4567"), ["phone.invalid"]);
    assert_eq!(codes(Some("UA"), "дзвонити в офіс"), ["phone.unparseable"]);
    assert!(codes(Some("UA"), "n/a").is_empty());
    let three = "050 123 45 67, 067 123 45 67, 063 123 45 67";
    assert_eq!(codes(Some("UA"), three), ["phone.too_many"]);
}

#[test]
fn international_number_without_row_country() {
    assert_eq!(phone(None, "+48 12 345 67 89"), "+48123456789");
    assert_eq!(phone(None, "0048 12 345 67 89"), "+48123456789");
}

#[test]
fn two_numbers_separated_only_by_a_space() {
    let (rec, _) = normalize(Some("UA"), "0501234567 0671234567");
    assert_eq!(rec.values.get(Field::Phone), "+380501234567");
    assert_eq!(rec.values.get(Field::PhoneAlt), "+380671234567");
}

#[test]
fn fixture_slice_is_recovered_without_wrong_numbers() {
    let fixture = include_str!("../../../benches/data/phones.csv");
    let mut reader = csv::Reader::from_reader(fixture.as_bytes());
    let (mut knowable, mut recovered, mut wrong) = (0, 0, 0);
    for row in reader.records().take(1500).flatten() {
        let (country, cell, expected) = (&row[0], &row[1], &row[2]);
        let got = phone(Some(country).filter(|c| !c.is_empty()), cell);
        if !expected.is_empty() {
            knowable += 1;
            recovered += usize::from(got == expected);
        }
        wrong += usize::from(!got.is_empty() && got != expected);
    }
    assert!(
        recovered * 1000 >= knowable * 995,
        "recovered {recovered} of {knowable}"
    );
    assert!(wrong <= 2, "{wrong} wrong numbers");
}

proptest! {
    #[test]
    fn e164_output_normalises_to_itself(
        country in prop::sample::select(vec!["UA", "TH", "US", "GB", "DE", "FR", "PL", "RU", "IT"]),
        other in prop::sample::select(vec![None, Some("UA"), Some("US"), Some("DE")]),
        digits in "[0-9]{6,12}",
        prefix in prop::sample::select(vec!["", "0", "+", "00", "8 0"]),
    ) {
        let first = phone(Some(country), &format!("{prefix}{digits}"));
        if !first.is_empty() {
            prop_assert_eq!(&phone(Some(country), &first), &first);
            prop_assert_eq!(&phone(other, &first), &first);
        }
    }

    #[test]
    fn never_panics(cell in "\\PC{0,40}", country in prop::sample::select(vec![None, Some("UA"), Some("TH")])) {
        let _ = normalize(country, &cell);
    }
}

#[test]
fn each_number_is_marked_mobile_or_not() {
    let (rec, _) = normalize(Some("UA"), "050 123 45 67, (044) 234-56-78");
    assert_eq!(rec.keys.get(MatchKey::PhoneKinds), "mf");
    let (rec, _) = normalize(Some("GB"), "020 7946 0018");
    assert_eq!(rec.keys.get(MatchKey::PhoneKinds), "f");
    // A North American number's plan does not say whether it is a mobile.
    let (rec, _) = normalize(Some("US"), "(773) 919-9207");
    assert_eq!(rec.keys.get(MatchKey::PhoneKinds), "b");
    let (rec, _) = normalize(Some("UA"), "");
    assert_eq!(rec.keys.get(MatchKey::PhoneKinds), "");
}

#[test]
fn unresolved_numbers_keep_their_digits_for_comparison() {
    // No country to place a national number in: the finding says so, the digits stay.
    let (rec, issues) = normalize(None, "050 123 45 67");
    assert_eq!(rec.values.get(Field::Phone), "");
    assert_eq!(rec.keys.get(MatchKey::PhoneDigits), "0501234567");
    assert!(issues.iter().any(|i| i.code == "phone.no_country"));
    // A seven-digit local number, not valid in the plan without its area code.
    let (rec, issues) = normalize(Some("US"), "294-5185");
    assert_eq!(rec.keys.get(MatchKey::PhoneDigits), "2945185");
    assert!(!issues.is_empty());
    // A resolved number and an unresolved one: the unresolved fills the second slot.
    let (rec, _) = normalize(Some("US"), "(773) 919-9207 / 294-5185");
    assert_eq!(rec.values.get(Field::Phone), "+17739199207");
    assert_eq!(rec.keys.get(MatchKey::PhoneDigits), "2945185");
    // Too short to be anyone's number: not kept.
    let (rec, _) = normalize(None, "12-34");
    assert_eq!(rec.keys.get(MatchKey::PhoneDigits), "");
}
