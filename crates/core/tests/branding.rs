//! The branding checklist on a real SQLite file with real files: images made by ImageMagick
//! (right and wrong sizes, with and without alpha, JPEG, a JPEG that calls itself .png, a
//! truncated PNG, a 2 GB file, a vanished path, a folder), clips made by ffmpeg (where it is
//! installed; CI installs it). Attaching copies by SHA-256, never touches the original, sets the
//! status from the checks, and a refused file leaves the database and the checklist as they were.

use showcall_core::branding::{self, AssetFile, AssetKind, AssetStatus};
use showcall_core::edit::Edit;
use showcall_core::i18n::Lang;
use showcall_core::testing::{convert, session, stage};
use showcall_core::{view, Store};
use std::path::{Path, PathBuf};
use std::process::Command;

struct Fixture {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    db: PathBuf,
    store: Store,
    event: String,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("showcall.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let mut store = Store::open(&db).unwrap();
    let mut d = view::new_event("Summit", "America/Toronto", "en");
    let a = stage(&mut d, "Main");
    session(
        &mut d,
        &a,
        "Opening",
        "2027-05-04T13:00:00Z",
        "2027-05-04T14:00:00Z",
    );
    branding::sync(&mut d);
    store.insert(&d).unwrap();
    Fixture {
        dir: dir.path().to_path_buf(),
        _dir: dir,
        db,
        store,
        event: d.event.id.clone(),
    }
}

impl Fixture {
    fn item(&self, kind: AssetKind) -> branding::BrandItem {
        let d = self.store.load(&self.event).unwrap();
        d.brand_items.into_iter().find(|i| i.kind == kind).unwrap()
    }

    /// What the app's attach command does: copy and check, then record.
    fn attach(
        &mut self,
        kind: AssetKind,
        path: &Path,
        lang: Lang,
    ) -> showcall_core::Result<AssetFile> {
        let it = self.item(kind);
        let file = showcall_core::store::store_file(
            &showcall_core::paths::files_dir(&self.db),
            path,
            kind,
            &it.spec,
            "Analyst",
            "2027-04-01T12:00:00Z".parse().unwrap(),
            lang,
        )?;
        self.store.edit(
            &self.event,
            &Edit::AttachBrandFile {
                id: it.id.clone(),
                file: file.clone(),
                lang,
            },
        )?;
        Ok(file)
    }

    fn readiness(&self) -> (u32, u32) {
        let e = self.store.list_events().unwrap();
        let r = e.iter().find(|s| s.id == self.event).unwrap().readiness;
        (r.approved, r.required)
    }
}

fn sha256_of(p: &Path) -> String {
    let o = Command::new("sha256sum").arg(p).output().unwrap();
    String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

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
fn rejecting_needs_a_reason_and_approving_needs_a_file() {
    let mut f = fixture();
    let logo = f.item(AssetKind::Logo);
    let status = |status, reason: &str| Edit::SetBrandStatus {
        id: logo.id.clone(),
        status,
        reason: reason.into(),
        by: "Analyst".into(),
        at: "2027-04-02T12:00:00Z".parse().unwrap(),
    };
    let e = f
        .store
        .edit(&f.event, &status(AssetStatus::Approved, ""))
        .unwrap_err();
    assert!(
        e.message(Lang::En)
            .contains("has no file yet: attach one first"),
        "{}",
        e.message(Lang::En)
    );
    assert!(
        e.message(Lang::FrCa).contains("joignez-en un d’abord"),
        "{}",
        e.message(Lang::FrCa)
    );
    let e = f
        .store
        .edit(&f.event, &status(AssetStatus::Rejected, "  "))
        .unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "Reason for rejecting: must not be empty"
    );
    // Colours are filled in, not attached: approving an empty or unreadable palette is refused;
    // filling it in makes the item received, and then it can be approved.
    let colours = f.item(AssetKind::Colours);
    let approve_colours = Edit::SetBrandStatus {
        id: colours.id.clone(),
        status: AssetStatus::Approved,
        reason: String::new(),
        by: "analyst".into(),
        at: "2027-04-02T12:00:00Z".parse().unwrap(),
    };
    let e = f.store.edit(&f.event, &approve_colours).unwrap_err();
    assert_eq!(e.message(Lang::En), "Primary colour: must not be empty");
    let mut b = f.store.load(&f.event).unwrap().branding;
    b.palette = showcall_core::branding::Palette {
        primary: "#0b3d5c".into(),
        secondary: "#f2a900".into(),
        text: "#777777".into(),
        background: "#ffffff".into(),
    };
    let paint = |b: &showcall_core::branding::Branding| Edit::UpdateBranding {
        fields: b.clone(),
        by: Some("customer".into()),
        at: Some("2027-04-02T11:00:00Z".parse().unwrap()),
    };
    f.store.edit(&f.event, &paint(&b)).unwrap();
    // Grey #777 on white is under AA: stored, but neither received nor approvable.
    assert_eq!(f.item(AssetKind::Colours).status, AssetStatus::Requested);
    let e = f.store.edit(&f.event, &approve_colours).unwrap_err();
    assert!(
        e.message(Lang::En)
            .contains("under the 4.5:1 WCAG AA asks for"),
        "{}",
        e.message(Lang::En)
    );
    b.palette.text = "#ffffff".into();
    b.palette.background = "#0b3d5c".into();
    f.store.edit(&f.event, &paint(&b)).unwrap();
    let c = f.item(AssetKind::Colours);
    assert_eq!(
        (c.status, c.history[0].by.as_str()),
        (AssetStatus::Received, "customer")
    );
    f.store.edit(&f.event, &approve_colours).unwrap();
    assert_eq!(f.readiness(), (1, 6));
    // A transparent logo is received; an opaque one is rejected for its transparency.
    let opaque = convert(&f.dir, "logo.jpg", &["-size", "800x400", "xc:white"]);
    f.attach(AssetKind::Logo, &opaque, Lang::En).unwrap();
    let l = f.item(AssetKind::Logo);
    assert_eq!(l.status, AssetStatus::Rejected);
    assert!(
        l.reason
            .contains("file type — expected PNG or SVG, found JPEG"),
        "{}",
        l.reason
    );
    let alpha = convert(
        &f.dir,
        "logo.png",
        &[
            "-size",
            "800x400",
            "xc:none",
            "-fill",
            "red",
            "-draw",
            "circle 200,200 200,50",
        ],
    );
    f.attach(AssetKind::Logo, &alpha, Lang::En).unwrap();
    assert_eq!(f.item(AssetKind::Logo).status, AssetStatus::Received);
    let flat = convert(
        &f.dir,
        "flat.png",
        &["-size", "800x400", "xc:white", "-alpha", "off"],
    );
    f.attach(AssetKind::Logo, &flat, Lang::En).unwrap();
    let l = f.item(AssetKind::Logo);
    assert_eq!(l.status, AssetStatus::Rejected);
    assert!(
        l.reason
            .contains("transparency — expected an alpha channel"),
        "{}",
        l.reason
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
fn items_are_edited_and_the_branding_details_validated_by_field() {
    use showcall_core::edit::BrandItemFields;
    use showcall_core::model::Owner;
    let mut f = fixture();
    let logo = f.item(AssetKind::Logo);
    assert_eq!(logo.due.unwrap().to_string(), "2027-04-20");
    // A date set by hand stays when the event moves; one that follows the event moves with it.
    let mut spec = logo.spec.clone();
    spec.min_long_side = Some(1024);
    let fields = BrandItemFields {
        title: "  Sponsor logo ".into(),
        owner: Owner::Analyst,
        required: false,
        due: "2027-04-01".into(),
        notes: "White on transparent".into(),
        spec,
    };
    f.store
        .edit(
            &f.event,
            &Edit::UpdateBrandItem {
                id: logo.id.clone(),
                fields: fields.clone(),
            },
        )
        .unwrap();
    let d = f.store.load(&f.event).unwrap();
    let days = showcall_core::branding::Branding {
        due_days_before: 7,
        ..d.branding.clone()
    };
    f.store
        .edit(
            &f.event,
            &Edit::UpdateBranding {
                fields: days,
                by: None,
                at: None,
            },
        )
        .unwrap();
    let l = f.item(AssetKind::Logo);
    assert_eq!(
        (l.title.as_str(), l.owner, l.required, l.due_custom),
        ("Sponsor logo", Owner::Analyst, false, true)
    );
    assert_eq!(l.due.unwrap().to_string(), "2027-04-01");
    assert_eq!(l.spec.min_long_side, Some(1024));
    assert_eq!(
        f.item(AssetKind::Banner).due.unwrap().to_string(),
        "2027-04-27"
    );
    // Readiness no longer counts the logo.
    assert_eq!(f.readiness(), (0, 5));

    // Bad input names its field and changes nothing.
    let before = std::fs::read(&f.db).unwrap();
    let bad_date = BrandItemFields {
        due: "01/04/2027".into(),
        ..fields
    };
    let e = f
        .store
        .edit(
            &f.event,
            &Edit::UpdateBrandItem {
                id: l.id.clone(),
                fields: bad_date,
            },
        )
        .unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "Due date: not a valid date and time: “01/04/2027”"
    );
    let mut b = f.store.load(&f.event).unwrap().branding;
    b.palette.text = "navy".into();
    let e = f
        .store
        .edit(
            &f.event,
            &Edit::UpdateBranding {
                fields: b.clone(),
                by: None,
                at: None,
            },
        )
        .unwrap_err();
    assert_eq!(
        e.message(Lang::FrCa),
        "Couleur du texte : « navy » n’est pas une couleur comme #1a2b3c"
    );
    b.palette.text = "#FFF".into();
    b.due_days_before = 400;
    let e = f
        .store
        .edit(
            &f.event,
            &Edit::UpdateBranding {
                fields: b.clone(),
                by: None,
                at: None,
            },
        )
        .unwrap_err();
    assert!(
        e.message(Lang::En).starts_with("Days before the event:"),
        "{}",
        e.message(Lang::En)
    );
    assert_eq!(std::fs::read(&f.db).unwrap(), before, "nothing written");

    // A good palette is stored normalised; pinned messages and languages are trimmed.
    b.due_days_before = 7;
    b.palette.background = "0B3D5C".into();
    b.chat.pinned = vec!["  Bienvenue!  ".into(), "   ".into()];
    b.chat.languages = vec![" fr-CA ".into(), "".into(), "en".into()];
    f.store
        .edit(
            &f.event,
            &Edit::UpdateBranding {
                fields: b,
                by: None,
                at: None,
            },
        )
        .unwrap();
    let b = f.store.load(&f.event).unwrap().branding;
    assert_eq!(
        (b.palette.text.as_str(), b.palette.background.as_str()),
        ("#ffffff", "#0b3d5c")
    );
    assert_eq!(b.chat.pinned, ["Bienvenue!"]);
    assert_eq!(b.chat.languages, ["fr-CA", "en"]);

    // Removing a file and deleting an item.
    let bg = convert(&f.dir, "bg.png", &["-size", "1920x1080", "xc:navy"]);
    let file = f.attach(AssetKind::Background, &bg, Lang::En).unwrap();
    let id = f.item(AssetKind::Background).id;
    f.store
        .edit(
            &f.event,
            &Edit::RemoveBrandFile {
                id: id.clone(),
                sha256: file.sha256.clone(),
                by: "analyst".into(),
                at: "2027-04-03T12:00:00Z".parse().unwrap(),
            },
        )
        .unwrap();
    assert!(f.item(AssetKind::Background).files.is_empty());
    let e = f
        .store
        .edit(
            &f.event,
            &Edit::RemoveBrandFile {
                id: id.clone(),
                sha256: file.sha256,
                by: "analyst".into(),
                at: "2027-04-03T12:00:00Z".parse().unwrap(),
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), "not_found");
    f.store
        .edit(&f.event, &Edit::DeleteBrandItem { id })
        .unwrap();
    let d = f.store.load(&f.event).unwrap();
    assert_eq!(d.brand_items.len(), 6);
    assert_eq!(
        d.brand_items.iter().map(|i| i.position).collect::<Vec<_>>(),
        [0, 1, 2, 3, 4, 5]
    );
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

#[test]
fn statuses_follow_the_flow_and_removing_the_last_file_asks_again() {
    let mut f = fixture();
    let bg = convert(&f.dir, "bg.png", &["-size", "1920x1080", "xc:navy"]);
    let file = f.attach(AssetKind::Background, &bg, Lang::En).unwrap();
    let id = f.item(AssetKind::Background).id;
    let set = |status, reason: &str| Edit::SetBrandStatus {
        id: id.clone(),
        status,
        reason: reason.into(),
        by: "analyst".into(),
        at: "2027-04-02T12:00:00Z".parse().unwrap(),
    };
    f.store
        .edit(
            &f.event,
            &set(AssetStatus::Rejected, "Logo too close to the edge"),
        )
        .unwrap();
    // Rejected goes back to requested, not straight to approved.
    let e = f
        .store
        .edit(&f.event, &set(AssetStatus::Approved, ""))
        .unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "Status: “Background” is rejected: it cannot become approved (it can become requested)"
    );
    assert_eq!(
        e.message(Lang::FrCa),
        "Statut : « Background » est refusé : il ne peut pas devenir approuvé (il peut devenir demandé)"
    );
    f.store
        .edit(&f.event, &set(AssetStatus::Requested, ""))
        .unwrap();
    f.store
        .edit(&f.event, &set(AssetStatus::Approved, ""))
        .unwrap();
    assert_eq!(f.readiness(), (1, 6));
    // Its only file taken off: no longer approved, owed again, and the history says so.
    f.store
        .edit(
            &f.event,
            &Edit::RemoveBrandFile {
                id: id.clone(),
                sha256: file.sha256,
                by: "analyst".into(),
                at: "2027-04-03T12:00:00Z".parse().unwrap(),
            },
        )
        .unwrap();
    let it = f.item(AssetKind::Background);
    assert_eq!(it.status, AssetStatus::Requested);
    let last = it.history.last().unwrap();
    assert_eq!(
        (last.from, last.to),
        (AssetStatus::Approved, AssetStatus::Requested)
    );
    assert_eq!(f.readiness(), (0, 6));
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
fn due_dates_are_counted_on_the_event_s_calendar() {
    // 02:00 UTC on May 4 is still May 3 in Toronto: due 14 days before May 3.
    let mut d = view::new_event("Late", "America/Toronto", "en");
    let a = stage(&mut d, "Main");
    session(
        &mut d,
        &a,
        "Night",
        "2027-05-04T02:00:00Z",
        "2027-05-04T03:00:00Z",
    );
    branding::sync(&mut d);
    assert_eq!(d.brand_items[0].due.unwrap().to_string(), "2027-04-19");
    // Overdue from the next day in Toronto, even while it is already that day in UTC.
    let s = showcall_core::schedule::compute(&d);
    let at = |t: &str| {
        showcall_core::rules::check_at(&d, &s, Lang::En, Some(t.parse().unwrap()))
            .iter()
            .filter(|f| f.code == "asset_overdue")
            .count()
    };
    // 2027-04-20T02:00Z is still April 19 in Toronto: not yet overdue.
    assert_eq!(at("2027-04-20T02:00:00Z"), 0);
    assert_eq!(at("2027-04-20T05:00:00Z"), 7);
}
