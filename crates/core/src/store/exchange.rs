//! The version of each event last exchanged through a handoff package.

use crate::error::Result;
use crate::model::EventData;
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};

pub fn get(conn: &Connection, event_id: &str) -> Result<Option<EventData>> {
    let text: Option<String> = conn
        .query_row(
            "SELECT data FROM exchange_base WHERE event_id = ?1",
            [event_id],
            |r| r.get(0),
        )
        .optional()?;
    // A base that no longer reads (older shape) is as good as none: the merge asks more.
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

pub fn set(conn: &Connection, data: &EventData, at: DateTime<Utc>) -> Result<()> {
    let json = serde_json::to_string(data).expect("event data serialises");
    conn.execute(
        "INSERT INTO exchange_base (event_id, data, at_utc) VALUES (?1, ?2, ?3)
         ON CONFLICT (event_id) DO UPDATE SET data = excluded.data, at_utc = excluded.at_utc",
        params![
            data.event.id,
            json,
            at.to_rfc3339_opts(SecondsFormat::Secs, true)
        ],
    )?;
    Ok(())
}
