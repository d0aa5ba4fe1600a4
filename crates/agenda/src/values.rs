//! Reading dates and times as customers write them, in English and French: ISO, numeric
//! (day/month or month/day, settled per file), month names, `9 h 30`, `1:30 pm`, Excel serials.

use crate::text::fold;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use showcall_core::i18n::Lang;

/// The order of day and month in numeric dates such as `04/05/2027`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DateOrder {
    /// `15/04/2027`
    DayFirst,
    /// `04/15/2027`
    MonthFirst,
}

impl DateOrder {
    /// The usual order for a language: day first in French, month first in English.
    pub fn for_lang(lang: Lang) -> DateOrder {
        match lang {
            Lang::FrCa => DateOrder::DayFirst,
            Lang::En => DateOrder::MonthFirst,
        }
    }

    fn pattern(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DateOrder::DayFirst, Lang::En) => "day/month/year",
            (DateOrder::MonthFirst, Lang::En) => "month/day/year",
            (DateOrder::DayFirst, Lang::FrCa) => "jour/mois/année",
            (DateOrder::MonthFirst, Lang::FrCa) => "mois/jour/année",
        }
    }

    fn other(self) -> DateOrder {
        match self {
            DateOrder::DayFirst => DateOrder::MonthFirst,
            DateOrder::MonthFirst => DateOrder::DayFirst,
        }
    }
}

/// Why numeric dates were read in the order they were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OrderBasis {
    /// The file has no numeric day/month dates: the order did not matter.
    NotNeeded,
    /// A value in the file can only be read one way (`15/04/2027`).
    FromFile,
    /// Every value could be read both ways: the caller's hint was used.
    Assumed,
}

/// The order numeric dates of a file were read in, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DateOrderUsed {
    pub order: DateOrder,
    pub basis: OrderBasis,
    /// For `fromFile`: the row and value that settled it.
    pub evidence_row: Option<u32>,
    pub evidence: Option<String>,
}

impl DateOrderUsed {
    /// A sentence for the preview, or `None` when the order did not matter.
    pub fn note(&self, lang: Lang) -> Option<String> {
        let fr = lang == Lang::FrCa;
        let pattern = self.order.pattern(lang);
        match self.basis {
            OrderBasis::NotNeeded => None,
            OrderBasis::FromFile => {
                let (row, value) = (self.evidence_row.unwrap_or(0), self.evidence.as_deref());
                let value = value.unwrap_or_default();
                Some(if fr {
                    format!("dates lues {pattern} (ligne {row} : « {value} »)")
                } else {
                    format!("dates read as {pattern} (row {row}: \"{value}\")")
                })
            }
            OrderBasis::Assumed => {
                Some(if fr {
                    format!("chaque date du fichier peut se lire jour/mois ou mois/jour : lues {pattern} par hypothèse")
                } else {
                    format!("every date in the file reads both day/month and month/day: assumed {pattern}")
                })
            }
        }
    }
}

/// Which order a value shows, if it can be read only one way.
pub(crate) fn order_evidence(text: &str) -> Option<Option<DateOrder>> {
    let first = text.split_whitespace().next()?;
    let n = numeric(first)?;
    if n.sep == '.' || n.a_len == 4 {
        return None;
    }
    Some(match (n.a > 12, n.b > 12) {
        (true, false) => Some(DateOrder::DayFirst),
        (false, true) => Some(DateOrder::MonthFirst),
        _ => None,
    })
}

/// Whether a numeric value reads differently depending on the order (`04/05/2027`).
pub(crate) fn is_ambiguous(text: &str) -> bool {
    matches!(order_evidence(text), Some(None))
        && text
            .split_whitespace()
            .next()
            .and_then(numeric)
            .is_some_and(|n| n.a != n.b && n.a >= 1 && n.b >= 1)
}

struct Numeric {
    a: u32,
    b: u32,
    c: u32,
    a_len: usize,
    c_len: usize,
    sep: char,
}

/// `d+ SEP d+ SEP d+` with one separator among `/ - .`.
fn numeric(s: &str) -> Option<Numeric> {
    let s = s.trim().trim_end_matches([',', ';']);
    let sep = s.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '/' | '-' | '.') {
        return None;
    }
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some(Numeric {
        a: parts[0].parse().ok()?,
        b: parts[1].parse().ok()?,
        c: parts[2].parse().ok()?,
        a_len: parts[0].len(),
        c_len: parts[2].len(),
        sep,
    })
}

/// A date as read, with the weekday it was written with, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateRead {
    pub date: NaiveDate,
    pub weekday: Option<Weekday>,
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotDate {
    /// Not a date at all.
    Unreadable,
    /// A numeric date that would be valid in the other order (`04/15/2027` read day first).
    WrongOrder,
}

/// Reads a date: ISO `2027-04-15`, numeric `15/04/2027` (in `order`; dotted ones are always
/// day first), or with a month name in English or French, weekday optional.
pub(crate) fn parse_date(text: &str, order: DateOrder) -> Result<DateRead, NotDate> {
    let s = text.trim();
    if let Some(n) = numeric(s) {
        let ymd = |y: u32, m: u32, d: u32| NaiveDate::from_ymd_opt(y as i32, m, d);
        let year = |c: u32, len: usize| match len {
            2 => Some(2000 + c),
            4 => Some(c),
            _ => None,
        };
        let read = |o: DateOrder| -> Option<NaiveDate> {
            if n.a_len == 4 {
                return ymd(n.a, n.b, n.c);
            }
            let y = year(n.c, n.c_len)?;
            match o {
                DateOrder::DayFirst => ymd(y, n.b, n.a),
                DateOrder::MonthFirst => ymd(y, n.a, n.b),
            }
        };
        let order = if n.sep == '.' {
            DateOrder::DayFirst
        } else {
            order
        };
        return match read(order) {
            Some(date) => Ok(DateRead {
                date,
                weekday: None,
            }),
            None if n.a_len != 4 && n.sep != '.' && read(order.other()).is_some() => {
                Err(NotDate::WrongOrder)
            }
            None => Err(NotDate::Unreadable),
        };
    }
    worded(s).ok_or(NotDate::Unreadable)
}

/// `April 15, 2027`, `15 avril 2027`, `jeudi 15 avril 2027`, `Thu Apr 15 2027`, `1er mai 2027`.
fn worded(s: &str) -> Option<DateRead> {
    let folded = fold(s);
    let mut numbers: Vec<(u32, usize)> = Vec::new();
    let mut months: Vec<(u32, &str)> = Vec::new();
    let mut weekdays: Vec<Weekday> = Vec::new();
    for token in folded.split(|c: char| !c.is_alphanumeric()) {
        if token.is_empty() {
            continue;
        }
        let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let suffix = &token[digits.len()..];
            if !matches!(suffix, "" | "er" | "re" | "e" | "st" | "nd" | "rd" | "th") {
                return None;
            }
            numbers.push((digits.parse().ok()?, digits.len()));
        } else if let Some(m) = month(token) {
            months.push((m, token));
        } else if let Some(w) = weekday(token) {
            weekdays.push(w);
        } else if !matches!(token, "le" | "the" | "of" | "de" | "du" | "a" | "at" | "on") {
            return None;
        }
    }
    // "mar" is March in English and mardi in French: a weekday when another month is named.
    if months.len() > 1 {
        if let Some(i) = months.iter().position(|(_, t)| *t == "mar") {
            months.remove(i);
            weekdays.push(Weekday::Tue);
        }
    }
    let ([(m, _)], [a, b], 0..=1) = (months.as_slice(), numbers.as_slice(), weekdays.len()) else {
        return None;
    };
    let (day, year) = match (a.1, b.1) {
        (1 | 2, 4) => (a.0, b.0),
        (4, 1 | 2) => (b.0, a.0),
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(year as i32, *m, day)?;
    Some(DateRead {
        date,
        weekday: weekdays.first().copied(),
    })
}

fn month(t: &str) -> Option<u32> {
    Some(match t {
        "january" | "jan" | "janvier" | "janv" => 1,
        "february" | "feb" | "fevrier" | "fevr" | "fev" => 2,
        "march" | "mar" | "mars" => 3,
        "april" | "apr" | "avril" | "avr" => 4,
        "may" | "mai" => 5,
        "june" | "jun" | "juin" => 6,
        "july" | "jul" | "juillet" | "juil" => 7,
        "august" | "aug" | "aout" => 8,
        "september" | "sep" | "sept" | "septembre" => 9,
        "october" | "oct" | "octobre" => 10,
        "november" | "nov" | "novembre" => 11,
        "december" | "dec" | "decembre" => 12,
        _ => return None,
    })
}

fn weekday(t: &str) -> Option<Weekday> {
    Some(match t {
        "monday" | "mon" | "lundi" | "lun" => Weekday::Mon,
        "tuesday" | "tue" | "tues" | "mardi" => Weekday::Tue,
        "wednesday" | "wed" | "mercredi" | "mer" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" | "jeudi" | "jeu" => Weekday::Thu,
        "friday" | "fri" | "vendredi" | "ven" => Weekday::Fri,
        "saturday" | "sat" | "samedi" | "sam" => Weekday::Sat,
        "sunday" | "sun" | "dimanche" | "dim" => Weekday::Sun,
        _ => return None,
    })
}

/// The weekday's name in `lang`.
pub(crate) fn weekday_name(d: NaiveDate, lang: Lang) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][i],
        Lang::FrCa => [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ][i],
    }
}

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

/// An Excel time: the fraction of a day in `[0, 1)`, rounded to the second.
pub(crate) fn day_fraction(v: f64) -> Option<NaiveTime> {
    if !(0.0..1.0).contains(&v) {
        return None;
    }
    let secs = ((v * 86_400.0).round() as u32).min(86_399);
    NaiveTime::from_num_seconds_from_midnight_opt(secs, 0)
}

/// An Excel serial date-time (1900 date system), rounded to the second.
pub(crate) fn serial(v: f64) -> Option<NaiveDateTime> {
    if !(1.0..2_958_466.0).contains(&v) {
        return None;
    }
    // Excel counts 1900-02-29, which did not exist: serials from 61 on are 1899-12-30 based.
    let epoch = if v >= 61.0 {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    };
    let secs = (v * 86_400.0).round() as i64;
    let at = epoch.and_time(NaiveTime::MIN) + chrono::Duration::seconds(secs);
    Some(at)
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
    fn dates_in_both_languages() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let day = DateOrder::DayFirst;
        for s in [
            "2027-04-15",
            "15/04/2027",
            "15.04.2027",
            "April 15, 2027",
            "15 avril 2027",
            "jeudi 15 avril 2027",
            "Thu Apr 15 2027",
            "Thursday, April 15th, 2027",
            "le jeudi 15 avr. 2027",
        ] {
            assert_eq!(
                parse_date(s, day).map(|r| r.date),
                Ok(d(2027, 4, 15)),
                "{s}"
            );
        }
        assert_eq!(
            parse_date("04/15/2027", DateOrder::MonthFirst)
                .unwrap()
                .date,
            d(2027, 4, 15)
        );
        assert_eq!(parse_date("04/15/2027", day), Err(NotDate::WrongOrder));
        assert_eq!(parse_date("31/02/2027", day), Err(NotDate::Unreadable));
        assert_eq!(parse_date("1er mai 2027", day).unwrap().date, d(2027, 5, 1));
        assert_eq!(
            parse_date("mar 2 mar 2027", day).unwrap().weekday,
            Some(Weekday::Tue)
        );
        assert_eq!(parse_date("soon", day), Err(NotDate::Unreadable));
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

    #[test]
    fn excel_serials() {
        assert_eq!(day_fraction(0.375), t(9, 0));
        assert_eq!(day_fraction(0.40625), t(9, 45));
        let at = serial(46492.5625).unwrap();
        assert_eq!(at.to_string(), "2027-04-15 13:30:00");
    }
}
