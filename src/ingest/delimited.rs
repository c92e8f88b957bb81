//! Delimited text (CSV, TSV, semicolon, pipe): delimiter sniffing, records, broken-quote recovery.

use super::table::PhysicalRow;
use crate::finding::{Finding, Severity};
use csv::{ByteRecord, ReaderBuilder, StringRecord};

/// Delimiters tried when none is configured, in order of preference on ties.
const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
/// Records looked at to sniff the delimiter.
const SNIFF_RECORDS: usize = 50;
/// A record spanning more lines than this is suspect even when its field count looks right.
const MAX_PLAUSIBLE_LINES: usize = 20;

/// The delimiter whose field counts are most consistent over the first records (quotes respected).
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for delimiter in CANDIDATES {
        let counts = field_counts(text, delimiter);
        let (mode, hits) = mode_with_hits(&counts);
        let score = if mode > 1 {
            (hits, mode, delimiter)
        } else {
            (0, 0, delimiter)
        };
        if (score.0, score.1) > (best.0, best.1) {
            best = score;
        }
    }
    best.2
}

/// Field counts of the first non-blank records.
fn field_counts(text: &str, delimiter: u8) -> Vec<usize> {
    let mut reader = reader(text, delimiter, true);
    let mut record = StringRecord::new();
    let mut counts = Vec::new();
    while counts.len() < SNIFF_RECORDS {
        match reader.read_record(&mut record) {
            Ok(true) if is_blank_record(&record) => {}
            Ok(true) => counts.push(record.len()),
            _ => break,
        }
    }
    counts
}

/// Most common count (larger on ties) and how many records have it.
fn mode_with_hits(counts: &[usize]) -> (usize, usize) {
    let mut histogram = std::collections::BTreeMap::new();
    for &c in counts {
        *histogram.entry(c).or_insert(0usize) += 1;
    }
    histogram
        .into_iter()
        .max_by_key(|&(count, hits)| (hits, count))
        .unwrap_or((0, 0))
}

fn reader(text: &str, delimiter: u8, quoting: bool) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .quoting(quoting)
        .from_reader(text.as_bytes())
}

fn is_blank_record(record: &StringRecord) -> bool {
    record.iter().all(|c| c.trim().is_empty())
}

/// One record as first read, with where it sits in the text.
struct Span {
    start: usize,
    line: u64,
    cells: Vec<String>,
    multiline: bool,
}

/// Reads every record of `text` (blank ones included, for the caller to count), recovering records that an
/// unterminated quote ran together.
pub fn read_rows(source: &str, text: &str, delimiter: u8) -> Vec<PhysicalRow> {
    let spans = read_spans(text, delimiter);
    let lens: Vec<usize> = spans
        .iter()
        .filter(|s| !s.multiline)
        .map(|s| s.cells.len())
        .collect();
    let (modal, _) = mode_with_hits(&lens);
    let mut rows = Vec::with_capacity(spans.len());
    let ends: Vec<usize> = spans
        .iter()
        .skip(1)
        .map(|s| s.start)
        .chain([text.len()])
        .collect();
    for (span, end) in spans.into_iter().zip(ends) {
        let raw = text.get(span.start..end).unwrap_or_default();
        if span.multiline && is_broken_quote(raw, span.cells.len(), modal, delimiter) {
            rows.extend(recover_lines(source, raw, span.start, span.line, delimiter));
        } else {
            rows.push(PhysicalRow {
                line: span.line,
                offset: span.start,
                cells: span.cells,
                ..PhysicalRow::default()
            });
        }
    }
    rows
}

/// First pass: records with quoting on, numbered by physical line (`\r\n`, `\n` or `\r`).
fn read_spans(text: &str, delimiter: u8) -> Vec<Span> {
    let mut reader = reader(text, delimiter, true);
    let mut record = ByteRecord::new();
    let mut spans = Vec::new();
    let (mut line, mut counted_to) = (1u64, 0usize);
    // Byte records never fail on UTF-8, and reading from memory cannot fail: every record is kept.
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let reported = record.position().map_or(counted_to, |p| p.byte() as usize);
        let start = record_start(text, reported);
        line += line_breaks(text, counted_to, start) as u64;
        counted_to = start.max(counted_to);
        let multiline = record
            .iter()
            .any(|c| c.iter().any(|&b| b == b'\n' || b == b'\r'));
        spans.push(Span {
            start,
            line,
            cells: record.iter().map(cell_string).collect(),
            multiline,
        });
    }
    spans
}

/// A cell's text; the input is UTF-8 and ASCII delimiters never split a character.
fn cell_string(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Where a record really starts: csv reports the position before the rest of the previous line ending.
fn record_start(text: &str, reported: usize) -> usize {
    let bytes = text.as_bytes();
    let skipped = bytes.get(reported..).map_or(0, |rest| {
        rest.iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count()
    });
    reported + skipped
}

/// Line breaks in `text[from..to]`: every `\r`, and every `\n` not preceded by `\r`.
fn line_breaks(text: &str, from: usize, to: usize) -> usize {
    let bytes = text.as_bytes();
    (from..to.min(bytes.len()))
        .filter(|&i| match bytes.get(i) {
            Some(b'\r') => true,
            Some(b'\n') => i == 0 || bytes.get(i - 1) != Some(&b'\r'),
            _ => false,
        })
        .count()
}

/// A multi-line record is run together by a broken quote when its quotes do not balance (a quote opened and
/// never closed), or when its inner lines look like whole records and it has the wrong number of fields or
/// spans implausibly many lines.
fn is_broken_quote(raw: &str, fields: usize, modal: usize, delimiter: u8) -> bool {
    if raw.bytes().filter(|&b| b == b'"').count() % 2 == 1 {
        return true;
    }
    if modal < 2 {
        return false;
    }
    let lines: Vec<&str> = split_lines(raw).collect();
    let inner = lines.get(1..).unwrap_or_default();
    let separator = char::from(delimiter);
    let record_like = inner
        .iter()
        .filter(|l| l.split(separator).count() == modal)
        .count();
    !inner.is_empty()
        && record_like * 2 >= inner.len()
        && (fields != modal || lines.len() > MAX_PLAUSIBLE_LINES)
}

/// Non-empty lines of `raw`, split at any line ending.
fn split_lines(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(['\n', '\r']).filter(|l| !l.is_empty())
}

/// Re-reads the lines of a run-together record with quoting off, one record per line.
fn recover_lines(
    source: &str,
    raw: &str,
    start: usize,
    line: u64,
    delimiter: u8,
) -> Vec<PhysicalRow> {
    let mut reader = reader(raw, delimiter, false);
    let mut record = ByteRecord::new();
    let mut rows: Vec<PhysicalRow> = Vec::new();
    let mut counted_to = 0usize;
    let mut current_line = line;
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let at = record_start(
            raw,
            record.position().map_or(counted_to, |p| p.byte() as usize),
        );
        current_line += line_breaks(raw, counted_to, at) as u64;
        counted_to = at.max(counted_to);
        rows.push(PhysicalRow {
            line: current_line,
            offset: start + at,
            cells: record.iter().map(|c| unquote(&cell_string(c))).collect(),
            ..PhysicalRow::default()
        });
    }
    let count = rows.len();
    if let Some(first) = rows.first_mut() {
        let first_line = split_lines(raw).next().unwrap_or_default();
        first.findings.push(
            Finding::new(
                source,
                0,
                "row.broken_quote",
                Severity::Warning,
                format!(
                    "an unterminated quote on line {line} ran {count} lines together; they were re-read without quoting"
                ),
            )
            .with_raw(first_line),
        );
    }
    rows
}

/// `"abc"` → `abc` (with `""` → `"`); anything else as is.
fn unquote(cell: &str) -> String {
    match cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[PhysicalRow]) -> Vec<Vec<&str>> {
        rows.iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn sniffs_each_delimiter() {
        assert_eq!(
            sniff_delimiter("Name;City\nАнна;Київ, центр\nБорис;Львів\n"),
            b';'
        );
        assert_eq!(
            sniff_delimiter("Name\tAddress\nAnn\t1 Main St, Boston\nBob\t2 Elm St\n"),
            b'\t'
        );
        assert_eq!(sniff_delimiter("a|b|c\n1|2|3\n"), b'|');
        assert_eq!(
            sniff_delimiter("name,note\nAnn,\"a;b;c\"\nBob,\"d;e\"\n"),
            b','
        );
        assert_eq!(sniff_delimiter("just one column\nvalue\n"), b',');
    }

    #[test]
    fn quoted_newlines_and_mixed_line_endings() {
        let text = "Name,Address\r\nAnn,\"1 Main St\nApt 2\"\rBob,Kyiv\nCy,Lviv\r\n";
        let rows = read_rows("a.csv", text, b',');
        assert_eq!(
            cells(&rows),
            [
                vec!["Name", "Address"],
                vec!["Ann", "1 Main St\nApt 2"],
                vec!["Bob", "Kyiv"],
                vec!["Cy", "Lviv"]
            ]
        );
        assert_eq!(
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            [1, 2, 4, 5]
        );
    }

    #[test]
    fn unterminated_quote_does_not_swallow_the_file() {
        let text = "id,name,city\n1,\"Ann,Kyiv\n2,Bob,Lviv\n3,Cy,Odesa\n4,Dan,Dnipro\n";
        let rows = read_rows("a.csv", text, b',');
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[1].cells, ["1", "\"Ann", "Kyiv"]);
        assert_eq!(rows[4].cells, ["4", "Dan", "Dnipro"]);
        assert_eq!(rows[1].findings[0].code, "row.broken_quote");
    }

    #[test]
    fn unterminated_quote_in_last_column_is_recovered() {
        let text = "id,name,city\n1,Ann,\"Kyiv\n2,Bob,Lviv\n3,Cy,\"Odesa\"\n";
        let rows = read_rows("a.csv", text, b',');
        assert_eq!(cells(&rows)[3], ["3", "Cy", "Odesa"]);
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn quote_inside_a_field_is_literal() {
        let rows = read_rows("a.csv", "a,b\nab\"c,d\ne,f\n", b',');
        assert_eq!(cells(&rows)[1], ["ab\"c", "d"]);
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn a_legit_multiline_note_is_kept() {
        let text = "id,name,note\n1,Ann,\"call after 5\nask for Bob\"\n2,Bob,x\n";
        let rows = read_rows("a.csv", text, b',');
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.findings.is_empty()));
    }

    #[test]
    fn five_megabyte_cell_is_read() {
        let big = "x".repeat(5 << 20);
        let text = format!("id,blob\n1,\"{big}\"\n2,y\n");
        let rows = read_rows("a.csv", &text, b',');
        assert_eq!(rows[1].cells[1].len(), 5 << 20);
        assert_eq!(rows.len(), 3);
    }
}
