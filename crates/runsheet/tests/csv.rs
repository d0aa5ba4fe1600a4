//! The CSV run of show, read back with the `csv` crate.

mod common;

use common::*;
use showcall_core::{i18n::Lang, testing};
use showcall_runsheet::csv;
use std::collections::HashMap;

/// Parses a run-of-show CSV (after its BOM) into its header and rows keyed by column name.
fn read(text: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte-order mark");
    // The header names hold neither separator: its first one tells which is in use.
    let first = body.lines().next().unwrap_or_default();
    let delimiter = if first.contains(';') { b';' } else { b',' };
    let mut r = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            assert_eq!(rec.len(), header.len(), "every row has every column");
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn english_header_and_one_row_per_segment() {
    let d = demo_event();
    let text = csv(&d, Lang::En);
    assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]), "BOM");
    assert!(text.contains("\r\n"), "CRLF line ends");
    let (header, rows) = read(&text);
    assert_eq!(
        header,
        [
            "Stage",
            "Session",
            "Date",
            "Start",
            "End",
            "Segment start",
            "Segment end",
            "Duration",
            "Kind",
            "Segment",
            "Presenters",
            "Cues",
            "Notes"
        ]
    );
    assert_eq!(rows.len(), d.segments.len());
    let titles: Vec<&str> = rows.iter().map(|r| r["Segment"].as_str()).collect();
    for g in &d.segments {
        assert_eq!(
            titles.iter().filter(|t| **t == g.title).count(),
            d.segments.iter().filter(|x| x.title == g.title).count()
        );
    }
    // Stages in order, each session's segments in order.
    assert_eq!(rows[0]["Stage"], "Salle principale");
    assert_eq!(rows[0]["Segment"], "Vidéo d’ouverture");
    assert_eq!(rows.last().unwrap()["Stage"], "Studio B");
}

#[test]
fn times_are_on_the_event_wall_clock() {
    let d = demo_event();
    let (_, rows) = read(&csv(&d, Lang::En));
    let row = rows.iter().find(|r| r["Segment"] == KEYNOTE).unwrap();
    let expected = segment_start(&d, KEYNOTE).with_timezone(&zone(&d));
    assert_eq!(row["Segment start"], expected.format("%H:%M").to_string());
    assert_eq!(
        row["Segment start"], "09:07",
        "09:00 + 2 min clip + 5 min welcome"
    );
    assert_eq!(row["Segment end"], "09:35");
    assert_eq!(row["Duration"], "28:00");
    assert_eq!(row["Start"], "09:00");
    assert_eq!(row["End"], "09:40");
    assert_eq!(row["Date"], "Thursday, April 15, 2027");
    assert_eq!(row["Kind"], "Presentation");
    assert_eq!(row["Stage"], "Salle principale");
    assert_eq!(row["Session"], "Mot d’ouverture");
}

#[test]
fn times_follow_the_event_zone_not_utc() {
    let mut d = testing::event("Europe/Paris");
    let st = testing::stage(&mut d, "Scène");
    let s = testing::session(
        &mut d,
        &st,
        "Matin",
        "2027-03-10T08:00:00Z",
        "2027-03-10T09:30:00Z",
    );
    testing::segment(&mut d, &s, "Ouverture", 90, &[]);
    testing::segment(&mut d, &s, "Longue", 3600 + 300, &[]);
    let (_, rows) = read(&csv(&d, Lang::FrCa));
    assert_eq!(rows[0]["Début"], "09:00", "UTC+1 in March");
    assert_eq!(
        rows[1]["Début du segment"], "09:01:30",
        "seconds shown when not zero"
    );
    assert_eq!(rows[1]["Durée"], "1:05:00");
    assert_eq!(rows[0]["Date"], "mercredi 10 mars 2027");
}

#[test]
fn presenters_cues_and_notes() {
    let d = demo_event();
    let (_, rows) = read(&csv(&d, Lang::En));
    let row = |t: &str| rows.iter().find(|r| r["Segment"] == t).unwrap();
    let keynote = row(KEYNOTE);
    assert_eq!(keynote["Presenters"], "Marc-André Gagnon");
    assert_eq!(
        keynote["Notes"], FRENCH_NOTE,
        "quotes, semicolons and accents survive"
    );
    let cues: Vec<&str> = keynote["Cues"].split(" | ").collect();
    assert_eq!(
        cues,
        [
            "09:07 On stage: Marc-André Gagnon",
            "09:08 Overlay on: Bandeau Marc-André",
            "09:30 Time check: 5 min",
            "09:34 Time check: 1 min"
        ]
    );
    let qa = rows
        .iter()
        .find(|r| r["Segment"] == "Questions de l’auditoire")
        .unwrap();
    assert_eq!(qa["Presenters"], "Marc-André Gagnon; Jean Dubois");
    // Session cues land on the segment running at their instant.
    let first = row("Vidéo d’ouverture");
    assert!(
        first["Cues"].starts_with("08:30 AV check | 08:45 Speaker prep: "),
        "{}",
        first["Cues"]
    );
    assert!(first["Cues"].contains("09:00 Go live"), "{}", first["Cues"]);
    assert!(qa["Cues"].contains("09:40 End stream"), "{}", qa["Cues"]);
    assert!(
        qa["Cues"].contains("10:10 Download recording"),
        "{}",
        qa["Cues"]
    );
    let welcome = row("Accueil et consignes");
    assert_eq!(
        welcome["Notes"],
        "Consignes de sécurité, sorties de secours.\nRappeler le sondage."
    );
}

#[test]
fn french_labels_and_accents() {
    let d = demo_event();
    let text = csv(&d, Lang::FrCa);
    let (header, rows) = read(&text);
    assert_eq!(header[0], "Salle/Scène");
    assert_eq!(header[1], "Séance");
    assert_eq!(header[3], "Début");
    assert_eq!(header[7], "Durée");
    assert_eq!(header[10], "Conférencier(s)");
    assert_eq!(header[11], "Repères");
    let qa = rows
        .iter()
        .find(|r| r["Segment"] == "Questions de l’auditoire")
        .unwrap();
    assert_eq!(qa["Type"], "Période de questions");
    assert_eq!(qa["Date"], "jeudi 15 avril 2027");
    assert!(
        qa["Repères"].contains("09:40 Fin de la diffusion"),
        "{}",
        qa["Repères"]
    );
    let keynote = rows.iter().find(|r| r["Segment"] == KEYNOTE).unwrap();
    assert!(keynote["Repères"].starts_with("09:07 Sur scène : Marc-André Gagnon"));
}

#[test]
fn a_session_without_segments_still_has_a_row() {
    let mut d = testing::event("America/Toronto");
    let st = testing::stage(&mut d, "A");
    testing::session(
        &mut d,
        &st,
        "Vide",
        "2027-03-10T14:00:00Z",
        "2027-03-10T15:00:00Z",
    );
    let (_, rows) = read(&csv(&d, Lang::En));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["Session"], "Vide");
    assert_eq!(rows[0]["Start"], "09:00", "EST, before the spring change");
    assert_eq!(rows[0]["Segment"], "");
    assert!(
        rows[0]["Cues"].contains("09:00 Go live"),
        "{}",
        rows[0]["Cues"]
    );
}

#[test]
fn unknown_zone_falls_back_to_utc_and_output_is_deterministic() {
    let mut d = demo_event();
    assert_eq!(csv(&d, Lang::En), csv(&d, Lang::En));
    d.event.time_zone = "Mars/Olympus_Mons".into();
    let (_, rows) = read(&csv(&d, Lang::En));
    let row = rows.iter().find(|r| r["Segment"] == KEYNOTE).unwrap();
    assert_eq!(row["Segment start"], "13:07", "EDT is UTC−4");
}

#[test]
fn french_uses_semicolons_and_english_commas() {
    let d = demo_event();
    let fr = csv(&d, Lang::FrCa);
    let en = csv(&d, Lang::En);
    let head = |t: &str| t.lines().next().unwrap().to_string();
    assert_eq!(head(&fr).matches(';').count(), 12, "{}", head(&fr));
    assert!(!head(&fr).contains(','));
    assert_eq!(head(&en).matches(',').count(), 12, "{}", head(&en));
    assert_eq!(read(&fr).1.len(), read(&en).1.len());
}
