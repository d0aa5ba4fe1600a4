//! Reading an OpenDocument spreadsheet (LibreOffice's `.ods`) with calamine: cell values
//! (formulas as their cached results), dates and times, merged ranges filled with their value.
//!
//! Calamine's `Ods` has no cell-by-cell reader: opening a file builds every sheet whole, each
//! row repeat and column repeat spelled out (`table:number-rows-repeated="100000"` is a few
//! bytes of XML). So `content.xml` is first measured here, as a stream that holds nothing but
//! counts: every sheet's span (its last non-empty row and column, repeats counted), the text
//! its cells would hold once repeats are spelled out, and its merged ranges (which calamine
//! does not report for ODS). A file past the limits is refused before calamine allocates
//! anything for it.

use super::xlsx::{convert, fill_merged, Grid};
use super::{check_span, guarded, read_workbook, FileFormat, ReadOptions, Sheet};
use super::{MAX_ROWS, MAX_TEXT_BYTES};
use crate::error::ReadError;
use calamine::{Dimensions, Ods, OdsError, Reader};
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};

/// The most bytes `content.xml` may unpack to (a zip of repetitive XML unpacks to a thousand
/// times its size).
const MAX_XML_BYTES: u64 = 1_000_000_000;

const FORMAT: FileFormat = FileFormat::Ods;

fn damaged(detail: impl Into<String>) -> ReadError {
    ReadError::Damaged {
        format: FORMAT,
        detail: detail.into(),
    }
}

pub(super) fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Sheet, ReadError> {
    let tables = guarded(FORMAT, || measure(bytes))??;
    let bad = |e: OdsError| match e {
        OdsError::Password => ReadError::Encrypted { format: FORMAT },
        e => damaged(e.to_string()),
    };
    let mut book: Ods<_> = guarded(FORMAT, || Ods::new(Cursor::new(bytes)))?.map_err(bad)?;
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
        let merged = tables
            .iter()
            .find(|t| t.name == name)
            .map_or(&[][..], |t| &t.merges[..]);
        fill_merged(&mut grid, merged, FORMAT)?;
        grid.into_sheet(FORMAT, name.to_string(), names.to_vec())
    })
}

/// What one sheet (`table:table`) of `content.xml` would take once read.
#[derive(Debug, Default)]
struct Table {
    name: String,
    /// Its last non-empty row and column (1-based), repeats counted.
    rows: u64,
    columns: u64,
    /// How many `table:table-row` elements it has (calamine keeps a little for each).
    row_elements: u64,
    /// Bytes of text (values and formulas) its cells hold once repeats are spelled out.
    text: u64,
    /// Its merged ranges whose first cell holds a value (0-based, inclusive).
    merges: Vec<Dimensions>,
}

/// A cell as its element says: what calamine will make of it, measured.
struct CellTag {
    /// Calamine reads a value (or a formula) from it.
    filled: bool,
    /// Bytes of text in its attributes and (filled in later) its content.
    text: u64,
    columns_repeated: u64,
    rows_spanned: u64,
    columns_spanned: u64,
}

/// Measures every sheet of the spreadsheet, refusing one past the limits.
fn measure(bytes: &[u8]) -> Result<Vec<Table>, ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(e.to_string()))?;
    if let Ok(manifest) = zip.by_name("META-INF/manifest.xml") {
        let mut text = Vec::new();
        manifest
            .take(1 << 20)
            .read_to_end(&mut text)
            .map_err(|e| damaged(e.to_string()))?;
        if String::from_utf8_lossy(&text).contains("manifest:encryption-data") {
            return Err(ReadError::Encrypted { format: FORMAT });
        }
    }
    let content = zip
        .by_name("content.xml")
        .map_err(|_| damaged("it has no content.xml"))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content.take(MAX_XML_BYTES + 1)));
    xml.config_mut().check_end_names = false;
    let mut tables: Vec<Table> = Vec::new();
    let mut depth = 0usize; // of table:table elements
    let mut row: Option<(u64, u64)> = None; // (rows repeated, next column)
    let mut row_at = 0u64; // the first row of the current row element
    let mut cell: Option<CellTag> = None;
    let mut buf = Vec::new();
    loop {
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| damaged(format!("content.xml: {e}")))?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => {
                    if depth == 0 {
                        if let Some(name) = attr(&e, "table:name")? {
                            tables.push(Table {
                                name,
                                ..Table::default()
                            });
                            row_at = 0;
                        }
                    }
                    if !empty {
                        depth += 1;
                    }
                }
                "table:table-row" if depth > 0 && cell.is_none() => {
                    let repeated = number(&e, "table:number-rows-repeated")?.unwrap_or(1);
                    row = Some((repeated, 0));
                    if empty {
                        end_row(&mut tables, &mut row, &mut row_at)?;
                    }
                }
                "table:table-cell" | "table:covered-table-cell" if row.is_some() => {
                    let tag = cell_tag(&e)?;
                    if empty {
                        end_cell(&mut tables, &mut row, row_at, tag)?;
                    } else {
                        cell = Some(tag);
                    }
                }
                _ => {}
            },
            Event::Text(t) => add_text(&mut cell, t.len()),
            Event::CData(t) => add_text(&mut cell, t.len()),
            Event::GeneralRef(t) => add_text(&mut cell, t.len() + 2),
            Event::End(e) => match e.name().as_ref() {
                "table:table" => depth = depth.saturating_sub(1),
                "table:table-row" if cell.is_none() && row.is_some() => {
                    end_row(&mut tables, &mut row, &mut row_at)?
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some(tag) = cell.take() {
                        end_cell(&mut tables, &mut row, row_at, tag)?;
                    }
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    if xml.get_ref().get_ref().limit() == 0 {
        return Err(damaged(format!(
            "its content.xml unpacks to more than {MAX_XML_BYTES} bytes"
        )));
    }
    Ok(tables)
}

fn add_text(cell: &mut Option<CellTag>, len: usize) {
    if let Some(c) = cell {
        c.text = c.text.saturating_add(len as u64);
    }
}

/// An attribute's value, unescaped.
fn attr(e: &BytesStart, key: &str) -> Result<Option<String>, ReadError> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| damaged(format!("content.xml: {e}")))?;
        if a.key.as_ref() == key {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| damaged(format!("content.xml: {e}")))?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

/// A count attribute (a repeat or a span); one that does not parse is left to calamine to
/// refuse.
fn number(e: &BytesStart, key: &str) -> Result<Option<u64>, ReadError> {
    Ok(attr(e, key)?.and_then(|v| v.trim().parse().ok()))
}

fn cell_tag(e: &BytesStart) -> Result<CellTag, ReadError> {
    let mut tag = CellTag {
        filled: false,
        text: 0,
        columns_repeated: 1,
        rows_spanned: 1,
        columns_spanned: 1,
    };
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| damaged(format!("content.xml: {e}")))?;
        let count = || a.value.trim().parse::<u64>().ok();
        match a.key.as_ref() {
            // The attributes calamine takes a value from.
            "office:value"
            | "office:string-value"
            | "office:date-value"
            | "office:time-value"
            | "office:boolean-value"
            | "table:formula" => {
                tag.filled = true;
                tag.text = tag.text.saturating_add(a.value.len() as u64);
            }
            "office:value-type" if a.value.as_ref() == "string" => tag.filled = true,
            "table:number-columns-repeated" => tag.columns_repeated = count().unwrap_or(1),
            "table:number-rows-spanned" => tag.rows_spanned = count().unwrap_or(1),
            "table:number-columns-spanned" => tag.columns_spanned = count().unwrap_or(1),
            _ => {}
        }
    }
    Ok(tag)
}

/// A cell ends: counted (repeats spelled out) when calamine reads a value from it.
fn end_cell(
    tables: &mut [Table],
    row: &mut Option<(u64, u64)>,
    row_at: u64,
    tag: CellTag,
) -> Result<(), ReadError> {
    let (Some(table), Some((rows_repeated, column))) = (tables.last_mut(), row.as_mut()) else {
        return Ok(());
    };
    let col_at = *column;
    *column = column.saturating_add(tag.columns_repeated);
    if !tag.filled || tag.columns_repeated == 0 || *rows_repeated == 0 {
        return Ok(());
    }
    table.rows = table.rows.max(row_at.saturating_add(*rows_repeated));
    table.columns = table.columns.max(*column);
    check_span(table.rows, table.columns)?;
    let copies = tag.columns_repeated.saturating_mul(*rows_repeated);
    table.text = table.text.saturating_add(tag.text.saturating_mul(copies));
    if table.text > MAX_TEXT_BYTES {
        return Err(ReadError::TooMuchText);
    }
    if tag.rows_spanned > 1 || tag.columns_spanned > 1 {
        // Within the span limits checked above, so every position fits a u32.
        for r in row_at..row_at + *rows_repeated {
            for c in col_at..*column {
                table.merges.push(Dimensions {
                    start: (r as u32, c as u32),
                    end: (
                        r.saturating_add(tag.rows_spanned - 1).min(u32::MAX.into()) as u32,
                        c.saturating_add(tag.columns_spanned - 1)
                            .min(u32::MAX.into()) as u32,
                    ),
                });
            }
        }
    }
    Ok(())
}

/// A row element ends: the next starts below its repeats.
fn end_row(
    tables: &mut [Table],
    row: &mut Option<(u64, u64)>,
    row_at: &mut u64,
) -> Result<(), ReadError> {
    let Some((repeated, _)) = row.take() else {
        return Ok(());
    };
    *row_at = row_at.saturating_add(repeated);
    if let Some(table) = tables.last_mut() {
        table.row_elements += 1;
        if table.row_elements > MAX_ROWS {
            return Err(ReadError::TooLarge {
                rows: table.row_elements,
                columns: table.columns,
            });
        }
    }
    Ok(())
}
