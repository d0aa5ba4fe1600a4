//! `showcall ics`: the file is valid RFC 5545 as an independent parser reads it (CRLF, folded at
//! 75 octets, one VEVENT per session with a stable UID, cues with display alarms).

use icalendar::parser::{read_calendar, unfold, Component};
use std::path::Path;
use std::process::Command;

fn export(db: &Path, out: &Path, cues: bool) -> String {
    let mut args = vec![
        "--db".to_string(),
        db.display().to_string(),
        "ics".into(),
        "Sommet Boréal 2027".into(),
        "--out".into(),
        out.display().to_string(),
    ];
    if cues {
        args.push("--cues".into());
    }
    let o = Command::new(env!("CARGO_BIN_EXE_showcall"))
        .args(&args)
        .env_remove("SHOWCALL_DB")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(out).unwrap()
}

fn prop(c: &Component, name: &str) -> Option<String> {
    c.properties
        .iter()
        .find(|p| p.name.as_str() == name)
        .map(|p| p.val.as_str().to_string())
}

fn events<'a>(cal: &'a [Component<'a>]) -> Vec<&'a Component<'a>> {
    cal.iter().filter(|c| c.name.as_str() == "VEVENT").collect()
}

#[test]
fn the_calendar_is_valid_rfc5545_with_stable_uids_and_cue_alarms() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let o = Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(&db)
        .arg("demo")
        .output()
        .unwrap();
    assert!(o.status.success());
    let text = export(&db, &dir.path().join("a.ics"), false);

    // Every line ends in CRLF and is at most 75 octets; folded lines start with a space.
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'), "a bare LF: {line:?}");
    }
    assert!(
        text.contains("\r\n "),
        "the run-of-show descriptions are long enough to fold"
    );

    let unfolded = unfold(&text);
    let cal = read_calendar(&unfolded).expect("an independent parser reads it");
    let version = cal.properties.iter().find(|p| p.name.as_str() == "VERSION");
    assert_eq!(version.map(|p| p.val.as_str()), Some("2.0"));
    let ev = events(&cal.components);
    assert_eq!(ev.len(), 8, "one VEVENT per session");
    let first = ev
        .iter()
        .find(|e| prop(e, "SUMMARY").as_deref() == Some("Mot d’ouverture"))
        .expect("the opening session");
    assert_eq!(prop(first, "DTSTART").as_deref(), Some("20270415T130000Z"));
    assert_eq!(prop(first, "DTEND").as_deref(), Some("20270415T134000Z"));
    assert_eq!(prop(first, "LOCATION").as_deref(), Some("Salle principale"));
    let desc = prop(first, "DESCRIPTION").unwrap();
    assert!(
        desc.contains("09:02–09:07 Accueil et consignes — Hélène Tremblay"),
        "{desc}"
    );
    assert!(ev.iter().all(|e| prop(e, "DTSTAMP").is_some()));

    // UIDs are unique and the same on the next export (a calendar updates, not duplicates).
    let uids: Vec<String> = ev.iter().map(|e| prop(e, "UID").unwrap()).collect();
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len());
    let again = export(&db, &dir.path().join("b.ics"), false);
    let again = unfold(&again);
    let cal2 = read_calendar(&again).unwrap();
    let uids2: Vec<String> = events(&cal2.components)
        .iter()
        .map(|e| prop(e, "UID").unwrap())
        .collect();
    assert_eq!(uids, uids2);

    // With cues: each cue is an entry with a display alarm at its heads-up.
    let with = export(&db, &dir.path().join("c.ics"), true);
    let with = unfold(&with);
    let cal3 = read_calendar(&with).unwrap();
    let ev3 = events(&cal3.components);
    assert!(ev3.len() > 8 + 50, "{} entries", ev3.len());
    let go_live = ev3
        .iter()
        .find(|e| prop(e, "SUMMARY").as_deref() == Some("Go live — Mot d’ouverture"))
        .expect("the opening's go-live cue");
    assert_eq!(
        prop(go_live, "DTSTART").as_deref(),
        Some("20270415T130000Z")
    );
    let alarm = go_live
        .components
        .iter()
        .find(|c| c.name.as_str() == "VALARM")
        .expect("a VALARM");
    assert_eq!(prop(alarm, "ACTION").as_deref(), Some("DISPLAY"));
    assert_eq!(prop(alarm, "TRIGGER").as_deref(), Some("-PT120S"));
}
