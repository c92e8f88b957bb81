//! Where a Thai-script name meets its romanisation (`ธนพล บุญมา` / `Thanaphon Boonma`): both
//! Latin spellings reduced to a consonant skeleton that RTGS and popular spellings share.
//!
//! The Thai key ([`crate::normalize::translit::latin_key`]) writes every consonant by its
//! initial sound and every vowel sign, while a romanisation writes finals by their sound
//! (ล ร น ณ ญ → n; ส ศ จ ช ด ต → t; พ บ → p) and spells vowels freely (oo/u, ee/i). The
//! skeleton therefore drops vowels, y and h-in-digraphs, folds each final-neutralising class
//! into one letter (k; t; p; n) everywhere, and collapses repeats, so `Maneerat` and `มณีรัตน์`
//! both give `mnt`, `Pornthip` and `พรทิพย์` both give `pntp`.
//!
//! The Thai side is read from the script itself ([`thai_skeleton`]) rather than from its
//! letter-by-letter key, so that letters Thai writes but does not say stay out: a consonant
//! under the silencer ์ (`ศักดิ์` "sak"), a leading ห before a sonorant (`หญิง` "ying"), the
//! vowel carrier อ, ว and ย inside vowels (`ดวง` "duang", `เกียรติ`), ร after a final
//! consonant (`เพชร` "phet", `มิตร`) or in ทร / ศร / สร (`ทรัพย์` "sap", `ศรี` "si"), and รร
//! before a consonant (`ธรรม` "tham"). Written by hand: no maintained Rust crate romanises
//! Thai names (kham-core's rule engine was tried and leaves most names half in Thai).

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
            // w closing a syllable is a vowel (`kaew`, `Kaeo`), as ว is in Thai.
            ('w', next) if !next.is_some_and(is_vowel_letter) => continue,
            _ => match c {
                'k' | 'g' | 'q' | 'c' => 'k',
                't' | 'd' | 's' | 'j' | 'z' | 'x' => 't',
                'p' | 'b' | 'f' => 'p',
                'n' | 'l' | 'r' => 'n',
                // Thai has no v: a romanised v is ว (`Vitaya`, `Vichai`).
                'v' => 'w',
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

/// Which side of a Thai/Latin meeting a name is on: [`Script::Thai`] when its spelling holds
/// Thai letters, [`Script::Latin`] when it is plain ASCII.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Thai,
    Latin,
}

/// The script of a name as written (`raw`, or its key when no raw spelling is kept).
pub fn script_of(key: &str, raw: &str) -> Option<Script> {
    let written = if raw.is_empty() { key } else { raw };
    if written.is_empty() {
        None
    } else if is_thai(written) {
        Some(Script::Thai)
    } else if written.is_ascii() {
        Some(Script::Latin)
    } else {
        None
    }
}

/// The skeletons under which a name can meet its other-script spelling in
/// [`thai_latin_meet`], for blocking: a Thai name's sound and letter skeletons, a Latin name's
/// skeleton with and without a lengthening r. Skeletons under three letters are left out (too
/// common to block on, and [`thai_latin_meet`] wants more for them anyway).
pub fn sound_keys(key: &str, raw: &str) -> Vec<String> {
    let mut keys = match script_of(key, raw) {
        Some(Script::Thai) => vec![thai_skeleton(raw), skeleton(key)],
        Some(Script::Latin) if !key.is_empty() => {
            vec![skeleton(key), skeleton(&without_length_r(key))]
        }
        _ => Vec::new(),
    };
    keys.retain(|k| k.len() >= 3);
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Whether the text holds a Thai letter.
pub fn is_thai(s: &str) -> bool {
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
    let thai = if is_thai(a_raw) { a_raw } else { b_raw };
    // A name's first sound is an initial, which Thai does not neutralise: ชนิดา (Chanida) and
    // Tidarat share a skeleton but not their first consonant.
    if thai_initial(thai) != latin_initial(latin) {
        return false;
    }
    let latin_skeleton = skeleton(latin);
    // By sound, or by letter: romanisations follow the spelling as often (`Sri` for ศรี).
    let by_sound = thai_skeleton(thai);
    let s = skeleton(thai_key);
    if [&by_sound, &s]
        .iter()
        .any(|k| k.len() >= 3 && **k == latin_skeleton)
    {
        return true;
    }
    if by_sound.len() >= 3 && by_sound == skeleton(&without_length_r(latin)) {
        return true;
    }
    // A short name: a coarse skeleton of two letters agrees (by sound or by letter, with or
    // without a lengthening r), then a fine one must too.
    let unlengthened = without_length_r(latin);
    let latin_coarse = [latin_skeleton, skeleton(&unlengthened)];
    let coarse_agrees = [&by_sound, &s]
        .iter()
        .any(|k| (1..3).contains(&k.len()) && latin_coarse.contains(k));
    if !coarse_agrees {
        return false;
    }
    let latin_fine = [fine_skeleton(latin), fine_skeleton(&unlengthened)];
    [
        fine_skeleton(thai_key),
        thai_fine_skeleton(thai, false),
        thai_fine_skeleton(thai, true),
    ]
    .iter()
    .any(|f| f.len() >= 2 && latin_fine.contains(f))
}

/// The fine skeleton ([`fine_skeleton`]) read from the Thai script by sound: a consonant that
/// starts a syllable keeps its own class (ด `d`, ต `t`, บ `b`, ล `l`, ร `r`…); one that
/// closes a syllable is said as a final (`k`, `t`, `p`, `n`, `m`, `g`; ว and ย closing are
/// vowels); the vowel carrier อ and silent letters are left out, and อร is "on". Romanisations
/// write a ล that closes one syllable before another consonant either once (`กุลสุวรรณ`
/// "Kunsuwan") or twice (`กัลยา` "Kanlaya"): `double_l` reads it the second way.
fn thai_fine_skeleton(thai: &str, double_l: bool) -> String {
    let chars: Vec<char> = thai.chars().collect();
    let silent = silent_letters(&chars);
    let mut out = String::new();
    let mut push = |class: char| {
        if !out.ends_with(class) {
            out.push(class);
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        if silent.get(i).copied().unwrap_or(false) || !is_thai_consonant(c) || c == 'อ' {
            continue;
        }
        let next = next_sound(&chars, i);
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let begins_syllable = next.is_some_and(is_following_vowel)
            || prev.is_some_and(is_leading_vowel)
            || prev.is_none_or(|p| p == ' ')
            || prev == Some('\u{0E4C}');
        if begins_syllable {
            if let Some(class) = initial_sound(c) {
                push(class);
            }
            continue;
        }
        match c {
            'ก' | 'ข' | 'ฃ' | 'ค' | 'ฅ' | 'ฆ' => push('k'),
            'บ' | 'ป' | 'ผ' | 'ฝ' | 'พ' | 'ฟ' | 'ภ' => push('p'),
            'ณ' | 'น' | 'ญ' | 'ร' | 'ฬ' => push('n'),
            'ล' => {
                push('n');
                if double_l && next.is_some_and(is_thai_consonant) {
                    push('l');
                }
            }
            'ม' => push('m'),
            'ง' => push('g'),
            'ว' | 'ย' | 'ห' | 'ฮ' => {}
            _ => push('t'),
        }
    }
    out
}

/// Whether a Latin initial (`J`) can stand for a Thai name (`จักรพันธ์`, "Jakkaphan" or
/// "Chakkraphan"): its first sound, in the classes romanisations do not tell apart.
pub fn initial_fits_thai(initial: &str, thai: &str) -> bool {
    let (Some(latin), Some(sound)) = (latin_initial(initial), thai_initial(thai)) else {
        return false;
    };
    latin != '_' && latin == sound
}

/// The class of a Thai name's first sound, comparable with [`latin_initial`]: aspiration,
/// voicing (ด/ต, บ/ป) and r/l are not told apart, as romanisations do not reliably; a
/// vowel (a leading อ) is `_`. A leading vowel sign is read past, as is ห before a sonorant
/// (`หญิง` "ying"); ทร, ศร and สร are s (`ทรัพย์` "sap").
fn thai_initial(thai: &str) -> Option<char> {
    let mut chars = thai
        .chars()
        .skip_while(|&c| is_leading_vowel(c) || !is_thai_consonant(c))
        .peekable();
    let mut first = chars.next()?;
    if first == 'ห' && chars.peek().is_some_and(|n| "งญนมยรลว".contains(*n)) {
        first = chars.next()?;
    }
    if first == 'ท' && chars.peek() == Some(&'ร') {
        return Some('s');
    }
    // Coarser than a syllable's initial: voicing and r/l fold, as romanisations blur them.
    Some(match initial_sound(first) {
        Some('d') => 't',
        Some('b' | 'f') => 'p',
        Some('l') => 'r',
        Some(class) => class,
        None => '_',
    })
}

/// The sound class of a Thai consonant that starts a syllable, as [`fine_skeleton`] writes
/// it for a romanisation (`k`, `g` for ง, `c` for จ/ช, `s`, `y`, `d`, `t`, `n`, `b`, `p`,
/// `f`, `m`, `r`, `l`, `w`, `h`); `None` for the vowel carrier อ and anything not a consonant.
fn initial_sound(c: char) -> Option<char> {
    Some(match c {
        'ก' | 'ข' | 'ฃ' | 'ค' | 'ฅ' | 'ฆ' => 'k',
        'ง' => 'g',
        'จ' | 'ฉ' | 'ช' | 'ฌ' => 'c',
        'ซ' | 'ศ' | 'ษ' | 'ส' => 's',
        'ญ' | 'ย' => 'y',
        'ฎ' | 'ด' => 'd',
        'ฏ' | 'ฐ' | 'ฑ' | 'ฒ' | 'ต' | 'ถ' | 'ท' | 'ธ' => 't',
        'ณ' | 'น' => 'n',
        'บ' => 'b',
        'ป' | 'ผ' | 'พ' | 'ภ' => 'p',
        'ฝ' | 'ฟ' => 'f',
        'ม' => 'm',
        'ร' | 'ฤ' => 'r',
        'ล' | 'ฬ' | 'ฦ' => 'l',
        'ว' => 'w',
        'ห' | 'ฮ' => 'h',
        _ => return None,
    })
}

/// The class of a romanised name's first sound (see [`thai_initial`]).
fn latin_initial(latin: &str) -> Option<char> {
    let mut chars = latin.chars().filter(char::is_ascii_alphabetic);
    let first = chars.next()?;
    let second = chars.next();
    Some(match (first, second) {
        ('c', _) | ('j', _) => 'c',
        ('n', Some('g')) => 'g',
        ('k' | 'g' | 'q', _) => 'k',
        ('s' | 'x' | 'z', _) => 's',
        ('t' | 'd', _) => 't',
        ('p' | 'b' | 'f', _) => 'p',
        ('l', _) => 'r',
        ('v', _) => 'w',
        (c, _) if is_vowel_letter(c) => '_',
        (c, _) => c,
    })
}

/// A romanisation without the r that popular spellings write after a vowel to make it long
/// where Thai has no ร (`Sawatchart` for `สวัสดิ์ชาติ`, `Prasert` for `ประเสริฐ`): an r after a
/// vowel and before a consonant or the end. An r the Thai has (`Porn`) reads as n either way.
fn without_length_r(latin: &str) -> String {
    let chars: Vec<char> = latin.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let after_vowel = i
                .checked_sub(1)
                .and_then(|p| chars.get(p))
                .is_some_and(|&p| is_vowel_letter(p));
            let before_vowel = chars.get(i + 1).is_some_and(|&n| is_vowel_letter(n));
            !(c == 'r' && after_vowel && !before_vowel)
        })
        .map(|(_, &c)| c)
        .collect()
}

/// Thai consonants (ก … ฮ).
fn is_thai_consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c)
}

/// Vowel signs written above, below or after a consonant (ะ ั า ำ ิ ี ึ ื ุ ู ็ ๅ).
fn is_following_vowel(c: char) -> bool {
    matches!(c, '\u{0E30}'..='\u{0E39}' | '\u{0E45}' | '\u{0E47}')
}

/// Vowels written before their consonant (เ แ โ ใ ไ).
fn is_leading_vowel(c: char) -> bool {
    ('\u{0E40}'..='\u{0E44}').contains(&c)
}

/// Tone marks and the silencer, which sit on a consonant without being a vowel.
fn is_mark(c: char) -> bool {
    ('\u{0E48}'..='\u{0E4E}').contains(&c)
}

/// The next character after `i` that is not a tone mark.
fn next_sound(chars: &[char], i: usize) -> Option<char> {
    chars
        .iter()
        .skip(i + 1)
        .copied()
        .find(|&c| !matches!(c, '\u{0E48}'..='\u{0E4B}'))
}

/// Which consonants of a Thai word are written but not said.
fn silent_letters(chars: &[char]) -> Vec<bool> {
    let mut silent = vec![false; chars.len()];
    let consonant_at = |i: usize| chars.get(i).copied().is_some_and(is_thai_consonant);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        match c {
            // The silencer: the consonant under it (with a ิ or ุ between), and ท/ต/ด before
            // a silenced ร (`จันทร์` "chan").
            '\u{0E4C}' => {
                let mut j = i.checked_sub(1);
                if let Some(k) = j
                    && matches!(chars.get(k), Some('\u{0E34}' | '\u{0E38}'))
                {
                    j = k.checked_sub(1);
                }
                if let Some(k) = j.filter(|&k| consonant_at(k)) {
                    silent[k] = true;
                    if chars.get(k) == Some(&'ร')
                        && let Some(b) = k.checked_sub(1)
                        && matches!(chars.get(b), Some('ท' | 'ต' | 'ด'))
                    {
                        silent[b] = true;
                    }
                }
            }
            // ห leading a sonorant only gives it its tone.
            'ห' if next.is_some_and(|n| "งญนมยรลว".contains(n)) => {
                silent[i] = true
            }
            'ร' => {
                let after = next_sound(chars, i);
                let vowel_after = after.is_some_and(is_following_vowel);
                let word_start = i == 1 || (i >= 2 && chars.get(i - 2).is_some_and(|&c| c == ' '));
                match prev {
                    // ทร is s, ศร / สร / ซร are s (`ทรัพย์`, `ศรี`, `สร้าง`).
                    Some('ท' | 'ศ' | 'ส' | 'ซ') if vowel_after => silent[i] = true,
                    // ร after a final consonant (`เพชร`, `มิตร`, `บัตร`).
                    Some('ช' | 'ต' | 'ท' | 'ด' | 'ศ' | 'ส')
                        if !word_start && !vowel_after && after != Some('ร') =>
                    {
                        silent[i] = true
                    }
                    // ร after a final ก or ค, one that closes a syllable with its vowel
                    // (`จักร` "chak", `สมัคร` "samak"); ปกรณ์'s ก starts one.
                    Some('ก' | 'ค')
                        if !vowel_after
                            && i.checked_sub(2)
                                .and_then(|b| chars.get(b))
                                .is_some_and(|&c| is_following_vowel(c)) =>
                    {
                        silent[i] = true
                    }
                    _ => {}
                }
                // รร before a consonant is the vowel "a" (`ธรรม`, `วรรณ`).
                if next == Some('ร') && chars.get(i + 2).copied().is_some_and(is_thai_consonant) {
                    silent[i] = true;
                    silent[i + 1] = true;
                }
            }
            _ => {}
        }
    }
    silent
}

/// The coarse sound skeleton of a Thai-script name, comparable with [`skeleton`] of its
/// romanisation.
pub fn thai_skeleton(thai: &str) -> String {
    let chars: Vec<char> = thai.chars().collect();
    let silent = silent_letters(&chars);
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if silent.get(i).copied().unwrap_or(false) || is_mark(c) {
            continue;
        }
        let next = next_sound(&chars, i);
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        // A silent รร is the vowel "a" (`สุวรรณ` "su-wan").
        let before_rr = chars.get(i + 1) == Some(&'ร') && silent.get(i + 1) == Some(&true);
        // So does a consonant after a silenced one (`จันทร์วงศ์` "chan-wong").
        let after_silencer = prev == Some('\u{0E4C}');
        let begins_syllable = next.is_some_and(is_following_vowel)
            || before_rr
            || after_silencer
            || prev.is_some_and(is_leading_vowel)
            || prev.is_none_or(|p| p == ' ');
        let class = match c {
            'ก' | 'ข' | 'ฃ' | 'ค' | 'ฅ' | 'ฆ' => 'k',
            'จ' | 'ฉ' | 'ช' | 'ซ' | 'ฌ' | 'ศ' | 'ษ' | 'ส' | 'ฎ' | 'ฏ' | 'ฐ' | 'ฑ' | 'ฒ' | 'ด'
            | 'ต' | 'ถ' | 'ท' | 'ธ' => 't',
            'บ' | 'ป' | 'ผ' | 'ฝ' | 'พ' | 'ฟ' | 'ภ' => 'p',
            'ณ' | 'น' | 'ล' | 'ฬ' | 'ร' | 'ฤ' | 'ฦ' => 'n',
            'ญ' if !begins_syllable => 'n',
            'ม' | 'ำ' => 'm',
            'ห' | 'ฮ' => 'h',
            'ง' => 'g',
            'ว' if begins_syllable => 'w',
            _ => continue,
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
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
            ('v', _) => ('w', 1),
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
/// (คุณากร, a following vowel sign) is left alone. The title on its own (`Khun`, `คุณ`) gives
/// an empty given name.
pub fn strip_glued_khun(given_raw: &str) -> Option<&str> {
    // The title alone where the name should be (`Khun | Sakmanee` from a sales list): no
    // given name is known.
    if matches!(given_raw.trim(), "khun" | "คุณ") {
        return Some("");
    }
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
    fn silent_letters_stay_out_of_the_thai_skeleton() {
        assert!(meet("เพชรเดชดวง", "Phetdetduang"));
        assert!(meet("สมหญิง", "Somying"));
        assert!(meet("ทรัพย์ทิพย์วัฒนา", "Supthipwatthana"));
        assert!(meet("ศรีสุข", "Srisuk"));
        assert!(meet("มณีจันทร์", "Maneechan"));
        assert!(meet("ดวงใจ", "Duangjai"));
        assert!(meet("วรรณวิไล", "Wanwilai"));
        assert!(meet("แก้วมณี", "Kaewmanee"));
        assert!(meet("สวัสดิ์ชัย", "Sawatchai"));
        assert!(meet("จักรพันธ์", "Jakkapan"));
        assert!(meet("จักรพันธ์", "Chakkraphan"));
        assert!(meet("ปกรณ์", "Pakorn"));
        assert!(meet("สุวรรณใจมณี", "Suwanchaimani"));
        assert!(meet("สมบูรณ์จันทร์วงศ์", "Somboonjanwong"));
        assert!(meet("สวัสดิ์ชาติ", "Sawatchart"));
        assert!(meet("ทรัพย์ประเสริฐ", "Subprasert"));
        assert!(meet("วิทยา", "Vitaya"));
        assert!(meet("วิชัย", "Vichai"));
        assert_eq!(thai_skeleton("ธรรมศักดิ์"), "tmtk");
        assert_eq!(skeleton("thammasak"), "tmtk");
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
    fn short_names_meet_through_their_sound_in_thai() {
        // Coarse skeletons of two letters, so the fine one decides; the letter-by-letter key
        // misreads รร, a final ล and อร, the script read by sound does not.
        assert!(meet("วรรณา", "Wanna"));
        assert!(meet("กัลยา", "Kanlaya"));
        assert!(meet("กัลยา", "Kunlaya"));
        assert!(meet("อรอุมา", "Onuma"));
        assert!(meet("อรอุมา", "On-uma"));
        // A lengthening r in a short name.
        assert!(meet("อภิชาติ", "Apichart"));
        assert!(!meet("วรรณา", "Wilai"));
        assert!(!meet("กัลยา", "Kanda"));
    }

    #[test]
    fn short_thai_names_keep_their_initial_consonants_apart() {
        assert!(!meet("มาลี", "Manee"));
        assert!(!meet("อรุณี", "Nalinee"));
        assert!(!meet("สุดา", "Sunee"));
        assert!(!meet("กิตติ", "Kanda"));
    }

    #[test]
    fn names_that_start_with_other_sounds_do_not_meet() {
        // Same skeleton (t-n-t), other first consonants: ช is "ch", not "t".
        assert!(!meet("ชนิดา", "Tidarat"));
        assert!(meet("ชนิดา", "Chanida"));
        assert!(!meet("สมชาย", "Chomsai"));
        // Spellings that differ only in aspiration, voicing, j/ch or a silent first letter.
        assert!(meet("ใจดี", "Jaidee"));
        assert!(meet("ใจดี", "Chaidi"));
        assert!(meet("ดวงใจ", "Tuangjai"));
        assert_eq!(thai_initial("หญิง"), latin_initial("ying"));
        assert!(meet("ฤทัย", "Ruethai"));
        assert!(meet("อุดม", "Udom"));
        assert!(meet("เอกชัย", "Ekkachai"));
    }

    #[test]
    fn different_names_do_not_meet() {
        assert!(!meet("ธนพล", "Somsak"));
        assert!(!meet("บุญมา", "Maneerat"));
        assert!(!meet("มาลี", "Somphong"));
        // A pronounced final ร stays: Somporn is not Somphop.
        assert!(!meet("สมพร", "Somphop"));
        assert!(meet("สมพร", "Somporn"));
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
        // The title alone stands for no name.
        assert_eq!(strip_glued_khun("khun"), Some(""));
        assert_eq!(strip_glued_khun("คุณ"), Some(""));
        assert_eq!(strip_glued_khun("khunakorn"), None);
    }
}
