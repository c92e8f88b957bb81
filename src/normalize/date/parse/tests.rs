//! Tests for the date reader's internals: two-digit years, tokens, field order.

use super::*;
use crate::locale::LocaleData;

fn rules() -> DateRules {
    let text = LocaleData::default()
        .text("dates.toml")
        .map(str::to_string)
        .unwrap_or_default();
    DateRules::from_toml(&text).unwrap_or_else(|e| panic!("dates.toml: {e}"))
}

fn ctx(country: &str) -> DateContext {
    DateContext {
        country: Country::new(country),
        birth: false,
        today: Date {
            year: 2026,
            month: 6,
            day: 1,
        },
        order: None,
    }
}

#[test]
fn two_digit_years_pivot_around_today() {
    assert_eq!(expand_two_digit(24, 2026, 10), 2024);
    assert_eq!(expand_two_digit(36, 2026, 10), 2036);
    assert_eq!(expand_two_digit(37, 2026, 10), 1937);
    assert_eq!(expand_two_digit(27, 2026, 0), 1927);
    // Buddhist era: 2569 BE this year; 67 → 2567.
    assert_eq!(expand_two_digit(67, 2569, 10), 2567);
}

#[test]
fn tokens_fold_month_abbreviations_and_skip_filler() {
    let r = rules();
    let tokens = tokenize(&r, "วันอังคารที่ 5 มี.ค. พ.ศ. 2567");
    assert_eq!(
        tokens,
        Some(vec![
            Token::Num(Num {
                value: 5,
                digits: 1
            }),
            Token::Month(3),
            Token::Num(Num {
                value: 2567,
                digits: 4
            })
        ])
    );
    assert_eq!(tokenize(&r, "5 Foo 2024"), None);
    assert_eq!(tokenize(&r, "123456"), None);
}

#[test]
fn year_first_countries_read_short_numbers_year_first() {
    let r = rules();
    let out = parse_date(&r, "24/03/05", &ctx("JP"));
    assert_eq!(
        out,
        DateOutcome::Date(ParsedDate::on(
            Date {
                year: 2024,
                month: 3,
                day: 5
            },
            false
        ))
    );
    let out = parse_date(&r, "24/03/05", &ctx("UA"));
    assert_eq!(
        out,
        DateOutcome::Date(ParsedDate::on(
            Date {
                year: 2005,
                month: 3,
                day: 24
            },
            false
        ))
    );
}

#[test]
fn evidence_comes_only_from_days_above_twelve() {
    let r = rules();
    assert_eq!(
        order_evidence(&r, "25/12/2021"),
        Some(FieldOrder::DayMonthYear)
    );
    assert_eq!(
        order_evidence(&r, "12/25/2021 10:00"),
        Some(FieldOrder::MonthDayYear)
    );
    assert_eq!(order_evidence(&r, "03/04/2020"), None);
    assert_eq!(order_evidence(&r, "2021-12-25"), None);
    assert_eq!(order_evidence(&r, "25 Dec 2021"), None);
}

#[test]
fn the_iso_t_separator_is_not_a_word() {
    let r = rules();
    let out = parse_date(&r, "2024-03-05T14:30", &ctx(""));
    assert!(
        matches!(out, DateOutcome::Date(ParsedDate { time: Some(_), .. })),
        "{out:?}"
    );
}
