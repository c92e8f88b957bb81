//! The model a run scored with (`state/model.bin`): what training learnt and what from
//! ([`crate::dedupe::learnt`]). A later run with `--previous` scores with it unless its data
//! shifted.
//!
//! The file: a magic string with the format, the compatibility digest (the pairs' digest and
//! the settings that shape training), the number of comparisons, per comparison its level
//! count and, per level, `m`, `u`, the random pairs' count, the prior `u` and the EM sample's
//! share; then `lambda`, the eligible records, and the SHA-256 of everything before it.
//! Numbers are little-endian; each `f64` is kept bit for bit, so a reused model scores as the
//! one that was kept.

use crate::dedupe::learnt::{Fingerprint, Learnt};
use crate::dedupe::score::USample;
use crate::dedupe::settings::DedupeSettings;
use crate::wire::Reader;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

/// The file's name inside [`super::STATE_DIR`].
pub const MODEL_FILE: &str = "model.bin";

const MAGIC: &[u8; 16] = b"steward model\0\0\x01";

/// What a kept model is tied to: the comparisons (through the pairs' digest) and the settings
/// training reads (blocking, the sample sizes, the iterations and the seed). Thresholds are
/// not among them: they decide pairs, not the model.
pub fn compat(pairs_compat: &[u8; 32], settings: &DedupeSettings) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(pairs_compat);
    let training = (
        &settings.blocking,
        settings.max_block_size,
        settings.window,
        settings.comparison_budget,
        settings.u_sample_pairs,
        settings.em_sample_pairs,
        settings.em_max_iterations,
        settings.seed,
    );
    h.update(format!("{training:?}").as_bytes());
    h.finalize().into()
}

/// The bytes of `learnt` under `compat`, digest included.
pub fn encode(learnt: &Learnt, compat: &[u8; 32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(compat);
    let rows = learnt.m.len();
    out.extend_from_slice(&(rows as u32).to_le_bytes());
    let row = |v: &Vec<Vec<f64>>, c: usize| v.get(c).cloned().unwrap_or_default();
    for c in 0..rows {
        let m = row(&learnt.m, c);
        out.extend_from_slice(&(m.len() as u32).to_le_bytes());
        let columns = [
            m.clone(),
            row(&learnt.u, c),
            row(&learnt.u_sample.counts, c),
            row(&learnt.u_sample.priors, c),
            row(&learnt.fingerprint.level_shares, c),
        ];
        for l in 0..m.len() {
            for column in &columns {
                let x = column.get(l).copied().unwrap_or(f64::NAN);
                out.extend_from_slice(&x.to_bits().to_le_bytes());
            }
        }
    }
    out.extend_from_slice(&learnt.lambda.to_bits().to_le_bytes());
    out.extend_from_slice(&learnt.fingerprint.records.to_le_bytes());
    let digest = Sha256::digest(&out);
    out.extend_from_slice(&digest);
    out
}

/// Writes `learnt` under `compat` to `out`.
pub fn write(learnt: &Learnt, compat: &[u8; 32], out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(&encode(learnt, compat))
}

/// An earlier run's model with what it is tied to ([`compat`]).
#[derive(Debug, Default)]
pub struct SavedModel {
    pub compat: [u8; 32],
    pub learnt: Learnt,
}

impl SavedModel {
    /// The kept model when it was made under `compat`, or why it cannot be used.
    pub fn under(self, compat: &[u8; 32]) -> Result<Learnt, String> {
        if &self.compat == compat {
            Ok(self.learnt)
        } else {
            Err(
                "the earlier run trained under other settings (another version, schemas, \
                 options, comparisons, blocking rules or training samples)"
                    .into(),
            )
        }
    }
}

/// The model an earlier output set at `dir` kept, or why it cannot be used.
pub fn load(dir: &Path) -> Result<SavedModel, String> {
    let (bytes, path) = super::read_state_file(dir, MODEL_FILE, "the earlier run kept no model")?;
    decode(&bytes).ok_or_else(|| {
        format!(
            "{} is damaged or of another format (it does not read back whole)",
            path.display()
        )
    })
}

/// The model in `bytes`, when they read back whole.
fn decode(bytes: &[u8]) -> Option<SavedModel> {
    let (body, digest) = bytes.split_at(bytes.len().checked_sub(32)?);
    if Sha256::digest(body).as_slice() != digest {
        return None;
    }
    let mut r = Reader::new(body);
    if r.take(MAGIC.len())? != MAGIC.as_slice() {
        return None;
    }
    let compat = r.array::<32>()?;
    let rows = r.u32()? as usize;
    let float = |r: &mut Reader| {
        r.array::<8>()
            .map(|b| f64::from_bits(u64::from_le_bytes(b)))
    };
    let mut learnt = Learnt::default();
    let mut u_sample = USample::default();
    let mut shares = Vec::new();
    for _ in 0..rows.min(body.len()) {
        let levels = r.u32()? as usize;
        if levels > body.len() {
            return None;
        }
        let mut columns: [Vec<f64>; 5] = Default::default();
        for _ in 0..levels {
            for column in &mut columns {
                column.push(float(&mut r)?);
            }
        }
        let [m, u, counts, priors, share] = columns;
        learnt.m.push(m);
        learnt.u.push(u);
        u_sample.counts.push(counts);
        u_sample.priors.push(priors);
        shares.push(share);
    }
    learnt.lambda = float(&mut r)?;
    let records = u64::from_le_bytes(r.array::<8>()?);
    if !r.is_empty() || learnt.m.len() != rows {
        return None;
    }
    learnt.u_sample = u_sample;
    learnt.fingerprint = Fingerprint {
        records,
        level_shares: shares,
    };
    Some(SavedModel { compat, learnt })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learnt() -> Learnt {
        Learnt {
            m: vec![vec![1.0, 0.9, 0.1], vec![1.0, 0.25]],
            lambda: 0.012_345_678_9,
            u: vec![vec![1.0, 0.001, 0.999], vec![1.0, 0.5]],
            u_sample: USample {
                counts: vec![vec![3.0, 10.0, 9990.0], vec![0.0, 5.0]],
                priors: vec![vec![1.0, 1e-4, 0.9999], vec![1.0, 0.4]],
            },
            fingerprint: Fingerprint {
                records: 454_000,
                level_shares: vec![vec![0.1, 0.2, 0.7], vec![0.5, 0.5]],
            },
        }
    }

    #[test]
    fn a_kept_model_reads_back_bit_for_bit_and_a_changed_byte_or_setting_is_refused() {
        let settings = DedupeSettings::default();
        let compat = compat(&[7; 32], &settings);
        let bytes = encode(&learnt(), &compat);
        let back = decode(&bytes).expect("reads back");
        assert_eq!(back.learnt, learnt());
        assert_eq!(back.under(&compat).expect("same settings"), learnt());

        let other = DedupeSettings {
            em_sample_pairs: 1000,
            ..DedupeSettings::default()
        };
        let refused = decode(&bytes)
            .expect("reads back")
            .under(&super::compat(&[7; 32], &other));
        assert!(refused.is_err());

        for at in [0, 20, 60, bytes.len() / 2, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 1;
            assert!(decode(&damaged).is_none(), "byte {at} changed");
        }
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
        assert!(decode(&[]).is_none());
    }
}
