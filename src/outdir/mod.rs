//! The `--out` folder: its lock, its versioned output sets and the one atomic switch that publishes a complete set.
//!
//! Layout of `DIR` (the user's `--out`):
//!
//! ```text
//! DIR/golden.csv            -> .steward/current/golden.csv   (one link per output file)
//! DIR/.steward/lock         held by the run writing into DIR
//! DIR/.steward/current      -> set-<id>                      (the published set)
//! DIR/.steward/set-<id>/    one complete set of outputs
//! DIR/.steward/staging-<id>/  a set being written
//! ```
//!
//! A run writes its files into a fresh staging folder, renames it to a set, then replaces
//! the `current` link with one `rename(2)`: every path `DIR/<file>` resolves through that one
//! link, so a reader sees the old set or the new one, never a mixture. A run that fails, is
//! interrupted or is killed leaves `current` as it was; its staging folder is removed on
//! failure, and by the next run after a kill (the lock tells that no live run owns it).

mod overlap;
mod publish;

pub use overlap::refuse_overlap;

use crate::error::{Error, Result};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The folder inside `DIR` that holds the lock and the output sets.
pub const META_DIR: &str = ".steward";
/// The link inside [`META_DIR`] to the published set.
const CURRENT: &str = "current";
/// Name prefix of a set being written.
const STAGING_PREFIX: &str = "staging-";
/// Name prefix of a complete set.
const SET_PREFIX: &str = "set-";
/// Staging folders of the layout before versioned sets, directly in `DIR`.
const LEGACY_STAGING_PREFIX: &str = ".steward-staging-";

/// Whether `dir` is a folder Steward wrote its outputs into: it holds [`META_DIR`], or a
/// `run.json` written by Steward (the layout before versioned sets).
pub fn is_output_folder(dir: &Path) -> bool {
    if dir.join(META_DIR).is_dir() {
        return true;
    }
    let Ok(text) = fs::read_to_string(dir.join("run.json")) else {
        return false;
    };
    serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| {
            v.get("tool")
                .and_then(|t| t.as_str())
                .map(|t| t == "steward")
        })
        .unwrap_or(false)
}

/// Whether `path` lies inside a Steward output folder (it or one of its parents is one).
pub fn is_inside_output_folder(path: &Path) -> bool {
    let Ok(path) = path.canonicalize() else {
        return false;
    };
    path.ancestors()
        .skip(1)
        .any(|dir| dir.file_name().is_some_and(|n| n == META_DIR) || is_output_folder(dir))
}

/// An output folder opened for one run: created if missing, locked against other runs, and
/// cleared of staging folders that runs killed part-way left behind.
#[derive(Debug)]
pub struct OutputDir {
    dir: PathBuf,
    meta: PathBuf,
    /// Held (locked) while this value lives; the lock goes with the process if it dies.
    _lock: fs::File,
}

impl OutputDir {
    /// Opens `dir` for writing: creates it, takes its lock (an error when another run holds
    /// it) and removes stale staging folders.
    pub fn open(dir: &Path) -> Result<OutputDir> {
        let meta = dir.join(META_DIR);
        fs::create_dir_all(&meta).map_err(|e| Error::writing(&e).at_path(dir))?;
        let lock_path = meta.join("lock");
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::writing(&e).at_path(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(Error::output(
                    "another steward run is writing into this output folder; wait for it or choose another --out",
                )
                .at_path(dir));
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(Error::writing(&e).at_path(&lock_path));
            }
        }
        let out = OutputDir {
            dir: dir.to_path_buf(),
            meta,
            _lock: lock,
        };
        out.remove_stale_staging()?;
        Ok(out)
    }

    /// Starts a new set of outputs in a fresh staging folder.
    pub fn stage(self) -> Result<Staging> {
        let id = publish::fresh_id();
        let path = self.meta.join(format!("{STAGING_PREFIX}{id}"));
        fs::create_dir(&path).map_err(|e| Error::writing(&e).at_path(&path))?;
        Ok(Staging {
            out: self,
            id,
            path,
            files: Mutex::new(Vec::new()),
        })
    }

    /// Removes every staging folder in [`META_DIR`] (holding the lock, no live run owns one)
    /// and the folder-level staging folders of the older layout whose process is gone.
    fn remove_stale_staging(&self) -> Result<()> {
        for entry in read_dir_names(&self.meta)? {
            if entry.starts_with(STAGING_PREFIX) {
                remove_dir(&self.meta.join(&entry))?;
            }
        }
        for entry in read_dir_names(&self.dir)? {
            let Some(pid) = entry.strip_prefix(LEGACY_STAGING_PREFIX) else {
                continue;
            };
            if !process_alive(pid) {
                remove_dir(&self.dir.join(&entry))?;
            }
        }
        Ok(())
    }
}

/// A set of output files being written; nothing is visible in `DIR` until
/// [`Staging::commit`].
pub struct Staging {
    out: OutputDir,
    id: String,
    path: PathBuf,
    /// Names of the staged files; behind a lock so that the writers can run in parallel.
    files: Mutex<Vec<String>>,
}

impl Staging {
    /// Opens `dir` ([`OutputDir::open`]) and starts a set in it.
    pub fn new(dir: &Path) -> Result<Staging> {
        OutputDir::open(dir)?.stage()
    }

    /// Opens `name` for writing in the staging folder.
    pub fn create(&self, name: &str) -> Result<BufWriter<fs::File>> {
        let path = self.path.join(name);
        let file = fs::File::create(&path).map_err(|e| Error::writing(&e).at_path(&path))?;
        self.files
            .lock()
            .map_err(|_| Error::invariant("a writer thread failed"))?
            .push(name.to_string());
        Ok(BufWriter::with_capacity(1 << 20, file))
    }

    /// Opens `name` for writing in the subfolder `folder` (`import/salesforce`) of the staging
    /// folder; the subfolder's top folder (`import`) is published as one entry of the set.
    pub fn create_in(&self, folder: &str, name: &str) -> Result<BufWriter<fs::File>> {
        let dir = self.path.join(folder);
        fs::create_dir_all(&dir).map_err(|e| Error::writing(&e).at_path(&dir))?;
        let path = dir.join(name);
        let file = fs::File::create(&path).map_err(|e| Error::writing(&e).at_path(&path))?;
        let top = folder.split('/').next().unwrap_or(folder);
        self.files
            .lock()
            .map_err(|_| Error::invariant("a writer thread failed"))?
            .push(top.to_string());
        Ok(BufWriter::with_capacity(1 << 16, file))
    }

    /// The staging folder (for a writer's own temporary files).
    pub fn dir(&self) -> &Path {
        &self.path
    }

    /// The names of the files staged so far, sorted.
    pub fn file_names(&self) -> Result<Vec<String>> {
        let mut names = self
            .files
            .lock()
            .map_err(|_| Error::invariant("a writer thread failed"))?
            .clone();
        names.sort();
        names.dedup();
        Ok(names)
    }

    /// A CSV writer for `name`.
    pub fn csv(&self, name: &str) -> Result<csv::Writer<BufWriter<fs::File>>> {
        Ok(csv::WriterBuilder::new().from_writer(self.create(name)?))
    }

    /// Writes `value` as pretty JSON into `name`.
    pub fn json(&self, name: &str, value: &serde_json::Value) -> Result<()> {
        let mut w = self.create(name)?;
        let written = serde_json::to_writer_pretty(&mut w, value)
            .map_err(Error::from)
            .and_then(|()| w.write_all(b"\n").map_err(Error::from))
            .and_then(|()| w.flush().map_err(Error::from));
        written.map_err(|e| e.at_path(&self.path.join(name)).while_writing())
    }

    /// Publishes the staged files as `DIR`'s one current set ([module docs](self)).
    pub fn commit(self) -> Result<()> {
        let mut files = self
            .files
            .into_inner()
            .map_err(|_| Error::invariant("a writer thread failed"))?;
        files.sort();
        files.dedup();
        let published =
            publish::publish(&self.out.dir, &self.out.meta, &self.path, &self.id, &files);
        if published.is_err() {
            let _ = fs::remove_dir_all(&self.path);
        }
        published
    }

    /// Drops every staged file, leaving the output folder as it was.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// The names in `dir` (none when it cannot be listed).
fn read_dir_names(dir: &Path) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::writing(&e).at_path(dir)),
    };
    Ok(entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect())
}

fn remove_dir(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::writing(&e).at_path(path)),
    }
}

/// Whether the process with this id still runs (Linux `/proc`); where that cannot be told,
/// it is taken to run, so its folder is kept.
fn process_alive(pid: &str) -> bool {
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid).exists()
}

#[cfg(test)]
mod tests;
