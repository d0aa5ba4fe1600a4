//! What the shell keeps between commands: the open store, the UI language and one undo/redo
//! history per event.

use chrono::{DateTime, Utc};
use showcall_core::cues::CueKind;
use showcall_core::error::{ErrorPayload, Result};
use showcall_core::history::History;
use showcall_core::i18n::Lang;
use showcall_core::scheduler::Rehearsal;
use showcall_core::{demo, Store};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// Shared by every command (Tauri's managed state).
pub struct AppState {
    inner: Mutex<Inner>,
    /// Wakes the scheduler when a command may have changed what is due next.
    wake: tokio::sync::Notify,
}

pub struct Inner {
    pub store: Store,
    pub lang: Lang,
    pub history: HashMap<String, History>,
    /// The event whose cues are notified (the one open in the live view).
    pub live: Option<String>,
    /// The scheduler's last real tick for `live`.
    pub last_tick: Option<DateTime<Utc>>,
    pub rehearsal: Option<Rehearsal>,
    pub speaker: Speaker,
    /// Cue kinds whose notifications are muted (do not disturb).
    pub muted: Vec<CueKind>,
    /// Whether notifications come with the chime.
    pub sound: bool,
    /// A handoff package opened and verified, waiting for the user's go (and its picks).
    pub pending: Option<showcall_exchange::read::Opened>,
}

/// What the speaker timer window follows.
#[derive(Default)]
pub struct Speaker {
    pub event_id: Option<String>,
    pub stage_id: Option<String>,
    pub message: String,
}

const LANG_KEY: &str = "ui.lang";
const DEMO_KEY: &str = "demo.loaded";
const LIVE_KEY: &str = "live.event";
const LAST_TICK_KEY: &str = "live.last_tick";
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
        Ok(AppState {
            inner: Mutex::new(Inner {
                store,
                lang,
                history: HashMap::new(),
                live,
                last_tick,
                rehearsal: None,
                speaker: Speaker::default(),
                muted,
                sound,
                pending: None,
            }),
            wake: tokio::sync::Notify::new(),
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
        self.wake.notify_one();
    }

    /// Locks the state without waking the scheduler (the scheduler's own use, and the
    /// once-a-second polls, which read and change nothing the scheduler depends on).
    pub fn lock_quiet(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` on the state (locked, waking the scheduler) and maps its error for the window.
    pub fn with<T>(&self, f: impl FnOnce(&mut Inner) -> Result<T>) -> Result<T, ErrorPayload> {
        let mut s = self.lock();
        f(&mut s).map_err(|e| s.err(e))
    }

    /// Resolves when a command has locked the state since the last call.
    pub async fn woken(&self) {
        self.wake.notified().await
    }
}

impl Inner {
    /// Keeps `before` (when there is one) as the event's last undo step.
    pub fn record_undo(&mut self, event_id: &str, before: Option<showcall_core::EventData>) {
        if let Some(before) = before {
            let history = self.history.entry(event_id.to_string()).or_default();
            history.record(before);
        }
    }

    /// Imports the package opened last with the user's picks (all of it or nothing). On a
    /// refusal it stays open, so the user may pick differently and try again; once imported, the
    /// event's undo steps go (they would bring back the other version).
    pub fn import_pending(
        &mut self,
        resolution: &showcall_core::merge::Resolution,
        now: DateTime<Utc>,
    ) -> Result<showcall_core::handoff::Imported, showcall_exchange::Error> {
        let opened = self
            .pending
            .take()
            .ok_or(showcall_exchange::Error::NothingOpen)?;
        let done = showcall_exchange::import::apply(&mut self.store, &opened, resolution, now);
        match done {
            Ok(_) => {
                self.history.remove(&opened.data.event.id);
            }
            Err(_) => self.pending = Some(opened),
        }
        done
    }

    /// Maps a core error to the `{code, message, field}` payload in the UI language.
    pub fn err(&self, e: showcall_core::Error) -> ErrorPayload {
        e.payload(self.lang)
    }

    /// Makes `event_id` the event whose cues are notified.
    pub fn arm(&mut self, event_id: &str) -> Result<()> {
        if self.live.as_deref() != Some(event_id) {
            self.store.load(event_id)?;
            self.store.set_setting(LIVE_KEY, event_id)?;
            self.live = Some(event_id.to_string());
            self.last_tick = None;
        }
        Ok(())
    }

    /// Remembers the last real tick (so a restart knows what it missed).
    pub fn save_tick(&mut self, at: DateTime<Utc>) -> Result<()> {
        self.last_tick = Some(at);
        self.store.set_setting(LAST_TICK_KEY, &at.to_rfc3339())
    }

    /// Mutes notifications of these cue kinds (and unmutes the others).
    pub fn set_muted(&mut self, kinds: Vec<CueKind>) -> Result<()> {
        let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
        self.store.set_setting(MUTED_KEY, &codes.join(","))?;
        self.muted = kinds;
        Ok(())
    }

    /// Turns the chime on or off.
    pub fn set_sound(&mut self, on: bool) -> Result<()> {
        self.store
            .set_setting(SOUND_KEY, if on { "1" } else { "0" })?;
        self.sound = on;
        Ok(())
    }

    pub fn set_lang(&mut self, lang: Lang) -> Result<()> {
        self.store.set_setting(LANG_KEY, lang.tag())?;
        self.lang = lang;
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
