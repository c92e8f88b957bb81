//! Progress reporting as a trait the library calls; the CLI draws it and answers whether the user asked to stop, tests ignore it.

/// Receives stage progress. Implementations must be cheap and thread-safe.
pub trait Progress: Sync {
    /// A stage starts; `total` is the amount of work when known.
    fn start(&self, stage: &str, total: Option<u64>);
    /// `n` more units of the current stage are done.
    fn advance(&self, n: u64);
    /// The current stage is finished.
    fn finish(&self);
    /// Whether the run should stop (the user pressed Ctrl-C); long loops ask between units
    /// of work ([`crate::cancel::check`]). Never, unless an implementation says so.
    fn stop_requested(&self) -> bool {
        false
    }
}

/// Progress that goes nowhere.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _stage: &str, _total: Option<u64>) {}
    fn advance(&self, _n: u64) {}
    fn finish(&self) {}
}
