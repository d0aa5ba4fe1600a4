//! The log the analyst sends after the show: the app writes it to its log folder from the
//! start, and the help dialog's "Copy diagnostics" gives the version, the database, its schema
//! version and that folder as plain text.

use showcall_e2e::{bounded, App, WAIT};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread")]
async fn copy_diagnostics_gives_the_version_the_schema_and_the_log_folder() {
    let data = tempfile::tempdir().unwrap();
    bounded(Duration::from_secs(120), async {
        let app = App::start(data.path()).await;
        app.click("[data-testid=help]").await;
        app.click("[data-testid=copy-diagnostics]").await;
        // On the clipboard ("Copied"), or shown to copy by hand where the clipboard refuses:
        // either way the text is on the button.
        let deadline = Instant::now() + WAIT;
        let (text, copied) = loop {
            let button = app.find("[data-testid=copy-diagnostics]").await;
            if let Some(t) = button.attr("data-diagnostics").await.unwrap() {
                let copied = !app.all("[data-testid=diagnostics-copied]").await.is_empty();
                let by_hand = !app.all("[data-testid=diagnostics-text]").await.is_empty();
                if copied || by_hand {
                    break (t, copied);
                }
            }
            assert!(
                Instant::now() < deadline,
                "no diagnostics: {}",
                app.body_text().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        println!("diagnostics copied to the clipboard: {copied}");
        let version = env!("CARGO_PKG_VERSION");
        assert!(text.starts_with(&format!("Showcall {version}\n")), "{text}");
        let schema = showcall_core::store::SCHEMA_VERSION;
        assert!(
            text.contains(&format!("\nSchema version: {schema}\n")),
            "{text}"
        );
        let home = data.path().join("ca.showcall.desktop");
        let db = home.join("showcall.db");
        assert!(
            text.contains(&format!("\nDatabase: {}\n", db.display())),
            "{text}"
        );
        let logs = home.join("logs");
        assert!(
            text.contains(&format!("\nLog folder: {}\n", logs.display())),
            "{text}"
        );
        assert!(text.contains("\nRecent errors: none\n"), "{text}");
        app.screenshot("help-diagnostics-copied").await;
        app.quit().await;
    })
    .await;
    // The log file is in that folder and tells the start.
    let logged = std::fs::read_to_string(
        data.path()
            .join("ca.showcall.desktop")
            .join("logs")
            .join("showcall.log"),
    )
    .unwrap();
    assert!(
        logged.contains(&format!("Showcall {} started", env!("CARGO_PKG_VERSION"))),
        "{logged}"
    );
}
