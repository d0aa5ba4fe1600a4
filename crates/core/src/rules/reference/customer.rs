//! The hints told to the customer (as first written).

use super::{Ctx, CustomerHint, Severity};
use crate::model::{Session, Stage};
use crate::schedule::{MIN_CHANGEOVER, SPEAKER_PREP};
use chrono::Duration;
use std::cmp::Ordering;

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

/// For each session, the one that ends last (at or before its start) on its stage, when they are
/// less than 15 minutes apart.
pub(super) fn changeovers<'a>(ctx: &Ctx<'a>) -> Vec<Changeover<'a>> {
    let data = ctx.data;
    let mut out = Vec::new();
    for stage in &data.stages {
        let mut on_stage: Vec<&Session> = data
            .sessions
            .iter()
            .filter(|s| s.stage_id == stage.id)
            .collect();
        on_stage.sort_by(|a, b| by_start(a, b));
        for (i, b) in on_stage.iter().enumerate() {
            let mut before: Option<&Session> = None;
            for a in &on_stage[..i] {
                if a.end <= b.start && before.is_none_or(|p| a.end > p.end) {
                    before = Some(a);
                }
            }
            if let Some(a) = before {
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
    let (en, fr) = match c.minutes {
        ..=0 => (
            "back to back".to_string(),
            "les séances s’enchaînent sans pause".to_string(),
        ),
        1 => (
            "only 1 minute apart".into(),
            "seulement 1 minute d’écart".into(),
        ),
        m => (
            format!("only {m} minutes apart"),
            format!("seulement {m} minutes d’écart"),
        ),
    };
    ctx.customer(
        Severity::Info,
        &[&c.before.id, &c.after.id],
        format!(
            "“{a}” ends at {end} and “{b}” starts at {start} on {stage}: {en}. Your team will need to close “{a}” — the analyst will train them."
        ),
        format!(
            "« {a} » se termine à {end} et « {b} » commence à {start} sur {stage} : {fr}. Votre équipe devra fermer « {a} » — l’analyste la formera."
        ),
    )
}

/// Two sessions at the same time on `stage`.
pub(super) fn stage_overlap(ctx: &Ctx, stage: &Stage, a: &Session, b: &Session) -> CustomerHint {
    let (a, b) = ordered(a, b);
    let (ta, tb) = (ctx.range(a.start, a.end), ctx.range(b.start, b.end));
    ctx.customer(
        Severity::Warning,
        &[&a.id, &b.id],
        format!(
            "“{}” ({ta}) and “{}” ({tb}) overlap on {}: a stage can show one session at a time.",
            a.title, b.title, stage.name
        ),
        format!(
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
        format!("“{}” has no speaker yet.", s.title),
        format!("« {} » n’a pas encore de conférencier.", s.title),
    )
}

/// `person` speaks in `a` and `b`, which overlap (`None` for someone not in the event).
pub(super) fn same_time(ctx: &Ctx, person: &str, a: &Session, b: &Session) -> Option<CustomerHint> {
    let name = &ctx.data.person(person)?.name;
    let (a, b) = ordered(a, b);
    Some(ctx.customer(
        Severity::Warning,
        &[&a.id, &b.id],
        format!(
            "{name} is speaking in both “{}” and “{}” at the same time.",
            a.title, b.title
        ),
        format!(
            "{name} prend la parole à la fois dans « {} » et dans « {} », au même moment.",
            a.title, b.title
        ),
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
    let name = &ctx.data.person(person)?.name;
    if round_minutes(second.start - first.end) >= SPEAKER_PREP.num_minutes() {
        return None;
    }
    let (end, start) = (ctx.hm(first.end), ctx.hm(second.start));
    Some(ctx.customer(
        Severity::Info,
        &[&first.id, &second.id],
        format!(
            "{name} is speaking in both “{}” (ends at {end}) and “{}” (starts at {start}): speakers are prepped 15 minutes before their session, so leave them at least 15 minutes between the two.",
            first.title, second.title
        ),
        format!(
            "{name} prend la parole à la fois dans « {} » (fin à {end}) et dans « {} » (début à {start}) : les conférenciers sont préparés 15 minutes avant leur séance; prévoyez au moins 15 minutes entre les deux.",
            first.title, second.title
        ),
    ))
}
