//! Masking of personal data (names, e-mails, phones) for outputs meant to be shared.

/// Masks a value: keeps its shape (first character, `@`, the domain's top level, separators)
/// and hides the rest, so `ann.smith@example.org` becomes `a********@*******.org`.
pub fn mask(value: &str) -> String {
    if value.is_empty() {
        return String::new();
    }
    if let Some((local, domain)) = value.rsplit_once('@') {
        let tld = domain.rsplit_once('.').map(|(_, t)| t).unwrap_or("");
        let hidden_domain = domain
            .chars()
            .count()
            .saturating_sub(tld.chars().count() + 1);
        return format!("{}@{}.{tld}", mask_word(local), "*".repeat(hidden_domain));
    }
    value
        .split(' ')
        .map(mask_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Keeps the first character and digits' count; hides the rest.
fn mask_word(word: &str) -> String {
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
}
