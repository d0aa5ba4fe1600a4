//! What the speaker timer window shows: one stage's current segment, its presenters and the time
//! left, with the thresholds at which the display turns amber and red, and the analyst's line.

use super::LiveSnapshot;
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// What the speaker timer window shows: one stage's current speaker and time left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpeakerTimer {
    pub now: DateTime<Utc>,
    pub time_zone: String,
    pub rehearsal: bool,
    pub stage_name: String,
    pub segment_title: String,
    pub presenters: String,
    /// Seconds left in the current segment (negative: overtime); `None` when nothing is on.
    #[ts(type = "number | null")]
    pub remaining_secs: Option<i64>,
    /// Amber from this many seconds left.
    #[ts(type = "number")]
    pub amber_at_secs: i64,
    /// Red from this many seconds left (and in overtime).
    #[ts(type = "number")]
    pub red_at_secs: i64,
    /// The line the analyst sent ("wrap up", "5 min"), empty for none.
    pub message: String,
}

/// The speaker timer for `stage_id` (or the first stage on air, else the first stage).
pub fn speaker_timer(snap: &LiveSnapshot, stage_id: Option<&str>, message: &str) -> SpeakerTimer {
    let stage = stage_id
        .and_then(|id| snap.stages.iter().find(|s| s.stage_id == id))
        .or_else(|| snap.stages.iter().find(|s| s.on_air))
        .or_else(|| snap.stages.first());
    let current = stage.and_then(|s| s.current.as_ref());
    SpeakerTimer {
        now: snap.now,
        time_zone: snap.time_zone.clone(),
        rehearsal: snap.rehearsal,
        stage_name: stage.map(|s| s.name.clone()).unwrap_or_default(),
        segment_title: current.map(|c| c.title.clone()).unwrap_or_default(),
        presenters: current.map(|c| c.presenters.clone()).unwrap_or_default(),
        remaining_secs: current.map(|c| c.remaining_secs),
        amber_at_secs: 120,
        red_at_secs: 30,
        message: message.to_string(),
    }
}
