//! A typed column of a Parquet or Arrow file as text cells: digits kept, whole floats without `.0`, dates as ISO 8601, nulls empty.

use super::workbook::float_text;
use polars::prelude::{DataType, Series, TimeUnit};

/// The cells of `series` as text, one per row. An error names what could not be read (a
/// type that has no text form, such as a list or a struct), never a value.
pub fn column_text(series: &Series) -> Result<Vec<String>, String> {
    let fail = |e: polars::error::PolarsError| e.to_string();
    let dtype = series.dtype().clone();
    let cells: Vec<String> = match &dtype {
        DataType::String => texts(
            series
                .str()
                .map_err(fail)?
                .iter()
                .map(|v| v.map(str::to_string)),
        ),
        DataType::Null => vec![String::new(); series.len()],
        DataType::Boolean => texts(
            series
                .bool()
                .map_err(fail)?
                .iter()
                .map(|v| v.map(|b| b.to_string())),
        ),
        DataType::Float32 => texts(series.f32().map_err(fail)?.iter().map(|v| v.map(f32_text))),
        DataType::Float64 => texts(
            series
                .f64()
                .map_err(fail)?
                .iter()
                .map(|v| v.map(float_text)),
        ),
        DataType::Date => texts(
            series
                .date()
                .map_err(fail)?
                .physical()
                .iter()
                .map(|v| v.map(|days| date_text(i64::from(days)))),
        ),
        DataType::Datetime(unit, zone) => {
            let suffix = if zone.is_some() { "Z" } else { "" };
            let per_second = match unit {
                TimeUnit::Nanoseconds => 1_000_000_000,
                TimeUnit::Microseconds => 1_000_000,
                TimeUnit::Milliseconds => 1_000,
            };
            texts(
                series
                    .datetime()
                    .map_err(fail)?
                    .physical()
                    .iter()
                    .map(|v| v.map(|t| datetime_text(t, per_second, suffix))),
            )
        }
        DataType::Decimal(_, scale) => texts(
            series
                .decimal()
                .map_err(fail)?
                .physical()
                .iter()
                .map(|v| v.map(|n| decimal_text(n, *scale))),
        ),
        // Integers of every width: their decimal digits, exactly.
        other if other.is_integer() => cast_text(series)?,
        other => cast_text(series).map_err(|_| format!("a column of type {other}"))?,
    };
    Ok(cells)
}

/// Nulls as empty cells.
fn texts(values: impl Iterator<Item = Option<String>>) -> Vec<String> {
    values.map(Option::unwrap_or_default).collect()
}

/// The column cast to text by polars.
fn cast_text(series: &Series) -> Result<Vec<String>, String> {
    let cast = series.cast(&DataType::String).map_err(|e| e.to_string())?;
    let strings = cast.str().map_err(|e| e.to_string())?;
    Ok(texts(strings.iter().map(|v| v.map(str::to_string))))
}

/// A 32-bit float in its own shortest form (`0.1`, not the `0.10000000149` of its widening).
fn f32_text(f: f32) -> String {
    if !f.is_finite() {
        return String::new();
    }
    if f == 0.0 {
        return "0".to_string();
    }
    format!("{f}")
}

/// A signed integer with `scale` decimal places: `12345`, scale 2 → `123.45`.
fn decimal_text(n: i128, scale: usize) -> String {
    let digits = n.unsigned_abs().to_string();
    let sign = if n < 0 { "-" } else { "" };
    if scale == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (whole, fraction) = padded.split_at(padded.len() - scale);
    format!("{sign}{whole}.{fraction}")
}

/// Days since 1970-01-01 as `YYYY-MM-DD` (proleptic Gregorian).
fn date_text(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A timestamp of `per_second` ticks per second since the epoch as
/// `YYYY-MM-DDTHH:MM:SS[.fff]` (`suffix` `Z` for a time-zone-aware, UTC, value).
fn datetime_text(ticks: i64, per_second: i64, suffix: &str) -> String {
    let seconds = ticks.div_euclid(per_second);
    let fraction = ticks.rem_euclid(per_second);
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (h, min, s) = (of_day / 3600, of_day % 3600 / 60, of_day % 60);
    let mut text = format!("{}T{h:02}:{min:02}:{s:02}", date_text(days));
    if fraction != 0 {
        let width = per_second.ilog10() as usize;
        let digits = format!("{fraction:0width$}");
        let kept = digits.trim_end_matches('0');
        // Whole milliseconds, microseconds or nanoseconds.
        let len = kept.len().div_ceil(3) * 3;
        text.push('.');
        text.push_str(&digits[..len.min(width)]);
    }
    text.push_str(suffix);
    text
}

/// Howard Hinnant's `civil_from_days`: the calendar date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::{IntoSeries, NamedFrom};

    #[test]
    fn dates_and_timestamps_are_iso_text() {
        assert_eq!(date_text(0), "1970-01-01");
        assert_eq!(date_text(19_787), "2024-03-05");
        assert_eq!(date_text(-1), "1969-12-31");
        assert_eq!(date_text(-25_567), "1900-01-01");
        let t = 1_709_649_000_i64; // 2024-03-05T14:30:00
        assert_eq!(datetime_text(t, 1, ""), "2024-03-05T14:30:00");
        assert_eq!(
            datetime_text(t * 1000 + 250, 1000, "Z"),
            "2024-03-05T14:30:00.250Z"
        );
        assert_eq!(
            datetime_text(t * 1_000_000 + 1, 1_000_000, ""),
            "2024-03-05T14:30:00.000001"
        );
        assert_eq!(datetime_text(-1, 1000, ""), "1969-12-31T23:59:59.999");
    }

    #[test]
    fn numbers_keep_their_digits_without_exponents() {
        let phones = Series::new("phone".into(), [Some(380_501_234_567_i64), None]);
        assert_eq!(column_text(&phones).unwrap(), ["380501234567", ""]);
        let big = Series::new("id".into(), [u64::MAX]);
        assert_eq!(column_text(&big).unwrap(), ["18446744073709551615"]);
        let floats = Series::new("x".into(), [3.0_f64, 0.1, 1e21, -2.5]);
        assert_eq!(
            column_text(&floats).unwrap(),
            ["3", "0.1", "1000000000000000000000", "-2.5"]
        );
        let narrow = Series::new("x".into(), [0.1_f32, 7.0]);
        assert_eq!(column_text(&narrow).unwrap(), ["0.1", "7"]);
        assert_eq!(decimal_text(12_345, 2), "123.45");
        assert_eq!(decimal_text(-5, 3), "-0.005");
        assert_eq!(decimal_text(380_501_234_567, 0), "380501234567");
    }

    #[test]
    fn text_and_booleans_pass_and_nulls_are_empty() {
        let text = Series::new("postcode".into(), [Some("01001"), None]);
        assert_eq!(column_text(&text).unwrap(), ["01001", ""]);
        let flags = Series::new("vip".into(), [Some(true), None]).into_series();
        assert_eq!(column_text(&flags).unwrap(), ["true", ""]);
    }
}
