//! The country table read from `schemas/countries.toml`, and its lookup maps (built once per run).

use super::key;
use crate::error::{Error, Result};
use crate::record::Country;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::collections::BTreeMap;

/// `schemas/countries.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    #[serde(default)]
    missing: Vec<String>,
    country: BTreeMap<String, CountryEntry>,
}

/// One ISO 3166-1 country.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryEntry {
    alpha3: String,
    /// ISO numeric code: kept as reference data, deliberately not used for lookup.
    #[serde(default, rename = "numeric")]
    _numeric: Option<String>,
    name: String,
    #[serde(default)]
    default_encoding: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Facts about one country other stages want.
#[derive(Debug)]
pub struct CountryFacts {
    pub name: String,
    pub default_encoding: Option<String>,
}

/// Lookup maps from folded keys to countries. Keys shared by two countries are removed, never guessed.
#[derive(Debug, Default)]
pub struct CountryTable {
    pub facts: HashMap<Country, CountryFacts>,
    pub exact: HashMap<String, Country>,
    pub stripped: HashMap<String, Country>,
    /// Alpha-2 and alpha-3 codes, upper case.
    pub codes: HashMap<String, Country>,
    /// Exact keys of cell values that mean "no country" ("N/A", "unknown").
    pub missing: HashSet<String>,
    /// Exact keys long enough for typo correction, as chars, sorted by length in chars.
    pub typo_candidates: Vec<(usize, Vec<char>, Country)>,
}

/// Minimum length in characters of a name for an edit-distance-1 correction.
pub const TYPO_MIN_CHARS: usize = 7;

impl CountryTable {
    /// Parses the TOML text of `countries.toml`.
    pub fn from_toml(text: &str) -> Result<CountryTable> {
        let file: CountriesFile =
            toml::from_str(text).map_err(|e| Error::schema(format!("countries.toml: {e}")))?;
        let mut exact = KeyMap::default();
        let mut stripped = KeyMap::default();
        let mut table = CountryTable {
            missing: file
                .missing
                .iter()
                .map(|m| key::exact_key(&key::words(m)))
                .collect(),
            ..CountryTable::default()
        };
        for (code, entry) in &file.country {
            let country = Country::new(code)
                .ok_or_else(|| Error::schema(format!("countries.toml: bad code {code:?}")))?;
            table.codes.insert(code.to_ascii_uppercase(), country);
            table
                .codes
                .insert(entry.alpha3.to_ascii_uppercase(), country);
            for name in std::iter::once(&entry.name).chain(&entry.aliases) {
                let words = key::words(name);
                exact.insert(key::exact_key(&words), country);
                stripped.insert(key::stripped_key(&words), country);
            }
            let facts = CountryFacts {
                name: entry.name.clone(),
                default_encoding: entry.default_encoding.clone(),
            };
            table.facts.insert(country, facts);
        }
        table.exact = exact.finish();
        table.stripped = stripped.finish();
        table.typo_candidates = typo_candidates(&table.exact);
        Ok(table)
    }
}

fn typo_candidates(exact: &HashMap<String, Country>) -> Vec<(usize, Vec<char>, Country)> {
    let mut out: Vec<_> = exact
        .iter()
        .map(|(k, c)| (k.chars().count(), k.chars().collect::<Vec<_>>(), *c))
        .filter(|(n, _, _)| *n >= TYPO_MIN_CHARS - 1)
        .collect();
    out.sort();
    out
}

/// Collects key → country, forgetting keys that name two different countries.
#[derive(Default)]
struct KeyMap {
    map: HashMap<String, Country>,
    clashing: HashSet<String>,
}

impl KeyMap {
    fn insert(&mut self, key: String, country: Country) {
        if key.is_empty() || self.clashing.contains(&key) {
            return;
        }
        match self.map.get(&key) {
            Some(existing) if *existing != country => {
                self.map.remove(&key);
                self.clashing.insert(key);
            }
            _ => {
                self.map.insert(key, country);
            }
        }
    }

    fn finish(self) -> HashMap<String, Country> {
        self.map
    }
}
