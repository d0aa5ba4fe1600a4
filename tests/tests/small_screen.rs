//! On a 1280×720 display (a projector, a small laptop) the main window opens inside the screen,
//! and on every tab of the demo event nothing the analyst acts on is cut off at the right edge:
//! no control past the window's width, no sideways scrolling of the page. Screenshots of each
//! tab, in English and French, are kept (`small-<tab>-<lang>.png`).

use showcall_e2e::{bounded, App};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An X server of its own at 1280×720 (the suite's runs at 1600×1000), ended on drop.
struct SmallScreen {
    server: Child,
    display: String,
}

impl SmallScreen {
    fn start() -> SmallScreen {
        let n = (90..140)
            .find(|n| {
                !std::path::Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !std::path::Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .expect("a free display number");
        let display = format!(":{n}");
        let server = Command::new("Xvfb")
            .args([&display, "-screen", "0", "1280x720x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb runs (scripts/setup.sh installs it)");
        let socket = format!("/tmp/.X11-unix/X{n}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !std::path::Path::new(&socket).exists() {
            assert!(Instant::now() < deadline, "Xvfb {display} did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        SmallScreen { server, display }
    }
}

impl Drop for SmallScreen {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// What sticks out at the right of the window on the tab shown: the page's sideways overflow
/// and every visible control whose right edge is past the window's width.
const CUT_OFF: &str = r#"
const w = window.innerWidth;
const out = [];
if (document.documentElement.scrollWidth > w + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${w}`);
for (const el of document.querySelectorAll('button, input, select, textarea, a[href], [data-testid=support-clock]')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  // Inside a scrolled box (a wide table) the box scrolls, not the page: judged by the box.
  let clip = w;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (/(auto|scroll|hidden)/.test(s.overflowX)) { clip = Math.min(clip, p.getBoundingClientRect().right); break; }
  }
  if (r.right > clip + 1 && clip >= w - 1) {
    out.push(`${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 30)}] ends at ${Math.round(r.right)} > ${w}`);
  }
}
return out;
"#;

#[tokio::test(flavor = "multi_thread")]
async fn on_a_1280_by_720_screen_the_window_fits_and_every_tab_keeps_its_controls_inside() {
    bounded(Duration::from_secs(240), async {
        let screen = SmallScreen::start();
        let data = tempfile::tempdir().unwrap();
        let app = App::start_with(data.path(), &[("DISPLAY", screen.display.as_str())]).await;
        app.click("[data-testid=open-event]").await;
        app.find("[data-testid=session-block]").await;

        let size = app
            .client
            .execute(
                "return [window.outerWidth, window.outerHeight, screen.width, screen.height];",
                vec![],
            )
            .await
            .unwrap();
        let size: Vec<i64> = serde_json::from_value(size).unwrap();
        println!("window {}×{} on a {}×{} screen", size[0], size[1], size[2], size[3]);
        assert_eq!((size[2], size[3]), (1280, 720), "the test's own screen");
        assert!(
            size[0] <= 1280 && size[1] <= 720,
            "the window opens larger than the screen: {size:?}"
        );

        let tabs: Vec<String> = serde_json::from_value(
            app.client
                .execute(
                    "return [...document.querySelectorAll('[role=tab][data-testid^=tab-]')].map(t => t.dataset.testid);",
                    vec![],
                )
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(tabs.len() >= 8, "{tabs:?}");
        let mut problems = Vec::new();
        // In both languages: French labels run longer.
        for lang in ["en", "fr"] {
            if lang == "fr" {
                app.click("[data-testid=lang-fr-CA]").await;
                app.wait_text("French labels", |t| t.contains("Calendrier")).await;
            }
            for tab in &tabs {
                app.click(&format!("[data-testid={tab}]")).await;
                app.find(&format!("[data-testid={tab}][aria-selected=true]"))
                    .await;
                tokio::time::sleep(Duration::from_millis(400)).await;
                let name = tab.trim_start_matches("tab-");
                app.screenshot(&format!("small-{name}-{lang}")).await;
                let cut: Vec<String> =
                    serde_json::from_value(app.client.execute(CUT_OFF, vec![]).await.unwrap())
                        .unwrap();
                problems.extend(cut.into_iter().map(|c| format!("{tab} ({lang}): {c}")));
            }
        }
        // The three the issue names, on their tabs.
        for (tab, what) in [
            ("tab-destinations", "[data-testid=add-destination]"),
            ("tab-live", "[data-testid=mark-done]"),
            ("tab-live", "[data-testid=support-clock]"),
        ] {
            app.click(&format!("[data-testid={tab}]")).await;
            let el = app.find(what).await;
            let rect = el.rectangle().await.unwrap();
            let right = rect.0 + rect.2;
            assert!(
                right <= size[0] as f64,
                "{what} on {tab} ends at {right}, past the window's {}",
                size[0]
            );
        }
        assert!(problems.is_empty(), "cut off at 1280×720:\n{}", problems.join("\n"));
        app.quit().await;
    })
    .await;
}
