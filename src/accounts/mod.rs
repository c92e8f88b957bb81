//! Accounts and contacts: organisation golden records (accounts) built beside the people (contacts).
//!
//! Every golden customer lands in exactly one place ([`Role`]):
//!
//! - a customer that names a person (a given, family or full name) is a **contact**, linked to
//!   the account of its `organization` when it has one;
//! - a customer that names no person but an organisation is an **account** (an organisation
//!   without contacts of its own, unless people of the same organisation are in the run);
//! - a customer with neither (an e-mail or phone only) is a contact without an account.
//!
//! Accounts group by exact equality of the organisation's matching key (legal form, case,
//! punctuation and script folded: `ACME GmbH` = `Acme`, [`crate::normalize::org`]) and the
//! country: two names that are only similar stay two accounts ([`group`]). An account's ID is
//! `A` + 12 hex digits of SHA-256 of `key` U+001F `country`, derived like a customer's ID
//! ([`crate::checksum::short_id`]): the same organisation keeps its ID across runs and row
//! orders, whichever of its people are in the run.

mod group;
mod values;

use crate::finding::{Finding, Severity};
use crate::record::{Country, Field};
use crate::survive::Golden;

pub use group::GroupKey;

/// One organisation golden record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Account {
    /// Stable, content-derived ID (`A` + hex).
    pub account_id: String,
    /// The organisation's matching key (`acme`).
    pub key: String,
    /// ISO code of the organisation's country; empty when unknown.
    pub country: String,
    /// The account's values: `organization` (its name), the address block, `phone` and
    /// `country` ([`values`] says where each comes from).
    pub values: crate::record::Values,
    /// Golden indices of the organisation-only customers that are this account, by
    /// `customer_id`; empty when the account was built from its contacts alone.
    pub customers: Vec<usize>,
    /// Golden indices of the contacts linked to this account, by `customer_id`.
    pub contacts: Vec<usize>,
}

impl Account {
    /// The customer whose rows a finding about this account points at: its first
    /// organisation-only customer, else its first contact.
    pub fn anchor(&self) -> Option<usize> {
        self.customers
            .first()
            .or_else(|| self.contacts.first())
            .copied()
    }
}

/// Where one golden customer went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A person (or a customer naming nobody): a contact, with the index of its account.
    Contact(Option<usize>),
    /// An organisation-only customer: the index of the account it is.
    Account(usize),
}

/// The accounts of a run and every customer's role.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AccountBook {
    /// Accounts, by `account_id`.
    pub accounts: Vec<Account>,
    /// By golden index.
    pub roles: Vec<Role>,
}

impl AccountBook {
    /// The account a golden customer is or belongs to.
    pub fn account_of(&self, customer: usize) -> Option<&Account> {
        match self.roles.get(customer)? {
            Role::Contact(a) => a.and_then(|a| self.accounts.get(a)),
            Role::Account(a) => self.accounts.get(*a),
        }
    }

    /// Golden indices of the contacts, by `customer_id`.
    pub fn contacts(&self, golden: &[Golden]) -> Vec<usize> {
        let mut list: Vec<usize> = (0..self.roles.len())
            .filter(|&g| matches!(self.roles[g], Role::Contact(_)))
            .collect();
        list.sort_by(|&a, &b| golden[a].customer_id.cmp(&golden[b].customer_id));
        list
    }
}

/// Whether a golden record names a person (given, family or full name).
pub fn names_person(g: &Golden) -> bool {
    [Field::GivenName, Field::FamilyName, Field::FullName]
        .iter()
        .any(|&f| g.values.has(f))
}

/// Builds the accounts of `golden` and every customer's role. `org_key` is the organisation
/// matching key ([`crate::normalize::org::OrgNormalizer::key_for`]); `place` gives the source
/// and row a finding about a customer points at (its first member's).
pub fn build(
    golden: &[Golden],
    org_key: &dyn Fn(&str, Option<Country>) -> String,
    place: &dyn Fn(usize) -> (String, u64),
) -> (AccountBook, Vec<Finding>) {
    let keys: Vec<Option<GroupKey>> = golden
        .iter()
        .map(|g| {
            let name = g.values.get(Field::Organization);
            let country = g.values.get(Field::Country);
            let key = org_key(name, Country::new(country));
            (!name.trim().is_empty() && !key.is_empty()).then(|| GroupKey {
                key,
                country: Country::new(country)
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default(),
            })
        })
        .collect();
    let person: Vec<bool> = golden.iter().map(names_person).collect();
    let groups = group::group(&keys, golden);
    let mut roles = vec![Role::Contact(None); golden.len()];
    let mut accounts = Vec::with_capacity(groups.len());
    let mut findings = Vec::new();
    for (index, (key, members)) in groups.into_iter().enumerate() {
        let (customers, contacts): (Vec<usize>, Vec<usize>) =
            members.into_iter().partition(|&g| !person[g]);
        for &g in &customers {
            roles[g] = Role::Account(index);
        }
        for &g in &contacts {
            roles[g] = Role::Contact(Some(index));
        }
        let values = values::account_values(golden, &customers, &contacts, &key.group.country);
        let account = Account {
            account_id: key.account_id.clone(),
            key: key.group.key,
            country: key.group.country,
            values,
            customers,
            contacts,
        };
        if account.customers.len() > 1 {
            let (source, row) = account.anchor().map_or((String::new(), 0), place);
            let ids: Vec<&str> = account
                .customers
                .iter()
                .map(|&g| golden[g].customer_id.as_str())
                .collect();
            findings.push(
                Finding::new(
                    &source,
                    row,
                    "account.customers_folded",
                    Severity::Info,
                    format!(
                        "customers {} name the same organisation (same key and country) and are one account {}; its values are customer {}'s",
                        ids.join(", "),
                        account.account_id,
                        ids[0]
                    ),
                )
                .with_field(Field::Organization.name()),
            );
        }
        accounts.push(account);
    }
    (AccountBook { accounts, roles }, findings)
}

#[cfg(test)]
pub(crate) mod tests;
