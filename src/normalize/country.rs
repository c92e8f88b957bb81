//! Countries: any common, native or ISO form to ISO 3166-1 alpha-2; decides the row's country.

use super::RowContext;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Country, Field, Record};

/// Resolves country names and codes (stub: two-letter codes only).
pub struct CountryNormalizer;

impl CountryNormalizer {
    /// Builds the table from `schemas/countries.toml`.
    pub fn from_locale(_locale: &LocaleData) -> Result<CountryNormalizer> {
        Ok(CountryNormalizer)
    }

    /// The ISO code for a country written any common way, if known.
    pub fn parse(&self, text: &str) -> Option<Country> {
        Country::new(text.trim())
    }

    /// Whether `country` is an assigned ISO 3166-1 code.
    pub fn is_known(&self, country: Country) -> bool {
        let _ = country;
        true
    }

    /// Sets `rec.country` and the `country` value: the country column if it parses, else the source default.
    pub fn apply(&self, rec: &mut Record, ctx: &RowContext, _issues: &mut Vec<Issue>) {
        let country = self
            .parse(rec.raw.get(Field::Country))
            .or(ctx.default_country);
        rec.country = country;
        rec.values.set(
            Field::Country,
            country.map(|c| c.to_string()).unwrap_or_default(),
        );
    }
}
