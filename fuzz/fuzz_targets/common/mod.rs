//! Shared harness for the per-field fuzz targets: builds one normaliser and a record from fuzz bytes.
#![allow(dead_code)]

use std::sync::OnceLock;
use steward::locale::LocaleData;
use steward::normalize::date::FieldOrder;
use steward::normalize::{NormalizeOptions, Normalizer, RowContext};
use steward::{Country, Field, NameOrder, Record};

const COUNTRIES: [&str; 10] = ["TH", "UA", "US", "GB", "DE", "FR", "PL", "RU", "JP", "ZZ"];

fn normalizer() -> &'static Normalizer {
    static N: OnceLock<Normalizer> = OnceLock::new();
    N.get_or_init(|| {
        Normalizer::new(&LocaleData::default(), &NormalizeOptions::default()).expect("normalizer")
    })
}

/// Builds the normaliser and compiles the phone library's lazy regexes once, before fuzzing starts,
/// so that one-time set-up (seconds under the sanitizer) is not reported as a slow input.
pub fn warm_up() {
    for selector in 0..COUNTRIES.len() as u8 {
        for normaliser in ["phone", "address", "name", "date"] {
            let sample = "+1 (415) 555-0132\u{1f}Ann Smith\u{1f}2024-03-05\u{1f}10 Main St";
            let mut data = vec![selector];
            data.extend_from_slice(sample.as_bytes());
            run(&data, &[Field::Phone, Field::FullName, Field::CreatedAt, Field::AddressLine1], normaliser);
        }
    }
}

/// Input layout: one selector byte (row country, name order, date order), then the raw values
/// of `fields` separated by U+001F (unit separator); missing values stay empty.
pub fn run(data: &[u8], fields: &[Field], normaliser: &str) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let mut rec = Record::default();
    for (field, value) in fields.iter().zip(text.split('\u{1f}')) {
        rec.raw.set(*field, value);
    }
    let selector = selector as usize;
    let country = COUNTRIES[selector % COUNTRIES.len()];
    let ctx = RowContext {
        default_country: Country::new(country),
        name_order: [NameOrder::Auto, NameOrder::GivenFirst, NameOrder::FamilyFirst][(selector / 10) % 3],
        date_order: [
            None,
            Some(FieldOrder::DayMonthYear),
            Some(FieldOrder::MonthDayYear),
            Some(FieldOrder::YearMonthDay),
        ][(selector / 30) % 4],
    };
    let mut issues = Vec::new();
    let n = normalizer();
    // The country normaliser runs first in a real run and sets `rec.country`.
    n.apply_field("country", &mut rec, &ctx, &mut issues);
    n.apply_field(normaliser, &mut rec, &ctx, &mut issues);
    // Normalising the output again must not panic either.
    let mut again = Record { raw: rec.values.clone(), ..Record::default() };
    n.apply_field("country", &mut again, &ctx, &mut issues);
    n.apply_field(normaliser, &mut again, &ctx, &mut issues);
}
