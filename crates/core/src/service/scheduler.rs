//! One scheduler tick, real or rehearsed. The shell calls [`Store::tick`] (the real day: state in
//! the database, so nothing is sent twice even across a restart) or [`Rehearsal::tick`] (a
//! simulated clock at 1×–60×, state in memory, real cues untouched) about once a second and sends
//! what comes back as notifications.

use crate::cues::{self, Cue, CueRecord, CueState, DayLog, Lookup, Phase};
use crate::error::Result;
use crate::model::EventData;
use crate::store::Store;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;

/// What one tick asks the shell to send.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fired {
    /// Each to be sent as its own notification, in order.
    pub cues: Vec<(Cue, Phase)>,
    /// To be sent as one summary notification.
    pub missed: Vec<Cue>,
    /// The wall-clock instant the next notification falls due (so the caller can sleep until
    /// then), if any is pending.
    pub next: Option<DateTime<Utc>>,
}

impl Store {
    /// Runs one real tick for an event over `(last, now]`: records each notification as sent
    /// before returning it (a (cue, phase) is returned at most once, ever) and marks cues that
    /// fell in a gap as missed.
    pub fn tick(
        &mut self,
        event_id: &str,
        last: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Fired> {
        let timeline = self.cue_timeline(event_id)?;
        let sent = self.sent(event_id)?;
        let due = cues::due(&timeline, &sent, last, now);
        let mut fired = Fired {
            next: due.next,
            ..Fired::default()
        };
        for d in due.notify {
            if self.mark_sent(event_id, &d.key, d.phase, now)? {
                if let Some(c) = timeline.iter().find(|c| c.key == d.key) {
                    fired.cues.push((c.clone(), d.phase));
                }
            }
        }
        for key in due.missed {
            self.mark_sent(event_id, &key, Phase::At, now)?;
            self.set_cue_state(event_id, &key, CueState::Missed, now)?;
            if let Some(c) = timeline.iter().find(|c| c.key == key) {
                fired.missed.push(c.clone());
            }
        }
        Ok(fired)
    }
}

/// The real day of the live event as the scheduler keeps it, on a connection of its own: the
/// cue timeline indexed by instant, rebuilt only when another connection has written to the
/// database since (SQLite's `data_version`), so that a tick is a lookup. A notification whose
/// record cannot be written at once (another connection holds the write lock) still goes out,
/// on time; its record is written at a later tick, and this process never sends it twice.
#[derive(Debug)]
pub struct RealDay {
    event_id: String,
    version: Option<i64>,
    lookup: Lookup,
    /// (key, phase, when, missed) sent but not yet recorded.
    unsaved: Vec<(String, Phase, DateTime<Utc>, bool)>,
}

impl RealDay {
    /// The real day of `event_id` (its timeline is read at the first tick).
    pub fn new(event_id: &str) -> RealDay {
        RealDay {
            event_id: event_id.into(),
            version: None,
            lookup: Lookup::default(),
            unsaved: Vec::new(),
        }
    }

    pub fn event_id(&self) -> &str {
        &self.event_id
    }

    /// How many notifications went out whose record is still to be written.
    pub fn unsaved(&self) -> usize {
        self.unsaved.len()
    }

    /// One tick over `(last, now]` on the scheduler's own `store`. Returns what to send now.
    pub fn tick(
        &mut self,
        store: &mut Store,
        last: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Fired> {
        self.save(store);
        let version = store.data_version()?;
        if self.version != Some(version) {
            self.lookup = store.cue_lookup(&self.event_id)?;
            for (key, phase, _, missed) in &self.unsaved {
                self.lookup.sent(key, *phase);
                if *missed {
                    self.lookup.missed(key);
                }
            }
            self.version = Some(version);
        }
        let due = self.lookup.due(last, now, now - last > cues::GAP);
        let mut fired = Fired {
            next: due.next,
            ..Fired::default()
        };
        for d in due.notify {
            if !self.lookup.sent(&d.key, d.phase) {
                continue;
            }
            // The database refuses a second send (another process on this file sent it).
            match store.mark_sent(&self.event_id, &d.key, d.phase, now) {
                Ok(false) => continue,
                Ok(true) => {}
                Err(_) => self.unsaved.push((d.key.clone(), d.phase, now, false)),
            }
            if let Some(c) = self.lookup.cue(&d.key) {
                fired.cues.push((c.clone(), d.phase));
            }
        }
        for key in due.missed {
            self.lookup.missed(&key);
            if store.record_missed(&self.event_id, &key, now).is_err() {
                self.unsaved.push((key.clone(), Phase::At, now, true));
            }
            if let Some(c) = self.lookup.cue(&key) {
                fired.missed.push(c.clone());
            }
        }
        Ok(fired)
    }

    /// Writes the records a busy database refused earlier, in order, stopping at the first
    /// refusal (one short wait per tick at most; the rest stay queued).
    fn save(&mut self, store: &mut Store) {
        while let Some((key, phase, at, missed)) = self.unsaved.first() {
            let done = if *missed {
                store.record_missed(&self.event_id, key, *at)
            } else {
                store
                    .mark_sent(&self.event_id, key, *phase, *at)
                    .map(|_| ())
            };
            if done.is_err() {
                return;
            }
            self.unsaved.remove(0);
        }
    }
}

/// A rehearsal: the event replayed on a simulated clock.
#[derive(Debug, Clone)]
pub struct Rehearsal {
    pub event_id: String,
    /// The simulated instant the rehearsal started from.
    pub from: DateTime<Utc>,
    /// Simulated seconds per real second (1–60).
    pub speed: f64,
    /// The wall-clock instant it started.
    pub started: DateTime<Utc>,
    /// Its own day: delays, actuals and cue states applied during the rehearsal.
    pub log: DayLog,
    sent: HashSet<(String, Phase)>,
    last_sim: DateTime<Utc>,
    last_wall: DateTime<Utc>,
    /// The timeline indexed by instant, for the event revision and the log it was built from.
    indexed: Option<(i64, DayLog, Lookup)>,
}

impl Rehearsal {
    /// Starts a rehearsal from `from` at `speed`, now (`wall`).
    pub fn new(event_id: &str, from: DateTime<Utc>, speed: f64, wall: DateTime<Utc>) -> Rehearsal {
        let speed = speed.clamp(1.0, 60.0);
        Rehearsal {
            event_id: event_id.into(),
            from,
            speed,
            started: wall,
            log: DayLog::default(),
            sent: HashSet::new(),
            last_sim: from,
            last_wall: wall,
            indexed: None,
        }
    }

    /// The simulated instant at wall-clock `wall`.
    pub fn clock(&self, wall: DateTime<Utc>) -> DateTime<Utc> {
        let real_ms = (wall - self.started).num_milliseconds().max(0) as f64;
        self.from + Duration::milliseconds((real_ms * self.speed) as i64)
    }

    /// The first wall-clock instant (to the millisecond) at which the simulated clock has
    /// reached `sim`.
    pub fn wall_at(&self, sim: DateTime<Utc>) -> DateTime<Utc> {
        let sim_ms = (sim - self.from).num_milliseconds().max(0) as f64;
        let mut wall = self.started + Duration::milliseconds((sim_ms / self.speed).ceil() as i64);
        // Float rounding: step forward until the clock agrees (at most a step or two).
        while self.clock(wall) < sim {
            wall += Duration::milliseconds(1);
        }
        wall
    }

    /// The rehearsal's cue timeline (its own log).
    pub fn timeline(&self, data: &EventData) -> Vec<Cue> {
        let mut t = cues::timeline(data, &self.log);
        for c in t.iter_mut() {
            if c.state == CueState::Pending && self.sent.contains(&(c.key.clone(), Phase::At)) {
                c.state = CueState::Notified;
            }
        }
        t
    }

    /// One tick at wall-clock `wall`. The timeline is indexed again only when the event (its
    /// revision) or the rehearsal's log changed since the last tick.
    pub fn tick(&mut self, data: &EventData, wall: DateTime<Utc>) -> Fired {
        let now = self.clock(wall);
        let fresh = matches!(&self.indexed,
            Some((rev, log, _)) if *rev == data.event.revision && *log == self.log);
        if !fresh {
            let lookup = Lookup::new(self.timeline(data), self.sent.clone());
            self.indexed = Some((data.event.revision, self.log.clone(), lookup));
        }
        let gap = wall - self.last_wall > cues::GAP;
        let mut fired = Fired::default();
        let mut missed_now = Vec::new();
        if let Some((_, _, lookup)) = self.indexed.as_mut() {
            let due = lookup.due(self.last_sim, now, gap);
            fired.next = due.next;
            for d in due.notify {
                if lookup.sent(&d.key, d.phase) && self.sent.insert((d.key.clone(), d.phase)) {
                    if let Some(c) = lookup.cue(&d.key) {
                        fired.cues.push((c.clone(), d.phase));
                    }
                }
            }
            for key in due.missed {
                lookup.missed(&key);
                self.sent.insert((key.clone(), Phase::At));
                if let Some(c) = lookup.cue(&key) {
                    fired.missed.push(c.clone());
                }
                missed_now.push(key);
            }
        }
        fired.next = fired.next.map(|t| self.wall_at(t));
        let any_missed = !missed_now.is_empty();
        for key in missed_now {
            self.log.records.push(CueRecord {
                key,
                state: CueState::Missed,
                at: now,
            });
        }
        if let Some((_, log, _)) = self.indexed.as_mut().filter(|_| any_missed) {
            // The lookup already knows of these missed cues: no rebuild for them.
            *log = self.log.clone();
        }
        if now > self.last_sim {
            self.last_sim = now;
        }
        self.last_wall = wall;
        fired
    }

    /// Marks a cue in the rehearsal only.
    pub fn set_cue_state(&mut self, key: &str, state: CueState, wall: DateTime<Utc>) {
        let at = self.clock(wall);
        self.log.records.retain(|r| r.key != key);
        self.log.records.push(CueRecord {
            key: key.into(),
            state,
            at,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::CueKind;
    use crate::testing::utc;

    #[test]
    fn the_real_scheduler_never_sends_twice_even_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let d = crate::demo::event();
        let id = d.event.id.clone();
        let mut store = Store::open(&path).unwrap();
        store.insert(&d).unwrap();
        let mut all = vec![];
        let mut last = utc("2027-04-15T12:25:00Z");
        while last < utc("2027-04-15T12:50:00Z") {
            let now = last + Duration::seconds(1);
            all.extend(store.tick(&id, last, now).unwrap().cues);
            last = now;
        }
        // "Restart": reopen and replay the same stretch (a clock set back, a stale last tick).
        drop(store);
        let mut store = Store::open(&path).unwrap();
        let again = store
            .tick(
                &id,
                utc("2027-04-15T12:25:00Z"),
                utc("2027-04-15T12:50:00Z"),
            )
            .unwrap();
        assert!(
            again.cues.is_empty() && again.missed.is_empty(),
            "{again:?}"
        );
        let kinds: Vec<(CueKind, Phase)> = all.iter().map(|(c, p)| (c.kind, *p)).collect();
        assert_eq!(
            kinds,
            [
                (CueKind::AvCheck, Phase::Lead),
                (CueKind::AvCheck, Phase::At),
                (CueKind::SpeakerPrep, Phase::Lead),
                (CueKind::SpeakerPrep, Phase::At),
            ]
        );
    }

    #[test]
    fn waking_from_sleep_reports_the_gap_once_as_missed() {
        let mut store = Store::open_in_memory().unwrap();
        let d = crate::demo::event();
        let id = d.event.id.clone();
        store.insert(&d).unwrap();
        let fired = store
            .tick(
                &id,
                utc("2027-04-15T12:25:00Z"),
                utc("2027-04-15T13:05:00Z"),
            )
            .unwrap();
        assert!(fired.cues.is_empty());
        assert!(
            fired.missed.len() >= 4,
            "{:?}",
            fired.missed.iter().map(|c| &c.key).collect::<Vec<_>>()
        );
        let again = store
            .tick(
                &id,
                utc("2027-04-15T13:05:00Z"),
                utc("2027-04-15T13:05:01Z"),
            )
            .unwrap();
        assert!(again.missed.is_empty());
        let t = store.cue_timeline(&id).unwrap();
        let go = t
            .iter()
            .find(|c| c.kind == CueKind::GoLive && c.session == "Mot d’ouverture")
            .unwrap();
        assert_eq!(go.state, CueState::Missed);
    }

    #[test]
    fn a_rehearsal_knows_when_on_the_wall_clock_its_next_cue_falls_due() {
        let d = crate::demo::event();
        let wall0 = utc("2026-11-25T10:00:00.123Z");
        for speed in [1.0, 7.0, 60.0] {
            let mut r = Rehearsal::new(&d.event.id, utc("2027-04-15T12:27:00Z"), speed, wall0);
            let sim = utc("2027-04-15T12:31:17.001Z");
            let w = r.wall_at(sim);
            assert!(r.clock(w) >= sim && r.clock(w - Duration::milliseconds(1)) < sim);
            // Waking at each `next` (or after a second at most, as the shell does: a longer
            // sleep would look like a gap) fires every cue of the first ten simulated minutes,
            // each once, at its instant.
            let mut wall = wall0;
            let mut fired = vec![];
            while r.clock(wall) <= utc("2027-04-15T12:37:00Z") {
                let f = r.tick(&d, wall);
                for (c, p) in f.cues {
                    let due = if p == Phase::Lead {
                        c.notify_at()
                    } else {
                        c.expected
                    };
                    assert_eq!(r.wall_at(due), wall, "{speed}×: {} {p:?} on time", c.key);
                    fired.push((c.key, p));
                }
                let n = f.next.expect("more cues ahead");
                assert!(n > wall, "next is ahead of now");
                wall = n.min(wall + Duration::seconds(1));
            }
            let once: HashSet<_> = fired.iter().cloned().collect();
            assert_eq!(once.len(), fired.len(), "each once at {speed}×");
            assert_eq!(
                fired.len(),
                2,
                "AV check lead and at time by 12:37 at {speed}×"
            );
        }
    }

    #[test]
    fn a_rehearsal_at_sixty_times_fires_in_order_and_leaves_real_cues_alone() {
        let mut store = Store::open_in_memory().unwrap();
        let d = crate::demo::event();
        store.insert(&d).unwrap();
        let wall0 = utc("2026-11-25T10:00:00Z");
        let mut r = Rehearsal::new(&d.event.id, utc("2027-04-15T12:27:00Z"), 60.0, wall0);
        let mut fired = vec![];
        // Twenty real seconds at 60× = twenty simulated minutes, ticking every 250 ms.
        for i in 1..=80 {
            fired.extend(r.tick(&d, wall0 + Duration::milliseconds(250 * i)).cues);
        }
        assert_eq!(
            r.clock(wall0 + Duration::seconds(20)),
            utc("2027-04-15T12:47:00Z")
        );
        let got: Vec<(CueKind, Phase)> = fired.iter().map(|(c, p)| (c.kind, *p)).collect();
        assert_eq!(
            got,
            [
                (CueKind::AvCheck, Phase::Lead),
                (CueKind::AvCheck, Phase::At),
                (CueKind::SpeakerPrep, Phase::Lead),
                (CueKind::SpeakerPrep, Phase::At),
            ],
            "a 15-second simulated tick is not a gap"
        );
        assert!(
            store.sent(&d.event.id).unwrap().is_empty(),
            "real cues untouched"
        );
    }

    /// Ticks `day` every ten seconds over `[from, to)`; returns what fired, in order.
    fn run(day: &mut RealDay, store: &mut Store, from: &str, to: &str) -> Vec<(String, Phase)> {
        let (mut last, to) = (utc(from), utc(to));
        let mut out = vec![];
        while last < to {
            let now = last + Duration::seconds(10);
            let fired = day.tick(store, last, now).unwrap();
            out.extend(fired.cues.into_iter().map(|(c, p)| (c.key, p)));
            last = now;
        }
        out
    }

    #[test]
    fn the_real_day_sends_what_the_stored_tick_sends_and_follows_outside_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let d = crate::demo::event();
        let id = d.event.id.clone();
        Store::open(&path).unwrap().insert(&d).unwrap();
        // The same stretch through the plain stored tick, on a copy of the file.
        let copy = dir.path().join("copy.db");
        Store::open(&path).unwrap().backup_to(&copy).unwrap();
        let mut plain = Store::open(&copy).unwrap();
        let mut expected = vec![];
        let mut last = utc("2027-04-15T12:25:00Z");
        while last < utc("2027-04-15T12:50:00Z") {
            let now = last + Duration::seconds(10);
            let fired = plain.tick(&id, last, now).unwrap();
            expected.extend(fired.cues.into_iter().map(|(c, p)| (c.key, p)));
            last = now;
        }
        let mut sched = Store::open(&path).unwrap();
        let mut day = RealDay::new(&id);
        let got = run(
            &mut day,
            &mut sched,
            "2027-04-15T12:25:00Z",
            "2027-04-15T12:50:00Z",
        );
        assert!(!got.is_empty());
        assert_eq!(got, expected);
        // Recorded as sent: the stored tick (another connection) sends none of them again.
        let mut other = Store::open(&path).unwrap();
        let again = other
            .tick(
                &id,
                utc("2027-04-15T12:25:00Z"),
                utc("2027-04-15T12:50:00Z"),
            )
            .unwrap();
        assert!(again.cues.is_empty(), "{again:?}");
        // A delay written by another connection moves the next cue: the real day sees it.
        let before = day
            .tick(
                &mut sched,
                utc("2027-04-15T12:50:00Z"),
                utc("2027-04-15T12:50:01Z"),
            )
            .unwrap()
            .next
            .unwrap();
        let stage = d.stages[0].id.clone();
        other
            .add_delay(&id, &stage, None, 10, utc("2027-04-15T12:50:00Z"))
            .unwrap();
        let after = day
            .tick(
                &mut sched,
                utc("2027-04-15T12:50:01Z"),
                utc("2027-04-15T12:50:02Z"),
            )
            .unwrap()
            .next
            .unwrap();
        assert!(after > before, "{before} → {after}");
    }

    #[test]
    fn a_busy_database_does_not_hold_a_notification_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let d = crate::demo::event();
        let id = d.event.id.clone();
        Store::open(&path).unwrap().insert(&d).unwrap();
        let mut sched = Store::open(&path).unwrap();
        sched
            .set_busy_timeout(std::time::Duration::from_millis(20))
            .unwrap();
        let mut day = RealDay::new(&id);
        // Read the timeline first, then another connection takes the write lock and holds it.
        run(
            &mut day,
            &mut sched,
            "2027-04-15T12:00:00Z",
            "2027-04-15T12:00:02Z",
        );
        let holder = rusqlite::Connection::open(&path).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
        let t0 = std::time::Instant::now();
        let got = run(
            &mut day,
            &mut sched,
            "2027-04-15T12:25:00Z",
            "2027-04-15T12:50:00Z",
        );
        assert!(!got.is_empty());
        assert!(day.unsaved() > 0);
        assert!(t0.elapsed() < std::time::Duration::from_secs(20));
        // Nothing twice while the records wait…
        let again = run(
            &mut day,
            &mut sched,
            "2027-04-15T12:25:00Z",
            "2027-04-15T12:50:00Z",
        );
        assert!(again.is_empty(), "{again:?}");
        // …and once the lock is gone they are written.
        holder.execute_batch("ROLLBACK").unwrap();
        run(
            &mut day,
            &mut sched,
            "2027-04-15T12:50:00Z",
            "2027-04-15T12:50:01Z",
        );
        assert_eq!(day.unsaved(), 0);
        let sent = Store::open(&path).unwrap().sent(&id).unwrap();
        for (key, phase) in &got {
            assert!(sent.contains(&(key.clone(), *phase)), "{key} {phase:?}");
        }
    }
}
