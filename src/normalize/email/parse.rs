//! E-mail cell text → addresses: display names, `mailto:`, several per cell, syntax check.
//!
//! The syntax accepted is the practical subset of RFC 5321/5322 that mailboxes use: a dot-atom
//! local part (ASCII `atext`, or Unicode letters and digits per RFC 6531), no quoted local parts,
//! no comments, no IP-literal domains. Domains are host names of at least two labels; IDN
//! domains are kept in Unicode (NFC, lower case) and never punycoded, and an `xn--` domain is
//! kept as written, so the same mailbox written both ways yields two different values.

use crate::normalize::text;

/// One address-like token found in a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailToken {
    /// A syntactically valid address, lower-cased (`ann@example.org`).
    Valid(String),
    /// Text that was meant as an address but is not one, as written.
    Invalid(String),
}

/// Reads every address in a cell, in order, without duplicates.
///
/// `"Ann Lee" <ann@x.org>; mailto:bob@y.org` gives both addresses; words of a display name are
/// ignored. A cell holding text but no `@` at all gives one `Invalid` token.
pub fn parse_emails(cell: &str) -> Vec<EmailToken> {
    let cleaned = text::clean(cell);
    let mut out: Vec<EmailToken> = Vec::new();
    let tokens = tokenize(&cleaned);
    for token in &tokens {
        let Some(candidate) = strip_wrapping(token) else {
            continue;
        };
        let parsed = match normalize_address(&candidate) {
            Some(address) => EmailToken::Valid(address),
            None => EmailToken::Invalid(candidate),
        };
        if !out.contains(&parsed) {
            out.push(parsed);
        }
    }
    if out.is_empty() && !cleaned.is_empty() {
        out.push(EmailToken::Invalid(cleaned));
    }
    out
}

/// Splits on `,` `;` `|` and whitespace outside double quotes; keeps `<…>` groups whole.
/// Quoted text (a display name) becomes no token.
fn tokenize(cell: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let (mut in_quotes, mut in_angle) = (false, false);
    for c in cell.chars() {
        match c {
            '"' if !in_angle => {
                in_quotes = !in_quotes;
                current.clear();
            }
            _ if in_quotes => {}
            '<' => {
                in_angle = true;
                current.clear();
            }
            '>' if in_angle => {
                in_angle = false;
                tokens.push(std::mem::take(&mut current));
            }
            ',' | ';' | '|' if !in_angle => tokens.push(std::mem::take(&mut current)),
            c if c.is_whitespace() && !in_angle => tokens.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    tokens.push(current);
    tokens.retain(|t| t.contains('@'));
    tokens
}

/// Removes `mailto:`, a `?subject=…` tail, and brackets, quotes or punctuation around an address.
fn strip_wrapping(token: &str) -> Option<String> {
    let mut t = token.trim();
    let lower_prefix = t.get(..7).map(str::to_ascii_lowercase);
    if lower_prefix.as_deref() == Some("mailto:") {
        t = t.get(7..).unwrap_or("");
    }
    if let Some((address, _query)) = t.split_once('?') {
        t = address;
    }
    let t = t
        .trim_start_matches(['(', '[', '{', '<', '\'', '"', '«', ':'])
        .trim_end_matches([')', ']', '}', '>', '\'', '"', '»', '.', ',', ';', ':']);
    (!t.is_empty()).then(|| t.to_string())
}

/// The lower-cased address when `candidate` is syntactically valid.
pub fn normalize_address(candidate: &str) -> Option<String> {
    let lower = candidate.to_lowercase();
    let (local, domain) = lower.rsplit_once('@')?;
    let valid = lower.chars().count() <= 254 && valid_local(local) && valid_domain(domain);
    valid.then_some(lower)
}

fn valid_local(local: &str) -> bool {
    const ATEXT: &str = "!#$%&'*+/=?^_`{|}~-";
    let chars_ok = local.chars().all(|c| {
        c == '.'
            || c.is_ascii_alphanumeric()
            || ATEXT.contains(c)
            || (!c.is_ascii() && c.is_alphanumeric())
    });
    chars_ok
        && (1..=64).contains(&local.len())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels.last().is_some_and(|tld| {
        (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
            || tld.starts_with("xn--")
    });
    domain.len() <= 253 && labels.len() >= 2 && tld_ok && labels.iter().all(|l| valid_label(l))
}

fn valid_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label
            .chars()
            .all(|c| c == '-' || c.is_alphanumeric() || is_combining(c))
}

/// Combining marks that Unicode domain labels legitimately hold (Thai vowels and tones).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}' | '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(cell: &str) -> Vec<String> {
        parse_emails(cell)
            .into_iter()
            .filter_map(|t| match t {
                EmailToken::Valid(a) => Some(a),
                EmailToken::Invalid(_) => None,
            })
            .collect()
    }

    #[test]
    fn display_names_mailto_and_brackets() {
        assert_eq!(valid(r#""Ann" <Ann@X.org>"#), ["ann@x.org"]);
        assert_eq!(
            valid(r#""Doe, Ann" <ann@x.org>, bob@y.org"#),
            ["ann@x.org", "bob@y.org"]
        );
        assert_eq!(valid("Ann Lee <ann@x.org>"), ["ann@x.org"]);
        assert_eq!(
            valid("mailto:Info@Firma.de?subject=Hallo"),
            ["info@firma.de"]
        );
        assert_eq!(valid("  (ann@x.org). "), ["ann@x.org"]);
    }

    #[test]
    fn several_addresses_in_one_cell() {
        assert_eq!(
            valid("a@x.org; b@y.org\nc@z.org"),
            ["a@x.org", "b@y.org", "c@z.org"]
        );
        assert_eq!(valid("a@x.org, A@X.ORG"), ["a@x.org"]);
    }

    #[test]
    fn syntax_is_checked() {
        assert_eq!(parse_emails("ann@x"), [EmailToken::Invalid("ann@x".into())]);
        assert_eq!(
            parse_emails("ann..lee@x.org"),
            [EmailToken::Invalid("ann..lee@x.org".into())]
        );
        assert_eq!(
            parse_emails("ann@-x.org"),
            [EmailToken::Invalid("ann@-x.org".into())]
        );
        assert_eq!(
            parse_emails("ann.x.org"),
            [EmailToken::Invalid("ann.x.org".into())]
        );
        assert_eq!(parse_emails("a@b@x.org").len(), 1);
        assert!(valid("a@b@x.org").is_empty());
        assert_eq!(valid("o'brien+crm@x.co.uk"), ["o'brien+crm@x.co.uk"]);
    }

    #[test]
    fn unicode_domains_stay_unicode() {
        assert_eq!(valid("Olena@Пошта.УКР"), ["olena@пошта.укр"]);
        assert_eq!(valid("somchai@ไทย.ไทย"), ["somchai@ไทย.ไทย"]);
        assert_eq!(
            valid("ann@xn--80a1acny.xn--j1amh"),
            ["ann@xn--80a1acny.xn--j1amh"]
        );
    }
}
