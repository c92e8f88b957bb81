//! Header mapping: input column names to canonical fields, using multilingual synonyms.

use crate::record::Field;

/// Where an input column goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A canonical field.
    Field(Field),
    /// The source system's own record ID (`xref.csv`'s `source_key`).
    SourceKey,
    /// Dropped on purpose.
    Ignore,
    /// Kept under its own name.
    PassThrough,
}

impl Target {
    /// Parses a target as written in `[source.columns]`.
    pub fn parse(text: &str) -> Option<Target> {
        match text.trim() {
            "source_key" => Some(Target::SourceKey),
            "ignore" => Some(Target::Ignore),
            "pass" | "passthrough" | "pass_through" => Some(Target::PassThrough),
            t => Field::from_name(t).map(Target::Field),
        }
    }
}
