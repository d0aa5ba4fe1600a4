//! Reading a spreadsheet into rows of cells: XLSX (detected by content) or CSV (UTF-8 with or
//! without BOM, UTF-16 with BOM, else Windows-1252; `,` `;` or tab). Row numbers are the ones
//! the spreadsheet shows: 1-based, empty rows counted but not returned.

use crate::error::ReadError;
use crate::text::column_letter;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One cell as read, before it is interpreted for a field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "camelCase")]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// An Excel date cell (or a date-time one at midnight).
    Date(NaiveDate),
    /// An Excel time cell (a fraction of a day).
    Time(NaiveTime),
    DateTime(NaiveDateTime),
    /// An Excel error value such as `#VALUE!`.
    Error(String),
}

impl Cell {
    /// Whether the cell holds nothing (or only white space).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as a person reads it: text trimmed, dates `YYYY-MM-DD`, times `HH:MM`.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Time(t) => short_time(*t),
            Cell::DateTime(t) => format!("{} {}", t.format("%Y-%m-%d"), short_time(t.time())),
            Cell::Error(e) => e.clone(),
        }
    }
}

fn short_time(t: NaiveTime) -> String {
    if t.format("%S").to_string() == "00" {
        t.format("%H:%M").to_string()
    } else {
        t.format("%H:%M:%S").to_string()
    }
}

/// The kind of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FileFormat {
    Csv,
    Xlsx,
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
    /// XLSX only: the worksheet read, and every worksheet of the workbook.
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
    /// XLSX: the worksheet to read (case-insensitive); the first one when `None`.
    pub sheet: Option<String>,
}

/// Reads a file; see [`read`].
pub fn read_file(path: impl AsRef<Path>, opts: &ReadOptions) -> Result<Sheet, ReadError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?;
    read(&bytes, opts)
}

/// Reads spreadsheet bytes: XLSX when they start like a zip file, CSV otherwise.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Sheet, ReadError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return xlsx::read(bytes, opts);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(ReadError::OldExcel);
    }
    csv_file::read(bytes)
}

/// How many of the first non-empty rows may sit above the header (a title, a date line).
const HEADER_SEARCH: usize = 10;

/// Builds a sheet from numbered rows of cells: empty rows are dropped, every row is padded to
/// the widest. The header is the first non-empty row, unless one of the next few names more
/// known fields (a title line above the headers).
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
    let mut headers: Vec<String> = header.cells.iter().map(Cell::display).collect();
    headers.resize(width, String::new());
    for r in &mut data {
        r.cells.resize(width, Cell::Empty);
    }
    Ok((header.row, headers, data))
}

mod csv_file {
    use super::*;

    pub fn read(bytes: &[u8]) -> Result<Sheet, ReadError> {
        let (text, encoding) = decode(bytes);
        if text.trim().is_empty() {
            return Err(ReadError::Empty);
        }
        if text.contains('\0') {
            return Err(ReadError::Binary);
        }
        let delimiter = detect_delimiter(&text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut rows: Vec<(u32, Vec<Cell>)> = Vec::new();
        let mut row: u32 = 0;
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    return Err(ReadError::Csv {
                        row: row + 1,
                        detail: e.to_string(),
                    })
                }
            }
            // The parser skips blank lines (a spreadsheet shows them as rows): they lead the
            // record's span, after the rest of the previous record's line ending.
            let start = record.position().map_or(0, |p| p.byte() as usize);
            row += 1 + blank_lines(text.as_bytes(), start);
            let cells = record
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_string())
                    }
                })
                .collect();
            rows.push((row, cells));
        }
        let (header_row, headers, rows) = assemble(rows.into_iter())?;
        Ok(Sheet {
            format: FileFormat::Csv,
            encoding: Some(encoding.to_string()),
            delimiter: Some(delimiter as char),
            sheet_name: None,
            sheet_names: vec![],
            header_row,
            headers,
            rows,
        })
    }

    /// Line endings (`\n`, `\r\n` or `\r`) at `at`, not counting the `\n` that ends a `\r\n`
    /// begun before `at`.
    fn blank_lines(bytes: &[u8], at: usize) -> u32 {
        let mut i = at.min(bytes.len());
        if i > 0 && bytes[i - 1] == b'\r' && bytes.get(i) == Some(&b'\n') {
            i += 1;
        }
        let mut n = 0;
        loop {
            match bytes.get(i) {
                Some(b'\r') => {
                    n += 1;
                    i += 1;
                    if bytes.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                }
                Some(b'\n') => {
                    n += 1;
                    i += 1;
                }
                _ => return n,
            }
        }
    }

    /// UTF-8 or UTF-16 with a BOM; plain UTF-8; otherwise Windows-1252 (French Excel's "CSV").
    fn decode(bytes: &[u8]) -> (String, &'static str) {
        if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
            let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
            return (text.into_owned(), enc.name());
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), "UTF-8"),
            Err(_) => {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                (text.into_owned(), encoding_rs::WINDOWS_1252.name())
            }
        }
    }

    /// The most frequent of `,` `;` tab in the header line (outside quotes); `,` when none.
    pub(super) fn detect_delimiter(text: &str) -> u8 {
        let mut counts = [0usize; 3]; // tab, ';', ','
        let mut quoted = false;
        let mut seen = false;
        for c in text.chars() {
            match c {
                '"' => quoted = !quoted,
                '\n' | '\r' if !quoted && seen => break,
                '\t' if !quoted => counts[0] += 1,
                ';' if !quoted => counts[1] += 1,
                ',' if !quoted => counts[2] += 1,
                _ => {}
            }
            if !c.is_whitespace() || c == '\t' {
                seen = true;
            }
        }
        let delimiters = [b'\t', b';', b','];
        let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(2);
        if counts[best] == 0 {
            b','
        } else {
            delimiters[best]
        }
    }
}

mod xlsx {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;

    pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Sheet, ReadError> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_is_read_from_the_header_line_outside_quotes() {
        use csv_file::detect_delimiter as d;
        assert_eq!(d("Titre;Date;Début\n1,2,3,4,5"), b';');
        assert_eq!(d("\"a,b,c\";x;y\n"), b';');
        assert_eq!(d("a\tb\tc"), b'\t');
        assert_eq!(d("a,b;c,d"), b',');
        assert_eq!(d("\n\nTitle,Start\n"), b',');
        assert_eq!(d("Title"), b',');
    }

    #[test]
    fn blank_lines_and_embedded_newlines_keep_spreadsheet_row_numbers() {
        let csv = "Title,Start\n\"A\nsecond line\",9:00\n\nB,10:00\n,\nC,11:00\n";
        let s = read(csv.as_bytes(), &ReadOptions::default()).unwrap();
        let rows: Vec<u32> = s.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, [2, 4, 6]);
        assert_eq!(s.rows[0].cells[0], Cell::Text("A\nsecond line".into()));
        let crlf = csv.replace('\n', "\r\n");
        let s = read(crlf.as_bytes(), &ReadOptions::default()).unwrap();
        let rows: Vec<u32> = s.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, [2, 4, 6], "Windows line endings");
    }

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
            ReadError::NotWorkbook(_)
        ));
        assert_eq!(read(b"a\0b\0", &o).unwrap_err(), ReadError::Binary);
        let xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(read(&xls, &o).unwrap_err(), ReadError::OldExcel);
        assert_eq!(
            ReadError::OldExcel.message(showcall_core::i18n::Lang::FrCa),
            "un fichier Excel 97–2003 (.xls) : enregistrez-le d’abord en .xlsx ou en CSV"
        );
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

    #[test]
    fn utf16_unicode_text_from_excel() {
        let text = "Titre\tDébut\nÉté\t9:00\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let s = read(&bytes, &ReadOptions::default()).unwrap();
        assert_eq!(s.encoding.as_deref(), Some("UTF-16LE"));
        assert_eq!(s.delimiter, Some('\t'));
        assert_eq!(s.rows[0].cells[0], Cell::Text("Été".into()));
    }
}
