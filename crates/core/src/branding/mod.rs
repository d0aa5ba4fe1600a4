//! The branding checklist: what the customer's event leads owe the analyst (logo, banner,
//! background, overlays, video clips, colours, chat requirements), each item with an owner, a due
//! date, a status (requested → received → approved, or rejected with a reason and back to
//! requested), its history, notes and attached files. Here: the built-in preset, due dates,
//! readiness, the status flow and the palette's maths ([`palette`]); the data is in
//! [`crate::model`], the edits in [`crate::edit`], stored files in [`crate::store`].

mod palette;

pub use crate::model::{
    AssetFile, AssetKind, AssetStatus, BrandItem, BrandPreset, Branding, ChatAudience,
    ChatRequirements, ItemActions, Palette, PaletteContrast, PresetItem, Readiness, StatusChange,
    DEFAULT_DUE_DAYS,
};
pub(crate) use palette::palette_ready;
pub use palette::{contrast, normalise_hex, parse_hex, AA_CONTRAST};

use crate::asset_check::{self, Spec};
use crate::error::Invalid;
use crate::i18n::Lang;
use crate::model::{new_id, EventData, Owner, Permissions};
use chrono::{Days, NaiveDate};
use chrono_tz::Tz;

/// The spec of a kind as shipped (empty for colours, chat and other).
pub fn default_spec(kind: AssetKind) -> Spec {
    asset_check::presets()
        .remove(kind.code())
        .unwrap_or_default()
}

/// The built-in checklist, from the shipped specs.
pub fn default_preset(lang: Lang) -> BrandPreset {
    // Every kind but "other", in the order of AssetKind::ALL.
    let items = AssetKind::ALL
        .into_iter()
        .filter(|k| *k != AssetKind::Other)
        .map(|kind| PresetItem {
            kind,
            title: kind.title(lang).into(),
            owner: Owner::Customer,
            // A clip is often optional; everything else is needed to configure the platform.
            required: kind != AssetKind::Video,
            spec: default_spec(kind),
        })
        .collect();
    BrandPreset {
        name: match lang {
            Lang::En => "Standard",
            Lang::FrCa => "Standard",
        }
        .into(),
        built_in: true,
        items,
    }
}

/// The checklist lines of a preset, for one event (due dates follow with [`sync`]).
pub fn items_from(preset: &[PresetItem], event_id: &str, from_position: u32) -> Vec<BrandItem> {
    preset
        .iter()
        .enumerate()
        .map(|(i, p)| BrandItem {
            id: new_id(),
            event_id: event_id.into(),
            position: from_position + i as u32,
            kind: p.kind,
            title: p.title.clone(),
            owner: p.owner,
            required: p.required,
            due: None,
            due_custom: false,
            spec: p.spec.clone(),
            status: AssetStatus::Requested,
            reason: String::new(),
            notes: String::new(),
            files: vec![],
            history: vec![],
        })
        .collect()
}

/// The default due date: `days` before the first session's day, in the event's zone. `None`
/// without sessions, or when the date would fall outside the calendar (a lead time no edit
/// allows, from a hostile package: never a panic).
pub fn default_due(d: &EventData) -> Option<NaiveDate> {
    let tz: Tz = d.event.time_zone.parse().unwrap_or(Tz::UTC);
    let first = d.sessions.iter().map(|s| s.start).min()?;
    first
        .with_timezone(&tz)
        .date_naive()
        .checked_sub_days(Days::new(u64::from(d.branding.due_days_before)))
}

/// Keeps due dates in step with the event (items whose date was not set by hand), and orders
/// and numbers the items.
pub fn sync(d: &mut EventData) {
    let due = default_due(d);
    for it in &mut d.brand_items {
        if !it.due_custom {
            it.due = due;
        }
    }
    d.brand_items
        .sort_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
    for (i, it) in d.brand_items.iter_mut().enumerate() {
        it.position = i as u32;
    }
}

pub fn readiness(items: &[BrandItem]) -> Readiness {
    let req = items.iter().filter(|i| i.required);
    Readiness {
        required: req.clone().count() as u32,
        approved: req.filter(|i| i.status == AssetStatus::Approved).count() as u32,
    }
}

/// The SHA-256 of every stored file the event's checklist refers to.
pub fn stored_hashes(d: &EventData) -> Vec<String> {
    let mut v: Vec<String> = d
        .brand_items
        .iter()
        .flat_map(|i| i.files.iter())
        .filter(|f| f.stored)
        .map(|f| f.sha256.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

pub(crate) fn say(en: impl Into<String>, fr: impl Into<String>) -> Invalid {
    Invalid::Say {
        en: en.into(),
        fr: fr.into(),
    }
}

/// Where an item may go from `from` by hand: requested → received / approved / rejected;
/// received → approved / rejected / requested; rejected → requested; approved → requested.
/// (Attaching a file moves an item to received or rejected from anywhere.)
pub fn next_statuses(from: AssetStatus) -> &'static [AssetStatus] {
    use AssetStatus::*;
    match from {
        Requested => &[Received, Approved, Rejected],
        Received => &[Approved, Rejected, Requested],
        Rejected => &[Requested],
        Approved => &[Requested],
    }
}

pub(crate) fn labels(list: &[AssetStatus], lang: Lang) -> String {
    let or = if lang == Lang::FrCa { " ou " } else { " or " };
    list.iter()
        .map(|s| s.label(lang))
        .collect::<Vec<_>>()
        .join(or)
}

/// What an item's row offers someone who may do `may`: following [`next_statuses`], a file
/// item is only received or approved with a kept file, a rejected one is asked for again before
/// it can be approved, and files can be attached at any time. The customer's lead only attaches
/// (and takes back files of items not yet approved).
pub fn actions(item: &BrandItem, may: &Permissions) -> ItemActions {
    let files = item.kind.takes_files();
    let remove_files = may.remove_approved_files || item.status != AssetStatus::Approved;
    if !may.decide_items {
        return ItemActions {
            id: item.id.clone(),
            attach: files,
            approve: false,
            approve_needs_file: false,
            reject: false,
            reopen: false,
            remove_files,
        };
    }
    let has_stored = item.files.iter().any(|f| f.stored);
    let approvable = !files || has_stored;
    let offered = |to: AssetStatus| next_statuses(item.status).contains(&to);
    let reject = match item.status {
        // A file item with nothing received has nothing to reject yet.
        AssetStatus::Requested => !files || !item.files.is_empty(),
        _ => offered(AssetStatus::Rejected),
    };
    ItemActions {
        id: item.id.clone(),
        attach: files,
        approve: offered(AssetStatus::Approved) && approvable,
        approve_needs_file: files && !has_stored,
        reject,
        reopen: offered(AssetStatus::Requested),
        remove_files,
    }
}

/// The palette's contrast ratios: text on the background, text on the primary colour.
pub fn palette_contrast(p: &Palette) -> PaletteContrast {
    PaletteContrast {
        text_on_background: contrast(&p.text, &p.background),
        text_on_primary: contrast(&p.text, &p.primary),
        aa: AA_CONTRAST,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_counts_required_items_only() {
        let mut items = items_from(&default_preset(Lang::En).items, "e", 0);
        let r = readiness(&items);
        assert_eq!((r.approved, r.required), (0, 6));
        items[0].status = AssetStatus::Approved;
        // The video clip is optional: approving it changes nothing.
        let video = items
            .iter_mut()
            .find(|i| i.kind == AssetKind::Video)
            .unwrap();
        video.status = AssetStatus::Approved;
        let r = readiness(&items);
        assert_eq!((r.approved, r.required, r.percent()), (1, 6, 16));
        assert_eq!(readiness(&[]).percent(), 100);
    }

    fn row(kind: AssetKind, status: AssetStatus, files: &[bool]) -> BrandItem {
        let mut it = items_from(&default_preset(Lang::En).items, "e", 0)
            .into_iter()
            .find(|i| i.kind == kind)
            .unwrap();
        it.status = status;
        it.files = files
            .iter()
            .enumerate()
            .map(|(n, stored)| AssetFile {
                sha256: format!("{n:064}"),
                name: format!("{n}.png"),
                bytes: 1,
                added_at: chrono::DateTime::UNIX_EPOCH,
                added_by: "customer".into(),
                report: crate::model::AssetReport {
                    kind: kind.code().into(),
                    file_type: Some("png".into()),
                    bytes: 1,
                    width: None,
                    height: None,
                    duration_ms: None,
                    checks: vec![],
                },
                stored: *stored,
                thumbnail: false,
            })
            .collect();
        it
    }

    fn offer(a: &ItemActions) -> [bool; 5] {
        [
            a.attach,
            a.approve,
            a.approve_needs_file,
            a.reject,
            a.reopen,
        ]
    }

    #[test]
    fn rows_offer_what_the_status_flow_and_the_actor_allow() {
        use crate::model::Actor;
        use AssetKind::*;
        use AssetStatus::*;
        let analyst = Permissions::of(Actor::Analyst);
        let customer = Permissions::of(Actor::Customer);
        //                                   attach approve needsFile reject reopen
        let received = row(Logo, Received, &[true]);
        assert_eq!(
            offer(&actions(&received, &analyst)),
            [true, true, false, true, true]
        );
        // A requested file item with nothing received: only Attach (approving needs a file).
        let empty = row(Logo, Requested, &[]);
        assert_eq!(
            offer(&actions(&empty, &analyst)),
            [true, false, true, false, false]
        );
        // Something was sent but not kept (wrong type): it can be rejected, not approved.
        let sent = row(Logo, Requested, &[false]);
        assert_eq!(
            offer(&actions(&sent, &analyst)),
            [true, false, true, true, false]
        );
        // Approved and rejected items are asked for again; a rejected one is not approved
        // straight away, a requested one with a kept file is.
        let approved = row(Logo, Approved, &[true]);
        assert_eq!(
            offer(&actions(&approved, &analyst)),
            [true, false, false, false, true]
        );
        let rejected = row(Logo, Rejected, &[true]);
        assert_eq!(
            offer(&actions(&rejected, &analyst)),
            [true, false, false, false, true]
        );
        let kept = row(Logo, Requested, &[true]);
        assert!(actions(&kept, &analyst).approve);
        // Colours and chat are approved as filled in, without files.
        let colours = row(Colours, Requested, &[]);
        assert_eq!(
            offer(&actions(&colours, &analyst)),
            [false, true, false, true, false]
        );
        // The customer's lead only attaches, and keeps approved files where they are.
        assert_eq!(
            offer(&actions(&received, &customer)),
            [true, false, false, false, false]
        );
        assert!(actions(&received, &customer).remove_files);
        assert!(!actions(&approved, &customer).remove_files);
        assert!(actions(&approved, &analyst).remove_files);
    }

    #[test]
    fn the_palette_contrast_is_given_where_both_colours_are() {
        let mut p = Palette {
            primary: String::new(),
            secondary: String::new(),
            text: "#000000".into(),
            background: "#ffffff".into(),
        };
        let c = palette_contrast(&p);
        assert!((c.text_on_background.unwrap() - 21.0).abs() < 1e-9);
        assert_eq!((c.text_on_primary, c.aa), (None, AA_CONTRAST));
        p.primary = "#767676".into();
        assert!(palette_contrast(&p).text_on_primary.unwrap() > 4.0);
    }
}
