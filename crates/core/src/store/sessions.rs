//! The `sessions` table.

use super::{instant_from_sql, instant_to_sql};
use crate::error::Result;
use crate::model::Session;
use rusqlite::{params, Connection};

pub(super) fn list(conn: &Connection, event_id: &str) -> Result<Vec<Session>> {
    let mut stmt = conn.prepare(
        "SELECT id, event_id, stage_id, title, start_utc, end_utc, livestream, recording, vod,
                restream
         FROM sessions WHERE event_id = ?1 ORDER BY start_utc, title",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok((
            Session {
                id: r.get(0)?,
                event_id: r.get(1)?,
                stage_id: r.get(2)?,
                title: r.get(3)?,
                start: Default::default(),
                end: Default::default(),
                livestream: r.get(6)?,
                recording: r.get(7)?,
                vod: r.get(8)?,
                restream: r.get(9)?,
            },
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mut s, start, end) = row?;
        s.start = instant_from_sql(&start)?;
        s.end = instant_from_sql(&end)?;
        out.push(s);
    }
    Ok(out)
}

pub(super) fn insert(conn: &Connection, s: &Session) -> Result<()> {
    conn.execute(
        "INSERT INTO sessions (id, event_id, stage_id, title, start_utc, end_utc, livestream, recording, vod,
                               restream)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            s.id,
            s.event_id,
            s.stage_id,
            s.title,
            instant_to_sql(&s.start),
            instant_to_sql(&s.end),
            s.livestream,
            s.recording,
            s.vod,
            s.restream
        ],
    )?;
    Ok(())
}

/// Writes a session that is already stored (same id, same event).
pub(super) fn update(conn: &Connection, s: &Session) -> Result<()> {
    conn.prepare_cached(
        "UPDATE sessions SET stage_id = ?2, title = ?3, start_utc = ?4, end_utc = ?5, livestream = ?6,
         recording = ?7, vod = ?8, restream = ?9 WHERE id = ?1 AND event_id = ?10",
    )?
    .execute(params![
        s.id,
        s.stage_id,
        s.title,
        instant_to_sql(&s.start),
        instant_to_sql(&s.end),
        s.livestream,
        s.recording,
        s.vod,
        s.restream,
        s.event_id
    ])?;
    Ok(())
}
