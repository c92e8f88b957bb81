//! `steward init`: sniffs the inputs and proposes a `steward.toml` the user can correct.

use crate::config::{Config, Format, SourceConfig};
use crate::context::sniff_default_country;
use crate::error::Result;
use crate::ingest;
use crate::locale::LocaleData;
use crate::map::HeaderRules;
use crate::normalize::{NormalizeOptions, Normalizer};
use crate::profile::Profiler;

/// Reads every input once and writes down what was sniffed: format, encoding, delimiter,
/// header row, default country and the column mapping of each source.
pub fn sniff_config(base: &Config) -> Result<Config> {
    let locale = LocaleData::with_overrides(base.schemas_dir.as_deref())?;
    let rules = HeaderRules::from_locale(&locale)?;
    let normalizer = Normalizer::new(&locale, &NormalizeOptions::default())?;
    let profiler = Profiler::new(&locale, &normalizer, &rules)?;
    let mut config = Config {
        sources: Vec::new(),
        ..base.clone()
    };
    for sc in &base.sources {
        for file in ingest::discover(std::slice::from_ref(&sc.path))? {
            let source = SourceConfig {
                path: file,
                ..sc.clone()
            };
            for table in ingest::read_source(&source)? {
                let (mapping, _) = profiler.map_columns(&table, &source.columns);
                let country = match &source.country {
                    Some(c) => Some(c.clone()),
                    None => sniff_default_country(&table, &mapping, &normalizer)
                        .map(|s| s.country.to_string()),
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
                    name_order: source.name_order,
                    columns: mapping
                        .columns
                        .iter()
                        .map(|c| (c.header.clone(), c.target.name().to_string()))
                        .collect(),
                    priority: source.priority,
                });
            }
        }
    }
    Ok(config)
}
