//! The closing summary of `steward run`: counts with thousands separators, the warnings about the inputs, the elapsed time and where the report is.

use super::terminal::printable;
use std::path::Path;
use std::time::Duration;
use steward::pipeline::RunSummary;
use steward::thousands::count;

/// The lines printed on stderr after a run that wrote `out`, in `elapsed`; the last one
/// gives the time and the path of `report.html`.
pub fn lines(summary: &RunSummary, out: &Path, elapsed: Duration) -> Vec<String> {
    let mut lines: Vec<String> = summary.warnings.iter().map(warning_line).collect();
    lines.push(format!(
        "steward: {} rows from {} sources → {} customers ({} rows merged, {} quarantined, {} suppressed, {} pairs to review, {} findings)",
        count(summary.rows),
        count(summary.sources),
        count(summary.customers),
        count(summary.merged_rows),
        count(summary.quarantined),
        count(summary.suppressed),
        count(summary.review_pairs),
        count(summary.findings),
    ));
    if let Some(d) = summary.decisions {
        lines.push(format!(
            "steward: decisions: {} read, {} unresolved, {} conflicting{}",
            count(d.read),
            count(d.unresolved),
            count(d.conflicting),
            if d.unresolved + d.conflicting > 0 {
                " (not applied; see the dedupe.decision_* findings)"
            } else {
                ""
            }
        ));
    }
    if let Some(s) = summary.suppression {
        lines.push(format!(
            "steward: suppression list: {} entries read, {} matched, {} matched no row{}",
            count(s.entries),
            count(s.matched),
            count(s.unmatched),
            match s.ignored_cells {
                0 => String::new(),
                n => format!(
                    "; {} cell(s) neither an e-mail nor a phone were skipped",
                    count(n)
                ),
            }
        ));
    }
    lines.push(format!(
        "steward: done in {}; outputs in {}, open {}",
        duration(elapsed),
        printable(&out.display().to_string()),
        printable(&out.join("report.html").display().to_string()),
    ));
    lines
}

/// `steward: warning: SOURCE (column "C"): MESSAGE` for a warning finding, terminal-safe.
pub fn warning_line(f: &steward::Finding) -> String {
    let column = if f.field.is_empty() {
        String::new()
    } else {
        format!(" (column {:?})", f.field)
    };
    printable(&format!(
        "steward: warning: {}{column}: {}",
        f.source, f.message
    ))
}

/// `0.4 s`, `12.3 s`, `2 min 5 s`, `1 h 2 min`.
pub fn duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1} s")
    } else if secs < 3600.0 {
        let s = d.as_secs();
        format!("{} min {} s", s / 60, s % 60)
    } else {
        let s = d.as_secs();
        format!("{} h {} min", s / 3600, (s % 3600) / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::duration;
    use std::time::Duration;

    #[test]
    fn durations_read_in_the_largest_sensible_unit() {
        assert_eq!(duration(Duration::from_millis(430)), "0.4 s");
        assert_eq!(duration(Duration::from_millis(12_340)), "12.3 s");
        assert_eq!(duration(Duration::from_secs(125)), "2 min 5 s");
        assert_eq!(duration(Duration::from_secs(3720)), "1 h 2 min");
    }
}
