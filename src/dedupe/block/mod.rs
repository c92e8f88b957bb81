//! Blocking: turns configured rules into deduplicated candidate pairs, bounded per block.
//!
//! A rule is key parts joined by `+`; each part is a feature name with an optional `:N`
//! (first N characters). Parts: `email` (e-mail and alternate), `email_local`, `phone` (phone
//! and alternate, by their last seven digits), `given`, `family`, `family_phonetic`, `postcode`, `locality`, `address`,
//! `organization`, `birth_date`, `identifier` (each configured identifier column), and
//! `names` (given and family name in either order: `Thomas | Amelia` meets `Amelia | Thomas`),
//! `family_word` (each word of a double surname, so `Ribeiro Sousa` meets `Sousa`),
//! `given_sound`, `family_sound`: the consonant skeleton a Thai-script name shares with its
//! romanisations ([`super::thai_latin`]); a rule with one of these pairs only a Thai-script
//! record with a Latin-script one. A record missing any part does not take part in the rule. A block larger than `max_block_size`
//! is not compared all-against-all: its records are sorted by name and each is compared with
//! its `window` next neighbours (sorted neighbourhood), and a finding says so. The sort puts
//! first the name part the rule's key does not hold: in a `family_phonetic+locality` block
//! every member shares the sound of the family name, so ordering by given name brings
//! `Ivan Kovalenko` next to `Ivan Kowalenko`; in a `postcode+given:3` block, by family name.

use super::compare::last_digits;
use super::features::Features;

/// Digits of a phone's tail that blocking keys on.
const PHONE_TAIL: usize = 7;
use super::thai_latin::{Script, script_of, sound_keys};
use crate::finding::{Finding, Severity};
use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// One key part of a blocking rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Email,
    EmailLocal,
    Phone,
    Given,
    Family,
    FamilyPhonetic,
    Postcode,
    Locality,
    Address,
    Organization,
    BirthDate,
    Identifier,
    GivenSound,
    FamilySound,
    Names,
    EitherName,
    FamilyWord,
    OrgWord,
}

impl Part {
    fn parse(name: &str) -> Option<Part> {
        Some(match name {
            "email" => Part::Email,
            "email_local" => Part::EmailLocal,
            "phone" => Part::Phone,
            "given" | "given_name" => Part::Given,
            "family" | "family_name" | "surname" => Part::Family,
            "family_phonetic" => Part::FamilyPhonetic,
            "postcode" | "postal_code" => Part::Postcode,
            "locality" | "city" => Part::Locality,
            "address" => Part::Address,
            "organization" | "org" => Part::Organization,
            "birth_date" | "dob" => Part::BirthDate,
            "identifier" | "id" => Part::Identifier,
            "given_sound" => Part::GivenSound,
            "family_sound" => Part::FamilySound,
            "names" => Part::Names,
            "name_part" => Part::EitherName,
            "family_word" => Part::FamilyWord,
            "org_word" => Part::OrgWord,
            _ => return None,
        })
    }

    /// The comparisons whose evidence this part guarantees (for blocking-aware EM).
    pub fn comparisons(self) -> &'static [&'static str] {
        match self {
            Part::Names | Part::EitherName => &["given_name", "family_name"],
            Part::Email | Part::EmailLocal => &["email"],
            Part::Phone => &["phone"],
            Part::Given | Part::GivenSound => &["given_name"],
            Part::Family | Part::FamilyPhonetic | Part::FamilySound | Part::FamilyWord => {
                &["family_name"]
            }
            Part::Postcode | Part::Locality | Part::Address => &["location"],
            Part::Organization | Part::OrgWord => &["organization"],
            Part::BirthDate => &["birth_date"],
            Part::Identifier => &["identifier"],
        }
    }

    /// Whether the part is a Thai/Latin sound skeleton (see [`BlockRule::cross_script`]).
    fn is_sound(self) -> bool {
        matches!(self, Part::GivenSound | Part::FamilySound)
    }

    fn values(self, f: &Features) -> Vec<Cow<'_, str>> {
        fn one(s: &str) -> Vec<Cow<'_, str>> {
            if s.is_empty() {
                vec![]
            } else {
                vec![Cow::Borrowed(s)]
            }
        }
        let non_empty = |s: &&str| !s.is_empty();
        match self {
            Part::Email => f
                .emails()
                .into_iter()
                .filter(non_empty)
                .map(Cow::Borrowed)
                .collect(),
            // By the last seven digits: a number left unresolved for want of a country meets
            // its international form.
            Part::Phone => f
                .phones()
                .into_iter()
                .filter_map(|p| last_digits(p, PHONE_TAIL))
                .map(Cow::Borrowed)
                .collect(),
            Part::Identifier => f
                .ids
                .iter()
                .map(String::as_str)
                .filter(non_empty)
                .map(Cow::Borrowed)
                .collect(),
            Part::GivenSound => sound_keys(f.given(), f.given_raw())
                .into_iter()
                .map(Cow::Owned)
                .collect(),
            Part::FamilySound => sound_keys(f.family(), f.family_raw())
                .into_iter()
                .map(Cow::Owned)
                .collect(),
            Part::Names => {
                let (g, f) = (f.given(), f.family());
                if g.is_empty() || f.is_empty() {
                    vec![]
                } else {
                    let (a, b) = if g <= f { (g, f) } else { (f, g) };
                    vec![Cow::Owned(format!("{a}|{b}"))]
                }
            }
            // The given and the family name each on its own: a record whose name columns
            // were filled the other way round keeps the key its twin has.
            Part::EitherName => {
                let mut parts: Vec<Cow<'_, str>> = [f.given(), f.family()]
                    .into_iter()
                    .filter(non_empty)
                    .map(Cow::Borrowed)
                    .collect();
                parts.dedup();
                parts
            }
            // Each word of a double surname, three letters at least (`Ribeiro Sousa` is
            // found as `Sousa` and as `Ribeiro`: Iberian and Brazilian records drop either).
            Part::FamilyWord => {
                let mut words: Vec<Cow<'_, str>> = f
                    .family()
                    .split([' ', '-'])
                    .filter(|w| w.chars().count() >= 3)
                    .map(Cow::Borrowed)
                    .collect();
                words.sort_unstable();
                words.dedup();
                words
            }
            // Each distinctive word of an organisation's name (`Katsu` of `Restaurant
            // Katsu`), three letters at least.
            Part::OrgWord => {
                let mut words: Vec<Cow<'_, str>> = f
                    .org_core()
                    .split(' ')
                    .filter(|w| w.chars().count() >= 3)
                    .map(Cow::Borrowed)
                    .collect();
                words.dedup();
                words
            }
            Part::EmailLocal => one(f.email_local()),
            Part::Given => one(f.given()),
            Part::Family => one(f.family()),
            Part::FamilyPhonetic => one(f.family_phonetic()),
            Part::Postcode => one(f.postcode()),
            Part::Locality => one(f.locality()),
            Part::Address => one(f.address()),
            Part::Organization => one(f.org_tokens()),
            Part::BirthDate => one(f.birth()),
        }
    }
}

/// A parsed blocking rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockRule {
    pub name: String,
    parts: Vec<(Part, Option<usize>)>,
}

impl BlockRule {
    /// Parses `"postcode+family:4"`; the error names the bad part.
    pub fn parse(text: &str) -> Result<BlockRule, String> {
        let mut parts = Vec::new();
        for raw in text.split('+').map(str::trim) {
            let (name, len) = match raw.split_once(':') {
                Some((n, l)) => {
                    let len = l.trim().parse::<usize>().ok().filter(|&l| l > 0);
                    (
                        n.trim(),
                        Some(len.ok_or_else(|| {
                            format!("blocking rule {text:?}: bad length in {raw:?}")
                        })?),
                    )
                }
                None => (raw, None),
            };
            let part = Part::parse(name)
                .ok_or_else(|| format!("blocking rule {text:?}: unknown key part {name:?}"))?;
            parts.push((part, len));
        }
        Ok(BlockRule {
            name: text.trim().to_string(),
            parts,
        })
    }

    /// Whether the rule keys on a Thai/Latin sound skeleton (`given_sound`, `family_sound`):
    /// then it pairs only a Thai-script record with a Latin-script one (pairs in one script
    /// meet under the other rules), and a Latin record takes part only under a key some Thai
    /// record has, so a run without Thai names gets no pairs and little work from it.
    fn cross_script(&self) -> bool {
        self.parts.iter().any(|(p, _)| p.is_sound())
    }

    /// Whether the key holds the given name (then oversized blocks sort by family name first).
    fn keys_given_name(&self) -> bool {
        self.parts.iter().any(|(p, _)| *p == Part::Given)
    }

    /// The comparisons whose agreement this rule guarantees.
    pub fn comparisons(&self) -> Vec<&'static str> {
        self.parts
            .iter()
            .flat_map(|(p, _)| p.comparisons().iter().copied())
            .collect()
    }

    /// Whether the key holds both the given and the family name: then a record also has the
    /// key it would have with the two exchanged, so a row whose name columns were filled the
    /// other way round (`Watson | Amelia`) meets its twin.
    fn keys_both_names(&self) -> bool {
        self.keys_given_name() && self.parts.iter().any(|(p, _)| *p == Part::Family)
    }

    /// The FNV-1a hash of every key this record has under the rule, each hashed as it is
    /// built, part by part, without writing the key out: sorted, unique, and the same set as
    /// the hashes of the keys written out (`keys`, kept for the tests that prove it).
    fn key_hashes(&self, f: &Features) -> Vec<u64> {
        self.every_key(f, FNV_OFFSET, |&h, v| {
            fnv1a_on(fnv1a_on(h, v.as_bytes()), &[KEY_PART_END])
        })
    }

    /// Every key this record has under the rule (several when a part has several values).
    #[cfg(test)]
    fn keys(&self, f: &Features) -> Vec<String> {
        self.every_key(f, String::new(), |k, v| {
            format!("{k}{v}{}", char::from(KEY_PART_END))
        })
    }

    /// Every key of the record, each built from `empty` by `add` (the key so far and the next
    /// part's value): with the given and family name as read, and exchanged when the rule
    /// keys on both; sorted and unique.
    fn every_key<K: Ord + Clone>(
        &self,
        f: &Features,
        empty: K,
        add: impl Fn(&K, &str) -> K,
    ) -> Vec<K> {
        let mut keys = self.keys_in_order(f, false, empty.clone(), &add);
        if self.keys_both_names() && f.given() != f.family() {
            keys.extend(self.keys_in_order(f, true, empty, &add));
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The keys with the given and family name as read, or exchanged (`swapped`), each value
    /// cut to its part's length.
    fn keys_in_order<K>(
        &self,
        f: &Features,
        swapped: bool,
        empty: K,
        add: &impl Fn(&K, &str) -> K,
    ) -> Vec<K> {
        let mut keys = vec![empty];
        for (part, len) in &self.parts {
            let part = match (swapped, part) {
                (true, Part::Given) => Part::Family,
                (true, Part::Family) => Part::Given,
                (_, p) => *p,
            };
            let values = part.values(f);
            if values.is_empty() {
                return Vec::new();
            }
            let mut next = Vec::with_capacity(keys.len() * values.len());
            for k in &keys {
                for v in &values {
                    let v = match len {
                        Some(n) => v.char_indices().nth(*n).map_or(&v[..], |(i, _)| &v[..i]),
                        None => &v[..],
                    };
                    next.push(add(k, v));
                }
            }
            keys = next;
        }
        keys
    }
}

/// Most blocking rules a run may have (the rules that found a pair are a 32-bit set).
pub const MAX_RULES: usize = 32;

/// A candidate pair of record indices (`a < b`) and the set of rules that found it (bit `r`
/// for rule `r`; 0 for a pair only a steward decision or the all-pairs pass named). 12 bytes: at a million rows
/// there are ten million of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CandidatePair {
    pub a: u32,
    pub b: u32,
    pub rules: u32,
}

/// Candidate pairs as each rule found them (sorted, unique runs), read merged: each pair
/// once, in `(a, b)` order, with the set of rules that found it ([`Candidates::merged`]).
///
/// The merged list is never stored. At ten million rows it was 150M pairs of 12 bytes held
/// beside the rules' own lists while they were merged and through scoring; streaming the
/// k-way merge into scoring keeps only the rules' lists (8 bytes a pair) and a batch.
pub struct Candidates {
    /// Per run: its sorted, unique pairs and the rule bits it stands for.
    runs: Vec<(Vec<(u32, u32)>, u32)>,
    /// Pairs generated per rule, before deduplication across rules.
    pub per_rule: Vec<u64>,
    pub findings: Vec<Finding>,
    /// What blocking measured and chose.
    pub report: BlockingReport,
}

impl Candidates {
    /// Adds pairs found outside the rules (a steward's decisions), with no rule bit. Pairs
    /// need not be sorted, unique or ordered within (`(b, a)` is read as `(a, b)`).
    pub fn with_extra(mut self, extra: impl IntoIterator<Item = (u32, u32)>) -> Candidates {
        let mut run: Vec<(u32, u32)> = extra
            .into_iter()
            .filter(|(a, b)| a != b)
            .map(|(a, b)| (a.min(b), a.max(b)))
            .collect();
        run.sort_unstable();
        run.dedup();
        if !run.is_empty() {
            self.runs.push((run, 0));
        }
        self
    }

    /// The pairs of every run together, an upper bound on the merged count.
    pub fn upper_bound(&self) -> usize {
        self.runs.iter().map(|(r, _)| r.len()).sum()
    }

    /// Every pair once, in `(a, b)` order, with the bits of the rules that found it.
    pub fn merged(&self) -> Merged<'_> {
        let mut heads = BinaryHeap::with_capacity(self.runs.len());
        for (r, (run, _)) in self.runs.iter().enumerate() {
            if let Some(&first) = run.first() {
                heads.push(Reverse((first, r)));
            }
        }
        Merged {
            runs: &self.runs,
            next: vec![1; self.runs.len()],
            heads,
        }
    }

    /// The merged pairs as a list (small inputs and tests).
    pub fn pairs(&self) -> Vec<CandidatePair> {
        self.merged().collect()
    }
}

/// The k-way merge of [`Candidates`]' runs: nothing larger than one head per run is held.
pub struct Merged<'c> {
    runs: &'c [(Vec<(u32, u32)>, u32)],
    /// Per run, the index of its next pair not yet in `heads`.
    next: Vec<usize>,
    heads: BinaryHeap<Reverse<((u32, u32), usize)>>,
}

impl Merged<'_> {
    /// Puts run `r`'s next pair into the heap; returns the rule bits of run `r`.
    fn advance(&mut self, r: usize) -> u32 {
        let Some((run, bits)) = self.runs.get(r) else {
            return 0;
        };
        if let Some(slot) = self.next.get_mut(r) {
            if let Some(&pair) = run.get(*slot) {
                self.heads.push(Reverse((pair, r)));
            }
            *slot += 1;
        }
        *bits
    }
}

impl Iterator for Merged<'_> {
    type Item = CandidatePair;

    fn next(&mut self) -> Option<CandidatePair> {
        let Reverse((pair, r)) = self.heads.pop()?;
        let mut rules = self.advance(r);
        // Runs are unique, so a pair comes at most once from each.
        while let Some(&Reverse((other, r))) = self.heads.peek() {
            if other != pair {
                break;
            }
            self.heads.pop();
            rules |= self.advance(r);
        }
        Some(CandidatePair {
            a: pair.0,
            b: pair.1,
            rules,
        })
    }
}

/// FNV-1a, 64 bit: a stable hash for block keys (a collision only adds candidate pairs).
#[cfg(test)]
fn fnv1a(s: &str) -> u64 {
    fnv1a_on(FNV_OFFSET, s.as_bytes())
}

/// The FNV-1a hash of the empty string, where every key's hash starts.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Ends each part of a blocking key (the unit separator, which no value holds).
const KEY_PART_END: u8 = 0x1f;

/// FNV-1a carried on from the hash `h` of what came before over `bytes`.
fn fnv1a_on(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// How blocks are compared: the configured cap and window, and the pairs the run may compare
/// ([`super::DedupeSettings::comparison_budget`]; 0 is automatic).
#[derive(Clone, Copy, Debug)]
pub struct BlockLimits {
    pub max_block: usize,
    pub window: usize,
    pub budget: u64,
}

/// The automatic budget's floor: a file this small is compared block by block in full.
const AUTO_BUDGET_FLOOR: u64 = 500_000;

/// Key entries (8-byte hash and record) kept between measuring the rules and pairing them; a
/// larger run computes its keys again rather than hold every rule's at once.
const KEPT_KEY_ENTRIES: usize = 16_000_000;

/// What blocking measured of one rule before pairing (`run.json` `blocking`).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RuleReport {
    pub rule: String,
    /// Records with every part of the rule's key (0: the run has no such field).
    pub records: u64,
    /// Blocks of two or more records.
    pub blocks: u64,
    pub largest_block: u64,
    /// Pairs if every block were compared whole.
    pub pairs_whole: u64,
    /// Pairs generated (after the cap, before deduplication across rules).
    pub pairs: u64,
}

/// How blocking chose to compare large blocks, and what each rule gave.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct BlockingReport {
    /// The budget in pairs (the automatic one when not configured).
    pub budget: u64,
    pub configured_cap: usize,
    /// Blocks up to this size were compared whole; larger ones by neighbourhood.
    pub block_cap: usize,
    pub window: usize,
    /// Whether every pair of eligible records was compared, the rules' pairs among them:
    /// all of them fit the budget, so no match is left to a blocking key's luck.
    pub all_pairs: bool,
    pub rules: Vec<RuleReport>,
}

/// Blocks the eligible records with every rule at a fixed cap (no budget to raise it).
pub fn candidates(
    rules: &[BlockRule],
    features: &[Features],
    eligible: &[bool],
    max_block: usize,
    window: usize,
) -> Candidates {
    let limits = BlockLimits {
        max_block,
        window,
        budget: 1,
    };
    candidates_within(rules, features, eligible, &limits)
}

/// Blocks the eligible records with every rule: each rule's pairs as a sorted, unique run
/// (to be read merged), with each rule's count and a finding per oversized block. Every
/// rule's blocks are measured first; blocks larger than the cap are then compared whole
/// while the total stays within the budget ([`choose_cap`]). When every pair of eligible
/// records fits the budget, every pair is compared besides.
pub fn candidates_within(
    rules: &[BlockRule],
    features: &[Features],
    eligible: &[bool],
    limits: &BlockLimits,
) -> Candidates {
    let rules = rules.get(..rules.len().min(MAX_RULES)).unwrap_or_default();
    let mut kept_entries = 0usize;
    let mut measured: Vec<(Vec<usize>, Option<RuleKeys>, u64)> = Vec::with_capacity(rules.len());
    for rule in rules {
        let keys = rule_keys(rule, features, eligible);
        let sizes = block_sizes(&keys.keyed);
        let records = keys.records();
        let keep = kept_entries + keys.keyed.len() <= KEPT_KEY_ENTRIES;
        if keep {
            kept_entries += keys.keyed.len();
        }
        measured.push((sizes, keep.then_some(keys), records));
    }
    let all_sizes: Vec<usize> = measured.iter().flat_map(|m| m.0.iter().copied()).collect();
    let (cap, budget) = choose_cap(&all_sizes, limits);
    let live: Vec<u32> = (0..features.len() as u32)
        .filter(|&i| eligible.get(i as usize).copied().unwrap_or(false))
        .collect();
    let all_pairs = live.len() >= 2 && whole_pairs(live.len()) <= budget;
    let mut runs = Vec::with_capacity(rules.len() + 1);
    let mut findings = Vec::new();
    let mut report = BlockingReport {
        budget,
        configured_cap: limits.max_block,
        block_cap: cap,
        window: limits.window,
        all_pairs,
        rules: Vec::with_capacity(rules.len()),
    };
    for (r, (rule, (sizes, keys, records))) in rules.iter().zip(measured).enumerate() {
        let keys = keys.unwrap_or_else(|| rule_keys(rule, features, eligible));
        let (pairs, mut found) = rule_pairs(rule, &keys, features, cap, limits.window);
        findings.append(&mut found);
        report.rules.push(RuleReport {
            rule: rule.name.clone(),
            records,
            blocks: sizes.len() as u64,
            largest_block: sizes.iter().copied().max().unwrap_or(0) as u64,
            pairs_whole: sizes.iter().map(|&s| whole_pairs(s)).sum(),
            pairs: pairs.len() as u64,
        });
        runs.push((pairs, 1u32 << r));
    }
    let per_rule = runs.iter().map(|(p, _)| p.len() as u64).collect();
    if all_pairs {
        runs.push((every_pair(&live), 0));
    }
    Candidates {
        per_rule,
        runs,
        findings,
        report,
    }
}

/// Every pair of `records` (ascending), in `(a, b)` order: a sorted, unique run.
fn every_pair(records: &[u32]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(whole_pairs(records.len()) as usize);
    for (k, &a) in records.iter().enumerate() {
        out.extend(
            records
                .get(k + 1..)
                .unwrap_or_default()
                .iter()
                .map(|&b| (a, b)),
        );
    }
    out
}

fn whole_pairs(size: usize) -> u64 {
    let s = size as u64;
    s * s.saturating_sub(1) / 2
}

/// The block cap to compare with, and the budget it was chosen within: the configured cap,
/// raised to the largest block size at which comparing every block up to it whole, and the
/// larger ones by a `window` of neighbours, stays within the budget. The automatic budget
/// is what the configured cap gives, or [`AUTO_BUDGET_FLOOR`] when that is less.
pub fn choose_cap(sizes: &[usize], limits: &BlockLimits) -> (usize, u64) {
    let window = limits.window as u64;
    let cost_of = |s: usize, whole: bool| {
        if whole {
            whole_pairs(s)
        } else {
            s as u64 * window
        }
    };
    let natural: u64 = sizes
        .iter()
        .map(|&s| cost_of(s, s <= limits.max_block))
        .sum();
    let budget = match limits.budget {
        0 => natural.max(AUTO_BUDGET_FLOOR),
        b => b,
    };
    let mut oversized: Vec<usize> = sizes
        .iter()
        .copied()
        .filter(|&s| s > limits.max_block)
        .collect();
    oversized.sort_unstable();
    let mut cost = natural;
    let mut cap = limits.max_block;
    let mut i = 0;
    while i < oversized.len() {
        let size = oversized[i];
        let mut step: i128 = 0;
        while i < oversized.len() && oversized[i] == size {
            step += i128::from(cost_of(size, true)) - i128::from(cost_of(size, false));
            i += 1;
        }
        let next = (i128::from(cost) + step).max(0) as u64;
        if next > budget {
            break;
        }
        cost = next;
        cap = size;
    }
    (cap, budget)
}

/// One rule's block keys: `(key hash, record)` sorted and unique, and each record's script
/// for a rule that pairs only across scripts.
struct RuleKeys {
    keyed: Vec<(u64, u32)>,
    scripts: Vec<Option<Script>>,
}

impl RuleKeys {
    /// Records with a key.
    fn records(&self) -> u64 {
        let records: HashSet<u32> = self.keyed.iter().map(|x| x.1).collect();
        records.len() as u64
    }
}

fn rule_keys(rule: &BlockRule, features: &[Features], eligible: &[bool]) -> RuleKeys {
    let keyed_where = |take: &(dyn Fn(usize) -> bool + Sync)| -> Vec<(u64, u32)> {
        features
            .par_iter()
            .enumerate()
            .filter(|(i, _)| eligible.get(*i).copied().unwrap_or(false) && take(*i))
            .flat_map_iter(|(i, f)| rule.key_hashes(f).into_iter().map(move |h| (h, i as u32)))
            .collect()
    };
    let scripts: Vec<Option<Script>> = if rule.cross_script() {
        features.par_iter().map(record_script).collect()
    } else {
        Vec::new()
    };
    let mut keyed = if rule.cross_script() {
        let thai = keyed_where(&|i| scripts.get(i).copied().flatten() == Some(Script::Thai));
        if thai.is_empty() {
            Vec::new()
        } else {
            let thai_keys: HashSet<u64> = thai.iter().map(|x| x.0).collect();
            let mut keyed =
                keyed_where(&|i| scripts.get(i).copied().flatten() == Some(Script::Latin));
            keyed.retain(|x| thai_keys.contains(&x.0));
            keyed.extend(thai);
            keyed
        }
    } else {
        keyed_where(&|_| true)
    };
    keyed.par_sort_unstable();
    keyed.dedup();
    RuleKeys { keyed, scripts }
}

/// Sizes of the blocks of two or more records.
fn block_sizes(keyed: &[(u64, u32)]) -> Vec<usize> {
    keyed
        .chunk_by(|x, y| x.0 == y.0)
        .map(<[(u64, u32)]>::len)
        .filter(|&n| n > 1)
        .collect()
}

/// One rule's pairs, sorted and unique, plus findings for oversized blocks.
fn rule_pairs(
    rule: &BlockRule,
    keys: &RuleKeys,
    features: &[Features],
    max_block: usize,
    window: usize,
) -> (Vec<(u32, u32)>, Vec<Finding>) {
    let script = |i: u32| keys.scripts.get(i as usize).copied().flatten();
    let wanted = |&(a, b): &(u32, u32)| !rule.cross_script() || script(a) != script(b);
    let mut blocks: Vec<&[(u64, u32)]> = keys
        .keyed
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|b| b.len() > 1)
        .collect();
    blocks.sort_by_key(|b| b.first().map(|x| x.1));
    let oversized: Vec<usize> = blocks
        .iter()
        .filter(|b| b.len() > max_block)
        .map(|b| b.len())
        .collect();
    let mut pairs: Vec<(u32, u32)> = blocks
        .par_iter()
        .flat_map_iter(|block| {
            let members: Vec<u32> = block.iter().map(|x| x.1).collect();
            let mut pairs = if members.len() > max_block {
                windowed_pairs(members, features, window, rule.keys_given_name())
            } else {
                all_pairs(&members)
            };
            pairs.retain(wanted);
            pairs
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    (
        pairs,
        oversized_findings(&rule.name, &oversized, max_block, window),
    )
}

/// The script a record's name is written in, for cross-script rules: Thai when either part
/// is in Thai letters, Latin when every part present is plain ASCII.
fn record_script(f: &Features) -> Option<Script> {
    let parts = [(f.given(), f.given_raw()), (f.family(), f.family_raw())];
    let present = parts
        .iter()
        .filter(|(key, raw)| !key.is_empty() || !raw.is_empty());
    let scripts: Vec<Option<Script>> = present.map(|(key, raw)| script_of(key, raw)).collect();
    if scripts.contains(&Some(Script::Thai)) {
        Some(Script::Thai)
    } else if !scripts.is_empty() && scripts.iter().all(|s| *s == Some(Script::Latin)) {
        Some(Script::Latin)
    } else {
        None
    }
}

fn all_pairs(members: &[u32]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(members.len() * members.len().saturating_sub(1) / 2);
    for (i, &a) in members.iter().enumerate() {
        for &b in members.iter().skip(i + 1) {
            out.push((a.min(b), a.max(b)));
        }
    }
    out
}

/// Sorted neighbourhood inside an oversized block: sort by (family, given), or by (given,
/// family) when `family_first` is false, then by content ([`Features::profile_hash`]) so the
/// row order does not decide who neighbours whom, and pair each record with the next
/// `window` records.
fn windowed_pairs(
    members: Vec<u32>,
    features: &[Features],
    window: usize,
    family_first: bool,
) -> Vec<(u32, u32)> {
    let empty = Features::default();
    let mut keyed: Vec<(&str, &str, u64, u32)> = members
        .iter()
        .map(|&i| {
            let f = features.get(i as usize).unwrap_or(&empty);
            let (first, second) = if family_first {
                (f.family(), f.given())
            } else {
                (f.given(), f.family())
            };
            (first, second, f.profile_hash(), i)
        })
        .collect();
    keyed.sort_unstable();
    let members: Vec<u32> = keyed.into_iter().map(|k| k.3).collect();
    let mut out = Vec::with_capacity(members.len() * window);
    for (i, &a) in members.iter().enumerate() {
        for &b in members.iter().skip(i + 1).take(window) {
            out.push((a.min(b), a.max(b)));
        }
    }
    out
}

fn oversized_findings(
    rule: &str,
    sizes: &[usize],
    max_block: usize,
    window: usize,
) -> Vec<Finding> {
    if sizes.is_empty() {
        return Vec::new();
    }
    let largest = sizes.iter().copied().max().unwrap_or(0);
    vec![Finding::new(
        "",
        0,
        "dedupe.block_too_large",
        Severity::Warning,
        format!(
            "blocking rule '{rule}': {} block(s) over {max_block} records (largest {largest}); each record there was compared with its {window} nearest neighbours by name only",
            sizes.len()
        ),
    )]
}

#[cfg(test)]
mod tests;
