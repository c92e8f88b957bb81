//! E-mail addresses: syntax, display names, several per cell, provider typos, role accounts.
//!
//! [`parse_emails`] reads a cell (the `parse` module says which syntax is accepted; Unicode
//! domains are kept in Unicode, never punycoded). [`EmailNormalizer::apply`] writes `email` and
//! `email_alt`, the matching key `email_local`, and findings: `email.invalid`,
//! `email.domain_typo` (rewritten only with `fix_email_typos`), `email.role_account`,
//! `email.too_many`.

mod parse;
mod typo;

pub use parse::{EmailToken, normalize_address, parse_emails};
pub use typo::TypoRules;

use super::{NormalizeOptions, RowContext};
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Field, MatchKey, Record};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

/// `schemas/email.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailFile {
    pub providers: Vec<String>,
    #[serde(default)]
    pub typos: HashMap<String, String>,
    #[serde(default)]
    pub tld_typos: HashMap<String, String>,
    pub rules: EmailRules,
}

/// The `[rules]` table of `schemas/email.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailRules {
    pub role_accounts: Vec<String>,
    #[serde(default)]
    pub household_words: Vec<String>,
    #[serde(default)]
    pub household_plural_prefixes: Vec<String>,
    #[serde(default)]
    pub placeholders: Vec<String>,
    pub dotless_domains: Vec<String>,
}

/// Normalises e-mail addresses; built once, shared across threads.
pub struct EmailNormalizer {
    typos: TypoRules,
    roles: HashSet<String>,
    household_words: Vec<String>,
    household_plural_prefixes: Vec<String>,
    dotless: HashSet<String>,
    placeholders: HashSet<String>,
    /// Mail providers' domains: an address there is a personal mailbox.
    providers: HashSet<String>,
    fix_typos: bool,
}

impl EmailNormalizer {
    /// Whether a local part is a household's shared mailbox: it holds a household word
    /// (`mitchellfamily`, `smith.family`), or it is a plural prefix, a name and an `s`
    /// (`thehalls`, `the.burkes`; not `theodoros`, whose `-os` is no plural).
    pub fn is_household_mailbox(&self, local: &str) -> bool {
        let letters: String = local
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        if self
            .household_words
            .iter()
            .any(|w| !w.is_empty() && letters.contains(w.as_str()))
        {
            return true;
        }
        self.household_plural_prefixes.iter().any(|prefix| {
            letters
                .strip_prefix(prefix.as_str())
                .and_then(|rest| rest.strip_suffix('s'))
                .is_some_and(|name| {
                    name.chars().count() >= 3
                        && !["u", "o", "i", "a"].iter().any(|v| name.ends_with(v))
                })
        })
    }

    /// Builds the normaliser from the schema data.
    pub fn from_locale(locale: &LocaleData, options: &NormalizeOptions) -> Result<EmailNormalizer> {
        let file: EmailFile = locale.parse("email.toml")?;
        let lower = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect();
        Ok(EmailNormalizer {
            typos: TypoRules::new(&file.providers, &file.typos, &file.tld_typos),
            roles: lower(&file.rules.role_accounts),
            household_words: file
                .rules
                .household_words
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            household_plural_prefixes: (file.rules.household_plural_prefixes.iter())
                .map(|s| s.to_lowercase())
                .collect(),
            dotless: lower(&file.rules.dotless_domains),
            placeholders: lower(&file.rules.placeholders),
            providers: lower(&file.providers),
            fix_typos: options.fix_email_typos,
        })
    }

    /// Normalises the record's e-mails in place.
    pub fn apply(&self, rec: &mut Record, _ctx: &RowContext, issues: &mut Vec<Issue>) {
        let mut found: Vec<String> = Vec::new();
        let mut unparsed: Vec<String> = Vec::new();
        for field in [Field::Email, Field::EmailAlt] {
            let raw = rec.raw.get(field);
            let (valid, invalid) = self.cell_addresses(raw, field, issues);
            for address in valid {
                if !found.contains(&address) {
                    found.push(address);
                }
            }
            for crude in invalid.iter().filter_map(|t| crude_form(t)) {
                if !unparsed.contains(&crude) {
                    unparsed.push(crude);
                }
            }
        }
        rec.keys.set(MatchKey::EmailUnparsed, unparsed.join(" "));
        let first = found.first().cloned().unwrap_or_default();
        rec.keys.set(MatchKey::EmailLocal, self.local_key(&first));
        let kinds: String = found
            .iter()
            .take(2)
            .map(|a| {
                let (local, domain) = a.rsplit_once('@').unwrap_or((a, ""));
                if self.roles.contains(untagged(local)) {
                    'r'
                } else if self.is_household_mailbox(untagged(local)) {
                    'h'
                } else if self.providers.contains(domain) {
                    'p'
                } else {
                    'w'
                }
            })
            .collect();
        rec.keys.set(MatchKey::EmailKinds, kinds);
        rec.values.set(Field::Email, first);
        rec.values
            .set(Field::EmailAlt, found.get(1).cloned().unwrap_or_default());
        if found.len() > 2 {
            let extra = found.get(2..).unwrap_or_default().join(", ");
            let msg = "more addresses than email and email_alt can hold";
            issues.push(
                Issue::info(
                    Field::EmailAlt,
                    "email.too_many",
                    rec.raw.get(Field::Email),
                    msg,
                )
                .with_suggestion(extra),
            );
        }
    }

    /// The valid addresses of one cell (typos fixed when asked) and the tokens that are no
    /// address, as written, each with a finding.
    pub fn cell_addresses(
        &self,
        raw: &str,
        field: Field,
        issues: &mut Vec<Issue>,
    ) -> (Vec<String>, Vec<String>) {
        let (mut out, mut invalid) = (Vec::new(), Vec::new());
        if self.placeholders.contains(&raw.trim().to_lowercase()) {
            return (out, invalid);
        }
        let tokens = parse_emails(raw);
        let count = tokens.len();
        for (n, token) in tokens.into_iter().enumerate() {
            match token {
                EmailToken::Valid(address) => out.push(self.check(address, field, raw, issues)),
                EmailToken::Invalid(token) => {
                    invalid.push(token);
                    let message = if count > 1 {
                        format!(
                            "address {} of the {count} in the cell is not a valid e-mail address",
                            n + 1
                        )
                    } else {
                        "not a valid e-mail address".to_string()
                    };
                    issues.push(Issue::warning(field, "email.invalid", raw, message));
                }
            }
        }
        (out, invalid)
    }

    /// Reports a domain typo (rewriting it when asked) and a role account.
    fn check(&self, address: String, field: Field, raw: &str, issues: &mut Vec<Issue>) -> String {
        let Some((local, domain)) = address.rsplit_once('@') else {
            return address;
        };
        let mut result = address.clone();
        if let Some(meant) = self.typos.suggest(domain) {
            let fixed = format!("{local}@{meant}");
            let issue = if self.fix_typos {
                let msg = format!("the domain looks like a typo of {meant}; rewritten");
                Issue::info(field, "email.domain_typo", raw, msg)
            } else {
                let msg = format!("the domain looks like a typo of {meant}");
                Issue::warning(field, "email.domain_typo", raw, msg)
            };
            issues.push(issue.with_suggestion(fixed.clone()));
            if self.fix_typos {
                result = fixed;
            }
        }
        let role = untagged(local);
        if self.roles.contains(role) {
            let msg = format!("a role account ({role}@), not a person's mailbox");
            issues.push(Issue::info(field, "email.role_account", raw, msg));
        }
        result
    }

    /// The matching key: local part without `+tag`, and without dots where the provider ignores them.
    pub fn local_key(&self, address: &str) -> String {
        let Some((local, domain)) = address.rsplit_once('@') else {
            return String::new();
        };
        let key = untagged(local);
        if self.dotless.contains(domain) {
            key.replace('.', "")
        } else {
            key.to_string()
        }
    }
}

/// An invalid address as it still compares: lower-cased, without spaces; `None` when too
/// short to tell anyone apart.
fn crude_form(token: &str) -> Option<String> {
    let crude: String = token.split_whitespace().collect::<String>().to_lowercase();
    (crude.chars().count() >= 5).then_some(crude)
}

/// `ann+crm` → `ann`.
fn untagged(local: &str) -> &str {
    local.split_once('+').map_or(local, |(base, _)| base)
}

#[cfg(test)]
mod tests;
