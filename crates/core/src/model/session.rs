//! A session on a stage, with its planned start and end.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A session on a stage, with its planned start and end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub id: String,
    pub event_id: String,
    pub stage_id: String,
    pub title: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub livestream: bool,
    pub recording: bool,
    pub vod: bool,
    /// Also restreamed to RTMP destinations (YouTube, a CDN…).
    #[serde(default)]
    pub restream: bool,
}
