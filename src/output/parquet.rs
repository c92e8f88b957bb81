//! A table as Apache Parquet (polars): text columns as String (empty cells null, values as they are, no spreadsheet quote), counts as Int64, scores as Float64, written in row groups of a fixed size.

use super::Staging;
use super::table::{Column, Kind};
use crate::error::{Error, Result};
use polars::io::parquet::write::BatchedWriter;
use polars::prelude::{
    DataFrame, DataType, Field, NamedFrom, ParquetWriter, PolarsError, Schema, Series,
};
use std::fs::File;

/// Cells buffered before a row group is written (rows times columns), so that memory stays
/// bounded however wide the table; the row-group size depends on the column count only, so
/// the same table gives the same bytes.
const CELLS_PER_GROUP: usize = 4 << 20;
/// The most rows of one row group.
const MAX_GROUP_ROWS: usize = 65_536;

/// One column's values of the rows buffered.
enum Values {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
}

/// A table being written as Parquet, a row group at a time.
pub struct ParquetTable {
    writer: BatchedWriter<File>,
    names: Vec<String>,
    values: Vec<Values>,
    buffered: usize,
    group_rows: usize,
}

impl ParquetTable {
    /// Creates `name` in the staging folder for a table of `columns`.
    pub fn create(staging: &Staging, name: &str, columns: &[Column]) -> Result<ParquetTable> {
        // Unbuffered: the writer writes whole pages, and there is then nothing left to flush.
        let file = staging
            .create(name)?
            .into_inner()
            .map_err(|e| Error::writing(e.error()))?;
        let schema: Schema = columns
            .iter()
            .map(|(n, k)| Field::new(n.as_str().into(), dtype(*k)))
            .collect();
        // One thread per table (the tables are written side by side), so the bytes never
        // depend on scheduling.
        let writer = ParquetWriter::new(file)
            .set_parallel(false)
            .batched(&schema)
            .map_err(polars_error)?;
        let group_rows = (CELLS_PER_GROUP / columns.len().max(1)).clamp(1, MAX_GROUP_ROWS);
        Ok(ParquetTable {
            writer,
            names: columns.iter().map(|(n, _)| n.clone()).collect(),
            values: columns.iter().map(|(_, k)| empty(*k, group_rows)).collect(),
            buffered: 0,
            group_rows,
        })
    }

    /// Buffers one row; a full row group is written out.
    pub fn row(&mut self, cells: &[&str]) -> Result<()> {
        for (i, values) in self.values.iter_mut().enumerate() {
            let cell = cells.get(i).copied().unwrap_or_default();
            let present = !cell.is_empty();
            match values {
                Values::Text(v) => v.push(present.then(|| cell.to_string())),
                Values::Int(v) => {
                    v.push(present.then(|| number(cell, &self.names[i])).transpose()?)
                }
                Values::Float(v) => {
                    v.push(present.then(|| number(cell, &self.names[i])).transpose()?)
                }
            }
        }
        self.buffered += 1;
        if self.buffered == self.group_rows {
            self.flush_group()?;
        }
        Ok(())
    }

    /// Writes the buffered rows as one row group.
    fn flush_group(&mut self) -> Result<()> {
        let columns = self
            .names
            .iter()
            .zip(&mut self.values)
            .map(|(name, values)| {
                let name = name.as_str().into();
                let taken = std::mem::replace(values, empty(kind_of(values), 0));
                let series = match taken {
                    Values::Text(v) => Series::new(name, v),
                    Values::Int(v) => Series::new(name, v),
                    Values::Float(v) => Series::new(name, v),
                };
                series.into()
            })
            .collect();
        let frame = DataFrame::new(self.buffered, columns).map_err(polars_error)?;
        self.writer.write_batch(&frame).map_err(polars_error)?;
        self.buffered = 0;
        for values in &mut self.values {
            *values = empty(kind_of(values), self.group_rows);
        }
        Ok(())
    }

    /// Writes the last row group and the footer.
    pub fn finish(mut self) -> Result<()> {
        if self.buffered > 0 {
            self.flush_group()?;
        }
        self.writer.finish().map_err(polars_error)?;
        Ok(())
    }
}

fn dtype(kind: Kind) -> DataType {
    match kind {
        Kind::Text => DataType::String,
        Kind::Int => DataType::Int64,
        Kind::Float => DataType::Float64,
    }
}

fn empty(kind: Kind, capacity: usize) -> Values {
    match kind {
        Kind::Text => Values::Text(Vec::with_capacity(capacity)),
        Kind::Int => Values::Int(Vec::with_capacity(capacity)),
        Kind::Float => Values::Float(Vec::with_capacity(capacity)),
    }
}

fn kind_of(values: &Values) -> Kind {
    match values {
        Values::Text(_) => Kind::Text,
        Values::Int(_) => Kind::Int,
        Values::Float(_) => Kind::Float,
    }
}

/// A numeric column's cell as written by Steward itself; anything else is a bug here.
fn number<T: std::str::FromStr>(cell: &str, column: &str) -> Result<T> {
    cell.parse()
        .map_err(|_| Error::invariant(format!("column {column} holds a cell that is not a number")))
}

/// A write failure (a full disk) as such; anything else polars says as an output error.
fn polars_error(e: PolarsError) -> Error {
    match e {
        PolarsError::IO { error, .. } => Error::writing(&error),
        other => Error::output(format!("cannot write the Parquet file: {other}")),
    }
}
