//! Notification lateness end to end: a synthetic event with 500 cues one second apart, rehearsed
//! in the real app at 1× (started from the live view like an analyst would), the notifications
//! caught on the session bus with `dbus-monitor`. Lateness = the instant the bus delivered the
//! Notify call − the instant the cue was due on the rehearsal clock. The rehearsal's wall-clock
//! anchor is taken just before the Start click, so the figures are upper bounds (they include
//! the click's round trip). Prints median, p99, max. Run under Xvfb + D-Bus:
//! `bash bench/notify-lateness.sh [CUES]` (about 9 minutes for 500).

use chrono::{Duration, TimeZone, Utc};
use showcall_core::cues::CueKind;
use showcall_core::model::{CueAnchor, CueSetting, CustomCue};
use showcall_core::store::Store;
use showcall_core::testing::{event, session, stage};
use showcall_e2e::{App, NotificationLog};
use std::time::Instant;

/// Seconds from the rehearsal's start to the first cue.
const FIRST: i64 = 10;

#[tokio::main]
async fn main() {
    let n: i64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("ca.showcall.desktop");
    std::fs::create_dir_all(&dir).unwrap();
    let start = Utc.with_ymd_and_hms(2027, 5, 4, 14, 0, 0).unwrap();
    let mut d = event("America/Toronto");
    d.event.name = "Lateness bench".into();
    let st = stage(&mut d, "Stage A");
    let end = start + Duration::seconds(FIRST + n + 600);
    let s = session(
        &mut d,
        &st,
        "Synthetic",
        &start.to_rfc3339(),
        &end.to_rfc3339(),
    );
    // Only the bench's cues: every generated kind off.
    for kind in CueKind::ALL {
        if kind != CueKind::Custom {
            d.cue_settings.push(CueSetting {
                kind,
                enabled: false,
                lead_secs: 0,
            });
        }
    }
    for i in 0..n {
        d.custom_cues.push(CustomCue {
            id: format!("bench-{i}"),
            session_id: s.clone(),
            segment_id: None,
            anchor: CueAnchor::SessionStart,
            offset_secs: FIRST + i,
            kind: CueKind::Custom,
            text: format!("bench-{i:04}"),
            lead_secs: 0,
        });
    }
    let mut store = Store::open(dir.join("showcall.db")).unwrap();
    store.insert(&d).unwrap();
    drop(store);

    let app = App::start(data.path()).await;
    app.click("[data-testid=open-event]").await;
    app.click("[data-testid=tab-live]").await;
    app.find("[data-testid=live-clock]").await;
    // 10:00 in Toronto (EDT) is the session's start.
    app.fill("input[name=rehearsalFrom]", "2027-05-04 10:00")
        .await;
    app.find("select[name=rehearsalSpeed] option[value='1']")
        .await
        .click()
        .await
        .unwrap();
    // Start the notification daemon now (D-Bus activation takes about a second), so the first
    // cue does not measure the daemon's start-up.
    let _ = std::process::Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications.GetServerInformation",
        ])
        .output();
    let log = NotificationLog::start();
    let anchor_ms = Utc::now().timestamp_millis();
    app.click("[data-testid=start-rehearsal]").await;
    app.find("[data-testid=rehearsal-badge]").await;
    eprintln!("rehearsing {n} cues at 1× (about {} s)…", FIRST + n);

    let deadline = Instant::now() + std::time::Duration::from_secs((FIRST + n + 60) as u64);
    let mut late: Vec<i64> = Vec::new();
    let mut seen = std::collections::HashMap::<i64, usize>::new();
    let mut worst: Vec<(i64, i64)> = Vec::new();
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        let all = log.all();
        seen.clear();
        late.clear();
        worst.clear();
        for note in &all {
            let text = format!("{} {}", note.summary, note.body);
            let Some(i) = text
                .split("bench-")
                .nth(1)
                .and_then(|t| t.get(..4))
                .and_then(|t| t.parse::<i64>().ok())
            else {
                continue;
            };
            *seen.entry(i).or_default() += 1;
            late.push(note.at_ms - (anchor_ms + (FIRST + i) * 1000));
            worst.push((note.at_ms - (anchor_ms + (FIRST + i) * 1000), i));
        }
        if seen.len() as i64 >= n || Instant::now() > deadline {
            break;
        }
    }
    app.click("[data-testid=stop-rehearsal]").await;
    app.quit().await;

    let twice = seen.values().filter(|c| **c > 1).count();
    worst.sort_unstable();
    let tail: Vec<String> = worst
        .iter()
        .rev()
        .take(3)
        .map(|(ms, i)| format!("cue {i}: {ms} ms"))
        .collect();
    eprintln!("latest: {}", tail.join(", "));
    late.sort_unstable();
    if late.is_empty() {
        eprintln!("no bench notification arrived");
        std::process::exit(1);
    }
    let pct = |p: f64| late[((late.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "notifications: {} of {n} cues arrived, {twice} more than once",
        seen.len()
    );
    println!(
        "lateness ms (bus delivery − due, rehearsal 1×, the scheduler sleeps until the next cue): min {}, median {}, p99 {}, max {}",
        late[0],
        pct(0.5),
        pct(0.99),
        late[late.len() - 1]
    );
}
