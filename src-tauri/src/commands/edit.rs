//! Edits of an open event, and undo/redo over them.

use super::events::{answered, built};
use super::{Ascii, CmdResult};
use crate::state::{AppState, Inner};
use showcall_core::service;
use showcall_core::store::Edited;
use showcall_core::view_changes::EditResult;
use showcall_core::Edit;
use tauri::State;

/// `revision`: the revision of the event the window shows; an edit made on an older one (the
/// CLI, another window or an import changed it meanwhile) is refused as a `conflict`.
#[tauri::command]
pub fn edit_event(
    state: State<AppState>,
    event_id: String,
    edit: Edit,
    revision: Option<i64>,
) -> CmdResult<Ascii<EditResult>> {
    state
        .with(|s| {
            let (actor, now) = (s.store.actor(), chrono::Utc::now());
            let done = service::edit_seen(&mut s.store, actor, now, &event_id, edit, revision);
            answer(s, &event_id, done)
        })
        .map(Ascii)
}

/// Records a done edit for undo and answers with the new view.
pub fn answer(
    s: &mut Inner,
    event_id: &str,
    done: showcall_core::Result<Edited>,
) -> showcall_core::Result<EditResult> {
    let done = done?;
    s.record_undo(event_id, Some(done.patch));
    let view = built(s, done.after);
    Ok(answered(s, view, done.created))
}

/// What changed in an event since `revision`, the one the window shows (another connection
/// wrote it: the window heard `event-changed`).
#[tauri::command]
pub fn event_changes(
    state: State<AppState>,
    event_id: String,
    revision: i64,
) -> CmdResult<Ascii<EditResult>> {
    state
        .with(|s| {
            let stale = s.shown.borrow().as_ref().map(|v| v.data.event.revision) != Some(revision);
            if stale {
                s.shown.borrow_mut().take();
            }
            let view = built(s, s.store.load_shared(&event_id)?);
            Ok(answered(s, view, None))
        })
        .map(Ascii)
}

/// Undoes the last edit of the event; answers like an edit (what changed in the view the window
/// shows, not the whole event).
#[tauri::command]
pub fn undo(state: State<AppState>, event_id: String) -> CmdResult<Ascii<EditResult>> {
    step(&state, &event_id, true).map(Ascii)
}

/// Redoes the last undone edit; answers like an edit.
#[tauri::command]
pub fn redo(state: State<AppState>, event_id: String) -> CmdResult<Ascii<EditResult>> {
    step(&state, &event_id, false).map(Ascii)
}

fn step(state: &AppState, event_id: &str, back: bool) -> CmdResult<EditResult> {
    state.with(|s| {
        let h = s.history.entry(event_id.to_string()).or_default();
        let now = s.store.history_step(event_id, h, back)?;
        let view = match now {
            Some(data) => built(s, data),
            None => built(s, s.store.load_shared(event_id)?),
        };
        Ok(answered(s, view, None))
    })
}
