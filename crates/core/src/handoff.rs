//! What the handoff-package screens show (the package itself is `showcall-exchange`): who
//! made a package, what importing it would do, what an export or import did.

use crate::merge::MergePreview;
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// Who made a package: the actor using the copy it was written on.
pub use crate::model::Actor as MadeBy;

/// What importing a package would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPlan {
    pub event_id: String,
    pub event_name: String,
    pub made_by: MadeBy,
    pub created_at: DateTime<Utc>,
    pub stream_keys_included: bool,
    pub sessions: u32,
    pub people: u32,
    pub files: u32,
    pub action: ImportAction,
}

/// Whether the event is new here, the same, or to be merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportAction {
    /// Not stored here yet: the package's event is added as it is.
    New,
    /// Stored here with exactly the same content.
    Unchanged,
    /// Stored here and different: every difference, with who changed what.
    Merge { preview: MergePreview },
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub event_id: String,
    pub created: bool,
    /// The copy of the database taken just before (none for an in-memory store).
    pub backup: Option<String>,
    /// Items one side removed that were kept because something kept uses them.
    pub restored: Vec<String>,
    pub stream_keys_set: u32,
    /// Destinations whose stream key here differs from the package's: this one was kept.
    pub stream_keys_kept: Vec<String>,
    pub files_added: u32,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    pub path: String,
    pub files: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    pub stream_keys: u32,
}
