//! Edits of an open event, and undo/redo over them.

use super::events::view_of;
use super::CmdResult;
use crate::state::{AppState, Inner};
use showcall_core::branding::AssetStatus;
use showcall_core::handoff::MadeBy;
use showcall_core::model::TaskStatus;
use showcall_core::view::{EditResult, EventView};
use showcall_core::Edit;
use tauri::State;

#[tauri::command]
pub fn edit_event(
    state: State<AppState>,
    event_id: String,
    mut edit: Edit,
) -> CmdResult<EditResult> {
    // The shell owns the clock: a task marked done is stamped now.
    if let Edit::UpdateTask {
        status: TaskStatus::Done,
        done_at: at @ None,
        ..
    } = &mut edit
    {
        *at = Some(chrono::Utc::now());
    }
    let mut s = state.lock();
    // Who and when of a checklist change are this machine's to say, not the page's.
    let me = showcall_core::handoff::MadeBy::of(&s.store)
        .code()
        .to_string();
    match &mut edit {
        // The customer's lead delivers; approving and rejecting are the analyst's.
        Edit::SetBrandStatus {
            status: AssetStatus::Approved | AssetStatus::Rejected,
            ..
        } if me == MadeBy::Customer.code() => {
            return Err(s.err(showcall_core::Error::invalid(
                "brandItem.status",
                showcall_core::error::Invalid::Say {
                    en: "the production analyst approves or rejects items".into(),
                    fr: "c’est l’analyste de production qui approuve ou refuse".into(),
                },
            )))
        }
        Edit::SetBrandStatus { by, at, .. } | Edit::RemoveBrandFile { by, at, .. } => {
            *by = me;
            *at = chrono::Utc::now();
        }
        Edit::UpdateBranding { by, at, .. } => {
            *by = Some(me);
            *at = Some(chrono::Utc::now());
        }
        // Only attach_brand_file, which copies and checks the file itself, records one.
        Edit::AttachBrandFile { .. } => {
            return Err(s.err(showcall_core::Error::invalid(
                "brandItem.file",
                showcall_core::error::Invalid::Say {
                    en: "attach files with the Attach button".into(),
                    fr: "joignez les fichiers avec le bouton Joindre".into(),
                },
            )))
        }
        _ => {}
    }
    apply(&mut s, &event_id, &edit)
}

/// Applies an edit, records it for undo, and answers with the new view.
pub fn apply(s: &mut Inner, event_id: &str, edit: &Edit) -> CmdResult<EditResult> {
    match s.store.edit(event_id, edit) {
        Ok(done) => {
            s.history
                .entry(event_id.to_string())
                .or_default()
                .record(done.before);
            let view = view_of(s, event_id).map_err(|e| s.err(e))?;
            Ok(EditResult {
                view,
                created: done.created,
            })
        }
        Err(e) => Err(s.err(e)),
    }
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
    let mut s = state.lock();
    let current = s.store.load(event_id).map_err(|e| s.err(e))?;
    let h = s.history.entry(event_id.to_string()).or_default();
    let target = if back {
        h.undo(current.clone())
    } else {
        h.redo(current.clone())
    };
    if let Some(target) = target {
        if let Err(e) = s.store.replace(&target) {
            // Put the history back as it was: the step did not happen.
            let h = s.history.entry(event_id.to_string()).or_default();
            let _ = if back { h.redo(target) } else { h.undo(target) };
            return Err(s.err(e));
        }
    }
    view_of(&s, event_id).map_err(|e| s.err(e))
}
