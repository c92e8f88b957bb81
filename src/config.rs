//! `Config`: everything a run needs, built from `steward.toml` and command-line flags, validated.

use crate::dedupe::DedupeSettings;
use crate::error::{Error, Result};
use crate::normalize::NormalizeOptions;
use crate::survive::SurvivorshipRules;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Input file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Delimited text: comma, semicolon, tab, pipe (sniffed).
    Csv,
    /// Excel 2007+ workbook (also xlsm, xlsb).
    Xlsx,
    /// Excel 97–2003 workbook.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
    /// One JSON object per line.
    Jsonl,
    /// Apache Parquet (a warehouse extract).
    Parquet,
    /// Arrow IPC file (Feather v2).
    Ipc,
}

impl Format {
    /// Guesses the format from a file extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "tsv" | "txt" | "tab" | "psv" | "dat" => Some(Format::Csv),
            "xlsx" | "xlsm" | "xlsb" => Some(Format::Xlsx),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            "parquet" | "pq" => Some(Format::Parquet),
            "arrow" | "feather" | "ipc" => Some(Format::Ipc),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Jsonl => "jsonl",
            Format::Parquet => "parquet",
            Format::Ipc => "ipc",
        }
    }
}

/// Order of the parts in a full-name column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NameOrder {
    /// Decide per locale and per value (the default).
    #[default]
    Auto,
    /// "Given Family" (most Western exports, Thai).
    GivenFirst,
    /// "Family Given [Patronymic]" (Ukrainian, Russian, 1C exports).
    FamilyFirst,
}

/// Order of day and month in a source's numeric dates (`05/03/2024`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Proven by the source's own dates (a first number above 12 somewhere), else the row's
    /// country decides (the default).
    #[default]
    Auto,
    /// `05/03/2024` is 5 March.
    DayFirst,
    /// `03/05/2024` is 5 March.
    MonthFirst,
}

impl DateOrder {
    /// The field order this setting fixes; `None` for `auto`.
    pub fn field_order(self) -> Option<crate::normalize::date::FieldOrder> {
        use crate::normalize::date::FieldOrder;
        match self {
            DateOrder::Auto => None,
            DateOrder::DayFirst => Some(FieldOrder::DayMonthYear),
            DateOrder::MonthFirst => Some(FieldOrder::MonthDayYear),
        }
    }

    /// The setting that fixes `order` (`auto` for a year-first order, which needs none).
    pub fn from_field_order(order: Option<crate::normalize::date::FieldOrder>) -> DateOrder {
        use crate::normalize::date::FieldOrder;
        match order {
            Some(FieldOrder::DayMonthYear) => DateOrder::DayFirst,
            Some(FieldOrder::MonthDayYear) => DateOrder::MonthFirst,
            _ => DateOrder::Auto,
        }
    }
}

/// One input source as configured (or as sniffed by `steward init`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SourceConfig {
    /// File to read.
    pub path: PathBuf,
    /// Format; sniffed from the extension and content when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// Text encoding label (`windows-1251`, `utf-16le`, `tis-620`…); sniffed when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Field delimiter for delimited text (`;`, `\t`, `|`, `,`); sniffed when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    /// Only this sheet of a workbook; every non-empty sheet when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 1-based row that holds the header; detected when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_row: Option<usize>,
    /// Default country for rows without a country column (ISO code or name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Order of parts in full-name columns.
    #[serde(skip_serializing_if = "is_auto")]
    pub name_order: NameOrder,
    /// Order of day and month in numeric dates.
    #[serde(skip_serializing_if = "is_auto_date")]
    pub date_order: DateOrder,
    /// Header → canonical field (`given_name`…), `source_key`, or `ignore`. Unlisted headers are mapped automatically.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<String, String>,
    /// Trust for survivorship: higher wins ties. Default 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub priority: i32,
}

fn is_auto(o: &NameOrder) -> bool {
    *o == NameOrder::Auto
}

fn is_auto_date(o: &DateOrder) -> bool {
    *o == DateOrder::Auto
}

fn is_zero(v: &i32) -> bool {
    *v == 0
}

/// A file format of the tabular outputs (`golden`, `xref`, `pairs`, `findings`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TableFormat {
    /// Spreadsheet-safe CSV (always written unless the formats leave it out).
    Csv,
    /// Excel workbook, every text cell a string.
    Xlsx,
    /// Apache Parquet, typed columns.
    Parquet,
}

impl TableFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Xlsx => "xlsx",
            TableFormat::Parquet => "parquet",
        }
    }
}

/// A target CRM whose import files `--target` writes ([`crate::targets`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// Salesforce: Data Loader / Bulk API 2.0 upserts by external ID.
    Salesforce,
    /// HubSpot: a two-file import of companies and contacts with associations.
    Hubspot,
    /// Dynamics 365 (Dataverse): the Import Data Wizard.
    Dynamics,
    /// Zoho CRM: the Accounts and Contacts import.
    Zoho,
}

impl Target {
    /// Every target, in the order the folders are written.
    pub const ALL: [Target; 4] = [
        Target::Salesforce,
        Target::Hubspot,
        Target::Dynamics,
        Target::Zoho,
    ];

    /// The name of its profile (`schemas/targets/<name>.toml`) and folder (`import/<name>`).
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Salesforce => "salesforce",
            Target::Hubspot => "hubspot",
            Target::Dynamics => "dynamics",
            Target::Zoho => "zoho",
        }
    }
}

fn default_formats() -> Vec<TableFormat> {
    vec![TableFormat::Csv]
}

/// Options for the output files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutputOptions {
    /// Mask e-mails, phones and names in the report and findings.
    pub mask_pii: bool,
    /// Formats of the tabular outputs (`--format`); CSV alone by default.
    pub formats: Vec<TableFormat>,
    /// Target CRMs to write import files for (`--target`), in `import/<target>/`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
}

impl Default for OutputOptions {
    fn default() -> OutputOptions {
        OutputOptions {
            mask_pii: false,
            formats: default_formats(),
            targets: Vec::new(),
        }
    }
}

impl OutputOptions {
    /// The formats to write, each once, in a fixed order (CSV, XLSX, Parquet).
    pub fn table_formats(&self) -> Vec<TableFormat> {
        let mut formats = self.formats.clone();
        formats.sort();
        formats.dedup();
        formats
    }

    /// The targets to write, each once, in a fixed order.
    pub fn targets(&self) -> Vec<Target> {
        let mut targets = self.targets.clone();
        targets.sort();
        targets.dedup();
        targets
    }
}

/// Limits on reading the inputs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InputOptions {
    /// Largest input file read, in MiB; a larger one is refused (exit 2). A file is read whole
    /// into memory, and a run takes several times its size.
    pub max_file_mib: u64,
}

impl InputOptions {
    /// The default limit: 2 GiB per file.
    pub const DEFAULT_MAX_FILE_MIB: u64 = 2048;

    /// The limit in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_mib.saturating_mul(1 << 20)
    }
}

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions {
            max_file_mib: InputOptions::DEFAULT_MAX_FILE_MIB,
        }
    }
}

fn is_default_input(o: &InputOptions) -> bool {
    *o == InputOptions::default()
}

/// A validated run configuration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Sources with their options. Paths given on the command line are added with defaults.
    #[serde(rename = "source", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceConfig>,
    /// Directory whose files override the built-in `schemas/` files of the same name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schemas_dir: Option<PathBuf>,
    /// Steward decisions (must-link, cannot-link, assignments) to honour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decisions: Option<PathBuf>,
    /// E-mails and phones of people to remove from every output (erasure requests).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppress: Option<PathBuf>,
    /// An earlier run's output folder: its customers keep their IDs, `changes.csv` says what
    /// changed ([`crate::previous`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<PathBuf>,
    pub normalize: NormalizeOptions,
    pub dedupe: DedupeSettings,
    pub survivorship: SurvivorshipRules,
    pub output: OutputOptions,
    #[serde(skip_serializing_if = "is_default_input")]
    pub input: InputOptions,
}

impl Config {
    /// Parses `steward.toml` text; relative paths are resolved against `base_dir`.
    pub fn from_toml(text: &str, base_dir: &Path) -> Result<Config> {
        let mut config: Config = toml::from_str(text).map_err(|e| Error::config(e.to_string()))?;
        for source in &mut config.sources {
            if source.path.is_relative() {
                source.path = base_dir.join(&source.path);
            }
        }
        if let Some(dir) = &config.schemas_dir
            && dir.is_relative()
        {
            config.schemas_dir = Some(base_dir.join(dir));
        }
        for path in [
            &mut config.decisions,
            &mut config.suppress,
            &mut config.previous,
        ]
        .into_iter()
        .flatten()
        {
            if path.is_relative() {
                *path = base_dir.join(&*path);
            }
        }
        config.validate()?;
        Ok(config)
    }

    /// Reads and parses a config file.
    pub fn from_file(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::config(format!("cannot read config: {e}")).at_path(path))?;
        let base = path.parent().unwrap_or(Path::new("."));
        Config::from_toml(&text, base).map_err(|e| e.at_path(path))
    }

    /// Serialises the config as TOML (what `steward init` prints).
    pub fn to_toml(&self) -> Result<String> {
        toml::to_string_pretty(self).map_err(|e| Error::config(e.to_string()))
    }

    /// Checks values that serde cannot: delimiters, column targets, countries.
    pub fn validate(&self) -> Result<()> {
        for s in &self.sources {
            if let Some(d) = &s.delimiter
                && crate::ingest::parse_delimiter(d).is_none()
            {
                return Err(Error::config(format!(
                    "source {}: delimiter {d:?} must be one character (or \\t)",
                    s.path.display()
                )));
            }
            if let Some(enc) = &s.encoding
                && crate::ingest::encoding_for_label(enc).is_none()
            {
                return Err(Error::config(format!(
                    "source {}: unknown encoding {enc:?}",
                    s.path.display()
                )));
            }
            for (header, target) in &s.columns {
                if crate::map::Target::parse(target).is_none() {
                    return Err(Error::config(format!(
                        "source {}: column {header:?} maps to unknown field {target:?}",
                        s.path.display()
                    )));
                }
            }
        }
        if self.output.formats.is_empty() {
            return Err(Error::config(
                "[output] formats must name at least one of csv, xlsx, parquet",
            ));
        }
        if self.output.mask_pii && !self.output.targets.is_empty() {
            return Err(Error::config(
                "--target writes import files with the customers' real names, e-mails and phones, to load into a CRM; --mask-pii is for sharing outputs: run the targets without --mask-pii",
            ));
        }
        if self.input.max_file_mib == 0 {
            return Err(Error::config("[input] max_file_mib must be at least 1"));
        }
        self.dedupe.validate()?;
        Ok(())
    }

    /// The configured source for `path`, if any.
    pub fn source_for(&self, path: &Path) -> Option<&SourceConfig> {
        self.sources.iter().find(|s| s.path == path)
    }
}
