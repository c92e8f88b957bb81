//! Comparisons kept from one run to the next: every pair a run compared, with one byte per
//! comparison (the level in the low four bits, the [`Term`] in the high four), and the
//! pairs an earlier run kept, found by that run's record indices.
//!
//! A pair of records that are both unchanged since the earlier run (the same content, so
//! the same features) compares as it did then; only its term counts are this run's, which
//! is why an outcome names its term rather than carrying the count. Taking its levels from
//! the earlier run gives the same weights as comparing it again.

use super::compare::Term;

/// One comparison's level and term in a byte; `None` for a level that does not fit.
pub fn encode(level: u8, term: Term) -> Option<u8> {
    (level < 16).then_some(level | ((term as u8) << 4))
}

/// The level and term of a byte [`encode`] wrote.
pub fn decode(code: u8) -> Option<(u8, Term)> {
    Some((code & 0x0f, Term::from_byte(code >> 4)?))
}

/// Every pair a run compared, in `(a, b)` order, with its codes (`width` per pair).
#[derive(Clone, Debug, Default)]
pub struct Compared {
    pub width: usize,
    pub pairs: Vec<(u32, u32)>,
    pub codes: Vec<u8>,
    /// Pairs whose levels came from the earlier run.
    pub reused: u64,
}

impl Compared {
    /// Adds the next pair's codes; a pair with a level that does not fit is left out (it is
    /// compared afresh by the next run).
    pub fn push(&mut self, pair: (u32, u32), levels: &[u8], terms: &[Term]) {
        let start = self.codes.len();
        for (&l, &t) in levels.iter().zip(terms) {
            match encode(l, t) {
                Some(code) => self.codes.push(code),
                None => {
                    self.codes.truncate(start);
                    return;
                }
            }
        }
        self.pairs.push(pair);
    }

    /// Appends `other`'s pairs, which come after this one's.
    pub fn append(&mut self, other: &mut Compared) {
        self.pairs.append(&mut other.pairs);
        self.codes.append(&mut other.codes);
        self.reused += other.reused;
    }
}

/// An earlier run's compared pairs, by its record indices: each record's later partners
/// (sorted) and their codes.
#[derive(Clone, Debug, Default)]
pub struct KeptComparisons {
    width: usize,
    /// Where record `a`'s partners start in `partners` (one entry per record, and the end).
    starts: Vec<u64>,
    partners: Vec<u32>,
    codes: Vec<u8>,
}

impl KeptComparisons {
    /// The kept comparisons of `pairs` (in strictly ascending `(a, b)` order, `a < b`) with
    /// their `codes`; `None` when they are not in that order or the codes do not fit.
    pub fn new(width: usize, pairs: &[(u32, u32)], codes: Vec<u8>) -> Option<KeptComparisons> {
        if codes.len() != pairs.len().checked_mul(width)?
            || pairs.iter().any(|&(a, b)| a >= b)
            || pairs.windows(2).any(|w| w[0] >= w[1])
        {
            return None;
        }
        let records = pairs.last().map_or(0, |&(a, _)| a as usize + 1);
        let mut starts = vec![0u64; records + 1];
        for &(a, _) in pairs {
            starts[a as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        Some(KeptComparisons {
            width,
            starts,
            partners: pairs.iter().map(|&(_, b)| b).collect(),
            codes,
        })
    }

    /// Comparisons per pair.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The codes of the earlier pair `(a, b)`, when it was compared.
    pub fn get(&self, a: u32, b: u32) -> Option<&[u8]> {
        let start = usize::try_from(*self.starts.get(a as usize)?).ok()?;
        let end = usize::try_from(*self.starts.get(a as usize + 1)?).ok()?;
        let at = start + self.partners.get(start..end)?.binary_search(&b).ok()?;
        self.codes.get(at * self.width..(at + 1) * self.width)
    }
}

/// What a run takes from the earlier run's comparisons: the comparisons, and where each of
/// this run's records sat in that run (`u32::MAX` for a new or changed record).
#[derive(Clone, Copy, Debug)]
pub struct Kept<'a> {
    pub comparisons: &'a KeptComparisons,
    pub previous_index: &'a [u32],
}

impl<'a> Kept<'a> {
    /// The earlier codes of this run's pair `(a, b)`, when both records are unchanged, in
    /// the same order, and the earlier run compared them.
    pub fn lookup(&self, a: usize, b: usize) -> Option<&'a [u8]> {
        let (&oa, &ob) = (self.previous_index.get(a)?, self.previous_index.get(b)?);
        if oa == u32::MAX || ob == u32::MAX || oa >= ob {
            return None;
        }
        let comparisons: &'a KeptComparisons = self.comparisons;
        comparisons.get(oa, ob)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_pairs_are_found_by_their_earlier_indices_and_no_others() {
        let codes: Vec<u8> = (0..6).collect();
        let kept = KeptComparisons::new(2, &[(0, 3), (0, 5), (2, 3)], codes).expect("sorted");
        assert_eq!(kept.get(0, 5), Some(&[2u8, 3][..]));
        assert_eq!(kept.get(2, 3), Some(&[4u8, 5][..]));
        assert_eq!(kept.get(0, 4), None);
        assert_eq!(kept.get(1, 3), None);
        assert_eq!(kept.get(9, 10), None);
        // This run's records 0, 1, 2 were the earlier 2, 3 and a new one.
        let previous_index = [2, 3, u32::MAX];
        let k = Kept {
            comparisons: &kept,
            previous_index: &previous_index,
        };
        assert_eq!(k.lookup(0, 1), Some(&[4u8, 5][..]));
        assert_eq!(k.lookup(0, 2), None);
        // The order of the two records flipped: compared afresh.
        let flipped = [3, 2];
        let k = Kept {
            comparisons: &kept,
            previous_index: &flipped,
        };
        assert_eq!(k.lookup(0, 1), None);
    }

    #[test]
    fn unsorted_or_short_kept_pairs_are_refused() {
        assert!(KeptComparisons::new(1, &[(1, 2), (0, 3)], vec![0, 0]).is_none());
        assert!(KeptComparisons::new(1, &[(2, 2)], vec![0]).is_none());
        assert!(KeptComparisons::new(2, &[(0, 1)], vec![0]).is_none());
    }

    #[test]
    fn codes_read_back_as_written_and_wide_levels_are_left_out() {
        for level in 0..16 {
            let code = encode(level, Term::EmailAlt).expect("fits");
            assert_eq!(decode(code), Some((level, Term::EmailAlt)));
        }
        let mut log = Compared::default();
        log.push((0, 1), &[1, 2], &[Term::Given, Term::None]);
        log.push((0, 2), &[1, 17], &[Term::None, Term::None]);
        assert_eq!(log.pairs, vec![(0, 1)]);
        assert_eq!(log.codes.len(), 2);
    }
}
