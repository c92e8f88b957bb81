//! Anchor pairs: candidate pairs that share a near-unique contact and agree on the given name, read as labelled matches to fix `m` where EM cannot tell.
//!
//! EM learns `m` from the candidates without labels, and at scale the candidates hold many
//! namesakes: two Олександр Мельник in one city agree on both names and on nothing else. EM
//! has no field that sets them apart from real duplicates with a new mailbox, so it counts a
//! share of them as matches and learns that a match has a *different* e-mail 80% of the
//! time, a different phone 82% and a different place 30% (measured at a million generated
//! rows, where the truth says 14%, 10% and 9%). Every namesake then scores 0.6–0.9 and the
//! review list fills with them (800k pairs at 1M rows, 99% not matches).
//!
//! An anchor is a pair that shares an e-mail address, a phone number or a configured
//! identifier and agrees on the given name (exact, initial or a close spelling: a household's
//! shared landline or family mailbox joins two given names). Among anchors, how often the
//! *other* fields agree is what a match looks like: `m` for the e-mail comes from pairs
//! anchored by a phone or identifier, `m` for the phone from pairs anchored by an e-mail or
//! identifier, and `m` for the family name, place, organisation and birth date from any
//! anchor. This is Splink's "estimate `m` from labels" with the labels taken from the data's
//! own identifiers; the estimate assumes, as Fellegi–Sunter does everywhere, that fields
//! disagree independently given a match. The given name is left to EM (anchors are chosen by
//! it), and so is any comparison with too few anchors to count on (small files).

use super::compare::{Comparison, Kind, MISSING};
use super::score::Vectors;

/// Non-missing anchor observations a comparison needs before its `m` is taken from anchors.
pub const ANCHORS_NEEDED: f64 = 100.0;

/// Whether a given-name level is agreement (exact, initial or close), not `similar`,
/// `different` or missing.
pub fn given_agrees(comparison: &Comparison, level: u8) -> bool {
    comparison.kind == Kind::GivenName && (1..=3).contains(&level)
}

/// Whether comparison kind `kind` at `level` is a shared contact that can anchor a pair.
fn shares_contact(kind: Kind, level: u8) -> bool {
    matches!(kind, Kind::Email | Kind::Phone | Kind::Identifier(_)) && level == 1
}

/// Which comparison's `m` anchors can inform: every one but the given name.
fn anchorable(kind: Kind) -> bool {
    kind != Kind::GivenName
}

/// `m` per comparison counted on anchor pairs, `None` where there are fewer than
/// [`ANCHORS_NEEDED`] observations (EM estimates those). `usable[c][p]` says whether pair
/// `p` may inform comparison `c` (its blocking rule did not force `c` to agree).
pub fn anchored_m(
    comparisons: &[Comparison],
    v: &Vectors,
    usable: &[Vec<bool>],
) -> Vec<Option<Vec<f64>>> {
    let mut counts: Vec<Vec<f64>> = comparisons
        .iter()
        .map(|c| vec![0.0; c.labels().len()])
        .collect();
    for p in 0..v.len() {
        let levels = v.levels_of(p);
        let agrees = comparisons
            .iter()
            .zip(levels)
            .any(|(c, &l)| given_agrees(c, l));
        if !agrees {
            continue;
        }
        for (c, cmp) in comparisons.iter().enumerate() {
            let level = levels.get(c).copied().unwrap_or(MISSING);
            let may_inform = usable
                .get(c)
                .and_then(|u| u.get(p))
                .copied()
                .unwrap_or(true);
            if level == MISSING || !anchorable(cmp.kind) || !may_inform {
                continue;
            }
            // Anchored by a contact other than the one being measured.
            let anchored = comparisons
                .iter()
                .zip(levels)
                .enumerate()
                .any(|(d, (other, &l))| d != c && shares_contact(other.kind, l));
            if anchored
                && let Some(slot) = counts
                    .get_mut(c)
                    .and_then(|r| r.get_mut(usize::from(level)))
            {
                *slot += 1.0;
            }
        }
    }
    counts
        .into_iter()
        .map(|row| {
            let seen: f64 = row.iter().skip(1).sum();
            (seen >= ANCHORS_NEEDED).then(|| super::score::normalise(&row, 0.5))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comparisons() -> Vec<Comparison> {
        Comparison::all(&[])
    }

    fn index(cs: &[Comparison], kind: Kind) -> usize {
        cs.iter().position(|c| c.kind == kind).unwrap()
    }

    /// Vectors of `n` pairs built from (given, email, phone, location) levels.
    fn vectors(cs: &[Comparison], rows: &[(u8, u8, u8, u8, usize)]) -> Vectors {
        let mut levels = Vec::new();
        for &(given, email, phone, location, n) in rows {
            for _ in 0..n {
                let mut row = vec![MISSING; cs.len()];
                row[index(cs, Kind::GivenName)] = given;
                row[index(cs, Kind::Email)] = email;
                row[index(cs, Kind::Phone)] = phone;
                row[index(cs, Kind::Location)] = location;
                levels.push(row);
            }
        }
        let flat: Vec<u8> = levels.concat();
        Vectors {
            width: cs.len(),
            tf: vec![0; flat.len()],
            levels: flat,
        }
    }

    #[test]
    fn contact_m_comes_from_pairs_anchored_by_the_other_contact() {
        let cs = comparisons();
        let email_diff = cs[index(&cs, Kind::Email)].labels().len() as u8 - 1;
        let phone_diff = cs[index(&cs, Kind::Phone)].labels().len() as u8 - 1;
        let loc_diff = cs[index(&cs, Kind::Location)].labels().len() as u8 - 1;
        let v = vectors(
            &cs,
            &[
                // Same phone, same given name: 150 same mailbox, 50 another.
                (1, 1, 1, 1, 150),
                (1, email_diff, 1, 1, 50),
                // Namesakes: same given name, nothing else shared (no anchor).
                (1, email_diff, phone_diff, loc_diff, 10_000),
                // A household's landline: two given names, not an anchor.
                (5, email_diff, 1, 1, 5_000),
            ],
        );
        let usable = vec![vec![true; v.len()]; cs.len()];
        let m = anchored_m(&cs, &v, &usable);
        let email = m[index(&cs, Kind::Email)].as_ref().expect("email m");
        // 50 of 200 anchored pairs have another e-mail (smoothed).
        assert!(
            (email[usize::from(email_diff)] - 0.25).abs() < 0.01,
            "{email:?}"
        );
        // Phone: only the 150 e-mail-anchored pairs, all with the same phone.
        let phone = m[index(&cs, Kind::Phone)].as_ref().expect("phone m");
        assert!(phone[1] > 0.98, "{phone:?}");
        // Location: every anchored pair agrees; the namesakes do not count.
        let location = m[index(&cs, Kind::Location)].as_ref().expect("location m");
        assert!(location[usize::from(loc_diff)] < 0.01, "{location:?}");
        assert!(m[index(&cs, Kind::GivenName)].is_none());
    }

    #[test]
    fn few_anchors_or_forced_agreement_leave_m_to_em() {
        let cs = comparisons();
        let v = vectors(&cs, &[(1, 1, 1, 1, 60)]);
        let usable = vec![vec![true; v.len()]; cs.len()];
        assert!(anchored_m(&cs, &v, &usable).iter().all(Option::is_none));
        let v = vectors(&cs, &[(1, 1, 1, 1, 500)]);
        let mut usable = vec![vec![true; v.len()]; cs.len()];
        // Every pair was found by the e-mail rule: its e-mail agreement says nothing.
        usable[index(&cs, Kind::Email)] = vec![false; v.len()];
        let m = anchored_m(&cs, &v, &usable);
        assert!(m[index(&cs, Kind::Email)].is_none());
        assert!(m[index(&cs, Kind::Phone)].is_some());
    }
}
