//! Guarded clustering: connected components over match edges, taken in descending probability,
//! refusing any edge that would join two clusters that must stay apart.
//!
//! Two clusters conflict (and the edge goes to review instead) when:
//! - a steward cannot-link decision separates a member of one from a member of the other, or
//!   they are pinned to different customer IDs;
//! - both hold birth dates, no date of one equals, or is one typo / a day–month swap away
//!   from, a date of the other, and they share no e-mail and no identifier. This guard is
//!   on only where the data shows birth dates are reliable: the model's weight for
//!   `birth_date=different` is at most [`BIRTH_GUARD_MAX_WEIGHT`] bits (true matches
//!   disagree on birth dates less than about 1 time in 16);
//! - both hold e-mails and phones, share neither, and share no birth date or identifier;
//! - every full given name of one is outright different from every full given name of the
//!   other (not equal, not an initial, not a typo or transliteration variant) and they share
//!   no e-mail, identifier or birth date: this keeps household members (same surname, address
//!   and landline) apart, and stops `J. Smith` from chaining `John` and `Jane` together
//!   (initials are not kept as given names, so `J.` is compatible with both but cannot
//!   bridge them).
//!
//! Steward must-links and assignments are applied first and only stop at cannot-links.

use super::compare::{
    compare_birth, email_typo, family_level, given_level, given_level_plain, initial_of,
    middle_names_conflict, same_number_and_street,
};
use super::features::Features;
use crate::normalize::name::nicknames::{self, Meet};
use std::collections::{BTreeMap, HashMap};

/// A distinct name of a cluster: given-name Latin key and spelling as written, then the
/// family-name key and spelling (to recognise given and family entered the other way round).
type Given = (String, String, String, String);

/// What a cluster knows about its members, for conflict checks.
#[derive(Clone, Debug, Default)]
struct Summary {
    members: Vec<usize>,
    emails: Vec<String>,
    phones: Vec<String>,
    births: Vec<String>,
    ids: Vec<String>,
    /// Street-address keys and organisation keys: places a person is found at.
    places: Vec<String>,
    givens: Vec<Given>,
    /// Names whose given part is only an initial (`S. Ryan`); they speak for the cluster only
    /// while it has no full given name, so `J.` cannot bridge `John` and `Jane`.
    initials: Vec<Given>,
    /// Middle names and patronymics (Latin keys).
    middles: Vec<String>,
    /// Records no member may share a cluster with (cannot-link partners).
    forbid: Vec<usize>,
    pinned: Option<String>,
}

const MAX_DISTINCT: usize = 16;

/// [`family_level`] for outright different family names.
const FAMILY_DIFFERENT: u8 = 4;

/// The birth-date guard applies when `birth_date=different` weighs at most this many bits.
pub const BIRTH_GUARD_MAX_WEIGHT: f64 = -4.0;

fn merge_sorted<T: Ord + Clone>(a: &mut Vec<T>, b: &[T], cap: usize) {
    a.extend_from_slice(b);
    a.sort();
    a.dedup();
    a.truncate(cap);
}

fn intersects<T: Ord>(a: &[T], b: &[T]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

impl Summary {
    fn of(i: usize, f: &Features) -> Summary {
        let nonempty = |v: &[String]| {
            let mut out: Vec<String> = v.iter().filter(|s| !s.is_empty()).cloned().collect();
            out.sort();
            out.dedup();
            out
        };
        let ids: Vec<String> = f
            .ids
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.is_empty())
            .map(|(n, s)| format!("{n}:{s}"))
            .collect();
        let name = (
            f.given.clone(),
            f.given_raw.clone(),
            f.family.clone(),
            f.family_raw.clone(),
        );
        let (givens, initials) = if f.given.is_empty() {
            (vec![], vec![])
        } else if initial_of(&f.given, &f.given_raw).is_some() {
            (vec![], vec![name])
        } else {
            (vec![name], vec![])
        };
        Summary {
            members: vec![i],
            emails: nonempty(&f.emails),
            phones: nonempty(&f.phones),
            births: nonempty(std::slice::from_ref(&f.birth)),
            ids: nonempty(&ids),
            places: places(f),
            givens,
            initials,
            middles: nonempty(std::slice::from_ref(&f.middle)),
            forbid: Vec::new(),
            pinned: None,
        }
    }

    fn absorb(&mut self, other: Summary) {
        self.members.extend(other.members);
        merge_sorted(&mut self.emails, &other.emails, MAX_DISTINCT);
        merge_sorted(&mut self.phones, &other.phones, MAX_DISTINCT);
        merge_sorted(&mut self.births, &other.births, MAX_DISTINCT);
        merge_sorted(&mut self.ids, &other.ids, MAX_DISTINCT);
        merge_sorted(&mut self.places, &other.places, MAX_DISTINCT);
        merge_sorted(&mut self.givens, &other.givens, MAX_DISTINCT);
        merge_sorted(&mut self.initials, &other.initials, MAX_DISTINCT);
        merge_sorted(&mut self.middles, &other.middles, MAX_DISTINCT);
        self.forbid.extend(other.forbid);
        self.forbid.sort_unstable();
        self.forbid.dedup();
        if self.pinned.is_none() {
            self.pinned = other.pinned;
        }
    }
}

/// Why an edge was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    CannotLink,
    BirthDate,
    Contacts,
    GivenName,
}

/// Union-find over records with per-cluster summaries.
///
/// A record's summary (its contacts, names, places, cloned from its features) is built the
/// first time an edge touches it: most records of a large file never meet a match edge, and
/// building all of them up front cost 800 MB at a million rows.
pub struct Clusters<'a> {
    features: &'a [Features],
    parent: Vec<usize>,
    /// Summaries by cluster root, for the clusters an edge has touched.
    summary: HashMap<usize, Summary>,
    /// Cannot-link partners per record, and steward-assigned IDs, for summaries not built yet.
    forbid: BTreeMap<usize, Vec<usize>>,
    pins: BTreeMap<usize, String>,
    birth_guard: bool,
}

impl<'a> Clusters<'a> {
    /// Every record alone; `forbid` lists cannot-link pairs, `pins` assignments.
    pub fn new(
        features: &'a [Features],
        cannot_link: &[(usize, usize)],
        pins: &[(usize, String)],
    ) -> Clusters<'a> {
        let mut forbid: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &(a, b) in cannot_link {
            forbid.entry(a).or_default().push(b);
            forbid.entry(b).or_default().push(a);
        }
        for partners in forbid.values_mut() {
            partners.sort_unstable();
            partners.dedup();
        }
        Clusters {
            features,
            parent: (0..features.len()).collect(),
            summary: HashMap::new(),
            forbid,
            pins: pins.iter().cloned().collect(),
            birth_guard: true,
        }
    }

    /// Takes the summary of the cluster rooted at `root`, building it for a record alone.
    fn take_summary(&mut self, root: usize) -> Option<Summary> {
        if let Some(s) = self.summary.remove(&root) {
            return Some(s);
        }
        let mut s = Summary::of(root, self.features.get(root)?);
        s.forbid = self.forbid.remove(&root).unwrap_or_default();
        s.pinned = self.pins.remove(&root);
        Some(s)
    }

    /// The steward-assigned ID of the cluster rooted at `root`.
    fn pinned(&self, root: usize) -> Option<String> {
        match self.summary.get(&root) {
            Some(s) => s.pinned.clone(),
            None => self.pins.get(&root).cloned(),
        }
    }

    /// Turns the birth-date conflict off, for data where true matches often disagree on
    /// birth dates (the model learned a weak penalty for different dates).
    pub fn without_birth_guard(mut self) -> Clusters<'a> {
        self.birth_guard = false;
        self
    }

    pub fn find(&mut self, mut i: usize) -> usize {
        let mut root = i;
        while let Some(&p) = self.parent.get(root) {
            if p == root {
                break;
            }
            root = p;
        }
        while let Some(&p) = self.parent.get(i) {
            if p == root {
                break;
            }
            if let Some(slot) = self.parent.get_mut(i) {
                *slot = root;
            }
            i = p;
        }
        root
    }

    /// Joins the clusters of `a` and `b` unless they conflict; `steward` edges only stop at
    /// cannot-links and different pins.
    pub fn join(&mut self, a: usize, b: usize, steward: bool) -> Result<(), Refusal> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return Ok(());
        }
        let (Some(x), Some(y)) = (self.take_summary(ra), self.take_summary(rb)) else {
            return Ok(());
        };
        if let Some(refusal) = conflict(&x, &y, ra, rb, &self.parent, steward, self.birth_guard) {
            self.summary.insert(ra, x);
            self.summary.insert(rb, y);
            return Err(refusal);
        }
        let (keep, gone, mut kept, taken) = if ra < rb {
            (ra, rb, x, y)
        } else {
            (rb, ra, y, x)
        };
        kept.absorb(taken);
        self.summary.insert(keep, kept);
        if let Some(p) = self.parent.get_mut(gone) {
            *p = keep;
        }
        Ok(())
    }

    /// Clusters of the eligible records (members ascending, clusters by first member) with pins.
    pub fn into_groups(mut self, eligible: &[bool]) -> (Vec<Vec<usize>>, Vec<Option<String>>) {
        let n = self.parent.len();
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
        for i in 0..n {
            if eligible.get(i).copied().unwrap_or(false) {
                let r = self.find(i);
                if let Some(g) = by_root.get_mut(r) {
                    g.push(i);
                }
            }
        }
        let mut groups: Vec<(Vec<usize>, Option<String>)> = by_root
            .into_iter()
            .enumerate()
            .filter(|(_, g)| !g.is_empty())
            .map(|(r, g)| (g, self.pinned(r)))
            .collect();
        groups.sort_by_key(|(g, _)| g.first().copied());
        groups.into_iter().unzip()
    }
}

fn root_of(parent: &[usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        i = p;
    }
    i
}

fn conflict(
    x: &Summary,
    y: &Summary,
    rx: usize,
    ry: usize,
    parent: &[usize],
    steward: bool,
    birth_guard: bool,
) -> Option<Refusal> {
    let forbidden =
        |s: &Summary, other: usize| s.forbid.iter().any(|&r| root_of(parent, r) == other);
    let pins_differ = matches!((&x.pinned, &y.pinned), (Some(p), Some(q)) if p != q);
    if forbidden(x, ry) || forbidden(y, rx) || pins_differ {
        return Some(Refusal::CannotLink);
    }
    if steward {
        return None;
    }
    let birth_shared = intersects(&x.births, &y.births);
    let email_shared = intersects(&x.emails, &y.emails);
    let id_shared = intersects(&x.ids, &y.ids);
    let birth_close = x
        .births
        .iter()
        .any(|a| y.births.iter().any(|b| compare_birth(a, b) <= 2));
    if birth_guard
        && !x.births.is_empty()
        && !y.births.is_empty()
        && !birth_close
        && !email_shared
        && !id_shared
    {
        return Some(Refusal::BirthDate);
    }
    let contacts_differ = !x.emails.is_empty()
        && !y.emails.is_empty()
        && !email_shared
        && !emails_close(&x.emails, &y.emails)
        && !x.phones.is_empty()
        && !y.phones.is_empty()
        && !intersects(&x.phones, &y.phones);
    let same_person_same_place = places_meet(x, y) && full_names_agree(x, y);
    if contacts_differ && !birth_shared && !id_shared && !same_person_same_place {
        return Some(Refusal::Contacts);
    }
    let middles_differ = !x.middles.is_empty()
        && !y.middles.is_empty()
        && x.middles
            .iter()
            .all(|a| y.middles.iter().all(|b| middle_names_conflict(a, b)));
    if (names_differ(x, y) || middles_differ) && !(email_shared || birth_shared || id_shared) {
        return Some(Refusal::GivenName);
    }
    None
}

/// E-mails one typo apart ([`email_typo`]: `zabila.liubov@gmail.com` / `zabila.liubov@gmial.com`): the same
/// mailbox mistyped, as good as shared for the contacts guard (not for the name guard).
fn emails_close(x: &[String], y: &[String]) -> bool {
    x.iter()
        .any(|a| y.iter().any(|b| a.chars().count() >= 8 && email_typo(a, b)))
}

/// Where a record places its person: the street address key, and the employer, known by
/// the organisation name or by the domain of a work e-mail (`Bareja-Myk Serwis` and
/// `justyna.buszka@bareja-mykserwis.pl` are one employer: companies register their name as
/// their domain). Employers are compared by their letters only, five at least.
fn places(f: &Features) -> Vec<String> {
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphabetic()).collect() };
    let employer = |prefix: &str, name: String| {
        if name.chars().count() >= 5 {
            format!("{prefix}{name}")
        } else {
            String::new()
        }
    };
    let mut out = vec![
        prefixed("a:", &f.address),
        employer("o:", letters(&f.organization)),
    ];
    for email in &f.emails {
        let domain = email.rsplit_once('@').map_or("", |(_, d)| d);
        let label = domain.split('.').next().unwrap_or("");
        out.push(employer("d:", letters(label)));
    }
    out.retain(|p| !p.is_empty());
    out.sort();
    out.dedup();
    out
}

/// Whether two clusters share a place: an address (the same house however the street line
/// is written: [`same_number_and_street`]) or organisation, or one's organisation is the
/// other's e-mail domain. Two e-mail domains alone do not count (`gmail`).
fn places_meet(x: &Summary, y: &Summary) -> bool {
    let has = |s: &Summary, p: &str| s.places.binary_search_by(|q| q.as_str().cmp(p)).is_ok();
    let meets = |a: &Summary, b: &Summary| {
        a.places.iter().any(|p| {
            if let Some(name) = p.strip_prefix("o:") {
                has(b, p) || has(b, &format!("d:{name}"))
            } else if let Some(address) = p.strip_prefix("a:") {
                b.places
                    .iter()
                    .filter_map(|q| q.strip_prefix("a:"))
                    .any(|other| other == address || same_number_and_street(address, other))
            } else {
                false
            }
        })
    };
    meets(x, y) || meets(y, x)
}

/// `prefix` + `value`, or empty for an empty value.
fn prefixed(prefix: &str, value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else {
        format!("{prefix}{value}")
    }
}

/// Some full name of one cluster is some full name of the other: given names equal, a typo
/// apart or one a nickname of the other, and family names equal or a typo apart.
fn full_names_agree(x: &Summary, y: &Summary) -> bool {
    x.givens.iter().any(|a| {
        y.givens.iter().any(|b| {
            let given = matches!(given_level_plain(&a.0, &b.0, &a.1, &b.1), 1 | 3)
                || nicknames::meet(&a.0, &a.1, &b.0, &b.1) == Meet::Same;
            given && matches!(family_level(&a.2, &b.2, &a.3, &b.3), 1 | 2)
        })
    })
}

/// The names a cluster speaks with: its full given names, else its initials.
fn name_set(s: &Summary) -> &[Given] {
    if s.givens.is_empty() {
        &s.initials
    } else {
        &s.givens
    }
}

/// The cluster's names ([`name_set`]), each turned round when its given name is another
/// member's family name: a cluster that holds `S. Ryan` knows that the `Ryan` of
/// `Ryan | Shane` is the surname typed into the given-name column, so that record speaks as
/// `Shane Ryan` and cannot pass for `Ryan | Natasha` of the same household.
fn oriented_names(s: &Summary) -> Vec<Given> {
    let names = name_set(s);
    let everyone: Vec<&Given> = s.givens.iter().chain(&s.initials).collect();
    names
        .iter()
        .map(|n| {
            let given_is_a_surname = !n.2.is_empty()
                && everyone
                    .iter()
                    .any(|o| !o.2.is_empty() && o.2 == n.0 && o.0 != n.0);
            if given_is_a_surname {
                (n.2.clone(), n.3.clone(), n.0.clone(), n.1.clone())
            } else {
                n.clone()
            }
        })
        .collect()
}

/// Every name of one cluster is outright different from every name of the other: given
/// names not equal, not an initial of one another, not a typo or variant, and not the same
/// name with given and family swapped.
fn names_differ(x: &Summary, y: &Summary) -> bool {
    let (nx, ny) = (oriented_names(x), oriented_names(y));
    !nx.is_empty()
        && !ny.is_empty()
        && nx
            .iter()
            .all(|a| ny.iter().all(|b| !names_compatible(a, b)))
}

/// Two names may be one person's: the given names agree (exact, a typo, or one is a nickname
/// of the other by the table: `Bob` / `Robert`, never a short form of several names such as
/// `Саша`, which would let a household's Олександр and Олександра chain), or agree weakly
/// (an initial, a similar name) while the family names are not outright different, or the
/// name is the same with given and family swapped. `A. Hudson` and `Alexandra Yu` at one
/// address are two people.
fn names_compatible(a: &Given, b: &Given) -> bool {
    match given_level_plain(&a.0, &b.0, &a.1, &b.1) {
        1 | 3 => return true,
        2 | 4 if family_level(&a.2, &b.2, &a.3, &b.3) != FAMILY_DIFFERENT => return true,
        _ => {}
    }
    if nicknames::meet(&a.0, &a.1, &b.0, &b.1) == Meet::Same {
        return true;
    }
    let families = !a.2.is_empty() && !b.2.is_empty();
    families
        && (1..=3).contains(&given_level(&a.0, &b.2, &a.1, &b.3))
        && (1..=2).contains(&family_level(&a.2, &b.0, &a.3, &b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(given: &str, email: &str, phone: &str, birth: &str) -> Features {
        Features {
            given: given.into(),
            family: "smith".into(),
            emails: [email.into(), String::new()],
            phones: [phone.into(), String::new()],
            birth: birth.into(),
            ..Features::default()
        }
    }

    #[test]
    fn chain_through_initial_does_not_merge_conflicting_ends() {
        let f = vec![
            person("john", "", "+441", ""),
            person("j", "", "+441", ""),
            person("jane", "", "+442", ""),
        ];
        let mut c = Clusters::new(&f, &[], &[]);
        assert!(c.join(0, 1, false).is_ok());
        assert_eq!(c.join(1, 2, false), Err(Refusal::GivenName));
        let (groups, _) = c.into_groups(&[true, true, true]);
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
    }

    fn named(given: &str, family: &str, email: &str, phone: &str) -> Features {
        Features {
            given: given.into(),
            given_raw: given.into(),
            family: family.into(),
            family_raw: family.into(),
            emails: [email.into(), String::new()],
            phones: [phone.into(), String::new()],
            ..Features::default()
        }
    }

    #[test]
    fn namesakes_with_different_patronymics_stay_apart_unless_an_email_is_shared() {
        let mut f = vec![
            named("oksana", "makohon", "", "+380311"),
            named("oksana", "makohon", "", "+380442"),
            named("oksana", "makohon", "o.makohon@ukr.net", ""),
            named("oksana", "makohon", "o.makohon@ukr.net", ""),
        ];
        f[0].middle = "ivanivna".into();
        f[1].middle = "nestorivna".into();
        f[2].middle = "ivanivna".into();
        f[3].middle = "ivanovna".into();
        let mut c = Clusters::new(&f, &[], &[]);
        assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
        // A typo in the patronymic is no conflict.
        assert!(c.join(2, 3, false).is_ok());
    }

    #[test]
    fn household_initials_that_differ_stay_apart() {
        // S. Ryan and N. Ryan share a landline and address but not an initial.
        let f = vec![
            named("s.", "ryan", "shane@x.com", "+13035474861"),
            named("n.", "ryan", "nryan@y.com", "+13035474861"),
            named("shane", "ryan", "", "+13035474861"),
        ];
        let mut c = Clusters::new(&f, &[], &[]);
        assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
        assert_eq!(c.join(1, 2, false), Err(Refusal::GivenName));
        assert!(c.join(0, 2, false).is_ok());
    }

    #[test]
    fn an_initial_does_not_bridge_different_family_names() {
        let f = vec![
            named(
                "alexandra",
                "yu",
                "yu.alexandra95@icloud.com",
                "+13122454252",
            ),
            named("a.", "hudson", "hudson.antonio65@aol.com", "+13122454252"),
            named("a.", "yu", "", "+13122454252"),
            named("alexandra", "hudson", "", "+13122454252"),
        ];
        let mut c = Clusters::new(&f, &[], &[]);
        assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
        assert!(c.join(0, 2, false).is_ok());
        // A full given name that agrees survives a change of family name.
        assert!(c.join(0, 3, false).is_ok());
    }

    #[test]
    fn swapped_given_and_family_are_the_same_name() {
        let f = vec![
            named("oryna", "prytula", "", "+380739667785"),
            named("prytula", "oryna", "oryna@i.ua", "+380739667785"),
        ];
        let mut c = Clusters::new(&f, &[], &[]);
        assert!(c.join(0, 1, false).is_ok());
        let g = vec![
            named("zabila", "liubov", "", "+380719266057"),
            named("liuov", "zabila", "", "+380719266057"),
        ];
        let mut c = Clusters::new(&g, &[], &[]);
        assert!(c.join(0, 1, false).is_ok());
    }

    #[test]
    fn swapped_household_members_do_not_meet_through_the_shared_surname() {
        // Shane and Natasha Ryan: each also entered surname-first.
        let f = vec![
            named("s.", "ryan", "shaneryan90@icloud.com", "+13035474861"),
            named("ryan", "shane", "shaneryan90@icloud.com", "+18473964344"),
            named("n.", "ryan", "nryan@gmail.com", "+13035474861"),
            named("ryan", "natasha", "nryan@gmail.com", "+12069983939"),
        ];
        let mut c = Clusters::new(&f, &[], &[]);
        assert!(c.join(0, 1, false).is_ok());
        assert!(c.join(2, 3, false).is_ok());
        assert_eq!(c.join(1, 3, false), Err(Refusal::GivenName));
    }

    #[test]
    fn a_nickname_is_the_same_given_name_but_a_household_stays_apart() {
        let f = vec![
            named("robert", "smith", "rsmith@aol.com", "+14423586798"),
            named("bob", "smith", "bob.smith@gmail.com", "+14423586798"),
            named("anna", "koval", "anna.koval@ukr.net", "+380441234567"),
            named("olena", "koval", "olena.koval@i.ua", "+380441234567"),
        ];
        let mut c = Clusters::new(&f, &[], &[]);
        assert!(c.join(0, 1, false).is_ok());
        assert_eq!(c.join(2, 3, false), Err(Refusal::GivenName));
        // Саша may be Олександр or Олександра: never enough to join a household.
        let g = vec![
            named("oleksandr", "koval", "", "+380441234567"),
            named("oleksandra", "koval", "", "+380441234567"),
            named("sasha", "koval", "", "+380441234567"),
        ];
        let mut c = Clusters::new(&g, &[], &[]);
        assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
        assert_eq!(c.join(0, 2, false), Err(Refusal::GivenName));
    }

    #[test]
    fn same_full_name_at_one_address_survives_different_contacts() {
        let mut work = named("krista", "mude", "krista.mude@mosemann.de", "+49221869286");
        work.address = "bergstrasse 53b".into();
        let mut home = named("krista", "mude", "krista_mude@gmx.de", "+4915604322501");
        home.address = "bergstrasse 53b".into();
        let mut elsewhere = named("krista", "mude", "kmude@web.de", "+4915600000000");
        elsewhere.address = "hauptstrasse 1".into();
        let f = vec![work, home, elsewhere];
        let mut c = Clusters::new(&f, &[], &[]);
        assert!(c.join(0, 1, false).is_ok());
        assert_eq!(c.join(0, 2, false), Err(Refusal::Contacts));
        // One house written two ways: `116 Okruzhna St` / `вулиця Окружна, 116`.
        let mut crm = named(
            "mykolai",
            "andreiko",
            "m.andreiko@azhazhasoft.com.ua",
            "+380721599005",
        );
        crm.address = "116 okruzhna st".into();
        let mut branch = named("mykolai", "andreiko", "mykolai95@meta.ua", "+380996870654");
        branch.address = "vulytsia okruzhna 116".into();
        let f = [crm, branch];
        let mut c = Clusters::new(&f, &[], &[]);
        assert!(c.join(0, 1, false).is_ok());
    }

    #[test]
    fn a_work_email_domain_names_the_employer() {
        let mut crm = named("justyna", "buszka", "jbuszka@interia.pl", "+48615415319");
        crm.organization = "bareja-myk serwis".into();
        let web = named(
            "justyna",
            "buszka",
            "justyna.buszka@bareja-mykserwis.pl",
            "+48534652502",
        );
        let other = named("justyna", "buszka", "justyna.b@gmail.com", "+48534650000");
        let gmail = named("justyna", "buszka", "jbuszka@gmail.com", "+48534650001");
        let f = vec![crm, web, other, gmail];
        let mut c = Clusters::new(&f, &[], &[]);
        assert!(c.join(0, 1, false).is_ok());
        assert_eq!(c.join(0, 2, false), Err(Refusal::Contacts));
        // Two mailboxes at one provider are no shared employer.
        assert_eq!(c.join(2, 3, false), Err(Refusal::Contacts));
    }

    #[test]
    fn a_mistyped_email_counts_as_shared_for_the_contacts_guard() {
        let f = vec![
            named("dan", "hutsuliak", "danhutsuliak@i.ua", "+380562629636"),
            named("dan", "hutsuliak", "danhustuliak@i.ua", "+380502020474"),
            named("dan", "hutsuliak", "dan.h@gmail.com", "+380502020475"),
        ];
        let mut c = Clusters::new(&f, &[], &[]);
        assert!(c.join(0, 1, false).is_ok());
        assert_eq!(c.join(1, 2, false), Err(Refusal::Contacts));
    }

    #[test]
    fn different_birth_dates_conflict_but_typos_do_not() {
        let f = vec![
            person("anna", "", "", "19800312"),
            person("anna", "", "", "19800321"),
            person("anna", "", "", "19751101"),
        ];
        let mut c = Clusters::new(&f, &[], &[]);
        assert!(c.join(0, 1, false).is_ok());
        assert_eq!(c.join(0, 2, false), Err(Refusal::BirthDate));
    }

    #[test]
    fn household_stays_split_but_steward_can_merge() {
        let f = vec![
            person("olena", "olena@x.ua", "+380441", ""),
            person("petro", "petro@x.ua", "+380441", ""),
        ];
        let mut c = Clusters::new(&f, &[], &[]);
        assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
        assert!(c.join(0, 1, true).is_ok());
    }

    #[test]
    fn cannot_link_holds_transitively() {
        let f = vec![
            person("ann", "", "", ""),
            person("ann", "", "", ""),
            person("ann", "", "", ""),
        ];
        let mut c = Clusters::new(&f, &[(0, 2)], &[]);
        assert!(c.join(0, 1, true).is_ok());
        assert_eq!(c.join(1, 2, true), Err(Refusal::CannotLink));
    }
}
