//! Attaching branding files on a real SQLite file with real files: images made by ImageMagick
//! (right and wrong sizes, with and without alpha, JPEG, a JPEG that calls itself .png, a
//! truncated PNG, a 2 GB file, a vanished path, a folder), clips made by ffmpeg (where it is
//! installed; CI installs it). Attaching copies by SHA-256, never touches the original, sets the
//! status from the checks, and a refused file leaves the database and the checklist as they were.

use showcall_core::branding::{self, AssetKind, AssetStatus};
use showcall_core::edit::Edit;
use showcall_core::i18n::Lang;
use showcall_core::testing::convert;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "common/branding.rs"]
mod fixture;
use fixture::{fixture, sha256_of};

#[test]
fn a_wrong_background_is_rejected_and_a_right_one_approved() {
    let mut f = fixture();
    assert_eq!(f.readiness(), (0, 6));
    let small = convert(&f.dir, "bg-small.png", &["-size", "1280x720", "xc:navy"]);
    let before = std::fs::read(&small).unwrap();
    let file = f.attach(AssetKind::Background, &small, Lang::En).unwrap();
    // Copied under its hash; the original untouched and still there.
    assert!(file.stored);
    assert_eq!(file.sha256, sha256_of(&small));
    let kept =
        showcall_core::paths::blob_path(&showcall_core::paths::files_dir(&f.db), &file.sha256);
    assert_eq!(std::fs::read(&kept).unwrap(), before);
    assert_eq!(std::fs::read(&small).unwrap(), before);
    let bg = f.item(AssetKind::Background);
    assert_eq!(bg.status, AssetStatus::Rejected);
    assert!(
        bg.reason
            .contains("bg-small.png: dimensions — expected 1920×1080, found 1280×720"),
        "{}",
        bg.reason
    );
    assert_eq!(bg.history.len(), 1);
    assert_eq!(bg.history[0].by, "Analyst");

    // The right one, checked in French this time: received, then approved.
    let good = convert(
        &f.dir,
        "fond.png",
        &["-size", "1920x1080", "gradient:navy-teal"],
    );
    f.attach(AssetKind::Background, &good, Lang::FrCa).unwrap();
    let bg = f.item(AssetKind::Background);
    assert_eq!(bg.status, AssetStatus::Received);
    assert_eq!(bg.reason, "");
    assert_eq!(bg.files.len(), 2);
    assert_eq!(bg.files[1].report.checks[0].expected, "PNG ou JPEG");
    f.store
        .edit(
            &f.event,
            &Edit::SetBrandStatus {
                id: bg.id.clone(),
                status: AssetStatus::Approved,
                reason: String::new(),
                by: "Analyst".into(),
                at: "2027-04-02T12:00:00Z".parse().unwrap(),
            },
        )
        .unwrap();
    assert_eq!(f.readiness(), (1, 6));
    let bg = f.item(AssetKind::Background);
    let steps: Vec<_> = bg.history.iter().map(|h| (h.from, h.to)).collect();
    assert_eq!(
        steps,
        [
            (AssetStatus::Requested, AssetStatus::Rejected),
            (AssetStatus::Rejected, AssetStatus::Received),
            (AssetStatus::Received, AssetStatus::Approved),
        ]
    );
}

#[test]
fn bad_files_get_a_clear_error_and_change_nothing() {
    let mut f = fixture();
    let db_before = std::fs::read(&f.db).unwrap();
    let files = showcall_core::paths::files_dir(&f.db);

    // A path that vanished, and a folder: an error naming the file, nothing stored.
    let gone = f.dir.join("gone.png");
    let e = f.attach(AssetKind::Banner, &gone, Lang::En).unwrap_err();
    assert!(
        e.message(Lang::En)
            .starts_with("File: cannot read “gone.png”:"),
        "{}",
        e.message(Lang::En)
    );
    let e = f
        .attach(AssetKind::Banner, &f.dir.clone(), Lang::FrCa)
        .unwrap_err();
    assert!(
        e.message(Lang::FrCa).contains("c’est un dossier"),
        "{}",
        e.message(Lang::FrCa)
    );
    assert_eq!(
        std::fs::read(&f.db).unwrap(),
        db_before,
        "database untouched"
    );
    assert!(!files.exists() || std::fs::read_dir(&files).unwrap().next().is_none());

    // A 2 GB file (sparse): checked from its header, reported, never copied.
    let big = f.dir.join("huge.png");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(2 * 1024 * 1024 * 1024)
        .unwrap();
    let file = f.attach(AssetKind::Banner, &big, Lang::En).unwrap();
    assert!(!file.stored);
    assert_eq!(file.bytes, 2 * 1024 * 1024 * 1024);
    let b = f.item(AssetKind::Banner);
    assert_eq!(b.status, AssetStatus::Rejected);
    assert!(
        b.reason
            .contains("file type — expected PNG or JPEG, found unknown"),
        "{}",
        b.reason
    );
    assert!(
        b.reason
            .contains("file size — expected at most 1.5 MB, found 2147.5 MB"),
        "{}",
        b.reason
    );
    assert!(!showcall_core::paths::blob_path(&files, &file.sha256).exists());

    // A JPEG calling itself .png, and a truncated PNG: caught, the copy kept for the record.
    let liar = f.dir.join("banner.png");
    std::fs::rename(
        convert(&f.dir, "b.jpg", &["-size", "1000x500", "xc:gray"]),
        &liar,
    )
    .unwrap();
    f.attach(AssetKind::Overlay, &liar, Lang::En).unwrap();
    let o = f.item(AssetKind::Overlay);
    assert!(
        o.reason.contains("file type — expected PNG, found JPEG"),
        "{}",
        o.reason
    );
    let whole = convert(&f.dir, "whole.png", &["-size", "1920x1080", "plasma:"]);
    let bytes = std::fs::read(&whole).unwrap();
    let cut = f.dir.join("cut.png");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    f.attach(AssetKind::Background, &cut, Lang::En).unwrap();
    let bg = f.item(AssetKind::Background);
    assert_eq!(bg.status, AssetStatus::Rejected);
    assert!(
        bg.reason
            .contains("complete file — expected the whole file"),
        "{}",
        bg.reason
    );
    // The rest of the checklist is untouched by all of the above.
    for kind in [
        AssetKind::Logo,
        AssetKind::Video,
        AssetKind::Colours,
        AssetKind::Chat,
    ] {
        let it = f.item(kind);
        assert_eq!(
            (it.status, it.files.len()),
            (AssetStatus::Requested, 0),
            "{kind:?}"
        );
    }
    // No temporary copies left behind: only `<aa>/<sha256>` files.
    let mut leftovers = Vec::new();
    for e in std::fs::read_dir(&files).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if !e.path().is_dir() || name.len() != 2 {
            leftovers.push(name);
            continue;
        }
        for b in std::fs::read_dir(e.path()).unwrap() {
            let b = b.unwrap().file_name().to_string_lossy().into_owned();
            if !showcall_core::paths::is_sha256(&b) || !b.starts_with(&name) {
                leftovers.push(b);
            }
        }
    }
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_unreadable_file_is_an_error_on_that_item() {
    use std::os::unix::fs::PermissionsExt;
    let mut f = fixture();
    let p = convert(&f.dir, "secret.png", &["-size", "1920x1080", "xc:black"]);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&p).is_ok() {
        // Root reads anything: a folder stands in for an unreadable file (tested above).
        eprintln!("running as root: permissions do not stop reads here");
        return;
    }
    let e = f.attach(AssetKind::Background, &p, Lang::En).unwrap_err();
    assert!(
        e.message(Lang::En).contains("cannot read “secret.png”"),
        "{}",
        e.message(Lang::En)
    );
    assert_eq!(f.item(AssetKind::Background).status, AssetStatus::Requested);
}

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

fn clip(dir: &Path, name: &str, size: &str, rate: u32, vcodec: &str) -> PathBuf {
    let out = dir.join(name);
    let o = Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-f", "lavfi", "-i"])
        .arg(format!("testsrc=size={size}:rate={rate}"))
        .args([
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440",
            "-t",
            "2",
            "-c:v",
            vcodec,
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-shortest",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

#[test]
fn video_clips_are_probed_with_ffprobe() {
    if !ffmpeg_present() {
        eprintln!("ffmpeg not installed: video probing not tested here");
        return;
    }
    let mut f = fixture();
    let good = clip(&f.dir, "intro.mp4", "1920x1080", 30, "libx264");
    let file = f.attach(AssetKind::Video, &good, Lang::En).unwrap();
    assert!(file.report.ok(), "{:?}", file.report.checks);
    let found = |c: &str| {
        file.report
            .checks
            .iter()
            .find(|x| x.check == c)
            .map(|x| x.found.clone())
            .unwrap_or_default()
    };
    assert_eq!(found("videoCodec"), "H.264");
    assert_eq!(found("audioCodec"), "AAC");
    assert_eq!(found("dimensions"), "1920×1080");
    assert_eq!(found("frameRate"), "30.00 fps");
    assert!(file.report.duration_ms.unwrap().abs_diff(2000) < 100);
    assert!(file.thumbnail, "ffmpeg made a still");
    assert!(showcall_core::paths::thumbs_dir(&f.db)
        .join(format!("{}.jpg", file.sha256))
        .exists());
    assert_eq!(f.item(AssetKind::Video).status, AssetStatus::Received);

    let fast = clip(&f.dir, "fast.mp4", "1280x720", 60, "mpeg4");
    f.attach(AssetKind::Video, &fast, Lang::En).unwrap();
    let v = f.item(AssetKind::Video);
    assert_eq!(v.status, AssetStatus::Rejected);
    for want in [
        "video codec — expected H.264, found MPEG4",
        "dimensions — expected 1920×1080, found 1280×720",
        "frame rate — expected at most 30 fps, found 60.00 fps",
    ] {
        assert!(v.reason.contains(want), "{want} in {}", v.reason);
    }

    // Cut in half: the index is at the end (ffmpeg's default), so nothing plays.
    let bytes = std::fs::read(&good).unwrap();
    let cut = f.dir.join("cut.mp4");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let file = f.attach(AssetKind::Video, &cut, Lang::FrCa).unwrap();
    let c = file
        .report
        .checks
        .iter()
        .find(|c| c.check == "complete")
        .unwrap();
    assert!(!c.ok && c.found.starts_with("abîmé ou tronqué"), "{c:?}");
}

#[test]
fn a_right_type_over_the_cap_is_rejected_and_never_copied() {
    let mut f = fixture();
    // An MP4 that starts right (an ftyp box) and runs to 1.5 GB (sparse: nothing written).
    let big = f.dir.join("long-clip.mp4");
    {
        use std::io::Write;
        let mut w = std::fs::File::create(&big).unwrap();
        w.write_all(b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2")
            .unwrap();
        w.set_len(1_500_000_000).unwrap();
    }
    let file = f.attach(AssetKind::Video, &big, Lang::En).unwrap();
    assert!(!file.stored);
    let v = f.item(AssetKind::Video);
    assert_eq!(v.status, AssetStatus::Rejected);
    assert!(
        v.reason
            .contains("file size — expected at most 1 GB (the most Showcall keeps), found 1.5 GB"),
        "{}",
        v.reason
    );
    // A PNG of the right size and type but over its spec's 10 MB: rejected, not copied.
    let png = f.dir.join("huge-bg.png");
    {
        let small = convert(&f.dir, "head.png", &["-size", "1920x1080", "xc:navy"]);
        let mut bytes = std::fs::read(small).unwrap();
        bytes.resize(12_000_000, 0);
        std::fs::write(&png, bytes).unwrap();
    }
    let file = f.attach(AssetKind::Background, &png, Lang::En).unwrap();
    assert!(!file.stored);
    assert!(!showcall_core::paths::blob_path(
        &showcall_core::paths::files_dir(&f.db),
        &file.sha256
    )
    .exists());
    assert!(f
        .item(AssetKind::Background)
        .reason
        .contains("file size — expected at most 10.0 MB, found 12.0 MB"));
}

#[test]
fn an_item_whose_spec_names_no_type_takes_any_file() {
    let mut f = fixture();
    f.store
        .edit(
            &f.event,
            &Edit::AddBrandItems {
                items: vec![branding::PresetItem {
                    kind: AssetKind::Other,
                    title: "Sponsor deck".into(),
                    owner: showcall_core::model::Owner::Customer,
                    required: true,
                    spec: Default::default(),
                }],
            },
        )
        .unwrap();
    let deck = f.dir.join("deck.bin");
    std::fs::write(&deck, b"not a known format at all").unwrap();
    let file = f.attach(AssetKind::Other, &deck, Lang::En).unwrap();
    assert!(file.stored && file.report.ok(), "{:?}", file.report.checks);
    assert_eq!(f.item(AssetKind::Other).status, AssetStatus::Received);
    assert_eq!(f.readiness(), (0, 7));
}

#[test]
fn a_file_cannot_be_attached_to_colours() {
    let mut f = fixture();
    let png = convert(&f.dir, "c.png", &["-size", "10x10", "xc:red"]);
    let e = f.attach(AssetKind::Colours, &png, Lang::En).unwrap_err();
    assert!(
        e.message(Lang::En)
            .contains("is filled in, not delivered as a file"),
        "{}",
        e.message(Lang::En)
    );
    assert_eq!(f.item(AssetKind::Colours).files.len(), 0);
}
