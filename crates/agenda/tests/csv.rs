//! CSV agendas as customers send them: French Excel (Windows-1252, `;`), UTF-8 with BOM and
//! `,`, tab-separated; row errors with their exact text; date order; a very large file.

use chrono::{DateTime, Utc};
use showcall_agenda::*;
use showcall_core::i18n::Lang;
use showcall_core::model::{new_id, Person, Role, Stage};
use showcall_core::EventData;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn event(locale: &str) -> EventData {
    new_event("Sommet", "America/Toronto", locale).unwrap()
}

fn add_person(d: &mut EventData, name: &str) -> String {
    let id = new_id();
    d.people.push(Person {
        id: id.clone(),
        event_id: d.event.id.clone(),
        name: name.into(),
        role: Role::Host,
        email: String::new(),
        time_zone: None,
        invitation_sent: true,
        tech_check_done: false,
        instructions_sent: false,
    });
    id
}

fn add_stage(d: &mut EventData, name: &str) -> String {
    let id = new_id();
    d.stages.push(Stage {
        id: id.clone(),
        event_id: d.event.id.clone(),
        name: name.into(),
        position: d.stages.len() as u32,
    });
    id
}

fn french_excel_bytes() -> Vec<u8> {
    let text = "Titre;Date;Début;Fin;Salle;Conférenciers\r\n\
        Mot d’ouverture;15/04/2027;9 h 00;9 h 30;Grande salle;\"Élise Tremblay; François Côté\"\r\n\
        Atelier « données »;15/04/2027;10 h 00;11 h 15;salle B;elise tremblay\r\n\
        Panel;16/04/2027;13 h 30;14 h 30;GRANDE SALLE;François Côté et Zoë Lévesque\r\n";
    // "’" and "«" exist in Windows-1252, so the whole text encodes without loss.
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!lossy);
    bytes.into_owned()
}

#[test]
fn french_excel_csv_in_windows_1252_with_semicolons() {
    let bytes = french_excel_bytes();
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let mut d = event("fr-CA");
    let elise = add_person(&mut d, "Élise Tremblay");

    let p = prepare(&bytes, &d, &ImportOptions::default()).unwrap();
    assert_eq!(p.sheet.format, FileFormat::Csv);
    assert_eq!(p.sheet.encoding.as_deref(), Some("windows-1252"));
    assert_eq!(p.sheet.delimiter, Some(';'));
    let fields: Vec<Option<Field>> = p.mapping.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some(Field::Title),
            Some(Field::Date),
            Some(Field::Start),
            Some(Field::End),
            Some(Field::Stage),
            Some(Field::Speakers)
        ]
    );
    assert!(p.mapping.unmapped.is_empty() && p.mapping.ready);
    assert_eq!(p.mapping.columns[2].header, "Début");

    let plan = &p.plan;
    assert!(plan.is_clean(), "{:?}", plan.errors);
    assert_eq!(plan.date_order.order, DateOrder::DayFirst);
    assert_eq!(plan.date_order.basis, OrderBasis::FromFile);
    let s = &plan.sessions;
    assert_eq!(s.len(), 3);
    assert_eq!(s[0].row, 2);
    assert_eq!(s[0].title, "Mot d’ouverture");
    assert_eq!(s[0].start, utc("2027-04-15T13:00:00Z"), "9 h 00 EDT");
    assert_eq!(s[0].end, utc("2027-04-15T13:30:00Z"));
    assert_eq!(s[1].title, "Atelier « données »");
    assert_eq!(s[2].start, utc("2027-04-16T17:30:00Z"));
    // "Grande salle" and "GRANDE SALLE" are one new stage; "salle B" another.
    let stages: Vec<&str> = plan
        .stages_to_create
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(stages, ["Grande salle", "salle B"]);
    assert_eq!(
        s[2].stage,
        StageRef::New {
            name: "Grande salle".into()
        }
    );
    // Élise is matched whatever the case and accents; François and Zoë are new, once each.
    assert_eq!(
        s[0].presenters[0],
        PersonRef::Existing {
            id: elise.clone(),
            name: "Élise Tremblay".into(),
            written: "Élise Tremblay".into()
        }
    );
    assert_eq!(
        s[1].presenters,
        [PersonRef::Existing {
            id: elise.clone(),
            name: "Élise Tremblay".into(),
            written: "elise tremblay".into()
        }]
    );
    let new: Vec<&str> = plan
        .people_to_create
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(new, ["François Côté", "Zoë Lévesque"]);
    assert_eq!(plan.people_matched.len(), 2);

    let after = apply(&d, plan);
    showcall_core::validate::event_data(&after).unwrap();
    assert_eq!(after.sessions.len(), 3);
    assert_eq!(after.stages.len(), 2);
    assert_eq!(after.people.len(), 3);
    let seg = after
        .segments
        .iter()
        .find(|g| g.title == "Mot d’ouverture")
        .unwrap();
    assert_eq!(seg.duration_secs, 30 * 60);
    assert_eq!(seg.kind, showcall_core::model::SegmentKind::Presentation);
    assert_eq!(seg.presenter_ids.len(), 2);
    assert!(seg.presenter_ids.contains(&elise));
    let francois = after
        .people
        .iter()
        .find(|p| p.name == "François Côté")
        .unwrap();
    assert_eq!(francois.role, Role::Speaker);
    assert!(!after.tasks.is_empty(), "tasks follow the new sessions");

    // Importing the same file again adds nothing.
    let again = prepare(&bytes, &after, &ImportOptions::default())
        .unwrap()
        .plan;
    assert_eq!(again.counts.to_add, 0);
    assert_eq!(again.counts.already_in_event, 3);
    assert!(again.people_to_create.is_empty() && again.stages_to_create.is_empty());
    assert_eq!(
        again.skipped[0].line(Lang::En),
        "row 2: already in the event (\"Mot d’ouverture\" on Grande salle at 2027-04-15 09:00): skipped"
    );
    let twice = apply(&after, &again);
    assert_eq!(twice.sessions.len(), 3);
    assert_eq!(twice.people.len(), 3);
}

#[test]
fn utf8_with_bom_and_commas_month_first() {
    let text = "\u{feff}Title,Date,Start,End,Stage,Speakers,Description,Notes\n\
        Opening keynote,04/15/2027,9:00 AM,9:45 AM,Main,\"Ana Li, PhD; Bo Chen\",\"Welcome,\nand the year ahead\",x\n\
        Closing,04/16/2027,4:30 pm,5:00 pm,,Bo Chen,,\n";
    let mut d = event("en");
    let main = add_stage(&mut d, "main");
    let p = prepare(text.as_bytes(), &d, &ImportOptions::default()).unwrap();
    assert_eq!(p.sheet.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(p.sheet.delimiter, Some(','));
    assert_eq!(p.mapping.unmapped, ["Notes"]);
    assert_eq!(p.mapping.columns[0].header, "Title", "BOM stripped");
    let plan = &p.plan;
    assert!(plan.is_clean(), "{:?}", plan.errors);
    assert_eq!(plan.date_order.order, DateOrder::MonthFirst);
    assert_eq!(
        plan.date_order.note(Lang::En).unwrap(),
        "dates read as month/day/year (row 2: \"04/15/2027\")"
    );
    let s = &plan.sessions;
    assert_eq!(s[0].start, utc("2027-04-15T13:00:00Z"));
    assert_eq!(s[0].description, "Welcome,\nand the year ahead");
    assert_eq!(
        s[0].stage,
        StageRef::Existing {
            id: main.clone(),
            name: "main".into()
        }
    );
    let names: Vec<&str> = plan
        .people_to_create
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Ana Li, PhD", "Bo Chen"]);
    // No stage in the cell: the event's first stage.
    assert_eq!(
        s[1].stage,
        StageRef::Existing {
            id: main,
            name: "main".into()
        }
    );
    assert_eq!(s[1].end, utc("2027-04-16T21:00:00Z"));
    // Next rows are numbered past the embedded newline as records, not lines.
    assert_eq!(s[1].row, 3);
    let after = apply(&d, plan);
    showcall_core::validate::event_data(&after).unwrap();
    let seg = after
        .segments
        .iter()
        .find(|g| g.title == "Opening keynote")
        .unwrap();
    assert_eq!(seg.notes, "Welcome,\nand the year ahead");
}

#[test]
fn plain_utf8_tab_separated_with_date_times_and_no_date_column() {
    let text = "Session\tFrom\tTo\tRoom\tPresenters\n\
        Keynote\t2027-04-15 09:00\t2027-04-15T10:00\tHall\tAna\n\
        \n\
        Panel\t2027-04-15 10:30\t11:15\tHall\tBo and Cy\n\
        Late\t9:00\t10:00\tHall\t\n";
    let d = event("en");
    let p = prepare(text.as_bytes(), &d, &ImportOptions::default()).unwrap();
    assert_eq!(p.sheet.delimiter, Some('\t'));
    assert!(!p.mapping.has_date);
    let plan = &p.plan;
    assert_eq!(plan.sessions.len(), 2);
    assert_eq!(plan.sessions[1].row, 4, "the blank line is row 3");
    assert_eq!(
        plan.sessions[1].end,
        utc("2027-04-15T15:15:00Z"),
        "end takes the start's date"
    );
    assert_eq!(plan.sessions[1].presenters.len(), 2);
    let errors: Vec<String> = plan.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        ["row 5: start (From): \"9:00\" has no date and there is no date column"]
    );
    // With no stage in the event, a stage named after the value is created.
    assert_eq!(plan.stages_to_create[0].name, "Hall");
}

const BAD: &str = "Title,Date,Start,End,Stage\n\
    Good,2027-04-15,9:00,10:00,Main\n\
    Bad time,2027-04-15,9h7x,10:00,Main\n\
    ,2027-04-15,9:00,10:00,Main\n\
    Bad date,31/02/2027,9:00,10:00,Main\n\
    Spring forward,2027-03-14,2:30,3:30,Main\n\
    Fall back,2027-11-07,0:30,1:30,Main\n\
    Backwards,2027-04-15,10:30,10:00,Main\n\
    Overlapping,2027-04-15,9:30,10:30,Main\n\
    No end,2027-04-15,9:30,,Main\n";

#[test]
fn row_errors_name_the_row_the_field_and_the_value() {
    let d = event("en");
    let p = prepare(BAD.as_bytes(), &d, &ImportOptions::default())
        .unwrap()
        .plan;
    let lines: Vec<String> = p.errors.iter().map(|e| e.line(Lang::En)).collect();
    assert_eq!(
        lines,
        [
            "row 3: start: cannot read \"9h7x\" as a time",
            "row 4: title is empty",
            "row 5: date: \"31/02/2027\" is not a date",
            "row 6: start 2027-03-14 02:30 does not exist in America/Toronto (the clocks spring forward then)",
            "row 7: end 2027-11-07 01:30 is ambiguous in America/Toronto (it happens twice when the clocks fall back)",
            "row 8: end 10:00 is before start 10:30",
            "row 10: end is empty",
        ]
    );
    let fr: Vec<String> = p.errors.iter().map(|e| e.line(Lang::FrCa)).collect();
    assert_eq!(
        fr[0],
        "ligne 3 : début (Start) : impossible de lire « 9h7x » comme une heure"
    );
    assert_eq!(fr[1], "ligne 4 : titre (Title) : la cellule est vide");
    assert_eq!(fr[5], "ligne 8 : la fin 10 h 00 est avant le début 10 h 30");
    assert_eq!(p.errors[0].code, IssueCode::BadTime);
    assert_eq!(p.errors[0].field, Some(Field::Start));
    assert_eq!(p.errors[0].column.as_deref(), Some("Start"));
    // An overlap on the same stage is a warning: the row is still imported.
    let warnings: Vec<String> = p.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["row 9: overlaps row 2 on stage Main (09:30–10:00)"]
    );
    assert_eq!(
        p.warnings[0].text(Lang::FrCa),
        "chevauche la ligne 2 sur la scène Main (9 h 30–10 h 00)"
    );
    assert_eq!(p.counts.to_add, 2);
    assert_eq!(p.counts.invalid, 7);
    // Applying keeps only the valid rows (the caller decides whether to).
    let after = apply(&d, &p);
    showcall_core::validate::event_data(&after).unwrap();
    assert_eq!(after.sessions.len(), 2);
}

#[test]
fn overlaps_with_sessions_already_in_the_event_are_warnings() {
    let mut d = event("en");
    let main = add_stage(&mut d, "Main");
    d.sessions.push(showcall_core::model::Session {
        id: new_id(),
        event_id: d.event.id.clone(),
        stage_id: main,
        title: "Breakfast".into(),
        start: utc("2027-04-15T12:00:00Z"),
        end: utc("2027-04-15T13:15:00Z"),
        livestream: false,
        recording: false,
        vod: false,
        restream: false,
    });
    let csv = "Title,Date,Start,End,Stage\nKeynote,2027-04-15,9:00,10:00,main\nOther,2027-04-15,9:00,10:00,Side\n";
    let p = prepare(csv.as_bytes(), &d, &ImportOptions::default())
        .unwrap()
        .plan;
    let warnings: Vec<String> = p.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["row 2: overlaps \"Breakfast\" (already in the event) on stage Main (09:00–09:15)"]
    );
}

#[test]
fn ambiguous_numeric_dates_follow_the_file_or_the_hint() {
    let only_ambiguous = "Title,Date,Start,End\nA,04/05/2027,9:00,10:00\n";
    let d = event("en");
    let day_first = ImportOptions {
        date_order: Some(DateOrder::DayFirst),
        ..Default::default()
    };
    let p = prepare(only_ambiguous.as_bytes(), &d, &day_first)
        .unwrap()
        .plan;
    assert_eq!(p.date_order.basis, OrderBasis::Assumed);
    assert_eq!(p.sessions[0].local_start.to_string(), "2027-05-04 09:00:00");
    assert_eq!(
        p.notes(Lang::En),
        ["every date in the file reads both day/month and month/day: assumed day/month/year"]
    );
    // No hint: the event's language (English: month first).
    let p = prepare(only_ambiguous.as_bytes(), &d, &ImportOptions::default())
        .unwrap()
        .plan;
    assert_eq!(p.date_order.basis, OrderBasis::Assumed);
    assert_eq!(p.sessions[0].local_start.to_string(), "2027-04-05 09:00:00");
    // A French event assumes day first.
    let p = prepare(
        only_ambiguous.as_bytes(),
        &event("fr-CA"),
        &ImportOptions::default(),
    )
    .unwrap()
    .plan;
    assert_eq!(p.sessions[0].local_start.to_string(), "2027-05-04 09:00:00");

    // One value that reads only one way settles the whole file, whatever the hint.
    let day = "Title,Date,Start,End\nA,04/05/2027,9:00,10:00\nB,13/05/2027,9:00,10:00\n";
    let p = prepare(day.as_bytes(), &d, &ImportOptions::default())
        .unwrap()
        .plan;
    assert_eq!(p.date_order.order, DateOrder::DayFirst);
    assert_eq!(p.date_order.basis, OrderBasis::FromFile);
    assert_eq!(p.date_order.evidence_row, Some(3));
    assert_eq!(p.sessions[0].local_start.to_string(), "2027-05-04 09:00:00");
    let month = "Title,Date,Start,End\nA,04/05/2027,9:00,10:00\nB,05/13/2027,9:00,10:00\n";
    let p = prepare(month.as_bytes(), &d, &day_first).unwrap().plan;
    assert_eq!(p.date_order.order, DateOrder::MonthFirst);
    assert_eq!(p.sessions[0].local_start.to_string(), "2027-04-05 09:00:00");

    // A file mixing both: the first decisive value wins and the other row says why it fails.
    let mixed = "Title,Date,Start,End\nA,15/04/2027,9:00,10:00\nB,04/16/2027,9:00,10:00\n";
    let p = prepare(mixed.as_bytes(), &d, &ImportOptions::default())
        .unwrap()
        .plan;
    assert_eq!(
        p.errors[0].to_string(),
        "row 3: date: \"04/16/2027\" is not a date (dates in this file are day/month/year)"
    );
}

#[test]
fn dates_and_times_as_customers_write_them() {
    let text = "Titre;Jour;De;À\n\
        A;jeudi 15 avril 2027;9h;9h30\n\
        B;April 15, 2027;9:30 AM;10:00 AM\n\
        C;Thu Apr 15 2027;13:30:00;1:45 pm\n\
        D;15.04.2027;14 h 00;14 h 15\n\
        E;mercredi 15 avril 2027;15 h;15 h 30\n";
    let d = event("fr-CA");
    let p = prepare(text.as_bytes(), &d, &ImportOptions::default())
        .unwrap()
        .plan;
    assert!(p.is_clean(), "{:?}", p.errors);
    let starts: Vec<String> = p
        .sessions
        .iter()
        .map(|s| s.local_start.to_string())
        .collect();
    assert_eq!(
        starts,
        [
            "2027-04-15 09:00:00",
            "2027-04-15 09:30:00",
            "2027-04-15 13:30:00",
            "2027-04-15 14:00:00",
            "2027-04-15 15:00:00"
        ]
    );
    assert_eq!(
        p.warnings[0].line(Lang::FrCa),
        "ligne 6 : date (Jour) : « mercredi 15 avril 2027 » : le 2027-04-15 est un jeudi"
    );
}

#[test]
fn a_row_repeated_in_the_file_is_added_once() {
    let text = "Title,Date,Start,End\nA,2027-04-15,9:00,10:00\na,2027-04-15,9:00,10:00\n";
    let p = prepare(text.as_bytes(), &event("en"), &ImportOptions::default())
        .unwrap()
        .plan;
    assert_eq!(p.counts.to_add, 1);
    assert_eq!(
        p.skipped[0].to_string(),
        "row 3: same session as row 2: skipped"
    );
}

#[test]
fn a_hundred_thousand_rows() {
    let first_day = chrono::NaiveDate::from_ymd_opt(2028, 1, 3).unwrap();
    let mut text = String::from("Title;Date;Start;End;Stage;Speakers\n");
    for i in 0..100_000u32 {
        let stage = i % 50;
        let slot = i / 50; // 2,000 sessions of 10 minutes every 15 minutes per stage
        let day = first_day + chrono::Duration::days((slot / 40) as i64);
        let minutes = 8 * 60 + (slot % 40) * 15;
        let (h, m) = (minutes / 60, minutes % 60);
        text.push_str(&format!(
            "Session {i};{};{h} h {m:02};{h}:{:02};Salle {stage};Speaker {} et Speaker {}\n",
            day.format("%d/%m/%Y"),
            m + 10,
            i % 997,
            i % 13
        ));
    }
    let p = prepare(text.as_bytes(), &event("fr-CA"), &ImportOptions::default()).unwrap();
    assert_eq!(p.sheet.data_rows, 100_000);
    let plan = p.plan;
    assert!(
        plan.is_clean(),
        "{:?}",
        &plan.errors[..plan.errors.len().min(3)]
    );
    assert_eq!(plan.counts.to_add, 100_000);
    assert_eq!(plan.rows.last().unwrap().row, 100_001);
    assert_eq!(plan.stages_to_create.len(), 50);
    assert_eq!(plan.people_to_create.len(), 997);
    assert!(plan.warnings.is_empty(), "{:?}", &plan.warnings[..1]);
}
