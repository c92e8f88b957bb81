//! Organisation names: legal forms recognised and separated, matching key.
//!
//! `rec.values.organization` is the cleaned name as written (NFC, whitespace collapsed,
//! look-alike letters of a mixed-script word put in one script, legal form kept and spelled
//! as typed). Case is left alone: organisation names are full of
//! acronyms and brand spellings ("IBM", "eBay", "ДТЕК") that no rule repairs safely.
//! `rec.keys.organization()` is the name without its legal form, quotes and punctuation,
//! `&` read as "and", a leading English "The" dropped, transliterated by
//! [`latin_key_for`]: "ТОВ «Ромашка»" and "Romashka LLC" both give
//! `romashka`.

mod business;
mod legal;

pub use business::{BusinessWords, WordKind};
pub use legal::LegalForms;

use super::RowContext;
use super::text::clean;
use super::translit::{latin_key_for, unmix_scripts};
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Country, Field, MatchKey, Record};

/// Normalises organisation names; built once per run, shared across threads.
pub struct OrgNormalizer {
    forms: LegalForms,
    business: BusinessWords,
}

impl OrgNormalizer {
    /// Builds the normaliser from `schemas/organizations.toml`.
    pub fn from_locale(locale: &LocaleData) -> Result<OrgNormalizer> {
        Ok(OrgNormalizer {
            forms: LegalForms::from_locale(locale)?,
            business: BusinessWords::from_locale(locale)?,
        })
    }

    /// Normalises the record's organisation name in place.
    pub fn apply(&self, rec: &mut Record, _ctx: &RowContext, _issues: &mut Vec<Issue>) {
        let name = unmix_scripts(&clean(rec.raw.get(Field::Organization)));
        let key = self.key_for(&name, rec.country);
        rec.keys.set(MatchKey::OrgCore, self.core_of_key(&key));
        rec.keys.set(MatchKey::Organization, key);
        rec.values.set(Field::Organization, name);
    }

    /// What one word says about a name being an organisation's ([`BusinessWords::word_kind`]).
    pub fn word_kind(&self, word: &str) -> Option<WordKind> {
        self.business.word_kind(word)
    }

    /// The distinctive words of an organisation key, sorted and unique: the key without the
    /// business, kind and function words many organisations share; all its words when it
    /// has nothing else (`Steak House`).
    pub fn core_of_key(&self, key: &str) -> String {
        let mut words: Vec<&str> = key
            .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
            .filter(|w| !w.is_empty())
            .collect();
        let distinctive: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| self.business.word_kind(w).is_none())
            .collect();
        if !distinctive.is_empty() {
            words = distinctive;
        }
        words.sort_unstable();
        words.dedup();
        words.join(" ")
    }

    /// Splits `name` into its core and the canonical spelling of its legal form, if any.
    pub fn split_legal_form<'a>(&'a self, name: &str) -> (String, Option<&'a str>) {
        self.forms.split(&clean(name))
    }

    /// Whether a name column's `text` holds a company: a legal form, or a business word
    /// beside another word ([`BusinessWords::names_a_business`]).
    pub fn is_company(&self, text: &str) -> bool {
        self.split_legal_form(text).1.is_some() || self.business.names_a_business(text)
    }

    /// Whether a name column's `text` names a desk, not a person ([`BusinessWords::names_a_role`]).
    pub fn is_desk(&self, text: &str) -> bool {
        self.business.names_a_role(text)
    }

    /// The matching key of an organisation name (`ТОВ «Ромашка»` → `romashka`).
    pub fn key(&self, name: &str) -> String {
        self.key_for(name, None)
    }

    /// [`OrgNormalizer::key`] for a row of `country` (which decides how Cyrillic is read, see
    /// [`latin_key_for`]).
    ///
    /// A part in brackets is a qualifier, not the name (`Spago (Los Angeles)`, `Acme
    /// (Pty)`), and an English `the` is dropped at either end, where catalogues put it
    /// (`The Palm`, `Palm, The`).
    pub fn key_for(&self, name: &str, country: Option<Country>) -> String {
        let (core, _) = self.forms.split(&without_brackets(name));
        let key = latin_key_for(&core.replace('&', " and "), country);
        let key = key.strip_prefix("the ").unwrap_or(&key);
        let key = key.strip_suffix(" the").unwrap_or(key);
        key.to_string()
    }
}

/// `name` without its parts in round or square brackets; the name itself when nothing is
/// left outside them.
fn without_brackets(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    if out.trim().is_empty() {
        name.to_string()
    } else {
        clean(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn normalizer() -> OrgNormalizer {
        OrgNormalizer::from_locale(&LocaleData::default()).unwrap()
    }

    fn apply(n: &OrgNormalizer, raw: &str) -> Record {
        let mut rec = Record::default();
        rec.raw.set(Field::Organization, raw);
        n.apply(&mut rec, &RowContext::default(), &mut Vec::new());
        rec
    }

    #[test]
    fn same_company_in_two_scripts_meets() {
        let n = normalizer();
        assert_eq!(n.key("ТОВ «Ромашка»"), "romashka");
        assert_eq!(n.key("Romashka LLC"), "romashka");
        assert_eq!(n.key("ООО \"Ромашка\""), "romashka");
    }

    #[test]
    fn key_reads_ampersand_and_drops_the() {
        let n = normalizer();
        assert_eq!(
            n.key("The Johnson & Johnson Company"),
            "johnson and johnson"
        );
        assert_eq!(n.key("JOHNSON AND JOHNSON"), "johnson and johnson");
        assert_eq!(n.key("Müller GmbH"), "muller");
    }

    #[test]
    fn display_value_is_cleaned_not_rewritten() {
        let n = normalizer();
        let rec = apply(&n, "  ТОВ   «Ромашка» ");
        assert_eq!(rec.values.get(Field::Organization), "ТОВ «Ромашка»");
        assert_eq!(rec.keys.organization(), "romashka");
        let rec = apply(&n, "IBM Deutschland GmbH");
        assert_eq!(rec.values.get(Field::Organization), "IBM Deutschland GmbH");
    }

    #[test]
    fn legal_forms_split_off_in_several_scripts() {
        let n = normalizer();
        assert_eq!(
            n.split_legal_form("Siemens AG"),
            ("Siemens".to_string(), Some("AG"))
        );
        assert_eq!(
            n.split_legal_form("ПрАТ «Київстар»"),
            ("Київстар".to_string(), Some("ПрАТ"))
        );
    }

    proptest! {
        #[test]
        fn normalising_twice_is_normalising_once(s in "\\PC{0,40}") {
            let n = normalizer();
            let once = apply(&n, &s);
            let twice = apply(&n, once.values.get(Field::Organization));
            prop_assert_eq!(once.values.get(Field::Organization), twice.values.get(Field::Organization));
            prop_assert_eq!(once.keys.organization(), twice.keys.organization());
        }
    }
}
