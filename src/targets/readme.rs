//! `README.txt` of a target's folder: the files, the order to load them in, and what was changed to fit.

use super::profile::Profile;
use super::render::Change;
use std::fmt::Write as _;

/// Changed values listed one by one; the rest are counted (every one is a finding).
const LISTED_CHANGES: usize = 200;

/// The files written for one target.
pub struct Written<'a> {
    pub accounts: &'a [String],
    pub account_rows: usize,
    pub contacts: &'a [String],
    pub contact_rows: usize,
}

/// The README text.
pub fn text(profile: &Profile, files: &Written<'_>, changes: &[Change]) -> String {
    let mut t = String::new();
    let line_ending = if profile.line_ending == "crlf" {
        "CRLF"
    } else {
        "LF"
    };
    let _ = writeln!(t, "Steward import files for {}", profile.label);
    let _ = writeln!(t);
    let _ = writeln!(
        t,
        "Encoding UTF-8 (no byte-order mark), delimiter {:?}, line ending {line_ending}, dates {}.",
        profile.delimiter, profile.date_format
    );
    let _ = writeln!(
        t,
        "Accounts ({}): {} rows in {}.",
        profile.account.object,
        files.account_rows,
        files.accounts.join(", ")
    );
    let _ = writeln!(
        t,
        "Contacts ({}): {} rows in {}.",
        profile.contact.object,
        files.contact_rows,
        files.contacts.join(", ")
    );
    let _ = writeln!(
        t,
        "Every customer of golden.csv is one contact row, or is (part of) one account row:"
    );
    let _ = writeln!(
        t,
        "accounts.csv says which (source_customer_ids), contacts.csv links contacts to accounts."
    );
    let _ = writeln!(t);
    let _ = writeln!(t, "How to load: accounts first, then contacts.");
    let load = profile
        .load
        .replace("{account_files}", &files.accounts.join(", "))
        .replace("{contact_files}", &files.contacts.join(", "));
    let _ = writeln!(t, "{}", load.trim_end());
    let _ = writeln!(t);
    if changes.is_empty() {
        let _ = writeln!(
            t,
            "Nothing was cut, left out or filled in: every value fits {}.",
            profile.label
        );
        return t;
    }
    let _ = writeln!(
        t,
        "Values changed to fit {} ({}; each is also a finding in findings.csv, codes target.*):",
        profile.label,
        changes.len()
    );
    for c in changes.iter().take(LISTED_CHANGES) {
        let _ = writeln!(t, "  {} {}: {}", c.id, c.column, c.what);
    }
    if changes.len() > LISTED_CHANGES {
        let _ = writeln!(
            t,
            "  … and {} more (see findings.csv).",
            changes.len() - LISTED_CHANGES
        );
    }
    t
}
