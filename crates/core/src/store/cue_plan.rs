//! The `custom_cues` and `cue_settings` tables: the parts of the cue plan the analyst edits.

use super::code;
use crate::cues::CueKind;
use crate::error::Result;
use crate::model::{CueAnchor, CueSetting, CustomCue};
use rusqlite::{params, Connection};

pub(super) fn list_custom(conn: &Connection, event_id: &str) -> Result<Vec<CustomCue>> {
    let mut stmt = conn.prepare(
        "SELECT id, session_id, segment_id, anchor, offset_secs, kind, text, lead_secs
         FROM custom_cues WHERE event_id = ?1",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok(CustomCue {
            id: r.get(0)?,
            session_id: r.get(1)?,
            segment_id: r.get(2)?,
            anchor: code("cue anchor", r.get(3)?, CueAnchor::from_code)?,
            offset_secs: r.get(4)?,
            kind: code("cue kind", r.get(5)?, CueKind::from_code)?,
            text: r.get(6)?,
            lead_secs: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn insert_custom(conn: &Connection, event_id: &str, c: &CustomCue) -> Result<()> {
    conn.execute(
        "INSERT INTO custom_cues (id, event_id, session_id, segment_id, anchor, offset_secs, kind, text, lead_secs)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            c.id,
            event_id,
            c.session_id,
            c.segment_id,
            c.anchor.code(),
            c.offset_secs,
            c.kind.code(),
            c.text,
            c.lead_secs
        ],
    )?;
    Ok(())
}

pub(super) fn list_settings(conn: &Connection, event_id: &str) -> Result<Vec<CueSetting>> {
    let mut stmt =
        conn.prepare("SELECT kind, enabled, lead_secs FROM cue_settings WHERE event_id = ?1")?;
    let rows = stmt.query_map([event_id], |r| {
        Ok(CueSetting {
            kind: code("cue kind", r.get(0)?, CueKind::from_code)?,
            enabled: r.get(1)?,
            lead_secs: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn insert_setting(conn: &Connection, event_id: &str, c: &CueSetting) -> Result<()> {
    conn.execute(
        "INSERT INTO cue_settings (event_id, kind, enabled, lead_secs) VALUES (?1, ?2, ?3, ?4)",
        params![event_id, c.kind.code(), c.enabled, c.lead_secs],
    )?;
    Ok(())
}
