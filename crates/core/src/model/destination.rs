//! RTMP destinations of an event (the stream key is kept apart, never here).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
    /// The server the stored key was entered for, when the destination has moved to another
    /// since (a publish test asks first). Read from the key store, never written by an edit.
    #[serde(default)]
    pub key_entered_for: Option<String>,
}
