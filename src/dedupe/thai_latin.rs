//! Where a Thai-script name meets its romanisation (`ธนพล บุญมา` / `Thanaphon Boonma`): both
//! Latin spellings reduced to a consonant skeleton that RTGS and popular spellings share.
//!
//! The Thai key ([`crate::normalize::translit::latin_key`]) writes every consonant by its
//! initial sound and every vowel sign, while a romanisation writes finals by their sound
//! (ล ร น ณ ญ → n; ส ศ จ ช ด ต → t; พ บ → p) and spells vowels freely (oo/u, ee/i). The
//! skeleton therefore drops vowels, y and h-in-digraphs, folds each final-neutralising class
//! into one letter (k; t; p; n) everywhere, and collapses repeats, so `Maneerat` and `มณีรัตน์`
//! both give `mnt`, `Pornthip` and `พรทิพย์` both give `pntp`.

/// The skeleton of a lower-case ASCII name (a Thai key or a romanisation).
pub fn skeleton(latin: &str) -> String {
    let mut out = String::with_capacity(latin.len());
    let mut chars = latin.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let class = match (c, next) {
            ('k' | 'p' | 't' | 'c', Some('h')) => {
                chars.next();
                match c {
                    'k' => 'k',
                    'p' => 'p',
                    _ => 't',
                }
            }
            ('n', Some('g')) => {
                chars.next();
                'g'
            }
            _ => match c {
                'k' | 'g' | 'q' | 'c' => 'k',
                't' | 'd' | 's' | 'j' | 'z' | 'x' => 't',
                'p' | 'b' | 'f' | 'v' => 'p',
                'n' | 'l' | 'r' => 'n',
                'm' | 'h' | 'w' => c,
                _ => continue,
            },
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

fn is_thai(s: &str) -> bool {
    s.chars().any(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c))
}

/// Whether a Thai spelling (raw `a_raw`, key `a`) and a Latin one (`b`) are the same name;
/// either order. Skeletons of fewer than three letters say too little and never meet.
pub fn thai_latin_meet(a: &str, b: &str, a_raw: &str, b_raw: &str) -> bool {
    let (thai_key, latin) = if is_thai(a_raw) && b_raw.is_ascii() && !b.is_empty() {
        (a, b)
    } else if is_thai(b_raw) && a_raw.is_ascii() && !a.is_empty() {
        (b, a)
    } else {
        return false;
    };
    let s = skeleton(thai_key);
    if s.len() >= 3 {
        return s == skeleton(latin);
    }
    if s.is_empty() || s != skeleton(latin) {
        return false;
    }
    let fine = fine_skeleton(thai_key);
    fine.len() >= 2 && fine == fine_skeleton(latin)
}

fn is_vowel_letter(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// A finer skeleton for short names, whose coarse skeleton says too little (`อรุณี` and
/// `Arunee` both give `n`, as do `Nalin` and `Ronnie`): the consonants in order, with only
/// the differences spellings really make forgiven. Aspiration is dropped (kh/k, ph/p,
/// th/t: RTGS writes it, popular spellings often not), จ/ช as `ch` or `j` are one, y and w
/// that close a syllable are vowels (`ชัย` "chai"), and only a word-final consonant is
/// neutralised the way Thai pronounces finals (`นิด` "Nit"). Initial r, l and n stay apart,
/// so `มาลี` (Malee) does not meet `Manee`.
pub fn fine_skeleton(latin: &str) -> String {
    let chars: Vec<char> = latin.chars().collect();
    let mut out: Vec<char> = Vec::new();
    let mut ends_in_consonant = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        let (class, width) = match (c, next) {
            ('k' | 'p' | 't' | 'c', Some('h')) => (if c == 'c' { 'c' } else { c }, 2),
            ('n', Some('g')) => ('g', 2),
            ('j', _) => ('c', 1),
            _ => (c, 1),
        };
        i += width;
        let before_vowel = chars.get(i).copied().is_some_and(is_vowel_letter);
        let vowel_like = is_vowel_letter(class)
            || !class.is_ascii_lowercase()
            || (matches!(class, 'y' | 'w') && !before_vowel);
        if vowel_like {
            ends_in_consonant = false;
            continue;
        }
        ends_in_consonant = i >= chars.len();
        if out.last() != Some(&class) {
            out.push(class);
        }
    }
    if let (true, Some(last)) = (ends_in_consonant, out.last_mut()) {
        *last = match *last {
            'd' | 't' | 's' | 'c' => 't',
            'l' | 'r' | 'n' => 'n',
            'b' | 'p' | 'f' => 'p',
            other => other,
        };
    }
    out.into_iter().collect()
}

/// The polite prefix คุณ ("Khun") written glued to a given name (`คุณพรทิพย์`): the name
/// after it, when what follows starts a syllable: a consonant, or one of the vowels เ แ โ ใ ไ
/// that Thai writes before their consonant (`คุณแปลง`). A name that merely begins with คุณ
/// (คุณากร, a following vowel sign) is left alone.
pub fn strip_glued_khun(given_raw: &str) -> Option<&str> {
    let rest = given_raw.strip_prefix("คุณ")?;
    let first = rest.chars().next()?;
    let consonant = ('\u{0E01}'..='\u{0E2E}').contains(&first);
    let leading_vowel = ('\u{0E40}'..='\u{0E44}').contains(&first);
    ((consonant || leading_vowel) && rest.chars().count() >= 2).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::translit::latin_key;

    fn meet(thai: &str, latin: &str) -> bool {
        let l = latin.to_lowercase();
        thai_latin_meet(&latin_key(thai), &l, thai, &l)
    }

    #[test]
    fn thai_names_meet_their_romanisations() {
        assert!(meet("ธนพล", "Thanaphon"));
        assert!(meet("บุญมา", "Boonma"));
        assert!(meet("มณีรัตน์", "Maneerat"));
        assert!(meet("กาญจนา", "Kanchana"));
        assert!(meet("พรทิพย์", "Pornthip"));
        assert!(meet("สมศักดิ์", "Somsak"));
        assert!(meet("แสงทอง", "Saengthong"));
        assert!(meet("สุขสวัสดิ์", "Suksawat"));
        assert!(meet("กิตติศักดิ์", "Kittisak"));
    }

    #[test]
    fn short_thai_names_meet_their_romanisations() {
        assert!(meet("อรุณี", "Arunee"));
        assert!(meet("มาลี", "Malee"));
        assert!(meet("กิตติ", "Kitti"));
        assert!(meet("วิชัย", "Wichai"));
        assert!(meet("นิด", "Nit"));
        assert!(meet("สุดา", "Suda"));
    }

    #[test]
    fn short_thai_names_keep_their_initial_consonants_apart() {
        assert!(!meet("มาลี", "Manee"));
        assert!(!meet("อรุณี", "Nalinee"));
        assert!(!meet("สุดา", "Sunee"));
        assert!(!meet("กิตติ", "Kanda"));
    }

    #[test]
    fn different_names_do_not_meet() {
        assert!(!meet("ธนพล", "Somsak"));
        assert!(!meet("บุญมา", "Maneerat"));
        assert!(!meet("มาลี", "Somphong"));
        // Same script on both sides is not this rule's business.
        assert!(!thai_latin_meet(
            "thnphl",
            "thanaphon",
            "thnphl",
            "thanaphon"
        ));
    }

    #[test]
    fn glued_khun_is_a_prefix_only_before_a_consonant() {
        assert_eq!(strip_glued_khun("คุณพรทิพย์"), Some("พรทิพย์"));
        assert_eq!(strip_glued_khun("คุณแปลง"), Some("แปลง"));
        assert_eq!(strip_glued_khun("คุณากร"), None);
        assert_eq!(strip_glued_khun("สมชาย"), None);
    }
}
