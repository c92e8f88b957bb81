//! Configured columns the file does not have: each is a warning finding naming the file and the column, never silence.

use crate::finding::{Finding, Severity};
use crate::map::fold;
use std::collections::BTreeMap;

/// Code of the finding for a `[source.columns]` header that is not in the file.
pub const COLUMN_NOT_FOUND: &str = "column.not_found";

/// A warning finding (row 0, `field` = the configured header) for every header of
/// `configured` that matches none of `headers`, compared as the mapping compares them
/// (exactly, or folded: case, accents and punctuation aside).
pub fn missing_columns(
    source: &str,
    headers: &[String],
    configured: &BTreeMap<String, String>,
) -> Vec<Finding> {
    let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
    configured
        .iter()
        .filter(|(header, _)| !headers.contains(header) && !folded.contains(&fold(header)))
        .map(|(header, target)| {
            let message = format!(
                "[source.columns] maps column {header:?} to {target}, but the file has no such \
                 column; nothing is read for it (run.json lists the file's columns)"
            );
            Finding::new(source, 0, COLUMN_NOT_FOUND, Severity::Warning, message)
                .with_field(header.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configured_header_the_file_lacks_is_a_warning_naming_it() {
        let headers = vec!["Name".to_string(), "E-mail".to_string()];
        let mut configured = BTreeMap::new();
        configured.insert("e-mail".to_string(), "email".to_string());
        configured.insert("Phone".to_string(), "phone".to_string());
        let found = missing_columns("a.csv", &headers, &configured);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, COLUMN_NOT_FOUND);
        assert_eq!(found[0].field, "Phone");
        assert_eq!(found[0].source, "a.csv");
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            found[0].message.contains("\"Phone\""),
            "{}",
            found[0].message
        );
    }
}
