//! A table as an Excel workbook (constant memory): text cells as strings made spreadsheet-safe, numbers only where the column holds them, a sheet continued on the next past Excel's row limit.

use super::Staging;
use super::table::{Column, Kind};
use crate::error::{Error, Result};
use crate::spreadsheet::spreadsheet_safe;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use std::fs::File;
use std::io::BufWriter;

/// Rows of one worksheet, the header's included (Excel's limit).
pub const SHEET_ROWS: u32 = 1_048_576;
/// Columns of one worksheet (Excel's limit).
pub const SHEET_COLUMNS: usize = 16_384;
/// Characters (UTF-16 units) of one cell (Excel's limit).
const CELL_UNITS: usize = 32_767;

/// A table being written as a workbook: one sheet named after the table, then `name (2)`,
/// `name (3)`… each with the header again, when the rows do not fit on one.
pub struct XlsxTable {
    workbook: Workbook,
    file: BufWriter<File>,
    stem: String,
    header: Vec<String>,
    kinds: Vec<Kind>,
    bold: Format,
    /// Index of the sheet being written.
    sheet: usize,
    /// The next row of that sheet.
    next_row: u32,
    /// Rows of a sheet, its header's included ([`SHEET_ROWS`]; fewer in the tests).
    rows_per_sheet: u32,
}

impl XlsxTable {
    /// Creates `name` in the staging folder with a first sheet named `stem` and its header.
    pub fn create(
        staging: &Staging,
        name: &str,
        stem: &str,
        columns: &[Column],
    ) -> Result<XlsxTable> {
        if columns.len() > SHEET_COLUMNS {
            return Err(Error::output(format!(
                "the table has {} columns and an Excel sheet holds at most {SHEET_COLUMNS}; \
                 write it as csv or parquet (--format)",
                columns.len()
            )));
        }
        let file = staging.create(name)?;
        let mut workbook = Workbook::new();
        // A fixed creation date: the same run gives the same bytes.
        let epoch = ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx_error)?;
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
        // Constant-memory sheets spill their rows to unlinked temporary files; keep those
        // on the output's file system, owner-only like the rest of the staging folder.
        workbook.set_tempdir(staging.dir()).map_err(xlsx_error)?;
        let mut table = XlsxTable {
            workbook,
            file,
            stem: stem.to_string(),
            header: columns.iter().map(|(n, _)| n.clone()).collect(),
            kinds: columns.iter().map(|(_, k)| *k).collect(),
            bold: Format::new().set_bold(),
            sheet: 0,
            next_row: 0,
            rows_per_sheet: SHEET_ROWS,
        };
        table.start_sheet(1)?;
        Ok(table)
    }

    /// Adds sheet number `number` (1-based) and writes the header on it.
    fn start_sheet(&mut self, number: usize) -> Result<()> {
        let name = if number == 1 {
            self.stem.clone()
        } else {
            format!("{} ({number})", self.stem)
        };
        let sheet = self
            .workbook
            .add_worksheet_with_constant_memory()
            .map_err(xlsx_error)?;
        sheet.set_name(name).map_err(xlsx_error)?;
        for (col, title) in self.header.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, title, &self.bold)
                .map_err(xlsx_error)?;
        }
        self.sheet = number - 1;
        self.next_row = 1;
        Ok(())
    }

    /// Writes one row; past the sheet's last row it goes on a new sheet.
    pub fn row(&mut self, cells: &[&str]) -> Result<()> {
        if self.next_row >= self.rows_per_sheet {
            self.start_sheet(self.sheet + 2)?;
        }
        let row = self.next_row;
        let sheet = self
            .workbook
            .worksheet_from_index(self.sheet)
            .map_err(xlsx_error)?;
        for (col, (cell, kind)) in cells.iter().zip(&self.kinds).enumerate() {
            if cell.is_empty() {
                continue;
            }
            let col = col as u16;
            let number = match kind {
                Kind::Text => None,
                Kind::Int | Kind::Float => cell.parse::<f64>().ok().filter(|n| n.is_finite()),
            };
            match number {
                Some(n) => sheet.write_number(row, col, n),
                None => sheet.write_string(row, col, fit_cell(&spreadsheet_safe(cell))),
            }
            .map_err(xlsx_error)?;
        }
        self.next_row += 1;
        Ok(())
    }

    /// Assembles the workbook into its file.
    pub fn finish(mut self) -> Result<()> {
        self.workbook
            .save_to_writer(&mut self.file)
            .map_err(xlsx_error)?;
        use std::io::Write;
        self.file.flush()?;
        Ok(())
    }
}

/// At most Excel's 32,767 UTF-16 units of `text`, cut at a character boundary.
fn fit_cell(text: &str) -> &str {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > CELL_UNITS {
            return &text[..at];
        }
    }
    text
}

/// An I/O failure (a full disk) as such; anything else the workbook writer says as an output error.
fn xlsx_error(e: XlsxError) -> Error {
    match e {
        XlsxError::IoError(io) => Error::writing(&io),
        other => Error::output(format!("cannot write the workbook: {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_past_a_sheets_limit_continue_on_the_next_sheet_under_the_header() {
        use calamine::{Data, Reader};
        let dir = tempfile::tempdir().expect("tempdir");
        let staging = Staging::new(dir.path()).expect("staging");
        let columns = vec![
            ("id".to_string(), Kind::Text),
            ("row".to_string(), Kind::Int),
        ];
        let mut table = XlsxTable::create(&staging, "t.xlsx", "t", &columns).expect("create");
        table.rows_per_sheet = 3;
        for i in 1..=5 {
            table.row(&[&format!("0{i}"), &i.to_string()]).expect("row");
        }
        table.finish().expect("finish");
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook(staging.dir().join("t.xlsx")).expect("open");
        assert_eq!(book.sheet_names(), ["t", "t (2)", "t (3)"]);
        let mut ids = Vec::new();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).expect("sheet");
            let rows: Vec<&[Data]> = range.rows().collect();
            assert_eq!(rows[0][0], Data::String("id".into()), "{name}: header");
            for row in &rows[1..] {
                ids.push(row[0].clone());
                assert!(matches!(row[1], Data::Float(_)), "{name}: {:?}", row[1]);
            }
        }
        let want: Vec<Data> = (1..=5).map(|i| Data::String(format!("0{i}"))).collect();
        assert_eq!(ids, want, "every row once, in order, as text");
    }

    #[test]
    fn a_cell_is_cut_at_excels_limit_on_a_character_boundary() {
        let long = "é".repeat(40_000);
        assert_eq!(fit_cell(&long).chars().count(), CELL_UNITS);
        let astral = "𝄞".repeat(20_000);
        assert_eq!(fit_cell(&astral).chars().count(), CELL_UNITS / 2);
        assert_eq!(fit_cell("Ann"), "Ann");
    }
}
