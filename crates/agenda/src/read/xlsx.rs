//! Reading an XLSX workbook with calamine: the chosen worksheet's values (formulas as their
//! cached results), date and time cells, and merged ranges filled with their value.

use super::{assemble, Cell, FileFormat, ReadOptions, Sheet};
use crate::error::ReadError;
use calamine::{Data, Reader, Xlsx};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::io::Cursor;

pub(super) fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Sheet, ReadError> {
    let bad = |e: calamine::XlsxError| ReadError::NotWorkbook(e.to_string());
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(bad)?;
    let names = book.sheet_names();
    let name = match &opts.sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.to_lowercase() == wanted.trim().to_lowercase())
            .cloned()
            .ok_or_else(|| ReadError::NoSuchSheet {
                name: wanted.clone(),
                sheets: names.clone(),
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| ReadError::NotWorkbook("it has no worksheet".into()))?,
    };
    let range = book.worksheet_range(&name).map_err(bad)?;
    let merged = book.merge_cells_by_sheet_name(&name).map_err(bad)?;

    // Rows by absolute 0-based index, each as long as its last written cell.
    let mut grid: Vec<Vec<Cell>> = Vec::new();
    let put = |grid: &mut Vec<Vec<Cell>>, r: usize, c: usize, cell: Cell| {
        if grid.len() <= r {
            grid.resize_with(r + 1, Vec::new);
        }
        let row = &mut grid[r];
        if row.len() <= c {
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = cell;
    };
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, data) in range.used_cells() {
        let cell = convert(data);
        if !cell.is_empty() {
            put(&mut grid, r0 as usize + r, c0 as usize + c, cell);
        }
    }
    // A value in a merged range applies to every cell of the range; a row that only a
    // merged range reaches stays an empty row.
    let had_values: Vec<bool> = grid
        .iter()
        .map(|row| row.iter().any(|c| !c.is_empty()))
        .collect();
    for m in &merged {
        let (top, left) = (m.start.0 as usize, m.start.1 as usize);
        let value = grid
            .get(top)
            .and_then(|row| row.get(left))
            .cloned()
            .unwrap_or(Cell::Empty);
        if value.is_empty() {
            continue;
        }
        for r in top..=m.end.0 as usize {
            for c in left..=m.end.1 as usize {
                let empty = grid
                    .get(r)
                    .and_then(|row| row.get(c))
                    .is_none_or(Cell::is_empty);
                if empty {
                    put(&mut grid, r, c, value.clone());
                }
            }
        }
    }
    let numbered = grid.into_iter().enumerate().map(|(i, cells)| {
        let cells = if had_values.get(i).copied().unwrap_or(false) {
            cells
        } else {
            Vec::new()
        };
        (i as u32 + 1, cells)
    });
    let (header_row, headers, rows) = assemble(numbered)?;
    Ok(Sheet {
        format: FileFormat::Xlsx,
        encoding: None,
        delimiter: None,
        sheet_name: Some(name),
        sheet_names: names,
        header_row,
        headers,
        rows,
    })
}

fn convert(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::DateTimeIso(s) => iso_cell(s),
        Data::DateTime(dt) => {
            let v = dt.as_f64();
            if (0.0..1.0).contains(&v) {
                return crate::values::day_fraction(v)
                    .map(Cell::Time)
                    .unwrap_or(Cell::Number(v));
            }
            if dt.is_duration() {
                return Cell::Number(v);
            }
            let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            let Some(date) = NaiveDate::from_ymd_opt(y.into(), mo.into(), d.into()) else {
                return Cell::Number(v);
            };
            let t = date
                .and_hms_opt(h.into(), mi.into(), s.into())
                .unwrap_or_else(|| date.and_time(NaiveTime::MIN));
            let t = if ms >= 500 {
                t + chrono::Duration::seconds(1)
            } else {
                t
            };
            if t.time() == NaiveTime::MIN {
                Cell::Date(t.date())
            } else {
                Cell::DateTime(t)
            }
        }
    }
}

fn iso_cell(s: &str) -> Cell {
    if let Ok(t) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        return Cell::DateTime(t);
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Cell::Date(d);
    }
    if let Ok(t) = NaiveTime::parse_from_str(s, "%H:%M:%S%.f") {
        return Cell::Time(t);
    }
    Cell::Text(s.to_string())
}
