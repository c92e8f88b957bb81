//! Personal names: case, salutations, full-name splitting per locale order, transliteration keys.
//!
//! Reads `Salutation`, `GivenName`, `MiddleName`, `FamilyName`, `FullName` from `rec.raw` (any
//! subset), writes the same fields to `rec.values` and `rec.keys.{given, family,
//! family_phonetic}`. Keys are [`latin_key_for`] of the part in the row's country; the given
//! key of a name listed in `given_name_variants` is the key of its Ukrainian form
//! ("Александр", "Alexander" → `oleksandr`). `FullName` becomes the display form
//! "Given Middle Family" (suffixes such as "Jr." after it). Words typed in two scripts
//! ("Ivаn" with a Cyrillic а) are first written in one ([`unmix_scripts`]). Thai names keep
//! their spelling; other scripts get case repaired only when a part is ALL-CAPS or all-lower
//! (see [`case`]). Splitting rules are in [`split`]. The `nicknames` table of the same file
//! is built for the dedupe ([`nicknames`]).

mod case;
pub mod nicknames;
mod rules;
mod salutation;
mod split;

use super::RowContext;
use super::text::clean;
use super::translit::{latin_key, latin_key_for, unmix_scripts};
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Field, MatchKey, Record};
use rphonetic::DoubleMetaphone;
use rules::NameRules;

/// Normalises personal names; built once per run, shared across threads.
pub struct NameNormalizer {
    rules: NameRules,
    metaphone: DoubleMetaphone,
}

/// The name parts of one record while they are being worked on.
#[derive(Debug, Default)]
struct Parts {
    salutation: Vec<String>,
    given: String,
    middle: String,
    family: String,
    suffixes: Vec<String>,
}

impl NameNormalizer {
    /// Builds the normaliser from `schemas/names.toml`.
    pub fn from_locale(locale: &LocaleData) -> Result<NameNormalizer> {
        Ok(NameNormalizer {
            rules: NameRules::from_locale(locale)?,
            metaphone: DoubleMetaphone::default(),
        })
    }

    /// Whether `word` is a known given name (compared by Latin key).
    pub fn is_given_name(&self, word: &str) -> bool {
        self.rules.is_given_name(word)
    }

    /// The order the evidence reads one full-name cell in (see [`split`]); `None` when it
    /// does not decide one.
    pub fn evidence_order(
        &self,
        raw: &str,
        country: Option<crate::record::Country>,
    ) -> Option<crate::config::NameOrder> {
        let value = case::unify_apostrophes(&unmix_scripts(&clean(raw)));
        let (_, rest) = salutation::take_salutations(&value, country, &self.rules);
        let (_, rest) = salutation::take_suffixes(&rest, &self.rules);
        split::evidence_order(&rest, country, &self.rules)
    }

    /// Normalises the record's names in place.
    pub fn apply(&self, rec: &mut Record, ctx: &RowContext, issues: &mut Vec<Issue>) {
        let mut read = |f: Field| {
            let value = case::unify_apostrophes(&unmix_scripts(&clean(rec.raw.get(f))));
            if !value.is_empty() && self.rules.placeholders.contains(&value.to_lowercase()) {
                issues.push(placeholder(f, rec.raw.get(f)));
                return String::new();
            }
            value
        };
        let full = read(Field::FullName);
        let mut parts = Parts {
            given: read(Field::GivenName),
            middle: read(Field::MiddleName),
            family: read(Field::FamilyName),
            ..Parts::default()
        };
        let raw_salutation = read(Field::Salutation);
        if !raw_salutation.is_empty() {
            let canonical = self.rules.salutation(&raw_salutation, rec.country);
            parts
                .salutation
                .push(canonical.map_or(raw_salutation.clone(), str::to_string));
        }
        self.take_affixes(&mut parts, rec);
        let full = self.take_full_affixes(&full, &mut parts, rec);
        self.fill_from_full(&full, &mut parts, rec, ctx, issues);
        self.move_patronymic_out_of_given(&mut parts);
        self.repair_case(&mut parts);
        self.write(rec, parts);
    }

    /// Moves salutations off the given name (or the family name when there is no given name)
    /// and suffixes off the family name.
    fn take_affixes(&self, parts: &mut Parts, rec: &Record) {
        let target = if parts.given.is_empty() {
            &mut parts.family
        } else {
            &mut parts.given
        };
        let (found, rest) = salutation::take_salutations(target, rec.country, &self.rules);
        *target = rest;
        push_new(&mut parts.salutation, found);
        let (suffixes, rest) = salutation::take_suffixes(&parts.family, &self.rules);
        parts.family = rest;
        parts.suffixes = suffixes;
    }

    /// Salutations and suffixes of the full name; returns what is left of it.
    fn take_full_affixes(&self, full: &str, parts: &mut Parts, rec: &Record) -> String {
        let (mut found, mut rest) = salutation::take_salutations(full, rec.country, &self.rules);
        // "Schmidt, Dr. Anna": a salutation after the comma of "Family, Given".
        if let Some((family, given)) = rest.split_once(',') {
            let (after_comma, given) =
                salutation::take_salutations(given, rec.country, &self.rules);
            if !after_comma.is_empty() {
                found.extend(after_comma);
                rest = format!("{family}, {given}");
            }
        }
        // A given name that is spelled like a salutation ("Mx", or "Mz", read as "Ms") stays
        // a given name: the full name starts with it.
        let given_first = latin_key(parts.given.split(' ').next().unwrap_or(""));
        let full_first = latin_key(full.split_whitespace().next().unwrap_or(""));
        let full_starts_with_given =
            !found.is_empty() && !given_first.is_empty() && full_first == given_first;
        if full_starts_with_given || found.iter().any(|s| latin_key(s) == given_first) {
            rest = full.to_string();
        } else {
            push_new(&mut parts.salutation, found);
        }
        let (suffixes, without) = salutation::take_suffixes(&rest, &self.rules);
        // A surname that is spelled like a suffix ("Md") stays a surname.
        let family_last = latin_key(parts.family.rsplit(' ').next().unwrap_or(""));
        if suffixes.iter().any(|s| latin_key(s) == family_last) {
            return rest;
        }
        push_new(&mut parts.suffixes, suffixes);
        without
    }

    /// Fills missing parts from the full name: a split when no part is known, else the
    /// words the known part does not account for.
    fn fill_from_full(
        &self,
        full: &str,
        parts: &mut Parts,
        rec: &Record,
        ctx: &RowContext,
        issues: &mut Vec<Issue>,
    ) {
        if full.is_empty() || (!parts.given.is_empty() && !parts.family.is_empty()) {
            return;
        }
        if parts.given.is_empty() && parts.family.is_empty() {
            let s = split::split_full_name(full, ctx.name_order, rec.country, &self.rules);
            if s.guessed {
                issues.push(order_guessed(rec.raw.get(Field::FullName), &s));
            }
            parts.given = s.given;
            parts.family = s.family;
            if parts.middle.is_empty() {
                parts.middle = s.middle;
            }
            return;
        }
        let known = if parts.given.is_empty() {
            &parts.family
        } else {
            &parts.given
        };
        let Some(rest) = words_not_in(full, known) else {
            return;
        };
        let several = rest.len() > 1;
        let (middle, other): (Vec<&str>, Vec<&str>) = rest
            .into_iter()
            .partition(|w| several && self.rules.is_patronymic(w));
        if parts.middle.is_empty() {
            parts.middle = middle.join(" ");
        }
        let other = other.join(" ");
        if parts.given.is_empty() {
            parts.given = other;
        } else {
            parts.family = other;
        }
    }

    /// "Олександр Іванович" in the given-name column: the patronymic goes to the middle name;
    /// so does the second of glued initials ("О.І.").
    fn move_patronymic_out_of_given(&self, parts: &mut Parts) {
        if !parts.middle.is_empty() {
            return;
        }
        if let Some((first, rest)) = split::split_initials(&parts.given) {
            parts.middle = rest.to_string();
            parts.given = first.to_string();
            return;
        }
        if let Some((given, last)) = parts.given.rsplit_once(' ')
            && self.rules.is_patronymic(last)
            && !given.contains(' ')
        {
            parts.middle = last.to_string();
            parts.given = given.to_string();
        }
    }

    fn repair_case(&self, parts: &mut Parts) {
        let mut starts_name = true;
        for part in [&mut parts.given, &mut parts.middle, &mut parts.family] {
            if case::needs_case_repair(part) {
                *part = case::title_case(part, starts_name, &self.rules);
            }
            starts_name &= part.is_empty();
        }
    }

    fn write(&self, rec: &mut Record, parts: Parts) {
        let mut display: Vec<&str> = [&parts.given, &parts.middle, &parts.family]
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(String::as_str)
            .collect();
        display.extend(parts.suffixes.iter().map(String::as_str));
        rec.values.set(Field::FullName, display.join(" "));
        rec.values
            .set(Field::Salutation, parts.salutation.join(" "));
        rec.keys.set(
            MatchKey::Given,
            self.rules
                .given_key(&parts.given, &parts.family, rec.country),
        );
        let family = latin_key_for(&parts.family, rec.country);
        rec.keys
            .set(MatchKey::FamilyPhonetic, self.phonetic(&family));
        rec.keys.set(MatchKey::Family, family);
        rec.values.set(Field::GivenName, parts.given);
        rec.values.set(Field::MiddleName, parts.middle);
        rec.values.set(Field::FamilyName, parts.family);
    }

    /// Double Metaphone (primary, 4 letters) of a family key without its particles and spaces
    /// (`von der leyen` → code of `leyen`); empty for keys that are not ASCII (scripts without a
    /// transliteration table).
    fn phonetic(&self, family_key: &str) -> String {
        if family_key.is_empty() || !family_key.is_ascii() {
            return String::new();
        }
        let words = family_key.split(' ');
        let mut joined: String = words
            .clone()
            .filter(|w| !self.rules.is_particle(w))
            .collect();
        if joined.is_empty() {
            joined = words.collect();
        }
        self.metaphone.double_metaphone(&joined).primary()
    }
}

/// Appends the items of `found` that `list` does not hold yet.
fn push_new(list: &mut Vec<String>, found: Vec<String>) {
    for item in found {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

/// The words of `full` left once every word of `known` is taken out (compared by Latin key);
/// `None` when some word of `known` is not in `full` (the columns disagree).
fn words_not_in<'a>(full: &'a str, known: &str) -> Option<Vec<&'a str>> {
    let mut rest: Vec<&str> = full.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    for word in known.split(' ').filter(|w| !w.is_empty()) {
        let key = latin_key(word);
        let at = rest.iter().position(|w| latin_key(w) == key)?;
        rest.remove(at);
    }
    Some(rest)
}

fn placeholder(field: Field, raw: &str) -> Issue {
    Issue::info(
        field,
        "name.placeholder",
        raw,
        "The value stands for a missing name; it was treated as empty.",
    )
}

/// The reading is the suggestion (`family, given`), never the message: messages repeat no
/// values, so that `mask_pii` can hide every one.
fn order_guessed(raw: &str, split: &split::SplitName) -> Issue {
    Issue::info(
        Field::FullName,
        "name.order_ambiguous",
        raw,
        "Nothing in the name shows which word is the surname; the suggestion shows how it was read (family name, given name).",
    )
    .with_suggestion(format!("{}, {}", split.family, split.given))
}

#[cfg(test)]
mod tests;
