//! Refuses an xlsx whose shared-strings part claims an absurd number of strings.
//!
//! calamine reserves room for `uniqueCount` strings (24 bytes each) as soon as it opens an xlsx,
//! taking the number from the `<sst>` tag of `xl/sharedStrings.xml` unchecked. A 1.5 KB file
//! saying `uniqueCount="10000000000000"` asks for 240 TB: the allocation fails and the process
//! aborts, which no panic guard can catch. A shared string takes at least 5 bytes of that part
//! (`<si/>`), so a count above a fifth of the part's size cannot be true; any count up to
//! [`ALWAYS_ALLOWED`] is believed anyway (a writer that put the total of string cells there, a
//! 400 MB reservation at most).
//!
//! The part's bytes are scanned as they are inflated for the zip-bomb check (one pass, no
//! buffering) for every `uniqueCount` attribute anywhere in it, not only on the `<sst>` tag, so
//! a comment or a long run of blanks cannot hide the one calamine reads.

use std::io::{self, Write};

/// Any string count up to this is accepted whatever the part's size.
pub(super) const ALWAYS_ALLOWED: u64 = 1 << 24;
/// The smallest shared string, `<si/>`, in bytes.
const MIN_BYTES_PER_STRING: u64 = 5;
const NAME: &[u8; 11] = b"uniqueCount";
/// For each length `i + 1` of a matched start of [`NAME`], the length of its longest proper
/// suffix that is also a start of the name (Knuth–Morris–Pratt): where a mismatch resumes.
const RESUME: [usize; 11] = resume_table();

const fn resume_table() -> [usize; 11] {
    let mut table = [0; 11];
    let (mut i, mut k) = (1, 0);
    while i < NAME.len() {
        while k > 0 && NAME[i] != NAME[k] {
            k = table[k - 1];
        }
        if NAME[i] == NAME[k] {
            k += 1;
        }
        table[i] = k;
        i += 1;
    }
    table
}

/// Whether calamine may read the zip entry `name` as an xlsx's shared strings: it looks the
/// part up ignoring case and with `\` read as `/`, under the workbook's own folder.
pub(super) fn is_shared_strings_part(name: &str) -> bool {
    name.replace('\\', "/")
        .to_ascii_lowercase()
        .ends_with("sharedstrings.xml")
}

/// The most strings a shared-strings part of `size` bytes can be believed to hold.
pub(super) fn max_strings(size: u64) -> u64 {
    ALWAYS_ALLOWED.max(size / MIN_BYTES_PER_STRING)
}

/// A writer that keeps nothing and remembers the largest `uniqueCount` written to it.
#[derive(Default)]
pub(super) struct UniqueCountScan {
    state: State,
    /// The largest value seen (saturating at `u64::MAX`).
    pub(super) largest: u64,
}

#[derive(Clone, Copy)]
enum State {
    /// This many bytes of `uniqueCount` matched.
    Name(usize),
    /// The name, then blanks; `=` expected.
    AfterName,
    /// `=`, then blanks; a quote expected.
    AfterEquals,
    /// Inside the quotes: this value so far, and whether a digit came.
    Value(u64, bool),
}

impl Default for State {
    fn default() -> Self {
        State::Name(0)
    }
}

impl UniqueCountScan {
    fn byte(&mut self, byte: u8) {
        let blank = matches!(byte, b' ' | b'\t' | b'\r' | b'\n');
        self.state = match self.state {
            State::AfterName if blank => State::AfterName,
            State::AfterName if byte == b'=' => State::AfterEquals,
            State::AfterEquals if blank => State::AfterEquals,
            State::AfterEquals if byte == b'"' || byte == b'\'' => State::Value(0, false),
            State::Value(0, false) if byte == b'+' => State::Value(0, false),
            State::Value(value, _) if byte.is_ascii_digit() => State::Value(
                value
                    .saturating_mul(10)
                    .saturating_add(u64::from(byte - b'0')),
                true,
            ),
            State::Value(value, digits) => {
                // Anything after the digits ends the value (calamine would not even parse
                // `123abc`; counting it is on the safe side).
                if digits {
                    self.largest = self.largest.max(value);
                }
                Self::name_step(0, byte)
            }
            State::Name(matched) => Self::name_step(matched, byte),
            State::AfterName | State::AfterEquals => Self::name_step(0, byte),
        };
    }

    /// After `matched` bytes of the name, `byte`.
    fn name_step(mut matched: usize, byte: u8) -> State {
        loop {
            if byte == NAME[matched] {
                matched += 1;
                break;
            }
            if matched == 0 {
                break;
            }
            matched = RESUME[matched - 1];
        }
        if matched == NAME.len() {
            State::AfterName
        } else {
            State::Name(matched)
        }
    }
}

impl Write for UniqueCountScan {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        buf.iter().for_each(|&b| self.byte(b));
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn largest(chunks: &[&[u8]]) -> u64 {
        let mut scan = UniqueCountScan::default();
        for chunk in chunks {
            scan.write_all(chunk).unwrap();
        }
        scan.largest
    }

    #[test]
    fn finds_the_count_on_the_sst_tag() {
        let xml = br#"<?xml version="1.0"?><sst xmlns="x" count="7" uniqueCount="5"><si><t>a</t></si></sst>"#;
        assert_eq!(largest(&[xml]), 5);
    }

    #[test]
    fn finds_it_split_across_writes_with_blanks_single_quotes_and_a_plus() {
        assert_eq!(
            largest(&[b"<sst uniq", b"ueCou", b"nt \n= ", b"'+0001", b"2345'>"]),
            12345
        );
        let blanks = vec![b' '; 1 << 16];
        assert_eq!(
            largest(&[b"<sst uniqueCount", &blanks, b"=\"99999999999999\">"]),
            99_999_999_999_999
        );
    }

    #[test]
    fn a_name_that_restarts_inside_itself_is_still_found() {
        assert_eq!(largest(&[b"uuniquniqueCount=\"42\""]), 42);
        assert_eq!(largest(&[b"uniqueCounuuniqueCount=\"7\""]), 7);
        assert_eq!(largest(&[b"uniqueCouniqueCount=\"8\""]), 8);
        assert_eq!(RESUME, [0, 0, 0, 0, 1, 0, 0, 0, 1, 2, 0]);
    }

    #[test]
    fn other_attributes_and_non_numbers_do_not_count() {
        assert_eq!(largest(&[b"<sst count=\"999999\" uniqueCount=\"x9\">"]), 0);
        assert_eq!(largest(&[b"uniqueCount=9 uniqueCount:\"9\""]), 0);
        assert_eq!(largest(&[b"uniqueCount=\"\""]), 0);
        assert_eq!(
            largest(&[b"uniqueCount=\"99999999999999999999999999\""]),
            u64::MAX
        );
    }

    #[test]
    fn a_count_is_believed_up_to_a_fifth_of_the_part_or_the_floor() {
        assert_eq!(max_strings(1_000), ALWAYS_ALLOWED);
        assert_eq!(max_strings(500 << 20), (500 << 20) / 5);
        assert!(is_shared_strings_part("xl/sharedStrings.xml"));
        assert!(is_shared_strings_part("Foo\\SHAREDSTRINGS.XML"));
        assert!(!is_shared_strings_part("xl/sharedStrings.bin"));
    }
}
