//! Phone numbers: E.164, extensions, types, per the row's country.

use super::RowContext;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Field, Record};

/// Normalises phone numbers (stub: copies the raw value).
pub struct PhoneNormalizer;

impl PhoneNormalizer {
    /// Builds the normaliser from the schema data.
    pub fn from_locale(_locale: &LocaleData) -> Result<PhoneNormalizer> {
        Ok(PhoneNormalizer)
    }

    /// Normalises the record's phone numbers in place.
    pub fn apply(&self, rec: &mut Record, _ctx: &RowContext, _issues: &mut Vec<Issue>) {
        for f in [Field::Phone, Field::PhoneExt, Field::PhoneAlt] {
            let v = rec.raw.get(f).trim().to_string();
            rec.values.set(f, v);
        }
    }
}

/// The single country of an international number's calling code (`380…` → UA), if it names one.
pub fn country_for_international(digits: &str) -> Option<crate::record::Country> {
    let _ = digits;
    None
}
