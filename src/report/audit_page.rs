//! The audit page (`audit.html`): the quality gate's verdict, thresholds, trend against the
//! baseline, metrics per field, the quality charts and, against an earlier run, what changed.
//! Static HTML, no script.

use super::charts::{count_chart, quality_charts};
use super::escape::html;
use super::page::head;
use crate::audit::AuditOutcome;
use crate::finding::Finding;
use crate::validate::Scorecard;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Renders `audit.html`.
pub fn render_audit(
    outcome: &AuditOutcome,
    card: &Scorecard,
    findings: &[Finding],
    changes: Option<&[crate::previous::Change]>,
) -> String {
    let mut s = head("Steward data-quality audit");
    s.push_str("<main>");
    s.push_str(&verdict(outcome));
    s.push_str(&overall(outcome, findings.len()));
    if !outcome.trend.is_empty() {
        s.push_str(&trend(outcome));
    }
    s.push_str(&per_field(card));
    s.push_str("<section><h2>Quality before and after normalisation</h2>");
    s.push_str(&quality_charts(card));
    let mut per_code: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        *per_code.entry(f.code.as_str()).or_default() += 1;
    }
    let counts: Vec<(String, usize)> = per_code
        .into_iter()
        .map(|(c, n)| (c.to_string(), n))
        .collect();
    s.push_str(&count_chart("Findings per code", &counts, 40));
    s.push_str("</section>");
    s.push_str(&super::changes::section(changes));
    s.push_str("</main></body></html>\n");
    s
}

fn verdict(outcome: &AuditOutcome) -> String {
    let mut s = String::from("<section id=\"verdict\"><h2>Quality gate</h2>");
    if outcome.passed() {
        s.push_str("<p class=\"pass\" id=\"gate\" data-passed=\"true\">Every threshold holds.</p>");
    } else {
        s.push_str("<p class=\"fail notice\" id=\"gate\" data-passed=\"false\">Thresholds not met:</p><ul>");
        for f in &outcome.failed {
            let _ = write!(s, "<li>{}</li>", html(&f.to_string()));
        }
        s.push_str("</ul>");
    }
    if !outcome.regressions.is_empty() {
        s.push_str("<p class=\"notice\">Regressions against the baseline:</p><ul>");
        for r in &outcome.regressions {
            let _ = write!(s, "<li>{}</li>", html(&r.to_string()));
        }
        s.push_str("</ul>");
    }
    s.push_str("</section>");
    s
}

fn overall(outcome: &AuditOutcome, findings: usize) -> String {
    let pct = |k: &str| {
        outcome
            .metrics
            .get(k)
            .map_or_else(|| "n/a".to_string(), |v| format!("{:.1}%", v * 100.0))
    };
    let mut s = String::from("<section><h2>Overall</h2><div class=\"tiles\">");
    let tiles = [
        ("rows", outcome.rows.to_string()),
        ("estimated customers", outcome.customers.to_string()),
        ("estimated duplicates", pct("duplicates")),
        ("completeness", pct("completeness")),
        ("validity", pct("validity")),
        ("uniqueness", pct("uniqueness")),
        ("findings", findings.to_string()),
    ];
    for (label, value) in tiles {
        let _ = write!(
            s,
            "<div class=\"tile\"><b>{}</b><span>{}</span></div>",
            html(&value),
            html(label)
        );
    }
    s.push_str("</div></section>");
    s
}

fn trend(outcome: &AuditOutcome) -> String {
    let mut s = String::from(
        "<section id=\"trend\"><h2>Trend against the baseline</h2><table class=\"grid\"><thead><tr>\
         <th>metric</th><th>baseline</th><th>now</th><th>change</th><th></th></tr></thead><tbody>",
    );
    for t in &outcome.trend {
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"num\">{:.4}</td><td class=\"num\">{:.4}</td><td class=\"num\">{:+.4}</td><td>{}</td></tr>",
            html(&t.metric),
            t.baseline,
            t.current,
            t.delta(),
            if t.regression { "regression" } else { "" }
        );
    }
    s.push_str("</tbody></table></section>");
    s
}

fn per_field(card: &Scorecard) -> String {
    let mut s = String::from(
        "<section><h2>Per field</h2><table class=\"grid\"><thead><tr><th>field</th><th>completeness</th>\
         <th>validity</th><th>uniqueness</th></tr></thead><tbody>",
    );
    for (name, q) in &card.after {
        let validity = q
            .validity
            .map_or_else(|| "n/a".to_string(), |v| format!("{v:.4}"));
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"num\">{:.4}</td><td class=\"num\">{}</td><td class=\"num\">{:.4}</td></tr>",
            html(name),
            q.completeness,
            validity,
            q.uniqueness
        );
    }
    s.push_str("</tbody></table></section>");
    s
}
