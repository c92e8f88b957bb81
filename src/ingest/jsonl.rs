//! JSON Lines (one object per line) and JSON arrays of objects, keys kept in first-seen order.

use super::RawRow;
use crate::finding::{Finding, Severity};
use rustc_hash::FxHashMap as HashMap;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A JSON value that keeps object keys in document order.
#[derive(Clone, Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Text(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Int(i128::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Int(i128::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Json>()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Json>()? {
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

impl Json {
    /// Cell text: strings as is, null empty, numbers without exponent, nested values as compact JSON.
    fn to_cell(&self) -> String {
        match self {
            Json::Null => String::new(),
            Json::Text(s) => s.clone(),
            other => {
                let mut out = String::new();
                other.write_compact(&mut out);
                out
            }
        }
    }

    fn write_compact(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(i) => out.push_str(&i.to_string()),
            Json::Float(f) => out.push_str(&super::workbook::float_text(*f)),
            Json::Text(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_compact(out);
                }
                out.push(']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).unwrap_or_default());
                    out.push(':');
                    value.write_compact(out);
                }
                out.push('}');
            }
        }
    }
}

/// Rows of a JSON source, headers in first-seen key order.
#[derive(Debug, Default)]
pub struct JsonTable {
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
    pub findings: Vec<Finding>,
}

/// Reads JSON Lines, or a whole-file JSON array of objects.
pub fn read_json(source: &str, text: &str) -> JsonTable {
    let trimmed = text.trim_start();
    if trimmed.starts_with(['[', '{']) {
        match serde_json::from_str::<Json>(trimmed) {
            Ok(Json::Array(items)) => {
                let values = items.into_iter().map(|item| {
                    let raw = item.to_cell();
                    (Some(item), raw)
                });
                return assemble(source, values);
            }
            Ok(object @ Json::Object(_)) if trimmed.contains('\n') => {
                // One pretty-printed object: one row.
                return assemble(source, std::iter::once((Some(object), String::new())));
            }
            _ => {}
        }
    }
    let values = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| (serde_json::from_str::<Json>(line).ok(), line.to_string()));
    assemble(source, values)
}

/// A row number, its (column, text) cells, and the raw line when it was not an object.
type ParsedRow = (u64, Vec<(usize, String)>, Option<String>);

/// Builds the table from parsed values (None when unparseable) and their raw text.
fn assemble(source: &str, values: impl Iterator<Item = (Option<Json>, String)>) -> JsonTable {
    let mut table = JsonTable::default();
    let mut column_of: HashMap<String, usize> = HashMap::default();
    let mut parsed_rows: Vec<ParsedRow> = Vec::new();
    for (ordinal, (value, raw)) in values.enumerate() {
        let row = ordinal as u64 + 1;
        let Some(Json::Object(entries)) = value else {
            table.findings.push(
                Finding::new(
                    source,
                    row,
                    "row.unparseable",
                    Severity::Warning,
                    "line is not a JSON object; kept in _raw",
                )
                .with_field("_raw")
                .with_raw(&raw),
            );
            parsed_rows.push((row, Vec::new(), Some(raw)));
            continue;
        };
        let mut flat = Vec::with_capacity(entries.len());
        flatten(String::new(), entries, 0, &mut flat);
        let mut cells = Vec::with_capacity(flat.len());
        for (key, value) in flat {
            let next = column_of.len();
            let column = *column_of.entry(key.clone()).or_insert_with(|| {
                table.headers.push(key);
                next
            });
            cells.push((column, value.to_cell()));
        }
        parsed_rows.push((row, cells, None));
    }
    let raw_column = parsed_rows.iter().any(|r| r.2.is_some()).then(|| {
        table.headers.push(unused_name(&table.headers, "_raw"));
        table.headers.len() - 1
    });
    let width = table.headers.len();
    for (row, cells, raw) in parsed_rows {
        let mut out = vec![String::new(); width];
        for (column, text) in cells {
            if let Some(slot) = out.get_mut(column) {
                *slot = text;
            }
        }
        if let (Some(column), Some(raw)) = (raw_column, raw)
            && let Some(slot) = out.get_mut(column)
        {
            *slot = raw;
        }
        table.rows.push(RawRow { row, cells: out });
    }
    table
}

/// Nested objects deeper than this stay one cell of compact JSON.
const MAX_FLATTEN_DEPTH: usize = 4;

/// An object's entries with nested objects spread into dotted keys (`{"contact": {"email":
/// …}}` → `contact.email`), as web forms and APIs nest a person's fields; arrays and deeper
/// nesting stay one cell.
fn flatten(
    prefix: String,
    entries: Vec<(String, Json)>,
    depth: usize,
    out: &mut Vec<(String, Json)>,
) {
    for (key, value) in entries {
        let key = if prefix.is_empty() {
            key
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            Json::Object(inner) if depth < MAX_FLATTEN_DEPTH && !inner.is_empty() => {
                flatten(key, inner, depth + 1, out)
            }
            other => out.push((key, other)),
        }
    }
}

fn unused_name(headers: &[String], wanted: &str) -> String {
    let mut name = wanted.to_string();
    while headers.iter().any(|h| h == &name) {
        name.push('_');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_of_keys_in_first_seen_order() {
        let text = "{\"name\":\"Ann\",\"phone\":380501234567}\n\n{\"email\":\"b@x.ua\",\"name\":\"Bob\",\"tags\":[\"z\",1]}\n";
        let table = read_json("a.jsonl", text);
        assert_eq!(table.headers, ["name", "phone", "email", "tags"]);
        assert_eq!(table.rows[0].cells, ["Ann", "380501234567", "", ""]);
        assert_eq!(table.rows[1].cells, ["Bob", "", "b@x.ua", "[\"z\",1]"]);
        assert_eq!(table.rows[1].row, 2);
    }

    #[test]
    fn nested_objects_become_dotted_columns() {
        let text = "{\"contact\":{\"full_name\":\"Ann Lee\",\"email\":\"a@x.io\",\"address\":{\"city\":\"Kyiv\"}},\"utm\":{}}\n{\"name\":\"Bob\",\"contact\":{\"email\":\"b@x.io\"}}\n";
        let table = read_json("a.jsonl", text);
        assert_eq!(
            table.headers,
            [
                "contact.full_name",
                "contact.email",
                "contact.address.city",
                "utm",
                "name"
            ]
        );
        assert_eq!(table.rows[0].cells, ["Ann Lee", "a@x.io", "Kyiv", "{}", ""]);
        assert_eq!(table.rows[1].cells, ["", "b@x.io", "", "", "Bob"]);
    }

    #[test]
    fn numbers_null_and_bools() {
        let table = read_json(
            "a.jsonl",
            "{\"a\":1e20,\"b\":null,\"c\":true,\"d\":0.1,\"e\":-7}\n",
        );
        assert_eq!(
            table.rows[0].cells,
            ["100000000000000000000", "", "true", "0.1", "-7"]
        );
    }

    #[test]
    fn bad_lines_are_kept_in_raw() {
        let table = read_json("a.jsonl", "{\"name\":\"Ann\"}\n{oops\n[1,2]\n");
        assert_eq!(table.headers, ["name", "_raw"]);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[1].cells, ["", "{oops"]);
        assert_eq!(table.findings.len(), 2);
        assert_eq!(table.findings[0].code, "row.unparseable");
        assert_eq!(table.findings[0].row, 2);
    }

    #[test]
    fn pretty_printed_single_object_is_one_row() {
        let table = read_json(
            "a.json",
            "{\n  \"name\": \"Ann\",\n  \"city\": \"Kyiv\"\n}\n",
        );
        assert_eq!(table.headers, ["name", "city"]);
        assert_eq!(table.rows.len(), 1);
    }

    #[test]
    fn json_array_of_objects_is_accepted() {
        let table = read_json(
            "a.json",
            "[{\"name\":\"Ann\"},\n {\"name\":\"Bob\",\"city\":\"Київ\"}]",
        );
        assert_eq!(table.headers, ["name", "city"]);
        assert_eq!(table.rows[1].cells, ["Bob", "Київ"]);
    }
}
