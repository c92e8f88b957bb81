//! Name comparators: given and family name levels, similarity across scripts and spellings, initials, nicknames, names entered the other way round.

use super::{Features, MISSING, jaro_winkler, jaro_winkler_exceeds, one_edit_apart};
use crate::normalize::name::nicknames::{self, Meet};
use crate::normalize::translit::both_readings;

/// Similarity credited to a Thai spelling and a romanisation with the same consonant skeleton:
/// enough for `close`, never `exact`.
pub(super) const THAI_LATIN_SIMILARITY: f64 = 0.95;

/// Similarity of two names: Jaro–Winkler on the Latin keys, and on the spellings as written
/// when both are present (same-script spellings that transliterate differently still meet).
pub fn name_similarity(a: &str, b: &str, a_raw: &str, b_raw: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let latin = jaro_winkler(a, b);
    if crate::dedupe::thai_latin::thai_latin_meet(a, b, a_raw, b_raw) {
        return latin.max(THAI_LATIN_SIMILARITY);
    }
    if !a_raw.is_empty() && !b_raw.is_empty() && (a_raw != a || b_raw != b) {
        latin.max(jaro_winkler(a_raw, b_raw))
    } else {
        latin
    }
}

/// Lower-case letters with the romanisation choices that vary between spellings of one name
/// folded (`y`/`j` → `i`, `w` → `v`, `kh` → `h`): `andriy`, `andrij` and `andrii` meet.
pub fn fold_spelling(s: &str) -> String {
    s.to_lowercase()
        .replace("kh", "h")
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| match c {
            'y' | 'j' => 'i',
            'w' => 'v',
            other => other,
        })
        .collect()
}

/// Given and family names entered the other way round (`Ivanenko Petro` / `Petro Ivanenko`).
pub(super) fn names_swapped(x: &Features, y: &Features) -> bool {
    if x.given().is_empty()
        || x.family().is_empty()
        || y.given().is_empty()
        || y.family().is_empty()
    {
        return false;
    }
    // Both crossed parts must be near-equal (their sum above 1.8, each at most 1), and one
    // of them (the family name) plainly so: most pairs fail there, on two comparisons. A
    // given name that is a short form of the other counts as equal (`Chornovol | Tania` /
    // `Тетяна Чорновол`, `Victoria Khan` / `Khan | Vicky`), whichever record comes first.
    let crossed_close = |a: &str, b: &str, a_raw: &str, b_raw: &str| {
        part_similarity_exceeds(a, b, a_raw, b_raw, 0.8)
    };
    if !crossed_close(x.given(), y.family(), x.given_raw(), y.family_raw())
        && !crossed_close(x.family(), y.given(), x.family_raw(), y.given_raw())
    {
        return false;
    }
    let mut first = part_similarity(x.given(), y.family(), x.given_raw(), y.family_raw());
    let mut second = part_similarity(x.family(), y.given(), x.family_raw(), y.given_raw());
    if first + second <= 1.8 {
        let short_form = |a: &[u32], b: &[u32]| nicknames::meet_groups(a, b) == Meet::Same;
        if short_form(&x.given_nicknames, &y.family_nicknames) {
            first = 1.0;
        }
        if short_form(&x.family_nicknames, &y.given_nicknames) {
            second = 1.0;
        }
    }
    let crossed = first + second;
    if crossed <= 1.8 {
        return false;
    }
    let straight = part_similarity(x.given(), y.given(), x.given_raw(), y.given_raw())
        + name_similarity(x.family(), y.family(), x.family_raw(), y.family_raw());
    crossed > straight + 0.15
}

/// [`family_level`] of two family names that differ outright.
pub const FAMILY_DIFFERENT: u8 = 4;

/// Whether one record's name is the other's words rearranged across the two columns, the
/// family names differing as written: every word of the shorter name (two at least) is a
/// word of the longer. A form that splits a compound given name over both columns and drops
/// the surname (`Liz | Ana` for `Ana Liz Ribeiro`), or a compound surname turned round with
/// the given name lost (`Aragao | Souza` for `Miguel Souza Aragão`). Brothers `Lucas Silva`
/// and `Davi Lucas Silva` share their family name, so they are not this.
pub fn names_rearranged(given_a: &str, family_a: &str, given_b: &str, family_b: &str) -> bool {
    if family_a == family_b || given_a.is_empty() || given_b.is_empty() {
        return false;
    }
    // Cheap test first (most compared pairs fail it, without allocating): the shorter name's
    // family words are among the longer's words, so one side's first family word is among
    // the other's.
    let has_word = |g: &str, f: &str, word: &str| {
        !word.is_empty()
            && g.split([' ', '-'])
                .chain(f.split([' ', '-']))
                .any(|w| w == word)
    };
    if !has_word(given_b, family_b, first_token(family_a))
        && !has_word(given_a, family_a, first_token(family_b))
    {
        return false;
    }
    let words = |g: &'_ str, f: &'_ str| -> Vec<String> {
        let mut w: Vec<String> = g
            .split([' ', '-'])
            .chain(f.split([' ', '-']))
            .filter(|w| w.chars().count() >= 2)
            .map(str::to_string)
            .collect();
        w.sort();
        w
    };
    let (a, b) = (words(given_a, family_a), words(given_b, family_b));
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.len() < 2 {
        return false;
    }
    let mut pool = large;
    small
        .iter()
        .all(|w| match pool.iter().position(|p| p == w) {
            Some(i) => {
                pool.swap_remove(i);
                true
            }
            None => false,
        })
}

/// Two records' names entered the other way round on one side: which crossed pair (`x`'s
/// given against `y`'s family, or `x`'s family against `y`'s given) holds the given names.
/// The pair with an initial does (`Robertson, S` / `Sarah Robertson`: `S` / `Sarah` are the
/// given names, and `Robertson` meets itself as the family name); otherwise the pair that
/// meets less well, since family names are compared the stricter way (a tie goes by the
/// spellings). The choice depends only on the two pairs, so it is the same whichever record
/// comes first.
pub(super) struct CrossedNames<'f> {
    pub(super) given: (&'f str, &'f str, &'f str, &'f str),
    /// The nickname groups of the two names compared as given names.
    pub(super) given_groups: (&'f [u32], &'f [u32]),
    pub(super) family: (&'f str, &'f str, &'f str, &'f str),
}

impl<'f> CrossedNames<'f> {
    pub(super) fn of(x: &'f Features, y: &'f Features) -> CrossedNames<'f> {
        let first = (x.given(), y.family(), x.given_raw(), y.family_raw());
        let second = (x.family(), y.given(), x.family_raw(), y.given_raw());
        let has_initial = |(a, b, a_raw, b_raw): (&str, &str, &str, &str)| {
            initial_of(a, a_raw).is_some() || initial_of(b, b_raw).is_some()
        };
        let similarity =
            |(a, b, a_raw, b_raw): (&str, &str, &str, &str)| part_similarity(a, b, a_raw, b_raw);
        let second_is_given = match (has_initial(first), has_initial(second)) {
            (false, true) => true,
            (true, false) => false,
            _ => {
                let key = |(a, b, _, _): (&'f str, &'f str, &str, &str)| (a.min(b), a.max(b));
                similarity(second)
                    .total_cmp(&similarity(first))
                    .then_with(|| key(second).cmp(&key(first)))
                    .is_lt()
            }
        };
        if second_is_given {
            CrossedNames {
                given: second,
                given_groups: (&x.family_nicknames, &y.given_nicknames),
                family: first,
            }
        } else {
            CrossedNames {
                given: first,
                given_groups: (&x.given_nicknames, &y.family_nicknames),
                family: second,
            }
        }
    }
}

/// [`name_similarity`] where a given name may be an initial: an initial is as good as the
/// name it starts (`R.` / `Rozaliia`) and nothing like any other. Forms that list the
/// surname first (`Прізвище Ім'я`) get the columns swapped as often when the given name is
/// only an initial: `R. Hrechko` / `Hrechko Rozaliia`.
pub(super) fn part_similarity(a: &str, b: &str, a_raw: &str, b_raw: &str) -> f64 {
    let starts = |initial: &str, name: &str, raw: &str| {
        initial_of(name, raw).is_none() && name.starts_with(initial)
    };
    match (initial_of(a, a_raw), initial_of(b, b_raw)) {
        (Some(i), None) => f64::from(u8::from(starts(i, b, b_raw))),
        (None, Some(j)) => f64::from(u8::from(starts(j, a, a_raw))),
        (Some(_), Some(_)) => 0.0,
        (None, None) => name_similarity(a, b, a_raw, b_raw),
    }
}

/// Whether `part_similarity(a, b, a_raw, b_raw) > threshold`, ruling most unrelated names
/// out by a bound instead of computing their similarity.
pub(super) fn part_similarity_exceeds(
    a: &str,
    b: &str,
    a_raw: &str,
    b_raw: &str,
    threshold: f64,
) -> bool {
    let starts = |initial: &str, name: &str, raw: &str| {
        initial_of(name, raw).is_none() && name.starts_with(initial)
    };
    match (initial_of(a, a_raw), initial_of(b, b_raw)) {
        (Some(i), None) => f64::from(u8::from(starts(i, b, b_raw))) > threshold,
        (None, Some(j)) => f64::from(u8::from(starts(j, a, a_raw))) > threshold,
        (Some(_), Some(_)) => 0.0 > threshold,
        (None, None) => name_similarity_exceeds(a, b, a_raw, b_raw, threshold),
    }
}

/// Whether `name_similarity(a, b, a_raw, b_raw) > threshold`: the same cases, each
/// similarity tested against the threshold by [`jaro_winkler_exceeds`].
pub(super) fn name_similarity_exceeds(
    a: &str,
    b: &str,
    a_raw: &str,
    b_raw: &str,
    threshold: f64,
) -> bool {
    if a.is_empty() || b.is_empty() {
        return 0.0 > threshold;
    }
    if jaro_winkler_exceeds(a, b, threshold) {
        return true;
    }
    if crate::dedupe::thai_latin::thai_latin_meet(a, b, a_raw, b_raw) {
        return THAI_LATIN_SIMILARITY > threshold;
    }
    !a_raw.is_empty()
        && !b_raw.is_empty()
        && (a_raw != a || b_raw != b)
        && jaro_winkler_exceeds(a_raw, b_raw, threshold)
}

pub(super) fn first_token(s: &str) -> &str {
    s.split([' ', '-']).next().unwrap_or(s)
}

/// Whether `initial` (its Latin-key prefix and the spelling it was written in) can be the
/// initial of the name `name` / `name_raw`: the key starts with it, or the two are read
/// alike from their scripts: `A.` / `Александр` (whose key is that of `Олександр`), `И.` /
/// `Ігор` (Russian and Ukrainian spellings of one name), `J` / `จักรพันธ์`.
pub(super) fn initial_starts(initial: &str, initial_raw: &str, name: &str, name_raw: &str) -> bool {
    if name.starts_with(initial) {
        return true;
    }
    let name_written = if name_raw.is_empty() { name } else { name_raw };
    if crate::dedupe::thai_latin::initial_fits_thai(initial, name_written) {
        return true;
    }
    let initial_written = if initial_raw.is_empty() {
        initial
    } else {
        initial_raw
    };
    let ours = both_readings(initial_written);
    let theirs = both_readings(name_written);
    ours.iter()
        .map(|i| i.trim_end_matches('.'))
        .filter(|i| !i.is_empty())
        .any(|i| theirs.iter().any(|n| n.starts_with(i)))
}

/// The initial a given name stands for, as a Latin-key prefix: `J.` → `j`, Cyrillic `Х.`
/// (key `kh.`) → `kh`, a romanised digraph initial `Ye.` → `ye`. `None` for a full name.
pub fn initial_of<'a>(key: &'a str, raw: &str) -> Option<&'a str> {
    let trimmed = key.trim_end_matches('.');
    if trimmed.is_empty() {
        return None;
    }
    let written = if raw.is_empty() { key } else { raw };
    let letters = written.trim_end_matches('.').chars().count();
    let dotted_digraph = (key.ends_with('.') || written.ends_with('.'))
        && trimmed.chars().count() <= 4
        && trimmed.chars().all(char::is_alphabetic);
    (letters == 1 || dotted_digraph).then_some(trimmed)
}

/// [`given_level`] for names that are in one nickname group: `close` (Bob / Robert,
/// Діма / Дмитро); `similar` at best when the short form stands for several names (Саша).
pub(super) const NICKNAME: u8 = 3;
pub(super) const SIMILAR: u8 = 4;

/// The letters of a compound given name written as initials (`J.-P.`, `J.P.`, `H.-J.`):
/// two or more one-letter parts with a dot or hyphen between them. `None` otherwise.
pub(super) fn compound_initials(key: &str) -> Option<Vec<char>> {
    if !key.contains(['.', '-']) {
        return None;
    }
    let parts: Vec<&str> = key
        .split(|c: char| !c.is_alphabetic())
        .filter(|p| !p.is_empty())
        .collect();
    let letters: Vec<char> = parts.iter().filter_map(|p| p.chars().next()).collect();
    (parts.len() >= 2 && parts.iter().all(|p| p.chars().count() == 1)).then_some(letters)
}

/// Whether `name`'s parts (`jean-pierre`, `hans jürgen`) start with `letters`, in order.
pub(super) fn initials_of_parts(letters: &[char], name: &str) -> bool {
    let parts: Vec<&str> = name.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    parts.len() == letters.len() && parts.iter().zip(letters).all(|(p, l)| p.starts_with(*l))
}

/// Given-name level: exact, initial (`J.` / `John`), close (typo, first of several names, a
/// nickname of the other), similar, different.
/// `a_groups` and `b_groups` are the names' nickname groups ([`nicknames::Nicknames::groups_of`]).
pub fn given_level(
    (a, a_raw, a_groups): (&str, &str, &[u32]),
    (b, b_raw, b_groups): (&str, &str, &[u32]),
) -> u8 {
    let plain = given_level_plain(a, b, a_raw, b_raw);
    if plain <= NICKNAME {
        return plain;
    }
    match nicknames::meet_groups(a_groups, b_groups) {
        Meet::Same => NICKNAME,
        Meet::Ambiguous => plain.min(SIMILAR),
        Meet::No => plain,
    }
}

/// The given-name level of two people whose forenames differ.
pub(super) const DIFFERENT_GIVEN: u8 = 5;

/// Whether two middle names (or patronymics) name different people: both written out, not
/// an initial of the other, and not a typo apart. `Оксана Іванівна` and `Оксана Несторівна`
/// have different fathers; `John Michael` and `John David` are different Johns.
pub fn middle_names_conflict(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    if a.is_empty() || b.is_empty() || a == b {
        return false;
    }
    if a.chars().count() == 1 || b.chars().count() == 1 {
        return a.chars().next() != b.chars().next();
    }
    jaro_winkler(a, b) < 0.9
}

/// [`given_level`] of two records' given names.
pub(super) fn given_level_grouped(x: &Features, y: &Features) -> u8 {
    given_level(
        (x.given(), x.given_raw(), &x.given_nicknames),
        (y.given(), y.given_raw(), &y.given_nicknames),
    )
}

/// [`given_level`] by spelling alone, without the nickname table.
pub fn given_level_plain(a: &str, b: &str, a_raw: &str, b_raw: &str) -> u8 {
    if a.is_empty() || b.is_empty() {
        return MISSING;
    }
    if a == b || (!a_raw.is_empty() && a_raw == b_raw) {
        return 1;
    }
    match (compound_initials(a), compound_initials(b)) {
        (Some(i), None) => return if initials_of_parts(&i, b) { 2 } else { 5 },
        (None, Some(j)) => return if initials_of_parts(&j, a) { 2 } else { 5 },
        (Some(i), Some(j)) => return if i == j { 2 } else { 5 },
        (None, None) => {}
    }
    match (initial_of(a, a_raw), initial_of(b, b_raw)) {
        (Some(i), Some(j)) if i.starts_with(j) || j.starts_with(i) => return 2,
        (Some(i), None) if initial_starts(i, a_raw, b, b_raw) => return 2,
        (None, Some(j)) if initial_starts(j, b_raw, a, a_raw) => return 2,
        (Some(_), _) | (_, Some(_)) => return 5,
        _ => {}
    }
    if masculine_and_feminine(a, b) || masculine_and_feminine(b, a) {
        return 5;
    }
    let sim = name_similarity(a, b, a_raw, b_raw);
    if sim >= 0.92 || first_token(a) == first_token(b) || one_edit_apart(a, b) {
        3
    } else if sim >= 0.8 {
        4
    } else {
        5
    }
}

/// Whether `feminine` is `masculine` with a feminine ending: Slavic and Latin -a
/// (`Oleksandr` / `Oleksandra`, `Yaroslav` / `Yaroslava`, `Daniel` / `Daniela`), French -e,
/// -le, -ne (`Louis` / `Louise`, `Michel` / `Michelle`, `Jean` / `Jeanne`). One letter apart,
/// but two people, and husband and wife at one address are the household case. Names under
/// four letters are left alone (`Ann` / `Anna` / `Anne` are one name).
pub(super) fn masculine_and_feminine(masculine: &str, feminine: &str) -> bool {
    let ends_in_consonant = masculine
        .chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() && !"aeiouyаеєиіїоуюяё".contains(c));
    masculine.chars().count() >= 4
        && ends_in_consonant
        && !masculine.contains(' ')
        && feminine
            .strip_prefix(masculine)
            .is_some_and(|ending| matches!(ending, "a" | "e" | "le" | "ne" | "а"))
}

/// Family-name level: exact, close (a typo, or one part of a double surname), similar,
/// different.
pub fn family_level(a: &str, b: &str, a_raw: &str, b_raw: &str) -> u8 {
    if a.is_empty() || b.is_empty() {
        return MISSING;
    }
    if a == b || (!a_raw.is_empty() && a_raw == b_raw) {
        return 1;
    }
    if part_of_double_surname(a, b) || part_of_double_surname(b, a) {
        return 2;
    }
    let sim = name_similarity(a, b, a_raw, b_raw);
    if sim >= 0.92 || one_edit_apart(a, b) {
        2
    } else if sim >= 0.8 {
        3
    } else {
        4
    }
}

/// Whether `part` is one word of the double surname `whole` (`Groth` / `Grein Groth`,
/// `Nowak` / `Nowak-Kowalska`, `Gall` / `Le Gall`): double-barrelled and particle surnames
/// are routinely cut to one part in everyday forms. Words under three letters (`Le`, `Li`)
/// say too little on their own.
pub(super) fn part_of_double_surname(part: &str, whole: &str) -> bool {
    part.chars().count() >= 3
        && !part.contains([' ', '-'])
        && whole.contains([' ', '-'])
        && whole.split([' ', '-']).any(|w| w == part)
}
