//! RTMP destinations in the real window against a real nginx-rtmp on loopback: a key pasted
//! into the URL is caught and split off, the key is masked and only shown on Reveal, a test
//! through publish passes with the right key and fails with a wrong one, and the key never
//! reaches the page text, the app's log or the findings.

use showcall_e2e::{bounded, log_path, App, WAIT};
use std::time::{Duration, Instant};

// The ingest the rtmp crate's tests use: nginx-rtmp accepting one key, with a TLS front.
#[path = "../../crates/rtmp/tests/harness/mod.rs"]
mod harness;

const WRONG_KEY: &str = "live_27182818_WrongButLongKey";

async fn wait_attr(app: &App, css: &str, attr: &str, want: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(el) = app.all(css).await.into_iter().next() {
            if el.attr(attr).await.unwrap().as_deref() == Some(want) {
                return;
            }
        }
        assert!(Instant::now() < deadline, "{css} never had {attr}={want}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_destination_is_split_keyed_masked_and_tested_against_a_real_ingest() {
    let nginx = harness::Nginx::start();
    let data = tempfile::tempdir().unwrap();
    bounded(Duration::from_secs(180), async {
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-destinations]").await;
        app.find("[data-testid=destinations-empty]").await;

        // The customer sent the URL with the key glued on: refused by field, then split off.
        app.click("[data-testid=add-destination]").await;
        app.fill("input[name=destName]", "Loopback ingest").await;
        let glued = format!("{}/{}", nginx.rtmp_url("live"), WRONG_KEY);
        app.fill("input[name=destServerUrl]", &glued).await;
        app.click("input[name=destSession]").await;
        app.click("[data-testid=save-destination]").await;
        let err = app.find("[data-testid=field-error]").await;
        let msg = app.text(&err).await;
        assert!(msg.contains("stream key"), "{msg}");
        assert!(
            !app.body_text().await.contains(WRONG_KEY),
            "the error never shows the key"
        );
        app.screenshot("destination-form-key-in-url").await;
        app.click("[data-testid=split-key]").await;
        let url = app.find("input[name=destServerUrl]").await;
        assert_eq!(
            url.prop("value").await.unwrap().as_deref(),
            Some(nginx.rtmp_url("live").as_str())
        );
        app.click("[data-testid=save-destination]").await;
        let row = app.find("[data-testid=destination-row]").await;
        let id = row.attr("data-id").await.unwrap().unwrap();

        // Masked with its last four characters; no clear key anywhere on the page.
        app.wait_text("the key hint", |t| t.contains("gKey")).await;
        assert!(!app.body_text().await.contains(WRONG_KEY));
        app.screenshot("destinations-list").await;

        // Test through publish with that (wrong) key: refused at publish, shown per stage.
        app.click("input[name=testPublish]").await;
        app.click("[data-testid=test-destination]").await;
        app.find("[data-testid=test-stages]").await;
        wait_attr(&app, "[data-testid=test-summary]", "data-ok", "false").await;
        let publish = app
            .find("[data-testid=test-stages] li[data-stage=publish]")
            .await;
        assert_eq!(
            publish.attr("data-ok").await.unwrap().as_deref(),
            Some("false")
        );
        let text = app.body_text().await;
        assert!(text.contains("stream key rejected"), "{text}");
        wait_attr(
            &app,
            "[data-testid=destination-last-test]",
            "data-tone",
            "fail",
        )
        .await;

        // The right key: saved masked, revealed only on request, then the test passes.
        app.click("[data-testid=edit-destination]").await;
        app.fill("input[name=destKey]", harness::RIGHT_KEY).await;
        app.click("[data-testid=save-key]").await;
        app.wait_text("the key saved", |t| t.contains("Key saved"))
            .await;
        assert!(!app.body_text().await.contains(harness::RIGHT_KEY));
        app.click("[data-testid=reveal-key]").await;
        let shown = app.find("[data-testid=revealed-key]").await;
        assert_eq!(app.text(&shown).await.trim(), harness::RIGHT_KEY);
        app.click("[data-testid=reveal-key]").await;
        app.wait_text("the key hidden again", |t| !t.contains(harness::RIGHT_KEY))
            .await;
        app.click("[data-testid=cancel-destination]").await;

        app.click("[data-testid=test-destination]").await;
        wait_attr(&app, "[data-testid=test-summary]", "data-ok", "true").await;
        let publish = app
            .find("[data-testid=test-stages] li[data-stage=publish]")
            .await;
        assert_eq!(
            publish.attr("data-ok").await.unwrap().as_deref(),
            Some("true")
        );
        wait_attr(
            &app,
            "[data-testid=destination-last-test]",
            "data-tone",
            "ok",
        )
        .await;
        app.screenshot("destinations-tested").await;
        // The ingest's publish check accepted the key (its on_publish hook answered 200).
        assert!(
            nginx.wait_for_log("http_access.log", " 200 ", Duration::from_secs(5)),
            "{}",
            nginx.log("http_access.log")
        );
        assert!(!app.body_text().await.contains(harness::RIGHT_KEY));

        // The server moves to another host (as a merged package or an edit may do): the key
        // is not published there until the analyst says it may be.
        app.click("[data-testid=edit-destination]").await;
        let moved = nginx.rtmp_url("live").replace("127.0.0.1", "localhost");
        app.fill("input[name=destServerUrl]", &moved).await;
        app.click("[data-testid=save-destination]").await;
        let warning = app.find("[data-testid=destination-key-host]").await;
        assert!(app.text(&warning).await.contains("127.0.0.1"));
        app.click("[data-testid=test-destination]").await;
        app.wait_text("the refusal", |t| {
            t.contains("confirm the key for the new server")
        })
        .await;
        app.screenshot("destination-key-host-moved").await;
        app.click("[data-testid=confirm-key-host]").await;
        app.wait_text("the warning gone", |t| {
            !t.contains("the server has moved since")
        })
        .await;
        assert!(app
            .all("[data-testid=destination-key-host]")
            .await
            .is_empty());
        assert!(!app.body_text().await.contains(harness::RIGHT_KEY));
        assert_eq!(
            app.find("[data-testid=destination-row]")
                .await
                .attr("data-id")
                .await
                .unwrap(),
            Some(id)
        );

        // A package that carries the stream key out, opened back: logged, the key never.
        let package = data.path().join("with-keys.showcall");
        app.click("[data-testid=tab-handoff]").await;
        app.fill("[data-testid=package-path]", package.to_str().unwrap())
            .await;
        app.click("[data-testid=include-keys]").await;
        app.click("[data-testid=export-package]").await;
        app.find("[data-testid=export-result]").await;
        app.fill("[data-testid=import-path]", package.to_str().unwrap())
            .await;
        app.click("[data-testid=open-package]").await;
        app.find("[data-testid=import-plan]").await;
        app.quit().await;
    })
    .await;

    // The log file the analyst sends after the show (which saw the errors and the tests)
    // never holds a key either.
    let (files, logged) = showcall_e2e::app_logs(data.path());
    assert!(
        logged.contains("tested destination")
            && logged.contains("command error")
            && logged.contains("1 stream keys included")
            && logged.contains("opened a package"),
        "the app's log file was written ({files:?}):\n{logged}"
    );
    for key in [harness::RIGHT_KEY, WRONG_KEY] {
        assert!(
            !logged.contains(key),
            "a stream key reached {files:?}:\n{logged}"
        );
    }
    // What the app logged names the tests but never a key.
    let log = std::fs::read_to_string(log_path(data.path())).unwrap();
    assert!(
        log.contains("tested destination"),
        "the app's log was captured:\n{log}"
    );
    for key in [harness::RIGHT_KEY, WRONG_KEY] {
        assert!(!log.contains(key), "a stream key reached the log:\n{log}");
    }
}
