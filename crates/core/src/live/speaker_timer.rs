//! What the speaker timer window shows: one stage's current segment, its presenters and the time
//! left, with the thresholds at which the display turns amber and red, and the analyst's line.
//! Between sessions, the next session and the time until it starts. Like the live snapshot, it
//! carries the instants its countdowns count to and until when it holds, so the window ticks by
//! itself and asks again only when told something changed or at `valid_until`.

use super::LiveSnapshot;
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// What the speaker timer window shows: one stage's current speaker and time left.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpeakerTimer {
    pub now: DateTime<Utc>,
    pub time_zone: String,
    pub rehearsal: bool,
    /// The rehearsal clock's speed (simulated seconds per second), when rehearsing.
    pub rehearsal_speed: Option<f64>,
    pub stage_name: String,
    pub segment_title: String,
    pub presenters: String,
    /// Seconds left in the current segment (negative: overtime); `None` when nothing is on.
    #[ts(type = "number | null")]
    pub remaining_secs: Option<i64>,
    /// The instant `remaining_secs` counts to (the current segment's expected end).
    pub ends_at: Option<DateTime<Utc>>,
    /// Between sessions: the title of the stage's next session (empty when none is to come or
    /// a segment is on).
    pub next_title: String,
    /// Between sessions: when the next session is expected to start.
    pub next_starts_at: Option<DateTime<Utc>>,
    /// Seconds until `next_starts_at`, at `now`.
    #[ts(type = "number | null")]
    pub next_starts_in_secs: Option<i64>,
    /// Amber from this many seconds left.
    #[ts(type = "number")]
    pub amber_at_secs: i64,
    /// Red from this many seconds left (and in overtime).
    #[ts(type = "number")]
    pub red_at_secs: i64,
    /// The line the analyst sent ("wrap up", "5 min"), empty for none.
    pub message: String,
    /// The analyst blacked the timer out: show nothing at all.
    pub blackout: bool,
    /// The live snapshot's `valid_until`: ask again then (on the timer's clock).
    pub valid_until: Option<DateTime<Utc>>,
    /// The same on the wall clock.
    pub valid_until_wall: Option<DateTime<Utc>>,
}

/// The speaker timer for `stage_id` (or the first stage on air, else the first stage).
pub fn speaker_timer(snap: &LiveSnapshot, stage_id: Option<&str>, message: &str) -> SpeakerTimer {
    let stage = stage_id
        .and_then(|id| snap.stages.iter().find(|s| s.stage_id == id))
        .or_else(|| snap.stages.iter().find(|s| s.on_air))
        .or_else(|| snap.stages.first());
    let current = stage.and_then(|s| s.current.as_ref());
    // Nothing on: the session to come, if the stage has one.
    let upcoming = stage
        .filter(|s| !s.on_air && current.is_none())
        .and_then(|s| s.session.as_ref())
        .filter(|s| s.start > snap.now);
    SpeakerTimer {
        now: snap.now,
        time_zone: snap.time_zone.clone(),
        rehearsal: snap.rehearsal,
        rehearsal_speed: snap.rehearsal_speed,
        stage_name: stage.map(|s| s.name.clone()).unwrap_or_default(),
        segment_title: current.map(|c| c.title.clone()).unwrap_or_default(),
        presenters: current.map(|c| c.presenters.clone()).unwrap_or_default(),
        remaining_secs: current.map(|c| c.remaining_secs),
        ends_at: current.map(|c| c.end),
        next_title: upcoming.map(|s| s.title.clone()).unwrap_or_default(),
        next_starts_at: upcoming.map(|s| s.start),
        next_starts_in_secs: upcoming.map(|s| (s.start - snap.now).num_seconds()),
        amber_at_secs: 120,
        red_at_secs: 30,
        message: message.to_string(),
        blackout: false,
        valid_until: snap.valid_until,
        valid_until_wall: snap.valid_until_wall,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::day;
    use super::super::snapshot;
    use super::*;
    use crate::cues::{timeline, DayLog};
    use crate::testing::utc;

    fn timer_at(t: &str) -> SpeakerTimer {
        let d = day();
        let log = DayLog::default();
        let snap = snapshot(&d, &log, timeline(&d, &log), utc(t), false);
        speaker_timer(&snap, None, "")
    }

    #[test]
    fn mid_talk_the_timer_counts_to_the_segment_end() {
        let t = timer_at("2027-05-04T13:10:00Z");
        assert_eq!(t.segment_title, "Talk");
        assert_eq!(t.remaining_secs, Some(50 * 60));
        assert_eq!(t.ends_at, Some(utc("2027-05-04T14:00:00Z")));
        assert!(t.next_title.is_empty() && t.next_starts_at.is_none());
        assert_eq!(
            t.valid_until,
            Some(utc("2027-05-04T13:40:00Z")),
            "the next cue leaves the head of the list five minutes after its time"
        );
    }

    #[test]
    fn between_sessions_the_timer_shows_the_next_session_and_when_it_starts() {
        let t = timer_at("2027-05-04T14:02:00Z");
        assert_eq!(t.remaining_secs, None, "no segment on");
        assert_eq!(t.next_title, "Panel");
        assert_eq!(t.next_starts_at, Some(utc("2027-05-04T14:05:00Z")));
        assert_eq!(t.next_starts_in_secs, Some(3 * 60));
        assert!(t
            .valid_until
            .is_some_and(|v| v <= utc("2027-05-04T14:05:00Z")));
    }

    #[test]
    fn after_the_last_session_the_timer_has_nothing_to_come() {
        let t = timer_at("2027-05-04T16:00:00Z");
        assert_eq!(t.remaining_secs, None);
        assert!(t.next_title.is_empty() && t.next_starts_at.is_none());
    }
}
