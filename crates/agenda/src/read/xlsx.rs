//! Reading an XLSX workbook with calamine: the chosen worksheet's values (formulas as their
//! cached results), date and time cells, and merged ranges filled with their value. The grid
//! the cells are placed in, the filling of merged ranges and the conversion of calamine's
//! values are shared with the ODS and XLS readers.

use super::{
    assemble, check_span, guarded, read_workbook, Cell, FileFormat, ReadOptions, Sheet,
    MAX_TEXT_BYTES,
};
use crate::error::ReadError;
use calamine::{Data, Reader, Xlsx};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::io::Cursor;

fn bad(e: calamine::XlsxError) -> ReadError {
    match e {
        calamine::XlsxError::Password => ReadError::Encrypted {
            format: FileFormat::Xlsx,
        },
        e => ReadError::Damaged {
            format: FileFormat::Xlsx,
            detail: e.to_string(),
        },
    }
}

pub(super) fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Sheet, ReadError> {
    // Every call into calamine is guarded: it trusts numbers the file declares (cell and merge
    // references), and a panic there is the file's fault, not the app's.
    let mut book: Xlsx<_> =
        guarded(FileFormat::Xlsx, || Xlsx::new(Cursor::new(bytes)))?.map_err(bad)?;
    let names = book.sheet_names();
    read_workbook(names, opts, FileFormat::Xlsx, |name, names| {
        read_sheet(&mut book, name, names)
    })
}

/// One worksheet of the workbook (`names` are all of them, for the sheet's description).
fn read_sheet(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    names: &[String],
) -> Result<Sheet, ReadError> {
    let mut grid = Grid::default();
    // Cells are read one by one and placed in a grid grown to fit them, so a sheet spanning
    // past the limits is refused before anything is allocated for it (calamine's
    // `worksheet_range` would allocate its whole rectangle first).
    match guarded(FileFormat::Xlsx, || book.worksheet_cells_reader(name))? {
        Ok(mut cells) => {
            let declared = cells.dimensions();
            loop {
                // calamine sums a cell reference's letters without checking for overflow
                // (found by fuzzing: `AAAAAAAAAA3` panics in a debug build, wraps in release):
                // a panic there is this file's fault, not the app's.
                let next =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cells.next_cell()))
                        .map_err(|_| ReadError::BadCellReference)?;
                let Some(cell) = next.map_err(bad)? else {
                    break;
                };
                let cell_value = convert(Data::from(cell.get_value().clone()));
                if cell_value.is_empty() {
                    continue;
                }
                let (r, c) = cell.get_position();
                if let Err(e) = grid.put(r as usize, c as usize, cell_value) {
                    // Say what the sheet spans: what was read, or what it declares when more.
                    return Err(match e {
                        ReadError::TooLarge { rows, columns } => {
                            let (end_row, end_column) = declared.end;
                            ReadError::TooLarge {
                                rows: rows.max(u64::from(end_row) + 1),
                                columns: columns.max(u64::from(end_column) + 1),
                            }
                        }
                        other => other,
                    });
                }
            }
        }
        // A chart sheet: no cells.
        Err(calamine::XlsxError::NotAWorksheet(_)) => {}
        Err(e) => return Err(bad(e)),
    }
    // Found by fuzzing: a merged range ending before it starts (`B2:B1`) underflows in calamine.
    let merged =
        guarded(FileFormat::Xlsx, || book.merge_cells_by_sheet_name(name))?.map_err(bad)?;
    fill_merged(&mut grid, &merged, FileFormat::Xlsx)?;
    grid.into_sheet(FileFormat::Xlsx, name.to_string(), names.to_vec())
}

/// The sheet's non-empty cells by absolute 0-based row, each row as long as its last written
/// cell; kept within [`check_span`]'s limits and [`MAX_TEXT_BYTES`].
#[derive(Default)]
pub(super) struct Grid {
    rows: Vec<Vec<Cell>>,
    /// How many columns the widest row has.
    width: usize,
    /// Bytes of text held in cells.
    text: u64,
}

impl Grid {
    /// Places a cell, refusing one that would take the sheet past a limit.
    pub(super) fn put(&mut self, r: usize, c: usize, cell: Cell) -> Result<(), ReadError> {
        let rows = self.rows.len().max(r + 1);
        let width = self.width.max(c + 1);
        check_span(rows as u64, width as u64)?;
        self.text += match &cell {
            Cell::Text(s) | Cell::Error(s) => s.len() as u64,
            _ => 0,
        };
        if self.text > MAX_TEXT_BYTES {
            return Err(ReadError::TooMuchText);
        }
        if self.rows.len() < rows {
            self.rows.resize_with(rows, Vec::new);
        }
        self.width = width;
        let row = &mut self.rows[r];
        if row.len() <= c {
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = cell;
        Ok(())
    }

    fn get(&self, r: usize, c: usize) -> Option<&Cell> {
        self.rows.get(r).and_then(|row| row.get(c))
    }

    /// The sheet these cells make: numbered rows, the header found, the data rows after it.
    pub(super) fn into_sheet(
        self,
        format: FileFormat,
        name: String,
        names: Vec<String>,
    ) -> Result<Sheet, ReadError> {
        let numbered = self
            .rows
            .into_iter()
            .enumerate()
            .map(|(i, cells)| (i as u32 + 1, cells));
        let (header_row, headers, rows) = assemble(numbered)?;
        Ok(Sheet {
            format,
            encoding: None,
            delimiter: None,
            sheet_name: Some(name),
            sheet_names: names,
            header_row,
            headers,
            rows,
        })
    }
}

/// A value in a merged range applies to every cell of the range; a row that only a merged
/// range reaches stays an empty row. A range is cut to the rows and columns the sheet's
/// values span (a range may cover the whole sheet, A1:XFD1048576), and merged ranges may not
/// overlap (Excel refuses to), so filling takes at most one step per cell of the grid.
pub(super) fn fill_merged(
    grid: &mut Grid,
    merged: &[calamine::Dimensions],
    format: FileFormat,
) -> Result<(), ReadError> {
    let had_values: Vec<bool> = grid
        .rows
        .iter()
        .map(|row| row.iter().any(|c| !c.is_empty()))
        .collect();
    let (height, width) = (grid.rows.len(), grid.width);
    let mut budget = height.saturating_mul(width);
    for m in merged {
        let (top, left) = (m.start.0 as usize, m.start.1 as usize);
        let value = match grid.get(top, left) {
            Some(v) if !v.is_empty() => v.clone(),
            _ => continue,
        };
        let bottom = (m.end.0 as usize).min(height.saturating_sub(1));
        let right = (m.end.1 as usize).min(width.saturating_sub(1));
        if bottom < top || right < left {
            continue;
        }
        let area = (bottom - top + 1) * (right - left + 1);
        budget = budget.checked_sub(area).ok_or_else(|| ReadError::Damaged {
            format,
            detail: "its merged ranges overlap".into(),
        })?;
        for (r, had) in had_values.iter().enumerate().take(bottom + 1).skip(top) {
            if !had {
                continue;
            }
            for c in left..=right {
                if grid.get(r, c).is_none_or(Cell::is_empty) {
                    grid.put(r, c, value.clone())?;
                }
            }
        }
    }
    Ok(())
}

pub(super) fn convert(data: Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s),
        Data::Int(i) => Cell::Number(i as f64),
        Data::Float(f) => Cell::Number(f),
        Data::Bool(b) => Cell::Bool(b),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::DurationIso(s) => iso_time_of_day(&s).map_or(Cell::Text(s), Cell::Time),
        Data::DateTimeIso(s) => iso_cell(&s),
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

/// An ISO 8601 duration under a day (`PT09H30M00S`, how an ODS time cell holds a time of day)
/// as that time of day.
fn iso_time_of_day(s: &str) -> Option<NaiveTime> {
    let rest = s.strip_prefix("PT")?;
    let (h, rest) = rest.split_once('H')?;
    let (m, rest) = rest.split_once('M')?;
    let secs: f64 = rest.strip_suffix('S')?.parse().ok()?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if !(0.0..60.0).contains(&secs) {
        return None;
    }
    let t = NaiveTime::from_hms_opt(h, m, 0)?;
    let secs = secs.round() as i64;
    t.overflowing_add_signed(chrono::Duration::seconds(secs))
        .1
        .eq(&0)
        .then(|| t + chrono::Duration::seconds(secs))
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
