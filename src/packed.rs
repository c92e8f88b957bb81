//! A fixed number of short strings stored in one allocation: the memory layout of record values,
//! match keys and comparison features.
//!
//! At a million records, a struct of `N` separate `String`s costs `24 × N` bytes of headers
//! plus one heap block per non-empty value, which was most of a run's memory. Packed, the `N`
//! values sit one after another in a single boxed `str` with the end offset of each, so a row
//! costs `16 + 2 × N` bytes (rounded up to 8) plus its text. The offsets are `u16` for rows
//! of up to 64 KiB of text, which is every real row; a longer row (a hostile 5 MB cell) keeps
//! `u32` offsets behind a pointer. Reads are a slice; a write rebuilds the row (rows are
//! written a few times and read millions of times).

/// `N` strings, indexed `0..N`; an empty string means "no value".
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PackedText<const N: usize> {
    text: Box<str>,
    ends: Ends<N>,
}

/// End offsets of the `N` values in the text: narrow when the text fits in 64 KiB. Which one
/// a row has follows from its text length alone, so equal rows compare equal.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Ends<const N: usize> {
    Narrow([u16; N]),
    Wide(Box<[u32; N]>),
}

impl<const N: usize> Ends<N> {
    #[inline]
    fn get(&self, index: usize) -> Option<usize> {
        match self {
            Ends::Narrow(e) => e.get(index).map(|&x| usize::from(x)),
            Ends::Wide(e) => e.get(index).map(|&x| x as usize),
        }
    }

    /// The offsets `ends` (each at most `u32::MAX`), narrow when the last fits in `u16`.
    fn from_wide(ends: [u32; N]) -> Ends<N> {
        let last = ends.last().copied().unwrap_or(0);
        match u16::try_from(last) {
            Ok(_) => Ends::Narrow(ends.map(|e| e as u16)),
            Err(_) => Ends::Wide(Box::new(ends)),
        }
    }
}

impl<const N: usize> Default for PackedText<N> {
    fn default() -> Self {
        PackedText {
            text: Box::default(),
            ends: Ends::Narrow([0; N]),
        }
    }
}

impl<const N: usize> std::fmt::Debug for PackedText<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries((0..N).map(|i| self.get(i))).finish()
    }
}

impl<const N: usize> PackedText<N> {
    /// Packs `parts` in order (the fastest way to build a whole row).
    pub fn from_parts<S: AsRef<str>>(parts: &[S; N]) -> Self {
        let total: usize = parts.iter().map(|p| p.as_ref().len()).sum();
        let mut text = String::with_capacity(total.min(u32::MAX as usize));
        let mut ends = [0u32; N];
        for (end, part) in ends.iter_mut().zip(parts) {
            let room = (u32::MAX as usize).saturating_sub(text.len());
            text.push_str(prefix_within(part.as_ref(), room));
            *end = text.len() as u32;
        }
        PackedText {
            text: text.into_boxed_str(),
            ends: Ends::from_wide(ends),
        }
    }

    #[inline]
    fn span(&self, index: usize) -> (usize, usize) {
        let start = match index.checked_sub(1) {
            Some(prev) => self.ends.get(prev).unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(index).unwrap_or(start);
        (start, end)
    }

    /// The value at `index` (empty when missing or out of range).
    #[inline]
    pub fn get(&self, index: usize) -> &str {
        let (start, end) = self.span(index);
        self.text.get(start..end).unwrap_or("")
    }

    /// Whether the value at `index` is non-empty.
    #[inline]
    pub fn has(&self, index: usize) -> bool {
        let (start, end) = self.span(index);
        end > start
    }

    /// Sets the value at `index`, trimming nothing: callers pass finished values. A row longer
    /// than 4 GiB in total cannot be stored and the value is cut at a character boundary.
    pub fn set(&mut self, index: usize, value: &str) {
        if index >= N {
            return;
        }
        let (start, end) = self.span(index);
        let old_len = end - start;
        if self.text.get(start..end) == Some(value) {
            return;
        }
        let mut text = String::with_capacity(self.text.len() - old_len + value.len());
        text.push_str(self.text.get(..start).unwrap_or(""));
        let room = (u32::MAX as usize).saturating_sub(self.text.len() - old_len);
        text.push_str(prefix_within(value, room));
        let added = text.len() - start;
        text.push_str(self.text.get(end..).unwrap_or(""));
        let ends: [u32; N] = std::array::from_fn(|i| {
            let e = self.ends.get(i).unwrap_or(0);
            if i >= index {
                (e - old_len + added) as u32
            } else {
                e as u32
            }
        });
        self.text = text.into_boxed_str();
        self.ends = Ends::from_wide(ends);
    }

    /// Total bytes of text held.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }
}

/// The longest prefix of `s` that fits in `max` bytes, cut at a character boundary.
fn prefix_within(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.get(..cut).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parts_read_back_in_order() {
        let p = PackedText::<4>::from_parts(&["Олена", "", "a@b.ua", "+380501234567"]);
        assert_eq!(p.get(0), "Олена");
        assert_eq!(p.get(1), "");
        assert!(!p.has(1));
        assert_eq!(p.get(2), "a@b.ua");
        assert_eq!(p.get(3), "+380501234567");
        assert_eq!(p.get(9), "");
    }

    #[test]
    fn a_row_past_64_kib_keeps_every_value_and_narrows_again_when_it_shrinks() {
        let big = "ж".repeat(40_000);
        let mut p = PackedText::<3>::from_parts(&["a", big.as_str(), "c"]);
        assert!(matches!(p.ends, Ends::Wide(_)));
        assert_eq!((p.get(0), p.get(1).len(), p.get(2)), ("a", 80_000, "c"));
        p.set(2, "tail");
        assert_eq!(p.get(2), "tail");
        p.set(1, "b");
        assert!(matches!(p.ends, Ends::Narrow(_)));
        assert_eq!(p, PackedText::<3>::from_parts(&["a", "b", "tail"]));
        assert!(std::mem::size_of::<PackedText<21>>() <= 64);
    }

    #[test]
    fn setting_out_of_range_changes_nothing() {
        let mut p = PackedText::<2>::from_parts(&["a", "b"]);
        p.set(5, "x");
        assert_eq!((p.get(0), p.get(1)), ("a", "b"));
    }

    proptest! {
        #[test]
        fn packed_text_behaves_like_one_string_per_slot(
            start in proptest::collection::vec(".{0,6}", 5),
            ops in proptest::collection::vec((0usize..5, ".{0,12}"), 0..40)
        ) {
            let parts: [String; 5] = std::array::from_fn(|i| start[i].clone());
            let mut packed = PackedText::<5>::from_parts(&parts);
            let mut plain = parts.to_vec();
            for (i, value) in ops {
                packed.set(i, &value);
                plain[i] = value;
            }
            for (i, value) in plain.iter().enumerate() {
                prop_assert_eq!(packed.get(i), value.as_str());
                prop_assert_eq!(packed.has(i), !value.is_empty());
            }
            prop_assert_eq!(packed.clone(), PackedText::<5>::from_parts(&std::array::from_fn(|i| plain[i].clone())));
        }
    }
}
