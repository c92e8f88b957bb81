//! Masking of personal data (names, e-mails, phones, street addresses) for outputs meant to be shared.

use crate::record::Field;

/// Whether a finding's `field` may carry personal data in its raw value: a personal field,
/// or no canonical field at all (a whole row, an input line, an unmapped column can hold
/// anything).
pub fn is_personal_field(field: &str) -> bool {
    Field::from_name(field).is_none_or(Field::is_pii)
}

/// `text` with every occurrence of a non-empty `values` entry masked: a finding's message
/// under `mask_pii`, in case it quotes the raw value or the suggestion.
pub fn mask_quoted(text: &str, values: &[&str]) -> String {
    let mut out = text.to_string();
    for value in values.iter().filter(|v| !v.trim().is_empty()) {
        if out.contains(value) {
            out = out.replace(value, &mask(value));
        }
    }
    out
}

/// Masks a value: keeps its shape (each word's first character, `@`, an e-mail domain's top
/// level, separators, a number's last two digits) and hides the rest, so
/// `ann.smith@example.org` becomes `a********@*******.org`. Works on free text too (a whole
/// input line): every whitespace-separated word is masked on its own.
pub fn mask(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut word_start: Option<usize> = None;
    for (i, c) in value.char_indices() {
        if c.is_whitespace() {
            if let Some(start) = word_start.take() {
                out.push_str(&mask_word(&value[start..i]));
            }
            out.push(c);
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(start) = word_start {
        out.push_str(&mask_word(&value[start..]));
    }
    out
}

/// One word: an e-mail address keeps its shape, a number its last two digits, anything else
/// its first character.
fn mask_word(word: &str) -> String {
    if let Some((local, domain)) = word.rsplit_once('@') {
        return mask_address(local, domain);
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_ascii_digit() || first == '+' => {
            let n = word.chars().count();
            let keep: String = word.chars().skip(n.saturating_sub(2)).collect();
            format!("{}{}", "*".repeat(n.saturating_sub(2)), keep)
        }
        Some(first) => format!("{first}{}", "*".repeat(chars.count())),
        None => String::new(),
    }
}

/// `local@domain`: the local part's first character, then the domain hidden but for a top
/// level of letters only (anything after an address glued to other text is hidden too).
fn mask_address(local: &str, domain: &str) -> String {
    let tld = domain
        .rsplit_once('.')
        .map(|(_, t)| t)
        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_alphabetic()))
        .unwrap_or("");
    let hidden = domain.chars().count().saturating_sub(if tld.is_empty() {
        0
    } else {
        tld.chars().count() + 1
    });
    let mut chars = local.chars();
    let local = match chars.next() {
        Some(first) => format!("{first}{}", "*".repeat(chars.count())),
        None => String::new(),
    };
    let dot = if tld.is_empty() { "" } else { "." };
    format!("{local}@{}{dot}{tld}", "*".repeat(hidden))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_emails_names_and_phones_keeping_shape() {
        assert_eq!(mask("ann.smith@example.org"), "a********@*******.org");
        assert_eq!(mask("Олександр Шевченко"), "О******** Ш*******");
        assert_eq!(mask("+380501234567"), "***********67");
        assert_eq!(mask(""), "");
    }

    #[test]
    fn masks_every_value_in_free_text() {
        let line =
            r#"{"name":"Necati Wilms","email":"zelda@example.com","phone":"+120155501999999"}"#;
        let masked = mask(line);
        for value in [
            "Necati",
            "Wilms",
            "zelda",
            "example",
            "+120155501999999",
            "01999999",
        ] {
            assert!(!masked.contains(value), "{value} in {masked}");
        }
        assert_eq!(
            mask("zelda.quixote@@example.com"),
            "z*************@*******.com"
        );
        assert_eq!(mask("a\tb  c"), "a\tb  c");
    }

    #[test]
    fn quoted_values_are_masked_in_a_message() {
        assert_eq!(
            mask_quoted("e-mail ann.smith@ has no domain", &["ann.smith@", ""]),
            "e-mail a********@ has no domain"
        );
    }

    #[test]
    fn personal_fields_and_unowned_values_are_personal() {
        assert!(is_personal_field("address_line1"));
        assert!(is_personal_field("given_name"));
        assert!(is_personal_field(""));
        assert!(is_personal_field("Kundennummer"));
        assert!(!is_personal_field("country"));
        assert!(!is_personal_field("postal_code"));
    }
}
