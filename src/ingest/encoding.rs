//! Text encodings: detection (BOM, UTF-16 byte pattern, UTF-8 check, chardetng, Cyrillic scoring) and decoding.

use encoding_rs::{DecoderResult, Encoding, KOI8_U, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251};

/// How many bytes chardetng and the damaged-UTF-8 check look at.
const SNIFF_BYTES: usize = 1 << 20;
/// How many bytes the UTF-16 pattern check looks at.
const UTF16_SNIFF_BYTES: usize = 64 << 10;
/// How many bytes the Cyrillic code-page scoring decodes.
const SCORING_BYTES: usize = 256 << 10;

/// Text decoded from a file, with where decoding had to replace bytes.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    /// Byte offsets in `text` of the U+FFFD put in place of undecodable bytes.
    pub invalid_at: Vec<usize>,
    /// How many NUL characters were removed.
    pub nuls_removed: usize,
    /// How many byte-order marks were removed from the middle of the text.
    pub inner_boms_removed: usize,
}

/// The encoding for a label, accepting common aliases (`cp1251`, `cp874`, `tis-620`, `utf16`, `koi8u`…).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let lower = label.trim().to_ascii_lowercase().replace('_', "-");
    if let Some(enc) = Encoding::for_label(lower.as_bytes()) {
        return Some(enc);
    }
    let compact: String = lower.chars().filter(|c| *c != '-' && *c != ' ').collect();
    let mapped = match compact.as_str() {
        "utf16" | "utf16le" | "ucs2" | "ucs2le" | "unicode" => "utf-16le",
        "utf16be" | "ucs2be" => "utf-16be",
        "utf8" | "utf8bom" | "utf8sig" => "utf-8",
        "koi8u" => "koi8-u",
        "koi8r" => "koi8-r",
        "tis620" | "cp874" | "win874" | "windows874" | "iso885911" => "windows-874",
        _ => return windows_code_page(&compact),
    };
    Encoding::for_label(mapped.as_bytes())
}

/// `cp1250`…`cp1258`, `win1251`, `windows1251` → `windows-125x`.
fn windows_code_page(compact: &str) -> Option<&'static Encoding> {
    let digits = compact
        .strip_prefix("cp")
        .or_else(|| compact.strip_prefix("windows"))
        .or_else(|| compact.strip_prefix("win"))?;
    if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Encoding::for_label(format!("windows-{digits}").as_bytes())
    } else {
        None
    }
}

/// The lower-case label recorded for an encoding (`windows-1251`, `utf-16le`).
pub fn label_of(encoding: &'static Encoding) -> String {
    encoding.name().to_ascii_lowercase()
}

/// Detects the encoding of `bytes` (BOM, UTF-16 pattern, UTF-8, chardetng) and the BOM length to skip.
pub fn detect(bytes: &[u8]) -> (&'static Encoding, usize) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return (enc, bom_len);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return (enc, 0);
    }
    if mostly_utf8(bytes) {
        return (UTF_8, 0);
    }
    (guess_legacy(bytes), 0)
}

/// Decodes with `encoding` (an override) or the detected encoding; never fails. A byte-order mark wins over
/// an override, as in browsers: it cannot be there by accident.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    let (encoding, skip) = match (Encoding::for_bom(bytes), forced) {
        (Some(bom), _) => bom,
        (None, Some(enc)) => (enc, 0),
        (None, None) => detect(bytes),
    };
    let body = bytes.get(skip..).unwrap_or_default();
    let (text, invalid_at) = decode_tracking(body, encoding);
    let mut decoded = Decoded {
        text,
        encoding,
        invalid_at,
        nuls_removed: 0,
        inner_boms_removed: 0,
    };
    strip_nuls_and_boms(&mut decoded);
    decoded
}

/// UTF-16 without a BOM (Excel "Unicode text"): one byte of each pair is mostly NUL or one high byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(UTF16_SNIFF_BYTES) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let mut hist = [[0usize; 256]; 2];
    for pair in sample.chunks_exact(2) {
        hist[0][usize::from(pair[0])] += 1;
        hist[1][usize::from(pair[1])] += 1;
    }
    let high_byte_like = |h: &[usize; 256]| {
        let mut counts: Vec<usize> = h.to_vec();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let top_two = counts[0] + counts[1];
        top_two * 100 >= pairs * 85 && h[0] * 100 >= pairs * 3
    };
    let nul_share = |h: &[usize; 256]| h[0] * 100 / pairs;
    match (high_byte_like(&hist[0]), high_byte_like(&hist[1])) {
        (false, true) if nul_share(&hist[0]) < 2 => Some(UTF_16LE),
        (true, false) if nul_share(&hist[1]) < 2 => Some(UTF_16BE),
        _ => None,
    }
}

/// Valid UTF-8, or UTF-8 with rare damage: valid multi-byte characters outnumber bad sequences 10 to 1.
fn mostly_utf8(bytes: &[u8]) -> bool {
    if std::str::from_utf8(bytes).is_ok() {
        return true;
    }
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in sample.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    // The last chunk may be a character cut by the sample boundary.
    multibyte >= 10 * invalid.saturating_sub(1).max(1)
}

/// chardetng's guess for non-UTF-8 bytes, with KOI8-U told apart from windows-1251 by letter case.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    if is_cyrillic_single_byte(guess) {
        return best_cyrillic(&sample[..sample.len().min(SCORING_BYTES)], guess);
    }
    guess
}

fn is_cyrillic_single_byte(enc: &'static Encoding) -> bool {
    let name = enc.name();
    name == "windows-1251"
        || name.starts_with("KOI8")
        || name == "IBM866"
        || name == "ISO-8859-5"
        || name == "x-mac-cyrillic"
}

/// Cyrillic letters that make up about two thirds of running Ukrainian or Russian text (о а н и і т е р в с к л).
const COMMON_CYRILLIC: &str = "оанітервскли";
/// Fewer Cyrillic letters than this: chardetng's guess stands.
const MIN_LETTERS_TO_SCORE: usize = 20;

/// Among the guess, windows-1251 and KOI8-U, the decoding whose Cyrillic letters (case-insensitively) are
/// most often the common ones; a wrong code page scrambles letters into rare ones. The guess must be
/// clearly beaten to be replaced.
fn best_cyrillic(sample: &[u8], guess: &'static Encoding) -> &'static Encoding {
    let mut best = (common_letter_share(sample, guess), guess);
    for candidate in [WINDOWS_1251, KOI8_U] {
        let score = common_letter_share(sample, candidate);
        if score > best.0 + 0.15 {
            best = (score, candidate);
        }
    }
    if best.1.name() == "KOI8-R" {
        KOI8_U
    } else {
        best.1
    }
}

/// Share of Cyrillic letters that are common ones, or 0 when too few letters to judge.
fn common_letter_share(sample: &[u8], encoding: &'static Encoding) -> f64 {
    let (text, _) = encoding.decode_without_bom_handling(sample);
    let (mut common, mut total) = (0usize, 0usize);
    for c in text
        .chars()
        .filter(|c| ('\u{0400}'..='\u{04FF}').contains(c))
    {
        total += 1;
        if c.to_lowercase().any(|l| COMMON_CYRILLIC.contains(l)) {
            common += 1;
        }
    }
    if total < MIN_LETTERS_TO_SCORE {
        return 0.0;
    }
    common as f64 / total as f64
}

/// Decodes every byte, putting U+FFFD where bytes are malformed and noting those offsets.
fn decode_tracking(bytes: &[u8], encoding: &'static Encoding) -> (String, Vec<usize>) {
    if encoding == UTF_8
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return (text.to_string(), Vec::new());
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity);
    let mut invalid_at = Vec::new();
    let mut input = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut out, true);
        input = input.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => out.reserve(input.len().saturating_mul(3) + 16),
            DecoderResult::Malformed(_, _) => {
                invalid_at.push(out.len());
                if out.capacity() - out.len() < 3 {
                    out.reserve(input.len().saturating_mul(3) + 16);
                }
                out.push('\u{FFFD}');
            }
        }
    }
    (out, invalid_at)
}

/// Removes NULs and byte-order marks (a leading BOM left by a forced label, or one in the middle), keeping
/// `invalid_at` pointing at the same characters.
fn strip_nuls_and_boms(decoded: &mut Decoded) {
    if !decoded.text.contains(['\0', '\u{FEFF}']) {
        return;
    }
    let mut out = String::with_capacity(decoded.text.len());
    let mut invalid = decoded.invalid_at.iter().peekable();
    let mut remapped = Vec::with_capacity(decoded.invalid_at.len());
    for (at, c) in decoded.text.char_indices() {
        if invalid.peek().is_some_and(|&&i| i == at) {
            invalid.next();
            remapped.push(out.len());
        }
        match c {
            '\0' => decoded.nuls_removed += 1,
            '\u{FEFF}' => {
                if at > 0 {
                    decoded.inner_boms_removed += 1;
                }
            }
            _ => out.push(c),
        }
    }
    decoded.text = out;
    decoded.invalid_at = remapped;
}

#[cfg(test)]
mod tests {
    use super::*;

    const UKRAINIAN: &str = "Прізвище;Ім'я;Місто\nШевченко;Тарас;Київ\nГнатюк;Сергій;Львів\n\
        Коваленко;Олена;Харків\nБондаренко;Юлія;Одеса\nЄременко;Ґанна;Житомир\n";
    const THAI: &str = "ชื่อ,นามสกุล,จังหวัด\nสมชาย,ใจดี,กรุงเทพมหานคร\nสมหญิง,รักไทย,เชียงใหม่\n";

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        for unit in text.encode_utf16() {
            out.extend_from_slice(&unit.to_le_bytes());
        }
        out
    }

    fn utf16be(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFE, 0xFF] } else { Vec::new() };
        for unit in text.encode_utf16() {
            out.extend_from_slice(&unit.to_be_bytes());
        }
        out
    }

    #[test]
    fn detects_cp1251_ukrainian() {
        let (bytes, _, _) = WINDOWS_1251.encode(UKRAINIAN);
        let decoded = decode(&bytes, None);
        assert_eq!(decoded.encoding, WINDOWS_1251);
        assert_eq!(decoded.text, UKRAINIAN);
    }

    #[test]
    fn detects_koi8u_ukrainian() {
        let (bytes, _, _) = KOI8_U.encode(UKRAINIAN);
        let decoded = decode(&bytes, None);
        assert_eq!(decoded.text, UKRAINIAN);
        assert_eq!(label_of(decoded.encoding), "koi8-u");
    }

    #[test]
    fn all_caps_cyrillic_keeps_its_code_page() {
        let text = "ПІБ;МІСТО\nШЕВЧЕНКО ТАРАС ГРИГОРОВИЧ;КИЇВ\nКОВАЛЕНКО ОЛЕНА;ЛЬВІВ\n";
        for enc in [WINDOWS_1251, KOI8_U] {
            let (bytes, _, _) = enc.encode(text);
            assert_eq!(decode(&bytes, None).text, text, "{}", enc.name());
        }
    }

    #[test]
    fn scoring_prefers_the_code_page_with_common_letters() {
        let (bytes, _, _) = KOI8_U.encode(UKRAINIAN);
        assert_eq!(best_cyrillic(&bytes, WINDOWS_1251), KOI8_U);
        let (bytes, _, _) = WINDOWS_1251.encode(UKRAINIAN);
        assert_eq!(best_cyrillic(&bytes, KOI8_U), WINDOWS_1251);
    }

    #[test]
    fn detects_windows_874_thai() {
        let (bytes, _, _) = encoding_rs::WINDOWS_874.encode(THAI);
        let decoded = decode(&bytes, None);
        assert_eq!(label_of(decoded.encoding), "windows-874");
        assert_eq!(decoded.text, THAI);
    }

    #[test]
    fn detects_utf16_with_and_without_bom() {
        for bytes in [utf16le(THAI, true), utf16le(UKRAINIAN, false)] {
            let decoded = decode(&bytes, None);
            assert_eq!(decoded.encoding, UTF_16LE);
            assert!(decoded.text == THAI || decoded.text == UKRAINIAN);
        }
        for bytes in [
            utf16be(UKRAINIAN, true),
            utf16be("Name\tPhone\nAnn\t555\n", false),
        ] {
            assert_eq!(decode(&bytes, None).encoding, UTF_16BE);
        }
    }

    #[test]
    fn utf8_bom_is_removed_and_inner_bom_stripped() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("Name,City\nAnn,\u{FEFF}Kyiv\n".as_bytes());
        let decoded = decode(&bytes, None);
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.text, "Name,City\nAnn,Kyiv\n");
        assert_eq!(decoded.inner_boms_removed, 1);
    }

    #[test]
    fn utf8_bom_with_invalid_bytes_decodes_lossy_and_reports_offset() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(b"Name\nJos\xE9\n");
        let decoded = decode(&bytes, None);
        assert_eq!(decoded.text, "Name\nJos\u{FFFD}\n");
        assert_eq!(decoded.invalid_at, vec![8]);
    }

    #[test]
    fn forced_label_overrides_detection() {
        let (bytes, _, _) = KOI8_U.encode("Київ");
        let decoded = decode(&bytes, encoding_for_label("koi8u"));
        assert_eq!(decoded.text, "Київ");
    }

    #[test]
    fn bom_wins_over_a_forced_label() {
        let decoded = decode(&utf16be("Київ", true), encoding_for_label("utf-16"));
        assert_eq!(decoded.text, "Київ");
        assert_eq!(decoded.encoding, UTF_16BE);
    }

    #[test]
    fn nul_bytes_are_removed_and_counted() {
        let decoded = decode(b"a,b\n1\x00,2\n", None);
        assert_eq!(decoded.text, "a,b\n1,2\n");
        assert_eq!(decoded.nuls_removed, 1);
    }

    #[test]
    fn aliases_map_to_encodings() {
        assert_eq!(encoding_for_label("cp1251"), Some(WINDOWS_1251));
        assert_eq!(
            encoding_for_label("CP874").map(label_of).as_deref(),
            Some("windows-874")
        );
        assert_eq!(
            encoding_for_label("TIS-620").map(label_of).as_deref(),
            Some("windows-874")
        );
        assert_eq!(encoding_for_label("utf16"), Some(UTF_16LE));
        assert_eq!(
            encoding_for_label("win1250").map(label_of).as_deref(),
            Some("windows-1250")
        );
        assert_eq!(
            encoding_for_label("latin1").map(label_of).as_deref(),
            Some("windows-1252")
        );
        assert_eq!(encoding_for_label("no-such-thing"), None);
    }

    #[test]
    fn mostly_utf8_with_one_bad_byte_stays_utf8() {
        let mut bytes = "Прізвище,Ім'я\nШевченко,Тарас\nГнатюк,Сергій\n"
            .as_bytes()
            .to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("\n".as_bytes());
        let decoded = decode(&bytes, None);
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.invalid_at.len(), 1);
    }
}
