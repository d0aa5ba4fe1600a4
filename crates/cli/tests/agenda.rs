//! `showcall import agenda` on a French Excel CSV (Windows-1252, semicolons): row errors as the
//! spreadsheet numbers rows, nothing imported while a row is invalid, --accept-valid, a second
//! import adding nothing, --map, --json.

use std::path::Path;
use std::process::{Command, Output};

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SHOWCALL_DB")
        .output()
        .unwrap()
}

const AGENDA: &str = "Titre;Date;Début;Fin;Salle;Conférenciers\r\n\
    Mot d’ouverture;15/04/2027;9 h 00;9 h 30;Salle A;\"Élise Tremblay; François Côté\"\r\n\
    Panel;15/04/2027;10 h 30;10 h 00;Salle A;Jean Roy\r\n\
    Atelier;15/04/2027;11 h;12 h;Salle B;élise tremblay\r\n";

#[test]
fn a_french_excel_agenda_imports_only_when_every_row_reads_or_the_user_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("showcall.db");
    let csv = dir.path().join("agenda.csv");
    std::fs::write(&csv, showcall_core::testing::cp1252(AGENDA)).unwrap();
    let csv = csv.to_str().unwrap();
    let o = run(&db, &["demo"]);
    assert!(o.status.success());
    let before = std::fs::read(&db).unwrap();
    let new = ["--new-event", "Forum 2027", "--tz", "America/Toronto"];

    let o = run(&db, &[&["import", "agenda", csv][..], &new].concat());
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("row 3: end 10:00 is before start 10:30"),
        "{err}"
    );
    assert!(err.contains("nothing imported"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing written");

    let o = run(
        &db,
        &[&["import", "agenda", csv, "--accept-valid"][..], &new].concat(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("imported 2 session(s) into Forum 2027"),
        "{out}"
    );
    // Speakers split and matched across rows, accents and case aside: Élise once.
    assert!(out.contains("2 new people"), "{out}");

    let sched = run(&db, &["schedule", "Forum 2027", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&sched.stdout).unwrap();
    let titles: Vec<&str> = v["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Mot d’ouverture", "Atelier"]);
    assert_eq!(v["sessions"][0]["start"], "2027-04-15T13:00:00Z");

    // Again into the same event: both rows are already there.
    let o = run(
        &db,
        &[
            "import",
            "agenda",
            csv,
            "--event",
            "Forum 2027",
            "--accept-valid",
        ],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("0 to add, 2 already in the event"), "{out}");

    // --map: a column named by letter; a bad one is refused with the columns listed.
    let o = run(
        &db,
        &[
            "import",
            "agenda",
            csv,
            "--event",
            "Forum 2027",
            "--map",
            "F=ignore",
            "--dry-run",
            "--json",
            "--accept-valid",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = v["mapping"]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["letter"] == "F")
        .unwrap()
        .clone();
    assert_eq!(f["how"], "manual", "{f}");
    assert_eq!(v["plan"]["counts"]["invalid"], 1);
    let o = run(
        &db,
        &[
            "import",
            "agenda",
            csv,
            "--event",
            "Forum 2027",
            "--map",
            "Salle 2=stage",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no column 'Salle 2'"), "{err}");
}
