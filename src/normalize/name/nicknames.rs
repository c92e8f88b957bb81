//! Nicknames and diminutives: which given names are one name (`Bob` / `Robert`,
//! `Діма` / `Дмитро`, `Kasia` / `Katarzyna`), from the `nicknames` groups of
//! `schemas/names.toml`.
//!
//! A name may sit in several groups (`Саша` is short for both `Олександр` and `Олександра`,
//! `Alex` for `Alexander` and `Alexandra`); two names that meet only through such a name meet
//! [`Meet::Ambiguous`], which the dedupe treats as a hint, never as the same given name.
//!
//! A run builds its table once from its locale data ([`Nicknames::from_locale`]: a user's
//! `names.toml` that defines `nicknames` replaces the built-in list) and hands it to the
//! dedupe, which looks every record's names up once ([`Nicknames::groups_of`]) and compares
//! the groups ([`meet_groups`]). No table is shared between runs.

use crate::error::Result;
use crate::locale::LocaleData;
use crate::normalize::translit::{latin_key, latin_key_for};
use crate::record::Country;
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

/// How two given names relate through the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meet {
    /// No group holds both.
    No,
    /// A group holds both, but one of them also stands for another name (`Sasha`).
    Ambiguous,
    /// Both belong to one group and to no other: one name.
    Same,
}

/// The compiled table: a folded spelling or Latin key → the groups it belongs to.
#[derive(Debug, Default)]
pub struct Nicknames {
    groups: HashMap<String, Vec<u32>>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct File {
    nicknames: Option<Vec<Vec<String>>>,
}

impl Nicknames {
    /// Compiles groups of names (a full form first, then the forms that stand for it).
    pub fn from_groups(groups: &[Vec<String>]) -> Nicknames {
        let russian = Country::new("RU");
        let mut map: HashMap<String, Vec<u32>> = HashMap::default();
        for (id, group) in groups.iter().enumerate() {
            let Ok(id) = u32::try_from(id) else { break };
            for name in group {
                let folded = crate::normalize::text::clean(name).to_lowercase();
                for form in [folded, latin_key(name), latin_key_for(name, russian)] {
                    if form.is_empty() {
                        continue;
                    }
                    let ids = map.entry(form).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
        Nicknames { groups: map }
    }

    /// The groups of a given name known by its Latin key and its folded spelling (computed
    /// once per record by the dedupe, then compared with [`meet_groups`]).
    pub fn groups_of(&self, key: &str, raw: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for form in [key, raw] {
            for id in self.groups.get(form).map(Vec::as_slice).unwrap_or(&[]) {
                if !out.contains(id) {
                    out.push(*id);
                }
            }
        }
        out
    }

    /// How the given names `a` and `b` (Latin keys, with their folded spellings) relate.
    pub fn meet(&self, a: &str, a_raw: &str, b: &str, b_raw: &str) -> Meet {
        if self.groups.is_empty() {
            return Meet::No;
        }
        meet_groups(&self.groups_of(a, a_raw), &self.groups_of(b, b_raw))
    }
}

/// How two names relate, given the groups each belongs to ([`Nicknames::groups_of`]).
pub fn meet_groups(ga: &[u32], gb: &[u32]) -> Meet {
    if !ga.iter().any(|g| gb.contains(g)) {
        Meet::No
    } else if ga.len() == 1 && gb.len() == 1 {
        Meet::Same
    } else {
        Meet::Ambiguous
    }
}

impl Nicknames {
    /// The table of this locale data's `names.toml`; the built-in list when an override
    /// does not define `nicknames`.
    pub fn from_locale(locale: &LocaleData) -> Result<Nicknames> {
        match parse(locale)? {
            Some(table) => Ok(table),
            None => Ok(parse(&LocaleData::default())?.unwrap_or_default()),
        }
    }

    /// The built-in table (`schemas/names.toml` as compiled in).
    pub fn built_in() -> Nicknames {
        parse(&LocaleData::default())
            .ok()
            .flatten()
            .unwrap_or_default()
    }
}

fn parse(locale: &LocaleData) -> Result<Option<Nicknames>> {
    let file: File = locale.parse("names.toml")?;
    Ok(file.nicknames.map(|g| Nicknames::from_groups(&g)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(a: &str, b: &str) -> Meet {
        let t = Nicknames::built_in();
        let (ka, kb) = (latin_key(a), latin_key(b));
        t.meet(&ka, &a.to_lowercase(), &kb, &b.to_lowercase())
    }

    #[test]
    fn common_nicknames_are_one_name() {
        assert_eq!(built("Bob", "Robert"), Meet::Same);
        assert_eq!(built("Bill", "William"), Meet::Same);
        assert_eq!(built("Kate", "Katherine"), Meet::Same);
        assert_eq!(built("Debbie", "Deborah"), Meet::Same);
        assert_eq!(built("Hans", "Johannes"), Meet::Same);
        assert_eq!(built("Kasia", "Katarzyna"), Meet::Same);
        assert_eq!(built("Gosia", "Małgorzata"), Meet::Same);
        assert_eq!(built("Діма", "Дмитро"), Meet::Same);
        assert_eq!(built("Дима", "Дмитрий"), Meet::Same);
        assert_eq!(built("Настя", "Анастасія"), Meet::Same);
        assert_eq!(built("Dima", "Dmytro"), Meet::Same);
        assert_eq!(built("Hanneke", "Johanna"), Meet::Same);
        assert_eq!(built("Sandra", "Alexandra"), Meet::Same);
        assert_eq!(built("Свєта", "Світлана"), Meet::Same);
    }

    #[test]
    fn a_diminutive_of_two_names_is_ambiguous() {
        assert_eq!(built("Саша", "Олександр"), Meet::Ambiguous);
        assert_eq!(built("Саша", "Олександра"), Meet::Ambiguous);
        assert_eq!(built("Alex", "Alexandra"), Meet::Ambiguous);
    }

    #[test]
    fn different_names_do_not_meet() {
        assert_eq!(built("Олександр", "Олександра"), Meet::No);
        assert_eq!(built("Anna", "Olena"), Meet::No);
        assert_eq!(built("Robert", "William"), Meet::No);
        assert_eq!(built("Somchai", "Somsak"), Meet::No);
    }

    #[test]
    fn two_tables_live_side_by_side() {
        // One run's override does not change what another run's table says.
        let own = Nicknames::from_groups(&[vec!["Robert".into(), "Robin".into()]]);
        let built = Nicknames::built_in();
        let (robin, robert, bob) = (latin_key("Robin"), latin_key("Robert"), latin_key("Bob"));
        assert_eq!(own.meet(&robin, "robin", &robert, "robert"), Meet::Same);
        assert_eq!(own.meet(&bob, "bob", &robert, "robert"), Meet::No);
        assert_eq!(built.meet(&bob, "bob", &robert, "robert"), Meet::Same);
    }

    #[test]
    fn an_override_without_nicknames_keeps_the_built_in_list() {
        let mut locale = LocaleData::default();
        locale.set("names.toml", "");
        let table = Nicknames::from_locale(&locale).expect("table");
        let (bob, robert) = (latin_key("Bob"), latin_key("Robert"));
        assert_eq!(table.meet(&bob, "bob", &robert, "robert"), Meet::Same);
    }

    #[test]
    fn an_empty_table_meets_nothing() {
        let t = Nicknames::from_groups(&[]);
        assert_eq!(t.meet("bob", "bob", "robert", "robert"), Meet::No);
    }
}
