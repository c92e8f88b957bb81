//! Personal names: case, salutations, full-name splitting per locale order, transliteration keys.

use super::RowContext;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Field, Record};

/// Normalises names (stub: copies the raw value).
pub struct NameNormalizer;

impl NameNormalizer {
    /// Builds the normaliser from the schema data.
    pub fn from_locale(_locale: &LocaleData) -> Result<NameNormalizer> {
        Ok(NameNormalizer)
    }

    /// Normalises the record's names in place.
    pub fn apply(&self, rec: &mut Record, _ctx: &RowContext, _issues: &mut Vec<Issue>) {
        for f in [
            Field::Salutation,
            Field::GivenName,
            Field::MiddleName,
            Field::FamilyName,
            Field::FullName,
        ] {
            let v = rec.raw.get(f).trim().to_string();
            rec.values.set(f, v);
        }
    }
}
