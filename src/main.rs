//! The `steward` binary: parses arguments, builds a `Config`, calls the library, maps errors to exit codes.

mod cli;

/// mimalloc instead of the system allocator: normalisation and dedupe make many small,
/// short-lived strings across rayon threads, where it costs about 10% less CPU than glibc's
/// malloc at 100k rows (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main());
}
