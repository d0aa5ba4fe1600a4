//! Merging an event received in a handoff package into the same event stored here.
//!
//! Every stored item (the event's own fields, each stage, session, segment, person, task, custom
//! cue, cue setting and destination) is compared on three sides: what is stored here (*ours*),
//! what the package holds (*theirs*) and, when known, the version both sides last exchanged
//! (*base*). An item changed on one side only takes that side's version; an item changed on
//! both sides differently is a conflict the user decides. Without a base nothing can be told
//! apart from a removal: an item only here is kept, an item only in the package is added, and
//! an item that differs is a conflict. [`preview()`] lists every difference; [`merge`] builds the
//! result from the user's picks. Pure: the store applies the result in one transaction.
//!
//! Submodules: `items` (a snapshot as keyed JSON items, and back), `item_kinds` (what each kind
//! of item is called and refers to), `preview` (the differences), `resolve` (the picks applied).

mod item_kinds;
mod items;
mod preview;
mod resolve;

pub use preview::preview;
pub use resolve::merge;

use crate::model::EventData;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Which version of an item to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Pick {
    /// The version stored here.
    Ours,
    /// The package's version.
    Theirs,
}

/// What happened to an item on one side, compared with the base (or with the other side).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Added,
    Changed,
    Removed,
}

/// One field that differs between the two sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldDiff {
    pub field: String,
    pub ours: Option<String>,
    pub theirs: Option<String>,
}

/// One item that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergeItem {
    /// `kind:id`, what a per-item pick names.
    pub key: String,
    /// `event`, `stage`, `session`, `segment`, `person`, `task`, `cue`, `cueSetting`,
    /// `destination`.
    pub kind: String,
    pub label: String,
    /// What this side did (`None`: unchanged here).
    pub ours: Option<Change>,
    /// What the package did (`None`: unchanged there).
    pub theirs: Option<Change>,
    /// Both sides changed it differently: the user must pick.
    pub conflict: bool,
    /// The pick applied unless the user says otherwise (`None` for conflicts).
    pub default: Option<Pick>,
    pub fields: Vec<FieldDiff>,
}

/// Everything that differs between the stored event and the package's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergePreview {
    pub event_id: String,
    pub event_name: String,
    /// Whether a version both sides last exchanged was found (a three-way merge).
    pub has_base: bool,
    pub items: Vec<MergeItem>,
}

impl MergePreview {
    /// The number of conflicts.
    pub fn conflicts(&self) -> usize {
        self.items.iter().filter(|i| i.conflict).count()
    }

    /// Whether the package changes nothing here (every difference is kept as ours by default).
    pub fn brings_nothing(&self) -> bool {
        self.items
            .iter()
            .all(|i| !i.conflict && i.default == Some(Pick::Ours))
    }
}

/// The user's decisions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    /// Applied to every conflict without a pick of its own (`--ours` / `--theirs`).
    pub conflicts: Option<Pick>,
    /// Per item, by key; overrides defaults too.
    #[ts(type = "Record<string, Pick>")]
    pub picks: HashMap<String, Pick>,
}

/// The result of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub data: EventData,
    /// Items kept although one side removed them, because something kept still uses them.
    pub restored: Vec<String>,
}
