//! Component columns (locality, district, region, postcode) and the merge of columns with free text.

use super::casing::fix_case;
use super::rules::{CountryRules, Layout, Role};
use super::{ParsedAddress, Parts, has_thai, postcode, thai, ukrainian};
use crate::finding::Issue;
use crate::record::Field;

/// The explicit component columns, normalised.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Explicit {
    pub locality: String,
    pub district: String,
    pub region: String,
    pub postcode: String,
}

/// Normalises the cleaned `[locality, district, region, postcode]` columns. An invalid postcode
/// is reported and left empty; a postcode inside the locality column (`75008 Paris`) is taken out.
pub fn explicit(columns: [&str; 4], rules: &CountryRules, issues: &mut Vec<Issue>) -> Explicit {
    let [locality, district, region, postal_code] = columns;
    let mut out = Explicit::default();
    if !postal_code.is_empty() {
        match rules.format_postcode(postal_code) {
            Some(code) => out.postcode = code,
            None => issues.push(
                Issue::warning(
                    Field::PostalCode,
                    "address.postcode_invalid",
                    postal_code,
                    "The postcode does not match the country's postcode format; it was left empty.",
                )
                .with_suggestion(""),
            ),
        }
    }
    let mut locality = locality.to_string();
    if let Some(found) = postcode::find(&locality, rules, false, &out.postcode)
        && (out.postcode.is_empty() || out.postcode == found.postcode)
    {
        out.postcode = found.postcode;
        locality = found
            .rest
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
    }
    out.locality = component(&locality, Role::Locality, rules);
    out.district = component(district, Role::District, rules);
    out.region = component(region, Role::Region, rules);
    out
}

/// One component column in its display form.
pub fn component(text: &str, role: Role, rules: &CountryRules) -> String {
    if text.is_empty() {
        return String::new();
    }
    match rules.layout {
        Layout::Thai if has_thai(text) => thai::display_component(text, role, rules),
        Layout::Ukrainian => ukrainian::display_component(text, role, rules),
        _ if role == Role::Region => match rules.region(text) {
            Some(region) => region.to_string(),
            None => fix_case(text, rules),
        },
        _ => fix_case(text, rules),
    }
}

/// Fills `out` from the explicit columns and the free-text parts. A column wins over the free
/// text; a free-text part that disagrees with its column goes to line2 rather than being lost.
pub fn finish(out: &mut ParsedAddress, explicit: Explicit, mut free: Parts, rules: &CountryRules) {
    let mut displaced = Vec::new();
    out.locality = pick(explicit.locality, free.locality, &mut displaced);
    out.district = pick(explicit.district, free.district, &mut displaced);
    out.region = pick(explicit.region, free.region, &mut displaced);
    out.postal_code = pick(explicit.postcode, free.postcode, &mut displaced);
    free.line2.extend(displaced);
    out.line1 = free.line1.join(", ");
    out.line2 = free.line2.join(", ");
    if out.line1.is_empty() && !out.line2.is_empty() {
        out.line1 = std::mem::take(&mut out.line2);
    }
    if rules.layout == Layout::Thai {
        thai::check_province(&mut out.region, &out.postal_code, rules, &mut out.issues);
    }
}

fn pick(column: String, found: String, displaced: &mut Vec<String>) -> String {
    if column.is_empty() {
        return found;
    }
    if !found.is_empty() && found.to_lowercase() != column.to_lowercase() {
        displaced.push(found);
    }
    column
}
