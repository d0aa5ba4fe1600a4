//! Rules about the kit: the support window against the purchased hours, one support day, and the
//! kit's 12-month term.

use super::{Ctx, Finding, Severity};
use crate::i18n::hours_minutes;
use chrono::{DateTime, Months, NaiveDate, Utc};
use std::collections::BTreeSet;

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let ev = &ctx.data.event;
    let Some(w) = &ctx.schedule.support_window else {
        return;
    };

    if w.minutes > i64::from(ev.support_budget_minutes) {
        let (len, budget) = (
            hours_minutes(w.minutes),
            hours_minutes(i64::from(ev.support_budget_minutes)),
        );
        let over = hours_minutes(w.minutes - i64::from(ev.support_budget_minutes));
        let (from, to) = (ctx.hm(w.start), ctx.hm(w.end));
        out.push(ctx.finding(
            "support_window_over_budget",
            Severity::Error,
            ctx.event_subject(),
            ctx.say(
                format!("Support window {from}–{to} lasts {len}, {over} more than the {budget} purchased"),
                format!("La plage de soutien {from}–{to} dure {len}, soit {over} de plus que les {budget} achetées"),
            ),
        ));
    }

    // Sessions share their starts and ends (a grid of stages): each instant is placed in the
    // zone once.
    let mut instants: Vec<DateTime<Utc>> = ctx
        .data
        .sessions
        .iter()
        .flat_map(|s| [s.start, s.end - chrono::Duration::seconds(1)])
        .collect();
    instants.sort_unstable();
    instants.dedup();
    let days: BTreeSet<NaiveDate> = instants
        .into_iter()
        .map(|t| t.with_timezone(&ctx.tz).date_naive())
        .collect();
    if days.len() > 1 {
        let list = days
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect::<Vec<_>>()
            .join(", ");
        out.push(ctx.finding(
            "support_spans_days",
            Severity::Error,
            ctx.event_subject(),
            ctx.say(
                format!("Sessions fall on {} days ({list}); the kit covers one support day", days.len()),
                format!("Les séances s’étendent sur {} jours ({list}); la trousse couvre une seule journée de soutien", days.len()),
            ),
        ));
    }

    if let Some(bought) = ev.kit_purchase_date {
        let expires = bought
            .checked_add_months(Months::new(ev.kit_term_months))
            .unwrap_or(NaiveDate::MAX);
        let outside: Vec<NaiveDate> = days
            .iter()
            .copied()
            .filter(|d| *d < bought || *d >= expires)
            .collect();
        if let Some(first) = outside.first() {
            let months = ev.kit_term_months;
            out.push(ctx.finding(
                "outside_kit_term",
                Severity::Error,
                ctx.event_subject(),
                ctx.say(
                    format!("The event on {first} falls outside the kit's {months}-month term ({bought} to {expires})"),
                    format!("L’événement du {first} tombe hors de la durée de {months} mois de la trousse (du {bought} au {expires})"),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::rules::{check, codes_of};
    use crate::testing::*;

    #[test]
    fn nine_hours_fit_the_budget_and_one_minute_more_does_not() {
        let mut d = event("America/Toronto");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "Day",
            "2027-05-04T13:30:00Z",
            "2027-05-04T21:30:00Z",
        );
        assert!(!codes_of(&check(&d, Lang::En)).contains(&"support_window_over_budget"));
        d.sessions[0].end = utc("2027-05-04T21:31:00Z");
        let f = check(&d, Lang::En);
        let over = f
            .iter()
            .find(|f| f.code == "support_window_over_budget")
            .expect("over budget");
        assert_eq!(
            over.message,
            "Support window 09:00–18:01 lasts 9 h 01, 1 min more than the 9 h purchased"
        );
        let fr = check(&d, Lang::FrCa);
        assert!(fr.iter().any(|f| f
            .message
            .starts_with("La plage de soutien 09:00–18:01 dure 9 h 01")));
    }

    #[test]
    fn sessions_on_two_local_days_span_days_even_when_utc_says_one() {
        // Kiritimati is UTC+14: 09:00Z and 11:00Z are 23:00 and 01:00 the next local day.
        let mut d = event("Pacific/Kiritimati");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "Late",
            "2027-05-04T09:00:00Z",
            "2027-05-04T09:30:00Z",
        );
        session(
            &mut d,
            &a,
            "Early",
            "2027-05-04T11:00:00Z",
            "2027-05-04T11:30:00Z",
        );
        assert!(codes_of(&check(&d, Lang::En)).contains(&"support_spans_days"));
        d.event.time_zone = "UTC".into();
        assert!(!codes_of(&check(&d, Lang::En)).contains(&"support_spans_days"));
    }

    #[test]
    fn a_session_ending_at_local_midnight_stays_on_its_day() {
        let mut d = event("Pacific/Pago_Pago"); // UTC−11
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "Evening",
            "2027-05-05T09:00:00Z",
            "2027-05-05T11:00:00Z",
        ); // 22:00–00:00
        assert!(!codes_of(&check(&d, Lang::En)).contains(&"support_spans_days"));
    }

    #[test]
    fn event_after_the_twelve_month_term_is_outside_it() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "S",
            "2027-12-31T10:00:00Z",
            "2027-12-31T11:00:00Z",
        );
        assert!(!codes_of(&check(&d, Lang::En)).contains(&"outside_kit_term"));
        d.sessions[0].start = utc("2028-01-01T10:00:00Z");
        d.sessions[0].end = utc("2028-01-01T11:00:00Z");
        let f = check(&d, Lang::En);
        let term = f
            .iter()
            .find(|f| f.code == "outside_kit_term")
            .expect("outside term");
        assert!(
            term.message.contains("2027-01-01 to 2028-01-01"),
            "{}",
            term.message
        );
    }

    #[test]
    fn event_before_the_purchase_is_outside_the_term() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "S",
            "2026-12-31T10:00:00Z",
            "2026-12-31T11:00:00Z",
        );
        assert!(codes_of(&check(&d, Lang::En)).contains(&"outside_kit_term"));
    }
}
