//! Febrl benchmark driver: reads Febrl CSV exports (see `benches/febrl/run.py`), builds
//! `Record`s, normalises them, runs `dedupe::run` and writes `rec_id,cluster`.
//!
//! Usage: `cargo bench --bench febrl -- OUT.csv IN.csv [IN2.csv]` (one source per input).

use std::error::Error;
use std::time::Instant;
use steward::dedupe::{self, DedupeInput, DedupeSettings};
use steward::locale::LocaleData;
use steward::normalize::{NormalizeOptions, Normalizer, RowContext};
use steward::record::{Country, Field, Record};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some((out, inputs)) = args.split_first() else {
        eprintln!("usage: febrl OUT.csv IN.csv [IN2.csv]");
        return Ok(());
    };
    let normalizer = Normalizer::new(
        &LocaleData::with_overrides(None)?,
        &NormalizeOptions::default(),
    )?;
    let ctx = RowContext {
        default_country: Country::new("AU"),
        ..RowContext::default()
    };
    let mut records = Vec::new();
    let mut rec_ids = Vec::new();
    let mut source_names = Vec::new();
    for (s, path) in inputs.iter().enumerate() {
        source_names.push(path.clone());
        let mut reader = csv::Reader::from_path(path)?;
        let headers = reader.headers()?.clone();
        let col = |name: &str| headers.iter().position(|h| h == name);
        for (row, rec) in reader.records().enumerate() {
            let rec = rec?;
            let cell = |name: &str| {
                col(name)
                    .and_then(|i| rec.get(i))
                    .unwrap_or("")
                    .trim()
                    .to_string()
            };
            let mut r = Record {
                source: s as u32,
                row: row as u64 + 1,
                ..Record::default()
            };
            r.raw.set(Field::GivenName, cell("given_name"));
            r.raw.set(Field::FamilyName, cell("surname"));
            r.raw.set(
                Field::AddressLine1,
                format!("{} {}", cell("street_number"), cell("address_1")).trim(),
            );
            r.raw.set(Field::AddressLine2, cell("address_2"));
            r.raw.set(Field::Locality, cell("suburb"));
            r.raw.set(Field::PostalCode, cell("postcode"));
            r.raw.set(Field::Region, cell("state"));
            r.raw.set(Field::BirthDate, cell("date_of_birth"));
            r.extra = vec![cell("soc_sec_id")];
            let mut issues = Vec::new();
            normalizer.apply(&mut r, &ctx, &mut issues);
            fill_unnormalised(&mut r);
            rec_ids.push(cell("rec_id"));
            records.push(r);
        }
    }
    let headers = vec![vec!["soc_sec_id".to_string()]; inputs.len()];
    let settings = DedupeSettings {
        identifier_columns: vec!["soc_sec_id".into()],
        ..DedupeSettings::default()
    };
    let input = DedupeInput {
        source_names: &source_names,
        passthrough_headers: &headers,
        source_keys: &rec_ids,
        decisions: None,
        nicknames: &steward::dedupe::Nicknames::built_in(),
        kept: None,
        log_comparisons: false,
        earlier_model: None,
    };
    let start = Instant::now();
    let result = dedupe::run(
        &records,
        &vec![true; records.len()],
        &settings,
        &input,
        &steward::NoProgress,
    )?;
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{} records, {} pairs, {} clusters in {secs:.2}s ({:.0} records/s); prior {:.2e}, candidate lambda {:.4}; candidates {:?}",
        records.len(),
        result.pairs.len(),
        result.clusters.len(),
        records.len() as f64 / secs,
        result.model.prior,
        result.model.candidate_lambda,
        result.candidates_per_rule
    );
    let mut w = csv::Writer::from_path(out)?;
    w.write_record(["rec_id", "cluster"])?;
    for (c, members) in result.clusters.iter().enumerate() {
        for &i in members {
            w.write_record([
                rec_ids.get(i).map(String::as_str).unwrap_or(""),
                &c.to_string(),
            ])?;
        }
    }
    w.flush()?;
    let mut pw = csv::Writer::from_path(format!("{out}.pairs.csv"))?;
    pw.write_record(["a", "b", "probability", "decision", "reason", "levels"])?;
    for p in &result.pairs {
        let levels: Vec<String> = result
            .fields(p)
            .iter()
            .map(|f| format!("{}={}({:.1})", f.comparison, f.level, f.weight))
            .collect();
        let id = |i: usize| rec_ids.get(i).map(String::as_str).unwrap_or("");
        pw.write_record([
            id(p.a as usize),
            id(p.b as usize),
            &format!("{:.4}", p.match_probability),
            p.decision.as_str(),
            p.reason.as_str(),
            &levels.join(" "),
        ])?;
    }
    pw.flush()?;
    Ok(())
}

/// While normalisers are stubs, fields they do not copy yet are copied raw.
fn fill_unnormalised(r: &mut Record) {
    for f in Field::ALL {
        if !r.values.has(f) && r.raw.has(f) {
            let v = r.raw.get(f).to_string();
            r.values.set(f, v);
        }
    }
}
