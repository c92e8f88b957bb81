//! Progress reporting as a trait the library calls; the CLI draws it, tests ignore it.

/// Receives stage progress. Implementations must be cheap and thread-safe.
pub trait Progress: Sync {
    /// A stage starts; `total` is the amount of work when known.
    fn start(&self, stage: &str, total: Option<u64>);
    /// `n` more units of the current stage are done.
    fn advance(&self, n: u64);
    /// The current stage is finished.
    fn finish(&self);
}

/// Progress that goes nowhere.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _stage: &str, _total: Option<u64>) {}
    fn advance(&self, _n: u64) {}
    fn finish(&self) {}
}
