//! The editable fields of each kind of item, as the forms send them (text for instants, typed
//! in the event's zone). Each `*Fields` becomes a stored item in [`super::build`].

use crate::error::{Error, Invalid, Result};
use crate::model::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The editable fields of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventFields {
    pub name: String,
    pub customer: String,
    pub time_zone: String,
    pub locale: String,
    /// `YYYY-MM-DD`, or empty when unknown.
    pub kit_purchase_date: String,
    pub kit_term_months: u32,
    pub support_budget_minutes: u32,
}

/// The editable fields of a session. `start`/`end`: RFC 3339 or local `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionFields {
    pub stage_id: String,
    pub title: String,
    pub start: String,
    pub end: String,
    pub livestream: bool,
    pub recording: bool,
    pub vod: bool,
    /// Also restreamed to RTMP destinations.
    #[serde(default)]
    pub restream: bool,
}

impl SessionFields {
    /// The fields of a stored session, times as RFC 3339 (to edit one field of it).
    pub fn of(s: &Session) -> SessionFields {
        SessionFields {
            stage_id: s.stage_id.clone(),
            title: s.title.clone(),
            start: s.start.to_rfc3339(),
            end: s.end.to_rfc3339(),
            livestream: s.livestream,
            recording: s.recording,
            vod: s.vod,
            restream: s.restream,
        }
    }
}

/// The editable fields of a segment. The duration is signed so that a negative value typed in
/// the UI is refused with a message instead of failing to parse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SegmentFields {
    pub kind: SegmentKind,
    pub title: String,
    #[ts(type = "number")]
    pub duration_secs: i64,
    pub presenter_ids: Vec<String>,
    pub notes: String,
}

/// The editable fields of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonFields {
    pub name: String,
    pub role: Role,
    pub email: String,
    /// Empty when the same as the event's.
    pub time_zone: String,
    pub invitation_sent: bool,
    pub tech_check_done: bool,
    #[serde(default)]
    pub instructions_sent: bool,
}

/// The editable fields of an RTMP destination (the key is set apart, never through an edit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DestinationFields {
    pub name: String,
    pub preset: String,
    pub server_url: String,
    pub backup_url: String,
    pub session_ids: Vec<String>,
    pub status: DestinationStatus,
}

impl DestinationFields {
    /// Every session named belongs to the event (checked before unknown ones could be pruned).
    pub(super) fn check_sessions(&self, d: &EventData) -> Result<()> {
        match self.session_ids.iter().find(|s| d.session(s).is_none()) {
            Some(s) => Err(Error::invalid(
                "destination.sessionIds",
                Invalid::UnknownReference(s.clone()),
            )),
            None => Ok(()),
        }
    }

    /// Fills `d` from the fields (trimmed), keeping what is not edited (key, last test).
    pub(super) fn fill(&self, d: &mut Destination) {
        d.name = self.name.trim().to_string();
        d.preset = self.preset.clone();
        d.server_url = self.server_url.trim().to_string();
        d.backup_url = self.backup_url.trim().to_string();
        d.session_ids = self.session_ids.clone();
        d.status = self.status;
    }
}

/// The editable fields of a custom cue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomCueFields {
    pub session_id: String,
    pub segment_id: Option<String>,
    pub anchor: CueAnchor,
    #[ts(type = "number")]
    pub offset_secs: i64,
    pub kind: CueKind,
    pub text: String,
    #[ts(type = "number")]
    pub lead_secs: i64,
}

impl CustomCueFields {
    pub(super) fn to_cue(&self, id: String) -> CustomCue {
        CustomCue {
            id,
            session_id: self.session_id.clone(),
            segment_id: self.segment_id.clone().filter(|s| !s.is_empty()),
            anchor: self.anchor,
            offset_secs: self.offset_secs,
            kind: self.kind,
            text: self.text.trim().to_string(),
            lead_secs: self.lead_secs,
        }
    }
}

/// The editable fields of a branding checklist item (status and files change apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandItemFields {
    pub title: String,
    pub owner: Owner,
    pub required: bool,
    /// `YYYY-MM-DD`, or empty to follow the event (the default lead time).
    pub due: String,
    pub notes: String,
    pub spec: AssetSpec,
}
