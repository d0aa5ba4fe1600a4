//! Placing a row's local time in the event's zone, where a change of the clocks can skip or
//! repeat it.

use crate::issue::{clock, Issue, IssueCode, RowIssue};
use crate::mapping::Field;
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use showcall_core::i18n::Lang;

/// A local time in the event's zone; a time skipped or repeated by a change of the clocks is
/// an error naming it.
pub(super) fn resolve(
    zone: Tz,
    t: NaiveDateTime,
    row: u32,
    field: Field,
    column: &str,
) -> Result<DateTime<Utc>, RowIssue> {
    match zone.from_local_datetime(&t) {
        LocalResult::Single(at) => Ok(at.with_timezone(&Utc)),
        LocalResult::None => Err(Issue::new(row, IssueCode::NonexistentTime)
            .at(field, column)
            .say(|i, lang| match lang {
                Lang::En => format!(
                    "{} {} does not exist in {zone} (the clocks spring forward then)",
                    i.subject(lang),
                    clock(t, true, lang)
                ),
                Lang::FrCa => format!(
                    "{} {} n’existe pas dans le fuseau {zone} (on avance l’heure à ce moment)",
                    i.subject(lang),
                    clock(t, true, lang)
                ),
            })),
        LocalResult::Ambiguous(..) => Err(Issue::new(row, IssueCode::AmbiguousTime)
            .at(field, column)
            .say(|i, lang| match lang {
                Lang::En => format!(
                    "{} {} is ambiguous in {zone} (it happens twice when the clocks fall back)",
                    i.subject(lang),
                    clock(t, true, lang)
                ),
                Lang::FrCa => format!(
                    "{} {} est ambiguë dans le fuseau {zone} (cette heure revient deux fois quand on recule l’heure)",
                    i.subject(lang),
                    clock(t, true, lang)
                ),
            })),
    }
}
