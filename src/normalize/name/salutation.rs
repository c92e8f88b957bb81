//! Salutations and titles taken off the front of a name (Mr, Frau, пані, นาย…), and
//! generational suffixes taken off its end (Jr., III).

use super::rules::NameRules;
use super::split::is_thai;
use crate::record::Country;

/// Removes leading salutations from `name`; returns their canonical forms and the rest.
/// A salutation is only removed when some name is left after it.
pub(super) fn take_salutations(
    name: &str,
    country: Option<Country>,
    rules: &NameRules,
) -> (Vec<String>, String) {
    let mut found = Vec::new();
    let mut rest = name.trim();
    loop {
        if let Some((canonical, after)) = take_thai(rest, rules) {
            found.push(canonical.to_string());
            rest = after;
            continue;
        }
        let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
        let after = after.trim_start();
        if after.is_empty() {
            break;
        }
        match rules.salutation(word.trim_end_matches(','), country) {
            Some(canonical) => {
                found.push(canonical.to_string());
                rest = after;
            }
            None => break,
        }
    }
    (found, rest.to_string())
}

/// A Thai title at the start of `s` (glued or not), with the text after it.
fn take_thai<'a>(s: &'a str, rules: &'a NameRules) -> Option<(&'a str, &'a str)> {
    if !s.chars().next().is_some_and(is_thai) {
        return None;
    }
    for (word, canonical) in &rules.thai_spaced {
        if let Some(after) = s
            .strip_prefix(word.as_str())
            .and_then(|a| a.strip_prefix(' '))
        {
            let after = after.trim_start();
            if !after.is_empty() {
                return Some((canonical, after));
            }
        }
    }
    for (prefix, canonical) in &rules.thai_attached {
        if let Some(after) = s.strip_prefix(prefix.as_str()) {
            let after = after.trim_start();
            if after.chars().next().is_some_and(is_thai) {
                return Some((canonical, after));
            }
        }
    }
    None
}

/// Removes trailing suffixes (`Jr.`, `III`) from `name`; returns their canonical spellings
/// and the rest, without the comma that often precedes them.
pub(super) fn take_suffixes(name: &str, rules: &NameRules) -> (Vec<String>, String) {
    let mut words: Vec<&str> = name.split(' ').collect();
    let mut found = Vec::new();
    while words.len() > 1 {
        let Some(last) = words.last() else { break };
        match rules.suffix(last.trim_matches(',')) {
            Some(s) => {
                found.push(s.to_string());
                words.pop();
            }
            None => break,
        }
    }
    found.reverse();
    let rest = words.join(" ");
    (found, rest.trim_end_matches(',').trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::LocaleData;

    fn take(name: &str, country: Option<&str>) -> (Vec<String>, String) {
        let rules = NameRules::from_locale(&LocaleData::default()).unwrap();
        take_salutations(name, country.and_then(Country::new), &rules)
    }

    #[test]
    fn western_and_slavic_salutations_move_out() {
        assert_eq!(
            take("Mr. John Smith", None),
            (vec!["Mr".to_string()], "John Smith".into())
        );
        assert_eq!(
            take("MRS JANE DOE", None),
            (vec!["Mrs".to_string()], "JANE DOE".into())
        );
        assert_eq!(
            take("Herr Dr. Klaus Müller", Some("DE")).0,
            vec!["Herr", "Dr"]
        );
        assert_eq!(take("пані Олена Петренко", Some("UA")).0, vec!["пані"]);
        assert_eq!(take("Mme Claire Dubois", Some("FR")).0, vec!["Mme"]);
        assert_eq!(take("M. Jean Dupont", Some("FR")).0, vec!["M."]);
    }

    #[test]
    fn initials_and_names_are_not_salutations() {
        // "M." outside French-speaking countries, and "M" without a dot, are initials.
        assert_eq!(take("M. Jean Dupont", Some("US")).0, Vec::<String>::new());
        assert_eq!(take("M Dupont", Some("FR")).0, Vec::<String>::new());
        assert_eq!(take("Pan Wei", Some("CN")).0, Vec::<String>::new());
        // A salutation alone is left where it is.
        assert_eq!(take("Mr", None), (vec![], "Mr".into()));
    }

    #[test]
    fn thai_titles_glued_or_spaced() {
        assert_eq!(
            take("นายสมชาย ใจดี", Some("TH")),
            (vec!["นาย".to_string()], "สมชาย ใจดี".into())
        );
        assert_eq!(take("นางสาวสมหญิง รักไทย", None).0, vec!["นางสาว"]);
        assert_eq!(take("น.ส. สมหญิง รักไทย", None).0, vec!["นางสาว"]);
        assert_eq!(take("ด.ช.ธนา ใจดี", None).0, vec!["ด.ช."]);
        assert_eq!(take("คุณ สมศรี มีสุข", None).0, vec!["คุณ"]);
        // คุณากร is a given name, not คุณ + ากร.
        assert_eq!(take("คุณากร ใจดี", None).0, Vec::<String>::new());
    }

    #[test]
    fn suffixes_come_off_the_end() {
        let rules = NameRules::from_locale(&LocaleData::default()).unwrap();
        assert_eq!(
            take_suffixes("John Smith, Jr.", &rules),
            (vec!["Jr.".to_string()], "John Smith".into())
        );
        assert_eq!(take_suffixes("Henry Ford III", &rules).1, "Henry Ford");
        assert_eq!(take_suffixes("Iv", &rules).1, "Iv");
    }
}
