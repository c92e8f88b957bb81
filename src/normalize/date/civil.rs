//! Proleptic Gregorian calendar arithmetic: validity, day numbers, Excel serials, Unix time, today.

use std::fmt;

/// A calendar date (proleptic Gregorian). Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date if `day` exists in `month` of `year` (no 31 April, 29 February only in leap years).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let (m, d) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
        (d >= 1 && d <= days_in_month(year, m)).then_some(Date {
            year,
            month: m,
            day: d,
        })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Era-based conversion: 400-year eras of 146097 days, years starting in March.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y.rem_euclid(400);
        let m = i64::from(self.month);
        let day_of_year =
            (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside years ±1,000,000.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        if days.abs() > 365_000_000 {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month as u32, day as u32)
    }

    /// The date `n` days later (or earlier, for negative `n`).
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// Today's date in UTC from the system clock.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let days = i64::try_from(secs / 86_400).unwrap_or(0);
        Date::from_days_since_epoch(days).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Day number of 1899-12-30 relative to 1970-01-01: Excel's day 0 for serials from 61 (1900-03-01) on.
/// Excel counts a 29 February 1900 that never was (a Lotus 1-2-3 bug kept for compatibility), so serials
/// 1–60 are one day off; they are earlier than any date we accept and are not read as serials.
const EXCEL_EPOCH_DAYS: i64 = -25_569;

/// The first serial that the 1899-12-30 epoch reads correctly (1900-03-01).
pub const EXCEL_FIRST_EXACT_SERIAL: i64 = 61;

/// The date of Excel serial day `serial` (1900 date system, serial ≥ 61).
pub fn excel_serial_date(serial: i64) -> Option<Date> {
    if serial < EXCEL_FIRST_EXACT_SERIAL {
        return None;
    }
    Date::from_days_since_epoch(EXCEL_EPOCH_DAYS + serial)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap_or(Date {
            year: 0,
            month: 0,
            day: 0,
        })
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert!(Date::new(2024, 4, 31).is_none());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2024, 13, 1).is_none());
        assert!(Date::new(2024, 1, 0).is_none());
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(d(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(d(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(d(1899, 12, 30).days_since_epoch(), EXCEL_EPOCH_DAYS);
        for days in [-100_000_i64, -1, 0, 59, 60, 19_787, 50_000] {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.map(Date::days_since_epoch), Some(days));
        }
    }

    #[test]
    fn excel_serials_match_excel() {
        // Values as Excel shows them for these serials.
        assert_eq!(excel_serial_date(45_356), Some(d(2024, 3, 5)));
        assert_eq!(excel_serial_date(61), Some(d(1900, 3, 1)));
        assert_eq!(excel_serial_date(36_526), Some(d(2000, 1, 1)));
        assert_eq!(excel_serial_date(60), None);
    }
}
