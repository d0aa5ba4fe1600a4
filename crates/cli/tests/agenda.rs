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

/// The sessions of an import, as `showcall schedule --json` lists them: (title, start, end).
fn sessions_of(db: &Path, event: &str) -> Vec<(String, String, String)> {
    let o = run(db, &["schedule", event, "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let f = |k: &str| s[k].as_str().unwrap_or_default().to_string();
            (f("title"), f("start"), f("end"))
        })
        .collect()
}

#[test]
fn the_same_agenda_saved_as_xlsx_ods_and_xls_imports_the_same_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("showcall.db");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../agenda/tests/fixtures");
    let mut got = Vec::new();
    for ext in ["xlsx", "ods", "xls"] {
        let file = fixtures.join(format!("agenda.{ext}"));
        let name = format!("Agenda {ext}");
        let o = run(
            &db,
            &[
                "import",
                "agenda",
                file.to_str().unwrap(),
                "--new-event",
                &name,
                "--tz",
                "America/Toronto",
                "--sheet",
                "Programme",
                "--accept-valid",
            ],
        );
        assert!(
            o.status.success(),
            "{ext}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        got.push(sessions_of(&db, &name));
    }
    assert!(!got[0].is_empty(), "the XLSX has sessions");
    assert_eq!(got[1], got[0], "ODS as XLSX");
    assert_eq!(got[2], got[0], "XLS as XLSX");

    // A zip that is not a spreadsheet is named for what it is.
    let zip = dir.path().join("agenda.xlsx");
    {
        let f = std::fs::File::create(&zip).unwrap();
        let mut z = zip::ZipWriter::new(f);
        z.start_file("notes.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut z, b"hello").unwrap();
        z.finish().unwrap();
    }
    let o = run(
        &db,
        &[
            "import",
            "agenda",
            zip.to_str().unwrap(),
            "--new-event",
            "Zip",
            "--tz",
            "UTC",
        ],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("a zip archive"), "{err}");
    assert!(err.contains("not a spreadsheet"), "{err}");
}
