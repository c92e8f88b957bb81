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
    /// An output could not be written: the disk is full, a quota is exceeded, the folder is
    /// not writable or another run holds it. The previous outputs are intact.
    Output(String),
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

    /// An output that could not be written, for a reason other than an I/O error.
    pub fn output(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Output(msg.into()))
    }

    /// An I/O error met while writing the outputs, explained for the user: a full disk or an
    /// exceeded quota says so, rather than passing for a bug.
    pub fn writing(e: &std::io::Error) -> Error {
        use std::io::ErrorKind as Io;
        let why = match e.kind() {
            Io::StorageFull => "no space left on the device".to_string(),
            Io::QuotaExceeded => "disk quota exceeded".to_string(),
            Io::PermissionDenied => "permission denied".to_string(),
            Io::ReadOnlyFilesystem => "the file system is read-only".to_string(),
            _ => e.to_string(),
        };
        Error::output(format!("cannot write the outputs: {why}"))
    }

    /// The same error as met while writing the outputs: an I/O error becomes
    /// [`ErrorKind::Output`] (exit 5 in the CLI); other kinds stay as they are.
    pub fn while_writing(self) -> Error {
        let Error(inner) = self;
        let (kind, position) = *inner;
        let kind = match kind {
            ErrorKind::Io(e) => match Error::writing(&e).0.0 {
                ErrorKind::Output(m) => ErrorKind::Output(m),
                other => other,
            },
            other => other,
        };
        Error(Box::new((kind, position)))
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

    /// Attaches the file the error is about, unless it already names one.
    pub fn or_at_path(self, path: &Path) -> Error {
        if self.0.1.path.is_some() {
            self
        } else {
            self.at_path(path)
        }
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
            ErrorKind::Output(m) => write!(f, "{m}"),
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

impl From<csv::Error> for Error {
    /// A CSV writer's I/O failure is an I/O error; anything else it reports is a bug here.
    fn from(e: csv::Error) -> Error {
        if e.is_io_error() {
            match e.into_kind() {
                csv::ErrorKind::Io(io) => return Error::from(io),
                other => return Error::invariant(format!("csv write failed: {other:?}")),
            }
        }
        Error::invariant(format!("csv write failed: {e}"))
    }
}

impl From<serde_json::Error> for Error {
    /// A JSON writer's I/O failure is an I/O error; anything else it reports is a bug here.
    fn from(e: serde_json::Error) -> Error {
        if e.is_io() {
            Error::from(std::io::Error::from(e))
        } else {
            Error::invariant(format!("cannot serialise JSON: {e}"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    #[test]
    fn a_full_disk_while_writing_is_an_output_error_that_says_so() {
        let full = io::Error::from(io::ErrorKind::StorageFull);
        let e = Error::from(full)
            .at_path(Path::new("out/golden.csv"))
            .while_writing();
        assert!(matches!(e.kind(), ErrorKind::Output(_)), "{e:?}");
        let text = e.to_string();
        assert!(text.contains("no space left on the device"), "{text}");
        assert!(text.contains("golden.csv"), "{text}");
        assert!(!text.contains("internal check failed"), "{text}");
    }

    #[test]
    fn a_csv_writers_full_disk_is_an_io_error_not_an_internal_one() {
        struct Full;
        impl io::Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::from_raw_os_error(28))
            }
            fn flush(&mut self) -> io::Result<()> {
                Err(io::Error::from_raw_os_error(28))
            }
        }
        let mut w = csv::WriterBuilder::new()
            .buffer_capacity(1)
            .from_writer(Full);
        let failed = w
            .write_record(["a", "b"])
            .and_then(|()| w.flush().map_err(csv::Error::from))
            .expect_err("the disk is full");
        let e = Error::from(failed).while_writing();
        assert!(matches!(e.kind(), ErrorKind::Output(_)), "{e:?}");
        assert!(e.to_string().contains("no space left"), "{e}");
    }

    #[test]
    fn other_errors_keep_their_kind_while_writing() {
        let e = Error::invariant("rows lost").while_writing();
        assert!(matches!(e.kind(), ErrorKind::Invariant(_)));
    }
}
