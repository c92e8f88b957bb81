//! Normalisation: turns each row's raw mapped values into clean, comparable canonical values, per the row's country.
//!
//! Each field has its own module with pure functions and a `*Normalizer` built from the
//! `schemas/` data. `Normalizer::apply` runs them in a fixed order on one record: country
//! first (it decides the row's locale), then the fields that depend on it.

pub mod address;
pub mod country;
pub mod date;
pub mod descriptive;
pub mod email;
pub mod name;
pub mod org;
pub mod phone;
pub mod source_order;
pub mod text;
pub mod translit;

use crate::config::NameOrder;
use crate::error::Result;
use crate::finding::Issue;
use crate::locale::LocaleData;
use crate::record::{Country, Record};
use serde::{Deserialize, Serialize};

/// User options for normalisation (`[normalize]` in `steward.toml`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NormalizeOptions {
    /// Rewrite likely e-mail domain typos (`gmial.com`) instead of only reporting them.
    pub fix_email_typos: bool,
}

/// What a normaliser knows about the row besides its values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowContext {
    /// The source's default country, used when the row has no country column.
    pub default_country: Option<Country>,
    /// Whether the default was sniffed from the file's rows (a majority vote, which a row's
    /// own evidence may overrule) rather than configured.
    pub default_country_sniffed: bool,
    /// Order of parts in the source's full-name column.
    pub name_order: NameOrder,
    /// Day/month order the source's own date cells prove, if they do.
    pub date_order: Option<date::FieldOrder>,
}

/// Every field normaliser, built once per run and shared across threads.
pub struct Normalizer {
    country: country::CountryNormalizer,
    phone: phone::PhoneNormalizer,
    email: email::EmailNormalizer,
    name: name::NameNormalizer,
    org: org::OrgNormalizer,
    address: address::AddressNormalizer,
    date: date::DateNormalizer,
}

impl Normalizer {
    /// Builds every normaliser from the schema data.
    pub fn new(locale: &LocaleData, options: &NormalizeOptions) -> Result<Normalizer> {
        Ok(Normalizer {
            country: country::CountryNormalizer::from_locale(locale)?,
            phone: phone::PhoneNormalizer::from_locale(locale)?,
            email: email::EmailNormalizer::from_locale(locale, options)?,
            name: name::NameNormalizer::from_locale(locale)?,
            org: org::OrgNormalizer::from_locale(locale)?,
            address: address::AddressNormalizer::from_locale(locale)?,
            date: date::DateNormalizer::from_locale(locale)?,
        })
    }

    /// The date normaliser, for sniffing a source's date order.
    pub fn dates(&self) -> &date::DateNormalizer {
        &self.date
    }

    /// The name normaliser, for sniffing a source's name order.
    pub fn names(&self) -> &name::NameNormalizer {
        &self.name
    }

    /// The address rules, for the postcode and region clues of source sniffing.
    pub fn addresses(&self) -> &address::AddressNormalizer {
        &self.address
    }

    /// Whether `word` is a known given name (`names.toml`), for column profiles.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.name.is_given_name(word)
    }

    /// Whether a name cell holds a company (a legal form, or a business word beside another).
    pub fn is_company(&self, text: &str) -> bool {
        self.org.is_company(text)
    }

    /// What one word says about a name being an organisation's, for column profiles.
    pub fn org_word_kind(&self, word: &str) -> Option<org::WordKind> {
        self.org.word_kind(word)
    }

    /// The country table, shared with source sniffing.
    pub fn countries(&self) -> &country::CountryNormalizer {
        &self.country
    }

    /// Normalises one record in place: fills `values`, `keys` and `country` from `raw`.
    pub fn apply(&self, rec: &mut Record, ctx: &RowContext, issues: &mut Vec<Issue>) {
        let own_country = self.country.apply(rec, ctx, issues);
        if rec.country.is_none() {
            self.infer_country(rec, issues);
        } else if !own_country && ctx.default_country_sniffed {
            self.overrule_sniffed_country(rec, issues);
        }
        self.move_company_out_of_name(rec, issues);
        self.phone.apply(rec, ctx, issues);
        self.email.apply(rec, ctx, issues);
        self.name.apply(rec, ctx, issues);
        self.org.apply(rec, ctx, issues);
        self.address.apply(rec, ctx, issues);
        self.date.apply(rec, ctx, issues);
        descriptive::apply(rec, issues);
    }

    /// A row with no country of its own in a file without a default takes the one its own
    /// cells show ([`crate::context::row_country`]), reported as `country.inferred`: without
    /// it, a national phone number cannot be read at all.
    fn infer_country(&self, rec: &mut Record, issues: &mut Vec<Issue>) {
        use crate::record::Field;
        let evidence = crate::context::RowEvidence {
            names: [
                Field::GivenName,
                Field::FamilyName,
                Field::FullName,
                Field::AddressLine1,
                Field::Locality,
            ]
            .iter()
            .map(|f| rec.raw.get(*f))
            .collect(),
            phones: vec![rec.raw.get(Field::Phone), rec.raw.get(Field::PhoneAlt)],
            region: rec.raw.get(Field::Region),
            postcode: rec.raw.get(Field::PostalCode),
            email: rec.raw.get(Field::Email),
        };
        let found = crate::context::row_country(&evidence, &self.country, &self.address);
        if let Some((country, why)) = found {
            let message = format!("no country in the row or for its file; {why} says {country}");
            set_inferred_country(rec, country, message, issues);
        }
    }

    /// A row of a file whose default country was sniffed (the majority of its rows) takes
    /// the country its phones are written in when every phone on it carries the calling code
    /// of one other country: a customer in Barcelona on a Kyiv branch's list (`+34 …`) is
    /// Spanish, and read as Ukrainian would have its postcode rejected and its name keyed as
    /// a Ukrainian one. A phone written nationally is read in the file's country, so then
    /// the default stands; names and e-mail domains never overrule the vote (Russian
    /// spellings are common in Ukraine, and `.de` mailboxes everywhere). A configured
    /// default is the user's word and is never overruled. Reported as `country.inferred`.
    fn overrule_sniffed_country(&self, rec: &mut Record, issues: &mut Vec<Issue>) {
        use crate::record::Field;
        let mut found: Option<Country> = None;
        for phone in [rec.raw.get(Field::Phone), rec.raw.get(Field::PhoneAlt)] {
            if !phone.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            match crate::context::phone_country(phone) {
                Some(c) if found.is_none_or(|f| f == c) => found = Some(c),
                _ => return,
            }
        }
        let Some(country) = found.filter(|c| Some(*c) != rec.country) else {
            return;
        };
        let default = rec.country.map(|c| c.to_string()).unwrap_or_default();
        let message = format!(
            "no country in the row; its file's rows are mostly {default}, but its phone's calling code says {country}"
        );
        set_inferred_country(rec, country, message, issues);
    }

    /// A name column that holds a company ("ТОВ «Ромашка»", "หจก. พรสีมา ซัพพลาย จำกัด",
    /// "Acme GmbH", "Kowalski Transport") is moved to `organization` when that is empty: a
    /// legal form or a business word is proof. A name that only names a desk ("Sales Team",
    /// "Accounts Payable") is taken out of the name columns: it is nobody's name, and two
    /// companies' sales teams are not one customer.
    fn move_company_out_of_name(&self, rec: &mut Record, issues: &mut Vec<Issue>) {
        use crate::record::Field;
        let names = [Field::FullName, Field::GivenName, Field::FamilyName];
        let mut written = names
            .iter()
            .map(|f| rec.raw.get(*f))
            .filter(|t| !t.is_empty())
            .peekable();
        if written.peek().is_some() && written.all(|t| self.org.is_desk(t)) {
            for field in names {
                let moved = rec.raw.take(field);
                if !moved.is_empty() {
                    issues.push(Issue::info(
                        field,
                        "name.is_desk",
                        &moved,
                        "a department or desk in a person-name column is not matched as a name",
                    ));
                }
            }
            return;
        }
        if rec.raw.has(Field::Organization) {
            return;
        }
        for field in names {
            let text = rec.raw.get(field);
            if text.is_empty() || !self.org.is_company(text) {
                continue;
            }
            let moved = rec.raw.take(field);
            issues.push(Issue::info(
                field,
                "name.is_organization",
                &moved,
                "a company name in a person-name column was moved to organization",
            ));
            rec.raw.set(Field::Organization, moved);
            return;
        }
    }

    /// Runs one field's normaliser by name (`phone`, `email`, `name`, `organization`,
    /// `address`, `date`, `country`); for benchmarks and tools that profile one field.
    pub fn apply_field(
        &self,
        field: &str,
        rec: &mut Record,
        ctx: &RowContext,
        issues: &mut Vec<Issue>,
    ) {
        match field {
            "country" => {
                self.country.apply(rec, ctx, issues);
            }
            "phone" => self.phone.apply(rec, ctx, issues),
            "email" => self.email.apply(rec, ctx, issues),
            "name" => self.name.apply(rec, ctx, issues),
            "organization" => self.org.apply(rec, ctx, issues),
            "address" => self.address.apply(rec, ctx, issues),
            "date" => self.date.apply(rec, ctx, issues),
            _ => {}
        }
    }
}

/// Gives a row the country its own cells show, reported as `country.inferred`.
fn set_inferred_country(
    rec: &mut Record,
    country: Country,
    message: String,
    issues: &mut Vec<Issue>,
) {
    use crate::record::Field;
    rec.country = Some(country);
    rec.values.set(Field::Country, country.to_string());
    issues.push(Issue::info(Field::Country, "country.inferred", "", message));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Field;

    /// A plausible raw value for each canonical field, in a German row.
    fn sample(field: Field) -> &'static str {
        match field {
            Field::Salutation => "Frau",
            Field::GivenName => "Anna",
            Field::MiddleName => "Maria",
            Field::FamilyName => "Schmidt",
            Field::FullName => "Anna Maria Schmidt",
            Field::Organization => "Muster GmbH",
            Field::JobTitle => "Einkauf",
            Field::Department => "Vertrieb",
            Field::Website => "www.muster.de",
            Field::Email => "anna@muster.de",
            Field::EmailAlt => "anna.schmidt@web.de",
            Field::Phone => "030 1234567",
            Field::PhoneExt => "12",
            Field::PhoneType => "work",
            Field::PhoneAlt => "0151 23456789",
            Field::AddressLine1 => "Hauptstr. 5",
            Field::AddressLine2 => "Hinterhaus",
            Field::Locality => "Berlin",
            Field::District => "Mitte",
            Field::Region => "Berlin",
            Field::PostalCode => "10115",
            Field::Country => "Deutschland",
            Field::CreatedAt => "2024-03-01",
            Field::BirthDate => "1980-02-29",
            Field::BirthPlace => "Hamburg",
            Field::EmailOptIn => "ja",
            Field::DoNotCall => "nein",
            Field::Owner => "Jan Vogel",
            Field::LeadSource => "Messe",
            Field::Notes => "Rückruf erbeten",
            Field::SourceRecordId => "K-1001",
        }
    }

    #[test]
    fn every_field_has_a_normaliser_that_keeps_a_plausible_value() {
        let n = Normalizer::new(&LocaleData::default(), &NormalizeOptions::default())
            .expect("normalizer");
        let mut rec = Record::default();
        for f in Field::ALL {
            rec.raw.set(f, sample(f));
        }
        let mut issues = Vec::new();
        n.apply(&mut rec, &RowContext::default(), &mut issues);
        for f in Field::ALL {
            assert!(
                rec.values.has(f),
                "{f}: {:?} normalised to nothing",
                sample(f)
            );
        }
    }

    #[test]
    fn a_row_without_a_country_takes_the_one_its_cells_show() {
        let n = Normalizer::new(&LocaleData::default(), &NormalizeOptions::default())
            .expect("normalizer");
        let run = |cells: &[(Field, &str)]| {
            let mut rec = Record::default();
            for (f, v) in cells {
                rec.raw.set(*f, *v);
            }
            let mut issues = Vec::new();
            n.apply(&mut rec, &RowContext::default(), &mut issues);
            (rec, issues)
        };
        // A Dynamics row with an empty country: the voivodeship says Poland, and the
        // national mobile number is read as Polish.
        let (rec, issues) = run(&[
            (Field::FullName, "Katarzyna Kowalczyk"),
            (Field::Phone, "799 409 015"),
            (Field::Region, "Mazowieckie"),
        ]);
        assert_eq!(rec.values.get(Field::Country), "PL");
        assert_eq!(rec.values.get(Field::Phone), "+48799409015");
        assert!(issues.iter().any(|i| i.code == "country.inferred"));
        // The script of the name outranks an e-mail domain; an e-mail domain alone decides.
        let (rec, _) = run(&[
            (Field::FullName, "Ірина Коваль"),
            (Field::Email, "iryna@firma.de"),
        ]);
        assert_eq!(rec.values.get(Field::Country), "UA");
        let (rec, _) = run(&[(Field::FullName, "Anna Lee"), (Field::Email, "anna@wp.pl")]);
        assert_eq!(rec.values.get(Field::Country), "PL");
        // Nothing to go by: no country, and no finding.
        let (rec, issues) = run(&[(Field::FullName, "Anna Lee"), (Field::Phone, "799 409 015")]);
        assert_eq!(rec.values.get(Field::Country), "");
        assert!(!issues.iter().any(|i| i.code == "country.inferred"));
        // A row's own country column is never second-guessed.
        let (rec, issues) = run(&[(Field::Country, "Ukraine"), (Field::Region, "Mazowieckie")]);
        assert_eq!(rec.values.get(Field::Country), "UA");
        assert!(!issues.iter().any(|i| i.code == "country.inferred"));
    }

    #[test]
    fn a_row_of_a_branch_file_keeps_the_country_its_phones_are_written_in() {
        let n = Normalizer::new(&LocaleData::default(), &NormalizeOptions::default())
            .expect("normalizer");
        let run = |sniffed: bool, cells: &[(Field, &str)]| {
            let mut rec = Record::default();
            for (f, v) in cells {
                rec.raw.set(*f, *v);
            }
            let ctx = RowContext {
                default_country: Country::new("UA"),
                default_country_sniffed: sniffed,
                ..RowContext::default()
            };
            let mut issues = Vec::new();
            n.apply(&mut rec, &ctx, &mut issues);
            let inferred = issues.iter().any(|i| i.code == "country.inferred");
            (rec.values.get(Field::Country).to_string(), inferred)
        };
        // A Spanish customer on a Kyiv branch's list: the phone, behind its label, says Spain.
        let spanish = [
            (Field::FullName, "Elena Luna Manrique"),
            (Field::Phone, "моб. +34748142787"),
            (Field::Locality, "BARCELONA"),
        ];
        assert_eq!(run(true, &spanish), ("ES".to_string(), true));
        // A configured default is the user's word.
        assert_eq!(run(false, &spanish), ("UA".to_string(), false));
        // A number written nationally is read in the file's country; so is a row whose
        // phones name two countries.
        let national = [(Field::Phone, "(095) 458-94-41")];
        assert_eq!(run(true, &national), ("UA".to_string(), false));
        let two = [
            (Field::Phone, "+34748142787"),
            (Field::PhoneAlt, "+380954589441"),
        ];
        assert_eq!(run(true, &two), ("UA".to_string(), false));
        // A Ukrainian number changes nothing; neither does a Russian spelling of a name.
        let home = [
            (Field::FullName, "Васильев Пётр"),
            (Field::Phone, "+380954589441"),
        ];
        assert_eq!(run(true, &home), ("UA".to_string(), false));
    }

    #[test]
    fn company_in_a_name_column_moves_to_organization() {
        let n = Normalizer::new(&LocaleData::default(), &NormalizeOptions::default())
            .expect("normalizer");
        for name in [
            "หจก. พรสีมา ซัพพลาย จำกัด",
            "ТОВ «Ромашка»",
            "Acme Widgets GmbH",
            "Fox, Haynes and Richmond Partners 412",
        ] {
            let mut rec = Record::default();
            rec.raw.set(Field::GivenName, name);
            let mut issues = Vec::new();
            n.apply(&mut rec, &RowContext::default(), &mut issues);
            assert!(rec.values.has(Field::Organization), "{name}");
            assert!(!rec.values.has(Field::GivenName), "{name}");
            assert!(issues.iter().any(|i| i.code == "name.is_organization"));
        }
        let mut desk = Record::default();
        desk.raw.set(Field::GivenName, "Sales");
        desk.raw.set(Field::FamilyName, "Team");
        desk.raw.set(
            Field::Organization,
            "Haynes and Richmond Holdings 527 Corp.",
        );
        let mut issues = Vec::new();
        n.apply(&mut desk, &RowContext::default(), &mut issues);
        assert!(!desk.values.has(Field::GivenName) && !desk.values.has(Field::FamilyName));
        assert!(desk.values.has(Field::Organization));
        assert!(issues.iter().any(|i| i.code == "name.is_desk"));
        let mut person = Record::default();
        person.raw.set(Field::FullName, "Anna Schmidt");
        n.apply(&mut person, &RowContext::default(), &mut Vec::new());
        assert_eq!(person.values.get(Field::Organization), "");
    }
}
