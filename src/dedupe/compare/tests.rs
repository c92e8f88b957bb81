//! Tests of the field comparators: levels for real pairs of names, e-mails, phones, places.

use super::*;
use crate::dedupe::features::FeatureValues;
use crate::normalize::name::nicknames::Nicknames;

fn person(given: &str, family: &str) -> Features {
    FeatureValues {
        given: given.into(),
        family: family.into(),
        ..FeatureValues::default()
    }
    .with_nicknames(&Nicknames::built_in())
    .into()
}

/// [`super::given_level`] with the built-in nickname table looked up for both names.
fn given_level(a: &str, b: &str, a_raw: &str, b_raw: &str) -> u8 {
    let t = Nicknames::built_in();
    let (ga, gb) = (t.groups_of(a, a_raw), t.groups_of(b, b_raw));
    super::given_level((a, a_raw, &ga), (b, b_raw, &gb))
}

fn level(c: &Comparison, x: &Features, y: &Features) -> &'static str {
    c.labels()[usize::from(c.compare(x, y).level)]
}

#[test]
fn given_name_levels() {
    assert_eq!(given_level("john", "john", "", ""), 1);
    assert_eq!(given_level("j.", "john", "", ""), 2);
    assert_eq!(given_level("jon", "john", "", ""), 3);
    assert_eq!(given_level("mary ann", "mary", "", ""), 3);
    assert_eq!(given_level("john", "mary", "", ""), 5);
    assert_eq!(given_level("j", "mary", "", ""), 5);
    assert_eq!(given_level("", "mary", "", ""), MISSING);
}

fn organization_comparison() -> Comparison {
    Comparison::all(&[])
        .into_iter()
        .find(|c| c.kind == Kind::Organization)
        .expect("an organisation comparison")
}

fn company(key: &str, core: &str) -> Features {
    let mut words: Vec<&str> = key.split(' ').collect();
    words.sort_unstable();
    FeatureValues {
        organization: key.into(),
        org_tokens: words.join(" "),
        org_core: core.into(),
        ..FeatureValues::default()
    }
    .into()
}

#[test]
fn a_company_in_the_name_fields_meets_the_organisation() {
    let org = organization_comparison();
    let person = FeatureValues {
        given: "market".into(),
        family: "korolenko".into(),
        org_tokens: "korolenko market".into(),
        ..FeatureValues::default()
    }
    .into();
    let korolenko = company("korolenko market", "korolenko");
    assert_eq!(level(&org, &person, &korolenko), "exact");
    let longer = company("korolenko market 742", "742 korolenko");
    assert_eq!(level(&org, &longer, &person), "exact");
    let other = company("korolenko farm", "korolenko");
    assert_eq!(level(&org, &person, &other), "missing");
    // Two people with the same name are not an organisation match.
    assert_eq!(level(&org, &person, &person), "missing");
}

#[test]
fn organisation_levels_follow_the_distinctive_words() {
    let org = organization_comparison();
    let katsu = company("restaurant katsu", "katsu");
    assert_eq!(level(&org, &katsu, &katsu), "exact");
    assert_eq!(
        level(&org, &katsu, &company("katsu", "katsu")),
        "same_words"
    );
    let grill = company("second street grill", "grill second street");
    let grille = company("second street grille", "grille second street");
    assert_eq!(level(&org, &grill, &grille), "close");
    let virgils = company("virgils", "virgils");
    let bbq = company("virgils real bbq", "bbq real virgils");
    assert_eq!(level(&org, &virgils, &bbq), "within");
    let palace = company("golden palace", "golden palace");
    let dragon = company("golden dragon", "dragon golden");
    assert_eq!(level(&org, &palace, &dragon), "shares_word");
    assert_eq!(level(&org, &katsu, &palace), "different");
}

#[test]
fn cyrillic_and_digraph_initials_meet_their_names() {
    // Х. Тесленко / Khrystyna Teslenko: the key of Х. is "kh."
    assert_eq!(given_level("kh.", "khrystyna", "х.", "khrystyna"), 2);
    assert_eq!(given_level("ye.", "yefrem", "ye.", "yefrem"), 2);
    // The key may have lost the dot the spelling kept.
    assert_eq!(given_level("kh", "khrystyna", "kh.", "христина"), 2);
    assert_eq!(given_level("kh.", "kateryna", "х.", "катерина"), 5);
    assert_eq!(initial_of("oleh", "олег"), None);
    assert_eq!(initial_of("s.", "s."), Some("s"));
}

#[test]
fn cyrillic_spellings_meet_through_latin_keys_and_raw() {
    // Raw spellings differ by script-specific letters; keys agree.
    assert_eq!(
        family_level("shevchenko", "shevchenko", "шевченко", "shevchenko"),
        1
    );
    // Same script, different transliteration: raw comparison rescues it.
    assert!(family_level("hnatiuk", "gnatyuk", "гнатюк", "гнатюк") == 1);
}

#[test]
fn one_part_of_a_double_surname_is_close() {
    assert_eq!(family_level("groth", "grein groth", "", ""), 2);
    assert_eq!(family_level("nowak-kowalska", "nowak", "", ""), 2);
    assert_eq!(family_level("gall", "le gall", "", ""), 2);
    assert!(family_level("le", "le gall", "", "") > 2);
    assert_eq!(family_level("kowalska", "nowak", "", ""), 4);
}

#[test]
fn compound_initials_stand_for_compound_names() {
    assert_eq!(given_level("j.-p.", "jean-pierre", "", ""), 2);
    assert_eq!(given_level("jean pierre", "j.p.", "", ""), 2);
    assert_eq!(given_level("j.-p.", "jean-luc", "", ""), 5);
    assert_eq!(given_level("j.-p.", "jean", "", ""), 5);
}

#[test]
fn masculine_and_feminine_forms_are_different_people() {
    assert_eq!(given_level("oleksandr", "oleksandra", "", ""), 5);
    assert_eq!(given_level("yaroslava", "yaroslav", "", ""), 5);
    assert_eq!(given_level("michel", "michelle", "", ""), 5);
    assert_eq!(given_level("louis", "louise", "", ""), 5);
    assert_eq!(given_level("ярослав", "ярослава", "", ""), 5);
    // Spellings of one name stay close.
    assert_eq!(given_level("ann", "anna", "", ""), 3);
    assert_eq!(given_level("oleksandr", "oleksander", "", ""), 3);
}

#[test]
fn nicknames_are_close_given_names() {
    assert_eq!(given_level("bob", "robert", "bob", "robert"), 3);
    assert_eq!(given_level("robert", "bill", "robert", "bill"), 5);
    assert_eq!(given_level("dima", "dmytro", "діма", "дмитро"), 3);
    assert_eq!(given_level("nastia", "anastasiia", "настя", "анастасія"), 3);
    assert_eq!(given_level("kasia", "katarzyna", "kasia", "katarzyna"), 3);
    assert_eq!(given_level("gaz", "gary", "gaz", "gary"), 3);
    assert_eq!(given_level("tioma", "artem", "тьома", "артем"), 3);
    // A short form of two names is a hint at most.
    assert_eq!(given_level("sasha", "oleksandra", "саша", "олександра"), 4);
}

#[test]
fn swapped_columns_with_an_initial_are_recognised() {
    let c = Comparison::all(&[]);
    let x = person("r.", "hrechko");
    let y = person("hrechko", "rozaliia");
    assert_eq!(level(&c[0], &x, &y), "initial");
    assert_eq!(level(&c[1], &x, &y), "exact");
    // A different initial is not a swap.
    let z = person("o.", "hrechko");
    assert_eq!(level(&c[1], &z, &y), "different");
}

#[test]
fn different_patronymics_make_the_given_names_different() {
    let c = Comparison::all(&[]);
    let mut x = person("oksana", "makohon");
    let mut y = person("oksana", "makohon");
    x.edit(|v| v.middle = "ivanivna".into());
    y.edit(|v| v.middle = "nestorivna".into());
    assert_eq!(level(&c[0], &x, &y), "different");
    // An initial, a typo or a missing middle name is no conflict.
    y.edit(|v| v.middle = "i".into());
    assert_eq!(level(&c[0], &x, &y), "exact");
    y.edit(|v| v.middle = "ivanovna".into());
    assert_eq!(level(&c[0], &x, &y), "exact");
    y.edit(|v| v.middle.clear());
    assert_eq!(level(&c[0], &x, &y), "exact");
    assert!(middle_names_conflict("michael", "david"));
    assert!(!middle_names_conflict("m.", "michael"));
}

#[test]
fn one_street_line_in_two_towns_or_two_houses_is_not_one_address() {
    let c = Comparison::all(&[]);
    let location = c.iter().find(|c| c.kind == Kind::Location).unwrap();
    let at = |address: &str, locality: &str| {
        FeatureValues {
            address: address.into(),
            locality: locality.into(),
            ..FeatureValues::default()
        }
        .into()
    };
    let uzhhorod = at("vulytsia kotsiubynskoho 17", "uzhhorod");
    let kyiv = at("vulytsia kotsiubynskoho 17", "kyiv");
    assert_eq!(level(location, &uzhhorod, &kyiv), "different");
    let next_door = at("vulytsia kotsiubynskoho 59", "uzhhorod");
    assert_eq!(level(location, &uzhhorod, &next_door), "other_address");
    // One street line known: the town is all that can agree.
    let town_only = at("", "uzhhorod");
    assert_eq!(level(location, &uzhhorod, &town_only), "locality");
    let typo = at("vulytsia kotsubynskoho 17", "uzhhorod");
    assert_eq!(level(location, &uzhhorod, &typo), "address_close");
}

#[test]
fn a_town_spelled_alike_is_its_own_level() {
    let c = Comparison::all(&[]);
    let location = c.iter().find(|c| c.kind == Kind::Location).unwrap();
    let town = |locality: &str| {
        FeatureValues {
            locality: locality.into(),
            ..FeatureValues::default()
        }
        .into()
    };
    assert_eq!(
        level(location, &town("coventry"), &town("covetry")),
        "locality_close"
    );
    assert_eq!(
        level(location, &town("london"), &town("lonodn")),
        "locality_close"
    );
    assert_eq!(
        level(location, &town("london"), &town("leeds")),
        "different"
    );
    // Short names are too easily one letter apart.
    assert_eq!(level(location, &town("ely"), &town("eye")), "different");
}

#[test]
fn places_differ_only_where_both_records_name_one_of_a_kind() {
    let c = Comparison::all(&[]);
    let location = c.iter().find(|c| c.kind == Kind::Location).unwrap();
    let at = |address: &str, postcode: &str, locality: &str| {
        FeatureValues {
            address: address.into(),
            postcode: postcode.into(),
            locality: locality.into(),
            ..FeatureValues::default()
        }
        .into()
    };
    // A town against a street line and postcode without one: nothing to compare.
    let manchester = at("", "", "manchester");
    let street = at("158 brown way", "M19 4PL", "");
    assert_eq!(level(location, &manchester, &street), "missing");
    assert_eq!(level(location, &street, &manchester), "missing");
    // Two towns, or two postcodes, do differ.
    let leeds = at("", "", "leeds");
    assert_eq!(level(location, &manchester, &leeds), "different");
    let elsewhere = at("", "LS5 5ZY", "");
    assert_eq!(level(location, &street, &elsewhere), "different");
}

#[test]
fn a_local_part_that_is_only_the_name_adds_nothing_to_the_names() {
    let c = Comparison::all(&[]);
    let email = c.iter().find(|c| c.kind == Kind::Email).unwrap();
    let with = |address: &str| {
        let mut f = person("roksolana", "yatsenko");
        f.edit(|v| v.emails = [address.into(), String::new()]);
        f.edit(|v| v.email_local = address.split('@').next().unwrap_or("").into());
        f
    };
    let ukr = with("roksolana.yatsenko@ukr.net");
    let meta = with("roksolana.yatsenko@meta.ua");
    assert_eq!(level(email, &ukr, &meta), "missing");
    let nick = with("rocky1990@ukr.net");
    let nick_meta = with("rocky1990@meta.ua");
    assert_eq!(level(email, &nick, &nick_meta), "local_part");
    // One company's sales@ and another's share a local part and nothing else.
    let sales = |address: &str| {
        let mut f = with(address);
        f.edit(|v| v.role_emails = [true, false]);
        f
    };
    let a = sales("sales@foxpartners.com");
    let b = sales("sales@haynesrealty.com");
    assert_eq!(level(email, &a, &b), "missing");
    // A typo in the name, or the mailbox spelling a Thai name in Latin letters, is still
    // only the name.
    let mailbox = |given: &str, family: &str, raw: (&str, &str), address: &str| {
        let mut f = person(given, family);
        f.edit(|v| {
            v.given_raw = raw.0.into();
            v.family_raw = raw.1.into();
            v.emails = [address.into(), String::new()];
            v.email_local = address.split('@').next().unwrap_or("").into();
        });
        f
    };
    let typo = mailbox("rndy", "barr", ("Rndy", "Barr"), "randy_barr96@gmal.com");
    let other = mailbox("randy", "barr", ("Randy", "Barr"), "randy_barr96@yahoo.com");
    assert_eq!(level(email, &typo, &other), "missing");
    let key = |s: &str| crate::normalize::translit::latin_key(s);
    let (g, f) = ("สมศักดิ์", "แสงทอง");
    let thai = |address: &str| mailbox(&key(g), &key(f), (g, f), address);
    let a = thai("somsak.saengthong@siam648129.co.th");
    let b = thai("somsak.saengthong@siam021192.co.th");
    assert_eq!(level(email, &a, &b), "missing");
}

#[test]
fn swapped_names_compare_as_exact() {
    let c = Comparison::all(&[]);
    let x = person("petro", "ivanenko");
    let y = person("ivanenko", "petro");
    assert_eq!(level(&c[0], &x, &y), "exact");
    assert_eq!(level(&c[1], &x, &y), "exact");
}

#[test]
fn comparisons_are_symmetric() {
    let c = Comparison::all(&["ssn".into()]);
    let mut x = person("anna", "kowalska");
    x.edit(|v| v.emails = ["anna.k@gmail.com".into(), String::new()]);
    x.edit(|v| v.email_local = "anna.k".into());
    x.edit(|v| v.phones = ["+380501234567".into(), "+380441112233".into()]);
    x.edit(|v| v.address = "12 main st".into());
    x.edit(|v| v.postcode = "01001".into());
    x.edit(|v| v.birth = "19800312".into());
    x.edit(|v| v.ids = vec!["123456".into()]);
    let mut y = person("ana", "kowalski");
    y.edit(|v| v.emails = ["anna.k@yahoo.com".into(), String::new()]);
    y.edit(|v| v.email_local = "anna.k".into());
    y.edit(|v| v.phones = ["+380441112233".into(), String::new()]);
    y.edit(|v| v.address = "12 main street".into());
    y.edit(|v| v.postcode = "01001".into());
    y.edit(|v| v.birth = "19801203".into());
    y.edit(|v| v.ids = vec!["123465".into()]);
    // Each side's term is its own record's, and both records count the shared value alike.
    let tc = TermCounts::build(&[x.clone(), y.clone()], &[true, true]);
    let weighed = |o: Outcome, ix: usize| (o.level, tc.count(o.term, ix));
    for cmp in &c {
        assert_eq!(
            weighed(cmp.compare(&x, &y), 0),
            weighed(cmp.compare(&y, &x), 1),
            "{}",
            cmp.name
        );
    }
    let named = |name: &str| c.iter().find(|k| k.name == name).expect(name);
    assert_eq!(level(named("email"), &x, &y), "local_part");
    // A Kyiv landline: the same number, as a household's or an office's may be.
    assert_eq!(level(named("phone"), &x, &y), "exact_line");
    assert_eq!(level(named("location"), &x, &y), "address_close");
    assert_eq!(level(named("birth_date"), &x, &y), "typo");
    assert_eq!(level(named("id:ssn"), &x, &y), "one_typo");
}

#[test]
fn a_namesake_mailbox_is_not_a_typo() {
    assert!(email_typo("danhutsuliak@i.ua", "danhustuliak@i.ua"));
    assert!(email_typo(
        "malee.sriwong84@gmail.com",
        "malee.sriwong84@gmial.com"
    ));
    assert!(!email_typo(
        "donnakaur@outlook.com",
        "donna_kaur@outlook.com"
    ));
    assert!(!email_typo(
        "nchankaew86@gmail.com",
        "nchankaew88@gmail.com"
    ));
    assert!(!email_typo("a@b.com", "a@b.com"));
    // Another initial before one family name is another person's mailbox.
    assert!(!email_typo(
        "jshevchenko@gmail.com",
        "yshevchenko@gmail.com"
    ));
}

#[test]
fn one_mailbox_with_its_domain_mistyped_is_close_but_two_providers_are_not() {
    let c = Comparison::all(&[]);
    let email = c.iter().find(|c| c.kind == Kind::Email).unwrap();
    let with = |address: &str| -> Features {
        FeatureValues {
            given: "anastasiia".into(),
            family: "telychenko".into(),
            emails: [address.into(), String::new()],
            email_local: address.split('@').next().unwrap_or("").into(),
            ..FeatureValues::default()
        }
        .into()
    };
    let right = with("anastasiia.telychenko@ukr.net");
    assert_eq!(
        level(email, &right, &with("anastasiia.telychenko@urk.net")),
        "close"
    );
    assert_eq!(
        level(email, &right, &with("anastasiia.telychenko@ukr.ne")),
        "close"
    );
    // The name at two providers says no more than the names do; `wp.pl` and `op.pl` are two
    // providers one letter apart.
    assert_eq!(
        level(email, &right, &with("anastasiia.telychenko@gmail.com")),
        "missing"
    );
    let wp = with("anastasiia.telychenko@wp.pl");
    assert_eq!(
        level(email, &wp, &with("anastasiia.telychenko@op.pl")),
        "missing"
    );
    // Whichever record's name the mailbox spells, and in either order.
    let named = |given: &str, address: &str| -> Features {
        FeatureValues {
            given: given.into(),
            family: "alves".into(),
            emails: [address.into(), String::new()],
            email_local: address.split('@').next().unwrap_or("").into(),
            ..FeatureValues::default()
        }
        .into()
    };
    let (pepe, jose) = (
        named("pepe", "josealves@terra.com.br"),
        named("jose", "josealves@gmail.com"),
    );
    assert_eq!(level(email, &pepe, &jose), "missing");
    assert_eq!(level(email, &jose, &pepe), "missing");
}

#[test]
fn thai_places_compare_by_province_where_their_words_cannot() {
    let c = Comparison::all(&[]);
    let location = c.iter().find(|c| c.kind == Kind::Location).unwrap();
    let at = |address: &str, postcode: &str, locality: &str, area: &str| -> Features {
        FeatureValues {
            address: address.into(),
            postcode: postcode.into(),
            locality: locality.into(),
            area: area.into(),
            ..FeatureValues::default()
        }
        .into()
    };
    // A tambon in Thai with its postcode against the city in English: one province.
    let tambon = at("", "50200", "sriphumi", "50");
    let city = at("", "", "chiang mai", "50");
    assert_eq!(level(location, &tambon, &city), "locality");
    let elsewhere = at("", "", "phuket", "83");
    assert_eq!(level(location, &tambon, &elsewhere), "different");
    // Two postcodes are two districts, even in one province.
    let other_district = at("", "50300", "chang phueak", "50");
    assert_eq!(level(location, &tambon, &other_district), "different");
    // One house in two scripts: every number the same, in the same postcode.
    let thai = at("85/256 ซอยห้วยแก้ว 34 ถนนห้วยแก้ว", "90110", "khohng", "90");
    let latin = at(
        "85/256 soi huay kaew 34 huai kaeo road",
        "90110",
        "hat yai",
        "90",
    );
    assert_eq!(level(location, &thai, &latin), "address_close");
    let next_house = at(
        "85/257 soi huay kaew 34 huai kaeo road",
        "90110",
        "hat yai",
        "90",
    );
    assert_eq!(level(location, &thai, &next_house), "postcode");
    let other_postcode = at(
        "85/256 soi huay kaew 34 huai kaeo road",
        "90100",
        "hat yai",
        "90",
    );
    assert_eq!(level(location, &thai, &other_postcode), "different");
    // Without areas, different words stay a different place.
    let (kyiv, lviv) = (at("", "", "kyiv", ""), at("", "", "lviv", ""));
    assert_eq!(level(location, &kyiv, &lviv), "different");
}

#[test]
fn a_town_with_its_district_or_state_after_it_is_the_same_town() {
    assert!(same_locality("warszawa-mokotow", "warszawa"));
    assert!(same_locality("los angeles", "los angeles ca"));
    assert!(same_locality("lyon 3e", "lyon"));
    assert!(!same_locality("new york", "york"));
    assert!(!same_locality("lviv", "lvivska"));
    assert!(!same_locality("rye", "rye brook"));
}

#[test]
fn one_address_written_two_ways_is_close() {
    assert!(same_number_and_street(
        "116 okruzhna st",
        "vulytsia okruzhna 116"
    ));
    assert!(!same_number_and_street(
        "118 okruzhna st",
        "vulytsia okruzhna 116"
    ));
    assert!(!same_number_and_street("116 okruzhna st", "116 sadova st"));
    assert!(!same_number_and_street("okruzhna st", "vulytsia okruzhna"));
    // Two romanisations of one street, and a street marker glued to its name.
    assert!(same_number_and_street(
        "vul olgi blagovidovoyi 131 1",
        "vulytsia olhy blahovydovoi 131 1"
    ));
    assert!(same_number_and_street(
        "provulokskhidchastyi 122 138",
        "skhidchastiy lane 122 138"
    ));
    // Short words are not bent: `Nova` and `Nove` are two streets.
    assert!(!same_number_and_street("nova 12", "nove 12"));
    assert!(!same_number_and_street("shevchenka 12", "franka 12"));
}

#[test]
fn phone_tail_matches_across_formats() {
    let c = Comparison::all(&[]);
    let mut x = person("a", "b");
    x.edit(|v| v.phones = ["+66812345678".into(), String::new()]);
    let mut y = person("a", "b");
    y.edit(|v| v.phones = ["0812345678".into(), String::new()]);
    assert_eq!(level(&c[3], &x, &y), "last_digits");
}

#[test]
fn a_mailbox_on_one_customers_few_records_is_not_counted_common_but_a_shared_one_is() {
    let email = &Comparison::all(&[])[2];
    let with_mail = |mail: &str| {
        let mut f = person("olena", "darahan");
        f.edit(|v| v.emails = [mail.into(), String::new()]);
        f
    };
    let tf = |records: &[Features]| {
        let tc = TermCounts::build(records, &vec![true; records.len()]);
        let o = email.compare(&records[0], &records[1]);
        (o.level, tc.count(o.term, 0))
    };
    // The same mailbox in three exports: one person's records, the full exact weight.
    let three = vec![with_mail("olena_darahan@gmail.com"); 3];
    assert_eq!(tf(&three), (1, 0));
    // An office mailbox on forty records is common, and weighs as such.
    let forty = vec![with_mail("office@kyivbud.ua"); 40];
    assert_eq!(tf(&forty), (1, 40 - ONE_CUSTOMERS_RECORDS));
}

#[test]
fn a_swapped_name_with_an_initial_compares_given_to_given_in_either_order() {
    let c = Comparison::all(&[]);
    let swapped = person("robertson", "s");
    let plain = person("sarah", "robertson");
    for (x, y) in [(&swapped, &plain), (&plain, &swapped)] {
        assert_eq!(level(&c[0], x, y), "initial");
        assert_eq!(level(&c[1], x, y), "exact");
    }
    // A clean swap is exact on both, in either order.
    let (ivan, nikolaiev) = (person("ivan", "petrenko"), person("petrenko", "ivan"));
    for (x, y) in [(&ivan, &nikolaiev), (&nikolaiev, &ivan)] {
        assert_eq!(level(&c[0], x, y), "exact");
        assert_eq!(level(&c[1], x, y), "exact");
    }
}

#[test]
fn an_initial_fits_the_name_it_starts_in_another_script_or_language() {
    use crate::normalize::translit::latin_key;
    let initial = |i: &str, name: &str| {
        let (ik, nk) = (latin_key(i), latin_key(name));
        let ik = if i.ends_with('.') {
            format!("{ik}.")
        } else {
            ik
        };
        given_level(&ik, &nk, &i.to_lowercase(), &name.to_lowercase())
    };
    // `Александр`'s key is that of `Олександр`; its initial is still `А.`.
    assert_eq!(initial("А.", "Александр"), 2);
    // Russian `И` and Ukrainian `І` begin one name.
    assert_eq!(initial("И.", "Ігор"), 2);
    // A romanised initial of a Thai name, whichever romanisation: `J` or `Ch` for จ.
    assert_eq!(initial("J", "จักรพันธ์"), 2);
    assert_eq!(initial("C.", "จักรพันธ์"), 2);
    // Other letters stay different names.
    assert_eq!(initial("П.", "Олена"), 5);
    assert_eq!(initial("K.", "Catherine"), 5);
    assert_eq!(initial("S", "จักรพันธ์"), 5);
}

#[test]
fn a_swapped_name_with_a_short_form_is_still_swapped() {
    let c = Comparison::all(&[]);
    let (short, full) = (person("chornovol", "tania"), person("tetiana", "chornovol"));
    assert_eq!(level(&c[0], &short, &full), "close");
    assert_eq!(level(&c[1], &short, &full), "exact");
}

#[test]
fn a_swapped_short_form_is_found_whichever_record_comes_first() {
    let c = Comparison::all(&[]);
    let (full, short) = (person("victoria", "khan"), person("khan", "vicky"));
    for (x, y) in [(&full, &short), (&short, &full)] {
        assert_eq!(level(&c[0], x, y), "close");
        assert_eq!(level(&c[1], x, y), "exact");
    }
}

#[test]
fn a_shared_mobile_is_exact_and_a_shared_landline_is_its_own_level() {
    let phone = &Comparison::all(&[])[3];
    let on = |number: &str, mobile: bool| {
        let mut f = person("olena", "bondar");
        f.edit(|v| v.phones = [number.into(), String::new()]);
        f.edit(|v| v.mobiles = [true, false]);
        f.edit(|v| v.sure_mobiles = [mobile, false]);
        f
    };
    let mobile = on("+380671234567", true);
    assert_eq!(level(phone, &mobile, &mobile.clone()), "exact");
    let landline = on("+380442345678", false);
    assert_eq!(level(phone, &landline, &landline.clone()), "exact_line");
    // Same last seven digits under another code: a number mistyped or re-coded.
    let recoded = on("+380502345678", false);
    assert_eq!(level(phone, &landline, &recoded), "last_digits");
    assert_eq!(level(phone, &mobile, &landline), "different");
}

#[test]
fn a_landline_beside_a_mobile_is_another_line_not_another_number() {
    let phone = &Comparison::all(&[])[3];
    let on = |numbers: [&str; 2], mobiles: [bool; 2]| {
        let mut f = person("iryna", "shevchuk");
        f.edit(|v| v.phones = numbers.map(String::from));
        f.edit(|v| v.mobiles = mobiles);
        f
    };
    let office = on(["+380564904922", ""], [false, false]);
    let mobile = on(["+380663442669", ""], [true, false]);
    assert_eq!(level(phone, &office, &mobile), "other_line");
    assert_eq!(level(phone, &mobile, &office), "other_line");
    // Two mobiles, or two landlines, that differ are different numbers.
    let other_mobile = on(["+380671234567", ""], [true, false]);
    assert_eq!(level(phone, &mobile, &other_mobile), "different");
    let other_office = on(["+380442345678", ""], [false, false]);
    assert_eq!(level(phone, &office, &other_office), "different");
    // A record with both kinds has a line of each to compare.
    let both = on(["+380442345679", "+380501112233"], [false, true]);
    assert_eq!(level(phone, &both, &mobile), "different");
}

#[test]
fn a_name_rearranged_across_the_columns_is_close_but_brothers_are_not() {
    let c = Comparison::all(&[]);
    let full = person("ana liz", "ribeiro");
    let garbled = person("liz", "ana");
    assert_eq!(level(&c[0], &full, &garbled), "close");
    assert_eq!(level(&c[1], &full, &garbled), "close");
    let (miguel, lost) = (person("miguel", "souza aragao"), person("aragao", "souza"));
    assert_eq!(level(&c[1], &miguel, &lost), "close");
    // One family name, other given names: two brothers.
    let (lucas, davi) = (person("lucas", "silva"), person("davi lucas", "silva"));
    assert!(!names_rearranged("lucas", "silva", "davi lucas", "silva"));
    assert_eq!(level(&c[1], &lucas, &davi), "exact");
    // A single shared word is not enough.
    assert!(!names_rearranged("ana", "", "ana", "costa"));
}

#[test]
fn a_local_number_meets_its_international_form_by_its_tail() {
    let c = Comparison::all(&[]);
    let phone = c.iter().find(|c| c.kind == Kind::Phone).unwrap();
    let with = |number: &str| {
        FeatureValues {
            phones: [number.into(), String::new()],
            ..FeatureValues::default()
        }
        .into()
    };
    assert_eq!(
        level(phone, &with("2945185"), &with("+17732945185")),
        "last_digits"
    );
    assert_eq!(
        level(phone, &with("2945185"), &with("2945185")),
        "exact_line"
    );
    assert_ne!(
        level(phone, &with("2945186"), &with("+17732945185")),
        "last_digits"
    );
}

/// Names as the comparators see them: (Latin key, spelling as written), in several scripts,
/// with initials, typos, compound names and romanisation variants.
const NAMES: &[(&str, &str)] = &[
    ("anna", "Anna"),
    ("kowalska", "Kowalska"),
    ("kowalski", "Kowalski"),
    ("j", "J."),
    ("john", "John"),
    ("jean-pierre", "Jean-Pierre"),
    ("olena", "Олена"),
    ("olena", "Olena"),
    ("tkachenko", "Ткаченко"),
    ("tkachenko", "Tkachenko"),
    ("shevchenko", "Шевченко"),
    ("shevchenk", "Шевченк"),
    ("somchai", "สมชาย"),
    ("somchai", "Somchai"),
    ("saengthong", "แสงทอง"),
    ("sri", "ศรี"),
    ("andriy", "Andriy"),
    ("andrii", "Андрій"),
    ("", ""),
    ("le gall", "Le Gall"),
    ("gall", "Gall"),
];

#[test]
fn bounded_similarity_tests_agree_with_the_similarities() {
    for &(a, a_raw) in NAMES {
        for &(b, b_raw) in NAMES {
            for t in [0.0, 0.5, 0.8, 0.9, 0.92, 0.95, 1.0] {
                assert_eq!(
                    name_similarity_exceeds(a, b, a_raw, b_raw, t),
                    name_similarity(a, b, a_raw, b_raw) > t,
                    "{a}/{a_raw} vs {b}/{b_raw} at {t}"
                );
                assert_eq!(
                    part_similarity_exceeds(a, b, a_raw, b_raw, t),
                    part_similarity(a, b, a_raw, b_raw) > t,
                    "{a}/{a_raw} vs {b}/{b_raw} at {t}"
                );
            }
        }
    }
}

#[test]
fn comparing_with_a_shared_name_pair_gives_the_levels_of_comparing_alone() {
    let people = [
        person("Anna", "Kowalska"),
        person("Kowalska", "Anna"),
        person("Ivanenko", "Petro"),
        person("Petro", "Ivanenko"),
        person("A.", "Kowalska"),
        person("Liz", "Ana"),
        person("Ana Liz", "Ribeiro"),
    ];
    let comparisons = Comparison::all(&[]);
    for x in &people {
        for y in &people {
            let names = NamePair::default();
            for c in &comparisons {
                assert_eq!(c.compare_with(x, y, &names), c.compare(x, y), "{}", c.name);
            }
        }
    }
}

#[test]
fn an_address_that_did_not_parse_still_meets_its_valid_spelling() {
    let c = Comparison::all(&[]);
    let email = c.iter().find(|c| c.kind == Kind::Email).unwrap();
    let valid = |address: &str| {
        let mut f = person("florence", "brown");
        f.edit(|v| v.emails = [address.into(), String::new()]);
        f.edit(|v| v.email_local = address.split('@').next().unwrap_or("").into());
        f
    };
    let unparsed = |crude: &str| {
        let mut f = person("florence", "brown");
        f.edit(|v| v.emails_unparsed = crude.into());
        f
    };
    let (good, bad) = (valid("fb@reese.com"), unparsed("f@b@reese.com"));
    assert_eq!(level(email, &good, &bad), "close");
    assert_eq!(level(email, &bad, &good), "close");
    // Far from every address of the other record: no evidence either way, never "different".
    assert_eq!(level(email, &good, &unparsed("zz@@elsewhere")), "missing");
    assert_eq!(
        level(email, &unparsed("xyz.at.gmail"), &unparsed("xyz.at.gmail")),
        "close"
    );
}
