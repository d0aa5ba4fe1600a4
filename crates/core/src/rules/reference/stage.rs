//! One stage: changeovers, overlaps, overruns (as first written: every pair of sessions).

use super::customer::{self, Changeover};
use super::schedule::closing_pairs;
use super::{Ctx, Finding, Severity};
use crate::i18n::hours_minutes;
use crate::model::Session;

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let data = ctx.data;
    // The changeovers the customer is told about: each session and the one that ends last before
    // it on its stage. The schedule's closing pairs only look at the session that starts just
    // before; the two differ only where sessions overlap on the stage, and a changeover found
    // only here is reported to the analyst too.
    let mut told = customer::changeovers(ctx);
    for pair in closing_pairs(data) {
        let (Some(a), Some(b)) = (data.session(&pair.first), data.session(&pair.second)) else {
            continue;
        };
        let hint = told
            .iter()
            .position(|c| c.before.id == a.id && c.after.id == b.id)
            .map(|i| told.remove(i));
        out.push(closing(ctx, a, b, pair.gap_minutes, hint.as_ref()));
    }
    for c in &told {
        let gap = (c.after.start - c.before.end).num_minutes();
        out.push(closing(ctx, c.before, c.after, gap, Some(c)));
    }

    for stage in &data.stages {
        let on_stage: Vec<_> = data
            .sessions
            .iter()
            .filter(|s| s.stage_id == stage.id)
            .collect();
        for (i, a) in on_stage.iter().enumerate() {
            for b in &on_stage[i + 1..] {
                if a.start < b.end && b.start < a.end {
                    let (first, second) = if (a.start, &a.title) <= (b.start, &b.title) {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    let hint = customer::stage_overlap(ctx, stage, a, b);
                    out.push(
                        ctx.finding(
                            "stage_overlap",
                            Severity::Error,
                            ctx.session_subject(&second.id),
                            ctx.say(
                                format!(
                                    "“{}” ({}–{}) overlaps “{}” ({}–{}) on stage {}",
                                    second.title,
                                    ctx.hm(second.start),
                                    ctx.hm(second.end),
                                    first.title,
                                    ctx.hm(first.start),
                                    ctx.hm(first.end),
                                    stage.name
                                ),
                                format!(
                                    "« {} » ({}–{}) chevauche « {} » ({}–{}) sur la scène {}",
                                    second.title,
                                    ctx.hm(second.start),
                                    ctx.hm(second.end),
                                    first.title,
                                    ctx.hm(first.start),
                                    ctx.hm(first.end),
                                    stage.name
                                ),
                            ),
                        )
                        .for_customer(Some(hint)),
                    );
                }
            }
        }
    }

    for s in &ctx.schedule.sessions {
        if s.overrun_secs > 0 {
            let run = hours_minutes(s.run_of_show_secs / 60);
            let slot = hours_minutes((s.end - s.start).num_minutes());
            let over = if s.overrun_secs % 60 == 0 {
                hours_minutes(s.overrun_secs / 60)
            } else {
                format!("{}:{:02}", s.overrun_secs / 60, s.overrun_secs % 60)
            };
            out.push(ctx.finding(
                "segments_overrun_session",
                Severity::Error,
                ctx.session_subject(&s.session_id),
                ctx.say(
                    format!("The run of show of “{}” lasts {run} but the session is {slot}: {over} over", s.title),
                    format!("Le déroulement de « {} » dure {run}, mais la séance dure {slot} : {over} de trop", s.title),
                ),
            ));
        }
    }
}

/// The `closing_training_needed` finding for `a` then `b`, `gap` minutes apart; told to the
/// customer when it is one of their changeovers.
fn closing(ctx: &Ctx, a: &Session, b: &Session, gap: i64, told: Option<&Changeover>) -> Finding {
    let hint = told.map(|c| customer::changeover(ctx, c));
    ctx.finding(
        "closing_training_needed",
        Severity::Warning,
        ctx.session_subject(&a.id),
        ctx.say(
            format!(
                "“{}” ends {gap} min before “{}” starts (under 15 min): train the customer team to close “{}”",
                a.title, b.title, a.title
            ),
            format!(
                "« {} » se termine {gap} min avant le début de « {} » (moins de 15 min) : former l’équipe du client à fermer « {} »",
                a.title, b.title, a.title
            ),
        ),
    )
    .for_customer(hint)
}
