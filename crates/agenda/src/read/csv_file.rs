//! Reading CSV bytes: the encoding (UTF-8 with or without BOM, UTF-16 with BOM, else
//! Windows-1252) and the delimiter (`,` `;` or tab) are found, and row numbers count the blank
//! lines a spreadsheet shows.

use super::{assemble, check_span, Cell, FileFormat, Sheet};
use crate::error::ReadError;
use showcall_core::job::{Job, Unit};

/// Reads the CSV `bytes`, counting the bytes parsed on `job` (stage `parse`). When `job` is
/// cancelled it stops within a thousand records with an incomplete sheet (or an error the cut
/// caused): the caller checks the job and drops it.
pub(super) fn read(bytes: &[u8], job: &Job) -> Result<Sheet, ReadError> {
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
    // The sheet's extent: its last non-empty row and its widest row.
    let (mut last_row, mut width, mut too_large) = (0u32, 0usize, false);
    let mut meter = job.meter(Unit::Bytes, "parse", Some(text.len() as u64));
    let mut parsed = 0u64;
    for records in 0u64.. {
        if records % 1000 == 0 && records > 0 {
            if job.is_cancelled() {
                break;
            }
            let at = reader.position().byte();
            meter.add(at.saturating_sub(parsed));
            parsed = at;
        }
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
        // Trailing empty fields are not cells (Excel writes a delimiter per column of the
        // widest row); the sheet is measured, and refused past the limits, before any padding.
        let used = (0..record.len())
            .rev()
            .find(|&i| record.get(i).is_some_and(|f| !f.trim().is_empty()))
            .map_or(0, |last| last + 1);
        if used > 0 {
            last_row = row;
        }
        width = width.max(used);
        if too_large || check_span(last_row.into(), width as u64).is_err() {
            // Past a limit: nothing more is kept, the rest is only measured for the message.
            too_large = true;
            rows.clear();
            continue;
        }
        let cells = record
            .iter()
            .take(used)
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
    meter.finish();
    if too_large {
        return Err(ReadError::TooLarge {
            rows: last_row.into(),
            columns: width as u64,
        });
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
fn detect_delimiter(text: &str) -> u8 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{read, ReadOptions};

    #[test]
    fn delimiter_is_read_from_the_header_line_outside_quotes() {
        use detect_delimiter as d;
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
    fn a_cancelled_job_stops_the_parse_within_a_thousand_records() {
        let mut csv = String::from("Title,Start,End\n");
        for i in 0..20_000 {
            csv.push_str(&format!("Talk {i},2027-04-15 09:00,2027-04-15 10:00\n"));
        }
        let whole = super::read(csv.as_bytes(), &Job::none()).unwrap();
        assert_eq!(whole.rows.len(), 20_000);
        // Progress in bytes while it reads, ending at the whole text.
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let job = {
            let seen = seen.clone();
            Job::new(move |p| {
                seen.lock()
                    .unwrap()
                    .push((p.stage.clone(), p.done, p.total))
            })
        };
        super::read(csv.as_bytes(), &job).unwrap();
        let seen = seen.lock().unwrap();
        assert!(seen.len() > 2, "{seen:?}");
        assert!(seen
            .iter()
            .all(|(s, _, t)| s == "parse" && *t == Some(csv.len() as u64)));
        assert!(seen.windows(2).all(|w| w[0].1 <= w[1].1), "{seen:?}");
        assert_eq!(seen.last().unwrap().1, csv.len() as u64);
        // Cancelled before it starts: it stops at the first check.
        let job = Job::none();
        job.cancel();
        let cut = super::read(csv.as_bytes(), &job).unwrap();
        assert!(cut.rows.len() <= 1_000, "{} rows", cut.rows.len());
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
