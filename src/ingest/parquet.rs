//! Parquet and Arrow IPC (Feather v2) files: read with polars into one table of text cells, column names as the header.

use super::column_text::column_text;
use super::table::{self, Numbering, Overflow, PhysicalRow};
use super::{SourceTable, fill_from_built};
use crate::config::Format;
use crate::error::{Error, Result};
use polars::prelude::{DataFrame, IpcReader, ParquetReader, SerReader};
use std::io::Cursor;
use std::path::Path;

/// Reads the Parquet or IPC file `bytes` (already checked by [`super::open`]) into `table`:
/// each column a text column ([`column_text`]), data rows numbered from 1 in file order.
pub fn read_columnar(bytes: &[u8], path: &Path, mut table: SourceTable) -> Result<SourceTable> {
    let kind = match table.format {
        Some(Format::Ipc) => "Arrow IPC",
        _ => "Parquet",
    };
    let frame = super::panic_guard::contain_panic(|| read_frame(bytes, table.format))
        .unwrap_or_else(|| Err("the reader failed on its contents".to_string()))
        .map_err(|reason| unreadable(kind, &reason, path))?;
    let rows = physical_rows(&frame).map_err(|reason| unreadable(kind, &reason, path))?;
    let built = table::build(
        &table.name,
        rows,
        Some(1),
        Numbering::SheetRow,
        Overflow::Widen,
    )
    .map_err(|_| Error::input(format!("the {kind} file has no columns")).at_path(path))?;
    fill_from_built(&mut table, built);
    // Column names are the file's schema, not a row of it.
    table.header_row = 0;
    Ok(table)
}

/// The input error for a file polars cannot read, with polars' reason (structural, never a cell).
fn unreadable(kind: &str, reason: &str, path: &Path) -> Error {
    let first_line = reason.lines().next().unwrap_or_default();
    let reason = crate::excerpt::excerpt(first_line, false);
    Error::input(format!("not a readable {kind} file: {reason}")).at_path(path)
}

fn read_frame(bytes: &[u8], format: Option<Format>) -> std::result::Result<DataFrame, String> {
    let cursor = Cursor::new(bytes);
    let read = match format {
        Some(Format::Ipc) => IpcReader::new(cursor).finish(),
        _ => ParquetReader::new(cursor).finish(),
    };
    read.map_err(|e| e.to_string())
}

/// The header (line 1: column names) and one row per record (line 2 on), every cell text.
fn physical_rows(frame: &DataFrame) -> std::result::Result<Vec<PhysicalRow>, String> {
    let mut columns = Vec::with_capacity(frame.width());
    for column in frame.columns() {
        let series = column.as_materialized_series();
        let cells = column_text(series)
            .map_err(|what| format!("column {:?} is {what}", series.name().as_str()))?;
        columns.push(cells);
    }
    let header = PhysicalRow {
        line: 1,
        cells: frame
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect(),
        ..PhysicalRow::default()
    };
    let mut rows = Vec::with_capacity(frame.height() + 1);
    rows.push(header);
    let mut iters: Vec<_> = columns.into_iter().map(Vec::into_iter).collect();
    for i in 0..frame.height() {
        let cells = iters
            .iter_mut()
            .map(|cells| cells.next().unwrap_or_default())
            .collect();
        rows.push(PhysicalRow {
            line: i as u64 + 2,
            cells,
            ..PhysicalRow::default()
        });
    }
    Ok(rows)
}
