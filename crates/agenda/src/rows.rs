//! Reading each row of a mapped sheet into a session's fields (local times, no zone yet), or
//! the reasons it cannot be read.

use crate::error::MappingError;
use crate::issue::{clock, quote, Issue, IssueCode, RowIssue};
use crate::mapping::{Field, Mapping};
use crate::read::{Cell, Sheet, SheetRow};
use crate::text::fold;
use crate::values::{
    self, day_fraction, is_ambiguous, order_evidence, parse_date, parse_when, serial, DateOrder,
    DateOrderUsed, NotDate, OrderBasis, When,
};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use showcall_core::i18n::Lang;

/// What a mapped cell of a row says, as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceCell {
    /// 0-based column.
    pub column: usize,
    pub field: Field,
    pub text: String,
}

/// A row read as a session, in the event's local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadRow {
    pub title: String,
    /// `None`: no stage column, or an empty cell.
    pub stage: Option<String>,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// Names as written, split, trimmed, each once.
    pub speakers: Vec<String>,
    pub description: String,
}

/// One data row: what it says, how it reads, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RowReading {
    pub row: u32,
    pub cells: Vec<SourceCell>,
    /// `None` when the row has errors.
    pub read: Option<ReadRow>,
    pub errors: Vec<RowIssue>,
    pub warnings: Vec<RowIssue>,
}

/// Every data row of a sheet, read with one mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reading {
    pub date_order: DateOrderUsed,
    /// Column names (headers, or `column C`) for messages.
    pub columns: Vec<String>,
    pub rows: Vec<RowReading>,
}

struct Columns {
    title: usize,
    date: Option<usize>,
    start: usize,
    end: usize,
    stage: Option<usize>,
    speakers: Vec<usize>,
    description: Vec<usize>,
    names: Vec<String>,
}

/// Reads every row of `sheet` through `mapping`. Numeric dates are read in the order the file
/// shows (a value like `15/04` or `04/15` settles it), else in `hint`'s order.
pub fn interpret(
    sheet: &Sheet,
    mapping: &Mapping,
    hint: DateOrder,
) -> Result<Reading, MappingError> {
    if let Some(value) = sheet.headers.iter().find(|h| looks_like_data(h)) {
        return Err(MappingError::HeaderLooksLikeData {
            row: sheet.header_row,
            value: value.trim().to_string(),
        });
    }
    // A mapping handed back by the app may name columns the sheet does not have: ignore them.
    let width = sheet.headers.len();
    let of = |f| -> Vec<usize> {
        mapping
            .columns_of(f)
            .into_iter()
            .filter(|&i| i < width)
            .collect()
    };
    let missing: Vec<Field> = Field::REQUIRED
        .into_iter()
        .filter(|f| of(*f).is_empty())
        .collect();
    let (Some(&title), Some(&start), Some(&end)) = (
        of(Field::Title).first(),
        of(Field::Start).first(),
        of(Field::End).first(),
    ) else {
        return Err(MappingError::Missing {
            missing,
            columns: (0..width).map(|i| sheet.column_name(i)).collect(),
        });
    };
    let cols = Columns {
        title,
        date: of(Field::Date).first().copied(),
        start,
        end,
        stage: of(Field::Stage).first().copied(),
        speakers: of(Field::Speakers),
        description: of(Field::Description),
        names: (0..width).map(|i| sheet.column_name(i)).collect(),
    };
    let date_order = settle_order(sheet, &cols, hint);
    let mapped: Vec<(usize, Field)> = mapping
        .columns
        .iter()
        .filter(|c| c.index < width)
        .filter_map(|c| {
            c.field
                .filter(|f| *f != Field::Ignore)
                .map(|f| (c.index, f))
        })
        .collect();
    let rows = sheet
        .rows
        .iter()
        .map(|r| read_row(r, &cols, &mapped, date_order.order))
        .collect();
    Ok(Reading {
        date_order,
        columns: cols.names,
        rows,
    })
}

fn looks_like_data(header: &str) -> bool {
    let h = header.trim();
    !h.is_empty()
        && (values::parse_time(h).is_some()
            || matches!(
                parse_when(h, DateOrder::DayFirst),
                Some(When::Date(_) | When::DateTime(..))
            ))
}

/// The first value that can be read only one way decides; else the hint, noted as assumed
/// when some value really was ambiguous.
fn settle_order(sheet: &Sheet, cols: &Columns, hint: DateOrder) -> DateOrderUsed {
    let mut ambiguous = false;
    let targets: Vec<usize> = cols
        .date
        .into_iter()
        .chain([cols.start, cols.end])
        .collect();
    for r in &sheet.rows {
        for &c in &targets {
            let Cell::Text(t) = &r.cells[c] else { continue };
            match order_evidence(t) {
                Some(Some(order)) => {
                    return DateOrderUsed {
                        order,
                        basis: OrderBasis::FromFile,
                        evidence_row: Some(r.row),
                        evidence: Some(t.trim().to_string()),
                    }
                }
                Some(None) => ambiguous |= is_ambiguous(t),
                None => {}
            }
        }
    }
    DateOrderUsed {
        order: hint,
        basis: if ambiguous {
            OrderBasis::Assumed
        } else {
            OrderBasis::NotNeeded
        },
        evidence_row: None,
        evidence: None,
    }
}

/// A cell's problem, before it is tied to a row and column.
enum Problem {
    Empty,
    Unreadable(String),
    WrongOrder(String),
    CellError(String),
}

fn date_cell(
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

fn when_cell(cell: &Cell, order: DateOrder) -> Result<When, Problem> {
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

fn problem_issue(row: u32, field: Field, column: &str, p: Problem, what: &'static str) -> RowIssue {
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

fn wrong_order(row: u32, field: Field, column: &str, v: String, order: DateOrder) -> RowIssue {
    Issue::new(row, IssueCode::BadDate)
        .at(field, column)
        .say(move |i, lang| {
            let (en, fr) = match order {
                DateOrder::DayFirst => ("day/month/year", "jour/mois/année"),
                DateOrder::MonthFirst => ("month/day/year", "mois/jour/année"),
            };
            match lang {
                Lang::En => format!(
                    "{}: {} is not a date (dates in this file are {en})",
                    i.subject(lang),
                    quote(&v, lang)
                ),
                Lang::FrCa => format!(
                    "{} : {} n’est pas une date (les dates de ce fichier sont en {fr})",
                    i.subject(lang),
                    quote(&v, lang)
                ),
            }
        })
}

fn read_row(
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

fn weekday_warning(row: u32, field: Field, column: &str, value: &str, d: NaiveDate) -> RowIssue {
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

/// Splits a speakers cell: lines, then `;` (or `,` when there is no `;`), then ` and `, ` et `,
/// ` & `, `/`. A credential after a comma (`Name, PhD`) stays with the name.
pub(crate) fn split_names(cell: &str) -> Vec<String> {
    const CREDENTIALS: [&str; 10] = [
        "phd", "md", "mba", "cpa", "jr", "sr", "msc", "ing", "fcpa", "llb",
    ];
    let mut out: Vec<String> = Vec::new();
    for line in cell.lines() {
        let sep = if line.contains(';') { ';' } else { ',' };
        for part in line.split(sep) {
            let part = part.trim();
            let key: String = fold(part).chars().filter(|c| c.is_alphanumeric()).collect();
            if sep == ',' && CREDENTIALS.contains(&key.as_str()) {
                if let Some(prev) = out.last_mut() {
                    prev.push_str(", ");
                    prev.push_str(part);
                    continue;
                }
            }
            for name in split_words(part) {
                out.push(name);
            }
        }
    }
    out
}

fn split_words(part: &str) -> Vec<String> {
    let mut names = vec![part.to_string()];
    for sep in [" and ", " et ", " & ", "/"] {
        names = names
            .iter()
            .flat_map(|n| {
                // ASCII lower-casing keeps byte offsets, so they index `n` too.
                let lower = n.to_ascii_lowercase();
                let mut pieces = Vec::new();
                let mut from = 0;
                for (i, _) in lower.match_indices(sep) {
                    pieces.push(n[from..i].to_string());
                    from = i + sep.len();
                }
                pieces.push(n[from..].to_string());
                pieces
            })
            .collect();
    }
    names
        .into_iter()
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_cells_split_the_usual_ways() {
        assert_eq!(
            split_names("Élise Tremblay; François Côté"),
            ["Élise Tremblay", "François Côté"]
        );
        assert_eq!(split_names("Ana, Bo,  , Cy"), ["Ana", "Bo", "Cy"]);
        assert_eq!(split_names("Ana Li, PhD, Bo"), ["Ana Li, PhD", "Bo"]);
        assert_eq!(split_names("Ana and Bo"), ["Ana", "Bo"]);
        assert_eq!(split_names("Ana ET Bo\nCy / Di"), ["Ana", "Bo", "Cy", "Di"]);
        assert_eq!(split_names("Ana, Bo; Cy"), ["Ana, Bo", "Cy"]);
        assert_eq!(split_names("Roland Anderson"), ["Roland Anderson"]);
    }
}
