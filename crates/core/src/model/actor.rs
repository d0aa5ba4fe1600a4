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
