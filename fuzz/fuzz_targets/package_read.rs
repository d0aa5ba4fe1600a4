//! A handoff package (.showcall zip) from anywhere: `showcall_exchange::read::open` with the
//! default limits, attached files unpacked into a staging folder. Whatever the bytes, it must
//! return (Ok or a refusal), never panic, and leave nothing behind in the staging folder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use showcall_exchange::read::{open, Limits};
use std::io::Write;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("in.showcall");
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(data))
        .expect("write the input");
    let staging = dir.path().join("staging");
    std::fs::create_dir(&staging).expect("staging dir");
    let result = open(&path, Some(&staging), &Limits::default());
    if std::env::var_os("FUZZ_DEBUG").is_some() {
        match &result {
            Ok(o) => eprintln!("package_read: ok, {} sessions", o.data.sessions.len()),
            Err(e) => eprintln!("package_read: refused: {e}"),
        }
    }
    drop(result);
    // The staging folder goes with the result, whether it was opened or refused.
    let left: Vec<_> = std::fs::read_dir(&staging)
        .expect("read staging")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert!(left.is_empty(), "staging folder not cleaned: {left:?}");
});
