//! The location comparison: street line, postcode, town and region as one comparison, so a shared address counts once.
//!
//! Written by hand: no crate compares addresses across scripts and export formats. A street
//! line is the same place only in the same town; two romanisations of one street, or a
//! street marker glued on, still meet when every number agrees.

use super::{MISSING, Outcome, Term, fold_spelling};
use crate::dedupe::features::Features;
use crate::dedupe::strdist::{jaro_winkler, within_one_edit};

/// Address key and postcode as one comparison, so a shared address counts once.
pub(super) fn compare_location(x: &Features, y: &Features) -> Outcome {
    let (level, term) = location_level(x, y);
    Outcome { level, term }
}

/// Whether two records give one home: the location comparison's `address` or
/// `address_close` (one house however its street line is written, in either script).
pub fn same_home(x: &Features, y: &Features) -> bool {
    matches!(location_level(x, y).0, 1 | 2)
}

/// The location level of two records, with the term of the value they share.
fn location_level(x: &Features, y: &Features) -> (u8, Term) {
    let has = |f: &Features| {
        !f.address().is_empty()
            || !f.postcode().is_empty()
            || !f.locality().is_empty()
            || !f.area().is_empty()
    };
    if !has(x) || !has(y) {
        return (MISSING, Term::None);
    }
    let both = |a: &str, b: &str| !a.is_empty() && !b.is_empty();
    // Where both records are placed in a region (a Thai province), the region stands in for
    // the locality: one Thai export names the tambon in Thai, the next the city in English.
    let areas = both(x.area(), y.area());
    let same_postcode = both(x.postcode(), y.postcode()) && x.postcode() == y.postcode();
    let locality_ok = if areas {
        x.area() == y.area()
    } else {
        !both(x.locality(), y.locality()) || same_locality(x.locality(), y.locality())
    };
    // A street line is the same place only in the same town: every Ukrainian city has a
    // Khmelnytskoho Street, every American town a Main Street.
    let place_ok = (!both(x.postcode(), y.postcode()) || same_postcode) && locality_ok;
    if both(x.address(), y.address()) && place_ok {
        if x.address() == y.address() {
            return (1, Term::Address);
        }
        let close = same_house_number(x.address(), y.address())
            && (jaro_winkler(x.address(), y.address()) >= 0.9
                || same_number_and_street(x.address(), y.address())
                || (areas && same_postcode && same_numbers(x.address(), y.address())));
        if close {
            return (2, Term::None);
        }
    }
    if same_postcode {
        return (3, Term::Postcode);
    }
    // In one town, two street lines that are not one house are two homes: a move within the
    // town, or a namesake. Only one street line known is the plain `locality`.
    let town = if both(x.address(), y.address()) { 5 } else { 4 };
    // Two postcodes are two districts, whatever the province.
    if areas && !both(x.postcode(), y.postcode()) {
        if x.area() == y.area() {
            return (town, Term::Area);
        }
        return (7, Term::None);
    }
    if both(x.locality(), y.locality()) && same_locality(x.locality(), y.locality()) {
        return (town, Term::Locality);
    }
    // Two places differ only where both records name one of a kind: a town against a
    // postcode alone (`Manchester` / `M19 4PL`) says nothing either way.
    let comparable = both(x.address(), y.address())
        || both(x.postcode(), y.postcode())
        || both(x.locality(), y.locality())
        || areas;
    if !comparable {
        return (MISSING, Term::None);
    }
    if both(x.locality(), y.locality()) && localities_alike(x.locality(), y.locality()) {
        return (6, Term::None);
    }
    (7, Term::None)
}

/// Whether two town names that are not one town are spelled alike (`Coventry` / `Covetry`,
/// `London` / `Lonodn`): a typo in the town, or two towns with similar names. A level of its
/// own, so the model learns from the data how much that is worth.
fn localities_alike(a: &str, b: &str) -> bool {
    let long_enough = |s: &str| s.chars().count() >= 4;
    long_enough(a) && long_enough(b) && (within_one_edit(a, b) || jaro_winkler(a, b) >= 0.9)
}

/// Whether two locality keys name one town: equal, or one is the other with a district or
/// state after it (`warszawa-mokotow` / `warszawa`, `los angeles ca`, `lyon 3e`). Only a
/// word that follows counts: `new york` is not `york`.
pub(super) fn same_locality(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long
        || (short.chars().count() >= 4
            && long
                .strip_prefix(short)
                .is_some_and(|rest| rest.starts_with([' ', '-'])))
}

/// Whether two street lines hold the same numbers, two or more of them, in the same order:
/// a Thai line in Thai letters and its romanisation share no word but every number
/// (`85/256 ซอยห้วยแก้ว 34` / `85/256 Soi Huay Kaew 34`: house, soi, and the village's หมู่).
fn same_numbers(a: &str, b: &str) -> bool {
    let numbers = |s: &str| -> Vec<u32> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter_map(|t| t.parse().ok())
            .collect()
    };
    let na = numbers(a);
    na.len() >= 2 && na == numbers(b)
}

/// Whether two street lines carry the same house number (their first number), or one has
/// none: `Kotsiubynskoho 17` and `Kotsiubynskoho 59` are different houses however alike the
/// rest of the line is.
fn same_house_number(a: &str, b: &str) -> bool {
    let first_number = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .find(|t| t.chars().any(|c| c.is_ascii_digit()))
            .map(str::to_string)
    };
    match (first_number(a), first_number(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Whether two address keys name the same house: the same house and flat numbers, and a
/// street-name word in common. One street is written `116 Okruzhna St` in an English-language
/// export and `вулиця Окружна, 116` at the branch (street type before or after the name, in
/// another script, the number first or last); the number and the name are what stay.
pub fn same_number_and_street(a: &str, b: &str) -> bool {
    let split = |s: &str| {
        let mut numbers: Vec<String> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        for token in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
        {
            if token.chars().any(|c| c.is_ascii_digit()) {
                numbers.push(token.to_string());
            } else if token.chars().count() >= 4 {
                words.push(token.to_string());
            }
        }
        numbers.sort();
        (numbers, words)
    };
    let ((na, wa), (nb, wb)) = (split(a), split(b));
    !na.is_empty() && na == nb && wa.iter().any(|w| wb.iter().any(|v| one_street_word(w, v)))
}

/// A street word folded as names are ([`fold_spelling`]), and `g` → `h` besides:
/// `Blagovidovoyi` and `Blahovydovoi` (Благовидової by Russian habit and by the Ukrainian
/// standard) fold alike.
fn fold_street_word(word: &str) -> String {
    fold_spelling(word).replace('g', "h")
}

/// Whether two street-name words (lower case) are one, allowing another romanisation and,
/// for long words, a street marker glued on (`provulokskhidchastyi` / `skhidchastiy`).
fn one_street_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (fa, fb) = (fold_street_word(a), fold_street_word(b));
    let long = fa.chars().count().min(fb.chars().count()) >= 6;
    fa == fb || (long && (fa.ends_with(&fb) || fb.ends_with(&fa) || jaro_winkler(&fa, &fb) >= 0.9))
}
