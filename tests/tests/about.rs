//! The About box in the real window: the version, the data folder this app really uses, the
//! WebKitGTK it runs on, and the generated licence list, searchable.

use showcall_e2e::{bounded, App};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn the_about_box_tells_the_version_the_data_folder_the_engine_and_the_licences() {
    let data = tempfile::tempdir().unwrap();
    bounded(Duration::from_secs(120), async {
        let app = App::start(data.path()).await;
        app.find("[data-testid=event-row]").await;
        app.click("[data-testid=help]").await;
        app.click("[data-testid=open-about]").await;
        let version = app.find("[data-testid=about-version]").await;
        assert_eq!(app.text(&version).await, env!("CARGO_PKG_VERSION"));
        let folder = app.find("[data-testid=about-data-folder]").await;
        let expected = data.path().join("ca.showcall.desktop");
        assert_eq!(app.text(&folder).await, expected.display().to_string());
        // Found on a thread at start: there by the time a person opens the box.
        let webkit = app
            .wait_text("the WebKitGTK version", |t| {
                t.contains("libwebkit2gtk-4.1.so")
            })
            .await;
        assert!(webkit.contains("libwebkit2gtk"), "{webkit}");

        let summary = app.find("[data-testid=about-summary]").await;
        let summary = app.text(&summary).await;
        assert!(
            summary.contains("Rust crates") && summary.contains("2 fonts"),
            "{summary}"
        );
        let all = app.all("[data-testid=about-component]").await.len();
        assert!(all > 400, "{all} components listed");

        // Narrowed by a search: the embedded fonts and their licence.
        app.fill("[data-testid=about-filter]", "bitstream").await;
        let fonts = app.wait_count("[data-testid=about-component]", 2).await;
        for f in fonts {
            let text = app.text(&f).await;
            assert!(text.contains("DejaVuSansCondensed"), "{text}");
        }
        app.fill("[data-testid=about-filter]", "tauri").await;
        let tauri = app.all("[data-testid=about-component]").await;
        assert!(!tauri.is_empty() && tauri.len() < all);
        tokio::time::sleep(Duration::from_millis(500)).await;
        app.screenshot("about").await;

        app.click("[data-testid=about-back]").await;
        app.find("[data-testid=open-log-folder]").await;
        app.quit().await;
    })
    .await;
}
