//! A clip whose name looks like an option (`-i.mp4`) or a protocol (`http:x.mp4`) is probed as
//! the file itself: ffprobe gets it as a `file:` URL. Its own test binary: it changes the
//! working folder, so the names reach ffprobe as given (relative).

use showcall_core::asset_check::{check_file, presets};
use showcall_core::i18n::Lang;
use std::path::Path;
use std::process::Command;

fn ffmpeg_present() -> bool {
    let ok = Command::new("ffmpeg")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("CI").is_some() {
        panic!("ffmpeg is missing: scripts/setup.sh installs it for CI");
    }
    ok
}

#[test]
fn clips_named_like_options_or_protocols_are_probed_as_files() {
    if !ffmpeg_present() {
        eprintln!("ffmpeg not installed: probing odd names not tested here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::env::set_current_dir(dir.path()).unwrap();
    // A tiny clip (64×48, 1 s), made under a plain name, then given the odd ones.
    let o = Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-f", "lavfi", "-i"])
        .args([
            "testsrc=size=64x48:rate=5",
            "-t",
            "1",
            "-pix_fmt",
            "yuv420p",
        ])
        .arg(dir.path().join("plain.mp4"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let spec = presets().remove("video").unwrap();
    for name in ["-i.mp4", "http:x.mp4", "concat:plain.mp4"] {
        std::fs::copy(dir.path().join("plain.mp4"), dir.path().join(name)).unwrap();
        let r = check_file(Path::new(name), "video", &spec, Lang::En);
        assert_eq!(
            (r.width, r.height),
            (Some(64), Some(48)),
            "{name}: {:?}",
            r.checks
        );
        assert!(
            r.checks
                .iter()
                .all(|c| c.check != "complete" && c.check != "probe"),
            "{name}: {:?}",
            r.checks
        );
    }
}
