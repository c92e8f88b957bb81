//! Fuzzes the date normaliser: created and birth dates under any country and proven day/month order.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use steward::Field;

fuzz_target!(init: common::warm_up(), |data: &[u8]| {
    common::run(data, &[Field::CreatedAt, Field::BirthDate], "date");
});
