//! How much of a value a finding or the report repeats: at most [`MAX_CHARS`] characters,
//! the cut said with an ellipsis and the original length, masked when asked.

use crate::privacy::mask;
use std::fmt::Write as _;

/// The most characters of one value a finding or the report repeats.
pub const MAX_CHARS: usize = 200;

/// `value` as an output repeats it: cut after [`MAX_CHARS`] characters (`…` and the original
/// length follow), and masked ([`mask`]) when `masked`; the note on a cut is never masked.
pub fn excerpt(value: &str, masked: bool) -> String {
    let (head, total) = match value.char_indices().nth(MAX_CHARS) {
        Some((at, _)) => (&value[..at], Some(value.chars().count())),
        None => (value, None),
    };
    let mut out = if masked { mask(head) } else { head.to_string() };
    if let Some(total) = total {
        let _ = write!(out, "… ({total} characters)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_saying_so_and_short_ones_kept() {
        assert_eq!(excerpt("Ann", false), "Ann");
        let long = "ж".repeat(5_000);
        let cut = excerpt(&long, false);
        assert_eq!(cut, format!("{}… (5000 characters)", "ж".repeat(MAX_CHARS)));
        let masked = excerpt(&long, true);
        assert!(masked.ends_with("… (5000 characters)"), "{masked}");
        assert_eq!(masked.chars().filter(|c| *c == 'ж').count(), 1);
    }
}
