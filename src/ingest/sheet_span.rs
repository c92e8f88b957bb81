//! Reads a zipped workbook's sheet cell by cell and refuses one whose span would not fit in memory.
//!
//! calamine lays a sheet out densely, from its first to its last cell. One stray value far from
//! the data (a 2 KB .xlsx with values in A1 and XFD1048576) makes that 17 billion cells, hundreds
//! of gigabytes: the allocation fails and the process aborts. So the cells are collected sparsely
//! first (what calamine itself does before laying them out), and a sheet whose span is both larger
//! than an .xls sheet and mostly empty is refused with a message naming the far cell.

use super::reader_error;
use calamine::{Cell, Data, DataRef, Range, Reader, Sheets};
use std::io::Cursor;

/// Any span up to this many cells is laid out (65,536 rows × 256 columns, an .xls sheet's limit).
const ALWAYS_ALLOWED_CELLS: u64 = 65_536 * 256;
/// A larger span is laid out only if at least one cell in this many holds a value.
const MAX_EMPTY_PER_VALUE: u64 = 4;

/// The sheet `name` of `workbook` as calamine's `worksheet_range` gives it, or an error message.
pub(super) fn sheet_range(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    name: &str,
) -> Result<Range<Data>, String> {
    let cells = match workbook {
        Sheets::Xlsx(xlsx) => match xlsx.worksheet_cells_reader(name) {
            Ok(mut reader) => {
                collect_cells(|| reader.next_cell()).map_err(|e| reader_error::xlsx(&e))?
            }
            // calamine's own `worksheet_range` gives a chart sheet as an empty range.
            Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Range::default()),
            Err(e) => return Err(reader_error::xlsx(&e)),
        },
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb
                .worksheet_cells_reader(name)
                .map_err(|e| reader_error::xlsb(&e))?;
            collect_cells(|| reader.next_cell()).map_err(|e| reader_error::xlsb(&e))?
        }
        other => {
            return other
                .worksheet_range(name)
                .map_err(|e| reader_error::describe(&e));
        }
    };
    check_span(&cells)?;
    Ok(Range::from_sparse(cells))
}

/// The non-empty cells a reader yields, owned.
fn collect_cells<'a, E>(
    mut next_cell: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, E>,
) -> Result<Vec<Cell<Data>>, E> {
    let mut cells = Vec::new();
    while let Some(cell) = next_cell()? {
        if !matches!(cell.get_value(), DataRef::Empty) {
            let position = cell.get_position();
            cells.push(Cell::new(position, Data::from(cell.get_value().clone())));
        }
    }
    Ok(cells)
}

/// Refuses a span over [`ALWAYS_ALLOWED_CELLS`] in which values are sparser than one in
/// [`MAX_EMPTY_PER_VALUE`].
fn check_span(cells: &[Cell<Data>]) -> Result<(), String> {
    let positions = || cells.iter().map(Cell::get_position);
    let (Some(first_row), Some(last_row), Some(first_column), Some(last_column)) = (
        positions().map(|(row, _)| row).min(),
        positions().map(|(row, _)| row).max(),
        positions().map(|(_, column)| column).min(),
        positions().map(|(_, column)| column).max(),
    ) else {
        return Ok(());
    };
    let span = (u64::from(last_row - first_row) + 1) * (u64::from(last_column - first_column) + 1);
    let values = cells.len() as u64;
    if !too_sparse(span, values) {
        return Ok(());
    }
    let far = positions()
        .max_by_key(|&(row, column)| u64::from(row) + u64::from(column))
        .unwrap_or_default();
    Err(format!(
        "its values spread over {span} cells (rows {}–{}, columns {}–{}) but only {values} hold \
         one; a stray value far from the data, near {}? Delete it and export the file again",
        first_row + 1,
        last_row + 1,
        first_column + 1,
        last_column + 1,
        cell_name(far),
    ))
}

/// Whether `values` values spread over `span` cells are too few to lay the span out.
fn too_sparse(span: u64, values: u64) -> bool {
    span > ALWAYS_ALLOWED_CELLS && span > values.saturating_mul(MAX_EMPTY_PER_VALUE)
}

/// A1-style name of a 0-based (row, column) position.
fn cell_name((row, column): (u32, u32)) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(row: u32, column: u32) -> Cell<Data> {
        Cell::new((row, column), Data::Float(1.0))
    }

    #[test]
    fn a_stray_value_far_from_the_data_is_refused_with_its_cell_named() {
        let cells = vec![number(0, 0), number(0, 1), number(1_048_575, 16_383)];
        let err = check_span(&cells).err().unwrap_or_default();
        assert!(err.contains("XFD1048576"), "{err}");
    }

    #[test]
    fn a_large_sheet_full_of_values_and_a_small_sparse_one_pass() {
        // 1,000,000 rows × 30 columns is over an .xls sheet, but a full export fills every cell.
        assert!(!too_sparse(30_000_000, 30_000_000));
        assert!(!too_sparse(30_000_000, 8_000_000));
        assert!(too_sparse(30_000_000, 7_000_000));
        // Anything an .xls sheet could hold is laid out, however empty.
        assert!(!too_sparse(65_536 * 256, 2));
        assert!(check_span(&[number(0, 0), number(65_535, 255)]).is_ok());
        assert!(check_span(&[]).is_ok());
    }

    #[test]
    fn cell_names_follow_excel_columns() {
        assert_eq!(cell_name((0, 0)), "A1");
        assert_eq!(cell_name((9, 25)), "Z10");
        assert_eq!(cell_name((0, 26)), "AA1");
        assert_eq!(cell_name((1_048_575, 16_383)), "XFD1048576");
    }
}
