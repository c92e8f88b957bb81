//! The library's one error type, carrying where in the input it happened.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where an error happened: a file, and the row and field when known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub path: Option<PathBuf>,
    /// 1-based data row (header excluded), when known.
    pub row: Option<u64>,
    pub field: Option<String>,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(p) = &self.path {
            parts.push(p.display().to_string());
        }
        if let Some(r) = self.row {
            parts.push(format!("row {r}"));
        }
        if let Some(c) = &self.field {
            parts.push(format!("field {c}"));
        }
        f.write_str(&parts.join(", "))
    }
}

/// What went wrong.
#[derive(Debug)]
pub enum ErrorKind {
    /// The configuration or a command-line option is wrong.
    Config(String),
    /// An input path does not exist, is unreadable, or holds no data.
    Input(String),
    /// An I/O error while reading or writing.
    Io(std::io::Error),
    /// A built-in or user-supplied schema file is malformed.
    Schema(String),
    /// An internal consistency check failed (for example rows lost).
    Invariant(String),
    /// The run was interrupted by a signal; previous outputs are intact.
    Interrupted,
}

/// The library's error: a kind plus a position. Boxed so `Result<T, Error>` stays small.
#[derive(Debug)]
pub struct Error(Box<(ErrorKind, Position)>);

impl Error {
    /// A configuration error.
    pub fn config(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Config(msg.into()))
    }

    /// An input error.
    pub fn input(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input(msg.into()))
    }

    /// A schema error.
    pub fn schema(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Schema(msg.into()))
    }

    /// An invariant violation.
    pub fn invariant(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Invariant(msg.into()))
    }

    /// Builds an error with no position yet.
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new((kind, Position::default())))
    }

    /// Attaches the file the error is about.
    pub fn at_path(mut self, path: &Path) -> Error {
        self.0.1.path = Some(path.to_path_buf());
        self
    }

    /// Attaches the 1-based data row.
    pub fn at_row(mut self, row: u64) -> Error {
        self.0.1.row = Some(row);
        self
    }

    /// Attaches the field or column name.
    pub fn at_field(mut self, field: impl Into<String>) -> Error {
        self.0.1.field = Some(field.into());
        self
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.0.0
    }

    pub fn position(&self) -> &Position {
        &self.0.1
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pos = &self.0.1;
        if pos.path.is_some() || pos.row.is_some() || pos.field.is_some() {
            write!(f, "{pos}: ")?;
        }
        match &self.0.0 {
            ErrorKind::Config(m) => write!(f, "configuration error: {m}"),
            ErrorKind::Input(m) => write!(f, "{m}"),
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::Schema(m) => write!(f, "schema error: {m}"),
            ErrorKind::Invariant(m) => write!(f, "internal check failed: {m}"),
            ErrorKind::Interrupted => write!(f, "interrupted; previous outputs left intact"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.0 {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(e))
    }
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
