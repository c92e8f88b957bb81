//! Opening an input file: regular files only, at most the configured size, read in chunks so that a stop request is seen.

use crate::error::{Error, Result};
use crate::progress::Progress;
use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::Path;

/// Bytes read between two checks for a stop request.
const CHUNK: u64 = 8 << 20;

/// The bytes of the input file at `path`. Refuses anything but a regular file (a device such
/// as `/dev/zero`, a FIFO, a socket) before opening it, and a file of more than `max_bytes`;
/// stops with `Interrupted` when `progress` asks to.
pub fn read_input(path: &Path, max_bytes: u64, progress: &dyn Progress) -> Result<Vec<u8>> {
    let cannot = |e: std::io::Error| Error::input(format!("cannot read file: {e}")).at_path(path);
    // Checked before opening: opening a FIFO waits for a writer.
    refuse_unless_regular(&fs::metadata(path).map_err(cannot)?, path)?;
    let file = File::open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    refuse_unless_regular(&meta, path)?;
    if meta.len() > max_bytes {
        return Err(too_large(path, max_bytes));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    let mut bounded = file.take(max_bytes.saturating_add(1));
    loop {
        crate::cancel::check(progress)?;
        let n = (&mut bounded)
            .take(CHUNK)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        if n == 0 {
            break;
        }
    }
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(path, max_bytes));
    }
    Ok(bytes)
}

fn refuse_unless_regular(meta: &Metadata, path: &Path) -> Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    let what = special_kind(meta);
    Err(Error::input(format!(
        "not a regular file ({what}); only files are read as input"
    ))
    .at_path(path))
}

#[cfg(unix)]
fn special_kind(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn special_kind(meta: &Metadata) -> &'static str {
    if meta.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

fn too_large(path: &Path, max_bytes: u64) -> Error {
    Error::input(format!(
        "the file is larger than the {} MiB limit for one input; refused (raise [input] \
         max_file_mib in steward.toml or pass --max-file-mib)",
        max_bytes >> 20
    ))
    .at_path(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::NoProgress;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_device_is_refused_naming_it_without_reading() {
        let err = read_input(Path::new("/dev/zero"), u64::MAX, &NoProgress).expect_err("device");
        let text = err.to_string();
        assert!(
            text.contains("/dev/zero") && text.contains("a device"),
            "{text}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("export.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let err = read_input(&fifo, u64::MAX, &NoProgress).expect_err("fifo");
        assert!(err.to_string().contains("a FIFO"), "{err}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_and_one_at_it_is_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("big.csv");
        fs::write(&path, vec![b'a'; 4096]).expect("write");
        assert_eq!(
            read_input(&path, 4096, &NoProgress)
                .expect("at the limit")
                .len(),
            4096
        );
        let err = read_input(&path, 4095, &NoProgress).expect_err("over");
        assert!(err.to_string().contains("max_file_mib"), "{err}");
    }

    /// Asks to stop once `after` checks have passed.
    struct StopAfter {
        after: usize,
        asked: AtomicUsize,
    }

    impl Progress for StopAfter {
        fn start(&self, _: &str, _: Option<u64>) {}
        fn advance(&self, _: u64) {}
        fn finish(&self) {}
        fn stop_requested(&self) -> bool {
            self.asked.fetch_add(1, Ordering::SeqCst) >= self.after
        }
    }

    #[test]
    fn a_stop_request_ends_the_read_of_a_large_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("large.csv");
        fs::write(&path, vec![b'a'; 3 * CHUNK as usize]).expect("write");
        let stop = StopAfter {
            after: 1,
            asked: AtomicUsize::new(0),
        };
        let err = read_input(&path, u64::MAX, &stop).expect_err("stopped");
        assert!(
            matches!(err.kind(), crate::ErrorKind::Interrupted),
            "{err:?}"
        );
        assert_eq!(
            stop.asked.load(Ordering::SeqCst),
            2,
            "stopped after one chunk"
        );
    }
}
