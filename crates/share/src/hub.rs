//! What every request and view shares: the server's own database connection, the app it runs
//! in, a generation counter bumped whenever the show may have moved, and one live snapshot per
//! event and generation (a hundred screens on one stage cost one snapshot, not a hundred).

use chrono::{DateTime, Utc};
use showcall_core::live::{self, LiveSnapshot};
use showcall_core::model::DayLog;
use showcall_core::scheduler::Rehearsal;
use showcall_core::service::share::{self, Closing, RunOfShow, Signals};
use showcall_core::store::LinkSet;
use showcall_core::{EventData, Result, Store};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use tokio::sync::watch;

/// What the app running the server provides.
pub trait Host: Send + Sync + 'static {
    /// A copy of the rehearsal running, if any (the app holds its lock only to copy it).
    fn rehearsal(&self) -> Option<Rehearsal>;
    /// Lets the app change the rehearsal running (a control verb during a rehearsal), under
    /// its lock for as long as `f` runs (short: one mark or one delay).
    fn with_rehearsal(&self, f: &mut dyn FnMut(Option<&mut Rehearsal>));
    /// Starts (`Some`) or stops (`None`) a rehearsal of `event_id` from the API: the app keeps
    /// it where its scheduler reads it and notifies that event's cues. Refused (with why) when
    /// another event is live or rehearsing: a control link of one event never takes over
    /// another's day.
    fn rehearse(
        &self,
        event_id: &str,
        rehearsal: Option<Rehearsal>,
    ) -> std::result::Result<(), String>;
    /// Something done through the server changed the show: the app tells its windows and its
    /// scheduler, as after the same action in the window.
    fn changed(&self);
}

/// A view's JSON, and what it says apart from its clock (what decides whether to send it).
pub type Shown = (serde_json::Value, serde_json::Value);

/// One event's live state, as last computed.
#[derive(Clone)]
pub struct Live {
    pub snapshot: Arc<LiveSnapshot>,
    pub signals: Arc<Signals>,
    pub event_name: String,
    /// The event's language: `fr` for a French locale, else `en`.
    pub lang: &'static str,
    /// The wall-clock instant it was computed at.
    pub wall: DateTime<Utc>,
    generation: u64,
    data: Arc<EventData>,
    log: Arc<DayLog>,
    /// The run of show and the closing cues, made when a view first asks (once for all).
    run_of_show: Arc<OnceLock<RunOfShow>>,
    closings: Arc<OnceLock<Vec<Closing>>>,
    /// Each view's JSON made from this state, by what it shows: the screens showing the same
    /// view share one.
    pub views: Arc<Mutex<HashMap<String, Arc<Shown>>>>,
}

impl Live {
    /// The whole day as the log has moved it.
    pub fn run_of_show(&self) -> &RunOfShow {
        self.run_of_show
            .get_or_init(|| share::run_of_show(&self.data, &self.log))
    }

    /// The closing cues of back-to-back sessions.
    pub fn closings(&self) -> &[Closing] {
        self.closings
            .get_or_init(|| share::closings(&self.data, &self.snapshot.cues, &self.log))
    }

    /// The closings a team member (or everyone) sees.
    pub fn closings_for(&self, person: Option<&str>) -> Vec<Closing> {
        share::closings_for(&self.data, self.closings(), person)
    }

    /// Whether it still holds at wall-clock `wall` in `generation`.
    fn holds(&self, generation: u64, wall: DateTime<Utc>) -> bool {
        self.generation == generation && self.snapshot.valid_until_wall.is_none_or(|v| wall < v)
    }
}

pub struct Hub {
    store: Mutex<Store>,
    /// A connection of its own for reading the links: checking tokens (a flood of wrong ones
    /// included) never waits on, nor holds back, the controls' and views' connection.
    links_store: Mutex<Store>,
    /// The links, as read in a generation (a hundred views checking their token after a change
    /// read them once).
    links: Mutex<Option<(u64, std::time::Instant, Arc<LinkSet>)>>,
    pub host: Arc<dyn Host>,
    generation: watch::Sender<u64>,
    pub stopped: watch::Receiver<bool>,
    cache: Mutex<HashMap<String, Live>>,
    /// Held while a live state is computed: the views woken by one change wait for the one
    /// computation instead of each making its own.
    computing: Mutex<()>,
    /// Held while the links are read, for the same reason.
    reading_links: Mutex<()>,
    viewers: AtomicUsize,
}

impl Hub {
    pub fn new(
        store: Store,
        links_store: Store,
        host: Arc<dyn Host>,
        stopped: watch::Receiver<bool>,
    ) -> Hub {
        Hub {
            store: Mutex::new(store),
            links_store: Mutex::new(links_store),
            links: Mutex::new(None),
            host,
            generation: watch::channel(0).0,
            stopped,
            cache: Mutex::new(HashMap::new()),
            computing: Mutex::new(()),
            reading_links: Mutex::new(()),
            viewers: AtomicUsize::new(0),
        }
    }

    /// The server's connection (blocking: call from `spawn_blocking`).
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The links as read in this generation, no older than `max_age`, if so (no waiting).
    pub fn cached_links(&self, max_age: std::time::Duration) -> Option<Arc<LinkSet>> {
        let generation = *self.generation.borrow();
        let links = self.links.lock().unwrap_or_else(|p| p.into_inner());
        links
            .as_ref()
            .filter(|(g, at, _)| *g == generation && at.elapsed() <= max_age)
            .map(|(_, _, l)| l.clone())
    }

    /// The links as they stand, read again when older than `max_age` (blocking on a miss: call
    /// from `spawn_blocking`). The views woken by one change share one read.
    pub fn links(&self, max_age: std::time::Duration) -> Result<Arc<LinkSet>> {
        if let Some(l) = self.cached_links(max_age) {
            return Ok(l);
        }
        let _reading = self.reading_links.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(l) = self.cached_links(max_age) {
            return Ok(l);
        }
        self.read_links()
    }

    /// The links read after `since` (a token they did not know when its request came): the
    /// requests arriving together share one read.
    pub fn links_since(&self, since: std::time::Instant) -> Result<Arc<LinkSet>> {
        let _reading = self.reading_links.lock().unwrap_or_else(|p| p.into_inner());
        let generation = *self.generation.borrow();
        if let Some((g, at, l)) = self
            .links
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
        {
            if *g == generation && *at >= since {
                return Ok(l.clone());
            }
        }
        self.read_links()
    }

    /// Reads the links on their own connection (under `reading_links`).
    fn read_links(&self) -> Result<Arc<LinkSet>> {
        let generation = *self.generation.borrow();
        let at = std::time::Instant::now();
        let set = Arc::new(
            self.links_store
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .share_link_set()?,
        );
        *self.links.lock().unwrap_or_else(|p| p.into_inner()) = Some((generation, at, set.clone()));
        Ok(set)
    }

    /// The live state of `event_id`, if one computed for this generation holds at `wall`
    /// (no waiting).
    pub fn cached_live(&self, event_id: &str, wall: DateTime<Utc>) -> Option<Live> {
        let generation = *self.generation.borrow();
        self.cached(event_id).filter(|l| l.holds(generation, wall))
    }

    pub fn poke(&self) {
        self.generation.send_modify(|g| *g += 1);
    }

    pub fn generations(&self) -> watch::Receiver<u64> {
        self.generation.subscribe()
    }

    pub fn viewers(&self) -> usize {
        self.viewers.load(Ordering::Relaxed)
    }

    /// Counts a view in for as long as the guard lives.
    pub fn viewing(self: &Arc<Self>) -> Viewing {
        self.viewers.fetch_add(1, Ordering::Relaxed);
        Viewing(self.clone())
    }

    /// The live state of `event_id` at wall-clock `wall`: the one computed for this generation
    /// while it holds, else computed again (blocking: call from `spawn_blocking`).
    pub fn live(&self, event_id: &str, wall: DateTime<Utc>) -> Result<Live> {
        let generation = *self.generation.borrow();
        if let Some(l) = self.cached(event_id).filter(|l| l.holds(generation, wall)) {
            return Ok(l);
        }
        let _computing = self.computing.lock().unwrap_or_else(|p| p.into_inner());
        // Another view may have computed it while this one waited.
        let generation = *self.generation.borrow();
        if let Some(l) = self.cached(event_id).filter(|l| l.holds(generation, wall)) {
            return Ok(l);
        }
        let rehearsal = self.host.rehearsal();
        let rehearsal = rehearsal.filter(|r| r.event_id == event_id);
        let store = self.store();
        let data = store.load(event_id)?;
        // As the live view takes it (service::day::snapshot), keeping the log for the views
        // that show the whole day.
        let (snap, log) = match &rehearsal {
            Some(r) => {
                let snap = live::snapshot(&data, &r.log, r.timeline(&data), r.clock(wall), true);
                (snap.on_rehearsal_clock(r.speed, wall), r.log.clone())
            }
            None => {
                let log = store.day_log(event_id)?;
                let cues = store.cue_timeline(event_id)?;
                (live::snapshot(&data, &log, cues, wall, false), log)
            }
        };
        let signals = Signals::of(&store, event_id)?;
        drop(store);
        let live = Live {
            snapshot: Arc::new(snap),
            signals: Arc::new(signals),
            lang: if data.event.locale.starts_with("fr") {
                "fr"
            } else {
                "en"
            },
            event_name: data.event.name.clone(),
            wall,
            generation,
            data: Arc::new(data),
            log: Arc::new(log),
            run_of_show: Arc::default(),
            closings: Arc::default(),
            views: Arc::default(),
        };
        self.cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(event_id.to_string(), live.clone());
        Ok(live)
    }

    fn cached(&self, event_id: &str) -> Option<Live> {
        self.cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(event_id)
            .cloned()
    }
}

/// A connected view, counted while it lives.
pub struct Viewing(Arc<Hub>);

impl Drop for Viewing {
    fn drop(&mut self) {
        self.0.viewers.fetch_sub(1, Ordering::Relaxed);
    }
}
