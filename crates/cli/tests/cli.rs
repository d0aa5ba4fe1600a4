//! The `showcall` binary run as a user would, on a real database file.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn showcall(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SHOWCALL_DB")
        .output()
        .expect("showcall runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_new_database_starts_empty_and_demo_fills_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let o = showcall(&db, &["events", "--json"]);
    assert!(o.status.success());
    assert_eq!(
        serde_json::from_slice::<Value>(&o.stdout).unwrap(),
        serde_json::json!([])
    );

    let o = showcall(&db, &["demo"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = showcall(&db, &["events", "--json"]);
    let events: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(events[0]["name"], "Sommet Boréal 2027");
    assert_eq!(events[0]["sessionCount"], 8);
}

#[test]
fn check_prints_the_documented_json_and_exits_by_severity() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    assert!(showcall(&db, &["demo"]).status.success());

    let o = showcall(&db, &["check", "Sommet Boréal 2027", "--json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the demo books Kwame on two stages at once"
    );
    let findings: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    let closing = findings
        .iter()
        .find(|f| f["code"] == "closing_training_needed")
        .unwrap();
    let keys: Vec<&String> = closing.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["code", "message", "severity", "subject"]);
    assert_eq!(closing["severity"], "warning");
    assert_eq!(closing["subject"]["kind"], "session");
    assert!(closing["subject"]["id"].is_string() && closing["subject"]["name"].is_string());

    // Fix the double booking with the core: only warnings are left, and the check passes.
    let mut store = showcall_core::Store::open(&db).unwrap();
    let id = store.find_event("Sommet Boréal 2027").unwrap();
    let mut data = store.load(&id).unwrap();
    let workshop = data
        .sessions
        .iter_mut()
        .find(|s| s.title == "Atelier : données et IA")
        .unwrap();
    workshop.start += chrono::Duration::minutes(30);
    workshop.end += chrono::Duration::minutes(30);
    store.replace(&data).unwrap();
    drop(store);
    assert_eq!(
        showcall(&db, &["check", &id]).status.code(),
        Some(0),
        "warnings only"
    );

    // Push the last session past the budget, then check again.
    let mut store = showcall_core::Store::open(&db).unwrap();
    let mut data = store.load(&id).unwrap();
    let last = data.sessions.iter_mut().max_by_key(|s| s.end).unwrap();
    last.end += chrono::Duration::hours(2);
    store.replace(&data).unwrap();
    drop(store);

    let o = showcall(&db, &["--lang", "fr-CA", "check", &id]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "an error-level finding fails the check"
    );
    let text = stdout(&o);
    assert!(
        text.contains("erreur") && text.contains("support_window_over_budget"),
        "{text}"
    );
    assert!(text.contains("La plage de soutien"), "{text}");
}

#[test]
fn schedule_shows_event_times_and_the_support_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    showcall(&db, &["demo"]);
    let o = showcall(&db, &["schedule", "Sommet Boréal 2027"]);
    let text = stdout(&o);
    assert!(
        text.contains("Support window 2027-04-15 08:30–16:45 (8 h 15; budget 9 h)"),
        "{text}"
    );
    assert!(
        text.contains("09:00–09:40  [Salle principale]  Mot d’ouverture"),
        "{text}"
    );
    assert!(
        text.contains("    09:07–09:35  Conférence d’ouverture"),
        "{text}"
    );

    let o = showcall(&db, &["schedule", "Sommet Boréal 2027", "--json"]);
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["supportWindow"]["minutes"], 495);
    assert_eq!(
        s["sessions"][0]["segments"][1]["start"],
        "2027-04-15T13:02:00Z"
    );
}

#[test]
fn unknown_events_and_bad_flags_exit_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let o = showcall(&db, &["check", "Nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        "showcall: Event not found: Nope"
    );
    assert_eq!(showcall(&db, &["check"]).status.code(), Some(2));
    assert_eq!(
        showcall(&db, &["--lang", "de", "events"]).status.code(),
        Some(2)
    );
}

#[test]
fn the_database_can_come_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    let o = Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("demo")
        .env("SHOWCALL_DB", &db)
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(db.exists());
}

#[test]
fn delay_and_actual_move_the_cues_that_cues_prints() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    showcall(&db, &["demo"]);
    let event = "Sommet Boréal 2027";
    let cues_at = |at: &str| -> Vec<Value> {
        let o = showcall(&db, &["cues", event, "--at", at, "--json"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let go_live = |cues: &[Value], session: &str| -> Value {
        cues.iter()
            .find(|c| c["kind"] == "go_live" && c["session"] == session)
            .cloned()
            .unwrap()
    };
    let before = cues_at("2027-04-15T13:30:00Z");
    let panel = go_live(&before, "Panel : le travail hybride");
    assert_eq!(panel["planned"], "2027-04-15T13:45:00Z");
    assert_eq!(panel["expected"], "2027-04-15T13:45:00Z");
    assert_eq!(panel["notifyAt"], "2027-04-15T13:43:00Z");
    assert_eq!(panel["state"], "pending");
    assert_eq!(panel["due"], false);
    assert_eq!(go_live(&before, "Mot d’ouverture")["due"], true);

    let o = showcall(
        &db,
        &[
            "delay",
            event,
            "--stage",
            "Salle principale",
            "--minutes",
            "4",
            "--from",
            "2027-04-15T13:20:00Z",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let after = cues_at("2027-04-15T13:30:00Z");
    assert_eq!(
        go_live(&after, "Panel : le travail hybride")["expected"],
        "2027-04-15T13:49:00Z"
    );
    assert_eq!(
        go_live(&after, "Atelier : cybersécurité")["expected"],
        "2027-04-15T15:00:00Z",
        "Studio B untouched"
    );

    let o = showcall(
        &db,
        &[
            "actual",
            "Panel : le travail hybride",
            "--start",
            "2027-04-15T13:52:00Z",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pinned = cues_at("2027-04-15T13:30:00Z");
    assert_eq!(
        go_live(&pinned, "Panel : le travail hybride")["expected"],
        "2027-04-15T13:52:00Z"
    );

    let o = showcall(
        &db,
        &["delay", event, "--stage", "Nowhere", "--minutes", "4"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Stage: “Nowhere” is not part of this event")
    );
    let o = showcall(
        &db,
        &[
            "actual",
            "Panel : le travail hybride",
            "--end",
            "2027-04-15T13:00:00Z",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "an end before the recorded start is refused"
    );
    assert_eq!(
        showcall(&db, &["cues", event, "--at", "yesterday"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn report_exports_planned_vs_actual_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    showcall(&db, &["demo"]);
    let o = showcall(
        &db,
        &[
            "actual",
            "Mot d’ouverture",
            "--start",
            "2027-04-15T13:01:00Z",
            "--end",
            "2027-04-15T13:45:00Z",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = dir.path().join("report.csv");
    let o = showcall(
        &db,
        &[
            "report",
            "Sommet Boréal 2027",
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("level,stage,session,segment,planned_start"));
    let opening = lines.next().unwrap();
    assert!(
        opening.starts_with("session,Salle principale,Mot d’ouverture,,2027-04-15T13:00:00Z,2027-04-15T13:40:00Z,2027-04-15T13:01:00Z,2027-04-15T13:45:00Z,true,240,"),
        "{opening}"
    );
    let o = showcall(&db, &["report", "Sommet Boréal 2027"]);
    assert!(
        stdout(&o).contains("09:00–09:40 → 09:01–09:45  [Salle principale] Mot d’ouverture  +240s"),
        "{}",
        stdout(&o)
    );
}

/// On a copy used by the customer's event lead, the analyst's commands are refused exactly as
/// the app refuses them, and nothing is recorded.
#[test]
fn a_customer_lead_copy_refuses_the_analyst_s_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lead.db");
    assert!(showcall(&db, &["demo"]).status.success());
    {
        let mut store = showcall_core::Store::open(&db).unwrap();
        showcall_core::service::set_actor(&mut store, "customer").unwrap();
    }
    let event = "Sommet Boréal 2027";
    let refused = |args: &[&str]| {
        let o = showcall(&db, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(err.contains("production analyst"), "{args:?}: {err}");
    };
    refused(&[
        "delay",
        event,
        "--stage",
        "Salle principale",
        "--minutes",
        "4",
    ]);
    refused(&[
        "actual",
        "Mot d’ouverture",
        "--start",
        "2027-04-15T13:00:00Z",
    ]);
    let out = dir.path().join("p.showcall");
    refused(&[
        "export",
        event,
        "--out",
        out.to_str().unwrap(),
        "--include-stream-keys",
    ]);
    assert!(!out.exists());
    let log = showcall_core::Store::open(&db).unwrap();
    let id = log.find_event(event).unwrap();
    let day = log.day_log(&id).unwrap();
    assert!(day.delays.is_empty() && day.actuals.is_empty());
    // What the lead may do still works: a package without keys.
    let o = showcall(&db, &["export", event, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
