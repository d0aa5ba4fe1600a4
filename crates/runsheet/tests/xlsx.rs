//! The workbook, read back with calamine (an independent xlsx reader).

mod common;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use chrono::{NaiveDate, NaiveDateTime};
use common::*;
use showcall_core::{i18n::Lang, testing};
use showcall_runsheet::{xlsx, Error};
use std::io::Cursor;

/// Column indexes of the stage sheets.
const DATE: u32 = 0;
const START: u32 = 1;
const END: u32 = 2;
const DURATION: u32 = 3;
const KIND: u32 = 4;
const SEGMENT: u32 = 5;
const PRESENTERS: u32 = 6;
const CUES: u32 = 7;
const NOTES: u32 = 8;
const HEADER_ROW: u32 = 3;

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine can read")
}

fn text(r: &Range<Data>, row: u32, col: u32) -> String {
    match r.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => panic!("({row}, {col}) is not text: {other:?}"),
    }
}

fn datetime(r: &Range<Data>, row: u32, col: u32) -> NaiveDateTime {
    match r.get_value((row, col)) {
        Some(Data::DateTime(d)) => {
            assert!(
                d.is_datetime(),
                "({row}, {col}) is a date-time, not a duration"
            );
            d.as_datetime().unwrap()
        }
        other => panic!("({row}, {col}) is not a date-time cell: {other:?}"),
    }
}

fn duration_secs(r: &Range<Data>, row: u32, col: u32) -> i64 {
    match r.get_value((row, col)) {
        Some(Data::DateTime(d)) => {
            assert!(d.is_duration(), "({row}, {col}) has a duration format");
            // Durations are stored as fractions of a day: round away float noise.
            (d.as_f64() * 86_400.0).round() as i64
        }
        other => panic!("({row}, {col}) is not a duration cell: {other:?}"),
    }
}

fn row_of(r: &Range<Data>, title: &str) -> u32 {
    (HEADER_ROW + 1..=r.end().unwrap().0)
        .find(|row| text(r, *row, SEGMENT) == title)
        .unwrap_or_else(|| panic!("no row for {title}"))
}

#[test]
fn one_sheet_per_stage_with_title_and_header() {
    let d = demo_event();
    let mut wb = open(xlsx(&d, Lang::En).unwrap());
    assert_eq!(wb.sheet_names(), ["Salle principale", "Studio B"]);
    let r = wb.worksheet_range("Salle principale").unwrap();
    let title = text(&r, 0, 0);
    assert!(title.contains("Sommet Boréal 2027"), "{title}");
    let sub = text(&r, 1, 0);
    assert!(
        sub.contains("Salle principale") && sub.contains("America/Toronto"),
        "{sub}"
    );
    let header: Vec<String> = (0..=NOTES).map(|c| text(&r, HEADER_ROW, c)).collect();
    assert_eq!(
        header,
        [
            "Date",
            "Start",
            "End",
            "Duration",
            "Kind",
            "Segment",
            "Presenters",
            "Cues",
            "Notes"
        ]
    );
    // Studio B holds only its own sessions.
    let r = wb.worksheet_range("Studio B").unwrap();
    let sessions: Vec<String> = (HEADER_ROW + 1..=r.end().unwrap().0)
        .filter(|row| text(&r, *row, KIND) == "Session")
        .map(|row| text(&r, row, SEGMENT))
        .collect();
    let stage_b = &d.stages[1].id;
    let schedule = showcall_core::schedule::compute(&d);
    let expected: Vec<&str> = schedule
        .sessions
        .iter()
        .filter(|s| &s.stage_id == stage_b)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(sessions, expected);
}

#[test]
fn times_are_real_date_times_on_the_event_wall_clock() {
    let d = demo_event();
    let mut wb = open(xlsx(&d, Lang::En).unwrap());
    let r = wb.worksheet_range("Salle principale").unwrap();
    let row = row_of(&r, KEYNOTE);
    let expected = segment_start(&d, KEYNOTE)
        .with_timezone(&zone(&d))
        .naive_local();
    assert_eq!(datetime(&r, row, START), expected);
    let day = NaiveDate::from_ymd_opt(2027, 4, 15).unwrap();
    assert_eq!(datetime(&r, row, START), day.and_hms_opt(9, 7, 0).unwrap());
    assert_eq!(datetime(&r, row, END), day.and_hms_opt(9, 35, 0).unwrap());
    assert_eq!(duration_secs(&r, row, DURATION), 28 * 60);
    assert_eq!(text(&r, row, KIND), "Presentation");
    assert_eq!(text(&r, row, PRESENTERS), "Marc-André Gagnon");
    assert_eq!(text(&r, row, NOTES), FRENCH_NOTE);
    let cues = text(&r, row, CUES);
    assert_eq!(
        cues.lines().next(),
        Some("09:07 On stage: Marc-André Gagnon")
    );
    assert!(
        cues.contains("09:08 Overlay on: Bandeau Marc-André"),
        "{cues}"
    );

    // The session row above its segments: bold and shaded (not checked here), with its own
    // times, length, date and the session-bound cues.
    let session = row_of(&r, "Mot d’ouverture");
    assert_eq!(text(&r, session, KIND), "Session");
    assert_eq!(datetime(&r, session, DATE).date(), day);
    assert_eq!(
        datetime(&r, session, START),
        day.and_hms_opt(9, 0, 0).unwrap()
    );
    assert_eq!(
        datetime(&r, session, END),
        day.and_hms_opt(9, 40, 0).unwrap()
    );
    assert_eq!(duration_secs(&r, session, DURATION), 40 * 60);
    assert!(text(&r, session, CUES).starts_with("08:30 AV check\n08:45 Speaker prep"));
    assert_eq!(text(&r, session + 1, SEGMENT), "Vidéo d’ouverture");
    assert_eq!(duration_secs(&r, session + 1, DURATION), 2 * 60);
}

#[test]
fn long_durations_and_zones_far_from_utc() {
    let mut d = testing::event("Asia/Kolkata");
    let st = testing::stage(&mut d, "Hall");
    let s = testing::session(
        &mut d,
        &st,
        "Day",
        "2027-03-10T03:30:00Z",
        "2027-03-10T06:00:00Z",
    );
    testing::segment(&mut d, &s, "Long", 2 * 3600 + 90, &[]);
    let mut wb = open(xlsx(&d, Lang::En).unwrap());
    let r = wb.worksheet_range("Hall").unwrap();
    let row = row_of(&r, "Long");
    let day = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
    assert_eq!(
        datetime(&r, row, START),
        day.and_hms_opt(9, 0, 0).unwrap(),
        "UTC+5:30"
    );
    assert_eq!(datetime(&r, row, END), day.and_hms_opt(11, 1, 30).unwrap());
    assert_eq!(duration_secs(&r, row, DURATION), 2 * 3600 + 90);
}

#[test]
fn french_workbook_has_french_headers() {
    let d = demo_event();
    let bytes = xlsx(&d, Lang::FrCa).unwrap();
    std::fs::write(shots_dir().join("demo-fr.xlsx"), &bytes).unwrap();
    let mut wb = open(bytes);
    let r = wb.worksheet_range("Salle principale").unwrap();
    let header: Vec<String> = (0..=NOTES).map(|c| text(&r, HEADER_ROW, c)).collect();
    assert_eq!(
        header,
        [
            "Date",
            "Début",
            "Fin",
            "Durée",
            "Type",
            "Segment",
            "Conférencier(s)",
            "Repères",
            "Notes"
        ]
    );
    assert!(text(&r, 0, 0).starts_with("Déroulement — Sommet Boréal 2027"));
    assert!(text(&r, 1, 0).contains("Fuseau horaire : America/Toronto"));
    let qa = row_of(&r, "Questions de l’auditoire");
    assert_eq!(text(&r, qa, KIND), "Période de questions");
    assert_eq!(text(&r, qa, PRESENTERS), "Marc-André Gagnon\nJean Dubois");
    assert_eq!(text(&r, row_of(&r, "Mot d’ouverture"), KIND), "Séance");
}

#[test]
fn stage_names_are_sanitised_into_distinct_sheet_names() {
    let mut d = testing::event("UTC");
    let names = [
        "Main: A/B [live]",
        "main- a-b (live)",
        "Une très très longue salle de conférence au sous-sol",
    ];
    for n in names {
        let st = testing::stage(&mut d, n);
        testing::session(
            &mut d,
            &st,
            n,
            "2027-03-10T14:00:00Z",
            "2027-03-10T15:00:00Z",
        );
    }
    let wb = open(xlsx(&d, Lang::En).unwrap());
    let sheets = wb.sheet_names();
    assert_eq!(sheets[0], "Main- A-B (live)");
    assert_eq!(sheets[1], "main- a-b (live) (2)");
    assert_eq!(sheets[2], "Une très très longue salle de c");
    assert!(sheets.iter().all(|s| s.chars().count() <= 31));
}

#[test]
fn deterministic_and_errors() {
    let d = demo_event();
    assert_eq!(xlsx(&d, Lang::En).unwrap(), xlsx(&d, Lang::En).unwrap());
    let mut empty = testing::event("UTC");
    let mut wb = open(xlsx(&empty, Lang::FrCa).unwrap());
    assert_eq!(
        wb.sheet_names(),
        ["Déroulement"],
        "an event without stages still opens"
    );
    assert!(text(&wb.worksheet_range("Déroulement").unwrap(), 0, 0).contains("Test event"));
    empty.event.time_zone = "Nowhere/Atlantis".into();
    assert!(matches!(
        xlsx(&empty, Lang::En),
        Err(Error::UnknownTimeZone(_))
    ));
}
