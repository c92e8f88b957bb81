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
///
/// Stored packed: the values one after another in a single allocation, with the end offset
/// of each field. A record holds two of these (raw and normalised), and at a million rows
/// 21 separate `String`s each (504 bytes of headers plus an allocation per value) were most
/// of the run's memory; packed, a row's values cost 100 bytes plus their text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values {
    text: Box<str>,
    ends: [u32; Field::COUNT],
}

impl Values {
    fn span(&self, index: usize) -> (usize, usize) {
        let start = match index.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(index).copied().unwrap_or(start);
        (start as usize, end as usize)
    }

    /// The value of `field` (empty when missing).
    pub fn get(&self, field: Field) -> &str {
        let (start, end) = self.span(field.index());
        self.text.get(start..end).unwrap_or("")
    }

    /// Sets `field`, trimming nothing: callers pass finished values. A value longer than
    /// 4 GiB in total cannot be stored and is cut at a character boundary.
    pub fn set(&mut self, field: Field, value: impl Into<String>) {
        let value: String = value.into();
        let index = field.index();
        let (start, end) = self.span(index);
        let old_len = end - start;
        if value.len() == old_len && self.text.get(start..end) == Some(value.as_str()) {
            return;
        }
        let mut text = String::with_capacity(self.text.len() - old_len + value.len());
        text.push_str(self.text.get(..start).unwrap_or(""));
        let room = (u32::MAX as usize).saturating_sub(self.text.len() - old_len);
        text.push_str(prefix_within(&value, room));
        let added = text.len() - start;
        text.push_str(self.text.get(end..).unwrap_or(""));
        self.text = text.into_boxed_str();
        for e in self.ends.iter_mut().skip(index) {
            *e = (*e as usize - old_len + added) as u32;
        }
    }

    /// Takes the value out of `field`, leaving it empty.
    pub fn take(&mut self, field: Field) -> String {
        let value = self.get(field).to_string();
        self.set(field, String::new());
        value
    }

    /// Whether `field` holds a value.
    pub fn has(&self, field: Field) -> bool {
        let (start, end) = self.span(field.index());
        end > start
    }

    /// Iterates `(field, value)` over every field, empty ones included.
    pub fn iter(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL.iter().map(move |f| (*f, self.get(*f)))
    }
}

/// The longest prefix of `s` that fits in `max` bytes, cut at a character boundary.
fn prefix_within(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.get(..cut).unwrap_or("")
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn packed_values_read_back_what_was_set_in_any_order() {
        let mut v = Values::default();
        v.set(Field::Phone, "+380501234567");
        v.set(Field::GivenName, "Олена");
        v.set(Field::BirthDate, "1984-02-29");
        v.set(Field::GivenName, "Olena");
        assert_eq!(v.get(Field::GivenName), "Olena");
        assert_eq!(v.get(Field::Phone), "+380501234567");
        assert_eq!(v.get(Field::BirthDate), "1984-02-29");
        assert_eq!(v.get(Field::Salutation), "");
        assert!(!v.has(Field::Email));
        assert_eq!(v.take(Field::Phone), "+380501234567");
        assert!(!v.has(Field::Phone));
        assert_eq!(v.get(Field::BirthDate), "1984-02-29");
    }

    #[test]
    fn equal_content_is_equal_whatever_the_order_of_sets() {
        let mut a = Values::default();
        a.set(Field::Email, "a@b.ua");
        a.set(Field::Locality, "Київ");
        let mut b = Values::default();
        b.set(Field::Locality, "Київ");
        b.set(Field::Email, "x");
        b.set(Field::Email, "a@b.ua");
        assert_eq!(a, b);
    }

    proptest! {
        #[test]
        fn packed_values_behave_like_one_string_per_field(
            ops in proptest::collection::vec((0usize..Field::COUNT, ".{0,12}"), 0..60)
        ) {
            let mut packed = Values::default();
            let mut plain: Vec<String> = vec![String::new(); Field::COUNT];
            for (i, value) in ops {
                packed.set(Field::ALL[i], value.clone());
                plain[i] = value;
            }
            for (f, value) in packed.iter() {
                prop_assert_eq!(value, plain[f.index()].as_str());
                prop_assert_eq!(packed.has(f), !plain[f.index()].is_empty());
            }
        }
    }
}
