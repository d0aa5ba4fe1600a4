//! Instants as people type them: RFC 3339, or a local date-time in the event's zone.

use crate::error::{Error, Invalid, Result};
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Parses an instant typed by a user: RFC 3339, or a local date-time (`YYYY-MM-DDTHH:MM[:SS]`,
/// a space also works) in `zone`. A local time that does not exist (the hour skipped when the
/// clocks spring forward) is refused; an ambiguous one (the repeated hour) takes the first.
pub fn parse_instant(field: &str, value: &str, zone: Tz) -> Result<DateTime<Utc>> {
    let v = value.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Ok(t.with_timezone(&Utc));
    }
    let bad = || Error::invalid(field, Invalid::BadInstant(v.to_string()));
    let naive = [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(v, f).ok())
    .ok_or_else(bad)?;
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(Error::invalid(
            field,
            Invalid::Other(format!(
                "{v} does not exist in {zone} (the clocks change then)"
            )),
        )),
    }
}
