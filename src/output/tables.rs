//! The tabular outputs: `xref`, `golden`, `pairs` and `findings`, each in every format asked for.

use super::Staging;
use super::table::{Column, Kind, TableWriter, text_columns};
use crate::config::TableFormat;
use crate::error::Result;
use crate::excerpt::excerpt;
use crate::pipeline::RunData;
use crate::progress::Progress;
use crate::record::Field;
use crate::survive::{column_union, slots_of};
use std::collections::BTreeSet;

/// Rows written between two checks for a stop request.
const ROWS_PER_STOP_CHECK: usize = 65_536;

/// Status of an input row in `xref.csv`.
fn status(data: &RunData, index: usize, cluster_size: usize) -> &'static str {
    if data.suppressed[index] {
        "suppressed"
    } else if !data.eligible[index] {
        "quarantined"
    } else if cluster_size > 1 {
        "merged"
    } else {
        "unique"
    }
}

/// Writes `xref`: one line per input row, in source and row order. Returns the row count.
pub fn write_xref(
    data: &RunData,
    staging: &Staging,
    formats: &[TableFormat],
    progress: &dyn Progress,
) -> Result<usize> {
    let mut customer_of: Vec<Option<(usize, usize)>> = vec![None; data.records.len()];
    for (g, golden) in data.golden.iter().enumerate() {
        for &m in &golden.members {
            if let Some(slot) = customer_of.get_mut(m) {
                *slot = Some((g, golden.members.len()));
            }
        }
    }
    let passthrough = passthrough_union(data);
    let mut header: Vec<Column> =
        text_columns(["source", "row", "source_key", "customer_id", "status"]);
    header[1].1 = Kind::Int;
    header.extend(text_columns(Field::ALL.iter().map(|f| f.name())));
    header.extend(text_columns(passthrough.iter().map(String::as_str)));
    let mut w = TableWriter::create(staging, "xref", &header, formats)?;
    let slots = passthrough_slots(data, &passthrough);
    let mut written = 0usize;
    let mut row = String::new();
    for (i, rec) in data.records.iter().enumerate() {
        if i % ROWS_PER_STOP_CHECK == 0 {
            crate::cancel::check(progress)?;
        }
        let source = &data.sources[rec.source as usize];
        let (customer, size) = match customer_of[i] {
            Some((g, n)) => (data.golden[g].customer_id.as_str(), n),
            None => ("", 1),
        };
        row.clear();
        {
            use std::fmt::Write as _;
            let _ = write!(row, "{}", rec.row);
        }
        let mut cells: Vec<&str> = vec![
            &source.table.name,
            &row,
            &data.source_keys[i],
            customer,
            status(data, i, size),
        ];
        cells.extend(Field::ALL.iter().map(|f| rec.values.get(*f)));
        for slot in slots.get(rec.source as usize).into_iter().flatten() {
            let v = slot.and_then(|p| rec.extra.get(p));
            cells.push(v.map(String::as_str).unwrap_or(""));
        }
        w.row(&cells)?;
        written += 1;
    }
    w.finish()?;
    Ok(written)
}

/// Pass-through column names across every source, in first-seen order (linear in the
/// number of columns: a table may have hundreds of thousands).
fn passthrough_union(data: &RunData) -> Vec<String> {
    let per_source: Vec<Vec<String>> = data
        .sources
        .iter()
        .map(|s| s.mapping.passthrough_headers())
        .collect();
    union_of_columns(&per_source)
}

/// The distinct names of `per_source`, in first-seen order, leaving out the names of
/// `xref.csv`'s own columns.
fn union_of_columns(per_source: &[Vec<String>]) -> Vec<String> {
    column_union(
        per_source,
        &["source", "row", "source_key", "customer_id", "status"],
    )
}

/// Per source, where each union column sits in the record's pass-through cells.
fn passthrough_slots(data: &RunData, union: &[String]) -> Vec<Vec<Option<usize>>> {
    data.sources
        .iter()
        .map(|s| slots_of(&s.mapping.passthrough_headers(), union))
        .collect()
}

/// Writes `golden`: one line per customer.
pub fn write_golden(data: &RunData, staging: &Staging, formats: &[TableFormat]) -> Result<()> {
    let mut header: Vec<Column> = text_columns(["customer_id"]);
    header.extend(text_columns(Field::ALL.iter().map(|f| f.name())));
    header.extend(text_columns(["name_alt"]));
    header.push(("source_count".to_string(), Kind::Int));
    header.extend(text_columns(["sources"]));
    header.extend(text_columns(data.golden_columns.iter().map(String::as_str)));
    let mut w = TableWriter::create(staging, "golden", &header, formats)?;
    for g in &data.golden {
        let names: BTreeSet<&str> = g
            .members
            .iter()
            .map(|&m| {
                data.sources[data.records[m].source as usize]
                    .table
                    .name
                    .as_str()
            })
            .collect();
        let count = g.members.len().to_string();
        let joined = names.into_iter().collect::<Vec<_>>().join("|");
        let mut cells: Vec<&str> = vec![&g.customer_id];
        cells.extend(Field::ALL.iter().map(|f| g.values.get(*f)));
        cells.push(&g.name_alt);
        cells.push(&count);
        cells.push(&joined);
        for i in 0..data.golden_columns.len() {
            cells.push(g.extra.get(i).map_or("", String::as_str));
        }
        w.row(&cells)?;
    }
    w.finish()
}

/// Writes `pairs`: every compared candidate pair with its levels.
/// The fields whose values `pairs` repeats for both rows, so a decision can be written from
/// it without a join with `xref`.
const PAIR_VALUES: [Field; 9] = [
    Field::GivenName,
    Field::FamilyName,
    Field::Email,
    Field::Phone,
    Field::AddressLine1,
    Field::Locality,
    Field::PostalCode,
    Field::Organization,
    Field::BirthDate,
];

/// A personal value as `pairs` shows it: masked under `mask_pii`.
fn shown(value: &str, field: Field, mask_pii: bool) -> std::borrow::Cow<'_, str> {
    if mask_pii && field.is_pii() && !value.is_empty() {
        std::borrow::Cow::Owned(crate::privacy::mask(value))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// Writes `pairs`: every compared candidate pair with both rows' keys, its levels, and both
/// rows' compared values (masked under `mask_pii`).
pub fn write_pairs(
    data: &RunData,
    mask_pii: bool,
    staging: &Staging,
    formats: &[TableFormat],
) -> Result<()> {
    let mut header: Vec<Column> = [
        ("left_source", Kind::Text),
        ("left_row", Kind::Int),
        ("right_source", Kind::Text),
        ("right_row", Kind::Int),
        ("match_probability", Kind::Float),
        ("match_weight", Kind::Float),
        ("decision", Kind::Text),
        ("reason", Kind::Text),
    ]
    .iter()
    .map(|(name, kind)| (name.to_string(), *kind))
    .collect();
    let levels: Vec<String> = data
        .dedupe
        .comparisons
        .iter()
        .map(|c| format!("{c}_level"))
        .collect();
    header.extend(text_columns(levels.iter().map(String::as_str)));
    header.extend(text_columns(["left_key", "right_key"]));
    let compared: Vec<String> = PAIR_VALUES
        .iter()
        .flat_map(|f| [format!("left_{}", f.name()), format!("right_{}", f.name())])
        .collect();
    header.extend(text_columns(compared.iter().map(String::as_str)));
    let mut w = TableWriter::create(staging, "pairs", &header, formats)?;
    let mut numbers = [String::new(), String::new(), String::new(), String::new()];
    for p in &data.dedupe.pairs {
        let (a, b) = (&data.records[p.a as usize], &data.records[p.b as usize]);
        {
            use std::fmt::Write as _;
            numbers.iter_mut().for_each(String::clear);
            let [left, right, probability, weight] = &mut numbers;
            let _ = write!(left, "{}", a.row);
            let _ = write!(right, "{}", b.row);
            let _ = write!(probability, "{:.6}", p.match_probability);
            let _ = write!(weight, "{:.4}", p.match_weight);
        }
        let mut cells: Vec<&str> = Vec::with_capacity(8 + data.dedupe.comparisons.len());
        cells.extend([
            data.sources[a.source as usize].table.name.as_str(),
            &numbers[0],
            data.sources[b.source as usize].table.name.as_str(),
            &numbers[1],
            &numbers[2],
            &numbers[3],
            p.decision.as_str(),
            p.reason.as_str(),
        ]);
        for c in 0..data.dedupe.comparisons.len() {
            cells.push(data.dedupe.explanations.level_label(p.vector, c));
        }
        let key = |i: u32| data.source_keys.get(i as usize).map_or("", String::as_str);
        cells.extend([key(p.a), key(p.b)]);
        let values: Vec<std::borrow::Cow<'_, str>> = PAIR_VALUES
            .iter()
            .flat_map(|&f| {
                [
                    shown(a.values.get(f), f, mask_pii),
                    shown(b.values.get(f), f, mask_pii),
                ]
            })
            .collect();
        cells.extend(values.iter().map(|v| v.as_ref()));
        w.row(&cells)?;
    }
    w.finish()
}

/// Writes `findings`, sorted by source order, row, field and code. Values are repeated
/// as excerpts ([`excerpt`]), masked under `mask_pii` where they may be personal, in every
/// format alike.
pub fn write_findings(
    data: &RunData,
    mask_pii: bool,
    staging: &Staging,
    formats: &[TableFormat],
) -> Result<()> {
    let order: rustc_hash::FxHashMap<&str, usize> = data
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.table.name.as_str(), i))
        .collect();
    let mut sorted: Vec<&crate::finding::Finding> = data.findings.iter().collect();
    sorted.sort_by(|a, b| {
        let ka = (
            order.get(a.source.as_str()).copied().unwrap_or(usize::MAX),
            a.row,
        );
        let kb = (
            order.get(b.source.as_str()).copied().unwrap_or(usize::MAX),
            b.row,
        );
        ka.cmp(&kb)
            .then_with(|| a.field.cmp(&b.field))
            .then_with(|| a.code.cmp(&b.code))
    });
    let mut header = text_columns([
        "source",
        "row",
        "field",
        "code",
        "severity",
        "raw",
        "suggestion",
        "message",
    ]);
    header[1].1 = Kind::Int;
    let mut w = TableWriter::create(staging, "findings", &header, formats)?;
    for f in sorted {
        let row = f.row.to_string();
        let masked = mask_pii && crate::privacy::is_personal_field(&f.field);
        let raw = excerpt(&f.raw, masked);
        let suggestion = excerpt(&f.suggestion, masked);
        let message = if masked {
            excerpt(
                &crate::privacy::mask_quoted(&f.message, &[&f.raw, &f.suggestion]),
                false,
            )
        } else {
            excerpt(&f.message, false)
        };
        w.row(&[
            &f.source,
            &row,
            &f.field,
            &f.code,
            f.severity.as_str(),
            &raw,
            &suggestion,
            &message,
        ])?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_union_keeps_first_seen_order_once_each_without_xrefs_own_columns() {
        let per_source = [
            names(&["Notes", "Segment", "email", "status"]),
            names(&["Segment", "Branch", "Notes"]),
        ];
        assert_eq!(
            union_of_columns(&per_source),
            names(&["Notes", "Segment", "Branch"])
        );
    }

    #[test]
    fn each_union_column_finds_its_own_position_in_a_source() {
        let union = names(&["Notes", "Segment", "Branch"]);
        assert_eq!(
            slots_of(&names(&["Branch", "Notes"]), &union),
            [Some(1), None, Some(0)]
        );
    }

    #[test]
    fn two_hundred_thousand_columns_are_placed_each_in_its_slot() {
        let own: Vec<String> = (0..200_000).map(|i| format!("col{i}")).collect();
        let union = union_of_columns(std::slice::from_ref(&own));
        assert_eq!(union.len(), own.len());
        let slots = slots_of(&own, &union);
        assert!(slots.iter().enumerate().all(|(i, s)| *s == Some(i)));
    }
}
