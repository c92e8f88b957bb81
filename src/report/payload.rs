//! The JSON data embedded in the report: review pairs with their evidence, sampled customers
//! with the source of each value, findings, and the counts that say what was left out.

use super::select::{self, Caps};
use crate::dedupe::{FieldComparison, ScoredPair};
use crate::excerpt::excerpt;
use crate::finding::Finding;
use crate::pipeline::RunData;
use crate::privacy::{is_personal_field, mask_quoted};
use crate::record::{Field, Record};
use crate::survive::Golden;
use rustc_hash::FxHashMap as HashMap;
use serde_json::{Map, Value, json};

/// Why a pair is in the review band (`conflict:…` when a clustering guard held it back).
pub fn pair_reason(pair: &ScoredPair) -> &'static str {
    match pair.reason {
        crate::dedupe::PairReason::Conflict(_) => pair.reason.as_str(),
        _ => "",
    }
}

/// Builds the payload. Records are embedded once and referenced by their position in
/// `records`.
pub fn build(data: &RunData, caps: &Caps, mask_pii: bool) -> Value {
    let mut table = RecordTable::new(data, mask_pii);
    let review_total = data
        .dedupe
        .pairs
        .iter()
        .filter(|p| p.decision == crate::dedupe::Decision::Review)
        .count();
    let review: Vec<Value> = select::review_pairs(
        &data.dedupe.pairs,
        &select::Membership::new(&data.golden, data.records.len()),
        caps.review,
    )
    .into_iter()
    .map(|p| review_item(p, &data.dedupe.fields(p), &mut table))
    .collect();
    let chosen = select::customers(&data.golden, caps.clusters);
    let links = ClusterLinks::measure(data, &chosen);
    let customers: Vec<Value> = chosen
        .iter()
        .enumerate()
        .map(|(c, g)| {
            let mut v = customer(g, caps.members, &mut table);
            v["weakest"] = links
                .weakest
                .get(c)
                .copied()
                .flatten()
                .map_or(Value::Null, |p| json!(finite(p)));
            v["findings"] = json!(links.findings.get(c).copied().unwrap_or(0));
            v
        })
        .collect();
    let findings: Vec<Value> = select::findings(&data.findings, caps.findings)
        .into_iter()
        .map(|f| finding(f, mask_pii))
        .collect();
    let merged_total = data.golden.iter().filter(|g| g.members.len() > 1).count();
    json!({
        "version": env!("CARGO_PKG_VERSION"),
        "masked": mask_pii,
        "sources": data.sources.iter().map(|s| s.table.name.clone()).collect::<Vec<_>>(),
        "fields": Field::ALL.iter().map(|f| f.name()).collect::<Vec<_>>(),
        "counts": {
            "review_total": review_total,
            "review_shown": review.len(),
            "customers_total": data.golden.len(),
            "merged_total": merged_total,
            "customers_shown": customers.len(),
            "findings_total": data.findings.len(),
            "findings_shown": findings.len(),
            "caps": {
                "review": caps.review,
                "customers": caps.clusters,
                "members": caps.members,
                "findings": caps.findings,
            },
        },
        "review": review,
        "customers": customers,
        "findings": findings,
        "records": table.rows,
    })
}

fn review_item(pair: &ScoredPair, waterfall: &[FieldComparison], table: &mut RecordTable) -> Value {
    let field_sum: f64 = waterfall.iter().map(|f| f.weight).sum();
    let fields: Vec<Value> = waterfall
        .iter()
        .map(|f| json!({"c": f.comparison, "level": f.level, "w": finite(f.weight)}))
        .collect();
    json!({
        "l": table.reference(pair.a as usize),
        "r": table.reference(pair.b as usize),
        "p": finite(pair.match_probability),
        "w": finite(pair.match_weight),
        "prior": finite(pair.match_weight - field_sum),
        "reason": pair_reason(pair),
        "fields": fields,
    })
}

fn customer(g: &Golden, member_cap: usize, table: &mut RecordTable) -> Value {
    let members: Vec<usize> = g
        .members
        .iter()
        .take(member_cap)
        .map(|&i| table.reference(i))
        .collect();
    let values: Vec<Value> = Field::ALL
        .iter()
        .filter(|f| g.values.has(**f))
        .map(|f| {
            let from = g.value_source.get(*f).map(|r| table.reference(r));
            json!({"f": f.name(), "v": table.shown(*f, g.values.get(*f)), "from": from})
        })
        .collect();
    json!({
        "id": g.customer_id,
        "size": g.members.len(),
        "members": members,
        "values": values,
    })
}

/// For each embedded customer: its weakest merge (the lowest probability of a model match
/// inside it) and the findings on its rows.
struct ClusterLinks {
    weakest: Vec<Option<f64>>,
    findings: Vec<usize>,
}

impl ClusterLinks {
    fn measure(data: &RunData, chosen: &[&Golden]) -> ClusterLinks {
        let mut of: HashMap<usize, usize> = HashMap::default();
        let mut at: HashMap<(&str, u64), usize> = HashMap::default();
        for (c, g) in chosen.iter().enumerate() {
            for &m in &g.members {
                of.insert(m, c);
                if let Some(r) = data.records.get(m)
                    && let Some(s) = data.sources.get(r.source as usize)
                {
                    at.insert((s.table.name.as_str(), r.row), c);
                }
            }
        }
        let mut weakest = vec![None; chosen.len()];
        for p in &data.dedupe.pairs {
            if p.decision != crate::dedupe::Decision::Match {
                continue;
            }
            let (a, b) = p.records();
            if let (Some(&ca), Some(&cb)) = (of.get(&a), of.get(&b))
                && ca == cb
                && let Some(w) = weakest.get_mut(ca)
            {
                *w = Some(w.map_or(p.match_probability, |x: f64| x.min(p.match_probability)));
            }
        }
        let mut findings = vec![0; chosen.len()];
        for f in &data.findings {
            if let Some(&c) = at.get(&(f.source.as_str(), f.row))
                && let Some(n) = findings.get_mut(c)
            {
                *n += 1;
            }
        }
        ClusterLinks { weakest, findings }
    }
}

fn finding(f: &Finding, mask_pii: bool) -> Value {
    let masked = mask_pii && is_personal_field(&f.field);
    let message = if masked {
        mask_quoted(&f.message, &[&f.raw, &f.suggestion])
    } else {
        f.message.clone()
    };
    json!({
        "s": f.source,
        "row": f.row,
        "f": f.field,
        "code": f.code,
        "sev": f.severity.as_str(),
        "raw": excerpt(&f.raw, masked),
        "sug": excerpt(&f.suggestion, masked),
        "msg": excerpt(&message, false),
    })
}

/// JSON numbers cannot be NaN or infinite; those become null.
fn finite(x: f64) -> Value {
    if x.is_finite() {
        json!((x * 10_000.0).round() / 10_000.0)
    } else {
        Value::Null
    }
}

/// The records the payload references, each embedded once.
struct RecordTable<'a> {
    data: &'a RunData,
    customer_of: Vec<Option<&'a str>>,
    mask_pii: bool,
    index: HashMap<usize, usize>,
    rows: Vec<Value>,
}

impl<'a> RecordTable<'a> {
    fn new(data: &'a RunData, mask_pii: bool) -> RecordTable<'a> {
        let mut customer_of = vec![None; data.records.len()];
        for g in &data.golden {
            for &m in &g.members {
                if let Some(slot) = customer_of.get_mut(m) {
                    *slot = Some(g.customer_id.as_str());
                }
            }
        }
        RecordTable {
            data,
            customer_of,
            mask_pii,
            index: HashMap::default(),
            rows: Vec::new(),
        }
    }

    /// The position of record `i` in the embedded table, embedding it on first use.
    fn reference(&mut self, i: usize) -> usize {
        if let Some(&at) = self.index.get(&i) {
            return at;
        }
        let row = match self.data.records.get(i) {
            Some(rec) => self.record(i, rec),
            None => json!({"s": Value::Null, "row": 0, "key": "", "v": {}}),
        };
        let at = self.rows.len();
        self.rows.push(row);
        self.index.insert(i, at);
        at
    }

    fn record(&self, i: usize, rec: &Record) -> Value {
        let mut values = Map::new();
        let as_read = self.data.raw(i);
        for f in Field::ALL {
            let (norm, raw) = (rec.values.get(f), as_read.get(f));
            if !norm.is_empty() || !raw.is_empty() {
                values.insert(
                    f.name().to_string(),
                    json!([self.shown(f, norm), self.shown(f, raw)]),
                );
            }
        }
        json!({
            "s": rec.source,
            "row": rec.row,
            "key": self.data.source_keys.get(i).map(String::as_str).unwrap_or(""),
            "customer": self.customer_of.get(i).copied().flatten(),
            "v": values,
        })
    }

    /// A value as the report shows it: an excerpt, masked when personal and `mask_pii`.
    fn shown(&self, field: Field, value: &str) -> String {
        excerpt(value, self.mask_pii && field.is_pii())
    }
}
