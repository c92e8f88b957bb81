//! Suppression lists: people who must not appear in any output (erasure requests under GDPR/PDPA, do-not-contact lists).
//!
//! The list is a text or CSV file; every cell holding an `@` is an e-mail address, every
//! other cell with 7+ digits a phone number. A record matches when one of its normalised
//! e-mails equals a listed one (case-folded) or one of its E.164 phones equals a listed
//! international number (`+…` or `00…`); a listed national number (no international prefix,
//! 9+ digits after its trunk 0) matches E.164 phones ending in those digits. The whole
//! customer a matching record belongs to is suppressed: their rows stay in `xref.csv` as
//! `suppressed` with every personal value blanked, and they leave every other output.
//!
//! The list is decoded like an input file (a BOM, UTF-16, legacy code pages), and a list
//! that is not text or names no e-mail or phone is an error. How many entries were read, how
//! many matched a row and how many matched none is reported ([`SuppressionCounts`]).

use crate::error::{Error, Result};
use crate::record::{Field, Record};
use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

/// The e-mails and phones to suppress, each entry numbered in the order first read.
#[derive(Clone, Debug, Default)]
pub struct SuppressionList {
    emails: HashMap<String, usize>,
    /// International numbers as digits only (country code first).
    international: HashMap<String, usize>,
    /// National numbers as digits only, trunk 0 removed.
    national: Vec<(String, usize)>,
    /// Distinct entries read.
    entries: usize,
    /// Non-empty cells that are neither an e-mail nor a phone (a header, a note).
    ignored: usize,
}

/// What a suppression list did in a run, for the closing summary and `run.json`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SuppressionCounts {
    /// Distinct e-mails and phones read from the list.
    pub entries: usize,
    /// Entries that named at least one row of this run.
    pub matched: usize,
    /// Entries that named no row (nobody of that address in these inputs).
    pub unmatched: usize,
    /// Cells that were neither an e-mail nor a phone and were skipped.
    pub ignored_cells: usize,
}

impl SuppressionList {
    /// Reads a suppression file in any encoding the inputs may have (UTF-8 with or without
    /// BOM, UTF-16, legacy code pages). A list that is not text, or holds no e-mail or phone,
    /// is an error: an erasure request that is not carried out must never look done.
    pub fn load(path: &Path) -> Result<SuppressionList> {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::input(format!("cannot read suppression list: {e}")).at_path(path)
        })?;
        let decoded = crate::ingest::decode_text(&bytes);
        let binary = decoded.nuls_removed > 0
            || !decoded.invalid_at.is_empty()
            || decoded
                .text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
        if binary {
            return Err(Error::input(
                "the suppression list is not text (a binary file, or bytes no encoding reads); nobody was suppressed",
            )
            .at_path(path));
        }
        let list = SuppressionList::parse(&decoded.text);
        if list.is_empty() {
            return Err(Error::input(
                "the suppression list holds no e-mail address or phone number; nobody was suppressed",
            )
            .at_path(path));
        }
        Ok(list)
    }

    /// Parses the list's text.
    pub fn parse(text: &str) -> SuppressionList {
        let mut list = SuppressionList::default();
        for cell in text.split(['\n', '\r', ',', ';', '\t']) {
            let cell = cell
                .trim()
                .trim_start_matches('\u{feff}')
                .trim_matches('"')
                .trim();
            if cell.is_empty() {
                continue;
            }
            if cell.contains('@') {
                let email = cell
                    .trim_start_matches("mailto:")
                    .trim_matches(['<', '>'])
                    .to_lowercase();
                let next = list.entries;
                if let std::collections::hash_map::Entry::Vacant(slot) = list.emails.entry(email) {
                    slot.insert(next);
                    list.entries += 1;
                }
                continue;
            }
            let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
            let international = if cell.starts_with('+') {
                Some(digits.clone())
            } else {
                digits.strip_prefix("00").map(str::to_string)
            };
            let national = digits.trim_start_matches('0');
            match international {
                Some(number) if number.len() >= 7 => {
                    let next = list.entries;
                    if let std::collections::hash_map::Entry::Vacant(slot) =
                        list.international.entry(number)
                    {
                        slot.insert(next);
                        list.entries += 1;
                    }
                }
                None if national.len() >= 9 => {
                    if !list.national.iter().any(|(n, _)| n == national) {
                        list.national.push((national.to_string(), list.entries));
                        list.entries += 1;
                    }
                }
                _ => list.ignored += 1,
            }
        }
        list
    }

    /// Whether the list holds no e-mail or phone.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// The entries a normalised record matches (empty: it names no listed person).
    pub fn matching_entries(&self, rec: &Record) -> Vec<usize> {
        let mut hits = Vec::new();
        for f in [Field::Email, Field::EmailAlt] {
            if rec.values.has(f)
                && let Some(&entry) = self.emails.get(&rec.values.get(f).to_lowercase())
            {
                hits.push(entry);
            }
        }
        for f in [Field::Phone, Field::PhoneAlt] {
            let e164 = rec.values.get(f).trim_start_matches('+');
            if e164.is_empty() {
                continue;
            }
            if let Some(&entry) = self.international.get(e164) {
                hits.push(entry);
            }
            hits.extend(
                self.national
                    .iter()
                    .filter(|(n, _)| e164.ends_with(n.as_str()))
                    .map(|(_, entry)| *entry),
            );
        }
        hits
    }

    /// Whether a normalised record names a listed person.
    pub fn matches(&self, rec: &Record) -> bool {
        !self.matching_entries(rec).is_empty()
    }

    /// The counts for a run in which `matched` entries named at least one row.
    pub fn counts(&self, matched: usize) -> SuppressionCounts {
        SuppressionCounts {
            entries: self.entries,
            matched,
            unmatched: self.entries.saturating_sub(matched),
            ignored_cells: self.ignored,
        }
    }
}

/// Which records to suppress (the direct matches and every member of their clusters), and
/// how many of the list's entries matched a record.
pub fn suppressed_records(
    list: &SuppressionList,
    records: &[Record],
    clusters: &[Vec<usize>],
) -> (Vec<bool>, SuppressionCounts) {
    let mut entry_matched = vec![false; list.entries];
    let mut hit: Vec<bool> = records
        .iter()
        .map(|r| {
            let entries = list.matching_entries(r);
            for e in &entries {
                if let Some(m) = entry_matched.get_mut(*e) {
                    *m = true;
                }
            }
            !entries.is_empty()
        })
        .collect();
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
    let matched = entry_matched.iter().filter(|m| **m).count();
    (hit, list.counts(matched))
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

    fn load(bytes: &[u8]) -> Result<SuppressionList> {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("erase.csv");
        std::fs::write(&path, bytes).expect("write");
        SuppressionList::load(&path)
    }

    #[test]
    fn lists_saved_by_excel_keep_every_entry() {
        let text = "ann@example.org\r\n+380501234567\r\n";
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        for bytes in [with_bom, utf16] {
            let list = load(&bytes).expect("reads");
            assert!(
                list.matches(&rec("ann@example.org", "")),
                "first entry lost"
            );
            assert!(list.matches(&rec("", "+380501234567")));
            assert_eq!(list.counts(0).entries, 2);
        }
    }

    #[test]
    fn empty_binary_and_junk_lists_are_errors() {
        for bytes in [
            b"".as_slice(),
            b"\n\n",
            b"email\nnot an address\n12\n",
            b"\x00\x01\x02\x03PK\x03\x04\xff\xfe\x00\x10",
        ] {
            let err = load(bytes).expect_err("refused");
            assert!(matches!(err.kind(), crate::ErrorKind::Input(_)), "{err}");
            assert!(err.to_string().contains("nobody was suppressed"), "{err}");
        }
    }

    #[test]
    fn counts_entries_matched_unmatched_and_skipped_cells() {
        let list = SuppressionList::parse(
            "email,phone\nann@example.org,\nANN@example.org\nzoe@example.org\n+380501234567\n",
        );
        let records = vec![rec("ann@example.org", ""), rec("", "+380501234567")];
        let (_, counts) = suppressed_records(&list, &records, &[vec![0], vec![1]]);
        assert_eq!(
            counts,
            SuppressionCounts {
                entries: 3,
                matched: 2,
                unmatched: 1,
                ignored_cells: 2,
            }
        );
    }

    #[test]
    fn whole_cluster_of_a_match_is_suppressed() {
        let list = SuppressionList::parse("ann@example.org");
        let records = vec![
            rec("ann@example.org", ""),
            rec("", "+441234567890"),
            rec("c@d.org", ""),
        ];
        let (s, counts) = suppressed_records(&list, &records, &[vec![0, 1], vec![2]]);
        assert_eq!(s, vec![true, true, false]);
        assert_eq!(
            (counts.entries, counts.matched, counts.unmatched),
            (1, 1, 0)
        );
    }
}
