//! A customer's agenda spreadsheet into an event: preview (mapping and every row as it will be
//! read), then import — all valid rows, or nothing while a row is invalid unless the user agrees.

use super::CmdResult;
use crate::state::{AppState, Inner};
use serde::{Deserialize, Serialize};
use showcall_agenda::{DateOrder, ImportOptions, Prepared};
use showcall_core::error::ErrorPayload;
use showcall_core::EventData;
use tauri::State;

/// Where the rows go: an open event, or a new one.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgendaTarget {
    pub event_id: Option<String>,
    pub new_name: Option<String>,
    pub new_time_zone: Option<String>,
}

/// What an agenda import did.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgendaImported {
    pub event_id: String,
    pub created: bool,
    pub sessions_added: u32,
}

fn failed(message: String) -> ErrorPayload {
    ErrorPayload {
        code: "agenda".into(),
        message,
        field: None,
    }
}

fn prepare(
    s: &Inner,
    path: &str,
    target: &AgendaTarget,
    map: Vec<String>,
    date_order: Option<DateOrder>,
) -> CmdResult<(EventData, bool, Prepared)> {
    let (data, new) = match (&target.event_id, &target.new_name, &target.new_time_zone) {
        (Some(id), _, _) => (s.store.load(id).map_err(|e| s.err(e))?, false),
        (None, Some(name), Some(tz)) => (
            showcall_agenda::new_event(name, tz, s.lang.tag()).map_err(|e| s.err(e))?,
            true,
        ),
        _ => {
            return Err(failed(
                "choose an event, or name the new one and its zone".into(),
            ))
        }
    };
    let bytes = std::fs::read(path).map_err(|e| failed(format!("{path}: {e}")))?;
    let opts = ImportOptions {
        sheet: None,
        map,
        date_order,
        mapping_step: true,
    };
    let prepared = showcall_agenda::prepare(&bytes, &data, &opts)
        .map_err(|e| failed(format!("{path}: {}", e.message(s.lang))))?;
    Ok((data, new, prepared))
}

/// Reads the file and says how every row would be imported. Nothing is written.
#[tauri::command]
pub fn preview_agenda(
    state: State<AppState>,
    path: String,
    target: AgendaTarget,
    map: Vec<String>,
    date_order: Option<DateOrder>,
) -> CmdResult<Prepared> {
    let s = state.lock_quiet();
    prepare(&s, &path, &target, map, date_order).map(|(_, _, p)| p)
}

/// Imports the rows as previewed (read again now): every valid row, or nothing while a row is
/// invalid and `accept_valid` is off. An import into an open event can be undone.
#[tauri::command]
pub fn import_agenda(
    state: State<AppState>,
    path: String,
    target: AgendaTarget,
    map: Vec<String>,
    date_order: Option<DateOrder>,
    accept_valid: bool,
) -> CmdResult<AgendaImported> {
    let mut s = state.lock();
    let (data, new, prepared) = prepare(&s, &path, &target, map, date_order)?;
    let plan = &prepared.plan;
    if let Some(missing) = prepared.mapping.missing.first() {
        return Err(failed(format!(
            "no column for {}: choose one in the mapping",
            missing.code()
        )));
    }
    if !plan.is_clean() && !accept_valid {
        let first = plan
            .errors
            .first()
            .map(|e| e.line(s.lang))
            .unwrap_or_default();
        return Err(failed(format!(
            "{} invalid row(s), nothing imported: {first}",
            plan.counts.invalid
        )));
    }
    let after = showcall_agenda::apply(&data, plan);
    let r = if new {
        s.store.insert(&after)
    } else {
        s.store.replace(&after).map(|_| ())
    };
    r.map_err(|e| s.err(e))?;
    if !new {
        s.history
            .entry(data.event.id.clone())
            .or_default()
            .record(data.clone());
    }
    Ok(AgendaImported {
        event_id: after.event.id,
        created: new,
        sessions_added: plan.counts.to_add,
    })
}
