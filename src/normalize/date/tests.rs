//! Tests for the date normaliser, on dates as real exports write them.

use super::*;
use proptest::prelude::*;
use std::sync::OnceLock;

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 22,
};

fn norm() -> &'static DateNormalizer {
    static N: OnceLock<DateNormalizer> = OnceLock::new();
    N.get_or_init(
        || match DateNormalizer::from_locale(&LocaleData::default()) {
            Ok(n) => n.with_today(TODAY),
            Err(e) => panic!("built-in dates.toml must load: {e}"),
        },
    )
}

/// Normalised created_at value and issue code for `text` in a row of `country`.
fn created(text: &str, country: &str) -> (String, &'static str) {
    let (v, issue) = norm().normalize(text, Country::new(country), Field::CreatedAt);
    (v, issue.map_or("", |i| i.code))
}

fn ok(text: &str, country: &str) -> String {
    let (v, code) = created(text, country);
    assert_eq!(code, "", "{text} ({country}) gave {code}");
    v
}

#[test]
fn iso_forms() {
    assert_eq!(ok("2024-03-05", ""), "2024-03-05");
    assert_eq!(ok("2024-03-05T14:30:00", ""), "2024-03-05T14:30:00");
    assert_eq!(ok("2024-03-05T14:30:00Z", ""), "2024-03-05T14:30:00Z");
    assert_eq!(
        ok("2024-03-05T14:30:00.123+02:00", ""),
        "2024-03-05T14:30:00+02:00"
    );
    assert_eq!(ok("2024-03-05 14:30", ""), "2024-03-05T14:30:00");
    assert_eq!(ok("2024/3/5", ""), "2024-03-05");
    assert_eq!(ok("2024-03-05 00:00:00.000", ""), "2024-03-05T00:00:00");
    // RFC 2822, as mail systems and some CRMs export it.
    assert_eq!(
        ok("Tue, 05 Mar 2024 14:30:00 +0000", ""),
        "2024-03-05T14:30:00Z"
    );
    assert_eq!(
        ok("05/03/2024 14:30 GMT+0700", "TH"),
        "2024-03-05T14:30:00+07:00"
    );
}

#[test]
fn locale_field_order() {
    assert_eq!(ok("05.03.2024", "UA"), "2024-03-05");
    assert_eq!(ok("05/03/2024", "GB"), "2024-03-05");
    assert_eq!(ok("05-03-2024", "PL"), "2024-03-05");
    assert_eq!(ok("03/05/2024", "US"), "2024-03-05");
    assert_eq!(ok("3/5/2024 2:30 PM", "US"), "2024-03-05T14:30:00");
    assert_eq!(ok("05.03.2024 14:30", "DE"), "2024-03-05T14:30:00");
}

#[test]
fn a_day_above_twelve_decides_the_order() {
    assert_eq!(ok("25/12/2024", "US"), "2024-12-25");
    assert_eq!(ok("12/25/2024", "GB"), "2024-12-25");
    assert_eq!(ok("25/12/2024", ""), "2024-12-25");
    assert_eq!(ok("04/04/2020", ""), "2020-04-04");
}

#[test]
fn ambiguous_without_locale_evidence_is_a_finding() {
    let (v, issue) = norm().normalize("03/04/2020", None, Field::CreatedAt);
    assert_eq!(v, "");
    let issue = issue.unwrap_or_else(|| panic!("expected a finding"));
    assert_eq!(issue.code, "date.ambiguous");
    assert!(
        issue.message.contains("2020-04-03") && issue.message.contains("2020-03-04"),
        "{}",
        issue.message
    );
    assert_eq!(created("03/04/2020", "CA").1, "date.ambiguous");
    // A dotted date is day-first everywhere.
    assert_eq!(ok("03.04.2020", ""), "2020-04-03");
}

#[test]
fn a_column_can_prove_its_own_order() {
    let column = ["03/04/2020", "25/12/2021", "", "2021-01-05", "07/08/2019"];
    let order = norm().sniff_order(column);
    assert_eq!(order, Some(FieldOrder::DayMonthYear));
    let (v, issue) = norm().normalize_with_order("03/04/2020", None, Field::CreatedAt, order);
    assert_eq!((v.as_str(), issue), ("2020-04-03", None));
    // Even against the country's order: the data shows how this source writes dates.
    let us = Country::new("US");
    assert_eq!(
        norm()
            .normalize_with_order("03/04/2020", us, Field::CreatedAt, order)
            .0,
        "2020-04-03"
    );
    assert_eq!(
        norm().sniff_order(["12/25/2021", "03/04/2020"]),
        Some(FieldOrder::MonthDayYear)
    );
    assert_eq!(
        norm().sniff_order(["12/25/2021", "25/12/2021"]),
        None,
        "contradicting evidence"
    );
    assert_eq!(norm().sniff_order(["03/04/2020"]), None);
}

#[test]
fn buddhist_era_years() {
    assert_eq!(ok("05/03/2567", "TH"), "2024-03-05");
    assert_eq!(ok("5 มี.ค. 2567", "TH"), "2024-03-05");
    assert_eq!(ok("5 มีนาคม พ.ศ. 2567", "TH"), "2024-03-05");
    assert_eq!(ok("๕ มี.ค. ๒๕๖๗", "TH"), "2024-03-05");
    assert_eq!(ok("5 มี.ค. 2567 14.30 น.", "TH"), "2024-03-05T14:30:00");
    assert_eq!(ok("05/03/2567 09:15", "TH"), "2024-03-05T09:15:00");
    assert_eq!(
        ok("05/03/2024", "TH"),
        "2024-03-05",
        "Thai exports also carry CE years"
    );
    assert_eq!(
        ok("5 มี.ค. 67", "TH"),
        "2024-03-05",
        "two-digit Thai years are BE"
    );
    let (v, issue) = norm().normalize("2567-03-05", Country::new("UA"), Field::CreatedAt);
    assert_eq!(v, "2024-03-05");
    assert_eq!(issue.map(|i| i.code), Some("date.buddhist_era"));
}

#[test]
fn month_names() {
    assert_eq!(ok("5 March 2024", ""), "2024-03-05");
    assert_eq!(ok("March 5, 2024", ""), "2024-03-05");
    assert_eq!(ok("Tuesday, March 5, 2024", ""), "2024-03-05");
    assert_eq!(ok("5 березня 2024 р.", "UA"), "2024-03-05");
    assert_eq!(ok("5 марта 2024 г.", "RU"), "2024-03-05");
    assert_eq!(ok("05-Mar-24", ""), "2024-03-05");
    assert_eq!(ok("5. März 2024", "DE"), "2024-03-05");
    assert_eq!(ok("5 févr. 2024", "FR"), "2024-02-05");
    assert_eq!(ok("5 lutego 2024", "PL"), "2024-02-05");
    assert_eq!(ok("5 de marzo de 2024", "ES"), "2024-03-05");
    assert_eq!(ok("2024年3月5日", "JP"), "2024-03-05");
    assert_eq!(ok("2024. március 5.", "HU"), "2024-03-05");
    assert_eq!(ok("Mar 5, 2024 2:30 PM", "US"), "2024-03-05T14:30:00");
}

#[test]
fn excel_serials_and_timestamps() {
    assert_eq!(ok("45356", ""), "2024-03-05");
    assert_eq!(ok("45356.5", ""), "2024-03-05T12:00:00");
    assert_eq!(ok("1709649000", ""), "2024-03-05T14:30:00Z");
    assert_eq!(ok("20240305", ""), "2024-03-05");
    let (v, _) = norm().normalize("30000", None, Field::BirthDate);
    assert_eq!(v, "1982-02-18");
}

#[test]
fn two_digit_years() {
    assert_eq!(ok("05.03.24", "UA"), "2024-03-05");
    assert_eq!(ok("05.03.99", "UA"), "1999-03-05");
    let (v, _) = norm().normalize("05.03.30", Country::new("UA"), Field::BirthDate);
    assert_eq!(v, "1930-03-05", "a birth year never points into the future");
}

#[test]
fn impossible_and_implausible_dates() {
    assert_eq!(
        created("31.04.2024", "UA"),
        (String::new(), "date.out_of_range")
    );
    assert_eq!(
        created("29.02.2023", "UA"),
        (String::new(), "date.out_of_range")
    );
    assert_eq!(ok("29.02.2024", "UA"), "2024-02-29");
    // Real dates outside the usual range are kept, with a finding.
    assert_eq!(
        created("01.01.1960", "UA"),
        ("1960-01-01".to_string(), "date.implausible")
    );
    assert_eq!(
        created("01.01.2031", "UA"),
        ("2031-01-01".to_string(), "date.implausible")
    );
    let (v, issue) = norm().normalize("01.01.2030", Country::new("UA"), Field::BirthDate);
    assert_eq!(
        (v.as_str(), issue.map(|i| i.code)),
        ("2030-01-01", Some("date.implausible"))
    );
    assert_eq!(
        norm()
            .normalize("12.05.1961", Country::new("UA"), Field::BirthDate)
            .0,
        "1961-05-12"
    );
}

#[test]
fn historical_birth_dates_are_kept() {
    for (text, iso) in [
        ("1606-07-01", "1606-07-01"),
        ("1875-08-19", "1875-08-19"),
        ("19.02.1473", "1473-02-19"),
    ] {
        let (v, issue) = norm().normalize(text, Country::new("GB"), Field::BirthDate);
        assert_eq!(v, iso, "{text}");
        assert_eq!(issue.map(|i| i.code), Some("date.implausible"), "{text}");
    }
}

#[test]
fn unparseable_text() {
    for t in [
        "soon",
        "n/a",
        "2024",
        "March 2024",
        "05/03",
        "12345678901",
        "5 Foo 2024",
        "2024-03-05 25:99",
    ] {
        assert_eq!(created(t, "UA"), (String::new(), "date.unparseable"), "{t}");
    }
    assert_eq!(created("  ", "UA"), (String::new(), ""));
}

#[test]
fn apply_uses_the_row_country_and_strips_time_from_birth_dates() {
    let mut rec = Record {
        country: Country::new("US"),
        ..Record::default()
    };
    rec.raw.set(Field::CreatedAt, "03/04/2020 09:15");
    rec.raw.set(Field::BirthDate, "07/08/1985 00:00:00");
    let mut issues = Vec::new();
    norm().apply(&mut rec, &RowContext::default(), &mut issues);
    assert_eq!(rec.values.get(Field::CreatedAt), "2020-03-04T09:15:00");
    assert_eq!(rec.values.get(Field::BirthDate), "1985-07-08");
    assert!(issues.is_empty());
}

fn arb_date() -> impl Strategy<Value = (i32, u32, u32)> {
    (1970i32..2026, 1u32..=12, 1u32..=28)
}

proptest! {
    #[test]
    fn iso_output_parses_back_to_itself((y, m, d) in arb_date(), h in 0u32..24, min in 0u32..60, with_time: bool) {
        for text in [format!("{d:02}.{m:02}.{y}"), format!("{y}-{m:02}-{d:02} {h}:{min:02}")] {
            for country in [None, Country::new("US"), Country::new("TH")] {
                let field = if with_time { Field::CreatedAt } else { Field::BirthDate };
                let (once, _) = norm().normalize(&text, country, field);
                prop_assert!(!once.is_empty(), "{} gave nothing", text);
                let (twice, issue) = norm().normalize(&once, country, field);
                prop_assert_eq!(&twice, &once);
                prop_assert!(issue.is_none());
            }
        }
    }

    #[test]
    fn never_panics(s in "\\PC{0,40}") {
        let _ = norm().normalize(&s, None, Field::CreatedAt);
        let _ = norm().normalize(&s, Country::new("TH"), Field::BirthDate);
    }
}
