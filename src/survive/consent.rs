//! Consent columns: which pass-through headers record a contact permission, and what their values say.

use crate::error::Result;
use crate::locale::LocaleData;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

/// Whether a column asks "did the person agree" or "did the person refuse".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Polarity {
    /// `Newsletter`, `Marketing consent`: yes = may be contacted.
    OptIn,
    /// `Do not call`, `Unsubscribed`: yes = must not be contacted.
    OptOut,
}

/// Which channel a consent column speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// E-mail: `Newsletter`, `HasOptedOutOfEmail`.
    Email,
    /// Calls: `DoNotCall`, `Nicht anrufen`.
    Phone,
    /// Every channel or none named: `GDPR consent`, `Do not contact`.
    Any,
}

/// What one cell of a consent column says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stance {
    /// The person refused or withdrew.
    Refused,
    /// The person agreed (or did not object).
    Agreed,
    /// A value that is neither (a consent date, a channel): stands only if nobody refused.
    Other,
}

/// The word lists of `schemas/consent.toml`, folded.
#[derive(Debug, Default)]
pub struct ConsentWords {
    opt_out: Vec<Vec<String>>,
    opt_in: Vec<Vec<String>>,
    yes: HashSet<String>,
    no: HashSet<String>,
    refuse: HashSet<String>,
    agree: HashSet<String>,
    email_channel: Vec<Vec<String>>,
    phone_channel: Vec<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConsentFile {
    opt_out: Vec<String>,
    opt_in: Vec<String>,
    yes: Vec<String>,
    no: Vec<String>,
    refuse: Vec<String>,
    agree: Vec<String>,
    email_channel: Vec<String>,
    phone_channel: Vec<String>,
}

impl ConsentWords {
    /// Reads `consent.toml` (built in, or from `schemas_dir`).
    pub fn from_locale(locale: &LocaleData) -> Result<ConsentWords> {
        let file: ConsentFile = locale.parse("consent.toml")?;
        let phrases = |list: &[String]| -> Vec<Vec<String>> {
            list.iter()
                .map(|p| words(p))
                .filter(|w| !w.is_empty())
                .collect()
        };
        let cells = |list: &[String]| -> HashSet<String> { list.iter().map(|v| cell(v)).collect() };
        Ok(ConsentWords {
            opt_out: phrases(&file.opt_out),
            opt_in: phrases(&file.opt_in),
            yes: cells(&file.yes),
            no: cells(&file.no),
            refuse: cells(&file.refuse),
            agree: cells(&file.agree),
            email_channel: phrases(&file.email_channel),
            phone_channel: phrases(&file.phone_channel),
        })
    }

    /// The channel a consent column's header speaks of.
    pub fn channel(&self, header: &str) -> Channel {
        let header = words(header);
        let holds =
            |phrase: &Vec<String>| header.windows(phrase.len()).any(|w| w == phrase.as_slice());
        match (
            self.email_channel.iter().any(holds),
            self.phone_channel.iter().any(holds),
        ) {
            (true, false) => Channel::Email,
            (false, true) => Channel::Phone,
            _ => Channel::Any,
        }
    }

    /// The polarity of a column by its header; `None` for a column that is no consent.
    pub fn polarity(&self, header: &str) -> Option<Polarity> {
        let header = words(header);
        let holds =
            |phrase: &Vec<String>| header.windows(phrase.len()).any(|w| w == phrase.as_slice());
        if self.opt_out.iter().any(holds) {
            Some(Polarity::OptOut)
        } else if self.opt_in.iter().any(holds) {
            Some(Polarity::OptIn)
        } else {
            None
        }
    }

    /// What `value` says in a column of `polarity`; `None` for an empty cell.
    pub fn stance(&self, polarity: Polarity, value: &str) -> Option<Stance> {
        let v = cell(value);
        if v.is_empty() {
            return None;
        }
        if self.refuse.contains(&v) {
            return Some(Stance::Refused);
        }
        if self.agree.contains(&v) {
            return Some(Stance::Agreed);
        }
        let (yes, no) = match polarity {
            Polarity::OptIn => (Stance::Agreed, Stance::Refused),
            Polarity::OptOut => (Stance::Refused, Stance::Agreed),
        };
        Some(if self.yes.contains(&v) {
            yes
        } else if self.no.contains(&v) {
            no
        } else if polarity == Polarity::OptOut {
            Stance::Refused
        } else {
            Stance::Other
        })
    }
}

/// Lower-case text without Latin accents.
fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A header's words: camelCase split (`HasOptedOutOfEmail`), punctuation as spaces, folded.
fn words(s: &str) -> Vec<String> {
    let mut spaced = String::with_capacity(s.len() + 8);
    let mut prev_lower = false;
    for c in s.chars() {
        if c.is_uppercase() && prev_lower {
            spaced.push(' ');
        }
        prev_lower = c.is_lowercase();
        spaced.push(c);
    }
    fold(&spaced)
        .split(|c: char| !c.is_alphanumeric() && !is_thai_mark(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A whole cell, folded, its words joined by one space.
fn cell(s: &str) -> String {
    words(s).join(" ")
}

/// Thai vowel and tone marks are not alphanumeric but belong inside a word.
fn is_thai_mark(c: char) -> bool {
    ('\u{0E31}'..='\u{0E4E}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consent() -> ConsentWords {
        ConsentWords::from_locale(&LocaleData::default()).unwrap()
    }

    #[test]
    fn headers_are_read_by_their_words_in_several_languages() {
        let c = consent();
        for h in [
            "HasOptedOutOfEmail",
            "DoNotCall",
            "do_not_call",
            "Unsubscribed",
            "Nicht anrufen",
        ] {
            assert_eq!(c.polarity(h), Some(Polarity::OptOut), "{h}");
        }
        for h in [
            "newsletter",
            "Newsletter-Anmeldung",
            "GDPR consent date",
            "Zgoda marketingowa",
            "Згода на розсилку",
        ] {
            assert_eq!(c.polarity(h), Some(Polarity::OptIn), "{h}");
        }
        for h in [
            "Owner",
            "Notes",
            "Lead Source",
            "subscription_id_internal_x",
        ] {
            assert_ne!(c.polarity(h), Some(Polarity::OptOut), "{h}");
        }
        assert_eq!(c.polarity("Owner"), None);
        assert_eq!(c.polarity("Description"), None);
    }

    #[test]
    fn a_header_names_its_channel_or_speaks_for_all() {
        let c = consent();
        for h in [
            "HasOptedOutOfEmail",
            "Newsletter",
            "E-Mail-Werbung abgemeldet",
            "Розсилка",
        ] {
            assert_eq!(c.channel(h), Channel::Email, "{h}");
        }
        for h in ["DoNotCall", "Nicht anrufen", "ห้ามโทร", "Phone opt out"] {
            assert_eq!(c.channel(h), Channel::Phone, "{h}");
        }
        for h in [
            "GDPR consent",
            "Do not contact",
            "Opt out of email and phone",
        ] {
            assert_eq!(c.channel(h), Channel::Any, "{h}");
        }
    }

    #[test]
    fn values_mean_what_the_header_asks() {
        let c = consent();
        assert_eq!(c.stance(Polarity::OptOut, "TRUE"), Some(Stance::Refused));
        assert_eq!(c.stance(Polarity::OptOut, "0"), Some(Stance::Agreed));
        assert_eq!(
            c.stance(Polarity::OptOut, "2023-05-01"),
            Some(Stance::Refused)
        );
        assert_eq!(c.stance(Polarity::OptIn, "yes"), Some(Stance::Agreed));
        assert_eq!(c.stance(Polarity::OptIn, "Nein"), Some(Stance::Refused));
        assert_eq!(
            c.stance(Polarity::OptIn, "Unsubscribed"),
            Some(Stance::Refused)
        );
        assert_eq!(c.stance(Polarity::OptIn, "2021-03-04"), Some(Stance::Other));
        assert_eq!(c.stance(Polarity::OptIn, "  "), None);
    }
}
