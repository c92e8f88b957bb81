//! Grouping customers into accounts: exact equality of the organisation key and the country.

use crate::survive::Golden;
use std::collections::BTreeMap;

/// What makes two customers one organisation: the same key in the same country.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupKey {
    /// Organisation matching key.
    pub key: String,
    /// ISO country code; empty when unknown.
    pub country: String,
}

/// A group with the account ID it gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyed {
    pub group: GroupKey,
    pub account_id: String,
}

/// The ID an organisation's account gets before any collision suffix.
pub fn account_id(group: &GroupKey) -> String {
    crate::checksum::short_id(
        "A",
        format!("{}\u{1f}{}", group.key, group.country).as_bytes(),
    )
}

/// Groups the customers that have a key. A group without a country joins the one group of
/// its key that has a country, when there is exactly one (a contact whose country nobody
/// wrote still works at that organisation); with several it stays on its own. Groups come
/// out by account ID, members by `customer_id`.
pub fn group(keys: &[Option<GroupKey>], golden: &[Golden]) -> Vec<(Keyed, Vec<usize>)> {
    let mut groups: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
    for (g, key) in keys.iter().enumerate() {
        if let Some(key) = key {
            groups.entry(key.clone()).or_default().push(g);
        }
    }
    let countryless: Vec<GroupKey> = groups
        .keys()
        .filter(|k| k.country.is_empty())
        .cloned()
        .collect();
    for bare in countryless {
        let mut placed = groups
            .keys()
            .filter(|k| k.key == bare.key && !k.country.is_empty());
        if let (Some(only), None) = (placed.next().cloned(), placed.next()) {
            let members = groups.remove(&bare).unwrap_or_default();
            groups.entry(only).or_default().extend(members);
        }
    }
    let mut keyed: Vec<(Keyed, Vec<usize>)> = Vec::with_capacity(groups.len());
    let mut taken = std::collections::HashSet::new();
    for (group, mut members) in groups {
        let base = account_id(&group);
        let mut id = base.clone();
        let mut n = 1u32;
        while taken.contains(&id) {
            n += 1;
            id = crate::checksum::short_id(
                "A",
                format!("{}\u{1f}{}#{n}", group.key, group.country).as_bytes(),
            );
        }
        taken.insert(id.clone());
        members.sort_by(|&a, &b| golden[a].customer_id.cmp(&golden[b].customer_id));
        keyed.push((
            Keyed {
                group,
                account_id: id,
            },
            members,
        ));
    }
    keyed.sort_by(|a, b| a.0.account_id.cmp(&b.0.account_id));
    keyed
}
