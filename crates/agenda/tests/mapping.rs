//! Column mapping: what is detected, what stays unmapped, and `COL=FIELD` overrides with
//! their errors.

use showcall_agenda::*;
use showcall_core::i18n::Lang;

fn sheet(csv: &str) -> Sheet {
    read(csv.as_bytes(), &ReadOptions::default()).unwrap()
}

const FR: &str = "Titre;Date;Début;Fin;Salle;Conférenciers;Notes\nA;2027-04-15;9:00;10:00;S;X;n\n";

fn headers() -> Vec<String> {
    sheet(FR).headers
}

#[test]
fn map_errors_say_what_exists() {
    let h = headers();
    let e = parse_override("Salle 2=stage", &h).unwrap_err();
    assert_eq!(
        e.to_string(),
        "--map: no column 'Salle 2' (columns: Titre, Date, Début, Fin, Salle, Conférenciers, Notes)"
    );
    let e = parse_override("F=speeker", &h).unwrap_err();
    assert_eq!(
        e.to_string(),
        "--map: unknown field 'speeker' (fields: title, date, start, end, stage, speakers, description, ignore)"
    );
    assert_eq!(
        e.message(Lang::FrCa),
        "champ inconnu « speeker » (champs : titre, date, début, fin, scène, conférenciers, description, ignorer)"
    );
    let e = parse_override("Salle", &h).unwrap_err();
    assert_eq!(e.to_string(), "--map: expected COL=FIELD, got 'Salle'");
    let e = parse_override("H=title", &h).unwrap_err();
    assert!(
        matches!(e, MapError::NoColumn { .. }),
        "H is past the last column"
    );
    let e = parse_override("0=title", &h).unwrap_err();
    assert!(
        matches!(e, MapError::NoColumn { .. }),
        "numbers are 1-based"
    );

    let mut m = Mapping::detect(&sheet(FR));
    let e = m.apply_args(&["A=title", "Notes=title"]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "--map: field 'title' given to two columns: Titre and Notes"
    );
}

#[test]
fn columns_by_header_letter_or_number() {
    let h = headers();
    let o = |a: &str| parse_override(a, &h).unwrap();
    assert_eq!(
        o("salle=track"),
        Override {
            column: 4,
            field: Field::Stage
        }
    );
    assert_eq!(
        o("SALLE=scène"),
        Override {
            column: 4,
            field: Field::Stage
        }
    );
    assert_eq!(
        o("debut=start"),
        Override {
            column: 2,
            field: Field::Start
        }
    );
    assert_eq!(
        o("G=description"),
        Override {
            column: 6,
            field: Field::Description
        }
    );
    assert_eq!(
        o("g=ignore"),
        Override {
            column: 6,
            field: Field::Ignore
        }
    );
    assert_eq!(
        o("7 = Description"),
        Override {
            column: 6,
            field: Field::Description
        }
    );
}

#[test]
fn detection_reports_mapped_and_unmapped_columns() {
    let m = Mapping::detect(&sheet(FR));
    let r = m.report();
    assert_eq!(r.unmapped, ["Notes"]);
    assert!(r.missing.is_empty() && r.ready && r.has_date);
    assert_eq!(r.columns[5].how, How::Detected);
    assert_eq!(r.columns[6].samples, ["n"]);

    let mut m = m;
    m.apply_args(&["Notes=description"]).unwrap();
    let r = m.report();
    assert!(r.unmapped.is_empty());
    assert_eq!(r.columns[6].field, Some(Field::Description));
    assert_eq!(r.columns[6].how, How::Manual);

    // A single-valued field given by hand leaves the column that had it.
    let mut m = Mapping::detect(&sheet("Session,Nom,Start,End\nA,B,9:00,10:00\n"));
    assert_eq!(m.columns[0].field, Some(Field::Title));
    m.apply_args(&["Nom=title"]).unwrap();
    assert_eq!(m.columns[0].field, None);
    assert_eq!(m.columns[1].field, Some(Field::Title));
}

#[test]
fn missing_required_fields_stop_the_import() {
    let s = sheet("Quoi,Quand,Jusqu'à\nA,9:00,10:00\n");
    let m = Mapping::detect(&s);
    assert_eq!(m.missing(), [Field::Title, Field::Start, Field::End]);
    let e = interpret(&s, &m, DateOrder::DayFirst).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no column for title, start, end (columns: Quoi, Quand, Jusqu'à); name one with COL=FIELD"
    );
    let d = new_event("E", "UTC", "en").unwrap();
    let opts = ImportOptions {
        map: vec![
            "A=title".into(),
            "B=start".into(),
            "C=end".into(),
            "Quand=date".into(),
        ],
        ..Default::default()
    };
    let e = prepare(b"Quoi,Quand,Fin2\nA,9:00,10:00\n", &d, &opts).unwrap_err();
    assert_eq!(
        e.to_string(),
        "--map: column 'Quand' given two fields: start and date"
    );
    let opts = ImportOptions {
        map: vec!["A=title".into(), "B=start".into(), "C=end".into()],
        ..Default::default()
    };
    let p = prepare(b"Quoi,Quand,Fin2\nA,2027-04-15 9:00,10:00\n", &d, &opts).unwrap();
    assert_eq!(p.plan.counts.to_add, 1);
}

#[test]
fn a_file_without_a_header_row_is_refused() {
    let s = sheet("Keynote,9:00,10:00\nPanel,10:00,11:00\n");
    let e = interpret(&s, &Mapping::detect(&s), DateOrder::DayFirst).unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 1 looks like agenda data (“9:00”), not column names: the first row must name the columns"
    );
}

#[test]
fn results_serialise_in_camel_case_for_the_app() {
    let d = new_event("E", "America/Toronto", "en").unwrap();
    let p = prepare(
        b"Title,Date,Start,End,Speakers\nA,2027-04-15,9:00,10:00,Ana\nB,2027-04-15,9h7x,10:00,\n",
        &d,
        &ImportOptions::default(),
    )
    .unwrap();
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["sheet"]["format"], "csv");
    assert_eq!(v["mapping"]["columns"][0]["field"], "title");
    assert_eq!(v["mapping"]["columns"][0]["how"], "detected");
    let s = &v["plan"]["sessions"][0];
    assert_eq!(s["localStart"], "2027-04-15T09:00:00");
    assert_eq!(s["start"], "2027-04-15T13:00:00Z");
    assert_eq!(
        s["stage"],
        serde_json::json!({"kind": "new", "name": "Main stage"})
    );
    assert_eq!(
        s["presenters"][0],
        serde_json::json!({"kind": "new", "name": "Ana"})
    );
    let e = &v["plan"]["errors"][0];
    assert_eq!(e["row"], 3);
    assert_eq!(e["code"], "bad_time");
    assert_eq!(e["message"], "start: cannot read \"9h7x\" as a time");
    assert_eq!(
        e["messageFr"],
        "début (Start) : impossible de lire « 9h7x » comme une heure"
    );
    assert_eq!(v["plan"]["rows"][1]["outcome"], "invalid");
    assert_eq!(
        v["plan"]["rows"][0]["cells"][0],
        serde_json::json!({"column": 0, "field": "title", "text": "A"})
    );
    assert_eq!(v["plan"]["counts"]["toAdd"], 1);
    // And back: the app may hand a plan back to apply.
    let back: Prepared = serde_json::from_value(v).unwrap();
    assert_eq!(back, p);
}

#[test]
fn a_mapping_from_a_wider_sheet_does_not_reach_past_the_columns() {
    let wide = Mapping::detect(&sheet(FR));
    let narrow = sheet("Titre;Date;Début;Fin\nA;2027-04-15;9:00;10:00\n");
    let r = interpret(&narrow, &wide, DateOrder::DayFirst).unwrap();
    assert_eq!(r.rows[0].read.as_ref().unwrap().title, "A");
    let only_two = sheet("Titre;Date\nA;2027-04-15\n");
    let e = interpret(&only_two, &wide, DateOrder::DayFirst).unwrap_err();
    assert!(
        matches!(e, MappingError::Missing { ref missing, .. } if missing == &[Field::Start, Field::End])
    );
}
