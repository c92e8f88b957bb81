//! Command-line arguments (clap derive), written to read like a man page.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const ABOUT: &str = "Migrate customer data into a CRM and keep it clean.";

const LONG_ABOUT: &str = "\
Steward reads customer exports as migrations meet them — CSV/TSV in any encoding \
(UTF-8 with or without BOM, UTF-16, Windows-1251, KOI8-U, TIS-620/Windows-874, \
Windows-1250/1252, ISO-8859-x), Excel and OpenDocument workbooks, JSON Lines, Parquet and \
Arrow IPC — maps their \
headers to a canonical contact schema in many languages, normalises names, phones, \
e-mails, addresses, countries and dates per row country, finds duplicate customers, \
builds one golden record per customer, and writes a clean dataset with a cross-reference \
of every input row.";

const AFTER_HELP: &str = "\
EXIT STATUS:
    0    success
    1    usage or configuration error (bad flag, bad steward.toml, unknown encoding)
    2    input error (missing file, empty file, unreadable or password-protected workbook)
    3    quality gate failed (audit thresholds)
    4    internal check failed (for example rows in != rows in xref.csv); please report
    5    outputs could not be written (disk full, quota, permissions, another run in --out);
         previous outputs are left intact
    130  interrupted (Ctrl-C / SIGTERM); previous outputs are left intact

EXAMPLES:
    steward run fixtures/demo --out out/
    steward init exports/ > steward.toml
    steward run --config steward.toml --out out/";

/// `steward`: the top-level command.
#[derive(Parser, Debug)]
#[command(name = "steward", version, about = ABOUT, long_about = LONG_ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Hide progress bars and the closing summary (bars are also hidden when stderr is not a terminal).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Worker threads (default: one per core). Outputs are identical whatever the count.
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the whole pipeline and write golden.csv, xref.csv, pairs.csv, findings.csv, quality.json and run.json.
    #[command(after_help = AFTER_HELP)]
    Run(RunArgs),
    /// Profile exports without merging: quality.json and audit.html, and an exit code for cron or CI.
    #[command(after_help = AUDIT_HELP)]
    Audit(AuditArgs),
    /// Sniff the inputs and print a commented steward.toml (format, encoding, delimiter, sheet, header row, country, name and date order, column mapping) to correct.
    #[command(after_help = AFTER_HELP)]
    Init(InitArgs),
}

/// Flags that apply to every source named on the command line.
#[derive(Args, Debug, Default)]
pub struct SourceFlags {
    /// Text encoding of the input files (e.g. windows-1251, koi8-u, tis-620, utf-16le); sniffed when absent.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Field delimiter of delimited files (`,` `;` `|` or `\t`); sniffed when absent.
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
    /// Only this sheet of workbooks; every non-empty sheet when absent.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Default country for rows without a country column (ISO code or name); sniffed when absent.
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
}

/// The inputs of `run` and `audit`: files, a config, and flags for the files.
#[derive(Args, Debug)]
pub struct Inputs {
    /// Input files and directories (every csv, tsv, txt, xlsx, xls, ods, jsonl, parquet, arrow, feather inside a directory and its subfolders); a file given twice is read once.
    #[arg(value_name = "FILES|DIRS")]
    pub paths: Vec<PathBuf>,
    /// steward.toml with sources and options; paths given on the command line are added to its sources.
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub source: SourceFlags,
    /// Largest input file read, in MiB (default 2048; `[input] max_file_mib`); larger ones are refused.
    #[arg(long, value_name = "MIB")]
    pub max_file_mib: Option<u64>,
}

/// `steward run`.
#[derive(Args, Debug)]
pub struct RunArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Output directory; created if missing. Its outputs are replaced as one set at the end; it must not be, hold or lie inside an input.
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,
    /// Steward decisions (must-link, cannot-link, assignments) that override the model.
    #[arg(long, value_name = "FILE")]
    pub decisions: Option<PathBuf>,
    /// An earlier run's output folder: its customers keep their IDs, and changes.csv says what changed since.
    #[arg(long, value_name = "DIR")]
    pub previous: Option<PathBuf>,
    /// With --previous, train the model again even when the earlier run's still fits the data.
    #[arg(long)]
    pub retrain: bool,
    /// File of e-mails and phones (erasure requests, do-not-contact): those people leave every output.
    #[arg(long, value_name = "FILE")]
    pub suppress: Option<PathBuf>,
    /// Mask names, e-mails, phones and street addresses in every output but golden and xref, for sharing.
    #[arg(long)]
    pub mask_pii: bool,
    /// Format of golden, xref, pairs and findings; repeat for several (`--format csv --format parquet`). Default: `[output] formats`, else csv.
    #[arg(long = "format", value_name = "FORMAT", value_enum)]
    pub formats: Vec<FormatArg>,
    /// Write import files for a target CRM into OUT/import/TARGET/ (accounts, then contacts, and a README.txt); repeat for several. Default: `[output] targets`.
    #[arg(long = "target", value_name = "TARGET", value_enum)]
    pub targets: Vec<TargetArg>,
}

/// A target CRM, as `--target` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// Salesforce (Data Loader / Bulk API 2.0 upsert by external ID).
    Salesforce,
    /// HubSpot (companies and contacts, imported with associations).
    Hubspot,
    /// Dynamics 365 / Dataverse (Import Data Wizard).
    Dynamics,
    /// Zoho CRM (Accounts, then Contacts).
    Zoho,
}

impl From<TargetArg> for steward::config::Target {
    fn from(arg: TargetArg) -> Self {
        match arg {
            TargetArg::Salesforce => steward::config::Target::Salesforce,
            TargetArg::Hubspot => steward::config::Target::Hubspot,
            TargetArg::Dynamics => steward::config::Target::Dynamics,
            TargetArg::Zoho => steward::config::Target::Zoho,
        }
    }
}

/// A format of the tabular outputs, as `--format` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Spreadsheet-safe CSV.
    Csv,
    /// Excel workbook; text cells stay text.
    Xlsx,
    /// Apache Parquet with typed columns.
    Parquet,
}

impl From<FormatArg> for steward::config::TableFormat {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Csv => steward::config::TableFormat::Csv,
            FormatArg::Xlsx => steward::config::TableFormat::Xlsx,
            FormatArg::Parquet => steward::config::TableFormat::Parquet,
        }
    }
}

const AUDIT_HELP: &str = "\
THRESHOLDS (--fail-under, comma-separated, shares 0..1 or percentages):
    completeness=0.9      mean completeness of the fields the sources carry, at least
    validity=0.95         valid values / present values over every field, at least
    uniqueness=0.98       1 - estimated duplicate share, at least
    duplicates=0.02       estimated duplicate share, at MOST
    email.validity=0.9    any metric for one field (completeness, validity, uniqueness)

EXIT STATUS:
    0    every threshold holds
    1    usage or configuration error
    2    input error
    3    quality gate failed: the failing thresholds are printed on stderr
    5    outputs could not be written (disk full, quota, permissions)

EXAMPLE (cron, nightly):
    steward audit /exports/crm.csv --out /var/audit/$(date +%F) \\
        --fail-under completeness=0.9,validity=0.95,duplicates=0.02 \\
        --baseline /var/audit/latest/quality.json";

/// `steward audit`.
#[derive(Args, Debug)]
pub struct AuditArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Output directory for quality.json and audit.html.
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,
    /// Quality gate: fail (exit 3) when a metric is below its threshold (or duplicates above).
    #[arg(long, value_name = "METRIC=VALUE,…")]
    pub fail_under: Option<String>,
    /// A previous quality.json: report the trend and flag regressions.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
}

/// `steward init`.
#[derive(Args, Debug)]
pub struct InitArgs {
    /// Input files and directories to sniff.
    #[arg(value_name = "FILES|DIRS", required = true)]
    pub paths: Vec<PathBuf>,
    /// Write the config to this file instead of standard output; its paths are relative to the file's folder, so it runs from any directory.
    #[arg(short, long, value_name = "FILE")]
    pub write: Option<PathBuf>,
    #[command(flatten)]
    pub source: SourceFlags,
}
