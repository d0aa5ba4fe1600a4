//! The `tasks` table.

use super::{code, instant_from_sql, instant_to_sql};
use crate::error::Result;
use crate::model::{Owner, Task, TaskKind, TaskStatus};
use rusqlite::{params, Connection};

fn owner_code(o: Owner) -> &'static str {
    match o {
        Owner::Analyst => "analyst",
        Owner::Customer => "customer",
    }
}

fn owner_from(s: &str) -> Option<Owner> {
    match s {
        "analyst" => Some(Owner::Analyst),
        "customer" => Some(Owner::Customer),
        _ => None,
    }
}

pub(super) fn list(conn: &Connection, event_id: &str) -> Result<Vec<Task>> {
    let mut stmt = conn.prepare(
        "SELECT id, event_id, session_id, kind, owner, due_utc, status, link, done_by, done_at
         FROM tasks WHERE event_id = ?1 ORDER BY due_utc, kind",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok((
            Task {
                id: r.get(0)?,
                event_id: r.get(1)?,
                session_id: r.get(2)?,
                kind: code("task kind", r.get(3)?, TaskKind::from_code)?,
                owner: code("task owner", r.get(4)?, owner_from)?,
                due: Default::default(),
                status: code("task status", r.get(6)?, TaskStatus::from_code)?,
                link: r.get(7)?,
                done_by: r.get(8)?,
                done_at: None,
            },
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(9)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mut t, due, done_at) = row?;
        t.due = instant_from_sql(&due)?;
        t.done_at = done_at.as_deref().map(instant_from_sql).transpose()?;
        out.push(t);
    }
    Ok(out)
}

pub(super) fn insert(conn: &Connection, t: &Task) -> Result<()> {
    conn.execute(
        "INSERT INTO tasks (id, event_id, session_id, kind, owner, due_utc, status, link, done_by, done_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            t.id,
            t.event_id,
            t.session_id,
            t.kind.code(),
            owner_code(t.owner),
            instant_to_sql(&t.due), t.status.code(), t.link, t.done_by, t.done_at.as_ref().map(instant_to_sql)],
    )?;
    Ok(())
}

/// Writes a task that is already stored (same id, same event).
pub(super) fn update(conn: &Connection, t: &Task) -> Result<()> {
    conn.prepare_cached(
        "UPDATE tasks SET session_id = ?2, kind = ?3, owner = ?4, due_utc = ?5, status = ?6, link = ?7,
         done_by = ?8, done_at = ?9 WHERE id = ?1 AND event_id = ?10",
    )?
    .execute(params![
        t.id,
        t.session_id,
        t.kind.code(),
        owner_code(t.owner),
        instant_to_sql(&t.due),
        t.status.code(),
        t.link,
        t.done_by,
        t.done_at.as_ref().map(instant_to_sql),
        t.event_id
    ])?;
    Ok(())
}
