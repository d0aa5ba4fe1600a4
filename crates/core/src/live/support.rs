//! The analyst's support clock: whether the support window is open at an instant, and how much
//! of it (against the event's budget) has been used.

use crate::schedule::SupportWindow;
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// The analyst's support clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupportClock {
    pub open: bool,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    #[ts(type = "number")]
    pub used_minutes: i64,
    #[ts(type = "number")]
    pub budget_minutes: i64,
}

/// The support clock at `now` for `window`, against a budget of `budget_minutes`.
pub(super) fn support_clock(
    window: &SupportWindow,
    budget_minutes: i64,
    now: DateTime<Utc>,
) -> SupportClock {
    let w = window;
    SupportClock {
        open: now >= w.start && now < w.end,
        start: w.start,
        end: w.end,
        used_minutes: (now.min(w.end) - w.start).num_minutes().max(0),
        budget_minutes,
    }
}
