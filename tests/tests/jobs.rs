//! A long job never makes a cue late nor the window wait: with a rehearsal running at 60× on an
//! event whose cues fall about once a second, a 150,000-row agenda is read and then imported
//! from the window. Notifications keep arriving on time (a real notification service on the
//! session bus), the window answers a click at once, the job's progress shows, and cancelling
//! the import leaves the event as it was.

use showcall_e2e::{bounded, App, NotificationLog};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// The agenda's rows: enough for the read to take seconds in a debug build. (Before the preview
/// was sent a page at a time, the window stopped answering WebDriver for minutes at this size.)
const ROWS: u32 = 150_000;

/// 25 stages, each with one 12-minute session starting a minute after the previous one's.
fn staggered() -> showcall_core::EventData {
    let mut d = showcall_core::testing::conference(25, 1);
    for (i, s) in d.sessions.iter_mut().enumerate() {
        s.start += chrono::Duration::minutes(i as i64);
        s.end += chrono::Duration::minutes(i as i64);
    }
    d.event.name = "Staggered".into();
    showcall_core::tasks::sync(&mut d);
    d
}

/// Milliseconds from a click on the People tab to that tab shown, measured in the page.
async fn click_to_paint(app: &App) -> f64 {
    const JS: &str = r#"
const done = arguments[arguments.length - 1];
const t0 = performance.now();
document.querySelector('[data-testid=tab-people]').click();
const look = () => {
  if (document.querySelector('[data-testid=tab-people][aria-selected=true]')) {
    requestAnimationFrame(() => done(performance.now() - t0));
  } else if (performance.now() - t0 > 20000) done(-1);
  else requestAnimationFrame(look);
};
requestAnimationFrame(look);
"#;
    app.client
        .execute_async(JS, vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap_or(-1.0)
}

/// Runs `js` until it answers a non-empty string (or `within` passes); answers it.
async fn wait_js(app: &App, js: &str, within: Duration) -> String {
    let end = Instant::now() + within;
    loop {
        let v = app.client.execute(js, vec![]).await.unwrap();
        let s = v.as_str().unwrap_or_default().to_string();
        if !s.is_empty() || Instant::now() > end {
            return s;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn cues_stay_on_time_while_a_big_agenda_is_read_and_an_import_is_cancelled() {
    bounded(Duration::from_secs(420), async {
        let data = tempfile::tempdir().unwrap();
        let db = data.path().join("ca.showcall.desktop/showcall.db");
        let d = staggered();
        let mut store = showcall_core::Store::open(&db).unwrap();
        store.insert(&d).unwrap();
        let before = serde_json::to_value(store.load(&d.event.id).unwrap()).unwrap();
        drop(store);
        let csv = data.path().join("huge.csv");
        let mut text = String::from("Title,Date,Start,End,Stage\n");
        for i in 0..ROWS {
            let m = i % 600;
            let _ = writeln!(
                text,
                "Talk {i},2027-05-05,{:02}:{:02},{:02}:{:02},Hall {}",
                8 + m / 60,
                m % 60,
                8 + (m + 1) / 60,
                (m + 1) % 60,
                i % 40
            );
        }
        std::fs::write(&csv, text).unwrap();

        let log = NotificationLog::start();
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-live]").await;
        app.find("[data-testid=live-clock]").await;
        app.fill("input[name=rehearsalFrom]", "2027-05-04 07:26")
            .await;
        let speed = app.find("select[name=rehearsalSpeed]").await;
        speed.select_by_value("60").await.unwrap();
        app.click("[data-testid=start-rehearsal]").await;
        app.find("[data-testid=rehearsal-badge]").await;
        log.wait_for(3, Duration::from_secs(30));

        // The agenda, read in the Handoff tab into this event.
        app.click("[data-testid=tab-handoff]").await;
        app.fill("[data-testid=agenda-path]", csv.to_str().unwrap())
            .await;
        let job_start = Instant::now();
        let t_start = log.all().len();
        app.click("[data-testid=read-agenda]").await;
        app.find("[data-testid=job-agenda]").await;
        app.screenshot("job-progress").await;
        let answer = click_to_paint(&app).await;
        println!("click → painted during the job: {answer:.0} ms");
        assert!(
            (0.0..500.0).contains(&answer),
            "the window waited {answer} ms"
        );
        app.click("[data-testid=tab-handoff]").await;
        let outcome = wait_js(
            &app,
            "return document.querySelector('[data-testid=agenda-preview]') ? 'preview' \
             : (document.querySelector('[data-testid=agenda-error]')?.innerText ?? '');",
            Duration::from_secs(180),
        )
        .await;
        assert_eq!(outcome, "preview");
        let read_for = job_start.elapsed();
        println!("agenda read in {} ms", read_for.as_millis());

        // Import, and cancel it at once.
        let clicked = Instant::now();
        app.click("[data-testid=import-agenda-rows]").await;
        app.click("[data-testid=job-cancel]").await;
        println!(
            "import → cancel clicked: {} ms",
            clicked.elapsed().as_millis()
        );
        // The banner says so; the job's slot is free again.
        let ended = wait_js(
            &app,
            "const e = document.querySelector('[data-testid=error]'); \
             if (e) return e.dataset.code === 'cancelled' ? 'cancelled' : `${e.dataset.code}: ${e.innerText}`; \
             return document.querySelector('[data-testid=agenda-result]') ? 'imported' : '';",
            Duration::from_secs(180),
        )
        .await;
        println!(
            "import → ended ({ended}): {} ms",
            clicked.elapsed().as_millis()
        );
        assert_eq!(ended, "cancelled");
        assert!(app.all("[data-testid=job-agenda]").await.is_empty());
        let job_end = Instant::now();

        // The notifications that arrived while the jobs ran came steadily: no stall.
        let all = log.all();
        let during: Vec<i64> = all[t_start.min(all.len())..]
            .iter()
            .map(|n| n.at_ms)
            .collect();
        let span = (job_end - job_start).as_millis() as i64;
        let gaps: Vec<i64> = during.windows(2).map(|w| w[1] - w[0]).collect();
        let worst = gaps.iter().copied().max().unwrap_or(span);
        println!(
            "{} notifications in {span} ms of jobs; longest gap {worst} ms",
            during.len()
        );
        assert!(during.len() >= 5, "{during:?}");
        assert!(worst < 2_500, "notifications stalled for {worst} ms");
        assert!(
            !all.iter()
                .any(|n| n.summary.to_lowercase().contains("missed")),
            "no cue turned missed: {all:?}"
        );
        app.quit().await;

        // Cancelled: the event is as it was.
        let after = showcall_core::Store::open(&db)
            .unwrap()
            .load(&d.event.id)
            .unwrap();
        assert_eq!(serde_json::to_value(after).unwrap(), before);
    })
    .await;
}
