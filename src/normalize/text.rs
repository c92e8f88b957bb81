//! Text clean-up shared by every normaliser: NFC, whitespace, invisible characters, Thai digits.

use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// NFC-normalises `s`, maps Thai digits to ASCII, drops zero-width characters and
/// collapses runs of whitespace (including NBSP) to one space, trimmed.
pub fn clean(s: &str) -> String {
    // Most cells are printable ASCII with single spaces between words: already clean.
    if is_clean_ascii(s) {
        return s.to_string();
    }
    // Most cells are already NFC (all ASCII ones are): then NFC is the identity, and the
    // decompose/recompose pass is skipped.
    if unicode_normalization::is_nfc_quick(s.chars()) == IsNormalized::Yes {
        clean_chars(s.chars(), s.len())
    } else {
        clean_chars(s.nfc(), s.len())
    }
}

/// Printable ASCII, no space at either end and none doubled: what [`clean`] leaves as it is.
fn is_clean_ascii(s: &str) -> bool {
    let b = s.as_bytes();
    b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter().all(|&c| (b' '..=b'~').contains(&c))
        && !b.windows(2).any(|w| w == b"  ")
}

fn clean_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars {
        let c = match c {
            '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (c as u32 - 0x0E50) as u8),
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' => continue,
            c => c,
        };
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_ascii_is_taken_as_it_is_and_the_rest_goes_through_the_full_pass() {
        for s in [
            "Anna Kowalska",
            "12 Main St.",
            "",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "new\nline",
            "del\u{7f}",
            "Zoë",
            "a\u{200B}b",
            "~!@#$%^&*()_+{}|:<>?",
        ] {
            assert_eq!(clean(s), clean_chars(s.chars(), s.len()), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_path_agrees_with_the_full_pass(s in "[ -~\t\n\u{a0}\u{7f}é]{0,16}") {
            proptest::prop_assert_eq!(clean(&s), clean_chars(s.chars(), s.len()));
        }
    }

    #[test]
    fn collapses_whitespace_and_maps_thai_digits() {
        assert_eq!(clean("  ๑๒๓\u{00A0}\u{00A0}ถนน\tสุขุมวิท \n"), "123 ถนน สุขุมวิท");
        assert_eq!(clean("a\u{200B}b"), "ab");
    }

    #[test]
    fn keeps_thai_sara_am_intact() {
        // NFC, not NFKC: ำ (U+0E33) must not be split into ํ + า.
        assert_eq!(clean("กำแพง"), "กำแพง");
    }
}
