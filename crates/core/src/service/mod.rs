//! Use cases: what the app's commands and the CLI both call. Each takes the [`Actor`] using
//! this copy and, where time matters, `now` (the caller owns the clock); it checks
//! [`permits`](crate::edit::permits), stamps who and when, and calls the store. The shell and
//! the CLI decide nothing of their own.

pub mod day;
pub mod scheduler;
pub mod share;

use crate::edit::{may, permits, Act, Edit};
use crate::error::{Error, Invalid, Result};
use crate::i18n::Lang;
use crate::model::{
    Actor, Actual, AssetFile, AssetKind, AssetSpec, BrandPreset, Delay, TaskStatus,
};
use crate::store::{Edited, Store};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

/// Applies an edit the user made (in the window or at the command line): checks that `actor`
/// may make it, stamps who and when (a checklist change, a task marked done), and writes it in
/// one transaction, or refuses it whole. A file record can only come from [`attach`].
pub fn edit(
    store: &mut Store,
    actor: Actor,
    now: DateTime<Utc>,
    event_id: &str,
    edit: Edit,
) -> Result<Edited> {
    edit_seen(store, actor, now, event_id, edit, None)
}

/// [`edit`] from a window that shows the event at revision `seen`: when the stored event has
/// moved on since (the CLI, another window or an import changed it), the edit is refused as a
/// `conflict` naming both revisions, and nothing is written, instead of an edit made on a
/// stale view silently overwriting what changed.
pub fn edit_seen(
    store: &mut Store,
    actor: Actor,
    now: DateTime<Utc>,
    event_id: &str,
    mut edit: Edit,
    seen: Option<i64>,
) -> Result<Edited> {
    if let Edit::AttachBrandFile { .. } = edit {
        return Err(Error::invalid(
            "brandItem.file",
            Invalid::Say {
                en: "attach files with the Attach button".into(),
                fr: "joignez les fichiers avec le bouton Joindre".into(),
            },
        ));
    }
    stamp(&mut edit, actor, now);
    store.edit_guarded(event_id, &edit, |d| {
        if let Some(seen) = seen.filter(|&r| r != d.event.revision) {
            return Err(Error::Stale {
                name: d.event.name.clone(),
                seen,
                now: d.event.revision,
            });
        }
        permits(actor, &edit, d)
    })
}

/// Who and when are this machine's to say, not the page's. Instants are kept to the whole
/// second, as the store writes them: the event an edit answers is the one the file holds.
fn stamp(edit: &mut Edit, actor: Actor, now: DateTime<Utc>) {
    let now = chrono::SubsecRound::trunc_subsecs(now, 0);
    match edit {
        Edit::UpdateTask {
            status: TaskStatus::Done,
            done_at: at @ None,
            ..
        } => *at = Some(now),
        Edit::SetBrandStatus { by, at, .. } | Edit::RemoveBrandFile { by, at, .. } => {
            *by = actor.code().to_string();
            *at = now;
        }
        Edit::UpdateBranding { by, at, .. } => {
            *by = Some(actor.code().to_string());
            *at = Some(now);
        }
        _ => {}
    }
}

/// The checklist presets (the built-in one first, titles in `lang`).
pub fn presets(store: &Store, lang: Lang) -> Vec<BrandPreset> {
    crate::store::presets(store, lang)
}

/// Saves the checklist lines of an event as a preset named `name` (the analyst's to do).
pub fn save_preset(
    store: &mut Store,
    actor: Actor,
    event_id: &str,
    name: &str,
    lang: Lang,
) -> Result<Vec<BrandPreset>> {
    may(actor, Act::Presets)?;
    let data = store.load(event_id)?;
    crate::store::save_preset(store, name, &data, lang)
}

/// Forgets a saved preset (the analyst's to do; the built-in one stays).
pub fn delete_preset(
    store: &mut Store,
    actor: Actor,
    name: &str,
    lang: Lang,
) -> Result<Vec<BrandPreset>> {
    may(actor, Act::Presets)?;
    crate::store::delete_preset(store, name, lang)
}

/// Attaching a file to a checklist item, in three steps so that the long part holds nothing
/// shared: [`attach`] checks and reads what it needs from the store, [`Attach::copy`] copies and
/// checks the file (no store: run it on a worker thread), and [`Attach::record`] records the
/// result as an edit.
#[derive(Debug, Clone)]
pub struct Attach {
    event_id: String,
    item_id: String,
    kind: AssetKind,
    spec: AssetSpec,
    db: PathBuf,
    actor: Actor,
    lang: Lang,
}

/// Starts attaching a file to the item `item_id` of an event: `actor` may, the item exists, and
/// the database keeps files (not one in memory).
pub fn attach(
    store: &Store,
    actor: Actor,
    event_id: &str,
    item_id: &str,
    lang: Lang,
) -> Result<Attach> {
    may(actor, Act::AttachFile)?;
    let data = store.load(event_id)?;
    let item = data
        .brand_items
        .iter()
        .find(|i| i.id == item_id)
        .ok_or_else(|| Error::NotFound {
            kind: "brandItem",
            id: item_id.into(),
        })?;
    let db = store.path().ok_or_else(|| {
        Error::invalid(
            "brandItem.file",
            Invalid::Say {
                en: "this database keeps no files (in memory)".into(),
                fr: "cette base ne conserve pas de fichiers (en mémoire)".into(),
            },
        )
    })?;
    Ok(Attach {
        event_id: event_id.into(),
        item_id: item_id.into(),
        kind: item.kind,
        spec: item.spec.clone(),
        db: db.to_path_buf(),
        actor,
        lang,
    })
}

impl Attach {
    /// Copies the file at `src` into the data folder and checks it (long: no store held),
    /// reporting the copy on `job`; a cancelled `job` leaves nothing behind (see
    /// [`crate::store::store_file_with`]).
    pub fn copy(&self, src: &Path, now: DateTime<Utc>, job: &crate::job::Job) -> Result<AssetFile> {
        // Checked first; the file keeps the name the user chose (not a link's target's).
        crate::paths::attach_source(src, &self.db)?;
        crate::store::store_file_with(
            &crate::paths::files_dir(&self.db),
            src,
            self.kind,
            &self.spec,
            self.actor.code(),
            now,
            self.lang,
            job,
        )
    }

    /// Records the copied file on its item (received, or rejected with what failed).
    pub fn record(self, store: &mut Store, file: AssetFile) -> Result<Edited> {
        let edit = Edit::AttachBrandFile {
            id: self.item_id,
            file,
            lang: self.lang,
        };
        may(self.actor, Act::AttachFile)?;
        store.edit(&self.event_id, &edit)
    }
}

/// Says who uses this copy from now on: `analyst` or `customer`.
pub fn set_actor(store: &mut Store, code: &str) -> Result<Actor> {
    let actor = Actor::from_code(code).ok_or_else(|| {
        Error::invalid(
            "mode",
            Invalid::Say {
                en: format!("unknown mode “{code}” (analyst or customer)"),
                fr: format!("mode inconnu « {code} » (analyst ou customer)"),
            },
        )
    })?;
    store.set_actor(actor)?;
    Ok(actor)
}

/// The error of a long job whose worker stopped before answering (it panicked or was
/// cancelled): nothing was recorded.
pub fn stopped(why: impl std::fmt::Display) -> Error {
    Error::invalid(
        "job",
        Invalid::Say {
            en: format!("the job stopped before it finished ({why}); nothing was recorded"),
            fr: format!("la tâche s’est arrêtée avant la fin ({why}) ; rien n’a été enregistré"),
        },
    )
}

/// Records "running N minutes late" on a stage (or one session) from `from` on (a live
/// control: the analyst's).
pub fn add_delay(
    store: &mut Store,
    actor: Actor,
    event_id: &str,
    stage: &str,
    session: Option<&str>,
    minutes: i64,
    from: DateTime<Utc>,
) -> Result<Delay> {
    may(actor, Act::Live)?;
    let d = store.add_delay(event_id, stage, session, minutes, from)?;
    let detail = day::delay_detail(&d);
    day::record(
        store,
        event_id,
        share::Source::Cli,
        "delay",
        detail,
        chrono::Utc::now(),
    )?;
    Ok(d)
}

/// Records when a session really started and/or ended (a live control: the analyst's).
pub fn record_actual(
    store: &mut Store,
    actor: Actor,
    session: &str,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
) -> Result<Actual> {
    may(actor, Act::Live)?;
    let a = store.record_actual(session, start, end)?;
    let (event_id, _) = store.find_session(session)?;
    let now = chrono::Utc::now();
    if start.is_some() {
        day::record(
            store,
            &event_id,
            share::Source::Cli,
            "actual.start",
            a.session_id.clone(),
            now,
        )?;
    }
    if end.is_some() {
        day::record(
            store,
            &event_id,
            share::Source::Cli,
            "actual.end",
            a.session_id.clone(),
            now,
        )?;
    }
    Ok(a)
}

/// Where an export of an event goes unless the user picks another place: in `dir`, the
/// event's name (made safe for any file system) with `extension`.
pub fn export_path(store: &Store, event_id: &str, dir: &Path, extension: &str) -> Result<PathBuf> {
    let name = store.load(event_id)?.event.name;
    let safe: String = name
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    Ok(dir.join(format!("{}.{extension}", safe.trim())))
}

/// Writes the planned vs actual report of an event as CSV into `dir` (the user's Downloads,
/// say); returns the file's path.
pub fn export_report_csv(store: &Store, event_id: &str, dir: Option<&Path>) -> Result<PathBuf> {
    let io = |path: &Path, source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let name = store.load(event_id)?.event.name;
    let report = store.report(event_id)?;
    let dir = dir.ok_or_else(|| Error::Io {
        path: "Downloads".into(),
        source: std::io::Error::other("no Downloads, Documents or home folder"),
    })?;
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let path = dir.join(crate::report::csv_file_name(&name));
    let path = crate::paths::export_target(&path, store.path())?;
    // Whole or not at all: a new temporary file beside it (never one already there, nor a
    // link), then renamed over the target.
    let tmp = path.with_file_name(format!(
        ".{}.part-{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        crate::model::new_id()
    ));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            use std::io::Write;
            f.write_all(crate::report::to_csv(&report).as_bytes())?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, &path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(&path, e));
    }
    Ok(path)
}

/// Creates an empty event (the built-in branding checklist, production tasks) with its first
/// stage; returns its id.
pub fn create_event(
    store: &mut Store,
    name: &str,
    time_zone: &str,
    locale: &str,
    stage_name: &str,
) -> Result<String> {
    let mut data = crate::view::new_event(name, time_zone, locale);
    data.stages.push(crate::model::Stage {
        id: crate::model::new_id(),
        event_id: data.event.id.clone(),
        name: stage_name.trim().to_string(),
        position: 0,
    });
    store.insert(&data)?;
    Ok(data.event.id)
}

/// Copies an event under a new name ("… (copy)" in `lang`) with fresh ids and nothing of its
/// day; returns the copy's id.
pub fn duplicate_event(store: &mut Store, event_id: &str, lang: Lang) -> Result<String> {
    let src = store.load(event_id)?;
    let name = match lang {
        Lang::FrCa => format!("{} (copie)", src.event.name),
        Lang::En => format!("{} (copy)", src.event.name),
    };
    let copy = crate::view::duplicate(&src, &name);
    store.insert(&copy)?;
    Ok(copy.event.id)
}
