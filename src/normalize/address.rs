//! Postal addresses: parsed into components per country, abbreviations expanded, postcode validated.

use super::RowContext;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Field, Record};

/// Normalises addresses (stub: copies the raw value).
pub struct AddressNormalizer;

impl AddressNormalizer {
    /// Builds the normaliser from the schema data.
    pub fn from_locale(_locale: &LocaleData) -> Result<AddressNormalizer> {
        Ok(AddressNormalizer)
    }

    /// Normalises the record's addresses in place.
    pub fn apply(&self, rec: &mut Record, _ctx: &RowContext, _issues: &mut Vec<Issue>) {
        for f in [
            Field::AddressLine1,
            Field::AddressLine2,
            Field::Locality,
            Field::District,
            Field::Region,
            Field::PostalCode,
        ] {
            let v = rec.raw.get(f).trim().to_string();
            rec.values.set(f, v);
        }
    }
}
