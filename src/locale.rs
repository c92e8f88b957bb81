//! Locale knowledge as data: the `schemas/` files compiled into the binary, overridable from a directory.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// The built-in schema files, by file name.
const BUILT_IN: &[(&str, &str)] = &[
    ("headers.toml", include_str!("../schemas/headers.toml")),
    ("countries.toml", include_str!("../schemas/countries.toml")),
    ("phone.toml", include_str!("../schemas/phone.toml")),
    ("email.toml", include_str!("../schemas/email.toml")),
    ("names.toml", include_str!("../schemas/names.toml")),
    ("address.toml", include_str!("../schemas/address.toml")),
    ("dates.toml", include_str!("../schemas/dates.toml")),
    ("profile.toml", include_str!("../schemas/profile.toml")),
    ("consent.toml", include_str!("../schemas/consent.toml")),
    (
        "organizations.toml",
        include_str!("../schemas/organizations.toml"),
    ),
    (
        "targets/salesforce.toml",
        include_str!("../schemas/targets/salesforce.toml"),
    ),
    (
        "targets/hubspot.toml",
        include_str!("../schemas/targets/hubspot.toml"),
    ),
    (
        "targets/dynamics.toml",
        include_str!("../schemas/targets/dynamics.toml"),
    ),
    (
        "targets/zoho.toml",
        include_str!("../schemas/targets/zoho.toml"),
    ),
];

/// The text of every schema file, built-in unless overridden.
#[derive(Clone, Debug)]
pub struct LocaleData {
    files: BTreeMap<String, String>,
}

impl Default for LocaleData {
    fn default() -> Self {
        LocaleData {
            files: BUILT_IN
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string()))
                .collect(),
        }
    }
}

impl LocaleData {
    /// Built-in files, with any same-named `*.toml` in `dir` replacing them (a file of a
    /// subfolder, `targets/salesforce.toml`, by the same path below `dir`).
    pub fn with_overrides(dir: Option<&Path>) -> Result<LocaleData> {
        let mut data = LocaleData::default();
        let Some(dir) = dir else { return Ok(data) };
        let entries = std::fs::read_dir(dir)
            .map_err(|e| Error::config(format!("cannot read schemas_dir: {e}")).at_path(dir))?;
        for entry in entries {
            let path = entry?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if data.files.contains_key(name) {
                let text = std::fs::read_to_string(&path)?;
                data.files.insert(name.to_string(), text);
            }
        }
        let nested: Vec<String> = data
            .files
            .keys()
            .filter(|name| name.contains('/'))
            .cloned()
            .collect();
        for name in nested {
            let path = dir.join(&name);
            if path.is_file() {
                let text = std::fs::read_to_string(&path)?;
                data.files.insert(name, text);
            }
        }
        Ok(data)
    }

    /// Replaces one file's text (used by tests and by config overrides).
    pub fn set(&mut self, name: &str, text: impl Into<String>) {
        self.files.insert(name.to_string(), text.into());
    }

    /// The text of schema file `name`.
    pub fn text(&self, name: &str) -> Result<&str> {
        self.files
            .get(name)
            .map(String::as_str)
            .ok_or_else(|| Error::schema(format!("no schema file named {name}")))
    }

    /// Parses schema file `name` into `T`, naming the file in any error.
    pub fn parse<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<T> {
        toml::from_str(self.text(name)?).map_err(|e| Error::schema(format!("{name}: {e}")))
    }

    /// A digest of every schema file, for `run.json`.
    pub fn digest(&self) -> String {
        let mut all = Vec::new();
        for (name, text) in &self.files {
            all.extend_from_slice(name.as_bytes());
            all.push(0);
            all.extend_from_slice(text.as_bytes());
            all.push(0);
        }
        crate::checksum::sha256_hex(&all)
    }
}
