//! Importing a verified package: what it would change, then the change in one transaction
//! after a backup of the database.

use crate::read::Opened;
use crate::Result;
use chrono::{DateTime, Utc};
pub use showcall_core::handoff::{ImportAction as Action, ImportPlan, Imported as Applied};
use showcall_core::job::{Job, Unit};
use showcall_core::merge::{self, Resolution};
use showcall_core::store::Store;

/// Says what importing `p` into `store` would do (writes nothing).
pub fn plan(store: &Store, p: &Opened) -> Result<ImportPlan> {
    let id = &p.data.event.id;
    let action = if store.has_event(id)? {
        let ours = store.load(id)?;
        let base = store.exchange_base(id)?;
        let preview = merge::preview(&ours, &p.data, base.as_ref());
        if preview.items.is_empty() {
            Action::Unchanged
        } else {
            Action::Merge { preview }
        }
    } else {
        Action::New
    };
    Ok(ImportPlan {
        event_id: id.clone(),
        event_name: p.data.event.name.clone(),
        made_by: p.manifest.created_by,
        created_at: p.manifest.created_at,
        stream_keys_included: p.manifest.stream_keys_included,
        sessions: p.data.sessions.len() as u32,
        people: p.data.people.len() as u32,
        files: p
            .manifest
            .files
            .iter()
            .filter(|f| f.role == crate::FileRole::Asset)
            .count() as u32,
        action,
    })
}

/// Imports `p`: a new event is added; an existing one is merged with `resolution` (refused,
/// writing nothing, while a conflict has no pick). The database is backed up first and the
/// event written in one transaction; the package's version becomes the base of the next merge.
pub fn apply(
    store: &mut Store,
    p: &Opened,
    resolution: &Resolution,
    now: DateTime<Utc>,
) -> Result<Applied> {
    apply_with(store, p, resolution, now, &Job::none())
}

/// [`apply`], reporting its steps to `job` (stage `import`: merge, backup, files, write) and
/// checking it between them, the last time just before the event's transaction: when
/// cancelled, the attached files already moved go back, the backup made for this import is
/// removed, and the database is as it was.
pub fn apply_with(
    store: &mut Store,
    p: &Opened,
    resolution: &Resolution,
    now: DateTime<Utc>,
    job: &Job,
) -> Result<Applied> {
    job.check()?;
    let mut steps = job.meter(Unit::Steps, "import", Some(4));
    let theirs = &p.data;
    let id = theirs.event.id.clone();
    let existing = store.has_event(&id)?;
    let (mut data, restored) = if existing {
        let ours = store.load(&id)?;
        let base = store.exchange_base(&id)?;
        let m = merge::merge(&ours, theirs, base.as_ref(), resolution)?;
        (m.data, m.restored)
    } else {
        (theirs.clone(), Vec::new())
    };
    steps.add(1);
    job.check()?;
    if !existing {
        for d in data.destinations.iter_mut() {
            d.has_key = false;
            d.key_hint.clear();
            d.last_test = None;
        }
    }
    let backup = store.back_up_before_import(now)?;
    // From here a cancelled import also removes the backup it made.
    let stop = |e: showcall_core::Error| {
        if let Some(b) = &backup {
            let _ = std::fs::remove_file(b);
        }
        crate::Error::from(e)
    };
    steps.add(1);
    job.check().map_err(stop)?;
    // The attached files move from the staging folder into the files folder just before the
    // event's transaction, and back out if it fails: all of the import or none of it.
    let moved = match (&p.staged, crate::files_dir(store)) {
        (Some(s), Some(dir)) => Some(s.commit_with(&dir, job).map_err(|e| match e {
            crate::Error::Core(e @ showcall_core::Error::Cancelled) => stop(e),
            e => e,
        })?),
        (Some(_), None) => {
            return Err(crate::Error::Format(crate::Text::new(
                "this database keeps no files (in memory): attached files cannot be imported",
                "cette base de données ne garde aucun fichier (elle est en mémoire) : les \
                 fichiers joints ne peuvent pas être importés",
            )))
        }
        _ => None,
    };
    steps.add(1);
    // The last moment to stop: the event's transaction commits all of the import.
    job.check().map_err(stop)?;
    data = store.import_event(&data, theirs, now)?;
    let files_added = moved.map_or(0, crate::read::Committed::keep);
    steps.finish();
    let mut stream_keys_set = 0u32;
    let mut stream_keys_kept = Vec::new();
    for (dest, key) in p.keys.iter().flatten() {
        let Some(d) = data.destinations.iter().find(|d| &d.id == dest) else {
            continue;
        };
        match store.stream_key(dest)? {
            None => {
                store.set_stream_key(&id, dest, Some(key))?;
                stream_keys_set += 1u32;
            }
            Some(here) if &here != key => stream_keys_kept.push(d.name.clone()),
            Some(_) => {}
        }
    }
    Ok(Applied {
        event_id: id,
        created: !existing,
        backup: backup.map(|b| b.display().to_string()),
        restored,
        stream_keys_set,
        stream_keys_kept,
        files_added: files_added as u32,
    })
}
