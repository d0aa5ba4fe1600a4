//! The `events` table.

use super::instant_from_sql;
use crate::error::{Error, Result};
use crate::model::{Event, EventSummary};
use rusqlite::{Connection, OptionalExtension};

const COLUMNS: &str =
    "id, name, customer, time_zone, locale, kit_purchase_date, kit_term_months, support_budget_minutes, revision";

/// An event's values in the order of [`COLUMNS`] (`?1` … `?9`).
#[allow(clippy::type_complexity)]
fn values(e: &Event) -> (&str, &str, &str, &str, &str, Option<String>, u32, u32, i64) {
    (
        &e.id,
        &e.name,
        &e.customer,
        &e.time_zone,
        &e.locale,
        e.kit_purchase_date.map(|d| d.to_string()),
        e.kit_term_months,
        e.support_budget_minutes,
        e.revision,
    )
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Event> {
    let date: Option<String> = r.get(5)?;
    Ok(Event {
        id: r.get(0)?,
        name: r.get(1)?,
        customer: r.get(2)?,
        time_zone: r.get(3)?,
        locale: r.get(4)?,
        kit_purchase_date: date.and_then(|d| d.parse().ok()),
        kit_term_months: r.get(6)?,
        support_budget_minutes: r.get(7)?,
        revision: r.get(8)?,
    })
}

/// The stored revision of an event.
pub(super) fn revision(conn: &Connection, id: &str) -> Result<i64> {
    conn.prepare_cached("SELECT revision FROM events WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound {
            kind: "event",
            id: id.into(),
        })
}

pub(super) fn get(conn: &Connection, id: &str) -> Result<Event> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM events WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        kind: "event",
        id: id.into(),
    })
}

pub(super) fn exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM events WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(super) fn insert(conn: &Connection, e: &Event) -> Result<()> {
    conn.execute(
        &format!("INSERT INTO events ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        values(e),
    )?;
    Ok(())
}

pub(super) fn update(conn: &Connection, e: &Event) -> Result<()> {
    let n = conn.execute(
        "UPDATE events SET name = ?2, customer = ?3, time_zone = ?4, locale = ?5, kit_purchase_date = ?6,
             kit_term_months = ?7, support_budget_minutes = ?8, revision = ?9
         WHERE id = ?1",
        values(e),
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            kind: "event",
            id: e.id.clone(),
        });
    }
    Ok(())
}

pub(super) fn delete(conn: &Connection, id: &str) -> Result<()> {
    conn.execute("DELETE FROM events WHERE id = ?1", [id])?;
    Ok(())
}

pub(super) fn list(conn: &Connection) -> Result<Vec<EventSummary>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.name, e.customer, e.time_zone, MIN(s.start_utc), COUNT(s.id),
             (SELECT COUNT(*) FROM brand_items b WHERE b.event_id = e.id AND b.required),
             (SELECT COUNT(*) FROM brand_items b
              WHERE b.event_id = e.id AND b.required AND b.status = 'approved')
         FROM events e LEFT JOIN sessions s ON s.event_id = e.id
         GROUP BY e.id
         ORDER BY MIN(s.start_utc) IS NULL, MIN(s.start_utc), e.name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, u32>(5)?,
            crate::branding::Readiness {
                required: r.get(6)?,
                approved: r.get(7)?,
            },
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, customer, time_zone, first, session_count, readiness) = row?;
        out.push(EventSummary {
            id,
            name,
            customer,
            time_zone,
            first_start: first.as_deref().map(instant_from_sql).transpose()?,
            session_count,
            readiness,
        });
    }
    Ok(out)
}

pub(super) fn find(conn: &Connection, id_or_name: &str) -> Result<String> {
    if exists(conn, id_or_name)? {
        return Ok(id_or_name.to_string());
    }
    let mut stmt = conn.prepare("SELECT id FROM events WHERE name = ?1")?;
    let mut ids: Vec<String> = stmt
        .query_map([id_or_name], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match ids.len() {
        0 => Err(Error::NotFound {
            kind: "event",
            id: id_or_name.into(),
        }),
        1 => Ok(ids.swap_remove(0)),
        n => Err(Error::Conflict(format!(
            "{n} events are named “{id_or_name}”: use an id ({})",
            ids.join(", ")
        ))),
    }
}
