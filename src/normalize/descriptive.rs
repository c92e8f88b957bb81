//! Descriptive fields that identify nobody (job title, department, website, owner, lead source, notes, consent flags, the source's record ID): cleaned text, a website with a lower-case scheme and host.
//!
//! These fields take no part in matching; they are carried into the golden record and the
//! CRM import files. Cleaning is the shared [`super::text::clean`] (NFC, control characters
//! out, spaces collapsed); what a consent value means is read at survivorship, where the
//! consent words are (`schemas/consent.toml`).

use super::text::clean;
use crate::finding::Issue;
use crate::record::{Field, Record};

/// The fields this module normalises.
const DESCRIPTIVE: [Field; 9] = [
    Field::JobTitle,
    Field::Department,
    Field::Website,
    Field::EmailOptIn,
    Field::DoNotCall,
    Field::Owner,
    Field::LeadSource,
    Field::Notes,
    Field::SourceRecordId,
];

/// Fills the descriptive fields of `rec.values` from `rec.raw`.
pub fn apply(rec: &mut Record, issues: &mut Vec<Issue>) {
    for field in DESCRIPTIVE {
        let raw = rec.raw.get(field);
        if raw.is_empty() {
            continue;
        }
        let value = match field {
            Field::Website => website(raw, issues),
            _ => clean(raw),
        };
        rec.values.set(field, value);
    }
}

/// A website address with its scheme and host in lower case (`HTTPS://Example.COM/About` →
/// `https://example.com/About`); one that does not look like an address is kept as cleaned
/// and reported.
fn website(raw: &str, issues: &mut Vec<Issue>) -> String {
    let text = clean(raw);
    let (scheme, rest) = match text.find("://") {
        Some(at) => (Some(&text[..at]), &text[at + 3..]),
        None => (None, text.as_str()),
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    let plausible = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains(char::is_whitespace)
        && !host.contains('@')
        && scheme.is_none_or(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic()));
    if !plausible {
        issues.push(Issue::info(
            Field::Website,
            "website.unrecognised",
            raw,
            "not a web address; kept as written",
        ));
        return text;
    }
    let mut out = String::with_capacity(text.len());
    if let Some(s) = scheme {
        out.push_str(&s.to_lowercase());
        out.push_str("://");
    }
    out.push_str(&host.to_lowercase());
    out.push_str(path);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalised(field: Field, raw: &str) -> (String, Vec<Issue>) {
        let mut rec = Record::default();
        rec.raw.set(field, raw);
        let mut issues = Vec::new();
        apply(&mut rec, &mut issues);
        (rec.values.get(field).to_string(), issues)
    }

    #[test]
    fn a_website_keeps_its_path_and_lowers_its_scheme_and_host() {
        let (v, issues) = normalised(Field::Website, " HTTPS://Www.Example.COM/About?Ref=X ");
        assert_eq!(v, "https://www.example.com/About?Ref=X");
        assert!(issues.is_empty());
        assert_eq!(
            normalised(Field::Website, "Shop.Example.ua").0,
            "shop.example.ua"
        );
    }

    #[test]
    fn text_that_is_no_web_address_is_kept_and_reported() {
        for raw in ["see notes", "ann@example.com", "http://localhost"] {
            let (v, issues) = normalised(Field::Website, raw);
            assert_eq!(v, raw);
            assert_eq!(issues.len(), 1, "{raw}");
            assert_eq!(issues[0].code, "website.unrecognised");
        }
    }

    #[test]
    fn free_text_is_cleaned_not_dropped() {
        let (v, _) = normalised(Field::Notes, "called  back,\u{0007} wants\tdemo");
        assert_eq!(v, "called back, wants demo");
        assert_eq!(
            normalised(Field::JobTitle, " Head of  Sales ").0,
            "Head of Sales"
        );
    }
}
