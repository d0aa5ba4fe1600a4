//! CPU use of the app (with its WebKit processes) while the live view of the demo event is open
//! and idle: the view polls once a second (the cue list only when it changed), the clock and one
//! countdown change, and the scheduler sleeps until the next cue (a second at most). Prints the
//! average over a 30-second window, per process too. Run under Xvfb: `bash bench/live-idle.sh`.
//!
//! Under Xvfb there is no GPU: WebKit composites each changed frame with Mesa's software GL
//! (llvmpipe), which is most of the web process's share. `BENCH_APP_ENV=
//! WEBKIT_DISABLE_COMPOSITING_MODE=1` measures without compositing, closer to a machine with a
//! GPU. Diagnostics: BENCH_TAB=calendar, BENCH_CSS, BENCH_JS, BENCH_PROBE (cost of one poll),
//! BENCH_MUTATIONS (what the page changes).

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
    // BENCH_APP_ENV=K=V passes one variable to the app (e.g. WebKit rendering switches).
    let extra = std::env::var("BENCH_APP_ENV").unwrap_or_default();
    let env: Vec<(&str, &str)> = extra.split_once('=').into_iter().collect();
    let app = App::start_with(data.path(), &env).await;
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
    let pids = app_tree();
    let each: Vec<u64> = pids.iter().map(|p| cpu_ticks(*p)).collect();
    let before: u64 = each.iter().sum();
    let t0 = Instant::now();
    tokio::time::sleep(Duration::from_secs(secs)).await;
    let after: u64 = pids.iter().map(|p| cpu_ticks(*p)).sum();
    {
        for (p, b) in pids.iter().zip(&each) {
            let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
            eprintln!(
                "  {} {}: {} ticks in the window",
                p,
                name.trim(),
                cpu_ticks(*p) - b
            );
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
