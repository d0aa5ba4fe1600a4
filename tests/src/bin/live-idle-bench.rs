//! CPU use of the app (with its WebKit processes) while the live view is open and idle, on the
//! demo event and on the 2,000-session conference (`testing::conference(40, 50)`, put in its
//! data folder's database before launch): the view asks for a snapshot only when told something
//! changed or at its `validUntil`, and its own clock ticks the clock and countdown texts once a
//! second; the scheduler sleeps until the next cue. Prints the average over a 30-second window
//! (per process too) as "live idle CPU, demo: X % of one core" and "live idle CPU, 2,000
//! sessions: X % of one core". Run under Xvfb: `bash bench/live-idle.sh [SECONDS] [demo|conference]`.
//!
//! Under Xvfb there is no GPU: WebKit composites each changed frame with Mesa's software GL
//! (llvmpipe), which is most of the web process's share. `BENCH_APP_ENV=
//! WEBKIT_DISABLE_COMPOSITING_MODE=1` measures without compositing, closer to a machine with a
//! GPU. Diagnostics: BENCH_TAB=calendar, BENCH_CSS, BENCH_JS, BENCH_PROBE (cost of one poll),
//! BENCH_MUTATIONS (what the page changes); a BENCH_JS script may leave `window.__benchResult`,
//! printed after the window.

use showcall_e2e::procs::{app_tree, cpu_ticks};
use showcall_e2e::App;
use std::path::Path;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let secs: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    // A second argument measures one of the two only.
    let only = std::env::args().nth(2).unwrap_or_default();
    if only.is_empty() || only == "demo" {
        // The demo: a fresh data folder (the app puts the demo event in).
        let data = tempfile::tempdir().unwrap();
        let pct = measure(data.path(), secs).await;
        println!("live idle CPU, demo: {pct:.1} % of one core");
    }
    if only.is_empty() || only == "conference" {
        // The conference, alone in its data folder.
        let data = tempfile::tempdir().unwrap();
        let db = data
            .path()
            .join(showcall_core::store::IDENTIFIER)
            .join("showcall.db");
        let mut d = showcall_core::testing::conference(40, 50);
        showcall_core::tasks::sync(&mut d);
        let mut store = showcall_core::Store::open(&db).expect("database");
        store.insert(&d).expect("the conference");
        drop(store);
        let pct = measure(data.path(), secs).await;
        println!("live idle CPU, 2,000 sessions: {pct:.1} % of one core");
    }
}

/// Opens the first event's live view in the app on `data`, lets it settle, and answers its CPU
/// use over `secs` seconds, in % of one core.
async fn measure(data: &Path, secs: u64) -> f64 {
    // BENCH_APP_ENV=K=V passes one variable to the app (e.g. WebKit rendering switches).
    let extra = std::env::var("BENCH_APP_ENV").unwrap_or_default();
    let env: Vec<(&str, &str)> = extra.split_once('=').into_iter().collect();
    let app = App::start_with(data, &env).await;
    app.click("[data-testid=open-event]").await;
    // BENCH_TAB=calendar measures the calendar instead, for comparison.
    if std::env::var("BENCH_TAB").as_deref() != Ok("calendar") {
        app.click("[data-testid=tab-live]").await;
        app.find("[data-testid=live-clock]").await;
        app.find("[data-testid=cue-row]").await;
    }
    if let Ok(css) = std::env::var("BENCH_CSS") {
        // Diagnostic: extra CSS (e.g. hide what ticks) to see where repaint time goes.
        let js = "const s = document.createElement('style'); s.textContent = arguments[0]; document.head.append(s); return 1";
        app.client
            .execute(js, vec![serde_json::Value::String(css)])
            .await
            .unwrap();
    }
    if let Ok(js) = std::env::var("BENCH_JS") {
        // Diagnostic: run a script in the page first (e.g. a stand-in poll on another tab).
        app.client.execute(&js, vec![]).await.unwrap();
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    if std::env::var_os("BENCH_PROBE").is_some() {
        // Diagnostic: what one poll of the live snapshot costs in the page (IPC + JSON).
        let js = "const done = arguments[arguments.length - 1]; (async () => { const inv = window.__TAURI_INTERNALS__.invoke; const id = (await inv('list_events'))[0].id; let s = await inv('live_view', { eventId: id, cuesTag: null }); const full = JSON.stringify(s).length; const t0 = performance.now(); let bytes = 0; for (let i = 0; i < 20; i++) { s = await inv('live_view', { eventId: id, cuesTag: s.cuesTag }); bytes = JSON.stringify(s).length; } done({ msPerCall: (performance.now() - t0) / 20, bytes, full }); })()";
        let r = app.client.execute_async(js, vec![]).await.unwrap();
        eprintln!("live_view poll: {r}");
    }
    if std::env::var_os("BENCH_MUTATIONS").is_some() {
        // What the page changes in 5 s: a diagnostic for repaint cost.
        app.client
            .execute(
                "window.__m = []; new MutationObserver(l => { for (const m of l) window.__m.push(m.type + ' ' + (m.target.parentElement || m.target).className + ' ' + (m.target.dataset ? JSON.stringify(m.target.dataset) : '')) }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true}); return 1",
                vec![],
            )
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_secs(5)).await;
        let m = app
            .client
            .execute(
                "const c = {}; for (const x of window.__m) c[x] = (c[x] || 0) + 1; return c",
                vec![],
            )
            .await
            .unwrap();
        eprintln!("mutations in 5 s: {m:#}");
    }
    // Only this bench's app: other apps (other test runs) may be running on the machine.
    let pids: Vec<u32> = app_tree()
        .into_iter()
        .filter(|p| descends_from_us(*p))
        .collect();
    let names: Vec<String> = pids
        .iter()
        .map(|p| std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default())
        .collect();
    let each: Vec<u64> = pids.iter().map(|p| cpu_ticks(*p)).collect();
    // BENCH_THREADS: where the app's own time goes, thread by thread (diagnostic).
    let threads = |pid: u32| -> Vec<(String, u64)> {
        let Ok(dir) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
            return vec![];
        };
        dir.flatten()
            .map(|t| {
                let tid: u32 = t.file_name().to_string_lossy().parse().unwrap_or(0);
                let name = std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
                (format!("{tid} {}", name.trim()), cpu_ticks_of(pid, tid))
            })
            .collect()
    };
    let diag = std::env::var_os("BENCH_THREADS").is_some();
    let threads_before: Vec<Vec<(String, u64)>> = pids
        .iter()
        .map(|p| if diag { threads(*p) } else { vec![] })
        .collect();
    let t0 = Instant::now();
    tokio::time::sleep(Duration::from_secs(secs)).await;
    for (p, before) in pids.iter().zip(&threads_before).filter(|_| diag) {
        for (name, after) in threads(*p) {
            let b = before.iter().find(|(n, _)| *n == name).map_or(0, |x| x.1);
            if after > b {
                eprintln!("    pid {p} thread {name}: {} ticks", after - b);
            }
        }
    }
    // A process gone by the end (it reads 0) counts for nothing rather than underflowing.
    let used: Vec<u64> = pids
        .iter()
        .zip(&each)
        .map(|(p, b)| cpu_ticks(*p).saturating_sub(*b))
        .collect();
    for ((p, name), u) in pids.iter().zip(&names).zip(&used) {
        eprintln!("  {p} {}: {u} ticks in the window", name.trim());
    }
    let wall = t0.elapsed().as_secs_f64();
    let hz = 100.0; // USER_HZ on Linux
    let cpu = used.iter().sum::<u64>() as f64 / hz;
    let pct = 100.0 * cpu / wall;
    eprintln!(
        "live view idle, {} processes, {wall:.0} s: {cpu:.2} s CPU = {pct:.1} % of one core",
        pids.len(),
    );
    if std::env::var_os("BENCH_JS").is_some() {
        // The diagnostic script may leave a result for after the window.
        let r = app
            .client
            .execute("return window.__benchResult ?? null", vec![])
            .await
            .unwrap();
        eprintln!("BENCH_JS result: {r}");
    }
    app.quit().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    pct
}

/// User + system CPU ticks of one thread so far.
fn cpu_ticks_of(pid: u32, tid: u32) -> u64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/stat")) else {
        return 0;
    };
    let after = &stat[stat.rfind(')').map_or(0, |i| i + 2)..];
    let f: Vec<&str> = after.split_whitespace().collect();
    let field = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    field(11) + field(12)
}

/// Whether `pid` is a descendant of this process (the app under its driver, and its helpers).
fn descends_from_us(pid: u32) -> bool {
    let me = std::process::id();
    let mut p = pid;
    for _ in 0..64 {
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
            return false;
        };
        let after = &stat[stat.rfind(')').map_or(0, |i| i + 2)..];
        let ppid: u32 = after
            .split_whitespace()
            .nth(1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if ppid == me {
            return true;
        }
        if ppid <= 1 {
            return false;
        }
        p = ppid;
    }
    false
}
