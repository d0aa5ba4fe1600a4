//! The production rules. Each rule looks at one [`EventData`] snapshot and reports
//! [`Finding`]s: a stable snake_case code, a severity, the subject at fault and a message in the
//! requested language. Families: [`support`] (the kit and its support window), [`stage`] (what
//! happens on one stage), [`people`] (who is where), [`tasks`] (duties that must exist).
//!
//! Some findings also carry a [`CustomerHint`]: the same problem told to the customer's event
//! lead in plain words ([`customer`]; their Schedule tab shows these, so the UI never re-derives
//! the rules).

mod branding;
mod customer;
mod people;
mod rtmp;
mod stage;
mod support;
mod tasks;

pub use crate::schedule::{closing_pairs, ClosingPair};

use crate::i18n::Lang;
use crate::model::EventData;
use crate::schedule::{self, Schedule};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Subject {
    /// `event`, `session`, `segment` or `person`.
    pub kind: String,
    pub id: String,
    pub name: String,
}

/// One problem (or notice) the analyst should see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable snake_case code, e.g. `closing_training_needed`.
    pub code: String,
    pub severity: Severity,
    pub subject: Subject,
    pub message: String,
    /// The finding told to the customer's event lead, when it is one they can act on (their
    /// schedule's hints); absent otherwise (and then left out of the JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub customer: Option<CustomerHint>,
}

impl Finding {
    /// The finding with its customer-worded hint.
    pub(crate) fn for_customer(mut self, hint: Option<CustomerHint>) -> Self {
        self.customer = hint;
        self
    }
}

/// A finding as the customer's event lead reads it: plain words, in the requested language,
/// times as `14:05` in the event's zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomerHint {
    pub message: String,
    /// How it is shown to the customer: conflicts to fix (overlaps) are warnings, what to know or
    /// plan for (tight changeovers, a session without speaker) is info.
    pub severity: Severity,
    /// The sessions it is about, earliest first: it is shown next to each, and under the
    /// schedule's hints in the order of the first one's start.
    pub session_ids: Vec<String>,
}

/// What every rule gets: the data, its schedule, the zone and the language.
pub(crate) struct Ctx<'a> {
    pub data: &'a EventData,
    pub schedule: &'a Schedule,
    pub tz: Tz,
    pub lang: Lang,
    /// The wall clock, for what depends on today (overdue items); `None` leaves those out.
    pub now: Option<DateTime<Utc>>,
}

impl Ctx<'_> {
    pub fn fr(&self) -> bool {
        self.lang == Lang::FrCa
    }

    /// `14:05` in the event's zone.
    pub fn hm(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.tz).format("%H:%M").to_string()
    }

    /// Picks the English or French text.
    pub fn say(&self, en: String, fr: String) -> String {
        if self.fr() {
            fr
        } else {
            en
        }
    }

    pub fn finding(
        &self,
        code: &str,
        severity: Severity,
        subject: Subject,
        message: String,
    ) -> Finding {
        Finding {
            code: code.into(),
            severity,
            subject,
            message,
            customer: None,
        }
    }

    /// A customer hint about `sessions` (ids, earliest first).
    pub fn customer(
        &self,
        severity: Severity,
        sessions: &[&str],
        en: String,
        fr: String,
    ) -> CustomerHint {
        CustomerHint {
            message: self.say(en, fr),
            severity,
            session_ids: sessions.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// `09:00 – 10:00` in the event's zone, as the customer's schedule shows a session's times.
    pub fn range(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
        format!("{} – {}", self.hm(start), self.hm(end))
    }

    pub fn session_subject(&self, id: &str) -> Subject {
        Subject {
            kind: "session".into(),
            id: id.into(),
            name: self
                .data
                .session(id)
                .map(|s| s.title.clone())
                .unwrap_or_default(),
        }
    }

    pub fn person_subject(&self, id: &str) -> Subject {
        Subject {
            kind: "person".into(),
            id: id.into(),
            name: self
                .data
                .person(id)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
        }
    }

    pub fn event_subject(&self) -> Subject {
        Subject {
            kind: "event".into(),
            id: self.data.event.id.clone(),
            name: self.data.event.name.clone(),
        }
    }
}

/// Runs every rule; findings come errors first, then by code and subject name.
pub fn check(data: &EventData, lang: Lang) -> Vec<Finding> {
    let schedule = schedule::compute(data);
    check_with(data, &schedule, lang)
}

/// Like [`check`], reusing an already computed schedule.
pub fn check_with(data: &EventData, schedule: &Schedule, lang: Lang) -> Vec<Finding> {
    check_at(data, schedule, lang, None)
}

/// Like [`check_with`], also reporting what depends on today's date (overdue branding items).
pub fn check_at(
    data: &EventData,
    schedule: &Schedule,
    lang: Lang,
    now: Option<DateTime<Utc>>,
) -> Vec<Finding> {
    let tz: Tz = data.event.time_zone.parse().unwrap_or(Tz::UTC);
    let ctx = Ctx {
        data,
        schedule,
        tz,
        lang,
        now,
    };
    let mut out = Vec::new();
    support::check(&ctx, &mut out);
    stage::check(&ctx, &mut out);
    people::check(&ctx, &mut out);
    tasks::check(&ctx, &mut out);
    rtmp::check(&ctx, &mut out);
    branding::check(&ctx, &mut out);
    out.sort_by(|a, b| {
        (a.severity, &a.code, &a.subject.name, &a.message).cmp(&(
            b.severity,
            &b.code,
            &b.subject.name,
            &b.message,
        ))
    });
    out
}

/// Every rule code, for documentation and the UI's filter.
pub const CODES: [&str; 23] = [
    "support_window_over_budget",
    "support_spans_days",
    "outside_kit_term",
    "closing_training_needed",
    "segments_overrun_session",
    "stage_overlap",
    "person_double_booked",
    "prep_overlaps_session",
    "session_without_presenter",
    "livestream_tasks_missing",
    "invitation_not_sent",
    "restream_without_destination",
    "destination_without_sessions",
    "destination_key_missing",
    "destination_untested",
    "destination_test_failed",
    "destination_test_stale",
    "destination_port_unusual",
    "destination_duplicate",
    "asset_missing",
    "asset_overdue",
    "asset_rejected",
    "palette_low_contrast",
];

#[cfg(test)]
pub(crate) fn codes_of(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}
