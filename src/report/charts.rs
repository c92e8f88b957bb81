//! Inline SVG charts for the report and the audit page: quality per field, before and after.

use super::escape::html;
use crate::validate::{FieldQuality, Scorecard};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The series a quality chart compares, in drawing order, with their CSS colour class.
const SERIES: [(&str, &str); 3] = [
    ("as read", "s-before"),
    ("normalised", "s-after"),
    ("golden", "s-golden"),
];

const LABEL_WIDTH: f64 = 130.0;
const BAR_WIDTH: f64 = 260.0;
const BAR_HEIGHT: f64 = 9.0;

/// Which measure of a [`FieldQuality`] a chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Completeness,
    Validity,
    Uniqueness,
}

impl Measure {
    pub fn title(self) -> &'static str {
        match self {
            Measure::Completeness => "Completeness",
            Measure::Validity => "Validity",
            Measure::Uniqueness => "Uniqueness",
        }
    }

    fn of(self, q: &FieldQuality) -> Option<f64> {
        match self {
            Measure::Completeness => Some(q.completeness),
            Measure::Validity => q.validity,
            Measure::Uniqueness => Some(q.uniqueness),
        }
    }
}

/// The three quality charts (completeness, validity, uniqueness) with a shared legend.
pub fn quality_charts(card: &Scorecard) -> String {
    let mut out = String::from("<div class=\"legend\">");
    for (name, class) in SERIES {
        let _ = write!(out, "<span><i class=\"{class}\"></i>{}</span>", html(name));
    }
    out.push_str("</div><div class=\"charts\">");
    for measure in [
        Measure::Completeness,
        Measure::Validity,
        Measure::Uniqueness,
    ] {
        out.push_str(&quality_chart(card, measure));
    }
    out.push_str("</div>");
    out
}

/// One measure per field as grouped horizontal bars (as read, normalised, golden).
pub fn quality_chart(card: &Scorecard, measure: Measure) -> String {
    let fields: Vec<&&str> = card.after.keys().chain(card.before.keys()).collect();
    let mut names: Vec<&str> = fields.into_iter().copied().collect();
    names.sort_unstable();
    names.dedup();
    let rows: Vec<(&str, [Option<f64>; 3])> = names
        .iter()
        .map(|name| {
            // Uniqueness of a series with no values at all says nothing; leave its bar out.
            let pick = |m: &BTreeMap<&'static str, FieldQuality>| {
                m.get(name)
                    .filter(|q| measure != Measure::Uniqueness || q.completeness > 0.0)
                    .and_then(|q| measure.of(q))
            };
            (
                *name,
                [pick(&card.before), pick(&card.after), pick(&card.golden)],
            )
        })
        .filter(|(_, v)| v.iter().any(Option::is_some))
        .collect();
    let group = BAR_HEIGHT * 3.0 + 8.0;
    let height = 24.0 + group * rows.len().max(1) as f64;
    let width = LABEL_WIDTH + BAR_WIDTH + 50.0;
    let mut svg = format!(
        "<figure class=\"chart\"><figcaption>{}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">",
        measure.title()
    );
    if rows.is_empty() {
        svg.push_str("<text x=\"4\" y=\"16\">no values</text>");
    }
    for (i, (name, values)) in rows.iter().enumerate() {
        let top = 20.0 + group * i as f64;
        let _ = write!(
            svg,
            "<text class=\"label\" x=\"{:.0}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LABEL_WIDTH - 6.0,
            top + BAR_HEIGHT * 1.5 + 4.0,
            html(name)
        );
        for (s, value) in values.iter().enumerate() {
            if let Some(v) = value {
                svg.push_str(&bar(top + BAR_HEIGHT * s as f64, *v, SERIES[s], name));
            }
        }
    }
    svg.push_str("</svg></figure>");
    svg
}

fn bar(y: f64, value: f64, (series, class): (&str, &str), field: &str) -> String {
    let v = value.clamp(0.0, 1.0);
    format!(
        "<rect class=\"{class}\" x=\"{LABEL_WIDTH}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\"><title>{} {}: {:.1}%</title></rect><text class=\"value\" x=\"{:.1}\" y=\"{:.1}\">{:.0}%</text>",
        v * BAR_WIDTH,
        BAR_HEIGHT - 1.0,
        html(field),
        html(series),
        v * 100.0,
        LABEL_WIDTH + v * BAR_WIDTH + 3.0,
        y + BAR_HEIGHT - 1.5,
        v * 100.0
    )
}

/// A horizontal bar chart of counts (findings per code), largest first, at most `limit` bars.
pub fn count_chart(title: &str, counts: &[(String, usize)], limit: usize) -> String {
    let mut rows: Vec<&(String, usize)> = counts.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.truncate(limit);
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1) as f64;
    let label_width = 210.0;
    let height = 10.0 + 16.0 * rows.len().max(1) as f64;
    let width = label_width + BAR_WIDTH + 70.0;
    let mut svg = format!(
        "<figure class=\"chart\"><figcaption>{}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">",
        html(title)
    );
    if rows.is_empty() {
        svg.push_str("<text x=\"4\" y=\"16\">none</text>");
    }
    for (i, (label, count)) in rows.iter().enumerate() {
        let y = 4.0 + 16.0 * i as f64;
        let w = (*count as f64 / max * BAR_WIDTH).max(1.0);
        let _ = write!(
            svg,
            "<text class=\"label\" x=\"{:.0}\" y=\"{:.1}\" text-anchor=\"end\">{}</text><rect class=\"s-count\" x=\"{label_width}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"12\"></rect><text class=\"value\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            label_width - 6.0,
            y + 10.0,
            html(label),
            label_width + w + 3.0,
            y + 10.0,
            crate::thousands::count(*count)
        );
    }
    svg.push_str("</svg></figure>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> Scorecard {
        let mut card = Scorecard::default();
        let q = |c: f64, v: Option<f64>| FieldQuality {
            completeness: c,
            validity: v,
            uniqueness: 0.5,
        };
        card.before.insert("email", q(0.75, None));
        card.after.insert("email", q(0.5, Some(0.6667)));
        card.golden.insert("email", q(1.0, None));
        card
    }

    #[test]
    fn quality_chart_draws_one_bar_per_available_series() {
        let svg = quality_chart(&card(), Measure::Completeness);
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("75%") && svg.contains("50%") && svg.contains("100%"));
        let validity = quality_chart(&card(), Measure::Validity);
        assert_eq!(validity.matches("<rect").count(), 1);
        assert!(validity.contains("67%"));
    }

    #[test]
    fn count_chart_orders_by_count_and_escapes_labels() {
        let counts = vec![("a<b".to_string(), 1), ("phone.invalid".to_string(), 9)];
        let svg = count_chart("Findings", &counts, 10);
        let first = svg.find("phone.invalid").unwrap_or(usize::MAX);
        let second = svg.find("a&lt;b").unwrap_or(0);
        assert!(first < second);
        assert!(!svg.contains("a<b"));
    }
}
