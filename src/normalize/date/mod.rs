//! Dates: ISO 8601 out of any locale order, Buddhist-era years, Excel serials.
//!
//! Rules (data in `schemas/dates.toml`):
//! - Year-last numeric dates follow the row's country order (DMY for most of the world, MDY for the US).
//!   When both readings are real dates and the country gives no order (no country, Canada, year-first
//!   countries), the cell is left empty with a `date.ambiguous` finding naming both readings — except a
//!   dotted date (03.04.2020), which is day-first wherever it is written. A day above 12 decides by itself.
//!   A column's own values can prove its order (`sniff_order`: some first number above 12 and never a
//!   second one); `normalize_with_order` then uses it before the country.
//! - A four-digit year from 2400 up is Buddhist era (minus 543) in every country: silent for Buddhist-
//!   calendar countries (TH), an info finding `date.buddhist_era` elsewhere. Two-digit years in TH are
//!   Buddhist era (67 → 2567 → 2024).
//! - Two-digit years: up to this year + 10 is this century, else the last one; birth dates never in the future.
//! - A 5-digit number is an Excel serial (1900 system; created 20000–80000, birth 10000–80000), 8 digits
//!   YYYYMMDD, 10 digits Unix seconds (13: milliseconds), written in UTC with `Z`.
//! - Usual range: created 1970-01-01..today+1 day, birth 1900-01-01..today. A real date outside it
//!   is kept as read with a `date.implausible` finding (archives and registers hold births from
//!   centuries ago); only a date that does not exist (31 April) is `date.out_of_range` and left
//!   empty. Anything else: `date.unparseable`.
//! - Birth dates are written without time; created dates keep a written time (and zone).

mod civil;
mod parse;
mod rules;
mod time;

pub use civil::Date;
pub use parse::{DateContext, DateOutcome, ParsedDate};
pub use rules::FieldOrder;
pub use time::TimeOfDay;

use super::RowContext;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Country, Field, Record};
use rules::DateRules;

/// Normalises `created_at` and `birth_date`; built once per run, shared across threads.
pub struct DateNormalizer {
    rules: DateRules,
    today: Date,
}

impl DateNormalizer {
    /// Builds the normaliser from `schemas/dates.toml`, with today's date from the system clock.
    pub fn from_locale(locale: &LocaleData) -> Result<DateNormalizer> {
        let rules = DateRules::from_toml(locale.text("dates.toml")?)?;
        Ok(DateNormalizer {
            rules,
            today: Date::today_utc(),
        })
    }

    /// The same rules with a fixed "today" (for reproducible runs and tests).
    pub fn with_today(mut self, today: Date) -> DateNormalizer {
        self.today = today;
        self
    }

    /// Reads `text` as the value of `field` (`CreatedAt` or `BirthDate`) in a row of `country`.
    /// Range is not checked here; see [`DateNormalizer::normalize`].
    pub fn parse_date(&self, text: &str, country: Option<Country>, field: Field) -> DateOutcome {
        parse::parse_date(&self.rules, text, &self.context(country, field, None))
    }

    fn context(
        &self,
        country: Option<Country>,
        field: Field,
        order: Option<FieldOrder>,
    ) -> DateContext {
        DateContext {
            country,
            birth: field == Field::BirthDate,
            today: self.today,
            order,
        }
    }

    /// The year-last field order a column's own values prove (a first number above 12 somewhere and
    /// never a second one, or the other way round); `None` when they do not settle it.
    /// Pass it to [`normalize_with_order`](Self::normalize_with_order) for that column's cells.
    pub fn sniff_order<'a>(&self, values: impl IntoIterator<Item = &'a str>) -> Option<FieldOrder> {
        let (mut day_first, mut month_first) = (false, false);
        for value in values {
            match parse::order_evidence(&self.rules, value) {
                Some(FieldOrder::DayMonthYear) => day_first = true,
                Some(FieldOrder::MonthDayYear) => month_first = true,
                _ => {}
            }
        }
        match (day_first, month_first) {
            (true, false) => Some(FieldOrder::DayMonthYear),
            (false, true) => Some(FieldOrder::MonthDayYear),
            _ => None,
        }
    }

    /// The field order a country writes numeric dates in.
    pub fn order(&self, country: Option<Country>) -> FieldOrder {
        self.rules.order(country)
    }

    /// The normalised value of `text` for `field` ("" when it cannot be used) and the issue, if any.
    pub fn normalize(
        &self,
        text: &str,
        country: Option<Country>,
        field: Field,
    ) -> (String, Option<Issue>) {
        self.normalize_with_order(text, country, field, None)
    }

    /// Like [`normalize`](Self::normalize), with the column's sniffed `order` (see
    /// [`sniff_order`](Self::sniff_order)) deciding year-last numeric dates before the country does.
    pub fn normalize_with_order(
        &self,
        text: &str,
        country: Option<Country>,
        field: Field,
        order: Option<FieldOrder>,
    ) -> (String, Option<Issue>) {
        if text.trim().is_empty() {
            return (String::new(), None);
        }
        let ctx = self.context(country, field, order);
        match parse::parse_date(&self.rules, text, &ctx) {
            DateOutcome::Date(mut parsed) => {
                if field == Field::BirthDate {
                    parsed.time = None;
                }
                self.checked(text, parsed, country, field)
            }
            DateOutcome::Ambiguous {
                day_first,
                month_first,
            } => {
                let message = format!(
                    "ambiguous date: {} if day-first, {} if month-first; set the source's country or date_order",
                    day_first.date, month_first.date
                );
                (
                    String::new(),
                    Some(Issue::warning(field, "date.ambiguous", text, message)),
                )
            }
            DateOutcome::NoSuchDate(why) => {
                let message = format!("not a real calendar date: {why}");
                (
                    String::new(),
                    Some(Issue::warning(field, "date.out_of_range", text, message)),
                )
            }
            DateOutcome::Unparseable => {
                let issue = Issue::warning(
                    field,
                    "date.unparseable",
                    text,
                    "not a date in any known format",
                );
                (String::new(), Some(issue))
            }
        }
    }

    /// Normalises the record's `created_at` and `birth_date` in place, per the row's country.
    pub fn apply(&self, rec: &mut Record, ctx: &RowContext, issues: &mut Vec<Issue>) {
        for field in [Field::CreatedAt, Field::BirthDate] {
            let (value, issue) =
                self.normalize_with_order(rec.raw.get(field), rec.country, field, ctx.date_order);
            rec.values.set(field, value);
            issues.extend(issue);
        }
    }

    /// Applies the plausible-range check and the Buddhist-era note.
    fn checked(
        &self,
        text: &str,
        parsed: ParsedDate,
        country: Option<Country>,
        field: Field,
    ) -> (String, Option<Issue>) {
        let (earliest, latest) = match field {
            Field::BirthDate => (
                Date {
                    year: 1900,
                    month: 1,
                    day: 1,
                },
                self.today,
            ),
            _ => (
                Date {
                    year: 1970,
                    month: 1,
                    day: 1,
                },
                self.today.add_days(1).unwrap_or(self.today),
            ),
        };
        if parsed.date < earliest || parsed.date > latest {
            // A real calendar date is kept whatever its year: registers, genealogy and
            // archives hold births long before 1900. Only the finding says it is unusual.
            let message = format!(
                "{} is outside the usual range {earliest}..{latest}; kept as read",
                parsed.date
            );
            let iso = parsed.iso();
            return (
                iso.clone(),
                Some(Issue::info(field, "date.implausible", text, message).with_suggestion(iso)),
            );
        }
        let iso = parsed.iso();
        let issue = (parsed.buddhist_era && !self.rules.is_buddhist(country)).then(|| {
            let message = "year read as Buddhist era (BE − 543)";
            Issue::info(field, "date.buddhist_era", text, message).with_suggestion(iso.clone())
        });
        (iso, issue)
    }
}

#[cfg(test)]
mod tests;
