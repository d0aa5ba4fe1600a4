//! Plain data for one streamed event: the event itself, its stages, sessions, the run of show
//! (segments), the people involved and the production tasks. Stored fields only: everything
//! computed (segment times, support window, findings) lives in [`crate::schedule`] and
//! [`crate::rules`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One streamed event supported by one production support kit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub id: String,
    pub name: String,
    pub customer: String,
    /// IANA zone the event runs in, e.g. `America/Toronto`.
    pub time_zone: String,
    /// Locale of the event's audience and documents: `en` or `fr-CA`.
    pub locale: String,
    /// Day the production support kit was bought; the kit's term runs from it.
    pub kit_purchase_date: Option<NaiveDate>,
    /// Length of the kit's term in months (12 by default).
    pub kit_term_months: u32,
    /// Purchased support hours, in minutes (9 h = 540 by default).
    pub support_budget_minutes: u32,
    /// Bumped by every edit of the event or anything in it.
    #[ts(type = "number")]
    pub revision: i64,
}

/// A stage (track) of the event: sessions on one stage follow each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Stage {
    pub id: String,
    pub event_id: String,
    pub name: String,
    pub position: u32,
}

/// A session on a stage, with its planned start and end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub id: String,
    pub event_id: String,
    pub stage_id: String,
    pub title: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub livestream: bool,
    pub recording: bool,
    pub vod: bool,
    /// Also restreamed to RTMP destinations (YouTube, a CDN…).
    #[serde(default)]
    pub restream: bool,
}

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

/// What a person does at the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Speaker,
    Moderator,
    Host,
    Producer,
    CustomerLead,
}

impl Role {
    /// Every role, in the order the UI offers them.
    pub const ALL: [Role; 5] = [
        Role::Speaker,
        Role::Moderator,
        Role::Host,
        Role::Producer,
        Role::CustomerLead,
    ];

    /// The stable snake_case code stored in the database and used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Role::Speaker => "speaker",
            Role::Moderator => "moderator",
            Role::Host => "host",
            Role::Producer => "producer",
            Role::CustomerLead => "customer_lead",
        }
    }

    /// Parses a code written by [`Role::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether people in this role receive a speaker invitation link.
    pub fn needs_invitation(self) -> bool {
        matches!(self, Role::Speaker | Role::Moderator | Role::Host)
    }
}

/// Someone taking part in the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: String,
    pub event_id: String,
    pub name: String,
    pub role: Role,
    pub email: String,
    /// The person's own IANA zone, when it differs from the event's.
    pub time_zone: Option<String>,
    pub invitation_sent: bool,
    pub tech_check_done: bool,
    /// The speaker instructions were sent to them (screen sharing, camera, audio, timing).
    #[serde(default)]
    pub instructions_sent: bool,
}

/// Who owns a production task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    Analyst,
    Customer,
}

/// The production duties Showcall tracks (domain.md: the analyst's and the customer's duties).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    // Per event, before the day.
    ProductionCalendar,
    EventProgram,
    SpeakerInvitations,
    BrandingAssets,
    ChatRequirements,
    ConfigureBranding,
    // Per session.
    AvCheck,
    SpeakerPrep,
    GoLive,
    EndStream,
    TrainClosing,
    DownloadRecording,
    EditRecording,
    UploadVod,
}

impl TaskKind {
    /// Every kind.
    pub const ALL: [TaskKind; 14] = [
        TaskKind::ProductionCalendar,
        TaskKind::EventProgram,
        TaskKind::SpeakerInvitations,
        TaskKind::BrandingAssets,
        TaskKind::ChatRequirements,
        TaskKind::ConfigureBranding,
        TaskKind::AvCheck,
        TaskKind::SpeakerPrep,
        TaskKind::GoLive,
        TaskKind::EndStream,
        TaskKind::TrainClosing,
        TaskKind::DownloadRecording,
        TaskKind::EditRecording,
        TaskKind::UploadVod,
    ];

    /// The stable snake_case code stored in the database and used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            TaskKind::ProductionCalendar => "production_calendar",
            TaskKind::EventProgram => "event_program",
            TaskKind::SpeakerInvitations => "speaker_invitations",
            TaskKind::BrandingAssets => "branding_assets",
            TaskKind::ChatRequirements => "chat_requirements",
            TaskKind::ConfigureBranding => "configure_branding",
            TaskKind::AvCheck => "av_check",
            TaskKind::SpeakerPrep => "speaker_prep",
            TaskKind::GoLive => "go_live",
            TaskKind::EndStream => "end_stream",
            TaskKind::TrainClosing => "train_closing",
            TaskKind::DownloadRecording => "download_recording",
            TaskKind::EditRecording => "edit_recording",
            TaskKind::UploadVod => "upload_vod",
        }
    }

    /// Parses a code written by [`TaskKind::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Todo,
    Done,
    Skipped,
}

impl TaskStatus {
    /// The stable snake_case code stored in the database and used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            TaskStatus::Todo => "todo",
            TaskStatus::Done => "done",
            TaskStatus::Skipped => "skipped",
        }
    }

    /// Parses a code written by [`TaskStatus::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        [TaskStatus::Todo, TaskStatus::Done, TaskStatus::Skipped]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// A production duty, generated from the template in [`crate::tasks`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    pub id: String,
    pub event_id: String,
    /// The session the task belongs to; `None` for event-wide tasks.
    pub session_id: Option<String>,
    pub kind: TaskKind,
    pub owner: Owner,
    pub due: DateTime<Utc>,
    pub status: TaskStatus,
    /// A link that goes with the task (the video-on-demand page of an uploaded recording).
    pub link: String,
    /// Who did it.
    pub done_by: String,
    /// When it was marked done.
    pub done_at: Option<DateTime<Utc>>,
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
    pub kind: crate::cues::CueKind,
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
    pub kind: crate::cues::CueKind,
    pub enabled: bool,
    #[ts(type = "number")]
    pub lead_secs: i64,
}

/// Everything stored about one event, as one snapshot: what the rules, the schedule engine,
/// undo/redo and (later) handoff packages work on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventData {
    pub event: Event,
    /// Ordered by position.
    pub stages: Vec<Stage>,
    /// Ordered by start, then title.
    pub sessions: Vec<Session>,
    /// Ordered by session, then position.
    pub segments: Vec<Segment>,
    /// Ordered by name.
    pub people: Vec<Person>,
    /// Ordered by due instant.
    pub tasks: Vec<Task>,
    /// Cues added by hand. Ordered by session, anchor, offset.
    #[serde(default)]
    pub custom_cues: Vec<CustomCue>,
    /// Changes to the default cue template (kinds switched off, other heads-up times).
    #[serde(default)]
    pub cue_settings: Vec<CueSetting>,
    /// Where the event is restreamed. Ordered by position.
    #[serde(default)]
    pub destinations: Vec<Destination>,
    /// The branding checklist. Ordered by position.
    #[serde(default)]
    pub brand_items: Vec<crate::branding::BrandItem>,
    /// Palette, chat requirements, due-date lead time, speaker instructions.
    #[serde(default)]
    pub branding: crate::branding::Branding,
}

/// Where the coordination of a destination's RTMP details stands (set by the analyst; a
/// connection test result is kept apart, in [`DestinationTest`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DestinationStatus {
    /// Asked the customer for the server URL and stream key.
    Requested,
    /// The details arrived.
    Received,
}

impl DestinationStatus {
    pub fn code(self) -> &'static str {
        match self {
            DestinationStatus::Requested => "requested",
            DestinationStatus::Received => "received",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "requested" => Some(DestinationStatus::Requested),
            "received" => Some(DestinationStatus::Received),
            _ => None,
        }
    }
}

/// The last connection test of a destination (cleared when its URL or key changes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DestinationTest {
    pub at: DateTime<Utc>,
    pub ok: bool,
    /// Up to which stage, or why it failed (never the key).
    pub detail: String,
    /// Whether the test went as far as publishing the key.
    pub published: bool,
}

/// An RTMP destination of the event. The stream key is not here: it is kept encrypted apart
/// and only its presence and a hint travel with the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Destination {
    pub id: String,
    pub event_id: String,
    pub position: u32,
    pub name: String,
    /// A preset id from `assets/rtmp-presets.json` (`youtube`, `facebook`, … or `custom`).
    pub preset: String,
    /// `rtmp://host[:port]/app` or `rtmps://…`.
    pub server_url: String,
    /// Empty when there is none.
    pub backup_url: String,
    /// Sessions restreamed there.
    pub session_ids: Vec<String>,
    pub status: DestinationStatus,
    /// Read from the key store, never written through an edit.
    #[serde(default)]
    pub has_key: bool,
    /// The key's last four characters (for keys of 12 or more), to tell keys apart.
    #[serde(default)]
    pub key_hint: String,
    #[serde(default)]
    pub last_test: Option<DestinationTest>,
}

impl EventData {
    /// Puts every list in its canonical order (the order documented on each field, ties broken
    /// by id), so two snapshots of the same event compare equal however they were built.
    pub fn normalize(&mut self) {
        self.destinations
            .sort_by(|a, b| (a.position, &a.name, &a.id).cmp(&(b.position, &b.name, &b.id)));
        for (i, d) in self.destinations.iter_mut().enumerate() {
            d.position = i as u32;
            d.session_ids.sort();
            d.session_ids.dedup();
        }
        self.stages
            .sort_by(|a, b| (a.position, &a.name, &a.id).cmp(&(b.position, &b.name, &b.id)));
        for (i, s) in self.stages.iter_mut().enumerate() {
            s.position = i as u32;
        }
        self.sessions
            .sort_by(|a, b| (a.start, &a.title, &a.id).cmp(&(b.start, &b.title, &b.id)));
        let order: std::collections::HashMap<&str, usize> = self
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        self.segments
            .sort_by_key(|g| (order.get(g.session_id.as_str()).copied(), g.position));
        let mut last: Option<(String, u32)> = None;
        for g in &mut self.segments {
            let pos = match &last {
                Some((sid, p)) if *sid == g.session_id => p + 1,
                _ => 0,
            };
            g.position = pos;
            last = Some((g.session_id.clone(), pos));
        }
        self.people
            .sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
        self.tasks
            .sort_by(|a, b| (a.due, a.kind, &a.session_id).cmp(&(b.due, b.kind, &b.session_id)));
        let order: std::collections::HashMap<&str, usize> = self
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        self.custom_cues.sort_by(|a, b| {
            (
                order.get(a.session_id.as_str()),
                a.anchor,
                a.offset_secs,
                &a.id,
            )
                .cmp(&(
                    order.get(b.session_id.as_str()),
                    b.anchor,
                    b.offset_secs,
                    &b.id,
                ))
        });
        self.cue_settings.sort_by_key(|c| c.kind);
        self.brand_items
            .sort_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
        for (i, it) in self.brand_items.iter_mut().enumerate() {
            it.position = i as u32;
        }
    }

    /// The run of show of one session, in order.
    pub fn segments_of<'a>(&'a self, session_id: &'a str) -> impl Iterator<Item = &'a Segment> {
        self.segments
            .iter()
            .filter(move |s| s.session_id == session_id)
    }

    /// The person with this id, if any.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The session with this id, if any.
    pub fn session(&self, id: &str) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// The stage with this id, if any.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Ids of everyone presenting in a session (union of its segments' presenters), in first
    /// appearance order.
    pub fn presenters_of<'a>(&'a self, session_id: &'a str) -> Vec<&'a str> {
        let mut ids: Vec<&str> = Vec::new();
        for seg in self.segments_of(session_id) {
            for p in &seg.presenter_ids {
                if !ids.contains(&p.as_str()) {
                    ids.push(p);
                }
            }
        }
        ids
    }
}

/// One row of the event list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventSummary {
    pub id: String,
    pub name: String,
    pub customer: String,
    pub time_zone: String,
    /// First session start, if any.
    pub first_start: Option<DateTime<Utc>>,
    pub session_count: u32,
    /// Branding items approved over required ones.
    #[serde(default)]
    pub readiness: crate::branding::Readiness,
}

/// A fresh id for any stored item.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
