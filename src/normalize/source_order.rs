//! What a source's own cells prove about its name order and date order, for the whole source.

use super::Normalizer;
use crate::config::NameOrder;
use crate::normalize::date::FieldOrder;
use crate::record::{Country, Field, Record};

/// Full names the evidence must decide, all one way, before a source's name order is called.
const MIN_DECIDED_NAMES: usize = 3;

/// The day/month order the source's date cells prove (`created_at`, `birth_date`), if any.
pub fn date_order(normalizer: &Normalizer, records: &[Record]) -> Option<FieldOrder> {
    normalizer.dates().sniff_order(
        records
            .iter()
            .flat_map(|r| [r.raw.get(Field::CreatedAt), r.raw.get(Field::BirthDate)]),
    )
}

/// The order of the source's full-name cells: `GivenFirst` or `FamilyFirst` when at least
/// [`MIN_DECIDED_NAMES`] cells are decided by their own evidence and every decided one reads
/// the same way; `Auto` otherwise (the order is then left to each value).
pub fn name_order(
    normalizer: &Normalizer,
    records: &[Record],
    default_country: Option<Country>,
) -> NameOrder {
    let (mut given_first, mut family_first) = (0usize, 0usize);
    for rec in records {
        let full = rec.raw.get(Field::FullName);
        if full.trim().is_empty() {
            continue;
        }
        match normalizer.names().evidence_order(full, default_country) {
            Some(NameOrder::GivenFirst) => given_first += 1,
            Some(NameOrder::FamilyFirst) => family_first += 1,
            _ => {}
        }
    }
    match (given_first, family_first) {
        (n, 0) if n >= MIN_DECIDED_NAMES => NameOrder::GivenFirst,
        (0, n) if n >= MIN_DECIDED_NAMES => NameOrder::FamilyFirst,
        _ => NameOrder::Auto,
    }
}
