//! Changes made outside this window — the CLI, a second app, a package applied by a job — reach
//! the windows by themselves: a thread with its own connection looks at SQLite's
//! `data_version` four times a second (a read of a counter) and, when another connection has
//! committed, tells the windows which events have a new revision (`event-changed`) and that the
//! day may have moved (`day-changed`). A window then asks for what changed
//! (`event_changes`), never for the whole event again.

use serde::Serialize;
use showcall_core::Store;
use std::collections::HashMap;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Runtime};

/// How often the database is looked at.
const EVERY: Duration = Duration::from_millis(250);

/// The payload of `event-changed`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventChanged {
    pub event_id: String,
    pub revision: i64,
}

/// Starts the watcher for the app's lifetime.
pub fn start<R: Runtime>(app: AppHandle<R>, path: std::path::PathBuf) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("showcall-watch".into())
        .spawn(move || {
            let mut seen: Option<Seen> = None;
            let mut store: Option<Store> = None;
            loop {
                std::thread::sleep(EVERY);
                if store.is_none() {
                    store = Store::open(&path).ok();
                }
                let Some(s) = store.as_ref() else { continue };
                match look(s, seen.as_ref()) {
                    Ok(Some((now, changed, day_moved))) => {
                        if seen.is_some() {
                            let moved = day_moved || !changed.is_empty();
                            for c in changed {
                                let _ = app.emit("event-changed", c);
                            }
                            if moved {
                                let _ = app.emit("day-changed", ());
                                // The network views and the server's settings follow.
                                crate::share::nudge(&app);
                            }
                        }
                        seen = Some(now);
                    }
                    Ok(None) => {}
                    Err(_) => store = None,
                }
            }
        })
        .map(|_| ())
}

/// What the watcher saw last: the file's version, every event's revision, and the fingerprint
/// of the day's log and settings.
type Seen = (i64, HashMap<String, i64>, u64);
type Look = (Seen, Vec<EventChanged>, bool);

/// When the file changed since `seen`: what it is now, the events whose revision is new, and
/// whether the day's log or the settings moved (not the scheduler's heartbeat alone, which it
/// saves every few seconds: that would wake every live view for nothing).
fn look(store: &Store, seen: Option<&Seen>) -> showcall_core::Result<Option<Look>> {
    let version = store.data_version()?;
    if seen.is_some_and(|(v, _, _)| *v == version) {
        return Ok(None);
    }
    let revisions: HashMap<String, i64> = store.revisions()?.into_iter().collect();
    let changed = revisions
        .iter()
        .filter(|(id, rev)| seen.is_none_or(|(_, old, _)| old.get(*id) != Some(*rev)))
        .map(|(id, rev)| EventChanged {
            event_id: id.clone(),
            revision: *rev,
        })
        .collect();
    let day = store.day_fingerprint(crate::state::LAST_TICK_KEY)?;
    let day_moved = seen.is_none_or(|(_, _, d)| *d != day);
    Ok(Some(((version, revisions, day), changed, day_moved)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_events_another_connection_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut writer = Store::open(&path).unwrap();
        let a = showcall_core::testing::conference(1, 2);
        let b = showcall_core::testing::event("UTC");
        writer.insert(&a).unwrap();
        writer.insert(&b).unwrap();
        let watcher = Store::open(&path).unwrap();
        let (seen, _, _) = look(&watcher, None).unwrap().unwrap();
        assert!(
            look(&watcher, Some(&seen)).unwrap().is_none(),
            "nothing new"
        );
        let mut renamed = a.clone();
        renamed.event.name = "Renamed".into();
        writer.replace(&renamed).unwrap();
        let (_, changed, _) = look(&watcher, Some(&seen)).unwrap().unwrap();
        let ids: Vec<_> = changed
            .iter()
            .map(|c| (c.event_id.as_str(), c.revision))
            .collect();
        assert_eq!(ids, [(a.event.id.as_str(), 1)]);
        // A write that moves no revision (the day's log, a setting) is still news to the file,
        // and moves the day; the scheduler's heartbeat alone does not.
        let (seen2, _, _) = look(&watcher, Some(&seen)).unwrap().unwrap();
        writer.set_setting("x", "y").unwrap();
        let (seen3, changed, day_moved) = look(&watcher, Some(&seen2)).unwrap().unwrap();
        assert!(changed.is_empty());
        assert!(day_moved, "a setting moved");
        writer
            .set_setting(crate::state::LAST_TICK_KEY, "2027-05-05T10:00:00Z")
            .unwrap();
        let (seen4, changed, day_moved) = look(&watcher, Some(&seen3)).unwrap().unwrap();
        assert!(changed.is_empty());
        assert!(!day_moved, "the heartbeat alone is not news to a live view");
        writer
            .add_delay(&a.event.id, &a.stages[0].id, None, 5, chrono::Utc::now())
            .unwrap();
        let (seen5, _, day_moved) = look(&watcher, Some(&seen4)).unwrap().unwrap();
        assert!(day_moved, "a delay moved the day");
        // A line sent to a speaker timer (from the CLI or the network API) reaches the windows
        // and the network views.
        writer
            .set_stage_message(&showcall_core::model::StageMessage {
                event_id: a.event.id.clone(),
                stage_id: String::new(),
                text: "Wrap up".into(),
                at: chrono::Utc::now(),
                source: "api".into(),
            })
            .unwrap();
        let (seen6, _, day_moved) = look(&watcher, Some(&seen5)).unwrap().unwrap();
        assert!(day_moved, "a speaker timer line moved the day");
        writer.revoke_all_share_links(chrono::Utc::now()).unwrap();
        writer
            .create_share_link(
                &a.event.id,
                showcall_core::model::ShareView::Clock,
                None,
                None,
                false,
                chrono::Utc::now(),
            )
            .unwrap();
        let (_, _, day_moved) = look(&watcher, Some(&seen6)).unwrap().unwrap();
        assert!(
            day_moved,
            "a link made or revoked is news to the network views"
        );
    }
}
