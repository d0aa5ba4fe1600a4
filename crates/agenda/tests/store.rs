//! The import as the CLI runs it, against a real SQLite file: plan, apply, `Store::replace`
//! (or `Store::insert` for a new event), reload; and a refused partial import that leaves the
//! database file byte-for-byte as it was.

use showcall_agenda::*;
use showcall_core::i18n::Lang;
use showcall_core::Store;
use std::path::Path;

const GOOD: &str = "Titre;Date;Début;Fin;Salle;Conférenciers\n\
    Mot d’ouverture;2027-04-15;9 h 00;9 h 30;Grande salle;\"Élise Tremblay; François Côté\"\n\
    Panel;2027-04-15;10 h 00;11 h 00;Grande salle;ELISE TREMBLAY\n";

const ONE_BAD: &str = "Titre;Date;Début;Fin;Salle;Conférenciers\n\
    Mot d’ouverture;2027-04-15;9 h 00;9 h 30;Grande salle;Élise Tremblay\n\
    Panel;2027-04-15;10 h 00;9 h 00;Grande salle;Zoë Lévesque\n";

/// What `showcall import agenda` does once the event is loaded: prepare, print the errors,
/// and store only when every row is valid or `--accept-valid` was given.
fn import(
    store: &mut Store,
    event_id: &str,
    bytes: &[u8],
    accept_valid: bool,
) -> Result<ImportPlan, Vec<String>> {
    let data = store.load(event_id).unwrap();
    let prepared =
        prepare(bytes, &data, &ImportOptions::default()).map_err(|e| vec![e.to_string()])?;
    let plan = prepared.plan;
    if !plan.is_clean() && !accept_valid {
        return Err(plan.errors.iter().map(|e| e.line(Lang::En)).collect());
    }
    let after = apply(&data, &plan);
    store.replace(&after).unwrap();
    Ok(plan)
}

fn file_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn an_import_is_stored_with_replace_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let mut store = Store::open(&path).unwrap();
    let event = new_event("Sommet", "America/Toronto", "fr-CA").unwrap();
    let id = event.event.id.clone();
    store.insert(&event).unwrap();

    let plan = import(&mut store, &id, GOOD.as_bytes(), false).unwrap();
    assert_eq!(plan.counts.to_add, 2);
    drop(store);

    let store = Store::open(&path).unwrap();
    let d = store.load(&id).unwrap();
    let titles: Vec<&str> = d.sessions.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Mot d’ouverture", "Panel"]);
    let people: Vec<&str> = d.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        people,
        ["François Côté", "Élise Tremblay"],
        "the core orders by lower-cased name"
    );
    assert_eq!(d.stages.len(), 1);
    let panel = d.sessions.iter().find(|s| s.title == "Panel").unwrap();
    let presenters = d.presenters_of(&panel.id);
    assert_eq!(presenters.len(), 1);
    assert_eq!(d.person(presenters[0]).unwrap().name, "Élise Tremblay");
    assert!(d
        .tasks
        .iter()
        .any(|t| t.session_id.as_deref() == Some(panel.id.as_str())));

    // The same file again adds nothing.
    let mut store = store;
    let again = import(&mut store, &id, GOOD.as_bytes(), false).unwrap();
    assert_eq!(again.counts.to_add, 0);
    assert_eq!(again.counts.already_in_event, 2);
    assert_eq!(store.load(&id).unwrap().sessions.len(), 2);
    assert_eq!(store.load(&id).unwrap().people.len(), 2);
}

#[test]
fn a_new_event_is_stored_with_insert() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("showcall.db")).unwrap();
    let blank = new_event("Gala", "America/Vancouver", "en").unwrap();
    let p = prepare(GOOD.as_bytes(), &blank, &ImportOptions::default()).unwrap();
    let event = apply(&blank, &p.plan);
    store.insert(&event).unwrap();
    let d = store.load(&event.event.id).unwrap();
    assert_eq!(d.event.name, "Gala");
    assert_eq!(d.sessions.len(), 2);
    assert_eq!(
        d.sessions[0].start.to_rfc3339(),
        "2027-04-15T16:00:00+00:00",
        "9 h 00 in Vancouver"
    );
    assert!(new_event("Gala", "Mars/Olympus", "en").is_err());
}

#[test]
fn a_refused_partial_import_leaves_the_database_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let mut store = Store::open(&path).unwrap();
    let event = new_event("Sommet", "America/Toronto", "fr-CA").unwrap();
    let id = event.event.id.clone();
    store.insert(&event).unwrap();
    drop(store);
    let before = file_bytes(dir.path());
    assert!(before
        .iter()
        .any(|(n, b)| n == "showcall.db" && !b.is_empty()));

    let mut store = Store::open(&path).unwrap();
    let errors = import(&mut store, &id, ONE_BAD.as_bytes(), false).unwrap_err();
    assert_eq!(errors, ["row 3: end 09:00 is before start 10:00"]);
    drop(store);
    assert_eq!(file_bytes(dir.path()), before, "byte-for-byte unchanged");

    // With --accept-valid the valid row goes in, the invalid one does not.
    let mut store = Store::open(&path).unwrap();
    let plan = import(&mut store, &id, ONE_BAD.as_bytes(), true).unwrap();
    assert_eq!(plan.counts.invalid, 1);
    let d = store.load(&id).unwrap();
    assert_eq!(d.sessions.len(), 1);
    assert_eq!(d.people.len(), 1, "Zoë only appears on the invalid row");
    drop(store);
    assert_ne!(file_bytes(dir.path()), before);
}
