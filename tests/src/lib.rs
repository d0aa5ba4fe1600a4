//! Harness for end-to-end tests: starts `tauri-driver` (which starts WebKitWebDriver, which
//! starts the real built `showcall-app`) with a private data directory, connects a WebDriver
//! client, and offers the few waits and actions the tests use. Needs a display (Xvfb) and a
//! D-Bus session: run under `xvfb-run -a dbus-run-session -- cargo test -p showcall-e2e`.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub mod axe;

/// How long any single wait may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(20);

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The target directory (respects `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// The built app binary; `scripts/test.sh` builds it before the tests run. `SHOWCALL_APP` names
/// another build (the benchmarks' release one).
pub fn app_binary() -> PathBuf {
    let p = std::env::var_os("SHOWCALL_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/showcall-app"));
    assert!(
        p.exists(),
        "{} is missing: build the app first (cargo build -p showcall-app)",
        p.display()
    );
    p
}

/// The `showcall` command line, as `cargo test --workspace` builds it.
pub fn cli_binary() -> PathBuf {
    target_dir().join("debug/showcall")
}

/// Where tests leave screenshots for people to look at (a CI artifact).
pub fn artifacts() -> PathBuf {
    let d = target_dir().join("e2e-artifacts");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A TCP port free on loopback now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Runs a test body with a time limit: a hung WebDriver call fails the test instead of the
/// whole run, and dropping the body's `App` ends its processes.
/// Tests in one binary also run one at a time: two app instances (and two notification
/// watchers on one bus) would see each other.
pub async fn bounded<F: std::future::Future<Output = ()>>(limit: Duration, body: F) {
    static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let _turn = ONE_AT_A_TIME.lock().await;
    if tokio::time::timeout(limit, body).await.is_err() {
        panic!("test still running after {limit:?}");
    }
}

/// Whether a visible X window with this exact title exists (xdotool).
pub fn window_visible(title: &str) -> bool {
    Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", &format!("^{title}$")])
        .output()
        .map(|o| o.status.success() && !o.stdout.is_empty())
        .unwrap_or(false)
}

/// The text of the app's own log files (`showcall*.log`, in its log folder somewhere under
/// `dir`, its `XDG_DATA_HOME`), and their paths.
pub fn app_logs(dir: &std::path::Path) -> (Vec<std::path::PathBuf>, String) {
    let (mut paths, mut text) = (Vec::new(), String::new());
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            let (p, t) = app_logs(&path);
            paths.extend(p);
            text.push_str(&t);
        } else if name.starts_with("showcall") && name.ends_with(".log") {
            text.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            paths.push(path);
        }
    }
    (paths, text)
}

/// Where [`App::start`] sends the output of the app and its drivers: `app.log` in the data
/// directory given to it.
pub fn log_path(data_home: &Path) -> PathBuf {
    data_home.join("app.log")
}

fn log_file(data_home: &Path) -> Stdio {
    std::fs::create_dir_all(data_home).unwrap();
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log_path(data_home))
        .map(Stdio::from)
        .unwrap_or_else(|_| Stdio::null())
}

/// A running app under WebDriver. Dropping it ends the session's processes.
pub struct App {
    pub client: Client,
    driver: Child,
}

impl App {
    /// Starts the app with `data_home` as its `XDG_DATA_HOME` (so the database lives there).
    pub async fn start(data_home: &Path) -> App {
        App::start_with(data_home, &[]).await
    }

    /// Like [`App::start`], with extra environment variables for the app.
    pub async fn start_with(data_home: &Path, env: &[(&str, &str)]) -> App {
        App::start_full(data_home, env, &[]).await
    }

    /// Like [`App::start_with`], with arguments on the app's command line.
    pub async fn start_full(data_home: &Path, env: &[(&str, &str)], args: &[&str]) -> App {
        let port = free_port();
        let native = free_port();
        let driver = Command::new(tauri_driver())
            // Its own process group, so the driver, WebKitWebDriver and the app end together.
            .process_group(0)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("XDG_DATA_HOME", data_home)
            .env_remove("SHOWCALL_DB")
            .env("LANG", "en_US.UTF-8")
            .envs(env.iter().copied())
            // The app's own output (and the drivers'), for tests that read what it logged.
            .stdout(log_file(data_home))
            .stderr(log_file(data_home))
            .spawn()
            .expect("tauri-driver runs (cargo install tauri-driver)");
        // tauri-driver listens at once but forwards to WebKitWebDriver, which starts a moment
        // later: a session asked for before both listen is cut off (IncompleteMessage).
        let deadline = Instant::now() + WAIT;
        for p in [port, native] {
            while std::net::TcpStream::connect(("127.0.0.1", p)).is_err() {
                assert!(Instant::now() < deadline, "no WebDriver listens on {p}");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary(), "args": args }),
        );
        caps.insert("browserName".into(), "wry".into());
        let mut attempt = 0;
        let client = loop {
            attempt += 1;
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                // A connection cut before any answer is the driver still starting (slower when
                // several apps start at once on a loaded machine): tried again, waiting longer
                // each time; anything else (or a sixth cut) is a real failure.
                Err(e) if attempt < 6 && format!("{e:?}").contains("IncompleteMessage") => {
                    tokio::time::sleep(Duration::from_millis(500 * attempt)).await;
                }
                Err(e) => panic!("WebDriver session with the app: {e:?}"),
            }
        };
        App { client, driver }
    }

    /// The app's own processes (the app and its WebKit children, below this test's driver),
    /// leaving out any other Showcall running on the machine.
    pub fn processes(&self) -> Vec<u32> {
        procs::descendants(self.driver.id())
            .into_iter()
            .filter(|(_, name)| !name.starts_with("WebKitWebDriv") && name != "tauri-driver")
            .map(|(pid, _)| pid)
            .collect()
    }

    /// Ends the WebDriver session (closing the app) and the driver.
    pub async fn quit(self) {
        let _ = self.client.clone().close().await;
        // Drop ends the process group.
    }

    /// Waits for an element matching `css` and returns it. An element that re-renders while
    /// the driver makes its handle (WebKitWebDriver: "Stale element found when trying to create
    /// the node handle") is looked for again, until the usual wait runs out.
    pub async fn find(&self, css: &str) -> Element {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self
                .client
                .wait()
                .at_most(left)
                .for_element(Locator::Css(css))
                .await
            {
                Ok(el) => return el,
                Err(e) if is_stale(&e) && Instant::now() < deadline => {
                    eprintln!("find {css}: retried after a stale element");
                }
                Err(e) => panic!("no element matches {css}: {e}"),
            }
        }
    }

    /// Every element matching `css` now. As in [`App::find`], a list that re-renders while the
    /// driver makes its handles is read again, until the usual wait runs out.
    pub async fn all(&self, css: &str) -> Vec<Element> {
        let deadline = Instant::now() + WAIT;
        loop {
            match self.client.find_all(Locator::Css(css)).await {
                Ok(els) => return els,
                Err(e) if is_stale(&e) && Instant::now() < deadline => {
                    eprintln!("all {css}: retried after a stale element");
                }
                Err(e) => panic!("reading every {css}: {e}"),
            }
        }
    }

    /// Clicks the element matching `css`, first scrolled to the middle of the window (the
    /// sticky header would otherwise catch clicks at the top edge).
    ///
    /// A list that re-renders between the find and the click (the events list refreshes
    /// when a background job such as the daily backup finishes) leaves a stale element
    /// behind; the click then finds the element again, until the usual wait runs out. A click
    /// that still fails leaves a screenshot of the window in the artifacts.
    pub async fn click(&self, css: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let el = self.find(css).await;
            let _ = self
                .client
                .execute(
                    "arguments[0].scrollIntoView({block: 'center'})",
                    vec![serde_json::to_value(&el).unwrap()],
                )
                .await;
            match el.click().await {
                Ok(()) => return,
                // A re-rendered element, or one that something passing covers or moves (seen in
                // CI as an error with no message): tried again until the usual wait runs out.
                Err(e) if Instant::now() < deadline => {
                    if !is_stale(&e) {
                        eprintln!("click {css}: {e:?}; trying again");
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => {
                    let shot = self.screenshot("click-failed").await;
                    panic!("click {css}: {e} (the window: {})", shot.display());
                }
            }
        }
    }

    /// Replaces the text of the input matching `css`.
    pub async fn fill(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
    }

    /// Waits until `cond` holds on the page's text (document.body.innerText).
    pub async fn wait_text(&self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let text = self.body_text().await;
            if cond(&text) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; page text:\n{text}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The text content of an element (WebKitWebDriver's element text can be empty for
    /// positioned elements, so this asks the DOM).
    pub async fn text(&self, el: &Element) -> String {
        self.client
            .execute(
                "return arguments[0].textContent",
                vec![serde_json::to_value(el).unwrap()],
            )
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The visible text of the page.
    pub async fn body_text(&self) -> String {
        self.client
            .execute("return document.body.innerText", vec![])
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until at least `n` elements match `css`; returns them.
    pub async fn wait_count(&self, css: &str, n: usize) -> Vec<Element> {
        let deadline = Instant::now() + WAIT;
        loop {
            let els = self.all(css).await;
            if els.len() >= n {
                return els;
            }
            assert!(
                Instant::now() < deadline,
                "expected {n} × {css}, found {}",
                els.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Scrolls the first element matching `css` into view (for screenshots of long pages).
    pub async fn scroll_to(&self, css: &str) {
        self.find(css).await;
        self.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'start'})",
                vec![serde_json::Value::String(css.to_string())],
            )
            .await
            .unwrap();
    }

    /// Saves a screenshot of the window under the artifacts dir; returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // WebDriver screenshots lag the DOM slightly.
        tokio::time::sleep(Duration::from_millis(600)).await;
        // Painting without compositing (the app's choice where there is no GPU, as under
        // Xvfb), WebKitWebDriver's screenshot waits for the page's next rendering update, which
        // a still page never has: a 1 px mark, nearly transparent, changes every 30 ms
        // meanwhile (it is in the picture, invisible).
        let _ = self
            .client
            .execute(
                "if (!window.__shotTick) { const m = document.createElement('div'); \
                 m.id = '__shot-tick'; m.setAttribute('aria-hidden', 'true'); \
                 m.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;opacity:0.01'; \
                 document.body.appendChild(m); let n = 0; \
                 window.__shotTick = setInterval(() => { m.style.opacity = String(0.01 + (n++ % 2) * 0.01); }, 30); }",
                vec![],
            )
            .await;
        let png = tokio::time::timeout(Duration::from_secs(30), self.client.screenshot())
            .await
            .unwrap_or_else(|_| panic!("screenshot {name}: no picture after 30 s"))
            .unwrap();
        let _ = self
            .client
            .execute(
                "clearInterval(window.__shotTick); window.__shotTick = null; \
                 document.getElementById('__shot-tick')?.remove();",
                vec![],
            )
            .await;
        let path = artifacts().join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }
}

impl Drop for App {
    /// Also runs when a test panics: no driver, WebKitWebDriver or app is left behind.
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.driver.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.driver.wait();
    }
}

fn tauri_driver() -> PathBuf {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        let p = PathBuf::from(home).join("bin/tauri-driver");
        if p.exists() {
            return p;
        }
    }
    if let Some(home) = std::env::var_os("HOME") {
        let p = PathBuf::from(home).join(".cargo/bin/tauri-driver");
        if p.exists() {
            return p;
        }
    }
    PathBuf::from("tauri-driver")
}

/// A notification as the desktop's notification service received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// When the bus delivered the call to the monitor (Unix epoch, milliseconds).
    pub at_ms: i64,
    pub app: String,
    pub summary: String,
    pub body: String,
}

/// Watches the session bus for `org.freedesktop.Notifications.Notify` calls (the calls a real
/// notification daemon, dunst here, receives) with `dbus-monitor`.
pub struct NotificationLog {
    child: Child,
    seen: std::sync::Arc<std::sync::Mutex<Vec<Notification>>>,
}

impl NotificationLog {
    /// Starts watching. Needs a session bus (`dbus-run-session`).
    pub fn start() -> NotificationLog {
        use std::io::BufRead;
        let mut child = Command::new("dbus-monitor")
            .args([
                "--session",
                "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-monitor runs (apt install dbus)");
        let out = child.stdout.take().unwrap();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = seen.clone();
        std::thread::spawn(move || {
            let mut strings: Option<Vec<String>> = None;
            let mut at_ms = 0;
            for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                if line.contains("member=Notify") {
                    // "method call time=1764087123.456789 sender=…"
                    at_ms = line
                        .split_whitespace()
                        .find_map(|w| w.strip_prefix("time="))
                        .and_then(|t| t.parse::<f64>().ok())
                        .map_or(0, |t| (t * 1000.0).round() as i64);
                    strings = Some(Vec::new());
                    continue;
                }
                let Some(s) = strings.as_mut() else { continue };
                let t = line.trim_start();
                if let Some(rest) = t.strip_prefix("string \"") {
                    s.push(rest.strip_suffix('"').unwrap_or(rest).to_string());
                    // app name, icon, summary, body: the fourth string completes the call.
                    if s.len() == 4 {
                        sink.lock().unwrap().push(Notification {
                            at_ms,
                            app: s[0].clone(),
                            summary: s[2].clone(),
                            body: s[3].clone(),
                        });
                        strings = None;
                    }
                }
            }
        });
        // Give the monitor a moment to subscribe.
        std::thread::sleep(Duration::from_millis(300));
        NotificationLog { child, seen }
    }

    /// Everything received so far.
    pub fn all(&self) -> Vec<Notification> {
        self.seen.lock().unwrap().clone()
    }

    /// Waits until at least `n` notifications arrived (or fails after `within`).
    pub fn wait_for(&self, n: usize, within: Duration) -> Vec<Notification> {
        let deadline = Instant::now() + within;
        loop {
            let all = self.all();
            if all.len() >= n {
                return all;
            }
            assert!(
                Instant::now() < deadline,
                "expected {n} notifications, got {all:#?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for NotificationLog {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The app's processes, for benchmarks: its process tree and WebKit helpers, their memory and
/// CPU time.
pub mod procs {
    /// Pids of `showcall-app` and every process below it (and WebKit helper processes).
    /// Every process below `root` (not `root` itself), with its name.
    pub fn descendants(root: u32) -> Vec<(u32, String)> {
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
        let mut out: Vec<(u32, String)> = vec![];
        let mut parents = vec![root];
        while let Some(parent) = parents.pop() {
            for p in &all {
                if p.1 == parent && !out.iter().any(|(pid, _)| *pid == p.0) {
                    out.push((p.0, p.2.clone()));
                    parents.push(p.0);
                }
            }
        }
        out
    }

    pub fn app_tree() -> Vec<u32> {
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
            if p.2.starts_with("WebKit")
                && !p.2.starts_with("WebKitWebDriv")
                && !tree.contains(&p.0)
            {
                tree.push(p.0);
            }
        }
        tree
    }

    pub fn pss_kib(pid: u32) -> u64 {
        std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("Pss:"))
                    .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
            })
            .unwrap_or(0)
    }

    /// User + system CPU time of a process so far, in clock ticks.
    pub fn cpu_ticks(pid: u32) -> u64 {
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            return 0;
        };
        let after = &stat[stat.rfind(')').map_or(0, |i| i + 2)..];
        let f: Vec<&str> = after.split_whitespace().collect();
        // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name.
        f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
            + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
    }
}

/// Whether a WebDriver error says the element left the DOM (WebKitWebDriver words it as
/// "Node with identifier … was not found"; the standard code is "stale element reference").
fn is_stale(e: &fantoccini::error::CmdError) -> bool {
    let text = e.to_string();
    text.contains("stale element")
        || text.contains("Stale element")
        || (text.contains("Node with identifier") && text.contains("was not found"))
}
