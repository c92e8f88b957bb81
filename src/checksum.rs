//! Content digests: input checksums, config digests and content-derived IDs.

use sha2::{Digest, Sha256};
use std::fmt::Write;

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex SHA-256 of a file's content, read in 1 MiB pieces.
pub fn file_sha256_hex(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(buffer.get(..n).unwrap_or_default());
    }
    Ok(hex(&hasher.finalize()))
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// A short content-derived ID: `prefix` + the first 12 hex digits of SHA-256(`content`).
pub fn short_id(prefix: &str, content: &[u8]) -> String {
    let digest = Sha256::digest(content);
    format!("{prefix}{}", hex(&digest[..6]))
}
