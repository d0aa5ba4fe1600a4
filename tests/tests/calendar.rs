//! The production calendar in the real app window, as an analyst uses it: create an event, add
//! two back-to-back sessions with segments, see the "< 15 min" finding, reorder, undo, bad
//! input, switch to French, restart and find everything still there.

use showcall_e2e::App;
use std::time::Duration;

async fn fill_session(app: &App, title: &str, start: &str, end: &str) {
    app.click("[data-testid=add-session]").await;
    app.fill("input[name=sessionTitle]", title).await;
    app.fill("input[name=sessionStart]", start).await;
    app.fill("input[name=sessionEnd]", end).await;
}

async fn add_session(app: &App, title: &str, start: &str, end: &str) {
    fill_session(app, title, start, end).await;
    app.click("[data-testid=save-session]").await;
}

/// Adds a segment and waits until the new (n-th) row's title has the focus, ready for typing.
async fn add_segment(app: &App, n: usize) {
    app.click("[data-testid=add-segment]").await;
    app.wait_count("[data-testid=segment-row]", n).await;
    let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
    let script = "const rows = document.querySelectorAll('[data-testid=segment-row]');
        const last = rows[rows.length - 1];
        return document.activeElement === last.querySelector('[data-testid=segment-title]');";
    while app.client.execute(script, vec![]).await.unwrap() != serde_json::json!(true) {
        assert!(
            std::time::Instant::now() < deadline,
            "the new segment's title never got the focus"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The segment rows' titles, read in one go in the page (a row re-rendered between finding it
/// and reading it would otherwise be a stale element).
async fn segment_titles(app: &App) -> Vec<String> {
    let js = "return [...document.querySelectorAll(\
              '[data-testid=segment-row] [data-testid=segment-title]')].map((e) => e.value)";
    let got = app.client.execute(js, vec![]).await.unwrap();
    serde_json::from_value(got).unwrap()
}

async fn wait_titles(app: &App, want: &[&str]) {
    let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
    loop {
        let got = segment_titles(app).await;
        if got == want {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "segments {got:?}, want {want:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn analyst_builds_a_calendar_sees_the_changeover_finding_in_two_languages_and_it_persists() {
    showcall_e2e::bounded(std::time::Duration::from_secs(240), async {
        let data = tempfile::tempdir().unwrap();
        let app = App::start(data.path()).await;

        // First start: the demo event is there.
        app.wait_text("the demo event in the list", |t| {
            t.contains("Sommet Boréal 2027")
        })
        .await;
        app.screenshot("events-list-en").await;

        // Create an event; it opens on the calendar.
        app.click("[data-testid=new-event]").await;
        app.fill("input[name=eventName]", "Gala E2E").await;
        app.fill("input[name=eventZone]", "America/Toronto").await;
        app.click("[data-testid=create-event]").await;
        app.find("[data-testid=timeline]").await;

        // Two sessions five minutes apart on the same stage.
        fill_session(&app, "Opening", "2027-06-01 09:00", "2027-06-01 10:00").await;
        app.screenshot("session-form").await;
        app.click("[data-testid=save-session]").await;
        app.wait_count("[data-testid=session-block]", 1).await;
        add_session(&app, "Panel", "2027-06-01 10:05", "2027-06-01 11:00").await;
        app.wait_count("[data-testid=session-block]", 2).await;

        let finding = app
            .find("[data-testid=findings] [data-testid=finding][data-code=closing_training_needed]")
            .await;
        let text = app.text(&finding).await;
        assert!(text.contains("train the customer team to close"), "{text}");

        // Open the first session's run of show and add two segments.
        app.screenshot("calendar-two-sessions").await;
        let blocks = app.all("[data-testid=session-block]").await;
        let mut opening = None;
        for b in blocks {
            if app.text(&b).await.contains("Opening") {
                opening = Some(b);
            }
        }
        opening.expect("Opening block").click().await.unwrap();
        app.find("[data-testid=run-of-show]").await;
        add_segment(&app, 1).await;
        add_segment(&app, 2).await;

        let titles = app
            .all("[data-testid=segment-row] [data-testid=segment-title]")
            .await;
        titles[0].clear().await.unwrap();
        titles[0].send_keys("Welcome\u{E007}").await.unwrap(); // Enter commits
        wait_titles(&app, &["Welcome", segment_titles(&app).await[1].as_str()]).await;
        let titles = app
            .all("[data-testid=segment-row] [data-testid=segment-title]")
            .await;
        titles[1].clear().await.unwrap();
        titles[1].send_keys("Keynote\u{E007}").await.unwrap();
        wait_titles(&app, &["Welcome", "Keynote"]).await;

        // Durations drive the computed start of the next segment.
        let durations = app
            .all("[data-testid=segment-row] [data-testid=segment-duration]")
            .await;
        durations[0].clear().await.unwrap();
        durations[0].send_keys("7:30\u{E007}").await.unwrap();
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        loop {
            let starts = app
                .all("[data-testid=segment-row] [data-testid=segment-start]")
                .await;
            let second = app.text(&starts[1]).await;
            if second.contains("9:07") {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "second segment starts at {second}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        // Keyboard reorder: Alt+↑ on the second row moves it first.
        let rows = app.all("[data-testid=segment-row]").await;
        let keynote_title = rows[1]
            .find(fantoccini::Locator::Css("[data-testid=segment-title]"))
            .await
            .unwrap();
        keynote_title.click().await.unwrap();
        app.client
            .active_element()
            .await
            .unwrap()
            .send_keys("\u{E00A}\u{E013}\u{E000}")
            .await
            .unwrap();
        wait_titles(&app, &["Keynote", "Welcome"]).await;

        // Undo puts the order back; redo reapplies it.
        app.click("[data-testid=undo]").await;
        wait_titles(&app, &["Welcome", "Keynote"]).await;
        app.click("[data-testid=redo]").await;
        wait_titles(&app, &["Keynote", "Welcome"]).await;
        app.click("[data-testid=undo]").await;
        wait_titles(&app, &["Welcome", "Keynote"]).await;

        // Bad input: an end before the start is refused with a message naming the field.
        add_session(&app, "Backwards", "2027-06-01 15:00", "2027-06-01 14:00").await;
        let err = app.find("[data-testid=error]").await;
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        loop {
            let msg = app.text(&err).await;
            if msg.contains("Session end: must be after the start") {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "error text: {msg}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(
            app.all("[data-testid=session-block]").await.len(),
            2,
            "nothing was added"
        );

        let shot = app.screenshot("calendar-en").await;
        assert!(
            std::fs::metadata(&shot).unwrap().len() > 10_000,
            "a real picture"
        );

        // French: the UI and the findings change language.
        app.click("[data-testid=lang-fr-CA]").await;
        app.wait_text("French findings", |t| {
            t.contains("former l’équipe du client à fermer « Opening »")
        })
        .await;
        let lang = app
            .client
            .execute("return document.documentElement.lang", vec![])
            .await
            .unwrap();
        assert_eq!(lang, "fr-CA");
        app.screenshot("calendar-fr").await;
        app.quit().await;

        // Restart on the same data: the event, its sessions, segments and the language are kept.
        let app = App::start(data.path()).await;
        app.wait_text("the event after restart", |t| t.contains("Gala E2E"))
            .await;
        let rows = app.all("[data-testid=event-row]").await;
        let mut opened = false;
        for r in rows {
            if app.text(&r).await.contains("Gala E2E") {
                r.find(fantoccini::Locator::Css("[data-testid=open-event]"))
                    .await
                    .unwrap()
                    .click()
                    .await
                    .unwrap();
                opened = true;
                break;
            }
        }
        assert!(opened, "Gala E2E row has an open button");
        app.wait_count("[data-testid=session-block]", 2).await;
        app.wait_text("French UI kept", |t| {
            t.contains("former l’équipe du client")
        })
        .await;
        app.quit().await;

        // And the database file is where the app said, readable by the core.
        let db = data.path().join("ca.showcall.desktop/showcall.db");
        let store = showcall_core::Store::open(&db).unwrap();
        let id = store.find_event("Gala E2E").unwrap();
        let event = store.load(&id).unwrap();
        assert_eq!(event.sessions.len(), 2);
        assert_eq!(
            event
                .segments
                .iter()
                .map(|s| s.title.as_str())
                .collect::<Vec<_>>(),
            ["Welcome", "Keynote"]
        );
        assert_eq!(event.segments[0].duration_secs, 450);
    })
    .await;
}
