//! Per-record comparison features, computed once per run: case-folded names (Latin keys and raw
//! spellings), contact identifiers, the location, birth date and configured identifiers.

use crate::record::{Field, Record};
use rayon::prelude::*;
use rphonetic::DoubleMetaphone;

/// What the comparators and blocking rules read from one record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    /// Latin key of the given name (`rec.keys.given`, else the folded value).
    pub given: String,
    /// Latin key of the family name.
    pub family: String,
    /// Case-folded given name as written (same-script comparison).
    pub given_raw: String,
    /// Case-folded family name as written.
    pub family_raw: String,
    /// Nickname groups of the given name (`schemas/names.toml` `nicknames`), for
    /// [`super::compare::given_level`] without a table look-up per pair.
    pub given_nicknames: Vec<u32>,
    /// Latin key of the middle name or patronymic, case-folded; empty when missing.
    pub middle: String,
    /// Phonetic key of the family name.
    pub family_phonetic: String,
    /// Primary and alternate e-mail, case-folded; empty when missing.
    pub emails: [String; 2],
    /// E-mail local part (`rec.keys.email_local`, else derived).
    pub email_local: String,
    /// Primary and alternate phone (E.164).
    pub phones: [String; 2],
    /// Address key of the street line.
    pub address: String,
    /// Postcode without spaces, upper case.
    pub postcode: String,
    /// Latin key of the locality (`Бровари` and `Brovary` meet).
    pub locality: String,
    /// Organisation key.
    pub organization: String,
    /// Words of the organisation key in sorted order; for a record without an organisation,
    /// the words of its name (a company typed into the name fields: `Маркет | Короленко`
    /// against `ПП "Короленко Маркет"`).
    pub org_tokens: String,
    /// Birth date digits (`YYYYMMDD`), empty when missing.
    pub birth: String,
    /// Configured identifier values, one per `identifier_columns` entry.
    pub ids: Vec<String>,
}

/// Where each configured identifier column sits in each source's `extra` cells.
pub fn identifier_positions(
    columns: &[String],
    passthrough_headers: &[Vec<String>],
) -> Vec<Vec<Option<usize>>> {
    passthrough_headers
        .iter()
        .map(|headers| {
            columns
                .iter()
                .map(|c| {
                    headers
                        .iter()
                        .position(|h| h.trim().eq_ignore_ascii_case(c.trim()))
                })
                .collect()
        })
        .collect()
}

/// Computes every record's features in parallel (order preserved).
pub fn compute_all(
    records: &[Record],
    id_positions: &[Vec<Option<usize>>],
    id_count: usize,
) -> Vec<Features> {
    let metaphone = DoubleMetaphone::default();
    records
        .par_iter()
        .map(|r| {
            let positions = id_positions
                .get(r.source as usize)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            compute(r, positions, id_count, &metaphone)
        })
        .collect()
}

fn fold(s: &str) -> String {
    crate::normalize::text::clean(s).to_lowercase()
}

fn key_or_value(key: &str, value: &str) -> String {
    if key.is_empty() {
        fold(value)
    } else {
        key.to_string()
    }
}

/// Computes one record's features.
pub fn compute(
    rec: &Record,
    id_positions: &[Option<usize>],
    id_count: usize,
    metaphone: &DoubleMetaphone,
) -> Features {
    let v = &rec.values;
    let (mut given, family) = names(rec);
    let mut given_raw = fold(v.get(Field::GivenName));
    if let Some(rest) = super::thai_latin::strip_glued_khun(&given_raw) {
        given = crate::normalize::translit::latin_key_for(rest, rec.country);
        given_raw = rest.to_string();
    }
    let family_phonetic = if !rec.keys.family_phonetic.is_empty() {
        rec.keys.family_phonetic.clone()
    } else if family.is_ascii() && !family.is_empty() {
        metaphone.double_metaphone(&family).primary()
    } else {
        family.chars().take(4).collect()
    };
    let email = fold(v.get(Field::Email));
    let email_local = if rec.keys.email_local.is_empty() {
        email.split('@').next().unwrap_or("").to_string()
    } else {
        rec.keys.email_local.clone()
    };
    let ids = (0..id_count)
        .map(|i| {
            id_positions
                .get(i)
                .copied()
                .flatten()
                .and_then(|p| rec.extra.get(p))
                .map(|s| fold(s).replace([' ', '-'], ""))
                .unwrap_or_default()
        })
        .collect();
    let mut organization = key_or_value(&rec.keys.organization, v.get(Field::Organization));
    if is_household_account(&organization) {
        organization.clear();
    }
    let org_tokens = if organization.is_empty() {
        sorted_words(&format!("{given} {family}"))
    } else {
        sorted_words(&organization)
    };
    let given_nicknames =
        crate::normalize::name::nicknames::current().groups_of(&given, &given_raw);
    Features {
        given_nicknames,
        given_raw,
        family_raw: fold(v.get(Field::FamilyName)),
        given,
        family,
        family_phonetic,
        middle: crate::normalize::translit::latin_key_for(v.get(Field::MiddleName), rec.country)
            .to_lowercase(),
        emails: [email, fold(v.get(Field::EmailAlt))],
        email_local,
        phones: [
            phone_digits(v.get(Field::Phone)),
            phone_digits(v.get(Field::PhoneAlt)),
        ],
        address: key_or_value(&rec.keys.address, v.get(Field::AddressLine1)),
        postcode: v
            .get(Field::PostalCode)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase(),
        locality: crate::normalize::translit::latin_key_for(v.get(Field::Locality), rec.country),
        organization,
        org_tokens,
        birth: v
            .get(Field::BirthDate)
            .chars()
            .filter(char::is_ascii_digit)
            .collect(),
        ids,
    }
}

/// A CRM household account (`Boonma Household`, Salesforce NPSP's default name for the
/// account that holds a family's contacts) names a family, not an employer: namesakes of
/// one family share it, so it is no evidence that two records are one person.
fn is_household_account(organization: &str) -> bool {
    organization
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "household" || w == "haushalt")
}

/// The words of `s` sorted and joined by single spaces.
fn sorted_words(s: &str) -> String {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    words.sort_unstable();
    words.join(" ")
}

/// Given and family keys; a record with only a full name is split at its last space.
fn names(rec: &Record) -> (String, String) {
    let v = &rec.values;
    let given = key_or_value(&rec.keys.given, v.get(Field::GivenName));
    let family = key_or_value(&rec.keys.family, v.get(Field::FamilyName));
    if !given.is_empty() || !family.is_empty() {
        return (given, family);
    }
    let full = fold(v.get(Field::FullName));
    match full.rsplit_once(' ') {
        Some((g, f)) => (g.to_string(), f.to_string()),
        None => (String::new(), full),
    }
}

/// Keeps `+` and digits of a phone value (E.164 already; tolerant of formatting).
fn phone_digits(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uses_latin_keys_and_keeps_raw_spelling() {
        let mut rec = Record::default();
        rec.values.set(Field::GivenName, "Олександр");
        rec.values.set(Field::FamilyName, "Шевченко");
        rec.keys.given = "oleksandr".into();
        rec.keys.family = "shevchenko".into();
        rec.values.set(Field::Email, "O.Shev@Ukr.net");
        let f = compute(&rec, &[], 0, &DoubleMetaphone::default());
        assert_eq!(f.given, "oleksandr");
        assert_eq!(f.family_raw, "шевченко");
        assert_eq!(f.emails[0], "o.shev@ukr.net");
        assert_eq!(f.email_local, "o.shev");
        assert!(!f.family_phonetic.is_empty());
        // Олександр's nickname group (Саша, Sasha) is known once per record.
        assert!(!f.given_nicknames.is_empty());
    }

    #[test]
    fn cyrillic_and_latin_localities_meet() {
        let mut a = Record::default();
        a.values.set(Field::Locality, "Бровари");
        let mut b = Record::default();
        b.values.set(Field::Locality, "Brovary");
        let m = DoubleMetaphone::default();
        let (fa, fb) = (compute(&a, &[], 0, &m), compute(&b, &[], 0, &m));
        assert_eq!(fa.locality, "brovary");
        assert_eq!(fa.locality, fb.locality);
    }

    #[test]
    fn glued_thai_khun_is_not_part_of_the_given_name() {
        let mut rec = Record::default();
        rec.values.set(Field::GivenName, "คุณพรทิพย์");
        let f = compute(&rec, &[], 0, &DoubleMetaphone::default());
        assert_eq!(f.given_raw, "พรทิพย์");
        assert_eq!(f.given, crate::normalize::translit::latin_key("พรทิพย์"));
    }

    #[test]
    fn org_tokens_come_from_the_name_when_there_is_no_organisation() {
        let mut rec = Record::default();
        rec.values.set(Field::GivenName, "Маркет");
        rec.values.set(Field::FamilyName, "Короленко");
        rec.keys.given = "market".into();
        rec.keys.family = "korolenko".into();
        let mut org = Record::default();
        org.values
            .set(Field::Organization, "ПП \"Короленко Маркет\"");
        org.keys.organization = "korolenko market".into();
        let m = DoubleMetaphone::default();
        let (a, b) = (compute(&rec, &[], 0, &m), compute(&org, &[], 0, &m));
        assert_eq!(a.org_tokens, "korolenko market");
        assert_eq!(a.org_tokens, b.org_tokens);
    }

    #[test]
    fn a_household_account_is_not_an_organisation() {
        let mut rec = Record::default();
        rec.values.set(Field::GivenName, "Anucha");
        rec.values.set(Field::FamilyName, "Boonma");
        rec.values.set(Field::Organization, "Boonma Household");
        let f = compute(&rec, &[], 0, &DoubleMetaphone::default());
        assert_eq!(f.organization, "");
        assert_eq!(f.org_tokens, "anucha boonma");
        rec.values.set(Field::Organization, "Boonma Logistics");
        let f = compute(&rec, &[], 0, &DoubleMetaphone::default());
        assert_eq!(f.organization, "boonma logistics");
    }

    #[test]
    fn full_name_only_is_split() {
        let mut rec = Record::default();
        rec.values.set(Field::FullName, "Mary Ann Smith");
        let f = compute(&rec, &[], 0, &DoubleMetaphone::default());
        assert_eq!((f.given.as_str(), f.family.as_str()), ("mary ann", "smith"));
    }
}
