//! `steward init`: sniffs the inputs and proposes a `steward.toml` the user can correct.
//!
//! [`sniff_config`] reads every input once; [`write_config`] writes the result as commented
//! TOML whose paths are relative to the folder the config will live in ([`paths`]), so
//! `steward run --config` reads the same files from any working directory.

mod paths;
mod text;

use crate::assemble::assemble;
use crate::config::{Config, DateOrder, Format, NameOrder, SourceConfig};
use crate::context::sniff_default_country;
use crate::error::Result;
use crate::finding::Finding;
use crate::ingest;
use crate::locale::LocaleData;
use crate::map::HeaderRules;
use crate::normalize::{NormalizeOptions, Normalizer, source_order};
use crate::profile::Profiler;
use std::path::Path;

pub use paths::relative_to;

/// Reads every input once and writes down what was sniffed: format, encoding, delimiter,
/// sheet, header row, default country, name order, date order and the column mapping of
/// each source (one source per file, per sheet of a workbook). Settings given on the
/// command line are kept as given. Also returns the warnings about the inputs (a file given
/// twice, a Steward output folder skipped).
pub fn sniff_config(base: &Config) -> Result<(Config, Vec<Finding>)> {
    let locale = LocaleData::with_overrides(base.schemas_dir.as_deref())?;
    let rules = HeaderRules::from_locale(&locale)?;
    let normalizer = Normalizer::new(&locale, &NormalizeOptions::default())?;
    let profiler = Profiler::new(&locale, &normalizer, &rules)?;
    let mut config = Config {
        sources: Vec::new(),
        ..base.clone()
    };
    let (files, warnings) = crate::input_set::resolve(base)?;
    for source in files {
        for table in ingest::read_source(&source)? {
            let (mapping, _) = profiler.map_columns(&table, &source.columns);
            let country = match &source.country {
                Some(c) => Some(c.clone()),
                None => sniff_default_country(&table, &mapping, &normalizer)
                    .map(|s| s.country.to_string()),
            };
            let records = assemble(0, &table, &mapping).records;
            let name_order = match source.name_order {
                NameOrder::Auto => {
                    let parsed = country
                        .as_deref()
                        .and_then(|c| normalizer.countries().parse(c));
                    source_order::name_order(&normalizer, &records, parsed)
                }
                given => given,
            };
            let date_order = match source.date_order {
                DateOrder::Auto => {
                    DateOrder::from_field_order(source_order::date_order(&normalizer, &records))
                }
                given => given,
            };
            config.sources.push(SourceConfig {
                path: source.path.clone(),
                format: table.format,
                encoding: table.encoding.clone(),
                delimiter: table.delimiter.map(|d| {
                    if d == b'\t' {
                        "\\t".to_string()
                    } else {
                        (d as char).to_string()
                    }
                }),
                sheet: table.name.split_once('#').map(|(_, s)| s.to_string()),
                // Parquet and Arrow files name their columns in their schema: no header row.
                header_row: (!matches!(table.format, Some(Format::Parquet | Format::Ipc)))
                    .then_some(table.header_row),
                country,
                name_order,
                date_order,
                columns: mapping
                    .columns
                    .iter()
                    .map(|c| (c.header.clone(), c.target.name().to_string()))
                    .collect(),
                priority: source.priority,
            });
        }
    }
    Ok((config, warnings))
}

/// The commented `steward.toml` for `config`, to be saved as `config_file`: the sources and
/// the paths of the side files, each path relative to the config's folder where the two
/// share a folder below the root. `None` is standard output, whose file is unknown: a path
/// given absolute stays absolute, and a relative one is written relative to the current
/// directory (where `init > steward.toml` saves it). The other sections are left to their
/// defaults.
pub fn write_config(config: &Config, config_file: Option<&Path>) -> Result<String> {
    let config_dir = match config_file.map(Path::parent) {
        Some(Some(dir)) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let written = |path: &Path| {
        if config_file.is_none() && path.is_absolute() {
            path.to_path_buf()
        } else {
            relative_to(path, config_dir)
        }
    };
    let mut relative = config.clone();
    for source in &mut relative.sources {
        source.path = written(&source.path);
    }
    for path in [
        &mut relative.schemas_dir,
        &mut relative.decisions,
        &mut relative.suppress,
    ]
    .into_iter()
    .flatten()
    {
        *path = written(path);
    }
    let name = config_file.map_or_else(|| "steward.toml".to_string(), |p| p.display().to_string());
    text::render(&relative, &name)
}

#[cfg(test)]
mod tests;
