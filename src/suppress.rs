//! Suppression lists: people who must not appear in any output (erasure requests under GDPR/PDPA, do-not-contact lists).
//!
//! The list is a text or CSV file; every cell holding an `@` is an e-mail address, every
//! other cell with 7+ digits a phone number. A record matches when one of its normalised
//! e-mails equals a listed one (case-folded) or one of its E.164 phones equals a listed
//! international number (`+…` or `00…`); a listed national number (no international prefix,
//! 9+ digits after its trunk 0) matches E.164 phones ending in those digits. The whole
//! customer a matching record belongs to is suppressed: their rows stay in `xref.csv` as
//! `suppressed` with every personal value blanked, and they leave every other output.

use crate::error::{Error, Result};
use crate::record::{Field, Record};
use rustc_hash::FxHashSet as HashSet;
use std::path::Path;

/// The e-mails and phones to suppress.
#[derive(Clone, Debug, Default)]
pub struct SuppressionList {
    emails: HashSet<String>,
    /// International numbers as digits only (country code first).
    international: HashSet<String>,
    /// National numbers as digits only, trunk 0 removed.
    national: Vec<String>,
}

impl SuppressionList {
    /// Reads a suppression file.
    pub fn load(path: &Path) -> Result<SuppressionList> {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::input(format!("cannot read suppression list: {e}")).at_path(path)
        })?;
        Ok(SuppressionList::parse(&String::from_utf8_lossy(&bytes)))
    }

    /// Parses the list's text.
    pub fn parse(text: &str) -> SuppressionList {
        let mut list = SuppressionList::default();
        for cell in text.split(['\n', '\r', ',', ';', '\t']) {
            let cell = cell.trim().trim_matches('"').trim();
            if cell.contains('@') {
                let email = cell
                    .trim_start_matches("mailto:")
                    .trim_matches(['<', '>'])
                    .to_lowercase();
                list.emails.insert(email);
                continue;
            }
            let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
            if digits.len() < 7 {
                continue;
            }
            if cell.starts_with('+') {
                list.international.insert(digits);
            } else if let Some(rest) = digits.strip_prefix("00") {
                list.international.insert(rest.to_string());
            } else {
                let national = digits.trim_start_matches('0');
                if national.len() >= 9 {
                    list.national.push(national.to_string());
                }
            }
        }
        list
    }

    /// Whether the list holds nothing.
    pub fn is_empty(&self) -> bool {
        self.emails.is_empty() && self.international.is_empty() && self.national.is_empty()
    }

    /// Whether a normalised record names a listed person.
    pub fn matches(&self, rec: &Record) -> bool {
        let email_hit = [Field::Email, Field::EmailAlt].iter().any(|f| {
            rec.values.has(*f) && self.emails.contains(&rec.values.get(*f).to_lowercase())
        });
        email_hit
            || [Field::Phone, Field::PhoneAlt].iter().any(|f| {
                let e164 = rec.values.get(*f).trim_start_matches('+');
                !e164.is_empty()
                    && (self.international.contains(e164)
                        || self.national.iter().any(|n| e164.ends_with(n.as_str())))
            })
    }
}

/// Which records to suppress: the direct matches and every member of their clusters.
pub fn suppressed_records(
    list: &SuppressionList,
    records: &[Record],
    clusters: &[Vec<usize>],
) -> Vec<bool> {
    let mut hit: Vec<bool> = records.iter().map(|r| list.matches(r)).collect();
    for cluster in clusters {
        if cluster
            .iter()
            .any(|&i| hit.get(i).copied().unwrap_or(false))
        {
            for &i in cluster {
                if let Some(h) = hit.get_mut(i) {
                    *h = true;
                }
            }
        }
    }
    hit
}

/// Blanks every personal value of a suppressed record (lineage stays).
pub fn blank(rec: &mut Record) {
    rec.raw = Default::default();
    rec.values = Default::default();
    rec.keys = Default::default();
    for cell in &mut rec.extra {
        cell.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(email: &str, phone: &str) -> Record {
        let mut r = Record::default();
        r.values.set(Field::Email, email);
        r.values.set(Field::Phone, phone);
        r
    }

    #[test]
    fn matches_emails_international_and_national_phones() {
        let list = SuppressionList::parse(
            "email,phone\nAnn@Example.org,\n,+380 50 123 4567\n\"0044 20 7946 0018\"\n067 765 43 21\n",
        );
        assert!(list.matches(&rec("ann@example.org", "")));
        assert!(list.matches(&rec("", "+380501234567")));
        assert!(list.matches(&rec("", "+442079460018")));
        assert!(list.matches(&rec("", "+380677654321")));
        assert!(!list.matches(&rec("bob@example.org", "+380501234568")));
    }

    #[test]
    fn whole_cluster_of_a_match_is_suppressed() {
        let list = SuppressionList::parse("ann@example.org");
        let records = vec![
            rec("ann@example.org", ""),
            rec("", "+441234567890"),
            rec("c@d.org", ""),
        ];
        let s = suppressed_records(&list, &records, &[vec![0, 1], vec![2]]);
        assert_eq!(s, vec![true, true, false]);
    }
}
