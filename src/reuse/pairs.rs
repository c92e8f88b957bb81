//! The compared pairs of a run (`state/pairs.bin`): every pair's levels and terms
//! ([`crate::dedupe::kept`]), by this run's record indices. A later run with `--previous`
//! takes them for pairs of records that are unchanged since ([`super::rows`] says which).
//!
//! The file: a magic string with the format, the compatibility digest (the rows' digest, and
//! the comparisons by name: another identifier column is another comparison), the number of
//! comparisons, the pair count, the pairs (`a`, `b`, one code per comparison) in `(a, b)`
//! order, and the SHA-256 of everything before it.

use crate::dedupe::kept::{Compared, KeptComparisons};
use crate::wire::Reader;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

/// The file's name inside [`super::STATE_DIR`].
pub const PAIRS_FILE: &str = "pairs.bin";

const MAGIC: &[u8; 16] = b"steward pairs\0\0\x01";

/// What the kept pairs are tied to: the rows' compatibility and the comparisons.
pub fn compat(rows_compat: &[u8; 32], comparisons: &[&str]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(rows_compat);
    for name in comparisons {
        h.update(name.as_bytes());
        h.update([0]);
    }
    h.finalize().into()
}

/// Writes `compared` under `compat` to `out`.
pub fn write(compared: &Compared, compat: &[u8; 32], out: &mut impl Write) -> std::io::Result<()> {
    let mut hasher = Sha256::new();
    let mut emit = |bytes: &[u8]| -> std::io::Result<()> {
        hasher.update(bytes);
        out.write_all(bytes)
    };
    emit(MAGIC)?;
    emit(compat)?;
    emit(&(compared.width as u32).to_le_bytes())?;
    emit(&(compared.pairs.len() as u64).to_le_bytes())?;
    let mut buffer = Vec::with_capacity(1 << 20);
    for (i, &(a, b)) in compared.pairs.iter().enumerate() {
        buffer.extend_from_slice(&a.to_le_bytes());
        buffer.extend_from_slice(&b.to_le_bytes());
        let codes = compared
            .codes
            .get(i * compared.width..(i + 1) * compared.width)
            .unwrap_or_default();
        buffer.extend_from_slice(codes);
        if buffer.len() >= 1 << 20 {
            emit(&buffer)?;
            buffer.clear();
        }
    }
    emit(&buffer)?;
    let digest = hasher.finalize();
    out.write_all(&digest)
}

/// An earlier run's kept pairs with what they are tied to ([`compat`]).
#[derive(Debug, Default)]
pub struct SavedPairs {
    pub compat: [u8; 32],
    pub kept: KeptComparisons,
}

impl SavedPairs {
    /// The kept pairs when they were made under `compat`, or why they cannot be used.
    pub fn under(self, compat: &[u8; 32]) -> Result<KeptComparisons, String> {
        if &self.compat == compat {
            Ok(self.kept)
        } else {
            Err(
                "the earlier run compared records differently (another version, other \
                 schemas, options or identifier columns)"
                    .into(),
            )
        }
    }
}

/// The pairs an earlier output set at `dir` kept, or why they cannot be used.
pub fn load(dir: &Path) -> Result<SavedPairs, String> {
    let (file, path) =
        super::read_state_file(dir, PAIRS_FILE, "the earlier run kept no compared pairs")?;
    let damaged = || {
        format!(
            "{} is damaged (it does not read back whole)",
            path.display()
        )
    };
    let body_len = file.len().checked_sub(32).ok_or_else(damaged)?;
    let (body, digest) = file.split_at(body_len);
    if Sha256::digest(body).as_slice() != digest {
        return Err(damaged());
    }
    let mut r = Reader::new(body);
    if r.take(MAGIC.len()) != Some(MAGIC.as_slice()) {
        return Err(format!("{} is of another format", path.display()));
    }
    let compat = r.array::<32>().ok_or_else(damaged)?;
    let width = r.u32().ok_or_else(damaged)? as usize;
    let count = r.array::<8>().map(u64::from_le_bytes).ok_or_else(damaged)?;
    let count = usize::try_from(count).map_err(|_| damaged())?;
    if count.checked_mul(8 + width) != Some(body.len() - MAGIC.len() - 32 - 4 - 8) {
        return Err(damaged());
    }
    let mut pairs = Vec::with_capacity(count);
    let mut codes = Vec::with_capacity(count * width);
    for _ in 0..count {
        let a = r.u32().ok_or_else(damaged)?;
        let b = r.u32().ok_or_else(damaged)?;
        pairs.push((a, b));
        codes.extend_from_slice(r.take(width).ok_or_else(damaged)?);
    }
    let kept = KeptComparisons::new(width, &pairs, codes).ok_or_else(damaged)?;
    Ok(SavedPairs { compat, kept })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::compare::Term;

    #[test]
    fn kept_pairs_read_back_and_a_changed_byte_or_setting_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = dir.path().join(crate::reuse::STATE_DIR);
        std::fs::create_dir_all(&state).expect("state dir");
        let mut log = Compared {
            width: 2,
            ..Compared::default()
        };
        log.push((0, 2), &[1, 3], &[Term::Email, Term::None]);
        log.push((1, 2), &[2, 0], &[Term::None, Term::None]);
        let compat = compat(&[7; 32], &["email", "phone"]);
        let mut bytes = Vec::new();
        write(&log, &compat, &mut bytes).expect("written");
        std::fs::write(state.join(PAIRS_FILE), &bytes).expect("saved");
        let kept = load(dir.path())
            .and_then(|s| s.under(&compat))
            .expect("loads");
        assert_eq!(kept.get(0, 2), log.codes.get(0..2));
        assert_eq!(kept.get(1, 2), log.codes.get(2..4));
        let other = super::compat(&[7; 32], &["email", "phone", "id:crm"]);
        let refused = load(dir.path()).and_then(|s| s.under(&other));
        assert!(refused.unwrap_err().contains("differently"));
        let mut damaged = bytes.clone();
        damaged[70] ^= 1;
        std::fs::write(state.join(PAIRS_FILE), &damaged).expect("saved");
        assert!(load(dir.path()).unwrap_err().contains("damaged"));
    }
}
