//! Target CRM import files (`--target`), checked against the targets' documented formats by a
//! checker of their own: every golden customer in exactly one contact or account row,
//! required columns filled, no value beyond its documented length, contacts' account
//! references resolving, and the documented headers.

use super::common::*;
use std::collections::{BTreeMap, BTreeSet};

/// What the vendors' documentation says one target's files look like.
struct Spec {
    name: &'static str,
    accounts: &'static str,
    contacts: &'static str,
    account_header: &'static [&'static str],
    contact_header: &'static [&'static str],
    /// The account file's column with the account's external ID.
    account_id: &'static str,
    /// The contact file's column with the customer's external ID.
    customer_id: &'static str,
    /// The contact file's column referring to an account, and the account file's column it
    /// refers to.
    reference: (&'static str, &'static str),
    account_required: &'static [&'static str],
    contact_required: &'static [&'static str],
    /// (file, column, most characters).
    limits: &'static [(&'static str, &'static str, usize)],
}

const SALESFORCE: Spec = Spec {
    name: "salesforce",
    accounts: "Account.csv",
    contacts: "Contact.csv",
    account_header: &[
        "Steward_Account_Id__c",
        "Name",
        "Phone",
        "Website",
        "BillingStreet",
        "BillingCity",
        "BillingState",
        "BillingPostalCode",
        "BillingCountryCode",
        "Description",
    ],
    contact_header: &[
        "Steward_Customer_Id__c",
        "Account.Steward_Account_Id__c",
        "Title",
        "Department",
        "Salutation",
        "FirstName",
        "LastName",
        "Email",
        "Phone",
        "OtherPhone",
        "MailingStreet",
        "MailingCity",
        "MailingState",
        "MailingPostalCode",
        "MailingCountryCode",
        "Birthdate",
        "HasOptedOutOfEmail",
        "DoNotCall",
        "LeadSource",
        "Description",
    ],
    account_id: "Steward_Account_Id__c",
    customer_id: "Steward_Customer_Id__c",
    reference: ("Account.Steward_Account_Id__c", "Steward_Account_Id__c"),
    account_required: &["Steward_Account_Id__c", "Name"],
    contact_required: &["Steward_Customer_Id__c", "LastName"],
    limits: &[
        ("Account.csv", "Name", 255),
        ("Account.csv", "Phone", 40),
        ("Account.csv", "BillingStreet", 255),
        ("Account.csv", "BillingCity", 40),
        ("Account.csv", "BillingState", 80),
        ("Account.csv", "BillingPostalCode", 20),
        ("Contact.csv", "Salutation", 40),
        ("Contact.csv", "FirstName", 40),
        ("Contact.csv", "LastName", 80),
        ("Contact.csv", "Email", 80),
        ("Contact.csv", "Phone", 40),
        ("Contact.csv", "MailingStreet", 255),
        ("Contact.csv", "MailingCity", 40),
        ("Contact.csv", "MailingState", 80),
        ("Contact.csv", "MailingPostalCode", 20),
        ("Contact.csv", "Title", 128),
        ("Contact.csv", "Department", 80),
        ("Account.csv", "Website", 255),
    ],
};

const HUBSPOT: Spec = Spec {
    name: "hubspot",
    accounts: "companies.csv",
    contacts: "contacts.csv",
    account_header: &[
        "steward_account_id",
        "name",
        "phone",
        "website",
        "address",
        "city",
        "state",
        "zip",
        "country",
    ],
    contact_header: &[
        "steward_customer_id",
        "steward_account_id",
        "salutation",
        "firstname",
        "lastname",
        "jobtitle",
        "email",
        "phone",
        "address",
        "city",
        "state",
        "zip",
        "country",
        "company",
        "date_of_birth",
    ],
    account_id: "steward_account_id",
    customer_id: "steward_customer_id",
    reference: ("steward_account_id", "steward_account_id"),
    account_required: &["steward_account_id", "name"],
    contact_required: &["steward_customer_id"],
    limits: &[],
};

const DYNAMICS: Spec = Spec {
    name: "dynamics",
    accounts: "account.csv",
    contacts: "contact.csv",
    account_header: &[
        "new_stewardaccountid",
        "name",
        "telephone1",
        "emailaddress1",
        "websiteurl",
        "address1_line1",
        "address1_line2",
        "address1_city",
        "address1_stateorprovince",
        "address1_postalcode",
        "address1_country",
    ],
    contact_header: &[
        "new_stewardcustomerid",
        "parentcustomerid",
        "salutation",
        "firstname",
        "middlename",
        "lastname",
        "jobtitle",
        "department",
        "emailaddress1",
        "telephone1",
        "telephone2",
        "address1_line1",
        "address1_line2",
        "address1_city",
        "address1_stateorprovince",
        "address1_postalcode",
        "address1_country",
        "birthdate",
    ],
    account_id: "new_stewardaccountid",
    customer_id: "new_stewardcustomerid",
    reference: ("parentcustomerid", "new_stewardaccountid"),
    account_required: &["new_stewardaccountid", "name"],
    contact_required: &["new_stewardcustomerid", "lastname"],
    limits: &[
        ("account.csv", "name", 160),
        ("account.csv", "telephone1", 50),
        ("account.csv", "emailaddress1", 100),
        ("account.csv", "address1_line1", 250),
        ("account.csv", "address1_city", 80),
        ("account.csv", "address1_stateorprovince", 50),
        ("account.csv", "address1_postalcode", 20),
        ("account.csv", "address1_country", 80),
        ("contact.csv", "firstname", 50),
        ("contact.csv", "middlename", 50),
        ("contact.csv", "lastname", 50),
        ("contact.csv", "emailaddress1", 100),
        ("contact.csv", "telephone1", 50),
        ("contact.csv", "address1_line1", 250),
        ("contact.csv", "address1_city", 80),
        ("contact.csv", "address1_postalcode", 20),
        ("contact.csv", "jobtitle", 100),
        ("contact.csv", "department", 100),
        ("account.csv", "websiteurl", 200),
    ],
};

const ZOHO: Spec = Spec {
    name: "zoho",
    accounts: "Accounts.csv",
    contacts: "Contacts.csv",
    account_header: &[
        "Steward_Account_Id",
        "Account_Name",
        "Phone",
        "Website",
        "Billing_Street",
        "Billing_City",
        "Billing_State",
        "Billing_Code",
        "Billing_Country",
    ],
    contact_header: &[
        "Steward_Customer_Id",
        "Steward_Account_Id",
        "Account_Name",
        "Salutation",
        "First_Name",
        "Last_Name",
        "Title",
        "Department",
        "Email",
        "Phone",
        "Other_Phone",
        "Mailing_Street",
        "Mailing_City",
        "Mailing_State",
        "Mailing_Zip",
        "Mailing_Country",
        "Date_of_Birth",
        "Email_Opt_Out",
        "Lead_Source",
        "Description",
    ],
    account_id: "Steward_Account_Id",
    customer_id: "Steward_Customer_Id",
    reference: ("Account_Name", "Account_Name"),
    account_required: &["Steward_Account_Id", "Account_Name"],
    contact_required: &["Steward_Customer_Id", "Last_Name"],
    limits: &[
        ("Accounts.csv", "Account_Name", 100),
        ("Accounts.csv", "Phone", 30),
        ("Accounts.csv", "Billing_Street", 250),
        ("Contacts.csv", "First_Name", 40),
        ("Contacts.csv", "Last_Name", 80),
        ("Contacts.csv", "Email", 100),
        ("Contacts.csv", "Phone", 30),
        ("Contacts.csv", "Mailing_Street", 250),
        ("Contacts.csv", "Title", 100),
        ("Accounts.csv", "Website", 30),
    ],
};

const ALL: [&Spec; 4] = [&SALESFORCE, &HUBSPOT, &DYNAMICS, &ZOHO];

const EVERY_TARGET: [&str; 8] = [
    "--target",
    "salesforce",
    "--target",
    "hubspot",
    "--target",
    "dynamics",
    "--target",
    "zoho",
];

/// A file's rows as maps, after checking it parses as CSV with exactly `header`.
fn read_checked(path: &Path, header: &[&str]) -> Vec<HashMap<String, String>> {
    let (found, cells) = csv_cells(path);
    assert_eq!(found, header, "{}: header", path.display());
    for row in &cells {
        assert_eq!(
            row.len(),
            header.len(),
            "{}: a row of another width",
            path.display()
        );
    }
    cells
        .into_iter()
        .map(|cells| found.iter().cloned().zip(cells).collect())
        .collect()
}

/// Checks one target's folder against its documented format and the run's golden records.
fn check_target(out: &Path, spec: &Spec) {
    let folder = out.join("import").join(spec.name);
    let golden: BTreeSet<String> = Table::read(&out.join("golden.csv"))
        .rows
        .iter()
        .map(|r| r["customer_id"].clone())
        .collect();
    let customers_of_account: HashMap<String, Vec<String>> = Table::read(&out.join("accounts.csv"))
        .rows
        .iter()
        .map(|r| {
            let ids = r["source_customer_ids"]
                .split('|')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            (r["account_id"].clone(), ids)
        })
        .collect();
    let accounts = read_checked(&folder.join(spec.accounts), spec.account_header);
    let contacts = read_checked(&folder.join(spec.contacts), spec.contact_header);

    // Every golden customer in exactly one row.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for row in &contacts {
        *seen.entry(row[spec.customer_id].clone()).or_default() += 1;
    }
    let mut account_ids = BTreeSet::new();
    for row in &accounts {
        let id = &row[spec.account_id];
        assert!(
            account_ids.insert(id.clone()),
            "{}: account {id} twice",
            spec.name
        );
        let folded = customers_of_account
            .get(id)
            .unwrap_or_else(|| panic!("{}: account {id} not in accounts.csv", spec.name));
        for c in folded {
            *seen.entry(c.clone()).or_default() += 1;
        }
    }
    let placed: BTreeSet<String> = seen.keys().cloned().collect();
    assert_eq!(placed, golden, "{}: customers placed vs golden", spec.name);
    for (id, n) in &seen {
        assert_eq!(*n, 1, "{}: customer {id} in {n} rows", spec.name);
    }

    // Required columns present and filled.
    for (rows, required, file) in [
        (&accounts, spec.account_required, spec.accounts),
        (&contacts, spec.contact_required, spec.contacts),
    ] {
        for row in rows.iter() {
            for column in required {
                assert!(
                    !row[*column].trim().is_empty(),
                    "{}/{file}: empty {column}",
                    spec.name
                );
            }
        }
    }

    // No value beyond its documented length (in characters).
    for (file, column, max) in spec.limits {
        let rows = if *file == spec.accounts {
            &accounts
        } else {
            &contacts
        };
        for row in rows.iter() {
            let n = row[*column].chars().count();
            assert!(
                n <= *max,
                "{}/{file}: {column} has {n} characters, max {max}",
                spec.name
            );
        }
    }

    // Contacts' account references resolve to an account row.
    let (from, to) = spec.reference;
    let targets: BTreeSet<&str> = accounts.iter().map(|r| r[to].as_str()).collect();
    let mut linked = 0;
    for row in &contacts {
        let reference = row[from].as_str();
        if !reference.is_empty() {
            linked += 1;
            assert!(
                targets.contains(reference),
                "{}: contact refers to {reference}",
                spec.name
            );
        }
    }
    assert!(
        linked > 0,
        "{}: no contact is linked to an account",
        spec.name
    );

    let readme = std::fs::read_to_string(folder.join("README.txt")).expect("README.txt");
    let (a, c) = (
        readme.find(spec.accounts).expect("accounts file named"),
        readme.rfind(spec.contacts).expect("contacts file named"),
    );
    assert!(a < c, "{}: README loads accounts first", spec.name);
}

#[test]
fn every_target_gets_each_golden_customer_once_within_its_documented_format() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = run_args(&[&fixture("demo")], out.path(), &EVERY_TARGET);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for spec in ALL {
        check_target(out.path(), spec);
    }
    // The people of one organisation share its account; organisation-only customers are
    // accounts, not contacts.
    let accounts = Table::read(&out.path().join("accounts.csv"));
    assert!(
        accounts
            .rows
            .iter()
            .any(|r| !r["source_customer_ids"].is_empty())
    );
    assert!(accounts.rows.iter().any(|r| r["contact_count"] != "0"));
    let contacts = Table::read(&out.path().join("contacts.csv"));
    let golden = Table::read(&out.path().join("golden.csv"));
    assert!(contacts.rows.len() < golden.rows.len());
}

#[test]
fn the_same_inputs_give_byte_identical_import_files() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for out in [&a, &b] {
        let o = run_args(&[&fixture("demo")], out.path(), &EVERY_TARGET);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    for spec in ALL {
        for file in [spec.accounts, spec.contacts, "README.txt"] {
            let read = |out: &tempfile::TempDir| {
                std::fs::read(out.path().join("import").join(spec.name).join(file)).unwrap()
            };
            assert_eq!(read(&a), read(&b), "{}/{file}", spec.name);
        }
    }
    for table in ["accounts.csv", "contacts.csv"] {
        let read = |out: &tempfile::TempDir| std::fs::read(out.path().join(table)).unwrap();
        assert_eq!(read(&a), read(&b), "{table}");
    }
}

#[test]
fn a_value_cut_to_fit_and_a_filled_in_last_name_are_findings_and_in_the_readme() {
    let dir = tempfile::tempdir().unwrap();
    let long =
        "Wolfeschlegelsteinhausenbergerdorff-Vortschaftswerkerhausen-Abcdefghijklmnopqrstuvwxyz";
    let input = write(
        dir.path(),
        "crm.csv",
        format!(
            "First name,Last name,Company,Email,City,Country\n\
             Hubert,{long},Acme GmbH,hubert@acme.example,Berlin,DE\n\
             Anna,Schmidt,ACME,anna@acme.example,Berlin,DE\n\
             ,,,solo@example.org,Hamburg,DE\n"
        )
        .as_bytes(),
    );
    let out = tempfile::tempdir().unwrap();
    let o = run_args(
        &[&input],
        out.path(),
        &["--target", "salesforce", "--target", "dynamics"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    check_target(out.path(), &SALESFORCE);
    check_target(out.path(), &DYNAMICS);
    let contacts = read_checked(
        &out.path().join("import/salesforce/Contact.csv"),
        SALESFORCE.contact_header,
    );
    let hubert = contacts
        .iter()
        .find(|r| r["FirstName"] == "Hubert")
        .expect("Hubert");
    assert_eq!(
        hubert["LastName"],
        long.chars().take(80).collect::<String>()
    );
    let anna = contacts
        .iter()
        .find(|r| r["FirstName"] == "Anna")
        .expect("Anna");
    assert_eq!(
        hubert["Account.Steward_Account_Id__c"],
        anna["Account.Steward_Account_Id__c"]
    );
    let solo = contacts
        .iter()
        .find(|r| r["Email"] == "solo@example.org")
        .expect("solo");
    assert_eq!(
        solo["LastName"], "solo@example.org",
        "falls back on the e-mail"
    );

    let findings = findings(&out);
    let cut = findings.filter("code", "target.value_cut");
    assert!(
        cut.iter().any(|f| f["field"] == "family_name"
            && f["message"].contains(&hubert["Steward_Customer_Id__c"])
            && f["message"].contains("Salesforce")),
        "{cut:?}"
    );
    assert!(
        cut.iter().any(|f| f["message"].contains("Dynamics 365")),
        "lastname 50 there"
    );
    let fallback = findings.filter("code", "target.required_fallback");
    assert!(
        fallback.iter().any(|f| f["field"] == "email"),
        "{fallback:?}"
    );
    let readme = std::fs::read_to_string(out.path().join("import/salesforce/README.txt")).unwrap();
    assert!(
        readme.contains(&format!(
            "{} LastName: cut from",
            hubert["Steward_Customer_Id__c"]
        )),
        "{readme}"
    );
    assert!(!out.path().join("import/hubspot").exists());
}

#[test]
fn targets_come_from_the_config_too_and_masked_runs_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "crm.csv",
        b"Name,Company,Country\nAnn Lee,Globex,US\n",
    );
    let config = write(
        dir.path(),
        "steward.toml",
        format!(
            "[[source]]\npath = \"{}\"\n\n[output]\ntargets = [\"hubspot\"]\n",
            input.display()
        )
        .as_bytes(),
    );
    let out = tempfile::tempdir().unwrap();
    run_config(&config, out.path());
    assert!(out.path().join("import/hubspot/contacts.csv").is_file());
    assert!(out.path().join("import/hubspot/companies.csv").is_file());
    assert!(!out.path().join("import/salesforce").exists());

    let masked = tempfile::tempdir().unwrap();
    let o = run_args(
        &[&input],
        masked.path(),
        &["--target", "zoho", "--mask-pii"],
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("--mask-pii") && stderr.contains("--target"),
        "{stderr}"
    );
}

#[test]
fn a_later_run_without_targets_leaves_no_import_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "crm.csv",
        b"Name,Company,Country\nAnn Lee,Globex,US\n",
    );
    let out = tempfile::tempdir().unwrap();
    let o = run_args(&[&input], out.path(), &["--target", "zoho"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.path().join("import/zoho/Contacts.csv").is_file());
    let o = run_args(&[&input], out.path(), &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!out.path().join("import").exists());
}

#[test]
fn a_profile_from_schemas_dir_splits_the_rows_into_numbered_files() {
    let dir = tempfile::tempdir().unwrap();
    let schemas = dir.path().join("schemas");
    std::fs::create_dir_all(schemas.join("targets")).unwrap();
    let profile = std::fs::read_to_string(fixture("../schemas/targets/hubspot.toml")).unwrap();
    let profile = profile.replace("max_rows_per_file = 1048576", "max_rows_per_file = 40");
    assert!(profile.contains("max_rows_per_file = 40"));
    std::fs::write(schemas.join("targets/hubspot.toml"), profile).unwrap();
    let config = write(
        dir.path(),
        "steward.toml",
        format!(
            "schemas_dir = \"{}\"\n\n[[source]]\npath = \"{}\"\n\n[output]\ntargets = [\"hubspot\"]\n",
            schemas.display(),
            fixture("demo").display()
        )
        .as_bytes(),
    );
    let out = tempfile::tempdir().unwrap();
    run_config(&config, out.path());
    let folder = out.path().join("import/hubspot");
    let golden = Table::read(&out.path().join("golden.csv")).rows.len();
    let contacts = Table::read(&out.path().join("contacts.csv")).rows.len();
    assert!(
        contacts > 80,
        "the demo has more than two files' worth of contacts"
    );
    assert!(!folder.join("contacts.csv").exists());
    let mut rows = 0;
    let mut n = 1;
    while folder.join(format!("contacts-{n}.csv")).exists() {
        let part = read_checked(
            &folder.join(format!("contacts-{n}.csv")),
            HUBSPOT.contact_header,
        );
        assert!(
            part.len() <= 40 && !part.is_empty(),
            "file {n}: {} rows",
            part.len()
        );
        rows += part.len();
        n += 1;
    }
    assert_eq!(rows, contacts);
    assert_eq!(n - 1, contacts.div_ceil(40));
    let companies = read_checked(&folder.join("companies.csv"), HUBSPOT.account_header);
    assert!(
        companies.len() <= 40,
        "one companies file under its own name"
    );
    let accounts = Table::read(&out.path().join("accounts.csv")).rows.len();
    assert_eq!(companies.len(), accounts);
    assert!(contacts < golden);
    let readme = std::fs::read_to_string(folder.join("README.txt")).unwrap();
    assert!(
        readme.contains("contacts-1.csv, contacts-2.csv"),
        "{readme}"
    );
}
