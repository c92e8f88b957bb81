//! Phone accuracy and throughput on `benches/data/phones.csv`: Steward's normaliser against raw
//! `rlibphonenumber` and raw `phonenumber` parsing of each cell with the row's country.
//!
//! Run with `cargo bench --bench phone_accuracy`. Prints, per method, the share of cells whose
//! true number was recovered, the share that got a wrong number, and cells/s on one thread and
//! with rayon on every core. `PHONE_BENCH_ROUNDS=0` skips the timing (quick accuracy check),
//! `PHONE_BENCH_MISSES=1` lists the cells Steward gets wrong, `PHONE_BENCH_CSV` reads another file.

use rayon::prelude::*;
use std::time::Instant;
use steward::locale::LocaleData;
use steward::normalize::RowContext;
use steward::normalize::phone::PhoneNormalizer;
use steward::{Country, Field, Record};

/// One fixture row.
struct Case {
    country: String,
    cell: String,
    expected: String,
    ext: String,
    alt: String,
}

/// A way of turning a cell into (phone, ext, alt).
type Method<'a> = Box<dyn Fn(&Case) -> (String, String, String) + Sync + 'a>;

fn load() -> Vec<Case> {
    let default = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data/phones.csv");
    let path = std::env::var("PHONE_BENCH_CSV").unwrap_or_else(|_| default.to_string());
    let mut reader = match csv::Reader::from_path(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    reader
        .records()
        .filter_map(|r| r.ok())
        .map(|r| {
            let col = |i: usize| r.get(i).unwrap_or("").to_string();
            Case {
                country: col(0),
                cell: col(1),
                expected: col(2),
                ext: col(3),
                alt: col(4),
            }
        })
        .collect()
}

fn steward_method(normalizer: &PhoneNormalizer) -> Method<'_> {
    Box::new(move |case: &Case| {
        let mut rec = Record {
            country: Country::new(&case.country),
            ..Record::default()
        };
        rec.raw.set(Field::Phone, case.cell.as_str());
        normalizer.apply(&mut rec, &RowContext::default(), &mut Vec::new());
        let v = &rec.values;
        (
            v.get(Field::Phone).into(),
            v.get(Field::PhoneExt).into(),
            v.get(Field::PhoneAlt).into(),
        )
    })
}

fn rlib_method() -> Method<'static> {
    use rlibphonenumber::{PHONE_NUMBER_UTIL, PhoneNumberFormat, Region};
    Box::new(|case: &Case| {
        let region = Region::from_code(&case.country).ok();
        let phone = match PHONE_NUMBER_UTIL.parse(&case.cell, region) {
            Ok(n) if n.is_valid() => n.format_as(PhoneNumberFormat::E164).into_owned(),
            _ => String::new(),
        };
        (phone, String::new(), String::new())
    })
}

fn phonenumber_method() -> Method<'static> {
    Box::new(|case: &Case| {
        let region = case.country.parse::<phonenumber::country::Id>().ok();
        let phone = match phonenumber::parse(region, &case.cell) {
            Ok(n) if phonenumber::is_valid(&n) => {
                n.format().mode(phonenumber::Mode::E164).to_string()
            }
            _ => String::new(),
        };
        (phone, String::new(), String::new())
    })
}

/// Recovered %, wrong %, extension-correct %, alternate-correct %.
fn accuracy(cases: &[Case], method: &Method) -> (f64, f64, f64, f64) {
    let (mut knowable, mut recovered, mut wrong) = (0usize, 0usize, 0usize);
    let (mut exts, mut ext_ok, mut alts, mut alt_ok) = (0usize, 0usize, 0usize, 0usize);
    for case in cases {
        let (phone, ext, alt) = method(case);
        if !case.expected.is_empty() {
            knowable += 1;
            recovered += usize::from(phone == case.expected);
        }
        wrong += usize::from(!phone.is_empty() && phone != case.expected);
        if !case.ext.is_empty() {
            exts += 1;
            ext_ok += usize::from(ext == case.ext);
        }
        if !case.alt.is_empty() {
            alts += 1;
            alt_ok += usize::from(alt == case.alt);
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    (
        pct(recovered, knowable),
        pct(wrong, cases.len()),
        pct(ext_ok, exts),
        pct(alt_ok, alts),
    )
}

/// Cells per second on one thread and with rayon.
fn speed(cases: &[Case], method: &Method, rounds: usize) -> (f64, f64) {
    let cells = (cases.len() * rounds) as f64;
    let start = Instant::now();
    for _ in 0..rounds {
        cases.iter().for_each(|c| drop(method(c)));
    }
    let single = cells / start.elapsed().as_secs_f64();
    let start = Instant::now();
    for _ in 0..rounds {
        cases.par_iter().for_each(|c| drop(method(c)));
    }
    (single, cells / start.elapsed().as_secs_f64())
}

fn main() {
    let cases = load();
    let knowable = cases.iter().filter(|c| !c.expected.is_empty()).count();
    let normalizer = match PhoneNormalizer::from_locale(&LocaleData::default()) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("cannot build the phone normaliser: {e}");
            std::process::exit(1);
        }
    };
    let rounds: usize = std::env::var("PHONE_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    println!(
        "{} cells ({} with a knowable number), {} rayon threads, {} rounds",
        cases.len(),
        knowable,
        rayon::current_num_threads(),
        rounds
    );
    println!("| method | recovered | wrong | ext ok | alt ok | cells/s 1 thread | cells/s rayon |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    let methods: [(&str, Method); 3] = [
        ("steward PhoneNormalizer", steward_method(&normalizer)),
        ("raw rlibphonenumber 2.2.15", rlib_method()),
        ("raw phonenumber 0.3.10", phonenumber_method()),
    ];
    for (name, method) in &methods {
        let (recovered, wrong, ext, alt) = accuracy(&cases, method);
        let (single, parallel) = if rounds == 0 {
            (0.0, 0.0)
        } else {
            speed(&cases, method, rounds)
        };
        println!(
            "| {name} | {recovered:.2}% | {wrong:.2}% | {ext:.1}% | {alt:.1}% | {single:.0} | {parallel:.0} |"
        );
    }
    if std::env::var("PHONE_BENCH_MISSES").is_ok() {
        let (_, method) = &methods[0];
        for case in &cases {
            let (phone, _, _) = method(case);
            if phone != case.expected {
                println!(
                    "MISS {} | {} | want {} | got {}",
                    case.country, case.cell, case.expected, phone
                );
            }
        }
    }
}
