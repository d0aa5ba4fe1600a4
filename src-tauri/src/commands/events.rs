//! The event list: list, create, duplicate, delete, demo; and opening one event.

use super::{Ascii, CmdResult};
use crate::state::{AppState, Inner};
use showcall_core::model::{EventSummary, Task};
use showcall_core::service;
use showcall_core::view::{self, EventView};
use showcall_core::view_changes::EditResult;
use showcall_core::{demo, Error};
use std::sync::Arc;
use tauri::State;

/// The view of one event in the current language, with its undo/redo state.
pub fn view_of(inner: &Inner, id: &str) -> showcall_core::Result<EventView> {
    Ok(view_from(inner, inner.store.load_shared(id)?))
}

/// The view of an event as the caller holds it (just written, say), without reading it again;
/// remembered as the one the main window shows, and sent to it without its tasks (the window
/// reads them with [`event_tasks`] when a screen shows them) and, to the analyst, without the
/// findings' customer hints ([`EventView::for_window`]).
pub fn view_from(inner: &Inner, data: Arc<showcall_core::EventData>) -> EventView {
    let view = built(inner, data);
    let sent = view.for_window(inner.store.actor());
    *inner.shown.borrow_mut() = Some(view);
    sent
}

/// The view of an event as the caller holds it, not remembered (see [`answered`]).
pub fn built(inner: &Inner, data: Arc<showcall_core::EventData>) -> EventView {
    let h = inner.history.get(&data.event.id);
    let steps = view::Steps {
        can_undo: h.is_some_and(|h| h.can_undo()),
        can_redo: h.is_some_and(|h| h.can_redo()),
    };
    let actor = inner.store.actor();
    let now = chrono::Utc::now();
    // What did not change since the view the window shows is taken from it (an edit of one
    // segment works out one session's times, not 2,000).
    match inner.shown.borrow().as_ref() {
        Some(shown) => view::rebuild(shown, data, inner.lang, actor, steps, now),
        None => view::build(data, inner.lang, actor, steps, now),
    }
}

/// What changed between the view the main window shows and `view` (the event as it now
/// stands), which becomes the one it shows (moved, not copied).
pub fn answered(inner: &Inner, view: EventView, created: Option<String>) -> EditResult {
    let shown = inner.shown.borrow_mut().take();
    // As `view_from` sends a view: no tasks, and no customer hints for the analyst.
    let result = EditResult::of(shown.as_ref(), &view, created).for_window(inner.store.actor());
    *inner.shown.borrow_mut() = Some(view);
    result
}

#[tauri::command]
pub fn list_events(state: State<AppState>) -> CmdResult<Vec<EventSummary>> {
    let s = state.lock();
    s.store.list_events().map_err(|e| s.err(e))
}

#[tauri::command]
#[allow(clippy::needless_pass_by_value)]
pub fn create_event(
    state: State<AppState>,
    name: String,
    time_zone: String,
    locale: String,
    stage_name: String,
) -> CmdResult<Ascii<EventView>> {
    let mut s = state.lock();
    let made = service::create_event(&mut s.store, &name, &time_zone, &locale, &stage_name);
    made.and_then(|id| view_of(&s, &id))
        .map(Ascii)
        .map_err(|e| s.err(e))
}

#[tauri::command]
pub fn duplicate_event(state: State<AppState>, id: String) -> CmdResult<Vec<EventSummary>> {
    let mut s = state.lock();
    let lang = s.lang;
    let r = service::duplicate_event(&mut s.store, &id, lang).and_then(|_| s.store.list_events());
    r.map_err(|e| s.err(e))
}

#[tauri::command]
pub fn delete_event(state: State<AppState>, id: String) -> CmdResult<Vec<EventSummary>> {
    let mut s = state.lock();
    let r = s
        .store
        .delete_event(&id)
        .and_then(|_| s.store.list_events());
    if r.is_ok() {
        s.history.remove(&id);
    }
    r.map_err(|e| s.err(e))
}

#[tauri::command]
pub fn load_demo(state: State<AppState>) -> CmdResult<Vec<EventSummary>> {
    let mut s = state.lock();
    let r = s
        .store
        .insert(&demo::event())
        .and_then(|_| s.store.list_events());
    r.map_err(|e| s.err(e))
}

#[tauri::command]
pub fn load_event(state: State<AppState>, id: String) -> CmdResult<Ascii<EventView>> {
    let s = state.lock();
    let view = view_of(&s, &id).map(Ascii).map_err(|e: Error| s.err(e));
    crate::memory::give_back_soon();
    view
}

/// The tasks of the event at `revision`, the one the window shows (views come without them): a
/// `conflict` when the event has changed since, and the window asks again once it has caught up.
#[tauri::command]
pub fn event_tasks(
    state: State<AppState>,
    event_id: String,
    revision: i64,
) -> CmdResult<Ascii<Vec<Task>>> {
    let s = state.lock();
    let read = s.store.load_shared(&event_id).and_then(|d| {
        if d.event.revision == revision {
            Ok(Ascii(d.tasks.to_vec()))
        } else {
            Err(Error::Stale {
                name: d.event.name.clone(),
                seen: revision,
                now: d.event.revision,
            })
        }
    });
    read.map_err(|e| s.err(e))
}
