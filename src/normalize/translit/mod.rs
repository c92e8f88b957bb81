//! Transliteration keys for matching across scripts: Ukrainian national romanisation (2010) for
//! Cyrillic, a letter-map key for Thai, diacritic folding for Latin.
//!
//! `latin_key` is what other modules call. Its output is lower-case ASCII letters, digits and
//! single spaces, so `latin_key(latin_key(x)) == latin_key(x)`. Rules:
//! - Cyrillic follows the Ukrainian national system (Cabinet of Ministers Resolution 55, 2010):
//!   `г`→h, `ґ`→g, `х`→kh, `щ`→shch, `и`→y, `і`→i, `зг`→zgh; `є ї й ю я` give `ye yi y yu ya`
//!   at the start of a word and `ie i i iu ia` elsewhere; `ь` and apostrophes are dropped.
//!   Russian-only letters: `ы`→y, `э`→e, `ё`→e, `ъ` dropped; Belarusian `ў`→u.
//! - Text with Russian-only letters (and no Ukrainian-only ones), or of a Russian-speaking
//!   country via [`latin_key_for`], is romanised in common Russian usage instead: `г`→g,
//!   `и`→i, `й`→y, `ю`→yu, `я`→ya (`Юрий Горбачёв` → `yuriy gorbachev`). Without those
//!   signs "Иван" reads as Ukrainian (`yvan`): the letters alone cannot tell.
//! - Latin letters lose their diacritics (`é`→e, `ä`→a, `ø`→o, `ł`→l); `ß`→ss, `æ`→ae,
//!   `œ`→oe, `þ`→th. The fold is always the short one (`ä`→a, never ae), so "Müller" and
//!   "Muller" meet but "Mueller" does not.
//! - Thai uses the letter map of [`thai`] (see there).
//! - Apostrophes vanish inside words (`O'Brien` → `obrien`); other punctuation separates words.
//! - Letters of scripts without a table (Greek, CJK, Arabic…) are kept, lower-cased, so their
//!   keys still discriminate; they are not ASCII.

mod homoglyph;
mod thai;

pub use homoglyph::unmix_scripts;

use crate::record::Country;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Latin, lower-case key of `s` for matching across scripts (`Олександр Шевченко` →
/// `oleksandr shevchenko`). Cheap: one pass, one allocation. Cyrillic is read as Ukrainian
/// unless it holds letters only Russian has (ы э ё ъ) and none only Ukrainian has (і ї є ґ).
pub fn latin_key(s: &str) -> String {
    latin_key_for(s, None)
}

/// The non-empty Latin keys of a list of names (a schema's name lists, read into a set).
pub fn latin_keys<'a, C: FromIterator<String>>(names: impl IntoIterator<Item = &'a String>) -> C {
    names
        .into_iter()
        .map(|n| latin_key(n))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Countries whose Cyrillic names are Russian-spelled unless the letters say otherwise.
const RUSSIAN_STYLE_COUNTRIES: &[&str] = &["RU", "BY", "KZ", "KG", "UZ", "TJ", "TM", "AZ", "AM"];

/// How Cyrillic is romanised.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CyrillicStyle {
    /// Ukrainian national system (2010).
    Ukrainian,
    /// Common Russian usage: `г`→g, `и`→i, `й`→y, `ю`→yu, `я`→ya (`Юрий Горбачёв` →
    /// `yuriy gorbachev`), otherwise as Ukrainian.
    Russian,
}

/// [`latin_key`] for a row of `country`: Cyrillic text of a Russian-speaking country
/// (RU, BY, KZ…) is romanised the Russian way unless it holds Ukrainian-only letters, so
/// "Иван Иванов" in a Russian export meets "Ivan Ivanov".
pub fn latin_key_for(s: &str, country: Option<Country>) -> String {
    key_in_style(s, cyrillic_style(s, country))
}

/// The Latin keys of `s` read both ways Cyrillic is romanised, Ukrainian and Russian
/// (`Игорь` → `yhor` and `igor`, `Ганна` → `hanna` and `ganna`); other scripts read one
/// way, given twice. For an initial and a name from exports of two languages: `И.` is the
/// initial of `Ігор`.
pub fn both_readings(s: &str) -> [String; 2] {
    [
        key_in_style(s, CyrillicStyle::Ukrainian),
        key_in_style(s, CyrillicStyle::Russian),
    ]
}

fn key_in_style(s: &str, style: CyrillicStyle) -> String {
    let mut out = KeyWriter::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    let mut in_word = false;
    while let Some(c) = chars.next() {
        if is_apostrophe(c) {
            // An apostrophe joins the letters around it: no word break, nothing written.
            continue;
        }
        if ('\u{0E00}'..='\u{0E7F}').contains(&c) {
            in_word = true;
            let mut run = String::new();
            run.push(c);
            while let Some(&n) = chars.peek() {
                if !('\u{0E00}'..='\u{0E7F}').contains(&n) {
                    break;
                }
                run.push(n);
                chars.next();
            }
            out.push_str(&thai::key(&run));
            continue;
        }
        let lower = lower_char(c);
        if let Some(latin) = cyrillic(lower, !in_word, style) {
            let zgh = style == CyrillicStyle::Ukrainian && lower == 'з';
            let latin = if zgh && chars.peek().map(|&n| lower_char(n)) == Some('г') {
                chars.next();
                "zgh"
            } else {
                latin
            };
            out.push_str(latin);
            in_word = true;
        } else if lower.is_ascii_alphanumeric() {
            out.push_char(lower);
            in_word = true;
        } else if lower.is_alphanumeric() {
            push_folded(lower, &mut out);
            in_word = true;
        } else if is_combining_mark(lower) {
            // A stray combining mark (decomposed input): part of the word, nothing written.
        } else {
            out.space();
            in_word = false;
        }
    }
    out.finish()
}

/// Readable romanisation for display (`Олександр Шевченко-Квітка` → `Oleksandr
/// Shevchenko-Kvitka`): the same letters as [`latin_key_for`], word by word, keeping spaces,
/// hyphens and the case pattern of each word (Capitalised or ALL-CAPS).
pub fn latin_display(s: &str, country: Option<Country>) -> String {
    let style = cyrillic_style(s, country);
    let mut out = String::with_capacity(s.len() + 8);
    let mut word = String::new();
    for c in s.chars() {
        if c.is_whitespace() || c == '-' {
            push_display_word(&word, style, &mut out);
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    push_display_word(&word, style, &mut out);
    out
}

fn push_display_word(word: &str, style: CyrillicStyle, out: &mut String) {
    let key = key_in_style(word, style);
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    let capitalised = letters.first().is_some_and(|c| c.is_uppercase());
    if all_caps {
        out.push_str(&key.to_uppercase());
    } else if capitalised {
        let mut chars = key.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.push_str(chars.as_str());
        }
    } else {
        out.push_str(&key);
    }
}

/// Whether `c` is one of the characters used as an apostrophe in names
/// (`'`, `’`, `‘`, `ʼ`, `ʹ`, backtick, acute accent).
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02B9}' | '`' | '\u{00B4}' | '\u{2032}'
    )
}

/// Builds a key: lower-case pieces, single spaces between words, none at the ends.
struct KeyWriter {
    buf: String,
    pending_space: bool,
}

impl KeyWriter {
    fn with_capacity(n: usize) -> KeyWriter {
        KeyWriter {
            buf: String::with_capacity(n),
            pending_space: false,
        }
    }

    fn flush_space(&mut self) {
        if self.pending_space && !self.buf.is_empty() {
            self.buf.push(' ');
        }
        self.pending_space = false;
    }

    fn push_str(&mut self, s: &str) {
        if !s.is_empty() {
            self.flush_space();
            self.buf.push_str(s);
        }
    }

    fn push_char(&mut self, c: char) {
        self.flush_space();
        self.buf.push(c);
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn finish(mut self) -> String {
        while self.buf.ends_with(' ') {
            self.buf.pop();
        }
        self.buf
    }
}

/// Lower-cases one character when that gives exactly one character (all that names need).
fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Writes a non-ASCII letter or digit: special Latin letters, else its base letter with the
/// diacritics removed, else the letter itself (scripts without a table).
fn push_folded(c: char, out: &mut KeyWriter) {
    // A letter that folds to an apostrophe (the Greek numeral sign ʹ is canonically U+02B9,
    // the prime that romanises ь) is one, and writes nothing: else a second pass would drop
    // what the first wrote.
    if is_apostrophe(c) {
        return;
    }
    let special = match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        'ŋ' => "ng",
        _ => "",
    };
    if !special.is_empty() {
        out.push_str(special);
        return;
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() && !is_combining_mark(d) {
            base = Some(d);
        }
    });
    match base {
        Some(b) if b.is_ascii_alphanumeric() => out.push_char(b.to_ascii_lowercase()),
        Some(b) if b != c => match cyrillic(lower_char(b), false, CyrillicStyle::Ukrainian) {
            // Cyrillic letters with a diacritic outside the Ukrainian alphabet (ӂ, ӧ).
            Some(latin) => out.push_str(latin),
            None => push_folded(lower_char(b), out),
        },
        _ => out.push_char(c),
    }
}

/// The style for `s`: its own letters first, then its country.
fn cyrillic_style(s: &str, country: Option<Country>) -> CyrillicStyle {
    let mut russian_letters = false;
    for c in s.chars() {
        match c {
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                return CyrillicStyle::Ukrainian;
            }
            'ы' | 'э' | 'ё' | 'ъ' | 'Ы' | 'Э' | 'Ё' | 'Ъ' => russian_letters = true,
            _ => {}
        }
    }
    let russian_country = country.is_some_and(|c| RUSSIAN_STYLE_COUNTRIES.contains(&c.as_str()));
    if russian_letters || russian_country {
        CyrillicStyle::Russian
    } else {
        CyrillicStyle::Ukrainian
    }
}

/// Romanisation of one lower-case Cyrillic letter; `word_start` selects the Ukrainian
/// word-initial forms of `є ї й ю я`. `None` when `c` is not Cyrillic.
fn cyrillic(c: char, word_start: bool, style: CyrillicStyle) -> Option<&'static str> {
    if style == CyrillicStyle::Russian {
        let russian = match c {
            'г' => "g",
            'и' => "i",
            'й' => "y",
            'ю' => "yu",
            'я' => "ya",
            _ => "",
        };
        if !russian.is_empty() {
            return Some(russian);
        }
    }
    let s = match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "h",
        'ґ' => "g",
        'д' => "d",
        'е' | 'э' | 'ё' => "e",
        'є' => pick(word_start, "ye", "ie"),
        'ж' => "zh",
        'з' => "z",
        'и' | 'ы' => "y",
        'і' => "i",
        'ї' => pick(word_start, "yi", "i"),
        'й' => pick(word_start, "y", "i"),
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ь' | 'ъ' => "",
        'ю' => pick(word_start, "yu", "iu"),
        'я' => pick(word_start, "ya", "ia"),
        _ => return None,
    };
    Some(s)
}

fn pick(word_start: bool, initial: &'static str, other: &'static str) -> &'static str {
    if word_start { initial } else { other }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ukrainian_names_meet_their_passport_spelling() {
        assert_eq!(latin_key("Олександр Шевченко"), "oleksandr shevchenko");
        assert_eq!(latin_key("Сергій Гнатюк, Київ"), "serhii hnatiuk kyiv");
        assert_eq!(latin_key("Юлія Яковенко"), "yuliia yakovenko");
        assert_eq!(latin_key("Євген Їжакевич"), "yevhen yizhakevych");
        assert_eq!(latin_key("Згурський"), "zghurskyi");
        assert_eq!(latin_key("Ґалаґан"), "galagan");
        assert_eq!(latin_key("Щербина Ольга"), "shcherbyna olha");
    }

    #[test]
    fn display_form_keeps_case_and_hyphens() {
        assert_eq!(
            latin_display("Олександр Шевченко-Квітка", None),
            "Oleksandr Shevchenko-Kvitka"
        );
        assert_eq!(latin_display("ЗГУРСЬКИЙ Мар'ян", None), "ZGHURSKYI Marian");
        assert_eq!(latin_display("Юрий Горбачёв", None), "Yuriy Gorbachev");
    }

    #[test]
    fn apostrophes_vanish_and_do_not_start_a_word() {
        assert_eq!(latin_key("Мар'яна"), "mariana");
        assert_eq!(latin_key("Марʼяна"), "mariana");
        assert_eq!(latin_key("Мар’яна"), "mariana");
        assert_eq!(latin_key("O'Brien"), "obrien");
    }

    #[test]
    fn russian_and_belarusian_letters() {
        assert_eq!(latin_key("Эдуард Подъёмов"), "eduard podemov");
        assert_eq!(latin_key("Крылов"), "krylov");
        // Russian-only letters, or a Russian-speaking country, switch to the Russian style.
        assert_eq!(latin_key("Юрий Горбачёв"), "yuriy gorbachev");
        let ru = Country::new("RU");
        assert_eq!(latin_key_for("Иван Иванов", ru), "ivan ivanov");
        assert_eq!(
            latin_key_for("Иван Иванов", Country::new("UA")),
            "yvan yvanov"
        );
        // Ukrainian letters win over the country.
        assert_eq!(latin_key_for("Сергій Гнатюк", ru), "serhii hnatiuk");
        assert_eq!(latin_key("Ўладзімір"), "uladzimir");
    }

    #[test]
    fn latin_diacritics_fold_to_base_letters() {
        assert_eq!(latin_key("Müller-Lüdenscheidt"), "muller ludenscheidt");
        assert_eq!(latin_key("Łukasz Wałęsa"), "lukasz walesa");
        assert_eq!(latin_key("Straße"), "strasse");
        assert_eq!(latin_key("François Lefèvre"), "francois lefevre");
        assert_eq!(latin_key("Ørsted"), "orsted");
    }

    #[test]
    fn punctuation_separates_and_digits_stay() {
        assert_eq!(
            latin_key("  A.B.  Smith & Sons, 2nd "),
            "a b smith sons 2nd"
        );
        assert_eq!(latin_key(""), "");
        assert_eq!(latin_key("«»"), "");
    }

    #[test]
    fn thai_is_romanised_by_letter_map() {
        assert!(latin_key("สมชาย ใจดี").is_ascii());
        assert_eq!(latin_key("สมชาย ใจดี"), latin_key("สมชาย  ใจดี"));
    }

    #[test]
    fn a_letter_that_folds_to_an_apostrophe_writes_nothing() {
        // Found by `key_is_idempotent`: U+0374 decomposes to U+02B9, an apostrophe.
        assert_eq!(latin_key("Ol\u{0374}ha"), "olha");
        assert_eq!(latin_key(&latin_key("\u{0374}")), latin_key("\u{0374}"));
    }

    proptest! {
        #[test]
        fn key_is_idempotent(s in "\\PC{0,40}") {
            let once = latin_key(&s);
            prop_assert_eq!(latin_key(&once), once.clone());
        }

        #[test]
        fn key_of_mixed_scripts_is_idempotent(s in "[a-zA-Zа-яА-ЯіїєґІЇЄҐ'’ʼ\\- ก-๛äöüßł]{0,30}") {
            let once = latin_key(&s);
            prop_assert_eq!(latin_key(&once), once.clone());
        }
    }
}
