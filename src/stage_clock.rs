//! Per-stage wall time and peak resident memory of a run, for `run.json` and the benchmarks.
//!
//! Memory comes from Linux's `/proc/self/status`: the resident set at the end of each stage
//! (`VmRSS`) and the process's high-water mark so far (`VmHWM`; when it rises during a stage,
//! that stage set the peak). The mark is never reset, so `/usr/bin/time -v` still sees the
//! run's true peak. On other systems the memory figures are simply absent.

use std::time::Instant;

/// One finished stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageStat {
    pub name: &'static str,
    pub ms: u128,
    /// Resident set size at the end of the stage, in bytes (Linux only).
    pub rss: Option<u64>,
    /// The process's peak resident set size up to the end of the stage, in bytes.
    pub peak_rss: Option<u64>,
}

/// Times the stages of one run in order.
#[derive(Debug)]
pub struct StageClock {
    started: Instant,
    stats: Vec<StageStat>,
}

impl Default for StageClock {
    fn default() -> Self {
        Self::new()
    }
}

impl StageClock {
    /// Starts the first stage now.
    pub fn new() -> StageClock {
        StageClock {
            started: Instant::now(),
            stats: Vec::new(),
        }
    }

    /// Ends the current stage under `name` and starts the next one.
    pub fn lap(&mut self, name: &'static str) {
        self.stats
            .push(StageStat::now(name, self.started.elapsed().as_millis()));
        self.started = Instant::now();
    }

    /// Ends two stages that ran side by side (each with its own wall time, `ms`) and starts
    /// the next one. Their times overlap, so together they count more than the time passed.
    pub fn side_by_side(&mut self, first: (&'static str, u128), second: (&'static str, u128)) {
        for (name, ms) in [first, second] {
            self.stats.push(StageStat::now(name, ms));
        }
        self.started = Instant::now();
    }

    /// Runs `work` and returns its result with its wall time in milliseconds.
    pub fn time<T>(work: impl FnOnce() -> T) -> (T, u128) {
        let started = Instant::now();
        let out = work();
        (out, started.elapsed().as_millis())
    }

    /// The finished stages, in order.
    pub fn into_stats(self) -> Vec<StageStat> {
        self.stats
    }
}

impl StageStat {
    /// A stage named `name` that took `ms` and ends now.
    pub fn now(name: &'static str, ms: u128) -> StageStat {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        StageStat {
            name,
            ms,
            rss: status_kib(&status, "VmRSS:").map(|kib| kib * 1024),
            peak_rss: status_kib(&status, "VmHWM:").map(|kib| kib * 1024),
        }
    }
}

/// Reads a `Name:   1234 kB` line of `/proc/self/status`.
fn status_kib(status: &str, key: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kib_lines_of_proc_status() {
        let status = "Name:\tsteward\nVmPeak:\t  200 kB\nVmHWM:\t   12345 kB\nVmRSS:\t 1 kB\n";
        assert_eq!(status_kib(status, "VmHWM:"), Some(12345));
        assert_eq!(status_kib(status, "VmSwap:"), None);
    }

    #[test]
    fn laps_are_recorded_in_order() {
        let mut clock = StageClock::new();
        clock.lap("read");
        clock.lap("map");
        let names: Vec<&str> = clock.into_stats().iter().map(|s| s.name).collect();
        assert_eq!(names, ["read", "map"]);
    }
}

/// Times the steps inside one stage, one after another (`run.json` `dedupe_ms`,
/// `survive_ms`).
#[derive(Debug)]
pub struct StepClock {
    started: Instant,
    /// Each finished step's wall time in milliseconds, in order.
    pub done: Vec<(&'static str, u128)>,
}

impl Default for StepClock {
    fn default() -> Self {
        StepClock {
            started: Instant::now(),
            done: Vec::new(),
        }
    }
}

impl StepClock {
    /// Ends the step `name` and starts the next.
    pub fn lap(&mut self, name: &'static str) {
        self.done.push((name, self.started.elapsed().as_millis()));
        self.started = Instant::now();
    }
}
