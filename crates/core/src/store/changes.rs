//! A write of an event as the rows it changed ([`Patch`]): the event row, then the stages,
//! people, sessions, segments and tasks that are new (`INSERT`), changed (`UPDATE`) or gone
//! (`DELETE`); the small per-event lists (custom cues, cue settings, destinations, the
//! checklist, the branding) are written again only when they changed. On a 2,000-session event
//! an edit of one segment writes that segment and what it moved, not 20,000 rows.

use super::{branding, cue_plan, destinations, events, people, segments, sessions, stages, tasks};
use crate::error::Result;
use crate::history::Patch;
use rusqlite::Transaction;
use std::collections::HashSet;

/// The rows of one table: which of `now` are new (not in `was`) and which ids are gone.
fn split<'a, T>(
    was: &'a [T],
    now: &'a [T],
    id: fn(&T) -> &str,
) -> (Vec<(&'a T, bool)>, Vec<&'a str>) {
    let old: HashSet<&str> = was.iter().map(id).collect();
    let kept: HashSet<&str> = now.iter().map(id).collect();
    let put = now.iter().map(|r| (r, !old.contains(id(r)))).collect();
    let gone = was.iter().map(id).filter(|i| !kept.contains(i)).collect();
    (put, gone)
}

/// Writes `patch` (its `after` side) over its `before` side, as stored. Parents are inserted and
/// children moved before anything is deleted, so no cascade takes a row that stays.
pub(super) fn write(tx: &Transaction, patch: &Patch) -> Result<()> {
    let (was, now) = (&patch.before, &patch.after);
    let event_id = now.event.id.as_str();
    events::update(tx, &now.event)?;
    let lists = [
        ("custom_cues", now.custom_cues.is_some()),
        ("cue_settings", now.cue_settings.is_some()),
        ("destinations", now.destinations.is_some()),
        ("brand_items", now.brand_items.is_some()),
    ];
    for (table, changed) in lists {
        if changed {
            tx.execute(
                &format!("DELETE FROM {table} WHERE event_id = ?1"),
                [event_id],
            )?;
        }
    }
    let (stage_rows, stages_gone) = split(&was.stages, &now.stages, |r| &r.id);
    for (r, new) in stage_rows {
        if new {
            stages::insert(tx, r)?
        } else {
            stages::update(tx, r)?
        }
    }
    let (person_rows, people_gone) = split(&was.people, &now.people, |r| &r.id);
    for (r, new) in person_rows {
        if new {
            people::insert(tx, r)?
        } else {
            people::update(tx, r)?
        }
    }
    let (session_rows, sessions_gone) = split(&was.sessions, &now.sessions, |r| &r.id);
    for (r, new) in session_rows {
        if new {
            sessions::insert(tx, r)?
        } else {
            sessions::update(tx, r)?
        }
    }
    let (segment_rows, segments_gone) = split(&was.segments, &now.segments, |r| &r.id);
    for (r, new) in segment_rows {
        if new {
            segments::insert(tx, r)?
        } else {
            segments::update(tx, r)?
        }
    }
    let (task_rows, tasks_gone) = split(&was.tasks, &now.tasks, |r| &r.id);
    for (r, new) in task_rows {
        if new {
            tasks::insert(tx, r)?
        } else {
            tasks::update(tx, r)?
        }
    }
    // Children first (a cascade would take them anyway; this way each goes by its own id).
    for (table, ids) in [
        ("tasks", tasks_gone),
        ("segments", segments_gone),
        ("sessions", sessions_gone),
        ("people", people_gone),
        ("stages", stages_gone),
    ] {
        // Segments have no event column: their ids come from this event's own rows.
        let sql = if table == "segments" {
            "DELETE FROM segments WHERE id = ?1 AND ?2 = ?2".to_string()
        } else {
            format!("DELETE FROM {table} WHERE id = ?1 AND event_id = ?2")
        };
        let mut stmt = tx.prepare_cached(&sql)?;
        for id in ids {
            stmt.execute([id, event_id])?;
        }
    }
    if let Some(l) = &now.custom_cues {
        for c in l {
            cue_plan::insert_custom(tx, event_id, c)?;
        }
    }
    if let Some(l) = &now.cue_settings {
        for c in l {
            cue_plan::insert_setting(tx, event_id, c)?;
        }
    }
    if let Some(l) = &now.destinations {
        for x in l {
            destinations::insert(tx, x)?;
        }
    }
    if let Some(l) = &now.brand_items {
        for it in l {
            branding::insert(tx, it)?;
        }
    }
    if let Some(b) = &now.branding {
        branding::set(tx, event_id, b)?;
    }
    Ok(())
}
