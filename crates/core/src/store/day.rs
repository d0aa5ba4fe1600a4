//! The event day as the store keeps it: the day log (delays, actual times, cue states), the cue
//! timeline with what was notified, and the planned vs actual report.

use super::{day_log, events, Store};
use crate::cues::{self, Actual, Cue, CueRecord, CueState, DayLog, Delay, Phase};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};

impl Store {
    /// The event day's log: delays, actual times, cue states.
    pub fn day_log(&self, event_id: &str) -> Result<DayLog> {
        events::get(&self.conn, event_id)?;
        day_log::load(&self.conn, event_id)
    }

    /// The cue timeline of an event as things stand (plan + day log), with each cue's state;
    /// a cue whose at-time notification went out counts as notified.
    pub fn cue_timeline(&self, event_id: &str) -> Result<Vec<Cue>> {
        let data = self.load(event_id)?;
        let log = day_log::load(&self.conn, event_id)?;
        let sent = day_log::sent(&self.conn, event_id)?;
        let mut cues = cues::timeline(&data, &log);
        for c in cues.iter_mut() {
            if c.state == CueState::Pending && sent.contains(&(c.key.clone(), Phase::At)) {
                c.state = CueState::Notified;
            }
        }
        Ok(cues)
    }

    /// Records "running N minutes late" on a stage (or one session) from `from` on.
    pub fn add_delay(
        &mut self,
        event_id: &str,
        stage: &str,
        session: Option<&str>,
        minutes: i64,
        from: DateTime<Utc>,
    ) -> Result<Delay> {
        let data = self.load(event_id)?;
        let d = cues::make_delay(&data, stage, session, minutes, from)?;
        day_log::insert_delay(&self.conn, &d)?;
        Ok(d)
    }

    /// Finds a session by id or exact title across all events; returns (event id, session id).
    pub fn find_session(&self, id_or_title: &str) -> Result<(String, String)> {
        let mut stmt = self
            .conn
            .prepare("SELECT event_id, id FROM sessions WHERE id = ?1 OR title = ?1")?;
        let mut found: Vec<(String, String)> = stmt
            .query_map([id_or_title], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        match found.len() {
            0 => Err(Error::NotFound {
                kind: "session",
                id: id_or_title.into(),
            }),
            1 => Ok(found.swap_remove(0)),
            n => Err(Error::Conflict(format!(
                "{n} sessions are titled “{id_or_title}”: use an id"
            ))),
        }
    }

    /// Records when a session really started and/or ended (either may be left as it was).
    pub fn record_actual(
        &mut self,
        session: &str,
        start: Option<DateTime<Utc>>,
        end: Option<DateTime<Utc>>,
    ) -> Result<Actual> {
        let (event_id, session_id) = self.find_session(session)?;
        let tx = super::write_tx(&mut self.conn)?;
        let mut log = day_log::load(&tx, &event_id)?;
        let actual = log.record_actual(&session_id, start, end)?;
        day_log::upsert_actual(&tx, &event_id, &actual)?;
        tx.commit()?;
        Ok(actual)
    }

    /// Marks a cue done, skipped, missed or back to pending.
    pub fn set_cue_state(
        &mut self,
        event_id: &str,
        key: &str,
        state: CueState,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let data = self.load(event_id)?;
        if !cues::plan(&data).iter().any(|c| c.key == key) {
            return Err(Error::NotFound {
                kind: "cue",
                id: key.into(),
            });
        }
        day_log::upsert_record(
            &self.conn,
            event_id,
            &CueRecord {
                key: key.into(),
                state,
                at,
            },
        )
    }

    /// Records that a cue's notification went out. Returns false when it already had: the
    /// database itself refuses a second send of the same (cue, phase).
    pub fn mark_sent(
        &mut self,
        event_id: &str,
        key: &str,
        phase: Phase,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        day_log::insert_sent(&self.conn, event_id, key, phase, &at)
    }

    /// Records in one transaction that a cue fell in a gap: its at-time notice counts as sent
    /// (the missed summary told it) and its state is missed. No load of the event: the
    /// scheduler calls it with a key from the timeline it holds.
    pub fn record_missed(&mut self, event_id: &str, key: &str, at: DateTime<Utc>) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        day_log::insert_sent(&tx, event_id, key, Phase::At, &at)?;
        day_log::upsert_record(
            &tx,
            event_id,
            &CueRecord {
                key: key.into(),
                state: CueState::Missed,
                at,
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The cue timeline of an event indexed for the scheduler, with what was sent.
    pub fn cue_lookup(&self, event_id: &str) -> Result<cues::Lookup> {
        Ok(cues::Lookup::new(
            self.cue_timeline(event_id)?,
            self.sent(event_id)?,
        ))
    }

    /// A fingerprint of everything the day's views show besides the events themselves: the
    /// day's log (delays, actual times, cue states, cues sent) and the settings, leaving out
    /// `ignore` (the scheduler's heartbeat, saved every few seconds while nothing happens).
    /// Equal fingerprints: nothing a live view shows has moved.
    pub fn day_fingerprint(&self, ignore: &str) -> Result<u64> {
        use std::hash::{Hash, Hasher};
        const PARTS: &str = "SELECT \
            (SELECT count(*) || ':' || coalesce(max(rowid), 0) FROM delays), \
            (SELECT coalesce(group_concat(event_id || session_id || coalesce(start_utc, '-') \
                || coalesce(end_utc, '-'), ';'), '') FROM actuals), \
            (SELECT coalesce(group_concat(event_id || cue_key || state || at_utc, ';'), '') \
                FROM cue_records), \
            (SELECT count(*) || ':' || coalesce(max(rowid), 0) FROM cue_sent), \
            (SELECT coalesce(group_concat(key || '=' || value, ';'), '') FROM settings \
                WHERE key <> ?1), \
            (SELECT coalesce(group_concat(event_id || stage_id || at_utc || text, ';'), '') \
                FROM stage_messages), \
            (SELECT coalesce(group_concat(event_id || stage_id, ';'), '') FROM stage_blackouts), \
            (SELECT coalesce(group_concat(id || coalesce(revoked_utc, '-'), ';'), '') \
                FROM share_links)";
        let mut stmt = self.conn.prepare_cached(PARTS)?;
        let parts: [String; 8] = stmt.query_row([ignore], |r| {
            Ok([
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ])
        })?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        parts.hash(&mut h);
        Ok(h.finish())
    }

    /// SQLite's `data_version`: it changes when another connection (another thread of the app,
    /// the CLI) commits to the file, never for this connection's own writes. The scheduler
    /// recomputes its timeline only when it moved.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// How long this connection's writes wait for another's before `database is locked`
    /// (the scheduler's connection waits only briefly: a notification must not wait on a write).
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(wait)?)
    }

    /// The (cue, phase) notifications already sent for an event.
    pub fn sent(&self, event_id: &str) -> Result<std::collections::HashSet<(String, Phase)>> {
        day_log::sent(&self.conn, event_id)
    }

    /// The planned vs actual report of an event.
    pub fn report(&self, event_id: &str) -> Result<crate::report::Report> {
        let data = self.load(event_id)?;
        let log = day_log::load(&self.conn, event_id)?;
        Ok(crate::report::build(
            &data,
            &log,
            &self.cue_timeline(event_id)?,
        ))
    }
}
