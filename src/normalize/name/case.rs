//! Name spelling repairs: one apostrophe per script, and title case for ALL-CAPS or all-lower names.
//!
//! The canonical apostrophe is U+02BC (ʼ, the Ukrainian orthography's modifier apostrophe)
//! between Cyrillic letters (`Марʼяна`) and U+0027 (') elsewhere (`O'Brien`). `'`, `’`, `‘`,
//! `ʼ`, backtick, acute accent, prime, and a `"` between two letters (a common export slip) all
//! become that apostrophe. Case is repaired only when a whole name part is ALL-CAPS or
//! all-lower; mixed case ("McDonald", "DeShawn", "van der Berg") is kept as typed.

use super::rules::NameRules;
use crate::normalize::translit::is_apostrophe;

/// Replaces every apostrophe-like character between two letters with the canonical apostrophe.
pub(super) fn unify_apostrophes(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let candidate = is_apostrophe(c) || c == '"';
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        match (candidate, prev, next) {
            (true, Some(p), Some(n)) if p.is_alphabetic() && n.is_alphabetic() => {
                out.push(if is_cyrillic(p) { '\u{02BC}' } else { '\'' });
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{052F}').contains(&c)
}

/// Whether `s` has cased letters and they are all upper case or all lower case.
pub(super) fn needs_case_repair(s: &str) -> bool {
    let mut upper = false;
    let mut lower = false;
    for c in s.chars() {
        upper |= c.is_uppercase();
        lower |= c.is_lowercase();
    }
    upper != lower
}

/// Whether `word` is "shouted": at least two cased letters, all upper case.
pub(super) fn is_shouted(word: &str) -> bool {
    let cased: Vec<char> = word
        .chars()
        .filter(|c| c.is_uppercase() || c.is_lowercase())
        .collect();
    cased.len() >= 2 && cased.iter().all(|c| c.is_uppercase())
}

/// Title-cases a name part: each word and each hyphenated piece capitalised, particles
/// lower-case unless they open the name (`starts_name`), `Mc`/known `Mac` surnames,
/// `O'Brien`, `d'Artagnan` (`D'` when it opens the name, as in Italian `D'Angelo`).
pub(super) fn title_case(part: &str, starts_name: bool, rules: &NameRules) -> String {
    let mut out = String::with_capacity(part.len());
    for (i, word) in part.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let opens = starts_name && i == 0;
        if !opens && rules.is_particle(word) {
            out.push_str(&word.to_lowercase());
            continue;
        }
        for (j, piece) in word.split('-').enumerate() {
            if j > 0 {
                out.push('-');
            }
            out.push_str(&title_piece(piece, opens && j == 0, rules));
        }
    }
    out
}

/// Title-cases one hyphen-free piece of a word.
fn title_piece(piece: &str, opens: bool, rules: &NameRules) -> String {
    let lower = piece.to_lowercase();
    if let Some(spelling) = rules.mac_surnames.get(&lower) {
        return spelling.clone();
    }
    let mut chars = lower.chars();
    let first = chars.next();
    let second = chars.next();
    let rest = chars.as_str();
    match (first, second) {
        (Some('o'), Some('\'')) => format!("O'{}", capitalize(rest)),
        (Some(p @ ('d' | 'l')), Some('\'')) if !rest.is_empty() => {
            let p = if opens { p.to_ascii_uppercase() } else { p };
            format!("{p}'{}", capitalize(rest))
        }
        (Some('m'), Some('c')) if rest.chars().count() >= 2 => format!("Mc{}", capitalize(rest)),
        _ => capitalize(&lower),
    }
}

/// Upper-cases the first character of lower-case `s` (when that gives one character).
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut upper = first.to_uppercase();
    let head = match (upper.next(), upper.next()) {
        (Some(u), None) => u,
        _ => first,
    };
    let mut out = String::with_capacity(s.len());
    out.push(head);
    out.push_str(chars.as_str());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::LocaleData;

    fn rules() -> NameRules {
        NameRules::from_locale(&LocaleData::default()).unwrap()
    }

    #[test]
    fn apostrophes_unify_per_script() {
        assert_eq!(unify_apostrophes("Мар'яна"), "Марʼяна");
        assert_eq!(unify_apostrophes("Мар’яна"), "Марʼяна");
        assert_eq!(unify_apostrophes("Мар`яна"), "Марʼяна");
        assert_eq!(unify_apostrophes("Мар\"яна"), "Марʼяна");
        assert_eq!(unify_apostrophes("O’Brien"), "O'Brien");
        // Quotes around a nickname are not apostrophes.
        assert_eq!(
            unify_apostrophes("John \"Jack\" Smith"),
            "John \"Jack\" Smith"
        );
    }

    #[test]
    fn only_all_caps_or_all_lower_need_repair() {
        assert!(needs_case_repair("SHEVCHENKO"));
        assert!(needs_case_repair("шевченко"));
        assert!(!needs_case_repair("McDonald"));
        assert!(!needs_case_repair("DeShawn"));
        assert!(!needs_case_repair("สมชาย"));
    }

    #[test]
    fn title_case_handles_prefixes_particles_and_hyphens() {
        let r = rules();
        assert_eq!(title_case("MCDONALD", true, &r), "McDonald");
        assert_eq!(title_case("MACDONALD", true, &r), "MacDonald");
        assert_eq!(title_case("MACK", true, &r), "Mack");
        assert_eq!(title_case("MACHADO", true, &r), "Machado");
        assert_eq!(title_case("o'brien", true, &r), "O'Brien");
        assert_eq!(title_case("D'ARTAGNAN", false, &r), "d'Artagnan");
        assert_eq!(title_case("D'ANGELO", true, &r), "D'Angelo");
        assert_eq!(title_case("VAN DER BERG", false, &r), "van der Berg");
        assert_eq!(
            title_case("LUDWIG VAN BEETHOVEN", true, &r),
            "Ludwig van Beethoven"
        );
        assert_eq!(title_case("ANNA-MARIA", true, &r), "Anna-Maria");
        assert_eq!(title_case("КОСАЧ-КВІТКА", true, &r), "Косач-Квітка");
        assert_eq!(title_case("МАРʼЯНА", true, &r), "Марʼяна");
        assert_eq!(title_case("STRAßE", true, &r), "Straße");
    }
}
