//! What needs a window manager (openbox, started on the test's Xvfb display): closing the main
//! window asks whether to keep running in the tray, and the speaker timer goes full screen.

use showcall_e2e::{bounded, window_visible, App, WAIT};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A window manager for the length of a test.
struct Wm(Child);

impl Wm {
    fn start() -> Wm {
        let child = Command::new("openbox")
            .arg("--sm-disable")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openbox runs (apt install openbox wmctrl)");
        let deadline = Instant::now() + WAIT;
        while !Command::new("wmctrl")
            .arg("-m")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            assert!(Instant::now() < deadline, "openbox did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Wm(child)
    }
}

impl Drop for Wm {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Asks the window manager to close the window titled exactly `title` (as its close button does).
fn close_window(title: &str) {
    let ok = Command::new("wmctrl")
        .args(["-F", "-c", title])
        .status()
        .unwrap()
        .success();
    assert!(ok, "wmctrl found no window titled {title}");
}

/// The id of the managed window whose title ends with `suffix` (from `wmctrl -l`, which reads
/// the UTF-8 titles xdotool's search misses).
fn window_id(suffix: &str) -> Option<String> {
    let out = Command::new("wmctrl").arg("-l").output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find(|l| l.ends_with(suffix))
        .and_then(|l| l.split_whitespace().next())
        .map(str::to_string)
}

/// The `_NET_WM_STATE` of the window whose title ends with `suffix`, as xprop prints it.
fn wm_state(suffix: &str) -> String {
    let id = window_id(suffix).unwrap_or_default();
    let out = Command::new("xprop")
        .args(["-id", &id, "_NET_WM_STATE"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !cond() {
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}; windows:\n{}",
            String::from_utf8_lossy(&Command::new("wmctrl").arg("-l").output().unwrap().stdout)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_the_window_asks_and_keep_running_hides_it_to_the_tray() {
    bounded(Duration::from_secs(120), async {
        let _wm = Wm::start();
        let data = tempfile::tempdir().unwrap();
        let app = App::start(data.path()).await;
        app.find("[data-testid=event-row]").await;
        wait_until("the main window", || window_visible("Showcall")).await;

        // The close button asks first; Cancel keeps everything as it was.
        close_window("Showcall");
        app.find("[data-testid=close-dialog]").await;
        app.screenshot("close-dialog").await;
        app.click("[data-testid=close-cancel]").await;
        let deadline = Instant::now() + WAIT;
        while !app.all("[data-testid=close-dialog]").await.is_empty() {
            assert!(Instant::now() < deadline, "the dialog stays after Cancel");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(window_visible("Showcall"), "cancel keeps the window");

        // Again, and "keep running": the window goes to the tray, the app stays.
        close_window("Showcall");
        let keep = app.find("[data-testid=keep-running]").await;
        // Its answer may never come back once the window is gone: don't wait for it.
        let _ = tokio::time::timeout(Duration::from_secs(3), keep.click()).await;
        wait_until("the window to hide", || !window_visible("Showcall")).await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert!(
            !showcall_e2e::procs::app_tree().is_empty(),
            "the app keeps running in the tray"
        );
        drop(app);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_speaker_timer_goes_full_screen_and_back() {
    bounded(Duration::from_secs(120), async {
        let _wm = Wm::start();
        let data = tempfile::tempdir().unwrap();
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-live]").await;
        app.click("[data-testid=open-timer]").await;
        let title = "speaker timer";
        wait_until("the timer window", || window_id(title).is_some()).await;
        let main = app.client.window().await.unwrap();
        let timer = app
            .client
            .windows()
            .await
            .unwrap()
            .into_iter()
            .find(|h| *h != main)
            .unwrap();
        app.client.switch_to_window(timer).await.unwrap();
        app.find("[data-testid=timer-remaining]").await;
        assert!(!wm_state(title).contains("FULLSCREEN"));

        app.find("body").await.send_keys("f").await.unwrap();
        wait_until("full screen", || {
            wm_state(title).contains("_NET_WM_STATE_FULLSCREEN")
        })
        .await;
        app.screenshot("speaker-timer-fullscreen").await;
        app.find("body").await.send_keys("f").await.unwrap();
        wait_until("back to a window", || {
            !wm_state(title).contains("FULLSCREEN")
        })
        .await;
        app.client.switch_to_window(main).await.unwrap();
        app.quit().await;
    })
    .await;
}

/// The size of the managed window titled exactly `title` (`wmctrl -lG`).
fn window_size(title: &str) -> Option<(i32, i32)> {
    let out = Command::new("wmctrl").arg("-lG").output().ok()?;
    String::from_utf8_lossy(&out.stdout).lines().find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        (f.len() >= 8 && f[7..].join(" ") == title)
            .then(|| Some((f[4].parse().ok()?, f[5].parse().ok()?)))
            .flatten()
    })
}

/// Switches the session to the speaker timer window (opening it from the live view) and waits
/// until it shows.
async fn open_timer(app: &App) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
    app.click("[data-testid=open-event]").await;
    app.click("[data-testid=tab-live]").await;
    app.click("[data-testid=open-timer]").await;
    wait_until("the timer window", || window_id("speaker timer").is_some()).await;
    let main = app.client.window().await.unwrap();
    let deadline = Instant::now() + WAIT;
    let timer = loop {
        let handles = app.client.windows().await.unwrap();
        if let Some(h) = handles.into_iter().find(|h| *h != main) {
            break h;
        }
        assert!(Instant::now() < deadline, "no second window for WebDriver");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    app.client.switch_to_window(timer.clone()).await.unwrap();
    app.find("[data-testid=timer-remaining]").await;
    (main, timer)
}

#[tokio::test(flavor = "multi_thread")]
async fn windows_reopen_as_they_were_left_and_a_second_launch_brings_back_a_hidden_window() {
    bounded(Duration::from_secs(240), async {
        let _wm = Wm::start();
        let data = tempfile::tempdir().unwrap();

        // First run: the main window made smaller, the speaker timer full screen.
        let app = App::start(data.path()).await;
        app.find("[data-testid=event-row]").await;
        wait_until("the main window", || window_visible("Showcall")).await;
        let ok = Command::new("wmctrl")
            .args(["-F", "-r", "Showcall", "-e", "0,60,40,1180,760"])
            .status()
            .unwrap()
            .success();
        assert!(ok);
        wait_until("the smaller main window", || {
            window_size("Showcall") == Some((1180, 760))
        })
        .await;
        let (main, _) = open_timer(&app).await;
        app.find("body").await.send_keys("f").await.unwrap();
        wait_until("full screen", || {
            wm_state("speaker timer").contains("_NET_WM_STATE_FULLSCREEN")
        })
        .await;
        // The places are written once the windows settle: no clean quit is needed.
        let state = data.path().join("ca.showcall.desktop/window-state.json");
        wait_until("the windows' places saved", || {
            std::fs::read_to_string(&state).is_ok_and(|s| s.contains("\"fullscreen\": true"))
        })
        .await;
        app.client.switch_to_window(main).await.unwrap();
        drop(app); // ends the app's processes, as a crash would
        wait_until("the first run to end", || !window_visible("Showcall")).await;

        // Second run: both come back as they were.
        let app = App::start(data.path()).await;
        app.find("[data-testid=event-row]").await;
        wait_until("the main window at its last size", || {
            window_size("Showcall") == Some((1180, 760))
        })
        .await;
        let (main, _) = open_timer(&app).await;
        wait_until("the timer full screen again", || {
            wm_state("speaker timer").contains("_NET_WM_STATE_FULLSCREEN")
        })
        .await;
        app.screenshot("speaker-timer-reopened-full-screen").await;
        app.find("body").await.send_keys("f").await.unwrap();
        app.client.switch_to_window(main).await.unwrap();

        // Hidden to the tray, the main window comes back when Showcall is launched again.
        close_window("Showcall");
        let keep = app.find("[data-testid=keep-running]").await;
        let _ = tokio::time::timeout(Duration::from_secs(3), keep.click()).await;
        wait_until("the window to hide", || !window_visible("Showcall")).await;
        let status = Command::new(showcall_e2e::app_binary())
            .env("XDG_DATA_HOME", data.path())
            .env_remove("SHOWCALL_DB")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "the second launch ends: {status}");
        wait_until("the window back from the tray", || {
            window_visible("Showcall")
        })
        .await;
        drop(app);
    })
    .await;
}
