//! Reading a spreadsheet into rows of cells: XLSX, ODS or XLS (told apart by content, never by
//! the file's name) or CSV (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252; `,`
//! `;` or tab). Row numbers are the ones the spreadsheet shows: 1-based, empty rows counted but
//! not returned.
//!
//! This module owns the sheet as read ([`Sheet`], its rows and their [`Cell`]s) and finding the
//! header row; `sniff` tells the format, and `csv_file`, `xlsx`, `ods` and `xls` turn each kind
//! of file into numbered rows of cells.

mod cell;
mod csv_file;
mod ods;
mod sniff;
mod xls;
mod xlsx;

pub use cell::Cell;

use crate::error::ReadError;
use crate::text::column_letter;
use serde::{Deserialize, Serialize};
use showcall_core::job::{Job, Unit};
use std::io::Read;
use std::path::Path;
use ts_rs::TS;

/// The most rows a sheet may span (its last non-empty row's number): a large conference's
/// agenda has tens of thousands.
pub const MAX_ROWS: u64 = 200_000;
/// The most columns a sheet may span (up to its last non-empty column): an agenda has a few
/// dozen.
pub const MAX_COLUMNS: u64 = 200;
/// The most cells (rows × columns) a sheet may span: every row is padded to the widest, so
/// this bounds the memory a sheet takes (about 32 bytes a cell, plus its text).
pub const MAX_CELLS: u64 = 2_000_000;
/// The most text (bytes of UTF-8) the cells of an XLSX sheet may hold once read: shared
/// strings and merged ranges repeat one text in many cells.
pub const MAX_TEXT_BYTES: u64 = 100_000_000;
/// The largest agenda file read (bytes): 50 MB.
pub const MAX_FILE_BYTES: u64 = 50_000_000;

/// Refuses a sheet spanning `rows` × `columns` past [`MAX_ROWS`], [`MAX_COLUMNS`] or
/// [`MAX_CELLS`].
fn check_span(rows: u64, columns: u64) -> Result<(), ReadError> {
    if rows > MAX_ROWS || columns > MAX_COLUMNS || rows.saturating_mul(columns) > MAX_CELLS {
        return Err(ReadError::TooLarge { rows, columns });
    }
    Ok(())
}

/// The kind of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FileFormat {
    Csv,
    Xlsx,
    /// An OpenDocument spreadsheet (LibreOffice, Google Sheets' download as .ods).
    Ods,
    /// An Excel 97–2003 workbook.
    Xls,
}

/// A data row: its number as the spreadsheet shows it, and its cells (one per column; short
/// rows are padded with [`Cell::Empty`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SheetRow {
    pub row: u32,
    pub cells: Vec<Cell>,
}

/// A spreadsheet as read: the header row and the non-empty rows after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sheet {
    pub format: FileFormat,
    /// CSV only: the text encoding found (`UTF-8`, `windows-1252`, `UTF-16LE`…).
    pub encoding: Option<String>,
    /// CSV only: the delimiter found.
    pub delimiter: Option<char>,
    /// Workbooks only (XLSX, ODS, XLS): the worksheet read, and every worksheet of the workbook.
    pub sheet_name: Option<String>,
    pub sheet_names: Vec<String>,
    /// The row holding the headers (the first non-empty one).
    pub header_row: u32,
    /// One per column, as written (may be empty).
    pub headers: Vec<String>,
    pub rows: Vec<SheetRow>,
}

impl Sheet {
    /// How messages name a column: its header, or `column C` when the header is blank.
    pub fn column_name(&self, index: usize) -> String {
        match self.headers.get(index).map(|h| h.trim()) {
            Some(h) if !h.is_empty() => h.to_string(),
            _ => format!("column {}", column_letter(index)),
        }
    }
}

/// What to read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadOptions {
    /// Workbooks: the worksheet to read (case-insensitive); when `None`, the first that holds
    /// an agenda (a header row and a data row under it), else the first.
    pub sheet: Option<String>,
}

/// Reads a file; see [`read`].
pub fn read_file(path: impl AsRef<Path>, opts: &ReadOptions) -> Result<Sheet, ReadError> {
    let bytes = read_bytes(path.as_ref())?;
    read(&bytes, opts)
}

/// The bytes of the file at `path`, refused past [`MAX_FILE_BYTES`]: by its size before
/// reading, and by what is read (a file still growing, a device) without holding more than
/// one byte past the limit.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_bytes_with(path, &Job::none())
}

/// [`read_bytes`], counting the bytes on `job` (stage `read`, a MiB at a time). When `job` is
/// cancelled it stops within a MiB with the bytes read so far: the caller checks the job and
/// drops them.
pub(crate) fn read_bytes_with(path: &Path, job: &Job) -> Result<Vec<u8>, ReadError> {
    let io = |e: std::io::Error| ReadError::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::FileTooLarge { bytes: size });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    let mut meter = job.meter(Unit::Bytes, "read", Some(size));
    let mut file = file.take(MAX_FILE_BYTES + 1);
    while !job.is_cancelled() {
        let got = (&mut file)
            .take(1 << 20)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if got == 0 {
            break;
        }
        meter.add(got as u64);
    }
    meter.finish();
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::FileTooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// Reads spreadsheet bytes, in the format their content shows (see `sniff`): a zip holding an
/// XLSX workbook or an OpenDocument spreadsheet, an OLE compound file holding an XLS workbook,
/// else CSV. Refusals name the format found.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Sheet, ReadError> {
    read_with(bytes, opts, &Job::none())
}

/// [`read`], reporting a CSV's parse on `job` and stopping it when `job` is cancelled (with an
/// incomplete sheet the caller drops). A workbook is read whole.
pub(crate) fn read_with(bytes: &[u8], opts: &ReadOptions, job: &Job) -> Result<Sheet, ReadError> {
    match sniff::sniff(bytes)? {
        FileFormat::Xlsx => xlsx::read(bytes, opts),
        FileFormat::Ods => ods::read(bytes, opts),
        FileFormat::Xls => xls::read(bytes, opts),
        FileFormat::Csv => csv_file::read(bytes, job),
    }
}

/// Reads a workbook's worksheet with `read_sheet` (given its name): the one `opts` names
/// (case-insensitive), else the first that holds an agenda — a header row with at least one
/// data row under it — in workbook order (a sheet of notes or a cover sheet often comes
/// first). Sheets are read one at a time, each within every limit, and the search stops at the
/// first that qualifies. When none does, the first sheet's refusal is returned; any other
/// refusal (a limit passed, damaged data) stops the search.
fn read_workbook(
    names: Vec<String>,
    opts: &ReadOptions,
    format: FileFormat,
    mut read_sheet: impl FnMut(&str, &[String]) -> Result<Sheet, ReadError>,
) -> Result<Sheet, ReadError> {
    if let Some(wanted) = &opts.sheet {
        let name = names
            .iter()
            .find(|n| n.to_lowercase() == wanted.trim().to_lowercase())
            .ok_or_else(|| ReadError::NoSuchSheet {
                name: wanted.clone(),
                sheets: names.clone(),
            })?;
        return read_sheet(name, &names);
    }
    let mut first_refusal = None;
    for name in &names {
        match read_sheet(name, &names) {
            Ok(sheet) => return Ok(sheet),
            Err(e @ (ReadError::Empty | ReadError::NoHeaderRow | ReadError::NoDataRows { .. })) => {
                first_refusal.get_or_insert(e);
            }
            Err(e) => return Err(e),
        }
    }
    Err(first_refusal.unwrap_or_else(|| ReadError::Damaged {
        format,
        detail: "it has no worksheet".into(),
    }))
}

/// Runs a calamine call, turning a panic inside it (calamine trusts some numbers a file
/// declares) into a refusal of the file rather than a crash of the app.
fn guarded<T>(format: FileFormat, f: impl FnOnce() -> T) -> Result<T, ReadError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| ReadError::Damaged {
        format,
        detail: "the reader stopped on malformed data".into(),
    })
}

/// How many of the first non-empty rows may sit above the header (a title, a date line).
const HEADER_SEARCH: usize = 10;

/// Builds a sheet from numbered rows of cells: empty rows are dropped, every row is padded to
/// the widest (a sheet that would then pass [`check_span`]'s limits is refused first). The
/// header is the first non-empty row, unless one of the next few names more known fields (a
/// title line above the headers).
fn assemble(
    numbered: impl Iterator<Item = (u32, Vec<Cell>)>,
) -> Result<(u32, Vec<String>, Vec<SheetRow>), ReadError> {
    let mut any = false;
    let mut rows: Vec<SheetRow> = numbered
        .inspect(|_| any = true)
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .map(|(row, cells)| SheetRow { row, cells })
        .collect();
    if rows.is_empty() {
        return Err(if any {
            ReadError::NoHeaderRow
        } else {
            ReadError::Empty
        });
    }
    let known = |r: &SheetRow| {
        let mut fields: Vec<crate::mapping::Field> = r
            .cells
            .iter()
            .filter_map(|c| crate::mapping::Field::detect(&c.display()))
            .collect();
        fields.sort();
        fields.dedup();
        fields.len()
    };
    let (best, score) = rows
        .iter()
        .take(HEADER_SEARCH)
        .enumerate()
        .map(|(i, r)| (i, known(r)))
        .fold((0, 0), |b, c| if c.1 > b.1 { c } else { b });
    let at = if score >= 2 { best } else { 0 };
    let mut data = rows.split_off(at + 1);
    let header = rows.pop().expect("at least one row");
    if data.is_empty() {
        return Err(ReadError::NoDataRows {
            header_row: header.row,
        });
    }
    let width = std::iter::once(&header)
        .chain(&data)
        .filter_map(|r| r.cells.iter().rposition(|c| !c.is_empty()))
        .max()
        .map_or(0, |last| last + 1);
    let last_row = data.last().map_or(header.row, |r| r.row);
    check_span(last_row.into(), width as u64)?;
    let mut headers: Vec<String> = header.cells.iter().map(Cell::display).collect();
    headers.resize(width, String::new());
    for r in &mut data {
        r.cells.resize(width, Cell::Empty);
    }
    Ok((header.row, headers, data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_say_why() {
        let o = ReadOptions::default();
        assert_eq!(read(b"", &o).unwrap_err(), ReadError::Empty);
        assert_eq!(
            read(b"\xEF\xBB\xBF \n\n", &o).unwrap_err(),
            ReadError::Empty
        );
        assert_eq!(read(b";;\n;;\n", &o).unwrap_err(), ReadError::NoHeaderRow);
        assert_eq!(
            read(b"Title;Start\n", &o).unwrap_err(),
            ReadError::NoDataRows { header_row: 1 }
        );
        assert!(matches!(
            read(b"PK\x03\x04garbage", &o).unwrap_err(),
            ReadError::Damaged {
                format: FileFormat::Xlsx,
                ..
            }
        ));
        assert_eq!(read(b"a\0b\0", &o).unwrap_err(), ReadError::Binary);
        let xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert!(matches!(
            read(&xls, &o).unwrap_err(),
            ReadError::Damaged {
                format: FileFormat::Xls,
                ..
            }
        ));
    }

    #[test]
    fn a_title_line_above_the_headers_is_passed_over() {
        let csv = "Sommet Boréal 2027 — programme;;\n\nTitre;Début;Fin\nA;9:00;10:00\n";
        let s = read(csv.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(s.header_row, 3);
        assert_eq!(s.headers, ["Titre", "Début", "Fin"]);
        assert_eq!(s.rows[0].row, 4);
        // Without known headers the first non-empty row stays the header.
        let s = read(b"Quoi,Quand\nA,9:00\n", &ReadOptions::default()).unwrap();
        assert_eq!(s.header_row, 1);
    }
}
