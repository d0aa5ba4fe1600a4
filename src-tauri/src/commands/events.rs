//! The event list: list, create, duplicate, delete, demo; and opening one event.

use super::CmdResult;
use crate::state::{AppState, Inner};
use showcall_core::model::{new_id, EventSummary, Stage};
use showcall_core::view::{self, EventView};
use showcall_core::{demo, Error};
use tauri::State;

/// The view of one event in the current language, with its undo/redo state.
pub fn view_of(inner: &Inner, id: &str) -> showcall_core::Result<EventView> {
    let data = inner.store.load(id)?;
    let h = inner.history.get(id);
    let steps = view::Steps {
        can_undo: h.is_some_and(|h| h.can_undo()),
        can_redo: h.is_some_and(|h| h.can_redo()),
    };
    let actor = inner.store.actor();
    Ok(view::build(
        data,
        inner.lang,
        actor,
        steps,
        chrono::Utc::now(),
    ))
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
) -> CmdResult<EventView> {
    let mut s = state.lock();
    let mut data = view::new_event(&name, &time_zone, &locale);
    data.stages.push(Stage {
        id: new_id(),
        event_id: data.event.id.clone(),
        name: stage_name.trim().to_string(),
        position: 0,
    });
    let id = data.event.id.clone();
    let r = s.store.insert(&data).and_then(|_| view_of(&s, &id));
    r.map_err(|e| s.err(e))
}

#[tauri::command]
pub fn duplicate_event(state: State<AppState>, id: String) -> CmdResult<Vec<EventSummary>> {
    let mut s = state.lock();
    let r = (|| {
        let src = s.store.load(&id)?;
        let name = match s.lang {
            showcall_core::i18n::Lang::FrCa => format!("{} (copie)", src.event.name),
            showcall_core::i18n::Lang::En => format!("{} (copy)", src.event.name),
        };
        s.store.insert(&view::duplicate(&src, &name))?;
        s.store.list_events()
    })();
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
pub fn load_event(state: State<AppState>, id: String) -> CmdResult<EventView> {
    let s = state.lock();
    view_of(&s, &id).map_err(|e: Error| s.err(e))
}
