//! The cue scheduler: a tokio task that asks the core what became due since the last tick (by
//! the wall clock, never by adding up sleeps) and sends each through the OS notification
//! service. It sleeps until the next cue falls due (so a notification leaves within a few
//! milliseconds of its instant), a second at most (so a clock jump or a sleep is seen at once),
//! and wakes early when a command may have changed the timeline. Real cues are recorded as sent in the database before they go out,
//! so none is sent twice, even across a restart; a gap (sleep, clock jump) arrives as one
//! "missed" summary. A rehearsal runs the same on its simulated clock, tagged, in memory.

use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use showcall_core::cues::CueKind;
use showcall_core::i18n::Lang;
use showcall_core::live::{self, NotificationText};
use showcall_core::scheduler::Fired;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

/// The longest the scheduler sleeps between looks (well under `cues::GAP`).
const MAX_SLEEP: std::time::Duration = std::time::Duration::from_secs(1);
/// How often the last real tick is saved when nothing fires.
const SAVE_EVERY: Duration = Duration::seconds(15);

/// Starts the scheduler for the app's lifetime.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        loop {
            let (outgoing, next) = tick(&app);
            for n in &outgoing {
                send(&app, n);
            }
            // The chime is played by the main window's page (it has the audio stack), hidden or not.
            if !outgoing.is_empty() && app.state::<AppState>().lock_quiet().sound {
                let _ = app.emit_to("main", "cue-chime", outgoing.len());
            }
            let wait = next.map_or(MAX_SLEEP, |n| until(n, Utc::now()));
            let state = app.state::<AppState>();
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = state.woken() => {}
            }
        }
    });
}

/// How long to sleep before looking again for something due at `next`: until then, at once if
/// that instant has already passed (the look itself took time), and never over `MAX_SLEEP`.
fn until(next: DateTime<Utc>, now: DateTime<Utc>) -> std::time::Duration {
    (next - now)
        .to_std()
        .unwrap_or(std::time::Duration::ZERO)
        .min(MAX_SLEEP)
}

/// One look: what to send now, and the wall-clock instant of the next cue (real or rehearsed).
fn tick<R: Runtime>(app: &AppHandle<R>) -> (Vec<NotificationText>, Option<DateTime<Utc>>) {
    let state = app.state::<AppState>();
    let mut s = state.lock_quiet();
    let lang = s.lang;
    let wall = Utc::now();
    let mut out = Vec::new();
    let mut next: Option<DateTime<Utc>> = None;
    let mut soonest = |t: Option<DateTime<Utc>>| {
        if let Some(t) = t {
            next = Some(next.map_or(t, |n| n.min(t)));
        }
    };

    if let Some(event_id) = s.live.clone() {
        let last = s.last_tick.unwrap_or(wall);
        match s.store.tick(&event_id, last, wall) {
            Ok(fired) => {
                soonest(fired.next);
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
        let inner = &mut *s;
        if let (Ok(data), Some(r)) = (inner.store.load(&event_id), inner.rehearsal.as_mut()) {
            let fired = r.tick(&data, wall);
            soonest(fired.next);
            out.extend(texts(&fired, lang, true, &s.muted));
        }
    }
    (out, next)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_due_now_or_just_past_is_looked_at_at_once() {
        let now = Utc::now();
        let ms = |n: i64| now + Duration::milliseconds(n);
        assert_eq!(until(ms(250), now), std::time::Duration::from_millis(250));
        assert_eq!(until(now, now), std::time::Duration::ZERO);
        // Already past (the look took a few ms): no full-second sleep.
        assert_eq!(until(ms(-3), now), std::time::Duration::ZERO);
        assert_eq!(until(ms(60_000), now), MAX_SLEEP);
    }
}
