//! Rules about one stage's sessions: changeovers under 15 minutes (the customer's team must close
//! the first session), overlapping sessions, and a run of show longer than its session.

use super::customer::{self, Changeover};
use super::sweep::{overlapping_pairs, Span};
use super::{Ctx, Finding, Severity};
use crate::i18n::hours_minutes;
use crate::ids::{self, IdMap};
use crate::model::Session;
use crate::schedule::closing_sessions;
use std::collections::VecDeque;

/// The findings about how the sessions of each stage sit: changeovers and overlaps. They read
/// only the sessions, the stages, the zone and the language (see [`super::Memo`]).
pub(super) fn between_sessions(ctx: &Ctx, out: &mut Vec<Finding>) {
    let data = ctx.data;
    let by_stage = customer::sessions_by_stage(data);
    // The changeovers the customer is told about: each session and the one that ends last before
    // it on its stage. The schedule's closing pairs only look at the session that starts just
    // before; the two differ only where sessions overlap on the stage, and a changeover found
    // only here is reported to the analyst too.
    let told = customer::changeovers(ctx, &by_stage);
    // Where each changeover is in `told` by (before, after) ids; a closing pair takes the first
    // one not taken yet.
    let mut waiting: IdMap<(&str, &str), VecDeque<usize>> = ids::map(told.len());
    for (i, c) in told.iter().enumerate() {
        waiting
            .entry((c.before.id.as_str(), c.after.id.as_str()))
            .or_default()
            .push_back(i);
    }
    let mut taken = vec![false; told.len()];
    for (first, second, gap) in closing_sessions(data) {
        // The first session with each id, as the closing pairs name them.
        let (Some(a), Some(b)) = (ctx.session(&first.id), ctx.session(&second.id)) else {
            continue;
        };
        let hint = waiting
            .get_mut(&(a.id.as_str(), b.id.as_str()))
            .and_then(|w| w.pop_front())
            .map(|i| {
                taken[i] = true;
                &told[i]
            });
        out.push(closing(ctx, a, b, gap.num_minutes(), hint));
    }
    for (c, _) in told.iter().zip(&taken).filter(|(_, taken)| !**taken) {
        let gap = (c.after.start - c.before.end).num_minutes();
        out.push(closing(ctx, c.before, c.after, gap, Some(c)));
    }

    for stage in &data.stages {
        let Some(on_stage) = by_stage.get(stage.id.as_str()) else {
            continue;
        };
        let spans: Vec<Span> = on_stage.iter().map(|s| (s.start, s.end)).collect();
        for (i, j) in overlapping_pairs(&spans) {
            let (a, b) = (on_stage[i], on_stage[j]);
            let (first, second) = if (a.start, &a.title) <= (b.start, &b.title) {
                (a, b)
            } else {
                (b, a)
            };
            let hint = customer::stage_overlap(ctx, stage, a, b);
            let times = [second.start, second.end, first.start, first.end].map(|t| ctx.hm(t));
            let [s0, s1, f0, f1] = &times;
            out.push(
                ctx.finding(
                    "stage_overlap",
                    Severity::Error,
                    ctx.session_subject(&second.id),
                    ctx.tell(
                        || {
                            format!(
                                "“{}” ({s0}–{s1}) overlaps “{}” ({f0}–{f1}) on stage {}",
                                second.title, first.title, stage.name
                            )
                        },
                        || {
                            format!(
                                "« {} » ({s0}–{s1}) chevauche « {} » ({f0}–{f1}) sur la scène {}",
                                second.title, first.title, stage.name
                            )
                        },
                    ),
                )
                .for_customer(Some(hint)),
            );
        }
    }
}

/// A run of show longer than its session.
pub(super) fn overruns(ctx: &Ctx, out: &mut Vec<Finding>) {
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
                ctx.tell(
                    || format!("The run of show of “{}” lasts {run} but the session is {slot}: {over} over", s.title),
                    || format!("Le déroulement de « {} » dure {run}, mais la séance dure {slot} : {over} de trop", s.title),
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
        ctx.tell(
            || format!(
                "“{}” ends {gap} min before “{}” starts (under 15 min): train the customer team to close “{}”",
                a.title, b.title, a.title
            ),
            || format!(
                "« {} » se termine {gap} min avant le début de « {} » (moins de 15 min) : former l’équipe du client à fermer « {} »",
                a.title, b.title, a.title
            ),
        ),
    )
    .for_customer(hint)
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::rules::{check, closing_pairs, codes_of};
    use crate::testing::*;

    #[test]
    fn back_to_back_sessions_need_closing_training() {
        let mut d = event("America/Toronto");
        let a = stage(&mut d, "A");
        let s1 = session(
            &mut d,
            &a,
            "Keynote",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        session(
            &mut d,
            &a,
            "Panel",
            "2027-05-04T14:05:00Z",
            "2027-05-04T15:00:00Z",
        );
        let pairs = closing_pairs(&d);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].first, s1, "the first session is the one to close");
        assert_eq!(pairs[0].gap_minutes, 5);
        let f = check(&d, Lang::FrCa);
        let c = f
            .iter()
            .find(|f| f.code == "closing_training_needed")
            .unwrap();
        assert!(
            c.message
                .contains("former l’équipe du client à fermer « Keynote »"),
            "{}",
            c.message
        );
    }

    #[test]
    fn a_fifteen_minute_gap_is_enough() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "One",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        session(
            &mut d,
            &a,
            "Two",
            "2027-05-04T14:15:00Z",
            "2027-05-04T15:00:00Z",
        );
        assert!(closing_pairs(&d).is_empty());
    }

    #[test]
    fn back_to_back_on_different_stages_is_not_a_changeover() {
        let mut d = event("UTC");
        let (a, b) = (stage(&mut d, "A"), stage(&mut d, "B"));
        session(
            &mut d,
            &a,
            "One",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        session(
            &mut d,
            &b,
            "Two",
            "2027-05-04T14:00:00Z",
            "2027-05-04T15:00:00Z",
        );
        assert!(closing_pairs(&d).is_empty());
    }

    #[test]
    fn overlapping_sessions_on_one_stage_are_an_error_not_a_changeover() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "One",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        session(
            &mut d,
            &a,
            "Two",
            "2027-05-04T13:30:00Z",
            "2027-05-04T15:00:00Z",
        );
        let f = check(&d, Lang::En);
        let codes = codes_of(&f);
        assert!(codes.contains(&"stage_overlap"));
        assert!(!codes.contains(&"closing_training_needed"));
        let o = f.iter().find(|f| f.code == "stage_overlap").unwrap();
        assert_eq!(o.subject.name, "Two");
        assert_eq!(
            o.message,
            "“Two” (13:30–15:00) overlaps “One” (13:00–14:00) on stage A"
        );
    }

    #[test]
    fn run_of_show_longer_than_the_session_overruns() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        let p = speaker(&mut d, "Ana");
        let s = session(
            &mut d,
            &a,
            "Talk",
            "2027-05-04T13:00:00Z",
            "2027-05-04T13:30:00Z",
        );
        segment(&mut d, &s, "Intro", 20 * 60, &[&p]);
        segment(&mut d, &s, "Demo", 10 * 60, &[&p]);
        assert!(!codes_of(&check(&d, Lang::En)).contains(&"segments_overrun_session"));
        segment(&mut d, &s, "Q&A", 90, &[&p]);
        let f = check(&d, Lang::En);
        let o = f
            .iter()
            .find(|f| f.code == "segments_overrun_session")
            .unwrap();
        assert_eq!(
            o.message,
            "The run of show of “Talk” lasts 31 min but the session is 30 min: 1:30 over"
        );
    }
}
