//! The demo event on first start: its calendar, run of show and the planted findings, in
//! English and French. Leaves the screenshots the README shows.

use showcall_e2e::App;

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_event_shows_its_calendar_and_findings() {
    showcall_e2e::bounded(std::time::Duration::from_secs(240), async {
        let data = tempfile::tempdir().unwrap();
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        let blocks = app.wait_count("[data-testid=session-block]", 8).await;
        assert_eq!(blocks.len(), 8, "eight sessions on two stages");

        // The planted mistake is an error; the changeovers are warnings.
        let err = app
            .find("[data-testid=finding][data-code=person_double_booked]")
            .await;
        assert_eq!(
            err.attr("data-severity").await.unwrap().as_deref(),
            Some("error")
        );
        assert!(app.text(&err).await.contains("Kwame Mensah"));
        let closing = app
            .all("[data-testid=finding][data-code=closing_training_needed]")
            .await;
        assert_eq!(closing.len(), 2);

        // Clicking the changeover finding opens that session's run of show.
        closing[0].click().await.unwrap();
        app.find("[data-testid=run-of-show]").await;
        let rows = app.wait_count("[data-testid=segment-row]", 2).await;
        assert!(rows.len() >= 2);
        app.screenshot("demo-calendar-en").await;

        app.click("[data-testid=lang-fr-CA]").await;
        app.wait_text("French findings", |t| t.contains("présente dans"))
            .await;
        app.screenshot("demo-calendar-fr").await;
        app.click("[data-testid=tab-tasks]").await;
        app.wait_count("[data-testid=task-row]", 10).await;
        app.screenshot("demo-tasks-fr").await;
        app.click("[data-testid=tab-people]").await;
        app.wait_count("[data-testid=person-row]", 7).await;
        app.screenshot("demo-people-fr").await;
        app.quit().await;
    })
    .await;
}
