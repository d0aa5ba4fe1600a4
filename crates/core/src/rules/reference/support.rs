//! The kit: support window, one day, the 12-month term (as first written).

use super::{Ctx, Finding, Severity};
use crate::i18n::hours_minutes;
use chrono::{Months, NaiveDate};
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

    let days: BTreeSet<NaiveDate> = ctx
        .data
        .sessions
        .iter()
        .flat_map(|s| [s.start, s.end - chrono::Duration::seconds(1)])
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
