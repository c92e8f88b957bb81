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
use crate::normalize::country::CountryNormalizer;
use crate::record::{Country, Field};
use std::collections::BTreeMap;

/// Rows looked at when sniffing.
const SAMPLE_ROWS: usize = 2000;
/// Share of rows with evidence that one country must hold.
const MAJORITY: f64 = 0.6;

/// The default country for rows of `table` that carry no country of their own.
pub fn sniff_default_country(
    table: &SourceTable,
    mapping: &Mapping,
    countries: &CountryNormalizer,
) -> Option<Country> {
    let column = |field: Field| {
        mapping
            .columns
            .iter()
            .position(|c| c.target == Target::Field(field))
    };
    let country_col = column(Field::Country);
    let email_col = column(Field::Email);
    let phone_col = column(Field::Phone);
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

    let mut votes: BTreeMap<Country, usize> = BTreeMap::new();
    let mut rows_with_evidence = 0usize;
    for row in table.rows.iter().take(SAMPLE_ROWS) {
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.cells.get(i))
                .map(String::as_str)
                .unwrap_or("")
        };
        let evidence = countries
            .parse(cell(country_col))
            .or_else(|| script_country(name_cols.iter().map(|&i| cell(Some(i)))))
            .or_else(|| email_country(cell(email_col), countries))
            .or_else(|| phone_country(cell(phone_col)));
        if let Some(c) = evidence {
            rows_with_evidence += 1;
            *votes.entry(c).or_default() += 1;
        }
    }
    if rows_with_evidence == 0 {
        // Nothing in the rows tells; the language of the headers ("Прізвище", "นามสกุล") does.
        return script_country(table.headers.iter().map(String::as_str));
    }
    let (best, count) = votes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (rows_with_evidence > 0 && count as f64 >= MAJORITY * rows_with_evidence as f64).then_some(best)
}

/// What a row's own cells say about its country, for a row with no country column value
/// in a file without a default (a CRM export of many countries): the same evidence the
/// sniffing votes with, one row at a time, strongest first — the script of its names, a phone
/// written with its calling code, a region only one country has (`Mazowieckie`), the
/// country-code domain of its e-mail. The name of the evidence comes with the country.
pub fn row_country(
    row: &RowEvidence,
    countries: &CountryNormalizer,
    country_of_region: impl Fn(&str) -> Option<Country>,
) -> Option<(Country, &'static str)> {
    if let Some(c) = script_country(row.names.iter().copied()) {
        return Some((c, "the script of its names"));
    }
    if let Some(c) = row.phones.iter().find_map(|p| phone_country(p)) {
        return Some((c, "its phone's calling code"));
    }
    if let Some(c) = country_of_region(row.region) {
        return Some((c, "its region"));
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

/// The country of a phone written with `+` or `00` and a calling code that names one country.
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
