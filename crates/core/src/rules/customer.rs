//! The rules' findings as the customer's event lead is told them (their Schedule tab's hints):
//! plain words, in the requested language, times as `14:05` in the event's zone.
//!
//! The customer is told about: two sessions on a stage less than 15 minutes apart (each session
//! and the one that ends last before it; their team must close the first), two sessions that
//! overlap on a stage, a session without speaker, a speaker in two sessions that overlap, and a
//! speaker in two sessions less than 15 minutes apart (speakers are prepped 15 minutes before
//! their session). Gaps are in minutes rounded to the nearest; sessions come earliest first.

use super::{Ctx, CustomerHint, Severity};
use crate::ids::{self, IdMap};
use crate::model::{EventData, Session, Stage};
use crate::schedule::{MIN_CHANGEOVER, SPEAKER_PREP};
use chrono::{DateTime, Duration, Utc};
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// Whole minutes in `d`, rounded to the nearest (halves up).
pub(super) fn round_minutes(d: Duration) -> i64 {
    (d.num_milliseconds() + 30_000).div_euclid(60_000)
}

/// The customer's schedule order: by start, then end, then title.
pub(super) fn by_start(a: &Session, b: &Session) -> Ordering {
    (a.start, a.end, &a.title).cmp(&(b.start, b.end, &b.title))
}

/// `a` and `b`, earliest first.
fn ordered<'a>(a: &'a Session, b: &'a Session) -> (&'a Session, &'a Session) {
    if by_start(a, b).is_le() {
        (a, b)
    } else {
        (b, a)
    }
}

/// A changeover the customer's team must handle: `after` starts `minutes` (0–14) after `before`
/// ends, on `stage`.
pub(super) struct Changeover<'a> {
    pub before: &'a Session,
    pub after: &'a Session,
    pub stage: &'a str,
    pub minutes: i64,
}

/// Each stage's sessions (by stage id), in the event's order: one pass instead of one filter per
/// stage.
pub(super) fn sessions_by_stage(data: &EventData) -> IdMap<&str, Vec<&Session>> {
    let mut out: IdMap<&str, Vec<&Session>> = ids::map(data.stages.len());
    for s in &data.sessions {
        out.entry(s.stage_id.as_str()).or_default().push(s);
    }
    out
}

/// For each session, the one that ends last (at or before its start) on its stage, when they are
/// less than 15 minutes apart.
pub(super) fn changeovers<'a>(
    ctx: &Ctx<'a>,
    by_stage: &IdMap<&str, Vec<&'a Session>>,
) -> Vec<Changeover<'a>> {
    let data = ctx.data;
    let mut out = Vec::new();
    for stage in &data.stages {
        let mut on_stage: Vec<&Session> =
            by_stage.get(stage.id.as_str()).cloned().unwrap_or_default();
        on_stage.sort_by(|a, b| by_start(a, b));
        // Sessions earlier in the order that have not ended by the current start yet, soonest
        // end first; starts only grow, so once ended before one start a session stays so.
        let mut pending: BinaryHeap<Reverse<(DateTime<Utc>, usize)>> = BinaryHeap::new();
        // The one that ends last among those ended (the earliest in the order on a tie).
        let mut before: Option<(DateTime<Utc>, usize)> = None;
        for (i, b) in on_stage.iter().enumerate() {
            if i > 0 {
                pending.push(Reverse((on_stage[i - 1].end, i - 1)));
            }
            while let Some(&Reverse((end, j))) = pending.peek() {
                if end > b.start {
                    break;
                }
                pending.pop();
                if before.is_none_or(|(e, k)| end > e || (end == e && j < k)) {
                    before = Some((end, j));
                }
            }
            if let Some((_, j)) = before {
                let a = on_stage[j];
                let minutes = round_minutes(b.start - a.end);
                if minutes < MIN_CHANGEOVER.num_minutes() {
                    out.push(Changeover {
                        before: a,
                        after: b,
                        stage: &stage.name,
                        minutes,
                    });
                }
            }
        }
    }
    out
}

/// Their team must close the first session of a changeover.
pub(super) fn changeover(ctx: &Ctx, c: &Changeover) -> CustomerHint {
    let (a, b, stage) = (&c.before.title, &c.after.title, c.stage);
    let (end, start) = (ctx.hm(c.before.end), ctx.hm(c.after.start));
    ctx.customer(
        Severity::Info,
        &[&c.before.id, &c.after.id],
        || {
            let en = match c.minutes {
                ..=0 => "back to back".to_string(),
                1 => "only 1 minute apart".into(),
                m => format!("only {m} minutes apart"),
            };
            format!(
                "“{a}” ends at {end} and “{b}” starts at {start} on {stage}: {en}. Your team will need to close “{a}” — the analyst will train them."
            )
        },
        || {
            let fr = match c.minutes {
                ..=0 => "les séances s’enchaînent sans pause".to_string(),
                1 => "seulement 1 minute d’écart".into(),
                m => format!("seulement {m} minutes d’écart"),
            };
            format!(
                "« {a} » se termine à {end} et « {b} » commence à {start} sur {stage} : {fr}. Votre équipe devra fermer « {a} » — l’analyste la formera."
            )
        },
    )
}

/// Two sessions at the same time on `stage`.
pub(super) fn stage_overlap(ctx: &Ctx, stage: &Stage, a: &Session, b: &Session) -> CustomerHint {
    let (a, b) = ordered(a, b);
    let (ta, tb) = (ctx.range(a.start, a.end), ctx.range(b.start, b.end));
    ctx.customer(
        Severity::Warning,
        &[&a.id, &b.id],
        || format!(
            "“{}” ({ta}) and “{}” ({tb}) overlap on {}: a stage can show one session at a time.",
            a.title, b.title, stage.name
        ),
        || format!(
            "« {} » ({ta}) et « {} » ({tb}) se chevauchent sur {} : une scène ne peut présenter qu’une séance à la fois.",
            a.title, b.title, stage.name
        ),
    )
}

/// Nobody speaks in `s`.
pub(super) fn no_speaker(ctx: &Ctx, s: &Session) -> CustomerHint {
    ctx.customer(
        Severity::Info,
        &[&s.id],
        || format!("“{}” has no speaker yet.", s.title),
        || format!("« {} » n’a pas encore de conférencier.", s.title),
    )
}

/// `person` speaks in `a` and `b`, which overlap (`None` for someone not in the event).
pub(super) fn same_time(ctx: &Ctx, person: &str, a: &Session, b: &Session) -> Option<CustomerHint> {
    let name = &ctx.person(person)?.name;
    let (a, b) = ordered(a, b);
    Some(ctx.customer(
        Severity::Warning,
        &[&a.id, &b.id],
        || {
            format!(
                "{name} is speaking in both “{}” and “{}” at the same time.",
                a.title, b.title
            )
        },
        || {
            format!(
                "{name} prend la parole à la fois dans « {} » et dans « {} », au même moment.",
                a.title, b.title
            )
        },
    ))
}

/// `person` speaks in `first` then in `second`, which starts less than 15 minutes after the first
/// ends: no time for the second prep (`None` when they are further apart).
pub(super) fn too_close(
    ctx: &Ctx,
    person: &str,
    first: &Session,
    second: &Session,
) -> Option<CustomerHint> {
    let name = &ctx.person(person)?.name;
    if round_minutes(second.start - first.end) >= SPEAKER_PREP.num_minutes() {
        return None;
    }
    let (end, start) = (ctx.hm(first.end), ctx.hm(second.start));
    Some(ctx.customer(
        Severity::Info,
        &[&first.id, &second.id],
        || format!(
            "{name} is speaking in both “{}” (ends at {end}) and “{}” (starts at {start}): speakers are prepped 15 minutes before their session, so leave them at least 15 minutes between the two.",
            first.title, second.title
        ),
        || format!(
            "{name} prend la parole à la fois dans « {} » (fin à {end}) et dans « {} » (début à {start}) : les conférenciers sont préparés 15 minutes avant leur séance; prévoyez au moins 15 minutes entre les deux.",
            first.title, second.title
        ),
    ))
}
