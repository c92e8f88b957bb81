//! What a run keeps in its output set for the next run (`state/`), and how a run with
//! `--previous` takes it back: the normalised rows ([`rows`]) for rows whose content has not
//! changed, the compared pairs ([`pairs`]) for pairs of such rows, and the model
//! ([`model`]) unless the data shifted.
//!
//! Kept state is only ever a shortcut. It is tied to what produced it (this build's version,
//! the schema tables and the options that shape the work); a run whose own differ does not
//! use it and says so in `run.json` (`reuse`), and a file that does not read back whole
//! (damaged, cut, edited) is not used either, with a warning. Whether it was used or not,
//! the outputs are the same.

pub mod model;
pub mod pairs;
pub mod rows;

/// The folder of an output set that holds the kept state.
pub const STATE_DIR: &str = "state";

/// The bytes of the kept file `name` of the output set at `dir` and its path, or why there
/// are none (`missing` when the earlier run kept no such file).
fn read_state_file(
    dir: &std::path::Path,
    name: &str,
    missing: &str,
) -> Result<(Vec<u8>, std::path::PathBuf), String> {
    let path = dir.join(STATE_DIR).join(name);
    match std::fs::read(&path) {
        Ok(bytes) => Ok((bytes, path)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(missing.to_string()),
        Err(e) => Err(format!("{} cannot be read: {e}", path.display())),
    }
}

/// SHA-256 of everything, besides a row's own content, that shapes what normalising it
/// gives: this build's version, the schema tables (their digest) and the normalise options.
pub fn normalize_compat(
    locale_digest: &str,
    options: &crate::normalize::NormalizeOptions,
) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(b"steward ");
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update([0]);
    h.update(locale_digest.as_bytes());
    h.update([0]);
    h.update(format!("{options:?}").as_bytes());
    h.finalize().into()
}

/// How a run used the state its previous run kept, for `run.json`.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct ReuseReport {
    /// Rows whose normalised values came from the earlier run.
    pub rows_reused: usize,
    /// Rows normalised in this run.
    pub rows_normalized: usize,
    /// Why the earlier run's rows were not used, when they were not (empty when they were,
    /// or when there was no earlier run).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub rows_not_used: String,
    /// Compared pairs whose levels came from the earlier run.
    pub pairs_reused: u64,
    /// Pairs compared in this run.
    pub pairs_compared: u64,
    /// Why the earlier run's compared pairs were not used, when they were not.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pairs_not_used: String,
    /// Whether the run scored with the earlier run's model rather than training one.
    pub model_reused: bool,
    /// How far the data was from what the earlier model was learnt from
    /// ([`crate::dedupe::learnt`]), when there was one to compare with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_shift: Option<ModelShift>,
    /// Why the earlier run's model was not used, when it was not.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub model_not_used: String,
}

/// [`crate::dedupe::learnt::Shift`] with its limits, for `run.json`.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct ModelShift {
    /// Relative change in eligible records, and the most under which the model is reused.
    pub records: f64,
    pub records_limit: f64,
    /// Largest total variation distance of a comparison's level shares among the training
    /// pairs, the comparison, and the most under which the model is reused.
    pub levels: f64,
    pub levels_comparison: String,
    pub levels_limit: f64,
}

impl ModelShift {
    pub fn new(shift: &crate::dedupe::learnt::Shift) -> ModelShift {
        use crate::dedupe::learnt::{MAX_LEVEL_SHIFT, MAX_RECORD_SHIFT};
        ModelShift {
            records: shift.records,
            records_limit: MAX_RECORD_SHIFT,
            levels: shift.levels,
            levels_comparison: shift.comparison.to_string(),
            levels_limit: MAX_LEVEL_SHIFT,
        }
    }
}
