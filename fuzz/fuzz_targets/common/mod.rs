//! What the two agenda targets share: the bytes read as a sheet (`showcall_agenda::read`), then,
//! when that works, what the import does before storing anything: columns detected, every row
//! read as a session, the import planned into the demo event and the plan applied and
//! validated. Refusals are fine; a panic is a bug.

use showcall_agenda::{apply, interpret, plan, DateOrder, Mapping, ReadOptions};
use std::sync::OnceLock;

fn demo() -> &'static showcall_core::EventData {
    static DEMO: OnceLock<showcall_core::EventData> = OnceLock::new();
    DEMO.get_or_init(showcall_core::demo::event)
}

pub fn agenda(data: &[u8]) {
    let debug = std::env::var_os("FUZZ_DEBUG").is_some();
    let sheet = match showcall_agenda::read(data, &ReadOptions::default()) {
        Ok(sheet) => sheet,
        Err(e) => {
            if debug {
                eprintln!("agenda: refused: {e}");
            }
            return;
        }
    };
    let mapping = Mapping::detect(&sheet);
    // Both orders: the file may settle it, else the hint decides.
    for hint in [DateOrder::DayFirst, DateOrder::MonthFirst] {
        let reading = match interpret(&sheet, &mapping, hint) {
            Ok(r) => r,
            Err(e) => {
                if debug {
                    eprintln!("agenda: {} rows, mapping refused: {e}", sheet.rows.len());
                }
                return;
            }
        };
        let p = plan(demo(), &reading);
        let after = apply(demo(), &p);
        let valid = showcall_core::validate::event_data(&after);
        if debug {
            eprintln!(
                "agenda: {} rows, {} sessions planned, {} row errors, result valid: {:?}",
                sheet.rows.len(),
                p.sessions.len(),
                p.errors.len(),
                valid.as_ref().map(|_| ())
            );
        }
    }
}
