//! Fuzzes the workbook reader wrapper: arbitrary bytes as an .xlsx, .xlsm, .xlsb, .xls or .ods file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steward::config::SourceConfig;

const NAMES: [&str; 5] = ["in.xlsx", "in.xlsm", "in.xlsb", "in.xls", "in.ods"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let dir = std::env::temp_dir().join(format!("steward-fuzz-wb-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(NAMES[selector as usize % NAMES.len()]);
    if std::fs::write(&path, rest).is_err() {
        return;
    }
    // Errors are fine; panics, hangs and unbounded memory are not.
    let _ = steward::ingest::read_source(&SourceConfig { path, ..SourceConfig::default() });
});
