//! Header rows: finding the header among title and blank rows, and making header names usable and unique.

use crate::finding::{Finding, Severity};
use rustc_hash::FxHashSet as HashSet;

/// How many non-blank rows from the top may be title rows before the header.
const MAX_ROWS_SEARCHED: usize = 30;
/// How many rows below a candidate header are looked at to learn the data's width.
const DATA_ROWS_SAMPLED: usize = 30;
/// Longest text taken as a column name.
const MAX_HEADER_CHARS: usize = 80;

/// Where the header is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderChoice {
    /// This index of the rows holds the header.
    Row(usize),
    /// No row looks like a header: every row is data.
    Headerless,
}

/// Finds the header: the first row whose non-empty cells are mostly distinct, short, non-numeric texts and
/// whose width matches the rows below it; else the first row of such texts; else no header at all (so no
/// data row is taken for a header). `None` when every row is blank.
pub fn detect_header(rows: &[&[String]]) -> Option<HeaderChoice> {
    let non_blank: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !is_blank(r))
        .map(|(i, _)| i)
        .take(MAX_ROWS_SEARCHED + DATA_ROWS_SAMPLED)
        .collect();
    non_blank.first()?;
    let mut first_names = None;
    for (k, &index) in non_blank.iter().enumerate().take(MAX_ROWS_SEARCHED) {
        let Some(row) = rows.get(index) else { break };
        if !looks_like_names(row) {
            continue;
        }
        first_names.get_or_insert(index);
        let below: Vec<usize> = non_blank
            .iter()
            .skip(k + 1)
            .take(DATA_ROWS_SAMPLED)
            .filter_map(|&i| rows.get(i).map(|r| filled_width(r)))
            .collect();
        if width_matches(filled_width(row), &below) {
            return Some(HeaderChoice::Row(index));
        }
    }
    Some(first_names.map_or(HeaderChoice::Headerless, HeaderChoice::Row))
}

/// True when every cell is empty or whitespace.
pub fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

/// Index of the last non-empty cell, plus one.
pub fn filled_width(cells: &[String]) -> usize {
    cells
        .iter()
        .rposition(|c| !c.trim().is_empty())
        .map_or(0, |i| i + 1)
}

/// Non-empty cells are mostly distinct short texts that are not numbers or dates.
fn looks_like_names(row: &[String]) -> bool {
    let filled: Vec<&str> = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if filled.is_empty() {
        return false;
    }
    let texty = filled
        .iter()
        .filter(|c| {
            c.chars().count() <= MAX_HEADER_CHARS && !is_numeric_like(c) && !c.contains('@')
        })
        .count();
    let distinct = filled
        .iter()
        .map(|c| c.to_lowercase())
        .collect::<HashSet<_>>()
        .len();
    texty * 10 >= filled.len() * 8 && distinct * 10 >= filled.len() * 6
}

/// Digits with only number, date or phone punctuation (`12.5`, `2024-03-05`, `+380 (50) 123`).
fn is_numeric_like(cell: &str) -> bool {
    let mut digits = 0;
    for c in cell.chars() {
        if c.is_numeric() {
            digits += 1;
        } else if !matches!(
            c,
            ' ' | '.' | ',' | '-' | '+' | '/' | ':' | '(' | ')' | '%' | '\''
        ) {
            return false;
        }
    }
    digits > 0
}

/// The header is about as wide as the typical (median) row below; a title row is much narrower.
fn width_matches(header_width: usize, below: &[usize]) -> bool {
    let mut sorted = below.to_vec();
    sorted.sort_unstable();
    let Some(&typical) = sorted.get(sorted.len().saturating_sub(1) / 2) else {
        return true;
    };
    header_width * 10 >= typical * 8
}

/// Trims names and collapses inner whitespace (Alt+Enter line breaks), names empty ones `column_N`, and makes duplicates unique (`Phone`, `Phone_2`) with a finding.
pub fn unique_headers(raw: &[String], source: &str, findings: &mut Vec<Finding>) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::default();
    let mut out = Vec::with_capacity(raw.len());
    for (i, name) in raw.iter().enumerate() {
        let collapsed = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let base = if collapsed.is_empty() {
            format!("column_{}", i + 1)
        } else {
            collapsed
        };
        let mut unique = base.clone();
        let mut n = 2;
        while !seen.insert(unique.to_lowercase()) {
            unique = format!("{base}_{n}");
            n += 1;
        }
        if unique != base {
            findings.push(
                Finding::new(
                    source,
                    0,
                    "header.duplicate",
                    Severity::Warning,
                    format!(
                        "column {} repeats the header {base:?}; renamed {unique:?}",
                        i + 1
                    ),
                )
                .with_field(unique.clone())
                .with_raw(&base),
            );
        }
        out.push(unique);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(lines: &[&str]) -> Option<HeaderChoice> {
        let owned: Vec<Vec<String>> = lines
            .iter()
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect();
        let rows: Vec<&[String]> = owned.iter().map(Vec::as_slice).collect();
        detect_header(&rows)
    }

    #[test]
    fn skips_title_and_blank_rows() {
        let table = [
            "Customer list 2024,,,",
            ",,,",
            "Name,Phone,E-mail,City",
            "Ann Lee,+1 555 0100,ann@example.com,Boston",
            "Taras Shevchenko,+380 50 123 4567,t@ukr.net,Kyiv",
        ];
        assert_eq!(detect(&table), Some(HeaderChoice::Row(2)));
    }

    #[test]
    fn numeric_first_row_is_not_a_header_when_a_name_row_follows() {
        let table = ["2024-03-05,,", "ID,Name,Phone", "1,Ann,555", "2,Bob,556"];
        assert_eq!(detect(&table), Some(HeaderChoice::Row(1)));
    }

    #[test]
    fn header_only_table_uses_its_row() {
        assert_eq!(detect(&["Name,Phone"]), Some(HeaderChoice::Row(0)));
        assert_eq!(detect(&[",", " , "]), None);
    }

    #[test]
    fn data_only_file_has_no_header() {
        let table = [
            "Ann Lee,+1 555 0100,ann@example.com",
            "Bob Ray,+1 555 0101,bob@example.com",
        ];
        assert_eq!(detect(&table), Some(HeaderChoice::Headerless));
    }

    #[test]
    fn duplicate_and_empty_names_are_fixed() {
        let mut findings = Vec::new();
        let raw: Vec<String> = [" Phone ", "Phone", "", "phone", "Mobile\r\n phone"]
            .map(String::from)
            .to_vec();
        let names = unique_headers(&raw, "a.csv", &mut findings);
        assert_eq!(
            names,
            ["Phone", "Phone_2", "column_3", "phone_3", "Mobile phone"]
        );
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].code, "header.duplicate");
    }
}
