//! Validation: which rows can become customers, and the quality scorecard of every field before and after.

use crate::fields::Evidence;
use crate::finding::{Finding, Severity};
use crate::record::{Field, MatchKey, Record, Values};
use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;
use serde::Serialize;
use std::collections::BTreeMap;

/// Fields that are evidence of who or where a record is ([`Evidence::Identity`] or
/// [`Evidence::Other`]): a row with none of them is quarantined.
fn is_evidence(field: &Field) -> bool {
    field.evidence() != Evidence::None
}

/// Whether a normalised record carries anything a customer can be built from: an identity
/// field, an alternate contact, a street address, or a phone number that could not be
/// resolved but whose digits still compare ([`MatchKey::PhoneDigits`]), or an e-mail cell that
/// is no valid address but still compares crudely ([`MatchKey::EmailUnparsed`]).
pub fn is_eligible(rec: &Record) -> bool {
    Field::ALL
        .iter()
        .filter(|f| is_evidence(f))
        .any(|f| rec.values.has(*f))
        || !rec.keys.get(MatchKey::PhoneDigits).is_empty()
        || !rec.keys.get(MatchKey::EmailUnparsed).is_empty()
}

/// The finding for a quarantined row.
pub fn quarantine_finding(source: &str, rec: &Record) -> Finding {
    let had_something = Field::ALL
        .iter()
        .filter(|f| is_evidence(f))
        .any(|f| rec.raw.has(*f));
    let message = if had_something {
        "no usable name, organisation, e-mail, phone or street address after normalisation; \
         row quarantined"
    } else {
        "row has no name, organisation, e-mail, phone or street address; row quarantined"
    };
    Finding::new(
        source,
        rec.row,
        "row.no_identity",
        Severity::Warning,
        message,
    )
}

/// Completeness, validity and uniqueness of one field.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FieldQuality {
    /// Share of rows with a value.
    pub completeness: f64,
    /// Share of present raw values that normalised to a value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validity: Option<f64>,
    /// Distinct values / present values.
    pub uniqueness: f64,
}

/// The scorecard written to `quality.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scorecard {
    pub rows: usize,
    pub customers: usize,
    /// Per field, as read (before normalisation).
    pub before: BTreeMap<&'static str, FieldQuality>,
    /// Per field, after normalisation.
    pub after: BTreeMap<&'static str, FieldQuality>,
    /// Per field, in the golden records.
    pub golden: BTreeMap<&'static str, FieldQuality>,
    /// Findings per code.
    pub findings_by_code: BTreeMap<String, usize>,
}

/// What can only be measured while the values as read are at hand (they leave memory after
/// validation, see [`crate::raw_store`]): each field's quality as read, the share of present
/// values that normalised to a value, and the totals over every field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AsRead {
    before: BTreeMap<&'static str, FieldQuality>,
    validity: BTreeMap<&'static str, f64>,
    /// Over every field: values present as read, and of those, values normalisation kept.
    pub present: usize,
    pub kept: usize,
}

impl AsRead {
    /// Measures `records` (raw and normalised values both still set).
    pub fn measure(records: &[Record]) -> AsRead {
        /// A field as read: its quality, validity, and present / kept counts.
        type Measured = (Field, Option<FieldQuality>, Option<f64>, usize, usize);
        let measured: Vec<Measured> = Field::ALL
            .par_iter()
            .map(|&field| {
                let raw = records.iter().map(|r| r.raw.get(field));
                let has_raw = raw.clone().any(|v| !v.is_empty());
                let before = has_raw.then(|| measure(raw, None));
                let (present, kept) = records
                    .iter()
                    .filter(|r| r.raw.has(field))
                    .fold((0, 0), |(p, k), r| {
                        (p + 1, k + usize::from(r.values.has(field)))
                    });
                (field, before, validity(records, field), present, kept)
            })
            .collect();
        let mut out = AsRead::default();
        for (field, before, valid, present, kept) in measured {
            if let Some(q) = before {
                out.before.insert(field.name(), q);
            }
            if let Some(v) = valid {
                out.validity.insert(field.name(), v);
            }
            out.present += present;
            out.kept += kept;
        }
        out
    }
}

/// Scores the normalised `records` and the golden values, with what was measured as read.
pub fn scorecard<'a>(
    records: &[Record],
    as_read: &AsRead,
    golden: impl Iterator<Item = &'a Values> + Clone,
    findings: &[Finding],
) -> Scorecard {
    let golden: Vec<&Values> = golden.collect();
    let mut card = Scorecard {
        rows: records.len(),
        customers: golden.len(),
        before: as_read.before.clone(),
        ..Scorecard::default()
    };
    // Fields are measured in parallel: at a million rows each is a few passes over the rows.
    let measured: Vec<(Field, Option<[FieldQuality; 2]>)> = Field::ALL
        .par_iter()
        .map(|&field| {
            let norm = records.iter().map(|r| r.values.get(field));
            let has_raw = as_read.before.contains_key(field.name());
            let after = (has_raw || norm.clone().any(|v| !v.is_empty())).then(|| {
                let valid = as_read.validity.get(field.name()).copied();
                [
                    measure(norm, valid),
                    measure(golden.iter().map(|v| v.get(field)), None),
                ]
            });
            (field, after)
        })
        .collect();
    for (field, after) in measured {
        if let Some([norm, gold]) = after {
            card.after.insert(field.name(), norm);
            card.golden.insert(field.name(), gold);
        }
    }
    for f in findings {
        *card.findings_by_code.entry(f.code.clone()).or_default() += 1;
    }
    card
}

fn measure<'a>(values: impl Iterator<Item = &'a str>, validity: Option<f64>) -> FieldQuality {
    let mut total = 0usize;
    let mut present = 0usize;
    let mut distinct: HashSet<&str> = HashSet::default();
    for v in values {
        total += 1;
        if !v.is_empty() {
            present += 1;
            distinct.insert(v);
        }
    }
    FieldQuality {
        completeness: ratio(present, total),
        validity,
        uniqueness: ratio(distinct.len(), present),
    }
}

/// Share of present raw values that normalised to a value. A field and its alternate are
/// measured together (a mobile in `phone_alt` becomes `phone` when `phone` is empty, which is
/// not a loss); the alternate itself is not measured separately.
fn validity(records: &[Record], field: Field) -> Option<f64> {
    let group: &[Field] = match field {
        Field::Phone => &[Field::Phone, Field::PhoneAlt],
        Field::Email => &[Field::Email, Field::EmailAlt],
        Field::PhoneAlt | Field::EmailAlt => return None,
        other => std::slice::from_ref(&Field::ALL[other.index()]),
    };
    let raw = |r: &Record| group.iter().filter(|f| r.raw.has(**f)).count();
    let kept = |r: &Record| group.iter().filter(|f| r.values.has(**f)).count();
    let present: usize = records.iter().map(raw).sum();
    let valid: usize = records.iter().map(|r| kept(r).min(raw(r))).sum();
    (present > 0).then(|| ratio(valid, present))
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        (a as f64 / b as f64 * 10_000.0).round() / 10_000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(raw_email: &str, email: &str) -> Record {
        let mut r = Record::default();
        r.raw.set(Field::Email, raw_email);
        r.values.set(Field::Email, email);
        r
    }

    #[test]
    fn an_alternate_promoted_to_primary_is_not_counted_invalid() {
        let mut r = Record::default();
        r.raw.set(Field::PhoneAlt, "07895 485008");
        r.values.set(Field::Phone, "+447895485008");
        assert_eq!(validity(&[r.clone()], Field::Phone), Some(1.0));
        assert_eq!(validity(&[r], Field::PhoneAlt), None);
    }

    #[test]
    fn quarantines_rows_without_identity() {
        assert!(!is_eligible(&rec("not-an-email", "")));
        assert!(is_eligible(&rec("a@b.org", "a@b.org")));
    }

    #[test]
    fn scorecard_measures_completeness_validity_uniqueness() {
        let records = vec![
            rec("a@b.org", "a@b.org"),
            rec("A@B.org", "a@b.org"),
            rec("bad", ""),
            rec("", ""),
        ];
        let golden: Vec<Values> = vec![records[0].values.clone()];
        let as_read = AsRead::measure(&records);
        assert_eq!((as_read.present, as_read.kept), (3, 2));
        let card = scorecard(&records, &as_read, golden.iter(), &[]);
        let before = &card.before["email"];
        assert_eq!(before.completeness, 0.75);
        assert_eq!(before.uniqueness, 1.0);
        let after = &card.after["email"];
        assert_eq!(after.completeness, 0.5);
        assert_eq!(after.validity, Some(0.6667));
        assert_eq!(after.uniqueness, 0.5);
        assert_eq!(card.golden["email"].completeness, 1.0);
    }
}
