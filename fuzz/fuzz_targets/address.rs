//! Fuzzes the address normaliser: every address part under any row country.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use steward::Field;

fuzz_target!(init: common::warm_up(), |data: &[u8]| {
    let fields = [
        Field::AddressLine1,
        Field::AddressLine2,
        Field::Locality,
        Field::District,
        Field::Region,
        Field::PostalCode,
    ];
    common::run(data, &fields, "address");
});
