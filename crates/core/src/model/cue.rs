//! Cues: what a cue asks (its kind), where it stands, the ones the analyst adds by hand, the
//! event's cue template, and what is recorded on the day (delays, actual times, cue states).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a cue asks the analyst to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    AvCheck,
    SpeakerPrep,
    GoLive,
    AttendeeViewCheck,
    PresenterOn,
    PresenterOff,
    Transition,
    PlayClip,
    ShareDeck,
    TimeCheck,
    EndStream,
    RecordingDownload,
    OverlayOn,
    OverlayOff,
    BackgroundChange,
    CaptionsOn,
    CaptionsOff,
    Custom,
}

impl CueKind {
    /// Every kind, in the order of a session.
    pub const ALL: [CueKind; 18] = [
        CueKind::AvCheck,
        CueKind::SpeakerPrep,
        CueKind::GoLive,
        CueKind::AttendeeViewCheck,
        CueKind::PresenterOn,
        CueKind::PresenterOff,
        CueKind::Transition,
        CueKind::PlayClip,
        CueKind::ShareDeck,
        CueKind::TimeCheck,
        CueKind::EndStream,
        CueKind::RecordingDownload,
        CueKind::OverlayOn,
        CueKind::OverlayOff,
        CueKind::BackgroundChange,
        CueKind::CaptionsOn,
        CueKind::CaptionsOff,
        CueKind::Custom,
    ];

    /// Parses a code written by [`CueKind::code`].
    pub fn from_code(s: &str) -> Option<CueKind> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    /// The stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            CueKind::AvCheck => "av_check",
            CueKind::SpeakerPrep => "speaker_prep",
            CueKind::GoLive => "go_live",
            CueKind::AttendeeViewCheck => "attendee_view_check",
            CueKind::PresenterOn => "presenter_on",
            CueKind::PresenterOff => "presenter_off",
            CueKind::Transition => "transition",
            CueKind::PlayClip => "play_clip",
            CueKind::ShareDeck => "share_deck",
            CueKind::TimeCheck => "time_check",
            CueKind::EndStream => "end_stream",
            CueKind::RecordingDownload => "recording_download",
            CueKind::OverlayOn => "overlay_on",
            CueKind::OverlayOff => "overlay_off",
            CueKind::BackgroundChange => "background_change",
            CueKind::CaptionsOn => "captions_on",
            CueKind::CaptionsOff => "captions_off",
            CueKind::Custom => "custom",
        }
    }
}

/// Where a cue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CueState {
    Pending,
    Notified,
    Done,
    Skipped,
    Missed,
}

impl CueState {
    /// The stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            CueState::Pending => "pending",
            CueState::Notified => "notified",
            CueState::Done => "done",
            CueState::Skipped => "skipped",
            CueState::Missed => "missed",
        }
    }

    /// Parses a code written by [`CueState::code`].
    pub fn from_code(s: &str) -> Option<CueState> {
        [
            CueState::Pending,
            CueState::Notified,
            CueState::Done,
            CueState::Skipped,
            CueState::Missed,
        ]
        .into_iter()
        .find(|c| c.code() == s)
    }
}

/// "Running N minutes late": shifts the cues of a stage (or of one session) whose expected
/// instant is at or after `from`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Delay {
    pub id: String,
    pub event_id: String,
    pub stage_id: String,
    /// Only this session's cues when set; otherwise every later cue of the stage.
    pub session_id: Option<String>,
    #[ts(type = "number")]
    pub minutes: i64,
    pub from: DateTime<Utc>,
}

/// When a session really started and ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Actual {
    pub session_id: String,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
}

/// What the analyst or the scheduler recorded about one cue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CueRecord {
    pub key: String,
    pub state: CueState,
    pub at: DateTime<Utc>,
}

/// Everything recorded on the day, beside the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayLog {
    pub delays: Vec<Delay>,
    pub actuals: Vec<Actual>,
    pub records: Vec<CueRecord>,
}

impl DayLog {
    /// Records a session's actual start and/or end, keeping the one not given. An end not after
    /// the start is refused and the log is left as it was.
    pub fn record_actual(
        &mut self,
        session_id: &str,
        start: Option<DateTime<Utc>>,
        end: Option<DateTime<Utc>>,
    ) -> crate::Result<Actual> {
        let old = self.actuals.iter().find(|a| a.session_id == session_id);
        let merged = Actual {
            session_id: session_id.to_string(),
            start: start.or(old.and_then(|a| a.start)),
            end: end.or(old.and_then(|a| a.end)),
        };
        if let (Some(s), Some(e)) = (merged.start, merged.end) {
            if e <= s {
                return Err(crate::Error::invalid(
                    "actual.end",
                    crate::error::Invalid::EndNotAfterStart,
                ));
            }
        }
        self.actuals.retain(|a| a.session_id != session_id);
        self.actuals.push(merged.clone());
        Ok(merged)
    }
}

/// One cue on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Cue {
    /// Stable identity across recomputations: what the cue is attached to.
    pub key: String,
    pub kind: CueKind,
    pub session_id: String,
    pub segment_id: Option<String>,
    pub stage_id: String,
    /// Session title.
    pub session: String,
    pub stage: String,
    /// What the cue is about: a segment title, presenters, "5 min" for a time check.
    pub detail: String,
    pub planned: DateTime<Utc>,
    pub expected: DateTime<Utc>,
    /// The heads-up notification goes out this long before `expected` (plus one at the time).
    #[ts(type = "number")]
    pub lead_secs: i64,
    pub state: CueState,
}

impl Cue {
    /// When the heads-up notification is due.
    pub fn notify_at(&self) -> DateTime<Utc> {
        self.expected - Duration::seconds(self.lead_secs)
    }
}

/// What a custom cue's instant is measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CueAnchor {
    SessionStart,
    SessionEnd,
    SegmentStart,
    SegmentEnd,
}

impl CueAnchor {
    /// The stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            CueAnchor::SessionStart => "session_start",
            CueAnchor::SessionEnd => "session_end",
            CueAnchor::SegmentStart => "segment_start",
            CueAnchor::SegmentEnd => "segment_end",
        }
    }

    /// Parses a code written by [`CueAnchor::code`].
    pub fn from_code(s: &str) -> Option<CueAnchor> {
        [
            CueAnchor::SessionStart,
            CueAnchor::SessionEnd,
            CueAnchor::SegmentStart,
            CueAnchor::SegmentEnd,
        ]
        .into_iter()
        .find(|a| a.code() == s)
    }
}

/// A cue the analyst adds by hand: an overlay, a background change, captions, anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomCue {
    pub id: String,
    pub session_id: String,
    /// The segment it hangs on, for segment anchors.
    pub segment_id: Option<String>,
    pub anchor: CueAnchor,
    /// Seconds after the anchor (negative: before).
    #[ts(type = "number")]
    pub offset_secs: i64,
    pub kind: CueKind,
    /// What to do, in the analyst's words.
    pub text: String,
    /// Heads-up before the cue, in seconds (0: only at the time).
    #[ts(type = "number")]
    pub lead_secs: i64,
}

/// The event's cue template: whether a kind of generated cue is on, and its heads-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CueSetting {
    pub kind: CueKind,
    pub enabled: bool,
    #[ts(type = "number")]
    pub lead_secs: i64,
}
