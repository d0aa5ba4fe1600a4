//! Hostile files are refused quickly and with a clear message, before anything is allocated
//! for what they claim: a workbook reaching the last cell of a sheet, merged ranges covering
//! the whole sheet or repeating a long text, a CSV line of a million columns, a file past the
//! size limit. Every file here is a few MB at most (the large one is sparse).

use rust_xlsxwriter::Workbook;
use showcall_agenda::*;
use showcall_core::i18n::Lang;
use showcall_core::Store;

/// `1 048 576` as the French messages write it (no-break spaces).
fn fr(s: &str) -> String {
    s.replace('_', "\u{a0}")
}

#[test]
fn a_workbook_with_a_value_in_the_last_cell_is_refused_before_its_grid_is_allocated() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "Title").unwrap();
    ws.write_string(0, 1, "Start").unwrap();
    ws.write_string(1, 0, "Keynote").unwrap();
    ws.write_string(1, 1, "9:00").unwrap();
    // XFD1048576: the last cell of a sheet. The whole grid would be 1.7e10 cells.
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    assert!(bytes.len() < 20_000, "{} bytes", bytes.len());
    let err = read(&bytes, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err,
        ReadError::TooLarge {
            rows: 1_048_576,
            columns: 16_384
        }
    );
    assert_eq!(
        err.to_string(),
        "the sheet spans 1,048,576 rows and 16,384 columns; \
         an agenda may have at most 200,000 rows and 200 columns"
    );
    assert_eq!(
        err.message(Lang::FrCa),
        fr(
            "la feuille s’étend sur 1_048_576 lignes et 16_384 colonnes ; \
            un programme peut compter au plus 200_000 lignes et 200 colonnes"
        )
    );
    // The same sheet without the far cell reads.
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "Title").unwrap();
    ws.write_string(0, 1, "Start").unwrap();
    ws.write_string(1, 0, "Keynote").unwrap();
    ws.write_string(1, 1, "9:00").unwrap();
    let sheet = read(&book.save_to_buffer().unwrap(), &ReadOptions::default()).unwrap();
    assert_eq!(sheet.headers, ["Title", "Start"]);
}

#[test]
fn a_workbook_spanning_too_many_cells_within_the_row_and_column_limits_is_refused() {
    // 20,000 rows × 150 columns: each within its limit, 3,000,000 cells together.
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "Title").unwrap();
    ws.write_string(0, 149, "Notes").unwrap();
    ws.write_string(19_999, 0, "Last").unwrap();
    let err = read(&book.save_to_buffer().unwrap(), &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err,
        ReadError::TooLarge {
            rows: 20_000,
            columns: 150
        }
    );
    assert_eq!(
        err.to_string(),
        "the sheet spans 20,000 rows and 150 columns (3,000,000 cells); \
         an agenda may have at most 2,000,000 cells"
    );
    assert_eq!(
        err.message(Lang::FrCa),
        fr(
            "la feuille s’étend sur 20_000 lignes et 150 colonnes (3_000_000 cellules) ; \
            un programme peut compter au plus 2_000_000 cellules"
        )
    );
}

/// An inline-string cell.
fn text(cell: &str, s: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{s}</t></is></c>"#)
}

/// A workbook of one worksheet named `Agenda` holding `rows` (the `<row>` elements) and
/// `merges` (cell ranges), written by hand so a merged range can be as large as a sheet
/// allows (a spreadsheet writer would write every cell of it).
fn workbook(rows: &str, merges: &[&str]) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    let merge_cells: String = merges
        .iter()
        .map(|m| format!(r#"<mergeCell ref="{m}"/>"#))
        .collect();
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData><mergeCells count="{}">{merge_cells}</mergeCells></worksheet>"#,
        merges.len()
    );
    let files: Vec<(&str, String)> = vec![
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.into(),
        ),
        (
            "_rels/.rels",
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ),
        (
            "xl/workbook.xml",
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Agenda" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    stored_zip(&files)
}

/// A zip archive of `files`, stored (not compressed).
fn stored_zip(files: &[(&str, String)]) -> Vec<u8> {
    let mut zip = Vec::new();
    let mut central = Vec::new();
    for (name, body) in files {
        let (name, body) = (name.as_bytes(), body.as_bytes());
        let crc = crc32(body);
        let offset = zip.len() as u32;
        let sizes = |out: &mut Vec<u8>| {
            out.extend_from_slice(&crc.to_le_bytes());
            out.extend_from_slice(&(body.len() as u32).to_le_bytes());
            out.extend_from_slice(&(body.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        };
        zip.extend_from_slice(b"PK\x03\x04");
        zip.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        sizes(&mut zip);
        zip.extend_from_slice(&[0, 0]);
        zip.extend_from_slice(name);
        zip.extend_from_slice(body);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        sizes(&mut central);
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let at = zip.len() as u32;
    zip.extend_from_slice(&central);
    let count = (files.len() as u16).to_le_bytes();
    zip.extend_from_slice(b"PK\x05\x06");
    zip.extend_from_slice(&[0, 0, 0, 0]);
    zip.extend_from_slice(&count);
    zip.extend_from_slice(&count);
    zip.extend_from_slice(&(central.len() as u32).to_le_bytes());
    zip.extend_from_slice(&at.to_le_bytes());
    zip.extend_from_slice(&[0, 0]);
    zip
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_merged_range_as_large_as_the_sheet_is_cut_to_the_cells_in_use() {
    let rows = [
        format!(
            r#"<row r="1">{}{}{}</row>"#,
            text("A1", "Title"),
            text("B1", "Date"),
            text("C1", "Start")
        ),
        format!(
            r#"<row r="2">{}{}{}</row>"#,
            text("A2", "Keynote"),
            text("B2", "2027-04-15"),
            text("C2", "9:00")
        ),
        format!(
            r#"<row r="3">{}{}</row>"#,
            text("A3", "Panel"),
            text("C3", "10:00")
        ),
    ]
    .concat();
    // The date merged down the whole column, and a merge over the whole sheet whose value
    // (A1) already fills the cells in use.
    let bytes = workbook(&rows, &["B2:B1048576"]);
    assert!(bytes.len() < 5_000, "{} bytes", bytes.len());
    let sheet = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(sheet.headers, ["Title", "Date", "Start"]);
    let rows: Vec<u32> = sheet.rows.iter().map(|r| r.row).collect();
    assert_eq!(rows, [2, 3]);
    assert_eq!(sheet.rows[1].cells[1], Cell::Text("2027-04-15".into()));

    let whole = workbook(
        &rows_of(&[("A1", "Title"), ("A2", "Keynote")]),
        &["A1:XFD1048576"],
    );
    let sheet = read(&whole, &ReadOptions::default()).unwrap();
    assert_eq!(sheet.headers, ["Title"]);
    assert_eq!(sheet.rows.len(), 1);
}

/// One `<row>` per cell given (cells of one row given in a row).
fn rows_of(cells: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut open: Option<String> = None;
    for (cell, value) in cells {
        let row: String = cell.chars().skip_while(char::is_ascii_alphabetic).collect();
        if open.as_deref() != Some(&row) {
            if open.is_some() {
                out.push_str("</row>");
            }
            out.push_str(&format!(r#"<row r="{row}">"#));
            open = Some(row);
        }
        out.push_str(&text(cell, value));
    }
    if open.is_some() {
        out.push_str("</row>");
    }
    out
}

/// Column A of rows 1–10,000 and GR1 (the 200th column) hold values: the sheet spans
/// 2,000,000 cells, the most it may. `b2` goes in B2.
fn full_sheet(b2: &str) -> String {
    let mut cells: Vec<(String, String)> = vec![
        ("A1".into(), "Title".into()),
        ("GR1".into(), "Notes".into()),
        ("A2".into(), "Row 2".into()),
        ("B2".into(), b2.into()),
    ];
    cells.extend((3..=10_000).map(|r| (format!("A{r}"), format!("Row {r}"))));
    let cells: Vec<(&str, &str)> = cells
        .iter()
        .map(|(c, v)| (c.as_str(), v.as_str()))
        .collect();
    rows_of(&cells)
}

#[test]
fn overlapping_merged_ranges_are_refused_instead_of_filled_again_and_again() {
    // A thousand merges of the whole sheet: filled one after the other, 2e9 steps.
    let merges = vec!["A1:XFD1048576"; 1_000];
    let bytes = workbook(&full_sheet("x"), &merges);
    assert!(bytes.len() < 1_000_000, "{} bytes", bytes.len());
    let err = read(&bytes, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err,
        ReadError::Damaged {
            format: FileFormat::Xlsx,
            detail: "its merged ranges overlap".into()
        }
    );
    // One such merge is fine: it is cut to the 10,000 × 200 cells in use.
    let sheet = read(
        &workbook(&full_sheet("x"), &merges[..1]),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(sheet.headers.len(), 200);
    assert_eq!(sheet.rows.len(), 9_999);
}

#[test]
fn a_long_text_repeated_by_a_merged_range_is_refused_past_the_text_limit() {
    // A 32,000-character text merged over B2:GR10000 would be 63 GB of copies.
    let bytes = workbook(&full_sheet(&"x".repeat(32_000)), &["B2:GR10000"]);
    assert!(bytes.len() < 1_000_000, "{} bytes", bytes.len());
    let err = read(&bytes, &ReadOptions::default()).unwrap_err();
    assert_eq!(err, ReadError::TooMuchText);
    assert_eq!(
        err.to_string(),
        "the cells of the sheet hold more than 100 MB of text, the most an agenda may hold"
    );
    assert_eq!(
        err.message(Lang::FrCa),
        fr("les cellules de la feuille contiennent plus de 100_Mo de texte, le maximum pour un programme")
    );
}

/// Writes `lines` to a CSV file in a temp dir.
fn csv_file(dir: &std::path::Path, lines: &[String]) -> std::path::PathBuf {
    let path = dir.join("agenda.csv");
    std::fs::write(&path, lines.concat()).unwrap();
    path
}

#[test]
fn a_csv_line_of_a_million_columns_is_refused_before_rows_are_padded_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = vec!["Title,Start\n".to_string(), "x,".repeat(1_000_000) + "\n"];
    lines.extend((0..50_000).map(|i| format!("Session {i},9:00\n")));
    let path = csv_file(dir.path(), &lines);
    assert!(std::fs::metadata(&path).unwrap().len() < 4_000_000);
    let err = read_file(&path, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err,
        ReadError::TooLarge {
            rows: 50_002,
            columns: 1_000_000
        }
    );
    assert_eq!(
        err.to_string(),
        "the sheet spans 50,002 rows and 1,000,000 columns; \
         an agenda may have at most 200,000 rows and 200 columns"
    );
    assert_eq!(
        err.message(Lang::FrCa),
        fr(
            "la feuille s’étend sur 50_002 lignes et 1_000_000 colonnes ; \
            un programme peut compter au plus 200_000 lignes et 200 colonnes"
        )
    );
}

#[test]
fn a_csv_spanning_too_many_cells_is_refused_and_trailing_delimiters_are_not_columns() {
    let dir = tempfile::tempdir().unwrap();
    // 20,002 rows × 150 columns.
    let mut lines = vec!["Title,Start\n".to_string(), "x,".repeat(150) + "\n"];
    lines.extend((0..20_000).map(|i| format!("Session {i},9:00\n")));
    let err = read_file(csv_file(dir.path(), &lines), &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the sheet spans 20,002 rows and 150 columns (3,000,300 cells); \
         an agenda may have at most 2,000,000 cells"
    );
    assert_eq!(
        err.message(Lang::FrCa),
        fr(
            "la feuille s’étend sur 20_002 lignes et 150 colonnes (3_000_300 cellules) ; \
            un programme peut compter au plus 2_000_000 cellules"
        )
    );
    // Empty fields after the last value, however many, are no columns.
    let mut lines = vec!["Title,Start".to_string() + &",".repeat(1_000_000) + "\n"];
    lines.extend((0..50_000).map(|i| format!("Session {i},9:00,,,\n")));
    let sheet = read_file(csv_file(dir.path(), &lines), &ReadOptions::default()).unwrap();
    assert_eq!(sheet.headers, ["Title", "Start"]);
    assert_eq!(sheet.rows.len(), 50_000);
    assert!(sheet.rows.iter().all(|r| r.cells.len() == 2));
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agenda.csv");
    // Sparse: no disk space taken.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(f);
    let err = read_file(&path, &ReadOptions::default()).unwrap_err();
    assert_eq!(err, ReadError::FileTooLarge { bytes: 50_000_001 });
    assert_eq!(
        err.to_string(),
        "the file is 50.1 MB; an agenda file may be at most 50 MB"
    );
    assert_eq!(
        err.message(Lang::FrCa),
        fr("le fichier fait 50,1_Mo ; un fichier de programme peut faire au plus 50_Mo")
    );
    // The app's and the CLI's load refuse it the same way, naming the file.
    let store = Store::open_in_memory().unwrap();
    let target = AgendaTarget {
        event_id: None,
        new_name: Some("Gala".into()),
        new_time_zone: Some("America/Toronto".into()),
    };
    let err = load(&store, &path, &target, &ImportOptions::default(), Lang::En).unwrap_err();
    assert_eq!(err.code(), "agenda");
    assert_eq!(
        err.message(Lang::En),
        format!(
            "{}: the file is 50.1 MB; an agenda file may be at most 50 MB",
            path.display()
        )
    );
    // A file at the limit is read (and found to be binary).
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(MAX_FILE_BYTES).unwrap();
    drop(f);
    assert_eq!(
        read_file(&path, &ReadOptions::default()).unwrap_err(),
        ReadError::Binary
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_without_a_size_is_read_no_further_than_the_limit() {
    // /dev/zero says it is empty and never ends.
    let err = read_file("/dev/zero", &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err,
        ReadError::FileTooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
}

/// Found by fuzzing: a cell reference of ten letters (`AAAAAAAAAA3`) overflows calamine's
/// column arithmetic (a panic in a debug build). The file is refused; the app does not fall.
#[test]
fn a_cell_reference_out_of_any_sheet_is_refused_not_a_crash() {
    let bytes = include_bytes!("fixtures/cell-ref-10-letters.xlsx");
    let read = std::panic::catch_unwind(|| showcall_agenda::read(bytes, &ReadOptions::default()));
    let read = read.expect("reading a workbook never panics");
    if cfg!(debug_assertions) {
        let e = read.expect_err("the reference is out of range");
        assert_eq!(e, ReadError::BadCellReference);
        assert!(e.message(Lang::En).contains("cell reference"));
        assert!(e.message(Lang::FrCa).contains("référence de cellule"));
    }
}

/// Found by fuzzing: a merged range that ends above where it starts (`B2:B1`) underflows
/// calamine's merge reading (a panic in a debug build). The file is refused, naming its format; the app
/// does not fall.
#[test]
fn a_merged_range_ending_before_it_starts_is_refused_not_a_crash() {
    let rows = format!(
        r#"<row r="1">{}{}</row><row r="2">{}{}</row>"#,
        text("A1", "Title"),
        text("B1", "Date"),
        text("A2", "Keynote"),
        text("B2", "2027-04-15")
    );
    let bytes = workbook(&rows, &["B2:B1"]);
    let read = std::panic::catch_unwind(|| showcall_agenda::read(&bytes, &ReadOptions::default()));
    let read = read.expect("reading a workbook never panics");
    if cfg!(debug_assertions) {
        let e = read.expect_err("the merge is out of range");
        assert!(
            e.message(Lang::En).contains("XLSX"),
            "{}",
            e.message(Lang::En)
        );
        assert!(
            e.message(Lang::En).contains("malformed"),
            "{}",
            e.message(Lang::En)
        );
    }
}
