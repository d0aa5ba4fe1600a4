//! Stored items built from the fields a form sent, and the small lookups the edits share.

use super::fields::{PersonFields, SegmentFields, SessionFields};
use crate::error::{Error, Invalid, Result};
use crate::model::*;
use crate::time::parse_instant;
use chrono_tz::Tz;

pub(super) fn find_mut<'a, T>(
    items: &'a mut [T],
    id: &str,
    kind: &'static str,
    key: fn(&T) -> &str,
) -> Result<&'a mut T> {
    items
        .iter_mut()
        .find(|x| key(x) == id)
        .ok_or_else(|| Error::NotFound {
            kind,
            id: id.into(),
        })
}

pub(super) fn duration(v: i64) -> Result<u32> {
    if v < 0 {
        return Err(Error::invalid(
            "segment.durationSecs",
            Invalid::OutOfRange(format!("{v} s is negative")),
        ));
    }
    u32::try_from(v)
        .ok()
        .filter(|d| *d <= 24 * 3600)
        .ok_or_else(|| {
            Error::invalid(
                "segment.durationSecs",
                Invalid::OutOfRange(format!("{v} s is over 24 h")),
            )
        })
}

pub(super) fn session_from(
    fields: &SessionFields,
    id: String,
    event_id: String,
    zone: Tz,
) -> Result<Session> {
    Ok(Session {
        id,
        event_id,
        stage_id: fields.stage_id.clone(),
        title: fields.title.trim().to_string(),
        start: parse_instant("session.start", &fields.start, zone)?,
        end: parse_instant("session.end", &fields.end, zone)?,
        livestream: fields.livestream,
        recording: fields.recording,
        vod: fields.vod,
        restream: fields.restream,
    })
}

pub(super) fn segment_from(
    fields: &SegmentFields,
    id: String,
    session_id: String,
    position: u32,
) -> Result<Segment> {
    let mut presenters: Vec<String> = Vec::new();
    for p in &fields.presenter_ids {
        if !presenters.contains(p) {
            presenters.push(p.clone());
        }
    }
    Ok(Segment {
        id,
        session_id,
        position,
        kind: fields.kind,
        title: fields.title.trim().to_string(),
        duration_secs: duration(fields.duration_secs)?,
        presenter_ids: presenters,
        notes: fields.notes.clone(),
    })
}

pub(super) fn person_from(fields: &PersonFields, id: String, event_id: String) -> Person {
    let tz = fields.time_zone.trim();
    Person {
        id,
        event_id,
        name: fields.name.trim().to_string(),
        role: fields.role,
        email: fields.email.trim().to_string(),
        time_zone: (!tz.is_empty()).then(|| tz.to_string()),
        invitation_sent: fields.invitation_sent,
        tech_check_done: fields.tech_check_done,
        instructions_sent: fields.instructions_sent,
    }
}

/// Renumbers one session's segments 0..n in their current order.
pub(super) fn renumber(d: &mut EventData, order: Vec<String>) {
    for (i, id) in order.iter().enumerate() {
        if let Some(g) = d.segments.iter_mut().find(|g| &g.id == id) {
            g.position = i as u32;
        }
    }
}

pub(super) fn ordered_ids(d: &EventData, session_id: &str) -> Vec<String> {
    let mut segs: Vec<&Segment> = d.segments_of(session_id).collect();
    segs.sort_by_key(|g| g.position);
    segs.into_iter().map(|g| g.id.clone()).collect()
}
