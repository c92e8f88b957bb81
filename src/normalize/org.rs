//! Organisation names: legal forms recognised and separated, matching key.

use super::RowContext;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Field, Record};

/// Normalises organisation names (stub: copies the raw value).
pub struct OrgNormalizer;

impl OrgNormalizer {
    /// Builds the normaliser from the schema data.
    pub fn from_locale(_locale: &LocaleData) -> Result<OrgNormalizer> {
        Ok(OrgNormalizer)
    }

    /// Normalises the record's organisation names in place.
    pub fn apply(&self, rec: &mut Record, _ctx: &RowContext, _issues: &mut Vec<Issue>) {
        let v = rec.raw.get(Field::Organization).trim().to_string();
        rec.values.set(Field::Organization, v);
    }
}
