//! Who may do what. The production analyst may do everything; the customer's event lead fills
//! forms: the schedule (stages, sessions, run of show, speakers), the palette and chat
//! requirements, and delivers branding files. Shaping the checklist, deciding on an item
//! (approve, reject, ask again), its lead time, presets, cues, tasks, RTMP destinations, the
//! event's support kit and the live controls stay the analyst's. One answer for the app, the
//! CLI and the views, so the UI only shows what [`crate::model::Permissions`] says.

use super::Edit;
use crate::error::{Error, Invalid, Result};
use crate::model::{Actor, AssetStatus, EventData};

/// Something an actor may want to do, beside editing an event ([`permits`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    /// Save or delete a checklist preset.
    Presets,
    /// Attach a file to a checklist item.
    AttachFile,
    /// Mark cues done or skipped, apply delays, record actual times, rehearse.
    Live,
    /// Put stream keys in a handoff package.
    ExportStreamKeys,
    /// Share views and the control API on the network, hand out and revoke links.
    Share,
}

fn refuse(field: &str, en: &str, fr: &str) -> Error {
    Error::invalid(
        field,
        Invalid::Say {
            en: en.into(),
            fr: fr.into(),
        },
    )
}

fn analysts(field: &str) -> Result<()> {
    Err(refuse(
        field,
        "this is the production analyst's to do",
        "c’est à l’analyste de production de le faire",
    ))
}

/// Whether `actor` may do `act`. A refusal names the field at fault and says whose it is.
pub fn may(actor: Actor, act: Act) -> Result<()> {
    match (actor, act) {
        (Actor::Analyst, _) | (Actor::Customer, Act::AttachFile) => Ok(()),
        (Actor::Customer, Act::Presets) => analysts("preset.name"),
        (Actor::Customer, Act::Live) => analysts("cue"),
        (Actor::Customer, Act::ExportStreamKeys) => analysts("package.includeStreamKeys"),
        (Actor::Customer, Act::Share) => analysts("share"),
    }
}

/// Whether `actor` may make `edit` to the event `data` (as it stands before the change). A
/// refusal names the field at fault and says whose the decision is.
pub fn permits(actor: Actor, edit: &Edit, data: &EventData) -> Result<()> {
    if actor == Actor::Analyst {
        return Ok(());
    }
    match edit {
        Edit::SetBrandStatus { .. } => Err(refuse(
            "brandItem.status",
            "the production analyst approves or rejects items",
            "c’est l’analyste de production qui approuve ou refuse",
        )),
        Edit::AddBrandItems { .. } => analysts("brandItem"),
        Edit::UpdateBrandItem { .. } => analysts("brandItem"),
        Edit::DeleteBrandItem { .. } => analysts("brandItem"),
        Edit::RemoveBrandFile { id, .. } => {
            let approved = data
                .brand_items
                .iter()
                .any(|i| &i.id == id && i.status == AssetStatus::Approved);
            if approved {
                Err(refuse(
                    "brandItem.file",
                    "the item is approved: only the production analyst takes a file back off",
                    "l’élément est approuvé : seul l’analyste de production peut retirer un fichier",
                ))
            } else {
                Ok(())
            }
        }
        Edit::UpdateBranding { fields, .. }
            if fields.due_days_before != data.branding.due_days_before =>
        {
            analysts("branding.dueDaysBefore")
        }
        Edit::UpdateEvent { .. } => analysts("event"),
        Edit::AddCustomCue { .. }
        | Edit::UpdateCustomCue { .. }
        | Edit::DeleteCustomCue { .. }
        | Edit::SetCueSetting { .. } => analysts("cue"),
        Edit::SetTaskStatus { .. } | Edit::UpdateTask { .. } => analysts("task"),
        Edit::AddDestination { .. }
        | Edit::UpdateDestination { .. }
        | Edit::DeleteDestination { .. } => analysts("destination"),
        _ => Ok(()),
    }
}
