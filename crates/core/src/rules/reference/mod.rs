//! The production rules as they were first written, plainly: a double loop over every pair of
//! sessions or segments, a linear look-up for every id, both languages formatted for every
//! finding. Kept, for tests only, as the reference the fast rules ([`super::check_at`]) must
//! match exactly on random events ([`super::same_findings`]): same findings, same order, same
//! messages, same customer hints. The branding rules, which never were pairwise and did not
//! change, are the real ones.

mod customer;
mod people;
mod rtmp;
pub(super) mod schedule;
mod stage;
mod support;
mod tasks;

use super::{CustomerHint, Finding, Severity, Subject};
use crate::i18n::Lang;
use crate::model::EventData;
use crate::schedule::Schedule;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// What every plain rule gets: the data, its schedule, the zone and the language.
pub(super) struct Ctx<'a> {
    pub data: &'a EventData,
    pub schedule: &'a Schedule,
    pub tz: Tz,
    pub lang: Lang,
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

/// What [`super::check_at`] answered before it was made fast.
pub(super) fn check_at(
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
    };
    let mut out = Vec::new();
    support::check(&ctx, &mut out);
    stage::check(&ctx, &mut out);
    people::check(&ctx, &mut out);
    tasks::check(&ctx, &mut out);
    rtmp::check(&ctx, &mut out);
    let real = super::Ctx::new(data, schedule, lang, now);
    super::branding::check(&real, &mut out);
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
