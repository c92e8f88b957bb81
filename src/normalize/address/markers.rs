//! Splits marker-led address text (`вул. Хрещатик 22 кв. 5`, `ม.6 ซ.สุขุมวิท 55`) into marked pieces.

use super::rules::{CountryRules, Layout, Role, Word};

/// A run of text, optionally introduced (or, for suffix roles, followed) by a marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The marker's meaning; `None` for unmarked text.
    pub word: Option<WordRef>,
    /// The text the marker applies to (may be empty).
    pub value: String,
    /// The marker as written, lower case (`แขวง`, `вул.`); empty for unmarked text.
    pub form: String,
    /// Whether the marker follows its value (`Київська обл.`).
    pub suffix: bool,
}

/// A copy of the marker's role and display form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordRef {
    pub role: Role,
    pub display: Option<String>,
}

impl From<&Word> for WordRef {
    fn from(w: &Word) -> Self {
        WordRef {
            role: w.role,
            display: w.display.clone(),
        }
    }
}

impl Piece {
    /// The piece's role, `None` when unmarked.
    pub fn role(&self) -> Option<Role> {
        self.word.as_ref().map(|w| w.role)
    }

    /// The piece as written: marker and value in their order (`р. 0`, `Київська обл.`).
    pub fn written(&self) -> String {
        if self.form.is_empty() {
            self.value.clone()
        } else if self.value.is_empty() {
            self.form.clone()
        } else if self.suffix {
            format!("{} {}", self.value, self.form)
        } else {
            format!("{} {}", self.form, self.value)
        }
    }
}

enum Item {
    Text(String),
    Mark(WordRef, String),
}

/// Splits one comma-free segment into pieces, binding each marker to the text after it, or to
/// the adjective before it for suffix roles (`Київська обл.`).
pub fn pieces(segment: &str, rules: &CountryRules) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut open = false; // the last piece is a marker still waiting for its value
    for item in scan(segment, rules) {
        match item {
            Item::Text(text) => {
                if open {
                    if let Some(last) = out.last_mut() {
                        last.value = text;
                    }
                    open = false;
                } else {
                    out.push(Piece {
                        word: None,
                        value: text,
                        form: String::new(),
                        suffix: false,
                    });
                }
            }
            Item::Mark(word, form) => {
                if let Some(name) = take_adjective(&mut out, &word, open, rules) {
                    out.push(Piece {
                        word: Some(word),
                        value: name,
                        form,
                        suffix: true,
                    });
                    open = false;
                } else {
                    out.push(Piece {
                        word: Some(word),
                        value: String::new(),
                        form,
                        suffix: false,
                    });
                    open = true;
                }
            }
        }
    }
    if open {
        attach_trailing_street_marker(&mut out);
    }
    out
}

/// A street marker that ends its segment (`Івана Франка вулиця`, `Шевченка вул.`) names the
/// text before it: Ukrainian and Russian exports often write the street type last.
fn attach_trailing_street_marker(out: &mut Vec<Piece>) {
    let n = out.len();
    if n < 2 {
        return;
    }
    let is_street_marker = out[n - 1]
        .word
        .as_ref()
        .is_some_and(|w| w.role == Role::Street);
    let prev_is_name = out[n - 2].word.is_none()
        && !out[n - 2].value.is_empty()
        && !out[n - 2].value.chars().any(|c| c.is_ascii_digit());
    if is_street_marker && prev_is_name {
        let name = out.remove(n - 2).value;
        if let Some(marker) = out.last_mut() {
            marker.value = name;
        }
    }
}

/// For a suffix-role marker, removes and returns the adjective word that ends the previous unmarked piece.
fn take_adjective(
    out: &mut Vec<Piece>,
    word: &WordRef,
    open: bool,
    rules: &CountryRules,
) -> Option<String> {
    if open || !rules.suffix_roles.contains(&word.role) {
        return None;
    }
    let last = out.last_mut().filter(|p| p.word.is_none())?;
    let (head, tail) = match last.value.rsplit_once(' ') {
        Some((h, t)) => (h.trim().to_string(), t.to_string()),
        None => (String::new(), last.value.clone()),
    };
    if !is_adjective(&tail, rules) {
        return None;
    }
    if head.is_empty() {
        out.pop();
    } else {
        last.value = head;
    }
    Some(tail)
}

/// Whether `word` ends like an adjective (`Київська`, `Броварський`), the name a suffix marker follows.
pub fn is_adjective(word: &str, rules: &CountryRules) -> bool {
    let lower = word.to_lowercase();
    rules
        .adjective_endings
        .iter()
        .any(|e| lower.ends_with(e.as_str()))
}

/// Finds markers in `segment`: at a word start, or anywhere for long Thai markers.
fn scan(segment: &str, rules: &CountryRules) -> Vec<Item> {
    let lower = segment.to_lowercase();
    // Lower-casing keeps byte offsets for Cyrillic, Thai and ASCII; otherwise match as written.
    let same_offsets = lower.len() == segment.len()
        && lower
            .char_indices()
            .map(|(i, _)| i)
            .eq(segment.char_indices().map(|(i, _)| i));
    let hay = if same_offsets {
        lower.as_str()
    } else {
        segment
    };
    let mut items = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < hay.len() {
        let Some(c) = hay[i..].chars().next() else {
            break;
        };
        let at_word_start =
            prev.is_none_or(|p| p.is_whitespace() || matches!(p, ',' | ';' | '(' | ')' | '.'));
        let candidate = at_word_start || rules.layout == Layout::Thai;
        if candidate && let Some((word, form)) = marker_at(hay, segment, i, at_word_start, rules) {
            push_text(&mut items, &segment[text_start..i]);
            items.push(Item::Mark(word, form.to_string()));
            i += form.len();
            text_start = i;
            prev = form.chars().last();
            continue;
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    push_text(&mut items, &segment[text_start..]);
    items
}

fn marker_at<'r>(
    hay: &str,
    original: &str,
    i: usize,
    at_word_start: bool,
    rules: &'r CountryRules,
) -> Option<(WordRef, &'r str)> {
    let rest = &hay[i..];
    let thai = rules.layout == Layout::Thai;
    let first = rest.chars().next()?;
    let candidates = rules.markers_by_first.get(&first)?;
    candidates
        .iter()
        .filter_map(|&k| rules.markers.get(k))
        .find_map(|m| {
            if !rest.starts_with(m.form.as_str()) {
                return None;
            }
            let glued_ok = thai && m.form.chars().count() >= 4;
            if !at_word_start && !glued_ok {
                return None;
            }
            let after = rest[m.form.len()..].chars().next();
            let ends_ok = thai
                || m.form.ends_with('.')
                || after.is_none_or(|c| !c.is_alphabetic() && c != '\'');
            let initial_ok = !is_initial(&m.form) || !looks_like_initial(original, i);
            (ends_ok && initial_ok).then(|| (WordRef::from(&m.word), m.form.as_str()))
        })
}

/// A one-letter marker with a dot (`м.`, `к.`), which could also be a name's initial.
fn is_initial(form: &str) -> bool {
    form.ends_with('.') && form.chars().count() == 2
}

/// An upper-case letter and dot before a capitalised name: an initial (`вул. М. Грушевського`),
/// not a marker. Decided from the next word alone, so the answer never depends on the context.
fn looks_like_initial(original: &str, i: usize) -> bool {
    let mut chars = original.get(i..).unwrap_or_default().chars();
    let upper_here = chars.next().is_some_and(char::is_uppercase);
    let mut next = chars.skip(1).skip_while(|c| c.is_whitespace());
    let capitalised =
        next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase);
    upper_here && capitalised
}

fn push_text(items: &mut Vec<Item>, text: &str) {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.'));
    if !trimmed.is_empty() {
        items.push(Item::Text(trimmed.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::address::rules::AddressRules;
    use crate::record::Country;

    fn split(country: &str, text: &str) -> Vec<(Option<Role>, String)> {
        let rules = AddressRules::from_toml(include_str!("../../../schemas/address.toml")).unwrap();
        pieces(text, rules.for_country(Country::new(country)))
            .into_iter()
            .map(|p| (p.role(), p.value))
            .collect()
    }

    #[test]
    fn splits_ukrainian_markers_in_either_position() {
        assert_eq!(
            split("UA", "м.Київ вул. Хрещатик 22 кв. 5"),
            vec![
                (Some(Role::Locality), "Київ".to_string()),
                (Some(Role::Street), "Хрещатик 22".to_string()),
                (Some(Role::Unit), "5".to_string()),
            ]
        );
        assert_eq!(
            split("UA", "Київська обл. Броварський р-н"),
            vec![
                (Some(Role::Region), "Київська".to_string()),
                (Some(Role::District), "Броварський".to_string()),
            ]
        );
    }

    #[test]
    fn reads_an_upper_case_initial_as_part_of_the_name() {
        assert_eq!(
            split("UA", "вул. М. Грушевського 5"),
            vec![(Some(Role::Street), "М. Грушевського 5".to_string())]
        );
    }

    #[test]
    fn does_not_take_a_word_start_for_a_marker() {
        // "Площа" starts with the marker "пл" but is a name here.
        assert_eq!(
            split("UA", "Плоска 3"),
            vec![(None, "Плоска 3".to_string())]
        );
    }

    #[test]
    fn splits_glued_thai_markers() {
        assert_eq!(
            split("TH", "ม.6 ซ.สุขุมวิท 55 แขวงคลองตันเหนือ เขตวัฒนา"),
            vec![
                (Some(Role::Line1), "6".to_string()),
                (Some(Role::Line1), "สุขุมวิท 55".to_string()),
                (Some(Role::Locality), "คลองตันเหนือ".to_string()),
                (Some(Role::District), "วัฒนา".to_string()),
            ]
        );
    }
}
