//! One Showcall per database, and packages opened from outside the window: named on the app's
//! command line (as the file manager does for a double-clicked `.showcall`), or handed to the
//! running app by a second launch, which then ends instead of opening the database twice.

use showcall_e2e::{app_binary, bounded, cli_binary, App, WAIT};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs the CLI on `db` and answers what it printed.
fn cli(db: &Path, args: &[&str]) -> String {
    let out = Command::new(cli_binary())
        .args(["--db", db.to_str().unwrap()])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A package of the demo event, written by the CLI from a database of its own.
fn demo_package(dir: &Path) -> PathBuf {
    let db = dir.join("elsewhere.db");
    let printed = cli(&db, &["demo"]);
    let id = printed.split_whitespace().next().unwrap();
    let pkg = dir.join("Gala du printemps.showcall");
    cli(&db, &["export", id, "--out", pkg.to_str().unwrap()]);
    pkg
}

/// Waits for the import preview and returns the event name it shows.
async fn preview_event(app: &App) -> String {
    app.find("[data-testid=import-plan]").await;
    let name = app.find("[data-testid=plan-event]").await;
    app.text(&name).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_package_named_on_the_command_line_shows_its_import_preview() {
    let data = tempfile::tempdir().unwrap();
    let pkg = demo_package(data.path());
    bounded(Duration::from_secs(120), async {
        let app = App::start_full(data.path(), &[], &[pkg.to_str().unwrap()]).await;
        assert_eq!(preview_event(&app).await, "Sommet Boréal 2027");
        let path = app.find("[data-testid=import-path]").await;
        assert_eq!(
            path.prop("value").await.unwrap().unwrap_or_default(),
            pkg.display().to_string()
        );
        app.screenshot("opened-from-command-line").await;
        app.quit().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_hands_its_package_to_the_running_app_and_ends() {
    let data = tempfile::tempdir().unwrap();
    let pkg = demo_package(data.path());
    bounded(Duration::from_secs(150), async {
        let app = App::start(data.path()).await;
        app.find("[data-testid=event-row]").await;
        let before = app.processes();

        // As the file manager does on a double-click: the app's binary with the file.
        let started = Instant::now();
        let mut second = Command::new(app_binary())
            .arg(&pkg)
            .env("XDG_DATA_HOME", data.path())
            .env_remove("SHOWCALL_DB")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let status = loop {
            if let Some(s) = second.try_wait().unwrap() {
                break s;
            }
            if started.elapsed() > WAIT {
                let _ = second.kill();
                panic!("the second launch kept running beside the first");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert!(status.success(), "the second launch ended with {status}");

        assert_eq!(preview_event(&app).await, "Sommet Boréal 2027");
        app.screenshot("handed-over-by-a-second-launch").await;
        assert_eq!(
            app.processes().len(),
            before.len(),
            "no process of the second launch is left"
        );

        // Another database is another Showcall: it does not hand over, it runs.
        let mut other = Command::new(app_binary())
            .args(["--db", data.path().join("other.db").to_str().unwrap()])
            .env("XDG_DATA_HOME", data.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        tokio::time::sleep(Duration::from_secs(4)).await;
        let running = other.try_wait().unwrap().is_none();
        let _ = other.kill();
        let _ = other.wait();
        assert!(running, "a Showcall on another database runs on its own");
        app.quit().await;
    })
    .await;
}
