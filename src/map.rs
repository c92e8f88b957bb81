//! Header mapping: input column names to canonical fields, using multilingual synonyms from `schemas/headers.toml`.
//!
//! A header is folded (case, accents on Latin letters, punctuation, spacing) and looked up in
//! this order: the source's `[columns]` override, an exact synonym, the synonym left after
//! dropping a leading qualifier ("Mailing City" → "city"), a close synonym (one typo in
//! names of 5+ characters, two in 10+, unique best), and finally the column's content
//! (a column of e-mail addresses or phone numbers is recognised whatever its header).
//! A second column for the same field goes to its alternate (`phone` → `phone_alt`); further
//! columns (and a second street line, which is another address, not line 2) fill the field
//! only in rows where the earlier columns left it empty ([`Target::Fallback`]): exports carry
//! business and home blocks, three phone columns, or two versions of one web form.

use crate::error::Result;
use crate::finding::{Finding, Severity};
use crate::locale::LocaleData;
use crate::record::Field;
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Where an input column goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A canonical field.
    Field(Field),
    /// Appended to a field with a space (a house-number column joins the street line).
    AppendTo(Field),
    /// A further column for a field already mapped (a third phone, a home address block
    /// beside the business one, a second version of a web form's field): fills the field, or
    /// else its alternate, when the row left them empty.
    Fallback(Field),
    /// The source system's own record ID (`xref.csv`'s `source_key`).
    SourceKey,
    /// Dropped on purpose.
    Ignore,
    /// Kept under its own name.
    PassThrough,
}

impl Target {
    /// Parses a target as written in `[source.columns]`.
    pub fn parse(text: &str) -> Option<Target> {
        match text.trim() {
            "source_key" => Some(Target::SourceKey),
            "ignore" => Some(Target::Ignore),
            "pass" | "passthrough" | "pass_through" => Some(Target::PassThrough),
            "house_number" => Some(Target::AppendTo(Field::AddressLine1)),
            t => Field::from_name(t).map(Target::Field),
        }
    }

    /// The name written in a config (`given_name`, `source_key`…).
    pub fn name(self) -> &'static str {
        match self {
            Target::Field(f) => f.name(),
            Target::AppendTo(_) => "house_number",
            Target::Fallback(f) => f.name(),
            Target::SourceKey => "source_key",
            Target::Ignore => "ignore",
            Target::PassThrough => "pass",
        }
    }
}

/// How a column's target was decided (shown by `steward init`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchKind {
    Configured,
    Synonym,
    Qualified,
    Fuzzy,
    Content,
    Unmapped,
}

/// One input column and where it goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMap {
    pub header: String,
    pub target: Target,
    pub how: MatchKind,
}

/// The mapping of one table's columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    pub columns: Vec<ColumnMap>,
    /// Headers of pass-through columns read as an outside registry's identifiers
    /// ([`crate::profile`]); compared when `[dedupe] identifier_columns` is not set.
    pub identifiers: Vec<String>,
}

impl Mapping {
    /// Headers that pass through, in column order.
    pub fn passthrough_headers(&self) -> Vec<String> {
        self.columns
            .iter()
            .filter(|c| c.target == Target::PassThrough)
            .map(|c| c.header.clone())
            .collect()
    }

    /// Whether some column maps to `field`.
    pub fn has_field(&self, field: Field) -> bool {
        self.columns
            .iter()
            .any(|c| c.target == Target::Field(field))
    }
}

#[derive(Deserialize)]
struct HeaderFile {
    qualifiers: Vec<String>,
    family_when_given_present: Vec<String>,
    salutation_values: Vec<String>,
    fields: BTreeMap<String, Vec<String>>,
}

/// Synonym tables built from `schemas/headers.toml`.
pub struct HeaderRules {
    exact: HashMap<String, Target>,
    qualifiers: Vec<String>,
    family_when_given: Vec<String>,
    salutation_values: Vec<String>,
    /// (folded synonym, target) for typo-tolerant lookup, sorted for determinism.
    fuzzy: Vec<(String, Target)>,
}

impl HeaderRules {
    /// Builds the tables from the schema data.
    pub fn from_locale(locale: &LocaleData) -> Result<HeaderRules> {
        let file: HeaderFile = locale.parse("headers.toml")?;
        let mut exact = HashMap::default();
        for (name, synonyms) in &file.fields {
            let target = Target::parse(name).ok_or_else(|| {
                crate::Error::schema(format!("headers.toml: unknown field {name:?}"))
            })?;
            exact.insert(fold(name), target);
            for s in synonyms {
                exact.entry(fold(s)).or_insert(target);
            }
        }
        let mut fuzzy: Vec<(String, Target)> = exact.iter().map(|(k, t)| (k.clone(), *t)).collect();
        fuzzy.sort_by(|a, b| a.0.cmp(&b.0));
        let mut qualifiers: Vec<String> = file.qualifiers.iter().map(|q| fold(q)).collect();
        // Longest first, so "address 1" is tried before "address".
        qualifiers.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        Ok(HeaderRules {
            exact,
            qualifiers,
            salutation_values: file.salutation_values.iter().map(|s| fold(s)).collect(),
            family_when_given: file
                .family_when_given_present
                .iter()
                .map(|s| fold(s))
                .collect(),
            fuzzy,
        })
    }

    /// The target for one header by name alone.
    pub fn lookup(&self, header: &str) -> Option<(Target, MatchKind)> {
        let key = fold(header);
        if key.is_empty() {
            return None;
        }
        if let Some(t) = self.exact.get(&key) {
            return Some((*t, MatchKind::Synonym));
        }
        // Qualifiers may stack: "Contact Address City", `contact.address.city` in JSON.
        let mut rest = key.as_str();
        for _ in 0..3 {
            let mut deeper = None;
            for q in &self.qualifiers {
                if let Some(stripped) = rest
                    .strip_prefix(q.as_str())
                    .and_then(|r| r.strip_prefix(' '))
                {
                    if let Some(t) = self.exact.get(stripped) {
                        return Some((*t, MatchKind::Qualified));
                    }
                    deeper.get_or_insert(stripped);
                }
            }
            match deeper {
                Some(stripped) => rest = stripped,
                None => break,
            }
        }
        // "Phone 2", "Email2", "Telefon_3": a numbered repeat of a known header.
        let unnumbered = key.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        if unnumbered.len() < key.len()
            && let Some(t) = self.exact.get(unnumbered)
        {
            return Some((*t, MatchKind::Synonym));
        }
        self.fuzzy_lookup(&key).map(|t| (t, MatchKind::Fuzzy))
    }

    /// The fields the words of an unknown header name, each once, in word order
    /// (`postcode_fake` → postcode, `home_phone_no` → phone, `site_phone_note` → phone and
    /// notes); the caller keeps the one the values fit.
    pub fn word_hints(&self, header: &str) -> Vec<Field> {
        let key = fold(header);
        let mut found: Vec<Field> = Vec::new();
        for word in key.split(' ') {
            if let Some(Target::Field(f)) = self.exact.get(word).copied()
                && !found.contains(&f)
            {
                found.push(f);
            }
        }
        found
    }

    fn fuzzy_lookup(&self, key: &str) -> Option<Target> {
        let len = key.chars().count();
        let max = match len {
            0..=4 => return None,
            5..=9 => 1,
            _ => 2,
        };
        let mut best: Option<(usize, Target)> = None;
        let mut tie = false;
        for (syn, target) in &self.fuzzy {
            if syn.chars().count().abs_diff(len) > max {
                continue;
            }
            let d = strsim::damerau_levenshtein(key, syn);
            if d > max {
                continue;
            }
            match best {
                Some((bd, bt)) if d == bd && bt != *target => tie = true,
                Some((bd, _)) if d >= bd => {}
                _ => {
                    best = Some((d, *target));
                    tie = false;
                }
            }
        }
        if tie { None } else { best.map(|b| b.1) }
    }
}

/// Maps a read table's headers (`overrides` from the source's `[columns]`), recognising
/// unmapped e-mail and phone columns by the content of its first rows.
pub fn map_table_headers(
    rules: &HeaderRules,
    table: &crate::ingest::SourceTable,
    overrides: &BTreeMap<String, String>,
) -> Mapping {
    let sample: Vec<&[String]> = table
        .rows
        .iter()
        .take(CONTENT_SAMPLE_ROWS)
        .map(|r| r.cells.as_slice())
        .collect();
    map_headers(rules, &table.headers, overrides, &sample)
}

/// Rows of a table read to recognise columns by their content.
const CONTENT_SAMPLE_ROWS: usize = 200;

/// Maps a table's headers. `overrides` comes from the source's `[columns]`; `sample` is a
/// few data rows used to recognise unmapped e-mail and phone columns by content.
pub fn map_headers(
    rules: &HeaderRules,
    headers: &[String],
    overrides: &BTreeMap<String, String>,
    sample: &[&[String]],
) -> Mapping {
    let mut columns: Vec<ColumnMap> = headers
        .iter()
        .map(|h| {
            let configured = overrides
                .get(h)
                .or_else(|| {
                    overrides
                        .iter()
                        .find(|(k, _)| fold(k) == fold(h))
                        .map(|(_, v)| v)
                })
                .and_then(|t| Target::parse(t));
            let (target, how) = match configured {
                Some(t) => (t, MatchKind::Configured),
                None => rules
                    .lookup(h)
                    .unwrap_or((Target::PassThrough, MatchKind::Unmapped)),
            };
            ColumnMap {
                header: h.clone(),
                target,
                how,
            }
        })
        .collect();
    apply_family_rule(rules, &mut columns);
    recognise_by_content(&mut columns, sample);
    recognise_salutations(rules, &mut columns, sample);
    resolve_repeats(&mut columns);
    Mapping {
        columns,
        identifiers: Vec::new(),
    }
}

/// "Name" beside a given-name column is the family name (German, French, Dutch exports).
fn apply_family_rule(rules: &HeaderRules, columns: &mut [ColumnMap]) {
    let has_given = columns
        .iter()
        .any(|c| c.target == Target::Field(Field::GivenName));
    let has_family = columns
        .iter()
        .any(|c| c.target == Target::Field(Field::FamilyName));
    if !has_given || has_family {
        return;
    }
    for c in columns.iter_mut() {
        if c.how != MatchKind::Configured && rules.family_when_given.contains(&fold(&c.header)) {
            c.target = Target::Field(Field::FamilyName);
        }
    }
}

/// Recognises unmapped columns whose cells are mostly e-mail addresses or phone numbers.
fn recognise_by_content(columns: &mut [ColumnMap], sample: &[&[String]]) {
    for (i, column) in columns.iter_mut().enumerate() {
        if column.how != MatchKind::Unmapped {
            continue;
        }
        let cells: Vec<&str> = sample
            .iter()
            .filter_map(|row| row.get(i))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if cells.len() < 2 {
            continue;
        }
        let share = |pred: fn(&str) -> bool| {
            cells.iter().filter(|c| pred(c)).count() as f64 / cells.len() as f64
        };
        let target = if share(looks_like_email) >= 0.8 {
            Some(Field::Email)
        } else if share(looks_like_phone) >= 0.8 {
            Some(Field::Phone)
        } else {
            None
        };
        if let Some(f) = target {
            column.target = Target::Field(f);
            column.how = MatchKind::Content;
        }
    }
}

/// A column that passes through or was read as a job title by its header ("Title") but whose
/// cells are mostly salutations ("Mr.", "Frau") is a salutation column.
fn recognise_salutations(rules: &HeaderRules, columns: &mut [ColumnMap], sample: &[&[String]]) {
    if columns
        .iter()
        .any(|c| c.target == Target::Field(Field::Salutation))
    {
        return;
    }
    for (i, column) in columns.iter_mut().enumerate() {
        let retargetable = matches!(
            column.target,
            Target::PassThrough | Target::Field(Field::JobTitle)
        );
        if !retargetable || column.how == MatchKind::Configured {
            continue;
        }
        let cells: Vec<String> = sample
            .iter()
            .filter_map(|row| row.get(i))
            .map(|c| fold(c))
            .filter(|c| !c.is_empty())
            .collect();
        let known = cells
            .iter()
            .filter(|c| rules.salutation_values.contains(c))
            .count();
        if cells.len() >= 2 && known as f64 >= 0.8 * cells.len() as f64 {
            column.target = Target::Field(Field::Salutation);
            column.how = MatchKind::Content;
            return;
        }
    }
}

/// Whether a cell reads as an e-mail address (something `@` a dotted domain, no spaces).
pub fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => !local.is_empty() && domain.contains('.') && !s.contains(' '),
        None => false,
    }
}

/// Whether a cell reads as a phone number: 7 to 15 digits and phone punctuation only.
pub fn looks_like_phone(s: &str) -> bool {
    let s = s.trim();
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let allowed = s
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    allowed && (7..=15).contains(&digits) && !looks_like_date(s) && !looks_like_decimal(s)
}

/// Whether a value is a signed or decimal number (`41.769408`, `-87.588518`, `-1234567`): a
/// coordinate or an amount. A phone number may be grouped by dots (`773.535.4809`) but has no
/// minus sign in front and not one lone dot.
fn looks_like_decimal(s: &str) -> bool {
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let body_ok = unsigned.chars().all(|c| c.is_ascii_digit() || c == '.');
    body_ok && (s.starts_with('-') || unsigned.matches('.').count() == 1)
}

/// Whether a value is a date's three groups split by `-`, `.` or `/` (`12.03.1985`).
pub fn looks_like_date(s: &str) -> bool {
    let parts: Vec<usize> = s.split(['-', '.', '/']).map(str::len).collect();
    // Year first (`1985-03-12`) or last (`12.03.1985`, `12-Mar-85`); a month may be a word.
    match *parts.as_slice() {
        [4, m, d] => (1..=3).contains(&m) && (1..=2).contains(&d),
        [d, m, y] => (1..=2).contains(&d) && (1..=3).contains(&m) && (y == 2 || y == 4),
        _ => false,
    }
}

/// A field mapped twice: the second goes to its alternate, later ones fill in when empty.
fn resolve_repeats(columns: &mut [ColumnMap]) {
    let mut taken: Vec<Target> = Vec::new();
    for c in columns.iter_mut() {
        let Target::Field(field) = c.target else {
            if c.target == Target::SourceKey && taken.contains(&Target::SourceKey) {
                c.target = Target::PassThrough;
            } else {
                taken.push(c.target);
            }
            continue;
        };
        if !taken.contains(&c.target) {
            taken.push(c.target);
            continue;
        }
        // A second street column is a second address (home beside business), not line 2.
        let alternate = field
            .alternate()
            .filter(|_| field != Field::AddressLine1)
            .map(Target::Field);
        match alternate {
            Some(alt) if !taken.contains(&alt) => {
                c.target = alt;
                taken.push(alt);
            }
            _ => c.target = Target::Fallback(field),
        }
    }
}

/// Findings that tell the user what the mapper could not place or guessed.
pub fn mapping_findings(source: &str, mapping: &Mapping) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &mapping.columns {
        let (code, msg) = match c.how {
            MatchKind::Fuzzy => (
                "header.fuzzy",
                format!(
                    "column {:?} read as {} (close spelling)",
                    c.header,
                    c.target.name()
                ),
            ),
            MatchKind::Content => (
                "header.by_content",
                format!(
                    "column {:?} read as {} from its values",
                    c.header,
                    c.target.name()
                ),
            ),
            _ => continue,
        };
        out.push(Finding::new(source, 0, code, Severity::Info, msg).with_field(c.header.clone()));
    }
    let identity = [
        Field::GivenName,
        Field::FamilyName,
        Field::FullName,
        Field::Organization,
        Field::Email,
        Field::Phone,
    ];
    if !identity.iter().any(|f| mapping.has_field(*f)) {
        out.push(Finding::new(
            source,
            0,
            "header.no_identity",
            Severity::Warning,
            "no column maps to a name, organisation, e-mail or phone; map one in [source.columns]",
        ));
    }
    out
}

/// Folds a header for lookup: lower case, accents off Latin letters, punctuation to spaces.
pub fn fold(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut prev_ascii = false;
    let mut space = false;
    for c in header.nfd() {
        if is_combining_mark(c) {
            // Accents on Latin letters fold away; Thai and Cyrillic marks are letters' own.
            if prev_ascii {
                continue;
            }
            out.push(c);
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
            prev_ascii = c.is_ascii_alphabetic();
        } else {
            space = true;
            prev_ascii = false;
        }
    }
    out.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> HeaderRules {
        HeaderRules::from_locale(&LocaleData::default()).expect("built-in headers parse")
    }

    fn target(h: &str) -> Option<Target> {
        rules().lookup(h).map(|t| t.0)
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("  E-Mail_Address "), "e mail address");
        assert_eq!(fold("Prénom"), "prenom");
        assert_eq!(fold("Ім'я"), "ім я");
        assert_eq!(fold("ชื่อ-นามสกุล"), "ชื่อ นามสกุล");
    }

    #[test]
    fn maps_crm_export_headers() {
        assert_eq!(target("FirstName"), Some(Target::Field(Field::GivenName)));
        assert_eq!(
            target("MailingPostalCode"),
            Some(Target::Field(Field::PostalCode))
        );
        assert_eq!(
            target("Mailing Street"),
            Some(Target::Field(Field::AddressLine1))
        );
        assert_eq!(target("E-mail Address"), Some(Target::Field(Field::Email)));
        assert_eq!(
            target("Address 1: ZIP/Postal Code"),
            Some(Target::Field(Field::PostalCode))
        );
        assert_eq!(
            target("Country/Region"),
            Some(Target::Field(Field::Country))
        );
        assert_eq!(target("Record ID"), Some(Target::SourceKey));
        assert_eq!(target("CreatedDate"), Some(Target::Field(Field::CreatedAt)));
        assert_eq!(target("Email_2"), Some(Target::Field(Field::Email)));
        assert_eq!(target("Phone 3"), Some(Target::Field(Field::Phone)));
    }

    #[test]
    fn maps_headers_in_many_languages() {
        assert_eq!(target("ПІБ"), Some(Target::Field(Field::FullName)));
        assert_eq!(target("Прізвище"), Some(Target::Field(Field::FamilyName)));
        assert_eq!(
            target("По батькові"),
            Some(Target::Field(Field::MiddleName))
        );
        assert_eq!(target("ФИО"), Some(Target::Field(Field::FullName)));
        assert_eq!(target("นามสกุล"), Some(Target::Field(Field::FamilyName)));
        assert_eq!(target("รหัสไปรษณีย์"), Some(Target::Field(Field::PostalCode)));
        assert_eq!(target("Straße"), Some(Target::Field(Field::AddressLine1)));
        assert_eq!(
            target("Code postal"),
            Some(Target::Field(Field::PostalCode))
        );
        assert_eq!(
            target("Kod pocztowy"),
            Some(Target::Field(Field::PostalCode))
        );
        assert_eq!(
            target("Correo electrónico"),
            Some(Target::Field(Field::Email))
        );
    }

    #[test]
    fn maps_branch_and_subsidiary_export_headers() {
        let cases = [
            ("Jméno", Field::GivenName),
            ("Příjmení", Field::FamilyName),
            ("PSČ", Field::PostalCode),
            ("Obec", Field::Locality),
            ("Datum narození", Field::BirthDate),
            ("Voornaam", Field::GivenName),
            ("Achternaam", Field::FamilyName),
            ("Woonplaats", Field::Locality),
            // 1C counterparties: the name of a person or company, the actual address.
            ("Найменування", Field::FullName),
            ("Фактична адреса", Field::AddressLine1),
            ("Вулиця, буд., кв.", Field::AddressLine1),
            ("Моб. телефон", Field::Phone),
            ("เบอร์บ้าน", Field::Phone),
            ("HomePhone", Field::Phone),
            ("Data dodania", Field::CreatedAt),
            ("submitted_at", Field::CreatedAt),
            // Qualifiers stack, as nested JSON keys do.
            ("contact.address.city", Field::Locality),
            ("Contact Mailing Postal Code", Field::PostalCode),
        ];
        for (header, field) in cases {
            assert_eq!(target(header), Some(Target::Field(field)), "{header}");
        }
    }

    #[test]
    fn further_columns_of_a_field_fill_in_rather_than_pass_through() {
        let headers: Vec<String> = [
            "Business Phone",
            "Home Phone",
            "Mobile Phone",
            "Business Street",
            "Business City",
            "Home Street",
            "Home City",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let m = map_headers(&rules(), &headers, &BTreeMap::new(), &[]);
        let t: Vec<Target> = m.columns.iter().map(|c| c.target).collect();
        assert_eq!(
            t,
            [
                Target::Field(Field::Phone),
                Target::Field(Field::PhoneAlt),
                Target::Fallback(Field::Phone),
                Target::Field(Field::AddressLine1),
                Target::Field(Field::Locality),
                // A second street is another address, not line 2.
                Target::Fallback(Field::AddressLine1),
                Target::Fallback(Field::Locality),
            ]
        );
    }

    #[test]
    fn tolerates_small_typos_but_not_guesses() {
        assert_eq!(target("Frist Name"), Some(Target::Field(Field::GivenName)));
        assert_eq!(target("Postcdoe"), Some(Target::Field(Field::PostalCode)));
        assert_eq!(target("Favourite colour"), None);
    }

    #[test]
    fn second_phone_goes_to_alternate_and_name_beside_vorname_is_family() {
        let headers: Vec<String> = ["Vorname", "Name", "Telefon", "Handy", "Fax-Nummer 2"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = map_headers(&rules(), &headers, &BTreeMap::new(), &[]);
        let t: Vec<Target> = m.columns.iter().map(|c| c.target).collect();
        assert_eq!(t[0], Target::Field(Field::GivenName));
        assert_eq!(t[1], Target::Field(Field::FamilyName));
        assert_eq!(t[2], Target::Field(Field::Phone));
        assert_eq!(t[3], Target::Field(Field::PhoneAlt));
        // A fax is not a phone: it passes through.
        assert_eq!(t[4], Target::PassThrough);
    }

    #[test]
    fn title_column_is_a_salutation_only_when_its_values_are() {
        let headers = vec!["Title".to_string(), "Last Name".to_string()];
        let honorifics = [
            vec!["Mr.".to_string(), "X".to_string()],
            vec!["Mrs".to_string(), "Y".to_string()],
        ];
        let jobs = [
            vec!["VP Sales".to_string(), "X".to_string()],
            vec!["CTO".to_string(), "Y".to_string()],
        ];
        let as_sample = |rows: &[Vec<String>; 2]| -> Mapping {
            let sample: Vec<&[String]> = rows.iter().map(|r| r.as_slice()).collect();
            map_headers(&rules(), &headers, &BTreeMap::new(), &sample)
        };
        assert_eq!(
            as_sample(&honorifics).columns[0].target,
            Target::Field(Field::Salutation)
        );
        assert_eq!(
            as_sample(&jobs).columns[0].target,
            Target::Field(Field::JobTitle)
        );
    }

    #[test]
    fn recognises_email_column_by_content_and_honours_overrides() {
        let headers = vec!["col_a".to_string(), "Name".to_string()];
        let rows = [
            vec!["ann@example.org".to_string(), "x".to_string()],
            vec!["bob@example.com".to_string(), "y".to_string()],
        ];
        let sample: Vec<&[String]> = rows.iter().map(|r| r.as_slice()).collect();
        let mut overrides = BTreeMap::new();
        overrides.insert("Name".to_string(), "organization".to_string());
        let m = map_headers(&rules(), &headers, &overrides, &sample);
        assert_eq!(m.columns[0].target, Target::Field(Field::Email));
        assert_eq!(m.columns[0].how, MatchKind::Content);
        assert_eq!(m.columns[1].target, Target::Field(Field::Organization));
    }
    #[test]
    fn coordinates_and_amounts_are_not_phones() {
        for value in ["41.769408", "-87.588518", "-1234567", "1234567.5"] {
            assert!(!looks_like_phone(value), "{value}");
        }
        for value in [
            "773.535.4809",
            "(773) 294-5185",
            "294-5185",
            "+1 310 246 1501",
        ] {
            assert!(looks_like_phone(value), "{value}");
        }
    }
}
