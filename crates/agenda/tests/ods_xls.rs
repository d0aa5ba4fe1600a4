//! ODS and XLS agendas: the same agenda saved by a real spreadsheet program (Gnumeric's
//! `ssconvert`, see tests/fixtures/README.md) as `.ods` and `.xls` imports as the `.xlsx` it was
//! converted from; merged cells are filled; a sheet is chosen by name, or else the first holding
//! an agenda is found; a huge declared span is refused before anything is allocated; every
//! refusal names the format found.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use showcall_agenda::*;
use showcall_core::i18n::Lang;
use std::io::Write;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

/// The agenda the fixtures hold: a sheet of notes first, then "Programme" with a merged date
/// (rows 2–4) and a merged stage (rows 2–3), date and time cells, times typed as text.
fn agenda_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "Lire d’abord").unwrap();
    let ws = book.add_worksheet();
    ws.set_name("Programme").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let time = Format::new().set_num_format("hh:mm");
    for (c, h) in ["Date", "Début", "Fin", "Titre", "Scène", "Conférenciers"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let t = |h, m| ExcelDateTime::from_hms(h, m, 0).unwrap();
    ws.merge_range(1, 0, 3, 0, "", &date).unwrap();
    ws.write_datetime_with_format(1, 0, ExcelDateTime::from_ymd(2027, 4, 15).unwrap(), &date)
        .unwrap();
    ws.merge_range(1, 4, 2, 4, "Grande salle", &Format::new())
        .unwrap();
    ws.write_datetime_with_format(1, 1, t(9, 0), &time).unwrap();
    ws.write_datetime_with_format(1, 2, t(9, 45), &time)
        .unwrap();
    ws.write_string(1, 3, "Mot d’ouverture").unwrap();
    ws.write_string(1, 5, "Élise Tremblay; François Côté")
        .unwrap();
    ws.write_string(2, 1, "10 h 00").unwrap();
    ws.write_string(2, 2, "10 h 45").unwrap();
    ws.write_string(2, 3, "Panel").unwrap();
    ws.write_datetime_with_format(3, 1, t(11, 0), &time)
        .unwrap();
    ws.write_datetime_with_format(3, 2, t(11, 30), &time)
        .unwrap();
    ws.write_string(3, 3, "Atelier").unwrap();
    ws.write_string(3, 4, "Salle B").unwrap();
    ws.write_datetime_with_format(5, 0, ExcelDateTime::from_ymd(2027, 4, 16).unwrap(), &date)
        .unwrap();
    ws.write_datetime_with_format(5, 1, t(13, 30), &time)
        .unwrap();
    ws.write_datetime_with_format(5, 2, t(14, 15), &time)
        .unwrap();
    ws.write_string(5, 3, "Jour 2").unwrap();
    book.save_to_buffer().unwrap()
}

/// Writes the `.xlsx` the `.ods` and `.xls` fixtures are converted from (see the README there).
#[test]
#[ignore = "writes tests/fixtures/agenda.xlsx; run with --ignored to remake the fixtures"]
fn write_the_xlsx_the_fixtures_are_made_from() {
    std::fs::write(fixture("agenda.xlsx"), agenda_xlsx()).unwrap();
}

fn programme() -> ReadOptions {
    ReadOptions {
        sheet: Some("programme".into()),
    }
}

/// The sessions an agenda's sheet plans, as (row, title, start, end, stage).
fn sessions(sheet: &Sheet) -> Vec<(u32, String, String, String, String)> {
    let d = new_event("Sommet", "America/Toronto", "fr-CA").unwrap();
    let mapping = Mapping::detect(sheet);
    let reading = interpret(sheet, &mapping, DateOrder::DayFirst).unwrap();
    let p = plan(&d, &reading);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    p.sessions
        .iter()
        .map(|s| {
            (
                s.row,
                s.title.clone(),
                s.start.to_rfc3339(),
                s.end.to_rfc3339(),
                s.stage.name().to_string(),
            )
        })
        .collect()
}

#[test]
fn an_ods_and_an_xls_import_the_same_sessions_as_the_xlsx() {
    let xlsx = read(&agenda_xlsx(), &programme()).unwrap();
    let expected = sessions(&xlsx);
    assert_eq!(expected.len(), 4);
    assert_eq!(
        expected[0],
        (
            2,
            "Mot d’ouverture".into(),
            "2027-04-15T13:00:00+00:00".into(),
            "2027-04-15T13:45:00+00:00".into(),
            "Grande salle".into()
        )
    );
    for (file, format) in [
        ("agenda.ods", FileFormat::Ods),
        ("agenda.xls", FileFormat::Xls),
    ] {
        let sheet = read(&bytes(file), &programme()).unwrap();
        assert_eq!(sheet.format, format, "{file}");
        assert_eq!(sheet.sheet_name.as_deref(), Some("Programme"), "{file}");
        assert_eq!(sheet.sheet_names, ["Notes", "Programme"], "{file}");
        assert_eq!(sheet.headers, xlsx.headers, "{file}");
        let rows: Vec<u32> = sheet.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, [2, 3, 4, 6], "{file}: row 5 is empty, numbers kept");
        assert_eq!(sessions(&sheet), expected, "{file}");
    }
}

#[test]
fn merged_cells_of_an_ods_and_an_xls_are_filled() {
    let d15 = Cell::Date(chrono::NaiveDate::from_ymd_opt(2027, 4, 15).unwrap());
    for file in ["agenda.ods", "agenda.xls"] {
        let sheet = read(&bytes(file), &programme()).unwrap();
        let column = |c: usize| -> Vec<&Cell> { sheet.rows.iter().map(|r| &r.cells[c]).collect() };
        assert_eq!(
            column(0)[..3],
            [&d15, &d15, &d15],
            "{file}: the merged date"
        );
        assert_eq!(
            column(4)[..3],
            [
                &Cell::Text("Grande salle".into()),
                &Cell::Text("Grande salle".into()),
                &Cell::Text("Salle B".into())
            ],
            "{file}: the merged stage reaches row 3 only"
        );
    }
}

#[test]
fn a_sheet_of_an_ods_and_an_xls_is_chosen_by_name() {
    for file in ["agenda.ods", "agenda.xls"] {
        let b = bytes(file);
        let notes = ReadOptions {
            sheet: Some("NOTES".into()),
        };
        assert_eq!(
            read(&b, &notes).unwrap_err(),
            ReadError::NoDataRows { header_row: 1 },
            "{file}: a named sheet is the only one read; this one holds one line of notes"
        );
        assert_eq!(read(&b, &programme()).unwrap().rows.len(), 4, "{file}");
        let err = read(
            &b,
            &ReadOptions {
                sheet: Some("Agenda".into()),
            },
        )
        .unwrap_err();
        assert_eq!(
            err.message(Lang::FrCa),
            "aucune feuille nommée « Agenda » (feuilles : Notes, Programme)",
            "{file}"
        );
    }
}

#[test]
fn without_a_sheet_name_the_first_sheet_holding_an_agenda_is_read() {
    for file in ["agenda.xlsx", "agenda.ods", "agenda.xls"] {
        let b = bytes(file);
        let named = read(&b, &programme()).unwrap();
        let found = read(&b, &ReadOptions::default()).unwrap();
        assert_eq!(
            found.sheet_name.as_deref(),
            Some("Programme"),
            "{file}: the sheet of notes before it has no data row, so it is passed over"
        );
        assert_eq!(found.sheet_names, ["Notes", "Programme"], "{file}");
        assert_eq!(found.header_row, named.header_row, "{file}");
        assert_eq!(sessions(&found), sessions(&named), "{file}");
        assert_eq!(sessions(&found).len(), 4, "{file}");
    }
}

/// An XLSX workbook of sheets, each as its rows of text cells.
fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

const HEADER: &[&str] = &["Titre", "Début", "Fin"];

#[test]
fn the_search_stops_at_the_first_sheet_holding_an_agenda() {
    let b = workbook(&[
        ("Couverture", &[]),
        ("Notes", &[&["Lire d’abord"]]),
        ("Jour 1", &[HEADER, &["Ouverture", "9:00", "10:00"]]),
        ("Jour 2", &[HEADER, &["Clôture", "9:00", "10:00"]]),
    ]);
    let sheet = read(&b, &ReadOptions::default()).unwrap();
    assert_eq!(sheet.sheet_name.as_deref(), Some("Jour 1"));
    assert_eq!(sheet.rows.len(), 1);
    assert_eq!(sheet.rows[0].cells[0], Cell::Text("Ouverture".into()));
    // Through `prepare`, as the app and the CLI read: the sheet read is said.
    let d = new_event("Sommet", "America/Toronto", "fr-CA").unwrap();
    let p = prepare(&b, &d, &ImportOptions::default()).unwrap();
    assert_eq!(p.sheet.sheet_name.as_deref(), Some("Jour 1"));
    assert_eq!(p.sheet.sheet_names.len(), 4);
}

#[test]
fn a_workbook_without_an_agenda_on_any_sheet_gives_the_first_sheets_refusal() {
    let o = ReadOptions::default();
    let empty = workbook(&[("Feuil1", &[]), ("Feuil2", &[])]);
    assert_eq!(read(&empty, &o).unwrap_err(), ReadError::Empty);
    let headers_only = workbook(&[
        ("Notes", &[&["Lire d’abord"]]),
        ("Programme", &[&[], &[], HEADER]),
    ]);
    assert_eq!(
        read(&headers_only, &o).unwrap_err(),
        ReadError::NoDataRows { header_row: 1 },
        "the first sheet's refusal (not the second's, whose header is on row 3), as when it was \
         the only one read"
    );
    let empty_first = workbook(&[("Feuil1", &[]), ("Programme", &[&[], &[], HEADER])]);
    assert_eq!(read(&empty_first, &o).unwrap_err(), ReadError::Empty);
    let d = new_event("Sommet", "America/Toronto", "fr-CA").unwrap();
    let err = prepare(&headers_only, &d, &ImportOptions::default()).unwrap_err();
    assert_eq!(
        err,
        ImportError::Read(ReadError::NoDataRows { header_row: 1 })
    );
}

#[test]
fn a_sheet_past_the_limits_stops_the_search() {
    let wide: Vec<&str> = vec!["x"; MAX_COLUMNS as usize + 1];
    let b = workbook(&[
        ("Notes", &[&wide]),
        ("Programme", &[HEADER, &["Ouverture", "9:00", "10:00"]]),
    ]);
    assert!(
        matches!(
            read(&b, &ReadOptions::default()).unwrap_err(),
            ReadError::TooLarge { .. }
        ),
        "a sheet too large to read is refused, not passed over"
    );
}

/// A zip archive of `entries` (name, bytes), each stored or deflated, as office programs write.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in entries {
        let method = if *name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        out.start_file(*name, opts).unwrap();
        out.write_all(body).unwrap();
    }
    out.finish().unwrap().into_inner()
}

const ODS_MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
const MANIFEST: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

fn ods_with_table(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Programme">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip(&[
        ("mimetype", ODS_MIME),
        ("META-INF/manifest.xml", MANIFEST),
        ("content.xml", content.as_bytes()),
    ])
}

fn text_cell(s: &str, attrs: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string" {attrs}><text:p>{s}</text:p></table:table-cell>"#
    )
}

#[test]
fn a_hand_made_ods_reads_and_a_repeat_spanning_past_the_limits_is_refused() {
    let header = format!(
        "<table:table-row>{}{}{}</table:table-row>",
        text_cell("Titre", ""),
        text_cell("Début", ""),
        text_cell("Fin", "")
    );
    let row = |attrs: &str| {
        format!(
            "<table:table-row {attrs}>{}{}{}</table:table-row>",
            text_cell("Atelier", ""),
            text_cell("9:00", ""),
            text_cell("10:00", "")
        )
    };
    // Styled empty cells repeated to the sheet's edge, as LibreOffice writes them, do not count.
    let edge = r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#;
    let ods = ods_with_table(&format!("{header}{}{edge}", row("")));
    let sheet = read(&ods, &ReadOptions::default()).unwrap();
    assert_eq!(sheet.format, FileFormat::Ods);
    assert_eq!(sheet.headers, ["Titre", "Début", "Fin"]);
    assert_eq!(sheet.rows.len(), 1);

    // A few bytes declaring a row of values repeated a million times: calamine would spell out
    // every copy (tens of millions of cells) when opening the file; it is refused first.
    let huge = ods_with_table(&format!(
        "{header}{}",
        row(r#"table:number-rows-repeated="1000000""#)
    ));
    assert!(huge.len() < 2_000, "{} bytes", huge.len());
    assert_eq!(
        read(&huge, &ReadOptions::default()).unwrap_err(),
        ReadError::TooLarge {
            rows: 1_000_001,
            columns: 3
        }
    );
    // So is a value repeated across thousands of columns.
    let wide = ods_with_table(&format!(
        "{header}<table:table-row>{}</table:table-row>",
        text_cell("x", r#"table:number-columns-repeated="16000""#)
    ));
    assert_eq!(
        read(&wide, &ReadOptions::default()).unwrap_err(),
        ReadError::TooLarge {
            rows: 2,
            columns: 16_000
        }
    );
}

/// Patches the DIMENSIONS record of the XLS fixture's second sheet to declare 65,536 rows ×
/// 256 columns (calamine reserves room for that rectangle before reading a cell).
#[test]
fn an_xls_declaring_a_huge_sheet_is_refused_before_it_is_read() {
    let mut xls = bytes("agenda.xls");
    // BIFF8 DIMENSIONS: type 0x0200, length 14: first row u32, last row + 1 u32, first
    // column u16, last column + 1 u16, reserved u16. The XLS keeps its stream uncompressed, so
    // the record is found in the file's bytes.
    let at: Vec<usize> = xls
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == [0x00, 0x02, 0x0E, 0x00])
        .map(|(i, _)| i)
        .collect();
    assert_eq!(at.len(), 2, "one DIMENSIONS record per sheet");
    let d = at[1] + 4;
    xls[d..d + 4].copy_from_slice(&0u32.to_le_bytes());
    xls[d + 4..d + 8].copy_from_slice(&65_536u32.to_le_bytes());
    xls[d + 8..d + 10].copy_from_slice(&0u16.to_le_bytes());
    xls[d + 10..d + 12].copy_from_slice(&256u16.to_le_bytes());
    assert_eq!(
        read(&xls, &programme()).unwrap_err(),
        ReadError::TooLarge {
            rows: 65_536,
            columns: 256
        }
    );
    // An inconsistent record (last row before the first) counts as calamine counts it: a
    // wrapped, enormous number of rows.
    xls[d..d + 4].copy_from_slice(&10u32.to_le_bytes());
    xls[d + 4..d + 8].copy_from_slice(&5u32.to_le_bytes());
    xls[d + 10..d + 12].copy_from_slice(&6u16.to_le_bytes());
    assert!(matches!(
        read(&xls, &programme()).unwrap_err(),
        ReadError::TooLarge { .. }
    ));
}

#[test]
fn refusals_name_the_format_found() {
    let o = ReadOptions::default();
    // A LibreOffice file whose content is gone.
    let ods = zip(&[("mimetype", ODS_MIME), ("META-INF/manifest.xml", MANIFEST)]);
    let err = read(&ods, &o).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("not a valid OpenDocument spreadsheet ("),
        "{err}"
    );
    assert!(
        err.message(Lang::FrCa)
            .starts_with("classeur OpenDocument (.ods) invalide ("),
        "{}",
        err.message(Lang::FrCa)
    );
    // An OpenDocument text, not a spreadsheet.
    let odt = zip(&[("mimetype", b"application/vnd.oasis.opendocument.text")]);
    let err = read(&odt, &o).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a zip archive (application/vnd.oasis.opendocument.text), not a spreadsheet: save the agenda as .xlsx, .ods, .xls or CSV"
    );
    assert_eq!(
        err.message(Lang::FrCa),
        "une archive zip (application/vnd.oasis.opendocument.text), pas un chiffrier : enregistrez le programme en .xlsx, .ods, .xls ou CSV"
    );
    // A Word document.
    let docx = zip(&[
        ("[Content_Types].xml", b"<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
        ("word/document.xml", b"<w:document/>"),
    ]);
    assert_eq!(
        read(&docx, &o).unwrap_err(),
        ReadError::ZipNotSpreadsheet { mimetype: None }
    );
    // A damaged XLSX: the workbook part is there, its relationships are not.
    let xlsx = zip(&[("xl/workbook.xml", b"<workbook/>")]);
    let err = read(&xlsx, &o).unwrap_err();
    assert!(
        err.to_string().starts_with("not a valid XLSX workbook ("),
        "{err}"
    );
    // An encrypted ODS.
    let locked = zip(&[
        ("mimetype", ODS_MIME),
        ("META-INF/manifest.xml", br#"<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#),
        ("content.xml", b"\x01\x02\x03"),
    ]);
    let err = read(&locked, &o).unwrap_err();
    assert_eq!(
        err,
        ReadError::Encrypted {
            format: FileFormat::Ods
        }
    );
    assert_eq!(
        err.to_string(),
        "a password-protected OpenDocument spreadsheet: save a copy without the password first"
    );
    // A damaged XLS: the fixture cut short.
    let xls = bytes("agenda.xls");
    let err = read(&xls[..xls.len() / 2], &o).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("not a valid Excel 97–2003 (.xls) workbook ("),
        "{err}"
    );
    assert!(
        err.message(Lang::FrCa)
            .starts_with("classeur Excel 97–2003 (.xls) invalide ("),
        "{}",
        err.message(Lang::FrCa)
    );
}

/// An encrypted XLS (FilePass record with an RC4 header, as Excel writes "Encrypt with
/// password") is named as such, not as damaged.
#[test]
fn an_encrypted_xls_is_named_as_encrypted() {
    let mut xls = bytes("agenda.xls");
    // Turn the first record after the globals' BOF into a FilePass (0x002F) of type RC4 (1):
    // the WriteAccess/InterfaceHdr record that follows BOF in every BIFF8 file.
    let bof = xls
        .windows(4)
        .position(|w| w == [0x09, 0x08, 0x10, 0x00])
        .expect("a BIFF8 BOF");
    let next = bof + 4 + 16;
    xls[next..next + 2].copy_from_slice(&0x002Fu16.to_le_bytes());
    let len = u16::from_le_bytes([xls[next + 2], xls[next + 3]]) as usize;
    assert!(len >= 2);
    xls[next + 4..next + 6].copy_from_slice(&1u16.to_le_bytes());
    let err = read(&xls, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err,
        ReadError::Encrypted {
            format: FileFormat::Xls
        }
    );
    assert_eq!(
        err.message(Lang::FrCa),
        "un classeur Excel 97–2003 (.xls) protégé par un mot de passe : enregistrez-en d’abord une copie sans mot de passe"
    );
}
