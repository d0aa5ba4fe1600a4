//! Importing a verified package: what it would change, then the change in one transaction
//! after a backup of the database.

use crate::read::Opened;
use crate::{MadeBy, Result};
use chrono::{DateTime, Utc};
use serde::Serialize;
use showcall_core::merge::{self, MergePreview, Resolution};
use showcall_core::store::Store;

/// What importing a package would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportPlan {
    pub event_id: String,
    pub event_name: String,
    pub made_by: MadeBy,
    pub created_at: DateTime<Utc>,
    pub stream_keys_included: bool,
    pub sessions: usize,
    pub people: usize,
    pub files: usize,
    pub action: Action,
}

/// Whether the event is new here, the same, or to be merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// Not stored here yet: the package's event is added as it is.
    New,
    /// Stored here with exactly the same content.
    Unchanged,
    /// Stored here and different: every difference, with who changed what.
    Merge { preview: MergePreview },
}

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
        sessions: p.data.sessions.len(),
        people: p.data.people.len(),
        files: p
            .manifest
            .files
            .iter()
            .filter(|f| f.role == crate::FileRole::Asset)
            .count(),
        action,
    })
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Applied {
    pub event_id: String,
    pub created: bool,
    /// The copy of the database taken just before (none for an in-memory store).
    pub backup: Option<String>,
    /// Items one side removed that were kept because something kept uses them.
    pub restored: Vec<String>,
    pub stream_keys_set: usize,
    /// Destinations whose stream key here differs from the package's: this one was kept.
    pub stream_keys_kept: Vec<String>,
    pub files_added: usize,
}

/// Imports `p`: a new event is added; an existing one is merged with `resolution` (refused,
/// writing nothing, while a conflict has no pick). The database is backed up first and the
/// event written in one transaction; the package's version becomes the base of the next merge.
pub fn apply(
    store: &mut Store,
    p: Opened,
    resolution: &Resolution,
    now: DateTime<Utc>,
) -> Result<Applied> {
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
    if !existing {
        for d in data.destinations.iter_mut() {
            d.has_key = false;
            d.key_hint.clear();
            d.last_test = None;
        }
    }
    let backup = match store.path() {
        Some(db) => {
            let stem = db
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "showcall".into());
            let to = db.with_file_name("backups").join(format!(
                "{stem}-{}-before-import.db",
                now.format("%Y%m%d-%H%M%S%.3f")
            ));
            store.backup_to(&to)?;
            Some(to.display().to_string())
        }
        None => None,
    };
    let files_added = match (&p.staged, crate::files_dir(store)) {
        (Some(s), Some(dir)) => s.commit(&dir)?,
        (Some(_), None) => {
            return Err(crate::Error::Format(
                "this database keeps no files (in memory): attached files cannot be imported"
                    .into(),
            ))
        }
        _ => 0,
    };
    data = store.import_event(&data, theirs, now)?;
    let mut stream_keys_set = 0;
    let mut stream_keys_kept = Vec::new();
    for (dest, key) in p.keys.iter().flatten() {
        let Some(d) = data.destinations.iter().find(|d| &d.id == dest) else {
            continue;
        };
        match store.stream_key(dest)? {
            None => {
                store.set_stream_key(&id, dest, Some(key))?;
                stream_keys_set += 1;
            }
            Some(here) if &here != key => stream_keys_kept.push(d.name.clone()),
            Some(_) => {}
        }
    }
    Ok(Applied {
        event_id: id,
        created: !existing,
        backup,
        restored,
        stream_keys_set,
        stream_keys_kept,
        files_added,
    })
}
