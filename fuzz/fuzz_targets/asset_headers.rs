//! A branding file from anywhere (image or clip): `showcall_core::asset_check::sniff` on its
//! first bytes, then the spec checks of the default `logo` preset (type, size, PNG chunk walk,
//! JPEG markers, transparency, pixel size from the header) and of the `video` preset with no
//! ffprobe (so no clip is probed: that path must say so, not fail). Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use showcall_core::asset_check::{check_file, check_head, presets, sniff};
use showcall_core::i18n::Lang;
use std::io::Write;
use std::sync::Once;

static NO_FFPROBE: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    NO_FFPROBE.call_once(|| {
        // Single-threaded here, before any check reads it.
        std::env::set_var("SHOWCALL_FFPROBE", "/nonexistent/showcall-fuzz/ffprobe");
    });
    let _ = sniff(data);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("asset");
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(data))
        .expect("write the input");
    let specs = presets();
    // Both languages over the corpus: the wording code runs too.
    let lang = if data.len().is_multiple_of(2) {
        Lang::En
    } else {
        Lang::FrCa
    };
    for kind in ["logo", "video"] {
        let spec = &specs[kind];
        let full = check_file(&path, kind, spec, lang);
        let head = check_head(&path, kind, spec, lang);
        assert_eq!(full.bytes, data.len() as u64, "{kind}: byte size");
        assert_eq!(head.file_type, full.file_type, "{kind}: type by content");
        if std::env::var_os("FUZZ_DEBUG").is_some() {
            eprintln!("asset_headers: {kind}: {full:?}");
        }
    }
});
