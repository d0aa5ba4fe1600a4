//! The live show: the snapshot the live view polls, one-key actions, rehearsal, and the
//! speaker timer window.

use super::CmdResult;
use crate::state::{AppState, Inner};
use chrono::{DateTime, Utc};
use showcall_core::cues::CueState;
use showcall_core::live::{self, LiveSnapshot, SpeakerTimer};
use showcall_core::scheduler::Rehearsal;
use showcall_core::Error;
use tauri::{AppHandle, Manager, State, WebviewUrl, WebviewWindowBuilder};

/// The snapshot on the clock that applies to this event (rehearsal or real).
pub fn snapshot(s: &Inner, event_id: &str) -> showcall_core::Result<LiveSnapshot> {
    let data = s.store.load(event_id)?;
    let wall = Utc::now();
    match s.rehearsal.as_ref().filter(|r| r.event_id == event_id) {
        Some(r) => Ok(live::snapshot(
            &data,
            &r.log,
            r.timeline(&data),
            r.clock(wall),
            true,
        )),
        None => {
            let log = s.store.day_log(event_id)?;
            let cues = s.store.cue_timeline(event_id)?;
            Ok(live::snapshot(&data, &log, cues, wall, false))
        }
    }
}

fn now_for(s: &Inner, event_id: &str) -> DateTime<Utc> {
    match s.rehearsal.as_ref().filter(|r| r.event_id == event_id) {
        Some(r) => r.clock(Utc::now()),
        None => Utc::now(),
    }
}

/// The live view's poll. `cues_tag` is the tag of the cue list the view holds: when it is
/// still current the list is left out of the answer.
#[tauri::command]
pub fn live_view(
    state: State<AppState>,
    event_id: String,
    cues_tag: Option<String>,
) -> CmdResult<LiveSnapshot> {
    // A poll: it wakes the scheduler only when it arms another event.
    let mut s = state.lock_quiet();
    let armed = s.live.clone();
    let r = s
        .arm(&event_id)
        .and_then(|_| snapshot(&s, &event_id))
        .map(|snap| snap.since(cues_tag.as_deref()));
    if s.live != armed {
        state.wake();
    }
    r.map_err(|e| s.err(e))
}

#[tauri::command]
pub fn mark_cue(
    app_state: State<AppState>,
    event_id: String,
    key: String,
    state: CueState,
) -> CmdResult<LiveSnapshot> {
    let cue_state = state;
    let mut s = app_state.lock();
    let wall = Utc::now();
    let r = match s.rehearsal.as_mut().filter(|r| r.event_id == event_id) {
        Some(r) => {
            r.set_cue_state(&key, cue_state, wall);
            Ok(())
        }
        None => s.store.set_cue_state(&event_id, &key, cue_state, wall),
    };
    let r = r.and_then(|_| snapshot(&s, &event_id));
    r.map_err(|e| s.err(e))
}

#[tauri::command]
pub fn apply_delay(
    state: State<AppState>,
    event_id: String,
    stage_id: String,
    session_id: Option<String>,
    minutes: i64,
) -> CmdResult<LiveSnapshot> {
    let mut s = state.lock();
    let from = now_for(&s, &event_id);
    let r = if s.rehearsal.as_ref().is_some_and(|r| r.event_id == event_id) {
        // Same checks as the real day, kept in the rehearsal only.
        let made = s.store.load(&event_id).and_then(|data| {
            showcall_core::cues::make_delay(&data, &stage_id, session_id.as_deref(), minutes, from)
        });
        made.map(|d| s.rehearsal.as_mut().unwrap().log.delays.push(d))
    } else {
        s.store
            .add_delay(&event_id, &stage_id, session_id.as_deref(), minutes, from)
            .map(|_| ())
    };
    let r = r.and_then(|_| snapshot(&s, &event_id));
    r.map_err(|e| s.err(e))
}

#[tauri::command]
pub fn record_actual(
    state: State<AppState>,
    event_id: String,
    session_id: String,
    which: String,
) -> CmdResult<LiveSnapshot> {
    let mut s = state.lock();
    let at = now_for(&s, &event_id);
    let (start, end) = match which.as_str() {
        "start" => (Some(at), None),
        "end" => (None, Some(at)),
        other => {
            let e = Error::invalid(
                "actual.which",
                showcall_core::error::Invalid::Other(format!("“{other}”: start or end")),
            );
            return Err(s.err(e));
        }
    };
    let r = match s.rehearsal.as_mut().filter(|r| r.event_id == event_id) {
        Some(r) => r.log.record_actual(&session_id, start, end).map(|_| ()),
        None => s.store.record_actual(&session_id, start, end).map(|_| ()),
    };
    let r = r.and_then(|_| snapshot(&s, &event_id));
    r.map_err(|e| s.err(e))
}

#[tauri::command]
pub fn start_rehearsal(
    state: State<AppState>,
    event_id: String,
    from: String,
    speed: f64,
) -> CmdResult<LiveSnapshot> {
    let mut s = state.lock();
    let from = match DateTime::parse_from_rfc3339(&from) {
        Ok(t) => t.with_timezone(&Utc),
        Err(_) => {
            let e = Error::invalid(
                "rehearsal.from",
                showcall_core::error::Invalid::BadInstant(from),
            );
            return Err(s.err(e));
        }
    };
    if !(1.0..=60.0).contains(&speed) {
        let e = Error::invalid(
            "rehearsal.speed",
            showcall_core::error::Invalid::OutOfRange(format!("{speed} (1–60)")),
        );
        return Err(s.err(e));
    }
    let r = s.store.load(&event_id).map(|_| ());
    if let Err(e) = r {
        return Err(s.err(e));
    }
    s.rehearsal = Some(Rehearsal::new(&event_id, from, speed, Utc::now()));
    let r = s.arm(&event_id).and_then(|_| snapshot(&s, &event_id));
    r.map_err(|e| s.err(e))
}

#[tauri::command]
pub fn stop_rehearsal(state: State<AppState>) {
    state.lock().rehearsal = None;
}

#[tauri::command]
pub fn open_speaker_timer(
    app: AppHandle,
    state: State<AppState>,
    event_id: String,
    stage_id: Option<String>,
) -> CmdResult<()> {
    {
        let mut s = state.lock();
        s.speaker.event_id = Some(event_id);
        s.speaker.stage_id = stage_id;
    }
    if let Some(w) = app.get_webview_window("speaker-timer") {
        let _ = w.show();
        let _ = w.set_focus();
        return Ok(());
    }
    let title = match state.lock().lang {
        showcall_core::i18n::Lang::FrCa => "Showcall — minuterie du conférencier",
        showcall_core::i18n::Lang::En => "Showcall — speaker timer",
    };
    WebviewWindowBuilder::new(
        &app,
        "speaker-timer",
        WebviewUrl::App("index.html#timer".into()),
    )
    .title(title)
    .inner_size(960.0, 540.0)
    .build()
    .map(|_| ())
    .map_err(|e| showcall_core::error::ErrorPayload {
        code: "window".into(),
        message: e.to_string(),
        field: None,
    })
}

#[tauri::command]
pub fn speaker_timer(state: State<AppState>) -> CmdResult<SpeakerTimer> {
    // Polled by the timer window every second: no need to wake the scheduler.
    let s = state.lock_quiet();
    let Some(event_id) = s.speaker.event_id.clone().or_else(|| s.live.clone()) else {
        return Err(s.err(Error::NotFound {
            kind: "event",
            id: String::new(),
        }));
    };
    let r = snapshot(&s, &event_id)
        .map(|snap| live::speaker_timer(&snap, s.speaker.stage_id.as_deref(), &s.speaker.message));
    r.map_err(|e| s.err(e))
}

#[tauri::command]
pub fn send_speaker_message(state: State<AppState>, text: String) {
    state.lock().speaker.message = text.trim().chars().take(120).collect();
}

#[tauri::command]
pub fn report(
    state: State<AppState>,
    event_id: String,
) -> CmdResult<showcall_core::report::Report> {
    let s = state.lock();
    s.store.report(&event_id).map_err(|e| s.err(e))
}

#[tauri::command]
pub fn toggle_timer_fullscreen(app: AppHandle) {
    if let Some(w) = app.get_webview_window("speaker-timer") {
        let full = w.is_fullscreen().unwrap_or(false);
        let _ = w.set_fullscreen(!full);
    }
}
