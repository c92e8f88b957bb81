//! Per-record comparison features, computed once per run: case-folded names (Latin keys and raw
//! spellings), contact identifiers, the location, birth date and configured identifiers.

use crate::normalize::name::nicknames::Nicknames;
use crate::packed::PackedText;
use crate::record::{Field, MatchKey, Record};
use rayon::prelude::*;
use rphonetic::DoubleMetaphone;

/// The text features of one record, as owned strings: what [`compute`] derives and what
/// tests write by hand. [`Features`] is the packed form the comparators read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeatureValues {
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
    /// Nickname groups of the family name read as a given name: a row whose name columns
    /// were filled the other way round (`Campbell | Abby`) meets `Abigail Campbell`.
    pub family_nicknames: Vec<u32>,
    /// Latin key of the middle name or patronymic, case-folded; empty when missing.
    pub middle: String,
    /// Phonetic key of the family name.
    pub family_phonetic: String,
    /// Primary and alternate e-mail, case-folded; empty when missing.
    pub emails: [String; 2],
    /// E-mail local part (`rec.keys.email_local`, else derived).
    pub email_local: String,
    /// E-mail cells that are no valid address, crudely folded, space-separated
    /// ([`MatchKey::EmailUnparsed`]).
    pub emails_unparsed: String,
    /// Primary and alternate phone (E.164).
    pub phones: [String; 2],
    /// Address key of the street line.
    pub address: String,
    /// Postcode without spaces, upper case.
    pub postcode: String,
    /// Latin key of the locality (`Бровари` and `Brovary` meet).
    pub locality: String,
    /// The region the address is in where the country's localities do not compare as words
    /// (`rec.keys` [`MatchKey::Area`]: a Thai province's postcode prefix); empty elsewhere.
    pub area: String,
    /// Organisation key.
    pub organization: String,
    /// Words of the organisation key in sorted order; for a record without an organisation,
    /// the words of its name (a company typed into the name fields: `Маркет | Короленко`
    /// against `ПП "Короленко Маркет"`).
    pub org_tokens: String,
    /// Distinctive words of the organisation key, sorted ([`MatchKey::OrgCore`]); empty
    /// without an organisation.
    pub org_core: String,
    /// Birth date digits (`YYYYMMDD`), empty when missing.
    pub birth: String,
    /// Latin key of the birth place, case-folded (`Київ` and `Kyiv` meet); empty when missing.
    pub birth_place: String,
    /// Configured identifier values, one per `identifier_columns` entry.
    pub ids: Vec<String>,
    /// Which of `emails` are personal mailboxes (at a mail provider, not an employer).
    pub personal_emails: [bool; 2],
    /// Which of `emails` are role accounts (`info@`, `biuro@`): a team's mailbox, shared by
    /// colleagues, so no evidence that two records are one person.
    pub role_emails: [bool; 2],
    /// Which of `emails` are a household's shared mailbox (`smith.family@`, `thehalls@`):
    /// also in `role_emails`, and a shared one says one home, not one person.
    pub household_emails: [bool; 2],
    /// Which of `phones` are mobiles (or numbers whose plan does not tell).
    pub mobiles: [bool; 2],
    /// Which of `phones` are mobiles by their numbering plan: one person's phone, where a
    /// number the plan does not tell (`+1`) may be a household's landline.
    pub sure_mobiles: [bool; 2],
}

/// Slots of [`Features`]' packed text, in [`FeatureValues`] field order.
#[derive(Clone, Copy)]
enum Slot {
    Given,
    Family,
    GivenRaw,
    FamilyRaw,
    Middle,
    FamilyPhonetic,
    Email,
    EmailAlt,
    EmailLocal,
    Phone,
    PhoneAlt,
    Address,
    Postcode,
    Locality,
    Area,
    Organization,
    OrgTokens,
    OrgCore,
    Birth,
    BirthPlace,
    EmailsUnparsed,
}

const SLOTS: usize = Slot::EmailsUnparsed as usize + 1;

/// What the comparators and blocking rules read from one record ([`FeatureValues`] packed into
/// one allocation: at a million records the owned form was 575 MB, most of it string headers).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Features {
    text: PackedText<SLOTS>,
    /// See [`FeatureValues::given_nicknames`].
    pub given_nicknames: Vec<u32>,
    /// See [`FeatureValues::family_nicknames`].
    pub family_nicknames: Vec<u32>,
    /// See [`FeatureValues::ids`].
    pub ids: Vec<String>,
    /// See [`FeatureValues::personal_emails`].
    pub personal_emails: [bool; 2],
    /// See [`FeatureValues::role_emails`].
    pub role_emails: [bool; 2],
    /// See [`FeatureValues::household_emails`].
    pub household_emails: [bool; 2],
    /// See [`FeatureValues::mobiles`].
    pub mobiles: [bool; 2],
    /// See [`FeatureValues::sure_mobiles`].
    pub sure_mobiles: [bool; 2],
}

impl FeatureValues {
    /// Looks the given and the family name up in the nickname table, once per record.
    pub fn with_nicknames(mut self, table: &Nicknames) -> FeatureValues {
        self.given_nicknames = table.groups_of(&self.given, &self.given_raw);
        self.family_nicknames = table.groups_of(&self.family, &self.family_raw);
        self
    }
}

impl From<FeatureValues> for Features {
    fn from(v: FeatureValues) -> Features {
        let [email, email_alt] = &v.emails;
        let [phone, phone_alt] = &v.phones;
        let parts: [&str; SLOTS] = [
            &v.given,
            &v.family,
            &v.given_raw,
            &v.family_raw,
            &v.middle,
            &v.family_phonetic,
            email,
            email_alt,
            &v.email_local,
            phone,
            phone_alt,
            &v.address,
            &v.postcode,
            &v.locality,
            &v.area,
            &v.organization,
            &v.org_tokens,
            &v.org_core,
            &v.birth,
            &v.birth_place,
            &v.emails_unparsed,
        ];
        Features {
            text: PackedText::from_parts(&parts),
            given_nicknames: v.given_nicknames,
            family_nicknames: v.family_nicknames,
            ids: v.ids,
            personal_emails: v.personal_emails,
            role_emails: v.role_emails,
            household_emails: v.household_emails,
            mobiles: v.mobiles,
            sure_mobiles: v.sure_mobiles,
        }
    }
}

impl Features {
    /// A hash of everything the comparators read: records with equal hashes are copies as far
    /// as matching can tell ([`super::profiles`]). Fixed (FxHash), so it is the same on every
    /// run and machine.
    pub fn profile_hash(&self) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(self)
    }

    /// The owned form back (for tests that change one feature of a record).
    pub fn unpack(&self) -> FeatureValues {
        FeatureValues {
            given: self.given().into(),
            family: self.family().into(),
            given_raw: self.given_raw().into(),
            family_raw: self.family_raw().into(),
            given_nicknames: self.given_nicknames.clone(),
            family_nicknames: self.family_nicknames.clone(),
            middle: self.middle().into(),
            family_phonetic: self.family_phonetic().into(),
            emails: self.emails().map(str::to_string),
            email_local: self.email_local().into(),
            phones: self.phones().map(str::to_string),
            address: self.address().into(),
            postcode: self.postcode().into(),
            locality: self.locality().into(),
            area: self.area().into(),
            organization: self.organization().into(),
            org_tokens: self.org_tokens().into(),
            org_core: self.org_core().into(),
            birth: self.birth().into(),
            birth_place: self.birth_place().into(),
            emails_unparsed: self.emails_unparsed().into(),
            ids: self.ids.clone(),
            personal_emails: self.personal_emails,
            role_emails: self.role_emails,
            household_emails: self.household_emails,
            mobiles: self.mobiles,
            sure_mobiles: self.sure_mobiles,
        }
    }

    /// Changes features through their owned form (tests).
    #[cfg(test)]
    pub fn edit(&mut self, change: impl FnOnce(&mut FeatureValues)) {
        let mut values = self.unpack();
        change(&mut values);
        *self = values.into();
    }

    fn slot(&self, slot: Slot) -> &str {
        self.text.get(slot as usize)
    }

    /// See [`FeatureValues::given`].
    pub fn given(&self) -> &str {
        self.slot(Slot::Given)
    }

    /// See [`FeatureValues::family`].
    pub fn family(&self) -> &str {
        self.slot(Slot::Family)
    }

    /// See [`FeatureValues::given_raw`].
    pub fn given_raw(&self) -> &str {
        self.slot(Slot::GivenRaw)
    }

    /// See [`FeatureValues::family_raw`].
    pub fn family_raw(&self) -> &str {
        self.slot(Slot::FamilyRaw)
    }

    /// See [`FeatureValues::middle`].
    pub fn middle(&self) -> &str {
        self.slot(Slot::Middle)
    }

    /// See [`FeatureValues::family_phonetic`].
    pub fn family_phonetic(&self) -> &str {
        self.slot(Slot::FamilyPhonetic)
    }

    /// See [`FeatureValues::emails`].
    pub fn emails(&self) -> [&str; 2] {
        [self.slot(Slot::Email), self.slot(Slot::EmailAlt)]
    }

    /// See [`FeatureValues::email_local`].
    pub fn email_local(&self) -> &str {
        self.slot(Slot::EmailLocal)
    }

    /// See [`FeatureValues::phones`].
    pub fn phones(&self) -> [&str; 2] {
        [self.slot(Slot::Phone), self.slot(Slot::PhoneAlt)]
    }

    /// See [`FeatureValues::address`].
    pub fn address(&self) -> &str {
        self.slot(Slot::Address)
    }

    /// See [`FeatureValues::postcode`].
    pub fn postcode(&self) -> &str {
        self.slot(Slot::Postcode)
    }

    /// See [`FeatureValues::locality`].
    pub fn locality(&self) -> &str {
        self.slot(Slot::Locality)
    }

    /// See [`FeatureValues::area`].
    pub fn area(&self) -> &str {
        self.slot(Slot::Area)
    }

    /// See [`FeatureValues::organization`].
    pub fn organization(&self) -> &str {
        self.slot(Slot::Organization)
    }

    /// See [`FeatureValues::org_tokens`].
    pub fn org_tokens(&self) -> &str {
        self.slot(Slot::OrgTokens)
    }

    /// See [`FeatureValues::org_core`].
    pub fn org_core(&self) -> &str {
        self.slot(Slot::OrgCore)
    }

    /// See [`FeatureValues::birth`].
    pub fn birth(&self) -> &str {
        self.slot(Slot::Birth)
    }

    /// See [`FeatureValues::birth_place`].
    pub fn birth_place(&self) -> &str {
        self.slot(Slot::BirthPlace)
    }

    /// See [`FeatureValues::emails_unparsed`].
    pub fn emails_unparsed(&self) -> &str {
        self.slot(Slot::EmailsUnparsed)
    }
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
    nicknames: &Nicknames,
) -> Vec<Features> {
    let metaphone = DoubleMetaphone::default();
    records
        .par_iter()
        .map(|r| {
            let positions = id_positions
                .get(r.source as usize)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            compute(r, positions, id_count, &metaphone, nicknames)
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
    nicknames: &Nicknames,
) -> Features {
    let v = &rec.values;
    let (mut given, family) = names(rec);
    let mut given_raw = fold(v.get(Field::GivenName));
    if let Some(rest) = super::thai_latin::strip_glued_khun(&given_raw) {
        given = crate::normalize::translit::latin_key_for(rest, rec.country);
        given_raw = rest.to_string();
    }
    let family_phonetic = if !rec.keys.family_phonetic().is_empty() {
        rec.keys.family_phonetic().to_string()
    } else if family.is_ascii() && !family.is_empty() {
        metaphone.double_metaphone(&family).primary()
    } else {
        family.chars().take(4).collect()
    };
    let email = fold(v.get(Field::Email));
    let email_local = if rec.keys.email_local().is_empty() {
        email.split('@').next().unwrap_or("").to_string()
    } else {
        rec.keys.email_local().to_string()
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
    let mut organization = key_or_value(rec.keys.organization(), v.get(Field::Organization));
    if is_household_account(&organization) {
        organization.clear();
    }
    let org_core = if organization.is_empty() {
        String::new()
    } else if rec.keys.get(MatchKey::OrgCore).is_empty() {
        sorted_words(&organization)
    } else {
        rec.keys.get(MatchKey::OrgCore).to_string()
    };
    let org_tokens = if organization.is_empty() {
        sorted_words(&format!("{given} {family}"))
    } else {
        sorted_words(&organization)
    };
    // A family's mailbox is one only on a person's record: `familyfocus@` on a charity's.
    let names_person = !given.is_empty() || !family.is_empty();
    let (role_kinds, household_kinds): (&[char], &[char]) = if names_person {
        (&['r', 'h'], &['h'])
    } else {
        (&['r'], &[])
    };
    FeatureValues {
        given_raw,
        family_raw: fold(v.get(Field::FamilyName)),
        given,
        family,
        family_phonetic,
        middle: crate::normalize::translit::latin_key_for(v.get(Field::MiddleName), rec.country)
            .to_lowercase(),
        emails: [email, fold(v.get(Field::EmailAlt))],
        email_local,
        emails_unparsed: rec.keys.get(MatchKey::EmailUnparsed).to_string(),
        phones: phones_of(rec),
        address: key_or_value(rec.keys.address(), v.get(Field::AddressLine1)),
        postcode: v
            .get(Field::PostalCode)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase(),
        locality: crate::normalize::translit::latin_key_for(
            match rec.keys.get(MatchKey::Locality) {
                "" => v.get(Field::Locality),
                own => own,
            },
            rec.country,
        ),
        area: rec.keys.get(MatchKey::Area).to_string(),
        organization,
        org_tokens,
        org_core,
        birth: v
            .get(Field::BirthDate)
            .chars()
            .filter(char::is_ascii_digit)
            .collect(),
        birth_place: crate::normalize::translit::latin_key_for(
            v.get(Field::BirthPlace),
            rec.country,
        ),
        ids,
        personal_emails: kind_flags(rec.keys.get(MatchKey::EmailKinds), &['p']),
        role_emails: kind_flags(rec.keys.get(MatchKey::EmailKinds), role_kinds),
        household_emails: kind_flags(rec.keys.get(MatchKey::EmailKinds), household_kinds),
        mobiles: kind_flags(rec.keys.get(MatchKey::PhoneKinds), &['m', 'b']),
        sure_mobiles: kind_flags(rec.keys.get(MatchKey::PhoneKinds), &['m']),
        ..FeatureValues::default()
    }
    .with_nicknames(nicknames)
    .into()
}

/// Per slot, whether the kinds key (`pw`, `mf`…) marks it `kind`.
fn kind_flags(kinds: &str, wanted: &[char]) -> [bool; 2] {
    let mut chars = kinds.chars();
    let mut next = || chars.next().is_some_and(|k| wanted.contains(&k));
    [next(), next()]
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
    let given = key_or_value(rec.keys.given(), v.get(Field::GivenName));
    let family = key_or_value(rec.keys.family(), v.get(Field::FamilyName));
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
/// The resolved numbers (E.164), with the digits of unresolved ones
/// ([`MatchKey::PhoneDigits`]) in the slots left empty.
fn phones_of(rec: &Record) -> [String; 2] {
    let v = &rec.values;
    let mut phones = [
        phone_digits(v.get(Field::Phone)),
        phone_digits(v.get(Field::PhoneAlt)),
    ];
    let mut unresolved = rec
        .keys
        .get(MatchKey::PhoneDigits)
        .split(' ')
        .filter(|d| !d.is_empty());
    for slot in phones.iter_mut() {
        if slot.is_empty()
            && let Some(d) = unresolved.next()
        {
            *slot = d.to_string();
        }
    }
    phones
}

fn phone_digits(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::MatchKey;

    #[test]
    fn uses_latin_keys_and_keeps_raw_spelling() {
        let mut rec = Record::default();
        rec.values.set(Field::GivenName, "Олександр");
        rec.values.set(Field::FamilyName, "Шевченко");
        rec.keys.set(MatchKey::Given, "oleksandr");
        rec.keys.set(MatchKey::Family, "shevchenko");
        rec.values.set(Field::Email, "O.Shev@Ukr.net");
        let f = compute(
            &rec,
            &[],
            0,
            &DoubleMetaphone::default(),
            &Nicknames::built_in(),
        );
        assert_eq!(f.given(), "oleksandr");
        assert_eq!(f.family_raw(), "шевченко");
        assert_eq!(f.emails()[0], "o.shev@ukr.net");
        assert_eq!(f.email_local(), "o.shev");
        assert!(!f.family_phonetic().is_empty());
        // Олександр's nickname group (Саша, Sasha) is known once per record.
        assert!(!f.given_nicknames.is_empty());
    }

    #[test]
    fn cyrillic_and_latin_localities_meet() {
        let mut a = Record::default();
        a.values.set(Field::Locality, "Бровари");
        let mut b = Record::default();
        b.values.set(Field::Locality, "Brovary");
        let (m, t) = (DoubleMetaphone::default(), Nicknames::built_in());
        let (fa, fb) = (compute(&a, &[], 0, &m, &t), compute(&b, &[], 0, &m, &t));
        assert_eq!(fa.locality(), "brovary");
        assert_eq!(fa.locality(), fb.locality());
    }

    #[test]
    fn glued_thai_khun_is_not_part_of_the_given_name() {
        let mut rec = Record::default();
        rec.values.set(Field::GivenName, "คุณพรทิพย์");
        let f = compute(
            &rec,
            &[],
            0,
            &DoubleMetaphone::default(),
            &Nicknames::built_in(),
        );
        assert_eq!(f.given_raw(), "พรทิพย์");
        assert_eq!(f.given(), crate::normalize::translit::latin_key("พรทิพย์"));
    }

    #[test]
    fn org_tokens_come_from_the_name_when_there_is_no_organisation() {
        let mut rec = Record::default();
        rec.values.set(Field::GivenName, "Маркет");
        rec.values.set(Field::FamilyName, "Короленко");
        rec.keys.set(MatchKey::Given, "market");
        rec.keys.set(MatchKey::Family, "korolenko");
        let mut org = Record::default();
        org.values
            .set(Field::Organization, "ПП \"Короленко Маркет\"");
        org.keys.set(MatchKey::Organization, "korolenko market");
        let (m, t) = (DoubleMetaphone::default(), Nicknames::built_in());
        let (a, b) = (compute(&rec, &[], 0, &m, &t), compute(&org, &[], 0, &m, &t));
        assert_eq!(a.org_tokens(), "korolenko market");
        assert_eq!(a.org_tokens(), b.org_tokens());
    }

    #[test]
    fn a_household_account_is_not_an_organisation() {
        let mut rec = Record::default();
        rec.values.set(Field::GivenName, "Anucha");
        rec.values.set(Field::FamilyName, "Boonma");
        rec.values.set(Field::Organization, "Boonma Household");
        let f = compute(
            &rec,
            &[],
            0,
            &DoubleMetaphone::default(),
            &Nicknames::built_in(),
        );
        assert_eq!(f.organization(), "");
        assert_eq!(f.org_tokens(), "anucha boonma");
        rec.values.set(Field::Organization, "Boonma Logistics");
        let f = compute(
            &rec,
            &[],
            0,
            &DoubleMetaphone::default(),
            &Nicknames::built_in(),
        );
        assert_eq!(f.organization(), "boonma logistics");
    }

    #[test]
    fn full_name_only_is_split() {
        let mut rec = Record::default();
        rec.values.set(Field::FullName, "Mary Ann Smith");
        let f = compute(
            &rec,
            &[],
            0,
            &DoubleMetaphone::default(),
            &Nicknames::built_in(),
        );
        assert_eq!((f.given(), f.family()), ("mary ann", "smith"));
    }
}
