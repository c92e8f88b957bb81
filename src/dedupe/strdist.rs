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

/// Whether `jaro_winkler(a, b) > threshold`, answered without the full computation when a
/// bound settles it: the Jaro matches are at most the characters the two strings have in
/// common (counted in 128 buckets, which can only overcount), so most pairs of unrelated
/// names are ruled out by counting. Exactly `jaro_winkler(a, b) > threshold` otherwise.
pub fn jaro_winkler_exceeds(a: &str, b: &str, threshold: f64) -> bool {
    if a == b {
        return 1.0 > threshold;
    }
    let bound = if a.is_ascii() && b.is_ascii() {
        winkler_bound(a.as_bytes(), b.as_bytes(), |&c| usize::from(c))
    } else {
        let (mut a_buf, mut b_buf) = (['\0'; STACK_CHARS], ['\0'; STACK_CHARS]);
        match (fill(a, &mut a_buf), fill(b, &mut b_buf)) {
            (Some(a_len), Some(b_len)) => {
                winkler_bound(&a_buf[..a_len], &b_buf[..b_len], |&c| c as usize)
            }
            _ => None,
        }
    };
    // The bound is computed with the same operations as the similarity on larger inputs;
    // the margin covers rounding in the Winkler step.
    if bound.is_some_and(|ub| ub + 1e-9 <= threshold) {
        return false;
    }
    jaro_winkler(a, b) > threshold
}

/// An upper bound of the Jaro–Winkler similarity of two slices of at most [`STACK_CHARS`]
/// items (`None` for longer ones): Jaro with every shared character (by `bucket`, modulo
/// 128) matched and none transposed, plus the Winkler bonus of the actual common prefix.
fn winkler_bound<T: PartialEq>(a: &[T], b: &[T], bucket: impl Fn(&T) -> usize) -> Option<f64> {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len > STACK_CHARS || b_len > STACK_CHARS || a_len == 0 || b_len == 0 {
        return None;
    }
    let mut counts = [0u8; 128];
    for c in a {
        let slot = &mut counts[bucket(c) % 128];
        *slot = slot.saturating_add(1);
    }
    let mut common = 0usize;
    for c in b {
        let slot = &mut counts[bucket(c) % 128];
        if *slot > 0 {
            *slot -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return Some(0.0);
    }
    let c = common as f64;
    let sim = ((c / a_len as f64) + (c / b_len as f64) + 1.0) / 3.0;
    let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
    Some(if sim > 0.7 {
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    })
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
    // Matched positions as bit sets (both slices hold at most 64 items): no flag arrays to
    // clear, and the matched characters are walked in order by their set bits.
    let (mut a_flags, mut b_flags) = (0u64, 0u64);
    let mut matches = 0usize;
    for (i, x) in a.iter().enumerate() {
        let low = i.saturating_sub(search_range);
        let high = b_len.min(i + search_range + 1);
        let Some(window) = b.get(low..high) else {
            continue;
        };
        let free = window
            .iter()
            .enumerate()
            .position(|(k, y)| y == x && b_flags & (1u64 << (low + k)) == 0);
        if let Some(k) = free {
            b_flags |= 1u64 << (low + k);
            a_flags |= 1u64 << i;
            matches += 1;
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let (mut am, mut bm) = (a_flags, b_flags);
    while am != 0 && bm != 0 {
        let (i, j) = (am.trailing_zeros() as usize, bm.trailing_zeros() as usize);
        if a.get(i) != b.get(j) {
            transpositions += 1;
        }
        am &= am - 1;
        bm &= bm - 1;
    }
    let transpositions = transpositions / 2;
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
    fn bounded_test_rules_out_unrelated_names_and_keeps_close_ones() {
        assert!(!jaro_winkler_exceeds("anna", "kowalska", 0.8));
        assert!(jaro_winkler_exceeds("kowalski", "kowalsky", 0.8));
        assert!(jaro_winkler_exceeds("Шевченко", "Шевченк", 0.9));
        assert!(!jaro_winkler_exceeds("Олена", "Ткаченко", 0.8));
        assert!(!jaro_winkler_exceeds("same", "same", 1.0));
        assert!(jaro_winkler_exceeds("", "", 0.5));
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
        fn bounded_test_equals_strsim(
            a in "[a-eй .-]{0,14}",
            b in "[a-eй .-]{0,14}",
            t in prop::sample::select(vec![0.0, 0.5, 0.7, 0.8, 0.9, 0.92, 0.93, 1.0]),
        ) {
            prop_assert_eq!(jaro_winkler_exceeds(&a, &b, t), strsim::jaro_winkler(&a, &b) > t);
        }

        #[test]
        fn bounded_test_equals_strsim_near_its_value(a in "[a-h]{1,10}", b in "[a-h]{1,10}") {
            // Thresholds at, just under and just over the similarity itself.
            let sim = strsim::jaro_winkler(&a, &b);
            for t in [sim, sim - 1e-12, sim + 1e-12, sim - 1e-6] {
                prop_assert_eq!(jaro_winkler_exceeds(&a, &b, t), sim > t);
            }
        }

        #[test]
        fn long_strings_equal_strsim(a in "[ab]{60,70}", b in "[ab]{60,70}") {
            prop_assert_eq!(jaro_winkler(&a, &b).to_bits(), strsim::jaro_winkler(&a, &b).to_bits());
        }
    }
}
