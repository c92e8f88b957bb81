//! Tests of the e-mail normaliser on whole records.

use super::*;
use proptest::prelude::*;

fn normalizer(fix: bool) -> EmailNormalizer {
    let options = NormalizeOptions {
        fix_email_typos: fix,
    };
    EmailNormalizer::from_locale(&LocaleData::default(), &options).expect("built-in email.toml")
}

fn run(n: &EmailNormalizer, email: &str) -> (Record, Vec<Issue>) {
    let mut rec = Record::default();
    rec.raw.set(Field::Email, email);
    let mut issues = Vec::new();
    n.apply(&mut rec, &RowContext::default(), &mut issues);
    (rec, issues)
}

#[test]
fn primary_alternate_and_key() {
    let (rec, issues) = run(
        &normalizer(false),
        r#""Ann Lee" <Ann.Lee+CRM@GMail.com>; a.lee@firma.de"#,
    );
    assert_eq!(rec.values.get(Field::Email), "ann.lee+crm@gmail.com");
    assert_eq!(rec.values.get(Field::EmailAlt), "a.lee@firma.de");
    assert_eq!(rec.keys.email_local(), "annlee");
    assert!(issues.is_empty());
    let (rec, _) = run(&normalizer(false), "o.petrenko+shop@ukr.net");
    assert_eq!(rec.keys.email_local(), "o.petrenko");
}

#[test]
fn typo_is_reported_and_fixed_only_when_asked() {
    let (rec, issues) = run(&normalizer(false), "ann@gmial.com");
    assert_eq!(rec.values.get(Field::Email), "ann@gmial.com");
    assert_eq!(issues[0].code, "email.domain_typo");
    assert_eq!(issues[0].suggestion, "ann@gmail.com");
    let (rec, issues) = run(&normalizer(true), "ann@gmial.com");
    assert_eq!(rec.values.get(Field::Email), "ann@gmail.com");
    assert_eq!(issues[0].code, "email.domain_typo");
}

#[test]
fn role_accounts_are_flagged_as_info() {
    let (rec, issues) = run(&normalizer(false), "Info@Firma.de");
    assert_eq!(rec.values.get(Field::Email), "info@firma.de");
    assert_eq!(
        issues.iter().map(|i| i.code).collect::<Vec<_>>(),
        ["email.role_account"]
    );
    assert_eq!(issues[0].severity, crate::finding::Severity::Info);
    let (_, issues) = run(&normalizer(false), "sales+eu@acme.com");
    assert_eq!(issues[0].code, "email.role_account");
    let (_, issues) = run(&normalizer(false), "information.desk.ann@acme.com");
    assert!(issues.is_empty());
}

#[test]
fn invalid_cell_is_a_finding_and_left_empty() {
    let (rec, issues) = run(&normalizer(false), "ann at gmail");
    assert_eq!(rec.values.get(Field::Email), "");
    assert_eq!(issues[0].code, "email.invalid");
    for empty in ["", "  ", "n/a", "Немає"] {
        let (rec, issues) = run(&normalizer(false), empty);
        assert_eq!(rec.values.get(Field::Email), "");
        assert!(issues.is_empty(), "{empty}");
    }
}

#[test]
fn an_invalid_address_is_kept_in_a_crude_form_that_still_compares() {
    let n = normalizer(false);
    let crude = |email: &str| {
        run(&n, email)
            .0
            .keys
            .get(MatchKey::EmailUnparsed)
            .to_string()
    };
    assert_eq!(crude("ann at gmail"), "annatgmail");
    assert_eq!(crude(" F@B@Reese.com "), "f@b@reese.com");
    // The valid address of the cell is an address, not crude evidence.
    let (rec, _) = run(&n, "ann@x.org, bad@host");
    assert_eq!(rec.values.get(Field::Email), "ann@x.org");
    assert_eq!(rec.keys.get(MatchKey::EmailUnparsed), "bad@host");
    assert_eq!(crude("ann@example.org"), "");
    assert_eq!(crude("n/a"), "", "a placeholder is no evidence");
}

#[test]
fn separate_alt_column_and_too_many() {
    let n = normalizer(false);
    let mut rec = Record::default();
    rec.raw.set(Field::Email, "a@x.org, b@x.org");
    rec.raw.set(Field::EmailAlt, "c@x.org");
    let mut issues = Vec::new();
    n.apply(&mut rec, &RowContext::default(), &mut issues);
    assert_eq!(rec.values.get(Field::EmailAlt), "b@x.org");
    assert_eq!(issues[0].code, "email.too_many");
    assert_eq!(issues[0].suggestion, "c@x.org");
}

proptest! {
    #[test]
    fn normalising_twice_gives_the_same_address(
        local in "[A-Za-z0-9._+-]{1,12}",
        domain in prop::sample::select(vec!["Gmail.com", "gmial.com", "ukr.net", "Пошта.укр", "web.de", "acme.con"]),
        wrap in prop::sample::select(vec!["{}", "<{}>", "\"Ann\" <{}>", "mailto:{}", " {} ;"]),
        fix in any::<bool>(),
    ) {
        let n = normalizer(fix);
        let cell = wrap.replace("{}", &format!("{local}@{domain}"));
        let once = run(&n, &cell).0.values.get(Field::Email).to_string();
        if !once.is_empty() {
            let twice = run(&n, &once).0.values.get(Field::Email).to_string();
            prop_assert_eq!(twice, once);
        }
    }

    #[test]
    fn never_panics(cell in "\\PC{0,60}") {
        let _ = run(&normalizer(false), &cell);
    }
}

#[test]
fn each_address_is_marked_personal_work_or_role() {
    let (rec, _) = run(&normalizer(false), "ann.lee@gmail.com; a.lee@firma.de");
    assert_eq!(rec.keys.get(MatchKey::EmailKinds), "pw");
    let (rec, _) = run(&normalizer(false), "Info@Firma.de, olena@ukr.net");
    assert_eq!(rec.keys.get(MatchKey::EmailKinds), "rp");
    let (rec, _) = run(&normalizer(false), "");
    assert_eq!(rec.keys.get(MatchKey::EmailKinds), "");
}

#[test]
fn a_familys_shared_mailbox_is_marked_household() {
    for cell in [
        "mitchellfamily@virginmedia.com",
        "smith.family@btinternet.com",
        "thehalls@aol.com",
        "the.burkes@yahoo.co.uk",
        "familie.mueller@web.de",
    ] {
        let (rec, _) = run(&normalizer(false), cell);
        assert_eq!(rec.keys.get(MatchKey::EmailKinds), "h", "{cell}");
    }
    for cell in [
        "theodoros.k@gmail.com",
        "thea.lee@gmail.com",
        "heather.smith@gmail.com",
    ] {
        let (rec, _) = run(&normalizer(false), cell);
        assert_eq!(rec.keys.get(MatchKey::EmailKinds), "p", "{cell}");
    }
}
