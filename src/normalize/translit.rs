//! Transliteration keys for matching across scripts (Ukrainian national system, Thai key).

/// Latin, case-folded key of `s` for matching (stub: lower-case).
pub fn latin_key(s: &str) -> String {
    s.to_lowercase()
}
