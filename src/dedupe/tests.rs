//! End-to-end tests of `dedupe::run` on generated customers with known duplicates.

use super::*;
use crate::progress::NoProgress;
use crate::record::{Field, Record};

const GIVEN: [&str; 24] = [
    "james",
    "mary",
    "oleksandr",
    "olena",
    "somchai",
    "malee",
    "john",
    "patricia",
    "robert",
    "jennifer",
    "michael",
    "linda",
    "petro",
    "iryna",
    "anan",
    "kanya",
    "william",
    "elizabeth",
    "david",
    "barbara",
    "taras",
    "natalia",
    "niran",
    "ploy",
];
const FAMILY: [&str; 20] = [
    "smith",
    "shevchenko",
    "saetang",
    "johnson",
    "kovalenko",
    "wongsawat",
    "williams",
    "bondarenko",
    "srisuk",
    "brown",
    "tkachenko",
    "chaiyaporn",
    "jones",
    "kravchenko",
    "boonmee",
    "garcia",
    "melnyk",
    "rattanakul",
    "miller",
    "oliinyk",
];
const CITY: [&str; 6] = ["london", "kyiv", "bangkok", "lviv", "chiang mai", "leeds"];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn set(r: &mut Record, f: Field, v: &str) {
    r.values.set(f, v);
}

/// A customer's base record.
fn customer(id: usize, rng: &mut Lcg) -> Record {
    let mut r = Record {
        row: id as u64 + 1,
        ..Record::default()
    };
    let (g, f) = (GIVEN[rng.next(GIVEN.len())], FAMILY[rng.next(FAMILY.len())]);
    set(&mut r, Field::GivenName, g);
    set(&mut r, Field::FamilyName, f);
    set(&mut r, Field::Email, &format!("{g}.{f}{id}@example.com"));
    set(
        &mut r,
        Field::Phone,
        &format!("+44770{:07}", 1_000_000 + id * 7919 % 8_999_999),
    );
    set(
        &mut r,
        Field::AddressLine1,
        &format!(
            "{} {} street",
            1 + rng.next(200),
            FAMILY[rng.next(FAMILY.len())]
        ),
    );
    set(
        &mut r,
        Field::PostalCode,
        &format!("{:05}", 10_000 + rng.next(80_000)),
    );
    set(&mut r, Field::Locality, CITY[rng.next(CITY.len())]);
    set(
        &mut r,
        Field::CreatedAt,
        &format!(
            "20{:02}-0{}-1{}",
            10 + rng.next(14),
            1 + rng.next(9),
            rng.next(10)
        ),
    );
    r
}

/// A messy duplicate: a typo in one name, one contact dropped.
fn duplicate(base: &Record, rng: &mut Lcg, source: u32, row: u64) -> Record {
    let mut r = base.clone();
    r.source = source;
    r.row = row;
    match rng.next(4) {
        0 => {
            let g = r.values.get(Field::GivenName).to_string();
            let typo: String = g
                .chars()
                .enumerate()
                .filter(|(i, _)| *i != 2)
                .map(|(_, c)| c)
                .collect();
            set(&mut r, Field::GivenName, &typo);
        }
        1 => set(&mut r, Field::Email, ""),
        2 => set(&mut r, Field::Phone, ""),
        _ => {
            let f = r.values.get(Field::FamilyName).to_string();
            set(&mut r, Field::FamilyName, &format!("{f}s"));
        }
    }
    r
}

/// `n` customers in source 0, a duplicate of every third in source 1; returns the truth.
pub(crate) fn generated(n: usize) -> (Vec<Record>, Vec<usize>) {
    let mut rng = Lcg(42);
    let mut records = Vec::new();
    let mut truth = Vec::new();
    for id in 0..n {
        records.push(customer(id, &mut rng));
        truth.push(id);
    }
    for id in (0..n).step_by(3) {
        let d = duplicate(&records[id], &mut rng, 1, id as u64 + 1);
        records.push(d);
        truth.push(id);
    }
    (records, truth)
}

fn keys(records: &[Record]) -> Vec<String> {
    records
        .iter()
        .map(|r| format!("{}-{}", r.source, r.row))
        .collect()
}

pub(crate) fn names() -> Vec<String> {
    vec!["crm.csv".into(), "shop.csv".into(), "new.csv".into()]
}

/// Default settings with a smaller `u` sample, to keep debug-build tests quick.
fn settings() -> DedupeSettings {
    DedupeSettings {
        u_sample_pairs: 30_000,
        ..DedupeSettings::default()
    }
}

fn dedupe(records: &[Record], decisions: Option<&Decisions>) -> DedupeResult {
    let names = names();
    let keys = keys(records);
    let input = DedupeInput {
        source_names: &names,
        passthrough_headers: &[],
        source_keys: &keys,
        decisions,
        nicknames: &Nicknames::built_in(),
        kept: None,
        log_comparisons: false,
        earlier_model: None,
    };
    run(
        records,
        &vec![true; records.len()],
        &settings(),
        &input,
        &NoProgress,
    )
    .unwrap()
}

fn cluster_of(result: &DedupeResult, i: usize) -> usize {
    result.clusters.iter().position(|c| c.contains(&i)).unwrap()
}

#[test]
fn finds_generated_duplicates_with_high_precision_and_recall() {
    let (records, truth) = generated(600);
    let result = dedupe(&records, None);
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for a in 0..records.len() {
        for b in a + 1..records.len() {
            let same = truth[a] == truth[b];
            let merged = cluster_of(&result, a) == cluster_of(&result, b);
            match (same, merged) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    assert!(fp <= 2 && fn_ <= 4, "tp {tp} fp {fp} fn {fn_}");
    let total: usize = result.clusters.iter().map(Vec::len).sum();
    assert_eq!(
        total,
        records.len(),
        "every eligible record in exactly one cluster"
    );
    assert!(
        result
            .candidates_per_rule
            .get("email")
            .copied()
            .unwrap_or(0)
            > 0
    );
    assert!(
        result
            .pairs
            .windows(2)
            .all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b))
    );
    let p = &result.pairs[0];
    let fields = result.fields(p);
    assert_eq!(fields.len(), result.comparisons.len());
    let sum: f64 = fields.iter().map(|f| f.weight).sum();
    // Explanation weights are stored as f32 (shown with two decimals); the total is f64.
    assert!(
        (p.match_weight - sum - (result.model.prior / (1.0 - result.model.prior)).log2()).abs()
            < 1e-4
    );
}

#[test]
fn household_members_stay_separate_customers() {
    let (mut records, _) = generated(300);
    let base = records[0].clone();
    let mut spouse = base.clone();
    spouse.row = 9_001;
    set(
        &mut spouse,
        Field::GivenName,
        if base.values.get(Field::GivenName) == "mary" {
            "taras"
        } else {
            "mary"
        },
    );
    set(&mut spouse, Field::Email, "spouse.private@example.org");
    let mut shared = base.clone();
    shared.row = 9_002;
    set(&mut shared, Field::PhoneAlt, "+441132460000");
    set(&mut spouse, Field::Phone, "+447999000111");
    set(&mut spouse, Field::PhoneAlt, "+441132460000");
    records.push(spouse);
    records.push(shared);
    let n = records.len();
    let result = dedupe(&records, None);
    assert_eq!(
        cluster_of(&result, 0),
        cluster_of(&result, n - 1),
        "same person with a landline merges"
    );
    assert_ne!(
        cluster_of(&result, 0),
        cluster_of(&result, n - 2),
        "spouse stays a separate customer"
    );
}

/// A person at a fixed address with a landline, appended to `records`; returns its index.
fn resident(records: &mut Vec<Record>, given: &str, family: &str, email: &str) -> usize {
    let mut r = Record {
        source: 2,
        row: 10_000 + records.len() as u64,
        ..Record::default()
    };
    set(&mut r, Field::GivenName, given);
    set(&mut r, Field::FamilyName, family);
    set(&mut r, Field::Email, email);
    set(&mut r, Field::Phone, "+380442790011");
    set(&mut r, Field::AddressLine1, "вулиця Січових Стрільців, 19");
    set(&mut r, Field::Locality, "Київ");
    set(&mut r, Field::PostalCode, "04053");
    records.push(r);
    records.len() - 1
}

#[test]
fn nicknames_merge_and_households_stay_apart() {
    let (mut records, _) = generated(300);
    let bob = resident(&mut records, "Bob", "Smith", "bob.smith@gmail.com");
    let robert = resident(&mut records, "Robert", "Smith", "r.smith@smithlaw.co.uk");
    let dima = resident(&mut records, "Діма", "Рябець", "driabets@i.ua");
    let dmytro = resident(&mut records, "Дмитро", "Рябець", "dmytro.riabets@ukr.net");
    let anna = resident(&mut records, "Анна", "Коваль", "anna.koval@ukr.net");
    let olena = resident(&mut records, "Олена", "Коваль", "olena.koval@i.ua");
    let husband = resident(&mut records, "Олександр", "Бондар", "o.bondar@ukr.net");
    let wife = resident(&mut records, "Олександра", "Бондар", "sasha.bondar@i.ua");
    let result = dedupe(&records, None);
    let same = |a: usize, b: usize| cluster_of(&result, a) == cluster_of(&result, b);
    assert!(same(bob, robert), "Bob is Robert");
    assert!(same(dima, dmytro), "Діма is Дмитро");
    assert!(!same(anna, olena), "Anna and Olena Koval are two customers");
    assert!(
        !same(husband, wife),
        "Олександр and Олександра are two customers"
    );
}

#[test]
fn ineligible_records_are_not_clustered() {
    let (records, _) = generated(60);
    let names = names();
    let keys = keys(&records);
    let mut eligible = vec![true; records.len()];
    eligible[0] = false;
    let input = DedupeInput {
        source_names: &names,
        passthrough_headers: &[],
        source_keys: &keys,
        decisions: None,
        nicknames: &Nicknames::built_in(),
        kept: None,
        log_comparisons: false,
        earlier_model: None,
    };
    let result = run(&records, &eligible, &settings(), &input, &NoProgress).unwrap();
    assert!(result.clusters.iter().all(|c| !c.contains(&0)));
    assert!(result.pairs.iter().all(|p| p.a != 0));
}

#[test]
fn steward_decisions_override_the_model() {
    let (records, _) = generated(90);
    let dup = 90; // duplicate of record 0
    let text = format!(
        "decision,left_source,left_key,right_source,right_key,customer_id,note\n\
         non-match,shop.csv,{},crm.csv,0-1,,twins\n\
         match,crm.csv,0-2,crm.csv,0-3,,same person\n\
         assign,crm.csv,0-5,,,C-PINNED,\n",
        keys(&records)[dup]
    );
    let decisions = decisions::parse_decisions(&text).unwrap();
    let result = dedupe(&records, Some(&decisions));
    assert_ne!(
        cluster_of(&result, 0),
        cluster_of(&result, dup),
        "cannot-link holds"
    );
    assert_eq!(
        cluster_of(&result, 1),
        cluster_of(&result, 2),
        "must-link merges"
    );
    let pinned = cluster_of(&result, 4);
    assert_eq!(result.pinned[pinned].as_deref(), Some("C-PINNED"));
    let steward_pair = result.pairs.iter().find(|p| (p.a, p.b) == (1, 2)).unwrap();
    assert_eq!(
        (steward_pair.decision, steward_pair.reason),
        (Decision::Match, PairReason::Steward)
    );
}

#[test]
fn identical_results_with_one_and_two_threads() {
    let (records, _) = generated(400);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let a = one.install(|| dedupe(&records, None));
    let b = two.install(|| dedupe(&records, None));
    assert_eq!(a.clusters, b.clusters);
    assert_eq!(a.pairs, b.pairs);
    assert_eq!(a.model, b.model);
}

#[test]
fn identifier_columns_are_compared_from_passthrough_cells() {
    let (mut records, _) = generated(120);
    for (i, r) in records.iter_mut().enumerate() {
        r.extra = vec![format!("ID{:06}", i % 120)];
    }
    let names = names();
    let keys = keys(&records);
    let headers = vec![vec!["Member No".to_string()], vec!["member no".to_string()]];
    let settings = DedupeSettings {
        identifier_columns: vec!["member no".into()],
        ..settings()
    };
    let input = DedupeInput {
        source_names: &names,
        passthrough_headers: &headers,
        source_keys: &keys,
        decisions: None,
        nicknames: &Nicknames::built_in(),
        kept: None,
        log_comparisons: false,
        earlier_model: None,
    };
    let result = run(
        &records,
        &vec![true; records.len()],
        &settings,
        &input,
        &NoProgress,
    )
    .unwrap();
    assert!(result.comparisons.contains(&"id:member no"));
    let p = result
        .pairs
        .iter()
        .find(|p| (p.a, p.b) == (0, 120))
        .unwrap();
    assert!(
        result
            .fields(p)
            .iter()
            .any(|f| f.comparison == "id:member no" && f.level == "exact")
    );
}

#[test]
fn bad_eligibility_length_is_an_error() {
    let (records, _) = generated(5);
    let names = names();
    let input = DedupeInput {
        source_names: &names,
        passthrough_headers: &[],
        source_keys: &[],
        decisions: None,
        nicknames: &Nicknames::built_in(),
        kept: None,
        log_comparisons: false,
        earlier_model: None,
    };
    assert!(
        run(
            &records,
            &[true],
            &DedupeSettings::default(),
            &input,
            &NoProgress
        )
        .is_err()
    );
}

#[test]
fn customer_ids_survive_a_rerun_with_an_added_source() {
    let (records, _) = generated(150);
    let names = names();
    let build = |records: &[Record]| {
        let result = dedupe(records, None);
        let keys = keys(records);
        let golden = crate::survive::build(
            &crate::survive::Inputs::new(records, &names, &keys, &[0, 0, 0]),
            &result.clusters,
            &result.pinned,
            &crate::survive::SurvivorshipRules::default(),
            &crate::progress::NoProgress,
        )
        .expect("nothing stops it");
        golden
            .into_iter()
            .map(|g| (g.members, g.customer_id))
            .collect::<Vec<_>>()
    };
    let before = build(&records);
    let mut grown = records.clone();
    let mut rng = Lcg(7);
    for i in 0..40 {
        let mut r = customer(10_000 + i, &mut rng);
        r.source = 2;
        grown.push(r);
    }
    let after = build(&grown);
    let mut unchanged = 0;
    for (members, id) in &before {
        if let Some((_, id_after)) = after.iter().find(|(m, _)| m == members) {
            assert_eq!(
                id, id_after,
                "members {members:?} kept their cluster but changed ID"
            );
            unchanged += 1;
        }
    }
    assert!(
        unchanged >= before.len() - 2,
        "{unchanged} of {}",
        before.len()
    );
    let mut ids: Vec<&String> = after.iter().map(|(_, id)| id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), after.len(), "IDs unique within a run");
}

mod properties {
    use super::super::compare::{compare_birth, family_level, given_level};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn name_and_date_levels_are_symmetric(a in "[a-zа-я .]{0,12}", b in "[a-zа-я .]{0,12}", d1 in "[0-9]{0,8}", d2 in "[0-9]{0,8}") {
            let t = super::Nicknames::built_in();
            let (ga, gb) = (t.groups_of(&a, &a), t.groups_of(&b, &b));
            prop_assert_eq!(
                given_level((&a, &a, &ga), (&b, &b, &gb)),
                given_level((&b, &b, &gb), (&a, &a, &ga))
            );
            prop_assert_eq!(family_level(&a, &b, "", ""), family_level(&b, &a, "", ""));
            prop_assert_eq!(compare_birth(&d1, &d2), compare_birth(&d2, &d1));
        }
    }
}

#[test]
fn pair_records_stay_compact() {
    // Millions of these are held at once at a million rows; growing them is a memory
    // regression the scale benchmark would only catch much later.
    assert_eq!(std::mem::size_of::<super::block::CandidatePair>(), 12);
    assert_eq!(std::mem::size_of::<ScoredPair>(), 32);
}
