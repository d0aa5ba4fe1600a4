//! ffprobe and ffmpeg get a time limit: a tool that hangs is stopped and the check says so,
//! instead of the attach hanging with it; and an empty still is never kept. Its own test
//! binary: it points SHOWCALL_FFPROBE and SHOWCALL_FFMPEG at stand-in scripts.

use showcall_core::asset_check::{check_file, presets};
use showcall_core::branding::AssetKind;
use showcall_core::i18n::Lang;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    p
}

/// Runs `f` on another thread and waits at most 5 s for it.
fn within_5s<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(5))
        .unwrap_or_else(|_| panic!("{what} still running after 5 s"))
}

#[test]
fn a_hanging_tool_is_stopped_at_its_time_limit() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    // The start of an MP4: an `ftyp` box is all the type check needs.
    let clip = dir.path().join("intro.mp4");
    std::fs::write(&clip, b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2").unwrap();
    let spec = presets().remove("video").unwrap();

    // An ffprobe that never answers: stopped after the 1 s limit, and the check says so.
    std::env::set_var(
        "SHOWCALL_FFPROBE",
        script(&bin, "ffprobe-hangs", "exec sleep 60"),
    );
    std::env::set_var("SHOWCALL_PROBE_TIMEOUT_SECS", "1");
    let started = Instant::now();
    let (c, s) = (clip.clone(), spec.clone());
    let r = within_5s("the probe", move || check_file(&c, "video", &s, Lang::En));
    assert!(started.elapsed() >= Duration::from_secs(1));
    let probe = r.checks.iter().find(|c| c.check == "probe").unwrap();
    assert!(!probe.ok && !probe.skipped, "{probe:?}");
    assert_eq!(
        probe.found,
        "ffprobe did not answer within 1 s and was stopped: codecs, size, frame rate and duration were not checked"
    );
    let (c, s) = (clip.clone(), spec.clone());
    let r = within_5s("the probe", move || check_file(&c, "video", &s, Lang::FrCa));
    let probe = r.checks.iter().find(|c| c.check == "probe").unwrap();
    assert!(
        probe.found.starts_with("ffprobe n’a pas répondu en 1 s"),
        "{}",
        probe.found
    );

    // An ffprobe that answers, and an ffmpeg that hangs making the still: the attach ends
    // after the still's 1 s limit, with no still.
    let json = r#"{"streams":[{"codec_type":"video","codec_name":"h264","width":1920,"height":1080,"avg_frame_rate":"30/1"}],"format":{"duration":"2.0"}}"#;
    std::env::set_var(
        "SHOWCALL_FFPROBE",
        script(&bin, "ffprobe-ok", &format!("echo '{json}'")),
    );
    std::env::set_var(
        "SHOWCALL_FFMPEG",
        script(&bin, "ffmpeg-hangs", "exec sleep 60"),
    );
    std::env::set_var("SHOWCALL_STILL_TIMEOUT_SECS", "1");
    let db = dir.path().join("data").join("showcall.db");
    let files = showcall_core::paths::files_dir(&db);
    let thumbs = showcall_core::paths::thumbs_dir(&db);
    let attach = {
        let (files, clip, spec) = (files.clone(), clip.clone(), spec.clone());
        move || {
            showcall_core::store::store_file(
                &files,
                &clip,
                AssetKind::Video,
                &spec,
                "Analyst",
                "2027-04-01T12:00:00Z".parse().unwrap(),
                Lang::En,
            )
            .unwrap()
        }
    };
    let file = within_5s("the still", attach.clone());
    assert!(file.stored && file.report.ok(), "{:?}", file.report.checks);
    assert!(!file.thumbnail);
    assert_eq!(std::fs::read_dir(&thumbs).unwrap().count(), 0, "no still");

    // An ffmpeg that "succeeds" with an empty still: not kept, not claimed.
    std::env::set_var(
        "SHOWCALL_FFMPEG",
        script(
            &bin,
            "ffmpeg-empty",
            r#"for a in "$@"; do last="$a"; done; : > "${last#file:}""#,
        ),
    );
    let file = within_5s("the still", attach);
    assert!(!file.thumbnail);
    assert_eq!(
        std::fs::read_dir(&thumbs).unwrap().count(),
        0,
        "no empty still"
    );
}
