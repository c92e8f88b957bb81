//! What a run keeps in its output set for the next run (`state/`), and how a run with
//! `--previous` takes it back: the normalised rows ([`rows`]) for rows whose content has not
//! changed, and the compared pairs ([`pairs`]) for pairs of such rows.
//!
//! Kept state is only ever a shortcut. It is tied to what produced it (this build's version,
//! the schema tables and the options that shape the work); a run whose own differ does not
//! use it and says so in `run.json` (`reuse`), and a file that does not read back whole
//! (damaged, cut, edited) is not used either, with a warning. Whether it was used or not,
//! the outputs are the same.

pub mod pairs;
pub mod rows;

/// The folder of an output set that holds the kept state.
pub const STATE_DIR: &str = "state";

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
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
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
}
