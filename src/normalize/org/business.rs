//! What a name column holds when it is not a person: a business ("Kowalski Transport",
//! "ร้านสมชายการค้า") or a desk ("Sales Team", "Відділ продажів"), from the `[business]`
//! table of `schemas/organizations.toml`.

use super::legal::compact;
use crate::error::Result;
use crate::locale::LocaleData;
use crate::normalize::translit::latin_key;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

#[derive(Default, Deserialize)]
#[serde(default)]
struct File {
    business: BusinessFile,
    generic: GenericFile,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct GenericFile {
    kinds: Vec<String>,
    function_words: Vec<String>,
}

/// What one word of a name says about it being an organisation's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    /// A line of business (`[business] words`): beside another word, proof of a company.
    Business,
    /// A kind of place or business (`[generic] kinds`: `Grill`, `Center`, also surnames).
    Kind,
    /// An article, preposition or conjunction (`[generic] function_words`).
    Function,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct BusinessFile {
    words: Vec<String>,
    thai: Vec<String>,
    roles: Vec<String>,
    thai_roles: Vec<String>,
}

/// The compiled business and role word lists.
#[derive(Debug, Default)]
pub struct BusinessWords {
    words: HashSet<String>,
    kinds: HashSet<String>,
    function_words: HashSet<String>,
    thai: Vec<String>,
    roles: HashSet<String>,
    thai_roles: Vec<String>,
}

/// The words of `text`, each compacted as legal forms are ([`compact`]).
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .map(compact)
        .filter(|w| !w.is_empty())
}

impl BusinessWords {
    /// Builds the lists from `organizations.toml`.
    pub fn from_locale(locale: &LocaleData) -> Result<BusinessWords> {
        let file: File = locale.parse("organizations.toml")?;
        let b = file.business;
        // Each word as written and as its Latin key, so that keys of names in other
        // scripts (`магазин` → `mahazyn`) find it too.
        let set = |v: Vec<String>| {
            v.iter()
                .flat_map(|w| [compact(w), compact(&latin_key(w))])
                .filter(|w| !w.is_empty())
                .collect::<HashSet<_>>()
        };
        Ok(BusinessWords {
            words: set(b.words),
            kinds: set(file.generic.kinds),
            function_words: set(file.generic.function_words),
            thai: b.thai,
            roles: set(b.roles),
            thai_roles: b.thai_roles,
        })
    }

    /// Whether `text` names a business: two words or more, one of them a business word, or
    /// Thai text holding one.
    pub fn names_a_business(&self, text: &str) -> bool {
        if self.thai.iter().any(|w| text.contains(w.as_str())) {
            return true;
        }
        let (mut count, mut business) = (0, false);
        for w in words_of(text) {
            count += 1;
            business |= self.words.contains(&w);
        }
        count >= 2 && business
    }

    /// What one word says about a name being an organisation's, if anything.
    pub fn word_kind(&self, word: &str) -> Option<WordKind> {
        let w = compact(word);
        if self.words.contains(&w) {
            Some(WordKind::Business)
        } else if self.kinds.contains(&w) {
            Some(WordKind::Kind)
        } else if self.function_words.contains(&w) {
            Some(WordKind::Function)
        } else {
            None
        }
    }

    /// Whether `text` names a desk or department rather than a person: every word a role
    /// word, or Thai text that starts with one.
    pub fn names_a_role(&self, text: &str) -> bool {
        let text = text.trim();
        if self.thai_roles.iter().any(|w| text.starts_with(w.as_str())) {
            return true;
        }
        let mut words = words_of(text).peekable();
        words.peek().is_some() && words.all(|w| self.roles.contains(&w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists() -> BusinessWords {
        BusinessWords::from_locale(&LocaleData::default()).expect("built-in organizations.toml")
    }

    #[test]
    fn business_words_beside_a_name_make_a_business() {
        let b = lists();
        assert!(b.names_a_business("Fox, Haynes and Richmond Partners 412"));
        assert!(b.names_a_business("Kowalski Transport Usługi"));
        assert!(b.names_a_business("Аптека Здоров'я"));
        assert!(b.names_a_business("ร้านสมชายการค้า"));
        // People, including those whose surname is a trade.
        assert!(!b.names_a_business("Anna Baker"));
        assert!(!b.names_a_business("Тарас Коваль"));
        assert!(!b.names_a_business("สมชาย ใจดี"));
        // One word alone is not enough.
        assert!(!b.names_a_business("Group"));
    }

    #[test]
    fn desks_are_not_people() {
        let b = lists();
        for desk in [
            "Sales Team",
            "Accounts Payable",
            "Office",
            "Відділ продажів",
            "ฝ่ายขาย",
        ] {
            assert!(b.names_a_role(desk), "{desk}");
        }
        for person in ["John Sales", "Service Anna", "Marta", ""] {
            assert!(!b.names_a_role(person), "{person}");
        }
    }
}
