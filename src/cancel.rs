//! Cancellation: a run-wide flag the CLI sets on Ctrl-C or SIGTERM and the stages check between units of work.

use crate::error::{Error, ErrorKind, Result};
use std::sync::atomic::{AtomicBool, Ordering};

static CANCELLED: AtomicBool = AtomicBool::new(false);

/// Asks the running pipeline to stop at its next check; outputs are then left as they were.
pub fn request() {
    CANCELLED.store(true, Ordering::SeqCst);
}

/// Whether a stop was requested.
pub fn requested() -> bool {
    CANCELLED.load(Ordering::Relaxed)
}

/// `Err(Interrupted)` once a stop was requested.
pub fn check() -> Result<()> {
    if requested() {
        Err(Error::new(ErrorKind::Interrupted))
    } else {
        Ok(())
    }
}
