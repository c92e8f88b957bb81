//! Countries: any common, native or ISO form to ISO 3166-1 alpha-2; decides the row's country.
//!
//! Matching order: ISO alpha-2/alpha-3 codes and every alias folded (case, diacritics, punctuation, spacing);
//! then the same names with filler words dropped ("Republic of", "the", Thai ประเทศ); then a single-edit typo
//! on names of 7+ letters when exactly one country is that close (reported as `country.typo_corrected`).
//! Nothing else is guessed here; a row with no country in a file without a default takes the one
//! its own cells show (`Normalizer::infer_country`, reported as `country.inferred`).

mod key;
mod table;

use super::RowContext;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Country, Field, Record};
use table::{CountryTable, TYPO_MIN_CHARS};

/// Characters that separate several writings of one country in a cell. Commas are not among them:
/// "Guinea, Equatorial" is one name.
const PART_SEPARATORS: &[char] = &['/', '|', ';', '(', ')', '[', ']'];

/// How a country cell was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryMatch {
    /// A code, a known name, or a known name with filler words.
    Known(Country),
    /// One letter away from exactly one known name.
    TypoCorrected(Country),
}

impl CountryMatch {
    /// The country, however it was found.
    pub fn country(self) -> Country {
        match self {
            CountryMatch::Known(c) | CountryMatch::TypoCorrected(c) => c,
        }
    }
}

/// Resolves country names and codes; built once per run, shared across threads.
pub struct CountryNormalizer {
    table: CountryTable,
}

impl CountryNormalizer {
    /// Builds the table from `schemas/countries.toml`.
    pub fn from_locale(locale: &LocaleData) -> Result<CountryNormalizer> {
        let table = CountryTable::from_toml(locale.text("countries.toml")?)?;
        Ok(CountryNormalizer { table })
    }

    /// The ISO code for a country written any common way, if known (typos of long names included).
    pub fn parse(&self, text: &str) -> Option<Country> {
        self.resolve(text).map(CountryMatch::country)
    }

    /// Whether a cell means "no country": empty, no letters or digits ("-"), or a marker such as "N/A".
    pub fn is_missing(&self, text: &str) -> bool {
        let exact = key::exact_key(&key::words(text));
        exact.is_empty() || self.table.missing.contains(&exact)
    }

    /// Like [`parse`](Self::parse), telling whether a typo was corrected. A cell holding the same
    /// country in several forms ("Deutschland (DE)", "Ukraine / Україна") is that country.
    pub fn resolve(&self, text: &str) -> Option<CountryMatch> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        self.resolve_one(text).or_else(|| self.resolve_parts(text))
    }

    fn resolve_parts(&self, text: &str) -> Option<CountryMatch> {
        let mut parts = text
            .split(PART_SEPARATORS)
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let first = parts.next()?;
        if first.len() == text.len() {
            return None;
        }
        let found = self.resolve_one(first)?;
        for part in parts {
            if self.resolve_one(part)?.country() != found.country() {
                return None;
            }
        }
        Some(found)
    }

    fn resolve_one(&self, text: &str) -> Option<CountryMatch> {
        if let Some(c) = self.lookup_code_forms(text) {
            return Some(CountryMatch::Known(c));
        }
        let words = key::words(text);
        let exact = key::exact_key(&words);
        if let Some(c) = self.table.exact.get(&exact) {
            return Some(CountryMatch::Known(*c));
        }
        if let Some(c) = self.table.stripped.get(&key::stripped_key(&words)) {
            return Some(CountryMatch::Known(*c));
        }
        self.typo_match(&exact).map(CountryMatch::TypoCorrected)
    }

    /// English short name (`"Ukraine"`); empty for a code not in the table.
    pub fn name(&self, country: Country) -> &str {
        self.table
            .facts
            .get(&country)
            .map_or("", |f| f.name.as_str())
    }

    /// The legacy code page exports from `country` usually use (`"windows-1251"` for UA), if known.
    pub fn default_encoding(&self, country: Country) -> Option<&str> {
        self.table.facts.get(&country)?.default_encoding.as_deref()
    }

    /// Whether `country` is an ISO 3166-1 code in the table.
    pub fn is_known(&self, country: Country) -> bool {
        self.table.facts.contains_key(&country)
    }

    /// Sets `rec.country` and the `country` value: the country column if it parses, else the source default.
    /// An unrecognised cell is reported as `country.unknown` and the default is used.
    /// Returns whether the country came from the row's own column.
    pub fn apply(&self, rec: &mut Record, ctx: &RowContext, issues: &mut Vec<Issue>) -> bool {
        let raw = rec.raw.get(Field::Country).trim();
        let parsed = match self.resolve(raw) {
            Some(m) => {
                if let CountryMatch::TypoCorrected(c) = m {
                    issues.push(self.typo_issue(raw, c));
                }
                Some(m.country())
            }
            None if self.is_missing(raw) => None,
            None => {
                issues.push(unknown_issue(raw, ctx.default_country));
                None
            }
        };
        let country = parsed.or(ctx.default_country);
        rec.country = country;
        let value = country.map(|c| c.to_string()).unwrap_or_default();
        rec.values.set(Field::Country, value);
        parsed.is_some()
    }

    /// Codes written as codes: "ua", "UKR", a flag emoji. Three digits are not read as an
    /// ISO numeric code: in CRM exports they are as often a calling code ("380" is Ukraine's
    /// calling code but Italy's ISO number), so such a cell is reported, not guessed.
    fn lookup_code_forms(&self, text: &str) -> Option<Country> {
        if text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if (2..=3).contains(&text.len())
            && text.bytes().all(|b| b.is_ascii_alphabetic())
            && let Some(c) = self.table.codes.get(&text.to_ascii_uppercase())
        {
            return Some(*c);
        }
        let flag = key::flag_letters(text)?;
        Country::new(&flag).filter(|c| self.is_known(*c))
    }

    /// The one country whose name is a single edit away from `exact`, for names of 7+ letters.
    fn typo_match(&self, exact: &str) -> Option<Country> {
        let chars: Vec<char> = exact.chars().collect();
        let len = chars.len();
        if len < TYPO_MIN_CHARS {
            return None;
        }
        let candidates = &self.table.typo_candidates;
        let from = candidates.partition_point(|(n, _, _)| *n + 1 < len);
        let mut found: Option<Country> = None;
        for (n, candidate, country) in candidates.get(from..).unwrap_or_default() {
            if *n > len + 1 {
                break;
            }
            if !one_edit_apart(candidate, &chars) {
                continue;
            }
            match found {
                Some(f) if f != *country => return None,
                _ => found = Some(*country),
            }
        }
        found
    }

    fn typo_issue(&self, raw: &str, country: Country) -> Issue {
        let message = format!("read as {} ({country}), one letter off", self.name(country));
        Issue::info(Field::Country, "country.typo_corrected", raw, message)
            .with_suggestion(country.to_string())
    }
}

/// Whether `a` becomes `b` by exactly one substitution, insertion or deletion.
fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 => prefix < short.len() && short.get(prefix + 1..) == long.get(prefix + 1..),
        1 => short.get(prefix..) == long.get(prefix + 1..),
        _ => false,
    }
}

fn unknown_issue(raw: &str, default: Option<Country>) -> Issue {
    let message = match default {
        Some(d) => format!("unrecognised country; the source default {d} was used"),
        None => "unrecognised country; no default country is configured".to_string(),
    };
    Issue::warning(Field::Country, "country.unknown", raw, message)
}

#[cfg(test)]
mod tests;
