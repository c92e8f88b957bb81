//! Country context: decides each source's default country from its config or its content.
//!
//! A row's own country column always wins (the country normaliser applies it). For rows
//! without one, the source default is the configured `country`, else a sniffed one: a vote
//! over a sample of rows in which each row offers the evidence it carries — its country
//! column, the script of its names (Thai; Cyrillic with letters only Ukrainian or only
//! Russian uses), the country-code top-level domain of its e-mail, and the calling code of
//! an internationally written phone. A default is sniffed only when one country carries a
//! clear majority of the rows with evidence; a mixed file gets none, so nothing is guessed.
//! When no row carries evidence, the script of the headers decides (a file headed
//! "Прізвище;Ім'я;Телефон" comes from Ukraine even when no name in it has an і or ї).
//! [`row_country`] asks the same of one row, for rows of a file that gets no default.

use crate::ingest::SourceTable;
use crate::map::{Mapping, Target};
use crate::normalize::Normalizer;
use crate::normalize::country::CountryNormalizer;
use crate::record::{Country, Field};
use std::collections::BTreeMap;

/// Rows looked at when sniffing.
const SAMPLE_ROWS: usize = 2000;
/// Share of rows with evidence that one country must hold.
const MAJORITY: f64 = 0.6;

/// A source's sniffed default country and how sure the vote was.
#[derive(Clone, Debug, PartialEq)]
pub struct Sniffed {
    pub country: Country,
    /// Rows looked at.
    pub sampled: usize,
    /// Rows that carried evidence of some country.
    pub with_evidence: usize,
    /// Rows whose evidence named `country`.
    pub agreeing: usize,
    /// The kinds of evidence that named `country`, most frequent first.
    pub clues: Vec<&'static str>,
}

impl Sniffed {
    /// Share of rows with evidence that named the country.
    pub fn confidence(&self) -> f64 {
        self.agreeing as f64 / self.with_evidence.max(1) as f64
    }

    /// One sentence for the `country.sniffed` finding.
    pub fn describe(&self) -> String {
        if self.with_evidence == 0 {
            return format!(
                "no country column or configured country; rows without a country are read as {} (the language of the headers)",
                self.country
            );
        }
        format!(
            "no country column or configured country; rows without a country are read as {}: {} of {} sampled rows with evidence say so ({:.0}%; {})",
            self.country,
            self.agreeing,
            self.with_evidence,
            100.0 * self.confidence(),
            self.clues.join(", ")
        )
    }
}

/// The default country for rows of `table` that carry no country of their own.
pub fn sniff_default_country(
    table: &SourceTable,
    mapping: &Mapping,
    normalizer: &Normalizer,
) -> Option<Sniffed> {
    let column = |field: Field| {
        mapping
            .columns
            .iter()
            .position(|c| c.target == Target::Field(field))
    };
    let country_col = column(Field::Country);
    let email_col = column(Field::Email);
    let phone_cols: Vec<usize> = [Field::Phone, Field::PhoneAlt]
        .iter()
        .filter_map(|f| column(*f))
        .collect();
    let postcode_col = column(Field::PostalCode);
    let region_col = column(Field::Region);
    let name_cols: Vec<usize> = [
        Field::FullName,
        Field::GivenName,
        Field::FamilyName,
        Field::AddressLine1,
        Field::Locality,
    ]
    .iter()
    .filter_map(|f| column(*f))
    .collect();
    let countries = normalizer.countries();
    let addresses = normalizer.addresses();

    let mut votes: BTreeMap<Country, (usize, BTreeMap<&'static str, usize>)> = BTreeMap::new();
    let mut rows_with_evidence = 0usize;
    let mut sampled = 0usize;
    for row in table.rows.iter().take(SAMPLE_ROWS) {
        sampled += 1;
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.cells.get(i))
                .map(String::as_str)
                .unwrap_or("")
        };
        let phones = || phone_cols.iter().map(|&i| cell(Some(i)));
        let evidence = countries
            .parse(cell(country_col))
            .map(|c| (c, "its country column"))
            .or_else(|| {
                script_country(name_cols.iter().map(|&i| cell(Some(i))))
                    .map(|c| (c, "the script of names"))
            })
            .or_else(|| email_country(cell(email_col), countries).map(|c| (c, "e-mail domains")))
            .or_else(|| {
                phones()
                    .find_map(phone_country)
                    .map(|c| (c, "phone calling codes"))
            })
            .or_else(|| {
                phones()
                    .find_map(crate::normalize::phone::country_for_north_american_style)
                    .map(|c| (c, "phones written in the North American style"))
            })
            .or_else(|| {
                addresses
                    .country_of_postcode(cell(postcode_col))
                    .map(|c| (c, "postcode shapes"))
            })
            .or_else(|| {
                addresses
                    .country_of_region(cell(region_col))
                    .map(|c| (c, "region names"))
            });
        if let Some((c, clue)) = evidence {
            rows_with_evidence += 1;
            let (n, clues) = votes.entry(c).or_default();
            *n += 1;
            *clues.entry(clue).or_default() += 1;
        }
    }
    if rows_with_evidence == 0 {
        // Nothing in the rows tells; the language of the headers ("Прізвище", "นามสกุล") does.
        return script_country(table.headers.iter().map(String::as_str)).map(|country| Sniffed {
            country,
            sampled,
            with_evidence: 0,
            agreeing: 0,
            clues: vec!["the language of the headers"],
        });
    }
    let (best, (count, clues)) = votes
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)))?;
    if (count as f64) < MAJORITY * rows_with_evidence as f64 {
        return None;
    }
    let mut clues: Vec<(&'static str, usize)> = clues.into_iter().collect();
    clues.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    Some(Sniffed {
        country: best,
        sampled,
        with_evidence: rows_with_evidence,
        agreeing: count,
        clues: clues.into_iter().map(|(c, _)| c).collect(),
    })
}

/// What a row's own cells say about its country, for a row with no country column value
/// in a file without a default (a CRM export of many countries): the same evidence the
/// sniffing votes with, one row at a time, strongest first — the script of its names, a phone
/// written with its calling code, a region only one country has (`Mazowieckie`), the
/// country-code domain of its e-mail. The name of the evidence comes with the country.
pub fn row_country(
    row: &RowEvidence,
    countries: &CountryNormalizer,
    addresses: &crate::normalize::address::AddressNormalizer,
) -> Option<(Country, &'static str)> {
    if let Some(c) = script_country(row.names.iter().copied()) {
        return Some((c, "the script of its names"));
    }
    if let Some(c) = row.phones.iter().find_map(|p| phone_country(p)) {
        return Some((c, "its phone's calling code"));
    }
    if let Some(c) = row
        .phones
        .iter()
        .find_map(|p| crate::normalize::phone::country_for_north_american_style(p))
    {
        return Some((c, "its phone's North American style"));
    }
    if let Some(c) = addresses.country_of_region(row.region) {
        return Some((c, "its region"));
    }
    if let Some(c) = addresses.country_of_postcode(row.postcode) {
        return Some((c, "its postcode's shape"));
    }
    email_country(row.email, countries).map(|c| (c, "its e-mail's country domain"))
}

/// The cells of one row that [`row_country`] reads.
pub struct RowEvidence<'a> {
    /// Name and address text (given, family, full name, street, locality).
    pub names: Vec<&'a str>,
    /// The phone cells as written.
    pub phones: Vec<&'a str>,
    /// The region cell.
    pub region: &'a str,
    /// The postcode cell.
    pub postcode: &'a str,
    /// The e-mail cell.
    pub email: &'a str,
}

/// Thai script → TH; Cyrillic with і/ї/є/ґ → UA, with ы/э/ъ/ё → RU.
fn script_country<'a>(cells: impl Iterator<Item = &'a str>) -> Option<Country> {
    let (mut thai, mut ukrainian, mut russian) = (false, false, false);
    for c in cells.flat_map(str::chars) {
        match c {
            '\u{0E00}'..='\u{0E7F}' => thai = true,
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => ukrainian = true,
            'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => russian = true,
            _ => {}
        }
    }
    match (thai, ukrainian, russian) {
        (true, false, false) => Country::new("TH"),
        (false, true, false) => Country::new("UA"),
        (false, false, true) => Country::new("RU"),
        _ => None,
    }
}

/// The country of an e-mail's country-code top-level domain (`.ua`, `.co.th`, `.uk` → GB).
fn email_country(email: &str, countries: &CountryNormalizer) -> Option<Country> {
    let domain = email.rsplit_once('@')?.1.trim().trim_end_matches('.');
    let tld = domain.rsplit('.').next()?.to_ascii_lowercase();
    if tld.len() != 2 {
        return None;
    }
    let code = if tld == "uk" { "GB" } else { tld.as_str() };
    Country::new(code).filter(|c| countries.is_known(*c))
}

/// The country of a phone written with its calling code (`+34 …`, `0034 …`), after any
/// label before it (`моб. +34…`, `Tel: +44…`); `None` for a number written nationally.
pub fn phone_country(phone: &str) -> Option<Country> {
    let t = phone.trim_start_matches(|c: char| !(c.is_ascii_digit() || c == '+' || c == '('));
    let digits: String = if let Some(rest) = t.strip_prefix('+') {
        rest.chars().filter(char::is_ascii_digit).collect()
    } else if let Some(rest) = t.strip_prefix("00") {
        rest.chars().filter(char::is_ascii_digit).collect()
    } else {
        return None;
    };
    crate::normalize::phone::country_for_international(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_decides_thai_and_ukrainian_but_not_mixed() {
        assert_eq!(
            script_country(["สมชาย ใจดี"].into_iter()),
            Country::new("TH")
        );
        assert_eq!(
            script_country(["Шевченко Олександр Петрович", "вул. Київська"].into_iter()),
            Country::new("UA")
        );
        assert_eq!(
            script_country(["Иванов Пётр", "ул. Мира"].into_iter()),
            Country::new("RU")
        );
        assert_eq!(script_country(["John Smith"].into_iter()), None);
        assert_eq!(script_country(["สมชาย", "Київ"].into_iter()), None);
    }
}
