use super::*;
use crate::dedupe::compare::given_level_plain;
use crate::dedupe::features::FeatureValues;
use crate::normalize::name::nicknames::Nicknames;

fn person(given: &str, email: &str, phone: &str, birth: &str) -> Features {
    FeatureValues {
        given: given.into(),
        family: "smith".into(),
        emails: [email.into(), String::new()],
        phones: [phone.into(), String::new()],
        birth: birth.into(),
        ..FeatureValues::default()
    }
    .with_nicknames(&Nicknames::built_in())
    .into()
}

#[test]
fn chain_through_initial_does_not_merge_conflicting_ends() {
    let f = vec![
        person("john", "", "+441", ""),
        person("j", "", "+441", ""),
        person("jane", "", "+441", ""),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    assert_eq!(c.join(1, 2, false), Err(Refusal::GivenName));
    let (groups, _) = c.into_groups(&[true, true, true]);
    assert_eq!(groups, vec![vec![0, 1], vec![2]]);
}

/// A person with a personal mailbox (unless at a company domain) and a mobile.
fn named(given: &str, family: &str, email: &str, phone: &str) -> Features {
    let providers = [
        "ukr.net",
        "gmail.com",
        "i.ua",
        "meta.ua",
        "gmx.de",
        "web.de",
        "interia.pl",
        "aol.com",
        "icloud.com",
        "y.com",
        "x.com",
    ];
    let personal = providers.iter().any(|p| email.ends_with(&format!("@{p}")));
    FeatureValues {
        given: given.into(),
        given_raw: given.into(),
        family: family.into(),
        family_raw: family.into(),
        emails: [email.into(), String::new()],
        phones: [phone.into(), String::new()],
        personal_emails: [personal, false],
        mobiles: [!phone.is_empty(), false],
        ..FeatureValues::default()
    }
    .with_nicknames(&Nicknames::built_in())
    .into()
}

#[test]
fn namesakes_with_different_patronymics_stay_apart_unless_an_email_is_shared() {
    let mut f = vec![
        named("oksana", "makohon", "", "+380311"),
        named("oksana", "makohon", "", "+380311"),
        named("oksana", "makohon", "o.makohon@ukr.net", ""),
        named("oksana", "makohon", "o.makohon@ukr.net", ""),
    ];
    f[0].edit(|v| v.middle = "ivanivna".into());
    f[1].edit(|v| v.middle = "nestorivna".into());
    f[2].edit(|v| v.middle = "ivanivna".into());
    f[3].edit(|v| v.middle = "ivanovna".into());
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
    // A typo in the patronymic is no conflict.
    assert!(c.join(2, 3, false).is_ok());
}

#[test]
fn household_initials_that_differ_stay_apart() {
    // S. Ryan and N. Ryan share a landline and address but not an initial.
    let f = vec![
        named("s.", "ryan", "shane@x.com", "+13035474861"),
        named("n.", "ryan", "nryan@y.com", "+13035474861"),
        named("shane", "ryan", "", "+13035474861"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
    assert_eq!(c.join(1, 2, false), Err(Refusal::GivenName));
    assert!(c.join(0, 2, false).is_ok());
}

#[test]
fn an_initial_does_not_bridge_different_family_names() {
    let f = vec![
        named(
            "alexandra",
            "yu",
            "yu.alexandra95@icloud.com",
            "+13122454252",
        ),
        named("a.", "hudson", "hudson.antonio65@aol.com", "+13122454252"),
        named("a.", "yu", "", "+13122454252"),
        named("alexandra", "hudson", "", "+13122454252"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
    assert!(c.join(0, 2, false).is_ok());
    // A full given name that agrees survives a change of family name.
    assert!(c.join(0, 3, false).is_ok());
}

#[test]
fn swapped_given_and_family_are_the_same_name() {
    let f = vec![
        named("oryna", "prytula", "", "+380739667785"),
        named("prytula", "oryna", "oryna@i.ua", "+380739667785"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    let g = vec![
        named("zabila", "liubov", "", "+380719266057"),
        named("liuov", "zabila", "", "+380719266057"),
    ];
    let mut c = Clusters::new(&g, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
}

#[test]
fn swapped_household_members_do_not_meet_through_the_shared_surname() {
    // Shane and Natasha Ryan: each also entered surname-first.
    let f = vec![
        named("s.", "ryan", "shaneryan90@icloud.com", "+13035474861"),
        named("ryan", "shane", "shaneryan90@icloud.com", "+18473964344"),
        named("n.", "ryan", "nryan@gmail.com", "+13035474861"),
        named("ryan", "natasha", "nryan@gmail.com", "+12069983939"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    assert!(c.join(2, 3, false).is_ok());
    assert_eq!(c.join(1, 3, false), Err(Refusal::GivenName));
}

#[test]
fn a_nickname_is_the_same_given_name_but_a_household_stays_apart() {
    let f = vec![
        named("robert", "smith", "rsmith@aol.com", "+14423586798"),
        named("bob", "smith", "bob.smith@gmail.com", "+14423586798"),
        named("anna", "koval", "anna.koval@ukr.net", "+380441234567"),
        named("olena", "koval", "olena.koval@i.ua", "+380441234567"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    assert_eq!(c.join(2, 3, false), Err(Refusal::GivenName));
    // Саша may be Олександр or Олександра: never enough to join a household.
    let g = vec![
        named("oleksandr", "koval", "", "+380441234567"),
        named("oleksandra", "koval", "", "+380441234567"),
        named("sasha", "koval", "", "+380441234567"),
    ];
    let mut c = Clusters::new(&g, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
    assert_eq!(c.join(0, 2, false), Err(Refusal::GivenName));
}

#[test]
fn same_full_name_at_one_address_survives_different_contacts() {
    let mut work = named("krista", "mude", "krista.mude@mosemann.de", "+49221869286");
    work.edit(|v| v.address = "bergstrasse 53b".into());
    let mut home = named("krista", "mude", "krista_mude@gmx.de", "+4915604322501");
    home.edit(|v| v.address = "bergstrasse 53b".into());
    let mut elsewhere = named("krista", "mude", "kmude@web.de", "+4915600000000");
    elsewhere.edit(|v| v.address = "hauptstrasse 1".into());
    let f = vec![work, home, elsewhere];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    assert_eq!(c.join(0, 2, false), Err(Refusal::Contacts));
    // One house written two ways: `116 Okruzhna St` / `вулиця Окружна, 116`.
    let mut crm = named(
        "mykolai",
        "andreiko",
        "m.andreiko@azhazhasoft.com.ua",
        "+380721599005",
    );
    crm.edit(|v| v.address = "116 okruzhna st".into());
    let mut branch = named("mykolai", "andreiko", "mykolai95@meta.ua", "+380996870654");
    branch.edit(|v| v.address = "vulytsia okruzhna 116".into());
    let f = [crm, branch];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
}

#[test]
fn a_work_email_domain_names_the_employer() {
    let mut crm = named("justyna", "buszka", "jbuszka@interia.pl", "+48615415319");
    crm.edit(|v| v.organization = "bareja-myk serwis".into());
    let web = named(
        "justyna",
        "buszka",
        "justyna.buszka@bareja-mykserwis.pl",
        "+48534652502",
    );
    let other = named("justyna", "buszka", "justyna.b@gmail.com", "+48534650000");
    let gmail = named("justyna", "buszka", "jbuszka@gmail.com", "+48534650001");
    let f = vec![crm, web, other, gmail];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    assert_eq!(c.join(0, 2, false), Err(Refusal::Contacts));
    // Two mailboxes at one provider are no shared employer.
    assert_eq!(c.join(2, 3, false), Err(Refusal::Contacts));
}

#[test]
fn a_mistyped_email_counts_as_shared_for_the_contacts_guard() {
    let f = vec![
        named("dan", "hutsuliak", "danhutsuliak@i.ua", "+380562629636"),
        named("dan", "hutsuliak", "danhustuliak@i.ua", "+380502020474"),
        named("dan", "hutsuliak", "dan.h@gmail.com", "+380502020475"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    assert_eq!(c.join(1, 2, false), Err(Refusal::Contacts));
}

#[test]
fn different_birth_dates_conflict_but_typos_do_not() {
    let f = vec![
        person("anna", "", "", "19800312"),
        person("anna", "", "", "19800321"),
        person("anna", "", "", "19751101"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    assert_eq!(c.join(0, 2, false), Err(Refusal::BirthDate));
}

#[test]
fn household_stays_split_but_steward_can_merge() {
    let f = vec![
        person("olena", "olena@x.ua", "+380441", ""),
        person("petro", "petro@x.ua", "+380441", ""),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
    assert!(c.join(0, 1, true).is_ok());
}

#[test]
fn cannot_link_holds_transitively() {
    let f = vec![
        person("ann", "", "", ""),
        person("ann", "", "", ""),
        person("ann", "", "", ""),
    ];
    let mut c = Clusters::new(&f, &[(0, 2)], &[]);
    assert!(c.join(0, 1, true).is_ok());
    assert_eq!(c.join(1, 2, true), Err(Refusal::CannotLink));
}

#[test]
fn contacts_that_differ_with_none_agreeing_keep_namesakes_apart() {
    // Two Ірина Олійник in one city, each with her own mailbox; a third record of the first
    // shares her phone only: contacts of one kind differ, another kind agrees.
    let f = vec![
        named("iryna", "oliinyk", "iryna.o@ukr.net", ""),
        named("iryna", "oliinyk", "oliinyk.i@gmail.com", ""),
        named("iryna", "oliinyk", "iryna.o@ukr.net", "+380665566766"),
        named("iryna", "oliinyk", "iryna.oliinyk@meta.ua", "+380665566766"),
        named("iryna", "oliinyk", "", "+380501112233"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::Contacts));
    assert!(c.join(0, 2, false).is_ok());
    // Its phone agrees with the cluster's although its e-mail is new.
    assert!(c.join(2, 3, false).is_ok());
    // Another number and nothing else in common.
    assert_eq!(c.join(3, 4, false), Err(Refusal::Contacts));
}

#[test]
fn a_work_mailbox_or_a_landline_beside_personal_contacts_is_no_conflict() {
    // Vanessa Junken's CRM record has her work address; a trade-show lead her own mailbox.
    let f = vec![
        named("vanessa", "junken", "vanessa.junken@gumprich-reisen.de", ""),
        named(
            "vanessa",
            "junken",
            "vanessa_junken@web.de",
            "+4917255708682",
        ),
        named("vanessa", "junken", "vjunken@gmx.de", ""),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    // Two personal mailboxes and nothing shared: two people.
    assert_eq!(c.join(1, 2, false), Err(Refusal::Contacts));
    let mut landline = named("oskar", "matyjaszek", "", "+48918228770");
    landline.edit(|v| v.mobiles = [false, false]);
    let g = vec![
        landline,
        named(
            "oskar",
            "matyjaszek",
            "omatyjaszek@interia.pl",
            "+48513888778",
        ),
    ];
    let mut c = Clusters::new(&g, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
}

#[test]
fn a_shared_role_mailbox_does_not_vouch_for_a_person() {
    // Two colleagues behind their company's admin@ address: different names, own mobiles.
    let role = |given: &str, family: &str, phone: &str| {
        let mut f = named(given, family, "admin@miles.co.uk", phone);
        f.edit(|v| v.role_emails = [true, false]);
        f
    };
    let f = vec![
        role("clive", "rose", "+447972481348"),
        role("kathryn", "bradley", "+447567982639"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_err());
    // The same mailbox as a person's own address would have let them through the name guard.
    let g = vec![
        named("clive", "rose", "admin@miles.co.uk", ""),
        named("kathryn", "bradley", "admin@miles.co.uk", ""),
    ];
    let mut c = Clusters::new(&g, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
}

#[test]
fn a_family_mailbox_named_after_one_of_them_does_not_vouch_for_the_other() {
    // Андрій's mailbox on his wife Ірина's record too: it names him, not her.
    let f = vec![
        named("andrii", "boiko", "andriy.boyko@ukr.net", ""),
        named("iryna", "boiko", "andriy.boyko@ukr.net", ""),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
    // A mailbox that names nobody still vouches.
    let g = vec![
        named("andrii", "boiko", "boiko1961@ukr.net", ""),
        named("iryna", "boiko", "boiko1961@ukr.net", ""),
    ];
    assert!(Clusters::new(&g, &[], &[]).join(0, 1, false).is_ok());
    // The wife's name starting with his initial does not make his mailbox hers.
    let h = vec![
        named("marcel", "koronkiewicz", "koronkiewicz.marcel@wp.pl", ""),
        named("monika", "koronkiewicz", "koronkiewicz.marcel@wp.pl", ""),
    ];
    assert_eq!(
        Clusters::new(&h, &[], &[]).join(0, 1, false),
        Err(Refusal::GivenName)
    );
    // An initial and the family name name the owner too.
    let k = vec![
        named("dmytro", "babychenko", "dbabichenko@gmail.com", ""),
        named("nina", "babychenko", "dbabichenko@gmail.com", ""),
    ];
    assert_eq!(
        Clusters::new(&k, &[], &[]).join(0, 1, false),
        Err(Refusal::GivenName)
    );
}

#[test]
fn a_mailbox_still_vouches_for_a_nickname_a_variant_spelling_or_a_swapped_name() {
    let vouched = |a: Features, b: Features| {
        let f = vec![a, b];
        Clusters::new(&f, &[], &[]).join(0, 1, false).is_ok()
    };
    // The table's nickname: Pepe is José.
    assert!(vouched(
        named("jose", "alves", "josealves@gmail.com", ""),
        named("pepe", "alves", "josealves@gmail.com", ""),
    ));
    // A spelling the comparators call different but that starts like the mailbox's name.
    assert!(vouched(
        named("tetiana", "avdieienko", "tatyana.a@ukr.net", ""),
        named("tatyana", "avdieienko", "tatyana.a@ukr.net", ""),
    ));
    // Given and family typed the other way round on one record.
    assert!(vouched(
        named("thomas", "kieran", "kieran63@y.com", ""),
        named("kieran", "hill", "kieran63@y.com", ""),
    ));
}

#[test]
fn a_thai_name_owns_the_mailbox_its_romanisation_spells() {
    // ไพโรจน์'s mailbox on his wife Duangjai's record in another export.
    let mut thai = named("", "hompakdee", "pairoj.hompakdee@gmail.com", "");
    thai.edit(|v| {
        v.given_raw = "ไพโรจน์".into();
        v.given = crate::normalize::translit::latin_key("ไพโรจน์");
    });
    let f = vec![
        thai,
        named("duangjai", "hompakdee", "pairoj.hompakdee@gmail.com", ""),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
}

#[test]
fn a_shared_birth_date_does_not_vouch_for_twins() {
    let with_birth = |given: &str, family: &str, mobile: &str| {
        let mut f = named(given, family, "", mobile);
        f.edit(|v| v.birth = "19910902".into());
        f
    };
    // Twins: one birth date, two different names, a mobile each; in one script or in two
    // (`Oleg Melnyk` / `Володимир Мельник`), and with names that start alike
    // (`Maya` / `Miguel`: twins are often named alike).
    let f = vec![
        with_birth("ดวงใจ", "คำสุขพันธ์", "+66648243959"),
        with_birth("ธนากร", "คำสุขพันธ์", "+66821725750"),
        with_birth("Олег", "Мельник", "+380509237962"),
        with_birth("Володимир", "Мельник", "+380612532807"),
        with_birth("Oleg", "Melnyk", "+380509237962"),
        with_birth("Maya", "Souza", "+5561980031592"),
        with_birth("Miguel", "Souza", "+5561972195983"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
    assert_eq!(c.join(2, 3, false), Err(Refusal::GivenName));
    assert_eq!(c.join(4, 3, false), Err(Refusal::GivenName));
    assert_eq!(c.join(5, 6, false), Err(Refusal::GivenName));
    // A record whose name is mistyped beyond the comparators (`Okha`) or was replaced by
    // another (Febrl's corruptions) still meets through the birth date when it brings no
    // mobile of its own to contradict the other's.
    let f = vec![
        with_birth("Okha", "Lemeshko", ""),
        with_birth("Olga", "Lemeshko", "+380985257107"),
        with_birth("Joshua", "Green", ""),
        with_birth("Matthew", "Green", ""),
        with_birth("Oleg", "Melnyk", "+380509237962"),
        with_birth("Володимир", "Мельник", ""),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    assert!(c.join(2, 3, false).is_ok());
    assert!(c.join(4, 5, false).is_ok());
}

/// A person reached on `phone`, a mobile by its numbering plan when `sure`, else a number
/// whose plan does not tell (`+1`).
fn on_phone(given: &str, family: &str, phone: &str, sure: bool) -> Features {
    let mut f = named(given, family, "", phone);
    f.edit(|v| v.sure_mobiles = [sure, false]);
    f
}

#[test]
fn a_shared_mobile_vouches_for_a_mistyped_given_name_but_not_for_another_name() {
    // `Gaary` is no spelling of `Gaz` the comparators know, but it starts alike: one mobile,
    // one man.
    let f = vec![
        on_phone("gaary", "waters", "+447700900123", true),
        on_phone("gaz", "waters", "+447700900123", true),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    // A mother and a daughter sharing a mobile are two customers.
    let f = vec![
        on_phone("olena", "bondarenko", "+380671234567", true),
        on_phone("iryna", "bondarenko", "+380671234567", true),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
    // A number that may be a household's landline vouches for nobody.
    let f = vec![
        on_phone("gaary", "waters", "+17739199207", false),
        on_phone("gaz", "waters", "+17739199207", false),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
}

#[test]
fn a_shared_mobile_vouches_for_a_short_form_of_the_name() {
    // `Sasha` may be Oleksandr or Oleksandra; with his own mobile it is him.
    let f = vec![
        on_phone("sasha", "filipenko", "+380632005679", true),
        on_phone("oleksandr", "filipenko", "+380632005679", true),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
}

#[test]
fn one_name_at_one_home_written_in_two_scripts_survives_different_mobiles() {
    let at = |phone: &str, address: &str| {
        let mut f = named("thanaphon", "sombunthana", "", phone);
        f.edit(|v| v.address = address.into());
        f.edit(|v| v.postcode = "40000".into());
        f.edit(|v| v.area = "40".into());
        f
    };
    let f = vec![
        at("+66910847765", "628/153 หมู่ 10 ถนนนิมมานเหมินท์"),
        at("+66843025017", "628/153 moo10 nimmanhemin sila"),
        // The same name in another house of the province, with a third mobile.
        at("+66812345678", "12/7 หมู่ 3 ถนนมิตรภาพ"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    assert_eq!(c.join(1, 2, false), Err(Refusal::Contacts));
}

#[test]
fn a_name_swapped_on_either_side_with_a_short_form_is_one_name() {
    // The swapped record first or second, the short form on either side.
    for (a, b) in [
        (("kushnir", "vasyl"), ("vasia", "kushnir")),
        (("vasyl", "kushnir"), ("kushnir", "vasia")),
        (("campbell", "abby"), ("abigail", "campbell")),
    ] {
        for (x, y) in [(a, b), (b, a)] {
            let f = vec![named(x.0, x.1, "", ""), named(y.0, y.1, "", "")];
            let mut c = Clusters::new(&f, &[], &[]);
            assert!(c.join(0, 1, false).is_ok(), "{x:?} {y:?}");
        }
    }
}

#[test]
fn a_shared_landline_does_not_make_a_household_one_person() {
    let member = |given: &str, email: &str, mobile: &str| {
        let mut f = named(given, "kushnir", email, mobile);
        f.edit(|v| {
            v.phones = [mobile.into(), "+380443759307".into()];
            v.mobiles = [true, false];
            v.sure_mobiles = [true, false];
        });
        f
    };
    let f = vec![
        member("olena", "olena_kushnir@gmail.com", "+380992548651"),
        member("olga", "olhakushnir@ukr.net", "+380967375884"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::Contacts));
}

#[test]
fn one_name_at_one_home_with_both_a_mobile_and_a_mailbox_of_its_own_is_two_people() {
    let at_home = |email: &str, mobile: &str| {
        let mut f = named("shaun", "stanley", email, mobile);
        f.edit(|v| {
            v.address = "108 london street".into();
            v.postcode = "NW3 9SS".into();
            v.sure_mobiles = [!mobile.is_empty(), false];
        });
        f
    };
    // Another mobile only: one man who changed his number.
    let f = vec![
        at_home("shaun.stanley@gmail.com", "+447514120049"),
        at_home("", "+447786909671"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    // His own mobile and his own mailbox each: the father and the son.
    let f = vec![
        at_home("shaun.stanley@gmail.com", "+447514120049"),
        at_home("shaunstanley1953@aol.com", "+447786909671"),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::Contacts));
}

#[test]
fn a_mobile_read_under_another_country_code_is_still_the_shared_mobile() {
    // A German mobile whose leading zero a spreadsheet dropped reads as a `+1` number: the
    // last nine digits are the person's, so the two records share a mobile after all.
    let f = vec![
        named("anastasia", "jaeckel", "ajaeckel@gmx.de", "+4915703560329"),
        named(
            "anastasia",
            "jaeckel",
            "a.jaeckel@gmail.com",
            "+15703560329",
        ),
        named(
            "anastasia",
            "jaeckel",
            "anastasia.j@gmail.com",
            "+4915703560999",
        ),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
    // Another number altogether is still another person's.
    assert_eq!(c.join(0, 2, false), Err(Refusal::Contacts));
}

#[test]
fn thai_given_names_that_open_with_one_syllable_are_two_people() {
    // A household at one address on one landline: สุริยา and สุนีย์ share their first
    // syllable, which Jaro–Winkler reads as a near spelling.
    let thai = |given: &str, email: &str| {
        let key = crate::normalize::translit::latin_key;
        let mut f = named(&key(given), &key("พรหมยิ่ง"), email, "+6643144574");
        f.edit(|v| {
            v.given_raw = given.into();
            v.family_raw = "พรหมยิ่ง".into();
            v.mobiles = [false, false];
        });
        f
    };
    let f = vec![thai("สุริยา", "suriyaphromying@gmail.com"), thai("สุนีย์", "")];
    let (a, b) = (&f[0], &f[1]);
    assert_eq!(
        given_level_plain(a.given(), b.given(), a.given_raw(), b.given_raw()),
        4,
        "alike by Jaro–Winkler"
    );
    let mut c = Clusters::new(&f, &[], &[]);
    assert_eq!(c.join(0, 1, false), Err(Refusal::GivenName));
    // Latin names as alike are still one name mistyped.
    let f = vec![
        named("katarzyna", "nowak", "", ""),
        named("katrzyan", "nowak", "", ""),
    ];
    let mut c = Clusters::new(&f, &[], &[]);
    assert!(c.join(0, 1, false).is_ok());
}
