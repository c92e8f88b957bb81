//! Text printed to the terminal: control characters (escape sequences, carriage returns,
//! bidirectional overrides) in file names and messages are shown escaped, never obeyed.

/// `text` with every control character and bidirectional formatting character written as
/// `\u{…}`, so a file named with an escape sequence cannot recolour, retitle or rewrite the
/// terminal; newlines stay (a message may span lines).
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if (c.is_control() && c != '\n') || bidi {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_overrides_are_shown_not_obeyed() {
        assert_eq!(
            printable("a\u{1b}]0;pwned\u{7}b\rc\u{202e}d\n"),
            "a\\u{1b}]0;pwned\\u{7}b\\u{d}c\\u{202e}d\n"
        );
        assert_eq!(printable("Олена.csv"), "Олена.csv");
    }
}
