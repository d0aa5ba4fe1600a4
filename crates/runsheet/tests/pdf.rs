//! The PDF run of show, read back with poppler's pdftotext and rendered with pdftoppm.

mod common;

use common::*;
use showcall_core::i18n::Lang;
use showcall_runsheet::{pdf, Error};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Collapses runs of blanks, so text that `-layout` spreads out can be searched.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every word lies inside the page's margins and no two words of a page overlap.
fn assert_clean_layout(path: &Path) {
    let (sizes, words) = pdf_words(path);
    assert!(!words.is_empty());
    for w in &words {
        let (pw, ph) = sizes[w.page - 1];
        assert!(
            w.x_min >= 30.0 && w.x_max <= pw - 30.0 && w.y_min >= 20.0 && w.y_max <= ph - 10.0,
            "{:?} runs off page {} at ({:.1}, {:.1})–({:.1}, {:.1})",
            w.text,
            w.page,
            w.x_min,
            w.y_min,
            w.x_max,
            w.y_max
        );
    }
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            if a.page != b.page {
                continue;
            }
            let dx = a.x_max.min(b.x_max) - a.x_min.max(b.x_min);
            let dy = a.y_max.min(b.y_max) - a.y_min.max(b.y_min);
            assert!(
                dx <= 0.5 || dy <= 0.5,
                "{:?} and {:?} overlap on page {}",
                a.text,
                b.text,
                a.page
            );
        }
    }
}

#[test]
fn english_demo_has_header_footer_and_every_session() {
    let dir = tempfile::tempdir().unwrap();
    let d = demo_event();
    let bytes = pdf(&d, Lang::En).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(bytes, pdf(&d, Lang::En).unwrap(), "deterministic");
    let path = write(dir.path(), "demo-en.pdf", &bytes);
    let pages = pdf_pages(&path);
    let n = pages.len();
    assert!(n >= 2, "one stage per page at least: {n}");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Sommet Boréal 2027"),
            "page {}: {page}",
            i + 1
        );
        assert!(
            page.contains("Time zone: America/Toronto"),
            "page {}",
            i + 1
        );
        assert!(
            page.contains(&format!("Page {} of {n}", i + 1)),
            "page {}: {page}",
            i + 1
        );
    }
    let all = squeeze(&pages.join("\n"));
    for s in &d.sessions {
        assert!(
            all.contains(&squeeze(&s.title)),
            "session {:?} missing",
            s.title
        );
    }
    for stage in ["Stage: Salle principale", "Stage: Studio B"] {
        assert!(all.contains(stage), "{stage}");
    }
    for s in [
        "Thursday, April 15, 2027",
        "09:00–09:40",
        "09:07–09:35",
        "28:00",
        "Marc-André Gagnon",
        "09:30 Time check: 5 min",
        "Session cues: 08:30 AV check",
        "Time Segment Presenters Cues Notes",
    ] {
        assert!(all.contains(s), "{s:?} missing");
    }
    assert_clean_layout(&path);
    let png = shot(&path, dir.path(), "demo-en-page1");
    println!("page 1: {}", png.display());
}

#[test]
fn french_demo_renders_accents_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let d = demo_event();
    let path = write(dir.path(), "demo-fr.pdf", &pdf(&d, Lang::FrCa).unwrap());
    let pages = pdf_pages(&path);
    let n = pages.len();
    assert!(pages[0].contains(&format!("Page 1 de {n}")), "{}", pages[0]);
    assert!(pages[0].contains("Fuseau horaire : America/Toronto (heure locale)"));
    let all = squeeze(&pages.join("\n"));
    for s in [
        "Déroulement",
        "Salle/Scène : Salle principale",
        "Heure Segment Conférencier(s) Repères Notes",
        "jeudi 15 avril 2027",
        "Durée : 40:00",
        "Diffusion en direct",
        "Mot d’ouverture",
        "Feuille de route produit 2027",
        "Période de questions",
        "Hélène Tremblay",
        "Vérification audio-vidéo",
        "Œuvre « Élan » : ça démarre à",
        "09:07 Sur scène :",
    ] {
        assert!(all.contains(s), "{s:?} missing from:\n{all}");
    }
    assert_clean_layout(&path);
    let png = shot(&path, dir.path(), "demo-fr-page1");
    println!("page 1: {}", png.display());
}

#[test]
fn a_big_event_breaks_across_numbered_pages() {
    let dir = tempfile::tempdir().unwrap();
    let d = big_event();
    let path = write(dir.path(), "big.pdf", &pdf(&d, Lang::FrCa).unwrap());
    let pages = pdf_pages(&path);
    let n = pages.len();
    assert!(n >= 10, "400 segments with long notes take many pages: {n}");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} de {n}", i + 1)),
            "page {}",
            i + 1
        );
        assert!(page.contains("Grand congrès annuel"), "page {}", i + 1);
        assert!(page.contains("America/Vancouver"), "page {}", i + 1);
        if i > 0 {
            // Every page goes on with a table: its header is repeated.
            assert!(
                squeeze(page).contains("Heure Segment Conférencier(s) Repères Notes"),
                "page {}",
                i + 1
            );
        }
    }
    assert!(
        pages.iter().skip(1).any(|p| p.contains("(suite)")),
        "continued sessions are marked"
    );
    let all = pages.join("\n");
    for s in 0..10 {
        for g in 0..40 {
            let t = big_title(s, g);
            // A video clip's title is also its "play clip" cue.
            let expected = if g % 5 == 0 { 2 } else { 1 };
            assert_eq!(all.matches(&t).count(), expected, "{t}");
        }
        assert!(all.contains(&format!("Séance {s:02} — ateliers parallèles")));
    }
    // Vancouver is UTC−7 in June: 15:00 UTC is 08:00.
    assert!(all.contains("08:00–08:03"));
    assert_clean_layout(&path);
    let png = shot(&path, dir.path(), "big-fr-page1");
    println!("page 1: {}", png.display());
}

#[test]
fn a_row_taller_than_a_page_is_split_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = demo_event();
    let words: Vec<String> = (0..1500).map(|i| format!("mot{i}")).collect();
    d.segments[0].notes = words.join(" ");
    let path = write(dir.path(), "tall.pdf", &pdf(&d, Lang::FrCa).unwrap());
    let all = pdf_pages(&path).join("\n");
    for w in &words {
        assert!(
            all.contains(&format!("{w} ")) || all.contains(&format!("{w}\n")),
            "{w} lost"
        );
    }
    assert_clean_layout(&path);
}

#[test]
fn unknown_zone_is_an_error() {
    let mut d = demo_event();
    d.event.time_zone = "Mars/Olympus_Mons".into();
    assert!(
        matches!(pdf(&d, Lang::En), Err(Error::UnknownTimeZone(z)) if z == "Mars/Olympus_Mons")
    );
}

#[test]
fn an_empty_event_is_one_page_with_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let d = showcall_core::testing::event("Europe/Paris");
    let path = write(dir.path(), "empty.pdf", &pdf(&d, Lang::En).unwrap());
    let pages = pdf_pages(&path);
    assert_eq!(pages.len(), 1);
    assert!(pages[0].contains("Test event"));
    assert!(pages[0].contains("Time zone: Europe/Paris"));
    assert!(pages[0].contains("Page 1 of 1"));
}
