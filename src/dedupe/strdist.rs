//! Allocation-free string similarity for the pair comparisons: Jaro–Winkler and "at most one
//! edit", giving exactly the results of `strsim::jaro_winkler` and
//! `strsim::damerau_levenshtein(a, b) <= 1`, several times faster.
//!
//! `strsim` re-decodes the second string for every character of the first (Jaro) and builds a
//! hash map plus a full matrix for every Damerau–Levenshtein call; both ran for most of the
//! candidate pairs and dominated the dedupe profile at 100k rows.

/// `s` without its first `n` chars.
fn skip_chars(s: &str, n: usize) -> &str {
    s.char_indices()
        .nth(n)
        .map_or("", |(i, _)| s.get(i..).unwrap_or(""))
}

/// Longest string (in chars) handled on the stack; longer ones go to `strsim`.
const STACK_CHARS: usize = 64;

/// Jaro–Winkler similarity, bit-for-bit equal to `strsim::jaro_winkler`.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    if a == b {
        // Equal strings (empty ones included) score 1.0 in strsim too; most name pairs of a
        // candidate block are equal, and this skips decoding them.
        return 1.0;
    }
    // ASCII (most names, e-mails and streets once folded) is compared byte by byte: the
    // same characters, without decoding them into a buffer first.
    if a.is_ascii() && b.is_ascii() && a.len() <= STACK_CHARS && b.len() <= STACK_CHARS {
        return winkler(a.as_bytes(), b.as_bytes());
    }
    let (mut a_buf, mut b_buf) = (['\0'; STACK_CHARS], ['\0'; STACK_CHARS]);
    let (Some(a_len), Some(b_len)) = (fill(a, &mut a_buf), fill(b, &mut b_buf)) else {
        return strsim::jaro_winkler(a, b);
    };
    winkler(&a_buf[..a_len], &b_buf[..b_len])
}

/// Jaro–Winkler on two slices of at most [`STACK_CHARS`] characters.
fn winkler<T: PartialEq>(a_chars: &[T], b_chars: &[T]) -> f64 {
    let sim = jaro(a_chars, b_chars);
    if sim > 0.7 {
        let prefix = a_chars
            .iter()
            .take(4)
            .zip(b_chars)
            .take_while(|(x, y)| x == y)
            .count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

/// Copies the chars of `s` into `buf`; `None` when they do not fit.
fn fill(s: &str, buf: &mut [char; STACK_CHARS]) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(n)
}

/// Jaro similarity on char (or ASCII byte) slices, the same arithmetic in the same order as
/// `strsim`.
fn jaro<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len == 0 && b_len == 0 {
        return 1.0;
    } else if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    let search_range = (a_len.max(b_len) / 2).saturating_sub(1);
    let mut a_flags = [false; STACK_CHARS];
    let mut b_flags = [false; STACK_CHARS];
    let mut matches = 0usize;
    for (i, x) in a.iter().enumerate() {
        let low = i.saturating_sub(search_range);
        let high = b_len.min(i + search_range + 1);
        let (Some(window), Some(flags)) = (b.get(low..high), b_flags.get_mut(low..high)) else {
            continue;
        };
        let free = window
            .iter()
            .zip(flags.iter())
            .position(|(y, f)| y == x && !*f);
        if let Some(flag) = free.and_then(|k| flags.get_mut(k)) {
            *flag = true;
            a_flags[i] = true;
            matches += 1;
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let a_matched = a.iter().zip(&a_flags).filter(|(_, f)| **f).map(|(c, _)| c);
    let b_matched = b.iter().zip(&b_flags).filter(|(_, f)| **f).map(|(c, _)| c);
    let transpositions = a_matched.zip(b_matched).filter(|(x, y)| x != y).count() / 2;
    ((matches as f64 / a_len as f64)
        + (matches as f64 / b_len as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

/// Whether `a` becomes `b` by at most one insertion, deletion, substitution or transposition
/// of adjacent characters: `strsim::damerau_levenshtein(a, b) <= 1`.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    // Both strings agree on their first `common` bytes, which end on a char boundary.
    let (ra, rb) = (a.get(common..).unwrap_or(""), b.get(common..).unwrap_or(""));
    let (la, lb) = (ra.chars().count(), rb.chars().count());
    if la == lb {
        let mut xa = ra.chars();
        let mut xb = rb.chars();
        let (a0, a1, b0, b1) = (xa.next(), xa.next(), xb.next(), xb.next());
        skip_chars(ra, 1) == skip_chars(rb, 1)
            || (la >= 2 && a0 == b1 && a1 == b0 && skip_chars(ra, 2) == skip_chars(rb, 2))
    } else if la == lb + 1 {
        skip_chars(ra, 1) == rb
    } else if lb == la + 1 {
        skip_chars(rb, 1) == ra
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn one_edit_covers_typos_people_make() {
        assert!(within_one_edit("Kowalski", "Kowalsky"));
        assert!(within_one_edit("Hnatiuk", "Hantiuk"));
        assert!(within_one_edit("Шевченко", "Шевченк"));
        assert!(within_one_edit("ann", "anna"));
        assert!(!within_one_edit("Smith", "Smyht"));
        assert!(!within_one_edit("ab", "ba c"));
    }

    #[test]
    fn jaro_winkler_matches_strsim_on_names() {
        for (a, b) in [
            ("MARTHA", "MARHTA"),
            ("Serhii", "Sergii"),
            ("สมชาย", "สมชัย"),
            ("", ""),
            ("a", ""),
        ] {
            assert_eq!(
                jaro_winkler(a, b).to_bits(),
                strsim::jaro_winkler(a, b).to_bits()
            );
        }
    }

    proptest! {
        #[test]
        fn equals_strsim(a in "[abcй ]{0,12}", b in "[abcй ]{0,12}") {
            prop_assert_eq!(jaro_winkler(&a, &b).to_bits(), strsim::jaro_winkler(&a, &b).to_bits());
            prop_assert_eq!(within_one_edit(&a, &b), strsim::damerau_levenshtein(&a, &b) <= 1);
        }

        #[test]
        fn ascii_names_equal_strsim(a in "[a-z .'-]{0,20}", b in "[a-z .'-]{0,20}") {
            prop_assert_eq!(jaro_winkler(&a, &b).to_bits(), strsim::jaro_winkler(&a, &b).to_bits());
        }

        #[test]
        fn long_strings_equal_strsim(a in "[ab]{60,70}", b in "[ab]{60,70}") {
            prop_assert_eq!(jaro_winkler(&a, &b).to_bits(), strsim::jaro_winkler(&a, &b).to_bits());
        }
    }
}
