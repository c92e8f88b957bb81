//! Target CRM import files: each `--target`'s accounts and contacts in `OUT/import/<target>/`, in its documented format.
//!
//! A target is data ([`profile`], `schemas/targets/<target>.toml`): per object its file and,
//! per column, the target's field name, the canonical field (or pseudo-field) it carries, its
//! length limit, whether it is required and what fills it when empty. [`render`] turns the
//! run's accounts and contacts into rows (every cut, omission and fallback a finding),
//! [`split`] keeps each file within the target's row and size limits, [`readme`] says how to
//! load the folder.

mod delta;
pub mod profile;
mod readme;
mod render;
mod split;

pub use profile::{Object, PSEUDO_FIELDS, Profile, is_known_field};
pub use render::{Change, Notes, Rendered, Rows, Sources, date_in, header, render, render_rows};

use crate::accounts::AccountBook;
use crate::config::Target;
use crate::error::Result;
use crate::finding::Finding;
use crate::locale::LocaleData;
use crate::outdir::Staging;
use crate::survive::Golden;
use std::collections::BTreeMap;

/// One target's import, rendered once for its findings; the files are rendered again, row by
/// row, as they are written (a million contacts are never held as rows).
#[derive(Clone, Debug)]
pub struct ImportSet {
    pub profile: Profile,
    /// What had to change (its findings are already the run's).
    pub changes: Vec<Change>,
    /// The English names of the countries the accounts and contacts have, by ISO code.
    pub country_names: BTreeMap<String, String>,
}

/// Reads each target's profile and renders the run for it; returns the sets and their
/// findings (in target order).
pub fn prepare(
    targets: &[Target],
    locale: &LocaleData,
    src: &Sources<'_>,
) -> Result<(Vec<ImportSet>, Vec<Finding>)> {
    let mut countries: BTreeMap<String, String> = BTreeMap::new();
    let values = src
        .golden
        .iter()
        .map(|g| &g.values)
        .chain(src.book.accounts.iter().map(|a| &a.values));
    for v in values {
        let code = v.get(crate::record::Field::Country);
        if !code.is_empty() && !countries.contains_key(code) {
            countries.insert(code.to_string(), (src.country_name)(code));
        }
    }
    let mut sets = Vec::with_capacity(targets.len());
    let mut findings = Vec::new();
    for target in targets {
        let profile = Profile::from_locale(locale, target.as_str())?;
        let mut notes = Notes::default();
        for object in [Object::Account, Object::Contact] {
            render_rows(&profile, object, src, &mut notes, &mut |_| Ok(()))?;
        }
        findings.append(&mut notes.findings);
        sets.push(ImportSet {
            profile,
            changes: notes.changes,
            country_names: countries.clone(),
        });
    }
    Ok((sets, findings))
}

/// The folder of a target's files inside the output set.
pub fn folder(profile: &Profile) -> String {
    format!("import/{}", profile.name)
}

/// The earlier run a target's delta is taken against: its output folder and what changed.
#[derive(Clone, Copy)]
pub struct Previous<'a> {
    pub dir: &'a std::path::Path,
    pub changes: &'a [crate::previous::Change],
}

/// Writes one target's files and `README.txt` into the staging folder; with a previous run,
/// also its `delta/` ([`delta`]).
pub fn write(
    set: &ImportSet,
    golden: &[Golden],
    book: &AccountBook,
    staging: &Staging,
    previous: Option<Previous<'_>>,
) -> Result<()> {
    let country_name = |code: &str| set.country_names.get(code).cloned().unwrap_or_default();
    let src = Sources {
        golden,
        book,
        country_name: &country_name,
        place: &|_| (String::new(), 0),
    };
    let folder = folder(&set.profile);
    let delta_folder = format!("{folder}/delta");
    let mut written = Vec::new();
    let mut delta_written = Vec::new();
    let mut previous_accounts: delta::PreviousRows = None;
    let mut whole = false;
    for object in [Object::Account, Object::Contact] {
        let file = &set.profile.object(object).file;
        let header = header(&set.profile, object);
        let mut w = split::SplitWriter::new(staging, &folder, file, &set.profile, &header)?;
        let old =
            previous.map(|p| delta::previous_rows(p.dir, &folder, &set.profile, object, &header));
        whole |= matches!(old, Some(None));
        let id = delta::id_column(&set.profile, object);
        let mut dw = match old {
            Some(_) => Some(split::SplitWriter::new(
                staging,
                &delta_folder,
                file,
                &set.profile,
                &header,
            )?),
            None => None,
        };
        let old = old.flatten();
        let mut notes = Notes::default();
        render_rows(&set.profile, object, &src, &mut notes, &mut |row| {
            let bytes = split::record_bytes(&set.profile, row)?;
            if let Some(dw) = &mut dw
                && delta::changed(&old, id, row)
            {
                dw.row(&bytes)?;
            }
            w.row(&bytes)
        })?;
        written.push(w.finish()?);
        if let Some(dw) = dw {
            delta_written.push(dw.finish()?);
        }
        if object == Object::Account {
            previous_accounts = old;
        }
    }
    if let Some(p) = previous {
        delta::write_list(
            staging,
            &delta_folder,
            "merges.csv",
            ["object", "surviving_id", "merged_id"],
            &delta::merges(p.changes),
        )?;
        delta::write_list(
            staging,
            &delta_folder,
            "deletes.csv",
            ["object", "id", "reason"],
            &delta::deletes(p.changes, &previous_accounts, &book.accounts),
        )?;
    }
    let files = readme::Written {
        accounts: &written[0].0,
        account_rows: written[0].1,
        contacts: &written[1].0,
        contact_rows: written[1].1,
    };
    let mut text = readme::text(&set.profile, &files, &set.changes);
    if let [accounts, contacts] = &delta_written[..] {
        text.push_str(&delta::readme(accounts, contacts, whole));
    }
    let mut w = staging.create_in(&folder, "README.txt")?;
    std::io::Write::write_all(&mut w, text.as_bytes())?;
    std::io::Write::flush(&mut w)?;
    Ok(())
}

#[cfg(test)]
mod tests;
