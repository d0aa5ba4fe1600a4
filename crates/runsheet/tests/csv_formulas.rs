//! Text people typed cannot become a spreadsheet formula in the CSV run of show (OWASP's CSV
//! injection advice), while the times and durations the app writes stay as they are.

use showcall_core::{i18n::Lang, testing};
use showcall_runsheet::csv;
use std::collections::HashMap;

const LINK: &str = "=HYPERLINK(\"http://x\",\"y\")";

/// Reads the CSV as a spreadsheet would: rows keyed by column name.
fn rows(text: &str, delimiter: u8) -> Vec<HashMap<String, String>> {
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut r = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    r.records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect()
}

#[test]
fn text_cells_that_start_like_a_formula_get_a_leading_quote() {
    let mut d = testing::event("America/Toronto");
    let st = testing::stage(&mut d, "@SUM(A1:A9)");
    let who = testing::speaker(&mut d, "+1 555 0100");
    let s = testing::session(
        &mut d,
        &st,
        "-2+3",
        "2027-03-10T14:00:00Z",
        "2027-03-10T15:00:00Z",
    );
    let id = testing::segment(&mut d, &s, LINK, 90, &[&who]);
    let seg = d.segments.iter_mut().find(|g| g.id == id).unwrap();
    seg.notes = "\tcmd|' /C calc'!A0".into();
    let tail = testing::segment(&mut d, &s, "Plain title", 600, &[]);
    d.segments.iter_mut().find(|g| g.id == tail).unwrap().notes = "\r=1+1".into();

    for (lang, delimiter) in [(Lang::En, b','), (Lang::FrCa, b';')] {
        let rows = rows(&csv(&d, lang), delimiter);
        let cell =
            |i: usize, en: &str, fr: &str| rows[i][if lang == Lang::En { en } else { fr }].clone();
        assert_eq!(cell(0, "Segment", "Segment"), format!("'{LINK}"));
        assert_eq!(cell(0, "Stage", "Salle/Scène"), "'@SUM(A1:A9)");
        assert_eq!(cell(0, "Session", "Séance"), "'-2+3");
        assert_eq!(cell(0, "Presenters", "Conférencier(s)"), "'+1 555 0100");
        assert_eq!(cell(0, "Notes", "Notes"), "'\tcmd|' /C calc'!A0");
        assert_eq!(cell(1, "Notes", "Notes"), "'\r=1+1");
        // Plain text and what the app writes itself are untouched.
        assert_eq!(cell(1, "Segment", "Segment"), "Plain title");
        assert_eq!(cell(0, "Duration", "Durée"), "1:30");
        assert_eq!(cell(1, "Duration", "Durée"), "10:00");
        assert_eq!(cell(0, "Start", "Début"), "09:00");
        assert!(cell(0, "Cues", "Repères").starts_with("0"), "{rows:?}");
    }
}
