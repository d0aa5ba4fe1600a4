//! Accessible on every screen: axe-core (the WCAG 2.0/2.1/2.2 A and AA rules) runs in the real
//! window over each screen of the demo event — the events list, every tab of the analyst and of
//! the customer lead, the forms and dialogs that open from each tab's main action, the Help
//! overlay and the speaker timer window — in English and then in French, switched the way a
//! user does. Every screen must have no violation; each one found is printed in full. A
//! screenshot of each screen is left in target/e2e-artifacts/a11y/.

use showcall_e2e::axe::{self, Violation};
use showcall_e2e::{bounded, App, WAIT};
use std::time::{Duration, Instant};

/// What axe found on each screen, in the order they were visited.
#[derive(Default)]
struct Audit {
    screens: Vec<(String, Vec<Violation>)>,
}

impl Audit {
    /// Screenshots the current window as `a11y/<screen>-<lang>.png` and runs axe-core over it.
    async fn check(&mut self, app: &App, lang: &str, screen: &str) {
        let name = format!("{screen}-{lang}");
        // (The screenshot waits a moment for the page to settle, transitions included.)
        app.screenshot(&format!("a11y/{name}")).await;
        let found = axe::run(app).await;
        eprintln!("a11y {name}: {} violation(s)", axe::count(&found));
        if !found.is_empty() {
            eprintln!("{}", axe::describe(&name, &found));
        }
        self.screens.push((name, found));
    }
}

/// Runs `js` (an expression) in the page until it is true.
async fn until(app: &App, what: &str, js: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let v = app
            .client
            .execute(&format!("return !!({js})"), vec![])
            .await
            .unwrap();
        if v == serde_json::Value::Bool(true) {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks the last button of a form that is not its submit button (its Cancel), then waits
/// until `closed` (an expression) holds.
async fn cancel(app: &App, form: &str, closed: &str) {
    let js = format!(
        "const b = [...document.querySelectorAll('{form} button[type=button]')].pop(); b.click(); return !!b"
    );
    let clicked = app.client.execute(&js, vec![]).await.unwrap();
    assert_eq!(
        clicked,
        serde_json::Value::Bool(true),
        "no Cancel in {form}"
    );
    until(app, &format!("{form} closed"), closed).await;
}

/// Presses a key on the focused element.
async fn press(app: &App, key: &str) {
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(key)
        .await
        .unwrap();
}

/// The speaker timer window's handle, opening it from the live view when it is not open yet.
async fn timer_window(
    app: &App,
    main: &fantoccini::wd::WindowHandle,
) -> fantoccini::wd::WindowHandle {
    if app.client.windows().await.unwrap().len() < 2 {
        app.click("[data-testid=open-timer]").await;
    }
    let deadline = Instant::now() + WAIT;
    loop {
        let handles = app.client.windows().await.unwrap();
        if let Some(h) = handles.into_iter().find(|h| h != main) {
            return h;
        }
        assert!(Instant::now() < deadline, "no timer window");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Every screen, in the language shown now (`lang` names the screenshots). Starts and ends on
/// the events list.
async fn every_screen(app: &App, audit: &mut Audit, lang: &str) {
    // The events list, and the new event form.
    app.find("[data-testid=open-event]").await;
    audit.check(app, lang, "events").await;
    app.click("[data-testid=new-event]").await;
    app.find("[data-testid=create-event]").await;
    audit.check(app, lang, "events-new-event").await;

    // Calendar: the day, a session's run of show, the add session and add stage forms.
    app.click("[data-testid=open-event]").await;
    let blocks = app.wait_count("[data-testid=session-block]", 8).await;
    audit.check(app, lang, "calendar").await;
    blocks[0].click().await.unwrap();
    app.find("[data-testid=run-of-show]").await;
    app.wait_count("[data-testid=segment-row]", 1).await;
    audit.check(app, lang, "calendar-run-of-show").await;
    app.click("[data-testid=add-session]").await;
    app.find("[data-testid=session-form]").await;
    audit.check(app, lang, "calendar-add-session").await;
    // (The selected session's own form comes back in its place.)
    cancel(
        app,
        "[data-testid=session-form]",
        "document.querySelector('[data-testid=run-of-show]')",
    )
    .await;
    app.click("[data-testid=add-stage]").await;
    app.find("input[name=stageName]").await;
    audit.check(app, lang, "calendar-add-stage").await;
    press(app, "\u{E00C}").await; // Escape
    until(
        app,
        "the stage form closed",
        "!document.querySelector('input[name=stageName]')",
    )
    .await;

    // People: the list, the add person form, the delete confirmation.
    app.click("[data-testid=tab-people]").await;
    app.wait_count("[data-testid=person-row]", 7).await;
    audit.check(app, lang, "people").await;
    app.click("[data-testid=add-person]").await;
    app.find("[data-testid=person-form]").await;
    audit.check(app, lang, "people-add-person").await;
    cancel(
        app,
        "[data-testid=person-form]",
        "!document.querySelector('[data-testid=person-form]')",
    )
    .await;
    app.click("[data-testid=delete-person]").await;
    app.find("[data-testid=confirm-no]").await;
    audit.check(app, lang, "people-confirm-delete").await;
    app.click("[data-testid=confirm-no]").await;
    until(
        app,
        "the confirmation closed",
        "!document.querySelector('[data-testid=confirm-no]')",
    )
    .await;

    // Tasks, Settings.
    app.click("[data-testid=tab-tasks]").await;
    app.wait_count("[data-testid=task-row]", 10).await;
    audit.check(app, lang, "tasks").await;
    app.click("[data-testid=tab-settings]").await;
    app.find("[data-testid=cue-setting-enabled]").await;
    audit.check(app, lang, "settings").await;

    // Live: the view, a stage's delay control, do-not-disturb, the speaker timer window.
    app.click("[data-testid=tab-live]").await;
    app.find("[data-testid=live-clock]").await;
    app.find("[data-testid=cue-list]").await;
    audit.check(app, lang, "live").await;
    app.click("[data-testid=live-stage] [data-testid=apply-delay]")
        .await;
    app.find("[data-testid=delay-control]").await;
    audit.check(app, lang, "live-delay").await;
    app.click("[data-testid=cancel-delay]").await;
    until(
        app,
        "the delay control closed",
        "!document.querySelector('[data-testid=delay-control]')",
    )
    .await;
    app.click("[data-testid=dnd-open]").await;
    app.find("[data-testid=dnd-popover]").await;
    audit.check(app, lang, "live-dnd").await;
    app.click("[data-testid=dnd-open]").await;
    until(
        app,
        "the popover closed",
        "!document.querySelector('[data-testid=dnd-popover]')",
    )
    .await;
    let main = app.client.window().await.unwrap();
    let timer = timer_window(app, &main).await;
    app.client.switch_to_window(timer).await.unwrap();
    app.find("[data-testid=timer-remaining]").await;
    let want = if lang == "en" { "en" } else { "fr-CA" };
    until(
        app,
        "the timer in the chosen language",
        &format!("document.documentElement.lang === '{want}'"),
    )
    .await;
    audit.check(app, lang, "speaker-timer").await;
    app.client.switch_to_window(main).await.unwrap();

    // Report.
    app.click("[data-testid=tab-report]").await;
    app.find("[data-testid=report]").await;
    audit.check(app, lang, "report").await;

    // Destinations, and the add destination form.
    app.click("[data-testid=tab-destinations]").await;
    app.find("[data-testid=add-destination]").await;
    audit.check(app, lang, "destinations").await;
    app.click("[data-testid=add-destination]").await;
    app.find("[data-testid=destination-form]").await;
    audit.check(app, lang, "destinations-add").await;
    app.click("[data-testid=cancel-destination]").await;
    until(
        app,
        "the destination form closed",
        "!document.querySelector('[data-testid=destination-form]')",
    )
    .await;

    // Handoff.
    app.click("[data-testid=tab-handoff]").await;
    app.find("[data-testid=handoff]").await;
    audit.check(app, lang, "handoff").await;

    // Branding (its colours panel holds the mock stage), and an item's edit form.
    app.click("[data-testid=tab-branding]").await;
    app.find("[data-testid=brand-list]").await;
    app.find("[data-testid=mock-stage]").await;
    audit.check(app, lang, "branding").await;
    app.scroll_to("[data-testid=mock-stage]").await;
    app.screenshot(&format!("a11y/branding-mock-stage-{lang}"))
        .await;
    app.click("[data-testid=brand-item] [data-testid=brand-edit]")
        .await;
    app.find("[data-testid=brand-form]").await;
    audit.check(app, lang, "branding-edit-item").await;
    app.click("[data-testid=brand-form-cancel]").await;
    until(
        app,
        "the item form closed",
        "!document.querySelector('[data-testid=brand-form]')",
    )
    .await;

    // Help (the shortcuts overlay).
    app.click("[data-testid=help]").await;
    app.find("[data-testid=shortcuts]").await;
    audit.check(app, lang, "help").await;
    // Its About box (version, data folder, licences).
    app.click("[data-testid=open-about]").await;
    app.find("[data-testid=about-component]").await;
    audit.check(app, lang, "help-about").await;
    press(app, "\u{E00C}").await; // Escape
    until(
        app,
        "Help closed",
        "!document.querySelector('[data-testid=shortcuts]')",
    )
    .await;

    // The customer lead's tabs.
    app.click("[data-testid=mode-customer]").await;
    app.click("[data-testid=tab-schedule]").await;
    app.find("[data-testid=schedule-tab]").await;
    audit.check(app, lang, "customer-schedule").await;
    app.click("[data-testid=tab-speakers]").await;
    app.find("[data-testid=speakers-tab]").await;
    audit.check(app, lang, "customer-speakers").await;
    app.click("[data-testid=mode-analyst]").await;
    app.find("[data-testid=tab-calendar]").await;

    app.click("[data-testid=nav-events]").await;
    app.find("[data-testid=open-event]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_axe_in_english_and_in_french() {
    bounded(Duration::from_secs(900), async {
        std::fs::create_dir_all(showcall_e2e::artifacts().join("a11y")).unwrap();
        let data = tempfile::tempdir().unwrap();
        let app = App::start(data.path()).await;
        let mut audit = Audit::default();

        // First start: the events list asks who uses this copy.
        app.find("[data-testid=mode-choice]").await;
        audit.check(&app, "en", "events-first-start").await;
        app.click("[data-testid=choose-analyst]").await;
        until(
            &app,
            "the question gone",
            "!document.querySelector('[data-testid=mode-choice]')",
        )
        .await;

        every_screen(&app, &mut audit, "en").await;
        app.click("[data-testid=lang-fr-CA]").await;
        until(&app, "French", "document.documentElement.lang === 'fr-CA'").await;
        every_screen(&app, &mut audit, "fr").await;
        app.quit().await;

        let summary: Vec<String> = audit
            .screens
            .iter()
            .map(|(s, v)| format!("{s}: {}", axe::count(v)))
            .collect();
        eprintln!(
            "a11y: {} screens checked\n{}",
            audit.screens.len(),
            summary.join("\n")
        );
        let failing: Vec<String> = audit
            .screens
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(s, v)| axe::describe(s, v))
            .collect();
        assert!(
            failing.is_empty(),
            "{} of {} screens break WCAG A/AA rules:\n\n{}",
            failing.len(),
            audit.screens.len(),
            failing.join("\n")
        );
    })
    .await;
}
