//! The cue scheduler: a tokio task that, a few times a second, asks the core what became due
//! since the last tick (by the wall clock, never by adding up sleeps) and sends each through the
//! OS notification service. Real cues are recorded as sent in the database before they go out,
//! so none is sent twice, even across a restart; a gap (sleep, clock jump) arrives as one
//! "missed" summary. A rehearsal runs the same on its simulated clock, tagged, in memory.

use crate::state::AppState;
use chrono::{Duration, Utc};
use showcall_core::cues::CueKind;
use showcall_core::i18n::Lang;
use showcall_core::live::{self, NotificationText};
use showcall_core::scheduler::Fired;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

/// How often the scheduler looks.
const TICK: std::time::Duration = std::time::Duration::from_millis(250);
/// How often the last real tick is saved when nothing fires.
const SAVE_EVERY: Duration = Duration::seconds(15);

/// Starts the scheduler for the app's lifetime.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut interval = tokio::time::interval(TICK);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            let outgoing = tick(&app);
            for n in &outgoing {
                send(&app, n);
            }
            // The chime is played by the main window's page (it has the audio stack), hidden or not.
            if !outgoing.is_empty() && app.state::<AppState>().lock().sound {
                let _ = app.emit_to("main", "cue-chime", outgoing.len());
            }
        }
    });
}

fn tick<R: Runtime>(app: &AppHandle<R>) -> Vec<NotificationText> {
    let state = app.state::<AppState>();
    let mut s = state.lock();
    let lang = s.lang;
    let wall = Utc::now();
    let mut out = Vec::new();

    if let Some(event_id) = s.live.clone() {
        let last = s.last_tick.unwrap_or(wall);
        match s.store.tick(&event_id, last, wall) {
            Ok(fired) => {
                let any = !fired.cues.is_empty() || !fired.missed.is_empty();
                out.extend(texts(&fired, lang, false, &s.muted));
                if any || s.last_tick.is_none_or(|t| wall - t >= SAVE_EVERY) {
                    let _ = s.save_tick(wall);
                } else if wall > last {
                    s.last_tick = Some(wall);
                }
            }
            Err(e) => eprintln!("showcall: scheduler: {}", e.message(Lang::En)),
        }
    }

    let rehearsal_event = s.rehearsal.as_ref().map(|r| r.event_id.clone());
    if let Some(event_id) = rehearsal_event {
        if let Ok(data) = s.store.load(&event_id) {
            let fired = s.rehearsal.as_mut().unwrap().tick(&data, wall);
            out.extend(texts(&fired, lang, true, &s.muted));
        }
    }
    out
}

/// The notifications for what fired, leaving out muted kinds (still recorded as sent).
fn texts(fired: &Fired, lang: Lang, rehearsal: bool, muted: &[CueKind]) -> Vec<NotificationText> {
    let mut out: Vec<NotificationText> = fired
        .cues
        .iter()
        .filter(|(cue, _)| !muted.contains(&cue.kind))
        .map(|(cue, phase)| live::notification(cue, *phase, lang, rehearsal))
        .collect();
    let missed: Vec<_> = fired
        .missed
        .iter()
        .filter(|c| !muted.contains(&c.kind))
        .collect();
    if !missed.is_empty() {
        out.push(live::missed_summary(&missed, lang, rehearsal));
    }
    out
}

fn send<R: Runtime>(app: &AppHandle<R>, n: &NotificationText) {
    if let Err(e) = app
        .notification()
        .builder()
        .title(&n.title)
        .body(&n.body)
        .show()
    {
        eprintln!("showcall: notification not shown: {e}");
    }
}
