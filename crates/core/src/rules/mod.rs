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
use crate::ids;
mod people;
#[cfg(test)]
mod reference;
mod rtmp;
#[cfg(test)]
mod same_findings;
mod stage;
mod support;
mod sweep;
mod tasks;

pub use crate::schedule::{closing_pairs, ClosingPair};

use crate::i18n::Lang;
use crate::model::{EventData, Person, Session, Shared, Stage, Task};
use crate::schedule::{self, Schedule};
use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::cell::RefCell;
use std::sync::Arc;
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
    /// Sessions by id (the first of a repeated id, as [`EventData::session`] finds it).
    sessions: ids::IdMap<&'a str, &'a Session>,
    /// People by id (the first of a repeated id, as [`EventData::person`] finds it).
    people: ids::IdMap<&'a str, &'a Person>,
    /// The times of day already placed in the zone, by whole second: sessions share their
    /// instants, and findings repeat them.
    clocks: RefCell<ids::IdMap<i64, Clock>>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        data: &'a EventData,
        schedule: &'a Schedule,
        lang: Lang,
        now: Option<DateTime<Utc>>,
    ) -> Self {
        let mut sessions = ids::map(data.sessions.len());
        for s in &data.sessions {
            sessions.entry(s.id.as_str()).or_insert(s);
        }
        let mut people = ids::map(data.people.len());
        for p in &data.people {
            people.entry(p.id.as_str()).or_insert(p);
        }
        Ctx {
            data,
            schedule,
            tz: data.event.time_zone.parse().unwrap_or(Tz::UTC),
            lang,
            now,
            sessions,
            people,
            clocks: RefCell::default(),
        }
    }

    /// The session with this id, if any.
    pub fn session(&self, id: &str) -> Option<&'a Session> {
        self.sessions.get(id).copied()
    }

    /// The person with this id, if any.
    pub fn person(&self, id: &str) -> Option<&'a Person> {
        self.people.get(id).copied()
    }
}

impl Ctx<'_> {
    pub fn fr(&self) -> bool {
        self.lang == Lang::FrCa
    }

    /// `14:05` in the event's zone (written where it is used: no string of its own).
    pub fn hm(&self, t: DateTime<Utc>) -> Clock {
        *self
            .clocks
            .borrow_mut()
            .entry(t.timestamp())
            .or_insert_with(|| {
                let local = t.with_timezone(&self.tz);
                Clock(local.hour(), local.minute())
            })
    }

    /// Picks the English or French text.
    pub fn say(&self, en: String, fr: String) -> String {
        if self.fr() {
            fr
        } else {
            en
        }
    }

    /// Picks the English or French text, writing only the one picked (for the rules that can
    /// report thousands of findings).
    pub fn tell(&self, en: impl FnOnce() -> String, fr: impl FnOnce() -> String) -> String {
        if self.fr() {
            fr()
        } else {
            en()
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

    /// A customer hint about `sessions` (ids, earliest first), writing only the language asked
    /// for.
    pub fn customer(
        &self,
        severity: Severity,
        sessions: &[&str],
        en: impl FnOnce() -> String,
        fr: impl FnOnce() -> String,
    ) -> CustomerHint {
        CustomerHint {
            message: self.tell(en, fr),
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
                .session(id)
                .map(|s| s.title.clone())
                .unwrap_or_default(),
        }
    }

    pub fn person_subject(&self, id: &str) -> Subject {
        Subject {
            kind: "person".into(),
            id: id.into(),
            name: self.person(id).map(|p| p.name.clone()).unwrap_or_default(),
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

/// A time of day as findings write it, `14:05` (what `%H:%M` gives).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock(u32, u32);

impl std::fmt::Display for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let (h, m) = (self.0, self.1);
        let text = [digit(h / 10), digit(h), b':', digit(m / 10), digit(m)];
        f.write_str(std::str::from_utf8(&text).unwrap_or("00:00"))
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
    let (found, _) = check_reusing(data, schedule, lang, now, &Memo::default());
    found.into_iter().map(Arc::unwrap_or_clone).collect()
}

/// [`check_at`], taking from `memo` (what a pass over an earlier copy of the event kept) the
/// findings of the rules whose every input is still the same, shared, not copied; answers the
/// findings and what this pass keeps for the next one.
pub fn check_reusing(
    data: &EventData,
    schedule: &Schedule,
    lang: Lang,
    now: Option<DateTime<Utc>>,
    memo: &Memo,
) -> (Vec<Arc<Finding>>, Memo) {
    let ctx = Ctx::new(data, schedule, lang, now);
    let mut out: Vec<Arc<Finding>> = Vec::new();
    let run = |out: &mut Vec<Arc<Finding>>, rule: &dyn Fn(&Ctx, &mut Vec<Finding>)| {
        let mut found = Vec::new();
        rule(&ctx, &mut found);
        out.extend(found.into_iter().map(Arc::new));
    };
    run(&mut out, &support::check);
    let between = Part::reused_or(&memo.between_sessions, data, lang, false, || {
        let mut found = Vec::new();
        run(&mut found, &stage::between_sessions);
        found
    });
    out.extend(between.findings.iter().cloned());
    run(&mut out, &stage::overruns);
    run(&mut out, &people::check);
    let stream_tasks = Part::reused_or(&memo.stream_tasks, data, lang, true, || {
        let mut found = Vec::new();
        run(&mut found, &tasks::check);
        found
    });
    out.extend(stream_tasks.findings.iter().cloned());
    run(&mut out, &rtmp::check);
    run(&mut out, &branding::check);
    let kept = Memo {
        between_sessions: Some(between),
        stream_tasks: Some(stream_tasks),
    };
    (in_order(out), kept)
}

/// What a rule pass keeps for the next: the findings of the rules that read few of the event's
/// lists, with those lists. A segment's edit changes none of them, and those rules (the
/// changeovers of a 2,000-session day: nearly 2,000 findings) are not run again.
#[derive(Debug, Clone, Default)]
pub struct Memo {
    /// Changeovers and overlaps on each stage ([`stage::between_sessions`]): they read the
    /// sessions, the stages, the zone and the language.
    between_sessions: Option<Arc<Part>>,
    /// Livestreamed sessions without their stream tasks ([`tasks::check`]): they read the
    /// sessions, the tasks and the language.
    stream_tasks: Option<Arc<Part>>,
}

/// The findings of some rules, with what they were found from. The lists are held, so one
/// compared with cannot have been changed in place meanwhile.
#[derive(Debug)]
struct Part {
    lang: Lang,
    time_zone: String,
    sessions: Shared<Session>,
    stages: Vec<Stage>,
    /// Only for the rules that read them.
    tasks: Option<Shared<Task>>,
    findings: Vec<Arc<Finding>>,
}

impl Part {
    /// `kept` when it was found from what `data` holds, or else what `find` finds.
    fn reused_or(
        kept: &Option<Arc<Part>>,
        data: &EventData,
        lang: Lang,
        reads_tasks: bool,
        find: impl FnOnce() -> Vec<Arc<Finding>>,
    ) -> Arc<Part> {
        let holds = |p: &Part| {
            p.lang == lang
                && p.time_zone == data.event.time_zone
                && p.sessions.same(&data.sessions)
                && p.stages == data.stages
                && match &p.tasks {
                    Some(t) => reads_tasks && t.same(&data.tasks),
                    None => !reads_tasks,
                }
        };
        match kept {
            Some(p) if holds(p) => Arc::clone(p),
            _ => Arc::new(Part {
                lang,
                time_zone: data.event.time_zone.clone(),
                sessions: data.sessions.clone(),
                stages: data.stages.clone(),
                tasks: reads_tasks.then(|| data.tasks.clone()),
                findings: find(),
            }),
        }
    }
}

/// `findings` errors first, then by code, subject name and message, keeping the rules' order
/// among equals (a stable sort). Codes and names are ranked once, so most comparisons are of
/// two integers; the findings themselves move once, in place, at the end.
fn in_order(mut findings: Vec<Arc<Finding>>) -> Vec<Arc<Finding>> {
    fn ranks<'a>(words: impl Iterator<Item = &'a str>) -> ids::IdMap<&'a str, u64> {
        let mut distinct: Vec<&str> = words.collect();
        distinct.sort_unstable();
        distinct.dedup();
        distinct.into_iter().zip(0..).collect()
    }
    let order: Vec<usize> = {
        let codes = ranks(findings.iter().map(|f| f.code.as_str()));
        let names = ranks(findings.iter().map(|f| f.subject.name.as_str()));
        let mut keys: Vec<(u64, &str, usize)> = findings
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let key = ((f.severity as u64) << 60)
                    | (codes[f.code.as_str()] << 32)
                    | names[f.subject.name.as_str()];
                (key, f.message.as_str(), i)
            })
            .collect();
        keys.sort_unstable();
        keys.into_iter().map(|(_, _, i)| i).collect()
    };
    // Position `k` takes the finding at `order[k]`: follow each cycle of the permutation.
    let mut placed = vec![false; order.len()];
    for start in 0..order.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            findings.swap(at, from);
            at = from;
        }
    }
    findings
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
