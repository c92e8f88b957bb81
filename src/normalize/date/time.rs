//! Time of day after a date: `14:30`, `14:30:00.123`, `2:30 PM`, `14:30 น.`, with `Z` / `+02:00` / `UTC` zones.

use std::fmt;

/// A time of day with the zone as written (normalised to `Z` or `±HH:MM`), if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// `"Z"` or `"+02:00"`; empty when the time had no zone.
    pub zone: String,
}

impl TimeOfDay {
    /// A time from seconds after midnight (0..86400), without zone.
    pub fn from_seconds(secs: u32) -> TimeOfDay {
        let secs = secs % 86_400;
        TimeOfDay {
            hour: (secs / 3600) as u8,
            minute: (secs / 60 % 60) as u8,
            second: (secs % 60) as u8,
            zone: String::new(),
        }
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}:{:02}:{:02}{}",
            self.hour, self.minute, self.second, self.zone
        )
    }
}

/// Byte offset where a time (`H:MM` or `HH:MM`) starts in `text`, if it has one.
pub fn find_time_start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let colon = (1..b.len().saturating_sub(2)).find(|&i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    })?;
    let mut start = colon - 1;
    if start > 0 && b[start - 1].is_ascii_digit() {
        start -= 1;
    }
    (start == 0 || !b[start - 1].is_ascii_digit()).then_some(start)
}

/// Thai clock times use a dot and end in น. ("14.30 น."): the same text with a colon ("14:30 น.").
pub fn thai_clock_with_colon(text: &str) -> Option<String> {
    let trimmed = text.trim_end();
    let body = trimmed
        .strip_suffix('.')
        .unwrap_or(trimmed)
        .strip_suffix('น')?
        .trim_end();
    let b = body.as_bytes();
    let n = b.len();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if n < 4 || !(digit(n - 1) && digit(n - 2) && b.get(n - 3) == Some(&b'.') && digit(n - 4)) {
        return None;
    }
    let mut fixed = text.to_string();
    fixed.replace_range(n - 3..n - 2, ":");
    Some(fixed)
}

/// Parses a time of day; `None` unless the whole text is a time.
pub fn parse_time(text: &str) -> Option<TimeOfDay> {
    let (hour, rest) = take_number(text, 1, 2)?;
    let (minute, rest) = take_number(rest.strip_prefix(':')?, 2, 2)?;
    let (second, rest) = match rest.strip_prefix(':') {
        Some(r) => take_number(r, 2, 2)?,
        None => (0, rest),
    };
    let rest = skip_fraction(rest);
    let (meridiem, rest) = take_meridiem(rest.trim_start());
    let (zone, rest) = take_zone(rest.trim_start())?;
    let rest = rest.trim();
    let rest = rest
        .strip_prefix("น.")
        .or_else(|| rest.strip_prefix('น'))
        .unwrap_or(rest);
    if !rest.trim().is_empty() || minute > 59 || second > 59 {
        return None;
    }
    let hour = apply_meridiem(hour, meridiem)?;
    Some(TimeOfDay {
        hour,
        minute: minute as u8,
        second: second as u8,
        zone,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

fn apply_meridiem(hour: u32, meridiem: Option<Meridiem>) -> Option<u8> {
    let hour = match meridiem {
        None if hour <= 23 => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(Meridiem::Am) => hour % 12,
        Some(Meridiem::Pm) => hour % 12 + 12,
        None => return None,
    };
    u8::try_from(hour).ok()
}

/// Reads `min..=max` ASCII digits.
fn take_number(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = text
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if n < min {
        return None;
    }
    let (digits, rest) = text.split_at(n);
    Some((digits.parse().ok()?, rest))
}

fn skip_fraction(text: &str) -> &str {
    match text.strip_prefix('.').or_else(|| text.strip_prefix(',')) {
        Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => {
            r.trim_start_matches(|c: char| c.is_ascii_digit())
        }
        _ => text,
    }
}

fn take_meridiem(text: &str) -> (Option<Meridiem>, &str) {
    for (word, m) in [
        ("a.m.", Meridiem::Am),
        ("p.m.", Meridiem::Pm),
        ("am", Meridiem::Am),
        ("pm", Meridiem::Pm),
    ] {
        if let Some(prefix) = text.get(..word.len())
            && prefix.eq_ignore_ascii_case(word)
        {
            return (Some(m), &text[word.len()..]);
        }
    }
    (None, text)
}

/// Reads `Z`, `UTC`, `GMT`, `+02:00`, `+0200`, `+02`, `UTC+2`; the zone is empty when none is written.
fn take_zone(text: &str) -> Option<(String, &str)> {
    let mut rest = text;
    let mut named_utc = false;
    for word in ["UTC", "GMT", "Z"] {
        if let Some(r) = rest.strip_prefix(word) {
            rest = r;
            named_utc = true;
            break;
        }
    }
    let sign = match rest.chars().next() {
        Some('+') => '+',
        Some('-') | Some('−') => '-',
        _ if named_utc => return Some(("Z".to_string(), rest)),
        _ => return Some((String::new(), rest)),
    };
    rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
    let (hours, r) = take_number(rest, 1, 2)?;
    let r = r.strip_prefix(':').unwrap_or(r);
    let (minutes, r) = take_number(r, 2, 2).unwrap_or((0, r));
    if hours > 14 || minutes > 59 {
        return None;
    }
    if hours == 0 && minutes == 0 {
        return Some(("Z".to_string(), r));
    }
    Some((format!("{sign}{hours:02}:{minutes:02}"), r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Option<String> {
        parse_time(s).map(|t| t.to_string())
    }

    #[test]
    fn twenty_four_hour_clock_with_zones() {
        assert_eq!(t("14:30").as_deref(), Some("14:30:00"));
        assert_eq!(t("14:30:15.250").as_deref(), Some("14:30:15"));
        assert_eq!(t("09:05:00Z").as_deref(), Some("09:05:00Z"));
        assert_eq!(t("14:30:00+02:00").as_deref(), Some("14:30:00+02:00"));
        assert_eq!(t("14:30:00+0530").as_deref(), Some("14:30:00+05:30"));
        assert_eq!(t("14:30 UTC").as_deref(), Some("14:30:00Z"));
        assert_eq!(t("14:30:00-05:00").as_deref(), Some("14:30:00-05:00"));
        assert_eq!(t("14:30 น.").as_deref(), Some("14:30:00"));
    }

    #[test]
    fn twelve_hour_clock() {
        assert_eq!(t("2:30 PM").as_deref(), Some("14:30:00"));
        assert_eq!(t("12:00 a.m.").as_deref(), Some("00:00:00"));
        assert_eq!(t("12:15pm").as_deref(), Some("12:15:00"));
        assert_eq!(t("13:00 PM"), None);
    }

    #[test]
    fn rejects_impossible_times_and_trailing_junk() {
        assert_eq!(t("25:00"), None);
        assert_eq!(t("10:61"), None);
        assert_eq!(t("10:30 tomorrow"), None);
    }

    #[test]
    fn thai_dot_clock() {
        assert_eq!(
            thai_clock_with_colon("5 มี.ค. 2567 14.30 น.").as_deref(),
            Some("5 มี.ค. 2567 14:30 น.")
        );
        assert_eq!(thai_clock_with_colon("05.03.2567"), None);
        assert_eq!(thai_clock_with_colon("05.03.2567 น."), None);
    }

    #[test]
    fn finds_where_the_time_starts() {
        assert_eq!(find_time_start("2024-03-05T14:30:00"), Some(11));
        assert_eq!(find_time_start("05.03.2024 9:05"), Some(11));
        assert_eq!(find_time_start("05.03.2024"), None);
    }
}
