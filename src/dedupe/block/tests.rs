//! Blocking tests: keys per rule, caps and windows, the budget, all pairs of a small file.

use super::*;
use crate::dedupe::features::FeatureValues;

fn person(family: &str, given: &str, email: &str) -> Features {
    FeatureValues {
        family: family.into(),
        given: given.into(),
        emails: [email.into(), String::new()],
        ..FeatureValues::default()
    }
    .into()
}

#[test]
fn key_hashes_are_the_hashes_of_the_keys_written_out() {
    // (family, given, e-mail, birth date): Latin and Cyrillic, double and particle
    // surnames, a name entered the other way round, missing and equal parts.
    let cells = [
        ("kowalska", "anna", "anna.k@wp.pl", ""),
        ("ribeiro sousa", "ana liz", "", "19790304"),
        ("le gall", "jean-pierre", "jp@orange.fr", ""),
        ("watson", "amelia", "", "20061126"),
        ("amelia", "watson", "", "20061127"),
        ("", "reuben", "", "19861221"),
        ("шевченко", "олена", "o.shev@ukr.net", "19900101"),
        ("", "", "", ""),
        ("x", "x", "", ""),
    ];
    let records = cells.map(|(family, given, email, birth)| {
        Features::from(FeatureValues {
            family: family.into(),
            given: given.into(),
            emails: [email.into(), String::new()],
            birth: birth.into(),
            ..FeatureValues::default()
        })
    });
    let mut rules: Vec<String> = crate::dedupe::settings::default_blocking_rules();
    rules.extend(["given:2+family:2+birth_date:4".into(), "names".into()]);
    for rule in &rules {
        let rule = BlockRule::parse(rule).unwrap();
        for f in &records {
            let mut written: Vec<u64> = rule.keys(f).iter().map(|k| fnv1a(k)).collect();
            written.sort_unstable();
            written.dedup();
            assert_eq!(rule.key_hashes(f), written, "{}", rule.name);
        }
    }
}

#[test]
fn parses_rules_and_rejects_unknown_parts() {
    let r = BlockRule::parse("postcode + family:4").unwrap();
    assert_eq!(r.comparisons(), vec!["location", "family_name"]);
    assert!(BlockRule::parse("shoe_size").is_err());
    assert!(BlockRule::parse("family:0").is_err());
}

#[test]
fn the_names_rule_pairs_a_name_entered_the_other_way_round() {
    let f = vec![
        person("thomas", "amelia", ""),
        person("amelia", "thomas", ""),
        person("thomas", "anna", ""),
        person("thomas", "", ""),
    ];
    let rules = vec![BlockRule::parse("names").unwrap()];
    assert_eq!(rules[0].comparisons(), vec!["given_name", "family_name"]);
    let c = candidates(&rules, &f, &[true; 4], 100, 5);
    let pairs: Vec<(u32, u32)> = c.pairs().iter().map(|p| (p.a, p.b)).collect();
    assert_eq!(pairs, vec![(0, 1)]);
}

fn born(family: &str, given: &str, birth: &str) -> Features {
    FeatureValues {
        family: family.into(),
        given: given.into(),
        birth: birth.into(),
        ..FeatureValues::default()
    }
    .into()
}

#[test]
fn a_file_whose_pairs_fit_the_budget_is_compared_pair_by_pair() {
    // `Dviis`, born the same day as Lottie Davis, shares no blocking key with her.
    let f = vec![
        born("davis", "lottie", "19720612"),
        born("dviis", "", "19720612"),
        born("walker", "zoe", "20060101"),
        born("x", "y", ""),
    ];
    let rules = vec![BlockRule::parse("family+given:2").unwrap()];
    let eligible = [true, true, true, false];
    let limits = |budget| BlockLimits {
        max_block: 16,
        window: 8,
        budget,
    };
    let all = candidates_within(&rules, &f, &eligible, &limits(3));
    assert!(all.report.all_pairs);
    let pairs: Vec<(u32, u32, u32)> = all.pairs().iter().map(|p| (p.a, p.b, p.rules)).collect();
    // Every pair of eligible records, none with the ineligible one, no rule bit.
    assert_eq!(pairs, vec![(0, 1, 0), (0, 2, 0), (1, 2, 0)]);
    let blocked = candidates_within(&rules, &f, &eligible, &limits(2));
    assert!(!blocked.report.all_pairs);
    assert!(blocked.pairs().is_empty());
}

#[test]
fn a_rule_on_both_names_also_keys_them_exchanged() {
    // `Watson | Amelia` is `Amelia Watson` with the columns filled the other way round
    // and a typo in the given name; `Zoe Walker`, born the same year, stays apart.
    let f = vec![
        born("watson", "amela", "20061126"),
        born("amelia", "watson", "20061127"),
        born("walker", "zoe", "20060101"),
    ];
    let rules = vec![BlockRule::parse("given:2+family:2+birth_date:4").unwrap()];
    let c = candidates(&rules, &f, &[true; 3], 100, 5);
    let pairs: Vec<(u32, u32)> = c.pairs().iter().map(|p| (p.a, p.b)).collect();
    assert_eq!(pairs, vec![(0, 1)]);
}

#[test]
fn name_part_keys_each_name_on_its_own() {
    // One record has only a given name, its twin has the name in the family column.
    let f = vec![
        born("", "reuben", "19861221"),
        born("reuben", "davies", "19861221"),
        born("davies", "", "19861221"),
        born("smith", "reuben", "19700101"),
    ];
    let rules = vec![BlockRule::parse("birth_date+name_part:2").unwrap()];
    let c = candidates(&rules, &f, &[true; 4], 100, 5);
    let pairs: Vec<(u32, u32)> = c.pairs().iter().map(|p| (p.a, p.b)).collect();
    assert_eq!(pairs, vec![(0, 1), (1, 2)]);
}

#[test]
fn a_double_surname_is_found_by_either_of_its_words() {
    let f = vec![
        person("ribeiro sousa", "alexia", ""),
        person("sousa", "alexia", ""),
        person("ribeiro", "alexia", ""),
        person("sousa", "maria", ""),
        person("da costa", "enzo", ""),
        person("costa da costa", "enzo", ""),
    ];
    let rules = vec![BlockRule::parse("given+family_word").unwrap()];
    let c = candidates(&rules, &f, &[true; 6], 100, 5);
    let pairs: Vec<(u32, u32)> = c.pairs().iter().map(|p| (p.a, p.b)).collect();
    // Alexia with either surname, and `da Costa` by `costa` (`da` is too short to key);
    // never another given name.
    assert_eq!(pairs, vec![(0, 1), (0, 2), (4, 5)]);
}

#[test]
fn pairs_are_deduplicated_across_rules_with_rule_bits() {
    let f = vec![
        person("smith", "john", "j@x.com"),
        person("smith", "jon", "j@x.com"),
        person("brown", "ann", ""),
    ];
    let rules = vec![
        BlockRule::parse("email").unwrap(),
        BlockRule::parse("family").unwrap(),
    ];
    let c = candidates(&rules, &f, &[true, true, true], 100, 5);
    assert_eq!(
        c.pairs(),
        vec![CandidatePair {
            a: 0,
            b: 1,
            rules: 0b11
        }]
    );
    assert_eq!(c.per_rule, vec![1, 1]);
}

#[test]
fn runs_merge_in_order_with_each_pair_once_and_steward_pairs_carry_no_rule() {
    let f = vec![
        person("smith", "john", "j@x.com"),
        person("smith", "jon", "j@x.com"),
        person("brown", "ann", "a@x.com"),
        person("brown", "anne", "a@x.com"),
    ];
    let rules = vec![
        BlockRule::parse("email").unwrap(),
        BlockRule::parse("family").unwrap(),
    ];
    // A steward pair blocking missed, one it found (written backwards), and a repeat.
    let c = candidates(&rules, &f, &[true; 4], 100, 5).with_extra([(0, 2), (1, 0), (0, 2)]);
    let pairs: Vec<(u32, u32, u32)> = c.merged().map(|p| (p.a, p.b, p.rules)).collect();
    assert_eq!(pairs, vec![(0, 1, 0b11), (0, 2, 0), (2, 3, 0b11)]);
    assert_eq!(c.upper_bound(), 6);
    assert_eq!(c.per_rule, vec![2, 2]);
}

#[test]
fn ineligible_records_are_not_blocked() {
    let f = vec![
        person("smith", "john", "j@x.com"),
        person("smith", "jon", "j@x.com"),
    ];
    let c = candidates(
        &[BlockRule::parse("email").unwrap()],
        &f,
        &[true, false],
        100,
        5,
    );
    assert!(c.pairs().is_empty());
}

#[test]
fn oversized_block_stays_linear_and_reports() {
    let f: Vec<Features> = (0..1000)
        .map(|i| person(&format!("n{i:04}"), "x", "noemail@none.com"))
        .collect();
    let c = candidates(
        &[BlockRule::parse("email").unwrap()],
        &f,
        &vec![true; 1000],
        100,
        3,
    );
    assert!(c.pairs().len() <= 3000, "{}", c.pairs().len());
    assert_eq!(c.findings.len(), 1);
    assert_eq!(c.findings[0].code, "dedupe.block_too_large");
}

fn named(family_raw: &str) -> Features {
    FeatureValues {
        family: crate::normalize::translit::latin_key(family_raw).to_lowercase(),
        family_raw: family_raw.to_lowercase(),
        ..FeatureValues::default()
    }
    .into()
}

#[test]
fn sound_rule_pairs_thai_names_with_their_romanisations_only() {
    let f: Vec<Features> = ["ศรีสุข", "Srisook", "Srisuk", "ศรีสุข", "Srisook", "Somsak"]
        .iter()
        .map(|n| named(n))
        .collect();
    let rule = BlockRule::parse("family_sound").unwrap();
    let c = candidates(std::slice::from_ref(&rule), &f, &[true; 6], 16, 8);
    let pairs: Vec<(u32, u32)> = c.pairs().iter().map(|p| (p.a, p.b)).collect();
    // Each Thai record with each romanisation; never two records in one script (other
    // rules pair those), never the other name.
    assert_eq!(pairs, vec![(0, 1), (0, 2), (0, 4), (1, 3), (2, 3), (3, 4)]);
    // Without a Thai name the rule pairs nothing.
    let latin: Vec<Features> = ["Srisook", "Srisook", "Somsak"]
        .iter()
        .map(|n| named(n))
        .collect();
    let c = candidates(&[rule], &latin, &[true; 3], 16, 8);
    assert!(c.pairs().is_empty());
}

#[test]
fn oversized_block_orders_by_the_name_part_its_key_does_not_hold() {
    // 40 people in one city whose family names sound alike: 20 Kovalenko, 20 Kowalenko.
    let given = |i: usize| format!("g{i:02}");
    let mut f: Vec<Features> = (0..40)
        .map(|i| {
            FeatureValues {
                family: if i < 20 { "kovalenko" } else { "kowalenko" }.into(),
                given: given(i),
                family_phonetic: "KFLN".into(),
                locality: "kyiv".into(),
                ..FeatureValues::default()
            }
            .into()
        })
        .collect();
    // The same Ivan under both spellings, far apart in family-name order.
    f[0].edit(|v| v.given = "ivan".into());
    f[39].edit(|v| v.given = "ivan".into());
    let rule = BlockRule::parse("family_phonetic+locality").unwrap();
    let c = candidates(&[rule], &f, &[true; 40], 10, 2);
    assert!(c.pairs().iter().any(|p| (p.a, p.b) == (0, 39)));
    // A rule keyed on the given name still orders by family name.
    let rule = BlockRule::parse("locality+given:1").unwrap();
    let c = candidates(&[rule], &f, &[true; 40], 10, 2);
    assert!(c.pairs().iter().any(|p| (p.a, p.b) == (1, 2)));
}

#[test]
fn the_cap_rises_while_comparing_whole_blocks_stays_within_the_budget() {
    let limits = |budget| BlockLimits {
        max_block: 16,
        window: 8,
        budget,
    };
    // Whole: 3, 190 and 780 pairs; by neighbourhood, 20 * 8 and 40 * 8.
    let sizes = [3, 20, 40];
    assert_eq!(choose_cap(&sizes, &limits(600)), (20, 600));
    assert_eq!(choose_cap(&sizes, &limits(1_000)), (40, 1_000));
    assert_eq!(choose_cap(&sizes, &limits(100)), (16, 100));
    // Automatic: what the cap alone gives, or the floor.
    assert_eq!(choose_cap(&sizes, &limits(0)), (40, AUTO_BUDGET_FLOOR));
    let many = vec![40; 20_000];
    let natural = 20_000 * 40 * 8;
    assert_eq!(choose_cap(&many, &limits(0)), (16, natural));
}

#[test]
fn a_small_files_large_block_is_compared_whole_and_reported() {
    let f: Vec<Features> = (0..40)
        .map(|i| person(&format!("n{i:04}"), "x", "shared@example.com"))
        .collect();
    let rules = [
        BlockRule::parse("email").unwrap(),
        BlockRule::parse("phone").unwrap(),
    ];
    let limits = BlockLimits {
        max_block: 10,
        window: 2,
        budget: 0,
    };
    let c = candidates_within(&rules, &f, &[true; 40], &limits);
    assert_eq!(c.pairs().len(), 40 * 39 / 2);
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    assert_eq!(c.report.block_cap, 40);
    let email = &c.report.rules[0];
    assert_eq!(
        (
            email.records,
            email.blocks,
            email.largest_block,
            email.pairs
        ),
        (40, 1, 40, 780)
    );
    assert_eq!(c.report.rules[1].records, 0, "no record has a phone");
    // The fixed cap of `candidates` compares it by neighbourhood.
    let fixed = candidates(&rules, &f, &[true; 40], 10, 2);
    assert!(fixed.pairs().len() < 100);
}
