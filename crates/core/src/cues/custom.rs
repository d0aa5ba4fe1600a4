//! The cues the analyst added by hand: each anchored to its session's or segment's start or end,
//! plus an offset, at the planned instant that gives.

use crate::model::{Cue, CueAnchor, CueState, EventData};
use crate::schedule;
use chrono::Duration;

/// The cues the analyst added by hand, at their planned instants.
pub(super) fn custom(data: &EventData, sch: &schedule::Schedule) -> Vec<Cue> {
    let mut out = Vec::new();
    for c in &data.custom_cues {
        let Some(st) = sch.sessions.iter().find(|s| s.session_id == c.session_id) else {
            continue;
        };
        let seg = c
            .segment_id
            .as_ref()
            .and_then(|g| st.segments.iter().find(|t| &t.segment_id == g));
        let base = match (c.anchor, seg) {
            (CueAnchor::SessionStart, _) => st.start,
            (CueAnchor::SessionEnd, _) => st.end,
            (CueAnchor::SegmentStart, Some(t)) => t.start,
            (CueAnchor::SegmentEnd, Some(t)) => t.end,
            _ => continue,
        };
        let at = base + Duration::seconds(c.offset_secs);
        out.push(Cue {
            key: format!("custom:{}", c.id),
            kind: c.kind,
            session_id: c.session_id.clone(),
            segment_id: c.segment_id.clone(),
            stage_id: st.stage_id.clone(),
            session: st.title.clone(),
            stage: st.stage_name.clone(),
            detail: c.text.clone(),
            planned: at,
            expected: at,
            lead_secs: c.lead_secs,
            state: CueState::Pending,
        });
    }
    out
}
