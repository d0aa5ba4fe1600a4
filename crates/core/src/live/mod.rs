//! The live show, computed: from the plan, the day's log, the cue timeline and `now`, what is on
//! each stage (current and next segment, session end, overtime), the next cue, and the support
//! clock. Also the text of every notification in both languages. The UI only displays this.
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

/// A segment as it runs (expected times).
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
    /// Seconds until its expected end (negative: overtime).
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
    /// The whole cue timeline — left empty when `cues_unchanged` (see [`LiveSnapshot::since`]).
    pub cues: Vec<Cue>,
    /// Names this version of `cues`: a poll that already has it gets the rest only.
    pub cues_tag: String,
    /// `cues` was left out because the caller has this `cues_tag` already.
    pub cues_unchanged: bool,
    pub support: Option<SupportClock>,
}

impl LiveSnapshot {
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
