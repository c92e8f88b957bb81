//! The normalised rows of a run (`state/rows.bin`): each row's content key, its normalised
//! values, match keys and country, and the issues normalising it raised. A later run with
//! `--previous` takes them for every row whose key it finds instead of normalising the row
//! again; the findings it reports for that row are the same.
//!
//! A row's key is the first 128 bits of SHA-256 over what normalising it reads: the mapped
//! values as read, its pass-through cells and its source's context (default country, name
//! and date order). So a row is reused wherever it sits (another row number, another file
//! of the same context), and a row with one changed character is normalised afresh.
//!
//! The file: a magic string with the format, the compatibility digest
//! ([`super::normalize_compat`]), the row count, the rows (key, record index, length,
//! payload), and the
//! SHA-256 of everything before it. The payload is the country (two bytes, zero when none),
//! the values and keys ([`crate::wire`]), and the issues.

use crate::finding::{Finding, Issue, Severity};
use crate::normalize::RowContext;
use crate::record::{Country, Field, MatchKeys, Record, Values};
use crate::wire::{self, Reader};
use rustc_hash::FxHashMap as HashMap;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

/// The file's name inside [`super::STATE_DIR`].
pub const ROWS_FILE: &str = "rows.bin";

/// The first bytes of the file: what it is and its format (the last byte).
const MAGIC: &[u8; 16] = b"steward rows\0\0\0\x02";

/// A row's content key.
pub type RowKey = [u8; 16];

/// The key of a row with these values as read and pass-through cells, in a source whose
/// context hashes to `context` ([`context_bytes`]).
pub fn row_key(context: &[u8], raw: &Values, extra: &[String]) -> RowKey {
    let mut bytes = Vec::with_capacity(256);
    wire::put_str(&mut bytes, "");
    bytes.extend_from_slice(context);
    raw.encode_into(&mut bytes);
    wire::put_len(&mut bytes, extra.len());
    for cell in extra {
        wire::put_str(&mut bytes, cell);
    }
    let digest = Sha256::digest(&bytes);
    let mut key = [0u8; 16];
    key.copy_from_slice(&digest[..16]);
    key
}

/// The bytes of a source's context that go into each of its rows' keys.
pub fn context_bytes(ctx: &RowContext) -> Vec<u8> {
    let mut out = Vec::new();
    wire::put_str(&mut out, &format!("{ctx:?}"));
    out
}

/// The issues of one row, encoded for the file.
pub fn encode_issues(issues: &[Issue]) -> Vec<u8> {
    let mut out = Vec::new();
    if issues.is_empty() {
        return out;
    }
    wire::put_len(&mut out, issues.len());
    for i in issues {
        out.push(i.field.index() as u8);
        out.push(severity_byte(i.severity));
        wire::put_str(&mut out, i.code);
        wire::put_str(&mut out, &i.raw);
        wire::put_str(&mut out, &i.suggestion);
        wire::put_str(&mut out, &i.message);
    }
    out
}

/// The findings of encoded issues, placed at `source` and `row`.
fn decode_issues(bytes: &[u8], source: &str, row: u64) -> Option<Vec<Finding>> {
    if bytes.is_empty() {
        return Some(Vec::new());
    }
    let mut r = Reader::new(bytes);
    let n = r.len()?;
    let mut out = Vec::with_capacity(n.min(64));
    for _ in 0..n {
        let field = *Field::ALL.get(usize::from(r.byte()?))?;
        let severity = match r.byte()? {
            0 => Severity::Info,
            1 => Severity::Warning,
            2 => Severity::Error,
            _ => return None,
        };
        out.push(Finding {
            source: source.to_string(),
            row,
            field: field.name().to_string(),
            code: r.str()?.to_string(),
            severity,
            raw: r.str()?.to_string(),
            suggestion: r.str()?.to_string(),
            message: r.str()?.to_string(),
        });
    }
    r.is_empty().then_some(out)
}

fn severity_byte(s: Severity) -> u8 {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

/// What normalising each record of a run gave besides the record itself: its key and its
/// encoded issues (what the next run's state keeps), and how many came from an earlier run.
#[derive(Debug, Default)]
pub struct RowWork {
    pub keys: Vec<RowKey>,
    issues: Vec<u8>,
    /// End offset of each record's issues in `issues`.
    issue_ends: Vec<usize>,
    /// What the state is tied to ([`super::normalize_compat`]).
    pub compat: [u8; 32],
    /// Records whose work came from an earlier run.
    pub reused: usize,
    /// Each record's index in the earlier run ([`NOT_KEPT`] when it was normalised here).
    pub previous_index: Vec<u32>,
}

/// [`RowWork::previous_index`] of a record the earlier run did not keep.
pub const NOT_KEPT: u32 = u32::MAX;

impl RowWork {
    pub fn new(compat: [u8; 32], rows: usize) -> RowWork {
        RowWork {
            keys: Vec::with_capacity(rows),
            issues: Vec::new(),
            issue_ends: Vec::with_capacity(rows),
            compat,
            reused: 0,
            previous_index: Vec::with_capacity(rows),
        }
    }

    /// Adds the next record's key, encoded issues and index in the earlier run.
    pub fn push(&mut self, key: RowKey, issues: &[u8], previous: Option<u32>) {
        self.keys.push(key);
        self.previous_index.push(previous.unwrap_or(NOT_KEPT));
        self.reused += usize::from(previous.is_some());
        self.issues.extend_from_slice(issues);
        self.issue_ends.push(self.issues.len());
    }

    fn issues_of(&self, i: usize) -> &[u8] {
        let start = i
            .checked_sub(1)
            .and_then(|p| self.issue_ends.get(p))
            .copied();
        let end = self.issue_ends.get(i).copied().unwrap_or(0);
        self.issues.get(start.unwrap_or(0)..end).unwrap_or_default()
    }

    /// Writes the state of `records` (all but those `skip` names) to `out`.
    pub fn write(
        &self,
        records: &[Record],
        skip: &[bool],
        out: &mut impl Write,
    ) -> std::io::Result<()> {
        use rayon::prelude::*;
        let mut hasher = Sha256::new();
        let mut emit = |bytes: &[u8]| -> std::io::Result<()> {
            hasher.update(bytes);
            out.write_all(bytes)
        };
        let kept: Vec<usize> = (0..records.len().min(self.keys.len()))
            .filter(|&i| !skip.get(i).copied().unwrap_or(false))
            .collect();
        emit(MAGIC)?;
        emit(&self.compat)?;
        emit(&(kept.len() as u64).to_le_bytes())?;
        for chunk in kept.chunks(16_384) {
            let encoded: Vec<Vec<u8>> = chunk
                .par_iter()
                .map(|&i| self.encode_row(i, &records[i]))
                .collect();
            for bytes in encoded {
                emit(&bytes)?;
            }
        }
        let digest = hasher.finalize();
        out.write_all(&digest)
    }

    fn encode_row(&self, i: usize, rec: &Record) -> Vec<u8> {
        let mut payload = Vec::with_capacity(256);
        payload.extend_from_slice(
            rec.country
                .as_ref()
                .map_or(b"\0\0", |c| c.as_str().as_bytes()),
        );
        rec.values.encode_into(&mut payload);
        rec.keys.encode_into(&mut payload);
        payload.extend_from_slice(self.issues_of(i));
        let mut out = Vec::with_capacity(payload.len() + 24);
        out.extend_from_slice(self.keys.get(i).unwrap_or(&[0; 16]));
        out.extend_from_slice(&(i as u32).to_le_bytes());
        out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }
}

/// An earlier run's rows, by key.
#[derive(Debug, Default)]
pub struct SavedRows {
    file: Vec<u8>,
    /// Key → the row's record index in the earlier run and its payload's span in `file`.
    index: HashMap<RowKey, (u32, usize, usize)>,
}

/// What a row taken from [`SavedRows`] brings.
pub struct Restored {
    /// The row's record index in the earlier run.
    pub record: u32,
    pub values: Values,
    pub keys: MatchKeys,
    pub country: Option<Country>,
    pub findings: Vec<Finding>,
}

impl SavedRows {
    /// The rows an earlier output set at `dir` kept, when they were made under `compat`;
    /// otherwise why they cannot be used.
    pub fn load(dir: &Path, compat: &[u8; 32]) -> Result<SavedRows, String> {
        let (file, path) = super::read_state_file(
            dir,
            ROWS_FILE,
            "the earlier run kept no rows (an older version, or --mask-pii)",
        )?;
        let damaged = || {
            format!(
                "{} is damaged (it does not read back whole)",
                path.display()
            )
        };
        let body_len = file.len().checked_sub(32).ok_or_else(damaged)?;
        let (body, digest) = file.split_at(body_len);
        if Sha256::digest(body).as_slice() != digest {
            return Err(damaged());
        }
        let mut r = Reader::new(body);
        if r.take(MAGIC.len()) != Some(MAGIC.as_slice()) {
            return Err(format!("{} is of another format", path.display()));
        }
        if r.array::<32>().as_ref() != Some(compat) {
            return Err(
                "the earlier run used another version, other schemas or other normalise options"
                    .into(),
            );
        }
        let count = r.array::<8>().map(u64::from_le_bytes).ok_or_else(damaged)?;
        let mut index = HashMap::default();
        index.reserve(usize::try_from(count).unwrap_or(0).min(body.len() / 20));
        let mut at = MAGIC.len() + 32 + 8;
        for _ in 0..count {
            let key = r.array::<16>().ok_or_else(damaged)?;
            let record = r.u32().ok_or_else(damaged)?;
            let len = r.u32().ok_or_else(damaged)? as usize;
            r.take(len).ok_or_else(damaged)?;
            index.insert(key, (record, at + 24, len));
            at += 24 + len;
        }
        if !r.is_empty() {
            return Err(damaged());
        }
        Ok(SavedRows { file, index })
    }

    /// The saved work for the row with `key`, its findings placed at `source` and `row`,
    /// with the encoded issues.
    pub fn restore(&self, key: &RowKey, source: &str, row: u64) -> Option<(Restored, &[u8])> {
        let &(record, start, len) = self.index.get(key)?;
        let payload = self.file.get(start..start + len)?;
        let mut r = Reader::new(payload);
        let country = r.array::<2>()?;
        let country = match country {
            [0, 0] => None,
            code => Some(Country::new(std::str::from_utf8(&code).ok()?)?),
        };
        let values = Values::decode(&mut r)?;
        let keys = MatchKeys::decode(&mut r)?;
        let issues = r.rest();
        let findings = decode_issues(issues, source, row)?;
        Some((
            Restored {
                values,
                keys,
                country,
                findings,
                record,
            },
            issues,
        ))
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}
