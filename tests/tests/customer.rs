//! The customer event lead's forms in the real window. The app starts in customer-lead mode (as
//! the lead's own copy would): only Schedule, Speakers, Branding and Handoff show. The lead adds
//! a speaker and ticks the invitation, adds a session five minutes after the first one (an end
//! before its start is caught in the form first), sees the plain-language hint that their team
//! must close the first session, fills the chat requirements, and sends a package back: it says
//! it was made by the customer and carries what they filled in.

use showcall_core::store::Store;
use showcall_core::testing::{session, stage};
use showcall_core::view;
use showcall_e2e::{bounded, App};
use showcall_exchange::read::{self, Limits};
use showcall_exchange::MadeBy;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn the_customer_lead_fills_the_schedule_speakers_and_chat_and_sends_them_back() {
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("ca.showcall.desktop/showcall.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let event = {
        let mut s = Store::open(&db).unwrap();
        let mut d = view::new_event("Forum client", "America/Toronto", "en");
        let a = stage(&mut d, "Main");
        // 09:00–10:00 in Toronto.
        session(
            &mut d,
            &a,
            "Keynote",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        s.insert(&d).unwrap();
        s.set_setting(showcall_core::store::MODE_SETTING, "customer")
            .unwrap();
        d.event.id
    };
    let pkg = data.path().join("from-customer.showcall");
    let logo = showcall_core::testing::convert(
        data.path(),
        "logo.png",
        &[
            "-size",
            "800x400",
            "xc:none",
            "-fill",
            "navy",
            "-draw",
            "circle 200,200 200,50",
        ],
    );

    bounded(Duration::from_secs(300), async {
        let app = App::start(data.path()).await;
        app.find("[data-testid=customer-marker]").await;
        app.click("[data-testid=open-event]").await;
        app.find("[data-testid=schedule-tab]").await;
        for analyst_only in ["calendar", "live", "destinations", "tasks", "report"] {
            assert!(
                app.all(&format!("[data-testid=tab-{analyst_only}]"))
                    .await
                    .is_empty(),
                "{analyst_only} shows in customer mode"
            );
        }

        // A speaker, invited.
        app.click("[data-testid=tab-speakers]").await;
        app.click("[data-testid=speaker-add]").await;
        app.fill("[data-testid=speaker-name]", "Amélie Roy").await;
        app.fill("[data-testid=speaker-email]", "amelie@exemple.ca")
            .await;
        app.click("[data-testid=speaker-save]").await;
        app.find("[data-testid=speaker-row]").await;
        app.click("[data-testid=speaker-invited]").await;
        app.wait_text("the invitation counter", |t| t.contains("1 of 1 invited"))
            .await;

        // A session five minutes after the keynote; first with its end before its start.
        app.click("[data-testid=tab-schedule]").await;
        app.click("[data-testid=schedule-add]").await;
        app.fill("[data-testid=schedule-title]", "Panel").await;
        app.fill("[data-testid=schedule-date]", "2027-05-04").await;
        app.fill("[data-testid=schedule-start]", "10:05").await;
        app.fill("[data-testid=schedule-end]", "09:30").await;
        app.click("[data-testid=schedule-speaker]").await;
        app.click("[data-testid=schedule-save]").await;
        app.wait_text("the form's error", |t| {
            t.contains("The session must end after it starts.")
        })
        .await;
        app.fill("[data-testid=schedule-end]", "11:00").await;
        app.click("[data-testid=schedule-save]").await;
        app.wait_count("[data-testid=schedule-session]", 2).await;
        let hint = app
            .wait_text("the closing hint", |t| t.contains("only 5 minutes apart"))
            .await;
        assert!(
            hint.contains("Your team will need to close “Keynote”"),
            "{hint}"
        );
        app.screenshot("customer-schedule-hint").await;

        // Chat requirements.
        app.click("[data-testid=tab-branding]").await;
        app.click("[data-testid=chat-moderated]").await;
        app.fill("[data-testid=chat-languages]", "fr-CA, en").await;
        app.fill(
            "[data-testid=chat-pinned]",
            "Bienvenue!\u{E007}Questions: Q&R tab",
        )
        .await;
        app.click("[data-testid=chat-save]").await;
        // The lead delivers a logo; approving is the analyst's, so there is no Approve here.
        app.fill(
            "[data-testid=brand-item][data-kind=logo] [data-testid=brand-path]",
            logo.to_str().unwrap(),
        )
        .await;
        app.click("[data-testid=brand-item][data-kind=logo] [data-testid=brand-attach]")
            .await;
        app.find("[data-testid=brand-item][data-kind=logo][data-status=received]")
            .await;
        assert!(app.all("[data-testid=brand-approve]").await.is_empty());
        assert!(app.all("[data-testid=brand-reject]").await.is_empty());
        assert!(app.all("[data-testid=brand-delete]").await.is_empty());
        app.scroll_to("[data-testid=brand-chat]").await;
        app.screenshot("customer-chat").await;

        // In French, the hint speaks French.
        app.click("[data-testid=lang-fr-CA]").await;
        app.click("[data-testid=tab-schedule]").await;
        app.wait_text("the French hint", |t| {
            t.contains("seulement 5 minutes d’écart. Votre équipe devra fermer « Keynote »")
        })
        .await;
        app.screenshot("customer-schedule-fr").await;
        app.click("[data-testid=lang-en]").await;

        // Back to the analyst in a package.
        app.click("[data-testid=tab-handoff]").await;
        app.fill("[data-testid=package-path]", pkg.to_str().unwrap())
            .await;
        app.click("[data-testid=export-package]").await;
        app.find("[data-testid=export-result]").await;
        app.quit().await;
    })
    .await;

    let opened = read::open(&pkg, None, &Limits::default()).unwrap();
    assert_eq!(opened.manifest.created_by, MadeBy::Customer);
    let d = &opened.data;
    assert_eq!(d.event.id, event);
    let titles: Vec<&str> = d.sessions.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Keynote", "Panel"]);
    let amelie = d.people.iter().find(|p| p.name == "Amélie Roy").unwrap();
    assert!(amelie.invitation_sent);
    let panel = d.sessions.iter().find(|s| s.title == "Panel").unwrap();
    assert_eq!(d.presenters_of(&panel.id), [amelie.id.as_str()]);
    assert!(d.branding.chat.moderated);
    // The chat item became received when the requirements were filled in; the logo arrived,
    // with its file in the package, recorded as the customer's.
    let item = |k: &str| {
        d.brand_items
            .iter()
            .find(|i| serde_json::to_value(i.kind).unwrap() == k)
            .unwrap()
    };
    assert_eq!(
        serde_json::to_value(item("chat").status).unwrap(),
        "received"
    );
    let logo_item = item("logo");
    assert_eq!(logo_item.history[0].by, "customer");
    let sha = &logo_item.files[0].sha256;
    assert!(opened
        .manifest
        .files
        .iter()
        .any(|f| f.path == format!("files/{sha}")));
    assert_eq!(d.branding.chat.languages, ["fr-CA", "en"]);
    assert_eq!(d.branding.chat.pinned, ["Bienvenue!", "Questions: Q&R tab"]);
}
