//! Postal addresses: parsed into components per country, abbreviations expanded, postcode validated.
//!
//! Input is whatever subset of `address_line1`, `address_line2`, `locality`, `district`, `region`
//! and `postal_code` a source maps; very often the whole address sits in `address_line1`. Free text
//! is split per the country's layout (`schemas/address.toml`): Western comma lines (US, GB, DE, FR,
//! PL and the fallback), Ukrainian marker-led parts in either order, Thai marker-led parts.
//! Explicit columns win over what is found in the free text; a found part that disagrees with an
//! explicit column is kept in `address_line2`, so no text is ever dropped.
//!
//! Display conventions (what a CRM user of that country expects):
//! - US: USPS Publication 28 standard forms in title case (`1600 Pennsylvania Ave NW`, `Apt 5`),
//!   directionals upper case, region = two-letter state code, ZIP `NNNNN` or `NNNNN-NNNN`.
//! - PL: the short forms Poczta Polska prints (`ul.`, `al.`, `m.`), postcode `NN-NNN`.
//! - GB, DE, FR, UA, TH, others: full words (`Street`, `Straße`, `boulevard`, `вулиця`, `квартира`,
//!   `ถนน`, `หมู่`). GB postcodes `SW1A 2AA`; FR keeps `CEDEX` in the locality.
//! - UA: line1 `вулиця Хрещатик, 22` (house marker dropped), line2 `квартира 5`, locality without
//!   the city marker (`Київ`) but with other settlement kinds (`село Погреби`), district and region
//!   as `Броварський район`, `Київська область`. Russian forms (`ул.`, `г.`, `д.`) are read too.
//! - TH: official English names decide the mapping: district = อำเภอ/เขต, locality = ตำบล/แขวง
//!   (libaddressinput calls amphoe the city and tambon the dependent locality), region = province,
//!   with every Bangkok spelling as `กรุงเทพมหานคร`. Markers are dropped from those three fields.
//! - Casing: ALL-CAPS or all-lower Latin and Cyrillic text is title-cased; mixed case is kept.
//! - Without a country, the script picks the rules (Thai, Cyrillic → Ukrainian, a UK postcode →
//!   GB, else generic: English words, and `…, 20121 Milano` read as postcode + town, unvalidated).
//!   `rec.country` is never changed. The country's own name opening or closing the text is dropped.
//!
//! Findings: `address.postcode_invalid` (warning: a postcode column that fails the country's
//! pattern; the output is left empty), `address.postcode_region_mismatch` (info: Thai postcode
//! whose first two digits belong to another province), `address.unparsed` (info: a comma-separated
//! line1 in which no town, region or postcode was found; it stays in line1 as written).
//!
//! The matching key (`rec.keys.address()`) is the transliterated, case-folded, punctuation-free
//! street line plus line2, built from the display forms, so every spelling of a word agrees.

mod casing;
mod components;
mod markers;
mod postcode;
mod rules;
mod thai;
mod ukrainian;
mod western;

use super::RowContext;
use super::text::clean;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Country, Field, MatchKey, Record};
pub use rules::AddressRules;
use rules::{CountryRules, Layout};

/// The raw address columns of one record; any may be empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AddressInput<'a> {
    pub line1: &'a str,
    pub line2: &'a str,
    pub locality: &'a str,
    pub district: &'a str,
    pub region: &'a str,
    pub postal_code: &'a str,
}

/// A normalised address and the problems found on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedAddress {
    pub line1: String,
    pub line2: String,
    pub locality: String,
    pub district: String,
    pub region: String,
    pub postal_code: String,
    pub issues: Vec<Issue>,
}

impl ParsedAddress {
    /// The components as an input, to normalise again.
    pub fn as_input(&self) -> AddressInput<'_> {
        AddressInput {
            line1: &self.line1,
            line2: &self.line2,
            locality: &self.locality,
            district: &self.district,
            region: &self.region,
            postal_code: &self.postal_code,
        }
    }
}

/// Components found in free text, before merging with explicit columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Parts {
    pub line1: Vec<String>,
    pub line2: Vec<String>,
    pub locality: String,
    pub district: String,
    pub region: String,
    pub postcode: String,
}

/// Normalises addresses; built once per run.
pub struct AddressNormalizer {
    rules: AddressRules,
}

impl AddressNormalizer {
    /// Builds the normaliser from `schemas/address.toml`, compiling every regex once.
    pub fn from_locale(locale: &LocaleData) -> Result<AddressNormalizer> {
        Ok(AddressNormalizer {
            rules: AddressRules::from_toml(locale.text("address.toml")?)?,
        })
    }

    /// The compiled rules (survivorship reads the town names through them).
    pub fn rules(&self) -> &AddressRules {
        &self.rules
    }

    /// The one country that has a region called `text` (`Mazowieckie` → PL).
    pub fn country_of_region(&self, text: &str) -> Option<Country> {
        self.rules.country_of_region(text)
    }

    /// Whether `code` fits the postcode pattern of some country.
    pub fn fits_some_postcode(&self, code: &str) -> bool {
        self.rules.fits_some_postcode(code)
    }

    /// Whether `text` reads as a street line (a kind of street and a number).
    pub fn looks_like_street_line(&self, text: &str) -> bool {
        self.rules.looks_like_street_line(text)
    }

    /// The one country whose postcode pattern fits `code` (`SW1A 2AA` → GB).
    pub fn country_of_postcode(&self, code: &str) -> Option<Country> {
        self.rules.country_of_postcode(code)
    }

    /// Parses the record's address columns per `rec.country`; writes the six address values and
    /// `rec.keys.address()`. The `country` value is left to the country normaliser.
    pub fn apply(&self, rec: &mut Record, _ctx: &RowContext, issues: &mut Vec<Issue>) {
        let input = AddressInput {
            line1: rec.raw.get(Field::AddressLine1),
            line2: rec.raw.get(Field::AddressLine2),
            locality: rec.raw.get(Field::Locality),
            district: rec.raw.get(Field::District),
            region: rec.raw.get(Field::Region),
            postal_code: rec.raw.get(Field::PostalCode),
        };
        let parsed = parse_address(&input, rec.country, &self.rules);
        let key = address_key(&parsed.line1, &parsed.line2);
        let ParsedAddress {
            line1,
            line2,
            locality,
            district,
            region,
            postal_code,
            issues: found,
        } = parsed;
        let area_rules = self.rules.for_country(rec.country);
        if let Some(own) = self.rules.own_locality_name(rec.country, &locality) {
            rec.keys.set(MatchKey::Locality, own);
        }
        let places = [region.as_str(), district.as_str(), locality.as_str()];
        if !area_rules.provinces.is_empty() {
            let area = thai::area(&postal_code, places, area_rules).unwrap_or_default();
            rec.keys.set(MatchKey::Area, area);
        } else if rec.country.is_none() {
            // A sales list without a country column still says `Chiang Mai` or `Hat Yai`.
            let thai_rules = self.rules.for_country(Country::new("TH"));
            let area = thai::area_named(places, thai_rules).unwrap_or_default();
            rec.keys.set(MatchKey::Area, area);
        }
        rec.values.set(Field::AddressLine1, line1);
        rec.values.set(Field::AddressLine2, line2);
        rec.values.set(Field::Locality, locality);
        rec.values.set(Field::District, district);
        rec.values.set(Field::Region, region);
        rec.values.set(Field::PostalCode, postal_code);
        rec.keys.set(MatchKey::Address, key);
        issues.extend(found);
        // A birth place is a place name as written (a town, perhaps with its county or
        // country after a comma), cased as towns are; it is compared, not parsed.
        let birth_place = crate::normalize::text::clean(rec.raw.get(Field::BirthPlace));
        let birth_place = casing::fix_case(&birth_place, area_rules);
        rec.values.set(Field::BirthPlace, birth_place);
    }
}

/// Parses and normalises one address for `country` (`None`: guessed from the script, else generic).
pub fn parse_address(
    input: &AddressInput,
    country: Option<Country>,
    rules: &AddressRules,
) -> ParsedAddress {
    let cleaned = [
        input.line1,
        input.line2,
        input.locality,
        input.district,
        input.region,
        input.postal_code,
    ]
    .map(clean);
    let [line1, line2, locality, district, region, postal_code] = &cleaned;
    let all_text = format!("{line1} {line2} {locality} {district} {region}");
    let country_rules = rules_for(rules, country, &all_text);
    let mut out = ParsedAddress::default();
    let explicit = components::explicit(
        [locality, district, region, postal_code],
        country_rules,
        &mut out.issues,
    );
    let mut free = split_free_text(line1, &explicit, country_rules);
    if !line2.is_empty() {
        free.line2.push(display_line(line2, country_rules));
    }
    components::finish(&mut out, explicit, free, country_rules);
    // The country's name can stand alone only once the postcode and locality are out
    // (`…, SW1A 2AA GB, 0` → `…, GB, 0`): drop it then too, as a second pass would.
    if out.line1.contains([',', ';']) {
        out.line1 = strip_country_name(&out.line1, country_rules);
    }
    let only_line1 = [line2, locality, district, region, postal_code]
        .iter()
        .all(|s| s.is_empty());
    let nothing_found =
        out.locality.is_empty() && out.region.is_empty() && out.postal_code.is_empty();
    if only_line1 && nothing_found && line1.contains([',', ';']) {
        out.issues.push(Issue::info(
            Field::AddressLine1,
            "address.unparsed",
            line1,
            "The address could not be split into its parts; it was kept in address_line1.",
        ));
    }
    out
}

/// The matching key of a street line and unit: transliterated, case-folded, punctuation-free.
pub fn address_key(line1: &str, line2: &str) -> String {
    let joined = format!("{line1} {line2}");
    let latin = super::translit::latin_key(&joined);
    let mut key = String::with_capacity(latin.len());
    for word in latin
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// The country's rules; without a country, the script or a UK postcode picks them.
fn rules_for<'r>(
    rules: &'r AddressRules,
    country: Option<Country>,
    text: &str,
) -> &'r CountryRules {
    if country.is_some() {
        return rules.for_country(country);
    }
    let (mut thai, mut cyrillic, mut latin) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            '\u{0E01}'..='\u{0E5B}' => thai += 1,
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            _ => latin += 1,
        }
    }
    let guess = if thai > cyrillic.max(latin) {
        "TH"
    } else if cyrillic > latin {
        "UA"
    } else {
        let gb = rules.for_country(Country::new("GB"));
        match gb.postcode_find.as_ref().and_then(|re| re.captures(text)) {
            Some(_) => "GB",
            None => return rules.for_country(None),
        }
    };
    rules.for_country(Country::new(guess))
}

/// Splits line1 per the country's layout; an unmarked part may be taken as the locality only
/// when no locality column was given.
fn split_free_text(text: &str, explicit: &components::Explicit, rules: &CountryRules) -> Parts {
    if text.is_empty() {
        return Parts::default();
    }
    let guess = explicit.locality.is_empty();
    let text = strip_country_name(text, rules);
    let text = text.as_str();
    match rules.layout {
        Layout::Thai if has_thai(text) => thai::parse(text, explicit, rules),
        Layout::Ukrainian => ukrainian::parse(text, guess, explicit, rules),
        _ => western::parse(text, guess, explicit, rules),
    }
}

/// Drops the country's own name where it opens or closes the text (`…, DC 20500, USA`), also
/// behind a stray trailing separator (`…, NY 10118, US,`), and wherever it stands alone
/// between separators (`Kyiv, Ukraine, 01001`): a segment that is only the country's name is
/// never part of the street.
fn strip_country_name(text: &str, rules: &CountryRules) -> String {
    let is_country = |segment: &str| {
        let lower = segment.trim().to_lowercase();
        rules.country_names.contains(&lower)
    };
    let joined;
    let mut rest = text.trim();
    if rest.split([',', ';']).any(is_country) {
        let kept: Vec<&str> = rest
            .split([',', ';'])
            .filter(|s| !is_country(s))
            .map(str::trim)
            .collect();
        joined = kept.join(", ");
        rest = joined.as_str();
    }
    rest = rest.trim_matches([',', ' ', ';']);
    for name in &rules.country_names {
        let lower = rest.to_lowercase();
        if lower.len() != rest.len() || lower.len() <= name.len() {
            continue;
        }
        if lower.ends_with(name.as_str()) {
            let head = rest.get(..rest.len() - name.len()).unwrap_or_default();
            if head.ends_with([',', ' ', ';']) {
                rest = head.trim_end_matches([',', ' ', ';']);
            }
        } else if lower.starts_with(name.as_str()) {
            let tail = rest.get(name.len()..).unwrap_or_default();
            if tail.starts_with([',', ';']) {
                rest = tail.trim_start_matches([',', ' ', ';']);
            }
        }
    }
    rest.to_string()
}

/// Normalises a second address line word by word, keeping its order and content.
fn display_line(text: &str, rules: &CountryRules) -> String {
    match rules.layout {
        Layout::Thai if has_thai(text) => thai::display_line(text, rules),
        Layout::Ukrainian => ukrainian::display_line(text, rules),
        _ => western::display_line(text, rules),
    }
}

fn has_thai(text: &str) -> bool {
    text.chars().any(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c))
}

#[cfg(test)]
mod tests;
