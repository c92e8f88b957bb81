//! The merge report (`report.html`) and the audit page (`audit.html`): self-contained HTML
//! with inline CSS, inline SVG charts and a little vanilla JS, working offline.
//!
//! The report embeds its data once, as JSON in a `<script type="application/json">` element,
//! and its script renders the review queue, the customer browser and the findings browser
//! with `textContent` only. Large runs are capped ([`Caps`]) and the page says so.

mod audit_page;
mod calibration;
mod changes;
mod charts;
mod escape;
mod page;
mod payload;
mod select;

pub use audit_page::render_audit;
pub use select::Caps;

use crate::config::Config;
use crate::error::Result;
use crate::output::Staging;
use crate::pipeline::RunData;
use crate::validate::{self, Scorecard};
use std::io::Write;

/// How to render the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Mask names, e-mails, phones and street addresses (`output.mask_pii`).
    pub mask_pii: bool,
    pub caps: Caps,
}

impl ReportOptions {
    /// The options a run's configuration asks for.
    pub fn from_config(config: &Config) -> ReportOptions {
        ReportOptions {
            mask_pii: config.output.mask_pii,
            caps: Caps::default(),
        }
    }
}

/// Renders `report.html` for a run.
pub fn render_report(data: &RunData, options: &ReportOptions) -> String {
    let card = validate::scorecard(
        &data.records,
        &data.as_read,
        data.golden.iter().map(|g| &g.values),
        &data.findings,
    );
    render_report_with(data, &card, options)
}

/// Renders `report.html` with a scorecard already computed.
pub fn render_report_with(data: &RunData, card: &Scorecard, options: &ReportOptions) -> String {
    page::render(data, card, &options.caps, options.mask_pii)
}

/// Writes `report.html` into the staging directory of a run's outputs.
pub fn write_report(
    data: &RunData,
    card: &Scorecard,
    config: &Config,
    staging: &Staging,
) -> Result<()> {
    let html = render_report_with(data, card, &ReportOptions::from_config(config));
    let mut w = staging.create("report.html")?;
    w.write_all(html.as_bytes())?;
    w.flush()?;
    Ok(())
}

/// Whether the report's script ever assigns `innerHTML`/`outerHTML` (it must not: data goes
/// through `textContent`).
#[cfg(test)]
fn assets_use_inner_html() -> bool {
    let script = include_str!("assets/report.js");
    [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
    ]
    .iter()
    .any(|bad| script.contains(bad))
}

#[cfg(test)]
pub(crate) mod tests;
