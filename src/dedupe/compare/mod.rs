//! Field comparators: each turns a record pair into a comparison level (exact, close, far,
//! missing…) plus, for exact levels, how common the shared value is (term frequency).

mod location;

use super::features::Features;
use super::strdist::{jaro_winkler, jaro_winkler_exceeds, within_one_edit};
use crate::normalize::name::nicknames::{self, Meet};
use crate::normalize::translit::both_readings;
use location::compare_location;
#[cfg(test)]
use location::same_locality;
pub use location::{same_home, same_number_and_street};
use rustc_hash::FxHashMap as HashMap;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::sync::Mutex;
use strsim::damerau_levenshtein;

/// Level index 0 of every comparison: one side has no value; its weight is always 0.
pub const MISSING: u8 = 0;

/// What a comparator looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    GivenName,
    FamilyName,
    Email,
    Phone,
    Location,
    Organization,
    BirthDate,
    BirthPlace,
    /// The n-th configured identifier column.
    Identifier(usize),
}

/// One comparison of the model.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub name: &'static str,
    pub kind: Kind,
}

/// A pair's outcome on one comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub level: u8,
    /// Records sharing the agreed value (term frequency), 0 when not applicable.
    pub tf_count: u32,
}

impl Outcome {
    fn level(level: u8) -> Outcome {
        Outcome { level, tf_count: 0 }
    }
}

impl Comparison {
    /// The model's comparisons: names, contacts, location, organisation, birth date, identifiers.
    pub fn all(identifier_columns: &[String]) -> Vec<Comparison> {
        let mut out = vec![
            Comparison {
                name: "given_name",
                kind: Kind::GivenName,
            },
            Comparison {
                name: "family_name",
                kind: Kind::FamilyName,
            },
            Comparison {
                name: "email",
                kind: Kind::Email,
            },
            Comparison {
                name: "phone",
                kind: Kind::Phone,
            },
            Comparison {
                name: "location",
                kind: Kind::Location,
            },
            Comparison {
                name: "organization",
                kind: Kind::Organization,
            },
            Comparison {
                name: "birth_date",
                kind: Kind::BirthDate,
            },
            Comparison {
                name: "birth_place",
                kind: Kind::BirthPlace,
            },
        ];
        for (i, col) in identifier_columns.iter().enumerate() {
            out.push(Comparison {
                name: intern(&format!("id:{}", col.trim())),
                kind: Kind::Identifier(i),
            });
        }
        out
    }

    /// Level labels, index = level (`missing` first).
    pub fn labels(&self) -> &'static [&'static str] {
        match self.kind {
            Kind::GivenName => &[
                "missing",
                "exact",
                "initial",
                "close",
                "similar",
                "different",
            ],
            Kind::FamilyName => &["missing", "exact", "close", "similar", "different"],
            Kind::Email => &["missing", "exact", "local_part", "close", "different"],
            Kind::Phone => &[
                "missing",
                "exact",
                "exact_line",
                "last_digits",
                "other_line",
                "different",
            ],
            Kind::Location => &[
                "missing",
                "address",
                "address_close",
                "postcode",
                "locality",
                "other_address",
                "locality_close",
                "different",
            ],
            Kind::Organization => &[
                "missing",
                "exact",
                "same_words",
                "close",
                "within",
                "shares_word",
                "different",
            ],
            Kind::BirthDate => &["missing", "exact", "typo", "same_year", "different"],
            Kind::BirthPlace => &["missing", "exact", "close", "different"],
            Kind::Identifier(_) => &["missing", "exact", "one_typo", "two_typos", "different"],
        }
    }

    /// Whether a level means the two values disagree outright.
    pub fn is_different(&self, level: u8) -> bool {
        usize::from(level) + 1 == self.labels().len()
    }

    /// Compares one pair.
    pub fn compare(&self, x: &Features, y: &Features, tx: &TermCounts, ix: usize) -> Outcome {
        self.compare_with(x, y, tx, ix, &NamePair::default())
    }

    /// Compares one pair, with what its name comparisons share (`names`, for this pair
    /// only): comparing a pair on every comparison works out once whether its names were
    /// entered the other way round, instead of once per name comparison.
    pub fn compare_with<'f>(
        &self,
        x: &'f Features,
        y: &'f Features,
        tx: &TermCounts,
        ix: usize,
        names: &NamePair<'f>,
    ) -> Outcome {
        match self.kind {
            Kind::GivenName | Kind::FamilyName => self.compare_name((x, y), names, tx, ix),
            Kind::Email => compare_email(x, y, tx, ix),
            Kind::Phone => compare_phone(x, y, tx, ix),
            Kind::Location => compare_location(x, y, tx, ix),
            Kind::Organization => compare_organization(x, y, tx, ix),
            Kind::BirthDate => Outcome::level(compare_birth(x.birth(), y.birth())),
            Kind::BirthPlace => compare_place_name(x.birth_place(), y.birth_place(), tx, ix),
            Kind::Identifier(i) => compare_identifier(x.ids.get(i), y.ids.get(i)),
        }
    }

    /// The given- or family-name level of the pair `(x, y)`.
    fn compare_name<'f>(
        &self,
        (x, y): (&'f Features, &'f Features),
        names: &NamePair<'f>,
        tx: &TermCounts,
        ix: usize,
    ) -> Outcome {
        let crossed = names.crossed(x, y);
        let swapped = crossed.is_some();
        if self.kind == Kind::GivenName {
            let level = if let Some(c) = &crossed {
                let (a, b, a_raw, b_raw) = c.given;
                let (ga, gb) = c.given_groups;
                given_level((a, a_raw, ga), (b, b_raw, gb))
            } else {
                given_level_grouped(x, y)
            };
            let level = if level != MISSING && middle_names_conflict(x.middle(), y.middle()) {
                DIFFERENT_GIVEN
            } else if level == DIFFERENT_GIVEN && names.rearranged(x, y) {
                NICKNAME
            } else {
                level
            };
            let tf = if level == 1 && !swapped {
                tx.given.get(ix).copied().unwrap_or(0)
            } else {
                0
            };
            Outcome {
                level,
                tf_count: tf,
            }
        } else {
            let level = match &crossed {
                Some(c) => {
                    let (a, b, a_raw, b_raw) = c.family;
                    family_level(a, b, a_raw, b_raw)
                }
                None => family_level(x.family(), y.family(), x.family_raw(), y.family_raw()),
            };
            let level = if level == FAMILY_DIFFERENT && names.rearranged(x, y) {
                2
            } else {
                level
            };
            let tf = if level == 1 && !swapped {
                tx.family.get(ix).copied().unwrap_or(0)
            } else {
                0
            };
            Outcome {
                level,
                tf_count: tf,
            }
        }
    }
}

/// What the given- and family-name comparisons of one record pair share, each part worked
/// out on first use and kept for the other comparison: whether the names were entered the
/// other way round (and then which crossed parts are the given names), and whether one
/// name is the other's words rearranged. Made for one pair and dropped after it.
#[derive(Default)]
pub struct NamePair<'f> {
    crossed: OnceCell<Option<CrossedNames<'f>>>,
    rearranged: OnceCell<bool>,
}

impl<'f> NamePair<'f> {
    /// The crossed names when the pair's names are swapped ([`names_swapped`]).
    fn crossed(&self, x: &'f Features, y: &'f Features) -> Option<&CrossedNames<'f>> {
        self.crossed
            .get_or_init(|| names_swapped(x, y).then(|| CrossedNames::of(x, y)))
            .as_ref()
    }

    /// [`names_rearranged`] of the pair's names.
    fn rearranged(&self, x: &Features, y: &Features) -> bool {
        *self
            .rearranged
            .get_or_init(|| names_rearranged(x.given(), x.family(), y.given(), y.family()))
    }
}

/// Similarity credited to a Thai spelling and a romanisation with the same consonant skeleton:
/// enough for `close`, never `exact`.
const THAI_LATIN_SIMILARITY: f64 = 0.95;

/// Similarity of two names: Jaro–Winkler on the Latin keys, and on the spellings as written
/// when both are present (same-script spellings that transliterate differently still meet).
pub fn name_similarity(a: &str, b: &str, a_raw: &str, b_raw: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let latin = jaro_winkler(a, b);
    if super::thai_latin::thai_latin_meet(a, b, a_raw, b_raw) {
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
fn names_swapped(x: &Features, y: &Features) -> bool {
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
struct CrossedNames<'f> {
    given: (&'f str, &'f str, &'f str, &'f str),
    /// The nickname groups of the two names compared as given names.
    given_groups: (&'f [u32], &'f [u32]),
    family: (&'f str, &'f str, &'f str, &'f str),
}

impl<'f> CrossedNames<'f> {
    fn of(x: &'f Features, y: &'f Features) -> CrossedNames<'f> {
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
fn part_similarity(a: &str, b: &str, a_raw: &str, b_raw: &str) -> f64 {
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
fn part_similarity_exceeds(a: &str, b: &str, a_raw: &str, b_raw: &str, threshold: f64) -> bool {
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
fn name_similarity_exceeds(a: &str, b: &str, a_raw: &str, b_raw: &str, threshold: f64) -> bool {
    if a.is_empty() || b.is_empty() {
        return 0.0 > threshold;
    }
    if jaro_winkler_exceeds(a, b, threshold) {
        return true;
    }
    if super::thai_latin::thai_latin_meet(a, b, a_raw, b_raw) {
        return THAI_LATIN_SIMILARITY > threshold;
    }
    !a_raw.is_empty()
        && !b_raw.is_empty()
        && (a_raw != a || b_raw != b)
        && jaro_winkler_exceeds(a_raw, b_raw, threshold)
}

fn first_token(s: &str) -> &str {
    s.split([' ', '-']).next().unwrap_or(s)
}

/// Whether `initial` (its Latin-key prefix and the spelling it was written in) can be the
/// initial of the name `name` / `name_raw`: the key starts with it, or the two are read
/// alike from their scripts: `A.` / `Александр` (whose key is that of `Олександр`), `И.` /
/// `Ігор` (Russian and Ukrainian spellings of one name), `J` / `จักรพันธ์`.
fn initial_starts(initial: &str, initial_raw: &str, name: &str, name_raw: &str) -> bool {
    if name.starts_with(initial) {
        return true;
    }
    let name_written = if name_raw.is_empty() { name } else { name_raw };
    if super::thai_latin::initial_fits_thai(initial, name_written) {
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
const NICKNAME: u8 = 3;
const SIMILAR: u8 = 4;

/// The letters of a compound given name written as initials (`J.-P.`, `J.P.`, `H.-J.`):
/// two or more one-letter parts with a dot or hyphen between them. `None` otherwise.
fn compound_initials(key: &str) -> Option<Vec<char>> {
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
fn initials_of_parts(letters: &[char], name: &str) -> bool {
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
const DIFFERENT_GIVEN: u8 = 5;

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
fn given_level_grouped(x: &Features, y: &Features) -> u8 {
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
fn masculine_and_feminine(masculine: &str, feminine: &str) -> bool {
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
fn part_of_double_surname(part: &str, whole: &str) -> bool {
    part.chars().count() >= 3
        && !part.contains([' ', '-'])
        && whole.contains([' ', '-'])
        && whole.split([' ', '-']).any(|w| w == part)
}

/// Records one customer's contact value can be on without being shared: one per export of a
/// migration and a duplicate within one. A mailbox or number on a handful of records is
/// first of all one person's several records, which a term frequency would read as a common
/// value and discount as heavily as a switchboard: measured on the eight hold-out sets,
/// counting every record cost recall on every set (a married name with her own mailbox fell
/// below the threshold) and bought no precision. Only the records beyond these count, so a
/// switchboard, an office's shared mailbox or a placeholder still weigh little.
const ONE_CUSTOMERS_RECORDS: u32 = 5;

/// The exact level when a value (primary or alternate) is on both sides, with `x`'s slot
/// that holds it; the term count is that slot's from `counts` (indexed by record `ix`) less
/// [`ONE_CUSTOMERS_RECORDS`].
fn shared_exact(
    x: &[&str; 2],
    y: &[&str; 2],
    counts: &[[u32; 2]],
    ix: usize,
) -> Option<(usize, Outcome)> {
    let slot = shared(x, y)?;
    let tf_count = counts
        .get(ix)
        .and_then(|c| c.get(slot))
        .copied()
        .unwrap_or(0);
    let outcome = Outcome {
        level: 1,
        tf_count: tf_count.saturating_sub(ONE_CUSTOMERS_RECORDS),
    };
    Some((slot, outcome))
}

/// Finds a value present on both sides (any slot against any slot).
fn shared(x: &[&str; 2], y: &[&str; 2]) -> Option<usize> {
    (0..2).find(|&i| {
        x.get(i)
            .is_some_and(|v| !v.is_empty() && y.iter().any(|w| w == v))
    })
}

fn compare_email(x: &Features, y: &Features, tx: &TermCounts, ix: usize) -> Outcome {
    let outcome = compare_valid_emails(x, y, tx, ix);
    let undecided = outcome.level == MISSING || outcome.level == 4;
    if undecided && (unparsed_meets(x, y) || unparsed_meets(y, x)) {
        return Outcome::level(3);
    }
    outcome
}

/// Whether one of `x`'s e-mail cells that are no valid address is, crudely folded, one edit
/// or less from an address (valid or not) of `y`: `f@b@reese.com` and `fb@reese.com`.
fn unparsed_meets(x: &Features, y: &Features) -> bool {
    let theirs: Vec<&str> = y
        .emails()
        .into_iter()
        .filter(|e| !e.is_empty())
        .chain(y.emails_unparsed().split(' ').filter(|e| !e.is_empty()))
        .collect();
    x.emails_unparsed()
        .split(' ')
        .filter(|e| !e.is_empty())
        .any(|mine| {
            theirs
                .iter()
                .any(|t| *t == mine || within_one_edit(mine, t))
        })
}

/// The e-mail level from the valid addresses alone.
fn compare_valid_emails(x: &Features, y: &Features, tx: &TermCounts, ix: usize) -> Outcome {
    if x.emails().iter().all(|v| v.is_empty()) || y.emails().iter().all(|v| v.is_empty()) {
        return Outcome::level(MISSING);
    }
    if let Some((slot, exact)) = shared_exact(&x.emails(), &y.emails(), &tx.email, ix) {
        // A family's shared mailbox says one home, which the address already tells; as an
        // e-mail match it would make a mother and her son one person.
        if x.household_emails.get(slot).copied().unwrap_or(false) {
            return Outcome::level(MISSING);
        }
        return exact;
    }
    if x.email_local().chars().count() >= 3 && x.email_local() == y.email_local() {
        // One mailbox whose domain was mistyped on one record (`@urk.net`, `@ukr.ne` for
        // `@ukr.net`) is the same address, however common the name in it is.
        if domain_typo(x.emails()[0], y.emails()[0]) {
            return Outcome::level(3);
        }
        // `anna.kowalska@gmail.com` and `anna.kowalska@wp.pl` say no more than the names do
        // when the names agree; counted again, they make namesakes look like one person.
        // `sales@` at two companies says nothing at all.
        let role = x.role_emails[0] || y.role_emails[0];
        // Either record's name counts: `josealves@` is José Alves's name on Pepe's record too.
        let named = local_part_is_the_name(x.email_local(), x)
            || local_part_is_the_name(x.email_local(), y);
        return if role || named {
            Outcome::level(MISSING)
        } else {
            Outcome::level(2)
        };
    }
    if !x.emails()[0].is_empty()
        && !y.emails()[0].is_empty()
        && email_typo(x.emails()[0], y.emails()[0])
    {
        return Outcome::level(3);
    }
    Outcome::level(4)
}

/// Whether an e-mail local part is only the person's given and family names (in either order,
/// with or without separators, allowing a typo or another romanisation): `roksolana.yatsenko`,
/// `yatsenko_roksolana`, `randy_barr96` for `Rndy Barr`, `somsak.saengthong` for สมศักดิ์
/// แสงทอง. `jsmith` is not.
fn local_part_is_the_name(local: &str, f: &Features) -> bool {
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphabetic()).collect() };
    let joined = letters(local);
    let (given, family) = (letters(f.given()), letters(f.family()));
    if joined.is_empty() || given.is_empty() || family.is_empty() {
        return false;
    }
    let spelled = |name: String| name == joined || jaro_winkler(&name, &joined) >= 0.93;
    if spelled(format!("{given}{family}")) || spelled(format!("{family}{given}")) {
        return true;
    }
    // A Thai name and its romanisation in the mailbox, part by part.
    let parts: Vec<&str> = local
        .split(|c: char| !c.is_alphabetic())
        .filter(|p| !p.is_empty())
        .collect();
    let thai =
        |key: &str, raw: &str, part: &str| super::thai_latin::thai_latin_meet(key, part, raw, part);
    match parts.as_slice() {
        [a, b] => {
            (thai(f.given(), f.given_raw(), a) && thai(f.family(), f.family_raw(), b))
                || (thai(f.family(), f.family_raw(), a) && thai(f.given(), f.given_raw(), b))
        }
        _ => false,
    }
}

/// Whether two different e-mails are one address mistyped: one edit apart, and the edit is
/// not only a separator or a digit of the local part. When `donna.kaur@` is taken, a
/// namesake signs up as `donnakaur@`, `donna_kaur@` or `donna.kaur86@`: those are other
/// people's mailboxes, while a typo hits letters (`hutsuliak` / `hustuliak`) or the domain
/// (`gmial.com`).
pub fn email_typo(a: &str, b: &str) -> bool {
    if a == b || !within_one_edit(a, b) {
        return false;
    }
    let (la, da) = a.rsplit_once('@').unwrap_or((a, ""));
    let (lb, db) = b.rsplit_once('@').unwrap_or((b, ""));
    if da != db {
        return true;
    }
    // Local parts that differ only in their first letter are two initials before one family
    // name (`jshevchenko@` for Julia, `yshevchenko@` for Yurii), not a slip of the keyboard.
    let rest = |l: &str| l.chars().skip(1).collect::<String>();
    if la.chars().next() != lb.chars().next() && rest(la) == rest(lb) {
        return false;
    }
    let letters =
        |s: &str| -> String { s.chars().filter(|c| c.is_alphabetic()).collect::<String>() };
    letters(la) != letters(lb)
}

/// Shortest domain a one-letter difference counts as a typo in: `wp.pl`, `op.pl` and `o2.pl`
/// are three providers.
const TYPO_DOMAIN_LEN: usize = 6;

/// Whether two addresses' domains are one edit apart and long enough for that to be a typo
/// (`ukr.net` / `urk.net`, `gmail.com` / `gmail.co`).
fn domain_typo(a: &str, b: &str) -> bool {
    fn domain(e: &str) -> &str {
        e.rsplit_once('@').map_or("", |(_, d)| d)
    }
    let (da, db) = (domain(a), domain(b));
    da != db && da.len().min(db.len()) >= TYPO_DOMAIN_LEN && within_one_edit(da, db)
}

/// The last `n` digits of a number of at least `n` digits (a local number unresolved for want
/// of a country is compared by its tail with the international form).
pub(crate) fn last_digits(s: &str, n: usize) -> Option<&str> {
    let len = s.len();
    (len >= n).then(|| s.get(len - n..)).flatten()
}

fn compare_phone(x: &Features, y: &Features, tx: &TermCounts, ix: usize) -> Outcome {
    if x.phones().iter().all(|v| v.is_empty()) || y.phones().iter().all(|v| v.is_empty()) {
        return Outcome::level(MISSING);
    }
    if let Some((slot, exact)) = shared_exact(&x.phones(), &y.phones(), &tx.phone, ix) {
        // A mobile by its numbering plan is one person's; a landline, or a number whose plan
        // does not tell (`+1`), is as often a household's or an office's.
        let mobile = x.sure_mobiles.get(slot).copied().unwrap_or(false);
        return Outcome {
            level: if mobile { 1 } else { 2 },
            ..exact
        };
    }
    let tail_match = x
        .phones()
        .iter()
        .filter_map(|p| last_digits(p, 7))
        .any(|t| {
            y.phones()
                .iter()
                .filter_map(|p| last_digits(p, 7))
                .any(|u| u == t)
        });
    if tail_match {
        return Outcome::level(3);
    }
    // A landline on one side and a mobile on the other: a work or home number beside a
    // personal one, which one person has as often as two people do (on the hold-out sets,
    // two thirds of one person's records with two different numbers, a quarter of two
    // people's); two mobiles, or two landlines, that differ are two lines of one kind.
    let kinds = |f: &Features| {
        let mut landline = false;
        let mut mobile = false;
        for (p, m) in f.phones().iter().zip(f.mobiles) {
            if !p.is_empty() {
                if m {
                    mobile = true;
                } else {
                    landline = true;
                }
            }
        }
        (landline, mobile)
    };
    let ((xl, xm), (yl, ym)) = (kinds(x), kinds(y));
    let one_kind_on_both = (xl && yl) || (xm && ym);
    Outcome::level(if one_kind_on_both { 5 } else { 4 })
}

/// Whether every word of the sorted word list `part` is in the sorted word list `whole`.
fn words_within(part: &str, whole: &str) -> bool {
    let mut pool: Vec<&str> = whole.split(' ').collect();
    part.split(' ')
        .all(|w| match pool.iter().position(|p| *p == w) {
            Some(i) => {
                pool.swap_remove(i);
                true
            }
            None => false,
        })
}

/// Organisations, both present: `exact` (one key), `same_words` (the same distinctive words
/// in any order, the generic ones aside: `Restaurant Katsu` / `Katsu`, `Cafe Ritz-Carlton` /
/// `Ritz-Carlton Cafe`), `close` (the distinctive words alike letter by letter: `Second
/// Street Grill` / `Second Street Grille`), `within` (one name's distinctive words all in the
/// other's: `Virgil's` / `Virgil's Real BBQ`), `shares_word` (a distinctive word in common),
/// `different`. The exact levels carry how many records share the words (a chain's name is
/// common). One present and the other record's name is two or more of its words (a company
/// typed, perhaps shortened, into the name fields: `Агро | Василашко` / `Василашко Агро 886
/// Limited`): `exact`; else missing.
fn compare_organization(x: &Features, y: &Features, tx: &TermCounts, ix: usize) -> Outcome {
    let (xo, yo) = (x.organization().is_empty(), y.organization().is_empty());
    if xo != yo {
        let (name, org) = if xo { (x, y) } else { (y, x) };
        if name.org_tokens().contains(' ') && words_within(name.org_tokens(), org.org_tokens()) {
            return Outcome::level(1);
        }
    }
    if xo || yo {
        return Outcome::level(MISSING);
    }
    let tf = || tx.org.get(ix).copied().unwrap_or(0);
    if x.organization() == y.organization() {
        return Outcome {
            level: 1,
            tf_count: tf(),
        };
    }
    let (a, b) = (x.org_core(), y.org_core());
    if a == b {
        return Outcome {
            level: 2,
            tf_count: tf(),
        };
    }
    if jaro_winkler(a, b) >= 0.92 || words_alike(a, b) {
        return Outcome::level(3);
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let in_both = words_within(short, x.org_tokens()) && words_within(short, y.org_tokens());
    if words_within(short, long) || in_both {
        return Outcome::level(4);
    }
    if a.split(' ')
        .any(|w| w.chars().count() >= 3 && b.split(' ').any(|v| v == w))
    {
        return Outcome::level(5);
    }
    Outcome::level(6)
}

/// Whether two words are one edit apart and the longer has four characters or more (`anna` /
/// `ann`, in either order; `al` / `ali` are too short for an edit to mean a typo).
fn one_edit_apart(a: &str, b: &str) -> bool {
    a.chars().count().max(b.chars().count()) >= 4 && within_one_edit(a, b)
}

/// Two sorted word lists of one length whose words pair up within one edit each (the
/// first letters equal): `grill street second` / `grille street second`.
fn words_alike(a: &str, b: &str) -> bool {
    let (aw, bw): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    aw.len() == bw.len()
        && aw
            .iter()
            .zip(&bw)
            .all(|(p, q)| p.chars().next() == q.chars().next() && (p == q || one_edit_apart(p, q)))
}

/// Two place names (a birth place): `exact` (with how many records name the place),
/// `close` (a typo, or one name the start of the other: `Norwich` / `Norwich, Norfolk`),
/// `different`.
fn compare_place_name(a: &str, b: &str, tx: &TermCounts, ix: usize) -> Outcome {
    if a.is_empty() || b.is_empty() {
        return Outcome::level(MISSING);
    }
    if a == b {
        return Outcome {
            level: 1,
            tf_count: tx.birth_place.get(ix).copied().unwrap_or(0),
        };
    }
    let first = |s: &str| s.split([',', ' ']).next().unwrap_or("").to_string();
    let starts = first(a) == first(b) && first(a).chars().count() >= 4;
    Outcome::level(if starts || jaro_winkler(a, b) >= 0.9 {
        2
    } else {
        3
    })
}

/// Birth dates as `YYYYMMDD` digits: exact, one typo or day/month swapped, same year, different.
pub fn compare_birth(a: &str, b: &str) -> u8 {
    if a.is_empty() || b.is_empty() {
        return MISSING;
    }
    if a == b {
        return 1;
    }
    let swapped = a.len() == 8
        && b.len() == 8
        && a.get(..4) == b.get(..4)
        && a.get(4..6) == b.get(6..8)
        && a.get(6..8) == b.get(4..6);
    if swapped || within_one_edit(a, b) {
        2
    } else if a.len() >= 4 && a.get(..4) == b.get(..4) {
        3
    } else {
        4
    }
}

fn compare_identifier(a: Option<&String>, b: Option<&String>) -> Outcome {
    let (Some(a), Some(b)) = (a, b) else {
        return Outcome::level(MISSING);
    };
    if a.is_empty() || b.is_empty() {
        return Outcome::level(MISSING);
    }
    Outcome::level(match damerau_levenshtein(a, b) {
        0 => 1,
        1 => 2,
        2 => 3,
        _ => 4,
    })
}

/// How many eligible records hold each record's values (for term-frequency adjustment).
#[derive(Clone, Debug, Default)]
pub struct TermCounts {
    pub given: Vec<u32>,
    pub family: Vec<u32>,
    pub email: Vec<[u32; 2]>,
    pub phone: Vec<[u32; 2]>,
    pub address: Vec<u32>,
    pub postcode: Vec<u32>,
    /// Localities are common or rare too: half a Ukrainian file lives in Київ.
    pub locality: Vec<u32>,
    /// Regions too: a third of a Thai file lives in Bangkok.
    pub area: Vec<u32>,
    /// Organisations' distinctive words: a chain's name is on many records.
    pub org: Vec<u32>,
    /// Birth places: London is on many records, a village on few.
    pub birth_place: Vec<u32>,
    /// Number of eligible records.
    pub total: u32,
}

impl TermCounts {
    /// Counts values over the eligible records, one kind of value at a time. Values are
    /// counted by a 64-bit hash rather than kept as strings (at a million records the string
    /// maps were hundreds of megabytes); two values colliding would only merge their counts.
    pub fn build(features: &[Features], eligible: &[bool]) -> TermCounts {
        TermCounts {
            given: count_terms(features, eligible, |f| [f.given(), ""]).map(|[g, _]| g),
            family: count_terms(features, eligible, |f| [f.family(), ""]).map(|[g, _]| g),
            email: count_terms(features, eligible, Features::emails).into(),
            phone: count_terms(features, eligible, Features::phones).into(),
            address: count_terms(features, eligible, |f| [f.address(), ""]).map(|[a, _]| a),
            postcode: count_terms(features, eligible, |f| [f.postcode(), ""]).map(|[a, _]| a),
            locality: count_terms(features, eligible, |f| [f.locality(), ""]).map(|[a, _]| a),
            area: count_terms(features, eligible, |f| [f.area(), ""]).map(|[a, _]| a),
            org: count_terms(features, eligible, |f| [f.org_core(), ""]).map(|[a, _]| a),
            birth_place: count_terms(features, eligible, |f| [f.birth_place(), ""]).map(|[a, _]| a),
            total: eligible.iter().filter(|&&e| e).count() as u32,
        }
    }
}

/// Per record, how many eligible records hold each of its two values (0 for an empty one).
fn count_terms<'f>(
    features: &'f [Features],
    eligible: &[bool],
    values: impl Fn(&'f Features) -> [&'f str; 2],
) -> TermColumn {
    use std::hash::BuildHasher;
    let hasher = rustc_hash::FxBuildHasher;
    let mut counts: HashMap<u64, u32> = HashMap::default();
    for (f, _) in features.iter().zip(eligible).filter(|(_, e)| **e) {
        let [a, b] = values(f);
        // The alternate counts only when it is another value than the primary.
        for v in [a, b].into_iter().take(if b == a { 1 } else { 2 }) {
            if !v.is_empty() {
                *counts.entry(hasher.hash_one(v)).or_insert(0) += 1;
            }
        }
    }
    let get = |v: &str| {
        if v.is_empty() {
            0
        } else {
            counts.get(&hasher.hash_one(v)).copied().unwrap_or(0)
        }
    };
    TermColumn(features.iter().map(|f| values(f).map(get)).collect())
}

/// Counts of a value kind, two slots per record.
struct TermColumn(Vec<[u32; 2]>);

impl TermColumn {
    fn map<T>(self, one: impl Fn([u32; 2]) -> T) -> Vec<T> {
        self.0.into_iter().map(one).collect()
    }
}

impl From<TermColumn> for Vec<[u32; 2]> {
    fn from(c: TermColumn) -> Self {
        c.0
    }
}

/// Interns a comparison name built at run time (identifier columns), so it can be `'static`.
fn intern(name: &str) -> &'static str {
    static NAMES: Mutex<BTreeMap<String, &'static str>> = Mutex::new(BTreeMap::new());
    let Ok(mut names) = NAMES.lock() else {
        return "id";
    };
    if let Some(s) = names.get(name) {
        return s;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(name.to_string(), leaked);
    leaked
}

#[cfg(test)]
mod tests;
