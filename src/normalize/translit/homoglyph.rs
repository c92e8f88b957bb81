//! Words typed in two scripts at once ("Ivаn" with a Cyrillic а, "Пeтро" with a Latin e), a
//! common slip with Ukrainian/Russian keyboards: letters that look alike are turned into the
//! script of the rest of the word.

/// Look-alike pairs: (Cyrillic, Latin), in both cases, so that case repair never turns a
/// letter without a pair into one with a pair (В/B, Н/H… look alike only in capitals: left out).
const PAIRS: &[(char, char)] = &[
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('х', 'x'),
    ('у', 'y'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѕ', 's'),
    ('А', 'A'),
    ('Е', 'E'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Х', 'X'),
    ('У', 'Y'),
    ('І', 'I'),
    ('Ј', 'J'),
    ('Ѕ', 'S'),
];
/// `s` with every mixed-script word written in its majority script, as far as look-alike
/// letters allow. Words in one script, and words with as many letters of each, are kept.
pub fn unmix_scripts(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    for c in s.chars() {
        // Apostrophes (and a `"` misused as one) stay inside the word, as `unify_apostrophes`
        // in the name normaliser sees them.
        if c.is_alphabetic() || c == '"' || super::is_apostrophe(c) {
            word.push(c);
        } else {
            flush_word(&mut word, &mut out);
            out.push(c);
        }
    }
    flush_word(&mut word, &mut out);
    out
}

fn flush_word(word: &mut String, out: &mut String) {
    let cyrillic = word.chars().filter(|c| is_cyrillic(*c)).count();
    let latin = word.chars().filter(char::is_ascii_alphabetic).count();
    if cyrillic == 0 || latin == 0 || cyrillic == latin {
        out.push_str(word);
    } else {
        let to_latin = latin > cyrillic;
        for c in word.chars() {
            out.push(swap(c, to_latin).unwrap_or(c));
        }
    }
    word.clear();
}

fn swap(c: char, to_latin: bool) -> Option<char> {
    if to_latin {
        PAIRS.iter().find(|(cyr, _)| *cyr == c).map(|(_, lat)| *lat)
    } else {
        PAIRS.iter().find(|(_, lat)| *lat == c).map(|(cyr, _)| *cyr)
    }
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minority_letters_take_the_word_script() {
        // Cyrillic а in a Latin word, Latin e and P in Cyrillic words.
        assert_eq!(unmix_scripts("Ivаn"), "Ivan");
        assert_eq!(unmix_scripts("Пeтро Шeвченко"), "Петро Шевченко");
        assert_eq!(unmix_scripts("ТОВ «Pомашка»"), "ТОВ «Ромашка»");
    }

    #[test]
    fn single_script_words_and_ties_are_kept() {
        assert_eq!(unmix_scripts("Smart Ліс"), "Smart Ліс");
        assert_eq!(unmix_scripts("Aб"), "Aб");
        assert_eq!(unmix_scripts("Мар'янa"), "Мар'яна");
        assert_eq!(unmix_scripts("สมชาย"), "สมชาย");
    }
}
