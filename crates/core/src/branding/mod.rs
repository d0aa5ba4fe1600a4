//! The branding checklist: what the customer's event leads owe the analyst (logo, banner,
//! background, overlays, video clips, colours, chat requirements), each item with an owner, a due
//! date, a status (requested → received → approved, or rejected with a reason and back to
//! requested), its history, notes and attached files. Here: the built-in preset, due dates,
//! readiness, the status flow and the palette's maths ([`palette`]); the data is in
//! [`crate::model`], the edits in [`crate::edit`], stored files in [`crate::store`].

mod palette;

pub use crate::model::{
    AssetFile, AssetKind, AssetStatus, BrandItem, BrandPreset, Branding, ChatAudience,
    ChatRequirements, Palette, PresetItem, Readiness, StatusChange, DEFAULT_DUE_DAYS,
};
pub(crate) use palette::palette_ready;
pub use palette::{contrast, normalise_hex, parse_hex, AA_CONTRAST};

use crate::asset_check::{self, Spec};
use crate::error::Invalid;
use crate::i18n::Lang;
use crate::model::{new_id, EventData, Owner};
use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;

/// The spec of a kind as shipped (empty for colours, chat and other).
pub fn default_spec(kind: AssetKind) -> Spec {
    asset_check::presets()
        .remove(kind.code())
        .unwrap_or_default()
}

/// The built-in checklist, from the shipped specs.
pub fn default_preset(lang: Lang) -> BrandPreset {
    let items = [
        AssetKind::Logo,
        AssetKind::Banner,
        AssetKind::Background,
        AssetKind::Overlay,
        AssetKind::Video,
        AssetKind::Colours,
        AssetKind::Chat,
    ]
    .into_iter()
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

/// The default due date: `days` before the first session's day, in the event's zone.
pub fn default_due(d: &EventData) -> Option<NaiveDate> {
    let tz: Tz = d.event.time_zone.parse().unwrap_or(Tz::UTC);
    let first = d.sessions.iter().map(|s| s.start).min()?;
    Some(first.with_timezone(&tz).date_naive() - Duration::days(d.branding.due_days_before as i64))
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
}
