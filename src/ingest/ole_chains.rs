//! Sector-chain sanity check for OLE compound files (xls): refuses a FAT whose chains loop.
//!
//! A corrupt or hostile `.xls` can make a FAT chain point back into itself; a reader that follows
//! it without a bound grows its buffer until memory runs out. A valid compound file never has a
//! loop anywhere in its FAT (every chain ends in ENDOFCHAIN), so any loop means the file is broken.

use crate::error::{Error, Result};

/// FAT values from here up are markers (DIFSECT, FATSECT, ENDOFCHAIN, FREESECT), not sector ids.
pub(super) const MAX_REGULAR_SECTOR: u32 = 0xFFFF_FFFA;
/// Number of FAT sector ids held in the 512-byte header itself.
const HEADER_DIFAT_ENTRIES: usize = 109;

/// Refuses a compound file whose FAT (or DIFAT) chains loop. Files too short or with a header
/// this check does not understand are left for the workbook reader to reject.
pub fn check_sector_chains(bytes: &[u8]) -> Result<()> {
    let Some(sector_size) = sector_size(bytes) else {
        return Ok(());
    };
    if has_loop(&read_fat(bytes, sector_size)?) {
        return Err(Error::input(
            "cannot read workbook: its sector chains loop (the file is corrupt)",
        ));
    }
    Ok(())
}

/// Sector size from the header's sector shift (512 or 4096), `None` for any other value.
pub(super) fn sector_size(bytes: &[u8]) -> Option<usize> {
    read_u16(bytes, 0x1E)
        .filter(|shift| matches!(shift, 9 | 12))
        .map(|shift| 1usize << shift)
}

/// The whole FAT: `fat[id]` is the sector after `id` in its chain.
pub(super) fn read_fat(bytes: &[u8], sector_size: usize) -> Result<Vec<u32>> {
    let mut fat = Vec::new();
    for id in fat_sector_ids(bytes, sector_size)? {
        // A FAT sector cut short by the end of the file would be read zero-padded, and zeros
        // are chains pointing at sector 0.
        let Some(data) = sector(bytes, id, sector_size) else {
            return Err(Error::input(
                "cannot read workbook: its sector allocation table is cut short (the file is truncated or corrupt)",
            ));
        };
        fat.extend(u32_values(data));
    }
    Ok(fat)
}

/// The FAT's own sector ids: the header's 109, then those in the DIFAT chain (bounded).
fn fat_sector_ids(bytes: &[u8], sector_size: usize) -> Result<Vec<u32>> {
    let mut ids: Vec<u32> = (0..HEADER_DIFAT_ENTRIES)
        .filter_map(|i| read_u32(bytes, 0x4C + 4 * i))
        .collect();
    let mut next = read_u32(bytes, 0x44).unwrap_or(u32::MAX);
    let max_steps = bytes.len() / sector_size + 1;
    let mut steps = 0;
    while next < MAX_REGULAR_SECTOR {
        steps += 1;
        let Some(data) = sector(bytes, next, sector_size).filter(|_| steps <= max_steps) else {
            return Err(Error::input(
                "cannot read workbook: its sector allocation table is corrupt",
            ));
        };
        let mut entries: Vec<u32> = u32_values(data).collect();
        next = entries.pop().unwrap_or(u32::MAX);
        ids.extend(entries);
    }
    ids.retain(|&id| id < MAX_REGULAR_SECTOR);
    Ok(ids)
}

/// Whether following `next = fat[id]` from any sector ever comes back to a sector of the same walk.
fn has_loop(fat: &[u32]) -> bool {
    // 0: not seen, 1: on the current walk, 2: known to reach an end.
    let mut state = vec![0u8; fat.len()];
    for start in 0..fat.len() {
        let mut walk = Vec::new();
        let mut id = start;
        while state.get(id) == Some(&0) {
            state[id] = 1;
            walk.push(id);
            id = fat[id] as usize;
        }
        if state.get(id) == Some(&1) {
            return true;
        }
        walk.into_iter().for_each(|seen| state[seen] = 2);
    }
    false
}

/// Sector `id` (sector 0 starts right after the header).
pub(super) fn sector(bytes: &[u8], id: u32, sector_size: usize) -> Option<&[u8]> {
    let start = (id as usize).checked_add(1)?.checked_mul(sector_size)?;
    bytes.get(start..start.checked_add(sector_size)?)
}

pub(super) fn u32_values(data: &[u8]) -> impl Iterator<Item = u32> + '_ {
    data.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

pub(super) fn read_u16(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at + 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

pub(super) fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A v3 compound file: header, one FAT sector (sector 0) holding `fat`, directory at sector 1.
    fn compound_file(fat: &[u32]) -> Vec<u8> {
        let mut bytes = vec![0u8; 512 * 3];
        bytes[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        bytes[0x1E..0x20].copy_from_slice(&9u16.to_le_bytes());
        bytes[0x2C..0x30].copy_from_slice(&1u32.to_le_bytes());
        bytes[0x30..0x34].copy_from_slice(&1u32.to_le_bytes());
        bytes[0x44..0x48].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        for i in 0..HEADER_DIFAT_ENTRIES {
            let at = 0x4C + 4 * i;
            bytes[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        }
        bytes[0x4C..0x50].copy_from_slice(&0u32.to_le_bytes());
        let mut table: Vec<u32> = fat.to_vec();
        table.resize(128, u32::MAX);
        for (i, v) in table.iter().enumerate() {
            bytes[512 + 4 * i..512 + 4 * i + 4].copy_from_slice(&v.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn a_directory_chain_pointing_back_to_itself_is_refused() {
        // Sector 0 is the FAT itself (FATSECT); the directory chain 1 → 2 → 1 loops.
        let err = check_sector_chains(&compound_file(&[0xFFFF_FFFD, 2, 1]))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("loop"), "{err}");
    }

    #[test]
    fn a_self_referencing_sector_is_refused() {
        assert!(check_sector_chains(&compound_file(&[0xFFFF_FFFD, 1])).is_err());
    }

    #[test]
    fn well_formed_chains_pass() {
        let ok = compound_file(&[0xFFFF_FFFD, 2, 0xFFFF_FFFE, 4, 0xFFFF_FFFE]);
        assert!(check_sector_chains(&ok).is_ok());
        let xls = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ingest/legacy.xls"),
        )
        .unwrap_or_default();
        assert!(!xls.is_empty());
        assert!(check_sector_chains(&xls).is_ok());
    }

    #[test]
    fn a_fat_sector_cut_short_by_the_end_of_the_file_is_refused() {
        // Found by the `workbook` fuzz target: an .xls whose only FAT sector had 84 of 512 bytes.
        let mut bytes = compound_file(&[0xFFFF_FFFD, 0xFFFF_FFFE]);
        bytes.truncate(512 + 84);
        let err = check_sector_chains(&bytes)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("cut short"), "{err}");
    }

    #[test]
    fn a_looping_difat_chain_is_refused() {
        let mut bytes = compound_file(&[0xFFFF_FFFD, 0xFFFF_FFFE]);
        // The DIFAT chain starts at sector 1 whose last entry points back to sector 1.
        bytes[0x44..0x48].copy_from_slice(&1u32.to_le_bytes());
        bytes[1024..1536].fill(0xFF);
        bytes[1536 - 4..1536].copy_from_slice(&1u32.to_le_bytes());
        assert!(check_sector_chains(&bytes).is_err());
    }
}
