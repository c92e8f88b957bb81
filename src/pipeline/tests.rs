//! A stop request (Ctrl-C) ends a run part-way through its long stages.

use super::process;
use crate::config::Config;
use crate::progress::Progress;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Asks to stop once `stage` has advanced at least once, and counts how far that stage got.
struct StopDuring {
    stage: &'static str,
    current: Mutex<String>,
    total: AtomicU64,
    advanced: AtomicU64,
}

impl StopDuring {
    fn new(stage: &'static str) -> StopDuring {
        StopDuring {
            stage,
            current: Mutex::new(String::new()),
            total: AtomicU64::new(0),
            advanced: AtomicU64::new(0),
        }
    }

    fn in_stage(&self) -> bool {
        self.current.lock().is_ok_and(|c| *c == self.stage)
    }
}

impl Progress for StopDuring {
    fn start(&self, stage: &str, total: Option<u64>) {
        if let Ok(mut c) = self.current.lock() {
            *c = stage.to_string();
        }
        if stage == self.stage {
            self.total.store(total.unwrap_or(0), Ordering::SeqCst);
        }
    }
    fn advance(&self, n: u64) {
        if self.in_stage() {
            self.advanced.fetch_add(n, Ordering::SeqCst);
        }
    }
    fn finish(&self) {}
    fn stop_requested(&self) -> bool {
        self.in_stage() && self.advanced.load(Ordering::SeqCst) > 0
    }
}

/// `rows` people in one town, every pair of them a candidate (blocking on the town alone).
fn one_town(dir: &std::path::Path, rows: usize) -> Config {
    let mut csv = String::from("Given name,Family name,Email,City\n");
    for i in 0..rows {
        csv.push_str(&format!("Given{i},Family{i},p{i}@example.org,Leeds\n"));
    }
    let path = dir.join("town.csv");
    std::fs::write(&path, csv).expect("write input");
    let budget = rows * rows;
    let toml = format!(
        "[[source]]\npath = \"town.csv\"\ncountry = \"GB\"\n\n[dedupe]\nblocking = [\"locality\"]\ncomparison_budget = {budget}\nem_sample_pairs = 2000\nu_sample_pairs = 2000\n"
    );
    Config::from_toml(&toml, dir).expect("config")
}

fn assert_stopped_early(stage: &'static str, rows: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_config_stopped_early(stage, &one_town(dir.path(), rows));
}

fn assert_config_stopped_early(stage: &'static str, config: &Config) {
    let config = config.clone();
    let stop = StopDuring::new(stage);
    let err = process(&config, &stop)
        .err()
        .expect("the run went on to the end");
    assert!(
        matches!(err.kind(), crate::ErrorKind::Interrupted),
        "{stage}: {err:?}"
    );
    let (done, total) = (
        stop.advanced.load(Ordering::SeqCst),
        stop.total.load(Ordering::SeqCst),
    );
    assert!(
        done > 0 && done * 2 <= total,
        "{stage}: {done} of {total} units done after the stop request"
    );
}

#[test]
fn a_stop_request_ends_normalisation_part_way() {
    assert_stopped_early("normalize", 40_000);
}

#[test]
fn a_stop_request_ends_survivorship_part_way() {
    // 40,000 people compared with nobody: 40,000 customers, about three chunks.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = one_town(dir.path(), 40_000);
    config.dedupe.blocking = vec!["identifier".to_string()];
    config.dedupe.comparison_budget = 1;
    assert_config_stopped_early("survive", &config);
}

#[test]
fn a_stop_request_ends_pair_scoring_part_way() {
    // 700 people in one town: 244,650 candidate pairs, about 15 scoring chunks.
    assert_stopped_early("dedupe: comparing", 700);
}

/// Two runs with different settings, at once in one process, each give what it gives alone:
/// no table, nickname list or stop flag is shared between them.
#[test]
fn runs_at_once_in_one_process_do_not_touch_each_other() {
    use super::Pipeline;
    use crate::progress::NoProgress;
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
    let config = |extra: &str| {
        let toml = format!(
            "[[source]]\npath = \"old_crm.csv\"\n\n[[source]]\npath = \"ua_branch.csv\"\n{extra}"
        );
        Config::from_toml(&toml, &demo).expect("config")
    };
    let runs = [
        Pipeline::new(config("")).expect("valid"),
        Pipeline::new(config(
            "\n[dedupe]\nblocking = [\"identifier\"]\ncomparison_budget = 1\n",
        ))
        .expect("valid"),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    let outputs = |run: &Pipeline, out: &str| -> Vec<Vec<u8>> {
        let out = dir.path().join(out);
        run.run(&out, &NoProgress).expect("run");
        ["xref.csv", "golden.csv", "pairs.csv"]
            .iter()
            .map(|f| std::fs::read(out.join(f)).expect("output"))
            .collect()
    };
    let alone: Vec<Vec<Vec<u8>>> = runs
        .iter()
        .enumerate()
        .map(|(i, r)| outputs(r, &format!("alone{i}")))
        .collect();
    let together: Vec<Vec<Vec<u8>>> = std::thread::scope(|s| {
        let handles: Vec<_> = runs
            .iter()
            .enumerate()
            .map(|(i, r)| s.spawn(move || outputs(r, &format!("together{i}"))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    assert!(
        alone[0][0] != alone[1][0],
        "the two settings give different customers"
    );
    for (i, (a, t)) in alone.iter().zip(&together).enumerate() {
        assert!(
            a == t,
            "run {i} gave other outputs when run beside the other"
        );
    }
}
