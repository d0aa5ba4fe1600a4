//! The cue scheduler: a thread of its own, with a connection of its own to the database, that
//! asks the core what became due since the last tick (by the wall clock, never by adding up
//! sleeps) and sends each through the OS notification service. It keeps the live event's cue
//! timeline indexed in memory ([`RealDay`]), rebuilt only when another connection has written
//! to the file, so a tick is a lookup; it never takes the commands' lock, so no command (an
//! edit, a package, an agenda of any size) makes a cue late. It sleeps until the next cue falls
//! due (so a notification leaves within a few milliseconds of its instant), a second at most (so
//! a clock jump or a sleep is seen at once), and wakes early when a command may have changed
//! the timeline. Real cues are recorded as sent in the database as they go out, so none is sent
//! twice, even across a restart; a gap (sleep, clock jump) arrives as one "missed" summary. A
//! rehearsal runs the same on its simulated clock, tagged, in memory.

use crate::state::{AppState, Cues, Rehearsing, LAST_TICK_KEY};
use chrono::{DateTime, Duration, Utc};
use showcall_core::cues::CueKind;
use showcall_core::i18n::Lang;
use showcall_core::live::{self, NotificationText};
use showcall_core::scheduler::{Fired, RealDay};
use showcall_core::{EventData, Store};
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

/// The longest the scheduler sleeps between looks (well under `cues::GAP`).
const MAX_SLEEP: std::time::Duration = std::time::Duration::from_secs(1);
/// How often the last real tick is saved when nothing fires.
const SAVE_EVERY: Duration = Duration::seconds(15);
/// How long the scheduler's writes (what was sent) wait for another connection's: a
/// notification goes out on time whatever the answer, and its record is written later.
const WRITE_WAIT: std::time::Duration = std::time::Duration::from_millis(20);

/// Starts the scheduler for the app's lifetime.
pub fn start<R: Runtime>(app: AppHandle<R>) -> std::io::Result<()> {
    let state = app.state::<AppState>();
    let mut s = Scheduler {
        store: None,
        path: state.path.clone(),
        cues: state.cues_handle(),
        rehearsal: state.rehearsal_handle(),
        real: None,
        last_tick: state.last_tick,
        saved_tick: state.last_tick,
        data: None,
    };
    let waker = state.waker();
    std::thread::Builder::new()
        .name("showcall-cues".into())
        .spawn(move || loop {
            let (sent, next, sound) = s.tick(&app);
            // The chime is played by the main window's page (it has the audio stack), hidden or not.
            if sent > 0 && sound {
                let _ = app.emit_to("main", "cue-chime", sent);
            }
            waker.sleep(next.map_or(MAX_SLEEP, |n| until(n, Utc::now())));
        })
        .map(|_| ())
}

/// The scheduler's own state: its connection, the live event's day, the last tick.
struct Scheduler {
    store: Option<Store>,
    path: std::path::PathBuf,
    cues: Arc<Mutex<Cues>>,
    rehearsal: Rehearsing,
    real: Option<RealDay>,
    last_tick: Option<DateTime<Utc>>,
    saved_tick: Option<DateTime<Utc>>,
    /// The rehearsed event as last read (id, data version).
    data: Option<(String, i64, EventData)>,
}

impl Scheduler {
    fn cues(&self) -> std::sync::MutexGuard<'_, Cues> {
        self.cues.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn rehearsing(&self) -> std::sync::MutexGuard<'_, Option<showcall_core::scheduler::Rehearsal>> {
        self.rehearsal.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Its connection, opened at first use (and again after an error).
    fn store(&mut self) -> Option<&mut Store> {
        if self.store.is_none() {
            match Store::open(&self.path) {
                Ok(store) => {
                    let _ = store.set_busy_timeout(WRITE_WAIT);
                    self.store = Some(store);
                }
                Err(e) => log::error!("scheduler: {}", e.message(Lang::En)),
            }
        }
        self.store.as_mut()
    }

    /// One look: sends what is due (the real day's first), and answers how many went out, the
    /// wall-clock instant of the next cue (real or rehearsed), and whether to chime.
    fn tick<R: Runtime>(&mut self, app: &AppHandle<R>) -> (usize, Option<DateTime<Utc>>, bool) {
        let (live, muted, sound, lang) = {
            let c = self.cues();
            (c.live.clone(), c.muted.clone(), c.sound, c.lang)
        };
        let wall = Utc::now();
        let mut out = Vec::new();
        let mut sent = 0;
        let mut next: Option<DateTime<Utc>> = None;
        let mut soonest = |t: Option<DateTime<Utc>>| {
            if let Some(t) = t {
                next = Some(next.map_or(t, |n| n.min(t)));
            }
        };
        if let Some(event_id) = live {
            if self.real.as_ref().map(RealDay::event_id) != Some(event_id.as_str()) {
                // Another event went live: its cues count from now.
                if self.real.is_some() {
                    self.last_tick = None;
                }
                self.real = Some(RealDay::new(&event_id));
            }
            match self.real_tick(wall) {
                Ok(fired) => {
                    soonest(fired.next);
                    out.extend(texts(&fired, lang, false, &muted));
                }
                Err(e) => {
                    log::error!("scheduler: {}", e.message(Lang::En));
                    self.store = None;
                }
            }
        }
        // The real day's notifications first: the rehearsal's lock may be held by a control.
        for n in &out {
            send(app, n);
        }
        sent += out.len();
        out.clear();
        let rehearsed = self.rehearsing().as_ref().map(|r| r.event_id.clone());
        if let Some(event_id) = rehearsed {
            if let Some(fired) = self.rehearsal_tick(&event_id, wall) {
                soonest(fired.next);
                out.extend(texts(&fired, lang, true, &muted));
            }
        }
        for n in &out {
            send(app, n);
        }
        (sent + out.len(), next, sound)
    }

    fn real_tick(&mut self, wall: DateTime<Utc>) -> showcall_core::Result<Fired> {
        let last = self.last_tick.unwrap_or(wall);
        let mut real = self.real.take();
        let fired = match (self.store(), real.as_mut()) {
            (Some(store), Some(day)) => day.tick(store, last, wall),
            _ => Ok(Fired::default()),
        };
        self.real = real;
        let fired = fired?;
        let any = !fired.cues.is_empty() || !fired.missed.is_empty();
        if wall > last || self.last_tick.is_none() {
            self.last_tick = Some(wall);
        }
        if any || self.saved_tick.is_none_or(|t| wall - t >= SAVE_EVERY) {
            if let Some(store) = self.store() {
                if store.set_setting(LAST_TICK_KEY, &wall.to_rfc3339()).is_ok() {
                    self.saved_tick = Some(wall);
                }
            }
        }
        Ok(fired)
    }

    /// The rehearsal's tick: the event read again only when the file changed; the rehearsal
    /// itself locked only for the tick (a lookup).
    fn rehearsal_tick(&mut self, event_id: &str, wall: DateTime<Utc>) -> Option<Fired> {
        let version = self.store()?.data_version().ok()?;
        let fresh = matches!(&self.data, Some((id, v, _)) if id == event_id && *v == version);
        if !fresh {
            let data = self.store()?.load(event_id).ok()?;
            self.data = Some((event_id.to_string(), version, data));
        }
        let (_, _, data) = self.data.as_ref()?;
        let mut r = self.rehearsal.lock().unwrap_or_else(|p| p.into_inner());
        let r = r.as_mut().filter(|r| r.event_id == event_id)?;
        Some(r.tick(data, wall))
    }
}

/// How long to sleep before looking again for something due at `next`: until then, at once if
/// that instant has already passed (the look itself took time), and never over `MAX_SLEEP`.
fn until(next: DateTime<Utc>, now: DateTime<Utc>) -> std::time::Duration {
    (next - now)
        .to_std()
        .unwrap_or(std::time::Duration::ZERO)
        .min(MAX_SLEEP)
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
        log::warn!(
            "{} cue(s) missed{}: sent as one summary",
            missed.len(),
            if rehearsal { " (rehearsal)" } else { "" }
        );
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
        log::warn!("notification not shown: {} ({e})", n.title);
    } else {
        log::info!("notification sent: {}", n.title);
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
