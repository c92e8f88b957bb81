//! Assembly: turns a read table and its header mapping into lineage-carrying records with source keys.

use crate::checksum::short_id;
use crate::finding::{Finding, Severity};
use crate::ingest::SourceTable;
use crate::map::{Mapping, Target};
use crate::record::{Field, Record, SourceId};
use rustc_hash::FxHashMap as HashMap;

/// Records of one table, with their source keys.
pub struct Assembled {
    pub records: Vec<Record>,
    /// The source system's ID for each record, or a content-derived key when it has none.
    pub source_keys: Vec<String>,
    pub findings: Vec<Finding>,
}

/// Builds one record per data row: mapped cells into `raw`, pass-through cells into `extra`.
pub fn assemble(source: SourceId, table: &SourceTable, mapping: &Mapping) -> Assembled {
    let mut records = Vec::with_capacity(table.rows.len());
    let mut keys = Vec::with_capacity(table.rows.len());
    let mut findings = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::default();
    for raw_row in &table.rows {
        let mut rec = Record {
            source,
            row: raw_row.row,
            ..Record::default()
        };
        let mut key = String::new();
        for (col, cell) in mapping.columns.iter().zip(&raw_row.cells) {
            match col.target {
                Target::Field(f) => append(&mut rec, f, cell, " | "),
                Target::AppendTo(f) => append(&mut rec, f, cell, " "),
                Target::SourceKey => key = cell.trim().to_string(),
                Target::PassThrough => rec.extra.push(cell.clone()),
                Target::Ignore | Target::Fallback(_) => {}
            }
        }
        // Fallback columns only after every main column, wherever they stand.
        for (col, cell) in mapping.columns.iter().zip(&raw_row.cells) {
            if let Target::Fallback(f) = col.target {
                fill_empty(&mut rec, f, cell);
            }
        }
        let from_id = !key.is_empty();
        if from_id && !rec.raw.has(Field::SourceRecordId) {
            // The source system's own ID, for updates in the target CRM.
            rec.raw.set(Field::SourceRecordId, &key);
        }
        if !from_id {
            key = short_id("h", raw_row.cells.join("\u{1f}").as_bytes());
        }
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            if from_id {
                findings.push(
                    Finding::new(
                        &table.name,
                        raw_row.row,
                        "row.duplicate_key",
                        Severity::Warning,
                        "this record ID appears more than once in the source",
                    )
                    .with_raw(&key),
                );
            }
            key = format!("{key}~{n}");
        }
        keys.push(key);
        records.push(rec);
    }
    Assembled {
        records,
        source_keys: keys,
        findings,
    }
}

/// Sets `field`, joining with `sep` when a second column already filled it.
fn append(rec: &mut Record, field: Field, cell: &str, sep: &str) {
    let cell = cell.trim();
    if cell.is_empty() {
        return;
    }
    if rec.raw.has(field) {
        let joined = format!("{}{sep}{cell}", rec.raw.get(field));
        rec.raw.set(field, joined);
    } else {
        rec.raw.set(field, cell);
    }
}

/// Sets `field` (or else its alternate) from `cell` when the row left it empty.
fn fill_empty(rec: &mut Record, field: Field, cell: &str) {
    let cell = cell.trim();
    if cell.is_empty() {
        return;
    }
    let slots =
        std::iter::once(field).chain(field.alternate().filter(|_| field != Field::AddressLine1));
    for slot in slots {
        if rec.raw.get(slot).trim() == cell {
            return;
        }
        if !rec.raw.has(slot) {
            rec.raw.set(slot, cell);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::RawRow;
    use crate::map::{ColumnMap, MatchKind};

    fn col(h: &str, target: Target) -> ColumnMap {
        ColumnMap {
            header: h.into(),
            target,
            how: MatchKind::Synonym,
        }
    }

    #[test]
    fn maps_cells_and_keys_every_row_uniquely() {
        let table = SourceTable {
            name: "t.csv".into(),
            headers: vec!["id".into(), "street".into(), "no".into(), "note".into()],
            rows: vec![
                RawRow {
                    row: 1,
                    cells: vec!["".into(), "Hauptstr.".into(), "5".into(), "vip".into()],
                },
                RawRow {
                    row: 2,
                    cells: vec!["".into(), "Hauptstr.".into(), "5".into(), "vip".into()],
                },
                RawRow {
                    row: 3,
                    cells: vec!["A-9".into(), "".into(), "".into(), "".into()],
                },
            ],
            ..SourceTable::default()
        };
        let mapping = Mapping {
            columns: vec![
                col("id", Target::SourceKey),
                col("street", Target::Field(Field::AddressLine1)),
                col("no", Target::AppendTo(Field::AddressLine1)),
                col("note", Target::PassThrough),
            ],
            ..Mapping::default()
        };
        let a = assemble(0, &table, &mapping);
        assert_eq!(a.records.len(), 3);
        assert_eq!(a.records[0].raw.get(Field::AddressLine1), "Hauptstr. 5");
        assert_eq!(a.records[0].extra, vec!["vip".to_string()]);
        assert_eq!(a.source_keys[2], "A-9");
        assert_eq!(a.records[2].raw.get(Field::SourceRecordId), "A-9");
        assert!(
            !a.records[0].raw.has(Field::SourceRecordId),
            "a content hash is no record ID of the source"
        );
        assert_ne!(
            a.source_keys[0], a.source_keys[1],
            "identical rows still get distinct keys"
        );
        assert!(a.source_keys[1].starts_with(&a.source_keys[0]));
    }

    #[test]
    fn fallback_columns_fill_only_what_the_row_left_empty() {
        let table = SourceTable {
            name: "outlook.txt".into(),
            headers: vec![
                "Business Phone".into(),
                "Home Phone".into(),
                "Mobile Phone".into(),
                "Business City".into(),
                "Home City".into(),
            ],
            rows: vec![
                RawRow {
                    row: 1,
                    cells: vec![
                        "".into(),
                        "044 123 45 67".into(),
                        "050 111 22 33".into(),
                        "".into(),
                        "Київ".into(),
                    ],
                },
                RawRow {
                    row: 2,
                    cells: vec![
                        "030 1234".into(),
                        "030 5678".into(),
                        "0171 999".into(),
                        "Berlin".into(),
                        "Potsdam".into(),
                    ],
                },
            ],
            ..SourceTable::default()
        };
        let mapping = Mapping {
            columns: vec![
                col("Business Phone", Target::Field(Field::Phone)),
                col("Home Phone", Target::Field(Field::PhoneAlt)),
                col("Mobile Phone", Target::Fallback(Field::Phone)),
                col("Business City", Target::Field(Field::Locality)),
                col("Home City", Target::Fallback(Field::Locality)),
            ],
            ..Mapping::default()
        };
        let a = assemble(0, &table, &mapping);
        let (first, second) = (&a.records[0].raw, &a.records[1].raw);
        assert_eq!(first.get(Field::Phone), "050 111 22 33");
        assert_eq!(first.get(Field::PhoneAlt), "044 123 45 67");
        assert_eq!(first.get(Field::Locality), "Київ");
        // Every slot taken: the third number and the home city are not squeezed in.
        assert_eq!(second.get(Field::Phone), "030 1234");
        assert_eq!(second.get(Field::PhoneAlt), "030 5678");
        assert_eq!(second.get(Field::Locality), "Berlin");
    }
}
