//! Date rules read from `schemas/dates.toml`: field order and calendar per country, month names, filler words.

use crate::error::{Error, Result};
use crate::record::Country;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// Order of day, month and year in a numeric date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum FieldOrder {
    /// 05.03.2024 is 5 March.
    #[serde(rename = "DMY")]
    DayMonthYear,
    /// 03/05/2024 is 5 March.
    #[serde(rename = "MDY")]
    MonthDayYear,
    /// 2024/03/05; a year-last date from such a country is not decided by the country.
    #[serde(rename = "YMD")]
    YearMonthDay,
    /// Both day-first and month-first are common.
    #[serde(rename = "ambiguous")]
    Ambiguous,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Calendar {
    Gregorian,
    Buddhist,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatesFile {
    default_order: FieldOrder,
    #[serde(default)]
    order: BTreeMap<String, FieldOrder>,
    #[serde(default)]
    calendar: BTreeMap<String, Calendar>,
    two_digit_year: TwoDigitYear,
    months: BTreeMap<String, Vec<Vec<String>>>,
    words: Words,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TwoDigitYear {
    ahead: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    ignore: Vec<String>,
    #[serde(default)]
    ignore_prefixes: Vec<String>,
}

/// The compiled date rules, built once per run.
#[derive(Debug)]
pub struct DateRules {
    default_order: FieldOrder,
    orders: HashMap<Country, FieldOrder>,
    buddhist: HashSet<Country>,
    /// How many years ahead of this year a two-digit year may point (created dates).
    pub two_digit_ahead: u32,
    months: HashMap<String, u8>,
    ignore: HashSet<String>,
    ignore_prefixes: Vec<String>,
}

impl DateRules {
    /// Parses the TOML text of `dates.toml`; a month name listed under two months is an error.
    pub fn from_toml(text: &str) -> Result<DateRules> {
        let file: DatesFile =
            toml::from_str(text).map_err(|e| Error::schema(format!("dates.toml: {e}")))?;
        let mut rules = DateRules {
            default_order: file.default_order,
            orders: HashMap::default(),
            buddhist: HashSet::default(),
            two_digit_ahead: file.two_digit_year.ahead.min(99),
            months: HashMap::default(),
            ignore: file.words.ignore.iter().map(|w| fold_word(w)).collect(),
            ignore_prefixes: file
                .words
                .ignore_prefixes
                .iter()
                .map(|w| fold_word(w))
                .collect(),
        };
        for (code, order) in &file.order {
            rules.orders.insert(country_code(code)?, *order);
        }
        for (code, calendar) in &file.calendar {
            if *calendar == Calendar::Buddhist {
                rules.buddhist.insert(country_code(code)?);
            }
        }
        for (lang, months) in &file.months {
            rules.add_months(lang, months)?;
        }
        Ok(rules)
    }

    fn add_months(&mut self, lang: &str, months: &[Vec<String>]) -> Result<()> {
        if months.len() != 12 {
            return Err(Error::schema(format!(
                "dates.toml: months.{lang} must list 12 months"
            )));
        }
        for (index, names) in months.iter().enumerate() {
            let month = index as u8 + 1;
            for name in names {
                let key = fold_word(name);
                match self.months.insert(key.clone(), month) {
                    Some(other) if other != month => {
                        return Err(Error::schema(format!(
                            "dates.toml: month name {name:?} ({lang}) means both month {other} and {month}"
                        )));
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// The field order for year-last numeric dates in `country` (default order when not listed).
    pub fn order(&self, country: Option<Country>) -> FieldOrder {
        match country {
            None => FieldOrder::Ambiguous,
            Some(c) => self.orders.get(&c).copied().unwrap_or(self.default_order),
        }
    }

    /// Whether `country` writes Buddhist-era years.
    pub fn is_buddhist(&self, country: Option<Country>) -> bool {
        country.is_some_and(|c| self.buddhist.contains(&c))
    }

    /// The month (1–12) a folded word names.
    pub fn month(&self, folded: &str) -> Option<u8> {
        self.months.get(folded).copied()
    }

    /// Whether a folded word carries no date information (weekday, year marker, "de").
    pub fn is_ignored(&self, folded: &str) -> bool {
        self.ignore.contains(folded)
            || self
                .ignore_prefixes
                .iter()
                .any(|p| folded.starts_with(p.as_str()))
    }
}

fn country_code(code: &str) -> Result<Country> {
    Country::new(code)
        .ok_or_else(|| Error::schema(format!("dates.toml: bad country code {code:?}")))
}

/// Folds a word for lookup: lower case, Latin/Cyrillic diacritics (U+0300–U+036F) and dots removed.
/// Thai vowel and tone marks are kept.
pub fn fold_word(word: &str) -> String {
    word.nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c) && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::LocaleData;

    fn rules() -> DateRules {
        let text = LocaleData::default()
            .text("dates.toml")
            .map(str::to_string)
            .unwrap_or_default();
        match DateRules::from_toml(&text) {
            Ok(r) => r,
            Err(e) => panic!("built-in dates.toml must load: {e}"),
        }
    }

    #[test]
    fn month_names_in_every_language() {
        let r = rules();
        for (word, month) in [
            ("March", 3),
            ("березня", 3),
            ("Березень", 3),
            ("марта", 3),
            ("มี.ค.", 3),
            ("มีนาคม", 3),
            ("März", 3),
            ("Mär", 3),
            ("mars", 3),
            ("marca", 3),
            ("marzo", 3),
            ("févr.", 2),
            ("Jän.", 1),
            ("août", 8),
            ("ธ.ค.", 12),
            ("listopada", 11),
            ("листопада", 11),
            ("мая", 5),
            ("stycznia", 1),
        ] {
            assert_eq!(r.month(&fold_word(word)), Some(month), "{word}");
        }
        assert_eq!(r.month("marchy"), None);
        assert_eq!(r.month(&fold_word("márc.")), Some(3));
    }

    #[test]
    fn orders_per_country() {
        let r = rules();
        assert_eq!(r.order(Country::new("US")), FieldOrder::MonthDayYear);
        assert_eq!(r.order(Country::new("UA")), FieldOrder::DayMonthYear);
        assert_eq!(r.order(Country::new("TH")), FieldOrder::DayMonthYear);
        assert_eq!(r.order(Country::new("CA")), FieldOrder::Ambiguous);
        assert_eq!(r.order(Country::new("JP")), FieldOrder::YearMonthDay);
        assert_eq!(r.order(None), FieldOrder::Ambiguous);
        assert!(r.is_buddhist(Country::new("TH")));
        assert!(!r.is_buddhist(Country::new("UA")));
    }

    #[test]
    fn a_month_name_under_two_months_is_an_error() {
        let text = LocaleData::default()
            .text("dates.toml")
            .map(str::to_string)
            .unwrap_or_default();
        let broken = text.replace("[\"june\", \"jun\"]", "[\"june\", \"jan\"]");
        assert!(DateRules::from_toml(&broken).is_err());
    }
}
