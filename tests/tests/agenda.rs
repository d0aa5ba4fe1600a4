//! A customer's French Excel agenda (Windows-1252, semicolons) imported in the real window into
//! a new event: the columns are detected, every row is previewed as it will be read, the
//! invalid row shows its error (in English, then in French), nothing is imported until the
//! user agrees to leave it out, then the valid rows land in the database. A workbook whose agenda
//! is on its second sheet is read from there, and another sheet can be picked.

use showcall_core::store::Store;
use showcall_e2e::{bounded, App};
use std::time::Duration;

const AGENDA: &str = "Titre;Date;Début;Fin;Salle;Conférenciers\r\n\
    Mot d’ouverture;15/04/2027;9 h 00;9 h 30;Salle A;\"Élise Tremblay; François Côté\"\r\n\
    Panel;15/04/2027;10 h 30;10 h 00;Salle A;Jean Roy\r\n\
    Atelier;15/04/2027;11 h;12 h;Salle B;élise tremblay\r\n";

#[tokio::test(flavor = "multi_thread")]
async fn a_french_excel_agenda_is_previewed_row_by_row_and_imports_the_rows_the_user_accepts() {
    let data = tempfile::tempdir().unwrap();
    let csv = data.path().join("programme.csv");
    std::fs::write(&csv, showcall_core::testing::cp1252(AGENDA)).unwrap();
    bounded(Duration::from_secs(240), async {
        let app = App::start(data.path()).await;
        app.click("[data-testid=import-agenda]").await;
        app.fill("[data-testid=agenda-new-name]", "Forum 2027")
            .await;
        app.fill("[data-testid=agenda-new-tz]", "America/Toronto")
            .await;
        app.fill("[data-testid=agenda-path]", csv.to_str().unwrap())
            .await;
        app.click("[data-testid=read-agenda]").await;
        app.find("[data-testid=agenda-preview]").await;

        // The French headers were recognised: "Début" is the start column.
        let start = app
            .find("[data-testid=agenda-column][data-letter=C] [data-testid=agenda-field]")
            .await;
        assert_eq!(start.prop("value").await.unwrap().as_deref(), Some("start"));

        let rows = app.wait_count("[data-testid=agenda-row]", 3).await;
        let mut outcomes = Vec::new();
        for r in &rows {
            outcomes.push(r.attr("data-outcome").await.unwrap().unwrap_or_default());
        }
        assert_eq!(outcomes, ["add", "invalid", "add"]);
        let bad = app
            .find("[data-testid=agenda-row][data-row='3'] [data-testid=agenda-row-error]")
            .await;
        let msg = app.text(&bad).await;
        assert!(msg.contains("end 10:00 is before start 10:30"), "{msg}");
        let first = app.text(&rows[0]).await;
        assert!(
            first.contains("Mot d’ouverture") && first.contains("Élise Tremblay"),
            "{first}"
        );

        // Nothing is imported until the user agrees to leave the invalid row out.
        let import = app.find("[data-testid=import-agenda-rows]").await;
        assert!(!import.is_enabled().await.unwrap());
        app.click("[data-testid=accept-valid]").await;
        assert!(import.is_enabled().await.unwrap());
        app.scroll_to("[data-testid=agenda-preview]").await;
        app.screenshot("agenda-preview").await;

        // The same preview in French: the row's error in French.
        app.click("[data-testid=lang-fr-CA]").await;
        app.click("[data-testid=read-agenda]").await;
        app.wait_text("the French row error", |t| {
            t.contains("la fin 10 h 00 est avant le début 10 h 30")
        })
        .await;
        app.scroll_to("[data-testid=agenda-preview]").await;
        app.screenshot("agenda-preview-fr").await;
        app.click("[data-testid=lang-en]").await;
        app.click("[data-testid=read-agenda]").await;
        // Read again (in English): the row's error says so once the preview is back.
        app.wait_text("the English row error", |t| {
            t.contains("end 10:00 is before start 10:30")
        })
        .await;
        // The re-read may still be under way: once it is back, the box may need ticking again.
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        loop {
            let accept = app.find("[data-testid=accept-valid]").await;
            if accept.prop("checked").await.unwrap().as_deref() != Some("true") {
                app.click("[data-testid=accept-valid]").await;
            }
            let import = app.find("[data-testid=import-agenda-rows]").await;
            if import.is_enabled().await.unwrap() {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "Import never enabled");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        app.click("[data-testid=import-agenda-rows]").await;
        let res = app.find("[data-testid=agenda-result]").await;
        let text = app.text(&res).await;
        assert!(text.contains('2'), "{text}");
        app.quit().await;
    })
    .await;

    let s = Store::open(data.path().join("ca.showcall.desktop/showcall.db")).unwrap();
    let id = s.find_event("Forum 2027").unwrap();
    let d = s.load(&id).unwrap();
    let titles: Vec<&str> = d.sessions.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(titles, ["Mot d’ouverture", "Atelier"]);
    let mut names: Vec<&str> = d.people.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["François Côté", "Élise Tremblay"]);
    assert_eq!(d.stages.len(), 2);
}

/// Whether the page shows `css` now.
async fn shows(app: &App, css: &str) -> bool {
    !app.all(css).await.is_empty()
}

/// Waits until `css` is gone from the page.
async fn wait_gone(app: &App, css: &str) {
    let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
    while shows(app, css).await {
        assert!(
            std::time::Instant::now() < deadline,
            "{css} never went away"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_workbook_with_a_sheet_of_notes_first_is_read_from_its_agenda_sheet_and_the_sheet_can_be_picked(
) {
    let data = tempfile::tempdir().unwrap();
    let ods = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/agenda/tests/fixtures/agenda.ods");
    assert!(ods.is_file(), "{}", ods.display());
    bounded(Duration::from_secs(240), async {
        let app = App::start(data.path()).await;
        app.click("[data-testid=import-agenda]").await;
        app.fill("[data-testid=agenda-new-name]", "Sommet 2027")
            .await;
        app.fill("[data-testid=agenda-new-tz]", "America/Toronto")
            .await;
        app.fill("[data-testid=agenda-path]", ods.to_str().unwrap())
            .await;
        app.click("[data-testid=read-agenda]").await;
        app.find("[data-testid=agenda-preview]").await;

        // The first sheet ("Notes") holds no agenda: "Programme" was read, and says so.
        let sheet = app.find("[data-testid=agenda-sheet]").await;
        assert_eq!(
            sheet.prop("value").await.unwrap().as_deref(),
            Some("Programme")
        );
        let facts = app.text(&app.find("[data-testid=agenda-file]").await).await;
        assert!(
            facts.contains("“Programme”") && facts.contains("(2 of 2 sheets)"),
            "{facts}"
        );
        app.wait_count("[data-testid=agenda-row]", 4).await;

        // The sheet of notes, picked: refused, with nothing to import.
        sheet.select_by_value("Notes").await.unwrap();
        let err = app.find("[data-testid=agenda-error]").await;
        let msg = app.text(&err).await;
        assert!(msg.contains("but no agenda rows"), "{msg}");
        wait_gone(&app, "[data-testid=agenda-preview]").await;
        assert!(!shows(&app, "[data-testid=import-agenda-rows]").await);
        assert!(
            !shows(&app, "[data-testid=agenda-file]").await,
            "the facts of the sheet read before are not shown beside the sheet picked"
        );
        let sheet = app.find("[data-testid=agenda-sheet]").await;
        assert_eq!(sheet.prop("value").await.unwrap().as_deref(), Some("Notes"));
        app.scroll_to("[data-testid=agenda-error]").await;
        app.screenshot("agenda-ods-sheet-refused").await;

        // Back to "Programme": its rows again.
        sheet.select_by_value("Programme").await.unwrap();
        app.find("[data-testid=agenda-preview]").await;
        wait_gone(&app, "[data-testid=agenda-error]").await;
        let rows = app.wait_count("[data-testid=agenda-row]", 4).await;
        let mut outcomes = Vec::new();
        for r in &rows {
            outcomes.push(r.attr("data-outcome").await.unwrap().unwrap_or_default());
        }
        assert_eq!(outcomes, ["add", "add", "add", "add"]);
        app.scroll_to("[data-testid=agenda-mapping]").await;
        app.screenshot("agenda-ods-sheet").await;

        app.click("[data-testid=import-agenda-rows]").await;
        let res = app.find("[data-testid=agenda-result]").await;
        let text = app.text(&res).await;
        assert!(text.contains('4'), "{text}");
        app.quit().await;
    })
    .await;

    let s = Store::open(data.path().join("ca.showcall.desktop/showcall.db")).unwrap();
    let id = s.find_event("Sommet 2027").unwrap();
    let d = s.load(&id).unwrap();
    let titles: Vec<&str> = d.sessions.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(titles, ["Mot d’ouverture", "Panel", "Atelier", "Jour 2"]);
    let mut stages: Vec<&str> = d.stages.iter().map(|x| x.name.as_str()).collect();
    stages.sort();
    // Jour 2 has no stage: the new (English) event's default one.
    assert_eq!(stages, ["Grande salle", "Main stage", "Salle B"]);
}

/// A long agenda is previewed a page at a time: the shell keeps the rows and sends the pages the
/// user asks for, all rows or only those with problems, with a repeated row naming the row it
/// repeats.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_agenda_is_previewed_a_page_at_a_time() {
    let data = tempfile::tempdir().unwrap();
    let csv = data.path().join("long.csv");
    let mut text = String::from("Title,Date,Start,End,Stage\n");
    for i in 0..700u32 {
        // Every 50th row ends before it starts (an error).
        let end = if i % 50 == 7 { "08:00" } else { "10:00" };
        text.push_str(&format!("Session {i},2027-04-15,09:00,{end},Room {i}\n"));
    }
    // Row 702 repeats row 2.
    text.push_str("Session 0,2027-04-15,09:00,10:00,Room 0\n");
    std::fs::write(&csv, text).unwrap();
    bounded(Duration::from_secs(240), async {
        let app = App::start(data.path()).await;
        app.click("[data-testid=import-agenda]").await;
        app.fill("[data-testid=agenda-new-name]", "Long day").await;
        app.fill("[data-testid=agenda-new-tz]", "America/Toronto")
            .await;
        app.fill("[data-testid=agenda-path]", csv.to_str().unwrap())
            .await;
        app.click("[data-testid=read-agenda]").await;
        app.find("[data-testid=agenda-preview]").await;
        app.wait_count("[data-testid=agenda-row]", 300).await;
        app.wait_text("300 of 701", |t| t.contains("300 of 701"))
            .await;

        // The next pages come from the shell, in order, to the end.
        app.click("[data-testid=agenda-more-rows]").await;
        app.wait_count("[data-testid=agenda-row]", 600).await;
        app.click("[data-testid=agenda-more-rows]").await;
        let rows = app.wait_count("[data-testid=agenda-row]", 701).await;
        assert!(app.all("[data-testid=agenda-more-rows]").await.is_empty());
        let last = rows.last().unwrap();
        assert_eq!(last.attr("data-row").await.unwrap().as_deref(), Some("702"));
        assert_eq!(
            last.attr("data-outcome").await.unwrap().as_deref(),
            Some("duplicateRow")
        );
        let said = app.text(last).await;
        assert!(said.contains("row 2"), "{said}");

        // Only the problems: the 14 invalid rows, from the first page on.
        app.click("[data-testid=agenda-problems-only]").await;
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        let flagged = loop {
            let rows = app.all("[data-testid=agenda-row]").await;
            if rows.len() == 14 {
                break rows;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{} rows shown with problems only",
                rows.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        for r in &flagged {
            assert_eq!(
                r.attr("data-outcome").await.unwrap().as_deref(),
                Some("invalid")
            );
        }
        app.scroll_to("[data-testid=agenda-preview]").await;
        app.screenshot("agenda-long-problems-only").await;
        app.quit().await;
    })
    .await;
}
