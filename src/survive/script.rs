//! The writing system a name is in (Latin, Cyrillic, Thai, …), by the Unicode blocks of its letters.

use serde::{Deserialize, Serialize};

/// A writing system, as far as survivorship needs to tell names apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Thai,
    Arabic,
    Hebrew,
    Han,
    Other,
}

/// Which script the surviving name is written in (`[survivorship] name_script`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameScript {
    /// The script most of the customer's records write the name in; a tie goes to the name
    /// the rules rank first.
    #[default]
    Majority,
    /// Latin letters whenever a record has the name in them.
    Latin,
    /// The customer's own script (any other than Latin: Cyrillic, Thai…) whenever a record
    /// has the name in it.
    Native,
}

impl NameScript {
    /// Whether `script` is the preferred one, when there is a preference.
    pub fn prefers(self, script: Script) -> Option<bool> {
        match self {
            NameScript::Majority => None,
            NameScript::Latin => Some(script == Script::Latin),
            NameScript::Native => Some(script != Script::Latin),
        }
    }
}

fn script_of_char(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0E00..=0x0E7F => Script::Thai,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F => Script::Arabic,
        0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF => Script::Han,
        _ => Script::Other,
    })
}

/// The script most letters of `texts` are in; `None` when they hold no letter.
pub fn script_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Script> {
    let mut counts = [0usize; 8];
    for c in texts.into_iter().flat_map(str::chars) {
        if let Some(s) = script_of_char(c) {
            counts[s as usize] += 1;
        }
    }
    let (best, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))?;
    (*n > 0).then(|| ALL[best])
}

const ALL: [Script; 8] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Thai,
    Script::Arabic,
    Script::Hebrew,
    Script::Han,
    Script::Other,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_by_their_letters() {
        assert_eq!(script_of(["Alina", "Khomenko"]), Some(Script::Latin));
        assert_eq!(script_of(["Zoë Łukasz"]), Some(Script::Latin));
        assert_eq!(script_of(["Аліна", "Хоменко"]), Some(Script::Cyrillic));
        assert_eq!(script_of(["สมชาย ใจดี"]), Some(Script::Thai));
        assert_eq!(script_of(["", "1980"]), None);
        assert_eq!(NameScript::Latin.prefers(Script::Cyrillic), Some(false));
        assert_eq!(NameScript::Native.prefers(Script::Thai), Some(true));
    }
}
