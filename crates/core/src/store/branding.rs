//! The `brand_items` and `branding` tables.

use crate::branding::{BrandItem, Branding};
use crate::error::{Error, Invalid, Result};
use rusqlite::{params, Connection, OptionalExtension};

fn bad(what: &str, e: serde_json::Error) -> Error {
    Error::invalid(
        what,
        Invalid::Other(format!("stored data does not read: {e}")),
    )
}

pub(super) fn list(conn: &Connection, event_id: &str) -> Result<Vec<BrandItem>> {
    let mut stmt =
        conn.prepare("SELECT data FROM brand_items WHERE event_id = ?1 ORDER BY position, id")?;
    let rows = stmt.query_map([event_id], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        out.push(serde_json::from_str(&row?).map_err(|e| bad("brandItem", e))?);
    }
    Ok(out)
}

pub(super) fn insert(conn: &Connection, it: &BrandItem) -> Result<()> {
    let data = serde_json::to_string(it).expect("a brand item serialises");
    conn.execute(
        "INSERT INTO brand_items (id, event_id, position, kind, status, required, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            it.id,
            it.event_id,
            it.position,
            it.kind.code(),
            serde_json::to_value(it.status)
                .expect("status serialises")
                .as_str()
                .unwrap_or_default(),
            it.required,
            data
        ],
    )?;
    Ok(())
}

pub(super) fn get(conn: &Connection, event_id: &str) -> Result<Branding> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM branding WHERE event_id = ?1",
            [event_id],
            |r| r.get(0),
        )
        .optional()?;
    match data {
        Some(d) => serde_json::from_str(&d).map_err(|e| bad("branding", e)),
        None => Ok(Branding::default()),
    }
}

pub(super) fn set(conn: &Connection, event_id: &str, b: &Branding) -> Result<()> {
    conn.execute(
        "INSERT INTO branding (event_id, data) VALUES (?1, ?2)
         ON CONFLICT(event_id) DO UPDATE SET data = excluded.data",
        params![
            event_id,
            serde_json::to_string(b).expect("branding serialises")
        ],
    )?;
    Ok(())
}
