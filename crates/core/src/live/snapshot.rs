//! Computing the live snapshot: for each stage, its sessions and segments at their expected
//! times (the day's delays and actual times applied), which session is on air or next, the
//! current and next segment and how late the stage runs; then the next cue, the support clock
//! and a tag naming the cue list, so a poller that has it is not sent it again; and the instant
//! until which all this holds but for the clock (`valid_until`).

use super::support::support_clock;
use super::{LiveSegment, LiveSession, LiveSnapshot, LiveStage};
use crate::cues::{self, Cue, CueState, DayLog};
use crate::model::{EventData, Segment, Session};
use crate::schedule;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

/// A tag for a cue list: equal lists, equal tags (within one run of the app). Every field is
/// hashed as it is (no text made of the list first: a conference has tens of thousands of cues).
fn cues_tag(cues: &[Cue]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    cues.len().hash(&mut h);
    for c in cues {
        // Named one by one: a field added to `Cue` must be added here (or this stops building).
        let Cue {
            key,
            kind,
            session_id,
            segment_id,
            stage_id,
            session,
            stage,
            detail,
            planned,
            expected,
            lead_secs,
            state,
        } = c;
        (key, kind, session_id, segment_id, stage_id, session, stage).hash(&mut h);
        (detail, planned, expected, lead_secs, state).hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

/// The soonest instant after `now` among those considered: when the snapshot changes next.
struct Soonest {
    now: DateTime<Utc>,
    at: Option<DateTime<Utc>>,
}

impl Soonest {
    fn consider(&mut self, t: DateTime<Utc>) {
        if t > self.now && self.at.is_none_or(|a| t < a) {
            self.at = Some(t);
        }
    }
}

/// How long a cue stays at the head of the list after its time, unless acted on.
fn head_grace() -> Duration {
    Duration::minutes(5)
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
    let mut soonest = Soonest { now, at: None };
    // Looked up by id once, not searched for each session (a conference has thousands).
    let mut sessions_of: HashMap<&str, Vec<&Session>> = HashMap::new();
    for s in &data.sessions {
        sessions_of.entry(s.stage_id.as_str()).or_default().push(s);
    }
    // In the data's order, as `EventData::segments_of` gives them.
    let mut segments_of: HashMap<&str, Vec<&Segment>> = HashMap::new();
    for g in &data.segments {
        segments_of
            .entry(g.session_id.as_str())
            .or_default()
            .push(g);
    }
    let times_of: HashMap<&str, _> = sch
        .sessions
        .iter()
        .map(|t| (t.session_id.as_str(), t))
        .collect();
    let names: HashMap<&str, &str> = data
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let mut stages = Vec::new();
    for st in &data.stages {
        let sessions = sessions_of
            .get(st.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let mut segs: Vec<LiveSegment> = Vec::new();
        let mut running: Option<LiveSession> = None;
        let mut upcoming: Option<LiveSession> = None;
        for s in sessions {
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
            // Without an actual time the clock starts and ends it; with one, only the log does.
            if live.actual_start.is_none() {
                soonest.consider(start);
                if live.actual_end.is_none() {
                    soonest.consider(end);
                }
            }
            if started && !ended {
                running = Some(live);
            } else if !started && upcoming.as_ref().is_none_or(|u| live.start < u.start) {
                upcoming = Some(live);
            }
            if let Some(times) = times_of.get(s.id.as_str()) {
                let own = segments_of
                    .get(s.id.as_str())
                    .map_or(&[][..], Vec::as_slice);
                for (seg, t) in own.iter().zip(&times.segments) {
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
                            .filter_map(|p| names.get(p.as_str()).copied())
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
        // Each segment start moves the current and next segment on.
        if let Some(g) = segs.iter().find(|g| g.start > now) {
            soonest.consider(g.start);
        }
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
        let stage_delays = log
            .delays
            .iter()
            .filter(|d| d.stage_id == st.id && d.session_id.is_none());
        for d in stage_delays.clone() {
            soonest.consider(d.from);
        }
        let late_minutes = stage_delays
            .filter(|d| d.from <= now)
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
                && c.expected + head_grace() > now
        })
        .cloned();
    if let Some(c) = &next_cue {
        soonest.consider(c.expected + head_grace());
    }
    if rehearsal {
        // The rehearsal's scheduler marks a cue notified at its time, in memory: no one is told.
        if let Some(c) = cues
            .iter()
            .filter(|c| c.state == CueState::Pending && c.expected > now)
            .min_by_key(|c| c.expected)
        {
            soonest.consider(c.expected);
        }
    }
    let support = sch
        .support_window
        .as_ref()
        .map(|w| support_clock(w, i64::from(data.event.support_budget_minutes), now));
    if let Some(w) = &sch.support_window {
        soonest.consider(w.start);
        soonest.consider(w.end);
    }
    LiveSnapshot {
        event_id: data.event.id.clone(),
        time_zone: data.event.time_zone.clone(),
        now,
        rehearsal,
        rehearsal_speed: None,
        next_cue_in_secs: next_cue.as_ref().map(|c| (c.expected - now).num_seconds()),
        next_cue_at: next_cue.as_ref().map(|c| c.expected),
        next_cue,
        stages,
        cues_tag: cues_tag(&cues),
        cues,
        cues_unchanged: false,
        support,
        valid_until: soonest.at,
        valid_until_wall: soonest.at,
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
    /// The snapshot without what runs with the clock (the clock, the countdowns and the support
    /// minutes used): what must stay the same until `valid_until`.
    fn without_clock(mut s: LiveSnapshot) -> LiveSnapshot {
        s.now = DateTime::<Utc>::UNIX_EPOCH;
        s.next_cue_in_secs = s.next_cue_in_secs.map(|_| 0);
        for st in &mut s.stages {
            if let Some(x) = st.session.as_mut() {
                x.ends_in_secs = 0;
            }
            for g in [st.current.as_mut(), st.next.as_mut()]
                .into_iter()
                .flatten()
            {
                g.remaining_secs = 0;
            }
        }
        if let Some(sup) = s.support.as_mut() {
            sup.used_minutes = 0;
        }
        s
    }

    /// Walks the day from `from`, one `valid_until` to the next: the snapshot a second before
    /// it is the one at the start but for the clock, the one at it is another. Answers the
    /// number of steps.
    fn walk_valid_until(d: &EventData, log: &DayLog, from: DateTime<Utc>) -> usize {
        let cues = cues::timeline(d, log);
        let at = |t: DateTime<Utc>| snapshot(d, log, cues.clone(), t, false);
        let mut now = from;
        let mut steps = 0;
        while let Some(v) = at(now).valid_until {
            let here = at(now);
            assert!(v > now, "valid_until {v} is after now {now}");
            assert_eq!(
                here.valid_until_wall,
                Some(v),
                "the real day runs on the wall clock"
            );
            let second_before = v - Duration::seconds(1);
            for t in [now + (v - now) / 2, second_before] {
                if t > now {
                    let s = at(t);
                    assert_eq!(s.valid_until, Some(v), "at {t}, still valid until {v}");
                    assert_eq!(
                        without_clock(s),
                        without_clock(here.clone()),
                        "between {now} and {v} ({t}) only the clock runs"
                    );
                }
            }
            assert_ne!(
                without_clock(at(v)),
                without_clock(here),
                "at valid_until {v} (from {now}) the snapshot changes"
            );
            now = v;
            steps += 1;
            assert!(steps < 10_000, "valid_until keeps moving on");
        }
        // Past the last change, nothing changes any more.
        let last = at(now);
        assert_eq!(
            without_clock(at(now + Duration::hours(30))),
            without_clock(last),
            "nothing changes after the last valid_until"
        );
        steps
    }

    #[test]
    fn the_demo_snapshot_holds_until_valid_until_and_changes_there() {
        let d = crate::demo::event();
        let steps = walk_valid_until(&d, &DayLog::default(), utc("2027-04-15T00:00:00Z"));
        assert!(
            steps > 20,
            "a day of sessions and cues moves often ({steps})"
        );
    }

    #[test]
    fn the_demo_with_a_delay_and_an_actual_start_holds_until_valid_until() {
        let d = crate::demo::event();
        let first = d.sessions.iter().min_by_key(|s| s.start).unwrap();
        let log = DayLog {
            delays: vec![Delay {
                id: "late".into(),
                event_id: d.event.id.clone(),
                stage_id: first.stage_id.clone(),
                session_id: None,
                minutes: 4,
                from: first.start + Duration::minutes(10),
            }],
            actuals: vec![Actual {
                session_id: first.id.clone(),
                start: Some(first.start + Duration::minutes(2)),
                end: None,
            }],
            ..Default::default()
        };
        walk_valid_until(&d, &log, first.start - Duration::hours(2));
    }

    #[test]
    fn the_conference_snapshot_holds_until_valid_until_and_changes_there() {
        let d = crate::testing::conference(4, 6);
        let steps = walk_valid_until(&d, &DayLog::default(), utc("2027-05-04T10:00:00Z"));
        assert!(steps > 30, "24 sessions on 4 stages ({steps})");
    }

    #[test]
    fn mid_talk_the_snapshot_holds_until_the_next_change() {
        let d = day();
        let log = DayLog::default();
        let now = utc("2027-05-04T13:10:00Z");
        let snap = snapshot(&d, &log, timeline(&d, &log), now, false);
        let cue_at = snap.next_cue_at.unwrap();
        assert_eq!(snap.next_cue.as_ref().map(|c| c.expected), Some(cue_at));
        // Nothing starts or ends on the stage before the talk ends at 14:00; the support
        // window is open; the next cue leaves the head of the list 5 min after its time.
        assert_eq!(snap.valid_until, Some(cue_at + Duration::minutes(5)));
    }

    #[test]
    fn a_rehearsal_asks_again_when_its_scheduler_sends_the_next_cue() {
        let d = day();
        let log = DayLog::default();
        let now = utc("2027-05-04T13:10:00Z");
        let cues = timeline(&d, &log);
        let next_pending = cues
            .iter()
            .filter(|c| c.state == CueState::Pending && c.expected > now)
            .map(|c| c.expected)
            .min()
            .unwrap();
        let real = snapshot(&d, &log, cues.clone(), now, false);
        let rehearsal = snapshot(&d, &log, cues, now, true);
        assert_eq!(
            rehearsal.valid_until,
            real.valid_until.map(|v| v.min(next_pending))
        );
        // At 10×, ten simulated minutes pass in one minute of the wall clock.
        let wall = utc("2030-01-01T00:00:00Z");
        let r = rehearsal.on_rehearsal_clock(10.0, wall);
        assert_eq!(r.rehearsal_speed, Some(10.0));
        let sim_ms = (r.valid_until.unwrap() - now).num_milliseconds();
        assert_eq!(
            r.valid_until_wall,
            Some(wall + Duration::milliseconds(sim_ms / 10 + 1))
        );
    }
}
