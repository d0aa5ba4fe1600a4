//! The branding checklist's flow on a real SQLite file: statuses follow the flow (a reason to
//! reject, a file to approve, asked again when the last file goes), items and the event-wide
//! details are edited and validated by field, and due dates follow the event's calendar.

use showcall_core::branding::{self, AssetKind, AssetStatus};
use showcall_core::edit::Edit;
use showcall_core::i18n::Lang;
use showcall_core::testing::{convert, session, stage};
use showcall_core::view;

#[path = "common/branding.rs"]
mod fixture;
use fixture::fixture;

#[test]
fn rejecting_needs_a_reason_and_approving_needs_a_file() {
    let mut f = fixture();
    let logo = f.item(AssetKind::Logo);
    let status = |status, reason: &str| Edit::SetBrandStatus {
        id: logo.id.clone(),
        status,
        reason: reason.into(),
        by: "Analyst".into(),
        at: "2027-04-02T12:00:00Z".parse().unwrap(),
    };
    let e = f
        .store
        .edit(&f.event, &status(AssetStatus::Approved, ""))
        .unwrap_err();
    assert!(
        e.message(Lang::En)
            .contains("has no file yet: attach one first"),
        "{}",
        e.message(Lang::En)
    );
    assert!(
        e.message(Lang::FrCa).contains("joignez-en un d’abord"),
        "{}",
        e.message(Lang::FrCa)
    );
    let e = f
        .store
        .edit(&f.event, &status(AssetStatus::Rejected, "  "))
        .unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "Reason for rejecting: must not be empty"
    );
    // Colours are filled in, not attached: approving an empty or unreadable palette is refused;
    // filling it in makes the item received, and then it can be approved.
    let colours = f.item(AssetKind::Colours);
    let approve_colours = Edit::SetBrandStatus {
        id: colours.id.clone(),
        status: AssetStatus::Approved,
        reason: String::new(),
        by: "analyst".into(),
        at: "2027-04-02T12:00:00Z".parse().unwrap(),
    };
    let e = f.store.edit(&f.event, &approve_colours).unwrap_err();
    assert_eq!(e.message(Lang::En), "Primary colour: must not be empty");
    let mut b = f.store.load(&f.event).unwrap().branding;
    b.palette = showcall_core::branding::Palette {
        primary: "#0b3d5c".into(),
        secondary: "#f2a900".into(),
        text: "#777777".into(),
        background: "#ffffff".into(),
    };
    let paint = |b: &showcall_core::branding::Branding| Edit::UpdateBranding {
        fields: b.clone(),
        by: Some("customer".into()),
        at: Some("2027-04-02T11:00:00Z".parse().unwrap()),
    };
    f.store.edit(&f.event, &paint(&b)).unwrap();
    // Grey #777 on white is under AA: stored, but neither received nor approvable.
    assert_eq!(f.item(AssetKind::Colours).status, AssetStatus::Requested);
    let e = f.store.edit(&f.event, &approve_colours).unwrap_err();
    assert!(
        e.message(Lang::En)
            .contains("under the 4.5:1 WCAG AA asks for"),
        "{}",
        e.message(Lang::En)
    );
    b.palette.text = "#ffffff".into();
    b.palette.background = "#0b3d5c".into();
    f.store.edit(&f.event, &paint(&b)).unwrap();
    let c = f.item(AssetKind::Colours);
    assert_eq!(
        (c.status, c.history[0].by.as_str()),
        (AssetStatus::Received, "customer")
    );
    f.store.edit(&f.event, &approve_colours).unwrap();
    assert_eq!(f.readiness(), (1, 6));
    // A transparent logo is received; an opaque one is rejected for its transparency.
    let opaque = convert(&f.dir, "logo.jpg", &["-size", "800x400", "xc:white"]);
    f.attach(AssetKind::Logo, &opaque, Lang::En).unwrap();
    let l = f.item(AssetKind::Logo);
    assert_eq!(l.status, AssetStatus::Rejected);
    assert!(
        l.reason
            .contains("file type — expected PNG or SVG, found JPEG"),
        "{}",
        l.reason
    );
    let alpha = convert(
        &f.dir,
        "logo.png",
        &[
            "-size",
            "800x400",
            "xc:none",
            "-fill",
            "red",
            "-draw",
            "circle 200,200 200,50",
        ],
    );
    f.attach(AssetKind::Logo, &alpha, Lang::En).unwrap();
    assert_eq!(f.item(AssetKind::Logo).status, AssetStatus::Received);
    let flat = convert(
        &f.dir,
        "flat.png",
        &["-size", "800x400", "xc:white", "-alpha", "off"],
    );
    f.attach(AssetKind::Logo, &flat, Lang::En).unwrap();
    let l = f.item(AssetKind::Logo);
    assert_eq!(l.status, AssetStatus::Rejected);
    assert!(
        l.reason
            .contains("transparency — expected an alpha channel"),
        "{}",
        l.reason
    );
}

#[test]
fn items_are_edited_and_the_branding_details_validated_by_field() {
    use showcall_core::edit::BrandItemFields;
    use showcall_core::model::Owner;
    let mut f = fixture();
    let logo = f.item(AssetKind::Logo);
    assert_eq!(logo.due.unwrap().to_string(), "2027-04-20");
    // A date set by hand stays when the event moves; one that follows the event moves with it.
    let mut spec = logo.spec.clone();
    spec.min_long_side = Some(1024);
    let fields = BrandItemFields {
        title: "  Sponsor logo ".into(),
        owner: Owner::Analyst,
        required: false,
        due: "2027-04-01".into(),
        notes: "White on transparent".into(),
        spec,
    };
    f.store
        .edit(
            &f.event,
            &Edit::UpdateBrandItem {
                id: logo.id.clone(),
                fields: fields.clone(),
            },
        )
        .unwrap();
    let d = f.store.load(&f.event).unwrap();
    let days = showcall_core::branding::Branding {
        due_days_before: 7,
        ..d.branding.clone()
    };
    f.store
        .edit(
            &f.event,
            &Edit::UpdateBranding {
                fields: days,
                by: None,
                at: None,
            },
        )
        .unwrap();
    let l = f.item(AssetKind::Logo);
    assert_eq!(
        (l.title.as_str(), l.owner, l.required, l.due_custom),
        ("Sponsor logo", Owner::Analyst, false, true)
    );
    assert_eq!(l.due.unwrap().to_string(), "2027-04-01");
    assert_eq!(l.spec.min_long_side, Some(1024));
    assert_eq!(
        f.item(AssetKind::Banner).due.unwrap().to_string(),
        "2027-04-27"
    );
    // Readiness no longer counts the logo.
    assert_eq!(f.readiness(), (0, 5));

    // Bad input names its field and changes nothing.
    let before = std::fs::read(&f.db).unwrap();
    let bad_date = BrandItemFields {
        due: "01/04/2027".into(),
        ..fields
    };
    let e = f
        .store
        .edit(
            &f.event,
            &Edit::UpdateBrandItem {
                id: l.id.clone(),
                fields: bad_date,
            },
        )
        .unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "Due date: not a valid date and time: “01/04/2027”"
    );
    let mut b = f.store.load(&f.event).unwrap().branding;
    b.palette.text = "navy".into();
    let e = f
        .store
        .edit(
            &f.event,
            &Edit::UpdateBranding {
                fields: b.clone(),
                by: None,
                at: None,
            },
        )
        .unwrap_err();
    assert_eq!(
        e.message(Lang::FrCa),
        "Couleur du texte : « navy » n’est pas une couleur comme #1a2b3c"
    );
    b.palette.text = "#FFF".into();
    b.due_days_before = 400;
    let e = f
        .store
        .edit(
            &f.event,
            &Edit::UpdateBranding {
                fields: b.clone(),
                by: None,
                at: None,
            },
        )
        .unwrap_err();
    assert!(
        e.message(Lang::En).starts_with("Days before the event:"),
        "{}",
        e.message(Lang::En)
    );
    assert_eq!(std::fs::read(&f.db).unwrap(), before, "nothing written");

    // A good palette is stored normalised; pinned messages and languages are trimmed.
    b.due_days_before = 7;
    b.palette.background = "0B3D5C".into();
    b.chat.pinned = vec!["  Bienvenue!  ".into(), "   ".into()];
    b.chat.languages = vec![" fr-CA ".into(), "".into(), "en".into()];
    f.store
        .edit(
            &f.event,
            &Edit::UpdateBranding {
                fields: b,
                by: None,
                at: None,
            },
        )
        .unwrap();
    let b = f.store.load(&f.event).unwrap().branding;
    assert_eq!(
        (b.palette.text.as_str(), b.palette.background.as_str()),
        ("#ffffff", "#0b3d5c")
    );
    assert_eq!(b.chat.pinned, ["Bienvenue!"]);
    assert_eq!(b.chat.languages, ["fr-CA", "en"]);

    // Removing a file and deleting an item.
    let bg = convert(&f.dir, "bg.png", &["-size", "1920x1080", "xc:navy"]);
    let file = f.attach(AssetKind::Background, &bg, Lang::En).unwrap();
    let id = f.item(AssetKind::Background).id;
    f.store
        .edit(
            &f.event,
            &Edit::RemoveBrandFile {
                id: id.clone(),
                sha256: file.sha256.clone(),
                by: "analyst".into(),
                at: "2027-04-03T12:00:00Z".parse().unwrap(),
            },
        )
        .unwrap();
    assert!(f.item(AssetKind::Background).files.is_empty());
    let e = f
        .store
        .edit(
            &f.event,
            &Edit::RemoveBrandFile {
                id: id.clone(),
                sha256: file.sha256,
                by: "analyst".into(),
                at: "2027-04-03T12:00:00Z".parse().unwrap(),
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), "not_found");
    f.store
        .edit(&f.event, &Edit::DeleteBrandItem { id })
        .unwrap();
    let d = f.store.load(&f.event).unwrap();
    assert_eq!(d.brand_items.len(), 6);
    assert_eq!(
        d.brand_items.iter().map(|i| i.position).collect::<Vec<_>>(),
        [0, 1, 2, 3, 4, 5]
    );
}

#[test]
fn statuses_follow_the_flow_and_removing_the_last_file_asks_again() {
    let mut f = fixture();
    let bg = convert(&f.dir, "bg.png", &["-size", "1920x1080", "xc:navy"]);
    let file = f.attach(AssetKind::Background, &bg, Lang::En).unwrap();
    let id = f.item(AssetKind::Background).id;
    let set = |status, reason: &str| Edit::SetBrandStatus {
        id: id.clone(),
        status,
        reason: reason.into(),
        by: "analyst".into(),
        at: "2027-04-02T12:00:00Z".parse().unwrap(),
    };
    f.store
        .edit(
            &f.event,
            &set(AssetStatus::Rejected, "Logo too close to the edge"),
        )
        .unwrap();
    // Rejected goes back to requested, not straight to approved.
    let e = f
        .store
        .edit(&f.event, &set(AssetStatus::Approved, ""))
        .unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "Status: “Background” is rejected: it cannot become approved (it can become requested)"
    );
    assert_eq!(
        e.message(Lang::FrCa),
        "Statut : « Background » est refusé : il ne peut pas devenir approuvé (il peut devenir demandé)"
    );
    f.store
        .edit(&f.event, &set(AssetStatus::Requested, ""))
        .unwrap();
    f.store
        .edit(&f.event, &set(AssetStatus::Approved, ""))
        .unwrap();
    assert_eq!(f.readiness(), (1, 6));
    // Its only file taken off: no longer approved, owed again, and the history says so.
    f.store
        .edit(
            &f.event,
            &Edit::RemoveBrandFile {
                id: id.clone(),
                sha256: file.sha256,
                by: "analyst".into(),
                at: "2027-04-03T12:00:00Z".parse().unwrap(),
            },
        )
        .unwrap();
    let it = f.item(AssetKind::Background);
    assert_eq!(it.status, AssetStatus::Requested);
    let last = it.history.last().unwrap();
    assert_eq!(
        (last.from, last.to),
        (AssetStatus::Approved, AssetStatus::Requested)
    );
    assert_eq!(f.readiness(), (0, 6));
}

#[test]
fn due_dates_are_counted_on_the_event_s_calendar() {
    // 02:00 UTC on May 4 is still May 3 in Toronto: due 14 days before May 3.
    let mut d = view::new_event("Late", "America/Toronto", "en");
    let a = stage(&mut d, "Main");
    session(
        &mut d,
        &a,
        "Night",
        "2027-05-04T02:00:00Z",
        "2027-05-04T03:00:00Z",
    );
    branding::sync(&mut d);
    assert_eq!(d.brand_items[0].due.unwrap().to_string(), "2027-04-19");
    // Overdue from the next day in Toronto, even while it is already that day in UTC.
    let s = showcall_core::schedule::compute(&d);
    let at = |t: &str| {
        showcall_core::rules::check_at(&d, &s, Lang::En, Some(t.parse().unwrap()))
            .iter()
            .filter(|f| f.code == "asset_overdue")
            .count()
    };
    // 2027-04-20T02:00Z is still April 19 in Toronto: not yet overdue.
    assert_eq!(at("2027-04-20T02:00:00Z"), 0);
    assert_eq!(at("2027-04-20T05:00:00Z"), 7);
}
