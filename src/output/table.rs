//! One tabular output written in every format asked for: the same header and cells go to CSV, XLSX and Parquet.

use super::{Staging, parquet::ParquetTable, write_row, xlsx::XlsxTable};
use crate::config::TableFormat;
use crate::error::Result;
use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

/// What a column holds, for the formats that type their cells (XLSX, Parquet). Every
/// column is written as text to CSV; only counts and scores are numbers elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text (identifiers, phones, postcodes: never a number, whatever they look like).
    Text,
    /// A whole number written in decimal digits (a row number, a count).
    Int,
    /// A decimal number (a probability, a weight).
    Float,
}

/// A column of a table: its name and kind.
pub type Column = (String, Kind);

/// Text columns named `names`.
pub fn text_columns<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<Column> {
    names
        .into_iter()
        .map(|n| (n.to_string(), Kind::Text))
        .collect()
}

/// One file of the table, in one format.
enum Sink {
    Csv(Box<csv::Writer<BufWriter<File>>>),
    Xlsx(Box<XlsxTable>),
    Parquet(Box<ParquetTable>),
}

/// A table being written as `STEM.csv`, `STEM.xlsx`, `STEM.parquet` (the formats asked for).
pub struct TableWriter {
    /// Each file's name (for its errors) and writer.
    sinks: Vec<(String, Sink)>,
}

impl TableWriter {
    /// Opens `stem` in each of `formats` in the staging folder and writes the header.
    pub fn create(
        staging: &Staging,
        stem: &str,
        columns: &[Column],
        formats: &[TableFormat],
    ) -> Result<TableWriter> {
        let mut sinks = Vec::with_capacity(formats.len());
        for format in formats {
            let name = format!("{stem}.{}", format.extension());
            let sink = match format {
                TableFormat::Csv => staging.csv(&name).and_then(|mut w| {
                    let header: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
                    write_row(&mut w, &header).map(|()| Sink::Csv(Box::new(w)))
                }),
                TableFormat::Xlsx => XlsxTable::create(staging, &name, stem, columns)
                    .map(|x| Sink::Xlsx(Box::new(x))),
                TableFormat::Parquet => ParquetTable::create(staging, &name, columns)
                    .map(|p| Sink::Parquet(Box::new(p))),
            }
            .map_err(|e| e.or_at_path(Path::new(&name)))?;
            sinks.push((name, sink));
        }
        Ok(TableWriter { sinks })
    }

    /// Writes one row (one cell per column) to every file.
    pub fn row(&mut self, cells: &[&str]) -> Result<()> {
        for (name, sink) in &mut self.sinks {
            let written = match sink {
                Sink::Csv(w) => write_row(w.as_mut(), cells),
                Sink::Xlsx(x) => x.row(cells),
                Sink::Parquet(p) => p.row(cells),
            };
            written.map_err(|e| e.at_path(Path::new(name.as_str())))?;
        }
        Ok(())
    }

    /// Completes every file.
    pub fn finish(self) -> Result<()> {
        for (name, sink) in self.sinks {
            let finished = match sink {
                Sink::Csv(mut w) => w.flush().map_err(crate::Error::from),
                Sink::Xlsx(x) => x.finish(),
                Sink::Parquet(p) => p.finish(),
            };
            finished.map_err(|e| e.at_path(Path::new(&name)))?;
        }
        Ok(())
    }
}
