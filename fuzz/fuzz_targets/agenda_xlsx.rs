//! A customer's agenda as a workbook: XLSX, ODS or XLS. The input is the whole file: the seed
//! corpus holds real workbooks of each kind (zip/XLSX, zip/ODS, OLE/XLS), so the mutations start
//! from valid structure. `showcall_agenda::read` detects the format by content; nothing may
//! panic.
//!
//! Except inside calamine's cell reader: it sums a cell reference's letters without checking
//! for overflow (`AAAAAAAAAA3` panics in a debug build), and the reader catches that panic
//! (`catch_unwind` around each cell) and refuses the file. libFuzzer's panic hook would abort
//! before the catch, so calamine's panics are let through to it here; any panic that is not
//! caught still ends the run as a crash (libfuzzer-sys aborts on a panic that unwinds out of
//! the target).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(
    init: {
        // libFuzzer's hook (prints, then aborts), then the standard one (prints).
        let abort = std::panic::take_hook();
        let print = std::panic::take_hook();
        let debug = std::env::var_os("FUZZ_DEBUG").is_some();
        std::panic::set_hook(Box::new(move |info| {
            if info.location().is_some_and(|l| l.file().contains("/calamine-")) {
                // Caught by the reader when it guards the call; when it does not, the panic
                // unwinds out of the target and libfuzzer-sys aborts: a crash all the same.
                if debug {
                    print(info);
                }
                return;
            }
            abort(info);
        }));
    },
    |data: &[u8]| {
        common::agenda(data);
    }
);
