//! Fuzzes the person-name normaliser: every name part under any country and name order.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use steward::Field;

fuzz_target!(init: common::warm_up(), |data: &[u8]| {
    let fields =
        [Field::FullName, Field::GivenName, Field::FamilyName, Field::MiddleName, Field::Salutation];
    common::run(data, &fields, "name");
});
