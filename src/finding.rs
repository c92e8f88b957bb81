//! Data-quality findings: what was wrong with a file, row or cell, and what to do about it.

use crate::record::Field;
use serde::Serialize;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; the value was kept or repaired.
    Info,
    /// The value is doubtful or was left empty.
    Warning,
    /// The row or file could not be read as written.
    Error,
}

impl Severity {
    /// Lower-case name as written in `findings.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A problem found in one cell by a normaliser, before it is tied to a source row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Canonical field the value belongs to.
    pub field: Field,
    /// Stable machine-readable code, `field.problem` (`phone.invalid`).
    pub code: &'static str,
    pub severity: Severity,
    /// The value as found (outputs repeat an excerpt, [`crate::excerpt`]). The message never
    /// repeats it: values go in `raw` and `suggestion` only, which `mask_pii` masks.
    pub raw: String,
    /// A proposed correction, empty when there is none.
    pub suggestion: String,
    /// One sentence for a person.
    pub message: String,
}

impl Issue {
    /// A warning-level issue with no suggestion.
    pub fn warning(
        field: Field,
        code: &'static str,
        raw: &str,
        message: impl Into<String>,
    ) -> Issue {
        Issue {
            field,
            code,
            severity: Severity::Warning,
            raw: raw.to_string(),
            suggestion: String::new(),
            message: message.into(),
        }
    }

    /// An info-level issue with no suggestion.
    pub fn info(field: Field, code: &'static str, raw: &str, message: impl Into<String>) -> Issue {
        Issue {
            severity: Severity::Info,
            ..Issue::warning(field, code, raw, message)
        }
    }

    /// Adds a suggested correction.
    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Issue {
        self.suggestion = suggestion.into();
        self
    }
}

/// A finding as written to `findings.csv`: an issue with its place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Source name (file name, `file.xlsx#Sheet` for a sheet).
    pub source: String,
    /// 1-based data row; 0 when the finding is about the whole source.
    pub row: u64,
    /// Canonical field or input column; empty for a whole row or file.
    pub field: String,
    pub code: String,
    pub severity: Severity,
    pub raw: String,
    pub suggestion: String,
    pub message: String,
}

impl Finding {
    /// A finding about a whole source or row that no canonical field owns.
    pub fn new(
        source: &str,
        row: u64,
        code: &str,
        severity: Severity,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            source: source.to_string(),
            row,
            field: String::new(),
            code: code.to_string(),
            severity,
            raw: String::new(),
            suggestion: String::new(),
            message: message.into(),
        }
    }

    /// Places a cell issue at `source`/`row`.
    pub fn from_issue(source: &str, row: u64, issue: Issue) -> Finding {
        Finding {
            source: source.to_string(),
            row,
            field: issue.field.name().to_string(),
            code: issue.code.to_string(),
            severity: issue.severity,
            raw: issue.raw,
            suggestion: issue.suggestion,
            message: issue.message,
        }
    }

    /// Names an input column or field.
    pub fn with_field(mut self, field: impl Into<String>) -> Finding {
        self.field = field.into();
        self
    }

    /// Attaches the offending raw text (the outputs repeat at most an excerpt of it, see
    /// [`crate::excerpt`]).
    pub fn with_raw(mut self, raw: &str) -> Finding {
        self.raw = raw.to_string();
        self
    }
}
