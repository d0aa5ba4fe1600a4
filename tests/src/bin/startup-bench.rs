//! Prints the app's time from launch to the first rendered event list and to the first rendered
//! calendar (demo event opened), and its memory (PSS, app + WebKit child processes), as the
//! median of several runs. Run under Xvfb: `bash bench/startup.sh`.

use showcall_e2e::procs::{app_tree, pss_kib};
use showcall_e2e::App;
use std::time::{Duration, Instant};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

#[tokio::main]
async fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let (mut list_ms, mut cal_ms, mut pss) = (vec![], vec![], vec![]);
    for _ in 0..runs {
        let data = tempfile::tempdir().unwrap();
        let t0 = Instant::now();
        let app = App::start(data.path()).await;
        app.find("[data-testid=event-row]").await;
        list_ms.push(t0.elapsed().as_secs_f64() * 1000.0);
        app.click("[data-testid=open-event]").await;
        app.find("[data-testid=session-block]").await;
        cal_ms.push(t0.elapsed().as_secs_f64() * 1000.0);
        tokio::time::sleep(Duration::from_secs(2)).await; // let memory settle
        let pids = app_tree();
        if std::env::var_os("BENCH_VERBOSE").is_some() {
            for p in &pids {
                let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
                eprintln!("  pid {p} {} {} KiB", name.trim(), pss_kib(*p));
            }
        }
        pss.push(pids.iter().map(|p| pss_kib(*p)).sum::<u64>() as f64 / 1024.0);
        app.quit().await;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    println!("runs: {runs} (debug build unless CARGO_TARGET_DIR points at a release build; times include WebDriver session setup)");
    println!(
        "launch → first event list rendered: median {:.0} ms",
        median(list_ms)
    );
    println!(
        "launch → demo calendar rendered:    median {:.0} ms",
        median(cal_ms)
    );
    println!(
        "memory, app + WebKit processes (PSS): median {:.0} MiB",
        median(pss)
    );
}
