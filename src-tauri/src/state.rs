//! What the shell keeps between commands: the open store, the UI language and one undo/redo
//! history per event ([`Inner`], locked by one command at a time), and apart from it what the
//! cue scheduler reads ([`Cues`], locked only for a moment, never across a load or a write of
//! the database), so that no command, however long, makes a cue late.

use chrono::{DateTime, Utc};
use showcall_core::cues::CueKind;
use showcall_core::error::{ErrorPayload, Result};
use showcall_core::history::History;
use showcall_core::i18n::Lang;
use showcall_core::scheduler::Rehearsal;
use showcall_core::{demo, Store};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// Shared by every command (Tauri's managed state).
pub struct AppState {
    inner: Mutex<Inner>,
    cues: Arc<Mutex<Cues>>,
    rehearsal: Rehearsing,
    /// Wakes the scheduler when a command may have changed what is due next.
    wake: Arc<Waker>,
    /// The database file (the scheduler and long jobs open connections of their own to it).
    pub path: std::path::PathBuf,
    /// The scheduler's last real tick when the app started (it owns it from then on).
    pub last_tick: Option<DateTime<Utc>>,
    /// The long jobs running, by the id the window gave them (to cancel them).
    pub jobs: Mutex<Jobs>,
}

/// The long jobs running, by the id the window gave them, and the ids cancelled before their
/// job started (the window's Cancel can overtake the command that starts the job).
#[derive(Default)]
pub struct Jobs {
    running: HashMap<String, showcall_core::job::Job>,
    early: std::collections::VecDeque<String>,
}

impl Jobs {
    /// How many early cancellations are remembered (ids of jobs that never came are dropped).
    const EARLY: usize = 32;

    /// `job` starts under `id`; cancelled at once when its Cancel came first.
    pub fn start(&mut self, id: &str, job: &showcall_core::job::Job) {
        if let Some(i) = self.early.iter().position(|e| e == id) {
            self.early.remove(i);
            job.cancel();
        }
        self.running.insert(id.to_string(), job.clone());
    }

    /// The job under `id` ended.
    pub fn end(&mut self, id: &str) {
        self.running.remove(id);
    }

    /// Cancels the job under `id`, or remembers it for when that job starts.
    pub fn cancel(&mut self, id: &str) {
        match self.running.get(id) {
            Some(job) => job.cancel(),
            None => {
                if self.early.len() == Self::EARLY {
                    self.early.pop_front();
                }
                self.early.push_back(id.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Jobs;
    use showcall_core::job::Job;

    #[test]
    fn a_cancel_that_comes_before_its_job_still_cancels_it() {
        let mut jobs = Jobs::default();
        jobs.cancel("agenda-1");
        let (early, other) = (Job::none(), Job::none());
        jobs.start("agenda-2", &other);
        jobs.start("agenda-1", &early);
        assert!(early.is_cancelled());
        assert!(!other.is_cancelled());
        jobs.cancel("agenda-2");
        assert!(other.is_cancelled());
        // Remembered once: a later job under the same id is not cancelled by it.
        jobs.end("agenda-1");
        let again = Job::none();
        jobs.start("agenda-1", &again);
        assert!(!again.is_cancelled());
    }

    #[test]
    fn early_cancels_of_jobs_that_never_come_are_bounded() {
        let mut jobs = Jobs::default();
        for i in 0..100 {
            jobs.cancel(&format!("gone-{i}"));
        }
        assert_eq!(jobs.early.len(), Jobs::EARLY);
        let last = Job::none();
        jobs.start("gone-99", &last);
        assert!(last.is_cancelled());
    }
}

pub struct Inner {
    pub store: Store,
    pub lang: Lang,
    pub history: HashMap<String, History>,
    pub speaker: Speaker,
    /// A handoff package opened and verified, waiting for the user's go (and its picks).
    pub pending: Option<showcall_exchange::read::Opened>,
    /// The view of the event last sent to the main window: the next edit answers with what
    /// changed from it.
    pub shown: std::cell::RefCell<Option<showcall_core::view::EventView>>,
    cues: Arc<Mutex<Cues>>,
    rehearsal: Rehearsing,
}

/// The rehearsal running, if any: its own lock, so that a live control in a rehearsal never
/// holds back the real day's cues (only the rehearsal's, for the length of the control).
pub type Rehearsing = Arc<Mutex<Option<Rehearsal>>>;

/// What the cue scheduler reads at each tick. Held for a moment at a time: copy out, or change
/// a value, never load or write the database while holding it.
pub struct Cues {
    /// The event whose cues are notified (the one open in the live view).
    pub live: Option<String>,
    /// Cue kinds whose notifications are muted (do not disturb).
    pub muted: Vec<CueKind>,
    /// Whether notifications come with the chime.
    pub sound: bool,
    pub lang: Lang,
}

/// Wakes the scheduler's thread early (a condition variable with a flag, so a wake between two
/// waits is not lost).
#[derive(Default)]
pub struct Waker {
    woken: Mutex<bool>,
    cv: Condvar,
}

impl Waker {
    pub fn wake(&self) {
        *self.woken.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.cv.notify_one();
    }

    /// Sleeps for `most` at most, less when woken.
    pub fn sleep(&self, most: std::time::Duration) {
        let woken = self.woken.lock().unwrap_or_else(|p| p.into_inner());
        let (mut woken, _) = self
            .cv
            .wait_timeout_while(woken, most, |w| !*w)
            .unwrap_or_else(|p| p.into_inner());
        *woken = false;
    }
}

/// What the speaker timer window follows.
#[derive(Default)]
pub struct Speaker {
    pub event_id: Option<String>,
    pub stage_id: Option<String>,
}

const LANG_KEY: &str = "ui.lang";
const DEMO_KEY: &str = "demo.loaded";
const LIVE_KEY: &str = "live.event";
/// The scheduler's last real tick (so a restart knows what it missed).
pub const LAST_TICK_KEY: &str = "live.last_tick";
const MUTED_KEY: &str = "notify.muted";
const SOUND_KEY: &str = "notify.sound";

impl AppState {
    /// Opens the store and loads the demo event the first time a database is used.
    pub fn open(path: &Path) -> Result<AppState> {
        let mut store = Store::open(path)?;
        if store.setting(DEMO_KEY)?.is_none() {
            if store.list_events()?.is_empty() {
                store.insert(&demo::event())?;
            }
            store.set_setting(DEMO_KEY, "1")?;
        }
        let lang = match store.setting(LANG_KEY)? {
            Some(l) => Lang::parse(&l).unwrap_or_default(),
            None => system_lang(),
        };
        // Resume notifying the event that was live, from the last tick before the app stopped:
        // what fell due in between is reported once as missed.
        let live = store.setting(LIVE_KEY)?;
        let last_tick = store
            .setting(LAST_TICK_KEY)?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc));
        let muted = store
            .setting(MUTED_KEY)?
            .map(|s| s.split(',').filter_map(CueKind::from_code).collect())
            .unwrap_or_default();
        let sound = store.setting(SOUND_KEY)?.as_deref() == Some("1");
        let rehearsal: Rehearsing = Arc::default();
        let cues = Arc::new(Mutex::new(Cues {
            live,
            muted,
            sound,
            lang,
        }));
        Ok(AppState {
            inner: Mutex::new(Inner {
                store,
                lang,
                history: HashMap::new(),
                speaker: Speaker::default(),
                pending: None,
                shown: Default::default(),
                cues: cues.clone(),
                rehearsal: rehearsal.clone(),
            }),
            cues,
            rehearsal,
            wake: Arc::new(Waker::default()),
            path: path.to_path_buf(),
            last_tick,
            jobs: Mutex::default(),
        })
    }

    /// Locks the state for one command. The scheduler looks again right after (a delay, an
    /// edit or a rehearsal may have moved the next cue).
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.wake();
        self.lock_quiet()
    }

    /// Makes the scheduler look again now.
    pub fn wake(&self) {
        self.wake.wake();
    }

    /// The scheduler's waker.
    pub fn waker(&self) -> Arc<Waker> {
        self.wake.clone()
    }

    /// The scheduler's handle on what it reads.
    pub fn cues_handle(&self) -> Arc<Mutex<Cues>> {
        self.cues.clone()
    }

    /// The scheduler's handle on the rehearsal.
    pub fn rehearsal_handle(&self) -> Rehearsing {
        self.rehearsal.clone()
    }

    /// What the scheduler reads (locked for a moment only).
    pub fn cues(&self) -> MutexGuard<'_, Cues> {
        self.cues.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Locks the state without waking the scheduler (the once-a-second polls, which read and
    /// change nothing the scheduler depends on).
    pub fn lock_quiet(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The errors last shown to the user in this run, oldest first.
    pub fn recent_errors(&self) -> Vec<String> {
        crate::diag::RECENT.lines()
    }

    /// Runs `f` on the state (locked, waking the scheduler) and maps its error for the window.
    pub fn with<T>(&self, f: impl FnOnce(&mut Inner) -> Result<T>) -> Result<T, ErrorPayload> {
        let mut s = self.lock();
        f(&mut s).map_err(|e| s.err(e))
    }

    /// Takes the package opened last, to import it (`nothing open` when there is none).
    pub fn take_pending(&self) -> Result<showcall_exchange::read::Opened, ErrorPayload> {
        let mut s = self.lock_quiet();
        let lang = s.lang;
        s.pending.take().ok_or_else(|| {
            crate::diag::shown(|l| showcall_exchange::Error::NothingOpen.payload(l), lang)
        })
    }

    /// After an import of the package `opened`: once imported, the event's undo steps go (they
    /// would bring back the other version); on a refusal it stays open, so the user may pick
    /// differently and try again.
    pub fn settle_import<T>(
        &self,
        opened: showcall_exchange::read::Opened,
        done: Result<T, showcall_exchange::Error>,
    ) -> Result<T, ErrorPayload> {
        let mut s = self.lock();
        match done {
            Ok(done) => {
                s.history.remove(&opened.data.event.id);
                Ok(done)
            }
            Err(e) => {
                s.pending = Some(opened);
                Err(crate::diag::shown(|l| e.payload(l), s.lang))
            }
        }
    }
}

impl Inner {
    /// Keeps what a write changed (when it changed an event that was there) as the event's
    /// last undo step.
    pub fn record_undo(&mut self, event_id: &str, patch: Option<showcall_core::history::Patch>) {
        if let Some(patch) = patch {
            let history = self.history.entry(event_id.to_string()).or_default();
            history.record(patch);
        }
    }

    /// Maps a core error to the `{code, message, field}` payload in the UI language (logged,
    /// and kept for the diagnostics).
    pub fn err(&self, e: showcall_core::Error) -> ErrorPayload {
        crate::diag::shown(|l| e.payload(l), self.lang)
    }

    /// What the scheduler reads (locked for a moment only; after this state's own lock).
    pub fn cues(&self) -> MutexGuard<'_, Cues> {
        self.cues.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A handle on the rehearsal (to hold it across a borrow of the store).
    pub fn rehearsal_handle(&self) -> Rehearsing {
        self.rehearsal.clone()
    }

    /// The rehearsal running, if any (after this state's own lock).
    pub fn rehearsal(&self) -> MutexGuard<'_, Option<Rehearsal>> {
        self.rehearsal.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Makes `event_id` the event whose cues are notified; true when it was another one (the
    /// scheduler then starts it from now).
    pub fn arm(&mut self, event_id: &str) -> Result<bool> {
        if self.cues().live.as_deref() == Some(event_id) {
            return Ok(false);
        }
        if !self.store.has_event(event_id)? {
            return Err(showcall_core::Error::NotFound {
                kind: "event",
                id: event_id.into(),
            });
        }
        self.store.set_setting(LIVE_KEY, event_id)?;
        self.cues().live = Some(event_id.to_string());
        Ok(true)
    }

    /// Mutes notifications of these cue kinds (and unmutes the others).
    pub fn set_muted(&mut self, kinds: Vec<CueKind>) -> Result<()> {
        let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
        self.store.set_setting(MUTED_KEY, &codes.join(","))?;
        self.cues().muted = kinds;
        Ok(())
    }

    /// Turns the chime on or off.
    pub fn set_sound(&mut self, on: bool) -> Result<()> {
        self.store
            .set_setting(SOUND_KEY, if on { "1" } else { "0" })?;
        self.cues().sound = on;
        Ok(())
    }

    pub fn set_lang(&mut self, lang: Lang) -> Result<()> {
        self.store.set_setting(LANG_KEY, lang.tag())?;
        self.lang = lang;
        self.cues().lang = lang;
        Ok(())
    }
}

fn system_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::parse(v.split(['.', '_']).next().unwrap_or("")))
        .unwrap_or_default()
}
