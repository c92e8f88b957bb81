//! The account tables: `accounts` (one row per organisation) and `contacts` (each person's account).

use super::Staging;
use super::table::{Column, Kind, TableWriter, text_columns};
use crate::accounts::AccountBook;
use crate::config::TableFormat;
use crate::error::Result;
use crate::record::Field;
use crate::survive::Golden;

/// The account's values `accounts` repeats after `account_id` and `account_name`: the
/// address block, then these.
const ACCOUNT_LINES: [Field; 3] = [Field::Phone, Field::Email, Field::Website];

fn account_values() -> impl Iterator<Item = Field> {
    crate::fields::ADDRESS_BLOCK
        .into_iter()
        .chain(ACCOUNT_LINES)
}

/// Writes `accounts`: one line per account, by `account_id`, with its number of contacts and
/// the organisation-only customers it is (`|`-separated; empty when built from contacts).
pub fn write_accounts(
    book: &AccountBook,
    golden: &[Golden],
    staging: &Staging,
    formats: &[TableFormat],
) -> Result<()> {
    let mut header: Vec<Column> = text_columns(["account_id", "account_name"]);
    header.extend(text_columns(account_values().map(|f| f.name())));
    header.push(("contact_count".to_string(), Kind::Int));
    header.extend(text_columns(["source_customer_ids"]));
    let mut w = TableWriter::create(staging, "accounts", &header, formats)?;
    for a in &book.accounts {
        let count = a.contacts.len().to_string();
        let customers: Vec<&str> = a
            .customers
            .iter()
            .filter_map(|&g| golden.get(g))
            .map(|g| g.customer_id.as_str())
            .collect();
        let customers = customers.join("|");
        let mut cells: Vec<&str> = vec![&a.account_id, a.values.get(Field::Organization)];
        cells.extend(account_values().map(|f| a.values.get(f)));
        cells.push(&count);
        cells.push(&customers);
        w.row(&cells)?;
    }
    w.finish()
}

/// Writes `contacts`: one line per golden customer that is a contact, by `customer_id`, with
/// its account (empty when it has none).
pub fn write_contacts(
    book: &AccountBook,
    golden: &[Golden],
    staging: &Staging,
    formats: &[TableFormat],
) -> Result<()> {
    let header = text_columns(["customer_id", "account_id"]);
    let mut w = TableWriter::create(staging, "contacts", &header, formats)?;
    for g in book.contacts(golden) {
        let account = book.account_of(g).map_or("", |a| a.account_id.as_str());
        w.row(&[&golden[g].customer_id, account])?;
    }
    w.finish()
}
