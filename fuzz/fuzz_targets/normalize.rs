//! Fuzzes every field normaliser: arbitrary text in any raw field, under any row country.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use steward::locale::LocaleData;
use steward::normalize::{NormalizeOptions, Normalizer, RowContext};
use steward::{Country, Field, Record};

const COUNTRIES: [&str; 9] = ["TH", "UA", "US", "GB", "DE", "FR", "PL", "RU", "ZZ"];

fn normalizer() -> &'static Normalizer {
    static N: OnceLock<Normalizer> = OnceLock::new();
    N.get_or_init(|| Normalizer::new(&LocaleData::default(), &NormalizeOptions::default()).expect("normalizer"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let field = Field::ALL[selector as usize % Field::COUNT];
    let country = Country::new(COUNTRIES[(selector as usize / Field::COUNT) % COUNTRIES.len()]);
    let mut rec = Record::default();
    rec.raw.set(field, text.as_ref());
    let ctx = RowContext { default_country: country, ..RowContext::default() };
    let mut issues = Vec::new();
    normalizer().apply(&mut rec, &ctx, &mut issues);
    // Normalising the output again must not panic either.
    let mut again = Record { raw: rec.values.clone(), ..Record::default() };
    normalizer().apply(&mut again, &ctx, &mut issues);
});
