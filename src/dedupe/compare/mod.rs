//! Field comparators: each turns a record pair into a comparison level (exact, close, far,
//! missing…) plus, for exact levels, how common the shared value is (term frequency).

mod email;
mod location;
mod names;

use super::features::Features;
use super::strdist::{jaro_winkler, jaro_winkler_exceeds, within_one_edit};
pub use email::*;
use location::compare_location;
#[cfg(test)]
use location::same_locality;
pub use location::{same_home, same_number_and_street};
pub use names::*;
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
    /// Whose count of records sharing the agreed value (term frequency) weighs the level:
    /// the first record's count of that kind of value ([`TermCounts::count`]).
    pub term: Term,
}

impl Outcome {
    fn level(level: u8) -> Outcome {
        Outcome {
            level,
            term: Term::None,
        }
    }
}

/// Which of a record's term counts ([`TermCounts`]) an agreement is weighed by. An outcome
/// names it rather than carrying the count, so a comparison kept from an earlier run is
/// weighed by this run's counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(u8)]
pub enum Term {
    #[default]
    None = 0,
    Given,
    Family,
    Email,
    EmailAlt,
    Phone,
    PhoneAlt,
    Address,
    Postcode,
    Locality,
    Area,
    Org,
    BirthPlace,
}

impl Term {
    const ALL: [Term; 13] = [
        Term::None,
        Term::Given,
        Term::Family,
        Term::Email,
        Term::EmailAlt,
        Term::Phone,
        Term::PhoneAlt,
        Term::Address,
        Term::Postcode,
        Term::Locality,
        Term::Area,
        Term::Org,
        Term::BirthPlace,
    ];

    /// The term a byte `term as u8` wrote.
    pub fn from_byte(b: u8) -> Option<Term> {
        Term::ALL.get(usize::from(b)).copied()
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
    pub fn compare(&self, x: &Features, y: &Features) -> Outcome {
        self.compare_with(x, y, &NamePair::default())
    }

    /// Compares one pair, with what its name comparisons share (`names`, for this pair
    /// only): comparing a pair on every comparison works out once whether its names were
    /// entered the other way round, instead of once per name comparison.
    pub fn compare_with<'f>(
        &self,
        x: &'f Features,
        y: &'f Features,
        names: &NamePair<'f>,
    ) -> Outcome {
        match self.kind {
            Kind::GivenName | Kind::FamilyName => self.compare_name((x, y), names),
            Kind::Email => compare_email(x, y),
            Kind::Phone => compare_phone(x, y),
            Kind::Location => compare_location(x, y),
            Kind::Organization => compare_organization(x, y),
            Kind::BirthDate => Outcome::level(compare_birth(x.birth(), y.birth())),
            Kind::BirthPlace => compare_place_name(x.birth_place(), y.birth_place()),
            Kind::Identifier(i) => compare_identifier(x.ids.get(i), y.ids.get(i)),
        }
    }

    /// The given- or family-name level of the pair `(x, y)`.
    fn compare_name<'f>(
        &self,
        (x, y): (&'f Features, &'f Features),
        names: &NamePair<'f>,
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
            let term = if level == 1 && !swapped {
                Term::Given
            } else {
                Term::None
            };
            Outcome { level, term }
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
            let term = if level == 1 && !swapped {
                Term::Family
            } else {
                Term::None
            };
            Outcome { level, term }
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

/// Records one customer's contact value can be on without being shared: one per export of a
/// migration and a duplicate within one. A mailbox or number on a handful of records is
/// first of all one person's several records, which a term frequency would read as a common
/// value and discount as heavily as a switchboard: measured on the eight hold-out sets,
/// counting every record cost recall on every set (a married name with her own mailbox fell
/// below the threshold) and bought no precision. Only the records beyond these count, so a
/// switchboard, an office's shared mailbox or a placeholder still weigh little.
const ONE_CUSTOMERS_RECORDS: u32 = 5;

/// The exact level when a value (primary or alternate) is on both sides, with `x`'s slot
/// that holds it; the term is that slot's of `terms` (whose counts [`TermCounts::count`]
/// takes less [`ONE_CUSTOMERS_RECORDS`]).
fn shared_exact(x: &[&str; 2], y: &[&str; 2], terms: [Term; 2]) -> Option<(usize, Outcome)> {
    let slot = shared(x, y)?;
    let outcome = Outcome {
        level: 1,
        term: terms.get(slot).copied().unwrap_or_default(),
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

/// The last `n` digits of a number of at least `n` digits (a local number unresolved for want
/// of a country is compared by its tail with the international form).
pub(crate) fn last_digits(s: &str, n: usize) -> Option<&str> {
    let len = s.len();
    (len >= n).then(|| s.get(len - n..)).flatten()
}

fn compare_phone(x: &Features, y: &Features) -> Outcome {
    if x.phones().iter().all(|v| v.is_empty()) || y.phones().iter().all(|v| v.is_empty()) {
        return Outcome::level(MISSING);
    }
    if let Some((slot, exact)) =
        shared_exact(&x.phones(), &y.phones(), [Term::Phone, Term::PhoneAlt])
    {
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
fn compare_organization(x: &Features, y: &Features) -> Outcome {
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
    if x.organization() == y.organization() {
        return Outcome {
            level: 1,
            term: Term::Org,
        };
    }
    let (a, b) = (x.org_core(), y.org_core());
    if a == b {
        return Outcome {
            level: 2,
            term: Term::Org,
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
fn compare_place_name(a: &str, b: &str) -> Outcome {
    if a.is_empty() || b.is_empty() {
        return Outcome::level(MISSING);
    }
    if a == b {
        return Outcome {
            level: 1,
            term: Term::BirthPlace,
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
    /// Record `ix`'s count of `term`'s kind of value (0 for [`Term::None`]); a contact
    /// value's less the records one customer may hold it on ([`ONE_CUSTOMERS_RECORDS`]).
    pub fn count(&self, term: Term, ix: usize) -> u32 {
        let one = |v: &[u32]| v.get(ix).copied().unwrap_or(0);
        let slot = |v: &[[u32; 2]], s: usize| {
            v.get(ix)
                .and_then(|c| c.get(s))
                .copied()
                .unwrap_or(0)
                .saturating_sub(ONE_CUSTOMERS_RECORDS)
        };
        match term {
            Term::None => 0,
            Term::Given => one(&self.given),
            Term::Family => one(&self.family),
            Term::Email => slot(&self.email, 0),
            Term::EmailAlt => slot(&self.email, 1),
            Term::Phone => slot(&self.phone, 0),
            Term::PhoneAlt => slot(&self.phone, 1),
            Term::Address => one(&self.address),
            Term::Postcode => one(&self.postcode),
            Term::Locality => one(&self.locality),
            Term::Area => one(&self.area),
            Term::Org => one(&self.org),
            Term::BirthPlace => one(&self.birth_place),
        }
    }

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
