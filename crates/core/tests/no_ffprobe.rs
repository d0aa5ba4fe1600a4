//! Without ffprobe, a video clip's probe is reported as not run (neither passed nor failed),
//! saying plainly what was not checked. Its own test binary: it changes the environment.

use showcall_core::asset_check::{check_file, presets};
use showcall_core::i18n::Lang;

#[test]
fn a_missing_ffprobe_is_said_plainly() {
    std::env::set_var("SHOWCALL_FFPROBE", "/nonexistent/ffprobe");
    let dir = tempfile::tempdir().unwrap();
    // The start of an MP4: an `ftyp` box is all the type check needs.
    let p = dir.path().join("clip.mp4");
    std::fs::write(&p, b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2").unwrap();
    let spec = presets().remove("video").unwrap();
    let r = check_file(&p, "video", &spec, Lang::En);
    assert!(r.ok(), "{:?}", r.checks);
    let probe = r.checks.iter().find(|c| c.check == "probe").unwrap();
    assert!(probe.skipped);
    assert_eq!(
        probe.found,
        "ffprobe is not installed: codecs, size, frame rate and duration were not checked"
    );
    let r = check_file(&p, "video", &spec, Lang::FrCa);
    let probe = r.checks.iter().find(|c| c.check == "probe").unwrap();
    assert!(
        probe.found.starts_with("ffprobe n’est pas installé"),
        "{}",
        probe.found
    );
}
