//! Computing the live snapshot: for each stage, its sessions and segments at their expected
//! times (the day's delays and actual times applied), which session is on air or next, the
//! current and next segment and how late the stage runs; then the next cue, the support clock
//! and a tag naming the cue list, so a poller that has it is not sent it again.

use super::support::support_clock;
use super::{LiveSegment, LiveSession, LiveSnapshot, LiveStage};
use crate::cues::{self, Cue, CueState, DayLog};
use crate::model::EventData;
use crate::schedule;
use chrono::{DateTime, Duration, Utc};

/// A tag for a cue list: equal lists, equal tags (within one run of the app).
fn cues_tag(cues: &[Cue]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_string(cues).unwrap_or_default().hash(&mut h);
    format!("{:016x}", h.finish())
}

/// Computes the live snapshot at `now`.
pub fn snapshot(
    data: &EventData,
    log: &DayLog,
    cues: Vec<Cue>,
    now: DateTime<Utc>,
    rehearsal: bool,
) -> LiveSnapshot {
    let sch = schedule::compute(data);
    let mut stages = Vec::new();
    for st in &data.stages {
        let sessions: Vec<_> = data
            .sessions
            .iter()
            .filter(|s| s.stage_id == st.id)
            .collect();
        let mut segs: Vec<LiveSegment> = Vec::new();
        let mut running: Option<LiveSession> = None;
        let mut upcoming: Option<LiveSession> = None;
        for s in &sessions {
            let actual = log.actuals.iter().find(|a| a.session_id == s.id);
            let (start, end) = (
                cues::expected(s.start, s, log),
                cues::expected(s.end, s, log),
            );
            let live = LiveSession {
                session_id: s.id.clone(),
                title: s.title.clone(),
                start,
                end,
                ends_in_secs: (end - now).num_seconds(),
                actual_start: actual.and_then(|a| a.start),
                actual_end: actual.and_then(|a| a.end),
            };
            let started = live.actual_start.is_some() || now >= start;
            let ended = live.actual_end.is_some() || (live.actual_start.is_none() && now >= end);
            if started && !ended {
                running = Some(live);
            } else if !started && upcoming.as_ref().is_none_or(|u| live.start < u.start) {
                upcoming = Some(live);
            }
            if let Some(times) = sch.sessions.iter().find(|x| x.session_id == s.id) {
                for (seg, t) in data.segments_of(&s.id).zip(&times.segments) {
                    let (a, b) = (
                        cues::expected(t.start, s, log),
                        cues::expected(t.end, s, log),
                    );
                    segs.push(LiveSegment {
                        segment_id: seg.id.clone(),
                        session_id: s.id.clone(),
                        title: seg.title.clone(),
                        kind: seg.kind,
                        presenters: seg
                            .presenter_ids
                            .iter()
                            .filter_map(|p| data.person(p).map(|p| p.name.clone()))
                            .collect::<Vec<_>>()
                            .join(", "),
                        start: a,
                        end: b,
                        remaining_secs: (b - now).num_seconds(),
                    });
                }
            }
        }
        segs.sort_by_key(|s| s.start);
        let on_air = running.is_some();
        let session = running.or(upcoming);
        // The current segment: the one in progress; past its end while the session still
        // runs, the last one started (its remaining time goes negative: overtime).
        let current = if let (true, Some(s)) = (on_air, session.as_ref()) {
            let sid = &s.session_id;
            segs.iter()
                .rfind(|g| &g.session_id == sid && g.start <= now)
                .cloned()
        } else {
            None
        };
        let next = segs
            .iter()
            .find(|g| {
                g.start > now
                    && current
                        .as_ref()
                        .is_none_or(|c| c.segment_id != g.segment_id)
            })
            .cloned();
        let late_minutes = log
            .delays
            .iter()
            .filter(|d| d.stage_id == st.id && d.session_id.is_none() && d.from <= now)
            .map(|d| d.minutes)
            .sum();
        stages.push(LiveStage {
            stage_id: st.id.clone(),
            name: st.name.clone(),
            session,
            on_air,
            current,
            next,
            late_minutes,
        });
    }
    let next_cue = cues
        .iter()
        .find(|c| {
            matches!(c.state, CueState::Pending | CueState::Notified)
                && c.expected >= now - Duration::minutes(5)
        })
        .cloned();
    let support = sch
        .support_window
        .as_ref()
        .map(|w| support_clock(w, i64::from(data.event.support_budget_minutes), now));
    LiveSnapshot {
        event_id: data.event.id.clone(),
        time_zone: data.event.time_zone.clone(),
        now,
        rehearsal,
        rehearsal_speed: None,
        next_cue_in_secs: next_cue.as_ref().map(|c| (c.expected - now).num_seconds()),
        next_cue,
        stages,
        cues_tag: cues_tag(&cues),
        cues,
        cues_unchanged: false,
        support,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::day;
    use super::*;
    use crate::cues::{timeline, Actual, CueKind, Delay};
    use crate::testing::*;

    #[test]
    fn mid_talk_the_stage_shows_current_next_and_time_left() {
        let d = day();
        let log = DayLog::default();
        let now = utc("2027-05-04T13:10:00Z");
        let snap = snapshot(&d, &log, timeline(&d, &log), now, false);
        let st = &snap.stages[0];
        assert!(st.on_air);
        assert_eq!(st.current.as_ref().unwrap().title, "Talk");
        assert_eq!(st.current.as_ref().unwrap().remaining_secs, 50 * 60);
        assert_eq!(st.session.as_ref().unwrap().ends_in_secs, 50 * 60);
        assert!(st.next.is_none(), "Panel has no segments");
        let sup = snap.support.unwrap();
        assert!(sup.open);
        assert_eq!(sup.used_minutes, 40, "window opened at 12:30");
        let next = snap.next_cue.unwrap();
        assert_eq!(
            (next.kind, next.session.as_str()),
            (CueKind::AvCheck, "Panel")
        );
        assert_eq!(snap.next_cue_in_secs, Some(25 * 60));
    }

    #[test]
    fn a_session_started_late_and_still_running_counts_overtime() {
        let d = day();
        let log = DayLog {
            actuals: vec![Actual {
                session_id: d.sessions[0].id.clone(),
                start: Some(utc("2027-05-04T13:03:00Z")),
                end: None,
            }],
            ..Default::default()
        };
        let now = utc("2027-05-04T14:04:00Z");
        let snap = snapshot(&d, &log, timeline(&d, &log), now, false);
        let st = &snap.stages[0];
        assert!(st.on_air);
        assert_eq!(st.session.as_ref().unwrap().title, "Keynote");
        assert_eq!(
            st.session.as_ref().unwrap().ends_in_secs,
            -60,
            "one minute over"
        );
        assert_eq!(st.current.as_ref().unwrap().remaining_secs, -60);
    }

    #[test]
    fn between_sessions_the_stage_shows_the_next_one() {
        let d = day();
        let log = DayLog {
            delays: vec![Delay {
                id: "x".into(),
                event_id: d.event.id.clone(),
                stage_id: d.stages[0].id.clone(),
                session_id: None,
                minutes: 3,
                from: utc("2027-05-04T14:00:00Z"),
            }],
            ..Default::default()
        };
        let now = utc("2027-05-04T14:03:30Z");
        let snap = snapshot(&d, &log, timeline(&d, &log), now, false);
        let st = &snap.stages[0];
        assert!(!st.on_air);
        assert_eq!(st.session.as_ref().unwrap().title, "Panel");
        assert_eq!(
            st.session.as_ref().unwrap().start,
            utc("2027-05-04T14:08:00Z")
        );
        assert_eq!(st.late_minutes, 3);
    }

    #[test]
    fn a_poll_that_has_the_cue_list_gets_the_rest_only() {
        let d = crate::demo::event();
        let log = DayLog::default();
        let at = |t: &str| {
            snapshot(
                &d,
                &log,
                cues::timeline(&d, &log),
                crate::testing::utc(t),
                false,
            )
        };
        let first = at("2027-04-15T12:40:00Z");
        assert!(!first.cues.is_empty());
        let tag = first.cues_tag.clone();
        // A second later: same cues, so the poller gets the clock and the stages only.
        let later = at("2027-04-15T12:40:01Z").since(Some(&tag));
        assert!(later.cues_unchanged && later.cues.is_empty());
        assert_eq!(later.cues_tag, tag);
        // Without the tag, or once a cue changed, the list comes whole.
        assert_eq!(
            at("2027-04-15T12:40:01Z").since(None).cues.len(),
            first.cues.len()
        );
        let mut marked = log.clone();
        marked.records.push(cues::CueRecord {
            key: first.cues[0].key.clone(),
            state: CueState::Done,
            at: crate::testing::utc("2027-04-15T12:40:00Z"),
        });
        let after = snapshot(
            &d,
            &marked,
            cues::timeline(&d, &marked),
            crate::testing::utc("2027-04-15T12:40:02Z"),
            false,
        )
        .since(Some(&tag));
        assert!(!after.cues_unchanged && after.cues.len() == first.cues.len());
        assert_ne!(after.cues_tag, tag);
    }
}
