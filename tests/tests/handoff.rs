//! Handoff packages in the real window: export one, then import the customer's changes — the
//! merge preview lists the conflict and the package's change, Import waits for a choice,
//! the result is written after a backup; a damaged package is refused with its reason and the
//! database file stays byte for byte as it was. The run of show is written as PDF.

use chrono::Utc;
use showcall_core::store::Store;
use showcall_e2e::{bounded, App};
use showcall_exchange::read::{self, Limits};
use showcall_exchange::write;
use std::path::Path;
use std::time::Duration;

fn db(data_home: &Path) -> std::path::PathBuf {
    data_home.join("ca.showcall.desktop/showcall.db")
}

fn retitle(d: &mut showcall_core::EventData, title: &str) {
    d.sessions[0].title = title.into();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_package_goes_out_and_the_customers_changes_come_back_through_the_merge_preview() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("to-customer.showcall");
    bounded(Duration::from_secs(240), async {
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-handoff]").await;
        app.fill("[data-testid=package-path]", out.to_str().unwrap())
            .await;
        app.click("[data-testid=export-package]").await;
        let done = app.find("[data-testid=export-result]").await;
        let text = app.text(&done).await;
        assert!(text.contains(out.to_str().unwrap()), "{text}");

        // The run of show as PDF, beside it.
        let pdf = data.path().join("ros.pdf");
        app.fill("[data-testid=runsheet-path]", pdf.to_str().unwrap())
            .await;
        app.click("[data-testid=runsheet-pdf]").await;
        app.find("[data-testid=runsheet-result]").await;
        app.quit().await;
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    })
    .await;

    // The package reads back; the customer changes a session title and a person's e-mail;
    // meanwhile the analyst retitles the same session here.
    let sent = read::open(&out, None, &Limits::default()).unwrap();
    let mut theirs = sent.data.clone();
    retitle(&mut theirs, "Opening (customer's title)");
    theirs.people[0].email = "new.address@customer.example".into();
    let person = theirs.people[0].name.clone();
    let back = data.path().join("from-customer.showcall");
    let head = write::Head {
        made_by: showcall_core::handoff::MadeBy::Customer,
        created_at: Utc::now(),
    };
    write::write_package(&back, &head, &theirs, &[], &[], None).unwrap();
    {
        let mut s = Store::open(db(data.path())).unwrap();
        let mut ours = s.load(&theirs.event.id).unwrap();
        retitle(&mut ours, "Opening (analyst's title)");
        s.replace(&ours).unwrap();
    }

    bounded(Duration::from_secs(240), async {
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-handoff]").await;

        // A damaged package first: refused with its reason, nothing written.
        let cut = data.path().join("cut.showcall");
        let bytes = std::fs::read(&back).unwrap();
        std::fs::write(&cut, &bytes[..bytes.len() - 30]).unwrap();
        let before = std::fs::read(db(data.path())).unwrap();
        app.fill("[data-testid=import-path]", cut.to_str().unwrap())
            .await;
        app.click("[data-testid=open-package]").await;
        app.wait_text("the refusal", |t| t.contains("not a complete zip archive"))
            .await;
        assert_eq!(std::fs::read(db(data.path())).unwrap(), before);

        app.fill("[data-testid=import-path]", back.to_str().unwrap())
            .await;
        app.click("[data-testid=open-package]").await;
        let plan = app.find("[data-testid=import-plan]").await;
        assert_eq!(
            plan.attr("data-action").await.unwrap().as_deref(),
            Some("merge")
        );
        let rows = app.wait_count("[data-testid=merge-item]", 2).await;
        let mut conflict = None;
        for r in &rows {
            let t = app.text(r).await;
            if r.attr("data-conflict").await.unwrap().as_deref() == Some("true") {
                assert!(t.contains("Opening (customer's title)"), "{t}");
                conflict = Some(r.attr("data-key").await.unwrap().unwrap());
            } else {
                assert!(t.contains(&person), "{t}");
                assert!(t.contains("new.address@customer.example"), "{t}");
            }
        }
        let conflict = conflict.expect("one conflict row");
        let apply = app.find("[data-testid=apply-package]").await;
        assert!(
            !apply.is_enabled().await.unwrap(),
            "Import waits for a choice"
        );
        app.scroll_to("[data-testid=import-plan]").await;
        app.screenshot("handoff-merge-preview").await;

        app.click(&format!(
            "[data-testid=merge-item][data-key='{conflict}'] [data-testid=pick-theirs]"
        ))
        .await;
        app.click("[data-testid=apply-package]").await;
        let res = app.find("[data-testid=import-result]").await;
        let text = app.text(&res).await;
        let backup = app.find("[data-testid=import-backup]").await;
        let backup_text = app.text(&backup).await;
        assert!(backup_text.contains("before-import.db"), "{text}");
        app.screenshot("handoff-imported").await;
        app.quit().await;
    })
    .await;

    let s = Store::open(db(data.path())).unwrap();
    let now = s.load(&theirs.event.id).unwrap();
    assert!(now
        .sessions
        .iter()
        .any(|x| x.title == "Opening (customer's title)"));
    assert!(now
        .people
        .iter()
        .any(|p| p.email == "new.address@customer.example"));
    // The import backed the database up first (beside the day's own backup).
    let backups: Vec<_> = std::fs::read_dir(data.path().join("ca.showcall.desktop/backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-before-import.db"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
}
