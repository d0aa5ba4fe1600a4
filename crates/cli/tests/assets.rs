//! `showcall assets check` on real image files made by ImageMagick: right and wrong sizes, a
//! PNG with and without transparency, a JPEG that calls itself .png, a truncated file, a path
//! that vanished. Each failure names what was expected and what was found.

use showcall_core::testing::convert;
use std::path::Path;
use std::process::{Command, Output};

fn check(file: &Path, kind: &str) -> (Option<i32>, String) {
    let dir = file.parent().unwrap();
    let o: Output = Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(dir.join("showcall.db"))
        .args(["assets", "check"])
        .arg(file)
        .args(["--kind", kind])
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

fn line<'a>(out: &'a str, check: &str) -> &'a str {
    out.lines()
        .find(|l| l.split_whitespace().nth(1) == Some(check) && l.starts_with("FAIL"))
        .unwrap_or_else(|| panic!("no failed {check} in:\n{out}"))
}

#[test]
fn images_are_checked_against_their_kinds_spec() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = convert(d, "bg.png", &["-size", "1920x1080", "gradient:navy-teal"]);
    let (code, out) = check(&good, "background");
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("ok   dimensions") && out.contains("found 1920×1080"),
        "{out}"
    );

    let small = convert(d, "bg.jpg", &["-size", "1280x720", "xc:gray"]);
    let (code, out) = check(&small, "background");
    assert_eq!(code, Some(1));
    assert!(
        line(&out, "dimensions").contains("expected 1920×1080; found 1280×720"),
        "{out}"
    );

    let opaque = d.join("opaque.png");
    let o = Command::new("convert")
        .args(["-size", "1920x1080", "xc:white"])
        .arg(format!("PNG24:{}", opaque.display()))
        .output()
        .unwrap();
    assert!(o.status.success());
    let (code, out) = check(&opaque, "overlay");
    assert_eq!(code, Some(1));
    assert!(
        line(&out, "transparency").contains("no alpha channel"),
        "{out}"
    );
    let clear = d.join("clear.png");
    let o = Command::new("convert")
        .args(["-size", "1920x1080", "xc:none"])
        .arg(format!("PNG32:{}", clear.display()))
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(check(&clear, "overlay").0, Some(0));

    // A JPEG named .png: the type comes from the content.
    let liar = d.join("logo.png");
    std::fs::copy(&small, &liar).unwrap();
    let (code, out) = check(&liar, "overlay");
    assert_eq!(code, Some(1));
    assert!(
        line(&out, "type").contains("expected PNG; found JPEG"),
        "{out}"
    );

    // A truncated PNG: its end marker is missing (found without decoding the image).
    let bytes = std::fs::read(&good).unwrap();
    let cut = d.join("cut.png");
    std::fs::write(&cut, &bytes[..bytes.len() - 200]).unwrap();
    let (code, out) = check(&cut, "background");
    assert_eq!(code, Some(1));
    assert!(line(&out, "complete").contains("truncated"), "{out}");

    // A small logo: too short on its long side, and too wide for its height.
    let logo = d.join("tiny-logo.png");
    let o = Command::new("convert")
        .args(["-size", "450x50", "xc:none"])
        .arg(format!("PNG32:{}", logo.display()))
        .output()
        .unwrap();
    assert!(o.status.success());
    let (code, out) = check(&logo, "logo");
    assert_eq!(code, Some(1));
    assert!(
        line(&out, "dimensions").contains("at least 512 px"),
        "{out}"
    );
    assert!(line(&out, "aspect").contains("found 9.0:1"), "{out}");

    // A path that vanished.
    let (code, out) = check(&d.join("gone.png"), "banner");
    assert_eq!(code, Some(1));
    assert!(line(&out, "readable").contains("No such file"), "{out}");
}

fn showcall(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

/// `showcall assets EVENT`: the demo's checklist with its readiness, in text (both languages)
/// and as the documented JSON; a rejected item shows its reason.
#[test]
fn the_checklist_is_listed_with_readiness_and_reasons() {
    use showcall_core::branding::AssetKind;
    use showcall_core::edit::Edit;
    use showcall_core::i18n::Lang;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("showcall.db");
    assert!(showcall(&db, &["demo"]).status.success());
    let o = showcall(&db, &["assets", "Sommet Boréal 2027"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    // The demo's colours are approved; the clip is optional.
    assert!(
        text.starts_with("Sommet Boréal 2027 — branding: 1/6 required items approved (16%)"),
        "{text}"
    );
    assert!(text.contains("Clip vidéo (optional)"), "{text}");

    // Reject the banner by attaching a file that stands up.
    let mut store = showcall_core::Store::open(&db).unwrap();
    let id = store.find_event("Sommet Boréal 2027").unwrap();
    let banner = store
        .load(&id)
        .unwrap()
        .brand_items
        .into_iter()
        .find(|i| i.kind == AssetKind::Banner)
        .unwrap();
    let tall = convert(dir.path(), "tall.png", &["-size", "300x600", "xc:teal"]);
    let file = showcall_core::store::store_file(
        &showcall_core::paths::files_dir(&db),
        &tall,
        AssetKind::Banner,
        &banner.spec,
        "analyst",
        chrono::Utc::now(),
        Lang::FrCa,
    )
    .unwrap();
    store
        .edit(
            &id,
            &Edit::AttachBrandFile {
                id: banner.id.clone(),
                file,
                lang: Lang::FrCa,
            },
        )
        .unwrap();
    drop(store);

    let o = showcall(&db, &["--lang", "fr-CA", "assets", &id]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.starts_with(
            "Sommet Boréal 2027 — image de marque : 1/6 éléments requis approuvés (16 %)"
        ),
        "{text}"
    );
    let line = text.lines().find(|l| l.contains("Bannière")).unwrap();
    assert!(line.starts_with("refusé"), "{line}");
    assert!(
        text.contains("↳ tall.png : dimensions — attendu au moins 800×400, trouvé 300×600"),
        "{text}"
    );

    let o = showcall(&db, &["assets", &id, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["eventId", "eventName", "items", "readiness"]);
    assert_eq!(
        v["readiness"],
        serde_json::json!({"approved": 1, "required": 6})
    );
    let b = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "banner")
        .unwrap();
    assert_eq!(b["status"], "rejected");
    assert_eq!(b["files"][0]["report"]["checks"][0]["check"], "type");
    assert_eq!(b["history"][0]["to"], "rejected");

    // No event named, and an unknown one: usage errors.
    assert_eq!(showcall(&db, &["assets"]).status.code(), Some(2));
    assert_eq!(showcall(&db, &["assets", "Nope"]).status.code(), Some(2));
}

/// `assets check --kind video` on clips made by ffmpeg (CI installs it): codecs, size and
/// frame rate checked, a wrong clip fails with exit 1.
#[test]
fn video_clips_are_checked_from_the_command_line() {
    let ffmpeg = Command::new("ffmpeg").arg("-version").output();
    if !ffmpeg.is_ok_and(|o| o.status.success()) {
        assert!(std::env::var_os("CI").is_none(), "CI installs ffmpeg");
        eprintln!("ffmpeg not installed: video check not tested here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let clip = |name: &str, size: &str, rate: u32| {
        let out = dir.path().join(name);
        let o = Command::new("ffmpeg")
            .args(["-v", "error", "-y", "-f", "lavfi", "-i"])
            .arg(format!("testsrc=size={size}:rate={rate}"))
            .args(["-t", "1", "-c:v", "libx264", "-pix_fmt", "yuv420p"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        out
    };
    let good = clip("intro.mp4", "1920x1080", 25);
    let (code, out) = check(&good, "video");
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("ok   videoCodec    expected H.264; found H.264"),
        "{out}"
    );
    assert!(
        out.contains("ok   audioCodec    expected AAC; found no sound track"),
        "{out}"
    );
    let bad = clip("fast.mp4", "1280x720", 60);
    let (code, out) = check(&bad, "video");
    assert_eq!(code, Some(1));
    assert!(
        line(&out, "frameRate").contains("expected at most 30 fps; found 60.00 fps"),
        "{out}"
    );
}
