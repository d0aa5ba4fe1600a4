//! Production duties: who owns them, what they are, where they stand.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

impl Task {
    /// The tasks' canonical order: due instant, kind, session, id.
    pub fn order(a: &Task, b: &Task) -> std::cmp::Ordering {
        (a.due, a.kind, &a.session_id, &a.id).cmp(&(b.due, b.kind, &b.session_id, &b.id))
    }
}
