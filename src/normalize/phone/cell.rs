//! Phone cell text → candidate numbers: Excel damage, labels, several numbers per cell, extensions.

use super::PhoneRules;
use crate::error::{Error, Result};
use crate::normalize::text;
use regex::Regex;

/// One number written in a cell, before any numbering-plan decision.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Piece {
    /// The number's text: digits, a leading `+` when written, and the spaces between groups.
    pub text: String,
    /// Extension digits written after it (`ext. 12`), empty when none.
    pub ext: String,
}

impl Piece {
    /// Whether the number was written with a leading `+` (before its first digit).
    pub fn has_plus(&self) -> bool {
        self.text.chars().find(|c| *c == '+' || c.is_ascii_digit()) == Some('+')
    }

    /// The digits of the number only.
    pub fn digits(&self) -> String {
        self.text.chars().filter(char::is_ascii_digit).collect()
    }
}

/// What a phone cell holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellContent {
    /// Nothing, or a placeholder such as `n/a`.
    Empty,
    /// Excel turned the number into scientific notation (`3.80501E+11`): digits are lost.
    ExcelDamaged,
    /// Text with no digits that is not a known placeholder.
    NoDigits,
    /// One or more written numbers.
    Numbers(Vec<Piece>),
}

/// Compiled word lists from `schemas/phone.toml`.
pub struct CellRules {
    labels: Regex,
    extension: Regex,
    separators: Regex,
    scientific: Regex,
    placeholders: Vec<String>,
}

impl CellRules {
    /// Compiles the word lists.
    pub fn new(rules: &PhoneRules) -> Result<CellRules> {
        let compile = |pattern: String| {
            Regex::new(&pattern).map_err(|e| Error::schema(format!("phone.toml: {e}")))
        };
        Ok(CellRules {
            labels: compile(format!("(?i){}", alternation(&rules.labels)))?,
            extension: compile(format!(
                r"(?i)(?:^|[^\p{{L}}\p{{M}}])(?:{})[\s.:=]*(\d{{1,7}})(?:[^\d]*)$",
                alternation(&rules.extension_markers)
            ))?,
            separators: compile(format!(
                r"(?i)[,;|\n\r]|\s(?:{})\s",
                alternation(&rules.separators)
            ))?,
            scientific: compile(r"^\+?\d(?:[.,]\d+)?[eE]\+?\d{1,2}$".to_string())?,
            placeholders: rules
                .placeholders
                .iter()
                .map(|p| p.to_lowercase())
                .collect(),
        })
    }

    /// Reads a phone cell into the numbers written in it.
    pub fn read(&self, raw: &str) -> CellContent {
        let unified = raw.replace(['\r', '\n'], ";");
        let cleaned = text::clean(&unified.replace('＋', "+"));
        let cell = strip_excel_marks(&cleaned);
        if cell.is_empty() || self.placeholders.iter().any(|p| p == &cell.to_lowercase()) {
            return CellContent::Empty;
        }
        if self.scientific.is_match(&cell) {
            return CellContent::ExcelDamaged;
        }
        if !cell.chars().any(|c| c.is_ascii_digit()) {
            return CellContent::NoDigits;
        }
        let mut pieces = Vec::new();
        for segment in self.separators.split(&cell) {
            for labelled in self.split_at_labels(segment) {
                pieces.extend(self.read_segment(&labelled));
            }
        }
        attach_lone_extensions(&mut pieces);
        CellContent::Numbers(pieces)
    }

    /// Splits a segment where a label follows digits (`тел. 044… моб. 050…`), dropping labels.
    fn split_at_labels(&self, segment: &str) -> Vec<String> {
        let mut parts = Vec::new();
        let mut current = String::new();
        let mut last = 0;
        for m in self.labels.find_iter(segment) {
            if !is_whole_word(segment, m.start(), m.end()) {
                continue;
            }
            current.push_str(segment.get(last..m.start()).unwrap_or(""));
            if current.chars().any(|c| c.is_ascii_digit()) && !self.ends_with_marker(&current) {
                parts.push(std::mem::take(&mut current));
            }
            current.push(' ');
            last = m.end();
        }
        current.push_str(segment.get(last..).unwrap_or(""));
        parts.push(current);
        parts
    }

    /// Whether `text` ends in an extension marker waiting for its digits.
    fn ends_with_marker(&self, text: &str) -> bool {
        self.extension.is_match(&format!("{text}1"))
    }

    /// Splits one segment on `/` and pulls out the extension of each number.
    fn read_segment(&self, segment: &str) -> Vec<Piece> {
        let (body, ext) = self.split_extension(segment);
        if !body.chars().any(|c| c.is_ascii_digit()) {
            return if ext.is_empty() {
                Vec::new()
            } else {
                vec![Piece {
                    text: String::new(),
                    ext,
                }]
            };
        }
        let mut pieces = split_slashes(&body);
        if let Some(first) = pieces.first_mut() {
            first.ext = ext;
        }
        pieces
    }

    /// Separates a trailing extension (`… доб. 123`) from the rest of the segment.
    fn split_extension(&self, segment: &str) -> (String, String) {
        if let Some(caps) = self.extension.captures(segment)
            && let (Some(whole), Some(digits)) = (caps.get(0), caps.get(1))
        {
            let body = segment.get(..whole.start()).unwrap_or("");
            return (body.to_string(), digits.as_str().to_string());
        }
        (segment.to_string(), String::new())
    }
}

/// Regex alternation of literal words, longest first so `ext.` wins over `ext`.
fn alternation(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().filter(|w| !w.is_empty()).collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let escaped: Vec<String> = sorted.iter().map(|w| regex::escape(w)).collect();
    format!("(?:{})", escaped.join("|"))
}

/// Whether `text[start..end]` is not glued to letters on either side.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let is_letter = |c: char| c.is_alphabetic() || is_mark(c);
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let word_end_is_letter = text
        .get(..end)
        .and_then(|s| s.chars().next_back())
        .is_some_and(is_letter);
    let glued_after = word_end_is_letter && after.is_some_and(is_letter);
    !before.is_some_and(is_letter) && !glued_after
}

fn is_mark(c: char) -> bool {
    // Thai tone marks and vowels above/below are combining marks, part of the word.
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
        || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Drops Excel leftovers: a leading apostrophe, `="…"` wrapping, a trailing `.0` on a number.
fn strip_excel_marks(cell: &str) -> String {
    let mut s = cell.trim().trim_start_matches('\'');
    if let Some(inner) = s.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')) {
        s = inner;
    }
    let s = s.trim_matches('"').trim();
    match s.strip_suffix(".0") {
        Some(number)
            if !number.is_empty()
                && number
                    .trim_start_matches('+')
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
        {
            number.to_string()
        }
        _ => s.to_string(),
    }
}

/// Keeps what matters of a number: `+`, digits and the spaces between digit groups.
/// A trunk `(0)` written after the country code (`+49 (0)30…`) is dropped.
fn number_text(s: &str) -> String {
    let without_trunk = drop_bracketed_trunk(s);
    let mut out = String::with_capacity(without_trunk.len());
    for c in without_trunk.chars() {
        if c.is_ascii_digit() || (c == '+' && !out.chars().any(|o: char| o.is_ascii_digit())) {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() && !c.is_alphabetic() {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

/// Removes `(0)` when digits come before it: `+49 (0)30 1234` → `+49 30 1234`.
fn drop_bracketed_trunk(s: &str) -> String {
    let mut out = s.to_string();
    while let Some(pos) = out.find("(0)") {
        let before = out.get(..pos).unwrap_or("");
        if !before.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        out.replace_range(pos..pos + 3, " ");
    }
    out
}

/// Splits on `/`: two full numbers, a short alternate ending (`02-123-4567/8`), or one number
/// written with a slash (`030/1234567`).
fn split_slashes(body: &str) -> Vec<Piece> {
    const FULL: usize = 7;
    const MAX_ENDING: usize = 4;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut current = String::new();
    let mut base: Option<String> = None;
    for part in body.split('/') {
        let part = number_text(part);
        let (have, next) = (digit_count(&current), digit_count(&part));
        if current.is_empty() {
            current = part;
        } else if have >= FULL && next >= FULL {
            pieces.push(piece(std::mem::replace(&mut current, part)));
            base = None;
        } else if have >= FULL && (1..=MAX_ENDING).contains(&next) {
            let stem = base.get_or_insert_with(|| current.clone()).clone();
            pieces.push(piece(std::mem::take(&mut current)));
            current = replace_ending(&stem, &part);
        } else {
            current = format!("{current} {part}");
        }
    }
    if digit_count(&current) > 0 {
        pieces.push(piece(current));
    }
    pieces
}

fn piece(text: String) -> Piece {
    Piece {
        text,
        ext: String::new(),
    }
}

fn digit_count(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

/// `02 123 4567` with ending `8` → `021234568`.
fn replace_ending(stem: &str, ending: &str) -> String {
    let plus = if stem.trim_start().starts_with('+') {
        "+"
    } else {
        ""
    };
    let digits: String = stem.chars().filter(char::is_ascii_digit).collect();
    let new_end: String = ending.chars().filter(char::is_ascii_digit).collect();
    let keep = digits.len().saturating_sub(new_end.len());
    format!("{plus}{}{new_end}", digits.get(..keep).unwrap_or(""))
}

/// A part holding only a few digits right after a number with no extension is its extension
/// when it was written with a marker; marker-less short parts are left for the resolver.
fn attach_lone_extensions(pieces: &mut Vec<Piece>) {
    let mut i = 1;
    while i < pieces.len() {
        let lone = pieces
            .get(i)
            .is_some_and(|p| p.text.is_empty() && !p.ext.is_empty());
        if lone {
            let ext = pieces.remove(i).ext;
            if let Some(prev) = pieces.get_mut(i - 1)
                && prev.ext.is_empty()
            {
                prev.ext = ext;
            }
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> CellRules {
        let locale = crate::locale::LocaleData::default();
        let rules: PhoneRules = locale.parse("phone.toml").unwrap();
        CellRules::new(&rules).unwrap()
    }

    fn numbers(cell: &str) -> Vec<(String, String)> {
        match rules().read(cell) {
            CellContent::Numbers(p) => p.into_iter().map(|p| (p.digits(), p.ext)).collect(),
            other => panic!("{cell}: {other:?}"),
        }
    }

    #[test]
    fn strips_labels_in_several_languages() {
        assert_eq!(numbers("тел. 044 123-45-67")[0].0, "0441234567");
        assert_eq!(numbers("โทร.02-123-4567")[0].0, "021234567");
        assert_eq!(numbers("Tel.: +49 30 123456")[0].0, "4930123456");
        assert_eq!(numbers("Handy:0151 1234567")[0].0, "01511234567");
    }

    #[test]
    fn pulls_out_extensions() {
        assert_eq!(
            numbers("0800 455 822 доб. 1618")[0],
            ("0800455822".into(), "1618".into())
        );
        assert_eq!(numbers("02 123 4567 ต่อ 12")[0].1, "12");
        assert_eq!(
            numbers("(201) 555-0123 x45")[0],
            ("2015550123".into(), "45".into())
        );
        assert_eq!(numbers("030 1234567 Durchwahl 89")[0].1, "89");
        assert_eq!(numbers("555-0123 #7")[0].1, "7");
        assert_eq!(
            numbers("+1 201 555 0123, ext. 12"),
            vec![("12015550123".into(), "12".into())]
        );
    }

    #[test]
    fn splits_several_numbers() {
        let got = numbers("050 123 45 67 або 067 765 43 21");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, "0677654321");
        assert_eq!(numbers("тел. 044 123 45 67 моб. 050 123 45 67").len(), 2);
        assert_eq!(numbers("0501234567 / 0671234567").len(), 2);
        assert_eq!(numbers("02-123-4567 หรือ 081-234-5678").len(), 2);
    }

    #[test]
    fn slash_is_an_alternate_ending_or_an_area_code_separator() {
        let thai = numbers("02-123-4567/8");
        assert_eq!(
            thai.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
            ["021234567", "021234568"]
        );
        assert_eq!(
            numbers("030/12345678"),
            vec![("03012345678".into(), String::new())]
        );
    }

    #[test]
    fn drops_bracketed_trunk_zero_after_country_code() {
        assert_eq!(numbers("+49 (0)30 1234567")[0].0, "49301234567");
        assert_eq!(numbers("(0)30 1234567")[0].0, "0301234567");
    }

    #[test]
    fn excel_damage() {
        assert_eq!(rules().read("3.80501E+11"), CellContent::ExcelDamaged);
        assert_eq!(numbers("380501234567.0")[0].0, "380501234567");
        assert_eq!(numbers("'+380 50 123 4567")[0].0, "380501234567");
    }

    #[test]
    fn placeholders_and_text() {
        assert_eq!(rules().read("n/a"), CellContent::Empty);
        assert_eq!(rules().read("  "), CellContent::Empty);
        assert_eq!(rules().read("call the office"), CellContent::NoDigits);
    }

    #[test]
    fn keeps_plus_only_before_digits() {
        let cell = rules().read("(+48) 12 334 95 79");
        let CellContent::Numbers(p) = cell else {
            panic!()
        };
        assert!(p[0].has_plus());
        assert!(
            !Piece {
                text: "050 123".into(),
                ext: String::new()
            }
            .has_plus()
        );
    }
}
