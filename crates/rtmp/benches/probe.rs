//! Benchmark of the connection tester against a private nginx-rtmp on
//! loopback (the integration tests' harness): medians per stage of 50 rtmp
//! and 50 rtmps probes up to `connect`, then how long a probe of a server
//! that accepts TCP and never answers takes to give up. Only loopback is
//! ever contacted. Run with `cargo bench -p showcall-rtmp`.

#[path = "../tests/harness/mod.rs"]
mod harness;

use std::time::{Duration, Instant};

use showcall_rtmp::{probe_timed, ProbeOptions, StageName, DEFAULT_TIMEOUT};

const RUNS: usize = 50;

fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs `RUNS` probes and prints the median, min and max of each stage.
async fn series(label: &str, opts: &ProbeOptions, stages: &[StageName]) {
    // One probe first, not counted: loads the OS trusted roots (rtmps) and
    // warms everything up.
    let cold_started = Instant::now();
    let (cold, _) = probe_timed(opts).await;
    let cold_ms = ms(cold_started.elapsed());
    assert!(cold.ok, "warm-up probe failed: {cold:#?}");

    let mut per_stage: Vec<Vec<f64>> = vec![Vec::new(); stages.len()];
    let mut sums = Vec::new();
    let mut walls = Vec::new();
    let mut ok = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let (report, durations) = probe_timed(opts).await;
        walls.push(ms(started.elapsed()));
        if !report.ok {
            eprintln!("probe failed: {}", report.to_json());
            continue;
        }
        ok += 1;
        for (stage, d) in report.stages.iter().zip(&durations) {
            if let Some(i) = stages.iter().position(|s| *s == stage.stage) {
                per_stage[i].push(ms(*d));
            }
        }
        sums.push(durations.iter().copied().map(ms).sum());
    }

    println!("{label}");
    println!("  probes ok: {ok}/{RUNS}   (first, uncounted probe: {cold_ms:.3} ms)");
    println!(
        "  {:<22}{:>12}{:>12}{:>12}",
        "stage", "median ms", "min ms", "max ms"
    );
    for (name, values) in stages.iter().zip(per_stage.iter_mut()) {
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(0.0, f64::max);
        println!(
            "  {:<22}{:>12.3}{:>12.3}{:>12.3}",
            name.as_str(),
            median(values),
            min,
            max
        );
    }
    let min = sums.iter().copied().fold(f64::INFINITY, f64::min);
    let max = sums.iter().copied().fold(0.0, f64::max);
    println!(
        "  {:<22}{:>12.3}{:>12.3}{:>12.3}",
        "total (sum of stages)",
        median(&mut sums),
        min,
        max
    );
    let min = walls.iter().copied().fold(f64::INFINITY, f64::min);
    let max = walls.iter().copied().fold(0.0, f64::max);
    println!(
        "  {:<22}{:>12.3}{:>12.3}{:>12.3}",
        "total (wall, + close)",
        median(&mut walls),
        min,
        max
    );
    println!();
}

/// Times a probe of a loopback listener that accepts and never answers.
async fn silent(timeout: Duration) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((sock, _)) = listener.accept().await {
            held.push(sock);
        }
    });
    let opts = ProbeOptions {
        timeout,
        ..ProbeOptions::new(format!("rtmp://127.0.0.1:{port}/live"))
    };
    let started = Instant::now();
    let (report, _) = probe_timed(&opts).await;
    let elapsed = started.elapsed();
    holder.abort();
    let failed = report.failed_stage();
    println!(
        "  timeout {:>5.1} s: gave up after {:>9.3} ms (over by {:.3} ms) at stage '{}': {}",
        timeout.as_secs_f64(),
        ms(elapsed),
        ms(elapsed.saturating_sub(timeout)),
        failed.map(|s| s.stage.as_str()).unwrap_or("none"),
        failed
            .map(|s| s.detail.as_str())
            .unwrap_or("(did not fail?)")
    );
}

async fn bench() {
    let nginx = harness::Nginx::start();
    println!(
        "showcall-rtmp probe benchmark: nginx-rtmp on 127.0.0.1 (rtmp port {}, TLS front port {}), \
         {RUNS} probes per series, sequential",
        nginx.rtmp_port, nginx.tls_port
    );
    println!();

    let rtmp = ProbeOptions::new(nginx.rtmp_url("live"));
    series(
        &format!("rtmp probes up to connect ({})", rtmp.url),
        &rtmp,
        &[
            StageName::Resolve,
            StageName::Tcp,
            StageName::Handshake,
            StageName::Connect,
        ],
    )
    .await;

    let rtmps = ProbeOptions {
        extra_roots: vec![nginx.cert_der.clone()],
        ..ProbeOptions::new(nginx.rtmps_url("localhost", "live"))
    };
    series(
        &format!("rtmps probes up to connect ({})", rtmps.url),
        &rtmps,
        &[
            StageName::Resolve,
            StageName::Tcp,
            StageName::Tls,
            StageName::Handshake,
            StageName::Connect,
        ],
    )
    .await;

    println!("server that accepts TCP and never answers (127.0.0.1):");
    silent(DEFAULT_TIMEOUT).await;
    silent(Duration::from_secs(2)).await;
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(bench());
}
