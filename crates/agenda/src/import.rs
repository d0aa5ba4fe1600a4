//! Bringing an agenda file into an event, as the app's Handoff tab does: [`load`] reads the file
//! against its target (an event here, or a new one) and says how every row would be imported;
//! [`import`] stores the valid rows — all of them, or nothing while a row is invalid unless the
//! user agrees to leave the invalid rows out. Errors carry a stable code and say what is wrong
//! in English or French.

use crate::{Field, ImportError, ImportOptions, Prepared};
use serde::{Deserialize, Serialize};
use showcall_core::error::ErrorPayload;
use showcall_core::history::Patch;
use showcall_core::i18n::Lang;
use showcall_core::job::Job;
use showcall_core::{EventData, Store};
use std::path::Path;
use ts_rs::TS;

/// Where the rows go: an event by id, or a new event's name and zone (the other fields `null`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaTarget {
    pub event_id: Option<String>,
    pub new_name: Option<String>,
    pub new_time_zone: Option<String>,
}

/// What an agenda import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaImported {
    pub event_id: String,
    pub created: bool,
    pub sessions_added: u32,
}

/// Why an agenda could not be read or imported.
#[derive(Debug, thiserror::Error)]
pub enum AgendaError {
    /// Neither an event nor a new event's name and zone.
    #[error("choose an event, or name the new one and its zone")]
    NoTarget,
    /// The file could not be read from disk.
    #[error("{path}: {detail}")]
    Io { path: String, detail: String },
    /// The file could not be read as an agenda.
    #[error("{path}: {error}")]
    File { path: String, error: ImportError },
    /// A required field has no column.
    #[error("no column for {}: choose one in the mapping", .0.code())]
    Unmapped(Field),
    /// Rows are invalid and the user has not agreed to leave them out.
    #[error("{count} invalid row(s), nothing imported: {first_en}")]
    InvalidRows {
        count: u32,
        first_en: String,
        first_fr: String,
    },
    /// The event, the new event's fields, or storing failed.
    #[error(transparent)]
    Core(#[from] showcall_core::Error),
}

impl AgendaError {
    /// `agenda` for a problem with the file, its columns or its rows; the core's own code
    /// (`not_found`, `invalid_input`, …) otherwise.
    pub fn code(&self) -> &'static str {
        match self {
            AgendaError::Core(e) => e.code(),
            _ => "agenda",
        }
    }

    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return match self {
                AgendaError::Core(e) => e.message(lang),
                AgendaError::File { path, error } => format!("{path}: {}", error.message(lang)),
                other => other.to_string(),
            };
        }
        match self {
            AgendaError::NoTarget => {
                "choisissez un événement, ou nommez le nouveau et son fuseau horaire".into()
            }
            AgendaError::Io { path, detail } => format!("{path} : {detail}"),
            AgendaError::File { path, error } => format!("{path} : {}", error.message(lang)),
            AgendaError::Unmapped(f) => format!(
                "aucune colonne pour « {} » : choisissez-en une dans la correspondance",
                f.label(lang)
            ),
            AgendaError::InvalidRows {
                count, first_fr, ..
            } => format!("{count} ligne(s) invalide(s), rien n’a été importé : {first_fr}"),
            AgendaError::Core(e) => e.message(lang),
        }
    }

    /// The `{code, message, field}` the app sends to the window.
    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        match self {
            AgendaError::Core(e) => e.payload(lang),
            other => ErrorPayload {
                code: other.code().into(),
                message: other.message(lang),
                field: None,
            },
        }
    }
}

/// An agenda read against its target, ready to import.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The event as it stands (or the new, empty one).
    pub data: EventData,
    pub created: bool,
    pub prepared: Prepared,
}

/// Reads the agenda at `path` against `target` and plans its import. Nothing is written.
pub fn load(
    store: &Store,
    path: &Path,
    target: &AgendaTarget,
    opts: &ImportOptions,
    lang: Lang,
) -> Result<Loaded, AgendaError> {
    load_with(store, path, target, opts, lang, &Job::none())
}

/// [`load`], reporting to `job` the bytes read (stage `read`), the rows read (`rows`) and
/// planned (`plan`), and checking it at least every MiB and every thousand rows: when cancelled
/// it returns [`showcall_core::Error::Cancelled`] (it writes nothing in any case).
pub fn load_with(
    store: &Store,
    path: &Path,
    target: &AgendaTarget,
    opts: &ImportOptions,
    lang: Lang,
    job: &Job,
) -> Result<Loaded, AgendaError> {
    job.check()?;
    let (data, created) = match target {
        AgendaTarget {
            event_id: Some(id), ..
        } => (store.load(id)?, false),
        AgendaTarget {
            new_name: Some(name),
            new_time_zone: Some(tz),
            ..
        } => (crate::new_event(name, tz, lang.tag())?, true),
        _ => return Err(AgendaError::NoTarget),
    };
    let shown = path.display().to_string();
    let bytes = crate::read::read_bytes_with(path, job);
    // Stopped short, the bytes or the error they caused mean nothing.
    job.check()?;
    let bytes = bytes.map_err(|e| match e {
        crate::ReadError::Io { detail, .. } => AgendaError::Io {
            path: shown.clone(),
            detail,
        },
        other => AgendaError::File {
            path: shown.clone(),
            error: other.into(),
        },
    })?;
    let prepared = crate::prepare_with(&bytes, &data, opts, job);
    job.check()?;
    let prepared = prepared.map_err(|error| AgendaError::File { path: shown, error })?;
    Ok(Loaded {
        data,
        created,
        prepared,
    })
}

/// Stores the rows of a loaded agenda: every valid row, or nothing while a row is invalid and
/// `accept_valid` is off. Returns what was done and, for an event that was already here, the
/// change it made to an event that existed (for undo).
pub fn import(
    store: &mut Store,
    loaded: &Loaded,
    accept_valid: bool,
) -> Result<(AgendaImported, Option<Patch>), AgendaError> {
    import_with(store, loaded, accept_valid, &Job::none())
}

/// [`import`], counting the sessions added on `job` (stage `sessions`) and checking it every
/// thousand sessions and between the steps of the store's transaction, up to its commit: when cancelled it returns
/// [`showcall_core::Error::Cancelled`] and the database is as it was.
pub fn import_with(
    store: &mut Store,
    loaded: &Loaded,
    accept_valid: bool,
    job: &Job,
) -> Result<(AgendaImported, Option<Patch>), AgendaError> {
    job.check()?;
    let plan = &loaded.prepared.plan;
    if let Some(missing) = loaded.prepared.mapping.missing.first() {
        return Err(AgendaError::Unmapped(*missing));
    }
    if !plan.is_clean() && !accept_valid {
        let first = |lang| {
            plan.errors
                .first()
                .map(|e| e.line(lang))
                .unwrap_or_default()
        };
        return Err(AgendaError::InvalidRows {
            count: plan.counts.invalid,
            first_en: first(Lang::En),
            first_fr: first(Lang::FrCa),
        });
    }
    let after = crate::plan::apply_with(&loaded.data, plan, job);
    job.check()?;
    // The store writes the event in one transaction, checking the job up to its commit.
    let patch = if loaded.created {
        store.insert_with(&after, job)?;
        None
    } else {
        // Refused when the event changed since it was read (another window, the CLI).
        Some(
            store
                .replace_if_with(&after, loaded.data.event.revision, job)?
                .patch,
        )
    };
    let imported = AgendaImported {
        event_id: after.event.id,
        created: loaded.created,
        sessions_added: plan.counts.to_add,
    };
    Ok((imported, patch))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(dir: &Path, text: &str) -> std::path::PathBuf {
        let p = dir.join("agenda.csv");
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn invalid_rows_stop_the_import_unless_left_out_and_say_so_in_both_languages() {
        let dir = tempfile::tempdir().unwrap();
        let path = file(
            dir.path(),
            "Title,Date,Start,End,Stage\n\
             Keynote,2027-04-15,09:00,10:00,Main\n\
             Panel,2027-04-15,25:00,11:00,Main\n",
        );
        let mut store = Store::open_in_memory().unwrap();
        let target = AgendaTarget {
            event_id: None,
            new_name: Some("Gala".into()),
            new_time_zone: Some("America/Toronto".into()),
        };
        let loaded = load(&store, &path, &target, &ImportOptions::default(), Lang::En).unwrap();
        let e = import(&mut store, &loaded, false).unwrap_err();
        assert_eq!(e.code(), "agenda");
        assert!(
            e.message(Lang::En)
                .starts_with("1 invalid row(s), nothing imported: row 3"),
            "{}",
            e.message(Lang::En)
        );
        assert!(
            e.message(Lang::FrCa)
                .starts_with("1 ligne(s) invalide(s), rien n’a été importé : ligne 3"),
            "{}",
            e.message(Lang::FrCa)
        );
        assert!(store.list_events().unwrap().is_empty(), "nothing written");
        let (done, before) = import(&mut store, &loaded, true).unwrap();
        assert_eq!((done.created, done.sessions_added, before), (true, 1, None));
        assert_eq!(store.load(&done.event_id).unwrap().sessions.len(), 1);
    }

    #[test]
    fn a_missing_target_file_or_event_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in_memory().unwrap();
        let opts = ImportOptions::default();
        let nowhere = AgendaTarget::default();
        let e = load(&store, dir.path(), &nowhere, &opts, Lang::FrCa).unwrap_err();
        assert_eq!(e.payload(Lang::FrCa).code, "agenda");
        assert!(e.message(Lang::FrCa).starts_with("choisissez un événement"));
        let missing = AgendaTarget {
            event_id: Some("no-such-event".into()),
            ..Default::default()
        };
        let e = load(&store, &dir.path().join("a.csv"), &missing, &opts, Lang::En).unwrap_err();
        assert_eq!(e.code(), "not_found");
        let target = AgendaTarget {
            new_name: Some("Gala".into()),
            new_time_zone: Some("UTC".into()),
            ..Default::default()
        };
        let gone = dir.path().join("gone.csv");
        let e = load(&store, &gone, &target, &opts, Lang::En).unwrap_err();
        assert!(
            e.message(Lang::En).contains("gone.csv"),
            "{}",
            e.message(Lang::En)
        );
    }
}
