//! Dates: ISO 8601 out of any locale order, Buddhist-era years, Excel serials.

use super::RowContext;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Field, Record};

/// Normalises dates (stub: copies the raw value).
pub struct DateNormalizer;

impl DateNormalizer {
    /// Builds the normaliser from the schema data.
    pub fn from_locale(_locale: &LocaleData) -> Result<DateNormalizer> {
        Ok(DateNormalizer)
    }

    /// Normalises the record's dates in place.
    pub fn apply(&self, rec: &mut Record, _ctx: &RowContext, _issues: &mut Vec<Issue>) {
        for f in [Field::CreatedAt, Field::BirthDate] {
            let v = rec.raw.get(f).trim().to_string();
            rec.values.set(f, v);
        }
    }
}
