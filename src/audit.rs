//! Audit mode (`steward audit`): profiles sources without merging them into outputs, scores
//! their quality, checks the `--fail-under` thresholds, compares with a baseline, and writes
//! `quality.json` and `audit.html`.
//!
//! Metric names: `completeness`, `validity`, `uniqueness` and `duplicates` for the whole
//! dataset, `<field>.completeness`, `<field>.validity`, `<field>.uniqueness` per field.
//! Overall completeness is the mean over the fields the sources carry; overall validity is
//! valid values / present values over every validated field; `duplicates` is the estimated
//! duplicate share, 1 − customers / eligible rows, and overall uniqueness is 1 − duplicates.
//! Every metric is a minimum except `duplicates`, which is a maximum.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::Staging;
use crate::pipeline::{self, RunData};
use crate::progress::Progress;
use crate::record::Field;
use crate::validate::{self, Scorecard};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::Path;

/// A change larger than this against the baseline is a regression.
pub const REGRESSION_TOLERANCE: f64 = 0.01;
const EPSILON: f64 = 1e-9;

/// What a threshold measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    Completeness,
    Validity,
    Uniqueness,
    /// Estimated duplicate share; a maximum.
    Duplicates,
}

impl Metric {
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Completeness => "completeness",
            Metric::Validity => "validity",
            Metric::Uniqueness => "uniqueness",
            Metric::Duplicates => "duplicates",
        }
    }

    fn parse(text: &str) -> Option<Metric> {
        match text {
            "completeness" | "complete" => Some(Metric::Completeness),
            "validity" | "valid" => Some(Metric::Validity),
            "uniqueness" | "unique" => Some(Metric::Uniqueness),
            "duplicates" | "duplicate" | "dupes" => Some(Metric::Duplicates),
            _ => None,
        }
    }
}

/// One `--fail-under` threshold: `validity=0.95`, `email.validity=0.9`, `duplicates=0.02`.
#[derive(Clone, Debug, PartialEq)]
pub struct Threshold {
    /// The field, for a per-field threshold.
    pub field: Option<Field>,
    pub metric: Metric,
    /// The bound, a share between 0 and 1.
    pub value: f64,
}

impl Threshold {
    /// The metric name as in `quality.json` (`email.validity`, `duplicates`).
    pub fn name(&self) -> String {
        match self.field {
            Some(f) => format!("{}.{}", f.name(), self.metric.as_str()),
            None => self.metric.as_str().to_string(),
        }
    }

    /// Whether the bound is a maximum (the measured value must not exceed it).
    pub fn is_maximum(&self) -> bool {
        self.metric == Metric::Duplicates
    }
}

/// Parses `completeness=0.9,validity=0.95,duplicates=0.02,email.validity=0.9`. Values are
/// shares (`0.9`) or percentages (`90%`). A gate with no threshold at all (`--fail-under ""`,
/// as an unset CI variable gives) is a usage error, not a gate that always passes.
pub fn parse_thresholds(text: &str) -> Result<Vec<Threshold>> {
    let thresholds = text
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(parse_threshold)
        .collect::<Result<Vec<_>>>()?;
    if thresholds.is_empty() {
        return Err(Error::config(
            "--fail-under names no threshold (an unset variable?); give METRIC=VALUE, e.g. validity=0.95, or leave the option out",
        ));
    }
    Ok(thresholds)
}

fn parse_threshold(part: &str) -> Result<Threshold> {
    let bad = |why: &str| Error::config(format!("--fail-under {part:?}: {why}"));
    let (key, value) = part
        .split_once('=')
        .ok_or_else(|| bad("expected METRIC=VALUE, e.g. validity=0.95"))?;
    let key = key.trim().to_ascii_lowercase();
    let (field, metric) = match key.rsplit_once('.') {
        Some((field, metric)) => {
            let field = Field::from_name(field.trim())
                .ok_or_else(|| bad(&format!("unknown field {field:?}")))?;
            (Some(field), metric.trim())
        }
        None => (None, key.as_str()),
    };
    let metric = Metric::parse(metric).ok_or_else(|| {
        bad("unknown metric; use completeness, validity, uniqueness or duplicates")
    })?;
    if field.is_some() && metric == Metric::Duplicates {
        return Err(bad(
            "duplicates is measured for the whole dataset, not per field",
        ));
    }
    let value = parse_share(value.trim())
        .ok_or_else(|| bad("value must be a share between 0 and 1, or a percentage"))?;
    Ok(Threshold {
        field,
        metric,
        value,
    })
}

fn parse_share(text: &str) -> Option<f64> {
    let (number, scale) = match text.strip_suffix('%') {
        Some(n) => (n.trim(), 100.0),
        None => (text, 1.0),
    };
    let v = number.parse::<f64>().ok()? / scale;
    (v.is_finite() && (0.0..=1.0).contains(&v)).then_some(v)
}

/// A threshold the data did not meet.
#[derive(Clone, Debug, PartialEq)]
pub struct FailedThreshold {
    pub name: String,
    pub wanted: f64,
    /// The measured value; `None` when the field has no values to measure.
    pub actual: Option<f64>,
    /// Whether `wanted` is a maximum (`duplicates`).
    pub maximum: bool,
}

impl fmt::Display for FailedThreshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bound = if self.maximum { "at most" } else { "at least" };
        match self.actual {
            Some(a) => write!(
                f,
                "{}: {a:.4}, wanted {bound} {:.4}",
                self.name, self.wanted
            ),
            None => write!(
                f,
                "{}: not measured (no values), wanted {bound} {:.4}",
                self.name, self.wanted
            ),
        }
    }
}

/// One metric compared with the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendRow {
    pub metric: String,
    pub baseline: f64,
    pub current: f64,
    /// Whether the change is a regression (a drop, or for `duplicates` a rise, above the tolerance).
    pub regression: bool,
}

impl TrendRow {
    pub fn delta(&self) -> f64 {
        self.current - self.baseline
    }
}

impl fmt::Display for TrendRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {:.4} → {:.4} ({:+.4})",
            self.metric,
            self.baseline,
            self.current,
            self.delta()
        )
    }
}

/// What an audit found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AuditOutcome {
    pub rows: usize,
    pub eligible: usize,
    pub customers: usize,
    /// Estimated duplicate share (1 − customers / eligible rows).
    pub duplicate_share: f64,
    /// Every metric by name.
    pub metrics: BTreeMap<String, f64>,
    /// Thresholds not met, in the order given.
    pub failed: Vec<FailedThreshold>,
    /// Every metric present in both this audit and the baseline.
    pub trend: Vec<TrendRow>,
    /// The trend rows that regressed.
    pub regressions: Vec<TrendRow>,
}

impl AuditOutcome {
    /// Whether every threshold held (the quality gate passes).
    pub fn passed(&self) -> bool {
        self.failed.is_empty()
    }
}

/// Runs the audit: reads and normalises the configured sources, estimates duplicates, scores
/// quality, and writes `quality.json` and `audit.html` into `out_dir` atomically.
pub fn audit(
    config: &Config,
    out_dir: &Path,
    thresholds: &[Threshold],
    baseline: Option<&Path>,
    progress: &dyn Progress,
) -> Result<AuditOutcome> {
    let (metrics_file, earlier_run) = match baseline {
        Some(dir) if dir.is_dir() => (
            Some(dir.join("quality.json")).filter(|q| q.is_file()),
            Some(dir).filter(|d| d.join("xref.csv").is_file()),
        ),
        other => (other.map(Path::to_path_buf), None),
    };
    if let (Some(dir), None, None) = (baseline, &metrics_file, earlier_run) {
        return Err(Error::input(
            "baseline folder holds neither a quality.json nor a steward run's xref.csv",
        )
        .at_path(dir));
    }
    let baseline = metrics_file.as_deref().map(read_baseline).transpose()?;
    let out = pipeline::open_output_dir(config, out_dir)?;
    // A run's output folder as the baseline: the customers are compared with its customers,
    // as `steward run --previous` does.
    let mut config = config.clone();
    if let Some(dir) = earlier_run {
        config.previous = Some(dir.to_path_buf());
    }
    let data = pipeline::process(&config, progress)?;
    progress.start("write", None);
    let (outcome, card) = assess(&data, thresholds, baseline.as_ref());
    let mut quality = quality_json(&data, &card, &outcome, thresholds);
    if let Some(changes) = &data.changes {
        quality["changes"] = serde_json::json!(crate::previous::change_counts(changes));
    }
    let page =
        crate::report::render_audit(&outcome, &card, &data.findings, data.changes.as_deref());
    let staging = out.stage()?;
    let written = write_files(&staging, &quality, &page)
        .and_then(|()| match &data.changes {
            Some(changes) => crate::output::write_changes(changes, &staging),
            None => Ok(()),
        })
        .map_err(|e| e.while_writing())
        .and_then(|()| crate::cancel::check(progress));
    let result = match written {
        Ok(()) => staging.commit(),
        Err(e) => {
            staging.abandon();
            Err(e)
        }
    };
    progress.finish();
    result.map(|()| outcome)
}

fn write_files(staging: &Staging, quality: &Value, page: &str) -> Result<()> {
    staging.json("quality.json", quality)?;
    let mut w = staging.create("audit.html")?;
    w.write_all(page.as_bytes())?;
    w.flush()?;
    Ok(())
}

/// Reads a baseline `quality.json`: one written by `steward audit` (its `metrics`), or the
/// scorecard a `steward run` writes (its `after` per field).
pub fn read_baseline(path: &Path) -> Result<BTreeMap<String, f64>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::input(format!("cannot read baseline: {e}")).at_path(path))?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| Error::input(format!("baseline is not JSON: {e}")).at_path(path))?;
    baseline_metrics(&value)
        .ok_or_else(|| Error::input("baseline is not a steward quality.json").at_path(path))
}

fn baseline_metrics(value: &Value) -> Option<BTreeMap<String, f64>> {
    if let Some(metrics) = value.get("metrics").and_then(Value::as_object) {
        return Some(
            metrics
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_f64()?)))
                .collect(),
        );
    }
    let after = value.get("after")?.as_object()?;
    let mut out = BTreeMap::new();
    for (field, q) in after {
        for metric in ["completeness", "validity", "uniqueness"] {
            if let Some(v) = q.get(metric).and_then(Value::as_f64) {
                out.insert(format!("{field}.{metric}"), v);
            }
        }
    }
    Some(out)
}

/// Scores `data` and checks thresholds and baseline; the pure part of [`audit`].
pub fn assess(
    data: &RunData,
    thresholds: &[Threshold],
    baseline: Option<&BTreeMap<String, f64>>,
) -> (AuditOutcome, Scorecard) {
    let card = validate::scorecard(
        &data.records,
        &data.as_read,
        data.golden.iter().map(|g| &g.values),
        &data.findings,
    );
    let eligible = data.eligible.iter().filter(|e| **e).count();
    let customers = data.golden.len();
    let duplicate_share = if eligible == 0 {
        0.0
    } else {
        round(1.0 - customers as f64 / eligible as f64).max(0.0)
    };
    let metrics = metrics(data, &card, duplicate_share);
    let failed = thresholds
        .iter()
        .filter_map(|t| check(t, &metrics))
        .collect();
    let trend: Vec<TrendRow> = baseline.map(|b| compare(b, &metrics)).unwrap_or_default();
    let regressions = trend.iter().filter(|t| t.regression).cloned().collect();
    let outcome = AuditOutcome {
        rows: data.records.len(),
        eligible,
        customers,
        duplicate_share,
        metrics,
        failed,
        trend,
        regressions,
    };
    (outcome, card)
}

fn metrics(data: &RunData, card: &Scorecard, duplicate_share: f64) -> BTreeMap<String, f64> {
    let mut m = BTreeMap::new();
    for (field, q) in &card.after {
        m.insert(format!("{field}.completeness"), q.completeness);
        m.insert(format!("{field}.uniqueness"), q.uniqueness);
        if let Some(v) = q.validity {
            m.insert(format!("{field}.validity"), v);
        }
    }
    if !card.after.is_empty() {
        let sum: f64 = card.after.values().map(|q| q.completeness).sum();
        m.insert("completeness".into(), round(sum / card.after.len() as f64));
    }
    let (present, kept) = (data.as_read.present, data.as_read.kept);
    if present > 0 {
        m.insert("validity".into(), round(kept as f64 / present as f64));
    }
    m.insert("duplicates".into(), duplicate_share);
    m.insert("uniqueness".into(), round(1.0 - duplicate_share));
    m
}

fn check(t: &Threshold, metrics: &BTreeMap<String, f64>) -> Option<FailedThreshold> {
    let name = t.name();
    let actual = metrics.get(&name).copied().or(match (t.field, t.metric) {
        // A field no source carries is 0% complete.
        (Some(_), Metric::Completeness) => Some(0.0),
        _ => None,
    });
    let holds = actual.is_some_and(|a| {
        if t.is_maximum() {
            a <= t.value + EPSILON
        } else {
            a + EPSILON >= t.value
        }
    });
    (!holds).then(|| FailedThreshold {
        name,
        wanted: t.value,
        actual,
        maximum: t.is_maximum(),
    })
}

fn compare(baseline: &BTreeMap<String, f64>, current: &BTreeMap<String, f64>) -> Vec<TrendRow> {
    current
        .iter()
        .filter_map(|(metric, &now)| {
            let before = *baseline.get(metric)?;
            let change = if metric == "duplicates" {
                now - before
            } else {
                before - now
            };
            Some(TrendRow {
                metric: metric.clone(),
                baseline: before,
                current: now,
                regression: change > REGRESSION_TOLERANCE + EPSILON,
            })
        })
        .collect()
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The `quality.json` an audit writes.
pub fn quality_json(
    data: &RunData,
    card: &Scorecard,
    outcome: &AuditOutcome,
    thresholds: &[Threshold],
) -> Value {
    let trend: Vec<Value> = outcome
        .trend
        .iter()
        .map(|t| json!({"metric": t.metric, "baseline": t.baseline, "current": t.current, "delta": round(t.delta()), "regression": t.regression}))
        .collect();
    let get = |k: &str| outcome.metrics.get(k).copied();
    json!({
        "tool": "steward",
        "version": env!("CARGO_PKG_VERSION"),
        "rows": outcome.rows,
        "eligible_rows": outcome.eligible,
        "quarantined": outcome.rows.saturating_sub(outcome.eligible),
        "customers": outcome.customers,
        "estimated_duplicates": {
            "rows": outcome.eligible.saturating_sub(outcome.customers),
            "share": outcome.duplicate_share,
        },
        "overall": {
            "completeness": get("completeness"),
            "validity": get("validity"),
            "uniqueness": get("uniqueness"),
            "duplicates": get("duplicates"),
            "findings": data.findings.len(),
        },
        "fields": field_json(data, card),
        "findings_by_code": card.findings_by_code,
        "metrics": outcome.metrics,
        "thresholds": threshold_json(outcome, thresholds),
        "passed": outcome.passed(),
        "trend": trend,
        "regressions": outcome.regressions.iter().map(|r| r.metric.clone()).collect::<Vec<_>>(),
        "scorecard": card,
    })
}

/// Per field: the normalised measures, the as-read ones, and the findings per code.
fn field_json(data: &RunData, card: &Scorecard) -> serde_json::Map<String, Value> {
    let mut by_field: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for f in &data.findings {
        *by_field
            .entry(f.field.as_str())
            .or_default()
            .entry(f.code.as_str())
            .or_default() += 1;
    }
    card.after
        .iter()
        .map(|(name, q)| {
            let value = json!({
                "completeness": q.completeness,
                "validity": q.validity,
                "uniqueness": q.uniqueness,
                "before": card.before.get(name),
                "findings_by_code": by_field.get(name).cloned().unwrap_or_default(),
            });
            (name.to_string(), value)
        })
        .collect()
}

fn threshold_json(outcome: &AuditOutcome, thresholds: &[Threshold]) -> Vec<Value> {
    thresholds
        .iter()
        .map(|t| {
            let name = t.name();
            let failed = outcome.failed.iter().find(|f| f.name == name);
            json!({
                "name": name,
                "wanted": t.value,
                "kind": if t.is_maximum() { "maximum" } else { "minimum" },
                "actual": failed.map_or_else(|| outcome.metrics.get(&name).copied(), |f| f.actual),
                "passed": failed.is_none(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample_run;

    fn outcome(spec: &str, baseline: Option<&BTreeMap<String, f64>>) -> AuditOutcome {
        let thresholds = match spec {
            "" => Vec::new(),
            _ => parse_thresholds(spec).expect("thresholds parse"),
        };
        assess(&sample_run(), &thresholds, baseline).0
    }

    #[test]
    fn parses_overall_and_per_field_thresholds() {
        let t =
            parse_thresholds("completeness=0.9, validity=95%,duplicates=0.02,email.validity=0.9")
                .expect("parses");
        let names: Vec<String> = t.iter().map(Threshold::name).collect();
        assert_eq!(
            names,
            ["completeness", "validity", "duplicates", "email.validity"]
        );
        assert_eq!(t[1].value, 0.95);
        assert!(t[2].is_maximum() && !t[3].is_maximum());
        assert_eq!(t[3].field, Some(Field::Email));
    }

    #[test]
    fn an_empty_gate_is_a_usage_error() {
        for empty in ["", " ", ",", " , "] {
            let err = parse_thresholds(empty).expect_err(empty);
            assert!(matches!(err.kind(), crate::ErrorKind::Config(_)), "{err}");
            assert!(err.to_string().contains("--fail-under"), "{err}");
        }
    }

    #[test]
    fn rejects_malformed_thresholds_naming_them() {
        for bad in [
            "validity",
            "freshness=0.9",
            "emails.validity=0.9",
            "validity=1.5",
            "validity=abc",
            "email.duplicates=0.1",
            "validity=-0.1",
        ] {
            let err = parse_thresholds(bad).expect_err(bad).to_string();
            assert!(err.contains(bad), "{err}");
        }
    }

    #[test]
    fn measures_duplicates_validity_and_completeness() {
        let o = outcome("", None);
        // 5 eligible rows became 4 customers.
        assert_eq!((o.eligible, o.customers), (5, 4));
        assert_eq!(o.duplicate_share, 0.2);
        assert_eq!(o.metrics["uniqueness"], 0.8);
        // 5 raw e-mails, 4 normalised ("ann.smith@" was not).
        assert_eq!(o.metrics["email.validity"], 0.8);
        assert_eq!(o.metrics["phone.validity"], 1.0);
        assert!(o.passed());
    }

    #[test]
    fn passes_when_every_threshold_holds() {
        let o = outcome("duplicates=0.25,email.validity=0.8,phone.validity=1", None);
        assert!(o.passed(), "{:?}", o.failed);
    }

    #[test]
    fn fails_naming_the_threshold_not_met() {
        let o = outcome(
            "duplicates=0.1,email.validity=0.9,phone.validity=0.9,birth_date.validity=0.5,birth_date.completeness=0.5",
            None,
        );
        let failed: Vec<(&str, Option<f64>)> = o
            .failed
            .iter()
            .map(|f| (f.name.as_str(), f.actual))
            .collect();
        assert_eq!(
            failed,
            [
                ("duplicates", Some(0.2)),
                ("email.validity", Some(0.8)),
                ("birth_date.validity", None),
                ("birth_date.completeness", Some(0.0))
            ]
        );
        assert_eq!(
            o.failed[0].to_string(),
            "duplicates: 0.2000, wanted at most 0.1000"
        );
        assert_eq!(
            o.failed[1].to_string(),
            "email.validity: 0.8000, wanted at least 0.9000"
        );
        assert!(!o.passed());
    }

    #[test]
    fn flags_drops_and_duplicate_rises_beyond_tolerance_as_regressions() {
        let baseline: BTreeMap<String, f64> = [
            ("email.validity", 0.95),
            ("phone.validity", 1.0),
            ("duplicates", 0.1),
            ("email.completeness", 0.0),
            ("email.uniqueness", 0.755),
            ("retired.metric", 0.5),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let o = outcome("", Some(&baseline));
        let current_email_uniqueness = o.metrics["email.uniqueness"];
        assert!((current_email_uniqueness - 0.75).abs() < 1e-9);
        let regressed: Vec<&str> = o.regressions.iter().map(|r| r.metric.as_str()).collect();
        assert_eq!(regressed, ["duplicates", "email.validity"]);
        assert!(
            o.trend
                .iter()
                .any(|t| t.metric == "email.uniqueness" && !t.regression),
            "a 0.005 drop is within tolerance"
        );
        assert!(o.trend.iter().all(|t| t.metric != "retired.metric"));
        assert!(o.passed(), "regressions alone do not fail the gate");
    }

    #[test]
    fn quality_json_round_trips_as_a_baseline() {
        let data = sample_run();
        let thresholds = parse_thresholds("email.validity=0.9").expect("parses");
        let (o, card) = assess(&data, &thresholds, None);
        let q = quality_json(&data, &card, &o, &thresholds);
        assert_eq!(q["fields"]["email"]["validity"], 0.8);
        assert_eq!(q["estimated_duplicates"]["rows"], 1);
        assert_eq!(q["thresholds"][0]["passed"], false);
        assert_eq!(q["passed"], false);
        let back = baseline_metrics(&q).expect("baseline");
        assert_eq!(back, o.metrics);
    }

    #[test]
    fn reads_a_run_scorecard_as_a_baseline() {
        let run_quality = json!({"rows": 3, "after": {"email": {"completeness": 0.9, "validity": 0.85, "uniqueness": 1.0}}});
        let m = baseline_metrics(&run_quality).expect("scorecard");
        assert_eq!(m["email.validity"], 0.85);
        assert!(baseline_metrics(&json!({"hello": 1})).is_none());
    }

    #[test]
    fn audit_page_names_failed_thresholds_and_regressions() {
        let data = sample_run();
        let baseline: BTreeMap<String, f64> =
            [("duplicates".to_string(), 0.0)].into_iter().collect();
        let thresholds = parse_thresholds("email.validity=0.9").expect("parses");
        let (o, card) = assess(&data, &thresholds, Some(&baseline));
        let page = crate::report::render_audit(&o, &card, &data.findings, None);
        assert!(page.contains("data-passed=\"false\""));
        assert!(page.contains("email.validity: 0.8000, wanted at least 0.9000"));
        assert!(page.contains("duplicates: 0.0000 → 0.2000 (+0.2000)"));
        assert!(!page.contains("<script"));
    }

    #[test]
    fn writes_quality_json_and_audit_html_atomically() {
        let dir = tempfile::tempdir().expect("tempdir");
        let staging = Staging::new(dir.path()).expect("staging");
        write_files(
            &staging,
            &json!({"metrics": {"validity": 0.5}}),
            "<html></html>",
        )
        .expect("write");
        assert!(!dir.path().join("quality.json").exists());
        staging.commit().expect("commit");
        let read = read_baseline(&dir.path().join("quality.json")).expect("baseline");
        assert_eq!(read["validity"], 0.5);
        assert!(dir.path().join("audit.html").exists());
    }
}
