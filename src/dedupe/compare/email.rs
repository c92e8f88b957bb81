//! The e-mail comparator: shared mailboxes, a local part that is only the name, typos in the local part or the domain, and cells that did not parse compared crudely.

use super::{Features, MISSING, Outcome, Term, jaro_winkler, shared_exact, within_one_edit};

pub(super) fn compare_email(x: &Features, y: &Features) -> Outcome {
    let outcome = compare_valid_emails(x, y);
    let undecided = outcome.level == MISSING || outcome.level == 4;
    if undecided && (unparsed_meets(x, y) || unparsed_meets(y, x)) {
        return Outcome::level(3);
    }
    outcome
}

/// Whether one of `x`'s e-mail cells that are no valid address is, crudely folded, one edit
/// or less from an address (valid or not) of `y`: `f@b@reese.com` and `fb@reese.com`.
pub(super) fn unparsed_meets(x: &Features, y: &Features) -> bool {
    // Most records parse: nothing to look at, and nothing to gather, for them.
    if x.emails_unparsed().is_empty() {
        return false;
    }
    let theirs = || {
        y.emails()
            .into_iter()
            .chain(y.emails_unparsed().split(' '))
            .filter(|e| !e.is_empty())
    };
    x.emails_unparsed()
        .split(' ')
        .filter(|e| !e.is_empty())
        .any(|mine| theirs().any(|t| t == mine || within_one_edit(mine, t)))
}

/// The e-mail level from the valid addresses alone.
pub(super) fn compare_valid_emails(x: &Features, y: &Features) -> Outcome {
    if x.emails().iter().all(|v| v.is_empty()) || y.emails().iter().all(|v| v.is_empty()) {
        return Outcome::level(MISSING);
    }
    if let Some((slot, exact)) =
        shared_exact(&x.emails(), &y.emails(), [Term::Email, Term::EmailAlt])
    {
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
pub(super) fn local_part_is_the_name(local: &str, f: &Features) -> bool {
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
    let thai = |key: &str, raw: &str, part: &str| {
        crate::dedupe::thai_latin::thai_latin_meet(key, part, raw, part)
    };
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
pub(super) const TYPO_DOMAIN_LEN: usize = 6;

/// Whether two addresses' domains are one edit apart and long enough for that to be a typo
/// (`ukr.net` / `urk.net`, `gmail.com` / `gmail.co`).
pub(super) fn domain_typo(a: &str, b: &str) -> bool {
    fn domain(e: &str) -> &str {
        e.rsplit_once('@').map_or("", |(_, d)| d)
    }
    let (da, db) = (domain(a), domain(b));
    da != db && da.len().min(db.len()) >= TYPO_DOMAIN_LEN && within_one_edit(da, db)
}
