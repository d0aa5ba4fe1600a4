//! [`event_data_since`]: the whole-snapshot check of an edit's result, reading only what the
//! edit changed. A 2,000-session event holds about 30,000 rows; a segment's edit changes one.

use super::{event_data, id, ids, not_empty, within, MAX_POSITION, MAX_SEGMENT_SECS};
use crate::error::Result;
use crate::model::{EventData, Session, Shared};

/// How many changed sessions and segments are checked one by one.
const FEW: usize = 32;

/// Checks `d`, a copy of `base` that an edit changed, as [`event_data`] would; `base` passed
/// [`event_data`] itself. Only the rows that differ from `base` are read where that is enough
/// to know the answer; otherwise (and on any fault, so the error is the one [`event_data`]
/// names first) the whole snapshot is checked.
pub fn event_data_since(base: &EventData, d: &EventData) -> Result<()> {
    if rows_valid(base, d) {
        return Ok(());
    }
    event_data(d)
}

/// The rows of `now` that are not those of `base` at the same place, when both lists hold
/// the same ids in the same order (so every reference into them still holds); `None` when
/// ids came, went or moved.
fn changed_rows<'a, T: PartialEq>(
    now: &'a Shared<T>,
    base: &Shared<T>,
    id_of: fn(&T) -> &str,
) -> Option<Vec<&'a T>> {
    if now.same(base) {
        return Some(Vec::new());
    }
    if now.len() != base.len() {
        return None;
    }
    let mut out = Vec::new();
    for (a, b) in now.iter().zip(base.iter()) {
        if id_of(a) != id_of(b) {
            return None;
        }
        if a != b {
            out.push(a);
        }
    }
    Some(out)
}

/// Whether `d` is surely valid, reading only what changed since `base`; `false` also when
/// unsure (the caller then checks everything).
fn rows_valid(base: &EventData, d: &EventData) -> bool {
    // The small lists and the event itself: anything changed there is checked the plain way.
    let small_same = d.event == base.event
        && d.branding == base.branding
        && d.stages == base.stages
        && d.custom_cues == base.custom_cues
        && d.cue_settings == base.cue_settings
        && d.destinations == base.destinations
        && d.brand_items == base.brand_items;
    if !small_same || !d.people.same(&base.people) {
        return false;
    }
    let Some(sessions) = changed_rows(&d.sessions, &base.sessions, |s| &s.id) else {
        return false;
    };
    let Some(segments) = changed_rows(&d.segments, &base.segments, |g| &g.id) else {
        return false;
    };
    let Some(tasks) = changed_rows(&d.tasks, &base.tasks, |t| &t.id) else {
        return false;
    };
    // References are looked for row by row below: past a few rows, the plain check (which
    // indexes the ids once) is quicker.
    if sessions.len() + segments.len() > FEW {
        return false;
    }
    sessions.iter().all(|s| session_ok(d, s))
        && segments.iter().all(|g| {
            // The ids of sessions and people are those `base` held, so a reference is
            // looked for among them (a few rows change: no index is built).
            let refs_ok = d.sessions.iter().any(|s| s.id == g.session_id)
                && g.presenter_ids
                    .iter()
                    .all(|p| d.people.iter().any(|x| &x.id == p));
            refs_ok
                && id("segment.id", &g.id).is_ok()
                && id("segment.sessionId", &g.session_id).is_ok()
                && ids("segment.presenterIds", &g.presenter_ids).is_ok()
                && not_empty("segment.title", &g.title).is_ok()
                && within("segment.position", g.position, 0..=MAX_POSITION, "").is_ok()
                && within(
                    "segment.durationSecs",
                    g.duration_secs,
                    0..=MAX_SEGMENT_SECS,
                    "",
                )
                .is_ok()
        })
        && tasks.iter().all(|t| {
            id("task.id", &t.id).is_ok()
                && (t.event_id == d.event.id || id("task.eventId", &t.event_id).is_ok())
                && ids("task.sessionId", &t.session_id).is_ok()
        })
}

/// One session's own checks, as [`event_data`] makes them.
fn session_ok(d: &EventData, s: &Session) -> bool {
    (id("session.id", &s.id).is_ok())
        && (s.event_id == d.event.id || id("session.eventId", &s.event_id).is_ok())
        && id("session.stageId", &s.stage_id).is_ok()
        && not_empty("session.title", &s.title).is_ok()
        && super::YEARS.contains(&chrono::Datelike::year(&s.start.date_naive()))
        && super::YEARS.contains(&chrono::Datelike::year(&s.end.date_naive()))
        && s.end > s.start
        && d.stages.iter().any(|st| st.id == s.stage_id)
}
