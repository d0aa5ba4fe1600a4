//! The event day in the real window: the live view, one-key actions, and a rehearsal at 60×
//! whose notifications reach a real notification service on the session bus, in order, once
//! each, in English and then in French.

use showcall_e2e::{bounded, App, NotificationLog};
use std::time::Duration;

/// Starts a rehearsal of the demo event from 08:27 (event time) at 60×.
async fn start_rehearsal(app: &App) {
    app.fill("input[name=rehearsalFrom]", "2027-04-15 08:27")
        .await;
    let speed = app.find("select[name=rehearsalSpeed]").await;
    speed.select_by_value("60").await.unwrap();
    app.click("[data-testid=start-rehearsal]").await;
    app.find("[data-testid=rehearsal-badge]").await;
}

fn rehearsal_texts(log: &NotificationLog, tag: &str) -> Vec<(String, String)> {
    log.all()
        .into_iter()
        .filter(|n| n.summary.starts_with(tag))
        .map(|n| (n.summary, n.body))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rehearsal_notifies_each_cue_once_in_order_in_both_languages() {
    showcall_e2e::bounded(std::time::Duration::from_secs(240), async {
    let data = tempfile::tempdir().unwrap();
    let log = NotificationLog::start();
    let app = App::start(data.path()).await;
    app.click("[data-testid=open-event]").await;
    app.click("[data-testid=tab-live]").await;
    app.find("[data-testid=live-clock]").await;

    // With the chime on, the page plays it for each batch of notifications.
    app.click("[data-testid=dnd-open]").await;
    app.click("[data-testid=sound-toggle]").await;
    app.click("[data-testid=dnd-open]").await;

    // 08:27 → 08:46 simulated is 19 s of real time at 60×: the AV check's heads-up (08:28) and
    // its time (08:30), then the speaker prep's (08:43, 08:45).
    start_rehearsal(&app).await;
    let want_en = [
        ("[Rehearsal] Lighting, video and audio check — Mot d’ouverture", "Salle principale · in 2 min"),
        ("[Rehearsal] Lighting, video and audio check — Mot d’ouverture", "Salle principale · now"),
        (
            "[Rehearsal] Speaker prep — Mot d’ouverture (Hélène Tremblay, Marc-André Gagnon, Jean Dubois)",
            "Salle principale · in 2 min",
        ),
        (
            "[Rehearsal] Speaker prep — Mot d’ouverture (Hélène Tremblay, Marc-André Gagnon, Jean Dubois)",
            "Salle principale · now",
        ),
    ];
    log.wait_for(4, Duration::from_secs(40));
    tokio::time::sleep(Duration::from_secs(1)).await;
    let got = rehearsal_texts(&log, "[Rehearsal]");
    let want: Vec<(String, String)> = want_en
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want, "in order, once each");
    // The log the analyst sends after the show names each notification sent.
    let (files, logged) = showcall_e2e::app_logs(data.path());
    assert!(!files.is_empty(), "no showcall*.log under {:?}", data.path());
    for (title, _) in &want {
        assert!(logged.contains(title.as_str()), "{title} not in {files:?}:\n{logged}");
    }
    assert!(
        log.all()
            .iter()
            .all(|n| n.app.to_lowercase().contains("showcall")),
        "{:?}",
        log.all()
    );
    let chimes = app
        .client
        .execute("return Number(document.documentElement.dataset.chimes || 0)", vec![])
        .await
        .unwrap();
    assert!(chimes.as_i64().unwrap_or(0) >= 4, "one chime per batch, four batches: {chimes}");
    app.screenshot("live-rehearsal-en").await;
    app.click("[data-testid=stop-rehearsal]").await;

    // French: the same cues, the same order, in French.
    app.click("[data-testid=lang-fr-CA]").await;
    app.wait_text("French live view", |t| {
        t.contains("Répétition") || t.contains("Signal")
    })
    .await;
    start_rehearsal(&app).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(40);
    while rehearsal_texts(&log, "[Répétition]").len() < 4 {
        assert!(std::time::Instant::now() < deadline, "{:#?}", log.all());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let fr = rehearsal_texts(&log, "[Répétition]");
    assert_eq!(fr.len(), 4, "{fr:#?}");
    assert_eq!(
        fr[0].0,
        "[Répétition] Vérification éclairage, vidéo et son — Mot d’ouverture"
    );
    assert_eq!(fr[0].1, "Salle principale · dans 2 min");
    assert_eq!(fr[1].1, "Salle principale · maintenant");
    assert!(fr[2]
        .0
        .starts_with("[Répétition] Préparation des conférenciers — Mot d’ouverture"));
    app.screenshot("live-rehearsal-fr").await;
    app.click("[data-testid=stop-rehearsal]").await;
    app.quit().await;

    // A rehearsal never touches the real day: no cue was recorded as sent.
    let db = data.path().join("ca.showcall.desktop/showcall.db");
    let store = showcall_core::Store::open(&db).unwrap();
    let id = store.find_event("Sommet Boréal 2027").unwrap();
    assert!(store.sent(&id).unwrap().is_empty());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_live_view_marks_cues_done_with_space_and_a_delay_moves_the_next_cue() {
    showcall_e2e::bounded(std::time::Duration::from_secs(240), async {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.click("[data-testid=open-event]").await;
    app.click("[data-testid=tab-live]").await;

    // Rehearse from 08:59:30 at 1×: the next cues are the opening's go-live and clip at 09:00.
    app.fill("input[name=rehearsalFrom]", "2027-04-15 08:59")
        .await;
    app.find("select[name=rehearsalSpeed]")
        .await
        .select_by_value("1")
        .await
        .unwrap();
    app.click("[data-testid=start-rehearsal]").await;
    app.find("[data-testid=rehearsal-badge]").await;
    app.find("[data-testid=live-stage]").await;
    let next = app.find("[data-testid=next-cue]").await;
    let before = app.text(&next).await;
    assert!(before.contains("Mot d’ouverture"), "{before}");
    app.find("[data-testid=next-cue-countdown]").await;
    app.screenshot("live-view").await;

    // Space marks the selected (next) cue done.
    let key_before: String = app
        .client
        .execute(
            "return document.querySelector('[data-testid=cue-row][aria-selected=true]')?.dataset.cueKey ?? ''",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(!key_before.is_empty(), "a cue is selected");
    app.find("[data-testid=cue-list]")
        .await
        .click()
        .await
        .unwrap();
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(" ")
        .await
        .unwrap();
    let row = format!("[data-testid=cue-row][data-cue-key=\"{key_before}\"][data-state=done]");
    app.find(&row).await;

    // A 5-minute stage delay moves the next go-live by five minutes.
    let go_live = |t: &str| t.contains("09:45") || t.contains("9:45");
    let panel_row = "[data-testid=cue-row][data-cue-key^=\"go_live:\"]";
    let rows = app.all(panel_row).await;
    assert!(rows.len() >= 2);
    let panel_before = app.text(&rows[1]).await;
    assert!(go_live(&panel_before), "{panel_before}");
    app.click("[data-testid=live-stage] [data-testid=apply-delay]")
        .await;
    app.fill("input[name=delayMinutes]", "5").await;
    app.click("[data-testid=confirm-delay]").await;
    app.wait_text("the panel's go-live at 09:50", |t| t.contains("9:50"))
        .await;
    let rows = app.all(panel_row).await;
    let panel_after = app.text(&rows[1]).await;
    assert!(panel_after.contains("9:50"), "{panel_after}");
    app.screenshot("live-view-delayed").await;

    // The speaker timer window opens and counts.
    app.click("[data-testid=open-timer]").await;
    let handles = {
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        loop {
            let h = app.client.windows().await.unwrap();
            if h.len() >= 2 {
                break h;
            }
            assert!(std::time::Instant::now() < deadline, "no timer window");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    let main = app.client.window().await.unwrap();
    let timer = handles.into_iter().find(|h| *h != main).unwrap();
    app.client.switch_to_window(timer).await.unwrap();
    app.find("[data-testid=timer-remaining]").await;
    app.screenshot("speaker-timer").await;
    app.client.switch_to_window(main).await.unwrap();
    app.click("[data-testid=stop-rehearsal]").await;
    app.quit().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn hidden_in_the_tray_the_app_keeps_notifying() {
    bounded(Duration::from_secs(120), async {
        let data = tempfile::tempdir().unwrap();
        let log = NotificationLog::start();
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-live]").await;
        assert!(showcall_e2e::window_visible("Showcall"));
        start_rehearsal(&app).await;
        // Hide the main window to the tray right away: the heads-up at 08:28 comes 1 s later.
        eprintln!("hiding");
        let hide = app.find("[data-testid=hide-window]").await;
        // The click's answer may never come back once the window is gone: don't wait for it.
        let _ = tokio::time::timeout(Duration::from_secs(3), hide.click()).await;
        eprintln!("hidden?");
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while showcall_e2e::window_visible("Showcall") {
            assert!(
                std::time::Instant::now() < deadline,
                "the window did not hide"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        log.wait_for(2, Duration::from_secs(30));
        assert!(
            !showcall_e2e::window_visible("Showcall"),
            "still hidden while notifying"
        );
        let got = rehearsal_texts(&log, "[Rehearsal]");
        assert_eq!(got[0].1, "Salle principale · in 2 min", "{got:?}");
        assert_eq!(got[1].1, "Salle principale · now");
        // No WebDriver call on the hidden window: dropping the app ends its processes.
        drop(app);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_report_compares_plan_and_actual_and_exports_csv() {
    showcall_e2e::bounded(std::time::Duration::from_secs(240), async {
        let data = tempfile::tempdir().unwrap();
        // Record an actual start and end for the opening with the CLI-equivalent core calls.
        let db = data.path().join("ca.showcall.desktop/showcall.db");
        {
            let app = App::start(data.path()).await; // first start creates the demo
            app.find("[data-testid=event-row]").await;
            app.quit().await;
        }
        {
            let mut store = showcall_core::Store::open(&db).unwrap();
            let t = |s: &str| {
                chrono::DateTime::parse_from_rfc3339(s)
                    .unwrap()
                    .with_timezone(&chrono::Utc)
            };
            store
                .record_actual(
                    "Mot d’ouverture",
                    Some(t("2027-04-15T13:01:00Z")),
                    Some(t("2027-04-15T13:45:00Z")),
                )
                .unwrap();
        }
        // Without a Downloads folder the export falls back to a folder that exists.
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-report]").await;
        app.find("[data-testid=report-table]").await;
        let rows = app
            .wait_count("[data-testid=report-row][data-level=session]", 8)
            .await;
        let first = app.text(&rows[0]).await;
        assert!(
            first.contains("Mot d’ouverture") && first.contains("+4:00"),
            "{first}"
        );
        app.screenshot("report-en").await;
        app.click("[data-testid=export-report]").await;
        let notice = app.find("[data-testid=export-path]").await;
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        let path = loop {
            let text = app.text(&notice).await;
            if let (Some(i), Some(j)) = (text.find('/'), text.find(".csv")) {
                break text[i..j + 4].to_string();
            }
            assert!(std::time::Instant::now() < deadline, "{text}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        app.quit().await;
        let csv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut reader = csv_reader(&csv);
        let header = reader.remove(0);
        assert_eq!(header[0], "level");
        let opening = reader
            .iter()
            .find(|r| r[2] == "Mot d’ouverture" && r[0] == "session")
            .unwrap();
        assert_eq!(opening[6], "2027-04-15T13:01:00Z");
        assert_eq!(opening[9], "240");
    })
    .await;
}

/// The report's CSV read back with an independent CSV parser (the csv crate).
fn csv_reader(text: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_suspended_app_reports_the_gap_once_as_missed_not_as_a_storm() {
    bounded(Duration::from_secs(180), async {
        let data = tempfile::tempdir().unwrap();
        let log = NotificationLog::start();
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-live]").await;
        app.find("[data-testid=live-clock]").await;
        start_rehearsal(&app).await;
        // The AV check's heads-up and time arrive as usual…
        log.wait_for(2, Duration::from_secs(30));
        let before = rehearsal_texts(&log, "[Rehearsal]").len();

        // …then the machine "sleeps": the app is stopped for 35 s (35 simulated minutes at 60×,
        // over the scheduler's 30-second gap), as a closed laptop lid would.
        let pid = showcall_e2e::procs::app_tree()[0];
        let signal = |s: &str| {
            assert!(std::process::Command::new("kill")
                .args([s, &pid.to_string()])
                .status()
                .unwrap()
                .success())
        };
        signal("-STOP");
        tokio::time::sleep(Duration::from_secs(35)).await;
        let during = rehearsal_texts(&log, "[Rehearsal]").len();
        signal("-CONT");
        tokio::time::sleep(Duration::from_secs(4)).await;

        assert_eq!(during, before, "nothing is sent while the app is stopped");
        let after: Vec<(String, String)> = rehearsal_texts(&log, "[Rehearsal]")
            .into_iter()
            .skip(before)
            .collect();
        let summaries: Vec<&(String, String)> = after
            .iter()
            .filter(|(t, _)| t.contains("missed while Showcall was not running"))
            .collect();
        assert_eq!(summaries.len(), 1, "one summary, not a storm: {after:#?}");
        let n: usize = summaries[0]
            .0
            .trim_start_matches("[Rehearsal] ")
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(n >= 3, "the cues of 35 simulated minutes: {summaries:?}");
        assert!(
            summaries[0].1.contains("Speaker prep — Mot d’ouverture"),
            "{summaries:?}"
        );
        // None of the missed cues came one by one as well.
        assert!(
            !after
                .iter()
                .any(|(t, _)| t.starts_with("[Rehearsal] Speaker prep — Mot d’ouverture")),
            "{after:#?}"
        );
        app.screenshot("live-after-suspend").await;
        app.click("[data-testid=stop-rehearsal]").await;
        app.quit().await;
    })
    .await;
}

/// Counts, in the current window's page, the calls of the live commands (`live_view`,
/// `speaker_timer`: seen where they leave the page, as IPC requests) and the pushes that may
/// cause one (`day-changed`, `event-changed`, `live-changed`).
const INSTALL_COUNTER: &str = r#"
async function installCounter() {
  if (window.__counting) return;
  window.__counting = true;
  window.__liveCalls = 0;
  window.__pushes = 0;
  const count = (cmd) => {
    if (cmd === 'live_view' || cmd === 'speaker_timer') window.__liveCalls++;
  };
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = String((input && input.url) || input);
    const m = /^ipc:\/\/localhost\/([^?#]+)/.exec(url) || /\/\/ipc\.localhost\/([^?#]+)/.exec(url);
    if (m) count(decodeURIComponent(m[1]));
    return fetch(input, init);
  };
  if (window.ipc && window.ipc.postMessage) {
    const post = window.ipc.postMessage.bind(window.ipc);
    try {
      window.ipc.postMessage = (d) => {
        try { count(JSON.parse(d).cmd); } catch (e) {}
        return post(d);
      };
    } catch (e) {}
  }
  const internals = window.__TAURI_INTERNALS__;
  for (const event of ['day-changed', 'event-changed', 'live-changed']) {
    const handler = internals.transformCallback(() => window.__pushes++);
    await internals.invoke('plugin:event|listen', { event, target: { kind: 'Any' }, handler });
  }
}
"#;

/// Starts counting in the current window from zero, after checking that one call of `cmd` is
/// counted (so a counter that sees nothing cannot pass for a window that asks for nothing).
async fn start_counting(app: &App, cmd: &str) {
    let js = format!(
        "const done = arguments[arguments.length - 1]; {INSTALL_COUNTER}
         installCounter().then(async () => {{
           const inv = window.__TAURI_INTERNALS__.invoke;
           window.__liveCalls = 0;
           if ('{cmd}' === 'live_view') {{
             const id = (await inv('list_events'))[0].id;
             await inv('live_view', {{ eventId: id, cuesTag: null }});
           }} else await inv('{cmd}');
           const seen = window.__liveCalls;
           window.__liveCalls = 0;
           window.__pushes = 0;
           done(seen);
         }}).catch((e) => done(String(e)));"
    );
    let seen = app.client.execute_async(&js, vec![]).await.unwrap();
    assert_eq!(
        seen,
        serde_json::json!(1),
        "the counter sees a {cmd} call: {seen}"
    );
}

/// The live calls and the pushes counted since `start_counting`.
async fn counted(app: &App) -> (i64, i64) {
    let v = app
        .client
        .execute("return [window.__liveCalls, window.__pushes]", vec![])
        .await
        .unwrap();
    let n = |i: usize| v[i].as_i64().unwrap_or(-1);
    (n(0), n(1))
}

async fn timer_text(app: &App) -> String {
    let el = app.find("[data-testid=timer-remaining]").await;
    app.text(&el).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_live_view_and_the_timer_tick_by_themselves_and_show_a_delay_from_the_command_line() {
    showcall_e2e::bounded(Duration::from_secs(240), async {
        let data = tempfile::tempdir().unwrap();
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-live]").await;
        app.find("[data-testid=live-stage]").await;
        app.find("[data-testid=cue-row]").await;

        // The speaker timer, following the stage on air (the demo is still to come: the first
        // stage's first session, counting down to its start).
        app.click("[data-testid=open-timer]").await;
        let main = app.client.window().await.unwrap();
        let timer = {
            let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
            loop {
                let h = app.client.windows().await.unwrap();
                if let Some(t) = h.into_iter().find(|h| *h != main) {
                    break t;
                }
                assert!(std::time::Instant::now() < deadline, "no timer window");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        };
        app.client.switch_to_window(timer.clone()).await.unwrap();
        app.find("[data-testid=timer-next]").await;
        start_counting(&app, "speaker_timer").await;
        let first = timer_text(&app).await;
        app.client.switch_to_window(main.clone()).await.unwrap();
        start_counting(&app, "live_view").await;
        let clock = app.find("[data-testid=live-clock] .clock-hms").await;
        let clock_first = app.text(&clock).await;

        // Three seconds: both windows tick and ask for nothing unless told something changed
        // (the scheduler's own bookkeeping writes to the database every 15 s: a push may come).
        tokio::time::sleep(Duration::from_millis(3200)).await;
        let clock_then = app.text(&clock).await;
        assert_ne!(clock_then, clock_first, "the live view's clock ticks");
        let (calls, pushes) = counted(&app).await;
        assert!(
            calls <= pushes,
            "the live view asked {calls} times, told {pushes} times"
        );
        app.client.switch_to_window(timer.clone()).await.unwrap();
        let then = timer_text(&app).await;
        assert_ne!(then, first, "the timer counts down ({first} → {then})");
        let (calls, pushes) = counted(&app).await;
        assert!(
            calls <= pushes,
            "the timer asked {calls} times, told {pushes} times ({first} → {then})"
        );
        eprintln!("timer: {first} → {then}, {calls} calls, {pushes} pushes");
        let next = app.find("[data-testid=timer-next]").await;
        let next = app.text(&next).await;
        assert!(next.contains("Mot d’ouverture"), "{next}");
        let state = app.find("[data-testid=timer-state]").await;
        assert!(app.text(&state).await.to_lowercase().contains("starts in"));
        app.screenshot("speaker-timer-between-sessions").await;

        // A delay recorded at the command line shows in the live view within 2 s.
        app.client.switch_to_window(main.clone()).await.unwrap();
        assert!(app.all("[data-testid=live-late]").await.is_empty());
        let db = data.path().join("ca.showcall.desktop/showcall.db");
        let t0 = std::time::Instant::now();
        let out = std::process::Command::new(showcall_e2e::cli_binary())
            .arg("--db")
            .arg(&db)
            .args(["delay", "Sommet Boréal 2027", "--stage", "Salle principale"])
            .args(["--minutes", "5"])
            .output()
            .expect("the showcall command line");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let t1 = std::time::Instant::now();
        loop {
            let late = app.all("[data-testid=live-late]").await;
            if let Some(l) = late.first() {
                let text = app.text(l).await;
                assert!(text.contains('5'), "{text}");
                break;
            }
            assert!(
                t1.elapsed() < Duration::from_secs(2),
                "the delay did not show within 2 s of the command ({:?} to run it)",
                t1 - t0
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let shown_in = t1.elapsed();
        let (calls, pushes) = counted(&app).await;
        assert!(
            calls >= 1 && pushes >= 1,
            "told, then asked: {calls} calls, {pushes} pushes"
        );
        app.screenshot("live-view-pushed-delay").await;
        eprintln!("delay on screen {shown_in:?} after the command ended");

        // The timer heard of it too and keeps counting, to the session's new start.
        app.client.switch_to_window(timer).await.unwrap();
        let after = timer_text(&app).await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_ne!(timer_text(&app).await, after, "still counting down");
        app.client.switch_to_window(main).await.unwrap();
        app.quit().await;
    })
    .await;
}
