//! Sharing on the network: the settings of the app's local web server, the links it hands out
//! (one view, or the control API, of one event), and the lines sent to speaker timers.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a share link opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ShareView {
    /// One stage's countdown, for the speaker (huge digits, amber/red, the analyst's line).
    SpeakerTimer,
    /// One stage's now/next with times and overtime.
    Stage,
    /// The whole day, read-only, following delays.
    RunOfShow,
    /// The closing cues of back-to-back sessions, for the customer's team member who closes.
    Closer,
    /// The event's clock.
    Clock,
}

impl ShareView {
    pub const ALL: [ShareView; 5] = [
        ShareView::SpeakerTimer,
        ShareView::Stage,
        ShareView::RunOfShow,
        ShareView::Closer,
        ShareView::Clock,
    ];

    /// The name used in URLs, the database and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            ShareView::SpeakerTimer => "speaker-timer",
            ShareView::Stage => "stage",
            ShareView::RunOfShow => "run-of-show",
            ShareView::Closer => "closer",
            ShareView::Clock => "clock",
        }
    }

    pub fn from_code(code: &str) -> Option<ShareView> {
        ShareView::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// A link handed out: what it opens, for which event (and stage or person), and whether it may
/// also drive the show. The token itself is not kept (only its hash): it is shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShareLink {
    /// Names the link in lists and for revoking (not a secret).
    pub id: String,
    pub event_id: String,
    pub view: ShareView,
    pub stage_id: Option<String>,
    pub person_id: Option<String>,
    /// May call the control API (mark cues, delays, messages), besides reading.
    pub control: bool,
    pub created: DateTime<Utc>,
    pub revoked: Option<DateTime<Utc>>,
}

/// A link just made, with its token: the only time the token is seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewShareLink {
    pub link: ShareLink,
    pub token: String,
}

/// How the local web server runs. Off after a fresh install.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShareSettings {
    pub on: bool,
    /// The address to listen on: loopback, one of the machine's addresses, or all
    /// (`0.0.0.0` / `::`).
    pub bind: String,
    pub port: u16,
    /// The UDP port for OSC control, when wanted.
    pub osc_port: Option<u16>,
    /// Where the state of an event's next cue is sent, for a control surface's buttons (one
    /// target per event).
    #[serde(default)]
    pub feedback: Vec<Feedback>,
}

/// An event's next cue, sent to `to`: `IP:PORT` for OSC over UDP (whenever it changes, and its
/// countdown every second), or `http://IP:PORT/PATH` for an HTTP POST of its JSON whenever it
/// changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    pub event_id: String,
    pub to: String,
}

/// The port the server listens on unless told otherwise.
pub const DEFAULT_SHARE_PORT: u16 = 7870;

impl Default for ShareSettings {
    fn default() -> Self {
        ShareSettings {
            on: false,
            bind: "127.0.0.1".into(),
            port: DEFAULT_SHARE_PORT,
            osc_port: None,
            feedback: Vec::new(),
        }
    }
}

/// The line last sent to a stage's speaker timer (`stage_id` empty: to every stage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StageMessage {
    pub event_id: String,
    pub stage_id: String,
    pub text: String,
    pub at: DateTime<Utc>,
    /// Who sent it: `window`, `cli` or `api`.
    pub source: String,
}

/// The app's server as its panel shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShareStatus {
    pub settings: ShareSettings,
    /// Listening now.
    pub running: bool,
    /// The addresses a link can use (this machine's, when listening on every interface).
    pub addresses: Vec<String>,
    /// Open views right now.
    pub viewers: u32,
    /// Why it is not running although switched on (the port is taken, …).
    pub error: Option<String>,
}

/// A link just made, as the panel shows it: the link, its token, and its address on each of
/// the server's addresses, with a QR code (SVG) of the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedLink {
    pub link: ShareLink,
    pub token: String,
    pub urls: Vec<String>,
    pub qr_svg: String,
}

/// One thing done on the day, with where it came from (the day log's record of who acted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveAction {
    pub at: DateTime<Utc>,
    /// `window`, `cli` or `api`.
    pub source: String,
    /// `cue.done`, `cue.skipped`, `cue.pending`, `delay`, `actual.start`, `actual.end`,
    /// `message`, `blackout.on`, `blackout.off`.
    pub action: String,
    /// What it acted on: a cue key, "+5 min Main stage", a session id, the line sent.
    pub detail: String,
}
