//! The `stages` table.

use crate::error::Result;
use crate::model::Stage;
use rusqlite::{params, Connection};

pub(super) fn list(conn: &Connection, event_id: &str) -> Result<Vec<Stage>> {
    let mut stmt = conn.prepare(
        "SELECT id, event_id, name, position FROM stages WHERE event_id = ?1 ORDER BY position, name",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok(Stage {
            id: r.get(0)?,
            event_id: r.get(1)?,
            name: r.get(2)?,
            position: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn insert(conn: &Connection, s: &Stage) -> Result<()> {
    conn.execute(
        "INSERT INTO stages (id, event_id, name, position) VALUES (?1, ?2, ?3, ?4)",
        params![s.id, s.event_id, s.name, s.position],
    )?;
    Ok(())
}

/// Writes a stage that is already stored (same id, same event).
pub(super) fn update(conn: &Connection, s: &Stage) -> Result<()> {
    conn.prepare_cached(
        "UPDATE stages SET name = ?2, position = ?3 WHERE id = ?1 AND event_id = ?4",
    )?
    .execute(params![s.id, s.name, s.position, s.event_id])?;
    Ok(())
}
