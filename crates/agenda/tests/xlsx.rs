//! XLSX agendas written by a real spreadsheet writer: date and time cells, merged date and
//! stage cells, a formula with its cached result, an empty row in the middle.

use chrono::{DateTime, Utc};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use showcall_agenda::*;
use showcall_core::i18n::Lang;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Row numbers below are 0-based for the writer, 1-based in comments (as Excel shows them).
fn agenda_workbook(notes_sheet_first: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    if notes_sheet_first {
        let notes = book.add_worksheet();
        notes.set_name("Notes").unwrap();
        notes.write_string(0, 0, "Read me").unwrap();
    }
    let ws = book.add_worksheet();
    ws.set_name("Agenda").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let time = Format::new().set_num_format("hh:mm");
    let plain = Format::new();
    for (c, h) in ["Date", "Début", "Fin", "Titre", "Scène", "Conférenciers"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let t = |h, m| ExcelDateTime::from_hms(h, m, 0).unwrap();
    let day = |d| ExcelDateTime::from_ymd(2027, 4, d).unwrap();
    // Row 2–4: one merged date cell; rows 2–3: one merged stage cell.
    ws.merge_range(1, 0, 3, 0, "", &date).unwrap();
    ws.write_datetime_with_format(1, 0, day(15), &date).unwrap();
    ws.merge_range(1, 4, 2, 4, "Grande salle", &plain).unwrap();
    // Row 2: end is a formula whose cached result Excel would have saved (9:45).
    ws.write_datetime_with_format(1, 1, t(9, 0), &time).unwrap();
    ws.write_formula_with_format(
        1,
        2,
        Formula::new("=B2+TIME(0,45,0)").set_result("0.40625"),
        &time,
    )
    .unwrap();
    ws.write_string(1, 3, "Mot d’ouverture").unwrap();
    ws.write_string(1, 5, "Élise Tremblay; François Côté")
        .unwrap();
    // Row 3: times typed as text.
    ws.write_string(2, 1, "10 h 00").unwrap();
    ws.write_string(2, 2, "10 h 45").unwrap();
    ws.write_string(2, 3, "Panel").unwrap();
    ws.write_string(2, 5, "elise tremblay et Zoë Lévesque")
        .unwrap();
    // Row 4: under the merged date, on its own stage.
    ws.write_datetime_with_format(3, 1, t(11, 0), &time)
        .unwrap();
    ws.write_datetime_with_format(3, 2, t(11, 30), &time)
        .unwrap();
    ws.write_string(3, 3, "Atelier").unwrap();
    ws.write_string(3, 4, "Salle B").unwrap();
    // Row 5: empty. Row 6: the date as a bare serial number (no date format), the end as a bare
    // day fraction (no time format).
    ws.write_number(5, 0, 46_493.0).unwrap(); // 2027-04-16
    ws.write_datetime_with_format(5, 1, t(13, 30), &time)
        .unwrap();
    ws.write_number(5, 2, 0.59375).unwrap(); // 14:15
    ws.write_string(5, 3, "Jour 2").unwrap();
    // Row 7: a date-time cell for the start, and an end before it, to check the row number
    // after the gap.
    let dt = ExcelDateTime::from_ymd(2027, 4, 16)
        .unwrap()
        .and_hms(15, 0, 0)
        .unwrap();
    let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    ws.write_datetime_with_format(6, 1, dt, &date_time).unwrap();
    ws.write_datetime_with_format(6, 2, t(14, 0), &time)
        .unwrap();
    ws.write_string(6, 3, "À l’envers").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn xlsx_with_date_cells_merged_cells_and_a_formula() {
    let bytes = agenda_workbook(false);
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let sheet = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(sheet.format, FileFormat::Xlsx);
    assert_eq!(sheet.sheet_name.as_deref(), Some("Agenda"));
    let rows: Vec<u32> = sheet.rows.iter().map(|r| r.row).collect();
    assert_eq!(
        rows,
        [2, 3, 4, 6, 7],
        "row 5 is empty and skipped, numbers kept"
    );
    // The merged date reaches rows 3 and 4; the merged stage reaches row 3 only.
    let d15 = Cell::Date(chrono::NaiveDate::from_ymd_opt(2027, 4, 15).unwrap());
    assert_eq!(sheet.rows[1].cells[0], d15);
    assert_eq!(sheet.rows[2].cells[0], d15);
    assert_eq!(sheet.rows[1].cells[4], Cell::Text("Grande salle".into()));
    assert_eq!(sheet.rows[2].cells[4], Cell::Text("Salle B".into()));
    let at = |h, m| {
        chrono::NaiveDate::from_ymd_opt(2027, 4, 16)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    };
    assert_eq!(
        sheet.rows[4].cells[1],
        Cell::DateTime(at(15, 0)),
        "date-time cell"
    );
    assert_eq!(sheet.rows[3].cells[0], Cell::Number(46_493.0));
    // The formula reads as its cached value, a time cell.
    assert_eq!(
        sheet.rows[0].cells[2],
        Cell::Time(chrono::NaiveTime::from_hms_opt(9, 45, 0).unwrap())
    );

    let mut d = new_event("Sommet", "America/Toronto", "fr-CA").unwrap();
    let elise = showcall_core::model::new_id();
    d.people.push(showcall_core::model::Person {
        id: elise.clone(),
        event_id: d.event.id.clone(),
        name: "Élise Tremblay".into(),
        role: showcall_core::model::Role::Speaker,
        email: String::new(),
        time_zone: None,
        invitation_sent: false,
        tech_check_done: false,
        instructions_sent: false,
    });
    let mapping = Mapping::detect(&sheet);
    let reading = interpret(&sheet, &mapping, DateOrder::DayFirst).unwrap();
    let p = plan(&d, &reading);
    let lines: Vec<String> = p.errors.iter().map(|e| e.line(Lang::En)).collect();
    assert_eq!(lines, ["row 7: end 14:00 is before start 15:00"]);
    let s = &p.sessions;
    assert_eq!(s.len(), 4);
    assert_eq!((s[0].row, s[0].title.as_str()), (2, "Mot d’ouverture"));
    assert_eq!(s[0].start, utc("2027-04-15T13:00:00Z"));
    assert_eq!(s[0].end, utc("2027-04-15T13:45:00Z"));
    assert_eq!(s[1].stage.name(), "Grande salle", "merged stage cell");
    assert_eq!(s[1].start, utc("2027-04-15T14:00:00Z"), "merged date cell");
    assert_eq!(
        s[2].start,
        utc("2027-04-15T15:00:00Z"),
        "merged date, third row"
    );
    assert_eq!(s[2].stage.name(), "Salle B");
    assert_eq!((s[3].row, s[3].title.as_str()), (6, "Jour 2"));
    assert_eq!(s[3].start, utc("2027-04-16T17:30:00Z"));
    assert_eq!(s[3].end, utc("2027-04-16T18:15:00Z"));
    // Row 6 names no stage and the event has none: a default stage is created, named in the
    // event's language.
    assert_eq!(
        s[3].stage,
        StageRef::New {
            name: "Scène principale".into()
        }
    );
    let elise_in_panel = s[1]
        .presenters
        .iter()
        .any(|p| matches!(p, PersonRef::Existing { id, .. } if *id == elise));
    assert!(elise_in_panel, "elise tremblay matches Élise Tremblay");

    let after = apply(&d, &p);
    showcall_core::validate::event_data(&after).unwrap();
    assert_eq!(after.sessions.len(), 4);
    let names: Vec<&str> = after.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Grande salle", "Salle B", "Scène principale"]);
}

#[test]
fn a_named_worksheet_is_read_and_a_missing_one_is_named() {
    let bytes = agenda_workbook(true);
    let notes = read(
        &bytes,
        &ReadOptions {
            sheet: Some("Notes".into()),
        },
    );
    assert_eq!(
        notes.unwrap_err(),
        ReadError::NoDataRows { header_row: 1 },
        "a named sheet is the only one read, even one without an agenda"
    );
    let sheet = read(
        &bytes,
        &ReadOptions {
            sheet: Some("agenda".into()),
        },
    )
    .unwrap();
    assert_eq!(sheet.sheet_names, ["Notes", "Agenda"]);
    assert_eq!(sheet.rows.len(), 5);
    let err = read(
        &bytes,
        &ReadOptions {
            sheet: Some("Programme".into()),
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no worksheet named “Programme” (worksheets: Notes, Agenda)"
    );
    assert_eq!(
        err.message(Lang::FrCa),
        "aucune feuille nommée « Programme » (feuilles : Notes, Agenda)"
    );
}

#[test]
fn a_zip_that_is_not_a_workbook_is_refused_clearly() {
    // A valid zip archive (stored, one file) holding no workbook.
    let mut zip = Vec::new();
    let name = b"hello.txt";
    let body = b"hi";
    let crc = crc32(body);
    zip.extend_from_slice(b"PK\x03\x04");
    zip.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    zip.extend_from_slice(&crc.to_le_bytes());
    zip.extend_from_slice(&(body.len() as u32).to_le_bytes());
    zip.extend_from_slice(&(body.len() as u32).to_le_bytes());
    zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
    zip.extend_from_slice(&[0, 0]);
    zip.extend_from_slice(name);
    zip.extend_from_slice(body);
    let central = zip.len() as u32;
    zip.extend_from_slice(b"PK\x01\x02");
    zip.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    zip.extend_from_slice(&crc.to_le_bytes());
    zip.extend_from_slice(&(body.len() as u32).to_le_bytes());
    zip.extend_from_slice(&(body.len() as u32).to_le_bytes());
    zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
    zip.extend_from_slice(&[0; 12]);
    zip.extend_from_slice(&0u32.to_le_bytes());
    zip.extend_from_slice(name);
    let size = zip.len() as u32 - central;
    zip.extend_from_slice(b"PK\x05\x06");
    zip.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
    zip.extend_from_slice(&size.to_le_bytes());
    zip.extend_from_slice(&central.to_le_bytes());
    zip.extend_from_slice(&[0, 0]);
    let err = read(&zip, &ReadOptions::default()).unwrap_err();
    assert_eq!(err, ReadError::ZipNotSpreadsheet { mimetype: None });
    assert_eq!(
        err.to_string(),
        "a zip archive, not a spreadsheet: save the agenda as .xlsx, .ods, .xls or CSV"
    );
    // The extension does not matter: a workbook's bytes are read as one whatever the name.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agenda.csv");
    std::fs::write(&path, agenda_workbook(false)).unwrap();
    assert_eq!(
        read_file(&path, &ReadOptions::default()).unwrap().format,
        FileFormat::Xlsx
    );
    let missing = read_file(dir.path().join("nope.xlsx"), &ReadOptions::default()).unwrap_err();
    assert!(missing.to_string().starts_with("cannot read "), "{missing}");
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
