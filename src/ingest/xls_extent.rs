//! Refuses an xls whose sheets declare or span more cells than an Excel 97–2003 sheet can hold.
//!
//! calamine reserves room for `rows × columns` cells from a sheet's DIMENSIONS record, then lays
//! the sheet out densely from its first to its last cell. Both come from the file unchecked: a
//! corrupt DIMENSIONS record, or one cell at row 65,535 and column 65,535, asks for terabytes and
//! the process aborts (an allocation failure is not a panic that can be contained). A BIFF sheet
//! holds at most 65,536 rows × 256 columns, so a sheet declaring or spanning a larger area is
//! corrupt. The walk follows calamine's: sheets start where the BOUNDSHEET records say, CONTINUE
//! records belong to the record before them, and embedded chart substreams are skipped.

use crate::error::{Error, Result};

/// Cells in the largest sheet an .xls file can hold (65,536 rows × 256 columns).
const MAX_SHEET_CELLS: u64 = 65_536 * 256;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const CONTINUE: u16 = 0x003C;
const BOUNDSHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
/// Records holding one cell whose row and column are the first two 16-bit fields:
/// Number, Label, RString, BoolErr, RK, LabelSst.
const ONE_CELL_RECORDS: [u16; 6] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD];

/// Checks every sheet of a BIFF workbook stream (the compound file's `Workbook` stream).
pub(super) fn check_sheet_extents(stream: &[u8]) -> Result<()> {
    for start in sheet_offsets(stream) {
        if let Some(sheet) = stream.get(start..) {
            check_sheet(sheet)?;
        }
    }
    Ok(())
}

/// Where each sheet's substream starts, from the BOUNDSHEET records of the workbook globals.
fn sheet_offsets(stream: &[u8]) -> Vec<usize> {
    records(stream)
        .take_while(|(typ, _)| *typ != EOF)
        .filter(|(typ, _)| *typ == BOUNDSHEET)
        .filter_map(|(_, data)| u32_at(data, 0))
        .map(|offset| offset as usize)
        .collect()
}

/// The cells one sheet would ask calamine for: its DIMENSIONS records and the area its cells span.
fn check_sheet(sheet: &[u8]) -> Result<()> {
    let mut span = Span::default();
    let mut seen_sheet_bof = false;
    let mut nested = 0usize;
    for (typ, data) in records(sheet) {
        if nested > 0 {
            match typ {
                BOF => nested += 1,
                EOF => nested -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            BOF if seen_sheet_bof => nested += 1,
            BOF => seen_sheet_bof = true,
            EOF => break,
            DIMENSIONS => refuse_over_limit(declared_cells(data).unwrap_or(0))?,
            MULRK if data.len() >= 6 => {
                let last_column = u16_at(data, data.len() - 2);
                span.add(u16_at(data, 0), u16_at(data, 2));
                span.add(u16_at(data, 0), last_column);
            }
            FORMULA if data.len() >= 20 => span.add(u16_at(data, 0), u16_at(data, 2)),
            t if ONE_CELL_RECORDS.contains(&t) && data.len() >= 4 => {
                span.add(u16_at(data, 0), u16_at(data, 2));
            }
            _ => {}
        }
    }
    refuse_over_limit(span.cells())
}

fn refuse_over_limit(cells: u64) -> Result<()> {
    if cells > MAX_SHEET_CELLS {
        return Err(Error::input(format!(
            "cannot read workbook: a sheet claims {cells} cells, more than the {MAX_SHEET_CELLS} \
             an .xls sheet can hold (the file is corrupt)"
        )));
    }
    Ok(())
}

/// The number of cells calamine reserves for a DIMENSIONS record (its arithmetic, 32-bit
/// wrapping as in a release build); `None` for a record of the wrong length, which it rejects.
fn declared_cells(data: &[u8]) -> Option<u64> {
    let (first_row, row_after, first_column, column_after) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)),
            u32::from(u16_at(data, 2)),
            u32::from(u16_at(data, 4)),
            u32::from(u16_at(data, 6)),
        ),
        14 | 16 => (
            u32_at(data, 0)?,
            u32_at(data, 4)?,
            u32::from(u16_at(data, 8)),
            u32::from(u16_at(data, 10)),
        ),
        _ => return None,
    };
    let first_column = if first_column > 0xFF || column_after < first_column {
        0
    } else {
        first_column
    };
    let (last_row, last_column) = if row_after >= 1 && column_after >= 1 {
        (row_after - 1, column_after - 1)
    } else {
        (first_row, first_column)
    };
    let rows = last_row.wrapping_sub(first_row).wrapping_add(1);
    let columns = last_column.wrapping_sub(first_column).wrapping_add(1);
    Some(u64::from(rows) * u64::from(columns))
}

/// The smallest rectangle holding every cell seen.
#[derive(Default)]
struct Span {
    rows: Option<(u16, u16)>,
    columns: Option<(u16, u16)>,
}

impl Span {
    fn add(&mut self, row: u16, column: u16) {
        let widen = |range: Option<(u16, u16)>, at: u16| {
            Some(range.map_or((at, at), |(low, high)| (low.min(at), high.max(at))))
        };
        self.rows = widen(self.rows, row);
        self.columns = widen(self.columns, column);
    }

    fn cells(&self) -> u64 {
        let length =
            |range: Option<(u16, u16)>| range.map_or(0, |(low, high)| u64::from(high - low) + 1);
        length(self.rows) * length(self.columns)
    }
}

/// BIFF records as calamine iterates them: (type, data), with the CONTINUE records after a record
/// folded into it. Ends at the end of the stream or at a record cut short (calamine's error).
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let (typ, data, mut after) = split_record(rest)?;
        if after.len() > 4 && u16_at(after, 0) == CONTINUE {
            while after.len() > 4 && u16_at(after, 0) == CONTINUE {
                let Some((_, _, next)) = split_record(after) else {
                    rest = &[];
                    return None;
                };
                after = next;
            }
        }
        rest = after;
        Some((typ, data))
    })
}

/// One record's type and data, and what follows it; `None` when fewer bytes remain than it needs.
fn split_record(stream: &[u8]) -> Option<(u16, &[u8], &[u8])> {
    let len = usize::from(*stream.get(2)?) | usize::from(*stream.get(3)?) << 8;
    let data = stream.get(4..4 + len)?;
    Some((u16_at(stream, 0), data, stream.get(4 + len..)?))
}

/// Little-endian u16 at `at`; 0 past the end (callers check lengths first).
fn u16_at(bytes: &[u8], at: usize) -> u16 {
    match bytes.get(at..at + 2) {
        Some(&[low, high]) => u16::from_le_bytes([low, high]),
        _ => 0,
    }
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    fn bof() -> Vec<u8> {
        record(
            BOF,
            &[0x00, 0x06, 0x10, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        )
    }

    /// BIFF8 DIMENSIONS: first row, row after the last, first column, column after the last.
    fn dimensions(first_row: u32, row_after: u32, first_column: u16, column_after: u16) -> Vec<u8> {
        let mut data = first_row.to_le_bytes().to_vec();
        data.extend_from_slice(&row_after.to_le_bytes());
        data.extend_from_slice(&first_column.to_le_bytes());
        data.extend_from_slice(&column_after.to_le_bytes());
        data.extend_from_slice(&[0, 0]);
        record(DIMENSIONS, &data)
    }

    /// A NUMBER cell (row, column, format, 8-byte float).
    fn number(row: u16, column: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend_from_slice(&column.to_le_bytes());
        data.extend_from_slice(&[0; 10]);
        record(0x0203, &data)
    }

    /// A workbook stream: globals with one BOUNDSHEET, then one sheet made of `body`.
    fn workbook(body: &[Vec<u8>]) -> Vec<u8> {
        let boundsheet_len = 4 + 10;
        let globals_len = bof().len() + boundsheet_len + 4;
        let mut stream = bof();
        let mut sheet_entry = (globals_len as u32).to_le_bytes().to_vec();
        sheet_entry.extend_from_slice(&[0, 0, 2, 0, b'S', b'1']);
        stream.extend(record(BOUNDSHEET, &sheet_entry));
        stream.extend(record(EOF, &[]));
        assert_eq!(stream.len(), globals_len);
        stream.extend(bof());
        body.iter().for_each(|r| stream.extend_from_slice(r));
        stream.extend(record(EOF, &[]));
        stream
    }

    #[test]
    fn a_real_sheet_passes() {
        let ok = workbook(&[dimensions(0, 120, 0, 8), number(0, 0), number(119, 7)]);
        assert!(check_sheet_extents(&ok).is_ok());
        // The largest sheet Excel 97–2003 can write: A1 to IV65536.
        let full = workbook(&[
            dimensions(0, 65_536, 0, 256),
            number(0, 0),
            number(65_535, 255),
        ]);
        assert!(check_sheet_extents(&full).is_ok());
    }

    #[test]
    fn dimensions_beyond_an_xls_sheet_are_refused() {
        // Found by the `workbook` fuzz target: calamine reserved ~3 PB for such a record.
        let huge = workbook(&[dimensions(0, 0x2000_0000, 0, 200), number(0, 0)]);
        let err = check_sheet_extents(&huge).err().map(|e| e.to_string());
        assert!(err.unwrap_or_default().contains("the file is corrupt"));
    }

    #[test]
    fn a_first_row_after_the_last_is_refused() {
        // Row 10 to row 4: calamine's `last - first + 1` wraps to about four billion rows.
        assert!(check_sheet_extents(&workbook(&[dimensions(10, 5, 0, 3)])).is_err());
    }

    #[test]
    fn two_cells_far_apart_are_refused_even_without_dimensions() {
        // Laid out densely, A1 and column 65,536 of row 65,536 are 4.3 billion cells.
        let spread = workbook(&[number(0, 0), number(65_535, 65_535)]);
        assert!(check_sheet_extents(&spread).is_err());
        let mut mulrk = 0u16.to_le_bytes().to_vec();
        mulrk.extend_from_slice(&0u16.to_le_bytes());
        mulrk.extend_from_slice(&[0; 6]);
        mulrk.extend_from_slice(&60_000u16.to_le_bytes());
        let wide = workbook(&[record(MULRK, &mulrk), number(1_000, 0)]);
        assert!(check_sheet_extents(&wide).is_err());
    }

    #[test]
    fn an_embedded_chart_is_skipped_but_the_cells_after_it_are_checked() {
        let chart = [bof(), dimensions(0, 0x4000_0000, 0, 255), record(EOF, &[])];
        let with_chart: Vec<Vec<u8>> = chart.iter().cloned().chain([number(3, 3)]).collect();
        assert!(check_sheet_extents(&workbook(&with_chart)).is_ok());
        let after: Vec<Vec<u8>> = chart
            .iter()
            .cloned()
            .chain([number(0, 0), number(65_535, 65_535)])
            .collect();
        assert!(check_sheet_extents(&workbook(&after)).is_err());
    }

    #[test]
    fn a_continue_record_is_part_of_the_record_before_it() {
        // A CONTINUE record whose bytes look like a huge DIMENSIONS record is data, not a record.
        let fake = dimensions(0, 0x4000_0000, 0, 255);
        let stream = workbook(&[number(0, 0), record(CONTINUE, &fake)]);
        assert!(check_sheet_extents(&stream).is_ok());
    }
}
