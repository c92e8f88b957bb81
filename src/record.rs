//! The canonical record: the typed row that flows between pipeline stages, with its lineage.

pub use crate::fields::Field;
use crate::packed::PackedText;
use std::fmt;

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
/// Stored packed ([`PackedText`]): a record holds two of these (raw and normalised), and at a
/// million rows 21 separate `String`s each were most of the run's memory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values(PackedText<{ Field::COUNT }>);

impl Values {
    /// Appends the values in `Field::ALL` order ([`crate::wire`]).
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        crate::wire::put_packed(out, &self.0);
    }

    /// Reads values [`Values::encode_into`] wrote.
    pub fn decode(reader: &mut crate::wire::Reader<'_>) -> Option<Values> {
        reader.packed().map(Values)
    }

    /// Values for every field at once, in `Field::ALL` order.
    pub fn from_parts(parts: &[&str; Field::COUNT]) -> Values {
        Values(PackedText::from_parts(parts))
    }

    /// The value of `field` (empty when missing).
    pub fn get(&self, field: Field) -> &str {
        self.0.get(field.index())
    }

    /// Sets `field`, trimming nothing: callers pass finished values.
    pub fn set(&mut self, field: Field, value: impl AsRef<str>) {
        self.0.set(field.index(), value.as_ref());
    }

    /// Takes the value out of `field`, leaving it empty.
    pub fn take(&mut self, field: Field) -> String {
        let value = self.get(field).to_string();
        self.set(field, "");
        value
    }

    /// Whether `field` holds a value.
    pub fn has(&self, field: Field) -> bool {
        self.0.has(field.index())
    }

    /// Iterates `(field, value)` over every field, empty ones included.
    pub fn iter(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL.iter().map(move |f| (*f, self.get(*f)))
    }
}

/// One of the matching keys normalisation derives for blocking and comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchKey {
    /// Latin transliteration of the given name, case-folded (`oleksandr`).
    Given,
    /// Latin transliteration of the family name, case-folded (`shevchenko`).
    Family,
    /// Phonetic key of the family name (Double Metaphone of its transliteration).
    FamilyPhonetic,
    /// Address key: expanded, case-folded, punctuation-free street line.
    Address,
    /// Organisation key: name without legal form, case-folded.
    Organization,
    /// Local part of the e-mail, without `+tags` and (for Gmail) dots.
    EmailLocal,
    /// Per e-mail (primary, alternate): `r` a role account (`info@`), `p` at a mail provider
    /// (a personal mailbox), `w` elsewhere (an employer's domain).
    EmailKinds,
    /// Per phone (primary, alternate): `m` mobile (or a number plan that does not tell mobile
    /// from fixed), `f` anything else.
    PhoneKinds,
    /// The region an address is in, where the country's postcodes tell it and its localities
    /// are written at several levels or in two scripts: a Thai address's province as its
    /// postcodes' first two digits (`50`). Empty elsewhere.
    Area,
    /// The locality under the name the country uses, where the export wrote another one
    /// (`Kiev`, `Киев` → `Київ`); empty when the written name is the country's own.
    Locality,
    /// The distinctive words of the organisation key, sorted: without the words many
    /// organisations share (`restaurant`, `grill`, `the`, `of`), so that `Restaurant Katsu`
    /// and `Katsu`, `Cafe Ritz-Carlton` and `Ritz-Carlton Cafe` meet.
    OrgCore,
    /// The digits of phone numbers that could not be resolved to an international number (no
    /// country to place them in, or not valid in the row's plan), space-separated: still
    /// compared, crudely, by their digits (`294-5185` meets `+1 773 294 5185` by its tail).
    PhoneDigits,
    /// E-mail cells that are no valid address (`f@b@reese.com`, `jo.smith(at)web.de`),
    /// lower-cased without spaces, space-separated: still compared, crudely, against the
    /// other record's addresses.
    EmailUnparsed,
}

/// The record's [`MatchKey`]s, packed like [`Values`]; empty when unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatchKeys(PackedText<13>);

impl MatchKeys {
    /// Appends the keys in `MatchKey` order ([`crate::wire`]).
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        crate::wire::put_packed(out, &self.0);
    }

    /// Reads keys [`MatchKeys::encode_into`] wrote.
    pub fn decode(reader: &mut crate::wire::Reader<'_>) -> Option<MatchKeys> {
        reader.packed().map(MatchKeys)
    }

    /// The key's value (empty when unknown).
    pub fn get(&self, key: MatchKey) -> &str {
        self.0.get(key as usize)
    }

    /// Sets a key.
    pub fn set(&mut self, key: MatchKey, value: impl AsRef<str>) {
        self.0.set(key as usize, value.as_ref());
    }

    pub fn given(&self) -> &str {
        self.get(MatchKey::Given)
    }

    pub fn family(&self) -> &str {
        self.get(MatchKey::Family)
    }

    pub fn family_phonetic(&self) -> &str {
        self.get(MatchKey::FamilyPhonetic)
    }

    pub fn address(&self) -> &str {
        self.get(MatchKey::Address)
    }

    pub fn organization(&self) -> &str {
        self.get(MatchKey::Organization)
    }

    pub fn email_local(&self) -> &str {
        self.get(MatchKey::EmailLocal)
    }
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
