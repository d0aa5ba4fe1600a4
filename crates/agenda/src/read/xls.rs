//! Reading an Excel 97–2003 workbook (`.xls`, BIFF records in an OLE compound file) with
//! calamine: cell values (formulas as their cached results), dates and times, merged ranges.
//!
//! Calamine's `Xls` has no cell-by-cell reader: opening a file builds every sheet whole, each
//! as the rectangle from its first to its last cell, after reserving room for the rectangle
//! each sheet's DIMENSIONS record declares. So the workbook stream is first walked here,
//! record by record, holding nothing but counts: every sheet's declared and used span and the
//! text its cells would hold (a shared string is copied into every cell naming it). A file
//! past the limits is refused before calamine allocates anything for it.

use super::xlsx::{convert, fill_merged, Grid};
use super::{check_span, guarded, read_workbook, FileFormat, ReadOptions, Sheet};
use super::{MAX_CELLS, MAX_FILE_BYTES, MAX_TEXT_BYTES};
use crate::error::ReadError;
use calamine::{Reader, Xls, XlsError};
use std::io::{Cursor, Read};

const FORMAT: FileFormat = FileFormat::Xls;

fn damaged(detail: impl Into<String>) -> ReadError {
    ReadError::Damaged {
        format: FORMAT,
        detail: detail.into(),
    }
}

pub(super) fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Sheet, ReadError> {
    guarded(FORMAT, || measure(bytes))??;
    let bad = |e: XlsError| match e {
        XlsError::Password => ReadError::Encrypted { format: FORMAT },
        e => damaged(e.to_string()),
    };
    let mut book: Xls<_> = guarded(FORMAT, || Xls::new(Cursor::new(bytes)))?.map_err(bad)?;
    let names = book.sheet_names();
    read_workbook(names, opts, FORMAT, |name, names| {
        let range = guarded(FORMAT, || book.worksheet_range(name))?.map_err(bad)?;
        let mut grid = Grid::default();
        if let Some((top, left)) = range.start() {
            for (r, c, value) in range.used_cells() {
                let cell = convert(value.clone());
                if !cell.is_empty() {
                    grid.put(top as usize + r, left as usize + c, cell)?;
                }
            }
        }
        let merged = guarded(FORMAT, || book.merge_cells_by_sheet_name(name))?.map_err(bad)?;
        fill_merged(&mut grid, &merged, FORMAT)?;
        grid.into_sheet(FORMAT, name.to_string(), names.to_vec())
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u64> {
    let b = data.get(at..at + 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]).into())
}

fn u32_at(data: &[u8], at: usize) -> Option<u64> {
    let b = data.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]).into())
}

/// The BIFF records of a stream from `at`: (type, data), continuation records included as
/// records of their own. Stops at the first record that does not fit.
fn records(stream: &[u8], at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream.get(at..).unwrap_or_default();
    std::iter::from_fn(move || {
        let head = rest.get(..4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const CONTINUE: u16 = 0x003C;

/// Walks the workbook stream: refuses an encrypted workbook, and a sheet whose declared or
/// used span, or whose text, passes the limits.
fn measure(bytes: &[u8]) -> Result<(), ReadError> {
    let mut file =
        cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| damaged(e.to_string()))?;
    let stream = ["Workbook", "Book"]
        .iter()
        .find(|name| file.is_stream(name))
        .ok_or_else(|| damaged("it holds no workbook stream (another Office document?)"))?;
    let mut workbook = Vec::new();
    file.open_stream(stream)
        .map_err(|e| damaged(e.to_string()))?
        .take(MAX_FILE_BYTES)
        .read_to_end(&mut workbook)
        .map_err(|e| damaged(e.to_string()))?;
    let mut sheets = Vec::new();
    let mut shared: Vec<u64> = Vec::new();
    let mut globals = records(&workbook, 0).peekable();
    while let Some((typ, data)) = globals.next() {
        match typ {
            // FilePass: the workbook is encrypted.
            0x002F if u16_at(data, 0).unwrap_or(0) != 0 => {
                return Err(ReadError::Encrypted { format: FORMAT })
            }
            // BoundSheet8: where a sheet's records start.
            0x0085 => sheets.extend(u32_at(data, 0)),
            // SST, with its continuation records.
            0x00FC => {
                let mut parts = vec![data];
                while let Some((_, more)) = globals.next_if(|(t, _)| *t == CONTINUE) {
                    parts.push(more);
                }
                shared = shared_string_bytes(&parts);
            }
            EOF => break,
            _ => {}
        }
    }
    for at in sheets {
        measure_sheet(&workbook, at as usize, &shared)?;
    }
    Ok(())
}

/// One sheet's records, as calamine walks them (records of embedded charts skipped).
fn measure_sheet(workbook: &[u8], at: usize, shared: &[u64]) -> Result<(), ReadError> {
    let (mut rows, mut columns, mut text) = (0u64, 0u64, 0u64);
    let (mut seen_bof, mut nested) = (false, 0usize);
    for (typ, data) in records(workbook, at) {
        if nested > 0 {
            match typ {
                BOF => nested += 1,
                EOF => nested -= 1,
                _ => {}
            }
            continue;
        }
        let position = || Some((u16_at(data, 0)?, u16_at(data, 2)?));
        let mut cell = |row: u64, last_column: u64, bytes: u64| {
            rows = rows.max(row + 1);
            columns = columns.max(last_column + 1);
            text = text.saturating_add(bytes);
            check_span(rows, columns)?;
            if text > MAX_TEXT_BYTES {
                return Err(ReadError::TooMuchText);
            }
            Ok(())
        };
        match typ {
            BOF if seen_bof => nested += 1,
            BOF => seen_bof = true,
            EOF => break,
            // Dimensions: calamine reserves room for the rectangle declared.
            0x0200 => declared(data)?,
            // Number, BoolErr, RK, Formula: a value without text (a formula's text result
            // follows in a String record, at the formula's place).
            0x0203 | 0x0205 | 0x027E | 0x0006 => {
                if let Some((r, c)) = position() {
                    cell(r, c, 0)?;
                }
            }
            // Label, RString, String: text in the record (UTF-8 takes at most twice its bytes).
            0x0204 | 0x00D6 => {
                if let Some((r, c)) = position() {
                    cell(r, c, 2 * data.len() as u64)?;
                }
            }
            0x0207 => cell(0, 0, 2 * data.len() as u64)?,
            // LabelSst: a copy of a shared string.
            0x00FD => {
                if let (Some((r, c)), Some(i)) = (position(), u32_at(data, 6)) {
                    let bytes = shared.get(i as usize).copied().unwrap_or(0);
                    cell(r, c, bytes)?;
                }
            }
            // MulRk: numbers from a first to a last column.
            0x00BD if data.len() >= 6 => {
                if let (Some((r, _)), Some(last)) = (position(), u16_at(data, data.len() - 2)) {
                    cell(r, last, 0)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Refuses a DIMENSIONS record whose rectangle, counted the way calamine counts it before
/// reserving room for it, passes the limits.
fn declared(data: &[u8]) -> Result<(), ReadError> {
    let (first_row, end_row, mut first_col, end_col) = match data.len() {
        10 => (
            u16_at(data, 0),
            u16_at(data, 2),
            u16_at(data, 4),
            u16_at(data, 6),
        ),
        14 | 16 => (
            u32_at(data, 0),
            u32_at(data, 4),
            u16_at(data, 8),
            u16_at(data, 10),
        ),
        _ => return Ok(()), // calamine refuses the record
    };
    let (Some(rf), Some(rl), Some(cf), Some(cl)) = (first_row, end_row, first_col, end_col) else {
        return Ok(());
    };
    if cf > 0xFF || cl < cf {
        first_col = Some(0);
    }
    let cf = first_col.unwrap_or(0);
    // calamine: end = (rl - 1, cl - 1) when both are at least 1, else the first cell; then
    // (end - start + 1) in u32 arithmetic, which wraps when the record is inconsistent.
    let (rows, cols) = if rl >= 1 && cl >= 1 {
        let rows = ((rl - 1) as u32).wrapping_sub(rf as u32).wrapping_add(1);
        let cols = ((cl - 1) as u32).wrapping_sub(cf as u32).wrapping_add(1);
        (u64::from(rows), u64::from(cols))
    } else {
        (1, 1)
    };
    let span_rows = rows.max(rl);
    let span_cols = cols.max(cl);
    if rows.saturating_mul(cols) > MAX_CELLS {
        return Err(ReadError::TooLarge {
            rows: span_rows,
            columns: span_cols,
        });
    }
    check_span(span_rows, span_cols)
}

/// The most bytes each shared string can take as UTF-8 (three per character), walking the SST
/// record and its continuations ([MS-XLS] 2.4.265, 2.5.293): a string's characters may go on in
/// the next record, which then starts with a fresh flags byte.
fn shared_string_bytes(parts: &[&[u8]]) -> Vec<u64> {
    let mut out = Vec::new();
    let Some(first) = parts.first() else {
        return out;
    };
    let mut part = 0usize;
    let mut at = 8usize.min(first.len()); // past cstTotal and cstUnique
                                          // Takes n bytes, crossing into the next records as needed.
    let skip = |part: &mut usize, at: &mut usize, mut n: usize| -> Option<()> {
        while n > 0 {
            let left = parts.get(*part)?.len() - *at;
            if n <= left {
                *at += n;
                return Some(());
            }
            n -= left;
            *part += 1;
            *at = 0;
        }
        Some(())
    };
    let byte = |part: &mut usize, at: &mut usize| -> Option<u8> {
        while *at >= parts.get(*part)?.len() {
            *part += 1;
            *at = 0;
        }
        let b = parts[*part][*at];
        *at += 1;
        Some(b)
    };
    let mut next = || -> Option<u64> {
        let lo = byte(&mut part, &mut at)?;
        let hi = byte(&mut part, &mut at)?;
        let chars = usize::from(u16::from_le_bytes([lo, hi]));
        let flags = byte(&mut part, &mut at)?;
        let mut wide = flags & 0x01 != 0;
        let mut runs = 0usize;
        let mut ext = 0usize;
        if flags & 0x08 != 0 {
            runs = usize::from(u16::from_le_bytes([
                byte(&mut part, &mut at)?,
                byte(&mut part, &mut at)?,
            ]));
        }
        if flags & 0x04 != 0 {
            let b = [
                byte(&mut part, &mut at)?,
                byte(&mut part, &mut at)?,
                byte(&mut part, &mut at)?,
                byte(&mut part, &mut at)?,
            ];
            ext = u32::from_le_bytes(b) as usize;
        }
        let mut left = chars;
        while left > 0 {
            let room = parts.get(part)?.len() - at;
            if room == 0 {
                part += 1;
                at = 0;
                // A string going on in the next record starts it with its flags byte.
                wide = byte(&mut part, &mut at)? & 0x01 != 0;
                continue;
            }
            let size = if wide { 2 } else { 1 };
            let here = left.min(room / size).max(1).min(left);
            skip(&mut part, &mut at, here * size)?;
            left -= here;
        }
        skip(&mut part, &mut at, 4 * runs + ext)?;
        Some(3 * chars as u64)
    };
    while let Some(bytes) = next() {
        out.push(bytes);
    }
    out
}
