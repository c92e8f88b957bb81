//! Golden records on a CRM export and a Ukrainian branch's file: one name block in one script, address gaps filled, misspelt e-mails losing, one name per town, pass-through and consent columns.

use crate::common::*;

const CRM: &str = "\u{feff}Id,FirstName,LastName,Email,MobilePhone,MailingStreet,MailingCity,MailingPostalCode,MailingCountry,CreatedDate,HasOptedOutOfEmail,Owner\n\
0035g00000A1,Olena,Kovalenko,olena.kovalenko@gmail.com,+380501234567,vul. Khreshchatyk 22,Kyiv,,UA,2021-03-01T10:00:00Z,true,Iryna\n\
0035g00000A2,Olena,Kovalenko,olena.kovalenko@gmail.com,+380501234567,vul. Khreshchatyk 22,Kiev,,UA,2023-06-01T10:00:00Z,false,\n\
0035g00000A3,Marta,Shevchuk,marta.shevhcuk@ukr.net,+380671112233,,Lviv,,UA,2024-02-01T10:00:00Z,false,Taras\n\
0035g00000A4,Andrii,Melnyk,andrii.melnyk@gmail.com,+380931234000,vul. Sadova 5,Kiev,,UA,2022-01-01T10:00:00Z,false,Iryna\n";

const BRANCH: &str = "Прізвище;Ім'я;По батькові;Телефон;E-mail;Адреса;Місто;Індекс;Дата реєстрації;Розсилка\n\
Коваленко;Олена;Петрівна;050 123 45 67;olena.kovalenko@gmail.com;вул. Хрещатик, 22;Київ;01001;2019-05-01;так\n\
Шевчук;Марта;Іванівна;067 111 22 33;marta.shevchuk@ukr.net;вул. Городоцька, 10;Львів;79000;2020-04-01;ні\n";

fn golden_of<'t>(
    golden: &'t Table,
    x: &Table,
    source: &str,
    row: u64,
) -> &'t HashMap<String, String> {
    let id = &x.at(source, row)["customer_id"];
    golden.filter("customer_id", id)[0]
}

#[test]
fn golden_records_are_coherent_across_scripts_sources_and_spellings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let crm = write(dir.path(), "crm_contacts.csv", CRM.as_bytes());
    let branch = write(dir.path(), "kyiv_branch.csv", BRANCH.as_bytes());
    let out = run_ok(&[&crm, &branch]);
    let x = xref(&out);
    assert_eq!(
        x.at("crm_contacts.csv", 1)["customer_id"],
        x.at("kyiv_branch.csv", 1)["customer_id"],
        "Olena's three rows are one customer"
    );
    assert_eq!(
        x.at("crm_contacts.csv", 3)["customer_id"],
        x.at("kyiv_branch.csv", 2)["customer_id"],
        "Marta's two rows are one customer"
    );
    let golden = Table::read(&out.path().join("golden.csv"));
    let olena = golden_of(&golden, &x, "crm_contacts.csv", 1);
    // Two of three rows write her name in Latin letters: the block is theirs, whole.
    let name = |g: &HashMap<String, String>| {
        ["given_name", "middle_name", "family_name", "full_name"].map(|f| g[f].clone())
    };
    assert_eq!(name(olena), ["Olena", "", "Kovalenko", "Olena Kovalenko"]);
    assert_eq!(olena["name_alt"], "Олена Петрівна Коваленко");
    // The CRM's street line, its postcode from the branch row at the same house.
    assert_eq!(
        olena["address_line1"],
        x.at("crm_contacts.csv", 2)["address_line1"]
    );
    assert!(olena["address_line1"].starts_with("vul. Khreshchatyk"));
    assert_eq!(olena["postal_code"], "01001");
    // Kyiv, Kiev and Київ are one town, written under its own name.
    assert_eq!(olena["locality"], "Київ");
    let andrii = golden_of(&golden, &x, "crm_contacts.csv", 4);
    assert_eq!(andrii["locality"], "Київ");
    // Pass-through columns survive; consent by the most restrictive value.
    assert_eq!(
        olena["HasOptedOutOfEmail"], "true",
        "an older row opted out: the newer `false` does not undo it"
    );
    assert_eq!(olena["owner"], "Iryna", "the most recent owner given");
    assert_eq!(olena["Розсилка"], "так");
    // The golden flag reads every consent column of its channel: the opt-out stands.
    assert_eq!(olena["email_opt_in"], "false");
    assert_eq!(olena["do_not_call"], "", "nothing said about calls");
    // The CRM's own ID of the member her name came from, for an update in place.
    assert!(
        ["0035g00000A1", "0035g00000A2"].contains(&olena["source_record_id"].as_str()),
        "{}",
        olena["source_record_id"]
    );

    let marta = golden_of(&golden, &x, "crm_contacts.csv", 3);
    // One row each: the fuller name (with the patronymic) wins, in its own script only.
    assert_eq!(
        name(marta),
        ["Марта", "Іванівна", "Шевчук", "Марта Іванівна Шевчук"]
    );
    assert_eq!(marta["name_alt"], "Marta Shevchuk");
    // The newer CRM row misspells her mailbox; the branch's spelling matches her name.
    assert_eq!(marta["email"], "marta.shevchuk@ukr.net");
    assert_eq!(marta["email_alt"], "");
    assert_eq!(marta["Розсилка"], "ні", "she declined the newsletter");
    assert_eq!(marta["HasOptedOutOfEmail"], "false");
    assert_eq!(marta["owner"], "Taras");
    assert_eq!(
        marta["email_opt_in"], "false",
        "declined in the branch's column"
    );
    // Her name came from the branch file, which has no IDs: the CRM row's ID is the one.
    assert_eq!(marta["source_record_id"], "0035g00000A3");
}
