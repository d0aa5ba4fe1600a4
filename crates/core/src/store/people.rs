//! The `people` table.

use super::code;
use crate::error::Result;
use crate::model::{Person, Role};
use rusqlite::{params, Connection};

pub(super) fn list(conn: &Connection, event_id: &str) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare(
        "SELECT id, event_id, name, role, email, time_zone, invitation_sent, tech_check_done, instructions_sent
         FROM people WHERE event_id = ?1 ORDER BY name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok(Person {
            id: r.get(0)?,
            event_id: r.get(1)?,
            name: r.get(2)?,
            role: code("role", r.get(3)?, Role::from_code)?,
            email: r.get(4)?,
            time_zone: r.get(5)?,
            invitation_sent: r.get(6)?,
            tech_check_done: r.get(7)?,
            instructions_sent: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn insert(conn: &Connection, p: &Person) -> Result<()> {
    conn.execute(
        "INSERT INTO people (id, event_id, name, role, email, time_zone, invitation_sent, tech_check_done, instructions_sent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![p.id, p.event_id, p.name, p.role.code(), p.email, p.time_zone, p.invitation_sent, p.tech_check_done, p.instructions_sent],
    )?;
    Ok(())
}

/// Writes a person who is already stored (same id, same event).
pub(super) fn update(conn: &Connection, p: &Person) -> Result<()> {
    conn.prepare_cached(
        "UPDATE people SET name = ?2, role = ?3, email = ?4, time_zone = ?5, invitation_sent = ?6,
         tech_check_done = ?7, instructions_sent = ?8 WHERE id = ?1 AND event_id = ?9",
    )?
    .execute(params![
        p.id,
        p.name,
        p.role.code(),
        p.email,
        p.time_zone,
        p.invitation_sent,
        p.tech_check_done,
        p.instructions_sent,
        p.event_id
    ])?;
    Ok(())
}
