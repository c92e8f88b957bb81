//! Western comma-line addresses (US, GB, DE, FR, PL, fallback): street, unit, town, state, postcode.

use super::Parts;
use super::casing::fix_case;
use super::components::Explicit;
use super::postcode;
use super::rules::{CountryRules, Role, StreetPosition};

/// Splits a free-text Western address. The postcode is found first; the text next to it (same
/// comma part) is the town, less a trailing state for the US; without a postcode, a last
/// digit-free part is the town when `guess` allows.
pub fn parse(text: &str, guess: bool, explicit: &Explicit, rules: &CountryRules) -> Parts {
    // A region column is taken: only the same region is cut from the text.
    let mut parts = Parts {
        region: explicit.region.clone(),
        ..Parts::default()
    };
    let known_postcode = explicit.postcode.as_str();
    let skip_leading = rules.street_position != StreetPosition::Prefix;
    let mut segments: Vec<String>;
    let mut town_at = None; // index of the segment that shared the postcode's comma part
    match postcode::find(text, rules, skip_leading, known_postcode) {
        Some(found) => {
            parts.postcode = found.postcode;
            let (before, after) = found.rest.split_at(found.at);
            segments = split_segments(before);
            let after_parts = split_segments(after.strip_prefix(',').unwrap_or(after));
            let before_empty = segments.last().is_none_or(|s| s.is_empty());
            let after_empty = after_parts.first().is_none_or(|s| s.is_empty());
            let use_after = !after_empty && (rules.town_after_postcode || before_empty);
            town_at = Some(if use_after {
                segments.len()
            } else {
                segments.len().saturating_sub(1)
            });
            segments.extend(after_parts);
        }
        None => segments = split_segments(text),
    }
    // Keep the town index valid while dropping empty parts.
    let mut kept = Vec::new();
    let mut town = None;
    for (i, seg) in segments.into_iter().enumerate() {
        if !seg.is_empty() {
            if Some(i) == town_at {
                town = Some(kept.len());
            }
            kept.push(seg);
        }
    }
    assign(kept, town, guess, rules, &mut parts);
    parts
}

/// Comma parts, trimmed; a part without a letter or digit (`.`, `-`) counts as empty.
fn split_segments(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(|s| s.trim())
        .map(|s| {
            if s.chars().any(char::is_alphanumeric) {
                s.to_string()
            } else {
                String::new()
            }
        })
        .collect()
}

/// Classifies the comma parts: region and town at the end, units to line2, the rest to line1.
fn assign(
    mut segs: Vec<String>,
    town: Option<usize>,
    guess: bool,
    rules: &CountryRules,
    parts: &mut Parts,
) {
    let mut town = town;
    if town == Some(0) {
        // One line with no commas: the town follows the street type (`10 Downing St London`).
        if let Some((street, town_text)) = segs.first().and_then(|s| split_street_town(s, rules)) {
            segs[0] = street;
            segs.insert(1, town_text);
            town = Some(1);
        }
    }
    merge_bare_numbers(&mut segs, &mut town, rules);
    if segs.len() > 1 && rules.region_from_text && (town.is_some() || guess) {
        let idx = town.unwrap_or(segs.len() - 1);
        if let Some(seg) = segs.get_mut(idx).filter(|_| idx > 0)
            && let Some((rest, region)) = split_region(seg, rules)
            && (parts.region.is_empty() || parts.region == region)
        {
            parts.region = region;
            *seg = rest;
        }
    }
    let town = town.filter(|&i| i > 0 && segs.get(i).is_some_and(|s| !s.is_empty()));
    let town = town.or_else(|| {
        let last = segs.iter().rposition(|s| !s.is_empty())?;
        let digit_free = segs
            .get(last)
            .is_some_and(|s| !s.chars().any(|c| c.is_ascii_digit()));
        (guess && last > 0 && digit_free && !is_unit(segs.get(last)?, rules)).then_some(last)
    });
    if let Some(i) = town.filter(|_| guess || !parts.postcode.is_empty()) {
        parts.locality = fix_case(&segs.remove(i), rules);
    }
    for seg in segs.into_iter().filter(|s| !s.is_empty()) {
        let (street, unit) = split_unit(&seg, rules);
        if street.chars().any(char::is_alphanumeric) {
            parts.line1.push(display_words(&street, rules));
        }
        if !unit.is_empty() {
            parts.line2.push(display_words(&unit, rules));
        }
    }
}

/// Splits `350 Fifth Ave Suite 3300 New York NY` after the street type, its directional and unit.
fn split_street_town(seg: &str, rules: &CountryRules) -> Option<(String, String)> {
    if rules.street_position == StreetPosition::Prefix {
        return None;
    }
    let words: Vec<&str> = seg.split(' ').collect();
    let role = |i: usize| words.get(i).and_then(|w| rules.word(w)).map(|w| w.role);
    let has_name_before = |i: usize| {
        words[..i]
            .iter()
            .any(|w| w.chars().any(char::is_alphabetic))
    };
    let street_at = (1..words.len().saturating_sub(1))
        .rev()
        .find(|&i| role(i) == Some(Role::Street) && has_name_before(i))?;
    let mut end = street_at + 1;
    while role(end) == Some(Role::Direction) {
        end += 1;
    }
    if role(end) == Some(Role::Unit) && words.get(end + 1).is_some_and(|w| looks_like_unit_id(w)) {
        end += 2;
    } else if words.get(end).is_some_and(|w| w.starts_with('#')) {
        end += 1;
    }
    (end < words.len()).then(|| (words[..end].join(" "), words[end..].join(" ")))
}

/// Joins a part that is only a house number to the street after it when that street opens
/// with its type (`12, rue de la Paix`), keeping the town index in step.
fn merge_bare_numbers(segs: &mut Vec<String>, town: &mut Option<usize>, rules: &CountryRules) {
    let mut i = 0;
    while i + 1 < segs.len() {
        let bare = segs[i].chars().next().is_some_and(|c| c.is_ascii_digit())
            && !segs[i].contains(' ')
            && segs[i].chars().count() <= 8;
        let first_next = segs[i + 1].split(' ').next().unwrap_or_default();
        let street_next = rules
            .word(first_next)
            .is_some_and(|w| w.role == Role::Street);
        if bare && street_next && *town != Some(i) && *town != Some(i + 1) {
            let next = segs.remove(i + 1);
            segs[i] = format!("{} {next}", segs[i]);
            if let Some(t) = town.as_mut().filter(|t| **t > i) {
                *t -= 1;
            }
        }
        i += 1;
    }
}

/// A trailing state name or code (`Washington DC`, `Springfield, Illinois`) split from its part.
fn split_region(seg: &str, rules: &CountryRules) -> Option<(String, String)> {
    let words: Vec<&str> = seg.split(' ').collect();
    for take in (1..=words.len().min(4)).rev() {
        let split = words.len() - take;
        let tail = words[split..].join(" ");
        let tail = tail.trim_end_matches(',');
        if let Some(region) = rules.region(tail) {
            // A lone two-letter word in lower case ("in", "me") is a word, not a state.
            if take == 1 && tail.len() == 2 && tail.chars().any(|c| c.is_lowercase()) && split > 0 {
                return None;
            }
            return Some((words[..split].join(" "), region.to_string()));
        }
    }
    None
}

fn is_unit(seg: &str, rules: &CountryRules) -> bool {
    let first = seg.split(' ').next().unwrap_or_default();
    first.starts_with('#') || rules.word(first).is_some_and(|w| w.role == Role::Unit)
}

/// Splits `1600 Main St Apt 5` into the street and the unit (`Apt 5`); a part that starts with a
/// unit designator is all unit.
fn split_unit(seg: &str, rules: &CountryRules) -> (String, String) {
    let words: Vec<&str> = seg.split(' ').collect();
    for (i, word) in words.iter().enumerate() {
        let designator = rules.word(word).is_some_and(|w| w.role == Role::Unit);
        let followed_by_id = words.get(i + 1).is_some_and(|n| looks_like_unit_id(n));
        let hash = word.starts_with('#') && word.len() > 1;
        if (designator && (followed_by_id || i == 0 && words.len() > 1)) || hash {
            return (words[..i].join(" "), words[i..].join(" "));
        }
    }
    (seg.to_string(), String::new())
}

fn looks_like_unit_id(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) || word.chars().count() == 1
}

/// Normalises a second line (units, building names) part by part, keeping its order.
pub fn display_line(text: &str, rules: &CountryRules) -> String {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| display_words(s, rules))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Fixes casing, then writes every street type, directional and unit designator in its display form.
pub fn display_words(text: &str, rules: &CountryRules) -> String {
    let cased = fix_case(text, rules);
    let words: Vec<&str> = cased.split(' ').filter(|w| !w.is_empty()).collect();
    let kinds: Vec<Option<Role>> = words
        .iter()
        .map(|w| rules.word(w).map(|x| x.role))
        .collect();
    let is_name = |i: usize| {
        let w = words.get(i).copied().unwrap_or_default();
        w.chars().any(char::is_alphabetic) && !matches!(kinds.get(i), Some(Some(Role::Direction)))
    };
    let mut out = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let replaced = match kinds.get(i).copied().flatten() {
            Some(Role::Street) if street_type_here(i, words.len(), &is_name, rules) => {
                display_of(word, rules)
            }
            Some(Role::Direction)
                if (0..words.len()).any(|j| j != i && is_name(j) && kinds[j].is_none()) =>
            {
                display_of(word, rules)
            }
            Some(Role::Unit) => display_of(word, rules),
            _ => compound(word, rules),
        };
        out.push(replaced);
    }
    out.join(" ")
}

/// Whether a street-type word at `i` is used as a type here (`Main St`), not as a name (`St Marks`).
fn street_type_here(
    i: usize,
    len: usize,
    is_name: &dyn Fn(usize) -> bool,
    rules: &CountryRules,
) -> bool {
    let before = (0..i).any(is_name);
    let after = (i + 1..len).any(is_name);
    match rules.street_position {
        StreetPosition::Suffix => before,
        // Only the opening type word (`rue du Faubourg…`: `Faubourg` is part of the name).
        StreetPosition::Prefix => after && !before,
        StreetPosition::Any => before || after,
    }
}

fn display_of(word: &str, rules: &CountryRules) -> String {
    match rules.word(word).and_then(|w| w.display.clone()) {
        Some(display) => display,
        None => word.to_string(),
    }
}

/// Rewrites a street type glued to the name (`Hauptstr.` → `Hauptstraße`).
fn compound(word: &str, rules: &CountryRules) -> String {
    let lower = word.to_lowercase();
    for (suffix, display) in &rules.compound {
        if lower.len() == word.len()
            && lower.len() > suffix.len() + 2
            && lower.ends_with(suffix.as_str())
        {
            let cut = word.len() - suffix.len();
            if let Some(stem) = word.get(..cut) {
                return format!("{stem}{display}");
            }
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::address::rules::AddressRules;
    use crate::record::Country;

    fn words(country: &str, text: &str) -> String {
        let rules = AddressRules::from_toml(include_str!("../../../schemas/address.toml")).unwrap();
        display_words(text, rules.for_country(Country::new(country)))
    }

    #[test]
    fn writes_street_types_in_the_country_form() {
        assert_eq!(
            words("US", "1600 pennsylvania avenue northwest"),
            "1600 Pennsylvania Ave NW"
        );
        assert_eq!(words("US", "123 St Marks Place"), "123 St Marks Pl");
        assert_eq!(words("US", "10 North Ave"), "10 North Ave");
        assert_eq!(words("GB", "10 Downing St"), "10 Downing Street");
        assert_eq!(words("GB", "5 St Andrews Rd"), "5 St Andrews Road");
        assert_eq!(words("DE", "Hauptstr. 5"), "Hauptstraße 5");
        assert_eq!(words("DE", "Berliner Str. 12"), "Berliner Straße 12");
        assert_eq!(words("FR", "12 BD HAUSSMANN"), "12 boulevard Haussmann");
        assert_eq!(
            words("FR", "3 Rue du Faubourg Saint-Honoré"),
            "3 rue du Faubourg Saint-Honoré"
        );
        assert_eq!(words("PL", "ulica Długa 5"), "ul. Długa 5");
    }
}
