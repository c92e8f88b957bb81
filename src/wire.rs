//! The byte encoding of Steward's own binary files (the raw-values spill file, the row and pair
//! state an output set keeps for the next run): lengths as LEB128, strings as length and
//! UTF-8 bytes, packed rows as their strings in order. Readers never panic: damaged bytes
//! read as `None`.
//!
//! Written by hand: the files are private to Steward, a few dozen lines cover them, and a
//! general serialisation crate would still need the packed rows' codec written here.

use crate::packed::PackedText;

/// Appends `n` as LEB128 (seven bits per byte, low first).
pub fn put_len(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Appends `s` as its length and bytes.
pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Appends the `N` strings of `row` in order.
pub fn put_packed<const N: usize>(out: &mut Vec<u8>, row: &PackedText<N>) {
    for i in 0..N {
        put_str(out, row.get(i));
    }
}

/// Reads the encoding [`put_len`], [`put_str`] and [`put_packed`] write, front to back.
#[derive(Clone, Copy, Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Every byte not read yet.
    pub fn rest(self) -> &'a [u8] {
        self.bytes
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    /// The next byte.
    pub fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    /// The next `N` bytes as an array.
    pub fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    /// The next little-endian `u32`.
    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    /// The next LEB128 length.
    pub fn len(&mut self) -> Option<usize> {
        let mut n = 0usize;
        let mut shift = 0u32;
        loop {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
            shift += 7;
            if shift >= usize::BITS {
                return None;
            }
        }
    }

    /// The next string.
    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// The next packed row of `N` strings.
    pub fn packed<const N: usize>(&mut self) -> Option<PackedText<N>> {
        let mut parts = [""; N];
        for part in &mut parts {
            *part = self.str()?;
        }
        Some(PackedText::from_parts(&parts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn packed_rows_and_lengths_read_back_as_written(
            parts in proptest::array::uniform5(".{0,40}"),
            n in any::<usize>(),
        ) {
            let row = PackedText::<5>::from_parts(&parts);
            let mut out = Vec::new();
            put_len(&mut out, n);
            put_packed(&mut out, &row);
            let mut r = Reader::new(&out);
            prop_assert_eq!(r.len(), Some(n));
            prop_assert_eq!(r.packed::<5>(), Some(row));
            prop_assert!(r.is_empty());
        }

        #[test]
        fn damaged_bytes_read_as_nothing_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let mut r = Reader::new(&bytes);
            let _ = r.packed::<7>();
            let mut r = Reader::new(&bytes);
            let _ = (r.len(), r.str(), r.u32(), r.array::<16>());
        }
    }

    #[test]
    fn a_cut_string_reads_as_nothing() {
        let mut out = Vec::new();
        put_str(&mut out, "Олена");
        out.truncate(out.len() - 1);
        assert_eq!(Reader::new(&out).str(), None);
    }
}
