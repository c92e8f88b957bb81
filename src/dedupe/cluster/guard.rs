//! The clustering guards: whether two clusters may be one customer, judged from what their
//! members' features say (contacts, birth dates, identifiers, names, places).
//!
//! A cluster's [`View`] is built from its members' features when an edge is checked,
//! borrowing their text; only clusters of [`super::KEEP_VIEW_FROM`] members or more keep
//! theirs between edges (rebuilding it on every edge made a 50,000-record cluster quadratic;
//! keeping one for every cluster was, at a million rows, the largest transient of the run).
//! Each kind of value is capped at [`MAX_DISTINCT`] distinct values (the smallest in sort
//! order) and the records at the [`MAX_DISTINCT`] lowest indices, so a kept view merged with
//! another is the view built from both clusters' members.
//!
//! Alternatives measured on the independent hold-out sets (`benches/holdout`, eight sets) and
//! rejected, so that nobody tries them again blind: a shared mobile exempting a pair from
//! the name guard (US/CA numbers are `fixed_line_or_mobile`, so household landlines counted
//! and households merged: precision 0.974 → 0.951); dropping the "same person, same place"
//! exemption from the contacts guard (recall fell more than precision rose on every set); a
//! shared e-mail no longer exempting different names (family mailboxes split, but so did
//! spellings the comparators miss: F1 fell on five of eight sets). What is kept instead is
//! narrower (`mailbox_names_one_side`): a mailbox that spells one side's given name and
//! nothing of the other's does not vouch (F1 up on six of eight sets, by up to 0.003).

use super::Refusal;
use crate::dedupe::compare::{
    FAMILY_DIFFERENT, compare_birth, email_typo, family_level, fold_spelling, given_level,
    given_level_plain, initial_of, middle_names_conflict, name_similarity, names_rearranged,
    same_home, same_number_and_street,
};
use crate::dedupe::features::Features;
use crate::dedupe::strdist::jaro_winkler;
use crate::dedupe::thai_latin;
use crate::normalize::name::nicknames::{self, Meet};

/// A distinct name of a cluster: given-name Latin key and spelling as written, then the
/// family-name key and spelling (to recognise given and family entered the other way round).
/// A member's name: given key and spelling, family key and spelling, and the nickname groups
/// of the given and of the family name ([`crate::dedupe::features::Features`]).
type Given<'f> = (&'f str, &'f str, &'f str, &'f str, &'f [u32], &'f [u32]);

/// Distinct values kept per kind and cluster.
const MAX_DISTINCT: usize = 16;

/// What a cluster knows about its members, for conflict checks.
#[derive(Debug, Default)]
pub(super) struct View<'f> {
    /// The e-mails that are a person's (role accounts such as `info@` left out: colleagues
    /// share them).
    emails: Vec<&'f str>,
    phones: Vec<&'f str>,
    /// The e-mails at mail providers and the mobile numbers: the contacts a person has one
    /// of at a time (an employer's address or a landline is had beside them).
    personal_emails: Vec<&'f str>,
    mobiles: Vec<&'f str>,
    /// The numbers that are mobiles by their plan ([`Features::sure_mobiles`]).
    sure_mobiles: Vec<&'f str>,
    births: Vec<&'f str>,
    /// Identifier values as `n:value` (n = the configured column).
    ids: Vec<String>,
    /// Street-address keys and employers: places a person is found at.
    places: Vec<String>,
    givens: Vec<Given<'f>>,
    /// Names whose given part is only an initial (`S. Ryan`); they speak for the cluster only
    /// while it has no full given name, so `J.` cannot bridge `John` and `Jane`.
    initials: Vec<Given<'f>>,
    /// Middle names and patronymics (Latin keys).
    middles: Vec<&'f str>,
    /// The members themselves (the [`MAX_DISTINCT`] with the lowest indices, by index), for
    /// the checks that compare records rather than values.
    records: Vec<(usize, &'f Features)>,
}

fn finish<T: Ord>(values: &mut Vec<T>) {
    values.sort();
    values.dedup();
    values.truncate(MAX_DISTINCT);
}

fn push_nonempty<'f>(values: &mut Vec<&'f str>, value: &'f str) {
    if !value.is_empty() {
        values.push(value);
    }
}

impl<'f> View<'f> {
    /// The view of the cluster whose members are `members` (indices into `features`).
    pub(super) fn of(members: &[usize], features: &'f [Features]) -> View<'f> {
        let mut v = View::default();
        for (i, f) in members.iter().filter_map(|&i| Some((i, features.get(i)?))) {
            v.records.push((i, f));
            v.add(f);
        }
        v.finish_all();
        v
    }

    /// The view of the union of the two clusters `self` and `other` describe.
    pub(super) fn merge(mut self, other: View<'f>) -> View<'f> {
        self.emails.extend(other.emails);
        self.phones.extend(other.phones);
        self.personal_emails.extend(other.personal_emails);
        self.mobiles.extend(other.mobiles);
        self.sure_mobiles.extend(other.sure_mobiles);
        self.births.extend(other.births);
        self.ids.extend(other.ids);
        self.places.extend(other.places);
        self.givens.extend(other.givens);
        self.initials.extend(other.initials);
        self.middles.extend(other.middles);
        self.records.extend(other.records);
        self.finish_all();
        self
    }

    fn finish_all(&mut self) {
        let v = self;
        v.records.sort_unstable_by_key(|r| r.0);
        v.records.truncate(MAX_DISTINCT);
        finish(&mut v.emails);
        finish(&mut v.phones);
        finish(&mut v.personal_emails);
        finish(&mut v.mobiles);
        finish(&mut v.sure_mobiles);
        finish(&mut v.births);
        finish(&mut v.ids);
        finish(&mut v.places);
        finish(&mut v.givens);
        finish(&mut v.initials);
        finish(&mut v.middles);
    }

    fn add(&mut self, f: &'f Features) {
        // A record that names no person is an organisation's (a shop, a school, a site): its
        // mailbox and its numbers are the organisation's lines, of which it has several, not
        // the one mobile and mailbox a person keeps.
        let names_person = !f.given().is_empty() || !f.family().is_empty();
        let emails = f.emails().into_iter().zip(f.personal_emails);
        for ((e, personal), role) in emails.zip(f.role_emails) {
            if role {
                continue;
            }
            push_nonempty(&mut self.emails, e);
            if personal && names_person {
                push_nonempty(&mut self.personal_emails, e);
            }
        }
        let kinds = f.mobiles.into_iter().zip(f.sure_mobiles);
        for (p, (mobile, sure)) in f.phones().into_iter().zip(kinds) {
            push_nonempty(&mut self.phones, p);
            if mobile && names_person {
                push_nonempty(&mut self.mobiles, p);
            }
            if sure && names_person {
                push_nonempty(&mut self.sure_mobiles, p);
            }
        }
        push_nonempty(&mut self.births, f.birth());
        push_nonempty(&mut self.middles, f.middle());
        self.ids.extend(
            f.ids
                .iter()
                .enumerate()
                .filter(|(_, s)| !s.is_empty())
                .map(|(n, s)| format!("{n}:{s}")),
        );
        self.places.extend(places(f));
        if !f.given().is_empty() {
            let name = (
                f.given(),
                f.given_raw(),
                f.family(),
                f.family_raw(),
                f.given_nicknames.as_slice(),
                f.family_nicknames.as_slice(),
            );
            if initial_of(f.given(), f.given_raw()).is_some() {
                self.initials.push(name);
            } else {
                self.givens.push(name);
            }
        }
    }
}

fn intersects<T: Ord>(a: &[T], b: &[T]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// Why two clusters (neither forbidden to the other) must stay apart, if they must.
pub(super) fn conflict(x: &View, y: &View, birth_guard: bool) -> Option<Refusal> {
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
    // Contacts conflict when both sides have a personal mailbox or both have a mobile, those
    // differ, and no contact of any kind agrees: namesakes in one city carry their own
    // mailboxes and mobiles, while one person's records share at least one contact (or a
    // birth date, an identifier, an address). A work address beside a personal one, or a
    // landline beside a mobile, is no conflict: people have both. A shared landline is no
    // agreement either: a household shares it while each member keeps a mobile and a
    // mailbox (`Olena` and `Olga Kushnir` on one Kyiv number).
    let emails_both = !x.emails.is_empty() && !y.emails.is_empty();
    let phones_both = !x.phones.is_empty() && !y.phones.is_empty();
    let emails_agree = email_shared || (emails_both && emails_close(&x.emails, &y.emails));
    let phones_agree = phones_both && (intersects(&x.mobiles, &y.mobiles) || mobile_misread(x, y));
    let personal_both = !x.personal_emails.is_empty() && !y.personal_emails.is_empty();
    let mobiles_both = !x.mobiles.is_empty() && !y.mobiles.is_empty();
    let contacts_differ = (personal_both || mobiles_both) && !emails_agree && !phones_agree;
    if contacts_differ && !birth_shared && !id_shared {
        // One name at one home is one person even with another mobile or another mailbox,
        // but not with both: a father and a son of one name living together each have their
        // own mobile and their own personal mailbox, while one person's records share at
        // least one. (Worked out only here: comparing homes member by member is the
        // costliest check.)
        let both_channels_differ = personal_both
            && !emails_agree
            && !x.sure_mobiles.is_empty()
            && !y.sure_mobiles.is_empty()
            && !intersects(&x.sure_mobiles, &y.sure_mobiles);
        let one_person_at_home = !both_channels_differ
            && full_names_agree(x, y)
            && (places_meet(x, y) || homes_meet(x, y));
        if !one_person_at_home {
            return Some(Refusal::Contacts);
        }
    }
    let middles_differ = !x.middles.is_empty()
        && !y.middles.is_empty()
        && x.middles
            .iter()
            .all(|a| y.middles.iter().all(|b| middle_names_conflict(a, b)));
    let email_vouches = x
        .emails
        .iter()
        .any(|e| y.emails.binary_search(e).is_ok() && !mailbox_names_one_side(e, x, y));
    // A shared birth date vouches for names the comparators may have missed (another script,
    // a spelling, a name mistyped beyond recognition), not for two different names with
    // their own personal contacts: twins share their birthday, and each has a mobile and a
    // mailbox of their own, while one person's records share a contact or a name.
    let differ = names_differ(x, y);
    let birth_vouches = birth_shared && !(contacts_differ && differ);
    // A mobile is one person's phone: a shared one vouches for a given name mistyped or
    // spelled beyond the comparators (`Lyubpv` / `Liubov`, `Агдрей` / `Andrey`), not for
    // two names that start with other letters and share little else, as a mother and a
    // daughter who share a phone would.
    let mobile_vouches = intersects(&x.sure_mobiles, &y.sure_mobiles) && !given_names_unlike(x, y);
    if (differ || middles_differ)
        && !(email_vouches || birth_vouches || mobile_vouches || id_shared)
    {
        return Some(Refusal::GivenName);
    }
    None
}

/// Digits a number is known by whatever country code it was read under: enough to make
/// a chance agreement between two people's numbers implausible.
const NATIONAL_TAIL: usize = 9;

/// Whether a mobile of one cluster and a number of the other are one number read under two
/// country codes: written nationally in a list of many countries, it was given the wrong
/// one (`+49 1570 3560329` and `+1 570-356-0329`), and the last nine digits still agree.
fn mobile_misread(x: &View, y: &View) -> bool {
    fn tail(p: &str) -> Option<&str> {
        let digits = p.bytes().filter(u8::is_ascii_digit).count();
        (digits > NATIONAL_TAIL).then(|| p.get(p.len() - NATIONAL_TAIL..))?
    }
    let meet = |a: &View, b: &View| {
        a.mobiles
            .iter()
            .any(|m| tail(m).is_some_and(|t| b.phones.iter().any(|p| p != m && tail(p) == Some(t))))
    };
    meet(x, y) || meet(y, x)
}

/// Whether a shared mailbox's name says whose it is: its local part spells a given name of
/// one cluster and nothing of the other's names. Families share one mailbox named after one
/// of them (`andriy.boyko@ukr.net` on the records of Андрій and of Ірина Бойко), so it cannot
/// vouch that two differently named people are one. It still vouches when it names nobody
/// (`boyko1961@`) or both; when the other side's given name is the owner's initial, or a
/// spelling the comparators miss that starts alike (`Tatyana` / `tetiana@`; not `Monika` for
/// `marcel@`), is a nickname of the owner's, or its family name is the owner's given name
/// (given and family swapped). A Thai given name owns a mailbox whose token has its consonant
/// skeleton (`pairoj@` for ไพโรจน์); an initial and a family name own theirs (`dbabichenko@`
/// is Dmytro's, not Nina's).
fn mailbox_names_one_side(email: &str, x: &View, y: &View) -> bool {
    let (nx, ny) = (name_set(x), name_set(y));
    let local = email.split('@').next().unwrap_or("");
    let tokens: Vec<(String, String)> = local
        .split(|c: char| !c.is_alphabetic())
        .filter(|t| t.chars().count() >= 3)
        .map(|t| (t.to_lowercase(), fold_spelling(t)))
        .collect();
    let also_named = |(owner, token): (Given, &String), others: &[Given]| {
        let initial = token.chars().next();
        others.iter().any(|o| {
            let alike = initial_of(o.0, o.1).is_some()
                || name_similarity(owner.0, o.0, owner.1, o.1) >= PLAINLY_DIFFERENT;
            (fold_spelling(o.0).chars().next() == initial && alike)
                || o.2.split(' ').any(|w| spells_given(token, w))
                || nicknames::meet_groups(owner.4, o.4) != Meet::No
        })
    };
    match (mailbox_owner(&tokens, nx), mailbox_owner(&tokens, ny)) {
        (Some(found), None) => !also_named(found, ny),
        (None, Some(found)) => !also_named(found, nx),
        _ => false,
    }
}

/// The first name of `names` whose given name a mailbox token spells, with that token.
fn mailbox_owner<'t, 'f>(
    tokens: &'t [(String, String)],
    names: &[Given<'f>],
) -> Option<(Given<'f>, &'t String)> {
    names.iter().find_map(|n| {
        tokens
            .iter()
            .find(|(raw, folded)| {
                spells_given(folded, n.0)
                    || thai_latin::thai_latin_meet(n.0, raw, n.1, raw)
                    || initial_and_family(folded, n)
            })
            .map(|(_, folded)| (*n, folded))
    })
}

/// Whether a mailbox token is the initial of a name's given name followed by its family
/// name (`dbabichenko` for Dmytro Babychenko, `apromsai` for Amnart Promsai).
fn initial_and_family(token: &str, name: &Given) -> bool {
    let given = fold_spelling(name.0);
    let (Some(initial), Some(rest)) = (given.chars().next(), token.get(1..)) else {
        return false;
    };
    let family = fold_spelling(name.2);
    token.starts_with(initial)
        && family.chars().count() >= 4
        && (rest == family || jaro_winkler(rest, &family) >= 0.9)
}

/// Whether a mailbox token (folded) spells the given-name key `given`: equal, or one starts
/// with the other over four letters at least (`olek` for `oleksandr`, `annamaria` for `anna`).
fn spells_given(token: &str, given: &str) -> bool {
    let given = fold_spelling(given);
    let (t, g) = (token.chars().count(), given.chars().count());
    if t < 3 || g < 3 {
        return false;
    }
    token == given || (t.min(g) >= 4 && (token.starts_with(&given) || given.starts_with(token)))
}

/// E-mails one typo apart ([`email_typo`]: `zabila.liubov@gmail.com` / `zabila.liubov@gmial.com`): the same
/// mailbox mistyped, as good as shared for the contacts guard (not for the name guard).
fn emails_close(x: &[&str], y: &[&str]) -> bool {
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
        prefixed("a:", f.address()),
        employer("o:", letters(f.organization())),
    ];
    for email in f.emails() {
        let domain = email.rsplit_once('@').map_or("", |(_, d)| d);
        let label = domain.split('.').next().unwrap_or("");
        out.push(employer("d:", letters(label)));
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Whether two clusters share a place: an address (the same house however the street line
/// is written: [`same_number_and_street`]) or organisation, or one's organisation is the
/// other's e-mail domain. Two e-mail domains alone do not count (`gmail`).
fn places_meet(x: &View, y: &View) -> bool {
    let has = |s: &View, p: &str| s.places.binary_search_by(|q| q.as_str().cmp(p)).is_ok();
    let meets = |a: &View, b: &View| {
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

/// Whether a member of one cluster and a member of the other give one home by the location
/// comparison ([`same_home`]): a street line written in Thai and its romanisation, or with
/// its street marker glued on (`вулицяТиха, 124`), that the address keys miss.
fn homes_meet(x: &View, y: &View) -> bool {
    x.records
        .iter()
        .any(|a| y.records.iter().any(|b| same_home(a.1, b.1)))
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
fn full_names_agree(x: &View, y: &View) -> bool {
    x.givens.iter().any(|a| {
        y.givens.iter().any(|b| {
            let given = matches!(given_level_plain(a.0, b.0, a.1, b.1), 1 | 3)
                || nicknames::meet_groups(a.4, b.4) == Meet::Same;
            given && matches!(family_level(a.2, b.2, a.3, b.3), 1 | 2)
        })
    })
}

/// The names a cluster speaks with: its full given names, else its initials.
fn name_set<'v, 'f>(s: &'v View<'f>) -> &'v [Given<'f>] {
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
fn oriented_names<'f>(s: &View<'f>) -> Vec<Given<'f>> {
    let names = name_set(s);
    let everyone: Vec<&Given> = s.givens.iter().chain(&s.initials).collect();
    names
        .iter()
        .map(|&n| {
            let given_is_a_surname = !n.2.is_empty()
                && everyone
                    .iter()
                    .any(|o| !o.2.is_empty() && o.2 == n.0 && o.0 != n.0);
            if given_is_a_surname {
                (n.2, n.3, n.0, n.1, n.5, n.4)
            } else {
                n
            }
        })
        .collect()
}

/// Every name of one cluster is outright different from every name of the other: given
/// names not equal, not an initial of one another, not a typo or variant, and not the same
/// name with given and family swapped.
fn names_differ(x: &View, y: &View) -> bool {
    let (nx, ny) = (oriented_names(x), oriented_names(y));
    !nx.is_empty()
        && !ny.is_empty()
        && nx
            .iter()
            .all(|a| ny.iter().all(|b| !names_compatible(a, b)))
}

/// Jaro–Winkler below which two given names share nothing a typo could explain.
const PLAINLY_DIFFERENT: f64 = 0.7;

/// Every given name of one cluster is unlike every one of the other: it starts with another
/// letter and is alike in little else (`Олег` / `Володимир`, `ดวงใจ` / `ธนากร`), which no
/// misspelling looks like, while a typo in the first letter (`Catherine` / `Katherine`,
/// Febrl's keyboard errors) keeps the rest of the name. Names written in two scripts are
/// compared by their Latin keys (`Агдрей` / `Andrey` start alike, `Андрій` / `Iryna` do
/// not), an initial by its letter, and a short form is like every name it may stand for
/// (`Sasha` / `Oleksandr`).
fn given_names_unlike(x: &View, y: &View) -> bool {
    let script = |s: &str| {
        s.chars().find(|c| c.is_alphabetic()).map(|c| match c {
            '\u{0E00}'..='\u{0E7F}' => 't',
            '\u{0400}'..='\u{04FF}' => 'c',
            _ => 'l',
        })
    };
    let first = |s: &str| {
        s.chars()
            .find(|c| c.is_alphabetic())
            .map(|c| c.to_lowercase().next())
    };
    let unlike = |a: &Given, b: &Given| {
        let (ra, rb) = (a.1, b.1);
        let same_script = script(ra).is_some() && script(ra) == script(rb);
        let other_letter = if same_script {
            first(ra) != first(rb)
        } else {
            first(a.0) != first(b.0)
        };
        other_letter
            && name_similarity(a.0, b.0, ra, rb) < PLAINLY_DIFFERENT
            && nicknames::meet_groups(a.4, b.4) == Meet::No
    };
    let (nx, ny) = (name_set(x), name_set(y));
    !nx.is_empty() && !ny.is_empty() && nx.iter().all(|a| ny.iter().all(|b| unlike(a, b)))
}

/// Two names may be one person's: the given names agree (exact, a typo, or one is a nickname
/// of the other by the table: `Bob` / `Robert`, never a short form of several names such as
/// `Саша`, which would let a household's Олександр and Олександра chain), or agree weakly
/// (an initial, a similar name) while the family names are not outright different, or the
/// name is the same with given and family swapped. `A. Hudson` and `Alexandra Yu` at one
/// address are two people. Two Thai given names are never alike enough by similarity alone.
fn names_compatible(a: &Given, b: &Given) -> bool {
    match given_level_plain(a.0, b.0, a.1, b.1) {
        1 | 3 => return true,
        2 if family_level(a.2, b.2, a.3, b.3) != FAMILY_DIFFERENT => return true,
        // Two Thai given names alike by Jaro–Winkler share a syllable, not a spelling:
        // สุริยา and สุนีย์, สมชาย and สมศักดิ์ open alike and are other names.
        4 if family_level(a.2, b.2, a.3, b.3) != FAMILY_DIFFERENT
            && !(thai_latin::is_thai(a.1) && thai_latin::is_thai(b.1)) =>
        {
            return true;
        }
        _ => {}
    }
    if nicknames::meet_groups(a.4, b.4) == Meet::Same {
        return true;
    }
    // Given and family swapped on one side, whichever: its given column holds the family
    // name and its family column the given name, which may be a short form (`Kushnir |
    // Vasyl` / `Вася Кушнір`, `Campbell | Abby` / `Abigail Campbell`).
    let families = !a.2.is_empty() && !b.2.is_empty();
    let b_swapped = (1..=3).contains(&given_level((a.0, a.1, a.4), (b.2, b.3, b.5)))
        && (1..=2).contains(&family_level(a.2, b.0, a.3, b.1));
    let a_swapped = (1..=3).contains(&given_level((a.2, a.3, a.5), (b.0, b.1, b.4)))
        && (1..=2).contains(&family_level(a.0, b.2, a.1, b.3));
    (families && (b_swapped || a_swapped)) || names_rearranged(a.0, a.2, b.0, b.2)
}
