//! End-to-end tests: run the real `steward` binary on the fixtures and check its outputs.
//!
//! One test binary; each module covers one area.

mod common;

mod bad_input;
mod contract;
mod decisions;
mod first_hour;
mod formats;
mod gates;
mod generality;
mod hostile;
mod ingest;
mod kept_state;
mod normalisation;
mod previous;
mod privacy;
mod safety;
mod survivorship;
mod targets;
