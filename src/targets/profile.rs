//! A target CRM's import profile, read from `schemas/targets/<target>.toml`: files, columns, limits.

use crate::error::{Error, Result};
use crate::locale::LocaleData;
use crate::record::Field;
use serde::Deserialize;

/// Values a column can carry besides the canonical fields.
pub const PSEUDO_FIELDS: [&str; 4] = [
    // The customer's ID (a contact's own; an account's first organisation-only customer's).
    "customer_id",
    // The account's ID (an account's own; a contact's account's).
    "account_id",
    // A contact's account's name (the account's `organization`).
    "linked_account_name",
    // The street lines in one: `address_line1`, then `address_line2` after ", ".
    "street",
];

/// Which kind of record a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Object {
    Account,
    Contact,
}

impl Object {
    pub fn as_str(self) -> &'static str {
        match self {
            Object::Account => "account",
            Object::Contact => "contact",
        }
    }
}

/// How a value is written in the target's column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// As Steward holds it (country as ISO 3166-1 alpha-2, phone as E.164).
    #[default]
    AsIs,
    /// A country's English short name (`Germany`), from `schemas/countries.toml`.
    CountryName,
    /// An ISO date (`1984-02-29`) in the profile's `date_format`.
    Date,
    /// A `true`/`false` flag the other way round (`email_opt_in` as an opt-out box).
    Negated,
}

/// What happens to a value longer than the column holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Overflow {
    /// Cut to the limit (names, streets: the start still says something).
    #[default]
    Cut,
    /// Left out (an e-mail or phone cut short is a wrong one).
    Omit,
}

/// One column of a target file.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The target's column header (API or property name).
    pub column: String,
    /// A canonical field or one of [`PSEUDO_FIELDS`].
    pub field: String,
    /// Most characters the target takes.
    #[serde(default)]
    pub max: Option<usize>,
    /// The target refuses a row without it.
    #[serde(default)]
    pub required: bool,
    /// Fields tried in order when `field` is empty and the column is required.
    #[serde(default)]
    pub fallback: Vec<String>,
    #[serde(default)]
    pub format: Format,
    #[serde(default)]
    pub overflow: Overflow,
}

/// One object's file.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectProfile {
    /// The target's object name (`Contact`, `contacts`, `Accounts`).
    pub object: String,
    /// The file name (`Contact.csv`); a numbered suffix is added when the rows are split.
    pub file: String,
    pub columns: Vec<Column>,
}

/// A target CRM's profile.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The `--target` name (`salesforce`).
    pub name: String,
    /// The product's name for people (`Salesforce`).
    pub label: String,
    /// Text encoding of the files; only `utf-8` is written.
    pub encoding: String,
    /// One character.
    pub delimiter: String,
    /// `lf` or `crlf`.
    pub line_ending: String,
    /// `YYYY`, `MM`, `DD` stand for the date's parts (`YYYY-MM-DD`, `DD/MM/YYYY`).
    pub date_format: String,
    /// Most data rows in one file; more are split into numbered files.
    #[serde(default)]
    pub max_rows_per_file: Option<usize>,
    /// Most bytes in one file, header included.
    #[serde(default)]
    pub max_bytes_per_file: Option<u64>,
    pub account: ObjectProfile,
    pub contact: ObjectProfile,
    /// How to load the files, for `README.txt`: `{account_files}` and `{contact_files}`
    /// stand for the files written.
    pub load: String,
}

impl Profile {
    /// The profile of `name`, from `targets/<name>.toml` (built in, or from `schemas_dir`).
    pub fn from_locale(locale: &LocaleData, name: &str) -> Result<Profile> {
        let file = format!("targets/{name}.toml");
        let profile: Profile = locale.parse(&file)?;
        profile
            .validate()
            .map_err(|e| Error::schema(format!("{file}: {e}")))?;
        Ok(profile)
    }

    /// The object's file profile.
    pub fn object(&self, object: Object) -> &ObjectProfile {
        match object {
            Object::Account => &self.account,
            Object::Contact => &self.contact,
        }
    }

    /// The line terminator's bytes.
    pub fn terminator(&self) -> &'static [u8] {
        if self.line_ending == "crlf" {
            b"\r\n"
        } else {
            b"\n"
        }
    }

    /// The delimiter's byte.
    pub fn delimiter_byte(&self) -> u8 {
        self.delimiter.as_bytes().first().copied().unwrap_or(b',')
    }

    /// Checks what serde cannot: fields, limits, encoding, delimiter, line ending.
    pub fn validate(&self) -> std::result::Result<(), String> {
        if !self.encoding.eq_ignore_ascii_case("utf-8") {
            return Err(format!(
                "encoding {:?}: only utf-8 is written",
                self.encoding
            ));
        }
        if self.delimiter.len() != 1 {
            return Err(format!(
                "delimiter {:?} must be one ASCII character",
                self.delimiter
            ));
        }
        if !matches!(self.line_ending.as_str(), "lf" | "crlf") {
            return Err(format!(
                "line_ending {:?} must be lf or crlf",
                self.line_ending
            ));
        }
        if self.max_rows_per_file == Some(0) || self.max_bytes_per_file == Some(0) {
            return Err("max_rows_per_file and max_bytes_per_file must be at least 1".into());
        }
        for object in [Object::Account, Object::Contact] {
            let columns = &self.object(object).columns;
            for (i, c) in columns.iter().enumerate() {
                for field in std::iter::once(&c.field).chain(&c.fallback) {
                    if !is_known_field(field) {
                        return Err(format!(
                            "{} column {:?} names {field:?}, neither a canonical field nor one of {PSEUDO_FIELDS:?}",
                            object.as_str(),
                            c.column
                        ));
                    }
                }
                if c.max == Some(0) {
                    return Err(format!("{} column {:?}: max 0", object.as_str(), c.column));
                }
                if columns[..i].iter().any(|o| o.column == c.column) {
                    return Err(format!(
                        "{} column {:?} is listed twice",
                        object.as_str(),
                        c.column
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Whether `name` is a canonical field or a pseudo-field.
pub fn is_known_field(name: &str) -> bool {
    Field::from_name(name).is_some() || PSEUDO_FIELDS.contains(&name)
}
