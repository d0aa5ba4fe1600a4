//! Prints the app's time from launch to the first rendered event list and to the first rendered
//! calendar (demo event opened), and its memory (PSS, app + WebKit child processes), as the
//! median of several runs. Run under Xvfb: `bash bench/startup.sh`.

use showcall_e2e::App;
use std::time::{Duration, Instant};

fn pids_of_app_tree() -> Vec<u32> {
    // The app and every process below it (WebKitWebProcess, WebKitNetworkProcess).
    let mut all: Vec<(u32, u32, String)> = vec![];
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let close = stat.rfind(')').unwrap_or(0);
        let name = stat[stat.find('(').unwrap_or(0) + 1..close].to_string();
        let ppid = stat[close + 2..]
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        all.push((pid, ppid, name));
    }
    let mut tree: Vec<u32> = all
        .iter()
        .filter(|p| p.2.starts_with("showcall-app"))
        .map(|p| p.0)
        .collect();
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        for p in &all {
            if p.1 == parent && !tree.contains(&p.0) {
                tree.push(p.0);
            }
        }
        i += 1;
    }
    // WebKit auxiliary processes may be reparented; include them by name too.
    for p in &all {
        // (WebKitWebDriver is the test's driver, not part of the app.)
        if p.2.starts_with("WebKit") && !p.2.starts_with("WebKitWebDriv") && !tree.contains(&p.0) {
            tree.push(p.0);
        }
    }
    tree
}

fn pss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

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
        let pids = pids_of_app_tree();
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
