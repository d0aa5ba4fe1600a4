//! Who is using this copy of Showcall: the production analyst or the customer's event lead.
//! Packages made here carry it, and [`crate::edit::permits`] decides what each may do.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who uses this copy (and so who made a package written here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "MadeBy")]
pub enum Actor {
    Analyst,
    Customer,
}

impl Actor {
    /// The code stored in the `mode` setting.
    pub fn code(self) -> &'static str {
        match self {
            Actor::Analyst => "analyst",
            Actor::Customer => "customer",
        }
    }

    /// Parses a code written by [`Actor::code`].
    pub fn from_code(s: &str) -> Option<Actor> {
        [Actor::Analyst, Actor::Customer]
            .into_iter()
            .find(|a| a.code() == s)
    }
}

/// What the actor using this copy may do, for the UI to show or hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Permissions {
    /// Add, edit and remove checklist items.
    pub shape_checklist: bool,
    /// Approve, reject or ask again for an item.
    pub decide_items: bool,
    /// Change the checklist's lead time.
    pub lead_time: bool,
    /// Save and delete checklist presets.
    pub presets: bool,
    /// Remove a file from an approved item.
    pub remove_approved_files: bool,
    /// Cues, cue settings, tasks, destinations, the support kit, the live controls.
    pub production: bool,
}

impl Permissions {
    /// What `actor` may do.
    pub fn of(actor: Actor) -> Permissions {
        let analyst = actor == Actor::Analyst;
        Permissions {
            shape_checklist: analyst,
            decide_items: analyst,
            lead_time: analyst,
            presets: analyst,
            remove_approved_files: analyst,
            production: analyst,
        }
    }
}
