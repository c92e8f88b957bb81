//! Casing of address text: ALL-CAPS or all-lower Latin/Cyrillic text becomes title case; mixed case is trusted.

use super::rules::CountryRules;

/// Title-cases `text` when its letters are all upper or all lower case; otherwise returns it unchanged.
/// Small words (`de`, `of`) stay lower except first; `keep_upper` words (`CEDEX`, `NW`) stay upper.
pub fn fix_case(text: &str, rules: &CountryRules) -> String {
    if !needs_fixing(text, rules) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&case_word(word, i == 0, rules));
    }
    out
}

/// Whether the cased letters of `text` are uniformly upper or lower (and there are at least two).
/// Known words (`NW`, `вул.`) are left out: their case is set by the tables, not the source.
fn needs_fixing(text: &str, rules: &CountryRules) -> bool {
    let mut upper = 0usize;
    let mut lower = 0usize;
    let plain = text.split(' ').filter(|w| rules.word(w).is_none());
    for c in plain.flat_map(str::chars) {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper + lower >= 2 && (upper == 0 || lower == 0)
}

fn case_word(word: &str, first: bool, rules: &CountryRules) -> String {
    let upper = word.to_uppercase();
    let bare_upper = upper.trim_matches(|c: char| !c.is_alphanumeric());
    if rules.keep_upper.contains(bare_upper) {
        return upper;
    }
    let lower = word.to_lowercase();
    let bare_lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if !first && rules.small_words.contains(bare_lower) {
        return lower;
    }
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        // House numbers keep their letter as written in the source's case: `22a`, `12B`.
        return word.to_string();
    }
    capitalise_parts(&lower)
}

/// Upper-cases the first letter of the word and of each part after `-`, `'` or `’`.
fn capitalise_parts(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    for c in lower.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start = false;
            continue;
        }
        if matches!(c, '-' | '\'' | '’' | '(' | '/' | '.') {
            start = true;
        } else if c.is_alphanumeric() {
            start = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::address::rules::AddressRules;
    use crate::record::Country;

    fn check(country: &str, input: &str, expected: &str) {
        let rules = AddressRules::from_toml(include_str!("../../../schemas/address.toml")).unwrap();
        assert_eq!(
            fix_case(input, rules.for_country(Country::new(country))),
            expected
        );
    }

    #[test]
    fn title_cases_uniform_text() {
        check("FR", "RUE DE LA PAIX", "Rue de la Paix");
        check("FR", "PARIS CEDEX 08", "Paris CEDEX 08");
        check("UA", "ХРЕЩАТИК", "Хрещатик");
        check("UA", "івано-франківськ", "Івано-Франківськ");
        check("GB", "STRATFORD-UPON-AVON", "Stratford-Upon-Avon");
        check("US", "1600 PENNSYLVANIA AVE NW", "1600 Pennsylvania Ave NW");
    }

    #[test]
    fn trusts_mixed_case_and_leaves_thai_alone() {
        check("GB", "McDonald Road", "McDonald Road");
        check("TH", "ถนนสุขุมวิท", "ถนนสุขุมวิท");
        check("DE", "10115", "10115");
    }
}
