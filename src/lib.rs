//! Steward migrates customer data into a CRM and keeps it clean afterwards.
//!
//! The pipeline reads messy exports (CSV in any encoding, workbooks, JSON Lines), maps their
//! headers to a canonical contact schema, normalises every field per the row's country,
//! reports data-quality findings, finds duplicate customers with Fellegi–Sunter scoring,
//! builds one golden record per customer, and writes a clean dataset with a cross-reference
//! of every input row. A run is a value, [`pipeline::Pipeline`], built from a
//! [`config::Config`] (and the earlier run it builds on); the `steward` binary is a thin CLI
//! on top.

pub mod accounts;
pub mod assemble;
pub mod audit;
pub mod cancel;
pub mod checksum;
pub mod column_check;
pub mod config;
pub mod context;
pub mod dedupe;
pub mod error;
pub mod excerpt;
pub mod fields;
pub mod finding;
pub mod ingest;
pub mod init;
pub mod input_set;
pub mod locale;
pub mod map;
pub mod normalize;
pub mod outdir;
pub mod output;
pub mod packed;
pub mod pipeline;
pub mod previous;
pub mod privacy;
pub mod profile;
pub mod progress;
pub mod raw_store;
pub mod record;
pub mod report;
pub mod reuse;
pub mod spreadsheet;
pub mod stage_clock;
pub mod suppress;
pub mod survive;
pub mod targets;
pub mod thousands;
pub mod validate;
pub mod wire;

pub use config::{Config, DateOrder, Format, NameOrder, SourceConfig};
pub use error::{Error, ErrorKind, Result};
pub use finding::{Finding, Issue, Severity};
pub use progress::{NoProgress, Progress};
pub use record::{Country, Field, Record, Values};
