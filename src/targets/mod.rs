//! Target CRM import files: each `--target`'s accounts and contacts in `OUT/import/<target>/`, in its documented format.
//!
//! A target is data ([`profile`], `schemas/targets/<target>.toml`): per object its file and,
//! per column, the target's field name, the canonical field (or pseudo-field) it carries, its
//! length limit, whether it is required and what fills it when empty. [`render`] turns the
//! run's accounts and contacts into rows (every cut, omission and fallback a finding),
//! [`split`] keeps each file within the target's row and size limits, [`readme`] says how to
//! load the folder.

pub mod profile;
mod readme;
mod render;
mod split;

pub use profile::{Object, PSEUDO_FIELDS, Profile, is_known_field};
pub use render::{Change, Rendered, Rows, Sources, date_in, render};

use crate::config::Target;
use crate::error::Result;
use crate::finding::Finding;
use crate::locale::LocaleData;
use crate::outdir::Staging;

/// One target's rendered import.
#[derive(Clone, Debug)]
pub struct ImportSet {
    pub profile: Profile,
    pub rendered: Rendered,
}

/// Reads each target's profile and renders the run for it; returns the sets and their
/// findings (in target order).
pub fn prepare(
    targets: &[Target],
    locale: &LocaleData,
    src: &Sources<'_>,
) -> Result<(Vec<ImportSet>, Vec<Finding>)> {
    let mut sets = Vec::with_capacity(targets.len());
    let mut findings = Vec::new();
    for target in targets {
        let profile = Profile::from_locale(locale, target.as_str())?;
        let mut rendered = render(&profile, src);
        findings.append(&mut rendered.findings);
        sets.push(ImportSet { profile, rendered });
    }
    Ok((sets, findings))
}

/// The folder of a target's files inside the output set.
pub fn folder(profile: &Profile) -> String {
    format!("import/{}", profile.name)
}

/// Writes one target's files and `README.txt` into the staging folder.
pub fn write(set: &ImportSet, staging: &Staging) -> Result<()> {
    let folder = folder(&set.profile);
    let mut names = Vec::new();
    for (rows, file) in [
        (&set.rendered.accounts, &set.profile.account.file),
        (&set.rendered.contacts, &set.profile.contact.file),
    ] {
        let ranges = split::boundaries(&set.profile, rows)?;
        let files = split::file_names(file, ranges.len());
        for (name, range) in files.iter().zip(ranges) {
            let mut w = staging.create_in(&folder, name)?;
            split::write_file(&mut w, &set.profile, rows, range)
                .map_err(|e| e.at_path(&staging.dir().join(&folder).join(name)))?;
        }
        names.push(files);
    }
    let written = readme::Written {
        accounts: &names[0],
        account_rows: set.rendered.accounts.rows.len(),
        contacts: &names[1],
        contact_rows: set.rendered.contacts.rows.len(),
    };
    let text = readme::text(&set.profile, &written, &set.rendered.changes);
    let mut w = staging.create_in(&folder, "README.txt")?;
    std::io::Write::write_all(&mut w, text.as_bytes())?;
    std::io::Write::flush(&mut w)?;
    Ok(())
}

#[cfg(test)]
mod tests;
