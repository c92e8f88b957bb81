//! Likely misspellings of mail-provider domains (`gmial.com` → `gmail.com`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Shortest provider domain the edit-distance rule applies to; shorter ones (`wp.pl`, `i.ua`,
/// `web.de`) are too close to legitimate domains and rely on the explicit typo list only.
const MIN_DISTANCE_RULE_LEN: usize = 7;
/// From this length on, two edits are still a typo rather than another domain.
const TWO_EDITS_LEN: usize = 10;

/// Provider domains and their known misspellings, from `schemas/email.toml`.
pub struct TypoRules {
    providers: HashSet<String>,
    long_providers: Vec<String>,
    typos: HashMap<String, String>,
    tld_typos: HashMap<String, String>,
}

impl TypoRules {
    /// Builds the rules; every domain is lower-cased.
    pub fn new(
        providers: &[String],
        typos: &HashMap<String, String>,
        tld_typos: &HashMap<String, String>,
    ) -> TypoRules {
        let lower = |m: &HashMap<String, String>| {
            m.iter()
                .map(|(k, v)| (k.to_lowercase(), v.to_lowercase()))
                .collect()
        };
        let providers: Vec<String> = providers.iter().map(|p| p.to_lowercase()).collect();
        TypoRules {
            long_providers: providers
                .iter()
                .filter(|p| p.chars().count() >= MIN_DISTANCE_RULE_LEN)
                .cloned()
                .collect(),
            providers: providers.into_iter().collect(),
            typos: lower(typos),
            tld_typos: lower(tld_typos),
        }
    }

    /// The domain probably meant, when `domain` looks like a misspelling of a provider or has a
    /// top-level domain that does not exist (`.con`).
    pub fn suggest(&self, domain: &str) -> Option<String> {
        if self.providers.contains(domain) {
            return None;
        }
        if let Some(meant) = self.typos.get(domain) {
            return Some(meant.clone());
        }
        if let Some(meant) = self.nearest_provider(domain) {
            return Some(meant);
        }
        let (name, tld) = domain.rsplit_once('.')?;
        let fixed = format!("{name}.{}", self.tld_typos.get(tld)?);
        Some(self.nearest_provider(&fixed).unwrap_or(fixed))
    }

    /// The closest long provider domain within the allowed number of edits.
    fn nearest_provider(&self, domain: &str) -> Option<String> {
        let mut best: Option<(usize, &String)> = None;
        let domain_len = domain.chars().count();
        for provider in &self.long_providers {
            let provider_len = provider.chars().count();
            let allowed = if provider_len >= TWO_EDITS_LEN { 2 } else { 1 };
            // The edit distance is at least the difference in length: skip the costly
            // distance when that alone is too far (most company domains).
            if domain_len.abs_diff(provider_len) > allowed {
                continue;
            }
            let distance = strsim::damerau_levenshtein(domain, provider);
            if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, provider));
            }
        }
        best.map(|(_, p)| p.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> TypoRules {
        let locale = crate::locale::LocaleData::default();
        let file: super::super::EmailFile = locale.parse("email.toml").unwrap();
        TypoRules::new(&file.providers, &file.typos, &file.tld_typos)
    }

    #[test]
    fn common_misspellings() {
        let r = rules();
        assert_eq!(r.suggest("gmial.com").as_deref(), Some("gmail.com"));
        assert_eq!(r.suggest("hotmial.com").as_deref(), Some("hotmail.com"));
        assert_eq!(r.suggest("gmail.con").as_deref(), Some("gmail.com"));
        assert_eq!(r.suggest("ukr.ne").as_deref(), Some("ukr.net"));
        assert_eq!(r.suggest("t-onlne.de").as_deref(), Some("t-online.de"));
        assert_eq!(r.suggest("interia.pll").as_deref(), Some("interia.pl"));
        assert_eq!(r.suggest("hotmail.co.tj").as_deref(), Some("hotmail.co.th"));
        assert_eq!(r.suggest("yahooo.com").as_deref(), Some("yahoo.com"));
        assert_eq!(r.suggest("acme.con").as_deref(), Some("acme.com"));
    }

    #[test]
    fn real_domains_are_left_alone() {
        let r = rules();
        for domain in [
            "gmail.com",
            "email.com",
            "mail.ru",
            "gmx.at",
            "wp.pl",
            "op.pl",
            "firma.de",
            "kpi.ua",
            "acme.co",
        ] {
            assert_eq!(r.suggest(domain), None, "{domain}");
        }
    }
}
