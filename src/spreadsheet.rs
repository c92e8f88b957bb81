//! Spreadsheet-safe cells: a text cell a spreadsheet would run as a formula gets a leading
//! `'`, and a cell read back (a key copied from `xref.csv`) loses it again.

use std::borrow::Cow;

/// Neutralises a text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
/// tab, CR at the start) by prefixing `'`. Typed values stay as they are: an E.164 phone
/// (`+` and 8–15 digits) and plain numbers (`-12.5`).
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    let risky = matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if !risky || is_e164(cell) || is_plain_number(cell) {
        Cow::Borrowed(cell)
    } else {
        Cow::Owned(format!("'{cell}"))
    }
}

fn is_e164(s: &str) -> bool {
    s.strip_prefix('+')
        .is_some_and(|d| (8..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|b| *b == b'.').count() <= 1
        && body.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// `cell` without the `'` that [`spreadsheet_safe`] put before it (`'=A1` → `=A1`); `None`
/// when the cell does not start with one that [`spreadsheet_safe`] would have added.
pub fn unneutralised(cell: &str) -> Option<&str> {
    cell.strip_prefix('\'')
        .filter(|rest| matches!(spreadsheet_safe(rest), Cow::Owned(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas_but_keeps_typed_values() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("+1 (555) cmd"), "'+1 (555) cmd");
        assert_eq!(spreadsheet_safe("-2+3"), "'-2+3");
        assert_eq!(spreadsheet_safe("\tx"), "'\tx");
        assert_eq!(spreadsheet_safe("+380501234567"), "+380501234567");
        assert_eq!(spreadsheet_safe("-12.5"), "-12.5");
        assert_eq!(spreadsheet_safe("Ann"), "Ann");
    }

    #[test]
    fn a_neutralised_cell_reads_back_as_written() {
        for cell in ["=A1", "@SUM(A1)", "=cmd|' /C calc'!A0", "-2+3"] {
            let safe = spreadsheet_safe(cell);
            assert_eq!(unneutralised(&safe), Some(cell));
        }
        assert_eq!(unneutralised("'plain"), None);
        assert_eq!(unneutralised("=A1"), None);
    }
}
