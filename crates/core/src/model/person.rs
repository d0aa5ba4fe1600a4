//! Someone taking part in the event, and their role.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a person does at the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Speaker,
    Moderator,
    Host,
    Producer,
    CustomerLead,
}

impl Role {
    /// Every role, in the order the UI offers them.
    pub const ALL: [Role; 5] = [
        Role::Speaker,
        Role::Moderator,
        Role::Host,
        Role::Producer,
        Role::CustomerLead,
    ];

    /// The stable snake_case code stored in the database and used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Role::Speaker => "speaker",
            Role::Moderator => "moderator",
            Role::Host => "host",
            Role::Producer => "producer",
            Role::CustomerLead => "customer_lead",
        }
    }

    /// Parses a code written by [`Role::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether people in this role receive a speaker invitation link.
    pub fn needs_invitation(self) -> bool {
        matches!(self, Role::Speaker | Role::Moderator | Role::Host)
    }
}

/// Someone taking part in the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: String,
    pub event_id: String,
    pub name: String,
    pub role: Role,
    pub email: String,
    /// The person's own IANA zone, when it differs from the event's.
    pub time_zone: Option<String>,
    pub invitation_sent: bool,
    pub tech_check_done: bool,
    /// The speaker instructions were sent to them (screen sharing, camera, audio, timing).
    #[serde(default)]
    pub instructions_sent: bool,
}
