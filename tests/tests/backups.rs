//! Backups the user can see: from the Settings tab, "Back up now", then an event deleted from
//! the events list, then "Restore…" on that backup (confirmed) brings the event back in the
//! window, and the data the restore replaced is itself in the list as a before-restore backup.

use showcall_e2e::{bounded, App, WAIT};
use std::time::{Duration, Instant};

/// The events list's rows, as (id, name) pairs (read in one script: the list re-renders).
async fn event_rows(app: &App) -> Vec<(String, String)> {
    let rows = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-testid=event-row]')]\
               .map(r => [r.dataset.eventId, r.querySelector('td').textContent]);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(rows).unwrap()
}

/// Waits until the events list has `n` rows; returns them.
async fn wait_rows(app: &App, n: usize) -> Vec<(String, String)> {
    let deadline = Instant::now() + WAIT;
    loop {
        let rows = event_rows(app).await;
        if rows.len() == n {
            return rows;
        }
        assert!(
            Instant::now() < deadline,
            "expected {n} events in the list, found {rows:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Opens the event `id` from the events list and shows its Settings tab's Backups section.
async fn open_backups(app: &App, id: &str) {
    app.click(&format!(
        "[data-testid=event-row][data-event-id='{id}'] [data-testid=open-event]"
    ))
    .await;
    app.click("[data-testid=tab-settings]").await;
    app.scroll_to("[data-testid=backups]").await;
}

/// The text of the events cell of the Backups list's rows of this kind.
async fn backups_of(app: &App, kind: &str) -> Vec<String> {
    let css = format!("[data-testid=backup-row][data-kind={kind}] [data-testid=backup-events]");
    let cells = app
        .client
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(c => c.textContent);",
            vec![serde_json::Value::String(css)],
        )
        .await
        .unwrap();
    serde_json::from_value(cells).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn restoring_a_backup_from_the_window_brings_back_a_deleted_event() {
    let data = tempfile::tempdir().unwrap();
    bounded(Duration::from_secs(180), async {
        let app = App::start(data.path()).await;
        // The demo, and a copy of it: the event that will be deleted and brought back.
        let demo = wait_rows(&app, 1).await.remove(0);
        app.click("[data-testid=duplicate-event]").await;
        let rows = wait_rows(&app, 2).await;
        let copy = rows
            .iter()
            .find(|(id, _)| *id != demo.0)
            .cloned()
            .expect("the copy");
        assert_eq!(copy.1, format!("{} (copy)", demo.1), "{rows:?}");

        // Back up now, from the demo's Settings tab: a manual backup holding both events.
        open_backups(&app, &demo.0).await;
        app.find("[data-testid=backup-list]").await;
        app.click("[data-testid=backup-now]").await;
        app.wait_text("the backup made", |t| t.contains("Backup made:"))
            .await;
        let manual = backups_of(&app, "manual").await;
        assert_eq!(manual.len(), 1, "{manual:?}");
        assert!(manual[0].starts_with("2 events"), "{manual:?}");
        assert!(manual[0].contains(&copy.1), "{manual:?}");
        // The day's backup was made when the app started.
        let daily = backups_of(&app, "daily").await;
        assert_eq!(daily.len(), 1, "one daily backup at start: {daily:?}");
        app.screenshot("backups-made").await;

        // Delete the copy from the events list.
        app.click("[data-testid=nav-events]").await;
        wait_rows(&app, 2).await;
        app.click(&format!(
            "[data-testid=event-row][data-event-id='{}'] [data-testid=delete-event]",
            copy.0
        ))
        .await;
        app.click("[data-testid=confirm-yes]").await;
        let left = wait_rows(&app, 1).await;
        assert_eq!(left[0].0, demo.0);

        // Restore the manual backup, confirmed.
        open_backups(&app, &demo.0).await;
        app.click("[data-testid=backup-row][data-kind=manual] [data-testid=backup-restore]")
            .await;
        let question = app.find("#confirm-msg").await;
        let question = app.text(&question).await;
        assert!(
            question.contains("(2 events)") && question.contains("current data is backed up first"),
            "{question}"
        );
        app.screenshot("backups-confirm-restore").await;
        app.click("[data-testid=confirm-yes]").await;
        let status = app.find("[data-testid=backup-status]").await;
        let status = app.text(&status).await;
        assert!(status.contains("is restored"), "{status}");
        // The data the restore replaced (the demo alone) is now a backup of its own.
        let deadline = Instant::now() + WAIT;
        let saved = loop {
            let saved = backups_of(&app, "before_restore").await;
            if !saved.is_empty() || Instant::now() > deadline {
                break saved;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert_eq!(saved.len(), 1, "one before-restore backup: {saved:?}");
        assert!(saved[0].starts_with("1 event"), "{saved:?}");
        assert!(
            app.all("[data-testid=backup-error]").await.is_empty(),
            "{}",
            app.body_text().await
        );
        app.screenshot("backups-restored").await;

        // Back on the events list, the deleted event is there again, under its own id.
        app.click("[data-testid=nav-events]").await;
        let rows = wait_rows(&app, 2).await;
        assert!(rows.contains(&copy), "{rows:?}");
        app.screenshot("backups-event-back").await;

        // In French on a 1280×720 window, the section keeps its controls inside the window.
        app.client.set_window_size(1280, 720).await.unwrap();
        app.click("[data-testid=lang-fr-CA]").await;
        open_backups(&app, &demo.0).await;
        app.wait_text("the French section", |t| {
            t.contains("Sauvegarder maintenant")
        })
        .await;
        let outside = app
            .client
            .execute(
                "const w = window.innerWidth;\
                 return [...document.querySelectorAll('[data-testid=backups] button')]\
                   .filter(b => b.getBoundingClientRect().right > w)\
                   .map(b => [b.textContent, b.getBoundingClientRect().right, w]);",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(outside, serde_json::json!([]), "cut off at the right");
        app.scroll_to("[data-testid=backups]").await;
        app.screenshot("backups-fr-1280x720").await;
        app.quit().await;
    })
    .await;
    // On disk, in the app's own backups folder.
    let backups = data.path().join("ca.showcall.desktop").join("backups");
    let names: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for kind in ["-manual.db", "-daily.db", "-before-restore.db"] {
        assert!(names.iter().any(|n| n.ends_with(kind)), "{kind}: {names:?}");
    }
}
