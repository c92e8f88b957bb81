//! The commented TOML text of a sniffed config: every section and key says what it does.

use crate::config::{Config, DateOrder, NameOrder, SourceConfig};
use crate::error::{Error, Result};
use std::fmt::Write;
use std::path::Path;

/// Column at which a key's trailing comment starts.
const COMMENT_COLUMN: usize = 32;

/// The config as TOML, with a comment on every section and key; `config_file` is the name
/// the run command in the opening comment uses.
pub fn render(config: &Config, config_file: &str) -> Result<String> {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# steward.toml written by `steward init`. Check the sniffed values, correct what is wrong,\n\
         # then: steward run --config {config_file} --out OUT\n\
         # Paths are relative to this file's folder, so the run works from any directory.\n\
         # Every key is described in the README's \"Configuration\" section.\n"
    );
    let side = [
        (
            "schemas_dir",
            &config.schemas_dir,
            "files here replace the built-in schemas/ files of the same name",
        ),
        (
            "decisions",
            &config.decisions,
            "steward decisions (decisions.csv from the report) to honour",
        ),
        (
            "suppress",
            &config.suppress,
            "e-mails and phones of people to remove from every output",
        ),
    ];
    for (key, path, comment) in side {
        if let Some(path) = path {
            line(&mut out, key, &path_value(path)?, comment);
        }
    }
    if side.iter().any(|(_, p, _)| p.is_some()) {
        out.push('\n');
    }
    for source in &config.sources {
        render_source(&mut out, source)?;
    }
    out.push_str(
        "# [normalize], [dedupe], [survivorship], [output] and [input] are left at their\n\
         # defaults; the README's \"Configuration\" section lists what they take.\n",
    );
    Ok(out)
}

/// One `[[source]]` table with its `[source.columns]`.
fn render_source(out: &mut String, s: &SourceConfig) -> Result<()> {
    out.push_str(
        "# One input file (one sheet of a workbook). A key left out is sniffed when the run reads the file.\n\
         [[source]]\n",
    );
    let not = |default: bool, value: Option<String>| value.filter(|_| !default);
    let keys = [
        (
            "path",
            Some(path_value(&s.path)?),
            "the file (a relative path is read from this config's folder)",
        ),
        (
            "format",
            s.format.map(|f| quoted(f.as_str())),
            "csv | xlsx | xls | ods | jsonl",
        ),
        (
            "encoding",
            s.encoding.as_deref().map(quoted),
            "text encoding: any WHATWG label (windows-1251, utf-16le, tis-620…)",
        ),
        (
            "delimiter",
            s.delimiter.as_deref().map(quoted),
            "field delimiter: one character, or \\t",
        ),
        (
            "sheet",
            s.sheet.as_deref().map(quoted),
            "only this sheet of the workbook",
        ),
        (
            "header_row",
            s.header_row.map(|r| r.to_string()),
            "1-based row holding the header (0: none, as in JSON Lines)",
        ),
        (
            "country",
            s.country.as_deref().map(quoted),
            "default country of rows without one (ISO code or name)",
        ),
        (
            "name_order",
            not(s.name_order == NameOrder::Auto, enum_value(&s.name_order)),
            "full names: auto | given_first | family_first",
        ),
        (
            "date_order",
            not(s.date_order == DateOrder::Auto, enum_value(&s.date_order)),
            "numeric dates: auto | day_first | month_first",
        ),
        (
            "priority",
            not(s.priority == 0, Some(s.priority.to_string())),
            "trust in survivorship: higher wins ties",
        ),
    ];
    for (key, value, comment) in keys {
        if let Some(value) = value {
            line(out, key, &value, comment);
        }
    }
    if !s.columns.is_empty() {
        out.push_str(
            "# Header = canonical field (given_name, email, phone…), source_key, house_number,\n\
             # pass (kept under its own name) or ignore. A header not listed is mapped automatically.\n\
             [source.columns]\n",
        );
        for (header, target) in &s.columns {
            let _ = writeln!(out, "{} = {}", key(header), quoted(target));
        }
    }
    out.push('\n');
    Ok(())
}

/// `key = value` with its comment.
fn line(out: &mut String, key: &str, value: &str, comment: &str) {
    let assignment = format!("{key} = {value}");
    let pad = COMMENT_COLUMN
        .saturating_sub(assignment.chars().count())
        .max(1);
    let _ = writeln!(out, "{assignment}{:pad$}# {comment}", "");
}

/// The TOML value of a unit enum variant as its serde name gives it (`"family_first"`).
fn enum_value<T: serde::Serialize>(value: &T) -> Option<String> {
    toml::Value::try_from(value).ok().map(|v| v.to_string())
}

/// A TOML string literal for `text`.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A TOML key: bare when it can be, quoted otherwise.
fn key(text: &str) -> String {
    let bare = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare { text.to_string() } else { quoted(text) }
}

/// A path as a TOML string; a path that is not UTF-8 cannot be written.
fn path_value(path: &Path) -> Result<String> {
    path.to_str().map(quoted).ok_or_else(|| {
        Error::config("a path is not valid UTF-8 and cannot be written").at_path(path)
    })
}
