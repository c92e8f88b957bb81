//! Cancellation: the stages ask the run's [`Progress`] whether a stop was requested (Ctrl-C or SIGTERM in the CLI) between units of work.

use crate::error::{Error, ErrorKind, Result};
use crate::progress::Progress;

/// `Err(Interrupted)` once `progress` says a stop was requested; the outputs are then left
/// as they were.
pub fn check(progress: &dyn Progress) -> Result<()> {
    if progress.stop_requested() {
        Err(Error::new(ErrorKind::Interrupted))
    } else {
        Ok(())
    }
}
