//! The report's calibration section: a histogram of every compared pair's match weight with
//! the review and match thresholds drawn on it, and what moving a threshold would change.

use super::escape::html;
use crate::dedupe::calibration::{Calibration, Threshold, WeightBand};
use crate::thousands::grouped;
use std::fmt::Write;

const PLOT_WIDTH: f64 = 640.0;
const PLOT_HEIGHT: f64 = 150.0;
const LEFT: f64 = 44.0;
const TOP: f64 = 10.0;
const AXIS: f64 = 34.0;

/// The whole section.
pub fn section(c: &Calibration) -> String {
    let mut s = String::from(
        "<section id=\"calibration\"><h2>Model calibration</h2><p>Every compared pair by its \
         match weight (log2 of the odds that the two rows are one customer). Pairs right of the \
         match threshold are merged, pairs between the thresholds go to review. Bars are on a \
         log scale; hover a bar for its count and the matches the model expects in it. A \
         review queue full of obvious matches, or merges just right of the threshold, says the \
         thresholds (<code>[dedupe] match_threshold</code>, <code>review_threshold</code>) do \
         not fit this data.</p>",
    );
    s.push_str(&histogram(c));
    s.push_str(&what_if_table(c));
    s.push_str("</section>");
    s
}

/// Which side of the thresholds a band lies on, as a CSS class.
fn zone(band: &WeightBand, c: &Calibration) -> &'static str {
    let mid = match (band.from, band.to) {
        (Some(f), Some(_)) => f64::from(f) + 0.5,
        (Some(f), None) => f64::from(f) + 1.0,
        (None, Some(t)) => f64::from(t) - 1.0,
        (None, None) => 0.0,
    };
    let weight = |t: Option<Threshold>| t.map_or(f64::INFINITY, |t| t.weight);
    if mid >= weight(c.match_threshold) {
        "z-match"
    } else if mid >= weight(c.review_threshold) {
        "z-review"
    } else {
        "z-non-match"
    }
}

fn band_label(b: &WeightBand) -> String {
    match (b.from, b.to) {
        (Some(f), Some(t)) => format!("{f} to {t}"),
        (Some(f), None) => format!("{f} and above"),
        (None, Some(t)) => format!("below {t}"),
        (None, None) => "all".to_string(),
    }
}

/// The histogram as an inline SVG.
pub fn histogram(c: &Calibration) -> String {
    let bands = &c.histogram;
    let width = LEFT + PLOT_WIDTH + 10.0;
    let height = TOP + PLOT_HEIGHT + AXIS;
    let mut svg = format!(
        "<figure class=\"chart\" id=\"weight-histogram\"><figcaption>Match weight of {} compared pairs</figcaption>\
         <div class=\"legend\"><span><i class=\"z-non-match\"></i>not merged</span><span><i class=\"z-review\"></i>review</span>\
         <span><i class=\"z-match\"></i>merged</span></div>\
         <svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">",
        grouped(c.pairs_compared)
    );
    let (Some(lo), Some(hi)) = (
        bands
            .first()
            .map(|b| b.from.unwrap_or(b.to.unwrap_or(0) - 1)),
        bands
            .last()
            .map(|b| b.to.unwrap_or(b.from.unwrap_or(0) + 1)),
    ) else {
        svg.push_str("<text x=\"4\" y=\"16\">no pairs were compared</text></svg></figure>");
        return svg;
    };
    let (lo, hi) = (f64::from(lo), f64::from(hi.max(lo + 1)));
    let x = |w: f64| LEFT + (w.clamp(lo, hi) - lo) / (hi - lo) * PLOT_WIDTH;
    let max = bands.iter().map(|b| b.pairs).max().unwrap_or(1).max(1) as f64;
    let scale = |n: u64| (1.0 + n as f64).log10() / (1.0 + max).log10() * PLOT_HEIGHT;
    for b in bands {
        let from = f64::from(b.from.unwrap_or(lo as i32));
        let to = f64::from(b.to.unwrap_or(hi as i32));
        let h = scale(b.pairs).max(1.0);
        let _ = write!(
            svg,
            "<rect class=\"{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\"><title>weight {}: {} pairs, about {} matches expected</title></rect>",
            zone(b, c),
            x(from) + 0.5,
            TOP + PLOT_HEIGHT - h,
            (x(to) - x(from) - 1.0).max(1.0),
            html(&band_label(b)),
            grouped(b.pairs),
            b.expected_matches
        );
    }
    let base = TOP + PLOT_HEIGHT;
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{base}\" x2=\"{:.1}\" y2=\"{base}\"></line>",
        LEFT + PLOT_WIDTH
    );
    let step = ((hi - lo) / 10.0).ceil().max(1.0);
    let mut tick = (lo / step).ceil() * step;
    while tick <= hi {
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{tick}</text>",
            x(tick),
            base + 13.0
        );
        tick += step;
    }
    // The review label reads leftwards from its line and the match label rightwards, so the
    // two never overlap however close the thresholds are.
    for (name, t, anchor, nudge) in [
        ("review", c.review_threshold, "end", -3.0),
        ("match", c.match_threshold, "start", 3.0),
    ] {
        if let Some(t) = t {
            let _ = write!(
                svg,
                "<line class=\"threshold\" x1=\"{0:.1}\" y1=\"{TOP}\" x2=\"{0:.1}\" y2=\"{base}\"><title>{name} threshold: probability {1}, weight {2:.2}</title></line>\
                 <text x=\"{3:.1}\" y=\"{4:.1}\" text-anchor=\"{anchor}\">{name} {1}</text>",
                x(t.weight),
                t.probability,
                t.weight,
                x(t.weight) + nudge,
                base + 27.0
            );
        }
    }
    svg.push_str("</svg></figure>");
    svg
}

/// Pairs at or above each probability the match threshold might be moved to.
fn what_if_table(c: &Calibration) -> String {
    let mut s = String::from(
        "<h3>Moving a threshold</h3><table class=\"grid\" id=\"threshold-what-if\"><thead><tr>\
         <th>match probability</th><th>match weight</th><th>pairs at or above</th><th></th></tr></thead><tbody>",
    );
    let current =
        |p: f64, t: Option<Threshold>| t.is_some_and(|t| (t.probability - p).abs() < 1e-12);
    for w in &c.what_if {
        let note = if current(w.probability, c.match_threshold) {
            "match threshold now"
        } else if current(w.probability, c.review_threshold) {
            "review threshold now"
        } else {
            ""
        };
        let _ = write!(
            s,
            "<tr><td class=\"num\">{}</td><td class=\"num\">{:.2}</td><td class=\"num\">{}</td><td>{note}</td></tr>",
            w.probability,
            Threshold::at(w.probability).weight,
            grouped(w.pairs_at_or_above)
        );
    }
    s.push_str(
        "</tbody></table><p class=\"muted\">As the model scored the pairs, before steward decisions \
         and the guards that keep conflicting records apart; merging is transitive, so a pair \
         more at the threshold can join two customers.</p>",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::calibration::WeightHistogram;

    fn calibration() -> Calibration {
        let mut h = WeightHistogram::default();
        for (w, n) in [(-12.0, 500), (-1.0, 40), (2.0, 7), (9.0, 30)] {
            for _ in 0..n {
                h.add(w, crate::dedupe::score::Model::probability(w));
            }
        }
        let kept = [0.6, 0.97, 0.999].into_iter();
        Calibration::new(&h, kept, 0.2, 0.95, 0.5)
    }

    #[test]
    fn bands_are_coloured_by_the_side_of_the_thresholds() {
        let svg = histogram(&calibration());
        assert_eq!(svg.matches("<rect class=\"z-non-match\"").count(), 2);
        assert_eq!(svg.matches("<rect class=\"z-review\"").count(), 1);
        assert_eq!(svg.matches("<rect class=\"z-match\"").count(), 1);
        assert!(svg.contains("577 compared pairs"), "{svg}");
        assert!(svg.contains("match threshold: probability 0.95"));
        assert!(svg.contains("weight 9 to 10: 30 pairs"));
    }

    #[test]
    fn counts_have_thousands_separators() {
        let mut h = WeightHistogram::default();
        for _ in 0..1234 {
            h.add(-5.0, 0.03);
        }
        let c = Calibration::new(&h, std::iter::empty(), 0.2, 0.95, 0.5);
        let svg = histogram(&c);
        assert!(
            svg.contains("1,234 compared pairs") && svg.contains(": 1,234 pairs"),
            "{svg}"
        );
    }

    #[test]
    fn the_table_marks_the_current_thresholds() {
        let s = section(&calibration());
        assert!(s.contains("match threshold now"));
        assert!(s.contains("review threshold now"));
        assert!(
            s.contains(
                "<td class=\"num\">0.95</td><td class=\"num\">4.25</td><td class=\"num\">2</td>"
            ),
            "{s}"
        );
    }

    #[test]
    fn no_pairs_says_so() {
        let c = Calibration::new(
            &WeightHistogram::default(),
            std::iter::empty(),
            0.2,
            0.95,
            0.5,
        );
        assert!(histogram(&c).contains("no pairs were compared"));
    }
}
