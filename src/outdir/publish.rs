//! Publishing a written set: sync it, rename it to a set, switch the `current` link in one rename, keep `DIR`'s file links, remove older sets.

use super::{CURRENT, META_DIR, SET_PREFIX, read_dir_names};
use crate::error::{Error, Result};
use std::fs;
use std::path::{Path, PathBuf};

/// A name for a new set: the time and the process, so two sets never share one.
pub(super) fn fresh_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{nanos}-{}", std::process::id())
}

/// Makes the staged `files` the set that `dir` shows.
pub(super) fn publish(
    dir: &Path,
    meta: &Path,
    staging: &Path,
    id: &str,
    files: &[String],
) -> Result<()> {
    for name in files {
        sync_file(&staging.join(name))?;
    }
    let set = format!("{SET_PREFIX}{id}");
    let set_path = meta.join(&set);
    fs::rename(staging, &set_path).map_err(|e| Error::writing(&e).at_path(&set_path))?;
    replace_with_link(&meta.join(CURRENT), Path::new(&set), meta, id)?;
    sync_dir(meta);
    for name in files {
        let target = Path::new(META_DIR).join(CURRENT).join(name);
        let link = dir.join(name);
        if fs::read_link(&link).is_ok_and(|t| t == target) {
            continue;
        }
        if link.is_dir() && fs::symlink_metadata(&link).is_ok_and(|m| !m.file_type().is_symlink()) {
            return Err(Error::output(format!(
                "cannot publish {name}: a folder of that name is in the way"
            ))
            .at_path(&link));
        }
        replace_with_link(&link, &target, dir, id)?;
    }
    remove_links_not_in(dir, files);
    remove_sets_except(meta, &set);
    Ok(())
}

/// Points `link` at `target` in one rename: a new link beside it replaces it.
fn replace_with_link(link: &Path, target: &Path, beside: &Path, id: &str) -> Result<()> {
    let name = link
        .file_name()
        .map_or_else(|| "link".to_string(), |n| n.to_string_lossy().into_owned());
    let fresh: PathBuf = beside.join(format!(".{name}.{id}.link"));
    let _ = fs::remove_file(&fresh);
    symlink(target, &fresh).map_err(|e| Error::writing(&e).at_path(&fresh))?;
    fs::rename(&fresh, link).map_err(|e| {
        let _ = fs::remove_file(&fresh);
        Error::writing(&e).at_path(link)
    })
}

/// Removes `dir`'s links into the current set for files the new set does not have (an
/// audit's set after a run's), so that `dir` shows exactly one set.
fn remove_links_not_in(dir: &Path, files: &[String]) {
    let into_current = Path::new(META_DIR).join(CURRENT);
    for name in read_dir_names(dir).unwrap_or_default() {
        if files.contains(&name) {
            continue;
        }
        let path = dir.join(&name);
        if fs::read_link(&path).is_ok_and(|t| t.starts_with(&into_current)) {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Removes every set but `keep`: older published sets, and sets whose switch never happened.
/// A reader with a file of an older set still open keeps reading it.
fn remove_sets_except(meta: &Path, keep: &str) {
    for name in read_dir_names(meta).unwrap_or_default() {
        if name.starts_with(SET_PREFIX) && name != keep {
            let _ = fs::remove_dir_all(meta.join(&name));
        }
    }
}

/// Flushes a staged file, or every file of a staged folder (`import/`) and the folder.
fn sync_file(path: &Path) -> Result<()> {
    if path.is_dir() {
        let entries = fs::read_dir(path).map_err(|e| Error::writing(&e).at_path(path))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::writing(&e).at_path(path))?;
            sync_file(&entry.path())?;
        }
        sync_dir(path);
        return Ok(());
    }
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::writing(&e).at_path(path))
}

/// Flushes a folder's entries (best effort: not every file system allows it).
fn sync_dir(path: &Path) {
    if let Ok(d) = fs::File::open(path) {
        let _ = d.sync_all();
    }
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(_target: &Path, _link: &Path) -> std::io::Result<()> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "the output layout needs symbolic links (Unix)",
    ))
}
