//! Which data files the paths given name: folders are walked recursively in path order, Steward's own output folders skipped.

use crate::config::Format;
use crate::error::{Error, Result};
use crate::outdir::{is_inside_output_folder, is_output_folder};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The data files found under the paths given, and the Steward output folders skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    /// Given folders (or files inside them), and subfolders met on the walk, that hold
    /// Steward's own outputs: never read.
    pub skipped_outputs: Vec<PathBuf>,
}

/// Expands files and directories into the data files to read; errors on a missing path, a
/// directory with no data files, or when every path given is a Steward output folder.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let found = discover_inputs(paths)?;
    if found.files.is_empty()
        && let Some(first) = found.skipped_outputs.first()
    {
        return Err(output_folder_error(first));
    }
    Ok(found.files)
}

/// The input error for a path that is (or lies in) a Steward output folder.
pub fn output_folder_error(path: &Path) -> Error {
    Error::input(
        "this is a Steward output folder (it holds .steward/ or Steward's run.json); Steward \
         does not read its own outputs as input",
    )
    .at_path(path)
}

/// Like [`discover`], but a Steward output folder (or a file inside one) is skipped and
/// listed rather than refused. A folder is walked with its subfolders: the data files of
/// each folder in name order, then its subfolders in name order; subfolders whose name
/// starts with `.` and Steward output folders are not entered (the latter are listed), and
/// a folder reached twice through links is walked once.
pub fn discover_inputs(paths: &[PathBuf]) -> Result<Discovered> {
    let mut found = Discovered::default();
    for p in paths {
        if p.exists() && (is_output_folder(p) || is_inside_output_folder(p)) {
            found.skipped_outputs.push(p.clone());
        } else if p.is_dir() {
            let before = (found.files.len(), found.skipped_outputs.len());
            let mut seen = BTreeSet::new();
            walk(p, &mut seen, &mut found)?;
            if (found.files.len(), found.skipped_outputs.len()) == before {
                return Err(Error::input("directory holds no data files").at_path(p));
            }
        } else if p.exists() {
            found.files.push(p.clone());
        } else {
            return Err(Error::input("no such file or directory").at_path(p));
        }
    }
    Ok(found)
}

/// Adds the data files of `dir` and of its subfolders to `found`.
fn walk(dir: &Path, seen: &mut BTreeSet<PathBuf>, found: &mut Discovered) -> Result<()> {
    if !seen.insert(dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::input(format!("cannot read directory: {e}")).at_path(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) = entries.into_iter().partition(|p| p.is_dir());
    found.files.extend(
        files
            .into_iter()
            .filter(|f| f.is_file() && Format::from_path(f).is_some()),
    );
    for sub in dirs {
        let hidden = sub
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if is_output_folder(&sub) {
            found.skipped_outputs.push(sub);
        } else {
            walk(&sub, seen, found)?;
        }
    }
    Ok(())
}
