//! E-mail addresses: syntax, display names, several per cell, provider typos, role accounts.

use super::{NormalizeOptions, RowContext};
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Field, Record};

/// Normalises e-mail addresses (stub: lower-cases the raw value).
pub struct EmailNormalizer;

impl EmailNormalizer {
    /// Builds the normaliser from the schema data.
    pub fn from_locale(
        _locale: &LocaleData,
        _options: &NormalizeOptions,
    ) -> Result<EmailNormalizer> {
        Ok(EmailNormalizer)
    }

    /// Normalises the record's e-mails in place.
    pub fn apply(&self, rec: &mut Record, _ctx: &RowContext, _issues: &mut Vec<Issue>) {
        for f in [Field::Email, Field::EmailAlt] {
            let v = rec.raw.get(f).trim().to_lowercase();
            rec.values.set(f, v);
        }
    }
}
