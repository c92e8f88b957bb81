//! The `steward` binary: parses arguments, builds a `Config`, calls the library, maps errors to exit codes.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
