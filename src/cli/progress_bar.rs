//! indicatif progress bars on stderr behind the library's `Progress` trait, which also carry the Ctrl-C flag to the library.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use steward::Progress;

/// One bar per stage; draws nothing with `--quiet` or when stderr is not a terminal.
pub struct Bars {
    quiet: bool,
    current: Mutex<Option<ProgressBar>>,
    /// Set by the signal handler.
    stop: Arc<AtomicBool>,
}

impl Bars {
    pub fn new(quiet: bool, stop: Arc<AtomicBool>) -> Bars {
        Bars {
            quiet,
            current: Mutex::new(None),
            stop,
        }
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// Removes any bar still on screen.
    pub fn clear(&self) {
        if let Ok(mut cur) = self.current.lock()
            && let Some(bar) = cur.take()
        {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bars {
    fn start(&self, stage: &str, total: Option<u64>) {
        self.clear();
        let target = if self.quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        };
        let bar = match total {
            Some(n) => ProgressBar::with_draw_target(Some(n), target).with_style(
                ProgressStyle::with_template(
                    "{prefix:>10} [{bar:30}] {human_pos}/{human_len} {per_sec} eta {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
            None => ProgressBar::with_draw_target(None, target).with_style(
                ProgressStyle::with_template("{prefix:>10} {spinner} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        bar.set_prefix(stage.to_string());
        if let Ok(mut cur) = self.current.lock() {
            *cur = Some(bar);
        }
    }

    fn advance(&self, n: u64) {
        if let Ok(cur) = self.current.lock()
            && let Some(bar) = cur.as_ref()
        {
            bar.inc(n);
        }
    }

    fn finish(&self) {
        self.clear();
    }

    fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}
