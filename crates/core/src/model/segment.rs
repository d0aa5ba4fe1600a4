//! One item of a session's run of show, and what kind of item it is.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a segment of the run of show is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    Presentation,
    VideoClip,
    Slides,
    Panel,
    QAndA,
    Transition,
    Break,
    Other,
}

impl SegmentKind {
    /// Every kind, in the order the UI offers them.
    pub const ALL: [SegmentKind; 8] = [
        SegmentKind::Presentation,
        SegmentKind::VideoClip,
        SegmentKind::Slides,
        SegmentKind::Panel,
        SegmentKind::QAndA,
        SegmentKind::Transition,
        SegmentKind::Break,
        SegmentKind::Other,
    ];

    /// The stable snake_case code stored in the database and used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            SegmentKind::Presentation => "presentation",
            SegmentKind::VideoClip => "video_clip",
            SegmentKind::Slides => "slides",
            SegmentKind::Panel => "panel",
            SegmentKind::QAndA => "q_and_a",
            SegmentKind::Transition => "transition",
            SegmentKind::Break => "break",
            SegmentKind::Other => "other",
        }
    }

    /// Parses a code written by [`SegmentKind::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One ordered item in a session's run of show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    pub id: String,
    pub session_id: String,
    /// 0-based order inside the session.
    pub position: u32,
    pub kind: SegmentKind,
    pub title: String,
    /// Planned length in seconds.
    pub duration_secs: u32,
    /// Ids of the people presenting in this segment.
    pub presenter_ids: Vec<String>,
    pub notes: String,
}
