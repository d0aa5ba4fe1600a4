//! The network server under load, in the real app: a synthetic event with one cue a second is
//! rehearsed at 1× (started through the control API), while VIEWERS speaker-timer views stay
//! connected (Server-Sent Events, as the page reads them) and RATE control calls a second send
//! a numbered line to every speaker timer. On loopback only, for SECONDS seconds.
//!
//! Prints, one per line: the update latency from the control call to each view receiving the
//! line (p50, p99, max), how many of the expected deliveries arrived, the control calls' own
//! times, the app's CPU (its whole process tree: app and WebKit) and memory (PSS), and the
//! lateness of the rehearsal's notifications caught on the session bus (missed, sent twice).
//! Run under Xvfb + D-Bus: `bash bench/share-load.sh [SECONDS] [--viewers N] [--rate R]`.

use chrono::{Duration, TimeZone, Utc};
use showcall_core::cues::CueKind;
use showcall_core::model::{CueAnchor, CueSetting, CustomCue, ShareSettings, ShareView};
use showcall_core::store::Store;
use showcall_core::testing::{event, segment, session, stage};
use showcall_core::Actor;
use showcall_e2e::{procs, App, NotificationLog};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Seconds from the rehearsal's start to the first cue.
const FIRST: i64 = 10;

struct Args {
    secs: i64,
    viewers: usize,
    rate: u32,
}

fn args() -> Args {
    let mut a = Args {
        secs: 300,
        viewers: 100,
        rate: 10,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut num = |what: &str| -> u64 {
            it.next()
                .and_then(|s| s.parse().ok())
                .filter(|n| *n > 0)
                .unwrap_or_else(|| usage(&format!("{what} takes a positive number")))
        };
        match arg.as_str() {
            "--viewers" => a.viewers = num("--viewers") as usize,
            "--rate" => a.rate = num("--rate") as u32,
            n => a.secs = n.parse().unwrap_or_else(|_| usage(&format!("unknown {n}"))),
        }
    }
    a
}

fn usage(why: &str) -> ! {
    eprintln!("{why}\nusage: share-load-bench [SECONDS] [--viewers N] [--rate R]");
    std::process::exit(2)
}

fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

/// One HTTP/1.1 call on loopback; answers the status.
async fn call(port: u16, method: &str, path: &str, token: &str, body: &str) -> Option<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).await.ok()?;
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.ok()?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).await.ok()?;
    let text = String::from_utf8_lossy(&out);
    text.split(' ').nth(1)?.parse().ok()
}

/// Lines received: for each line number, when each viewer saw it (ms).
type Seen = Arc<Mutex<HashMap<u64, Vec<i64>>>>;

/// One connected view: reads its stream and notes when each numbered line arrives.
async fn viewer(port: u16, token: String, seen: Seen, until: Instant) {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)).await else {
        return;
    };
    let req = format!(
        "GET /api/stream?token={token} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    );
    if s.write_all(req.as_bytes()).await.is_err() {
        return;
    }
    let mut buf = vec![0u8; 64 * 1024];
    let mut carry = String::new();
    let mut last = 0u64;
    while Instant::now() < until {
        let n =
            match tokio::time::timeout(std::time::Duration::from_secs(1), s.read(&mut buf)).await {
                Ok(Ok(0)) | Ok(Err(_)) => return,
                Ok(Ok(n)) => n,
                Err(_) => continue,
            };
        let at = now_ms();
        carry.push_str(&String::from_utf8_lossy(&buf[..n]));
        const MARK: &str = "\"message\":\"load-";
        while let Some(i) = carry.find(MARK) {
            let rest = &carry[i + MARK.len()..];
            let Some(end) = rest.find('"') else { break };
            if let Ok(k) = rest[..end].parse::<u64>() {
                if k != last {
                    seen.lock().unwrap().entry(k).or_default().push(at);
                    last = k;
                }
            }
            carry = carry[i + MARK.len() + end..].to_string();
        }
        if carry.len() > 1 << 20 {
            carry.clear();
        }
    }
}

fn pct(v: &mut [i64], p: f64) -> i64 {
    v.sort_unstable();
    v.get(((v.len().max(1) - 1) as f64 * p).round() as usize)
        .copied()
        .unwrap_or(-1)
}

#[tokio::main]
async fn main() {
    let Args {
        secs,
        viewers,
        rate,
    } = args();
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("ca.showcall.desktop");
    std::fs::create_dir_all(&dir).unwrap();
    let start = Utc.with_ymd_and_hms(2027, 5, 4, 14, 0, 0).unwrap();
    let mut d = event("America/Toronto");
    d.event.name = "Share load bench".into();
    let st = stage(&mut d, "Stage A");
    let end = start + Duration::seconds(FIRST + secs + 600);
    let s = session(
        &mut d,
        &st,
        "Synthetic",
        &start.to_rfc3339(),
        &end.to_rfc3339(),
    );
    segment(&mut d, &s, "Bench segment", 60, &[]);
    for kind in CueKind::ALL {
        if kind != CueKind::Custom {
            d.cue_settings.push(CueSetting {
                kind,
                enabled: false,
                lead_secs: 0,
            });
        }
    }
    for i in 0..secs {
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
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut store = Store::open(dir.join("showcall.db")).unwrap();
    store.insert(&d).unwrap();
    store
        .set_share_settings(&ShareSettings {
            on: true,
            bind: "127.0.0.1".into(),
            port,
            ..ShareSettings::default()
        })
        .unwrap();
    let link = |store: &mut Store, view, control| {
        showcall_core::service::share::make_link(
            store,
            Actor::Analyst,
            &d.event.id,
            view,
            None,
            None,
            control,
            Utc::now(),
        )
        .unwrap()
        .token
    };
    let view_token = link(&mut store, ShareView::SpeakerTimer, false);
    let control = link(&mut store, ShareView::Stage, true);
    drop(store);

    let app = App::start(data.path()).await;
    let deadline = Instant::now() + std::time::Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(Instant::now() < deadline, "the app did not start sharing");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let tree = app.processes();
    let log = NotificationLog::start();
    let anchor_ms = now_ms();
    let body = format!(r#"{{"from":"{}","speed":1}}"#, start.to_rfc3339());
    assert_eq!(
        call(port, "POST", "/api/rehearsal/start", &control, &body).await,
        Some(200),
        "the rehearsal starts through the API"
    );
    eprintln!("rehearsing {secs} cues at 1× with {viewers} views and {rate} calls/s…");

    let until = Instant::now() + std::time::Duration::from_secs((FIRST + secs) as u64);
    let seen: Seen = Arc::default();
    let mut tasks = Vec::new();
    for _ in 0..viewers {
        tasks.push(tokio::spawn(viewer(
            port,
            view_token.clone(),
            seen.clone(),
            until,
        )));
    }
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let ticks0: u64 = tree.iter().map(|p| procs::cpu_ticks(*p)).sum();
    let t0 = Instant::now();
    let sent: Arc<Mutex<HashMap<u64, i64>>> = Arc::default();
    let mut calls_ms = Vec::new();
    let mut failed = 0;
    let mut every = tokio::time::interval(std::time::Duration::from_millis(1000 / rate as u64));
    let mut k = 0u64;
    while Instant::now() < until {
        every.tick().await;
        k += 1;
        let at = now_ms();
        sent.lock().unwrap().insert(k, at);
        let body = format!(r#"{{"text":"load-{k}"}}"#);
        let t = Instant::now();
        match call(port, "POST", "/api/message", &control, &body).await {
            Some(200) => calls_ms.push(t.elapsed().as_millis() as i64),
            _ => failed += 1,
        }
    }
    let busy_s = t0.elapsed().as_secs_f64();
    let ticks1: u64 = tree.iter().map(|p| procs::cpu_ticks(*p)).sum();
    let pss: u64 = tree.iter().map(|p| procs::pss_kib(*p)).sum();
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    for t in tasks {
        t.abort();
    }
    let _ = call(port, "POST", "/api/rehearsal/stop", &control, "").await;

    // Update latency: each line, each viewer that saw it.
    let sent = sent.lock().unwrap().clone();
    let seen = seen.lock().unwrap().clone();
    let mut lat: Vec<i64> = Vec::new();
    for (k, ats) in &seen {
        if let Some(s) = sent.get(k) {
            lat.extend(ats.iter().map(|a| a - s));
        }
    }
    let expected = sent.len() * viewers;
    if std::env::var_os("SHARE_LOAD_DEBUG").is_some() {
        let mut ks: Vec<_> = seen.keys().copied().collect();
        ks.sort_unstable();
        for k in ks.iter().take(5).chain(ks.iter().rev().take(3)) {
            let first = seen[k].iter().min().copied().unwrap_or(0);
            eprintln!(
                "line {k}: sent {} first seen +{} ms by {} views",
                sent.get(k).copied().unwrap_or(0) % 100_000,
                first - sent.get(k).copied().unwrap_or(0),
                seen[k].len()
            );
        }
    }
    let ticks_per_s = 100.0;
    let cpu = (ticks1 - ticks0) as f64 / ticks_per_s / busy_s * 100.0;
    println!(
        "views connected: {viewers}; control calls: {} ({rate}/s), {failed} failed",
        sent.len()
    );
    println!(
        "update latency ms (control call sent → line on a view): p50 {}, p99 {}, max {}",
        pct(&mut lat, 0.5),
        pct(&mut lat, 0.99),
        pct(&mut lat, 1.0)
    );
    println!(
        "deliveries: {} of {expected} (a view shows the latest line; two lines within one push count once)",
        lat.len()
    );
    println!(
        "control call ms: p50 {}, p99 {}, max {}",
        pct(&mut calls_ms, 0.5),
        pct(&mut calls_ms, 0.99),
        pct(&mut calls_ms, 1.0)
    );
    println!("app CPU (app + WebKit, % of one core): {cpu:.1}");
    println!("app PSS (app + WebKit): {:.0} MiB", pss as f64 / 1024.0);

    // The rehearsal's notifications, as the bus carried them.
    let mut late = Vec::new();
    let mut count: HashMap<i64, usize> = HashMap::new();
    for note in log.all() {
        let text = format!("{} {}", note.summary, note.body);
        let Some(i) = text
            .split("bench-")
            .nth(1)
            .and_then(|t| t.get(..4))
            .and_then(|t| t.parse::<i64>().ok())
        else {
            continue;
        };
        *count.entry(i).or_default() += 1;
        late.push(note.at_ms - (anchor_ms + (FIRST + i) * 1000));
    }
    let due = (0..secs)
        .filter(|i| anchor_ms + (FIRST + i) * 1000 < now_ms() - 5000)
        .count();
    let missed = (0..secs)
        .filter(|i| anchor_ms + (FIRST + i) * 1000 < now_ms() - 5000 && !count.contains_key(i))
        .count();
    println!(
        "notifications: {} of {due} due cues, lateness ms p50 {}, p99 {}, max {}",
        count.len(),
        pct(&mut late, 0.5),
        pct(&mut late, 0.99),
        pct(&mut late, 1.0)
    );
    println!("missed: {missed}");
    println!("sent twice: {}", count.values().filter(|c| **c > 1).count());
    app.quit().await;
}
