//! A change made outside the window — here `showcall import agenda` at the command line, on the
//! same database while the app runs — shows in the open calendar by itself within a second or
//! so, without the page reloading, and the window's next edit builds on it (no conflict).

use showcall_e2e::App;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread")]
async fn an_agenda_imported_at_the_command_line_shows_in_the_open_calendar() {
    showcall_e2e::bounded(Duration::from_secs(180), async {
        let data = tempfile::tempdir().unwrap();
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.find("[data-testid=session-block]").await;
        let before = app.all("[data-testid=session-block]").await.len();
        // A mark in the page: a reload would drop it.
        app.client
            .execute("window.__stayed = 42; return 1;", vec![])
            .await
            .unwrap();

        let csv = data.path().join("more.csv");
        std::fs::write(
            &csv,
            "Title,Date,Start,End,Stage\nPushed from the CLI,2027-04-15,16:00,16:30,Salle principale\n",
        )
        .unwrap();
        let db = data.path().join("ca.showcall.desktop/showcall.db");
        let out = std::process::Command::new(showcall_e2e::cli_binary())
            .arg("--db")
            .arg(&db)
            .args(["import", "agenda"])
            .arg(&csv)
            .args(["--event", "Sommet Boréal 2027"])
            .env_remove("SHOWCALL_DB")
            .env("SHOWCALL_KEY_STORE", "file")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let t0 = Instant::now();
        let blocks = app.wait_count("[data-testid=session-block]", before + 1).await;
        let seen = t0.elapsed();
        println!("outside change on screen after {} ms", seen.as_millis());
        assert!(seen < Duration::from_secs(3), "took {seen:?}");
        let mut titles = Vec::new();
        for b in &blocks {
            titles.push(app.text(b).await);
        }
        assert!(
            titles.iter().any(|t| t.contains("Pushed from the CLI")),
            "{titles:?}"
        );
        let stayed = app
            .client
            .execute("return window.__stayed ?? null;", vec![])
            .await
            .unwrap();
        assert_eq!(stayed, serde_json::json!(42), "the page did not reload");
        app.screenshot("outside-change").await;

        // The window's own next edit goes through on top of it.
        for b in app.all("[data-testid=session-block]").await {
            if app.text(&b).await.contains("Pushed from the CLI") {
                b.click().await.unwrap();
                break;
            }
        }
        app.click("[data-testid=add-segment]").await;
        app.find("[data-testid=segment-row]").await;
        let error = app
            .client
            .execute(
                "const e = document.querySelector('[data-testid=error]'); return e ? e.textContent : '';",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(error, serde_json::json!(""), "no conflict");
        app.quit().await;
    })
    .await;
}
