//! Files not shaped like a CRM export: copies only, shuffled rows, listings of businesses with
//! North American phones and no country, people born before 1900, headers Steward does not
//! know. Each is run with no config, as a new user would.

use crate::common::*;
use std::collections::BTreeSet;

/// Customers per input row content: the partition of the rows (data rows per input)
/// as sets of row texts, so two runs on the same rows in any order compare equal.
fn partition(out: &tempfile::TempDir, inputs: &[(&str, Vec<Vec<u8>>)]) -> BTreeSet<Vec<String>> {
    let mut by_customer: HashMap<String, Vec<String>> = HashMap::new();
    for row in &xref(out).rows {
        let (source, n) = (&row["source"], row["row"].parse::<usize>().expect("row"));
        let lines = &inputs
            .iter()
            .find(|(name, _)| name == source)
            .expect("a known source")
            .1;
        let customer = match row["customer_id"].as_str() {
            "" => format!("alone {source} {n}"),
            id => id.to_string(),
        };
        by_customer.entry(customer).or_default().push(format!(
            "{source}: {}",
            String::from_utf8_lossy(&lines[n - 1])
        ));
    }
    by_customer
        .into_values()
        .map(|mut rows| {
            rows.sort();
            rows
        })
        .collect()
}

/// The header and data rows of a delimited file, each row as its raw bytes re-encoded.
fn data_rows(path: &Path, delimiter: u8) -> (csv::ByteRecord, Vec<csv::ByteRecord>) {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_path(path)
        .expect("read fixture");
    let header = r.byte_headers().expect("header").clone();
    let rows = r.byte_records().map(|x| x.expect("record")).collect();
    (header, rows)
}

fn joined(delimiter: u8, header: &csv::ByteRecord, rows: &[csv::ByteRecord]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_writer(Vec::new());
    w.write_byte_record(header).expect("write");
    for r in rows {
        w.write_byte_record(r).expect("write");
    }
    w.into_inner().expect("flush")
}

fn as_line(r: &csv::ByteRecord) -> Vec<u8> {
    r.iter().collect::<Vec<_>>().join(&b'|')
}

fn customers(out: &tempfile::TempDir) -> BTreeSet<String> {
    xref(out)
        .rows
        .iter()
        .map(|r| r["customer_id"].clone())
        .collect()
}

#[test]
fn a_file_of_copies_of_one_customer_is_one_customer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let row = "Heather,Blackburn,heather.blackburn@gmail.com,(617) 543-0887,Boston";
    for copies in [20usize, 1000, 50_000] {
        let mut text = String::from("Given Name,Family Name,E-mail,Phone,City\n");
        for _ in 0..copies {
            text.push_str(row);
            text.push('\n');
        }
        let input = write(dir.path(), &format!("copies_{copies}.csv"), text.as_bytes());
        let out = run_ok(&[&input]);
        let xref = xref(&out);
        assert_eq!(xref.rows.len(), copies, "every copy is accounted for");
        let ids = customers(&out);
        assert_eq!(ids.len(), 1, "{copies} copies gave customers {ids:?}");
        assert!(!ids.contains(""), "no copy is left out of matching");
    }
}

#[test]
fn the_same_rows_in_another_order_give_the_same_customers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut originals = Vec::new();
    let mut shuffled = Vec::new();
    let mut folders = Vec::new();
    for (name, delimiter) in [("old_crm.csv", b','), ("ua_branch.csv", b';')] {
        let (header, rows) = data_rows(&fixture(&format!("synth_small/{name}")), delimiter);
        // Reverse, then deal into three piles: every row moves.
        let reversed: Vec<csv::ByteRecord> = rows.iter().rev().cloned().collect();
        let mut reordered = Vec::new();
        for pile in 0..3 {
            reordered.extend(reversed.iter().skip(pile).step_by(3).cloned());
        }
        let a = tempfile::tempdir_in(dir.path()).expect("tempdir");
        let b = tempfile::tempdir_in(dir.path()).expect("tempdir");
        let text = |rows: &[csv::ByteRecord]| rows.iter().map(as_line).collect::<Vec<_>>();
        let (first, second) = (
            joined(delimiter, &header, &rows),
            joined(delimiter, &header, &reordered),
        );
        originals.push((name, write(a.path(), name, &first), text(&rows)));
        shuffled.push((name, write(b.path(), name, &second), text(&reordered)));
        folders.push((a, b));
    }
    let run = |inputs: &[(&str, PathBuf, Vec<Vec<u8>>)]| {
        let paths: Vec<&Path> = inputs.iter().map(|(_, p, _)| p.as_path()).collect();
        let out = run_ok(&paths);
        let lines: Vec<(&str, Vec<Vec<u8>>)> =
            inputs.iter().map(|(n, _, l)| (*n, l.clone())).collect();
        partition(&out, &lines)
    };
    let (first, second) = (run(&originals), run(&shuffled));
    assert!(
        first.iter().any(|c| c.len() > 1),
        "the fixture has duplicates"
    );
    let only_first: Vec<_> = first.difference(&second).collect();
    let only_second: Vec<_> = second.difference(&first).collect();
    assert!(
        only_first.is_empty() && only_second.is_empty(),
        "in the given order only: {only_first:#?}\nshuffled only: {only_second:#?}"
    );
}

#[test]
fn business_listings_without_a_country_merge_on_name_address_and_phone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "listings.csv",
        b"name,addr,city,phone,type\n\
          Blue Heron Grill,1210 Harbor Blvd.,Oakland,510/555-0142,seafood\n\
          Blue Heron Grill & Bar,1210 Harbor Boulevard,Oakland,510-555-0142,american\n\
          Casa Molina,88 Fourth St,Denver,303/555-0175,mexican\n\
          Casa Molina Restaurant,88 4th Street,Denver,303-555-0175,mexican\n\
          The Copper Kettle,9 Elm Ave,Portland,503/555-0110,diner\n\
          Golden Lotus,402 Pine St,Seattle,206/555-0188,chinese\n\
          Golden Dragon,77 Market St,Seattle,206/555-0133,chinese\n\
          Harvest Table,15 Main St,Boise,208/555-0190,american\n",
    );
    let out = run_ok(&[&input]);
    let x = xref(&out);
    let customer = |row: u64| x.at("listings.csv", row)["customer_id"].clone();
    assert!(
        !customer(1).is_empty(),
        "a listing is matched, not quarantined"
    );
    assert_eq!(customer(1), customer(2), "Blue Heron Grill");
    assert_eq!(customer(3), customer(4), "Casa Molina");
    assert_ne!(customer(6), customer(7), "two restaurants sharing a word");
    assert_eq!(customers(&out).len(), 6);
    // The phones were read as North American, though no row names a country.
    let golden = Table::read(&out.path().join("golden.csv"));
    let blue = golden.filter("customer_id", &customer(1));
    assert_eq!(blue[0]["phone"], "+15105550142");
    assert!(
        blue[0]["organization"].starts_with("Blue Heron Grill"),
        "{blue:?}"
    );
    let f = findings(&out);
    assert!(!f.filter("code", "country.sniffed").is_empty());
    let by_content = f.filter("code", "header.by_content");
    assert!(
        by_content.iter().any(|r| r["field"] == "name"),
        "the name column was read as organisations: {by_content:?}"
    );
}

#[test]
fn people_born_before_1900_keep_their_dates_and_birth_places() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "register.csv",
        b"surname,forenames,born,place of birth\n\
          Whitlock,Eliza Mary,14/03/1851,Norwich\n\
          Whitlock,Eliza M.,14/03/1851,\"Norwich, Norfolk\"\n\
          Whitlock,Eliza,03/11/1849,Leeds\n\
          Penhallow,Thomas,02/07/1838,Truro\n\
          Penhallow,Thos.,02/07/1838,Truro\n",
    );
    let out = run_ok(&[&input]);
    let x = xref(&out);
    let customer = |row: u64| x.at("register.csv", row)["customer_id"].clone();
    assert!(!customer(1).is_empty());
    assert_eq!(customer(1), customer(2));
    assert_ne!(
        customer(1),
        customer(3),
        "another Eliza Whitlock, born elsewhere"
    );
    assert_eq!(customer(4), customer(5));
    let golden = Table::read(&out.path().join("golden.csv"));
    let eliza = golden.filter("customer_id", &customer(1));
    assert_eq!(eliza[0]["birth_date"], "1851-03-14");
    assert!(eliza[0]["birth_place"].starts_with("Norwich"), "{eliza:?}");
    let f = findings(&out);
    assert!(f.filter("code", "date.out_of_range").is_empty());
    assert!(!f.filter("code", "date.implausible").is_empty());
}

#[test]
fn unknown_headers_are_read_by_their_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "sites.csv",
        b"Site name,Street,Town,postcode_site,contact_tel\n\
          Riverside Community Centre,4 Mill Lane,Bath,BA1 5RT,01225 555 019\n\
          Riverside Community Centre,4 Mill Ln,Bath,BA1 5RT,01225 555019\n\
          Hilltop Primary School,22 Church Road,Frome,BA11 1QS,01373 555 871\n\
          St Mary's Parish Hall,1 Vicarage Close,Wells,BA5 2PE,01749 555 230\n\
          Old Forge Garage Ltd,87 London Road,Chippenham,SN15 3AD,01249 555 614\n\
          Kingsmead Leisure Centre,Kingsmead Square,Bath,BA1 2AB,01225 555 700\n\
          The Crown Inn,12 High Street,Keynsham,BS31 1DS,0117 555 0182\n\
          Greenway Medical Practice,30 Greenway Lane,Bath,BA2 4LN,01225 555 331\n\
          Avon Valley Cycles,5 Station Approach,Bradford on Avon,BA15 1DQ,01225 555 901\n\
          Westfield Library,Westfield Park,Radstock,BA3 3UG,01761 555 118\n\
          Northgate Dental Surgery,44 Northgate Street,Bath,BA1 5AS,01225 555 440\n\
          Combe Down Bakery,3 The Avenue,Combe Down,BA2 5EG,01225 555 283\n",
    );
    let out = run_ok(&[&input]);
    let f = findings(&out);
    let read_as = |column: &str| {
        f.filter("code", "header.by_content")
            .iter()
            .any(|r| r["field"] == column)
    };
    assert!(read_as("Site name"), "a name column by its values");
    assert!(
        read_as("postcode_site"),
        "a postcode column by a word and its values"
    );
    let golden = Table::read(&out.path().join("golden.csv"));
    assert_eq!(golden.rows.len(), 11);
    assert!(
        golden
            .rows
            .iter()
            .any(|r| r["organization"] == "Riverside Community Centre"
                && r["postal_code"] == "BA1 5RT"),
        "{:?}",
        golden.rows
    );
}

#[test]
fn rows_with_only_an_address_and_a_local_number_are_matched_not_quarantined() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "sites.csv",
        b"name,street,city,phone\n\
          Lakeview Learning Center,2889 E 67th St.,Chicago,(773) 294-5185\n\
          ,2889 E 67th Street,Chicago,294-5185\n\
          ,410 W Maple Ave,Chicago,851-9295\n",
    );
    let out = run_ok(&[&input]);
    let x = xref(&out);
    let customer = |row: u64| x.at("sites.csv", row)["customer_id"].clone();
    assert!(
        !customer(2).is_empty() && !customer(3).is_empty(),
        "no row quarantined"
    );
    assert!(findings(&out).filter("code", "row.no_identity").is_empty());
    assert_eq!(
        customer(1),
        customer(2),
        "one site: its street and its number's tail"
    );
    assert_ne!(customer(2), customer(3));
}

#[test]
fn a_registry_number_is_compared_as_an_identifier_and_a_street_number_joins_the_street() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "register.csv",
        b"given_name, surname, street_number, address_1, suburb, postcode, state, date_of_birth, soc_sec_id\n\
          michaela, neumann, 8, stanley street, winston hills, 4223, nsw, 19151111, 5304218\n\
          michafla, neumqnn, 8, stanleykstreet, winstonbhills, 4223, , 19510111, 5304218\n\
          courtney, painter, 12, pinkerton circuit, richlands, 4560, vic, 19161214, 4066625\n\
          charles, green, 38, salkauskas crescent, dapto, 4566, nsw, 19480930, 4365168\n\
          charles, green, 38, salkauskas crescent, dapto, 4566, nsw, 19731102, 9120457\n\
          lachlan, berry, 69, giblin street, bittern, 4814, qld, 19990219, 7364009\n\
          deakin, sondergeld, 48, goldfinch circuit, canterbury, 2776, vic, 19600210, 2635962\n\
          kayla, harrington, 3, maltby circuit, coolaroo, 3465, nsw, 19150612, 9004242\n\
          isabella, white, 17, lalor place, kingsford, 2032, nsw, 19820507, 1278894\n\
          joshua, coleman, 250, kirkpatrick street, ashgrove, 4060, qld, 19770923, 3311056\n\
          ellie, fraser, 5, mirrabooka avenue, glenroy, 3046, vic, 19890301, 8843120\n\
          thomas, nguyen, 91, brentwood drive, seaford, 5169, sa, 19540716, 5672093\n",
    );
    let out = run_ok(&[&input]);
    let f = findings(&out);
    assert!(
        f.filter("code", "header.identifier")
            .iter()
            .any(|r| r["field"] == "soc_sec_id"),
        "the registry number is read as an identifier"
    );
    let x = xref(&out);
    let customer = |row: u64| x.at("register.csv", row)["customer_id"].clone();
    assert_eq!(
        customer(1),
        customer(2),
        "one person: the same registry number, despite typos and a mistyped birth date"
    );
    assert_ne!(customer(1), customer(3));
    let golden = Table::read(&out.path().join("golden.csv"));
    let painter = golden.filter("customer_id", &customer(3));
    assert!(
        painter[0]["address_line1"].contains("12")
            && painter[0]["address_line1"]
                .to_lowercase()
                .contains("pinkerton"),
        "{painter:?}"
    );
    assert!(
        golden.rows.iter().all(|r| r["phone"].is_empty()),
        "a registry number is not a phone"
    );
}

#[test]
fn a_column_of_street_lines_is_the_address_whatever_its_header() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "shops.csv",
        b"shop,premises,town\n\
          Village Books,914 Veterans Memorial Blvd.,New Orleans\n\
          Rusty Books,3225 Harvard St.,Brookline\n\
          Anchor Bar,4371 Abbot Kinney Blvd.,Santa Monica\n\
          Happy Crust Bakery,6186 N. State St.,Chicago\n\
          Mandarin Palace,8897 Commonwealth Ave.,Brookline\n\
          Old Petal,2790 Bourbon St.,Metairie\n\
          The Hearth Room,7919 St. Charles Ave.,New Orleans\n\
          Pizzeria Luna,7751 Poydras Street,New Orleans\n\
          Olive Coffee House,755 Wilshire Boulevard,West Hollywood\n",
    );
    let out = run_ok(&[&input]);
    assert!(
        findings(&out)
            .filter("code", "header.by_content")
            .iter()
            .any(|r| r["field"] == "premises"),
        "street lines are read as the address"
    );
    let golden = Table::read(&out.path().join("golden.csv"));
    assert!(
        golden
            .rows
            .iter()
            .any(|r| r["address_line1"].contains("Veterans Memorial")),
        "{:?}",
        golden.rows
    );
}

#[test]
fn an_organisation_with_two_numbers_is_one_customer_but_two_namesakes_with_their_own_mobiles_are_two()
 {
    let dir = tempfile::tempdir().expect("tempdir");
    let shops = write(
        dir.path(),
        "shops.csv",
        b"name,address,city,phone\n\
          Village Books,914 Veterans Memorial Blvd.,New Orleans,504-716-2194\n\
          village books,914 veterans memorial blvd.,new orleans,504/268-8749\n\
          Rusty Books,3225 Harvard St.,Brookline,617/685-5598\n\
          Anchor Bar,4371 Abbot Kinney Blvd.,Santa Monica,(310) 937-4255\n\
          Happy Crust Bakery,6186 N. State St.,Chicago,312/582-4044\n\
          Mandarin Palace,8897 Commonwealth Ave.,Brookline,617/335-0260\n\
          Old Petal,2790 Bourbon St.,Metairie,504/571-2617\n\
          The Hearth Room,7919 St. Charles Ave.,New Orleans,504-902-4615\n\
          Pizzeria Luna,7751 Poydras Street,New Orleans,504/201-8859\n",
    );
    let people = write(
        dir.path(),
        "people.csv",
        b"first name,last name,street,city,mobile,email\n\
          James,Carter,12 Elm Street,Springfield,+44 7911 123456,james.carter@gmail.com\n\
          James,Carter,12 Elm Street,Springfield,+44 7824 381907,jcarter1961@yahoo.com\n\
          Mary,Owens,4 Oak Road,Springfield,+44 7789 204331,mary.owens@gmail.com\n",
    );
    let out = run_ok(&[&shops, &people]);
    let x = xref(&out);
    let customer = |source: &str, row: u64| x.at(source, row)["customer_id"].clone();
    assert_eq!(
        customer("shops.csv", 1),
        customer("shops.csv", 2),
        "a shop's two lines are no conflict"
    );
    assert_ne!(customer("shops.csv", 1), customer("shops.csv", 3));
    assert_ne!(
        customer("people.csv", 1),
        customer("people.csv", 2),
        "a father and a son at one home, each with a mobile and a mailbox"
    );
}

#[test]
fn a_familys_shared_mailbox_does_not_make_its_members_one_person() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(
        dir.path(),
        "members.csv",
        b"Member No,Surname,Forename(s),Address 1,Town,Postcode,Home Tel,Email\n\
          1914,Mitchell,Molly,41 The Street,Guildford,GU2 1UJ,01483 755565,mitchellfamily@virginmedia.com\n\
          2029,MITCHELL,Molly,41 The Street,Guildford,GU2 1UJ,01483 755565,mitchellfamily@virginmedia.com\n\
          1062,Mitchell,Nathan,41 The Street,Guildford,GU2 1UJ,01483 755565,mitchellfamily@virginmedia.com\n\
          1031,Benson,Oliver,153 Queens Road,Redhill,RH1 8DG,01737 703825,benson.family@outlook.com\n\
          1602,Benson,Brenda,153 Queens Road,Redhill,RH1 8DG,01737 703825,benson.family@outlook.com\n\
          1462,Hall,Timothy,9 Jenkins Road,Epsom,KT17 7YB,01372 507629,thehalls@aol.com\n\
          1350,Hall,Bethany,9 Jenkins Road,Epsom,KT17 7YB,01372 507629,thehalls@aol.com\n\
          1100,Green,Oliver,2 Jones Ct,Guildford,GU2 7QG,01483 206521,olivergreen@btinternet.com\n\
          1101,Green,Oliver,2 Jones Court,Guildford,GU2 7QG,01483 206521,olivergreen@btinternet.com\n",
    );
    let out = run_ok(&[&input]);
    let x = xref(&out);
    let customer = |row: u64| x.at("members.csv", row)["customer_id"].clone();
    assert_eq!(customer(1), customer(2), "Molly twice");
    assert_ne!(customer(1), customer(3), "Molly and her son Nathan");
    assert_ne!(customer(4), customer(5), "Oliver and Brenda Benson");
    assert_ne!(customer(6), customer(7), "Timothy and Bethany Hall");
    assert_eq!(customer(8), customer(9), "Oliver Green twice");
}

/// A row whose name columns were filled the other way round, with a typo in the name and a
/// birth date a day off, shares no blocking key written the usual way; it is still compared
/// with its twin. So is a given name alone in one row against the same name in the family
/// column of another with the same birth date.
#[test]
fn rows_with_the_name_columns_the_other_way_round_are_compared_with_their_twins() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "people.csv",
        b"first_name,surname,dob,city\n\
          Amela,Watson,2006-11-26,\n\
          Watson,Amelia,2006-11-27,Hull\n\
          Zoe,Walker,2006-01-01,Hull\n\
          Reuben,,1986-12-21,Swansea\n\
          Davies,Reuben,1986-12-21,Swansea\n\
          Oliver,Price,1990-05-05,Leeds\n",
    );
    let config = write(
        dir.path(),
        "steward.toml",
        // A budget too small for every pair, so blocking alone decides what is compared.
        b"[[source]]\npath = \"people.csv\"\n\n[dedupe]\nkeep_pairs_min_probability = 0.0\ncomparison_budget = 1\n",
    );
    let out = dir.path().join("out");
    run_config(&config, &out);
    let pairs = Table::read(&out.join("pairs.csv"));
    let compared = |a: &str, b: &str| {
        pairs
            .rows
            .iter()
            .any(|r| r["left_row"] == a && r["right_row"] == b)
    };
    assert!(compared("1", "2"), "Amelia Watson was not compared");
    assert!(compared("4", "5"), "Reuben Davies was not compared");
    assert!(!compared("1", "3"), "Zoe Walker has no name in common");
}
