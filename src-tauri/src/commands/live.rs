//! The live show: the snapshot the live view asks for, one-key actions, rehearsal, and the
//! speaker timer window. The windows ask again only when told: `day-changed`/`event-changed`
//! (the database moved, see `watch`), `live-changed` (what lives in memory here moved: the
//! rehearsal, the timer's stage and message), or at the snapshot's `valid_until`.

use super::{Ascii, CmdResult};
use crate::state::{AppState, Inner};
use chrono::{DateTime, Utc};
use showcall_core::cues::CueState;
use showcall_core::i18n;
use showcall_core::live::{LiveSnapshot, SpeakerTimer};
use showcall_core::scheduler::Rehearsal;
use showcall_core::service::day::{self, Day, End};
use showcall_core::service::share;
use showcall_core::Error;
use tauri::{AppHandle, Emitter, Manager, State};

/// Told to the windows when what the live commands keep in memory changed (the rehearsal, its
/// day, the speaker timer's stage or message): the timer window asks again.
const LIVE_CHANGED: &str = "live-changed";

fn tell_windows(app: &AppHandle) {
    let _ = app.emit(LIVE_CHANGED, ());
    // The network views follow too.
    crate::share::nudge(app);
}

/// A snapshot taken at wall-clock `wall` on the rehearsal's clock gets its speed and its
/// `valid_until` on the wall clock.
fn on_clock(
    snap: LiveSnapshot,
    rehearsal: Option<&Rehearsal>,
    wall: DateTime<Utc>,
) -> LiveSnapshot {
    match rehearsal {
        Some(r) if snap.rehearsal && r.event_id == snap.event_id => {
            snap.on_rehearsal_clock(r.speed, wall)
        }
        _ => snap,
    }
}

/// The snapshot on the clock that applies to this event (rehearsal or real).
pub fn snapshot(s: &Inner, event_id: &str) -> showcall_core::Result<LiveSnapshot> {
    let rehearsal = s.rehearsal();
    let wall = Utc::now();
    day::snapshot(&s.store, rehearsal.as_ref(), event_id, wall)
        .map(|snap| on_clock(snap, rehearsal.as_ref(), wall))
}

/// Runs a live control on the day of `event_id` (its rehearsal, or the real one), for the actor
/// using this copy, and answers the snapshot after it.
fn on_day(
    s: &mut Inner,
    event_id: &str,
    control: impl FnOnce(&mut Day) -> showcall_core::Result<()>,
) -> showcall_core::Result<LiveSnapshot> {
    let actor = s.store.actor();
    let handle = s.rehearsal_handle();
    let mut rehearsal = handle.lock().unwrap_or_else(|p| p.into_inner());
    let mut day = Day::of(&mut s.store, rehearsal.as_mut(), event_id, actor);
    control(&mut day)?;
    let wall = Utc::now();
    let snap = day.snapshot(wall)?;
    Ok(on_clock(snap, rehearsal.as_ref(), wall))
}

/// The live view's snapshot. `cues_tag` is the tag of the cue list the view holds: when it is
/// still current the list is left out of the answer.
#[tauri::command]
pub fn live_view(
    state: State<AppState>,
    event_id: String,
    cues_tag: Option<String>,
) -> CmdResult<Ascii<LiveSnapshot>> {
    // A read: it wakes the scheduler only when it arms another event.
    let mut s = state.lock_quiet();
    let r = s.arm(&event_id).and_then(|armed| {
        if armed {
            state.wake();
        }
        snapshot(&s, &event_id)
    });
    r.map(|snap| Ascii(snap.since(cues_tag.as_deref())))
        .map_err(|e| s.err(e))
}

#[tauri::command]
pub fn mark_cue(
    app: AppHandle,
    app_state: State<AppState>,
    event_id: String,
    key: String,
    state: CueState,
) -> CmdResult<Ascii<LiveSnapshot>> {
    let mut s = app_state.lock();
    let r = on_day(&mut s, &event_id, |day| day.mark(&key, state, Utc::now()));
    told(&app, r).map(Ascii).map_err(|e| s.err(e))
}

/// `sessionId: null` delays the whole stage from now on.
#[tauri::command]
pub fn apply_delay(
    app: AppHandle,
    state: State<AppState>,
    event_id: String,
    stage_id: String,
    session_id: Option<String>,
    minutes: i64,
) -> CmdResult<Ascii<LiveSnapshot>> {
    let mut s = state.lock();
    let r = on_day(&mut s, &event_id, |day| {
        day.delay(&stage_id, session_id.as_deref(), minutes, Utc::now())
            .map(drop)
    });
    told(&app, r).map(Ascii).map_err(|e| s.err(e))
}

/// Records the clock's current instant as the session's actual start or end.
#[tauri::command]
pub fn record_actual(
    app: AppHandle,
    state: State<AppState>,
    event_id: String,
    session_id: String,
    which: String,
) -> CmdResult<Ascii<LiveSnapshot>> {
    let mut s = state.lock();
    let r = on_day(&mut s, &event_id, |day| {
        let end = End::parse(&which)?;
        day.actual(&session_id, end, Utc::now()).map(drop)
    });
    told(&app, r).map(Ascii).map_err(|e| s.err(e))
}

/// `from`: RFC 3339 UTC instant the rehearsal clock starts at; `speed`: 1–60.
#[tauri::command]
pub fn start_rehearsal(
    app: AppHandle,
    state: State<AppState>,
    event_id: String,
    from: String,
    speed: f64,
) -> CmdResult<Ascii<LiveSnapshot>> {
    let mut s = state.lock();
    let actor = s.store.actor();
    let r = day::rehearse(&s.store, actor, &event_id, &from, speed, Utc::now());
    let r = r.and_then(|r| {
        *s.rehearsal() = Some(r);
        s.arm(&event_id).and_then(|_| snapshot(&s, &event_id))
    });
    told(&app, r).map(Ascii).map_err(|e| s.err(e))
}

#[tauri::command]
pub fn stop_rehearsal(app: AppHandle, state: State<AppState>) {
    *state.lock().rehearsal() = None;
    tell_windows(&app);
}

/// `stageId: null` lets the timer follow the stage on air.
#[tauri::command]
pub fn open_speaker_timer(
    app: AppHandle,
    state: State<AppState>,
    event_id: String,
    stage_id: Option<String>,
) -> CmdResult<()> {
    let mut s = state.lock();
    s.speaker.event_id = Some(event_id);
    s.speaker.stage_id = stage_id;
    tell_windows(&app);
    let title = i18n::speaker_timer_title(s.lang);
    super::window::show_speaker_timer(&app, title).map_err(|e| s.err(e))
}

/// The event the speaker timer window shows: the one it was opened on, else the live one.
fn timer_event(s: &Inner) -> showcall_core::Result<String> {
    let live = s.cues().live.clone();
    s.speaker.event_id.clone().or(live).ok_or(Error::NotFound {
        kind: "event",
        id: String::new(),
    })
}

#[tauri::command]
pub fn speaker_timer(state: State<AppState>) -> CmdResult<SpeakerTimer> {
    // Read by the timer window when told something changed: no need to wake the scheduler.
    let s = state.lock_quiet();
    let r = timer_event(&s).and_then(|event_id| {
        let snap = snapshot(&s, &event_id)?;
        let signals = share::Signals::of(&s.store, &event_id)?;
        Ok(share::speaker_timer(
            &snap,
            &signals,
            s.speaker.stage_id.as_deref(),
        ))
    });
    r.map_err(|e| s.err(e))
}

/// Sends a line to the speaker timer: the timer window's stage (every stage when it follows
/// the stage on air), and every network view of that stage. An empty `text` clears it.
#[tauri::command]
pub fn send_speaker_message(app: AppHandle, state: State<AppState>, text: String) -> CmdResult<()> {
    let mut s = state.lock_quiet();
    let actor = s.store.actor();
    let stage = s.speaker.stage_id.clone();
    let r = timer_event(&s).and_then(|event_id| {
        share::send_message(
            &mut s.store,
            actor,
            &event_id,
            stage.as_deref(),
            &text,
            share::Source::Window,
            Utc::now(),
        )
    });
    told(&app, r).map(drop).map_err(|e| s.err(e))
}

/// Blacks out the speaker timer (the window's stage, or every stage), or lifts it.
#[tauri::command]
pub fn set_timer_blackout(app: AppHandle, state: State<AppState>, on: bool) -> CmdResult<()> {
    let mut s = state.lock_quiet();
    let actor = s.store.actor();
    let stage = s.speaker.stage_id.clone();
    let r = timer_event(&s).and_then(|event_id| {
        share::blackout(
            &mut s.store,
            actor,
            &event_id,
            stage.as_deref(),
            on,
            share::Source::Window,
            Utc::now(),
        )
    });
    told(&app, r).map_err(|e| s.err(e))
}

/// A live control's result, the windows told when it succeeded (a rehearsal's day lives in
/// memory: no database change tells them).
fn told<T>(app: &AppHandle, r: showcall_core::Result<T>) -> showcall_core::Result<T> {
    if r.is_ok() {
        tell_windows(app);
    }
    r
}

/// Planned vs actual times, cue tallies and support hours of an event.
#[tauri::command]
pub fn report(
    state: State<AppState>,
    event_id: String,
) -> CmdResult<Ascii<showcall_core::report::Report>> {
    let s = state.lock();
    s.store.report(&event_id).map(Ascii).map_err(|e| s.err(e))
}

/// Where the webview loads a stored file from (images only; `thumb` for a video's still).
/// Served by the app's `showcall-file` protocol from the data folder, never from elsewhere.
#[tauri::command]
pub fn toggle_timer_fullscreen(app: AppHandle) {
    if let Some(w) = app.get_webview_window("speaker-timer") {
        let full = w.is_fullscreen().unwrap_or(false);
        let _ = w.set_fullscreen(!full);
        crate::windows::save_soon(&app);
    }
}
