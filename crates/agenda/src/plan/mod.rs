//! From read rows to what the import will do to an event ([`plan`]), and doing it on a copy of
//! the event ([`apply`]). Both are pure: the caller stores the result.
//!
//! This module owns the plan's shape, as the preview and the CLI read it; `planning` makes it,
//! with `local_time` to place a row's times in the event's zone and `overlaps` to warn of
//! sessions that overlap on a stage; `applying` carries it out.

mod applying;
mod local_time;
mod overlaps;
mod planning;

pub use applying::apply;
pub(crate) use applying::apply_with;
pub use planning::plan;
pub(crate) use planning::plan_with;

use crate::issue::RowIssue;
use crate::rows::SourceCell;
use crate::text::fold;
use crate::values::DateOrderUsed;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use showcall_core::i18n::Lang;
use ts_rs::TS;

/// The stage a session goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum StageRef {
    /// A stage of the event (matched by name, case- and accent-insensitively, or the default).
    Existing { id: String, name: String },
    /// A stage the import creates (listed in [`ImportPlan::stages_to_create`]).
    New { name: String },
}

impl StageRef {
    pub fn name(&self) -> &str {
        match self {
            StageRef::Existing { name, .. } | StageRef::New { name } => name,
        }
    }

    /// What tells one stage from another: an existing stage's id, or `new:` and the folded name
    /// of a stage the import creates.
    pub(super) fn key(&self) -> String {
        match self {
            StageRef::Existing { id, .. } => id.clone(),
            StageRef::New { name } => format!("new:{}", fold(name)),
        }
    }
}

/// A presenter of an imported session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PersonRef {
    /// A person of the event; `written` is the name as the row has it.
    Existing {
        id: String,
        name: String,
        written: String,
    },
    /// A speaker the import creates (listed in [`ImportPlan::people_to_create`]).
    New { name: String },
}

/// A session the import adds, and the row it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedSession {
    pub row: u32,
    pub title: String,
    pub stage: StageRef,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Start and end in the event's zone, as the row gave them.
    pub local_start: NaiveDateTime,
    pub local_end: NaiveDateTime,
    /// Resolved only for rows that add a session (empty on skipped rows).
    pub presenters: Vec<PersonRef>,
    /// Goes to the segment's notes.
    pub description: String,
}

/// What happens to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// A new session.
    Add,
    /// The event already has this session (same title, stage and start): nothing added.
    AlreadyInEvent,
    /// An earlier row of the file is the same session: nothing added.
    DuplicateRow,
    /// The row has errors: nothing added.
    Invalid,
}

/// Exactly how one row is read and what it does: the preview's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowPlan {
    pub row: u32,
    pub outcome: Outcome,
    /// The mapped cells as the file has them.
    pub cells: Vec<SourceCell>,
    /// The session as read (absent for invalid rows).
    pub session: Option<PlannedSession>,
    pub errors: Vec<RowIssue>,
    pub warnings: Vec<RowIssue>,
    /// Why nothing is added, for skipped rows.
    pub skipped: Option<RowIssue>,
    /// For a duplicate row: the earlier row that adds the same session (the preview's pages
    /// carry it, see [`crate::PreviewRows`]; not part of the plan's JSON).
    #[serde(skip)]
    #[ts(skip)]
    pub same_as: Option<u32>,
}

/// A row's speaker matched to a person of the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonMatch {
    pub row: u32,
    pub written: String,
    pub person_id: String,
    pub person_name: String,
}

/// A stage or speaker the import creates, and the first row naming it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewItem {
    pub name: String,
    pub first_row: u32,
}

/// Totals for the preview's header and the CLI's summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub rows: u32,
    pub to_add: u32,
    pub already_in_event: u32,
    pub duplicates: u32,
    pub invalid: u32,
    pub warnings: u32,
    pub new_stages: u32,
    pub new_people: u32,
    pub matched_people: u32,
}

/// What importing a sheet into an event would do. Nothing is written until the caller stores
/// [`apply`]'s result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPlan {
    pub event_id: String,
    pub time_zone: String,
    pub date_order: DateOrderUsed,
    /// Every data row, in sheet order.
    pub rows: Vec<RowPlan>,
    /// The sessions to add, in sheet order.
    pub sessions: Vec<PlannedSession>,
    pub stages_to_create: Vec<NewItem>,
    pub people_to_create: Vec<NewItem>,
    pub people_matched: Vec<PersonMatch>,
    /// Every row error, in row order.
    pub errors: Vec<RowIssue>,
    /// Every row warning (overlaps on a stage, a weekday that does not match the date).
    pub warnings: Vec<RowIssue>,
    /// Rows read but skipped (already in the event, repeated in the file).
    pub skipped: Vec<RowIssue>,
    pub counts: Counts,
}

impl ImportPlan {
    /// Whether every row can be imported.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// The file-level notes for the preview (how numeric dates were read).
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        self.date_order.note(lang).into_iter().collect()
    }
}
