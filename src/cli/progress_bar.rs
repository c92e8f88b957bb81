//! indicatif progress bars on stderr behind the library's `Progress` trait, which also carry the Ctrl-C flag to the library.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
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

/// What a stage's bar counts: files while reading, rows in every other stage.
fn unit_of(stage: &str) -> &'static str {
    match stage {
        "read" => "files",
        _ => "rows",
    }
}

/// A rate rounded to three significant digits with its unit: `850 rows/s`, `12.3k rows/s`,
/// `1.2M rows/s`.
fn rate(per_sec: f64, unit: &str) -> String {
    if !per_sec.is_finite() || per_sec <= 0.0 {
        return format!("0 {unit}/s");
    }
    let (value, suffix) = if per_sec >= 1e6 {
        (per_sec / 1e6, "M")
    } else if per_sec >= 1e3 {
        (per_sec / 1e3, "k")
    } else {
        (per_sec, "")
    };
    let text = if value >= 100.0 || (suffix.is_empty() && value >= 10.0) {
        format!("{value:.0}")
    } else if value >= 10.0 || suffix.is_empty() {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    };
    format!("{text}{suffix} {unit}/s")
}

impl Progress for Bars {
    fn start(&self, stage: &str, total: Option<u64>) {
        self.clear();
        let unit = unit_of(stage);
        let target = if self.quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        };
        let bar = match total {
            Some(n) => ProgressBar::with_draw_target(Some(n), target).with_style(
                ProgressStyle::with_template(
                    "{prefix:>10} [{bar:30}] {human_pos}/{human_len} {rate} eta {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .with_key(
                    "rate",
                    move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = w.write_str(&rate(state.per_sec(), unit));
                    },
                )
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

#[cfg(test)]
mod tests {
    use super::rate;

    #[test]
    fn rates_are_rounded_with_units() {
        assert_eq!(rate(12_345.678, "rows"), "12.3k rows/s");
        assert_eq!(rate(850.4, "rows"), "850 rows/s");
        assert_eq!(rate(4.04, "files"), "4.0 files/s");
        assert_eq!(rate(1_234_567.0, "rows"), "1.23M rows/s");
        assert_eq!(rate(123_456.0, "rows"), "123k rows/s");
        assert_eq!(rate(0.0, "rows"), "0 rows/s");
    }
}
