//! The branding checklist in the real window, in English then in French: a background of the
//! wrong size is attached and rejected with the reason shown, the right one is attached,
//! approved, and the readiness score moves on the checklist and on the events list. The same for
//! a banner in French. Then the customer lead's view: the analyst-only tabs are gone. The files
//! land in the data folder by SHA-256 and the statuses in the SQLite file.

use showcall_core::branding::{self, AssetKind, AssetStatus};
use showcall_core::store::Store;
use showcall_core::testing::{convert, files_under, session, stage};
use showcall_core::view;
use showcall_e2e::{bounded, App};
use std::path::Path;
use std::time::Duration;

const ITEM: &str = "[data-testid=brand-item]";

fn row(kind: &str) -> String {
    format!("{ITEM}[data-kind={kind}]")
}

async fn attach(app: &App, kind: &str, file: &Path) {
    let r = row(kind);
    app.fill(
        &format!("{r} [data-testid=brand-path]"),
        file.to_str().unwrap(),
    )
    .await;
    app.click(&format!("{r} [data-testid=brand-attach]")).await;
}

/// Waits until the item shows `status` and returns its text.
async fn status_is(app: &App, kind: &str, status: &str) -> String {
    let css = format!("{}[data-status={status}]", row(kind));
    let el = app.find(&css).await;
    app.text(&el).await
}

/// Waits until the element matching `css` says `what`.
async fn shows(app: &App, css: &str, what: &str) {
    let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
    loop {
        // One round trip, so a row re-rendered meanwhile is never a stale reference.
        let text = app
            .client
            .execute(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';",
                vec![serde_json::Value::String(css.to_string())],
            )
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_string();
        if text.contains(what) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{css} says “{text}”, not {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_background_is_rejected_a_right_one_approved_and_readiness_moves() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let db = data.path().join("ca.showcall.desktop/showcall.db");
    let event = insert_gala(&db);
    let small = convert(
        files.path(),
        "background-small.png",
        &["-size", "1280x720", "xc:navy"],
    );
    let good = convert(
        files.path(),
        "background.png",
        &["-size", "1920x1080", "gradient:#0b3d5c-#f2a900"],
    );
    let tall = convert(
        files.path(),
        "banniere-haute.png",
        &["-size", "300x600", "xc:teal"],
    );
    let banner = convert(
        files.path(),
        "banniere.jpg",
        &["-size", "1200x400", "gradient:teal-white"],
    );
    let original = std::fs::read(&small).unwrap();

    bounded(Duration::from_secs(300), async {
        let app = App::start(data.path()).await;
        // First start: who uses this copy is asked once, on the events list.
        app.find("[data-testid=mode-choice]").await;
        app.screenshot("first-start-choice").await;
        app.click("[data-testid=choose-analyst]").await;
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        while !app.all("[data-testid=mode-choice]").await.is_empty() {
            assert!(std::time::Instant::now() < deadline, "the question stays");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let badge = app.find("[data-testid=event-readiness]").await;
        let text = app.text(&badge).await;
        assert!(text.contains("0/6"), "{text}");
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-branding]").await;
        let r = app.find("[data-testid=brand-readiness]").await;
        assert!(app.text(&r).await.contains("0/6"));

        // The wrong size: rejected, with what was expected and what was found.
        attach(&app, "background", &small).await;
        let text = status_is(&app, "background", "rejected").await;
        assert!(text.contains("expected 1920×1080, found 1280×720"), "{text}");
        let reason = app
            .find(&format!("{} [data-testid=brand-reason]", row("background")))
            .await;
        assert!(app.text(&reason).await.contains("background-small.png"));
        app.scroll_to(&row("background")).await;
        app.screenshot("branding-rejected").await;

        // The right one: received, then approved; readiness moves to 1 of 6.
        attach(&app, "background", &good).await;
        status_is(&app, "background", "received").await;
        app.click(&format!("{} [data-testid=brand-approve]", row("background")))
            .await;
        status_is(&app, "background", "approved").await;
        shows(&app, "[data-testid=brand-readiness]", "1/6").await;
        // Its thumbnail is served from the data folder and decodes.
        let loaded = app
            .client
            .execute(
                "const i = document.querySelector(arguments[0]); return !!i && i.complete && i.naturalWidth > 0;",
                vec![serde_json::Value::String(format!("{} img", row("background")))],
            )
            .await
            .unwrap();
        assert_eq!(loaded, serde_json::Value::Bool(true), "thumbnail did not load");
        app.scroll_to("[data-testid=branding-tab]").await;
        app.screenshot("branding-approved").await;

        // A path that vanished: the error sits on that item, which stays as it was.
        attach(&app, "logo", Path::new("/nonexistent/gone-logo.png")).await;
        let err = app
            .wait_text("the row's error", |t| t.contains("cannot read “gone-logo.png”"))
            .await;
        assert!(err.contains("File: cannot read"), "{err}");
        status_is(&app, "logo", "requested").await;

        // A hidden file (here a copy of a good logo) and Showcall's own database are refused
        // by name, before anything is read.
        let hidden = files.path().join(".logo.png");
        std::fs::copy(&good, &hidden).unwrap();
        attach(&app, "logo", &hidden).await;
        app.wait_text("the row's error", |t| {
            t.contains("“.logo.png” starts with a dot")
        })
        .await;
        let db = data.path().join("ca.showcall.desktop/showcall.db");
        attach(&app, "logo", &db).await;
        app.wait_text("the row's error", |t| t.contains("one of Showcall’s own files"))
            .await;
        status_is(&app, "logo", "requested").await;

        // This checklist saved as a preset for the next event.
        app.click("[data-testid=brand-preset-save]").await;
        app.fill("[data-testid=brand-preset-name]", "Gala kit").await;
        app.click("[data-testid=brand-preset-save-confirm]").await;
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        loop {
            let names = app
                .client
                .execute(
                    "return [...document.querySelectorAll('[data-testid=brand-preset-select] option')].map(o => o.textContent).join('|')",
                    vec![],
                )
                .await
                .unwrap();
            if names.as_str().is_some_and(|n| n.contains("Gala kit")) {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "no saved preset in {names}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        // In French: a banner standing up is rejected with the reason in French.
        app.click("[data-testid=lang-fr-CA]").await;
        attach(&app, "banner", &tall).await;
        let text = status_is(&app, "banner", "rejected").await;
        assert!(
            text.contains("attendu au moins 800×400, trouvé 300×600"),
            "{text}"
        );
        assert!(text.contains("paysage (plus large que haut)"), "{text}");
        assert!(text.contains("banniere-haute.png : dimensions — attendu"), "{text}");
        attach(&app, "banner", &banner).await;
        status_is(&app, "banner", "received").await;
        app.click(&format!("{} [data-testid=brand-approve]", row("banner")))
            .await;
        status_is(&app, "banner", "approved").await;
        shows(&app, "[data-testid=brand-readiness]", "2/6").await;
        let pill = app
            .find(&format!("{} [data-testid=brand-status]", row("banner")))
            .await;
        let pill = app.text(&pill).await.to_lowercase();
        assert!(pill.ends_with("approuvé"), "{pill}");
        app.scroll_to("[data-testid=branding-tab]").await;
        app.screenshot("branding-fr").await;
        app.scroll_to("[data-testid=brand-colours]").await;
        app.screenshot("branding-colours-fr").await;

        // The events list shows the new score.
        app.click("[data-testid=nav-events]").await;
        shows(&app, "[data-testid=event-readiness]", "2/6").await;
        app.screenshot("events-readiness-fr").await;

        // The customer lead's view of the same event: forms only, no analyst screens.
        app.click("[data-testid=lang-en]").await;
        app.click("[data-testid=mode-customer]").await;
        app.click("[data-testid=open-event]").await;
        app.find("[data-testid=schedule-tab]").await;
        for analyst_only in ["live", "destinations", "settings", "tasks"] {
            assert!(
                app.all(&format!("[data-testid=tab-{analyst_only}]")).await.is_empty(),
                "{analyst_only} shows in customer mode"
            );
        }
        app.screenshot("customer-schedule").await;
        app.click("[data-testid=tab-speakers]").await;
        app.find("[data-testid=speakers-tab]").await;
        app.screenshot("customer-speakers").await;
        app.click("[data-testid=tab-branding]").await;
        app.find("[data-testid=brand-readiness]").await;
        app.screenshot("customer-branding").await;
        app.click("[data-testid=mode-analyst]").await;
        app.find("[data-testid=tab-live]").await;
        app.quit().await;
    })
    .await;

    // The SQLite file holds the statuses and history; the files sit under their hashes; the
    // originals were only read.
    let s = Store::open(&db).unwrap();
    assert_eq!(s.setting("mode").unwrap().as_deref(), Some("analyst"));
    let d = s.load(&event).unwrap();
    let item = |k: AssetKind| d.brand_items.iter().find(|i| i.kind == k).unwrap();
    let bg = item(AssetKind::Background);
    assert_eq!(bg.status, AssetStatus::Approved);
    assert_eq!(bg.history.len(), 3);
    // Who is kept as a role, shown in the reader's language.
    assert_eq!(bg.history[2].by, "analyst");
    assert_eq!(item(AssetKind::Banner).status, AssetStatus::Approved);
    assert_eq!(item(AssetKind::Banner).history[2].by, "analyst");
    let dir = showcall_core::paths::files_dir(&db);
    for f in bg.files.iter().chain(&item(AssetKind::Banner).files) {
        assert!(
            showcall_core::paths::blob_path(&dir, &f.sha256).is_file(),
            "{}",
            f.name
        );
    }
    assert_eq!(std::fs::read(&small).unwrap(), original);
    let list = s.list_events().unwrap();
    assert_eq!(
        (list[0].readiness.approved, list[0].readiness.required),
        (2, 6)
    );
}

/// Puts "Gala 2027" (one stage, one session, the default checklist) in the database at `db`;
/// returns its id.
fn insert_gala(db: &Path) -> String {
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let mut s = Store::open(db).unwrap();
    let mut d = view::new_event("Gala 2027", "America/Toronto", "en");
    let a = stage(&mut d, "Main");
    session(
        &mut d,
        &a,
        "Opening",
        "2027-05-04T13:00:00Z",
        "2027-05-04T14:00:00Z",
    );
    branding::sync(&mut d);
    s.insert(&d).unwrap();
    d.event.id
}

/// A big clip being attached shows its copy in the item's row (stage, moving bar, Cancel);
/// Cancel stops it: the item is as it was, no error, and nothing is left in the data folder.
#[tokio::test(flavor = "multi_thread")]
async fn a_big_clip_shows_its_copy_and_cancel_keeps_nothing() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let folder = data.path().join("ca.showcall.desktop");
    let db = folder.join("showcall.db");
    insert_gala(&db);
    // A clip's head (an ftyp box), then zeros to just under the 1 GB Showcall keeps: sparse, so
    // it takes no room here, but the copy reads, hashes and writes every byte.
    let clip = files.path().join("intro.mp4");
    let mut head = vec![0u8, 0, 0, 0x18];
    head.extend_from_slice(b"ftypisom\0\0\0\0isomiso2");
    std::fs::write(&clip, &head).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&clip)
        .unwrap()
        .set_len(990_000_000)
        .unwrap();

    bounded(Duration::from_secs(240), async {
        let app = App::start(data.path()).await;
        app.click("[data-testid=choose-analyst]").await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-branding]").await;
        let r = row("video");
        let before = app
            .find(&format!("{r} [data-testid=brand-status]"))
            .await
            .attr("data-status")
            .await
            .unwrap();
        attach(&app, "video", &clip).await;

        // The copy in the row: its stage in words and a bar that moves.
        let bar = format!("{r} [data-testid=job-bar]");
        app.find(&bar).await;
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        loop {
            let v = app
                .client
                .execute(
                    "return document.querySelector(arguments[0])?.value ?? 0;",
                    vec![serde_json::json!(bar)],
                )
                .await
                .unwrap()
                .as_f64()
                .unwrap_or(0.0);
            if v > 0.0 {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "the bar never moved");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let stage_text = app.text(&app.find(&format!("{r} .job-stage")).await).await;
        // (A fast disk may already be at the clip's checks.)
        assert!(
            stage_text.contains("Copying the file") || stage_text.contains("Checking the file"),
            "{stage_text}"
        );
        app.click(&format!("{r} [data-testid=job-cancel]")).await;

        // Cancelled: the row is back as it was, without an error.
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        while !app.all(&format!("{r} .job-progress")).await.is_empty() {
            assert!(
                std::time::Instant::now() < deadline,
                "the copy never stopped"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let after = app
            .find(&format!("{r} [data-testid=brand-status]"))
            .await
            .attr("data-status")
            .await
            .unwrap();
        assert_eq!(after, before);
        assert!(app
            .all(&format!("{r} [data-testid=brand-error]"))
            .await
            .is_empty());
        app.screenshot("branding-attach-cancelled").await;

        // Nothing kept: no copy, whole or partial, in the data folder, none on the item.
        let left = files_under(&folder.join("files"));
        assert!(left.is_empty(), "left behind: {left:?}");
        let s = Store::open(&db).unwrap();
        let ev = s.list_events().unwrap().remove(0);
        let d = s.load(&ev.id).unwrap();
        let video = d
            .brand_items
            .iter()
            .find(|i| i.kind == AssetKind::Video)
            .unwrap();
        assert!(video.files.is_empty(), "{:?}", video.files);
        app.quit().await;
    })
    .await;
}
