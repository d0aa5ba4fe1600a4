//! A customer's agenda as XLSX. The input is the whole workbook (a zip): the seed corpus holds
//! real workbooks, so the mutations start from valid zip/XLSX structure. `showcall_agenda::read`
//! detects XLSX by content; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::agenda(data);
});
