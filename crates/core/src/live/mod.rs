//! The live show, computed: from the plan, the day's log, the cue timeline and `now`, what is on
//! each stage (current and next segment, session end, overtime), the next cue, and the support
//! clock. Also the text of every notification in both languages. The UI only displays this.
//!
//! A snapshot is sent when something changed, not every second: besides the countdowns at `now`
//! it carries the instant each countdown counts to (a segment's `end`, the next one's `start`,
//! `next_cue_at`), so a window ticks its clock by itself, and `valid_until`, the next instant at
//! which the snapshot would change other than by the clock running, when it asks again.
//!
//! This file holds the snapshot's types; `snapshot` computes them, `support` the support clock,
//! `speaker_timer` what the speaker timer window shows, `notification` the notifications' text.

mod notification;
mod snapshot;
mod speaker_timer;
mod support;

#[cfg(test)]
mod fixtures;

pub use notification::{kind_label, missed_summary, notification, NotificationText};
pub use snapshot::snapshot;
pub use speaker_timer::{speaker_timer, SpeakerTimer};
pub use support::SupportClock;

use crate::cues::Cue;
use crate::model::SegmentKind;
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// A segment as it runs (expected times). A window counts down to `end` (current segment) or
/// to `start` (the next one) by itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveSegment {
    pub segment_id: String,
    pub session_id: String,
    pub title: String,
    pub kind: SegmentKind,
    pub presenters: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Seconds until its expected end (negative: overtime).
    #[ts(type = "number")]
    pub remaining_secs: i64,
}

/// The session on a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveSession {
    pub session_id: String,
    pub title: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Seconds until its expected end (negative: overtime), at the snapshot's `now`: the window
    /// counts down to `end` itself.
    #[ts(type = "number")]
    pub ends_in_secs: i64,
    pub actual_start: Option<DateTime<Utc>>,
    pub actual_end: Option<DateTime<Utc>>,
}

/// One stage, live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveStage {
    pub stage_id: String,
    pub name: String,
    /// The session in progress, or the next one when none is.
    pub session: Option<LiveSession>,
    /// Whether `session` is in progress (false: it is the next one).
    pub on_air: bool,
    pub current: Option<LiveSegment>,
    pub next: Option<LiveSegment>,
    /// How late the stage runs now (sum of its stage-wide delays).
    #[ts(type = "number")]
    pub late_minutes: i64,
}

/// Everything the live view shows at one instant.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveSnapshot {
    pub event_id: String,
    pub time_zone: String,
    pub now: DateTime<Utc>,
    /// Running on the rehearsal clock (notifications tagged, real cues untouched).
    pub rehearsal: bool,
    /// The rehearsal clock's speed (simulated seconds per second), when rehearsing.
    pub rehearsal_speed: Option<f64>,
    pub stages: Vec<LiveStage>,
    /// The next cue still to act on (pending or notified), if any.
    pub next_cue: Option<Cue>,
    #[ts(type = "number | null")]
    pub next_cue_in_secs: Option<i64>,
    /// The instant the next cue's countdown counts to (its expected time).
    pub next_cue_at: Option<DateTime<Utc>>,
    /// The whole cue timeline — left empty when `cues_unchanged` (see [`LiveSnapshot::since`]).
    pub cues: Vec<Cue>,
    /// Names this version of `cues`: a poll that already has it gets the rest only.
    pub cues_tag: String,
    /// `cues` was left out because the caller has this `cues_tag` already.
    pub cues_unchanged: bool,
    pub support: Option<SupportClock>,
    /// The next instant, on this snapshot's clock (simulated in a rehearsal), at which the
    /// snapshot would change other than by its countdowns and clocks running: a session's or a
    /// segment's start or end, the next cue leaving the list's head, a delay taking effect, the
    /// support window opening or closing — and, in a rehearsal, the next cue the simulated
    /// scheduler sends (it tells no one). `None`: nothing changes any more by itself. Changes
    /// written to the database (delays, actual times, cue states, the plan) are pushed instead.
    pub valid_until: Option<DateTime<Utc>>,
    /// `valid_until` on the wall clock (the same instant outside a rehearsal; converted with
    /// the rehearsal's speed in one).
    pub valid_until_wall: Option<DateTime<Utc>>,
}

impl LiveSnapshot {
    /// This snapshot as a rehearsal running at `speed` (simulated seconds per second) shows it at
    /// wall-clock `wall`: sets the speed and converts `valid_until` to the wall clock (rounded
    /// up to the millisecond, so a window asking again at that instant finds it passed).
    pub fn on_rehearsal_clock(mut self, speed: f64, wall: DateTime<Utc>) -> LiveSnapshot {
        let speed = speed.max(1.0);
        self.rehearsal_speed = Some(speed);
        self.valid_until_wall = self.valid_until.map(|t| {
            let sim_ms = (t - self.now).num_milliseconds().max(0) as f64;
            wall + chrono::Duration::milliseconds((sim_ms / speed).ceil() as i64 + 1)
        });
        self
    }

    /// The snapshot for a poller that already holds the cue list tagged `known`: when the
    /// list is the same, it is left out (it is most of the snapshot, and changes only when a
    /// cue does, not with the clock).
    pub fn since(mut self, known: Option<&str>) -> LiveSnapshot {
        if known == Some(self.cues_tag.as_str()) {
            self.cues = Vec::new();
            self.cues_unchanged = true;
        }
        self
    }
}
