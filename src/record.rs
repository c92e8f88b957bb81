//! The canonical record: the typed row that flows between pipeline stages, with its lineage.

use std::fmt;

/// A canonical contact field. The order here is the column order of every output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Salutation,
    GivenName,
    MiddleName,
    FamilyName,
    FullName,
    Organization,
    Email,
    EmailAlt,
    Phone,
    PhoneExt,
    PhoneType,
    PhoneAlt,
    AddressLine1,
    AddressLine2,
    Locality,
    District,
    Region,
    PostalCode,
    Country,
    CreatedAt,
    BirthDate,
}

impl Field {
    /// Every field, in output column order.
    pub const ALL: [Field; 21] = [
        Field::Salutation,
        Field::GivenName,
        Field::MiddleName,
        Field::FamilyName,
        Field::FullName,
        Field::Organization,
        Field::Email,
        Field::EmailAlt,
        Field::Phone,
        Field::PhoneExt,
        Field::PhoneType,
        Field::PhoneAlt,
        Field::AddressLine1,
        Field::AddressLine2,
        Field::Locality,
        Field::District,
        Field::Region,
        Field::PostalCode,
        Field::Country,
        Field::CreatedAt,
        Field::BirthDate,
    ];
    /// Number of canonical fields.
    pub const COUNT: usize = Self::ALL.len();

    /// The snake_case column name used in schemas, configs and outputs.
    pub fn name(self) -> &'static str {
        match self {
            Field::Salutation => "salutation",
            Field::GivenName => "given_name",
            Field::MiddleName => "middle_name",
            Field::FamilyName => "family_name",
            Field::FullName => "full_name",
            Field::Organization => "organization",
            Field::Email => "email",
            Field::EmailAlt => "email_alt",
            Field::Phone => "phone",
            Field::PhoneExt => "phone_ext",
            Field::PhoneType => "phone_type",
            Field::PhoneAlt => "phone_alt",
            Field::AddressLine1 => "address_line1",
            Field::AddressLine2 => "address_line2",
            Field::Locality => "locality",
            Field::District => "district",
            Field::Region => "region",
            Field::PostalCode => "postal_code",
            Field::Country => "country",
            Field::CreatedAt => "created_at",
            Field::BirthDate => "birth_date",
        }
    }

    /// Parses a canonical column name (`"given_name"`).
    pub fn from_name(name: &str) -> Option<Field> {
        Self::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// Index of this field in a [`Values`] array.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Where a second column mapped to this field goes (`phone` → `phone_alt`).
    pub fn alternate(self) -> Option<Field> {
        match self {
            Field::Email => Some(Field::EmailAlt),
            Field::Phone => Some(Field::PhoneAlt),
            Field::AddressLine1 => Some(Field::AddressLine2),
            _ => None,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// ISO 3166-1 alpha-2 country code, upper case ASCII.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

impl Country {
    /// Builds a code from two ASCII letters (any case); `None` otherwise.
    pub fn new(code: &str) -> Option<Country> {
        let b = code.as_bytes();
        if b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic) {
            Some(Country([
                b[0].to_ascii_uppercase(),
                b[1].to_ascii_uppercase(),
            ]))
        } else {
            None
        }
    }

    /// The code as a string slice (`"UA"`).
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("ZZ")
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One value per canonical field; an empty string means "no value".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values([String; Field::COUNT]);

impl Values {
    /// The value of `field` (empty when missing).
    pub fn get(&self, field: Field) -> &str {
        &self.0[field.index()]
    }

    /// Sets `field`, trimming nothing: callers pass finished values.
    pub fn set(&mut self, field: Field, value: impl Into<String>) {
        self.0[field.index()] = value.into();
    }

    /// Takes the value out of `field`, leaving it empty.
    pub fn take(&mut self, field: Field) -> String {
        std::mem::take(&mut self.0[field.index()])
    }

    /// Whether `field` holds a value.
    pub fn has(&self, field: Field) -> bool {
        !self.0[field.index()].is_empty()
    }

    /// Iterates `(field, value)` over every field, empty ones included.
    pub fn iter(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL.iter().map(move |f| (*f, self.get(*f)))
    }
}

/// Keys computed by normalisation for blocking and comparison; empty when unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatchKeys {
    /// Latin transliteration of the given name, case-folded (`oleksandr`).
    pub given: String,
    /// Latin transliteration of the family name, case-folded (`shevchenko`).
    pub family: String,
    /// Phonetic key of the family name (Double Metaphone of its transliteration).
    pub family_phonetic: String,
    /// Address key: expanded, case-folded, punctuation-free street line.
    pub address: String,
    /// Organisation key: name without legal form, case-folded.
    pub organization: String,
    /// Local part of the e-mail, without `+tags` and (for Gmail) dots.
    pub email_local: String,
}

/// Index of a source table (file or sheet) in [`crate::pipeline::RunData::sources`].
pub type SourceId = u32;

/// One input data row, carried through every stage.
#[derive(Clone, Debug, Default)]
pub struct Record {
    /// Which source table the row came from.
    pub source: SourceId,
    /// 1-based data row within that source, header excluded.
    pub row: u64,
    /// The row's country context (country column, else the source default).
    pub country: Option<Country>,
    /// Values as mapped from the input, before normalisation.
    pub raw: Values,
    /// Normalised values (what the outputs show).
    pub values: Values,
    /// Matching keys derived from the normalised values.
    pub keys: MatchKeys,
    /// Pass-through columns, aligned with the source's `passthrough` headers.
    pub extra: Vec<String>,
}
