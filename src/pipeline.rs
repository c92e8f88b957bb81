//! The pipeline: runs the stages in order (read, map, normalise, validate, dedupe, survive, write) and nothing else.

use crate::assemble::assemble;
use crate::cancel;
use crate::config::{Config, SourceConfig};
use crate::context::sniff_default_country;
use crate::dedupe::{self, DedupeResult};
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::ingest::{self, SourceTable};
use crate::locale::LocaleData;
use crate::map::{HeaderRules, Mapping};
use crate::normalize::{Normalizer, RowContext};
use crate::outdir::{OutputDir, refuse_overlap};
use crate::output::{self, RunOutputs};
use crate::profile::Profiler;
use crate::progress::Progress;
use crate::raw_store::RawStore;
use crate::record::{Country, Record};
use crate::reuse::rows::{self as kept_rows, RowWork, SavedRows};
use crate::stage_clock::{StageClock, StageStat};
use crate::suppress::{self, SuppressionCounts, SuppressionList};
use crate::survive::{self, Golden};
use crate::validate;
use rayon::prelude::*;
use std::path::Path;

/// One source table as the run saw it: how it was read and mapped.
#[derive(Clone, Debug)]
pub struct SourceInfo {
    pub table: SourceTable,
    pub mapping: Mapping,
    pub default_country: Option<Country>,
    /// Whether `default_country` was sniffed from the rows rather than configured.
    pub default_country_sniffed: bool,
    pub priority: i32,
    pub name_order: crate::config::NameOrder,
    /// Day/month order proven by the source's own date cells.
    pub date_order: Option<crate::normalize::date::FieldOrder>,
}

/// Everything the stages produced, handed to the writers.
pub struct RunData {
    /// Source tables with their rows dropped after assembly (kept: metadata).
    pub sources: Vec<SourceInfo>,
    pub records: Vec<Record>,
    pub source_keys: Vec<String>,
    pub eligible: Vec<bool>,
    /// Records removed by the suppression list (blanked, still in `xref.csv`).
    pub suppressed: Vec<bool>,
    /// What the suppression list did, when one was given.
    pub suppression: Option<SuppressionCounts>,
    pub findings: Vec<Finding>,
    /// Field quality as read, measured before the raw values left memory.
    pub as_read: validate::AsRead,
    /// The records' values as read ([`RunData::raw`]).
    pub raw_store: RawStore,
    pub dedupe: DedupeResult,
    pub golden: Vec<Golden>,
    /// The pass-through columns of `golden.csv`, in order (each golden's `extra`).
    pub golden_columns: Vec<String>,
    /// The steward decisions this run honoured (written to the output set as
    /// `decisions.csv`, and carried over by a later run's `--previous`).
    pub decisions: Option<dedupe::Decisions>,
    /// What changed since the earlier run (`--previous`), when one was given.
    pub changes: Option<Vec<crate::previous::Change>>,
    /// The organisations as accounts, and each customer's role (contact or account).
    pub accounts: crate::accounts::AccountBook,
    /// Each `--target`'s rendered import files, in target order.
    pub imports: Vec<crate::targets::ImportSet>,
    /// Each record's content key and issues (kept as `state/rows.bin` for the next run).
    pub row_work: RowWork,
    /// What the compared pairs kept as `state/pairs.bin` are tied to.
    pub pairs_compat: [u8; 32],
    /// What the kept model is tied to ([`crate::reuse::model::compat`]).
    pub model_compat: [u8; 32],
    /// What this run took from the earlier run's kept state.
    pub reuse: crate::reuse::ReuseReport,
    /// Wall time of each step of survive in milliseconds, in order (`run.json` `survive_ms`).
    pub survive_ms: Vec<(&'static str, u128)>,
    /// Wall time and peak memory per stage, in order.
    pub timings: Vec<StageStat>,
    pub locale_digest: String,
}

impl RunData {
    /// Record `i`'s values as read (from the spill file once validation has measured them).
    pub fn raw(&self, i: usize) -> crate::record::Values {
        match self.records.get(i) {
            Some(rec) => self.raw_store.get(i, rec),
            None => crate::record::Values::default(),
        }
    }
}

/// Counts reported back to the caller.
#[derive(Clone, Debug, PartialEq)]
pub struct RunSummary {
    pub sources: usize,
    pub rows: usize,
    pub quarantined: usize,
    pub suppressed: usize,
    /// The suppression list's entries read, matched and unmatched, when one was given.
    pub suppression: Option<SuppressionCounts>,
    /// Steward decisions read, unresolved and conflicting, when a decisions file was given.
    pub decisions: Option<dedupe::DecisionCounts>,
    pub customers: usize,
    pub merged_rows: usize,
    pub review_pairs: usize,
    pub findings: usize,
    /// Warnings about the inputs and the config (a configured column not in its file, a file
    /// given twice, an output folder skipped), also in `findings`.
    pub warnings: Vec<Finding>,
}

/// One run of Steward as a value: a checked configuration, with the earlier run it builds on
/// when it has one ([`Pipeline::with_previous`]). Runs share nothing process-wide (locale
/// tables, nicknames and stop requests belong to the run and its [`Progress`]), so several
/// may run at once in one process.
#[derive(Clone, Debug)]
pub struct Pipeline {
    config: Config,
}

impl Pipeline {
    /// A run of `config`, checked ([`Config::validate`]).
    pub fn new(config: Config) -> Result<Pipeline> {
        config.validate()?;
        Ok(Pipeline { config })
    }

    /// The same run, building on the output set in `previous` (`--previous`).
    pub fn with_previous(mut self, previous: impl Into<std::path::PathBuf>) -> Pipeline {
        self.config.previous = Some(previous.into());
        self
    }

    /// The configuration the run uses.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Runs every stage except writing, and returns what they produced.
    pub fn process(&self, progress: &dyn Progress) -> Result<RunData> {
        process(&self.config, progress)
    }

    /// Runs every stage and writes the output set into `out_dir` ([`run`]).
    pub fn run(&self, out_dir: &Path, progress: &dyn Progress) -> Result<RunSummary> {
        run(&self.config, out_dir, progress)
    }
}

/// Runs every stage on the configured sources and writes the outputs into `out_dir`. The
/// output folder is checked (not an input, not inside one, holding none) and locked before
/// anything is read.
pub fn run(config: &Config, out_dir: &Path, progress: &dyn Progress) -> Result<RunSummary> {
    let out = open_output_dir(config, out_dir)?;
    let data = process(config, progress)?;
    progress.start("write", None);
    let summary = output::write_all(
        &RunOutputs {
            config,
            data: &data,
        },
        out,
        progress,
    )?;
    progress.finish();
    Ok(summary)
}

/// Refuses an output folder that overlaps an input, then opens and locks it.
pub fn open_output_dir(config: &Config, out_dir: &Path) -> Result<OutputDir> {
    refuse_overlap(out_dir, config.sources.iter().map(|s| s.path.as_path()))?;
    OutputDir::open(out_dir)
}

/// Runs every stage except writing.
pub fn process(config: &Config, progress: &dyn Progress) -> Result<RunData> {
    let mut clock = StageClock::new();
    // Setup (schemas, normalisers, the earlier run) and reading the files need nothing of
    // each other, so they run side by side, each timed on its own; a setup error is
    // reported before a read error, as when they ran one after the other. The column
    // profiler (built on the setup's tables) is timed with mapping, which it serves.
    let (setup, read) = rayon::join(
        || StageClock::time(|| Setup::load(config)),
        || StageClock::time(|| read_sources(config, progress)),
    );
    let ((setup, setup_ms), (read, read_ms)) = (setup, read);
    clock.side_by_side(("setup", setup_ms), ("read", read_ms));
    let Setup {
        locale,
        locale_digest,
        saved_rows,
        saved_pairs,
        saved_model,
        row_compat,
        normalizer,
        nicknames,
        previous,
        header_rules,
    } = setup?;
    let profiler = Profiler::new(&locale, &normalizer, &header_rules)?;
    let (tables, skipped) = read?;
    cancel::check(progress)?;
    let mut lap = |name: &'static str| {
        clock.lap(name);
        cancel::check(progress)
    };

    let (sources, mut records, source_keys, mut findings) =
        map_sources(tables, &profiler, &normalizer)?;
    findings.extend(skipped);
    lap("map")?;

    let (saved, rows_not_used) = match saved_rows {
        Some(Ok(saved)) => (Some(saved), String::new()),
        Some(Err(why)) => (None, why),
        None => (None, String::new()),
    };
    let row_work = normalize_records(
        &normalizer,
        &sources,
        &mut records,
        saved.as_ref(),
        row_compat,
        &mut findings,
        progress,
    )?;
    drop(saved);
    let mut reuse = crate::reuse::ReuseReport {
        rows_reused: row_work.reused,
        rows_normalized: records.len() - row_work.reused,
        rows_not_used,
        ..Default::default()
    };
    lap("normalize")?;

    let eligible: Vec<bool> = records.iter().map(validate::is_eligible).collect();
    for (rec, ok) in records.iter().zip(&eligible) {
        if !ok {
            findings.push(validate::quarantine_finding(
                &sources[rec.source as usize].table.name,
                rec,
            ));
        }
    }
    let as_read = validate::AsRead::measure(&records);
    let raw_store = RawStore::spill(&mut records);
    lap("validate")?;

    let source_names: Vec<String> = sources.iter().map(|s| s.table.name.clone()).collect();
    let passthrough: Vec<Vec<String>> = sources
        .iter()
        .map(|s| s.mapping.passthrough_headers())
        .collect();
    let decisions = steward_decisions(config)?;
    let settings = with_found_identifiers(&config.dedupe, &sources);
    let comparison_names: Vec<&str> =
        dedupe::compare::Comparison::all(&settings.identifier_columns)
            .iter()
            .map(|c| c.name)
            .collect();
    let pairs_compat = crate::reuse::pairs::compat(&row_compat, &comparison_names);
    let kept_pairs = match saved_pairs.map(|p| p.and_then(|p| p.under(&pairs_compat))) {
        Some(Ok(kept)) if row_work.reused > 0 => Some(kept),
        Some(Ok(_)) => {
            reuse.pairs_not_used = "no row is unchanged since the earlier run".into();
            None
        }
        Some(Err(why)) => {
            reuse.pairs_not_used = why;
            None
        }
        None => None,
    };
    let model_compat = crate::reuse::model::compat(&pairs_compat, &settings);
    let earlier_model = match saved_model.map(|m| m.and_then(|m| m.under(&model_compat))) {
        Some(Ok(_)) if !settings.reuse_model => {
            reuse.model_not_used =
                "training again was asked for (--retrain, or [dedupe] reuse_model = false)".into();
            None
        }
        Some(Ok(learnt)) => Some(learnt),
        Some(Err(why)) => {
            reuse.model_not_used = why;
            None
        }
        None => None,
    };
    let input = dedupe::DedupeInput {
        source_names: &source_names,
        passthrough_headers: &passthrough,
        source_keys: &source_keys,
        decisions: decisions.as_ref(),
        nicknames: &nicknames,
        kept: kept_pairs.as_ref().map(|comparisons| dedupe::kept::Kept {
            comparisons,
            previous_index: &row_work.previous_index,
        }),
        log_comparisons: !config.output.mask_pii,
        earlier_model: earlier_model.as_ref(),
    };
    progress.start("dedupe", Some(records.len() as u64));
    let mut dedupe = dedupe::run(&records, &eligible, &settings, &input, progress)?;
    progress.finish();
    drop(kept_pairs);
    reuse.pairs_reused = dedupe.compared.reused;
    reuse.pairs_compared = dedupe.pairs_compared - dedupe.compared.reused;
    reuse.model_reused = dedupe.model_reuse.reused;
    reuse.model_shift = dedupe
        .model_reuse
        .shift
        .as_ref()
        .map(crate::reuse::ModelShift::new);
    if !dedupe.model_reuse.why_not.is_empty() {
        reuse.model_not_used = dedupe.model_reuse.why_not.clone();
    }
    findings.append(&mut dedupe.findings);
    lap("dedupe")?;

    let mut survive_steps = crate::stage_clock::StepClock::default();
    let (suppressed, suppression) =
        apply_suppression(config, &mut records, &sources, &mut dedupe, &mut findings)?;
    survive_steps.lap("suppression");
    let priorities: Vec<i32> = sources.iter().map(|s| s.priority).collect();
    let knowledge = survive::Knowledge::from_locale(&locale)?;
    let columns = survive::PassColumns::new(&passthrough, Some(&knowledge.consent));
    let suspects = survive::flagged_emails(&records, &source_names, &findings);
    let inputs = survive::Inputs {
        passthrough: Some(&columns),
        suspect_emails: Some(&suspects),
        knowledge: Some(&knowledge),
        ..survive::Inputs::new(&records, &source_names, &source_keys, &priorities)
    };
    let mut golden = survive::build(
        &inputs,
        &dedupe.clusters,
        &dedupe.pinned,
        &config.survivorship,
        progress,
    )?;
    survive_steps.lap("golden");
    let golden_columns = columns.names;
    let place = |i: usize| {
        records.get(i).map_or((String::new(), 0), |r| {
            (
                source_names
                    .get(r.source as usize)
                    .cloned()
                    .unwrap_or_default(),
                r.row,
            )
        })
    };
    let changes = previous.map(|p| {
        let member_key = |i: usize| {
            let source = records
                .get(i)
                .and_then(|r| source_names.get(r.source as usize));
            (
                source.map_or("", String::as_str),
                source_keys.get(i).map_or("", String::as_str),
            )
        };
        p.carry_ids(&mut golden, &dedupe.pinned, &member_key, &golden_columns)
    });
    survive_steps.lap("previous");
    if let Some(d) = &decisions {
        let chosen = survive::chosen::apply(&mut golden, d, &records, &golden_columns, &place);
        if let Some(counts) = &mut dedupe.decisions {
            counts.unresolved += chosen
                .iter()
                .filter(|f| f.code == "dedupe.decision_unresolved")
                .count();
        }
        findings.extend(chosen);
    }
    survive_steps.lap("decisions");
    let golden_place = |g: usize| {
        golden
            .get(g)
            .and_then(|c| c.members.first())
            .map_or((String::new(), 0), |&m| place(m))
    };
    let (accounts, imports) = accounts_and_imports(
        config,
        &locale,
        &normalizer,
        &golden,
        &golden_place,
        &mut findings,
    )?;
    survive_steps.lap("accounts");
    lap("survive")?;

    Ok(RunData {
        sources,
        records,
        source_keys,
        eligible,
        suppressed,
        suppression,
        findings,
        as_read,
        raw_store,
        dedupe,
        golden,
        golden_columns,
        changes,
        decisions,
        accounts,
        imports,
        row_work,
        pairs_compat,
        model_compat,
        reuse,
        timings: clock.into_stats(),
        survive_ms: survive_steps.done,
        locale_digest,
    })
}

/// The accounts beside the golden contacts, and each configured target's import rendered
/// from them; their findings join `findings`.
fn accounts_and_imports(
    config: &Config,
    locale: &LocaleData,
    normalizer: &Normalizer,
    golden: &[Golden],
    place: &dyn Fn(usize) -> (String, u64),
    findings: &mut Vec<Finding>,
) -> Result<(crate::accounts::AccountBook, Vec<crate::targets::ImportSet>)> {
    let orgs = crate::normalize::org::OrgNormalizer::from_locale(locale)?;
    let org_key = |name: &str, country: Option<Country>| orgs.key_for(name, country);
    let (book, found) = crate::accounts::build(golden, &org_key, place);
    findings.extend(found);
    let country_name = |code: &str| {
        Country::new(code).map_or_else(String::new, |c| normalizer.countries().name(c).to_string())
    };
    let sources = crate::targets::Sources {
        golden,
        book: &book,
        country_name: &country_name,
        place,
    };
    let (imports, found) = crate::targets::prepare(&config.output.targets(), locale, &sources)?;
    findings.extend(found);
    Ok((book, imports))
}

/// What every run loads before its first row: the schema data, the normalisers and
/// nickname table built from it, the header rules, and the earlier run (`--previous`).
struct Setup {
    locale: LocaleData,
    /// The schema tables' digest ([`LocaleData::digest`]).
    locale_digest: String,
    /// The earlier run's normalised rows, or why they cannot be used (`--previous` only).
    saved_rows: Option<std::result::Result<SavedRows, String>>,
    /// The earlier run's compared pairs, or why they cannot be used (`--previous` only).
    saved_pairs: Option<std::result::Result<crate::reuse::pairs::SavedPairs, String>>,
    saved_model: Option<std::result::Result<crate::reuse::model::SavedModel, String>>,
    /// What this run's kept rows are tied to ([`crate::reuse::normalize_compat`]).
    row_compat: [u8; 32],
    normalizer: Normalizer,
    nicknames: dedupe::Nicknames,
    previous: Option<crate::previous::PreviousRun>,
    header_rules: HeaderRules,
}

impl Setup {
    fn load(config: &Config) -> Result<Setup> {
        let locale = LocaleData::with_overrides(config.schemas_dir.as_deref())?;
        let normalizer = Normalizer::new(&locale, &config.normalize)?;
        let nicknames = dedupe::Nicknames::from_locale(&locale)?;

        let header_rules = HeaderRules::from_locale(&locale)?;
        let locale_digest = locale.digest();
        let row_compat = crate::reuse::normalize_compat(&locale_digest, &config.normalize);
        // The earlier run's customers and its kept rows are separate files: read side by side.
        let (previous, saved_rows, saved_pairs, saved_model) = match &config.previous {
            Some(dir) => {
                let (previous, (rows, (pairs, model))) = rayon::join(
                    || crate::previous::PreviousRun::load(dir),
                    || {
                        rayon::join(
                            || SavedRows::load(dir, &row_compat),
                            || {
                                rayon::join(
                                    || crate::reuse::pairs::load(dir),
                                    || crate::reuse::model::load(dir),
                                )
                            },
                        )
                    },
                );
                (Some(previous?), Some(rows), Some(pairs), Some(model))
            }
            None => (None, None, None, None),
        };
        Ok(Setup {
            locale,
            locale_digest,
            saved_rows,
            saved_pairs,
            saved_model,
            row_compat,
            normalizer,
            nicknames,
            previous,
            header_rules,
        })
    }
}

/// The decisions to honour: the configured file's, then those the earlier run (`--previous`)
/// honoured and kept in its output set, each decision once. The configured file comes first,
/// so where two decisions contradict (two `assign`s of one row) the newer word stands.
fn steward_decisions(config: &Config) -> Result<Option<dedupe::Decisions>> {
    let given = match &config.decisions {
        Some(path) => Some(dedupe::read_decisions(path)?),
        None => None,
    };
    let carried = match &config.previous {
        Some(dir) if dir.join("decisions.csv").is_file() => {
            Some(dedupe::read_decisions(&dir.join("decisions.csv"))?)
        }
        _ => None,
    };
    Ok(match (given, carried) {
        (Some(mut d), Some(old)) => {
            let key = |e: &dedupe::StewardDecision| {
                (
                    e.kind,
                    e.left.clone(),
                    e.right.clone(),
                    e.customer_id.clone(),
                    e.field.clone(),
                    e.value.clone(),
                )
            };
            let seen: std::collections::BTreeSet<_> = d.entries.iter().map(key).collect();
            d.entries
                .extend(old.entries.into_iter().filter(|e| !seen.contains(&key(e))));
            Some(d)
        }
        (d, old) => d.or(old),
    })
}

/// Removes suppressed people from clusters, pairs and findings, and blanks their records;
/// returns which records were suppressed and what the list did.
fn apply_suppression(
    config: &Config,
    records: &mut [Record],
    sources: &[SourceInfo],
    dedupe: &mut DedupeResult,
    findings: &mut Vec<Finding>,
) -> Result<(Vec<bool>, Option<SuppressionCounts>)> {
    let Some(path) = &config.suppress else {
        return Ok((vec![false; records.len()], None));
    };
    let list = SuppressionList::load(path)?;
    let (hit, counts) = suppress::suppressed_records(&list, records, &dedupe.clusters);
    // Clusters and their pinned IDs go together; a cluster holding a suppressed person goes.
    let pinned = std::mem::take(&mut dedupe.pinned)
        .into_iter()
        .chain(std::iter::repeat(None));
    (dedupe.clusters, dedupe.pinned) = std::mem::take(&mut dedupe.clusters)
        .into_iter()
        .zip(pinned)
        .filter(|(c, _)| !c.iter().any(|&i| hit[i]))
        .unzip();
    dedupe.pairs.retain(|p| {
        let (a, b) = p.records();
        !hit[a] && !hit[b]
    });
    let gone: rustc_hash::FxHashSet<(&str, u64)> = records
        .iter()
        .zip(&hit)
        .filter(|(_, h)| **h)
        .map(|(r, _)| (sources[r.source as usize].table.name.as_str(), r.row))
        .collect();
    findings.retain(|f| !gone.contains(&(f.source.as_str(), f.row)));
    for (rec, h) in records.iter_mut().zip(&hit) {
        if *h {
            suppress::blank(rec);
        }
    }
    Ok((hit, Some(counts)))
}

/// Every table read, with the source configuration it was read under.
type ReadTables = Vec<(SourceConfig, SourceTable)>;

/// Expands the configured paths ([`crate::input_set`]) and reads every table; Steward output
/// folders among the paths and files given twice are skipped, each with a warning finding.
fn read_sources(config: &Config, progress: &dyn Progress) -> Result<(ReadTables, Vec<Finding>)> {
    let (configs, skipped) = crate::input_set::resolve(config)?;
    progress.start("read", Some(configs.len() as u64));
    // Files are read in parallel; results are taken in configured order, so the tables and
    // the first error reported do not depend on the thread count.
    let read: Vec<Result<Vec<SourceTable>>> = configs
        .par_iter()
        .map(|sc| {
            let tables = ingest::read_source_with(sc, config.input.max_file_bytes(), progress);
            progress.advance(1);
            tables
        })
        .collect();
    let mut out = Vec::new();
    for (sc, tables) in configs.into_iter().zip(read) {
        for table in tables? {
            out.push((sc.clone(), table));
        }
    }
    progress.finish();
    make_names_unique(&mut out);
    Ok((out, skipped))
}

/// Two files with the same name in different folders keep distinct source names.
fn make_names_unique(tables: &mut [(SourceConfig, SourceTable)]) {
    for i in 0..tables.len() {
        let clash = (0..tables.len()).any(|j| j != i && tables[j].1.name == tables[i].1.name);
        if clash {
            let t = &mut tables[i].1;
            t.name = t.path.display().to_string()
                + &t.name
                    .split_once('#')
                    .map(|(_, s)| format!("#{s}"))
                    .unwrap_or_default();
        }
    }
}

type Mapped = (Vec<SourceInfo>, Vec<Record>, Vec<String>, Vec<Finding>);

/// Maps each table's headers, decides its default country, and assembles the records; tables
/// are mapped in parallel and concatenated in order.
fn map_sources(
    tables: Vec<(SourceConfig, SourceTable)>,
    profiler: &Profiler,
    normalizer: &Normalizer,
) -> Result<Mapped> {
    let rows: usize = tables.iter().map(|(_, t)| t.rows.len()).sum();
    let mapped: Vec<Result<MappedTable>> = tables
        .into_par_iter()
        .enumerate()
        .map(|(id, (sc, table))| map_table(id as u32, sc, table, profiler, normalizer))
        .collect();
    let (mut sources, mut records, mut keys, mut findings) = (
        Vec::new(),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::new(),
    );
    for table in mapped {
        let mut table = table?;
        records.append(&mut table.records);
        keys.append(&mut table.source_keys);
        findings.append(&mut table.findings);
        sources.push(table.source);
    }
    Ok((sources, records, keys, findings))
}

/// The dedupe settings with the identifier columns the profiler found
/// ([`Mapping::identifiers`]) when the configuration names none.
fn with_found_identifiers(
    configured: &dedupe::DedupeSettings,
    sources: &[SourceInfo],
) -> dedupe::DedupeSettings {
    let mut settings = configured.clone();
    if settings.identifier_columns.is_empty() {
        for header in sources.iter().flat_map(|s| &s.mapping.identifiers) {
            let known = settings
                .identifier_columns
                .iter()
                .any(|c| c.trim().eq_ignore_ascii_case(header.trim()));
            if !known {
                settings.identifier_columns.push(header.clone());
            }
        }
    }
    settings
}

/// One table's share of [`Mapped`].
struct MappedTable {
    source: SourceInfo,
    records: Vec<Record>,
    source_keys: Vec<String>,
    findings: Vec<Finding>,
}

fn map_table(
    id: u32,
    sc: SourceConfig,
    mut table: SourceTable,
    profiler: &Profiler,
    normalizer: &Normalizer,
) -> Result<MappedTable> {
    let (mapping, mapped) = profiler.map_columns(&table, &sc.columns);
    let mut findings = std::mem::take(&mut table.findings);
    findings.extend(mapped);
    let default_country =
        match &sc.country {
            Some(text) => Some(normalizer.countries().parse(text).ok_or_else(|| {
                Error::config(format!("unknown country {text:?}")).at_path(&sc.path)
            })?),
            None => sniff_default_country(&table, &mapping, normalizer).map(|sniffed| {
                findings.push(Finding::new(
                    &table.name,
                    0,
                    "country.sniffed",
                    crate::finding::Severity::Info,
                    sniffed.describe(),
                ));
                sniffed.country
            }),
        };
    let mut assembled = assemble(id, &table, &mapping);
    let date_order = sc
        .date_order
        .field_order()
        .or_else(|| crate::normalize::source_order::date_order(normalizer, &assembled.records));
    // The raw cells now live in the records: free them before the tables are concatenated.
    table.rows = Vec::new();
    findings.append(&mut assembled.findings);
    Ok(MappedTable {
        source: SourceInfo {
            table,
            mapping,
            default_country,
            default_country_sniffed: sc.country.is_none(),
            priority: sc.priority,
            name_order: sc.name_order,
            date_order,
        },
        records: assembled.records,
        source_keys: assembled.source_keys,
        findings,
    })
}

/// Records normalised between two checks for a stop request (per thread).
const NORMALIZE_CHUNK: usize = 4096;

/// Normalises every record in parallel; findings come back in record order. A record whose
/// content key the earlier run's kept rows hold (`saved`) takes its values from there. A stop
/// request ends it after the chunks already started.
fn normalize_records(
    normalizer: &Normalizer,
    sources: &[SourceInfo],
    records: &mut [Record],
    saved: Option<&SavedRows>,
    compat: [u8; 32],
    findings: &mut Vec<Finding>,
    progress: &dyn Progress,
) -> Result<RowWork> {
    progress.start("normalize", Some(records.len() as u64));
    let contexts: Vec<(RowContext, Vec<u8>)> = sources
        .iter()
        .map(|src| {
            let ctx = RowContext {
                default_country: src.default_country,
                default_country_sniffed: src.default_country_sniffed,
                name_order: src.name_order,
                date_order: src.date_order,
            };
            (ctx, kept_rows::context_bytes(&ctx))
        })
        .collect();
    let done: Vec<NormalizedRow> = records
        .par_chunks_mut(NORMALIZE_CHUNK)
        .flat_map_iter(|chunk| {
            if progress.stop_requested() {
                return Vec::new();
            }
            let per: Vec<NormalizedRow> = chunk
                .iter_mut()
                .map(|rec| {
                    let (ctx, ctx_bytes) = &contexts[rec.source as usize];
                    let name = &sources[rec.source as usize].table.name;
                    let key = kept_rows::row_key(ctx_bytes, &rec.raw, &rec.extra);
                    if let Some((restored, issues)) =
                        saved.and_then(|s| s.restore(&key, name, rec.row))
                    {
                        rec.values = restored.values;
                        rec.keys = restored.keys;
                        rec.country = restored.country;
                        return NormalizedRow {
                            key,
                            issues: issues.to_vec(),
                            findings: restored.findings,
                            previous: Some(restored.record),
                        };
                    }
                    let mut issues = Vec::new();
                    normalizer.apply(rec, ctx, &mut issues);
                    NormalizedRow {
                        key,
                        issues: kept_rows::encode_issues(&issues),
                        findings: issues
                            .into_iter()
                            .map(|i| Finding::from_issue(name, rec.row, i))
                            .collect(),
                        previous: None,
                    }
                })
                .collect();
            progress.advance(chunk.len() as u64);
            per
        })
        .collect();
    cancel::check(progress)?;
    let mut work = RowWork::new(compat, records.len());
    for row in done {
        work.push(row.key, &row.issues, row.previous);
        findings.extend(row.findings);
    }
    progress.finish();
    Ok(work)
}

/// One record's share of [`normalize_records`].
struct NormalizedRow {
    key: kept_rows::RowKey,
    issues: Vec<u8>,
    findings: Vec<Finding>,
    /// The record's index in the earlier run, when its work came from there.
    previous: Option<u32>,
}

#[cfg(test)]
mod tests;
