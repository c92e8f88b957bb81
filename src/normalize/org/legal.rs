//! Legal forms of organisations (Ltd, GmbH, ТОВ, บริษัท … จำกัด): recognised at the start or
//! end of a name and split off, from the table in `schemas/organizations.toml`.

use crate::error::Result;
use crate::locale::LocaleData;
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct OrganizationsFile {
    form: Vec<FormFile>,
    thai: ThaiFile,
    /// Read by [`super::business`].
    business: serde::de::IgnoredAny,
    /// Read by [`super::business`].
    generic: serde::de::IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormFile {
    canonical: String,
    variants: Vec<String>,
    position: Position,
}

#[derive(Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Position {
    Prefix,
    Suffix,
    Both,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct ThaiFile {
    prefixes: Vec<[String; 2]>,
    suffixes: Vec<[String; 2]>,
}

/// Characters that open or close a quoted organisation name.
const QUOTES: &[char] = &['«', '»', '"', '“', '”', '„', '‟', '‹', '›', '\''];

/// Most words a legal form spans (separator words such as "-" included).
const MAX_FORM_WORDS: usize = 8;

/// The compiled legal-form table.
#[derive(Debug, Default)]
pub struct LegalForms {
    /// Compact variant → canonical, for forms at the end of a name.
    suffix: HashMap<String, String>,
    /// Compact variant → canonical, for forms at the start of a name.
    prefix: HashMap<String, String>,
    /// Thai text prefixes and suffixes, longest first: (text, canonical).
    thai_prefixes: Vec<(String, String)>,
    thai_suffixes: Vec<(String, String)>,
}

impl LegalForms {
    /// Builds the table from `organizations.toml`.
    pub fn from_locale(locale: &LocaleData) -> Result<LegalForms> {
        let file: OrganizationsFile = locale.parse("organizations.toml")?;
        let mut forms = LegalForms::default();
        for form in &file.form {
            for variant in &form.variants {
                let key: String = variant.split(' ').map(compact).collect();
                if form.position != Position::Prefix {
                    forms
                        .suffix
                        .entry(key.clone())
                        .or_insert_with(|| form.canonical.clone());
                }
                if form.position != Position::Suffix {
                    forms
                        .prefix
                        .entry(key)
                        .or_insert_with(|| form.canonical.clone());
                }
            }
        }
        let longest_first = |v: Vec<[String; 2]>| {
            let mut v: Vec<(String, String)> = v.into_iter().map(|[a, b]| (a, b)).collect();
            v.sort_by_key(|(text, _)| std::cmp::Reverse(text.chars().count()));
            v
        };
        forms.thai_prefixes = longest_first(file.thai.prefixes);
        forms.thai_suffixes = longest_first(file.thai.suffixes);
        Ok(forms)
    }

    /// Splits cleaned `name` into its core and its legal form's canonical spelling:
    /// `ТОВ «Ромашка»` → (`Ромашка`, `ТОВ`); `Acme, Inc.` → (`Acme`, `Inc.`). The core is
    /// never empty when `name` is not: a name that is only a legal form is left whole.
    pub fn split<'a>(&'a self, name: &str) -> (String, Option<&'a str>) {
        let name = name.trim();
        if name.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
            && let Some((core, form)) = self.split_thai(name)
        {
            return (core, Some(form));
        }
        let words = word_spans(name);
        let n = words.len();
        let compacts: Vec<String> = words
            .iter()
            .map(|&(s, e)| compact(slice(name, s, e)))
            .collect();
        let mut best: Option<(usize, bool, &str)> = None;
        let (mut head, mut tail) = (String::new(), String::new());
        for k in 1..n.min(MAX_FORM_WORDS + 1) {
            tail.insert_str(0, compacts.get(n - k).map_or("", String::as_str));
            head.push_str(compacts.get(k - 1).map_or("", String::as_str));
            if let Some(c) = self.suffix.get(&tail) {
                best = Some((k, true, c));
            }
            if let Some(c) = self.prefix.get(&head)
                && best.is_none_or(|(bk, _, _)| k > bk)
            {
                best = Some((k, false, c));
            }
        }
        let Some((k, at_end, canonical)) = best else {
            return (tidy_core(name), None);
        };
        // The core runs up to the form (or from it), quotes around it included.
        let (start, end) = if at_end {
            (0, words.get(n - k).map_or(0, |w| w.0))
        } else {
            (words.get(k - 1).map_or(0, |w| w.1), name.len())
        };
        let core = tidy_core(slice(name, start, end));
        if core.is_empty() {
            return (tidy_core(name), None);
        }
        (core, Some(canonical))
    }

    fn split_thai<'a>(&'a self, name: &str) -> Option<(String, &'a str)> {
        let mut core = name;
        let mut form = None;
        if let Some((text, canonical)) = self
            .thai_prefixes
            .iter()
            .find(|(t, _)| core.starts_with(t.as_str()))
        {
            core = core.get(text.len()..).unwrap_or("").trim_start();
            form = Some(canonical.as_str());
        }
        if let Some((text, canonical)) = self
            .thai_suffixes
            .iter()
            .find(|(t, _)| core.ends_with(t.as_str()))
        {
            core = core.get(..core.len() - text.len()).unwrap_or("").trim_end();
            form = Some(canonical.as_str());
        }
        let core = tidy_core(core);
        match form {
            Some(f) if !core.is_empty() => Some((core, f)),
            _ => None,
        }
    }
}

/// Lower-case letters, digits, `&` and `+` of `word`; everything else removed.
pub(super) fn compact(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric() || *c == '&' || *c == '+')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Byte spans of the words of `s`: split at whitespace and quote marks.
fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let separator = c.is_whitespace() || QUOTES.contains(&c);
        match (separator, start) {
            (true, Some(st)) => {
                spans.push((st, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        spans.push((st, s.len()));
    }
    spans
}

fn slice(s: &str, start: usize, end: usize) -> &str {
    s.get(start..end).unwrap_or("")
}

/// Trims separators left by a removed form, and quotes that wrap the whole core.
fn tidy_core(core: &str) -> String {
    let trimmed = core.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '-' | '–' | '&' | '(' | ')')
    });
    let unquoted = trimmed.trim_matches(|c: char| QUOTES.contains(&c) || c.is_whitespace());
    let inner_quotes = unquoted.chars().any(|c| QUOTES.contains(&c));
    if inner_quotes {
        trimmed.to_string()
    } else {
        unquoted.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(name: &str) -> (String, Option<String>) {
        let forms = LegalForms::from_locale(&LocaleData::default()).unwrap();
        let (core, form) = forms.split(name);
        (core, form.map(str::to_string))
    }

    fn own(core: &str, form: Option<&str>) -> (String, Option<String>) {
        (core.to_string(), form.map(str::to_string))
    }

    #[test]
    fn ukrainian_and_russian_forms_before_or_after_the_name() {
        assert_eq!(split("ТОВ «Ромашка»"), own("Ромашка", Some("ТОВ")));
        assert_eq!(
            split("ТзОВ \"Львівська Кава\""),
            own("Львівська Кава", Some("ТОВ"))
        );
        assert_eq!(
            split("Товариство з обмеженою відповідальністю «Ромашка»"),
            own("Ромашка", Some("ТОВ"))
        );
        assert_eq!(
            split("ФОП Шевченко О.І."),
            own("Шевченко О.І.", Some("ФОП"))
        );
        assert_eq!(
            split("Фізична особа - підприємець Коваль"),
            own("Коваль", Some("ФОП"))
        );
        assert_eq!(split("ООО «Вектор»"), own("Вектор", Some("ООО")));
        assert_eq!(
            split("ОСББ \"Сонячний-5\""),
            own("Сонячний-5", Some("ОСББ"))
        );
    }

    #[test]
    fn western_forms_at_the_end() {
        assert_eq!(split("Romashka LLC"), own("Romashka", Some("LLC")));
        assert_eq!(split("Acme, Inc."), own("Acme", Some("Inc.")));
        assert_eq!(
            split("Müller GmbH & Co. KG"),
            own("Müller", Some("GmbH & Co. KG"))
        );
        assert_eq!(
            split("Kowalski i Syn Sp. z o.o."),
            own("Kowalski i Syn", Some("Sp. z o.o."))
        );
        assert_eq!(split("Nowak sp.j."), own("Nowak", Some("Sp.j.")));
        assert_eq!(
            split("SARL Boulangerie Dupont"),
            own("Boulangerie Dupont", Some("SARL"))
        );
        assert_eq!(
            split("Siam Cement Co., Ltd."),
            own("Siam Cement", Some("Co., Ltd."))
        );
        assert_eq!(split("Smith & Co."), own("Smith", Some("Co.")));
        assert_eq!(split("Tesco PLC"), own("Tesco", Some("PLC")));
        assert_eq!(split("PTT Public Company Limited"), own("PTT", Some("PLC")));
        assert_eq!(split("Kyivstar PJSC"), own("Kyivstar", Some("PJSC")));
    }

    #[test]
    fn thai_forms_glued_or_spaced() {
        assert_eq!(split("บริษัท ไทยเจริญ จำกัด"), own("ไทยเจริญ", Some("บจก.")));
        assert_eq!(
            split("บริษัทไทยเจริญจำกัด (มหาชน)"),
            own("ไทยเจริญ", Some("บมจ."))
        );
        assert_eq!(
            split("ห้างหุ้นส่วนจำกัด สมบูรณ์ก่อสร้าง"),
            own("สมบูรณ์ก่อสร้าง", Some("หจก."))
        );
        assert_eq!(split("บจก. ไทยเจริญ"), own("ไทยเจริญ", Some("บจก.")));
    }

    #[test]
    fn words_that_only_look_like_forms_stay() {
        assert_eq!(split("Marco Polo Travel"), own("Marco Polo Travel", None));
        assert_eq!(split("Limited"), own("Limited", None));
        assert_eq!(split("ТОВ"), own("ТОВ", None));
        assert_eq!(split(""), own("", None));
    }
}
