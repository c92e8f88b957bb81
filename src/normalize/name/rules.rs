//! Name rules from `schemas/names.toml`, compiled once into lookup tables.

use crate::error::Result;
use crate::locale::LocaleData;
use crate::normalize::translit::{latin_key, latin_key_for, latin_keys};
use crate::record::Country;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct NamesFile {
    order: OrderFile,
    salutation: Vec<SalutationFile>,
    thai_salutation: ThaiSalutationFile,
    suffixes: Vec<String>,
    particles: Vec<String>,
    placeholders: Vec<String>,
    mac_surnames: Vec<String>,
    patronymic_suffixes: Vec<String>,
    family_suffixes: Vec<String>,
    given_name_variants: Vec<Vec<String>>,
    /// Read by [`super::nicknames`]; listed so the file stays strictly checked.
    #[allow(dead_code)]
    nicknames: Vec<Vec<String>>,
    given_names: BTreeMap<String, Vec<String>>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct OrderFile {
    family_first_countries: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SalutationFile {
    canonical: String,
    variants: Vec<String>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    dotted: bool,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct ThaiSalutationFile {
    attached: Vec<[String; 2]>,
    spaced: Vec<[String; 2]>,
}

/// One way of writing a salutation.
#[derive(Clone, Debug)]
pub(super) struct SalutationVariant {
    pub canonical: String,
    /// Only for rows of these countries (empty: any row).
    pub countries: Vec<Country>,
    /// Only when written with a final dot.
    pub dotted: bool,
}

/// The compiled name rules.
#[derive(Debug)]
pub(super) struct NameRules {
    pub family_first_countries: HashSet<Country>,
    /// Lower-case variant (no final dot) → its readings.
    pub salutations: HashMap<String, Vec<SalutationVariant>>,
    /// Thai titles that may be glued to the name, longest first: (prefix, canonical).
    pub thai_attached: Vec<(String, String)>,
    /// Thai titles written as a word of their own: (word, canonical).
    pub thai_spaced: Vec<(String, String)>,
    /// Lower-case suffix without dots → canonical spelling.
    pub suffixes: HashMap<String, String>,
    pub particles: HashSet<String>,
    /// Lower-case values that mean "no name".
    pub placeholders: HashSet<String>,
    /// Lower-case Mac surname → its spelling (`macdonald` → `MacDonald`).
    pub mac_surnames: HashMap<String, String>,
    /// Lower-case endings.
    pub patronymic_suffixes: Vec<String>,
    pub family_suffixes: Vec<String>,
    /// Latin keys of known given names.
    pub given_keys: HashSet<String>,
    /// Latin key of a given-name variant → key of its canonical form (`aleksandr` → `oleksandr`).
    pub given_variants: HashMap<String, String>,
}

impl NameRules {
    pub fn from_locale(locale: &LocaleData) -> Result<NameRules> {
        let file: NamesFile = locale.parse("names.toml")?;
        let mut salutations: HashMap<String, Vec<SalutationVariant>> = HashMap::default();
        for s in &file.salutation {
            let variant = SalutationVariant {
                canonical: s.canonical.clone(),
                countries: s.countries.iter().filter_map(|c| Country::new(c)).collect(),
                dotted: s.dotted,
            };
            for v in &s.variants {
                let key = v.trim_end_matches('.').to_lowercase();
                salutations.entry(key).or_default().push(variant.clone());
            }
        }
        let mut thai_attached: Vec<(String, String)> = file
            .thai_salutation
            .attached
            .into_iter()
            .map(|[a, b]| (a, b))
            .collect();
        thai_attached.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.chars().count()));
        let lower_all =
            |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
        let given_variants = variant_keys(&file.given_name_variants);
        let mut given_keys: HashSet<String> = latin_keys(file.given_names.values().flatten());
        given_keys.extend(given_variants.keys().cloned());
        Ok(NameRules {
            family_first_countries: file
                .order
                .family_first_countries
                .iter()
                .filter_map(|c| Country::new(c))
                .collect(),
            salutations,
            thai_attached,
            thai_spaced: file
                .thai_salutation
                .spaced
                .into_iter()
                .map(|[a, b]| (a, b))
                .collect(),
            suffixes: file
                .suffixes
                .into_iter()
                .map(|s| (s.replace('.', "").to_lowercase(), s))
                .collect(),
            particles: lower_all(file.particles).into_iter().collect(),
            placeholders: lower_all(file.placeholders).into_iter().collect(),
            mac_surnames: file
                .mac_surnames
                .into_iter()
                .map(|s| (s.to_lowercase(), s))
                .collect(),
            patronymic_suffixes: lower_all(file.patronymic_suffixes),
            family_suffixes: lower_all(file.family_suffixes),
            given_keys,
            given_variants,
        })
    }

    /// The canonical salutation `token` stands for in a row of `country`, if any.
    pub fn salutation(&self, token: &str, country: Option<Country>) -> Option<&str> {
        let dotted = token.ends_with('.');
        let key = token.trim_end_matches('.').to_lowercase();
        let Some(readings) = self.salutations.get(&key) else {
            return self.thai_salutation(token);
        };
        readings
            .iter()
            .find(|v| {
                (!v.dotted || dotted)
                    && (v.countries.is_empty() || country.is_some_and(|c| v.countries.contains(&c)))
            })
            .map(|v| v.canonical.as_str())
    }

    /// The canonical form of a Thai title written on its own (`น.ส.` → `นางสาว`).
    fn thai_salutation(&self, token: &str) -> Option<&str> {
        self.thai_attached
            .iter()
            .chain(&self.thai_spaced)
            .find(|(word, _)| word == token)
            .map(|(_, canonical)| canonical.as_str())
    }

    /// Whether `word` is a known given name (compared by Latin key); a hyphenated word is one
    /// when all its parts are ("Анна-Марія", "Jean-Luc").
    pub fn is_given_name(&self, word: &str) -> bool {
        let key = latin_key(word);
        !key.is_empty()
            && (self.given_keys.contains(&key)
                || (key.contains(' ') && key.split(' ').all(|k| self.given_keys.contains(k))))
    }

    /// The matching key of a given name: its Latin key, with each word that is a known variant
    /// replaced by its group's canonical key (`Александр` → `oleksandr`).
    /// Only Cyrillic names, rows of the `family_first_countries` (the ex-USSR) and names whose
    /// family name has a Slavic surname ending (`Alexander Kovalenko` in a sales list with no
    /// country is `Oleksandr Kovalenko`) are mapped: elsewhere "Alexander" keeps its own key,
    /// closer to its nicknames ("Alex").
    pub fn given_key(&self, given: &str, family: &str, country: Option<Country>) -> String {
        let key = latin_key_for(given, country);
        let cyrillic = given
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        let ex_ussr = country.is_some_and(|c| self.family_first_countries.contains(&c));
        let slavic_surname = || {
            let family = latin_key_for(family, country);
            family.split(' ').any(|w| self.has_family_suffix(w))
        };
        if !key.split(' ').any(|w| self.given_variants.contains_key(w))
            || !(cyrillic || ex_ussr || slavic_surname())
        {
            return key;
        }
        let words: Vec<&str> = key
            .split(' ')
            .map(|w| self.given_variants.get(w).map_or(w, String::as_str))
            .collect();
        words.join(" ")
    }

    /// Whether `word` ends like a patronymic (and is long enough to have a stem before it).
    pub fn is_patronymic(&self, word: &str) -> bool {
        ends_with_any(word, &self.patronymic_suffixes, 3)
    }

    /// Whether `word` ends like a surname.
    pub fn has_family_suffix(&self, word: &str) -> bool {
        ends_with_any(word, &self.family_suffixes, 2)
    }

    /// Whether `word` is a surname particle (`van`, `de`).
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(&word.to_lowercase())
    }

    /// The canonical spelling of a name suffix (`jr` → `Jr.`).
    pub fn suffix(&self, word: &str) -> Option<&str> {
        self.suffixes
            .get(&word.replace('.', "").to_lowercase())
            .map(String::as_str)
    }
}

/// Maps the keys of every variant (read both the Ukrainian and the Russian way) to the key
/// of the group's first name.
fn variant_keys(groups: &[Vec<String>]) -> HashMap<String, String> {
    let russian = Country::new("RU");
    let mut map = HashMap::default();
    for group in groups {
        let Some(canonical) = group.first().map(|n| latin_key(n)) else {
            continue;
        };
        for name in group {
            for key in [latin_key(name), latin_key_for(name, russian)] {
                if !key.is_empty() {
                    map.entry(key).or_insert_with(|| canonical.clone());
                }
            }
        }
    }
    map
}

/// Whether lower-cased `word` ends with one of `suffixes` and keeps at least `stem` characters
/// before it.
fn ends_with_any(word: &str, suffixes: &[String], stem: usize) -> bool {
    let lower = word.to_lowercase();
    let len = lower.chars().count();
    suffixes
        .iter()
        .any(|s| lower.ends_with(s.as_str()) && len >= s.chars().count() + stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_override_file_is_enough() {
        let mut locale = LocaleData::default();
        locale.set(
            "names.toml",
            "[[salutation]]\ncanonical = \"Capt\"\nvariants = [\"capt\", \"captain\"]\n",
        );
        let rules = NameRules::from_locale(&locale).unwrap();
        assert_eq!(rules.salutation("CAPTAIN", None), Some("Capt"));
        assert_eq!(rules.salutation("Mr", None), None);
        assert!(!rules.is_given_name("John"));
    }

    #[test]
    fn built_in_rules_know_names_in_both_scripts() {
        let rules = NameRules::from_locale(&LocaleData::default()).unwrap();
        assert!(rules.is_given_name("Олександр") && rules.is_given_name("Oleksandr"));
        assert!(rules.is_given_name("Jean-Luc"));
        assert!(rules.is_patronymic("Іванівна") && !rules.is_patronymic("Іван"));
        assert!(rules.has_family_suffix("Шевченко") && !rules.has_family_suffix("Марко"));
        assert_eq!(rules.salutation("Fr.", Country::new("DE")), Some("Frau"));
        assert_eq!(rules.salutation("Fr", Country::new("DE")), None);
    }
}
