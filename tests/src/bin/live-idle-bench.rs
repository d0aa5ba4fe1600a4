//! CPU use of the app (with its WebKit processes) while the live view of the demo event is open
//! and idle: the view polls once a second and the scheduler ticks four times a second. Prints
//! the average over a 30-second window. Run under Xvfb: `bash bench/live-idle.sh`.

use showcall_e2e::procs::{app_tree, cpu_ticks};
use showcall_e2e::App;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let secs: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.click("[data-testid=open-event]").await;
    // BENCH_TAB=calendar measures the calendar instead, for comparison.
    if std::env::var("BENCH_TAB").as_deref() != Ok("calendar") {
        app.click("[data-testid=tab-live]").await;
        app.find("[data-testid=live-clock]").await;
    }
    if let Ok(css) = std::env::var("BENCH_CSS") {
        // Diagnostic: extra CSS (e.g. hide what ticks) to see where repaint time goes.
        let js = "const s = document.createElement('style'); s.textContent = arguments[0]; document.head.append(s); return 1";
        app.client
            .execute(js, vec![serde_json::Value::String(css)])
            .await
            .unwrap();
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
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
    let pids = app_tree();
    let before: u64 = pids.iter().map(|p| cpu_ticks(*p)).sum();
    let t0 = Instant::now();
    tokio::time::sleep(Duration::from_secs(secs)).await;
    let after: u64 = pids.iter().map(|p| cpu_ticks(*p)).sum();
    if std::env::var_os("BENCH_VERBOSE").is_some() {
        for p in &pids {
            let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
            eprintln!("  {} {}: {} ticks total", p, name.trim(), cpu_ticks(*p));
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let hz = 100.0; // USER_HZ on Linux
    let cpu = (after - before) as f64 / hz;
    println!(
        "live view idle, {} processes, {wall:.0} s: {cpu:.2} s CPU = {:.1} % of one core",
        pids.len(),
        100.0 * cpu / wall
    );
    app.quit().await;
}
