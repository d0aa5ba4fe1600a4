//! A stage (track): the sessions on it follow each other.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A stage (track) of the event: sessions on one stage follow each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Stage {
    pub id: String,
    pub event_id: String,
    pub name: String,
    pub position: u32,
}
