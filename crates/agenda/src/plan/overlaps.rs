//! Warning of sessions that overlap on one stage, among the rows added and against the event's
//! own sessions.

use super::{Outcome, RowPlan};
use crate::issue::{clock, quote, Issue, IssueCode, RowIssue};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use showcall_core::i18n::Lang;
use showcall_core::model::{EventData, Session};
use std::collections::HashMap;

/// Warns of sessions that overlap on one stage, among the rows added and against the event's
/// own sessions: one sort and one sweep per stage.
pub(super) fn overlaps(data: &EventData, zone: Option<Tz>, rows: &mut [RowPlan]) {
    let Some(zone) = zone else { return };
    enum Who<'a> {
        Row(usize),
        Existing(&'a Session),
    }
    struct Item<'a> {
        stage: usize,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        who: Who<'a>,
    }
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut key = |k: String| {
        let n = keys.len();
        *keys.entry(k).or_insert(n)
    };
    let mut items: Vec<Item> = data
        .sessions
        .iter()
        .map(|s| Item {
            stage: key(s.stage_id.clone()),
            start: s.start,
            end: s.end,
            who: Who::Existing(s),
        })
        .collect();
    for (i, r) in rows.iter().enumerate() {
        if let (Outcome::Add, Some(s)) = (r.outcome, &r.session) {
            items.push(Item {
                stage: key(s.stage.key()),
                start: s.start,
                end: s.end,
                who: Who::Row(i),
            });
        }
    }
    items.sort_by_key(|i| (i.stage, i.start, i.end));
    let mut found: Vec<(usize, RowIssue)> = Vec::new();
    let mut reach: Option<usize> = None; // the item reaching furthest on the current stage
    for (k, item) in items.iter().enumerate() {
        let Some(j) = reach.filter(|&j| items[j].stage == item.stage) else {
            reach = Some(k);
            continue;
        };
        let far = &items[j];
        if item.start < far.end {
            let (from, to) = (item.start, item.end.min(far.end));
            let span = |lang| {
                let l = |t: DateTime<Utc>| clock(t.with_timezone(&zone).naive_local(), false, lang);
                format!("{}–{}", l(from), l(to))
            };
            let stage_name = |i: &Item| match &i.who {
                Who::Row(r) => rows[*r]
                    .session
                    .as_ref()
                    .map(|s| s.stage.name().to_string())
                    .unwrap_or_default(),
                Who::Existing(s) => data
                    .stage(&s.stage_id)
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
            };
            let stage = stage_name(item);
            let (at, other) = match (&item.who, &far.who) {
                (Who::Row(a), Who::Row(b)) => (Some(*a), Err(rows[*b].row)),
                (Who::Row(a), Who::Existing(s)) => (Some(*a), Ok(s.title.clone())),
                (Who::Existing(s), Who::Row(b)) => (Some(*b), Ok(s.title.clone())),
                (Who::Existing(_), Who::Existing(_)) => (None, Err(0)),
            };
            if let Some(at) = at {
                let issue = Issue::new(rows[at].row, IssueCode::Overlap).say(|_, lang| {
                    let what = match (&other, lang) {
                        (Err(row), Lang::En) => format!("row {row}"),
                        (Err(row), Lang::FrCa) => format!("la ligne {row}"),
                        (Ok(title), Lang::En) => {
                            format!("{} (already in the event)", quote(title, lang))
                        }
                        (Ok(title), Lang::FrCa) => {
                            format!("{} (déjà dans l’événement)", quote(title, lang))
                        }
                    };
                    match lang {
                        Lang::En => format!("overlaps {what} on stage {stage} ({})", span(lang)),
                        Lang::FrCa => {
                            format!("chevauche {what} sur la scène {stage} ({})", span(lang))
                        }
                    }
                });
                found.push((at, issue));
            }
        }
        if item.end > far.end {
            reach = Some(k);
        }
    }
    for (at, issue) in found {
        rows[at].warnings.push(issue);
    }
}
