//! Reading dates: ISO, numeric in the file's day/month order (and the values that settle that
//! order), or with month and weekday names in English or French.

use super::DateOrder;
use crate::text::fold;
use chrono::{Datelike, NaiveDate, Weekday};
use showcall_core::i18n::Lang;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
