//! Sharing on the network for real: the app running, switched on from the command line on its
//! database (the running app picks it up), a real headless Chromium (Debian's chromium and
//! chromedriver) opening a speaker timer link on loopback; a line sent from the app's window
//! reaches the browser within a second; a revoked link says so; a wrong token gets nothing;
//! switching off closes the browser's connection.

use fantoccini::{ClientBuilder, Locator};
use showcall_e2e::{artifacts, bounded, cli_binary, free_port, App};
use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EVENT: &str = "Sommet Boréal 2027";
const STAGE: &str = "Salle principale";

fn cli(db: &std::path::Path, args: &[&str]) -> String {
    let o = Command::new(cli_binary())
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("showcall runs");
    assert!(
        o.status.success(),
        "showcall {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A plain HTTP/1.1 call on loopback: (status, body).
fn http(port: u16, method: &str, path: &str, bearer: Option<&str>) -> Option<(u16, String)> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let auth = bearer
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    let len = if method == "POST" {
        "Content-Length: 0\r\n"
    } else {
        ""
    };
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{auth}{len}\r\n"
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let (head, body) = out.split_once("\r\n\r\n")?;
    Some((head.split(' ').nth(1)?.parse().ok()?, body.to_string()))
}

/// chromedriver on a free port, in its own process group (ended with the test).
struct Driver(Child, u16);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("--")
            .arg(format!("-{}", self.0.id()))
            .status();
        let _ = self.0.wait();
    }
}

fn chromedriver() -> Driver {
    use std::os::unix::process::CommandExt;
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver runs (apt-get install chromium-driver; scripts/setup.sh does)");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver does not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver(child, port)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_speaker_timer_link_works_in_a_real_browser_and_follows_the_window() {
    bounded(Duration::from_secs(240), async {
        let data = tempfile::tempdir().unwrap();
        let db = data.path().join("ca.showcall.desktop/showcall.db");
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-live]").await;
        app.find("[data-testid=live-clock]").await;

        // Off after a fresh install: nothing listens.
        let port = free_port();
        assert!(http(port, "GET", "/api/time", None).is_none());
        cli(
            &db,
            &[
                "share",
                "on",
                "--bind",
                "127.0.0.1",
                "--port",
                &port.to_string(),
            ],
        );
        let deadline = Instant::now() + Duration::from_secs(10);
        while http(port, "GET", "/api/time", None).is_none() {
            assert!(
                Instant::now() < deadline,
                "the running app did not start sharing"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let made: serde_json::Value = serde_json::from_str(&cli(
            &db,
            &[
                "share",
                "link",
                EVENT,
                "--view",
                "speaker-timer",
                "--stage",
                STAGE,
                "--json",
            ],
        ))
        .unwrap();
        let url = made["urls"][0].as_str().unwrap().to_string();
        let token = made["token"].as_str().unwrap().to_string();
        assert!(url.starts_with(&format!("http://127.0.0.1:{port}/v/speaker-timer?token=")));

        // No token, a wrong one, a view token on a control verb: nothing.
        assert_eq!(http(port, "GET", "/api/live", None).unwrap().0, 401);
        let (status, body) = http(port, "GET", "/api/live", Some(&"f".repeat(40))).unwrap();
        assert_eq!(status, 401);
        assert!(!body.contains(STAGE), "no data for a wrong token");
        assert_eq!(
            http(port, "POST", "/api/cues/next/done", Some(&token))
                .unwrap()
                .0,
            403
        );

        // A real browser opens the link.
        let driver = chromedriver();
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "chrome".into());
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,720"]
            }),
        );
        let browser = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.1))
            .await
            .expect("a Chromium session");
        browser.goto(&url).await.unwrap();
        let stage_css = "[data-section=speaker-timer] [data-f=stage]";
        let el = browser
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(stage_css))
            .await
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while el.text().await.unwrap_or_default() != STAGE {
            assert!(Instant::now() < deadline, "the timer never named its stage");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let digits = browser
            .find(Locator::Css("[data-section=speaker-timer] [data-f=digits]"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!digits.is_empty(), "a countdown shows");
        let shot = browser.screenshot().await.unwrap();
        std::fs::write(artifacts().join("share-speaker-timer.png"), shot).unwrap();

        // The analyst sends a line from the app's window: on the browser within a second.
        app.fill("#speaker-message-input", "Wrap up, please").await;
        let sent = Instant::now();
        app.click("[data-testid=send-message]").await;
        let message_css = "[data-section=speaker-timer] [data-f=message]";
        loop {
            let m = browser
                .find(Locator::Css(message_css))
                .await
                .unwrap()
                .text()
                .await
                .unwrap_or_default();
            if m == "Wrap up, please" {
                break;
            }
            assert!(
                sent.elapsed() < Duration::from_secs(1) + Duration::from_millis(500),
                "the line is not on the browser after {:?} (shows “{m}”)",
                sent.elapsed()
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        eprintln!("line on the browser {:?} after the click", sent.elapsed());
        let shot = browser.screenshot().await.unwrap();
        std::fs::write(artifacts().join("share-speaker-timer-message.png"), shot).unwrap();

        // The other views open in the same browser, over the same server.
        for (view, css, want) in [
            ("run-of-show", "#ros-board", "Mot d’ouverture"),
            (
                "closer",
                "[data-section=closer] [data-f=\"card.headline\"]",
                "«",
            ),
            ("stage", "[data-section=stage] [data-f=stage]", STAGE),
            ("clock", "[data-section=clock] [data-f=time]", ":"),
        ] {
            let made: serde_json::Value = serde_json::from_str(&cli(
                &db,
                &["share", "link", EVENT, "--view", view, "--json"],
            ))
            .unwrap();
            browser
                .goto(made["urls"][0].as_str().unwrap())
                .await
                .unwrap();
            let el = browser
                .wait()
                .at_most(Duration::from_secs(20))
                .for_element(Locator::Css(css))
                .await
                .unwrap();
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                let t = el.text().await.unwrap_or_default();
                if t.contains(want) {
                    break;
                }
                assert!(Instant::now() < deadline, "{view}: “{t}” lacks “{want}”");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let shot = browser.screenshot().await.unwrap();
            std::fs::write(artifacts().join(format!("share-{view}.png")), shot).unwrap();
        }
        // The clock view (the last one open) on a device whose clock is 7 minutes fast: once
        // the page has checked its offset against the server, it shows the right time.
        browser
            .execute(
                "const real = Date.now.bind(Date); Date.now = () => real() + 7 * 60 * 1000; \
                 document.dispatchEvent(new Event('visibilitychange'));",
                vec![],
            )
            .await
            .unwrap();
        let clock_css = "[data-section=clock] [data-f=time]";
        // Past the next repaints, then right several times in a row.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut right = 0;
        loop {
            let shown = browser
                .find(Locator::Css(clock_css))
                .await
                .unwrap()
                .text()
                .await
                .unwrap_or_default();
            let want = chrono::Utc::now().with_timezone(&chrono_tz::America::Toronto);
            let secs = |t: &str| -> Option<i64> {
                let p: Vec<i64> = t
                    .trim()
                    .split(':')
                    .filter_map(|x| x.trim().parse().ok())
                    .collect();
                (p.len() == 3).then(|| p[0] * 3600 + p[1] * 60 + p[2])
            };
            use chrono::Timelike;
            let real = i64::from(want.num_seconds_from_midnight());
            let off = secs(&shown).map(|s| ((s - real + 43_200).rem_euclid(86_400)) - 43_200);
            if off.is_some_and(|o| o.abs() <= 2) {
                right += 1;
                if right == 4 {
                    break;
                }
            } else {
                right = 0;
            }
            assert!(
                Instant::now() < deadline,
                "a clock 7 minutes fast shows “{shown}” ({off:?} s off the app's)"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        browser.goto(&url).await.unwrap();
        browser
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(message_css))
            .await
            .unwrap();

        // Revoked from the command line: the browser says so.
        cli(&db, &["share", "revoke", &token]);
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let t = browser
                .find(Locator::Css("#fatal-text"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap_or_default();
            if t.contains("revoked") || t.contains("révoqué") {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the browser does not say the link was revoked ({t})"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let shot = browser.screenshot().await.unwrap();
        std::fs::write(artifacts().join("share-revoked.png"), shot).unwrap();
        assert_eq!(http(port, "GET", "/api/live", Some(&token)).unwrap().0, 401);

        // Switched off: nothing listens any more.
        cli(&db, &["share", "off"]);
        let deadline = Instant::now() + Duration::from_secs(10);
        while http(port, "GET", "/api/time", None).is_some() {
            assert!(
                Instant::now() < deadline,
                "still listening after `share off`"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // The token never reached the app's log.
        let (_, logged) = showcall_e2e::app_logs(data.path());
        assert!(!logged.contains(&token), "a share token is in the log");
        browser.close().await.unwrap();
        app.quit().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_share_panel_switches_sharing_on_makes_a_link_and_revokes_it() {
    bounded(Duration::from_secs(240), async {
        let data = tempfile::tempdir().unwrap();
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        app.click("[data-testid=tab-live]").await;
        app.find("[data-testid=live-clock]").await;
        app.click("[data-testid=open-share]").await;
        app.find("[data-testid=share-panel]").await;
        let state = app.find("[data-testid=share-state]").await;
        assert_eq!(
            state.attr("data-state").await.unwrap().as_deref(),
            Some("off")
        );
        app.screenshot("share-panel-off").await;

        // On, on loopback, on a port of the test's choosing.
        let port = free_port();
        app.click("[data-testid=share-on]").await;
        app.fill("[data-testid=share-port]", &port.to_string())
            .await;
        app.click("[data-testid=share-apply]").await;
        let deadline = Instant::now() + Duration::from_secs(15);
        while state.attr("data-state").await.unwrap().as_deref() != Some("on") {
            assert!(Instant::now() < deadline, "sharing did not come on");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            http(port, "GET", "/api/time", None).is_some(),
            "the app listens on {port}"
        );

        // A speaker timer link for the first stage, view only.
        let view = app.find("[data-testid=share-view]").await;
        view.select_by_value("speaker-timer").await.unwrap();
        app.click("[data-testid=share-create]").await;
        let url_el = app.find("[data-testid=share-url]").await;
        let url = app.text(&url_el).await;
        assert!(
            url.starts_with(&format!("http://127.0.0.1:{port}/v/speaker-timer?token=")),
            "{url}"
        );
        let token = url.rsplit("token=").next().unwrap().to_string();
        app.find("[data-testid=share-qr]").await;
        let (status, body) = http(port, "GET", &format!("/api/view?token={token}"), None).unwrap();
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("\"view\":\"speaker-timer\""));
        app.wait_count("[data-testid=share-link-row][data-active=true]", 1)
            .await;
        // The token is shown to the analyst once; it stays out of the test's screenshots.
        app.client
            .execute(
                "const u = document.querySelector('[data-testid=share-url]'); \
                 u.textContent = u.textContent.replace(/token=.*/, 'token=••••••••'); \
                 document.querySelector('[data-testid=share-qr]').style.opacity = '0.1';",
                vec![],
            )
            .await
            .unwrap();
        app.screenshot("share-panel-link").await;

        // Revoked from the panel: the link opens nothing any more.
        app.click("[data-testid=share-revoke]").await;
        app.wait_count("[data-testid=share-link-row][data-active=true]", 0)
            .await;
        let (status, _) = http(port, "GET", &format!("/api/view?token={token}"), None).unwrap();
        assert_eq!(status, 401);
        // The token never reached the app's log.
        let (_, logged) = showcall_e2e::app_logs(data.path());
        assert!(!logged.contains(&token), "a share token is in the log");
        app.quit().await;
    })
    .await;
}
