//! Splitting a full name into given, middle and family name, per locale order and evidence.
//!
//! With `NameOrder::Auto` every value is read on its own evidence, strongest first:
//! - a comma: "Family, Given Middle";
//! - Thai script: "Given Family" (Thai never puts the surname first);
//! - in names of three or more words, a patronymic ending (-ович, -івна, -ovna…) marks the
//!   middle name, hence "Family Given Patronymic" or "Given Patronymic Family";
//! - a surname written in capitals among mixed-case words ("SHEVCHENKO Oleksandr",
//!   "Jean DUPONT"), the convention of ex-USSR and French exports;
//! - a known given name (schemas/names.toml), then a surname ending (-енко, -chuk, -ski).
//!
//! Each reading ("Given … Family" and "Family Given …") is scored; when the scores tie, the
//! country default decides (family-first for the `family_first_countries`, and for Cyrillic
//! text of a row without a country; given-first otherwise) and the split is reported as a
//! guess. Surname particles stay with the surname ("Ludwig | van Beethoven").

use super::case::is_shouted;
use super::rules::NameRules;
use crate::config::NameOrder;
use crate::record::Country;

/// A full name split into parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct SplitName {
    pub given: String,
    pub middle: String,
    pub family: String,
    /// The order was a guess: no evidence either way.
    pub guessed: bool,
}

/// Splits cleaned `full` (salutations and suffixes already removed).
pub(super) fn split_full_name(
    full: &str,
    order: NameOrder,
    country: Option<Country>,
    rules: &NameRules,
) -> SplitName {
    if let Some((family, rest)) = full.split_once(',') {
        let (family, rest) = (family.trim(), rest.trim());
        if !family.is_empty() && !rest.is_empty() && !rest.contains(',') {
            let (given, middle) = rest.split_once(' ').unwrap_or((rest, ""));
            return parts(given, middle, family, false);
        }
    }
    let words: Vec<&str> = full.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [] => return SplitName::default(),
        [only] if rules.is_given_name(only) => return parts(only, "", "", false),
        [only] => return parts("", "", only, false),
        _ => {}
    }
    if full.chars().any(is_thai) {
        return layout_given_first(&words, None);
    }
    let given_first = layout_given_first(&words, Some(rules));
    let Some(family_first) = layout_family_first(&words, rules) else {
        return given_first;
    };
    match order {
        NameOrder::GivenFirst => given_first,
        NameOrder::FamilyFirst => family_first,
        NameOrder::Auto => {
            let all_shouted = words.iter().all(|w| is_shouted(w));
            let gf = score(&given_first, words.len(), all_shouted, rules);
            let ff = score(&family_first, words.len(), all_shouted, rules);
            if gf > ff {
                given_first
            } else if ff > gf {
                family_first
            } else if default_family_first(full, country, rules) {
                SplitName {
                    guessed: true,
                    ..family_first
                }
            } else {
                SplitName {
                    guessed: true,
                    ..given_first
                }
            }
        }
    }
}

/// The order the evidence reads cleaned `full` in, when it decides one: `None` for a guess,
/// and for a value both orders read alike (one word, a comma, Thai script).
pub(super) fn evidence_order(
    full: &str,
    country: Option<Country>,
    rules: &NameRules,
) -> Option<NameOrder> {
    let auto = split_full_name(full, NameOrder::Auto, country, rules);
    if auto.guessed {
        return None;
    }
    let given_first = split_full_name(full, NameOrder::GivenFirst, country, rules);
    let family_first = split_full_name(full, NameOrder::FamilyFirst, country, rules);
    if given_first == family_first {
        None
    } else if auto == given_first {
        Some(NameOrder::GivenFirst)
    } else if auto == family_first {
        Some(NameOrder::FamilyFirst)
    } else {
        None
    }
}

fn parts(given: &str, middle: &str, family: &str, guessed: bool) -> SplitName {
    SplitName {
        given: given.to_string(),
        middle: middle.to_string(),
        family: family.to_string(),
        guessed,
    }
}

/// "Given Middle… [particles] Family".
/// Particles (`particles`, any case: "Jan VAN DEN BERG") start the family name; the first
/// word is never one, so "De Ann Smith" keeps its given name.
fn layout_given_first(words: &[&str], particles: Option<&NameRules>) -> SplitName {
    let last = words.len().saturating_sub(1);
    let family_start = match particles {
        Some(rules) => (1..last)
            .find(|&i| words.get(i).is_some_and(|w| rules.is_particle(w)))
            .unwrap_or(last),
        None => 1.min(last),
    };
    let given = words.first().copied().unwrap_or("");
    let middle = words
        .get(1..family_start)
        .map(|m| m.join(" "))
        .unwrap_or_default();
    let family = words
        .get(family_start..)
        .map(|f| f.join(" "))
        .unwrap_or_default();
    parts(given, &middle, &family, false)
}

/// "[particles] Family Given Middle…"; `None` when no word is left for the given name.
fn layout_family_first(words: &[&str], rules: &NameRules) -> Option<SplitName> {
    let mut end = 0;
    while words.get(end).is_some_and(|w| rules.is_particle(w)) {
        end += 1;
    }
    end += 1;
    let given = words.get(end)?;
    let family = words.get(..end).map(|f| f.join(" ")).unwrap_or_default();
    let middle = words
        .get(end + 1..)
        .map(|m| m.join(" "))
        .unwrap_or_default();
    Some(parts(given, &middle, &family, false))
}

/// Evidence that `split` is the right reading.
fn score(split: &SplitName, word_count: usize, all_shouted: bool, rules: &NameRules) -> i32 {
    let mut score = 0;
    let middle_last = split.middle.rsplit(' ').next().unwrap_or("");
    if word_count >= 3 && !middle_last.is_empty() && rules.is_patronymic(middle_last) {
        score += 4;
    }
    let surname = split.family.rsplit(' ').next().unwrap_or("");
    if !all_shouted && is_shouted(surname) && !is_initials(surname) && !is_shouted(&split.given) {
        score += 3;
    }
    if rules.is_given_name(&split.given) || (is_initials(&split.given) && !is_initials(surname)) {
        score += 2;
    }
    if rules.has_family_suffix(surname) && !rules.is_given_name(surname) {
        score += 1;
    }
    if rules.is_given_name(surname) {
        score -= 1;
    }
    if !split.middle.is_empty() && split.middle.split(' ').all(|w| rules.is_given_name(w)) {
        score += 1;
    }
    score
}

/// Whether `word` is one to three initials: `J`, `J.`, `О.І.`, `J.R.R.`.
pub(super) fn is_initials(word: &str) -> bool {
    let mut letters = 0;
    let mut prev_letter = false;
    for c in word.chars() {
        if c.is_alphabetic() {
            if prev_letter {
                return false;
            }
            letters += 1;
            prev_letter = true;
        } else if c == '.' && prev_letter {
            prev_letter = false;
        } else {
            return false;
        }
    }
    (1..=3).contains(&letters)
}

/// Splits glued initials into the first and the rest: `О.І.` → (`О.`, `І.`).
pub(super) fn split_initials(word: &str) -> Option<(&str, &str)> {
    if !is_initials(word) {
        return None;
    }
    let dot = word.find('.')?;
    let (first, rest) = word.split_at(dot + 1);
    if rest.is_empty() {
        None
    } else {
        Some((first, rest))
    }
}

/// The order assumed when the evidence ties.
fn default_family_first(full: &str, country: Option<Country>, rules: &NameRules) -> bool {
    match country {
        Some(c) => rules.family_first_countries.contains(&c),
        None => full.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
    }
}

pub(super) fn is_thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::LocaleData;

    fn split(full: &str, country: Option<&str>) -> (String, String, String, bool) {
        let rules = NameRules::from_locale(&LocaleData::default()).unwrap();
        let s = split_full_name(
            full,
            NameOrder::Auto,
            country.and_then(Country::new),
            &rules,
        );
        (s.given, s.middle, s.family, s.guessed)
    }

    fn own(g: &str, m: &str, f: &str, guessed: bool) -> (String, String, String, bool) {
        (g.into(), m.into(), f.into(), guessed)
    }

    #[test]
    fn patronymic_decides_ukrainian_and_russian_order() {
        assert_eq!(
            split("Шевченко Тарас Григорович", None),
            own("Тарас", "Григорович", "Шевченко", false)
        );
        assert_eq!(
            split("Тарас Григорович Шевченко", None),
            own("Тарас", "Григорович", "Шевченко", false)
        );
        assert_eq!(
            split("Иванова Мария Петровна", Some("RU")),
            own("Мария", "Петровна", "Иванова", false)
        );
        // Unknown given name and surname, the patronymic alone decides.
        assert_eq!(
            split("Гнатюк Зореслав Ількович", Some("UA")),
            own("Зореслав", "Ількович", "Гнатюк", false)
        );
    }

    #[test]
    fn known_given_name_or_capitals_decide_two_word_names() {
        assert_eq!(
            split("Шевченко Олександр", Some("UA")),
            own("Олександр", "", "Шевченко", false)
        );
        assert_eq!(
            split("Oleksandr Shevchenko", Some("UA")),
            own("Oleksandr", "", "Shevchenko", false)
        );
        assert_eq!(
            split("SHEVCHENKO Oleksandr", None),
            own("Oleksandr", "", "SHEVCHENKO", false)
        );
        assert_eq!(
            split("Jean DUPONT", Some("FR")),
            own("Jean", "", "DUPONT", false)
        );
        assert_eq!(
            split("Kowalski Zdzisław", Some("PL")),
            own("Zdzisław", "", "Kowalski", false)
        );
    }

    #[test]
    fn second_given_names_and_hyphenated_given_names() {
        assert_eq!(
            split("Mary Ann Smith", Some("US")),
            own("Mary", "Ann", "Smith", false)
        );
        assert_eq!(
            split("Анна-Марія Коваль-Мельник", Some("UA")),
            own("Анна-Марія", "", "Коваль-Мельник", false)
        );
    }

    #[test]
    fn initials_are_the_given_name() {
        assert_eq!(
            split("Шевченко О.І.", Some("UA")),
            own("О.І.", "", "Шевченко", false)
        );
        assert_eq!(split("Smith J.", Some("GB")), own("J.", "", "Smith", false));
        assert_eq!(
            split("J. Quaxley", Some("UA")),
            own("J.", "", "Quaxley", false)
        );
        assert!(!is_initials("Jo"));
        assert_eq!(split_initials("О.І."), Some(("О.", "І.")));
        assert_eq!(split_initials("J."), None);
    }

    #[test]
    fn comma_particles_and_thai() {
        assert_eq!(
            split("Smith, John Paul", None),
            own("John", "Paul", "Smith", false)
        );
        assert_eq!(
            split("Hans VON DER LEYEN", Some("DE")),
            own("Hans", "", "VON DER LEYEN", false)
        );
        assert_eq!(
            split("Ludwig van Beethoven", Some("DE")),
            own("Ludwig", "", "van Beethoven", false)
        );
        assert_eq!(
            split("สมชาย ใจดี", Some("TH")),
            own("สมชาย", "", "ใจดี", false)
        );
    }

    #[test]
    fn no_evidence_falls_back_to_country_order_and_says_so() {
        assert_eq!(
            split("Zorbo Quaxley", Some("GB")),
            own("Zorbo", "", "Quaxley", true)
        );
        assert_eq!(
            split("Квакс Зорбо", Some("UA")),
            own("Зорбо", "", "Квакс", true)
        );
        assert_eq!(split("Madonna", None), own("", "", "Madonna", false));
    }
}
