//! The event itself: name, customer, zone, locale and the support kit bought for it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One streamed event supported by one production support kit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub id: String,
    pub name: String,
    pub customer: String,
    /// IANA zone the event runs in, e.g. `America/Toronto`.
    pub time_zone: String,
    /// Locale of the event's audience and documents: `en` or `fr-CA`.
    pub locale: String,
    /// Day the production support kit was bought; the kit's term runs from it.
    pub kit_purchase_date: Option<NaiveDate>,
    /// Length of the kit's term in months (12 by default).
    pub kit_term_months: u32,
    /// Purchased support hours, in minutes (9 h = 540 by default).
    pub support_budget_minutes: u32,
    /// Bumped by every edit of the event or anything in it.
    #[ts(type = "number")]
    pub revision: i64,
}
