//! A customer's agenda as CSV (any encoding, delimiter, quoting): `showcall_agenda::read`, then
//! the rows read as sessions with the default date order. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::agenda(data);
});
