//! Per-stage throughput: ingest MB/s per format, normalised cells/s per field, dedupe pairs/s.
//!
//! `cargo bench --bench stages -- [DIR] [ROWS]` reads every data file in DIR (default
//! `fixtures/synth_small`, or a set from `benches/synth/generate.py`), repeats its records up
//! to ROWS (default 1,000,000) for the normaliser figures, and prints one line per measure.

use std::path::PathBuf;
use std::time::Instant;
use steward::config::SourceConfig;
use steward::locale::LocaleData;
use steward::map::{HeaderRules, map_headers};
use steward::normalize::{self, NormalizeOptions, RowContext};
use steward::{Field, Record, ingest};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let dir = PathBuf::from(
        args.first()
            .cloned()
            .unwrap_or_else(|| "fixtures/synth_small".into()),
    );
    let rows: usize = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let locale = LocaleData::default();
    let rules = HeaderRules::from_locale(&locale).expect("headers");
    let files = ingest::discover(std::slice::from_ref(&dir)).expect("input dir");

    let mut records: Vec<Record> = Vec::new();
    for file in &files {
        let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0) as f64;
        let started = Instant::now();
        let tables = ingest::read_source(&SourceConfig {
            path: file.clone(),
            ..SourceConfig::default()
        })
        .expect("read");
        let secs = started.elapsed().as_secs_f64();
        let n: usize = tables.iter().map(|t| t.rows.len()).sum();
        println!(
            "ingest    {:<40} {:>9} rows {:>8.1} MB/s {:>10.0} rows/s",
            file.file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_default(),
            n,
            bytes / 1e6 / secs,
            n as f64 / secs
        );
        for (i, t) in tables.iter().enumerate() {
            let sample: Vec<&[String]> = t
                .rows
                .iter()
                .take(200)
                .map(|r| r.cells.as_slice())
                .collect();
            let mapping = map_headers(&rules, &t.headers, &Default::default(), &sample);
            records.extend(steward::assemble::assemble(i as u32, t, &mapping).records);
        }
    }
    if records.is_empty() {
        eprintln!("no rows in {}", dir.display());
        return;
    }
    let base = records.len();
    while records.len() < rows {
        let r = records[records.len() % base].clone();
        records.push(r);
    }
    records.truncate(rows);
    bench_normalisers(&locale, &records);
    bench_dedupe(&locale, &records[..base]);
}

/// Cells per second for each field normaliser, single-threaded and with rayon.
fn bench_normalisers(locale: &LocaleData, records: &[Record]) {
    let n = normalize::Normalizer::new(locale, &NormalizeOptions::default()).expect("normalizer");
    let ctx = RowContext::default();
    let country = normalize::country::CountryNormalizer::from_locale(locale).expect("country");
    let mut prepared: Vec<Record> = records.to_vec();
    for r in &mut prepared {
        country.apply(r, &ctx, &mut Vec::new());
    }
    let fields: [(&str, &[Field]); 6] = [
        ("phone", &[Field::Phone, Field::PhoneAlt]),
        ("email", &[Field::Email, Field::EmailAlt]),
        (
            "name",
            &[Field::FullName, Field::GivenName, Field::FamilyName],
        ),
        ("organization", &[Field::Organization]),
        (
            "address",
            &[Field::AddressLine1, Field::Locality, Field::PostalCode],
        ),
        ("date", &[Field::CreatedAt, Field::BirthDate]),
    ];
    let all = std::time::Instant::now();
    use rayon::prelude::*;
    let mut work = prepared.clone();
    work.par_iter_mut()
        .for_each(|r| n.apply(r, &ctx, &mut Vec::new()));
    println!(
        "normalize all fields, rayon ({} threads): {:>10.0} rows/s",
        rayon::current_num_threads(),
        work.len() as f64 / all.elapsed().as_secs_f64()
    );
    for (name, fs) in fields {
        let cells: usize = prepared
            .iter()
            .map(|r| fs.iter().filter(|f| r.raw.has(**f)).count())
            .sum();
        let mut work = prepared.clone();
        let started = Instant::now();
        for r in &mut work {
            n.apply_field(name, r, &ctx, &mut Vec::new());
        }
        let secs = started.elapsed().as_secs_f64();
        println!(
            "normalize {name:<13} {cells:>9} cells {:>12.0} cells/s (1 thread)",
            cells as f64 / secs
        );
    }
}

/// Candidate pairs compared per second and clustering time.
fn bench_dedupe(locale: &LocaleData, records: &[Record]) {
    let n = normalize::Normalizer::new(locale, &NormalizeOptions::default()).expect("normalizer");
    let mut recs = records.to_vec();
    for r in &mut recs {
        n.apply(r, &RowContext::default(), &mut Vec::new());
    }
    let eligible: Vec<bool> = recs.iter().map(steward::validate::is_eligible).collect();
    let names: Vec<String> = (0..=recs.iter().map(|r| r.source).max().unwrap_or(0))
        .map(|i| format!("s{i}"))
        .collect();
    let passthrough: Vec<Vec<String>> = vec![Vec::new(); names.len()];
    let keys: Vec<String> = (0..recs.len()).map(|i| i.to_string()).collect();
    let input = steward::dedupe::DedupeInput {
        source_names: &names,
        passthrough_headers: &passthrough,
        source_keys: &keys,
        decisions: None,
        nicknames: &steward::dedupe::Nicknames::built_in(),
        kept: None,
        log_comparisons: false,
        earlier_model: None,
    };
    let started = Instant::now();
    let result = steward::dedupe::run(
        &recs,
        &eligible,
        &Default::default(),
        &input,
        &steward::NoProgress,
    )
    .expect("dedupe");
    let secs = started.elapsed().as_secs_f64();
    println!(
        "dedupe    {} records, {} candidate pairs compared ({} kept) in {:.2}s: {:.0} pairs/s (blocking, training, scoring and clustering included), {} clusters",
        recs.len(),
        result.pairs_compared,
        result.pairs.len(),
        secs,
        result.pairs_compared as f64 / secs,
        result.clusters.len()
    );
}
