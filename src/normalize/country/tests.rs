//! Tests for the country normaliser, on names as real exports write them.

use super::*;
use proptest::prelude::*;
use std::sync::OnceLock;

fn norm() -> &'static CountryNormalizer {
    static N: OnceLock<CountryNormalizer> = OnceLock::new();
    N.get_or_init(
        || match CountryNormalizer::from_locale(&LocaleData::default()) {
            Ok(n) => n,
            Err(e) => panic!("built-in countries.toml must load: {e}"),
        },
    )
}

fn code(text: &str) -> Option<String> {
    norm().parse(text).map(|c| c.to_string())
}

#[test]
fn every_iso_country_is_in_the_table() {
    let known = norm().table.facts.len();
    assert!(known >= 250, "only {known} countries");
    assert_eq!(Country::new("ua").map(|c| norm().name(c)), Some("Ukraine"));
}

#[test]
fn codes_in_every_iso_form() {
    for (text, want) in [
        ("UA", "UA"),
        ("ua", "UA"),
        ("UKR", "UA"),
        ("tha", "TH"),
        ("🇹🇭", "TH"),
    ] {
        assert_eq!(code(text).as_deref(), Some(want), "{text}");
    }
    assert_eq!(code("UK").as_deref(), Some("GB"));
    assert_eq!(code("999"), None);
    // Digits are not read as ISO numeric codes: "380" is Italy's ISO number but Ukraine's calling code.
    assert_eq!(code("380"), None);
    assert_eq!(code("804"), None);
}

#[test]
fn english_variants() {
    for t in [
        "USA",
        "U.S.A.",
        "United States of America",
        "America",
        "united states",
        "US",
    ] {
        assert_eq!(code(t).as_deref(), Some("US"), "{t}");
    }
    for t in [
        "UK",
        "U.K.",
        "Great Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
    ] {
        assert_eq!(code(t).as_deref(), Some("GB"), "{t}");
    }
    assert_eq!(code("Holland").as_deref(), Some("NL"));
    assert_eq!(code("The Netherlands").as_deref(), Some("NL"));
    assert_eq!(code("Czech Republic").as_deref(), Some("CZ"));
    assert_eq!(code("Czechia").as_deref(), Some("CZ"));
    assert_eq!(code("Korea, South").as_deref(), Some("KR"));
    assert_eq!(code("Russia").as_deref(), Some("RU"));
    assert_eq!(code("Viet Nam").as_deref(), Some("VN"));
    assert_eq!(code("Cote d'Ivoire").as_deref(), Some("CI"));
    assert_eq!(code("Republic of Poland").as_deref(), Some("PL"));
    assert_eq!(code("St Kitts and Nevis").as_deref(), Some("KN"));
    assert_eq!(code("Trinidad & Tobago").as_deref(), Some("TT"));
    assert_eq!(code("Guinea, Equatorial").as_deref(), Some("GQ"));
    assert_eq!(code("Lao PDR").as_deref(), Some("LA"));
    assert_eq!(code("Phillipines").as_deref(), Some("PH"));
    assert_eq!(
        code("Columbia").as_deref(),
        Some("CO"),
        "common misspelling, one letter off"
    );
}

#[test]
fn native_and_foreign_names() {
    let cases = [
        ("Україна", "UA"),
        ("Украина", "UA"),
        ("Ukraina", "UA"),
        ("ประเทศไทย", "TH"),
        ("ไทย", "TH"),
        ("Tajlandia", "TH"),
        ("Thaïlande", "TH"),
        ("Таїланд", "TH"),
        ("Deutschland", "DE"),
        ("Allemagne", "DE"),
        ("Niemcy", "DE"),
        ("Німеччина", "DE"),
        ("Alemania", "DE"),
        ("Polska", "PL"),
        ("Польща", "PL"),
        ("Pologne", "PL"),
        ("Франція", "FR"),
        ("Francja", "FR"),
        ("США", "US"),
        ("Сполучені Штати", "US"),
        ("Соединенные Штаты", "US"),
        ("États-Unis", "US"),
        ("Stany Zjednoczone", "US"),
        ("สหรัฐอเมริกา", "US"),
        ("Велика Британія", "GB"),
        ("Vereinigtes Königreich", "GB"),
        ("Royaume-Uni", "GB"),
        ("สหราชอาณาจักร", "GB"),
        ("อังกฤษ", "GB"),
        ("Česko", "CZ"),
        ("Magyarország", "HU"),
        ("Österreich", "AT"),
        ("Sverige", "SE"),
    ];
    for (text, want) in cases {
        assert_eq!(code(text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn similar_names_stay_apart() {
    assert_eq!(code("Dominica").as_deref(), Some("DM"));
    assert_eq!(code("Dominican Republic").as_deref(), Some("DO"));
    assert_eq!(code("Congo").as_deref(), Some("CG"));
    assert_eq!(
        code("Democratic Republic of the Congo").as_deref(),
        Some("CD")
    );
    assert_eq!(code("Niger").as_deref(), Some("NE"));
    assert_eq!(code("Nigeria").as_deref(), Some("NG"));
    assert_eq!(code("Guinea").as_deref(), Some("GN"));
    assert_eq!(code("Equatorial Guinea").as_deref(), Some("GQ"));
    assert_eq!(code("Austria").as_deref(), Some("AT"));
    assert_eq!(code("Australia").as_deref(), Some("AU"));
}

#[test]
fn one_letter_typos_on_long_names_are_corrected_and_reported() {
    let de = Country::new("DE");
    assert_eq!(
        norm().resolve("Deutchland"),
        de.map(CountryMatch::TypoCorrected)
    );
    assert_eq!(code("Thailnd").as_deref(), Some("TH"));
    assert_eq!(code("Ukriane"), None, "two edits is not a typo we fix");
    assert_eq!(
        code("Grmany"),
        None,
        "names under 7 letters are never corrected"
    );
    let mut rec = Record::default();
    let mut issues = Vec::new();
    rec.raw.set(Field::Country, "Deutchland");
    norm().apply(&mut rec, &RowContext::default(), &mut issues);
    assert_eq!(rec.country, de);
    assert_eq!(
        issues.first().map(|i| i.code),
        Some("country.typo_corrected")
    );
}

#[test]
fn one_edit_means_one_edit() {
    let c = |s: &str| s.chars().collect::<Vec<_>>();
    assert!(one_edit_apart(&c("germany"), &c("germani")));
    assert!(one_edit_apart(&c("germany"), &c("germny")));
    assert!(one_edit_apart(&c("germny"), &c("germany")));
    assert!(!one_edit_apart(&c("germany"), &c("germany")));
    assert!(!one_edit_apart(&c("germany"), &c("gremany")));
    assert!(!one_edit_apart(&c("germany"), &c("germanyyy")));
}

#[test]
fn unknown_text_is_not_guessed() {
    for t in [
        "Atlantis",
        "N/A",
        "-",
        "123",
        "Kyiv",
        "Kyiv, Ukraine",
        "Ukraine / Poland",
    ] {
        assert_eq!(code(t), None, "{t}");
    }
}

#[test]
fn one_country_written_several_ways_in_one_cell() {
    assert_eq!(code("Deutschland (DE)").as_deref(), Some("DE"));
    assert_eq!(code("Ukraine / Україна").as_deref(), Some("UA"));
    assert_eq!(code("TH | ประเทศไทย").as_deref(), Some("TH"));
}

#[test]
fn missing_markers_are_empty_not_unknown() {
    let ctx = RowContext {
        default_country: Country::new("UA"),
        ..RowContext::default()
    };
    for t in ["N/A", "-", "—", "?", "unknown", "не вказано", "ไม่ระบุ"] {
        assert!(norm().is_missing(t), "{t}");
        let mut rec = Record::default();
        rec.raw.set(Field::Country, t);
        let mut issues = Vec::new();
        norm().apply(&mut rec, &ctx, &mut issues);
        assert_eq!(rec.country, Country::new("UA"));
        assert!(issues.is_empty(), "{t}: {issues:?}");
    }
    // "n.a." is a marker, but the bare code NA is Namibia: a recognised country wins.
    assert_eq!(code("NA").as_deref(), Some("NA"));
    let mut rec = Record::default();
    rec.raw.set(Field::Country, "NA");
    norm().apply(&mut rec, &ctx, &mut Vec::new());
    assert_eq!(rec.country, Country::new("NA"));
}

#[test]
fn apply_uses_column_then_default_and_reports() {
    let ctx = RowContext {
        default_country: Country::new("TH"),
        ..RowContext::default()
    };
    let mut rec = Record::default();
    let mut issues = Vec::new();
    rec.raw.set(Field::Country, "Україна");
    norm().apply(&mut rec, &ctx, &mut issues);
    assert_eq!(rec.country, Country::new("UA"));
    assert_eq!(rec.values.get(Field::Country), "UA");
    assert!(issues.is_empty());

    rec.raw.set(Field::Country, "Narnia");
    norm().apply(&mut rec, &ctx, &mut issues);
    assert_eq!(rec.country, Country::new("TH"));
    assert_eq!(rec.values.get(Field::Country), "TH");
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code, "country.unknown");

    rec.raw.set(Field::Country, "");
    norm().apply(&mut rec, &RowContext::default(), &mut issues);
    assert_eq!(rec.country, None);
    assert_eq!(rec.values.get(Field::Country), "");
    assert_eq!(issues.len(), 1);
}

#[test]
fn facts_for_other_stages() {
    let ua = Country::new("UA");
    let th = Country::new("TH");
    assert_eq!(
        ua.and_then(|c| norm().default_encoding(c)),
        Some("windows-1251")
    );
    assert_eq!(
        th.and_then(|c| norm().default_encoding(c)),
        Some("windows-874")
    );
    assert_eq!(
        Country::new("PL").and_then(|c| norm().default_encoding(c)),
        Some("windows-1250")
    );
    assert!(Country::new("GB").is_some_and(|c| norm().is_known(c)));
    assert!(!Country::new("XX").is_some_and(|c| norm().is_known(c)));
}

proptest! {
    #[test]
    fn a_country_code_parses_to_itself(i in 0usize..250) {
        let mut codes: Vec<Country> = norm().table.facts.keys().copied().collect();
        codes.sort();
        let c = codes[i % codes.len()];
        prop_assert_eq!(norm().parse(c.as_str()), Some(c));
        prop_assert_eq!(norm().parse(norm().name(c)), Some(c));
    }

    #[test]
    fn never_panics(s in "\\PC{0,30}") {
        let _ = norm().parse(&s);
    }
}
