//! Reading a time of day (`9 h 30`, `1:30 pm`…), and a start or end cell that may hold a time,
//! a date-time or a bare date.

use super::{parse_date, DateOrder};
use crate::text::fold;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// Reads a time of day: `9:00`, `09:00`, `13:30:00`, `9h`, `9 h 00`, `13 h 30`, `9h30`,
/// `9:00 AM`, `1:30 pm`, `9 am`.
pub(crate) fn parse_time(text: &str) -> Option<NaiveTime> {
    let mut t: String = fold(text)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    let pm = if t.ends_with("pm") {
        Some(true)
    } else if t.ends_with("am") {
        Some(false)
    } else {
        None
    };
    if pm.is_some() {
        t.truncate(t.len() - 2);
    }
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let hour_len = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&hour_len) {
        return None;
    }
    let (h, rest) = t.split_at(hour_len);
    let h: u32 = h.parse().ok()?;
    let (m, s) = if rest.is_empty() {
        pm?;
        (0, 0)
    } else if let Some(r) = rest.strip_prefix('h') {
        match r {
            "" => (0, 0),
            r if digits(r) => (r.parse().ok()?, 0),
            _ => return None,
        }
    } else if let Some(r) = rest.strip_prefix(':') {
        match r.split_once(':') {
            None if digits(r) => (r.parse().ok()?, 0),
            Some((m, s)) if digits(m) && digits(s) => (m.parse().ok()?, s.parse().ok()?),
            _ => return None,
        }
    } else {
        return None;
    };
    let h = match pm {
        None => h,
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(false) => h % 12,
        Some(true) => h % 12 + 12,
    };
    NaiveTime::from_hms_opt(h, m, s)
}

/// What a start or end cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    Time(NaiveTime),
    Date(NaiveDate),
    DateTime(NaiveDateTime, Option<Weekday>),
}

/// Reads a time, a date-time (`2027-04-15 09:00`, `2027-04-15T09:00`, `15/04/2027 9 h 00`,
/// `April 15, 2027 9:00 AM`) or a bare date.
pub(crate) fn parse_when(text: &str, order: DateOrder) -> Option<When> {
    let s = text.trim();
    if let Some(t) = parse_time(s) {
        return Some(When::Time(t));
    }
    if let Some((d, t)) = s.split_once('T') {
        if d.len() == 10 {
            if let (Ok(d), Some(t)) = (parse_date(d, order), parse_time(t)) {
                return Some(When::DateTime(d.date.and_time(t), d.weekday));
            }
        }
    }
    let splits = s
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i)
        .collect::<Vec<_>>();
    for &i in splits.iter().rev() {
        let (d, t) = s.split_at(i);
        let d = d.trim_end().trim_end_matches([',', '-', '@']);
        if let Some(t) = parse_time(t) {
            if let Ok(d) = parse_date(d, order) {
                return Some(When::DateTime(d.date.and_time(t), d.weekday));
            }
        }
    }
    parse_date(s, order).ok().map(|d| When::Date(d.date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn times_in_both_languages() {
        for (s, want) in [
            ("9:00", t(9, 0)),
            ("09:00", t(9, 0)),
            ("9h", t(9, 0)),
            ("9 h 00", t(9, 0)),
            ("13 h 30", t(13, 30)),
            ("13\u{a0}h\u{202f}30", t(13, 30)),
            ("9h30", t(9, 30)),
            ("9:00 AM", t(9, 0)),
            ("1:30 pm", t(13, 30)),
            ("12:15 a.m.", t(0, 15)),
            ("12 PM", t(12, 0)),
            ("13:30:00", t(13, 30)),
            ("9h7x", None),
            ("9:5", None),
            ("25:00", None),
            ("13:00 pm", None),
            ("9", None),
            ("2027", None),
        ] {
            assert_eq!(parse_time(s), want, "{s}");
        }
    }

    #[test]
    fn date_times_in_one_cell() {
        let o = DateOrder::DayFirst;
        let at = NaiveDate::from_ymd_opt(2027, 4, 15)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        for s in [
            "2027-04-15 09:00",
            "2027-04-15T09:00",
            "2027-04-15T09:00:00",
            "15/04/2027 9 h 00",
            "April 15, 2027 9:00 AM",
            "15 avril 2027 à 9 h",
        ] {
            assert!(
                matches!(parse_when(s, o), Some(When::DateTime(t, _)) if t == at),
                "{s}"
            );
        }
        assert!(matches!(parse_when("2027-04-15", o), Some(When::Date(_))));
    }
}
