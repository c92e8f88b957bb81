//! Command-line front end: argument parsing, progress bars and exit codes; the work is in the library.

mod args;
mod progress_bar;
mod summary;
mod terminal;

use anyhow::Context;
use args::{AuditArgs, Cli, Command, InitArgs, RunArgs, SourceFlags};
use clap::Parser;
use progress_bar::Bars;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use steward::{Config, ErrorKind, SourceConfig};

/// Exit codes, as documented in `steward --help` and the README.
pub mod exit {
    pub const OK: i32 = 0;
    pub const USAGE: i32 = 1;
    pub const INPUT: i32 = 2;
    pub const QUALITY_GATE: i32 = 3;
    pub const INTERNAL: i32 = 4;
    pub const OUTPUT: i32 = 5;
    pub const INTERRUPTED: i32 = 130;
}

/// Runs the CLI and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            return code;
        }
    };
    let stop = install_signal_handler();
    if let Some(n) = cli.threads
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(capped_threads(n))
            .build_global()
    {
        eprintln!("steward: cannot start {n} worker threads: {e}");
        return exit::USAGE;
    }
    let result = match cli.command {
        Command::Run(args) => run(args, Bars::new(cli.quiet, stop)),
        Command::Init(args) => init(args),
        Command::Audit(args) => audit(args, Bars::new(cli.quiet, stop)),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("steward: {}", terminal::printable(&format!("{e:#}")));
            exit_code(&e)
        }
    }
}

/// Most worker threads a run starts, whatever `--threads` asks for.
const MAX_THREADS: usize = 256;

/// The thread count to use for `--threads n`: at least 1, at most [`MAX_THREADS`] (saying so).
fn capped_threads(n: usize) -> usize {
    if n > MAX_THREADS {
        eprintln!(
            "steward: --threads {n} is more than the maximum of {MAX_THREADS}; using {MAX_THREADS}"
        );
    }
    n.clamp(1, MAX_THREADS)
}

/// Ctrl-C or SIGTERM asks the run to stop at its next check (the returned flag, which the
/// progress bars hand to the library), before any output is replaced; a second one exits at
/// once (outputs are still intact: nothing is published until the end).
fn install_signal_handler() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(exit::INTERRUPTED);
        }
    });
    stop
}

/// Maps an error to its documented exit code.
fn exit_code(e: &anyhow::Error) -> i32 {
    match e.downcast_ref::<steward::Error>().map(|e| e.kind()) {
        Some(ErrorKind::Config(_)) | Some(ErrorKind::Schema(_)) => exit::USAGE,
        Some(ErrorKind::Input(_)) | Some(ErrorKind::Io(_)) => exit::INPUT,
        Some(ErrorKind::Interrupted) => exit::INTERRUPTED,
        Some(ErrorKind::Output(_)) => exit::OUTPUT,
        Some(ErrorKind::Invariant(_)) | None => exit::INTERNAL,
    }
}

/// Builds the run configuration: the config file (if any) plus the paths and flags given;
/// the caller checks it once, after every flag is applied.
fn build_config(
    config: Option<&PathBuf>,
    paths: &[PathBuf],
    flags: &SourceFlags,
) -> anyhow::Result<Config> {
    let mut cfg = match config {
        Some(p) => Config::from_file(p)?,
        None => Config::default(),
    };
    // A path also in the config, or given twice, is read once (`steward::input_set`), with
    // a warning.
    for path in paths {
        cfg.sources.push(SourceConfig {
            path: path.clone(),
            encoding: flags.encoding.clone(),
            country: flags.country.clone(),
            delimiter: flags.delimiter.clone(),
            sheet: flags.sheet.clone(),
            ..SourceConfig::default()
        });
    }
    Ok(cfg)
}

fn run(args: RunArgs, bars: Bars) -> anyhow::Result<i32> {
    let started = std::time::Instant::now();
    let quiet = bars.quiet();
    let mut cfg = build_config(
        args.inputs.config.as_ref(),
        &args.inputs.paths,
        &args.inputs.source,
    )?;
    if let Some(mib) = args.inputs.max_file_mib {
        cfg.input.max_file_mib = mib;
    }
    cfg.validate()?;
    if let Some(d) = args.decisions {
        cfg.decisions = Some(d);
    }
    if let Some(s) = args.suppress {
        cfg.suppress = Some(s);
    }
    if args.retrain {
        cfg.dedupe.reuse_model = false;
    }
    if let Some(p) = args.previous {
        cfg.previous = Some(p);
    }
    cfg.output.mask_pii |= args.mask_pii;
    if !args.formats.is_empty() {
        cfg.output.formats = args.formats.iter().map(|&f| f.into()).collect();
    }
    if !args.targets.is_empty() {
        cfg.output.targets = args.targets.iter().map(|&t| t.into()).collect();
    }
    let pipeline = steward::pipeline::Pipeline::new(cfg)?;
    let summary = pipeline.run(&args.out, &bars).with_context(|| {
        format!(
            "run failed; outputs in {} left as they were",
            args.out.display()
        )
    })?;
    bars.clear();
    if !quiet {
        for line in summary::lines(&summary, &args.out, started.elapsed()) {
            eprintln!("{line}");
        }
    }
    Ok(exit::OK)
}

fn audit(args: AuditArgs, bars: Bars) -> anyhow::Result<i32> {
    let quiet = bars.quiet();
    let mut cfg = build_config(
        args.inputs.config.as_ref(),
        &args.inputs.paths,
        &args.inputs.source,
    )?;
    if let Some(mib) = args.inputs.max_file_mib {
        cfg.input.max_file_mib = mib;
    }
    cfg.validate()?;
    let thresholds = match &args.fail_under {
        Some(text) => steward::audit::parse_thresholds(text)?,
        None => Vec::new(),
    };
    let outcome = steward::audit::audit(
        &cfg,
        &args.out,
        &thresholds,
        args.baseline.as_deref(),
        &bars,
    )?;
    bars.clear();
    if !quiet {
        eprintln!(
            "steward audit: {} rows, {} customers, estimated duplicate share {:.4}; quality.json and audit.html in {}",
            steward::thousands::count(outcome.rows),
            steward::thousands::count(outcome.customers),
            outcome.duplicate_share,
            terminal::printable(&args.out.display().to_string())
        );
    }
    for r in &outcome.regressions {
        eprintln!(
            "steward audit: regression: {}",
            terminal::printable(&r.to_string())
        );
    }
    if outcome.passed() {
        return Ok(exit::OK);
    }
    for f in &outcome.failed {
        eprintln!(
            "steward audit: quality gate failed: {}",
            terminal::printable(&f.to_string())
        );
    }
    Ok(exit::QUALITY_GATE)
}

fn init(args: InitArgs) -> anyhow::Result<i32> {
    let base = build_config(None, &args.paths, &args.source)?;
    base.validate()?;
    let (sniffed, warnings) = steward::init::sniff_config(&base)?;
    for w in &warnings {
        eprintln!("{}", summary::warning_line(w));
    }
    let text = steward::init::write_config(&sniffed, args.write.as_deref())?;
    match args.write {
        Some(path) => std::fs::write(&path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(exit::OK)
}
