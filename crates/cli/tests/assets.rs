//! `showcall assets check` on real image files made by ImageMagick: right and wrong sizes, a
//! PNG with and without transparency, a JPEG that calls itself .png, a truncated file, a path
//! that vanished. Each failure names what was expected and what was found.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn convert(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let o = Command::new("convert")
        .args(args)
        .arg(&out)
        .output()
        .expect("ImageMagick's convert (apt install imagemagick; CI installs it)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

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
