//! Turns physical rows (lines or sheet rows) into a header plus numbered data rows: blank rows, ragged rows.

use super::RawRow;
use super::header::{HeaderChoice, detect_header, filled_width, is_blank, unique_headers};
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};

/// How many physical rows from the top the header search looks at.
const HEADER_SEARCH_ROWS: usize = 2000;

/// One physical row as read, before the header is known.
#[derive(Clone, Debug, Default)]
pub struct PhysicalRow {
    /// 1-based line (text) or sheet row (workbook) where the row starts.
    pub line: u64,
    /// Byte offset of the row in the decoded text (0 for workbooks).
    pub offset: usize,
    pub cells: Vec<String>,
    /// Findings about this row; their row number is filled in once rows are numbered.
    pub findings: Vec<Finding>,
    /// Findings about one cell (by column index); they also get the column's header name as field.
    pub cell_findings: Vec<(usize, Finding)>,
}

/// How data rows are numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numbering {
    /// Ordinal of the non-blank record after the header (text files).
    Ordinal,
    /// Sheet row minus header row (workbooks): blank rows still count.
    SheetRow,
}

/// What to do with cells beyond the header's width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overflow {
    /// Join them with this delimiter into one `_overflow` column, with a `row.ragged` finding.
    Join(char),
    /// Add `column_N` headers for them (workbooks: data beside the table).
    Widen,
}

/// A table built from physical rows.
#[derive(Debug, Default)]
pub struct Built {
    pub header_line: u64,
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
    pub findings: Vec<Finding>,
    /// (byte offset, data row) of the header (row 0) and every data row, in order.
    pub offsets: Vec<(usize, u64)>,
}

/// Picks the header (detected, or the first row at or after `header_line`; line 0 means no header),
/// numbers the data rows, skips blank rows and evens out ragged rows. Errors when every row is blank.
pub fn build(
    source: &str,
    mut rows: Vec<PhysicalRow>,
    header_line: Option<usize>,
    numbering: Numbering,
    overflow: Overflow,
) -> Result<Built> {
    let choice = choose_header(&rows, header_line)?;
    let mut built = Built::default();
    let (header, data, overflow) = match choice {
        HeaderChoice::Row(index) => {
            let data = rows.split_off(index + 1);
            let header = rows.pop().unwrap_or_default();
            note_skipped_titles(source, &rows, header.line, &mut built);
            (header, data, overflow)
        }
        HeaderChoice::Headerless => {
            built.findings.push(Finding::new(
                source,
                0,
                "header.missing",
                Severity::Info,
                "no row looks like a header; every row is read as data and columns are named column_N",
            ));
            (PhysicalRow::default(), rows, Overflow::Widen)
        }
    };
    built.header_line = header.line;
    built.findings.extend(header.findings.iter().cloned());
    built
        .findings
        .extend(header.cell_findings.iter().map(|(_, f)| f.clone()));
    let width = table_width(&header.cells, &data, overflow);
    let mut names = header.cells.clone();
    names.resize(width, String::new());
    built.headers = unique_headers(&names, source, &mut built.findings);
    built.offsets.push((header.offset, 0));
    number_rows(source, data, header.line, numbering, overflow, &mut built);
    Ok(built)
}

fn choose_header(rows: &[PhysicalRow], header_line: Option<usize>) -> Result<HeaderChoice> {
    match header_line {
        Some(0) => Ok(HeaderChoice::Headerless),
        Some(line) => rows
            .iter()
            .position(|r| r.line >= line as u64)
            .map(HeaderChoice::Row)
            .ok_or_else(|| Error::input(format!("header row {line} is beyond the last row"))),
        None => {
            let top: Vec<&[String]> = rows
                .iter()
                .take(HEADER_SEARCH_ROWS)
                .map(|r| r.cells.as_slice())
                .collect();
            detect_header(&top).ok_or_else(|| Error::input("file is empty"))
        }
    }
}

fn note_skipped_titles(source: &str, above: &[PhysicalRow], header_line: u64, built: &mut Built) {
    let skipped = above.iter().filter(|r| !is_blank(&r.cells)).count();
    if skipped > 0 {
        built.findings.push(Finding::new(
            source,
            0,
            "header.rows_skipped",
            Severity::Info,
            format!(
                "{skipped} row(s) above the header on line {header_line} were skipped as titles"
            ),
        ));
    }
}

/// Columns of the table: the header's cells (trailing unnamed ones only when data uses them), widened for
/// data beside the table when `Overflow::Widen`.
fn table_width(header: &[String], data: &[PhysicalRow], overflow: Overflow) -> usize {
    let named = filled_width(header);
    let data_width = data
        .iter()
        .map(|r| filled_width(&r.cells))
        .max()
        .unwrap_or(0);
    match overflow {
        Overflow::Join(_) => named.max(data_width.min(header.len())),
        Overflow::Widen => named.max(data_width),
    }
}

fn number_rows(
    source: &str,
    data: Vec<PhysicalRow>,
    header_line: u64,
    numbering: Numbering,
    overflow: Overflow,
    built: &mut Built,
) {
    let width = built.headers.len();
    let mut ordinal = 0u64;
    let mut blank = 0usize;
    let mut overflow_column = None;
    for physical in data {
        if is_blank(&physical.cells) {
            blank += 1;
            continue;
        }
        ordinal += 1;
        let row = match numbering {
            Numbering::Ordinal => ordinal,
            Numbering::SheetRow => physical.line.saturating_sub(header_line),
        };
        built.offsets.push((physical.offset, row));
        for mut finding in physical.findings {
            finding.row = row;
            built.findings.push(finding);
        }
        for (column, mut finding) in physical.cell_findings {
            finding.row = row;
            finding.field = built.headers.get(column).cloned().unwrap_or_default();
            built.findings.push(finding);
        }
        let cells = fit_cells(source, row, physical.cells, width, overflow, built);
        if cells.len() > width {
            overflow_column.get_or_insert(width);
        }
        built.rows.push(RawRow { row, cells });
    }
    if let Some(at) = overflow_column {
        add_overflow_column(built, at);
    }
    if blank > 0 {
        built.findings.push(Finding::new(
            source,
            0,
            "row.blank",
            Severity::Info,
            format!("{blank} blank row(s) skipped"),
        ));
    }
}

/// Pads short rows and folds surplus cells into one extra cell (or keeps them, when widening).
fn fit_cells(
    source: &str,
    row: u64,
    mut cells: Vec<String>,
    width: usize,
    overflow: Overflow,
    built: &mut Built,
) -> Vec<String> {
    let found = cells.len();
    if found < width {
        if let Overflow::Join(_) = overflow {
            built.findings.push(Finding::new(
                source,
                row,
                "row.ragged",
                Severity::Warning,
                format!("row has {found} cells, the header has {width}; padded with empty cells"),
            ));
        }
        cells.resize(width, String::new());
        return cells;
    }
    if filled_width(&cells) <= width {
        cells.truncate(width);
        return cells;
    }
    let surplus = cells.split_off(width);
    let separator = match overflow {
        Overflow::Join(c) => c.to_string(),
        Overflow::Widen => String::new(),
    };
    let joined = surplus.join(&separator);
    built.findings.push(
        Finding::new(
            source,
            row,
            "row.ragged",
            Severity::Warning,
            format!(
                "row has {found} cells, the header has {width}; the surplus is kept in _overflow"
            ),
        )
        .with_field("_overflow")
        .with_raw(&joined),
    );
    cells.push(joined);
    cells
}

/// Adds the `_overflow` header and an empty cell to rows without surplus.
fn add_overflow_column(built: &mut Built, at: usize) {
    let mut name = "_overflow".to_string();
    while built.headers.iter().any(|h| h.eq_ignore_ascii_case(&name)) {
        name.push('_');
    }
    built.headers.push(name);
    for row in &mut built.rows {
        row.cells.resize(at + 1, String::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn physical(lines: &[&str]) -> Vec<PhysicalRow> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| PhysicalRow {
                line: i as u64 + 1,
                offset: i * 100,
                cells: l.split(',').map(str::to_string).collect(),
                ..PhysicalRow::default()
            })
            .collect()
    }

    #[test]
    fn ragged_rows_are_padded_or_overflow() {
        let rows = physical(&[
            "Name,Phone,City",
            "Ann,555",
            "Bob,556,Kyiv,extra,more",
            "Cy,557,Lviv",
        ]);
        let built = build("a.csv", rows, None, Numbering::Ordinal, Overflow::Join(',')).unwrap();
        assert_eq!(built.headers, ["Name", "Phone", "City", "_overflow"]);
        assert_eq!(built.rows[0].cells, ["Ann", "555", "", ""]);
        assert_eq!(built.rows[1].cells, ["Bob", "556", "Kyiv", "extra,more"]);
        assert_eq!(built.rows[2].cells, ["Cy", "557", "Lviv", ""]);
        let ragged: Vec<u64> = built
            .findings
            .iter()
            .filter(|f| f.code == "row.ragged")
            .map(|f| f.row)
            .collect();
        assert_eq!(ragged, [1, 2]);
    }

    #[test]
    fn blank_rows_skipped_and_numbering_follows_mode() {
        let lines = ["Title", "", "Name,Phone", "Ann,1", ",", "Bob,2"];
        let text = build(
            "a.csv",
            physical(&lines),
            None,
            Numbering::Ordinal,
            Overflow::Join(','),
        );
        let text = text.unwrap();
        assert_eq!(text.header_line, 3);
        assert_eq!(text.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [1, 2]);
        assert!(text.findings.iter().any(|f| f.code == "row.blank"));
        let sheet = build(
            "a.xlsx#S",
            physical(&lines),
            None,
            Numbering::SheetRow,
            Overflow::Widen,
        );
        assert_eq!(
            sheet
                .unwrap()
                .rows
                .iter()
                .map(|r| r.row)
                .collect::<Vec<_>>(),
            [1, 3]
        );
    }

    #[test]
    fn header_row_override_wins() {
        let rows = physical(&["Name,Phone", "Ann,1", "Bob,2"]);
        let built = build(
            "a.csv",
            rows,
            Some(2),
            Numbering::Ordinal,
            Overflow::Join(','),
        )
        .unwrap();
        assert_eq!(built.headers, ["Ann", "1"]);
        assert_eq!(built.rows.len(), 1);
    }

    #[test]
    fn headerless_file_keeps_its_first_row() {
        let rows = physical(&["Ann,ann@example.com", "Bob,bob@example.com,extra"]);
        let built = build("a.csv", rows, None, Numbering::Ordinal, Overflow::Join(',')).unwrap();
        assert_eq!(built.headers, ["column_1", "column_2", "column_3"]);
        assert_eq!(built.rows.len(), 2);
        assert_eq!(built.rows[0].row, 1);
        let rows = physical(&["Name,Phone", "Ann,1"]);
        let built = build(
            "a.csv",
            rows,
            Some(0),
            Numbering::Ordinal,
            Overflow::Join(','),
        )
        .unwrap();
        assert_eq!(built.rows.len(), 2);
    }

    #[test]
    fn data_beside_a_sheet_table_widens_it() {
        let rows = physical(&["Name,Phone,", "Ann,1,note"]);
        let built = build("a.xlsx#S", rows, None, Numbering::SheetRow, Overflow::Widen).unwrap();
        assert_eq!(built.headers, ["Name", "Phone", "column_3"]);
    }
}
