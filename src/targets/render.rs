//! Rendering accounts and contacts as a target's rows: values resolved, formatted, fallen back
//! on and fitted to the column's limit, each change a finding.

use super::profile::{Column, Format, Object, Overflow, Profile};
use crate::accounts::{Account, AccountBook, Role};
use crate::finding::{Finding, Severity};
use crate::record::Field;
use crate::survive::Golden;

/// One object's rows, in the target's columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A value changed to fit the target, for `README.txt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The customer or account the row is (`C…`, `A…`).
    pub id: String,
    /// The target column.
    pub column: String,
    /// What happened, for a person (`cut from 93 to 80 characters`).
    pub what: String,
}

/// What a rendering had to change: for `README.txt`, and as findings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    pub changes: Vec<Change>,
    pub findings: Vec<Finding>,
}

/// A target's accounts and contacts as rows in memory, with what had to change (for tests and
/// small runs; the writer streams with [`render_rows`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    pub accounts: Rows,
    pub contacts: Rows,
    pub notes: Notes,
}

/// What a rendering reads.
pub struct Sources<'a> {
    pub golden: &'a [Golden],
    pub book: &'a AccountBook,
    /// A country's English name by ISO code (empty when unknown).
    pub country_name: &'a dyn Fn(&str) -> String,
    /// The source and row a finding about a golden customer points at.
    pub place: &'a dyn Fn(usize) -> (String, u64),
}

/// One row's record: an account or a golden contact.
enum Entity<'a> {
    Account(&'a Account),
    Contact(usize),
}

/// Renders every account (by `account_id`) and every contact (by `customer_id`) in memory.
pub fn render(profile: &Profile, src: &Sources<'_>) -> Rendered {
    let mut out = Rendered::default();
    for object in [Object::Account, Object::Contact] {
        let mut rows = Rows {
            header: header(profile, object),
            rows: Vec::new(),
        };
        let collected = render_rows(profile, object, src, &mut out.notes, &mut |row| {
            rows.rows.push(row.to_vec());
            Ok(())
        });
        debug_assert!(collected.is_ok(), "collecting rows cannot fail");
        match object {
            Object::Account => out.accounts = rows,
            Object::Contact => out.contacts = rows,
        }
    }
    out
}

/// The object's header: the target's column names.
pub fn header(profile: &Profile, object: Object) -> Vec<String> {
    profile
        .object(object)
        .columns
        .iter()
        .map(|c| c.column.clone())
        .collect()
}

/// Renders the object's rows one at a time into `sink` (accounts by `account_id`, contacts by
/// `customer_id`), adding what had to change to `notes`.
pub fn render_rows(
    profile: &Profile,
    object: Object,
    src: &Sources<'_>,
    notes: &mut Notes,
    sink: &mut dyn FnMut(&[String]) -> crate::error::Result<()>,
) -> crate::error::Result<()> {
    let spec = profile.object(object);
    let entities: Vec<Entity> = match object {
        Object::Account => src.book.accounts.iter().map(Entity::Account).collect(),
        Object::Contact => src
            .book
            .contacts(src.golden)
            .into_iter()
            .map(Entity::Contact)
            .collect(),
    };
    let mut row: Vec<String> = Vec::with_capacity(spec.columns.len());
    for entity in &entities {
        let mut cell = Cell {
            profile,
            object: &spec.object,
            entity,
            src,
            notes: &mut *notes,
        };
        row.clear();
        row.extend(spec.columns.iter().map(|c| cell.value(c)));
        sink(&row)?;
    }
    Ok(())
}

/// Fills one row's cells, recording what it changed.
struct Cell<'a, 'b> {
    profile: &'a Profile,
    object: &'a str,
    entity: &'a Entity<'a>,
    src: &'a Sources<'a>,
    notes: &'b mut Notes,
}

impl Cell<'_, '_> {
    /// The column's value: its field, else (when required) its fallbacks in order, formatted
    /// and fitted to the column's limit.
    fn value(&mut self, column: &Column) -> String {
        let tried: Vec<&str> = if column.required {
            std::iter::once(column.field.as_str())
                .chain(column.fallback.iter().map(String::as_str))
                .collect()
        } else {
            vec![column.field.as_str()]
        };
        for (i, field) in tried.iter().enumerate() {
            let value = self.formatted(field, column.format);
            if value.is_empty() {
                continue;
            }
            let Some(value) = self.fitted(column, field, value) else {
                continue;
            };
            if i > 0 {
                let note = Note {
                    code: "target.required_fallback",
                    severity: Severity::Info,
                    raw: "",
                    suggestion: &value,
                    what: format!("{} is empty; {field} written instead", column.field),
                    message: format!(
                        "{} {}.{} is required and {} has no {}; its {field} was written instead",
                        self.profile.label,
                        self.object,
                        column.column,
                        self.described(),
                        column.field
                    ),
                };
                self.record(column, field, note);
            }
            return value;
        }
        if column.required {
            let note = Note {
                code: "target.required_missing",
                severity: Severity::Warning,
                raw: "",
                suggestion: "",
                what: "required and empty".to_string(),
                message: format!(
                    "{} {}.{} is required and {} has no value for it; the target will refuse the row",
                    self.profile.label,
                    self.object,
                    column.column,
                    self.described()
                ),
            };
            self.record(column, &column.field, note);
        }
        String::new()
    }

    /// `value` within the column's limit: cut, or `None` when it is left out.
    fn fitted(&mut self, column: &Column, field: &str, value: String) -> Option<String> {
        let Some(max) = column.max else {
            return Some(value);
        };
        let length = value.chars().count();
        if length <= max {
            return Some(value);
        }
        match column.overflow {
            Overflow::Cut => {
                let cut: String = value
                    .chars()
                    .take(max)
                    .collect::<String>()
                    .trim_end()
                    .to_string();
                let note = Note {
                    code: "target.value_cut",
                    severity: Severity::Warning,
                    raw: &value,
                    suggestion: &cut,
                    what: format!("cut from {length} to {max} characters"),
                    message: format!(
                        "{} {}.{} takes at most {max} characters: {}'s {field} ({length} characters) was cut",
                        self.profile.label,
                        self.object,
                        column.column,
                        self.described()
                    ),
                };
                self.record(column, field, note);
                Some(cut)
            }
            Overflow::Omit => {
                let note = Note {
                    code: "target.value_omitted",
                    severity: Severity::Warning,
                    raw: &value,
                    suggestion: "",
                    what: format!("left out: {length} characters, the column takes {max}"),
                    message: format!(
                        "{} {}.{} takes at most {max} characters: {}'s {field} ({length} characters) was left out, a cut one would be wrong",
                        self.profile.label,
                        self.object,
                        column.column,
                        self.described()
                    ),
                };
                self.record(column, field, note);
                None
            }
        }
    }

    /// The entity's value of `field`, written per `format`.
    fn formatted(&self, field: &str, format: Format) -> String {
        let raw = self.resolve(field);
        let raw = raw.as_ref();
        match format {
            Format::AsIs => raw.to_string(),
            Format::CountryName if !raw.is_empty() => {
                let name = (self.src.country_name)(raw);
                if name.is_empty() {
                    raw.to_string()
                } else {
                    name
                }
            }
            Format::CountryName => String::new(),
            Format::Date => date_in(raw, &self.profile.date_format),
            Format::Negated => match raw {
                "true" => "false".to_string(),
                "false" => "true".to_string(),
                other => other.to_string(),
            },
        }
    }

    /// The entity's value of a canonical field or pseudo-field.
    fn resolve(&self, field: &str) -> std::borrow::Cow<'_, str> {
        if field == "street" {
            let lines = [Field::AddressLine1, Field::AddressLine2].map(|f| self.resolve(f.name()));
            let lines: Vec<&str> = lines
                .iter()
                .map(|l| l.as_ref())
                .filter(|l| !l.is_empty())
                .collect();
            return std::borrow::Cow::Owned(lines.join(", "));
        }
        std::borrow::Cow::Borrowed(self.resolve_one(field))
    }

    /// The entity's value of a canonical field or of a pseudo-field that is one value.
    fn resolve_one(&self, field: &str) -> &str {
        let golden = self.src.golden;
        match self.entity {
            Entity::Contact(g) => {
                let account = match self.src.book.roles.get(*g) {
                    Some(Role::Contact(Some(a))) => self.src.book.accounts.get(*a),
                    _ => None,
                };
                match field {
                    "customer_id" => &golden[*g].customer_id,
                    "account_id" => account.map_or("", |a| a.account_id.as_str()),
                    "linked_account_name" => {
                        account.map_or("", |a| a.values.get(Field::Organization))
                    }
                    _ => Field::from_name(field).map_or("", |f| golden[*g].values.get(f)),
                }
            }
            Entity::Account(a) => match field {
                "customer_id" => a
                    .customers
                    .first()
                    .map_or("", |&g| golden[g].customer_id.as_str()),
                "account_id" => &a.account_id,
                "linked_account_name" => a.values.get(Field::Organization),
                _ => Field::from_name(field).map_or("", |f| a.values.get(f)),
            },
        }
    }

    /// `customer C…` or `account A…`.
    fn described(&self) -> String {
        match self.entity {
            Entity::Contact(g) => format!("customer {}", self.src.golden[*g].customer_id),
            Entity::Account(a) => format!("account {}", a.account_id),
        }
    }

    fn id(&self) -> String {
        match self.entity {
            Entity::Contact(g) => self.src.golden[*g].customer_id.clone(),
            Entity::Account(a) => a.account_id.clone(),
        }
    }

    fn place(&self) -> (String, u64) {
        let anchor = match self.entity {
            Entity::Contact(g) => Some(*g),
            Entity::Account(a) => a.anchor(),
        };
        anchor.map_or((String::new(), 0), self.src.place)
    }

    /// Records a change: a finding naming the customer and field, and a line for README.txt.
    fn record(&mut self, column: &Column, field: &str, note: Note) {
        let (source, row) = self.place();
        let mut finding = Finding::new(&source, row, note.code, note.severity, note.message)
            .with_field(field)
            .with_raw(note.raw);
        finding.suggestion = note.suggestion.to_string();
        self.notes.findings.push(finding);
        self.notes.changes.push(Change {
            id: self.id(),
            column: column.column.clone(),
            what: note.what,
        });
    }
}

/// One change to a value, before it is placed.
struct Note<'a> {
    code: &'static str,
    severity: Severity,
    /// The value as Steward holds it.
    raw: &'a str,
    /// The value written.
    suggestion: &'a str,
    what: String,
    message: String,
}

/// An ISO date (`1984-02-29`, a time after it ignored) in `format` (`DD/MM/YYYY`); anything
/// else as it is.
pub fn date_in(value: &str, format: &str) -> String {
    let b = value.as_bytes();
    let iso = b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !iso {
        return value.to_string();
    }
    format
        .replace("YYYY", &value[0..4])
        .replace("MM", &value[5..7])
        .replace("DD", &value[8..10])
}
