//! Edits of an open event, and undo/redo over them.

use super::events::view_of;
use super::CmdResult;
use crate::state::{AppState, Inner};
use showcall_core::service;
use showcall_core::store::Edited;
use showcall_core::view::{EditResult, EventView};
use showcall_core::Edit;
use tauri::State;

#[tauri::command]
pub fn edit_event(state: State<AppState>, event_id: String, edit: Edit) -> CmdResult<EditResult> {
    state.with(|s| {
        let actor = s.store.actor();
        let done = service::edit(&mut s.store, actor, chrono::Utc::now(), &event_id, edit);
        answer(s, &event_id, done)
    })
}

/// Records a done edit for undo and answers with the new view.
pub fn answer(
    s: &mut Inner,
    event_id: &str,
    done: showcall_core::Result<Edited>,
) -> showcall_core::Result<EditResult> {
    let done = done?;
    s.record_undo(event_id, Some(done.before));
    let view = view_of(s, event_id)?;
    Ok(EditResult {
        view,
        created: done.created,
    })
}

#[tauri::command]
pub fn undo(state: State<AppState>, event_id: String) -> CmdResult<EventView> {
    step(&state, &event_id, true)
}

#[tauri::command]
pub fn redo(state: State<AppState>, event_id: String) -> CmdResult<EventView> {
    step(&state, &event_id, false)
}

fn step(state: &AppState, event_id: &str, back: bool) -> CmdResult<EventView> {
    state.with(|s| {
        let h = s.history.entry(event_id.to_string()).or_default();
        s.store.history_step(h, back)?;
        view_of(s, event_id)
    })
}
