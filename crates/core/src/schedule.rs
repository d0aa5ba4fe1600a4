//! The schedule engine: from the stored event it computes every segment's planned start and end
//! (segments run back to back from the session start), each session's support instants (speaker
//! prep at T−15, AV check) and the event's support window (first start − 30 min to last end
//! + 30 min). Pure: no clock, no I/O.

use crate::model::{EventData, Segment, SegmentKind, Session, Stage};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use ts_rs::TS;

/// The support window opens this long before the first session.
pub const SUPPORT_LEAD: Duration = Duration::minutes(30);
/// The support window closes this long after the last session.
pub const SUPPORT_TAIL: Duration = Duration::minutes(30);
/// Speakers are prepared this long before their session.
pub const SPEAKER_PREP: Duration = Duration::minutes(15);
/// Below this gap between two sessions on a stage, the customer's team must close the first.
pub const MIN_CHANGEOVER: Duration = Duration::minutes(15);
/// The lighting/video/audio check happens this long before the session (before speaker prep).
pub const AV_CHECK: Duration = Duration::minutes(30);

/// The computed timeline of one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    pub event_id: String,
    pub time_zone: String,
    /// `None` while the event has no session.
    pub support_window: Option<SupportWindow>,
    /// Ordered by start, then stage position. Each is shared with the schedule of an earlier
    /// copy of the event when its session, stage and run of show are the same
    /// ([`compute_since`]).
    pub sessions: Vec<Arc<SessionTimes>>,
}

/// When the analyst is on duty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupportWindow {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    #[ts(type = "number")]
    pub minutes: i64,
}

/// One session's computed instants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionTimes {
    pub session_id: String,
    pub title: String,
    pub stage_id: String,
    pub stage_name: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Lighting/video/audio check.
    pub av_check_at: DateTime<Utc>,
    /// Speaker preparation (T−15).
    pub prep_at: DateTime<Utc>,
    /// Sum of the run of show's planned durations.
    #[ts(type = "number")]
    pub run_of_show_secs: i64,
    /// How far the run of show runs past the session end (0 when it fits).
    #[ts(type = "number")]
    pub overrun_secs: i64,
    pub segments: Vec<SegmentTimes>,
}

/// One segment's computed instants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SegmentTimes {
    pub segment_id: String,
    pub title: String,
    pub kind: SegmentKind,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// Computes the timeline of `data`.
pub fn compute(data: &EventData) -> Schedule {
    // One pass over the stages and the segments instead of a search per session.
    let mut stages: HashMap<&str, &Stage> = HashMap::with_capacity(data.stages.len());
    for st in &data.stages {
        stages.entry(st.id.as_str()).or_insert(st);
    }
    let mut segments_of: HashMap<&str, Vec<&Segment>> = HashMap::with_capacity(data.sessions.len());
    for seg in &data.segments {
        segments_of
            .entry(seg.session_id.as_str())
            .or_default()
            .push(seg);
    }
    let mut sessions: Vec<(u32, SessionTimes)> = data
        .sessions
        .iter()
        .map(|s| {
            let stage = stages.get(s.stage_id.as_str()).copied();
            let run = segments_of
                .get(s.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            let times = session_times(s, stage, run.iter().copied());
            (stage.map_or(u32::MAX, |st| st.position), times)
        })
        .collect();
    sessions.sort_by(|(pa, a), (pb, b)| (a.start, pa, &a.title).cmp(&(b.start, pb, &b.title)));
    Schedule {
        event_id: data.event.id.clone(),
        time_zone: data.event.time_zone.clone(),
        support_window: support_window(data),
        sessions: sessions.into_iter().map(|(_, s)| Arc::new(s)).collect(),
    }
}

/// One session's instants: its segments back to back from its start.
fn session_times<'a>(
    s: &Session,
    stage: Option<&Stage>,
    run: impl Iterator<Item = &'a Segment>,
) -> SessionTimes {
    let mut at = s.start;
    let segments: Vec<SegmentTimes> = run
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
    SessionTimes {
        session_id: s.id.clone(),
        title: s.title.clone(),
        stage_id: s.stage_id.clone(),
        stage_name: stage.map(|st| st.name.clone()).unwrap_or_default(),
        start: s.start,
        end: s.end,
        av_check_at: s.start - AV_CHECK,
        prep_at: s.start - SPEAKER_PREP,
        run_of_show_secs: (at - s.start).num_seconds(),
        overrun_secs: (at - s.end).num_seconds().max(0),
        segments,
    }
}

/// How many sessions whose run of show changed [`compute_since`] works out alone; past that,
/// the whole schedule is computed again.
const FEW_CHANGED: usize = 32;

/// [`compute`] of `data`, a later copy of `prev_data`, whose schedule is `prev`: when only
/// segments changed (the sessions are the very same list, the stages and the event's zone
/// equal), only the sessions whose run of show changed are worked out again, and the others
/// are shared with `prev`. The result is the one [`compute`] gives.
pub fn compute_since(prev: &Schedule, prev_data: &EventData, data: &EventData) -> Schedule {
    let same_frame = data.sessions.same(&prev_data.sessions)
        && data.stages == prev_data.stages
        && data.event.id == prev_data.event.id
        && data.event.time_zone == prev_data.event.time_zone
        && prev.event_id == prev_data.event.id
        && prev.time_zone == prev_data.event.time_zone;
    if !same_frame {
        return compute(data);
    }
    if data.segments.same(&prev_data.segments) {
        return prev.clone();
    }
    match changed_runs(&prev_data.segments, &data.segments) {
        Some(changed) if changed.len() <= FEW_CHANGED => {
            let mut next = prev.clone();
            for id in changed {
                // The one session with this id (a repeated id is left to the whole compute),
                // and the one entry of the schedule made from it.
                let mut rows = data.sessions.iter().filter(|s| s.id == id);
                let (Some(session), None) = (rows.next(), rows.next()) else {
                    return compute(data);
                };
                let Some(slot) = next.sessions.iter_mut().find(|t| t.session_id == id) else {
                    return compute(data);
                };
                let stage = data.stages.iter().find(|st| st.id == session.stage_id);
                let run = data.segments.iter().filter(|g| g.session_id == id);
                *slot = Arc::new(session_times(session, stage, run));
            }
            next
        }
        _ => compute(data),
    }
}

/// The sessions whose segments differ between two run-of-show lists in canonical order (each
/// session's segments together, the sessions in one order); `None` when a session's segments
/// appear in only one of them, or in another place.
fn changed_runs<'a>(old: &[Segment], new: &'a [Segment]) -> Option<Vec<&'a str>> {
    let run_end = |list: &[Segment], from: usize| {
        let id = &list[from].session_id;
        from + list[from..]
            .iter()
            .take_while(|g| &g.session_id == id)
            .count()
    };
    let (mut i, mut j) = (0, 0);
    let mut changed: Vec<&str> = Vec::new();
    while i < old.len() && j < new.len() {
        if old[i].session_id != new[j].session_id {
            return None;
        }
        let (ei, ej) = (run_end(old, i), run_end(new, j));
        if old[i..ei] != new[j..ej] {
            let id = new[j].session_id.as_str();
            // A session's segments split in two places: not canonical.
            if changed.contains(&id) {
                return None;
            }
            changed.push(id);
            if changed.len() > FEW_CHANGED {
                return None;
            }
        }
        (i, j) = (ei, ej);
    }
    (i == old.len() && j == new.len()).then_some(changed)
}

/// First session start − 30 min to last session end + 30 min; `None` without sessions.
pub fn support_window(data: &EventData) -> Option<SupportWindow> {
    let first = data.sessions.iter().map(|s| s.start).min()?;
    let last = data.sessions.iter().map(|s| s.end).max()?;
    let (start, end) = (first - SUPPORT_LEAD, last + SUPPORT_TAIL);
    Some(SupportWindow {
        start,
        end,
        minutes: (end - start).num_minutes(),
    })
}

/// Two consecutive sessions on one stage with less than 15 minutes between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosingPair {
    /// The session the customer's team must close.
    pub first: String,
    pub second: String,
    pub gap_minutes: i64,
}

/// Every consecutive pair on a stage whose gap is at least 0 and under 15 minutes.
pub fn closing_pairs(data: &EventData) -> Vec<ClosingPair> {
    closing_sessions(data)
        .into_iter()
        .map(|(first, second, gap)| ClosingPair {
            first: first.id.clone(),
            second: second.id.clone(),
            gap_minutes: gap.num_minutes(),
        })
        .collect()
}

/// What [`closing_pairs`] finds, as the two sessions and their gap: stage by stage, each stage's
/// sessions by start then end (the event's order on a tie).
pub(crate) fn closing_sessions(data: &EventData) -> Vec<(&Session, &Session, Duration)> {
    let mut by_stage: HashMap<&str, Vec<&Session>> = HashMap::with_capacity(data.stages.len());
    for s in &data.sessions {
        by_stage.entry(s.stage_id.as_str()).or_default().push(s);
    }
    let mut out = Vec::new();
    for stage in &data.stages {
        let Some(on_stage) = by_stage.get(stage.id.as_str()) else {
            continue;
        };
        let mut on_stage = on_stage.clone();
        on_stage.sort_by_key(|s| (s.start, s.end));
        for w in on_stage.windows(2) {
            let gap = w[1].start - w[0].end;
            if gap >= Duration::zero() && gap < MIN_CHANGEOVER {
                out.push((w[0], w[1], gap));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn segments_run_back_to_back_from_the_session_start() {
        let mut d = event("America/Toronto");
        let st = stage(&mut d, "A");
        let s = session(
            &mut d,
            &st,
            "Keynote",
            "2027-03-10T14:00:00Z",
            "2027-03-10T15:00:00Z",
        );
        segment(&mut d, &s, "Welcome", 300, &[]);
        segment(&mut d, &s, "Talk", 2400, &[]);
        segment(&mut d, &s, "Q&A", 900, &[]);
        let sch = compute(&d);
        let segs = &sch.sessions[0].segments;
        assert_eq!(segs[1].start, utc("2027-03-10T14:05:00Z"));
        assert_eq!(segs[2].end, utc("2027-03-10T15:00:00Z"));
        assert_eq!(sch.sessions[0].overrun_secs, 0);
        assert_eq!(sch.sessions[0].prep_at, utc("2027-03-10T13:45:00Z"));
    }

    #[test]
    fn overrun_is_how_far_the_run_of_show_passes_the_end() {
        let mut d = event("UTC");
        let st = stage(&mut d, "A");
        let s = session(
            &mut d,
            &st,
            "S",
            "2027-03-10T14:00:00Z",
            "2027-03-10T14:30:00Z",
        );
        segment(&mut d, &s, "Long", 35 * 60, &[]);
        assert_eq!(compute(&d).sessions[0].overrun_secs, 300);
    }

    #[test]
    fn support_window_is_thirty_minutes_either_side() {
        let mut d = event("Europe/Paris");
        let st = stage(&mut d, "A");
        session(
            &mut d,
            &st,
            "Late",
            "2027-03-10T16:00:00Z",
            "2027-03-10T17:00:00Z",
        );
        session(
            &mut d,
            &st,
            "Early",
            "2027-03-10T09:00:00Z",
            "2027-03-10T10:00:00Z",
        );
        let w = support_window(&d).unwrap();
        assert_eq!(w.start, utc("2027-03-10T08:30:00Z"));
        assert_eq!(w.end, utc("2027-03-10T17:30:00Z"));
        assert_eq!(w.minutes, 9 * 60);
        assert_eq!(compute(&d).sessions[0].title, "Early", "sorted by start");
    }

    #[test]
    fn empty_event_has_no_window() {
        assert!(support_window(&event("UTC")).is_none());
    }

    #[test]
    fn window_across_the_spring_forward_night_counts_real_minutes() {
        // 2027-03-14 02:00 EST → 03:00 EDT in Toronto: 01:00–04:00 local is only 2 h of real time.
        let mut d = event("America/Toronto");
        let st = stage(&mut d, "A");
        session(
            &mut d,
            &st,
            "Night",
            "2027-03-14T06:00:00Z",
            "2027-03-14T08:00:00Z",
        );
        let w = support_window(&d).unwrap();
        assert_eq!(w.minutes, 180);
    }
}
