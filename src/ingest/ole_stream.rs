//! Reads one named stream out of an OLE compound file (xls) the way calamine will, for pre-checks.
//!
//! Checks of a workbook's content (see `xls_extent`) must see the same bytes calamine is about to
//! parse. Where calamine would read past the file or past the mini stream (it then reads whatever
//! bytes follow), this reader refuses the file instead: a valid compound file never does that.

use super::ole_chains::{read_fat, read_u32, sector_size, u32_values};
use crate::error::{Error, Result};

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Streams shorter than this live in the mini stream (fixed by the compound file format).
const MINI_STREAM_CUTOFF: usize = 4096;
const MINI_SECTOR_SIZE: usize = 64;
const DIRECTORY_ENTRY_SIZE: usize = 128;

/// One directory entry: name, first sector and length of its stream.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

/// The regular sectors of a file and its FAT.
struct Sectors<'a> {
    bytes: &'a [u8],
    size: usize,
    fat: Vec<u32>,
}

/// The stream of the first directory entry named `names[0]`, else `names[1]`… (ASCII
/// case-insensitive, as calamine looks them up). `Ok(None)` when there is no such stream or the
/// header is one this reader does not understand (calamine rejects those itself).
pub(super) fn read_stream(bytes: &[u8], names: &[&str]) -> Result<Option<Vec<u8>>> {
    let Some(size) = sector_size(bytes) else {
        return Ok(None);
    };
    let file = Sectors {
        bytes,
        size,
        fat: read_fat(bytes, size)?,
    };
    let directory = file.chain(read_u32(bytes, 0x30).unwrap_or(END_OF_CHAIN), usize::MAX)?;
    let entries: Vec<Entry> = directory
        .chunks_exact(DIRECTORY_ENTRY_SIZE)
        .map(|raw| Entry::parse(raw, size))
        .collect();
    let Some(entry) = names
        .iter()
        .find_map(|wanted| entries.iter().find(|e| e.name.eq_ignore_ascii_case(wanted)))
    else {
        return Ok(None);
    };
    if entry.len >= MINI_STREAM_CUTOFF {
        return file.chain(entry.start, entry.len).map(Some);
    }
    mini_stream_chain(&file, &entries, entry).map(Some)
}

/// A short stream, read from the mini stream (held by the root entry) through the mini FAT.
fn mini_stream_chain(file: &Sectors, entries: &[Entry], entry: &Entry) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    if entry.len == 0 {
        return Ok(out);
    }
    let mini_fat_sectors = read_u32(file.bytes, 0x40).unwrap_or(0) as usize;
    let Some(root) = entries.first().filter(|_| mini_fat_sectors > 0) else {
        return Err(corrupt());
    };
    let mini_stream = file.chain(root.start, root.len)?;
    let mini_fat: Vec<u32> = u32_values(&file.chain(
        read_u32(file.bytes, 0x3C).unwrap_or(END_OF_CHAIN),
        mini_fat_sectors.saturating_mul(file.size),
    )?)
    .collect();
    let mut id = entry.start;
    while id != END_OF_CHAIN && out.len() < entry.len {
        let start = (id as usize).saturating_mul(MINI_SECTOR_SIZE);
        let wanted = MINI_SECTOR_SIZE.min(entry.len - out.len());
        let data = mini_stream
            .get(start..start.saturating_add(wanted))
            .ok_or_else(corrupt)?;
        out.extend_from_slice(data);
        id = *mini_fat.get(id as usize).ok_or_else(corrupt)?;
    }
    Ok(out)
}

impl Sectors<'_> {
    /// Up to `len` bytes of the chain starting at sector `id` (a chain may end sooner).
    fn chain(&self, mut id: u32, len: usize) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        // `ole_chains` has refused loops already; the bound only guards this function alone.
        let mut steps = 0;
        while id != END_OF_CHAIN && out.len() < len {
            steps += 1;
            let data = self
                .sector(id)
                .filter(|_| steps <= self.fat.len())
                .ok_or_else(corrupt)?;
            out.extend_from_slice(&data[..data.len().min(len - out.len())]);
            id = *self.fat.get(id as usize).ok_or_else(corrupt)?;
        }
        Ok(out)
    }

    /// Sector `id` (after the header), possibly cut short by the end of the file, never empty.
    fn sector(&self, id: u32) -> Option<&[u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(self.size)?;
        let end = start.saturating_add(self.size).min(self.bytes.len());
        self.bytes.get(start..end).filter(|data| !data.is_empty())
    }
}

impl Entry {
    fn parse(raw: &[u8], sector_size: usize) -> Entry {
        let units = raw
            .get(..64)
            .unwrap_or_default()
            .chunks_exact(2)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
        let name: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .take_while(|&c| c != '\0')
            .collect();
        let low = read_u32(raw, 120).unwrap_or(0) as usize;
        // Version 3 files (512-byte sectors) keep only 32 bits of the size; the rest may be junk.
        let len = if sector_size == 512 {
            low
        } else {
            let high = read_u32(raw, 124).unwrap_or(0) as usize;
            low | high.checked_shl(32).unwrap_or(0)
        };
        Entry {
            name,
            start: read_u32(raw, 116).unwrap_or(END_OF_CHAIN),
            len,
        }
    }
}

fn corrupt() -> Error {
    Error::input("cannot read workbook: its streams point outside the file (the file is corrupt)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn legacy_xls() -> Vec<u8> {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ingest/legacy.xls"),
        )
        .unwrap_or_default()
    }

    #[test]
    fn the_workbook_stream_of_a_real_xls_starts_with_its_bof_record() {
        let stream = read_stream(&legacy_xls(), &["Workbook", "Book"])
            .ok()
            .flatten()
            .unwrap_or_default();
        // BOF record (0x0809), then BIFF8 (0x0600) workbook globals (0x0005).
        assert_eq!(stream.get(..2), Some(&[0x09u8, 0x08][..]));
        assert_eq!(stream.get(4..8), Some(&[0x00u8, 0x06, 0x05, 0x00][..]));
    }

    #[test]
    fn a_missing_stream_is_none_and_a_non_ole_file_is_left_alone() {
        assert!(matches!(
            read_stream(&legacy_xls(), &["NoSuchStream"]),
            Ok(None)
        ));
        assert!(matches!(
            read_stream(b"name,phone\n", &["Workbook"]),
            Ok(None)
        ));
    }

    #[test]
    fn a_stream_whose_chain_leaves_the_file_is_refused() {
        let mut xls = legacy_xls();
        // The directory is sector 9; its second entry is the workbook stream. Start it at sector 50.
        let start_field = 512 * 10 + 128 + 116;
        assert_eq!(read_u32(&xls, start_field), Some(0));
        xls[start_field..start_field + 4].copy_from_slice(&50u32.to_le_bytes());
        let err = read_stream(&xls, &["Workbook"])
            .err()
            .map(|e| e.to_string());
        assert!(err.unwrap_or_default().contains("outside the file"));
    }

    /// Header, then sector 0 = FAT, 1 = directory, 2 = mini FAT, 3 = mini stream (8 mini sectors,
    /// the n-th filled with byte n). The "Book" stream is `len` bytes from mini sector 1.
    fn compound_file_with_a_short_stream(mini_fat: &[u32], len: u32) -> Vec<u8> {
        let mut bytes = vec![0xFFu8; 512 * 5];
        let mut put =
            |at: usize, value: u32| bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
        for (at, value) in [
            (0x1C, 0x0009_FFFE),
            (0x20, 6),
            (0x28, 0),
            (0x2C, 1),
            (0x30, 1),
        ] {
            put(at, value);
        }
        for (at, value) in [
            (0x34, 0),
            (0x38, 4096),
            (0x3C, 2),
            (0x40, 1),
            (0x44, END_OF_CHAIN),
        ] {
            put(at, value);
        }
        put(0x4C, 0);
        for (i, value) in [0xFFFF_FFFD, END_OF_CHAIN, END_OF_CHAIN, END_OF_CHAIN]
            .iter()
            .enumerate()
        {
            put(512 + 4 * i, *value);
        }
        for (i, value) in mini_fat.iter().enumerate() {
            put(512 * 3 + 4 * i, *value);
        }
        bytes[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        let directory = 512 * 2;
        bytes[directory..directory + 512].fill(0);
        for (entry, name, start, size) in [(0, "Root Entry", 3, 512), (1, "Book", 1, len)] {
            let at = directory + 128 * entry;
            for (i, unit) in name.encode_utf16().enumerate() {
                bytes[at + 2 * i..at + 2 * i + 2].copy_from_slice(&unit.to_le_bytes());
            }
            bytes[at + 116..at + 120].copy_from_slice(&u32::to_le_bytes(start));
            bytes[at + 120..at + 124].copy_from_slice(&u32::to_le_bytes(size));
        }
        for mini in 0..8u8 {
            let at = 512 * 4 + 64 * usize::from(mini);
            bytes[at..at + 64].fill(mini);
        }
        bytes
    }

    #[test]
    fn a_short_stream_is_read_from_the_mini_stream_through_the_mini_fat() {
        let file = compound_file_with_a_short_stream(
            &[END_OF_CHAIN, 5, END_OF_CHAIN, 0, 0, END_OF_CHAIN],
            100,
        );
        let stream = read_stream(&file, &["Workbook", "Book"])
            .ok()
            .flatten()
            .unwrap_or_default();
        assert_eq!(stream.len(), 100);
        assert!(stream[..64].iter().all(|&b| b == 1));
        assert!(stream[64..].iter().all(|&b| b == 5));
    }

    #[test]
    fn a_mini_chain_leaving_the_mini_stream_is_refused() {
        // Mini sector 1 is followed by mini sector 40, far past the 8 the mini stream holds.
        let file = compound_file_with_a_short_stream(&[END_OF_CHAIN, 40], 100);
        assert!(read_stream(&file, &["Book"]).is_err());
    }
}
