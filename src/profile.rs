//! Column profiles: what a column's values are (people's names, organisations' names,
//! e-mails, phones, postcodes), read from a sample of its cells, so that the values settle what
//! a header leaves open or gets wrong.
//!
//! The header mapper ([`crate::map`]) decides by the header alone; [`Profiler::refine`] then
//! looks at the values and changes a target only where they are clear:
//! - a column headed as e-mail whose values are phone numbers (or the other way round) is
//!   what its values are;
//! - a `name` column of shops, schools or companies is `organization`: a list of people has
//!   a known given name in most cells (`schemas/profile.toml` `given_names`, with
//!   `names.toml`'s), a list of organisations in few, and many of its cells carry a business
//!   word, a legal form, a number or an article ("Jewel of India", "Le Montrachet");
//! - an unknown header with a word for a name in it ("Site name", "Shop name") is the
//!   organisation's or the person's name, as its values say;
//! - an unknown header with one word of a known header in it (`postcode_fake`,
//!   `home_phone_no`) is that field when its values fit it;
//! - an unknown column whose values are postcodes of a shape only one country uses (`SW1A
//!   2AA`) is the postcode; one whose values are street lines (`914 Veterans Memorial
//!   Blvd.`) is the street address;
//! - a pass-through column headed as an outside registry's identifier (`soc_sec_id`,
//!   `License #`, `Company number`) whose values are codes is compared as an identifier
//!   ([`Mapping::identifiers`]), as `[dedupe] identifier_columns` would.
//!
//! Every change is a `header.by_content` finding naming the column and what it was read as.

use crate::error::Result;
use crate::finding::{Finding, Severity};
use crate::ingest::SourceTable;
use crate::locale::LocaleData;
use crate::map::{
    ColumnMap, HeaderRules, Mapping, MatchKind, Target, fold, map_table_headers, mapping_findings,
};
use crate::normalize::Normalizer;
use crate::normalize::translit::{latin_key, latin_keys};
use crate::record::Field;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Data rows read to profile a column.
pub const SAMPLE_ROWS: usize = 400;

/// Cells in a script the name lists cover that a column needs before its names are judged.
const MIN_JUDGED: usize = 8;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    name_words: Vec<String>,
    identifier_words: Vec<String>,
    identifier_qualifiers: Vec<String>,
    id_words: Vec<String>,
    given_names: BTreeMap<String, Vec<String>>,
}

/// The word lists of `schemas/profile.toml`, with the normalisers that judge single cells.
pub struct Profiler<'a> {
    normalizer: &'a Normalizer,
    headers: &'a HeaderRules,
    /// Latin keys of common given names.
    given: HashSet<String>,
    name_words: Vec<String>,
    /// Folded `identifier_words`, `identifier_qualifiers` and `id_words`.
    identifier_words: Vec<String>,
    identifier_qualifiers: Vec<String>,
    id_words: Vec<String>,
}

/// What the sampled cells of one column are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnProfile {
    /// Non-empty cells.
    pub cells: usize,
    /// Distinct non-empty cells.
    pub distinct: usize,
    /// Cells in Latin or Cyrillic script, which the name lists can judge.
    pub judged: usize,
    /// Of those, cells that read as a person's name (a known given name, no business word).
    pub people: usize,
    /// Of those, cells that read as an organisation's name.
    pub organisations: usize,
    pub emails: usize,
    pub phones: usize,
    /// Cells that fit some country's postcode pattern.
    pub postcodes: usize,
    /// Cells that fit the postcode pattern of exactly one country.
    pub telling_postcodes: usize,
    /// Cells that read as a street line (a kind of street and a number).
    pub streets: usize,
    /// Cells that read as a code: one word (or a few short groups) of letters and digits,
    /// with a digit, not an e-mail or a date (`6988048`, `05CH5376`, `AB 12 34 56 C`).
    pub codes: usize,
}

impl ColumnProfile {
    fn share(&self, n: usize) -> f64 {
        n as f64 / self.cells.max(1) as f64
    }

    fn judged_share(&self, n: usize) -> f64 {
        n as f64 / self.judged.max(1) as f64
    }

    /// Whether the cells are organisations' names: few hold a given name, many a business
    /// word, legal form, number or article.
    pub fn is_organisations(&self) -> bool {
        self.judged >= MIN_JUDGED
            && self.judged_share(self.people) < 0.35
            && self.judged_share(self.organisations) >= 0.2
    }

    /// Whether the cells are people's names.
    pub fn is_people(&self) -> bool {
        self.judged >= MIN_JUDGED && self.judged_share(self.people) >= 0.5
    }

    /// Whether the cells are mostly what `field` holds, for the fields a value shows.
    fn fits(&self, field: Field) -> bool {
        if self.cells < 2 {
            return false;
        }
        match field {
            Field::Email | Field::EmailAlt => self.share(self.emails) >= 0.8,
            Field::Phone | Field::PhoneAlt => self.share(self.phones) >= 0.8,
            Field::PostalCode => self.share(self.postcodes) >= 0.8,
            _ => false,
        }
    }

    /// Whether the cells are identifiers: codes, mostly distinct (a column of a few codes
    /// repeated is a category, or the ID of a parent such as a school's on its pupils).
    fn is_identifiers(&self) -> bool {
        self.cells >= MIN_JUDGED
            && self.share(self.codes) >= 0.8
            && self.share(self.distinct) >= 0.5
    }
}

/// Whether a cell reads as a code ([`ColumnProfile::codes`]).
fn looks_like_code(cell: &str) -> bool {
    let len = cell.chars().count();
    (3..=40).contains(&len)
        && cell.chars().any(|c| c.is_ascii_digit())
        && cell
            .chars()
            .all(|c| c.is_alphanumeric() || " -/.".contains(c))
        && cell.split_whitespace().count() <= 5
        && !crate::map::looks_like_email(cell)
        && !crate::map::looks_like_date(cell)
}

impl<'a> Profiler<'a> {
    /// Builds the word lists from `schemas/profile.toml` and `names.toml`'s given names.
    pub fn new(
        locale: &LocaleData,
        normalizer: &'a Normalizer,
        headers: &'a HeaderRules,
    ) -> Result<Profiler<'a>> {
        let file: ProfileFile = locale.parse("profile.toml")?;
        let given = latin_keys(file.given_names.values().flatten());
        Ok(Profiler {
            normalizer,
            headers,
            given,
            name_words: file.name_words.iter().map(|w| fold(w)).collect(),
            identifier_words: file.identifier_words.iter().map(|w| fold(w)).collect(),
            identifier_qualifiers: file.identifier_qualifiers.iter().map(|w| fold(w)).collect(),
            id_words: file.id_words.iter().map(|w| fold(w)).collect(),
        })
    }

    fn is_given_name(&self, word: &str) -> bool {
        let key = latin_key(word);
        !key.is_empty() && (self.given.contains(&key) || self.normalizer.is_given_name(word))
    }

    /// Reads one cell as a name: `(person, organisation)`. A legal form, a business word
    /// beside another word, `&` or a digit make it an organisation's; a kind of place
    /// (`Grill`, `Center`), an article or a possessive do where no given name stands at
    /// either end (`Jewel of India`, but `Marine Le Pen`, `John Hall`).
    fn judge_name(&self, cell: &str) -> (bool, bool) {
        let words: Vec<&str> = cell
            .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '(' || c == ')')
            .map(|w| w.trim_matches(|c: char| c == '.' || c == '"' || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        let definite = self.normalizer.is_company(cell)
            || cell.contains('&')
            || cell.chars().any(|c| c.is_ascii_digit());
        let weak = cell.contains("'s")
            || cell.contains("’s")
            || words
                .iter()
                .any(|w| self.normalizer.org_word_kind(w).is_some());
        // A given name opens or closes a person's name ("Ann Lee", "Lee, Ann", "LEE Ann B.").
        let ends = [words.first(), words.get(1), words.last()];
        let person = !definite && ends.iter().flatten().any(|w| self.is_given_name(w));
        (person, definite || (weak && !person))
    }

    /// Profiles column `column` over the sample rows.
    pub fn profile(&self, sample: &[&[String]], column: usize) -> ColumnProfile {
        let mut p = ColumnProfile::default();
        let mut seen: HashSet<&str> = HashSet::default();
        let addresses = self.normalizer.addresses();
        for row in sample {
            let Some(cell) = row.get(column).map(|c| c.trim()).filter(|c| !c.is_empty()) else {
                continue;
            };
            p.cells += 1;
            if seen.insert(cell) {
                p.distinct += 1;
            }
            if crate::map::looks_like_email(cell) {
                p.emails += 1;
            }
            if crate::map::looks_like_phone(cell) {
                p.phones += 1;
            }
            if looks_like_code(cell) {
                p.codes += 1;
            }
            if addresses.looks_like_street_line(cell) {
                p.streets += 1;
            }
            if addresses.fits_some_postcode(cell) {
                p.postcodes += 1;
                if addresses.country_of_postcode(cell).is_some() {
                    p.telling_postcodes += 1;
                }
            }
            let judged = cell.chars().any(|c| {
                c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{04FF}').contains(&c))
            });
            if judged {
                p.judged += 1;
                let (person, organisation) = self.judge_name(cell);
                p.people += usize::from(person);
                p.organisations += usize::from(organisation);
            }
        }
        p
    }

    /// Changes the targets of `mapping` where the sampled values say more than the headers;
    /// returns a finding per change.
    pub fn refine(
        &self,
        source: &str,
        mapping: &mut Mapping,
        sample: &[&[String]],
    ) -> Vec<Finding> {
        let profiles: Vec<ColumnProfile> = (0..mapping.columns.len())
            .map(|i| self.profile(sample, i))
            .collect();
        let mut findings = Vec::new();
        let mut change = |mapping: &mut Mapping, i: usize, field: Field, why: &str| {
            if let Some(c) = mapping.columns.get_mut(i) {
                findings.push(change_finding(source, c, Target::Field(field), why));
                c.target = Target::Field(field);
                c.how = MatchKind::Content;
            }
        };
        // E-mail and phone columns whose values are the other one.
        for (i, p) in profiles.iter().enumerate() {
            let Some(c) = mapping.columns.get(i) else {
                continue;
            };
            if c.how == MatchKind::Configured {
                continue;
            }
            let swapped = match c.target {
                Target::Field(Field::Email) if p.fits(Field::Phone) && p.share(p.emails) < 0.2 => {
                    Some(Field::Phone)
                }
                Target::Field(Field::Phone) if p.fits(Field::Email) && p.share(p.phones) < 0.2 => {
                    Some(Field::Email)
                }
                _ => None,
            };
            if let Some(f) = swapped.filter(|f| !mapping.has_field(*f)) {
                change(mapping, i, f, "its values, not its header");
            }
        }
        // A full-name column of organisations.
        if !mapping.has_field(Field::Organization) {
            let found = mapping.columns.iter().enumerate().position(|(i, c)| {
                c.how != MatchKind::Configured
                    && c.target == Target::Field(Field::FullName)
                    && profiles[i].is_organisations()
            });
            if let Some(i) = found {
                change(
                    mapping,
                    i,
                    Field::Organization,
                    "organisations' names, not people's",
                );
            }
        }
        // Unknown headers that name something: the organisation or the person, by the values.
        let named: Vec<usize> = mapping
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.how == MatchKind::Unmapped && self.names_something(&c.header))
            .map(|(i, _)| i)
            .collect();
        let most_distinct = |pick: &dyn Fn(&ColumnProfile) -> bool| {
            named
                .iter()
                .copied()
                .filter(|&i| pick(&profiles[i]))
                .max_by(|&a, &b| {
                    profiles[a]
                        .distinct
                        .cmp(&profiles[b].distinct)
                        .then(b.cmp(&a))
                })
        };
        let person_fields = [Field::FullName, Field::GivenName, Field::FamilyName];
        if !mapping.has_field(Field::Organization)
            && let Some(i) = most_distinct(&|p| !p.is_people() && p.judged >= MIN_JUDGED)
        {
            change(mapping, i, Field::Organization, "names of organisations");
        } else if !person_fields.iter().any(|f| mapping.has_field(*f))
            && let Some(i) = most_distinct(&ColumnProfile::is_people)
        {
            change(mapping, i, Field::FullName, "people's names");
        }
        // Unknown headers holding one word of a known one, when the values fit it.
        for (i, p) in profiles.iter().enumerate() {
            let Some(c) = mapping.columns.get(i) else {
                continue;
            };
            if c.how != MatchKind::Unmapped {
                continue;
            }
            let fitting: Vec<Field> = self
                .headers
                .word_hints(&c.header)
                .into_iter()
                .filter(|&f| p.fits(f))
                .collect();
            if let [f] = fitting[..]
                && !mapping.has_field(f)
            {
                change(
                    mapping,
                    i,
                    f,
                    &format!("a {} word in the header, and values that fit", f.name()),
                );
            }
        }
        // Postcodes of a shape only one country uses, under any header.
        if !mapping.has_field(Field::PostalCode) {
            let found = mapping.columns.iter().enumerate().position(|(i, c)| {
                let p = &profiles[i];
                c.how == MatchKind::Unmapped
                    && p.cells >= MIN_JUDGED
                    && p.share(p.telling_postcodes) >= 0.8
            });
            if let Some(i) = found {
                change(
                    mapping,
                    i,
                    Field::PostalCode,
                    "postcodes of one country's shape",
                );
            }
        }
        // Street lines under a header the mapper did not know (`addr`, `Location`).
        if !mapping.has_field(Field::AddressLine1) {
            let found = mapping.columns.iter().enumerate().position(|(i, c)| {
                let p = &profiles[i];
                c.how == MatchKind::Unmapped && p.cells >= MIN_JUDGED && p.share(p.streets) >= 0.6
            });
            if let Some(i) = found {
                change(mapping, i, Field::AddressLine1, "street lines");
            }
        }
        // Pass-through columns holding an outside registry's identifiers.
        for (i, p) in profiles.iter().enumerate() {
            let Some(c) = mapping.columns.get(i) else {
                continue;
            };
            // The header mapper reads a column of seven-digit numbers as phones by their
            // values alone; a header naming a registry's number says otherwise.
            let by_values_alone = c.how == MatchKind::Unmapped
                || (c.how == MatchKind::Content
                    && matches!(c.target, Target::Field(Field::Phone | Field::PhoneAlt)));
            if (c.target == Target::PassThrough || c.how == MatchKind::Content)
                && by_values_alone
                && p.is_identifiers()
                && self.names_identifier(&c.header)
            {
                findings.push(
                    Finding::new(
                        source,
                        0,
                        "header.identifier",
                        Severity::Info,
                        format!(
                            "column {:?} compared as an identifier (a registry's number in the \
                             header, and values that are codes)",
                            c.header
                        ),
                    )
                    .with_field(c.header.clone()),
                );
                mapping.identifiers.push(c.header.clone());
                if let Some(c) = mapping.columns.get_mut(i) {
                    c.target = Target::PassThrough;
                    c.how = MatchKind::Content;
                }
            }
        }
        findings
    }

    /// Maps a read table's columns: headers first ([`crate::map::map_table_headers`]), then
    /// the values ([`Profiler::refine`]); with the mapping's findings.
    pub fn map_columns(
        &self,
        table: &SourceTable,
        overrides: &BTreeMap<String, String>,
    ) -> (Mapping, Vec<Finding>) {
        let mut mapping = map_table_headers(self.headers, table, overrides);
        let sample: Vec<&[String]> = table
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|r| r.cells.as_slice())
            .collect();
        let mut findings = self.refine(&table.name, &mut mapping, &sample);
        let refined: Vec<&str> = findings.iter().map(|f| f.field.as_str()).collect();
        let from_headers: Vec<Finding> = mapping_findings(&table.name, &mapping)
            .into_iter()
            .filter(|f| !(f.code == "header.by_content" && refined.contains(&f.field.as_str())))
            .collect();
        findings.splice(0..0, from_headers);
        let missing = crate::column_check::missing_columns(&table.name, &table.headers, overrides);
        findings.splice(0..0, missing);
        (mapping, findings)
    }

    /// Whether a header names an outside registry's identifier: one of `identifier_words`
    /// (`SSN`, `License #`), or a qualifier with a word for a number (`soc_sec_id`,
    /// `Company number`, `CPS School ID`).
    fn names_identifier(&self, header: &str) -> bool {
        let folded = fold(header);
        let words: Vec<&str> = folded.split(' ').collect();
        let has = |list: &[String]| {
            list.iter().any(|n| {
                if n.contains(' ') {
                    folded.contains(n.as_str())
                } else {
                    words.contains(&n.as_str())
                }
            })
        };
        has(&self.identifier_words) || (has(&self.identifier_qualifiers) && has(&self.id_words))
    }

    /// Whether a header has a word meaning "name" (`Site name`, `Nom du magasin`).
    fn names_something(&self, header: &str) -> bool {
        let folded = fold(header);
        folded
            .split(' ')
            .any(|w| self.name_words.iter().any(|n| n == w))
            || self
                .name_words
                .iter()
                .any(|n| n.contains(' ') && folded.contains(n.as_str()))
    }
}

fn change_finding(source: &str, c: &ColumnMap, target: Target, why: &str) -> Finding {
    let was = match c.how {
        MatchKind::Unmapped => "an unknown header".to_string(),
        _ => format!("its header ({})", c.target.name()),
    };
    Finding::new(
        source,
        0,
        "header.by_content",
        Severity::Info,
        format!(
            "column {:?} read as {} from its values ({why}; {was})",
            c.header,
            target.name()
        ),
    )
    .with_field(c.header.clone())
}
