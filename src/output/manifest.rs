//! The run's self-description: `run.json` (lineage, counts, timings) and `quality.json` (the scorecard).

use super::{RunOutputs, Staging};
use crate::dedupe::Decision;
use crate::error::Result;
use crate::pipeline::{RunData, RunSummary};
use crate::validate;
use serde_json::json;

/// Row, customer and finding counts of a run.
pub fn summary(data: &RunData) -> RunSummary {
    RunSummary {
        sources: data.sources.len(),
        rows: data.records.len(),
        quarantined: data.eligible.iter().filter(|e| !**e).count(),
        suppressed: data.suppressed.iter().filter(|s| **s).count(),
        suppression: data.suppression,
        decisions: data.dedupe.decisions,
        customers: data.golden.len(),
        merged_rows: crate::survive::merged_rows(&data.golden),
        review_pairs: data
            .dedupe
            .pairs
            .iter()
            .filter(|p| p.decision == Decision::Review)
            .count(),
        findings: data.findings.len(),
        warnings: data
            .findings
            .iter()
            .filter(|f| PRINTED_WARNINGS.contains(&f.code.as_str()))
            .cloned()
            .collect(),
    }
}

/// Findings about the inputs and the config that the closing summary also prints: a
/// configured column the file lacks, a file given twice, an output folder skipped.
const PRINTED_WARNINGS: [&str; 3] = [
    crate::column_check::COLUMN_NOT_FOUND,
    crate::input_set::DUPLICATE,
    crate::input_set::STEWARD_OUTPUT,
];

/// Writes `quality.json`.
pub fn write_quality(card: &validate::Scorecard, staging: &Staging) -> Result<()> {
    let value = serde_json::to_value(card).map_err(|e| crate::Error::invariant(e.to_string()))?;
    staging.json("quality.json", &value)
}

/// The trained Fellegi–Sunter model: prior, and per comparison level its `m`, `u` and match
/// weight in bits (before term-frequency adjustment), so a run's scores can be audited.
fn model_json(model: &crate::dedupe::ModelSummary) -> serde_json::Value {
    let round = |x: f64| (x * 1e6).round() / 1e6;
    let comparisons: serde_json::Map<String, serde_json::Value> =
        model
            .parameters
            .iter()
            .map(|(name, levels)| {
                let levels: Vec<serde_json::Value> = levels
                .iter()
                .map(|&(label, m, u)| {
                    let weight = if m > 0.0 && u > 0.0 { (m / u).log2() } else { 0.0 };
                    json!({"level": label, "m": round(m), "u": round(u), "weight": round(weight)})
                })
                .collect();
                (name.to_string(), json!(levels))
            })
            .collect();
    json!({
        "prior": round(model.prior),
        "candidate_match_share": round(model.candidate_lambda),
        "comparisons": comparisons,
    })
}

/// What a later run's `--previous` reads of this set ([`crate::previous::STATE_FILES`]),
/// with each file's SHA-256, under the state format it was written in: the later run refuses
/// a set whose files changed since, or one of a format it does not read.
fn previous_state(staging: &Staging, outputs: &[String]) -> Result<serde_json::Value> {
    let mut files = serde_json::Map::new();
    for name in crate::previous::STATE_FILES {
        if outputs.iter().any(|o| o == name) {
            let digest =
                crate::checksum::file_sha256_hex(&staging.dir().join(name)).map_err(|e| {
                    crate::error::Error::output(format!("cannot read back {name}: {e}"))
                })?;
            files.insert(name.to_string(), json!(digest));
        }
    }
    Ok(json!({ "format": crate::previous::STATE_FORMAT, "files": files }))
}

/// How long writing took: the other outputs together, and each file on its own.
pub struct WriteTimes {
    pub total_ms: u128,
    /// Per file (they are written side by side, so these overlap).
    pub file_ms: Vec<(String, u128)>,
}

/// Writes `run.json`: version, digests, inputs with checksums, counts, stage timings and
/// the memory at the end of each stage (`times.total_ms`: writing the other outputs,
/// recorded as the `write` stage; `write_ms`: each file's own time).
pub fn write_run_json(
    run: &RunOutputs<'_>,
    summary: &RunSummary,
    times: &WriteTimes,
    staging: &Staging,
) -> Result<()> {
    let write_ms = times.total_ms;
    let data = run.data;
    let config_text = run.config.to_toml()?;
    let mut per_source = vec![0usize; data.sources.len()];
    for r in &data.records {
        per_source[r.source as usize] += 1;
    }
    let sources: Vec<serde_json::Value> = data
        .sources
        .iter()
        .zip(&per_source)
        .map(|(s, rows)| {
            let t = &s.table;
            json!({
                "name": t.name,
                "path": t.path.display().to_string(),
                "sha256": t.sha256,
                "bytes": t.bytes,
                "format": t.format.map(|f| f.as_str()),
                "encoding": t.encoding,
                "delimiter": t.delimiter.map(|d| (d as char).to_string()),
                "header_row": t.header_row,
                "default_country": s.default_country.map(|c| c.to_string()),
                "rows": rows,
                "mapping": s.mapping.columns.iter().map(|c| json!([c.header, c.target.name()])).collect::<Vec<_>>(),
            })
        })
        .collect();
    let write = crate::stage_clock::StageStat::now("write", write_ms);
    let stages: Vec<&crate::stage_clock::StageStat> =
        data.timings.iter().chain(std::iter::once(&write)).collect();
    let timings: serde_json::Map<String, serde_json::Value> = stages
        .iter()
        .map(|s| (s.name.to_string(), json!(s.ms)))
        .collect();
    let memory: serde_json::Map<String, serde_json::Value> = stages
        .iter()
        .filter_map(|s| {
            let mib = json!({"rss": s.rss? >> 20, "peak": s.peak_rss? >> 20});
            Some((s.name.to_string(), mib))
        })
        .collect();
    // Every file of the set, this one included, so a reader knows which formats were written.
    let mut outputs = staging.file_names()?;
    outputs.push("run.json".to_string());
    outputs.sort();
    let state = previous_state(staging, &outputs)?;
    let formats: Vec<&str> = run
        .config
        .output
        .table_formats()
        .iter()
        .map(|f| f.extension())
        .collect();
    let value = json!({
        "tool": "steward",
        "version": env!("CARGO_PKG_VERSION"),
        "config_sha256": crate::checksum::sha256_hex(config_text.as_bytes()),
        "schemas_sha256": data.locale_digest,
        "sources": sources,
        "counts": {
            "rows_read": summary.rows,
            "rows_in_xref": summary.rows,
            "quarantined": summary.quarantined,
            "suppressed": summary.suppressed,
            "customers": summary.customers,
            "rows_merged": summary.merged_rows,
            "pairs_compared": data.dedupe.pairs_compared,
            "pairs_listed": data.dedupe.pairs.len(),
            "pairs_in_review": summary.review_pairs,
            "findings": summary.findings,
        },
        "suppression_list": summary.suppression.map(|s| json!({
            "entries": s.entries,
            "matched": s.matched,
            "unmatched": s.unmatched,
            "ignored_cells": s.ignored_cells,
        })),
        "decisions": summary.decisions.map(|d| json!({
            "read": d.read,
            "unresolved": d.unresolved,
            "conflicting": d.conflicting,
        })),
        "candidates_per_rule": data.dedupe.candidates_per_rule,
        "blocking": data.dedupe.blocking,
        "model": model_json(&data.dedupe.model),
        "calibration": data.dedupe.calibration,
        "changes": data.changes.as_deref().map(crate::previous::change_counts),
        "reuse": data.reuse,
        "formats": formats,
        "outputs": outputs,
        "state": state,
        "stage_ms": timings,
        "dedupe_ms": data.dedupe.step_ms.iter().map(|(name, ms)| (name.to_string(), json!(ms))).collect::<serde_json::Map<_, _>>(),
        "write_ms": times.file_ms.iter().map(|(name, ms)| (name.clone(), json!(ms))).collect::<serde_json::Map<_, _>>(),
        "survive_ms": data.survive_ms.iter().map(|(name, ms)| (name.to_string(), json!(ms))).collect::<serde_json::Map<_, _>>(),
        "stage_memory_mib": memory,
    });
    staging.json("run.json", &value)
}
