//! The schedule engine's computations as first written (a linear look-up per session and per
//! stage).

use crate::model::EventData;
use crate::schedule::{support_window, ClosingPair, Schedule, SegmentTimes, SessionTimes};
use crate::schedule::{AV_CHECK, MIN_CHANGEOVER, SPEAKER_PREP};
use chrono::Duration;

/// Computes the timeline of `data`.
pub fn compute(data: &EventData) -> Schedule {
    let stage_pos = |id: &str| data.stage(id).map(|s| s.position).unwrap_or(u32::MAX);
    let mut sessions: Vec<SessionTimes> = data
        .sessions
        .iter()
        .map(|s| {
            let mut at = s.start;
            let segments: Vec<SegmentTimes> = data
                .segments_of(&s.id)
                .map(|seg| {
                    let start = at;
                    at = start + Duration::seconds(i64::from(seg.duration_secs));
                    SegmentTimes {
                        segment_id: seg.id.clone(),
                        title: seg.title.clone(),
                        kind: seg.kind,
                        start,
                        end: at,
                    }
                })
                .collect();
            let run = (at - s.start).num_seconds();
            SessionTimes {
                session_id: s.id.clone(),
                title: s.title.clone(),
                stage_id: s.stage_id.clone(),
                stage_name: data
                    .stage(&s.stage_id)
                    .map(|st| st.name.clone())
                    .unwrap_or_default(),
                start: s.start,
                end: s.end,
                av_check_at: s.start - AV_CHECK,
                prep_at: s.start - SPEAKER_PREP,
                run_of_show_secs: run,
                overrun_secs: (at - s.end).num_seconds().max(0),
                segments,
            }
        })
        .collect();
    sessions.sort_by(|a, b| {
        (a.start, stage_pos(&a.stage_id), &a.title).cmp(&(
            b.start,
            stage_pos(&b.stage_id),
            &b.title,
        ))
    });
    Schedule {
        event_id: data.event.id.clone(),
        time_zone: data.event.time_zone.clone(),
        support_window: support_window(data),
        sessions: sessions.into_iter().map(std::sync::Arc::new).collect(),
    }
}

/// Every consecutive pair on a stage whose gap is at least 0 and under 15 minutes.
pub fn closing_pairs(data: &EventData) -> Vec<ClosingPair> {
    let mut out = Vec::new();
    for stage in &data.stages {
        let mut on_stage: Vec<_> = data
            .sessions
            .iter()
            .filter(|s| s.stage_id == stage.id)
            .collect();
        on_stage.sort_by_key(|s| (s.start, s.end));
        for w in on_stage.windows(2) {
            let gap = w[1].start - w[0].end;
            if gap >= chrono::Duration::zero() && gap < MIN_CHANGEOVER {
                out.push(ClosingPair {
                    first: w[0].id.clone(),
                    second: w[1].id.clone(),
                    gap_minutes: gap.num_minutes(),
                });
            }
        }
    }
    out
}
