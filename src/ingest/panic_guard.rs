//! Contains a panic inside a third-party file parser: hostile bytes become an input error.
//!
//! calamine indexes its buffers with offsets read from the file; a corrupt workbook can make it
//! panic. A broken file must give a clear error naming it, never a crash, so the parser runs
//! under `catch_unwind` and its panic message is kept off stderr.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs a guarded parser; the panic hook stays quiet then.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `parse`; if it panics, returns `None` instead of unwinding further.
pub fn contain_panic<T>(parse: impl FnOnce() -> T) -> Option<T> {
    install_quiet_hook();
    let was_guarded = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(parse));
    GUARDED.with(|g| g.set(was_guarded));
    result.ok()
}

/// Wraps the current panic hook so that it stays silent for a guarded thread, once per process.
fn install_quiet_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_none_and_a_value_passes_through() {
        let bytes = [1u8, 2, 3];
        let out_of_range = contain_panic(|| {
            let end = bytes.len() + usize::from(bytes[0]);
            bytes[..end].len()
        });
        assert_eq!(out_of_range, None);
        assert_eq!(contain_panic(|| bytes.len()), Some(3));
        assert!(!GUARDED.with(Cell::get));
    }
}
