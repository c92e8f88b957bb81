//! End-to-end tests of `parse_address` with real-world addresses of every supported country.

use super::*;
use proptest::prelude::*;
use std::sync::OnceLock;

fn rules() -> &'static AddressRules {
    static RULES: OnceLock<AddressRules> = OnceLock::new();
    RULES.get_or_init(|| {
        AddressRules::from_toml(include_str!("../../../schemas/address.toml")).unwrap()
    })
}

fn normalizer() -> &'static AddressNormalizer {
    static NORMALIZER: OnceLock<AddressNormalizer> = OnceLock::new();
    NORMALIZER.get_or_init(|| AddressNormalizer::from_locale(&LocaleData::default()).unwrap())
}

fn free(country: Option<&str>, text: &str) -> ParsedAddress {
    let input = AddressInput {
        line1: text,
        ..AddressInput::default()
    };
    parse_address(&input, country.and_then(Country::new), rules())
}

fn fields(p: &ParsedAddress) -> [&str; 6] {
    [
        &p.line1,
        &p.line2,
        &p.locality,
        &p.district,
        &p.region,
        &p.postal_code,
    ]
    .map(String::as_str)
}

fn codes(p: &ParsedAddress) -> Vec<&'static str> {
    p.issues.iter().map(|i| i.code).collect()
}

#[test]
fn ukraine_free_text_in_either_order() {
    let p = free(Some("UA"), "вул. Хрещатик, 22, кв. 5, м. Київ, 01001");
    assert_eq!(
        fields(&p),
        ["вулиця Хрещатик, 22", "квартира 5", "Київ", "", "", "01001"]
    );
    let q = free(Some("UA"), "01001, м. Київ, вул. Хрещатик, буд. 22, кв. 5");
    assert_eq!(fields(&q), fields(&p));
    assert_eq!(
        address_key(&p.line1, &p.line2),
        address_key(&q.line1, &q.line2)
    );
}

#[test]
fn ukraine_upper_case_export_is_title_cased() {
    let p = free(Some("UA"), "ПРОСП. ПЕРЕМОГИ 37, КВ 12, М. КИЇВ");
    assert_eq!(p.line1, "проспект Перемоги, 37");
    assert_eq!(p.line2, "квартира 12");
    assert_eq!(p.locality, "Київ");
}

#[test]
fn thailand_bangkok_and_province() {
    let p = free(
        Some("TH"),
        "123/45 ม.6 ซ.สุขุมวิท 55 ถ.สุขุมวิท แขวงคลองตันเหนือ เขตวัฒนา กรุงเทพฯ 10110",
    );
    assert_eq!(
        fields(&p),
        [
            "123/45 หมู่ 6 ซอยสุขุมวิท 55 ถนนสุขุมวิท",
            "",
            "คลองตันเหนือ",
            "วัฒนา",
            "กรุงเทพมหานคร",
            "10110"
        ]
    );
    let columns = AddressInput {
        line1: "99 หมู่ 3",
        locality: "ต.สุเทพ",
        region: "จ.เชียงใหม่",
        postal_code: "10200",
        ..AddressInput::default()
    };
    let q = parse_address(&columns, Country::new("TH"), rules());
    assert_eq!(
        (q.locality.as_str(), q.region.as_str()),
        ("สุเทพ", "เชียงใหม่")
    );
    assert_eq!(codes(&q), vec!["address.postcode_region_mismatch"]);
}

#[test]
fn thailand_region_from_postcode_when_missing() {
    let p = free(
        Some("TH"),
        "9/9 ถนนนิมมานเหมินท์ ตำบลสุเทพ อำเภอเมืองเชียงใหม่ 50200",
    );
    assert_eq!(p.region, "เชียงใหม่");
}

#[test]
fn united_states_usps_forms() {
    let p = free(
        Some("US"),
        "1600 Pennsylvania Avenue NW, Washington, DC 20500",
    );
    assert_eq!(
        fields(&p),
        [
            "1600 Pennsylvania Ave NW",
            "",
            "Washington",
            "",
            "DC",
            "20500"
        ]
    );
    let q = free(Some("US"), "350 FIFTH AVENUE SUITE 3300 NEW YORK NY 10118");
    assert_eq!(q.postal_code, "10118");
    let columns = AddressInput {
        line1: "742 evergreen terrace",
        line2: "apt 2",
        locality: "springfield",
        region: "Illinois",
        postal_code: "62704",
        ..AddressInput::default()
    };
    let r = parse_address(&columns, Country::new("US"), rules());
    assert_eq!(
        fields(&r),
        [
            "742 Evergreen Ter",
            "Apt 2",
            "Springfield",
            "",
            "IL",
            "62704"
        ]
    );
}

#[test]
fn united_kingdom_postcode_spacing() {
    let p = free(Some("GB"), "10 Downing St, London SW1A 2AA");
    assert_eq!(
        fields(&p),
        ["10 Downing Street", "", "London", "", "", "SW1A 2AA"]
    );
    let columns = AddressInput {
        line1: "Flat 2, 221B Baker Street",
        postal_code: "nw16xe",
        locality: "LONDON",
        ..AddressInput::default()
    };
    let q = parse_address(&columns, Country::new("GB"), rules());
    assert_eq!(
        fields(&q),
        ["221B Baker Street", "Flat 2", "London", "", "", "NW1 6XE"]
    );
}

#[test]
fn germany_france_poland() {
    let de = free(Some("DE"), "Hauptstr. 5, 10115 Berlin");
    assert_eq!(
        fields(&de),
        ["Hauptstraße 5", "", "Berlin", "", "", "10115"]
    );
    let fr = free(Some("FR"), "12 bd Haussmann, 75009 PARIS CEDEX 09");
    assert_eq!(
        fields(&fr),
        [
            "12 boulevard Haussmann",
            "",
            "Paris CEDEX 09",
            "",
            "",
            "75009"
        ]
    );
    let pl = free(Some("PL"), "ulica Marszałkowska 1 m. 2, 00950 Warszawa");
    assert_eq!(
        fields(&pl),
        ["ul. Marszałkowska 1", "m. 2", "Warszawa", "", "", "00-950"]
    );
}

#[test]
fn invalid_postcode_is_reported_and_emptied() {
    let columns = AddressInput {
        line1: "10 Downing Street",
        postal_code: "SW1A 2CX",
        ..AddressInput::default()
    };
    let p = parse_address(&columns, Country::new("GB"), rules());
    assert_eq!(p.postal_code, "");
    assert_eq!(codes(&p), vec!["address.postcode_invalid"]);
    assert_eq!(p.issues[0].raw, "SW1A 2CX");
}

#[test]
fn generic_fallback_keeps_everything() {
    let p = free(None, "Via Roma 1, Milano");
    assert_eq!(
        (p.line1.as_str(), p.locality.as_str()),
        ("Via Roma 1", "Milano")
    );
    let unknown = free(None, "Block 5; somewhere 12; 77");
    let kept = format!("{} {} {}", unknown.line1, unknown.line2, unknown.locality).to_lowercase();
    assert!(
        kept.contains("block 5") && kept.contains("somewhere 12") && kept.contains("77"),
        "{kept}"
    );
    let script = free(None, "вул. Хрещатик 22, Київ");
    assert_eq!(script.line1, "вулиця Хрещатик, 22");
}

#[test]
fn column_disagreeing_with_free_text_keeps_both() {
    let columns = AddressInput {
        line1: "вул. Хрещатик 22, м. Київ",
        locality: "Бровари",
        ..AddressInput::default()
    };
    let p = parse_address(&columns, Country::new("UA"), rules());
    assert_eq!(p.locality, "Бровари");
    assert!(p.line1.contains("м. Київ"), "{}", p.line1);
}

#[test]
fn key_separates_flats_and_ignores_spelling() {
    let a = free(
        Some("US"),
        "1600 Pennsylvania Ave NW Apt 5, Washington, DC 20500",
    );
    let b = free(
        Some("US"),
        "1600 PENNSYLVANIA AVENUE NORTHWEST APARTMENT 5, Washington, DC 20500",
    );
    let c = free(
        Some("US"),
        "1600 Pennsylvania Ave NW Apt 6, Washington, DC 20500",
    );
    let key = |p: &ParsedAddress| address_key(&p.line1, &p.line2);
    assert_eq!(key(&a), key(&b));
    assert_ne!(key(&a), key(&c));
    assert_eq!(key(&a), "1600 pennsylvania ave nw apt 5");
}

const SAMPLES: &[(&str, &str)] = &[
    ("UA", "вул. Хрещатик, 22, кв. 5, м. Київ, 01001"),
    (
        "UA",
        "01001, Киевская обл., г. Бровары, ул. Киевская д. 5 кв. 12",
    ),
    (
        "UA",
        "с. Погреби, Броварський р-н, Київська обл., вул. Шевченка 3",
    ),
    (
        "TH",
        "123/45 ม.6 ซ.สุขุมวิท 55 ถ.สุขุมวิท แขวงคลองตันเหนือ เขตวัฒนา กรุงเทพฯ 10110",
    ),
    ("TH", "99 หมู่ที่ 3 ต.สุเทพ อ.เมือง จ.เชียงใหม่ 50200"),
    ("US", "1600 Pennsylvania Ave NW, Washington, DC 20500"),
    ("US", "350 Fifth Avenue Suite 3300 New York NY 10118"),
    ("GB", "Flat 2, 10 Downing St, London SW1A 2AA"),
    ("DE", "Hauptstr. 5, 10115 Berlin"),
    ("FR", "12 bd Haussmann, 75009 PARIS CEDEX 09"),
    ("PL", "ul. Marszałkowska 1 m. 2, 00-950 Warszawa"),
    ("", "Via Roma 1, Milano"),
];

/// Every digit of `text`, sorted: what no normalisation may lose or invent.
fn digits(text: &str) -> Vec<char> {
    let mut d: Vec<char> = crate::normalize::text::clean(text)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    d.sort_unstable();
    d
}

proptest! {
    #[test]
    fn normalising_twice_gives_the_same_components(
        idx in 0..SAMPLES.len(),
        noise in "[a-zA-Zа-яА-Яіก-ฮ0-9 ,.]{0,30}",
        upper in any::<bool>(),
        noise_first in any::<bool>(),
    ) {
        let (country, text) = SAMPLES[idx];
        let text = if noise_first { format!("{noise} {text}") } else { format!("{text} {noise}") };
        let text = if upper { text.to_uppercase() } else { text };
        let country = Country::new(country);
        let once = free(country.map(|c| c.to_string()).as_deref(), &text);
        let twice = parse_address(&once.as_input(), country, rules());
        prop_assert_eq!(fields(&once), fields(&twice));
    }

    #[test]
    fn normalising_columns_twice_gives_the_same_components(
        idx in 0..SAMPLES.len(),
        cut in 0usize..4,
        noise in "[a-zA-Zа-яіก-ฮ0-9 ,.]{0,12}",
    ) {
        // The sample's last comma parts move to the locality and postcode columns.
        let (country, text) = SAMPLES[idx];
        let parts: Vec<&str> = text.split(", ").collect();
        let keep = parts.len().saturating_sub(cut).max(1);
        let line1 = parts[..keep].join(", ");
        let locality = format!("{} {noise}", parts[keep..].join(" "));
        let input = AddressInput { line1: &line1, locality: &locality, postal_code: &noise, ..AddressInput::default() };
        let country = Country::new(country);
        let once = parse_address(&input, country, rules());
        let twice = parse_address(&once.as_input(), country, rules());
        prop_assert_eq!(fields(&once), fields(&twice));
    }

    #[test]
    fn free_text_keeps_every_digit_and_never_panics(
        country in prop::sample::select(vec!["UA", "TH", "US", "GB", "DE", "FR", "PL", "IT", ""]),
        text in prop_oneof![
            "\\PC{0,60}",
            "[0-9 ,./#-]{0,12}( ?(вул|кв|м|буд|St|Apt|ul|m|ถ|ม|แขวง|เขต|D|SW1A)[.]? ?[0-9A-Za-zа-я]{0,6}[ ,]{0,2}){0,8}",
        ],
    ) {
        let parsed = free(Some(country).filter(|c| !c.is_empty()), &text);
        let out = fields(&parsed).join(" ");
        prop_assert_eq!(digits(&out), digits(&text), "{:?} -> {:?}", text, out);
    }
}

#[test]
fn single_line_without_commas_and_trailing_country() {
    let p = free(
        Some("US"),
        "350 FIFTH AVENUE SUITE 3300 NEW YORK NY 10118, USA",
    );
    assert_eq!(
        fields(&p),
        ["350 Fifth Ave", "Ste 3300", "New York", "", "NY", "10118"]
    );
    // A separator left after the country (a spreadsheet's trailing comma) changes nothing.
    let trailing = free(Some("US"), "350 Fifth Ave, New York, NY 10118, US,");
    assert_eq!(
        fields(&trailing),
        ["350 Fifth Ave", "", "New York", "", "NY", "10118"]
    );
    let gb = free(Some("GB"), "10 Downing St London SW1A 2AA");
    assert_eq!(
        fields(&gb),
        ["10 Downing Street", "", "London", "", "", "SW1A 2AA"]
    );
    let fr = free(Some("FR"), "12, rue de la Paix, 75002 Paris, France");
    assert_eq!(
        fields(&fr),
        ["12 rue de la Paix", "", "Paris", "", "", "75002"]
    );
    let ua = free(Some("UA"), "Україна, 79000, м. Львів, пл. Ринок, 1");
    assert_eq!(
        fields(&ua),
        ["площа Ринок, 1", "", "Львів", "", "", "79000"]
    );
}

#[test]
fn generic_postcode_before_town_and_canadian_province() {
    let nl = free(None, "Keizersgracht 123, 1015 CJ Amsterdam");
    assert_eq!(
        fields(&nl),
        ["Keizersgracht 123", "", "Amsterdam", "", "", "1015 CJ"]
    );
    let ca = free(Some("CA"), "24 Sussex Dr, Ottawa ON k1m1m4");
    assert_eq!(
        fields(&ca),
        ["24 Sussex Drive", "", "Ottawa", "", "ON", "K1M 1M4"]
    );
}

#[test]
fn apply_fills_values_and_key_but_not_country() {
    let normalizer = AddressNormalizer::from_locale(&LocaleData::default()).unwrap();
    let mut rec = Record {
        country: Country::new("UA"),
        ..Record::default()
    };
    rec.raw
        .set(Field::AddressLine1, "вул. Хрещатик, 22, кв. 5, м. Київ");
    rec.raw.set(Field::PostalCode, "1001");
    rec.values.set(Field::Country, "UA");
    let mut issues = Vec::new();
    normalizer.apply(&mut rec, &RowContext::default(), &mut issues);
    assert_eq!(rec.values.get(Field::AddressLine1), "вулиця Хрещатик, 22");
    assert_eq!(rec.values.get(Field::AddressLine2), "квартира 5");
    assert_eq!(rec.values.get(Field::Locality), "Київ");
    assert_eq!(rec.values.get(Field::PostalCode), "");
    assert_eq!(rec.values.get(Field::Country), "UA");
    assert_eq!(
        issues.iter().map(|i| i.code).collect::<Vec<_>>(),
        vec!["address.postcode_invalid"]
    );
    assert_eq!(
        rec.keys.address(),
        address_key("вулиця Хрещатик, 22", "квартира 5")
    );
    assert!(rec.keys.address().contains(" 22 ") && rec.keys.address().ends_with(" 5"));
    assert!(
        rec.keys
            .address()
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ')
    );
}

#[test]
fn thai_address_in_latin_letters() {
    let p = free(Some("TH"), "99/1 Sukhumvit Rd, Khlong Toei, BANGKOK 10110");
    assert_eq!(
        fields(&p),
        [
            "99/1 Sukhumvit Road",
            "",
            "Khlong Toei",
            "",
            "Bangkok",
            "10110"
        ]
    );
}

#[test]
fn uk_county_after_the_post_town() {
    let p = free(
        Some("GB"),
        "1 Church Lane, Little Snoring, Fakenham, Norfolk NR21 0AA",
    );
    assert_eq!(
        fields(&p),
        [
            "1 Church Lane, Little Snoring",
            "",
            "Fakenham",
            "",
            "Norfolk",
            "NR21 0AA"
        ]
    );
}

#[test]
fn ukrainian_region_column_gets_its_noun() {
    let columns = AddressInput {
        line1: "вул. Городоцька 15",
        locality: "м. Львів",
        region: "Львівська",
        district: "р-н Франківський",
        ..AddressInput::default()
    };
    let p = parse_address(&columns, Country::new("UA"), rules());
    assert_eq!(
        fields(&p),
        [
            "вулиця Городоцька, 15",
            "",
            "Львів",
            "Франківський район",
            "Львівська область",
            ""
        ]
    );
}

/// The area key a Thai record gets from its address columns (`locality`, `postcode`).
fn thai_area(locality: &str, postcode: &str) -> String {
    let normalizer = normalizer();
    let mut rec = Record {
        country: Country::new("TH"),
        ..Record::default()
    };
    rec.raw.set(Field::Locality, locality);
    rec.raw.set(Field::PostalCode, postcode);
    normalizer.apply(&mut rec, &RowContext::default(), &mut Vec::new());
    rec.keys.get(MatchKey::Area).to_string()
}

#[test]
fn thai_records_are_placed_in_their_province_in_either_script() {
    // A tambon in Thai with its postcode, and the city or province in English.
    assert_eq!(thai_area("ศรีภูมิ", "50200"), "50");
    assert_eq!(thai_area("Chiang Mai", ""), "50");
    assert_eq!(thai_area("CHIANGMAI", ""), "50");
    assert_eq!(thai_area("เชียงใหม่", ""), "50");
    // A city better known than its province, and a capital district named after it.
    assert_eq!(thai_area("Hat Yai", ""), "90");
    assert_eq!(thai_area("หาดใหญ่", ""), "90");
    assert_eq!(thai_area("Amphoe Mueang Khon Kaen", ""), "40");
    assert_eq!(thai_area("Krung Thep Maha Nakhon", ""), "10");
    assert_eq!(thai_area("กทม.", ""), "10");
    // The postcode wins over a name; a name nobody knows places nothing.
    assert_eq!(thai_area("Bangkok", "11120"), "11");
    assert_eq!(thai_area("Ban Nong Waeng", ""), "");
    assert_eq!(thai_area("", "99999"), "");
}

#[test]
fn records_outside_thailand_get_no_area() {
    let normalizer = normalizer();
    let mut rec = Record {
        country: Country::new("UA"),
        ..Record::default()
    };
    rec.raw.set(Field::Locality, "Київ");
    rec.raw.set(Field::PostalCode, "01001");
    normalizer.apply(&mut rec, &RowContext::default(), &mut Vec::new());
    assert_eq!(rec.keys.get(MatchKey::Area), "");
}

#[test]
fn a_town_under_another_name_gets_the_countrys_own_as_its_key() {
    let normalizer = normalizer();
    let key = |country: Option<&str>, locality: &str| {
        let mut rec = Record {
            country: country.and_then(Country::new),
            ..Record::default()
        };
        rec.raw.set(Field::Locality, locality);
        normalizer.apply(&mut rec, &RowContext::default(), &mut Vec::new());
        // The value keeps what the export wrote.
        assert!(!rec.values.get(Field::Locality).is_empty());
        rec.keys.get(MatchKey::Locality).to_string()
    };
    assert_eq!(key(Some("UA"), "Kiev"), "Київ");
    assert_eq!(key(Some("UA"), "м. Киев"), "Київ");
    assert_eq!(key(Some("UA"), "Dnepropetrovsk"), "Дніпро");
    // A record of no known country: the one country that knows the name.
    assert_eq!(key(None, "Lvov"), "Львів");
    // Exonyms and the short forms a city's own people write, in other countries too.
    assert_eq!(key(Some("PL"), "Cracow"), "Kraków");
    assert_eq!(key(Some("IT"), "Milan"), "Milano");
    assert_eq!(key(Some("ES"), "Seville"), "Sevilla");
    assert_eq!(key(Some("US"), "Brooklyn"), "New York");
    assert_eq!(key(Some("BR"), "Rj"), "Rio de Janeiro");
    assert_eq!(key(None, "The Hague"), "Den Haag");
    assert_eq!(key(None, "Prague"), "Praha");
    // The country's own name, and towns nobody renamed, need no key.
    assert_eq!(key(Some("UA"), "Київ"), "");
    assert_eq!(key(Some("GB"), "Leeds"), "");
}

#[test]
fn a_record_of_no_known_country_is_placed_only_by_a_thai_place_named_in_full() {
    let normalizer = normalizer();
    let area = |locality: &str, postcode: &str| {
        let mut rec = Record::default();
        rec.raw.set(Field::Locality, locality);
        rec.raw.set(Field::PostalCode, postcode);
        normalizer.apply(&mut rec, &RowContext::default(), &mut Vec::new());
        rec.keys.get(MatchKey::Area).to_string()
    };
    assert_eq!(area("Chiang Mai", ""), "50");
    assert_eq!(area("Hat Yai", ""), "90");
    // Five digits say nothing of the country; a short name or a name's ending is not enough.
    assert_eq!(area("", "50200"), "");
    assert_eq!(area("Nan", ""), "");
    assert_eq!(area("Amphoe Mueang Khon Kaen", ""), "");
    assert_eq!(area("Springfield", "10110"), "");
}
