//! The rows' values as read, moved out of memory into an unlinked temporary file once
//! normalisation and validation have measured them; the report reads back the few thousand
//! rows it shows.
//!
//! At ten million rows the as-read values were gigabytes that only the report's "raw value
//! on hover" needed. The file is made by the `tempfile` crate inside a fresh directory that
//! only the running user can enter (mode 0700), never linked into it where the system allows
//! (`O_TMPFILE` on Linux), else removed from it at once, and readable by its owner only (mode
//! 0600); the directory is removed straight after. The file lives only as long as the open
//! handle, so an interrupted or crashed run leaves no copy of the customer data behind, and
//! no other user can open it meanwhile. Where no temp file can be made the values simply stay
//! in memory.

use crate::record::{Record, Values};
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;

/// Where the as-read values of a run's records are.
#[derive(Debug, Default)]
pub struct RawStore {
    spill: Option<Spill>,
}

#[derive(Debug)]
struct Spill {
    file: Mutex<File>,
    /// End offset of each record's bytes (its start is the previous end).
    ends: Vec<u64>,
}

/// Records serialised per write (bounded memory while spilling).
const SPILL_CHUNK: usize = 16_384;

impl RawStore {
    /// Moves every record's as-read values into a temporary file, leaving `rec.raw` empty.
    /// When the file cannot be created or written, nothing moves and the store is empty.
    pub fn spill(records: &mut [Record]) -> RawStore {
        let Some(file) = private_temp_file(&std::env::temp_dir()) else {
            return RawStore::default();
        };
        match write_all(&file, records) {
            Ok(ends) => {
                for rec in records.iter_mut() {
                    rec.raw = Values::default();
                }
                RawStore {
                    spill: Some(Spill {
                        file: Mutex::new(file),
                        ends,
                    }),
                }
            }
            Err(_) => RawStore::default(),
        }
    }

    /// Record `i`'s values as read: from the file when spilled, else `rec.raw`.
    pub fn get(&self, i: usize, rec: &Record) -> Values {
        self.read(i).unwrap_or_else(|| rec.raw.clone())
    }

    fn read(&self, i: usize) -> Option<Values> {
        let spill = self.spill.as_ref()?;
        let end = *spill.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(prev) => *spill.ends.get(prev)?,
            None => 0,
        };
        let mut bytes = vec![0u8; usize::try_from(end.checked_sub(start)?).ok()?];
        let mut file = spill.file.lock().ok()?;
        file.seek(SeekFrom::Start(start)).ok()?;
        file.read_exact(&mut bytes).ok()?;
        decode(&bytes)
    }
}

/// A new temporary file no other user can open: made in a fresh owner-only directory under
/// `base`, already unlinked (or never linked), mode 0600; the directory is removed at once.
fn private_temp_file(base: &Path) -> Option<File> {
    let mut dir = tempfile::Builder::new();
    dir.prefix("steward-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        dir.permissions(std::fs::Permissions::from_mode(0o700));
    }
    let dir = dir.tempdir_in(base).ok()?;
    let file = tempfile::tempfile_in(dir.path()).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .ok()?;
    }
    dir.close().ok()?;
    Some(file)
}

/// Writes every record's raw values in order; returns the end offsets.
fn write_all(file: &File, records: &[Record]) -> std::io::Result<Vec<u64>> {
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut ends = Vec::with_capacity(records.len());
    let mut at = 0u64;
    for chunk in records.chunks(SPILL_CHUNK) {
        let encoded: Vec<Vec<u8>> = chunk.par_iter().map(|r| encode(&r.raw)).collect();
        for bytes in encoded {
            out.write_all(&bytes)?;
            at += bytes.len() as u64;
            ends.push(at);
        }
    }
    out.flush()?;
    Ok(ends)
}

/// Each field's length and bytes, in `Field::ALL` order ([`crate::wire`]).
fn encode(values: &Values) -> Vec<u8> {
    let mut out = Vec::new();
    values.encode_into(&mut out);
    out
}

fn decode(bytes: &[u8]) -> Option<Values> {
    Values::decode(&mut crate::wire::Reader::new(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Field;

    fn record(raw: &[(Field, &str)]) -> Record {
        let mut r = Record::default();
        for (f, v) in raw {
            r.raw.set(*f, v);
        }
        r
    }

    #[test]
    fn spilled_values_read_back_and_leave_memory() {
        let long = "ж".repeat(300);
        let mut records = vec![
            record(&[
                (Field::FullName, "Шевченко Олена"),
                (Field::Phone, "8 050 123 45 67"),
            ]),
            record(&[]),
            record(&[
                (Field::AddressLine1, &long),
                (Field::BirthDate, "12.03.2530"),
            ]),
        ];
        let originals: Vec<Values> = records.iter().map(|r| r.raw.clone()).collect();
        let store = RawStore::spill(&mut records);
        assert!(store.spill.is_some(), "the temp directory is writable here");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let spill = store.spill.as_ref().expect("spilled");
            let file = spill.file.lock().expect("lock");
            let mode = file.metadata().expect("fstat").permissions().mode();
            assert_eq!(
                mode & 0o077,
                0,
                "no one but the owner may read the spill file"
            );
        }
        assert!(records.iter().all(|r| r.raw == Values::default()));
        for (i, (rec, original)) in records.iter().zip(&originals).enumerate().rev() {
            assert_eq!(&store.get(i, rec), original);
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_spill_file_is_private_and_unlinked_and_leaves_nothing_behind() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let base = tempfile::tempdir().expect("tempdir");
        let file = private_temp_file(base.path()).expect("spill file");
        let meta = file.metadata().expect("fstat");
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "owner-only");
        assert_eq!(meta.nlink(), 0, "no name in any directory");
        assert_eq!(
            std::fs::read_dir(base.path()).expect("ls").count(),
            0,
            "the private directory is gone too"
        );
    }

    #[test]
    fn an_empty_store_answers_from_the_record() {
        let rec = record(&[(Field::Email, "A@B.ua")]);
        assert_eq!(RawStore::default().get(0, &rec).get(Field::Email), "A@B.ua");
    }

    #[test]
    fn truncated_bytes_do_not_decode() {
        let bytes = encode(&record(&[(Field::Email, "a@b.ua")]).raw);
        assert!(decode(&bytes).is_some());
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
    }
}
