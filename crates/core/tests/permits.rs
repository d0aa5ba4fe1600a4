//! Who may do what, through the use cases the app's commands and the CLI call, on a real SQLite
//! file: the customer's event lead fills forms and delivers files; shaping the checklist,
//! deciding on items, presets, cues, destinations and the live controls stay the analyst's.
//! A refusal names the field and changes nothing.

use chrono::{TimeZone, Utc};
use showcall_core::edit::{BrandItemFields, Permissions, PersonFields};
use showcall_core::i18n::Lang;
use showcall_core::model::{Actor, AssetKind, AssetStatus, Role};
use showcall_core::{demo, service, Edit, Store};

struct Copy {
    _dir: tempfile::TempDir,
    store: Store,
    event: String,
}

fn customer_copy() -> Copy {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("showcall.db")).unwrap();
    let d = demo::event();
    store.insert(&d).unwrap();
    service::set_actor(&mut store, "customer").unwrap();
    Copy {
        event: d.event.id.clone(),
        _dir: dir,
        store,
    }
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 1, 12, 0, 0).unwrap()
}

fn item(c: &Copy, kind: AssetKind) -> showcall_core::model::BrandItem {
    let d = c.store.load(&c.event).unwrap();
    d.brand_items.into_iter().find(|i| i.kind == kind).unwrap()
}

#[test]
fn the_customer_lead_cannot_delete_an_item_save_a_preset_or_decide() {
    let mut c = customer_copy();
    assert_eq!(c.store.actor(), Actor::Customer);
    let before = c.store.load(&c.event).unwrap();
    let logo = item(&c, AssetKind::Logo);

    let e = service::edit(
        &mut c.store,
        Actor::Customer,
        now(),
        &c.event,
        Edit::DeleteBrandItem {
            id: logo.id.clone(),
        },
    )
    .unwrap_err();
    assert_eq!(e.payload(Lang::En).field.as_deref(), Some("brandItem"));
    assert!(
        e.message(Lang::En).contains("production analyst"),
        "{}",
        e.message(Lang::En)
    );
    assert!(
        e.message(Lang::FrCa).contains("analyste de production"),
        "{}",
        e.message(Lang::FrCa)
    );

    let e = service::save_preset(&mut c.store, Actor::Customer, &c.event, "Mine", Lang::En)
        .unwrap_err();
    assert_eq!(e.payload(Lang::En).field.as_deref(), Some("preset.name"));
    assert_eq!(
        service::presets(&c.store, Lang::En).len(),
        1,
        "no preset saved"
    );
    assert!(service::delete_preset(&mut c.store, Actor::Customer, "Standard", Lang::En).is_err());

    for status in [
        AssetStatus::Approved,
        AssetStatus::Rejected,
        AssetStatus::Requested,
    ] {
        let e = service::edit(
            &mut c.store,
            Actor::Customer,
            now(),
            &c.event,
            Edit::SetBrandStatus {
                id: logo.id.clone(),
                status,
                reason: "why".into(),
                by: String::new(),
                at: now(),
            },
        )
        .unwrap_err();
        assert_eq!(
            e.payload(Lang::En).field.as_deref(),
            Some("brandItem.status")
        );
    }
    let e = service::edit(
        &mut c.store,
        Actor::Customer,
        now(),
        &c.event,
        Edit::UpdateBrandItem {
            id: logo.id.clone(),
            fields: BrandItemFields {
                title: "Logo".into(),
                owner: logo.owner,
                required: false,
                due: String::new(),
                notes: String::new(),
                spec: logo.spec.clone(),
            },
        },
    )
    .unwrap_err();
    assert_eq!(e.payload(Lang::En).field.as_deref(), Some("brandItem"));

    let mut longer = before.branding.clone();
    longer.due_days_before += 7;
    let e = service::edit(
        &mut c.store,
        Actor::Customer,
        now(),
        &c.event,
        Edit::UpdateBranding {
            fields: longer,
            by: None,
            at: None,
        },
    )
    .unwrap_err();
    assert_eq!(
        e.payload(Lang::En).field.as_deref(),
        Some("branding.dueDaysBefore")
    );

    let stage = before.stages[0].id.clone();
    let e = service::add_delay(
        &mut c.store,
        Actor::Customer,
        &c.event,
        &stage,
        None,
        5,
        now(),
    )
    .unwrap_err();
    assert_eq!(e.payload(Lang::En).field.as_deref(), Some("cue"));

    // Nothing of it was written.
    assert_eq!(c.store.load(&c.event).unwrap(), before);
}

#[test]
fn the_customer_lead_fills_forms_and_delivers_files() {
    let mut c = customer_copy();
    let before = c.store.load(&c.event).unwrap();

    // A speaker added from the Speakers form.
    let done = service::edit(
        &mut c.store,
        Actor::Customer,
        now(),
        &c.event,
        Edit::AddPerson {
            fields: PersonFields {
                name: "Chloé Tremblay".into(),
                role: Role::Speaker,
                email: "chloe@example.com".into(),
                time_zone: String::new(),
                invitation_sent: true,
                tech_check_done: false,
                instructions_sent: false,
            },
        },
    )
    .unwrap();
    assert!(done.after.people.iter().any(|p| p.name == "Chloé Tremblay"));

    // The palette, stamped with who filled it (the page cannot say it is someone else).
    let mut b = before.branding.clone();
    b.palette.text = "#111111".into();
    let done = service::edit(
        &mut c.store,
        Actor::Customer,
        now(),
        &c.event,
        Edit::UpdateBranding {
            fields: b,
            by: Some("analyst".into()),
            at: None,
        },
    )
    .unwrap();
    assert_eq!(done.after.branding.palette.text, "#111111");

    // A logo delivered: copied, checked, recorded as received by the customer.
    let dir = tempfile::tempdir().unwrap();
    let png = showcall_core::testing::convert(
        dir.path(),
        "logo.png",
        &["-size", "1200x400", "xc:#336699"],
    );
    let logo = item(&c, AssetKind::Logo);
    let job = service::attach(&c.store, Actor::Customer, &c.event, &logo.id, Lang::En).unwrap();
    let file = job
        .copy(&png, now(), &showcall_core::job::Job::none())
        .unwrap();
    let done = job.record(&mut c.store, file).unwrap();
    let logo = done
        .after
        .brand_items
        .iter()
        .find(|i| i.id == logo.id)
        .unwrap();
    assert_eq!(logo.files.len(), 1);
    assert_eq!(logo.files[0].added_by, "customer");
    assert_ne!(logo.status, AssetStatus::Requested);
}

#[test]
fn a_file_record_never_comes_from_the_page() {
    let mut c = customer_copy();
    let logo = item(&c, AssetKind::Logo);
    let d = c.store.load(&c.event).unwrap();
    let forged = showcall_core::model::AssetFile {
        sha256: "a".repeat(64),
        name: "logo.png".into(),
        bytes: 1,
        added_at: now(),
        added_by: "analyst".into(),
        report: showcall_core::model::AssetReport {
            kind: "logo".into(),
            file_type: Some("png".into()),
            bytes: 1,
            width: None,
            height: None,
            duration_ms: None,
            checks: vec![],
        },
        stored: true,
        thumbnail: false,
    };
    for actor in [Actor::Analyst, Actor::Customer] {
        let e = service::edit(
            &mut c.store,
            actor,
            now(),
            &c.event,
            Edit::AttachBrandFile {
                id: logo.id.clone(),
                file: forged.clone(),
                lang: Lang::En,
            },
        )
        .unwrap_err();
        assert_eq!(e.payload(Lang::En).field.as_deref(), Some("brandItem.file"));
    }
    assert_eq!(c.store.load(&c.event).unwrap(), d);
}

#[test]
fn the_analyst_may_do_everything_and_permissions_say_so() {
    let mut c = customer_copy();
    service::set_actor(&mut c.store, "analyst").unwrap();
    let logo = item(&c, AssetKind::Logo);
    service::edit(
        &mut c.store,
        Actor::Analyst,
        now(),
        &c.event,
        Edit::DeleteBrandItem { id: logo.id },
    )
    .unwrap();
    let list =
        service::save_preset(&mut c.store, Actor::Analyst, &c.event, "Gala", Lang::En).unwrap();
    assert_eq!(list.len(), 2);
    assert!(service::set_actor(&mut c.store, "director").is_err());

    let analyst = Permissions::of(Actor::Analyst);
    let customer = Permissions::of(Actor::Customer);
    assert!(analyst.presets && analyst.decide_items && analyst.production);
    assert!(!customer.presets && !customer.decide_items && !customer.production);
    assert!(!customer.shape_checklist && !customer.lead_time);
}
