//! One cell read as a date or as a start or end, and the row issue naming what is wrong with a
//! cell (empty, unreadable, in the other date order, an Excel error, the wrong weekday).

use crate::issue::{quote, Issue, IssueCode, RowIssue};
use crate::mapping::Field;
use crate::read::Cell;
use crate::values::{self, day_fraction, parse_date, parse_when, serial, DateOrder, NotDate, When};
use chrono::{NaiveDate, NaiveTime};
use showcall_core::i18n::Lang;

/// A cell's problem, before it is tied to a row and column.
pub(super) enum Problem {
    Empty,
    Unreadable(String),
    WrongOrder(String),
    CellError(String),
}

pub(super) fn date_cell(
    cell: &Cell,
    order: DateOrder,
) -> Result<Option<(NaiveDate, Option<chrono::Weekday>)>, Problem> {
    match cell {
        c if c.is_empty() => Ok(None),
        Cell::Date(d) => Ok(Some((*d, None))),
        Cell::DateTime(t) => Ok(Some((t.date(), None))),
        Cell::Number(v) => serial(*v)
            .map(|t| Some((t.date(), None)))
            .ok_or_else(|| Problem::Unreadable(cell.display())),
        Cell::Text(s) => match parse_date(s, order) {
            Ok(d) => Ok(Some((d.date, d.weekday))),
            Err(NotDate::WrongOrder) => Err(Problem::WrongOrder(s.trim().into())),
            Err(NotDate::Unreadable) => match parse_when(s, order) {
                Some(When::DateTime(t, w)) => Ok(Some((t.date(), w))),
                _ => Err(Problem::Unreadable(s.trim().into())),
            },
        },
        Cell::Error(e) => Err(Problem::CellError(e.clone())),
        other => Err(Problem::Unreadable(other.display())),
    }
}

pub(super) fn when_cell(cell: &Cell, order: DateOrder) -> Result<When, Problem> {
    match cell {
        c if c.is_empty() => Err(Problem::Empty),
        Cell::Time(t) => Ok(When::Time(*t)),
        Cell::Date(d) => Ok(When::Date(*d)),
        Cell::DateTime(t) => Ok(When::DateTime(*t, None)),
        Cell::Number(v) if (0.0..1.0).contains(v) => day_fraction(*v)
            .map(When::Time)
            .ok_or_else(|| Problem::Unreadable(cell.display())),
        Cell::Number(v) => match serial(*v) {
            Some(t) if t.time() == NaiveTime::MIN => Ok(When::Date(t.date())),
            Some(t) => Ok(When::DateTime(t, None)),
            None => Err(Problem::Unreadable(cell.display())),
        },
        Cell::Text(s) => parse_when(s, order).ok_or_else(|| Problem::Unreadable(s.trim().into())),
        Cell::Error(e) => Err(Problem::CellError(e.clone())),
        other => Err(Problem::Unreadable(other.display())),
    }
}

pub(super) fn problem_issue(
    row: u32,
    field: Field,
    column: &str,
    p: Problem,
    what: &'static str,
) -> RowIssue {
    match p {
        Problem::Empty => Issue::new(row, IssueCode::EmptyValue)
            .at(field, column)
            .say(|i, lang| match lang {
                Lang::En => format!("{} is empty", i.subject(lang)),
                Lang::FrCa => format!("{} : la cellule est vide", i.subject(lang)),
            }),
        Problem::CellError(e) => {
            Issue::new(row, IssueCode::CellError)
                .at(field, column)
                .say(move |i, lang| match lang {
                    Lang::En => format!("{}: the cell holds the error {e}", i.subject(lang)),
                    Lang::FrCa => format!("{} : la cellule contient l’erreur {e}", i.subject(lang)),
                })
        }
        Problem::Unreadable(v) if what == "date" => Issue::new(row, IssueCode::BadDate)
            .at(field, column)
            .say(move |i, lang| match lang {
                Lang::En => format!("{}: {} is not a date", i.subject(lang), quote(&v, lang)),
                Lang::FrCa => format!(
                    "{} : {} n’est pas une date",
                    i.subject(lang),
                    quote(&v, lang)
                ),
            }),
        Problem::Unreadable(v) => {
            Issue::new(row, IssueCode::BadTime)
                .at(field, column)
                .say(move |i, lang| match lang {
                    Lang::En => format!(
                        "{}: cannot read {} as a time",
                        i.subject(lang),
                        quote(&v, lang)
                    ),
                    Lang::FrCa => format!(
                        "{} : impossible de lire {} comme une heure",
                        i.subject(lang),
                        quote(&v, lang)
                    ),
                })
        }
        Problem::WrongOrder(_) => unreachable!("only dates have an order"),
    }
}

pub(super) fn wrong_order(
    row: u32,
    field: Field,
    column: &str,
    v: String,
    order: DateOrder,
) -> RowIssue {
    Issue::new(row, IssueCode::BadDate)
        .at(field, column)
        .say(move |i, lang| {
            let pattern = order.pattern(lang);
            match lang {
                Lang::En => format!(
                    "{}: {} is not a date (dates in this file are {pattern})",
                    i.subject(lang),
                    quote(&v, lang)
                ),
                Lang::FrCa => format!(
                    "{} : {} n’est pas une date (les dates de ce fichier sont en {pattern})",
                    i.subject(lang),
                    quote(&v, lang)
                ),
            }
        })
}

pub(super) fn weekday_warning(
    row: u32,
    field: Field,
    column: &str,
    value: &str,
    d: NaiveDate,
) -> RowIssue {
    let value = value.to_string();
    Issue::new(row, IssueCode::WeekdayMismatch)
        .at(field, column)
        .say(move |i, lang| {
            let day = values::weekday_name(d, lang);
            match lang {
                Lang::En => format!(
                    "{}: {}: {} is a {day}",
                    i.subject(lang),
                    quote(&value, lang),
                    d.format("%Y-%m-%d")
                ),
                Lang::FrCa => format!(
                    "{} : {} : le {} est un {day}",
                    i.subject(lang),
                    quote(&value, lang),
                    d.format("%Y-%m-%d")
                ),
            }
        })
}
