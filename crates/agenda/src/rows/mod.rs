//! Reading each row of a mapped sheet into a session's fields (local times, no zone yet), or
//! the reasons it cannot be read.
//!
//! This module owns the rows as read ([`Reading`]) and what applies to the whole sheet (the
//! mapped columns, the date order); `row` reads one row, `cells` one date or time cell, and
//! `speakers` splits a speakers cell into names.

mod cells;
mod row;
mod speakers;

use crate::error::MappingError;
use crate::issue::RowIssue;
use crate::mapping::{Field, Mapping};
use crate::read::{Cell, Sheet};
use crate::values::{
    self, is_ambiguous, order_evidence, parse_when, DateOrder, DateOrderUsed, OrderBasis, When,
};
use chrono::NaiveDateTime;
use row::read_row;
use serde::{Deserialize, Serialize};
use showcall_core::job::{Job, Unit};
use ts_rs::TS;

/// What a mapped cell of a row says, as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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
    interpret_with(sheet, mapping, hint, &Job::none())
}

/// [`interpret`], counting the rows on `job` (stage `rows`). When `job` is cancelled it stops
/// within a thousand rows with an incomplete reading: the caller checks the job and drops it.
pub(crate) fn interpret_with(
    sheet: &Sheet,
    mapping: &Mapping,
    hint: DateOrder,
    job: &Job,
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
    let mut meter = job.meter(Unit::Rows, "rows", Some(sheet.rows.len() as u64));
    let mut rows = Vec::with_capacity(sheet.rows.len());
    for (i, r) in sheet.rows.iter().enumerate() {
        if i % 1000 == 0 && job.is_cancelled() {
            break;
        }
        rows.push(read_row(r, &cols, &mapped, date_order.order));
        meter.add(1);
    }
    meter.finish();
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
