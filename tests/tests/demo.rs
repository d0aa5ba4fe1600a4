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

        // The lanes draw their own marks: the two changeovers under 15 minutes, each saying why
        // in its tooltip; the blocks with findings carry a badge of the worst.
        let gaps = app.wait_count("[data-testid=short-gap]", 2).await;
        assert_eq!(gaps.len(), 2, "two changeovers under 15 minutes");
        for g in &gaps {
            let tip = g.attr("title").await.unwrap().unwrap_or_default();
            assert!(
                tip.starts_with("Only 5 min between these sessions"),
                "{tip}"
            );
        }
        let badged = app
            .all("[data-testid=session-block] [data-testid=finding-badge]")
            .await;
        assert!(!badged.is_empty(), "a block with findings shows a badge");
        assert_eq!(
            badged[0].attr("data-severity").await.unwrap().as_deref(),
            Some("warning")
        );
        // One block selected at a time, by a click on it.
        blocks[1].click().await.unwrap();
        app.find("[data-testid=session-block][aria-pressed=true]")
            .await;
        let pressed = async |i: usize| blocks[i].attr("aria-pressed").await.unwrap();
        assert_eq!(pressed(1).await.as_deref(), Some("true"));
        assert_eq!(
            app.all("[data-testid=session-block].selected").await.len(),
            1,
            "one block selected"
        );
        blocks[2].click().await.unwrap();
        app.find("[data-testid=session-block].selected").await;
        assert_eq!(pressed(1).await.as_deref(), Some("false"));
        assert_eq!(pressed(2).await.as_deref(), Some("true"));

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
        let tip = app
            .find("[data-testid=short-gap]")
            .await
            .attr("title")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(tip.starts_with("Seulement 5 min"), "{tip}");
        app.screenshot("demo-calendar-fr").await;
        // The calendar came without the tasks: the Tasks tab reads them when it opens.
        app.click("[data-testid=tab-tasks]").await;
        let rows = app.wait_count("[data-testid=task-row]", 10).await;
        app.screenshot("demo-tasks-fr").await;
        // A task marked done stays done after the tasks are read again for a whole new view
        // (a change of language reloads the event).
        let id = rows[0].attr("data-task-id").await.unwrap().unwrap();
        let row = format!("[data-testid=task-row][data-task-id='{id}']");
        let status = app.find(&format!("{row} [data-testid=task-status]")).await;
        status.select_by_value("done").await.unwrap();
        app.find(&format!("{row}.task-done")).await;
        app.click("[data-testid=lang-en]").await;
        app.wait_text("English tabs", |t| t.contains("Tasks")).await;
        app.find(&format!("{row}.task-done")).await;
        app.click("[data-testid=lang-fr-CA]").await;
        app.wait_text("French tabs", |t| t.contains("Tâches")).await;
        app.click("[data-testid=tab-people]").await;
        app.wait_count("[data-testid=person-row]", 7).await;
        app.screenshot("demo-people-fr").await;
        app.quit().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_extra_cue_and_the_cue_template_change_the_live_cue_list() {
    showcall_e2e::bounded(std::time::Duration::from_secs(240), async {
        let data = tempfile::tempdir().unwrap();
        let app = App::start(data.path()).await;
        app.click("[data-testid=open-event]").await;
        let blocks = app.wait_count("[data-testid=session-block]", 8).await;
        let mut opening = None;
        for b in blocks {
            if app.text(&b).await.contains("Mot d’ouverture") {
                opening = Some(b);
            }
        }
        opening.expect("the opening session").click().await.unwrap();
        app.find("[data-testid=custom-cues]").await;
        app.click("[data-testid=add-custom-cue]").await;
        app.wait_count("[data-testid=custom-cue-row]", 1).await;
        // The new cue's text gets the focus (selected), ready for typing: wait for it.
        let focused = "return document.activeElement === document.querySelector('[data-testid=custom-cue-row] [data-testid=custom-cue-text]')";
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        while app.client.execute(focused, vec![]).await.unwrap() != serde_json::json!(true) {
            assert!(std::time::Instant::now() < deadline, "the new cue's text never got the focus");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let text = app.client.active_element().await.unwrap();
        text.clear().await.unwrap();
        text.send_keys("Lower third: Marc-André Gagnon\u{E007}").await.unwrap();
        app.screenshot("custom-cue-editor").await;

        // Switch the attendee-view checks off for this event.
        app.click("[data-testid=tab-settings]").await;
        let toggle = app
            .find("[data-testid=cue-setting-enabled][data-kind=attendee_view_check]")
            .await;
        toggle.click().await.unwrap();
        app.screenshot("cue-template").await;

        app.click("[data-testid=tab-live]").await;
        app.find("[data-testid=cue-list]").await;
        let custom = app
            .find("[data-testid=cue-row][data-cue-key^=\"custom:\"]")
            .await;
        let deadline = std::time::Instant::now() + showcall_e2e::WAIT;
        loop {
            if app
                .text(&custom)
                .await
                .contains("Lower third: Marc-André Gagnon")
            {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{}",
                app.text(&custom).await
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(
            app.all("[data-testid=cue-row][data-cue-key^=\"attendee_view_check:\"]")
                .await
                .is_empty(),
            "the template switched them off"
        );
        app.quit().await;
    })
    .await;
}
