//! Notification lateness end to end: a synthetic event with 500 cues one second apart, rehearsed
//! in the real app at 1× (started from the live view like an analyst would), the notifications
//! caught on the session bus with `dbus-monitor`. Lateness = the instant the bus delivered the
//! Notify call − the instant the cue was due on the rehearsal clock. The rehearsal's wall-clock
//! anchor is the instant the page sent the app its call to start it (just before the app notes
//! its own start), so the figures are upper bounds by that call's trip, not by the WebDriver's
//! click. Prints median, p99, max, the cues missed and those sent twice.
//!
//! `--loaded` (`--package-mb N`, default 2000) puts the app under load during the rehearsal,
//! through its own commands called from the page: a package of a 10 × 20 conference with N MB
//! of attached files (10 MB each, incompressible) is opened, applied and exported, while 100
//! edits (one a second) are made to the rehearsed event itself. Prints what each step took.
//! Run under Xvfb + D-Bus: `bash bench/notify-lateness.sh [CUES] [--loaded [--package-mb N]]`
//! (about 9 minutes for 500).

use chrono::{Duration, TimeZone, Utc};
use fantoccini::Client;
use serde_json::{json, Value};
use showcall_core::branding::{self, AssetFile, AssetKind};
use showcall_core::cues::CueKind;
use showcall_core::i18n::Lang;
use showcall_core::model::{AssetReport, CueAnchor, CueSetting, CustomCue};
use showcall_core::store::Store;
use showcall_core::testing::{event, segment, session, stage};
use showcall_e2e::{App, NotificationLog};
use showcall_exchange::write::{self, Attachment, Head};
use showcall_exchange::MadeBy;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Seconds from the rehearsal's start to the first cue.
const FIRST: i64 = 10;
/// Edits made under load, one every [`EDIT_EVERY`].
const EDITS: usize = 100;
const EDIT_EVERY: std::time::Duration = std::time::Duration::from_secs(1);
/// Size of one attached file of the package.
const FILE_MB: u64 = 10;
/// Notifications closer together than this count as one burst.
const BURST_MS: i64 = 250;

struct Args {
    cues: i64,
    /// The package's size in MB when loaded.
    loaded: Option<u64>,
}

fn args() -> Args {
    let mut a = Args {
        cues: 500,
        loaded: None,
    };
    let mut mb = 2000;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--loaded" => a.loaded = Some(0),
            "--package-mb" => {
                mb = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|n| *n > 0)
                    .unwrap_or_else(|| usage("--package-mb takes a number of MB"));
            }
            n => a.cues = n.parse().unwrap_or_else(|_| usage(&format!("unknown {n}"))),
        }
    }
    if a.loaded.is_some() {
        a.loaded = Some(mb);
    }
    a
}

fn usage(why: &str) -> ! {
    eprintln!("{why}\nusage: notify-lateness-bench [CUES] [--loaded [--package-mb N]]");
    std::process::exit(2)
}

/// SHA-256 of a file, by `sha256sum` (coreutils).
fn sha256(path: &Path) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .expect("sha256sum runs");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Writes the package to import: a 10 × 20 conference whose video item carries `mb` MB of
/// incompressible files, with showcall_exchange's own writer. Returns its path and event id.
fn write_big_package(dir: &Path, mb: u64) -> (PathBuf, String) {
    let mut d = showcall_core::testing::conference(10, 20);
    showcall_core::tasks::sync(&mut d);
    d.brand_items = branding::items_from(&branding::default_preset(Lang::En).items, &d.event.id, 0);
    let files = mb.div_ceil(FILE_MB);
    let mut attach = Vec::new();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut block = vec![0u8; 1 << 20];
    for i in 0..files {
        let path = dir.join(format!("clip-{i:03}.bin"));
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for _ in 0..FILE_MB {
            for b in block.chunks_mut(8) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                b.copy_from_slice(&x.to_le_bytes()[..b.len()]);
            }
            f.write_all(&block).unwrap();
        }
        f.flush().unwrap();
        drop(f);
        let sha = sha256(&path);
        assert_eq!(sha.len(), 64, "sha256sum of {}", path.display());
        attach.push(Attachment { sha256: sha, path });
    }
    // The files belong to the checklist's video item, so the app exports them again.
    let video = d
        .brand_items
        .iter_mut()
        .find(|i| i.kind == AssetKind::Video)
        .expect("the preset has a video item");
    for (i, a) in attach.iter().enumerate() {
        let bytes = FILE_MB << 20;
        video.files.push(AssetFile {
            sha256: a.sha256.clone(),
            name: format!("clip-{i:03}.mp4"),
            bytes,
            added_at: Utc::now(),
            added_by: "bench".into(),
            report: AssetReport {
                kind: "video".into(),
                file_type: None,
                bytes,
                width: None,
                height: None,
                duration_ms: None,
                checks: vec![],
            },
            stored: true,
            thumbnail: false,
        });
    }
    branding::sync(&mut d);
    let pkg = dir.join("big.showcall");
    let head = Head {
        made_by: MadeBy::Customer,
        created_at: Utc::now(),
    };
    write::write_package(&pkg, &head, &d, &[], &attach, None).unwrap();
    // Only the package is needed from here on.
    for a in &attach {
        let _ = std::fs::remove_file(&a.path);
    }
    (pkg, d.event.id.clone())
}

/// Calls an app command from the page; `Ok(answer)` or `Err(rejection)`, with the time the page
/// waited for it (ms).
async fn invoke(client: &Client, cmd: &str, args: Value) -> (Result<Value, String>, f64) {
    let script = "const [cmd, args, done] = arguments; const t = performance.now();
        window.__TAURI_INTERNALS__.invoke(cmd, args).then(
          v => done({ ok: v === undefined ? null : v, ms: performance.now() - t }),
          e => done({ err: typeof e === 'string' ? e : JSON.stringify(e), ms: performance.now() - t }));";
    match client.execute_async(script, vec![json!(cmd), args]).await {
        Ok(v) => {
            let ms = v["ms"].as_f64().unwrap_or(f64::NAN);
            match v.get("err") {
                Some(e) => (Err(e.as_str().unwrap_or_default().to_string()), ms),
                None => (Ok(v["ok"].clone()), ms),
            }
        }
        Err(e) => (Err(format!("WebDriver: {e}")), f64::NAN),
    }
}

/// What the load did, for the report.
#[derive(Default)]
struct Load {
    open_s: Option<f64>,
    apply_s: Option<f64>,
    export_s: Option<f64>,
    exported_mb: f64,
    edits_ms: Vec<f64>,
    errors: Vec<String>,
    /// When it ran, in seconds after the rehearsal's anchor.
    from_s: f64,
    to_s: f64,
}

/// The load: the package opened, applied and exported (one chain of commands the page runs on
/// its own), and meanwhile the edits, one a second, each through its own WebDriver call.
async fn load(
    client: Client,
    pkg: PathBuf,
    out: PathBuf,
    event_id: String,
    segment_id: String,
    anchor_ms: i64,
) -> Load {
    let since = |ms: i64| (ms - anchor_ms) as f64 / 1000.0;
    let mut l = Load {
        from_s: since(Utc::now().timestamp_millis()),
        ..Load::default()
    };
    let chain = "const [path, out] = arguments; window.__benchLoad = null;
        const inv = (c, a) => window.__TAURI_INTERNALS__.invoke(c, a);
        (async () => {
          const r = {};
          try {
            let t = performance.now();
            r.plan = await inv('open_package', { path, jobId: null });
            r.openMs = performance.now() - t; t = performance.now();
            const imported = await inv('apply_package',
              { resolution: { conflicts: null, picks: {} }, jobId: null });
            r.applyMs = performance.now() - t; t = performance.now();
            r.exported = await inv('export_package', { eventId: imported.eventId, path: out,
              includeStreamKeys: false, jobId: null });
            r.exportMs = performance.now() - t;
          } catch (e) { r.error = typeof e === 'string' ? e : JSON.stringify(e); }
          window.__benchLoad = r;
        })();
        return null;";
    if let Err(e) = client
        .execute(
            chain,
            vec![
                json!(pkg.display().to_string()),
                json!(out.display().to_string()),
            ],
        )
        .await
    {
        l.errors.push(format!("package chain did not start: {e}"));
    }
    let (view, _) = invoke(&client, "load_event", json!({ "id": event_id })).await;
    let mut revision = match view {
        Ok(v) => v["data"]["event"]["revision"].as_i64(),
        Err(e) => {
            l.errors.push(format!("load_event: {e}"));
            None
        }
    };
    let mut tick = tokio::time::interval(EDIT_EVERY);
    for i in 0..EDITS {
        tick.tick().await;
        let edit = json!({
            "type": "updateSegment",
            "id": segment_id,
            "fields": {
                "kind": "presentation",
                "title": "Bench segment",
                "durationSecs": 60,
                "presenterIds": [],
                "notes": format!("edit {i}"),
            }
        });
        let args = json!({ "eventId": event_id, "edit": edit, "revision": revision });
        match invoke(&client, "edit_event", args).await {
            (Ok(a), ms) => {
                l.edits_ms.push(ms);
                revision = a["view"]["data"]["event"]["revision"]
                    .as_i64()
                    .or_else(|| a["changes"]["event"]["revision"].as_i64())
                    .or(revision);
            }
            (Err(e), _) => l.errors.push(format!("edit {i}: {e}")),
        }
    }
    // The package chain, however long it still takes.
    let r = loop {
        match client.execute("return window.__benchLoad", vec![]).await {
            Ok(Value::Null) => tokio::time::sleep(std::time::Duration::from_millis(500)).await,
            Ok(r) => break r,
            Err(e) => {
                l.errors.push(format!("package chain: {e}"));
                break Value::Null;
            }
        }
    };
    let secs = |k: &str| r[k].as_f64().map(|ms| ms / 1000.0);
    l.open_s = secs("openMs");
    l.apply_s = secs("applyMs");
    l.export_s = secs("exportMs");
    l.exported_mb = r["exported"]["bytes"].as_f64().unwrap_or(0.0) / 1e6;
    if let Some(e) = r["error"].as_str() {
        l.errors.push(format!("package: {e}"));
    }
    l.to_s = since(Utc::now().timestamp_millis());
    l
}

#[tokio::main]
async fn main() {
    let Args { cues: n, loaded } = args();
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
    // The segment the loaded run edits (no cue hangs on it).
    let seg = segment(&mut d, &s, "Bench segment", 60, &[]);
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

    // The package, written before the app starts (outside its data folder).
    let work = tempfile::tempdir().unwrap();
    let package = loaded.map(|mb| {
        let t = Instant::now();
        let (p, id) = write_big_package(work.path(), mb);
        let size = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
        eprintln!(
            "package {} ({size:.0} MB, event {id}) written in {:.1} s",
            p.display(),
            t.elapsed().as_secs_f64()
        );
        (p, size)
    });

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
    // The anchor: the instant the page sent the app its `start_rehearsal` call (Tauri's IPC is a
    // `fetch` of ipc://localhost/<command>; the app notes its own start just after). The instant
    // before the click (the fallback) also counts the WebDriver's click: 10 ms in some runs, 50
    // in others.
    let _ = app
        .client
        .execute(
            "const f = window.fetch; \
             window.fetch = function (url, init) { \
               if (String(url).includes('start_rehearsal')) window.__rehearsalAsked = Date.now(); \
               return f.call(this, url, init); };",
            vec![],
        )
        .await;
    let clicked_ms = Utc::now().timestamp_millis();
    app.click("[data-testid=start-rehearsal]").await;
    app.find("[data-testid=rehearsal-badge]").await;
    let asked_ms = app
        .client
        .execute("return window.__rehearsalAsked ?? null;", vec![])
        .await
        .ok()
        .and_then(|v| v.as_f64())
        .map(|ms| ms as i64);
    let anchor_ms = asked_ms.unwrap_or(clicked_ms);
    match asked_ms {
        Some(ms) => eprintln!(
            "anchor: the page sent start_rehearsal {} ms after the click began",
            ms - clicked_ms
        ),
        None => eprintln!("anchor: the click (the page's call was not seen)"),
    }
    eprintln!("rehearsing {n} cues at 1× (about {} s)…", FIRST + n);

    let mut load_task = package.as_ref().map(|(p, _)| {
        let client = app.client.clone();
        let (p, out) = (p.clone(), work.path().join("exported.showcall"));
        let (ev, seg) = (d.event.id.clone(), seg.clone());
        tokio::spawn(async move {
            // Commands that wait on a 2 GB package must not hit the script timeout.
            let long = std::time::Duration::from_secs(900);
            let t = fantoccini::wd::TimeoutConfiguration::new(Some(long), None, None);
            let _ = client.update_timeouts(t).await;
            // Under way once the first cues have gone out.
            tokio::time::sleep(std::time::Duration::from_secs(FIRST as u64)).await;
            load(client, p, out, ev, seg, anchor_ms).await
        })
    });
    let mut load_done: Option<Load> = None;
    // A short run waits for the load (the edits alone take EDITS seconds), within bounds.
    let load_deadline = Instant::now() + std::time::Duration::from_secs(FIRST as u64 + 1200);

    let deadline = Instant::now() + std::time::Duration::from_secs((FIRST + n + 60) as u64);
    let mut late: Vec<i64> = Vec::new();
    let mut seen = std::collections::HashMap::<i64, usize>::new();
    let mut worst: Vec<(i64, i64)> = Vec::new();
    let mut others: Vec<String> = Vec::new();
    let mut times: Vec<i64> = Vec::new();
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        if load_task.as_ref().is_some_and(|t| t.is_finished()) {
            if let Some(t) = load_task.take() {
                let l = t.await.unwrap_or_default();
                eprintln!("load done at +{:.0} s", l.to_s);
                load_done = Some(l);
            }
        }
        let all = log.all();
        seen.clear();
        late.clear();
        worst.clear();
        others.clear();
        times.clear();
        for note in &all {
            times.push(note.at_ms);
            let text = format!("{} {}", note.summary, note.body);
            let Some(i) = text
                .split("bench-")
                .nth(1)
                .and_then(|t| t.get(..4))
                .and_then(|t| t.parse::<i64>().ok())
            else {
                others.push(text);
                continue;
            };
            *seen.entry(i).or_default() += 1;
            late.push(note.at_ms - (anchor_ms + (FIRST + i) * 1000));
            worst.push((note.at_ms - (anchor_ms + (FIRST + i) * 1000), i));
        }
        let cues_over = seen.len() as i64 >= n || Instant::now() > deadline;
        let load_over = load_task.is_none() || Instant::now() > load_deadline;
        if cues_over && load_over {
            break;
        }
    }
    let rehearsal_s = (Utc::now().timestamp_millis() - anchor_ms) as f64 / 1000.0;
    app.click("[data-testid=stop-rehearsal]").await;
    if let Some(t) = load_task.take() {
        eprintln!("the load was still running when the rehearsal ended");
        t.abort();
    }
    app.quit().await;

    let twice = seen.values().filter(|c| **c > 1).count();
    let missed = (0..n).filter(|i| !seen.contains_key(i)).count();
    worst.sort_unstable();
    let tail: Vec<String> = worst
        .iter()
        .rev()
        .take(3)
        .map(|(ms, i)| format!("cue {i}: {ms} ms"))
        .collect();
    eprintln!("latest: {}", tail.join(", "));
    // The most notifications the bus carried within BURST_MS (1 when each cue went alone).
    times.sort_unstable();
    let burst = (0..times.len())
        .map(|a| {
            times[a..]
                .iter()
                .take_while(|t| **t - times[a] < BURST_MS)
                .count()
        })
        .max()
        .unwrap_or(0);
    late.sort_unstable();
    let mut failed = late.is_empty();
    if late.is_empty() {
        eprintln!("no bench notification arrived");
    } else {
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
        println!("missed: {missed}");
        println!("sent twice: {twice}");
        println!(
            "largest burst: {burst} notification(s) within {BURST_MS} ms; other notifications: {}",
            others.len()
        );
        for o in others.iter().take(5) {
            println!("  other: {o}");
        }
    }
    if let Some((_, mb)) = package {
        match load_done {
            Some(l) => {
                let mut ms = l.edits_ms.clone();
                ms.sort_by(f64::total_cmp);
                let p = |q: f64| {
                    ms.get(((ms.len().max(1) - 1) as f64 * q).round() as usize)
                        .copied()
                        .unwrap_or(f64::NAN)
                };
                let s = |v: Option<f64>| v.map_or("—".into(), |v| format!("{v:.1}"));
                println!(
                    "load: package {mb:.0} MB opened in {} s, applied in {} s, exported in {} s ({:.0} MB written); {} edits p50 {:.0} ms / p95 {:.0} ms / max {:.0} ms",
                    s(l.open_s),
                    s(l.apply_s),
                    s(l.export_s),
                    l.exported_mb,
                    ms.len(),
                    p(0.5),
                    p(0.95),
                    ms.last().copied().unwrap_or(f64::NAN)
                );
                println!(
                    "load ran from +{:.0} s to +{:.0} s of a {rehearsal_s:.0} s rehearsal{}",
                    l.from_s,
                    l.to_s,
                    if l.to_s > (FIRST + n) as f64 {
                        " (it outlasted the cues: only part of the load overlapped them)"
                    } else {
                        ""
                    }
                );
                for e in &l.errors {
                    println!("load error: {e}");
                }
                failed |= !l.errors.is_empty();
            }
            None => {
                println!("load: did not finish before the rehearsal ended");
                failed = true;
            }
        }
    }
    println!(
        "targets (issue 12, not asserted): p99 < 100 ms, max < 500 ms, missed 0, sent twice 0"
    );
    drop(work);
    drop(data);
    if failed {
        std::process::exit(1);
    }
}
