//! Test data and tools shared by the run-of-show tests.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use showcall_core::model::{CueAnchor, CustomCue, EventData, SegmentKind};
use showcall_core::{cues::CueKind, demo, schedule, testing};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The title of the demo's keynote segment (09:07–09:35 in Toronto, Marc-André Gagnon).
pub const KEYNOTE: &str = "Conférence d’ouverture : l’année de l’assurance hybride";
/// A note with every character a French run of show needs, and CSV-hostile punctuation.
pub const FRENCH_NOTE: &str = "Œuvre « Élan » : ça démarre à l’heure, côté scène; \"micro\" n°2";

/// The demo event, with notes on a few segments and a custom cue.
pub fn demo_event() -> EventData {
    let mut d = demo::event();
    let keynote = d.segments.iter_mut().find(|g| g.title == KEYNOTE).unwrap();
    keynote.notes = FRENCH_NOTE.to_string();
    let keynote_id = keynote.id.clone();
    let session_id = keynote.session_id.clone();
    let welcome = d
        .segments
        .iter_mut()
        .find(|g| g.title == "Accueil et consignes")
        .unwrap();
    welcome.notes = "Consignes de sécurité, sorties de secours.\nRappeler le sondage.".into();
    d.custom_cues.push(CustomCue {
        id: "custom-1".into(),
        session_id,
        segment_id: Some(keynote_id),
        anchor: CueAnchor::SegmentStart,
        offset_secs: 60,
        kind: CueKind::OverlayOn,
        text: "Bandeau Marc-André".into(),
        lead_secs: 30,
    });
    d
}

/// The zone an event runs in.
pub fn zone(d: &EventData) -> Tz {
    d.event.time_zone.parse().unwrap()
}

/// A segment's computed start, from the schedule engine.
pub fn segment_start(d: &EventData, title: &str) -> DateTime<Utc> {
    schedule::compute(d)
        .sessions
        .iter()
        .flat_map(|s| &s.segments)
        .find(|g| g.title == title)
        .unwrap()
        .start
}

/// One stage, 10 sessions of 40 segments each, every segment with a long note: several pages.
pub fn big_event() -> EventData {
    let mut d = testing::event("America/Vancouver");
    d.event.name = "Grand congrès annuel".into();
    let st = testing::stage(&mut d, "Plénière");
    let ana = testing::speaker(&mut d, "Anaïs Côté-Lefèbvre");
    let bob = testing::speaker(&mut d, "Robert O’Brien");
    for s in 0..10 {
        let (day, hour) = (1 + s / 4, 15 + (s % 4) * 2);
        let start = format!("2027-06-{day:02}T{hour:02}:00:00Z");
        let end = format!("2027-06-{day:02}T{:02}:00:00Z", hour + 2);
        let title = format!("Séance {s:02} — ateliers parallèles");
        let sid = testing::session(&mut d, &st, &title, &start, &end);
        for g in 0..40 {
            let who: Vec<&str> = if g % 3 == 0 {
                vec![&ana, &bob]
            } else {
                vec![&ana]
            };
            let id = testing::segment(&mut d, &sid, &big_title(s, g), 180, &who);
            let seg = d.segments.iter_mut().find(|x| x.id == id).unwrap();
            seg.kind = if g % 5 == 0 {
                SegmentKind::VideoClip
            } else {
                SegmentKind::Presentation
            };
            seg.notes = format!(
                "Note {s}-{g} : vérifier le micro-cravate, l’éclairage de la scène et le \
                 retour vidéo avant l’entrée du conférencier; prévoir la bouteille d’eau et le \
                 minuteur. {}",
                "Rappel « ça tourne ». ".repeat(g % 4)
            );
        }
    }
    d.normalize();
    d
}

/// The unique title of segment `g` of session `s` of [`big_event`].
pub fn big_title(s: usize, g: usize) -> String {
    format!("Point S{s:02}-{g:02}")
}

/// Runs a poppler tool, failing the test with a clear message when it is not installed.
pub fn poppler(tool: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run {tool} ({e}): install poppler-utils (apt-get install poppler-utils)")
    });
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The text of a PDF as `pdftotext -layout` reads it, one string per page.
pub fn pdf_pages(pdf: &Path) -> Vec<String> {
    let text = String::from_utf8(poppler(
        "pdftotext",
        &["-layout", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    ))
    .unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Every word of a PDF with its box, per page, from `pdftotext -bbox`.
pub struct Word {
    pub page: usize,
    pub text: String,
    pub x_min: f64,
    pub y_min: f64,
    pub x_max: f64,
    pub y_max: f64,
}

pub fn pdf_words(pdf: &Path) -> (Vec<(f64, f64)>, Vec<Word>) {
    let html = String::from_utf8(poppler(
        "pdftotext",
        &["-bbox", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    ))
    .unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let i = tag.find(&key).unwrap() + key.len();
        tag[i..].split('"').next().unwrap().parse().unwrap()
    };
    let mut sizes = Vec::new();
    let mut words = Vec::new();
    for part in html.split('<').skip(1) {
        if part.starts_with("page ") {
            sizes.push((attr(part, "width"), attr(part, "height")));
        } else if part.starts_with("word ") {
            let text = part.split_once('>').unwrap().1.to_string();
            words.push(Word {
                page: sizes.len(),
                text,
                x_min: attr(part, "xMin"),
                y_min: attr(part, "yMin"),
                x_max: attr(part, "xMax"),
                y_max: attr(part, "yMax"),
            });
        }
    }
    (sizes, words)
}

/// Renders page 1 of a PDF to PNG at 80 dpi in `dir`, copies it and the PDF to
/// `target/runsheet-shots/` for a human to look at, and returns the PNG copy's path after
/// checking it is a Letter page.
pub fn shot(pdf: &Path, dir: &Path, name: &str) -> PathBuf {
    let prefix = dir.join(name);
    poppler(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let png = dir.join(format!("{name}.png"));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((w, h), (680, 880), "8.5 × 11 in at 80 dpi");
    let shots = shots_dir();
    let copy = shots.join(format!("{name}.png"));
    std::fs::copy(&png, &copy).unwrap();
    std::fs::copy(pdf, shots.join(format!("{name}.pdf"))).unwrap();
    copy
}

/// `target/runsheet-shots/`, where the tests leave files for a human to look at.
pub fn shots_dir() -> PathBuf {
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
    };
    let dir = target.join("runsheet-shots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
