//! Lookup keys for country names: case, diacritics, spacing and punctuation folded away; filler words dropped.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words that only decorate a country's name ("Republic of", "the", "Kingdom of") in the languages we know.
/// Dropping them is a second, weaker lookup; names that become equal after dropping are never used.
const FILLER_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "republic",
    "kingdom",
    "federal",
    "federation",
    "union",
    "de",
    "la",
    "le",
    "du",
    "der",
    "des",
    "di",
    "da",
    "do",
    "del",
    "el",
    "republik",
    "republique",
    "republica",
    "repubblica",
    "republiek",
    "republika",
    "konigreich",
    "royaume",
    "krolestwo",
    "reino",
    "regno",
    "koninkrijk",
    "республіка",
    "республика",
    "королівство",
    "королевство",
    "федерація",
    "федерация",
];

/// The Thai word "country" (ประเทศ), written before a name without a space ("ประเทศไทย").
const THAI_COUNTRY_PREFIX: &str = "ประเทศ";

/// Folds `text` into lower-case words: Latin/Cyrillic/Greek diacritics stripped (NFD, U+0300–U+036F only, so
/// Thai vowel and tone marks stay), a few letters spelled out (ß → ss, ł → l), everything else a separator.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.nfd() {
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            continue;
        }
        if c.is_alphanumeric() || is_combining_mark(c) {
            push_folded(&mut word, c);
        } else if c == '\'' || c == '’' || c == 'ʼ' {
            // Apostrophes join: "Côte d'Ivoire", "В'єтнам".
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    for w in &mut out {
        // "St Kitts", "St. Lucia", "Ste-Lucie" are the same names as "Saint Kitts"...
        match w.as_str() {
            "st" => *w = "saint".to_string(),
            "ste" => *w = "sainte".to_string(),
            _ => {}
        }
    }
    out
}

fn push_folded(word: &mut String, c: char) {
    match c {
        'ß' => word.push_str("ss"),
        'ł' | 'Ł' => word.push('l'),
        'đ' | 'Đ' => word.push('d'),
        'ø' | 'Ø' => word.push('o'),
        'æ' | 'Æ' => word.push_str("ae"),
        'œ' | 'Œ' => word.push_str("oe"),
        'þ' | 'Þ' => word.push_str("th"),
        'ı' => word.push('i'),
        'ё' | 'Ё' => word.push('е'),
        c => word.extend(c.to_lowercase()),
    }
}

/// The full lookup key: every word, joined without spaces ("U.S.A." → "usa", "Viet Nam" → "vietnam").
pub fn exact_key(words: &[String]) -> String {
    words.concat()
}

/// The weak lookup key: filler words dropped, and the Thai prefix ประเทศ removed from a longer name.
/// Empty when nothing but filler is left.
pub fn stripped_key(words: &[String]) -> String {
    let mut key = String::new();
    for w in words {
        if FILLER_WORDS.contains(&w.as_str()) {
            continue;
        }
        match w.strip_prefix(THAI_COUNTRY_PREFIX) {
            Some(rest) if !rest.is_empty() => key.push_str(rest),
            _ => key.push_str(w),
        }
    }
    key
}

/// A country written as its flag emoji (two regional-indicator symbols): the two ASCII letters.
pub fn flag_letters(text: &str) -> Option<String> {
    let mut letters = String::new();
    for c in text.trim().chars() {
        let offset = (c as u32).checked_sub(0x1F1E6)?;
        if offset >= 26 {
            return None;
        }
        letters.push(char::from(b'A' + offset as u8));
    }
    (letters.len() == 2).then_some(letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        exact_key(&words(s))
    }

    #[test]
    fn punctuation_case_and_spacing_do_not_matter() {
        assert_eq!(key("U.S.A."), "usa");
        assert_eq!(key(" u s a "), "usa");
        assert_eq!(key("Viet Nam"), key("VIETNAM"));
        assert_eq!(key("Côte d'Ivoire"), "cotedivoire");
        assert_eq!(key("Großbritannien"), "grossbritannien");
        assert_eq!(key("St. Lucia"), "saintlucia");
        assert_eq!(key("Соединённые Штаты"), key("соединенные штаты"));
    }

    #[test]
    fn thai_marks_survive_folding() {
        // The tone mark and the vowel sign must not split or vanish.
        assert_eq!(key("สหราชอาณาจักร"), "สหราชอาณาจักร");
        assert_eq!(stripped_key(&words("ประเทศไทย")), "ไทย");
        assert_eq!(stripped_key(&words("ประเทศ")), "ประเทศ");
    }

    #[test]
    fn filler_words_drop_only_in_the_weak_key() {
        assert_eq!(stripped_key(&words("The Republic of Poland")), "poland");
        assert_eq!(stripped_key(&words("Dominican Republic")), "dominican");
        assert_eq!(key("The Netherlands"), "thenetherlands");
    }

    #[test]
    fn flags_read_as_codes() {
        assert_eq!(flag_letters("🇺🇦").as_deref(), Some("UA"));
        assert_eq!(flag_letters("UA"), None);
    }
}
