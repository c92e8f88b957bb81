//! A Latin matching key for Thai text: an RTGS-inspired letter map, not a romanisation.
//!
//! Thai spelling varies in ways a key should forgive: tone marks, homophone consonants
//! (ศ ษ ส ซ all sound /s/; ท ธ ฑ ฒ ถ ฐ all /th/), long versus short vowels. The key maps every
//! consonant to its RTGS initial value, every vowel sign to a short Latin vowel, drops tone
//! marks and other signs, and drops the consonant (with its vowel) silenced by the thanthakhat (์). A leading
//! vowel (เ แ โ ใ ไ), written before its consonant, is written after it, as it is spoken.
//! There are no position rules (final consonants keep their initial value, inherent vowels
//! are not written), so `สมชาย` gives `smchay`, not the RTGS "somchai": the key only makes
//! two Thai spellings meet, it does not meet a romanised spelling.

/// The key of a run of Thai characters, lower-case ASCII.
pub(super) fn key(run: &str) -> String {
    let mut out = String::with_capacity(run.len());
    let mut pending_vowel: Option<&'static str> = None;
    // Where the last consonant starts in `out`, for the thanthakhat.
    let mut last_consonant_at: Option<usize> = None;
    for c in run.chars() {
        if let Some(v) = leading_vowel(c) {
            if let Some(p) = pending_vowel.take() {
                out.push_str(p);
            }
            pending_vowel = Some(v);
        } else if let Some(latin) = consonant(c) {
            last_consonant_at = Some(out.len());
            out.push_str(latin);
            if let Some(p) = pending_vowel.take() {
                out.push_str(p);
            }
        } else if c == '\u{0E4C}' {
            // Thanthakhat: the consonant it sits on (and that consonant's vowel) is silent.
            if let Some(at) = last_consonant_at.take() {
                out.truncate(at);
            }
        } else if let Some(v) = vowel(c) {
            out.push_str(v);
        } else if c.is_ascii_digit() {
            out.push(c);
        }
        // Tone marks, maitaikhu, nikhahit, yamakkan, mai yamok and the baht sign write nothing.
    }
    if let Some(p) = pending_vowel {
        out.push_str(p);
    }
    out
}

fn leading_vowel(c: char) -> Option<&'static str> {
    Some(match c {
        'เ' => "e",
        'แ' => "ae",
        'โ' => "o",
        'ใ' | 'ไ' => "ai",
        _ => return None,
    })
}

fn vowel(c: char) -> Option<&'static str> {
    Some(match c {
        'ะ' | 'ั' | 'า' | 'ๅ' => "a",
        'ำ' => "am",
        'ิ' | 'ี' => "i",
        'ึ' | 'ื' => "ue",
        'ุ' | 'ู' => "u",
        'ฤ' => "rue",
        'ฦ' => "lue",
        _ => return None,
    })
}

fn consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'ก' => "k",
        'ข' | 'ฃ' | 'ค' | 'ฅ' | 'ฆ' => "kh",
        'ง' => "ng",
        'จ' | 'ฉ' | 'ช' | 'ฌ' => "ch",
        'ซ' | 'ศ' | 'ษ' | 'ส' => "s",
        // ญ is /y/ only at the start of a syllable, which names rarely have (หญิง); in names it
        // mostly ends one, where it sounds /n/ (บุญ "Bun"/"Boon", กาญจนา "Kanchana").
        'ญ' => "n",
        'ย' => "y",
        'ฎ' | 'ด' => "d",
        'ฏ' | 'ต' => "t",
        'ฐ' | 'ฑ' | 'ฒ' | 'ถ' | 'ท' | 'ธ' => "th",
        'ณ' | 'น' => "n",
        'บ' => "b",
        'ป' => "p",
        'ผ' | 'พ' | 'ภ' => "ph",
        'ฝ' | 'ฟ' => "f",
        'ม' => "m",
        'ร' => "r",
        'ล' | 'ฬ' => "l",
        'ว' => "w",
        'ห' | 'ฮ' => "h",
        // อ carries a vowel or is itself a vowel: silent in the key.
        'อ' => "",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_marks_and_homophones_do_not_change_the_key() {
        assert_eq!(key("สมชาย"), "smchay");
        // Tone mark added or missing.
        assert_eq!(key("ใจดี"), key("ใจดี่"));
        // ศ/ส and ณ/น variants of the same sounds.
        assert_eq!(key("ศรีสุข"), key("สรีสุข"));
        assert_eq!(key("กาญจนา"), key("กาญจนา"));
        assert_eq!(key("วรรณา"), key("วรรนา"));
    }

    #[test]
    fn leading_vowel_follows_its_consonant_and_thanthakhat_silences() {
        assert_eq!(key("เก"), "ke");
        // Only the consonant under the sign is dropped (จันทร์ keeps its silent ท).
        assert_eq!(key("จันทร์"), "chanth");
        assert_eq!(key("ศักดิ์"), "sak");
        assert_eq!(key("ใจ"), "chai");
    }

    #[test]
    fn yo_ying_reads_as_the_final_n_of_names() {
        assert_eq!(key("บุญมา"), "bunma");
        assert_eq!(key("กาญจนา"), "kanchna");
    }

    #[test]
    fn output_is_ascii() {
        assert!(key("นางสาวกัลยาณี ๆ ฿").is_ascii());
    }
}
