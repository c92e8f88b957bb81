//! An account's values: the organisation-only customer's own, else what its contacts agree on.

use crate::fields::ADDRESS_BLOCK as ADDRESS;
use crate::record::{Field, Values};
use crate::survive::Golden;
use std::collections::BTreeMap;

/// The account's values. With organisation-only customers (by `customer_id`), all of the first
/// one's (name, address, phone, e-mail, website, notes…; the group's country when it has
/// none). Built from contacts alone: the name most of them
/// write (ties: the smallest), the address block only when every contact with an address has
/// the same one (a person's own address is not their employer's unless all agree), no phone
/// or e-mail (a person's line is their own), and the group's country.
pub fn account_values(
    golden: &[Golden],
    customers: &[usize],
    contacts: &[usize],
    country: &str,
) -> Values {
    if let Some(&first) = customers.first() {
        let mut values = golden[first].values.clone();
        if !values.has(Field::Country) {
            values.set(Field::Country, country);
        }
        return values;
    }
    let mut values = Values::default();
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for &g in contacts {
        *names
            .entry(golden[g].values.get(Field::Organization))
            .or_default() += 1;
    }
    let name = names
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map_or("", |(n, _)| *n);
    values.set(Field::Organization, name);
    // The country is the group's: a contact without one may have joined it.
    let street_and_town: Vec<Field> = ADDRESS
        .into_iter()
        .filter(|f| *f != Field::Country)
        .collect();
    let mut blocks = contacts
        .iter()
        .map(|&g| {
            street_and_town
                .iter()
                .map(|&f| golden[g].values.get(f))
                .collect::<Vec<_>>()
        })
        .filter(|block| block.iter().any(|v| !v.is_empty()));
    if let Some(first) = blocks.next()
        && blocks.all(|b| b == first)
    {
        for (f, v) in street_and_town.iter().zip(first) {
            values.set(*f, v);
        }
    }
    values.set(Field::Country, country);
    values
}
