//! Hard faults through the app: the real window makes edits (the `edit_event` command the
//! calendar uses) while its event is live and cues fall due on the wall clock, and the app is
//! killed with SIGKILL at random instants, then started again. However it is killed, the
//! database reopens intact, every edit the window was told succeeded is there, no cue is
//! notified twice (a real notification service on the session bus), and no half-written file
//! is left in the data folder.
//!
//! CI runs 4 kills (`SHOWCALL_KILL9_APP_RUNS` says otherwise; `bench/kill9.sh --app` more).

use showcall_e2e::{bounded, App, NotificationLog};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

/// xorshift64: enough randomness for kill instants, reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x % n
    }
}

/// 40 stages, one session each, starting 17 min 4 s from now and 3 s apart: the heads-ups of
/// their speaker prep (17 minutes before) fall every 3 s over the test, on the wall clock.
fn cueing(now: chrono::DateTime<chrono::Utc>) -> showcall_core::EventData {
    let mut d = showcall_core::testing::conference(40, 1);
    let first = now + chrono::Duration::seconds(17 * 60 + 4);
    for (i, s) in d.sessions.iter_mut().enumerate() {
        let length = s.end - s.start;
        s.start = first + chrono::Duration::seconds(3 * i as i64);
        s.end = s.start + length;
    }
    d.event.name = "Kill -9".into();
    showcall_core::tasks::sync(&mut d);
    d
}

/// Adds person `name` through the window's own command; true once the app answered it was done.
async fn add_person(app: &App, event_id: &str, name: &str) -> bool {
    const JS: &str = r#"
const [eventId, name, done] = arguments;
window.__TAURI_INTERNALS__.invoke("edit_event", {
  eventId,
  edit: { type: "addPerson", fields: { name, role: "speaker", email: "", timeZone: "",
    invitationSent: false, techCheckDone: false, instructionsSent: false } },
  revision: null,
}).then(() => done("ok"), (e) => done("error: " + JSON.stringify(e)));
"#;
    let args = vec![event_id.into(), name.into()];
    match tokio::time::timeout(Duration::from_secs(10), app.client.execute_async(JS, args)).await {
        Ok(Ok(v)) => {
            let v = v.as_str().unwrap_or_default().to_string();
            assert!(
                v == "ok" || v.is_empty(),
                "the app refused an edit it should take: {v}"
            );
            v == "ok"
        }
        // The app is gone (killed): not acknowledged.
        _ => false,
    }
}

/// The pid of the app itself (not its WebKit children nor the drivers).
fn app_pid(app: &App) -> Option<u32> {
    let ps = app.processes();
    ps.into_iter().find(|&pid| {
        std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .is_ok_and(|c| c.trim_end().starts_with("showcall-app"))
    })
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .unwrap()
}

/// Files in the data folder that a write left half-done (temporary or staging files).
fn stray_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                if name.starts_with(".incoming-") || name.starts_with(".staging-") {
                    out.push(p.display().to_string());
                }
                todo.push(p);
            } else if name.ends_with(".tmp") || name.starts_with(".tmp") || name.contains(".part") {
                out.push(p.display().to_string());
            }
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_at_random_while_editing_and_notifying_the_app_loses_nothing() {
    let runs: usize = std::env::var("SHOWCALL_KILL9_APP_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(4);
    let seed = std::env::var("SHOWCALL_KILL9_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("kill9-app seed {seed}");
    let mut rng = Rng(seed);
    bounded(Duration::from_secs(120 + 60 * runs as u64), async {
        let data = tempfile::tempdir().unwrap();
        let folder = data.path().join("ca.showcall.desktop");
        let db = folder.join("showcall.db");
        let d = cueing(chrono::Utc::now());
        let event_id = d.event.id.clone();
        {
            let mut store = showcall_core::Store::open(&db).unwrap();
            store.insert(&d).unwrap();
            // Live from the start: the scheduler notifies its cues on the wall clock.
            store.set_setting("live.event", &event_id).unwrap();
        }
        let log = NotificationLog::start();
        let mut acknowledged: Vec<String> = Vec::new();
        let mut killed = 0;
        for run in 0..runs {
            let app = App::start(data.path()).await;
            app.find("[data-testid=open-event]").await;
            let pid = app_pid(&app).expect("the app's process");
            // Killed somewhere in 0.3–4 s of edits.
            let after = Duration::from_millis(300 + rng.below(3_700));
            let killer = tokio::spawn(async move {
                tokio::time::sleep(after).await;
                std::process::Command::new("kill")
                    .args(["-9", &pid.to_string()])
                    .status()
                    .map(|s| s.success())
                    .unwrap_or(false)
            });
            let started = Instant::now();
            let mut n = 0;
            loop {
                let name = format!("Kill9 {run}-{n}");
                if add_person(&app, &event_id, &name).await {
                    acknowledged.push(name);
                    n += 1;
                } else if killer.is_finished() {
                    break;
                }
                assert!(
                    started.elapsed() < Duration::from_secs(60),
                    "edits never stopped"
                );
            }
            if killer.await.unwrap() {
                killed += 1;
            }
            drop(app);
        }
        // Once more, unharmed, so what fell due while it was down is settled (sent late or
        // reported missed, once).
        let app = App::start(data.path()).await;
        app.find("[data-testid=open-event]").await;
        tokio::time::sleep(Duration::from_secs(3)).await;
        app.quit().await;
        // The notification service may still be writing its last lines.
        tokio::time::sleep(Duration::from_millis(500)).await;

        let check = integrity(&db);
        let stored = showcall_core::Store::open(&db)
            .unwrap()
            .load(&event_id)
            .unwrap();
        let names: BTreeSet<&str> = stored.people.iter().map(|p| p.name.as_str()).collect();
        let lost: Vec<&String> = acknowledged
            .iter()
            .filter(|a| !names.contains(a.as_str()))
            .collect();
        let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
        for n in log.all() {
            *seen.entry((n.summary, n.body)).or_default() += 1;
        }
        let twice: Vec<_> = seen.iter().filter(|(_, &c)| c > 1).collect();
        let strays = stray_files(&folder);
        println!("kill9-app runs {runs}");
        println!("kill9-app killed {killed}");
        println!("kill9-app acknowledged {}", acknowledged.len());
        println!("kill9-app lost {}", lost.len());
        println!("kill9-app notifications {}", seen.values().sum::<usize>());
        println!("kill9-app notified twice {}", twice.len());
        println!("kill9-app integrity {check}");
        println!("kill9-app stray files {}", strays.len());
        assert_eq!(check, "ok", "PRAGMA integrity_check");
        assert!(killed >= 1, "no kill landed");
        assert!(!acknowledged.is_empty(), "no edit was acknowledged");
        assert!(lost.is_empty(), "acknowledged edits lost: {lost:?}");
        assert!(twice.is_empty(), "notified twice: {twice:?}");
        assert!(seen.len() >= 3, "too few cues notified to tell: {seen:?}");
        assert!(strays.is_empty(), "{strays:?}");
    })
    .await;
}
