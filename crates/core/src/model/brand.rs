//! The branding checklist's data: what an item is (its kind), where it stands, its files and
//! history, the palette and chat requirements, readiness, and the presets checklists come from.

use super::{AssetReport as Report, AssetSpec as Spec, Owner};
use crate::i18n::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an item of the checklist is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssetKind {
    Logo,
    Banner,
    Background,
    Overlay,
    Video,
    Colours,
    Chat,
    Other,
}

impl AssetKind {
    pub const ALL: [AssetKind; 8] = [
        AssetKind::Logo,
        AssetKind::Banner,
        AssetKind::Background,
        AssetKind::Overlay,
        AssetKind::Video,
        AssetKind::Colours,
        AssetKind::Chat,
        AssetKind::Other,
    ];

    /// The snake_case code (also the key of its spec in `assets/branding-specs.json`).
    pub fn code(self) -> &'static str {
        match self {
            AssetKind::Logo => "logo",
            AssetKind::Banner => "banner",
            AssetKind::Background => "background",
            AssetKind::Overlay => "overlay",
            AssetKind::Video => "video",
            AssetKind::Colours => "colours",
            AssetKind::Chat => "chat",
            AssetKind::Other => "other",
        }
    }

    pub fn from_code(s: &str) -> Option<AssetKind> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    /// Whether the item is delivered as files (colours and chat requirements are filled in).
    pub fn takes_files(self) -> bool {
        !matches!(self, AssetKind::Colours | AssetKind::Chat)
    }

    /// The default title of a new item.
    pub fn title(self, lang: Lang) -> &'static str {
        let fr = lang == Lang::FrCa;
        match (self, fr) {
            (AssetKind::Logo, false) => "Logo",
            (AssetKind::Logo, true) => "Logo",
            (AssetKind::Banner, false) => "Banner",
            (AssetKind::Banner, true) => "Bannière",
            (AssetKind::Background, false) => "Background",
            (AssetKind::Background, true) => "Arrière-plan",
            (AssetKind::Overlay, false) => "Overlay / lower third",
            (AssetKind::Overlay, true) => "Superposition / bandeau-titre",
            (AssetKind::Video, false) => "Video clip",
            (AssetKind::Video, true) => "Clip vidéo",
            (AssetKind::Colours, false) => "Colours and theme",
            (AssetKind::Colours, true) => "Couleurs et thème",
            (AssetKind::Chat, false) => "Chat requirements",
            (AssetKind::Chat, true) => "Exigences du clavardage",
            (AssetKind::Other, false) => "Other asset",
            (AssetKind::Other, true) => "Autre élément",
        }
    }
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssetStatus {
    Requested,
    Received,
    Approved,
    Rejected,
}

impl AssetStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AssetStatus::Requested, Lang::En) => "requested",
            (AssetStatus::Requested, Lang::FrCa) => "demandé",
            (AssetStatus::Received, Lang::En) => "received",
            (AssetStatus::Received, Lang::FrCa) => "reçu",
            (AssetStatus::Approved, Lang::En) => "approved",
            (AssetStatus::Approved, Lang::FrCa) => "approuvé",
            (AssetStatus::Rejected, Lang::En) => "rejected",
            (AssetStatus::Rejected, Lang::FrCa) => "refusé",
        }
    }
}

/// A file attached to an item: a copy kept in the data folder under its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssetFile {
    /// The content's SHA-256 (for a file over the most Showcall keeps, never kept, that of its
    /// first 64 KiB and its length).
    pub sha256: String,
    /// The original file's name (never its folder).
    pub name: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub added_at: DateTime<Utc>,
    pub added_by: String,
    /// The spec checks run when it was attached.
    pub report: Report,
    /// Whether a copy is kept (a file of the wrong type or far too big is only reported).
    pub stored: bool,
    /// A still picture of a video clip was made (ffmpeg), kept as `thumbs/<sha256>.jpg`.
    #[serde(default)]
    pub thumbnail: bool,
}

/// One change of status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub at: DateTime<Utc>,
    pub by: String,
    pub from: AssetStatus,
    pub to: AssetStatus,
    pub reason: String,
}

/// One line of the branding checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandItem {
    pub id: String,
    pub event_id: String,
    pub position: u32,
    pub kind: AssetKind,
    pub title: String,
    pub owner: Owner,
    /// Counts towards readiness.
    pub required: bool,
    /// The due date; kept in step with the event unless `due_custom`.
    pub due: Option<NaiveDate>,
    pub due_custom: bool,
    pub spec: Spec,
    pub status: AssetStatus,
    /// Why it was rejected (empty otherwise).
    pub reason: String,
    pub notes: String,
    pub files: Vec<AssetFile>,
    pub history: Vec<StatusChange>,
}

/// The event's colours, as `#RRGGBB` (empty when not given yet).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Palette {
    pub primary: String,
    pub secondary: String,
    pub text: String,
    pub background: String,
}

/// Who may write in the event's chat.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChatAudience {
    #[default]
    Everyone,
    Attendees,
    SpeakersOnly,
    Nobody,
}

/// The chat requirements the customer owes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ChatRequirements {
    pub moderated: bool,
    pub who_may_chat: ChatAudience,
    /// Pinned messages, one per entry.
    pub pinned: Vec<String>,
    /// Languages the chat is run in (BCP 47 tags or names).
    pub languages: Vec<String>,
    pub notes: String,
}

/// Event-wide branding details: palette, chat, the default lead time of due dates, and the
/// speaker instructions sent to presenters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Branding {
    pub palette: Palette,
    pub chat: ChatRequirements,
    /// Items are due this many days before the first session.
    pub due_days_before: u32,
    /// The speaker instructions the customer sends with invitations.
    pub speaker_instructions: String,
}

impl Default for Branding {
    fn default() -> Self {
        Branding {
            palette: Palette::default(),
            chat: ChatRequirements::default(),
            due_days_before: DEFAULT_DUE_DAYS,
            speaker_instructions: String::new(),
        }
    }
}

/// Items are due two weeks before the event unless the analyst says otherwise.
pub const DEFAULT_DUE_DAYS: u32 = 14;

/// A template line: what a preset makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PresetItem {
    pub kind: AssetKind,
    pub title: String,
    pub owner: Owner,
    pub required: bool,
    pub spec: Spec,
}

/// A named checklist template (the built-in one, or one the analyst saved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandPreset {
    pub name: String,
    pub built_in: bool,
    pub items: Vec<PresetItem>,
}

/// Approved items over required ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    pub approved: u32,
    pub required: u32,
}

impl Readiness {
    /// 0–100, rounded down; 100 when nothing is required.
    pub fn percent(self) -> u32 {
        (self.approved * 100)
            .checked_div(self.required)
            .unwrap_or(100)
    }
}

/// What an item's row offers the actor using this copy (computed by
/// [`crate::branding::actions`] from the status flow and what they may do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemActions {
    pub id: String,
    pub attach: bool,
    pub approve: bool,
    /// Approving needs a kept file first (the button says so).
    pub approve_needs_file: bool,
    pub reject: bool,
    /// Ask for the item again.
    pub reopen: bool,
    /// Take a file back off the item.
    pub remove_files: bool,
}

/// The WCAG contrast ratios of a palette (1 to 21), where both colours are given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaletteContrast {
    pub text_on_background: Option<f64>,
    pub text_on_primary: Option<f64>,
    /// WCAG AA for body text (4.5:1).
    pub aa: f64,
}
