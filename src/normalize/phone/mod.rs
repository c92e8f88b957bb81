//! Phone numbers: E.164, extensions and number types, per the row's country.
//!
//! A cell goes through three steps: `cell` reads the text (Excel damage, labels in many
//! languages, several numbers per cell, extensions), `resolve` decides which reading of the
//! digits a person would pick (`+`, `00`, `011`, `8 10` prefixes, a country code written
//! without `+`, the old Ukrainian `8 0XX` form, national numbers with the row's country), and
//! [`PhoneNormalizer::apply`] writes `phone`, `phone_ext`, `phone_type` and `phone_alt`.
//! A national number in a row without a country is not guessed, and a number the numbering
//! plan does not have is a finding (`phone.invalid`), never an output.
//!
//! # Why `rlibphonenumber`
//! Both maintained ports of libphonenumber were measured with `cargo bench --bench
//! phone_accuracy` on `benches/data/phones.csv` (8,000 generated cells, 17 countries, the messy
//! shapes of real exports), parsing each cell raw with the row's country:
//!
//! | method | recovered | wrong | cells/s, 1 thread | cells/s, rayon (2 busy cores) |
//! | --- | --- | --- | --- | --- |
//! | this normaliser (on `rlibphonenumber`) | 99.96% | 0.05% | 88,000 | 60,000 |
//! | raw `rlibphonenumber` 2.2.15 | 80.5% | 0.56% | 343,000 | 221,000 |
//! | raw `phonenumber` 0.3.10 | 78.4% | 0.41% | 750 | 500 |
//!
//! Raw accuracy is similar (both miss `0066…`, `8 0XX…`, `+49 (0)…`, labels and several numbers
//! per cell; `rlibphonenumber` has newer metadata, 9.0.42 against 9.0.33), but `phonenumber` was
//! about 450× slower single-threaded, and its shared regex cache sits behind a mutex, so
//! `rlibphonenumber` is used. Its utility is a static with no lock after initialisation, so the
//! normaliser is `Sync` and threads share nothing mutable. (The rayon column was measured on a
//! 2-core machine loaded by other builds, where no method sped up; it is not a scaling figure.)

mod cell;
mod resolve;

pub use cell::{CellContent, CellRules, Piece};
pub use resolve::{Outcome, Resolved, RowRegion, resolve};

use super::RowContext;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Country, Field, MatchKey, Record};
use rlibphonenumber::PHONE_NUMBER_UTIL;
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

/// Word lists from `schemas/phone.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneRules {
    pub labels: Vec<String>,
    pub extension_markers: Vec<String>,
    pub separators: Vec<String>,
    pub placeholders: Vec<String>,
}

/// A number found in a cell, ready for the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneValue {
    pub e164: String,
    pub ext: String,
    pub kind: &'static str,
}

/// Digits an unresolved number needs to be kept for comparison: the shortest subscriber
/// numbers in use (small countries' and old local numbers) have six.
const MIN_UNRESOLVED_DIGITS: usize = 6;

/// Normalises phone numbers; built once, shared across threads.
pub struct PhoneNormalizer {
    cells: CellRules,
    regions: HashMap<Country, RowRegion>,
}

impl PhoneNormalizer {
    /// Builds the normaliser from the schema data.
    pub fn from_locale(locale: &LocaleData) -> Result<PhoneNormalizer> {
        let rules: PhoneRules = locale.parse("phone.toml")?;
        let regions = PHONE_NUMBER_UTIL
            .get_supported_regions()
            .filter_map(|region| {
                let code = region.to_string();
                Some((Country::new(&code)?, RowRegion::of(&code)?))
            })
            .collect();
        Ok(PhoneNormalizer {
            cells: CellRules::new(&rules)?,
            regions,
        })
    }

    /// Normalises the record's phone numbers in place.
    pub fn apply(&self, rec: &mut Record, _ctx: &RowContext, issues: &mut Vec<Issue>) {
        let row = rec.country.and_then(|c| self.regions.get(&c));
        let mut found: Vec<PhoneValue> = Vec::new();
        let mut unresolved: Vec<String> = Vec::new();
        for field in [Field::Phone, Field::PhoneAlt] {
            let raw = rec.raw.get(field);
            let (values, digits) = self.read_cell(raw, field, row, issues);
            for value in values {
                if !found.iter().any(|f| f.e164 == value.e164) {
                    found.push(value);
                }
            }
            for d in digits {
                if !unresolved.contains(&d) {
                    unresolved.push(d);
                }
            }
        }
        unresolved.truncate(2usize.saturating_sub(found.len().min(2)));
        rec.keys.set(MatchKey::PhoneDigits, unresolved.join(" "));
        let (first, alt) = (found.first(), found.get(1));
        let kinds: String = found
            .iter()
            .take(2)
            .map(|f| match f.kind {
                "mobile" => 'm',
                // The plan does not tell (US and Canadian numbers): a mobile or a landline.
                "fixed_line_or_mobile" => 'b',
                _ => 'f',
            })
            .collect();
        rec.keys.set(MatchKey::PhoneKinds, kinds);
        let separate_ext = digits_only(rec.raw.get(Field::PhoneExt));
        let ext = match first {
            Some(f) if !f.ext.is_empty() => f.ext.clone(),
            Some(_) => separate_ext,
            None => String::new(),
        };
        rec.values.set(
            Field::Phone,
            first.map(|f| f.e164.clone()).unwrap_or_default(),
        );
        rec.values.set(Field::PhoneExt, ext);
        rec.values
            .set(Field::PhoneType, first.map(|f| f.kind).unwrap_or_default());
        rec.values.set(
            Field::PhoneAlt,
            alt.map(|f| f.e164.clone()).unwrap_or_default(),
        );
        if found.len() > 2 {
            let extra: Vec<&str> = found.iter().skip(2).map(|f| f.e164.as_str()).collect();
            issues.push(
                Issue::info(
                    Field::PhoneAlt,
                    "phone.too_many",
                    rec.raw.get(Field::Phone),
                    format!(
                        "{} more number(s) than phone and phone_alt can hold",
                        extra.len()
                    ),
                )
                .with_suggestion(extra.join(", ")),
            );
        }
    }

    /// Every valid number in one cell, with a finding for each one that is not.
    pub fn cell_numbers(
        &self,
        raw: &str,
        field: Field,
        row: Option<&RowRegion>,
        issues: &mut Vec<Issue>,
    ) -> Vec<PhoneValue> {
        self.read_cell(raw, field, row, issues).0
    }

    /// [`Self::cell_numbers`], and the digits of the numbers written in the cell that could
    /// not be resolved (no country, or invalid in the plan) but are long enough to be a
    /// local number ([`MIN_UNRESOLVED_DIGITS`]).
    fn read_cell(
        &self,
        raw: &str,
        field: Field,
        row: Option<&RowRegion>,
        issues: &mut Vec<Issue>,
    ) -> (Vec<PhoneValue>, Vec<String>) {
        let pieces = match self.cells.read(raw) {
            CellContent::Empty => return (Vec::new(), Vec::new()),
            CellContent::Numbers(pieces) => pieces,
            CellContent::ExcelDamaged => {
                let msg = "Excel turned the number into scientific notation; its digits are lost";
                issues.push(Issue::warning(field, "phone.excel_damaged", raw, msg));
                return (Vec::new(), Vec::new());
            }
            CellContent::NoDigits => {
                issues.push(Issue::warning(
                    field,
                    "phone.unparseable",
                    raw,
                    "no digits in a phone cell",
                ));
                return (Vec::new(), Vec::new());
            }
        };
        let mut values = Vec::new();
        let mut unresolved = Vec::new();
        for piece in &pieces {
            match resolve_piece(piece, row) {
                Ok(found) => values.extend(found),
                Err(outcome) => {
                    let digits = piece.digits();
                    let comparable = matches!(outcome, Outcome::NoCountry | Outcome::Invalid(_));
                    if comparable && digits.len() >= MIN_UNRESOLVED_DIGITS {
                        unresolved.push(digits);
                    }
                    issues.push(outcome_issue(&outcome, field, raw));
                }
            }
        }
        (values, unresolved)
    }

    /// The country facts the resolver uses, for a row country.
    pub fn region(&self, country: Country) -> Option<&RowRegion> {
        self.regions.get(&country)
    }
}

/// One written number, or two when it is really two numbers separated only by a space.
fn resolve_piece(
    piece: &Piece,
    row: Option<&RowRegion>,
) -> std::result::Result<Vec<PhoneValue>, Outcome> {
    let value = |r: Resolved, ext: &str| PhoneValue {
        e164: r.e164,
        ext: ext.to_string(),
        kind: r.kind,
    };
    let outcome = resolve(piece.has_plus(), &piece.digits(), row);
    if let Outcome::Valid(r) = outcome {
        return Ok(vec![value(r, &piece.ext)]);
    }
    let groups: Vec<&str> = piece.text.split(' ').collect();
    for cut in 1..groups.len() {
        let (Some(left), Some(right)) = (groups.get(..cut), groups.get(cut..)) else {
            break;
        };
        let (left, right) = (left.join(" "), right.join(" "));
        let side = |t: &str| {
            let p = Piece {
                text: t.to_string(),
                ext: String::new(),
            };
            match resolve(p.has_plus(), &p.digits(), row) {
                Outcome::Valid(r) if p.digits().len() >= 7 => Some(r),
                _ => None,
            }
        };
        if let (Some(a), Some(b)) = (side(&left), side(&right)) {
            return Ok(vec![value(a, ""), value(b, &piece.ext)]);
        }
    }
    Err(outcome)
}

/// The finding for a number that could not be recovered.
fn outcome_issue(outcome: &Outcome, field: Field, raw: &str) -> Issue {
    match outcome {
        Outcome::Invalid(_) => Issue::warning(
            field,
            "phone.invalid",
            raw,
            "not a valid number in its country's numbering plan",
        ),
        Outcome::NoCountry => Issue::warning(
            field,
            "phone.no_country",
            raw,
            "a national number, and the row has no country to place it in",
        ),
        Outcome::Unparseable | Outcome::Valid(_) => Issue::warning(
            field,
            "phone.unparseable",
            raw,
            "not readable as a phone number",
        ),
    }
}

fn digits_only(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests;

/// The single country of a valid international number (`380501234567` → UA), if the
/// metadata places it in one; used to sniff a source's default country.
pub fn country_for_international(digits: &str) -> Option<Country> {
    if !(8..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = PHONE_NUMBER_UTIL.parse(format!("+{digits}"), None).ok()?;
    if !PHONE_NUMBER_UTIL.is_valid_number(&number) {
        return None;
    }
    let region = PHONE_NUMBER_UTIL.get_region_for_number(&number)?;
    Country::new(&region.to_string())
}

/// The country of a number written nationally in the North American style: three digits of
/// area code, three of exchange and four of line in separate groups (`404/607-1622`,
/// `(310) 246-1501`, `1-800-555-0199`, `212.869.5544`), valid in the North American plan.
/// Area and exchange codes never start with 0 or 1, which sets these apart from national
/// numbers elsewhere written in three groups (`081-234-5678` in Thailand); a run of ten
/// digits without groups says too little (an Indian mobile has ten digits too). The
/// region comes from the metadata (`US`, `CA`, `JM`…).
pub fn country_for_north_american_style(text: &str) -> Option<Country> {
    let start = text.find(|c: char| c.is_ascii_digit() || c == '(' || c == '+')?;
    let written = &text[start..];
    if written.starts_with('+') {
        return None;
    }
    // The number ends where letters start (`x12`, `ext. 3`, a second number's label).
    let number = written
        .split(|c: char| c.is_alphabetic())
        .next()
        .unwrap_or(written);
    let groups: Vec<&str> = number
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let national: String = match groups.as_slice() {
        [a, b, c] if a.len() == 3 && b.len() == 3 && c.len() == 4 => format!("{a}{b}{c}"),
        ["1", a, b, c] if a.len() == 3 && b.len() == 3 && c.len() == 4 => format!("{a}{b}{c}"),
        _ => return None,
    };
    let opens_group = |i: usize| {
        national
            .as_bytes()
            .get(i)
            .is_some_and(|d| (b'2'..=b'9').contains(d))
    };
    if !opens_group(0) || !opens_group(3) {
        return None;
    }
    let parsed = PHONE_NUMBER_UTIL
        .parse(format!("+1{national}"), None)
        .ok()?;
    if !PHONE_NUMBER_UTIL.is_valid_number(&parsed) {
        return None;
    }
    let region = PHONE_NUMBER_UTIL.get_region_for_number(&parsed)?;
    Country::new(&region.to_string())
}

#[cfg(test)]
mod country_tests {
    use super::*;

    #[test]
    fn international_numbers_name_their_country() {
        assert_eq!(
            country_for_international("380501234567"),
            Country::new("UA")
        );
        assert_eq!(country_for_international("66812345678"), Country::new("TH"));
        assert_eq!(
            country_for_international("4915112345678"),
            Country::new("DE")
        );
        assert_eq!(country_for_international("12"), None);
    }

    #[test]
    fn north_american_grouping_names_its_country() {
        for written in [
            "404/607-1622",
            "(310) 246-1501",
            "212.869.5544",
            "1-212-869-5544",
        ] {
            assert_eq!(
                country_for_north_american_style(written),
                Country::new("US"),
                "{written}"
            );
        }
        // Toronto's area code is Canadian.
        assert_eq!(
            country_for_north_american_style("416-979-2300 x12"),
            Country::new("CA")
        );
        // A Thai number in three groups, ten bare digits, an international number: no vote.
        assert_eq!(country_for_north_american_style("081-234-5678"), None);
        assert_eq!(country_for_north_american_style("4046071622"), None);
        assert_eq!(country_for_north_american_style("+1 404 607 1622"), None);
        assert_eq!(country_for_north_american_style("264-1234"), None);
    }
}
