//! The `segments` table and its presenters (`segment_presenters`).

use super::code;
use crate::error::Result;
use crate::model::{Segment, SegmentKind};
use rusqlite::{params, Connection};
use std::collections::HashMap;

pub(super) fn list(conn: &Connection, event_id: &str) -> Result<Vec<Segment>> {
    let mut presenters: HashMap<String, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT sp.segment_id, sp.person_id FROM segment_presenters sp
         JOIN segments g ON g.id = sp.segment_id JOIN sessions s ON s.id = g.session_id
         WHERE s.event_id = ?1 ORDER BY sp.segment_id, sp.position",
    )?;
    for row in stmt.query_map([event_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })? {
        let (seg, person) = row?;
        presenters.entry(seg).or_default().push(person);
    }
    let mut stmt = conn.prepare(
        "SELECT g.id, g.session_id, g.position, g.kind, g.title, g.duration_secs, g.notes
         FROM segments g JOIN sessions s ON s.id = g.session_id
         WHERE s.event_id = ?1 ORDER BY s.start_utc, s.title, g.session_id, g.position",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        let id: String = r.get(0)?;
        Ok(Segment {
            presenter_ids: presenters.remove(&id).unwrap_or_default(),
            id,
            session_id: r.get(1)?,
            position: r.get(2)?,
            kind: code("segment kind", r.get(3)?, SegmentKind::from_code)?,
            title: r.get(4)?,
            duration_secs: r.get(5)?,
            notes: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn insert(conn: &Connection, s: &Segment) -> Result<()> {
    conn.execute(
        "INSERT INTO segments (id, session_id, position, kind, title, duration_secs, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            s.id,
            s.session_id,
            s.position,
            s.kind.code(),
            s.title,
            s.duration_secs,
            s.notes
        ],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO segment_presenters (segment_id, person_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, p) in s.presenter_ids.iter().enumerate() {
        stmt.execute(params![s.id, p, i as u32])?;
    }
    Ok(())
}

/// Writes a segment that is already stored (same id), its presenters with it.
pub(super) fn update(conn: &Connection, s: &Segment) -> Result<()> {
    conn.prepare_cached(
        "UPDATE segments SET session_id = ?2, position = ?3, kind = ?4, title = ?5, duration_secs = ?6,
         notes = ?7 WHERE id = ?1",
    )?
    .execute(params![
        s.id,
        s.session_id,
        s.position,
        s.kind.code(),
        s.title,
        s.duration_secs,
        s.notes
    ])?;
    conn.prepare_cached("DELETE FROM segment_presenters WHERE segment_id = ?1")?
        .execute([&s.id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO segment_presenters (segment_id, person_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, p) in s.presenter_ids.iter().enumerate() {
        stmt.execute(params![s.id, p, i as u32])?;
    }
    Ok(())
}
