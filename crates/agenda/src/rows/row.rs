//! Reading one data row into a session's fields: title, date, start and end (a bare time takes
//! the row's date), stage, speakers and description, with its errors and warnings.

use super::cells::{date_cell, problem_issue, weekday_warning, when_cell, wrong_order, Problem};
use super::speakers::split_names;
use super::{Columns, ReadRow, RowReading, SourceCell};
use crate::issue::{clock, quote, Issue, IssueCode};
use crate::mapping::Field;
use crate::read::SheetRow;
use crate::text::fold;
use crate::values::{DateOrder, When};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use showcall_core::i18n::Lang;

pub(super) fn read_row(
    r: &SheetRow,
    cols: &Columns,
    mapped: &[(usize, Field)],
    order: DateOrder,
) -> RowReading {
    let row = r.row;
    let cell = |c: usize| &r.cells[c];
    let name = |c: usize| cols.names[c].as_str();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();

    let title = cell(cols.title)
        .display()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if title.is_empty() {
        errors.push(
            Issue::new(row, IssueCode::EmptyTitle)
                .at(Field::Title, name(cols.title))
                .say(|i, lang| match lang {
                    Lang::En => format!("{} is empty", i.subject(lang)),
                    Lang::FrCa => format!("{} : la cellule est vide", i.subject(lang)),
                }),
        );
    }

    let mut date_ok = true;
    let date = match cols.date.map(|c| (c, date_cell(cell(c), order))) {
        None => None,
        Some((_, Ok(d))) => d,
        Some((c, Err(p))) => {
            date_ok = false;
            errors.push(match p {
                Problem::WrongOrder(v) => wrong_order(row, Field::Date, name(c), v, order),
                p => problem_issue(row, Field::Date, name(c), p, "date"),
            });
            None
        }
    };
    if let (Some((d, Some(w))), Some(c)) = (date, cols.date) {
        if d.weekday() != w {
            let v = cell(c).display();
            warnings.push(weekday_warning(row, Field::Date, name(c), &v, d));
        }
    }
    let date = date.map(|(d, _)| d);

    let start = when_cell(cell(cols.start), order)
        .map_err(|p| {
            errors.push(problem_issue(
                row,
                Field::Start,
                name(cols.start),
                p,
                "time",
            ))
        })
        .ok();
    let end = when_cell(cell(cols.end), order)
        .map_err(|p| errors.push(problem_issue(row, Field::End, name(cols.end), p, "time")))
        .ok();

    let mut at = |when: Option<When>,
                  field: Field,
                  c: usize,
                  base: Option<NaiveDate>|
     -> Option<NaiveDateTime> {
        match when? {
            When::DateTime(t, w) => {
                if w.is_some_and(|w| w != t.weekday()) {
                    warnings.push(weekday_warning(
                        row,
                        field,
                        name(c),
                        &cell(c).display(),
                        t.date(),
                    ));
                }
                Some(t)
            }
            When::Date(_) => {
                let v = cell(c).display();
                errors.push(Issue::new(row, IssueCode::NoTime).at(field, name(c)).say(
                    move |i, lang| match lang {
                        Lang::En => format!("{}: {} has no time", i.subject(lang), quote(&v, lang)),
                        Lang::FrCa => {
                            format!("{} : {} n’a pas d’heure", i.subject(lang), quote(&v, lang))
                        }
                    },
                ));
                None
            }
            When::Time(t) => match base {
                Some(d) => Some(d.and_time(t)),
                None if !date_ok => None,
                None => {
                    match cols.date {
                        Some(dc) => errors.push(problem_issue(
                            row,
                            Field::Date,
                            name(dc),
                            Problem::Empty,
                            "date",
                        )),
                        None => {
                            let v = cell(c).display();
                            errors.push(Issue::new(row, IssueCode::NoDate).at(field, name(c)).say(
                                move |i, lang| match lang {
                                    Lang::En => format!(
                                        "{}: {} has no date and there is no date column",
                                        i.subject(lang),
                                        quote(&v, lang)
                                    ),
                                    Lang::FrCa => format!(
                                    "{} : {} n’a pas de date et aucune colonne ne donne la date",
                                    i.subject(lang),
                                    quote(&v, lang)
                                ),
                                },
                            ))
                        }
                    }
                    None
                }
            },
        }
    };
    let start_at = at(start, Field::Start, cols.start, date);
    let base = date.or(start_at.map(|t| t.date()));
    // One "date is empty" is enough for a row.
    let end_at = if start_at.is_none() && matches!(start, Some(When::Time(_))) && base.is_none() {
        None
    } else {
        at(end, Field::End, cols.end, base)
    };
    if let (Some(s), Some(e)) = (start_at, end_at) {
        if e <= s {
            errors.push(Issue::new(row, IssueCode::EndBeforeStart).say(|_, lang| {
                let dated = s.date() != e.date();
                let (s, e) = (clock(s, dated, lang), clock(e, dated, lang));
                match (lang, s == e) {
                    (Lang::En, false) => format!("end {e} is before start {s}"),
                    (Lang::En, true) => format!("end {e} is the same as start"),
                    (Lang::FrCa, false) => format!("la fin {e} est avant le début {s}"),
                    (Lang::FrCa, true) => format!("la fin {e} est identique au début"),
                }
            }));
        }
    }

    let stage = cols
        .stage
        .map(|c| {
            cell(c)
                .display()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|s| !s.is_empty());
    let mut speakers: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for &c in &cols.speakers {
        for n in split_names(&cell(c).display()) {
            let key = fold(&n);
            if !seen.contains(&key) {
                seen.push(key);
                speakers.push(n);
            }
        }
    }
    let description = cols
        .description
        .iter()
        .map(|&c| cell(c).display())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let cells = mapped
        .iter()
        .map(|&(column, field)| SourceCell {
            column,
            field,
            text: cell(column).display(),
        })
        .collect();
    let read = match (errors.is_empty(), start_at, end_at) {
        (true, Some(start), Some(end)) => Some(ReadRow {
            title,
            stage,
            start,
            end,
            speakers,
            description,
        }),
        _ => None,
    };
    RowReading {
        row,
        cells,
        read,
        errors,
        warnings,
    }
}
