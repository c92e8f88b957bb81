//! The merge report page: static summary HTML (counts, quality charts, findings per code) plus
//! the embedded data and the script that renders the review queue, customers and findings.

use super::charts::{count_chart, quality_charts};
use super::escape::{html, script_json};
use super::payload;
use super::select::{self, Caps};
use crate::dedupe::Decision;
use crate::pipeline::RunData;
use crate::thousands::count;
use crate::validate::Scorecard;
use std::collections::BTreeMap;
use std::fmt::Write;

const CSS: &str = include_str!("assets/report.css");
const SCRIPT: &str = include_str!("assets/report.js");

/// Renders the whole self-contained report.
pub fn render(data: &RunData, card: &Scorecard, caps: &Caps, mask_pii: bool) -> String {
    let payload = payload::build(data, caps, mask_pii);
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(&head("Steward merge report"));
    let changes_link = if data.changes.is_some() {
        "<a href=\"#changes\">Since the previous run</a>"
    } else {
        ""
    };
    let _ = write!(
        out,
        "<nav><a href=\"#summary\">Summary</a>{changes_link}<a href=\"#calibration\">Calibration</a><a href=\"#review\">Review queue</a>\
         <a href=\"#customers\">Customers</a><a href=\"#findings\">Findings</a></nav><main>",
    );
    out.push_str(&summary_section(data, card, mask_pii));
    out.push_str(&super::changes::section(data.changes.as_deref()));
    out.push_str(&super::calibration::section(&data.dedupe.calibration));
    out.push_str(&review_section(data, caps));
    out.push_str(&customers_section(data, caps));
    out.push_str(&findings_section(data, caps));
    out.push_str("</main><pre id=\"selftest-decisions\" hidden></pre>");
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"steward-data\">{}</script><script>{SCRIPT}</script></body></html>",
        script_json(&payload)
    );
    out
}

/// The document head with the inline stylesheet, and the opening `<body>`.
pub fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\
         <title>{}</title><style>{CSS}</style></head><body>\n<header><h1>{}</h1></header>",
        html(title),
        html(title)
    )
}

fn summary_section(data: &RunData, card: &Scorecard, mask_pii: bool) -> String {
    let mut rows_per_source = vec![0usize; data.sources.len()];
    for r in &data.records {
        if let Some(n) = rows_per_source.get_mut(r.source as usize) {
            *n += 1;
        }
    }
    let quarantined = data.eligible.iter().filter(|e| !**e).count();
    let merged = crate::survive::merged_rows(&data.golden);
    let review = data
        .dedupe
        .pairs
        .iter()
        .filter(|p| p.decision == Decision::Review)
        .count();
    let mut s = String::from("<section id=\"summary\"><h2>Summary</h2>");
    if mask_pii {
        s.push_str("<p class=\"notice\">Personal data (names, e-mails, phones, street addresses) is masked in this report.</p>");
    }
    s.push_str("<div class=\"tiles\">");
    for (label, n) in [
        ("rows read", data.records.len()),
        ("customers out", data.golden.len()),
        ("rows merged", merged),
        ("pairs in review", review),
        ("rows quarantined", quarantined),
        ("findings", data.findings.len()),
    ] {
        let _ = write!(
            s,
            "<div class=\"tile\"><b>{}</b><span>{}</span></div>",
            count(n),
            html(label)
        );
    }
    s.push_str("</div><h3>Rows read per source</h3><table class=\"grid\"><thead><tr><th>source</th><th>rows</th></tr></thead><tbody>");
    for (src, n) in data.sources.iter().zip(&rows_per_source) {
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
            html(&src.table.name),
            count(*n)
        );
    }
    s.push_str("</tbody></table><h3>Quality before and after</h3>");
    s.push_str(&quality_charts(card));
    s.push_str(&findings_summary(data));
    s.push_str("</section>");
    s
}

fn findings_summary(data: &RunData) -> String {
    let mut per_code: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &data.findings {
        *per_code.entry(f.code.as_str()).or_default() += 1;
    }
    let counts: Vec<(String, usize)> = per_code
        .into_iter()
        .map(|(c, n)| (c.to_string(), n))
        .collect();
    let mut s = String::from("<h3>Findings by code and field</h3>");
    s.push_str(&count_chart("Findings per code", &counts, 40));
    s.push_str("<table class=\"grid\" id=\"findings-by-code\"><thead><tr><th>code</th><th>field</th><th>count</th></tr></thead><tbody>");
    for (code, field, n) in select::findings_by_code_and_field(&data.findings) {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            html(&code),
            html(&field),
            count(n)
        );
    }
    s.push_str("</tbody></table>");
    s
}

fn cap_notice(shown: usize, total: usize, what: &str, how: &str) -> String {
    if shown < total {
        format!(
            "<p class=\"notice cap\">Showing {} of {} {}: {}. The CSV outputs hold them all.</p>",
            count(shown),
            count(total),
            html(what),
            html(how)
        )
    } else {
        String::new()
    }
}

fn review_section(data: &RunData, caps: &Caps) -> String {
    let total = data
        .dedupe
        .pairs
        .iter()
        .filter(|p| p.decision == Decision::Review)
        .count();
    let mut s = String::from(
        "<section id=\"review\"><h2>Review queue</h2><p>Pairs the model was unsure of and merges a \
         guard held back, those whose decision matters most first (the most uncertain, weighted by \
         the rows a decision would move between customers). Mark each as a match or not; the marks are kept \
         in this browser while you work. Download them as <code>decisions.csv</code> and pass it to \
         <code>steward run --decisions decisions.csv</code> so the next run honours them.</p>",
    );
    s.push_str(&cap_notice(
        total.min(caps.review),
        total,
        "review pairs",
        "those whose decision matters most",
    ));
    s.push_str(
        "<div class=\"toolbar\"><button type=\"button\" id=\"download-decisions\">Download decisions.csv</button>\
         <span id=\"decision-count\"></span></div><div id=\"review-groups\"></div><div id=\"review-list\"></div></section>",
    );
    s
}

fn customers_section(data: &RunData, caps: &Caps) -> String {
    let merged = data.golden.iter().filter(|g| g.members.len() > 1).count();
    let shown = data.golden.len().min(caps.clusters);
    let mut s = String::from("<section id=\"customers\"><h2>Customers</h2>");
    let how = if merged > caps.clusters {
        format!("a fixed sample of the {} merged customers", count(merged))
    } else {
        format!(
            "all {} merged customers, then a fixed sample of the others",
            count(merged)
        )
    };
    s.push_str(&cap_notice(shown, data.golden.len(), "customers", &how));
    s.push_str(
        "<p>Each customer shows its golden values beside every member's, the member each golden value \
         came from marked. <em>Use</em> makes a member's value the golden one and <em>Take out</em> makes a \
         row a customer of its own; both go into <code>decisions.csv</code> with the review marks.</p>\
         <div class=\"toolbar\"><input type=\"search\" id=\"customer-search\" placeholder=\"Search name, e-mail or phone\" size=\"40\">\
         <select id=\"customer-filter\"><option value=\"\">all customers</option><option value=\"merged\">several members</option>\
         <option value=\"conflicts\">members disagree</option><option value=\"findings\">with findings</option></select>\
         <select id=\"customer-source\"><option value=\"\">any source</option></select>\
         <select id=\"customer-sort\"><option value=\"size\">largest first</option><option value=\"weakest\">weakest link first</option></select>\
         <span id=\"customer-count\"></span></div><div id=\"customer-list\"></div></section>",
    );
    s
}

fn findings_section(data: &RunData, caps: &Caps) -> String {
    let total = data.findings.len();
    let mut s = String::from("<section id=\"findings\"><h2>Findings</h2>");
    s.push_str(&cap_notice(
        total.min(caps.findings),
        total,
        "findings",
        "taken in turn from every code; the counts above are complete",
    ));
    s.push_str(
        "<div class=\"toolbar\"><label>code <select id=\"filter-code\"></select></label>\
         <label>field <select id=\"filter-field\"></select></label>\
         <label>source <select id=\"filter-source\"></select></label><span id=\"finding-count\"></span></div>\
         <table class=\"grid\" id=\"finding-table\"><thead><tr><th>source</th><th>row</th><th>field</th><th>code</th>\
         <th>severity</th><th>raw</th><th>suggestion</th><th>message</th></tr></thead><tbody></tbody></table></section>",
    );
    s
}
