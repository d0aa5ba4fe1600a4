//! The window at the size of a real conference: for the demo event and for the 2,000-session
//! conference (`testing::conference(40, 50)`), prints the time from launch and from "open" to the
//! rendered calendar, the memory of the app and its WebKit processes with the calendar open
//! (PSS), and p50/p95 of "a segment's duration edited → its new end time on screen" over 50
//! edits, measured inside the page. Run under Xvfb: `bash bench/scale.sh` (release build).

use serde_json::json;
use showcall_e2e::procs::pss_kib;
use showcall_e2e::App;
use std::path::Path;
use std::time::{Duration, Instant};

fn pct(v: &[f64], q: f64) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * q).round() as usize]
}

/// Opens the first event of the list from inside the page and answers the milliseconds until
/// the calendar shows a session.
const OPEN: &str = r#"
const done = arguments[arguments.length - 1];
performance.clearMarks();
const t0 = performance.now();
document.querySelector('[data-testid=open-event]').click();
const look = () => {
  if (document.querySelector('[data-testid=session-block]')) {
    requestAnimationFrame(() => {
      window.__openLog = performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime - t0)]);
      done(performance.now() - t0);
    });
  } else if (performance.now() - t0 > 120000) done(-1);
  else requestAnimationFrame(look);
};
requestAnimationFrame(look);
"#;

/// Types a duration into the first segment row shown and presses Enter; answers the
/// milliseconds until that row's end time changed on screen (-1 when it never did).
const EDIT: &str = r#"
const [value, done] = [arguments[0], arguments[arguments.length - 1]];
// The edit command's own round trip, beside the time to the screen.
const ipc = window.__TAURI_INTERNALS__;
if (!ipc.__timed) {
  const invoke = ipc.invoke.bind(ipc);
  window.__editIpc = [];
  ipc.invoke = async (cmd, args, opts) => {
    const t = performance.now();
    try { return await invoke(cmd, args, opts); }
    finally {
      const ms = performance.now() - t;
      if (cmd === 'edit_event') window.__editIpc.push(ms);
    }
  };
  ipc.__timed = true;
}
const row = document.querySelector('[data-testid=segment-row]');
if (!row) { done(-2); return; }
const id = row.getAttribute('data-segment-id');
const end = () => document.querySelector(`[data-segment-id="${id}"] [data-testid=segment-end]`);
const before = end()?.textContent;
const input = row.querySelector('[data-testid=segment-duration]');
input.focus();
input.value = value;
const t0 = performance.now();
performance.clearMarks();
// When the DOM itself changed (before layout and paint).
const touched = {};
const mo2 = new MutationObserver((recs) => {
  for (const r of recs) {
    const n = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    const part = n?.closest('.timeline, .run-of-show, .findings-panel, .session-form, .calendar-toolbar, header')?.className?.toString().split(' ')[0] ?? 'other';
    touched[part] = (touched[part] || 0) + 1;
  }
});
mo2.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
window.__touched = touched;
const mo = new MutationObserver(() => {
  const e = end();
  if (e && e.textContent !== before) { performance.mark('dom:changed'); mo.disconnect(); }
});
mo.observe(document.body, { subtree: true, childList: true, characterData: true });
// Main-thread stalls over 30 ms after Enter (a message-channel tick that came late).
const stalls = [];
let last = performance.now();
const ch = new MessageChannel();
let ticking = true;
ch.port1.onmessage = () => {
  const now = performance.now();
  if (now - last > 30) stalls.push([Math.round(last - t0), Math.round(now - last)]);
  last = now;
  if (ticking) ch.port2.postMessage(0);
};
ch.port2.postMessage(0);
window.__stalls = stalls;
window.__stopTicking = () => { ticking = false; };
input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
const look = () => {
  const e = end();
  if (e && e.textContent !== before) requestAnimationFrame(() => { window.__stopTicking(); mo2.disconnect(); window.__lastLog = [performance.now() - t0, 'mutations', JSON.stringify(window.__touched), 'stalls (at, ms)', ...window.__stalls, 'marks', ...performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime - t0)])]; done(performance.now() - t0); });
  else if (performance.now() - t0 > 20000) done(-1);
  else requestAnimationFrame(look);
};
requestAnimationFrame(look);
"#;

/// Clicks Undo (or Redo, arguments[0]) and answers the milliseconds until the first segment
/// row's end time changed on screen (-1 when it never did).
const STEP: &str = r#"
const [which, done] = [arguments[0], arguments[arguments.length - 1]];
const row = document.querySelector('[data-testid=segment-row]');
if (!row) { done(-2); return; }
const id = row.getAttribute('data-segment-id');
const end = () => document.querySelector(`[data-segment-id="${id}"] [data-testid=segment-end]`);
const before = end()?.textContent;
const button = document.querySelector(`[data-testid=${which}]`);
if (!button || button.disabled) { done(-3); return; }
const t0 = performance.now();
button.click();
const look = () => {
  const e = end();
  if (e && e.textContent !== before) requestAnimationFrame(() => done(performance.now() - t0));
  else if (performance.now() - t0 > 20000) done(-1);
  else requestAnimationFrame(look);
};
requestAnimationFrame(look);
"#;

/// Frame cost with a one-character change per frame, with the whole page and then with each
/// Clicks each tab of the event screen in turn and answers, as JSON `[[tab, ms], …]`, the time
/// from the click to the frame after its panel shows that tab's content with nothing loading.
const TABS: &str = r#"
const done = arguments[arguments.length - 1];
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
(async () => {
  const out = [];
  const ids = [...document.querySelectorAll('[role=tab][data-testid^=tab-]')].map((b) => b.dataset.testid.slice(4));
  for (const id of [...ids.filter((i) => i !== 'calendar'), 'calendar']) {
    const t0 = performance.now();
    document.querySelector(`[data-testid=tab-${id}]`).click();
    for (let i = 0; i < 1200; i++) {
      await frame();
      const p = document.getElementById('tab-panel');
      if (p && p.getAttribute('aria-labelledby') === `tab-${id}` && p.childElementCount > 0 &&
          !p.querySelector('[aria-busy=true]')) break;
    }
    await frame();
    out.push([id, performance.now() - t0]);
  }
  done(JSON.stringify(out));
})();
"#;

/// part of the calendar hidden in turn (SCALE_PROBE=1): where the compositor's time goes.
const PROBE: &str = r#"
const done = arguments[arguments.length - 1];
const marker = document.createElement('span');
marker.style.cssText = 'position:fixed;left:0;bottom:0;font-size:10px';
document.body.appendChild(marker);
const frames = (n) => new Promise((res) => {
  const times = [];
  let last = performance.now();
  const step = () => {
    marker.textContent = String(times.length % 10);
    const now = performance.now();
    times.push(now - last);
    last = now;
    if (times.length > n) { times.shift(); times.sort((a, b) => a - b); res(Math.round(times[Math.floor(times.length / 2)])); }
    else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
});
(async () => {
  const out = [['all', await frames(8)]];
  const parts = [...document.querySelectorAll('.findings-panel, .timeline, .run-of-show')];
  for (const p of parts) {
    const was = p.style.display;
    p.style.display = 'none';
    out.push([(p.className || p.tagName).toString().slice(0, 40), await frames(8)]);
    p.style.display = was;
  }
  const fp = document.querySelector('.findings-panel');
  const tweaks = [
    ['fp radius 0', 'border-radius:0'],
    ['fp static', 'position:static'],
    ['fp overflow visible', 'overflow:visible;max-height:none'],
    ['fp contain', 'contain:strict'],
    ['fp contain content', 'contain:content'],
    ['fp contain layout paint', 'contain:layout paint'],
    ['fp head static', null],
  ];
  for (const [label, css] of tweaks) {
    if (!fp) break;
    const was = fp.getAttribute('style') || '';
    const head = fp.querySelector('.panel-head');
    if (css) fp.setAttribute('style', was + ';' + css); else if (head) head.style.position = 'static';
    out.push([label, await frames(8)]);
    fp.setAttribute('style', was);
    if (head) head.style.position = '';
  }
  const cards = [...document.querySelectorAll('.calendar-layout > *, .calendar-main > *')];
  for (const c of cards) c.style.contain = 'content';
  out.push(['every part contain content', await frames(8)]);
  for (const c of cards) c.style.contain = '';
  out.push(['all again', await frames(8)]);
  marker.remove();
  // Layout cost: one part's box nudged, then a forced layout (median of 5), as is and with
  // each other part hidden.
  const layoutOf = (el) => {
    const ts = [];
    for (let i = 0; i < 5; i++) {
      el.style.paddingTop = (i % 2) + 'px';
      const t = performance.now();
      document.body.offsetHeight;
      ts.push(performance.now() - t);
    }
    el.style.paddingTop = '';
    document.body.offsetHeight;
    ts.sort((a, b) => a - b);
    return Math.round(ts[2] * 10) / 10;
  };
  const named = ['.timeline', '.run-of-show', '.findings-panel', '.calendar-toolbar', '[data-testid=segment-row]', '.app-header, header'];
  for (const sel of named) {
    const el = document.querySelector(sel);
    if (el) out.push(['layout after nudging ' + sel, layoutOf(el)]);
  }
  const row = document.querySelector('[data-testid=segment-row]');
  for (const hide of ['.timeline', '.findings-panel', '.run-of-show']) {
    const h = document.querySelector(hide);
    if (!h || !row) continue;
    h.style.display = 'none';
    document.body.offsetHeight;
    out.push(['layout after nudging a segment row, ' + hide + ' hidden', layoutOf(row)]);
    h.style.display = '';
  }
  // Paint cost: each frame repaints one part (its outline colour flips), no layout.
  const paintFrames = (el, n) => new Promise((res) => {
    const times = [];
    let last = performance.now();
    const step = () => {
      el.style.outline = '1px solid ' + (times.length % 2 ? 'red' : 'blue');
      const now = performance.now();
      times.push(now - last);
      last = now;
      if (times.length > n) { el.style.outline = ''; times.shift(); times.sort((a, b) => a - b); res(Math.round(times[Math.floor(times.length / 2)])); }
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  for (const sel of ['.timeline', '.run-of-show', '.findings-panel', '[data-testid=segment-row]', '[data-testid=session-block]', '.calendar-layout']) {
    const el = document.querySelector(sel);
    if (el) out.push(['frame repainting ' + sel, await paintFrames(el, 8)]);
  }
  {
    const tl = document.querySelector('.timeline');
    const sheet = document.createElement('style');
    document.head.appendChild(sheet);
    const tries = [
      ['gap marks plain', '.gap-mark, .gap-mark.overlap { background: #f5d9a8 !important; }'],
      ['gap marks hidden', '.gap-mark { display: none !important; }'],
      ['gap labels hidden', '.gap-label { display: none !important; }'],
      ['session blocks hidden', '.session-block { display: none !important; }'],
      ['block text hidden', '.sb-title, .sb-times { display: none !important; }'],
      ['block radius 0', '.session-block { border-radius: 0 !important; }'],
      ['hour lines hidden', '.lane .lane-track { background: none !important; } .support-shade { display: none !important; }'],
    ];
    for (const [label, css] of tries) {
      if (!tl) break;
      sheet.textContent = css;
      document.body.offsetHeight;
      out.push(['timeline repaint, ' + label, await paintFrames(tl, 8)]);
    }
    sheet.remove();
    out.push(['counts', JSON.stringify({ gaps: document.querySelectorAll('.gap-mark').length, blocks: document.querySelectorAll('.session-block').length, labels: document.querySelectorAll('.gap-label').length })]);
  }
  // Style recalc alone: a class toggled on the body.
  {
    const ts = [];
    for (let i = 0; i < 5; i++) {
      document.body.classList.toggle('probe-x');
      const t = performance.now();
      getComputedStyle(document.body).color;
      document.body.offsetHeight;
      ts.push(performance.now() - t);
    }
    document.body.classList.remove('probe-x');
    ts.sort((a, b) => a - b);
    out.push(['style + layout after a body class', Math.round(ts[2] * 10) / 10]);
  }
  done(JSON.stringify(out));
})();
"#;

/// Milliseconds from the start of the `showcall-app` process to the page's start (its time
/// origin) and to its `events:listed` mark (as wall-clock instants: the kernel's start time has a
/// 10 ms grain).
async fn app_launch_ms(app: &App) -> Option<(f64, f64)> {
    let marks = app
        .client
        .execute(
            "const m = performance.getEntriesByName('events:listed')[0]; \
             return m ? [performance.timeOrigin, performance.timeOrigin + m.startTime] : null;",
            vec![],
        )
        .await
        .ok()?;
    let (page, listed) = (marks.get(0)?.as_f64()?, marks.get(1)?.as_f64()?);
    let pid = app.processes().into_iter().find(|p| {
        std::fs::read_to_string(format!("/proc/{p}/comm"))
            .is_ok_and(|c| c.starts_with("showcall-app"))
    })?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Field 22 (starttime, in clock ticks since boot), counted after the command's ")".
    let ticks: f64 = stat
        .rsplit(')')
        .next()?
        .split_whitespace()
        .nth(19)?
        .parse()
        .ok()?;
    // The boot's wall-clock instant from the uptime (10 ms grain), not /proc/stat's `btime`:
    // that one is in whole seconds, up to a second off.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs_f64();
    let up: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let boot = now - up;
    let hz = 100.0; // USER_HZ on Linux
    let start = (boot + ticks / hz) * 1000.0;
    Some((page - start, listed - start))
}

/// The PSS of the app and its WebKit processes, as "N MiB (each process's share)".
fn pss_of(app: &App) -> String {
    let pids = app.processes();
    let pss: u64 = pids.iter().map(|p| pss_kib(*p)).sum();
    let names: Vec<String> = pids
        .iter()
        .filter_map(|p| {
            let name = std::fs::read_to_string(format!("/proc/{p}/comm")).ok()?;
            Some(format!(
                "{} {:.0} MiB",
                name.trim(),
                pss_kib(*p) as f64 / 1024.0
            ))
        })
        .collect();
    format!("{:.0} MiB ({})", pss as f64 / 1024.0, names.join(", "))
}

async fn measure(name: &str, data: &Path, edits: usize) {
    let t0 = Instant::now();
    let app = App::start(data).await;
    app.find("[data-testid=open-event]").await;
    let list = t0.elapsed().as_secs_f64() * 1000.0;
    // The same from the app's own start (its process's start time, to the page's mark when the
    // list came): the figure above also holds the drivers' start and the WebDriver's polling.
    let launch = app_launch_ms(&app).await;
    let open = app
        .client
        .execute_async(OPEN, vec![])
        .await
        .expect("open the event")
        .as_f64()
        .unwrap_or(-1.0);
    println!("{name}: launch → events list: {list:.0} ms");
    if let Some((page, listed)) = launch {
        println!("{name}: app start → events list: {listed:.0} ms");
        println!("{name}: app start → page loading: {page:.0} ms");
    }
    println!("{name}: open → calendar rendered: {open:.0} ms");
    if let Ok(v) = app
        .client
        .execute("return JSON.stringify(window.__openLog);", vec![])
        .await
    {
        println!("{name}: open (marks: name, ms after the click): {v}");
    }
    println!("{name}: launch → calendar rendered: {:.0} ms", list + open);
    if let Some((_, listed)) = launch {
        // From the app's own start (without the drivers' start): the list, then the open.
        println!(
            "{name}: app start → calendar rendered: {:.0} ms",
            listed + open
        );
    }
    let opened = Instant::now();
    // SCALE_PSS_SERIES=1: each process's PSS each second for 20 s (how memory settles).
    if std::env::var_os("SCALE_PSS_SERIES").is_some() {
        for s in 0..20 {
            let line: Vec<String> = app
                .processes()
                .iter()
                .map(|p| format!("{:.1}", pss_kib(*p) as f64 / 1024.0))
                .collect();
            println!("{name}: PSS at {s} s (MiB per process): {}", line.join(" "));
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
    tokio::time::sleep(Duration::from_secs(3).saturating_sub(opened.elapsed())).await; // let memory settle
    println!("{name}: PSS app + WebKit, calendar open: {}", pss_of(&app));
    // WebKit gives memory back about 10 s after a page has loaded: the same once it has.
    tokio::time::sleep(Duration::from_secs(15).saturating_sub(opened.elapsed())).await;
    println!(
        "{name}: PSS app + WebKit, settled (15 s after opening): {}",
        pss_of(&app)
    );
    // SCALE_SMAPS=DIR: each process's memory map at that point (where the PSS is), as
    // DIR/<name>-<process>.smaps.
    if let Ok(dir) = std::env::var("SCALE_SMAPS") {
        std::fs::create_dir_all(&dir).expect("SCALE_SMAPS: the folder");
        for p in app.processes() {
            let comm = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
            let file = format!(
                "{dir}/{}-{}.smaps",
                name.split(' ').next().unwrap_or(name),
                comm.trim()
            );
            if let Err(e) = std::fs::copy(format!("/proc/{p}/smaps"), &file) {
                println!("{name}: SCALE_SMAPS: {file} not written: {e}");
            }
        }
    }
    // SCALE_JS=SCRIPT: a script run on the page then (trying what a change would cost), and the
    // PSS 15 s after it.
    if let Ok(js) = std::env::var("SCALE_JS") {
        let r = app.client.execute(&js, vec![]).await;
        println!("{name}: SCALE_JS answered {r:?}");
        // SCALE_JS_WAIT=S: how long after the script the PSS is taken (15 s unless said).
        let wait: u64 = std::env::var("SCALE_JS_WAIT")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(15);
        tokio::time::sleep(Duration::from_secs(wait)).await;
        println!(
            "{name}: PSS app + WebKit, {wait} s after SCALE_JS: {}",
            pss_of(&app)
        );
    }
    // The run of show of the first session.
    app.click("[data-testid=session-block]").await;
    app.find("[data-testid=segment-row]").await;
    // SCALE_CSS=RULES: a style sheet added before the edits (trying a change of style).
    if let Ok(css) = std::env::var("SCALE_CSS") {
        let _ = app
            .client
            .execute(
                "const s = document.createElement('style'); s.textContent = arguments[0]; document.head.appendChild(s);",
                vec![json!(css)],
            )
            .await;
    }
    // SCALE_HIDE=CSS: those parts hidden during the edits (where an edit's time goes).
    if let Ok(css) = std::env::var("SCALE_HIDE") {
        let _ = app
            .client
            .execute(
                "document.querySelectorAll(arguments[0]).forEach((e) => e.style.display = 'none');",
                vec![json!(css)],
            )
            .await;
    }
    if std::env::var_os("SCALE_SHOT").is_some() {
        let slug: String = name.chars().take_while(|c| c.is_alphanumeric()).collect();
        let path = app.screenshot(&format!("scale-{slug}")).await;
        println!("{name}: screenshot {}", path.display());
    }
    let mut times = Vec::new();
    for i in 0..edits {
        let value = if i % 2 == 0 { "11:00" } else { "12:30" };
        let ms = app
            .client
            .execute_async(EDIT, vec![json!(value)])
            .await
            .expect("edit a duration")
            .as_f64()
            .unwrap_or(-1.0);
        assert!(
            ms >= 0.0,
            "{name}: edit {i} never showed its end time ({ms})"
        );
        times.push(ms);
    }
    // Undo then redo, each walking the edits back and forth (each one moves the end time).
    for which in ["undo", "redo"] {
        let mut steps = Vec::new();
        for _ in 0..edits.min(10) {
            let ms = app
                .client
                .execute_async(STEP, vec![json!(which)])
                .await
                .expect("undo/redo")
                .as_f64()
                .unwrap_or(-1.0);
            if ms < 0.0 {
                println!("{name}: {which} stopped ({ms})");
                break;
            }
            steps.push(ms);
        }
        if !steps.is_empty() {
            println!("{name}: {which} p50: {:.0} ms", pct(&steps, 0.5));
            println!("{name}: {which} p95: {:.0} ms", pct(&steps, 0.95));
        }
    }
    if std::env::var_os("SCALE_PROBE").is_some() {
        let probe = app.client.execute_async(PROBE, vec![]).await;
        println!("{name}: frame probe: {probe:?}");
    }
    if let Ok(v) = app
        .client
        .execute(
            "const t = performance.now(); document.body.style.zoom = '1.0001'; document.body.offsetHeight; \
             const layout = performance.now() - t; document.body.style.zoom = ''; \
             return `${document.getElementsByTagName('*').length} elements, a full layout ${Math.round(layout)} ms`;",
            vec![],
        )
        .await
    {
        println!("{name}: calendar DOM: {v}");
    }
    if let Ok(v) = app
        .client
        .execute("return JSON.stringify(window.__lastLog);", vec![])
        .await
    {
        println!("{name}: last edit (ms to the screen, then marks: name, ms after Enter): {v}");
    }
    if !times.is_empty() {
        println!("{name}: edit p50: {:.0} ms", pct(&times, 0.5));
        println!("{name}: edit p95: {:.0} ms", pct(&times, 0.95));
        let ipc: Vec<f64> = app
            .client
            .execute("return window.__editIpc || [];", vec![])
            .await
            .ok()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        if !ipc.is_empty() {
            println!(
                "{name}: edit command round trip p50: {:.0} ms",
                pct(&ipc, 0.5)
            );
            println!(
                "{name}: edit command round trip p95: {:.0} ms",
                pct(&ipc, 0.95)
            );
        }
    }
    // Every tab in turn, from the click to its content on screen (its data read, if it reads
    // any: the tasks are read when a screen first shows them), then back to the calendar.
    if let Ok(v) = app.client.execute_async(TABS, vec![]).await {
        let shown: Vec<(String, f64)> =
            serde_json::from_str(v.as_str().unwrap_or("[]")).unwrap_or_default();
        for (tab, ms) in shown {
            println!("{name}: tab {tab} shown: {ms:.0} ms");
        }
    }
    // The next launch is timed with this app's processes gone (after 50 edits the demo's takes
    // 1–2 s to quit). That was not why the conference's launch after the demo's was slower
    // (about 470 ms more before its page started loading): the window was mapped before its web
    // process answered, see `show_main_once` in the app's `windows`.
    let pids = app.processes();
    app.quit().await;
    let quit = Instant::now();
    while pids
        .iter()
        .any(|p| std::path::Path::new(&format!("/proc/{p}")).exists())
        && quit.elapsed() < Duration::from_secs(15)
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    if quit.elapsed() >= Duration::from_secs(1) {
        println!(
            "{name}: the app took {:.1} s to quit",
            quit.elapsed().as_secs_f64()
        );
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
}

#[tokio::main]
async fn main() {
    let edits: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    println!(
        "app: {} (edits: {edits})",
        showcall_e2e::app_binary().display()
    );
    // The demo: a fresh data folder (the app puts the demo event in).
    let demo = tempfile::tempdir().expect("temp dir");
    if std::env::var_os("SCALE_CONFERENCE_ONLY").is_none() {
        measure("demo (8 sessions)", demo.path(), edits).await;
    }
    // The conference, alone in its data folder.
    let big = tempfile::tempdir().expect("temp dir");
    let db = big
        .path()
        .join(showcall_core::store::IDENTIFIER)
        .join("showcall.db");
    let mut d = showcall_core::testing::conference(40, 50);
    showcall_core::tasks::sync(&mut d);
    let mut store = showcall_core::Store::open(&db).expect("database");
    store.insert(&d).expect("the conference");
    drop(store);
    measure("conference (2,000 sessions)", big.path(), edits).await;
    // The app's own output of that run, kept for a look (`SCALE_LOG=/tmp/app.log`).
    if let Some(to) = std::env::var_os("SCALE_LOG") {
        let _ = std::fs::copy(showcall_e2e::log_path(big.path()), to);
    }
}
