//! The event day's tables: `delays`, `actuals`, `cue_records` and `cue_sent`.

use super::{code, instant_from_sql, instant_to_sql};
use crate::cues::{Actual, CueRecord, CueState, DayLog, Delay, Phase};
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use std::collections::HashSet;

fn opt_instant(s: Option<String>) -> Result<Option<DateTime<Utc>>> {
    s.as_deref().map(instant_from_sql).transpose()
}

pub(super) fn load(conn: &Connection, event_id: &str) -> Result<DayLog> {
    let mut log = DayLog::default();
    let mut stmt = conn.prepare(
        "SELECT id, event_id, stage_id, session_id, minutes, from_utc FROM delays
         WHERE event_id = ?1 ORDER BY from_utc, id",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    for row in rows {
        let (id, event_id, stage_id, session_id, minutes, from) = row?;
        log.delays.push(Delay {
            id,
            event_id,
            stage_id,
            session_id,
            minutes,
            from: instant_from_sql(&from)?,
        });
    }
    let mut stmt = conn.prepare(
        "SELECT session_id, start_utc, end_utc FROM actuals WHERE event_id = ?1 ORDER BY session_id",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    for row in rows {
        let (session_id, start, end) = row?;
        log.actuals.push(Actual {
            session_id,
            start: opt_instant(start)?,
            end: opt_instant(end)?,
        });
    }
    let mut stmt = conn.prepare(
        "SELECT cue_key, state, at_utc FROM cue_records WHERE event_id = ?1 ORDER BY at_utc, cue_key",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            code("cue state", r.get(1)?, CueState::from_code)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (key, state, at) = row?;
        log.records.push(CueRecord {
            key,
            state,
            at: instant_from_sql(&at)?,
        });
    }
    Ok(log)
}

pub(super) fn insert_delay(conn: &Connection, d: &Delay) -> Result<()> {
    conn.execute(
        "INSERT INTO delays (id, event_id, stage_id, session_id, minutes, from_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![d.id, d.event_id, d.stage_id, d.session_id, d.minutes, instant_to_sql(&d.from)],
    )?;
    Ok(())
}

pub(super) fn upsert_actual(conn: &Connection, event_id: &str, a: &Actual) -> Result<()> {
    conn.execute(
        "INSERT INTO actuals (event_id, session_id, start_utc, end_utc) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(event_id, session_id) DO UPDATE SET
             start_utc = coalesce(?3, start_utc), end_utc = coalesce(?4, end_utc)",
        params![
            event_id,
            a.session_id,
            a.start.as_ref().map(instant_to_sql),
            a.end.as_ref().map(instant_to_sql)
        ],
    )?;
    Ok(())
}

pub(super) fn upsert_record(conn: &Connection, event_id: &str, r: &CueRecord) -> Result<()> {
    conn.execute(
        "INSERT INTO cue_records (event_id, cue_key, state, at_utc) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(event_id, cue_key) DO UPDATE SET state = ?3, at_utc = ?4",
        params![event_id, r.key, r.state.code(), instant_to_sql(&r.at)],
    )?;
    Ok(())
}

fn phase_code(p: Phase) -> &'static str {
    match p {
        Phase::Lead => "lead",
        Phase::At => "at",
    }
}

pub(super) fn insert_sent(
    conn: &Connection,
    event_id: &str,
    key: &str,
    phase: Phase,
    at: &DateTime<Utc>,
) -> Result<bool> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO cue_sent (event_id, cue_key, phase, sent_utc) VALUES (?1, ?2, ?3, ?4)",
        params![event_id, key, phase_code(phase), instant_to_sql(at)],
    )?;
    Ok(n == 1)
}

pub(super) fn sent(conn: &Connection, event_id: &str) -> Result<HashSet<(String, Phase)>> {
    let mut stmt = conn.prepare("SELECT cue_key, phase FROM cue_sent WHERE event_id = ?1")?;
    let rows = stmt.query_map([event_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = HashSet::new();
    for row in rows {
        let (key, phase) = row?;
        out.insert((
            key,
            if phase == "lead" {
                Phase::Lead
            } else {
                Phase::At
            },
        ));
    }
    Ok(out)
}
