//! Fuzzes the phone normaliser: phone, extension, type and alternate phone under any row country.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use steward::Field;

fuzz_target!(init: common::warm_up(), |data: &[u8]| {
    common::run(data, &[Field::Phone, Field::PhoneExt, Field::PhoneType, Field::PhoneAlt], "phone");
});
