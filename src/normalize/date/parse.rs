//! Reading one date cell: tokens (numbers, month names, separators), then day/month/year by locale order.

use super::civil::{Date, excel_serial_date};
use super::rules::{DateRules, FieldOrder, fold_word};
use super::time::{TimeOfDay, find_time_start, parse_time, thai_clock_with_colon};
use crate::normalize::text::clean;
use crate::record::Country;
use unicode_normalization::char::is_combining_mark;

/// What a date cell says about the date it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateOutcome {
    /// A real calendar date (with the time, when one was written).
    Date(ParsedDate),
    /// Both day-first and month-first readings are real dates and nothing tells which was meant.
    Ambiguous {
        day_first: ParsedDate,
        month_first: ParsedDate,
    },
    /// Reads as a date that does not exist (31 April); the text says what is wrong.
    NoSuchDate(String),
    /// Not a date in any form we know.
    Unparseable,
}

/// A date read from a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedDate {
    pub date: Date,
    pub time: Option<TimeOfDay>,
    /// The year was written in the Buddhist era and converted (2567 → 2024).
    pub buddhist_era: bool,
}

impl ParsedDate {
    fn on(date: Date, buddhist_era: bool) -> ParsedDate {
        ParsedDate {
            date,
            time: None,
            buddhist_era,
        }
    }

    /// ISO 8601: `2024-03-05`, or `2024-03-05T14:30:00` (with `Z`/`+02:00` when a zone was written).
    pub fn iso(&self) -> String {
        match &self.time {
            Some(t) => format!("{}T{t}", self.date),
            None => self.date.to_string(),
        }
    }
}

/// What the reader knows besides the text.
#[derive(Clone, Copy, Debug)]
pub struct DateContext {
    /// The row's country (decides field order and Buddhist-era two-digit years).
    pub country: Option<Country>,
    /// Birth dates: two-digit years never point into the future; serials from 10000 (1927) on.
    pub birth: bool,
    /// Today, for the two-digit-year pivot.
    pub today: Date,
    /// The source column's own order, sniffed from its values; overrides the country's.
    pub order: Option<FieldOrder>,
}

/// What one value says about its column's year-last field order: day-first when its first number is
/// 13–31 and the second a month, month-first the other way round; nothing otherwise.
pub fn order_evidence(rules: &DateRules, text: &str) -> Option<FieldOrder> {
    let text = clean(text);
    let date_part = match find_time_start(&text) {
        Some(start) => text.get(..start)?,
        None => text.as_str(),
    };
    let tokens = tokenize(rules, trim_date_part(date_part))?;
    let mut nums = tokens.iter().filter_map(|t| match t {
        Token::Num(n) => Some(*n),
        Token::Month(_) => Some(Num {
            value: 99,
            digits: 9,
        }),
        Token::Dot => None,
    });
    let (Some(a), Some(b), Some(c), None) = (nums.next(), nums.next(), nums.next(), nums.next())
    else {
        return None;
    };
    if a.is_year() || b.is_year() || !c.is_year() {
        return None;
    }
    match (a.value > 12, b.value > 12) {
        (true, false) => Some(FieldOrder::DayMonthYear),
        (false, true) => Some(FieldOrder::MonthDayYear),
        _ => None,
    }
}

/// Reads `text` as a date (and time) under `ctx`.
pub fn parse_date(rules: &DateRules, text: &str, ctx: &DateContext) -> DateOutcome {
    let text = clean(text);
    let text = thai_clock_with_colon(&text).unwrap_or(text);
    if text.is_empty() {
        return DateOutcome::Unparseable;
    }
    if text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && let Some(outcome) = parse_plain_number(rules, &text, ctx)
    {
        return outcome;
    }
    let (date_part, time) = match find_time_start(&text) {
        Some(start) => match parse_time(&text[start..]) {
            Some(t) => (trim_date_part(&text[..start]), Some(t)),
            None => return DateOutcome::Unparseable,
        },
        None => (text.as_str(), None),
    };
    let Some(tokens) = tokenize(rules, date_part) else {
        return DateOutcome::Unparseable;
    };
    let mut outcome = read_tokens(rules, &tokens, ctx);
    if let Some(time) = time {
        match &mut outcome {
            DateOutcome::Date(p) => p.time = Some(time),
            DateOutcome::Ambiguous {
                day_first,
                month_first,
            } => {
                day_first.time = Some(time.clone());
                month_first.time = Some(time);
            }
            _ => {}
        }
    }
    outcome
}

/// The date part before a time: without the ISO `T` and trailing separators.
fn trim_date_part(part: &str) -> &str {
    let part = part.trim_end_matches([' ', ',']);
    match part.strip_suffix(['T', 't']) {
        Some(p) if p.ends_with(|c: char| c.is_ascii_digit()) => p,
        _ => part,
    }
}

/// A cell that is only a number: `20240305`, an Excel serial (`45356`, `45356.6042`), Unix seconds or ms.
fn parse_plain_number(rules: &DateRules, text: &str, ctx: &DateContext) -> Option<DateOutcome> {
    let (int_part, fraction) = match text.find(['.', ',']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let value: i64 = int_part.parse().ok()?;
    let serials = if ctx.birth {
        10_000..=80_000
    } else {
        20_000..=80_000
    };
    let outcome = match (int_part.len(), fraction) {
        (8, None) => compact_date(rules, value, ctx),
        (10, None) => unix_time(value),
        (13, None) => unix_time(value / 1000),
        (5, _) if serials.contains(&value) => excel_serial(value, fraction)?,
        _ => return None,
    };
    Some(outcome)
}

/// `20240305` (YYYYMMDD, Buddhist-era years included).
fn compact_date(rules: &DateRules, value: i64, ctx: &DateContext) -> DateOutcome {
    let year = Num {
        value: (value / 10_000) as u32,
        digits: 4,
    };
    let (year, buddhist) = full_year(rules, year, ctx);
    match Date::new(year, (value / 100 % 100) as u32, (value % 100) as u32) {
        Some(d) => DateOutcome::Date(ParsedDate::on(d, buddhist)),
        None => DateOutcome::Unparseable,
    }
}

fn unix_time(secs: i64) -> DateOutcome {
    let Some(date) = Date::from_days_since_epoch(secs.div_euclid(86_400)) else {
        return DateOutcome::Unparseable;
    };
    let mut time = TimeOfDay::from_seconds(secs.rem_euclid(86_400) as u32);
    time.zone = "Z".to_string();
    DateOutcome::Date(ParsedDate {
        date,
        time: Some(time),
        buddhist_era: false,
    })
}

fn excel_serial(days: i64, fraction: Option<&str>) -> Option<DateOutcome> {
    let date = excel_serial_date(days)?;
    let mut parsed = ParsedDate::on(date, false);
    if let Some(f) = fraction.filter(|f| f.bytes().any(|b| b != b'0')) {
        let fraction: f64 = format!("0.{f}").parse().ok()?;
        let secs = (fraction * 86_400.0).round() as u32;
        if secs >= 86_400 {
            return None;
        }
        parsed.time = Some(TimeOfDay::from_seconds(secs));
    }
    Some(DateOutcome::Date(parsed))
}

/// A run of digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Num {
    value: u32,
    digits: u8,
}

impl Num {
    /// Written with 3+ digits or too big for a day: can only be a year.
    fn is_year(self) -> bool {
        self.digits >= 3 || self.value > 31
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Num(Num),
    Month(u8),
    Dot,
}

/// Splits the date part into numbers, month names and dots; `None` on an unknown word or a long number.
fn tokenize(rules: &DateRules, text: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::with_capacity(6);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        if c.is_ascii_digit() {
            while let Some((i, d)) = chars.next_if(|(_, d)| d.is_ascii_digit()) {
                end = i + d.len_utf8();
            }
            let digits = text.get(start..end)?;
            if digits.len() > 4 {
                return None;
            }
            let num = Num {
                value: digits.parse().ok()?,
                digits: digits.len() as u8,
            };
            tokens.push(Token::Num(num));
        } else if is_word_char(c) {
            while let Some((i, d)) = chars.next_if(|(_, d)| is_word_char(*d) || *d == '.') {
                end = i + d.len_utf8();
            }
            let word = fold_word(text.get(start..end)?);
            if let Some(month) = rules.month(&word) {
                tokens.push(Token::Month(month));
            } else if !rules.is_ignored(&word) {
                return None;
            }
        } else if c == '.' {
            tokens.push(Token::Dot);
        } else if !(c.is_whitespace() || matches!(c, '/' | '-' | ',' | '\\' | '–' | '(' | ')')) {
            return None;
        }
    }
    Some(tokens)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c) || c == '\'' || c == 'ʼ' || c == '’'
}

/// Decides day, month and year from the tokens.
fn read_tokens(rules: &DateRules, tokens: &[Token], ctx: &DateContext) -> DateOutcome {
    let nums: Vec<Num> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Num(n) => Some(*n),
            _ => None,
        })
        .collect();
    let mut months = tokens.iter().filter_map(|t| match t {
        Token::Month(m) => Some(*m),
        _ => None,
    });
    let month = months.next();
    if months.any(|m| Some(m) != month) {
        return DateOutcome::Unparseable;
    }
    match (month, nums.as_slice()) {
        (Some(month), [a, b]) => read_with_month_name(rules, month, *a, *b, ctx),
        (None, [a, b, c]) => {
            let dotted = tokens.contains(&Token::Dot);
            read_numeric(rules, [*a, *b, *c], dotted, ctx)
        }
        _ => DateOutcome::Unparseable,
    }
}

/// `5 March 2024`, `March 5, 2024`, `2024 March 5`, `05-Mar-24` (two small numbers: day first).
fn read_with_month_name(
    rules: &DateRules,
    month: u8,
    a: Num,
    b: Num,
    ctx: &DateContext,
) -> DateOutcome {
    let (day, year) = if a.is_year() && !b.is_year() {
        (b, a)
    } else {
        (a, b)
    };
    if day.is_year() {
        return DateOutcome::Unparseable;
    }
    let (year, buddhist) = full_year(rules, year, ctx);
    real_date(year, u32::from(month), day.value, buddhist)
}

/// Three numbers: year first when written so (or in a year-first country with all-short numbers),
/// else year last with day/month decided by the numbers themselves, the country, or a dotted style.
fn read_numeric(
    rules: &DateRules,
    [a, b, c]: [Num; 3],
    dotted: bool,
    ctx: &DateContext,
) -> DateOutcome {
    let order = ctx.order.unwrap_or_else(|| rules.order(ctx.country));
    let year_first = a.is_year() || (!c.is_year() && order == FieldOrder::YearMonthDay);
    if year_first {
        let (year, buddhist) = full_year(rules, a, ctx);
        return real_date(year, b.value, c.value, buddhist);
    }
    let (year, buddhist) = full_year(rules, c, ctx);
    let day_first = Date::new(year, b.value, a.value).map(|d| ParsedDate::on(d, buddhist));
    let month_first = Date::new(year, a.value, b.value).map(|d| ParsedDate::on(d, buddhist));
    match (day_first, month_first) {
        (Some(d), None) | (None, Some(d)) => DateOutcome::Date(d),
        (None, None) => real_date(year, b.value, a.value, buddhist),
        (Some(d), Some(m)) if d == m => DateOutcome::Date(d),
        (Some(d), Some(m)) => match order {
            FieldOrder::DayMonthYear => DateOutcome::Date(d),
            FieldOrder::MonthDayYear => DateOutcome::Date(m),
            // Dotted numeric dates (05.03.2024) are day-first wherever they are written.
            _ if dotted => DateOutcome::Date(d),
            _ => DateOutcome::Ambiguous {
                day_first: d,
                month_first: m,
            },
        },
    }
}

fn real_date(year: i32, month: u32, day: u32, buddhist: bool) -> DateOutcome {
    match Date::new(year, month, day) {
        Some(d) => DateOutcome::Date(ParsedDate::on(d, buddhist)),
        None if (1..=12).contains(&month) => {
            DateOutcome::NoSuchDate(format!("day {day} does not exist in {year}-{month:02}"))
        }
        None => DateOutcome::NoSuchDate(format!("month {month} does not exist")),
    }
}

/// The Gregorian year, and whether it was written in the Buddhist era.
/// Four digits from 2400 up are Buddhist era in any country; two digits are expanded around today's
/// year (Buddhist-era years in Buddhist-calendar countries).
fn full_year(rules: &DateRules, year: Num, ctx: &DateContext) -> (i32, bool) {
    let value = year.value as i32;
    if year.digits >= 3 {
        return if value >= 2400 {
            (value - 543, true)
        } else {
            (value, false)
        };
    }
    let ahead = if ctx.birth {
        0
    } else {
        rules.two_digit_ahead as i32
    };
    if rules.is_buddhist(ctx.country) {
        (
            expand_two_digit(value, ctx.today.year + 543, ahead) - 543,
            true,
        )
    } else {
        (expand_two_digit(value, ctx.today.year, ahead), false)
    }
}

/// `yy` in the century of `this_year`, or the one before when that would be more than `ahead` years away.
fn expand_two_digit(yy: i32, this_year: i32, ahead: i32) -> i32 {
    let year = this_year - this_year.rem_euclid(100) + yy;
    if year > this_year + ahead {
        year - 100
    } else {
        year
    }
}

#[cfg(test)]
mod tests;
