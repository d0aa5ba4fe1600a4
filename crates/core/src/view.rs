//! What a window shows of one event: the stored data, its computed schedule and the findings,
//! built in one place so the app and the CLI agree.

use crate::branding;
use crate::i18n::Lang;
use crate::model::{
    new_id, Actor, Event, EventData, ItemActions, PaletteContrast, Permissions, Readiness,
};
use crate::rules::{self, Finding};
use crate::schedule::{self, Schedule};
use serde::Serialize;
use std::sync::Arc;
use ts_rs::TS;

/// One event as the UI renders it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventView {
    /// Shared with the store's copy of the event (and the window's last view): an edit
    /// of a large event copies it once, not three times.
    pub data: Arc<EventData>,
    pub schedule: Schedule,
    /// Each shared with the view of an earlier copy of the event when its rule's inputs are
    /// the same (see [`rules::Memo`]).
    pub findings: Vec<Arc<Finding>>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// What the actor using this copy may do (the UI shows only that).
    pub may: Permissions,
    /// The branding checklist as the actor sees it.
    pub brand: BrandView,
    /// The tasks were left out (`data.tasks` is empty): the app's window reads them apart, when
    /// a screen that shows them opens ([`EventView::without_tasks`]).
    pub tasks_omitted: bool,
    /// What building this view kept for the next build of the same event ([`rebuild`]).
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) memo: rules::Memo,
}

impl EventView {
    /// This view without its tasks, as the app sends it to its window: a 2,000-session day has
    /// about 12,000 tasks, nearly half of the view's JSON, and the calendar shows none of them.
    /// The event's other lists stay shared with this view.
    pub fn without_tasks(&self) -> EventView {
        let data = EventData {
            tasks: crate::model::Shared::default(),
            ..EventData::clone(&self.data)
        };
        EventView {
            data: Arc::new(data),
            schedule: self.schedule.clone(),
            findings: self.findings.clone(),
            can_undo: self.can_undo,
            can_redo: self.can_redo,
            may: self.may,
            brand: self.brand.clone(),
            tasks_omitted: true,
            memo: self.memo.clone(),
        }
    }
}

impl EventView {
    /// This view as the app sends it to a window used by `actor`: without its tasks
    /// ([`EventView::without_tasks`]) and, for the analyst, without the findings' customer
    /// hints: only the customer's Schedule tab shows them (a change of mode reads the view
    /// again), and at 2,000 sessions they are about half of the findings' JSON.
    pub fn for_window(&self, actor: Actor) -> EventView {
        let mut v = self.without_tasks();
        if actor == Actor::Analyst {
            v.findings = without_hints(&v.findings);
        }
        v
    }
}

/// `findings` without their customer hints (those without one stay shared).
pub fn without_hints(findings: &[Arc<Finding>]) -> Vec<Arc<Finding>> {
    findings
        .iter()
        .map(|f| match f.customer {
            Some(_) => Arc::new(Finding {
                customer: None,
                ..Finding::clone(f)
            }),
            None => Arc::clone(f),
        })
        .collect()
}

/// The branding checklist's computed side: readiness, what each row offers, the palette's
/// contrast.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandView {
    pub readiness: Readiness,
    /// Readiness in whole percent, rounded down; 100 when nothing is required.
    pub readiness_percent: u32,
    /// One per item, in the checklist's order.
    pub actions: Vec<ItemActions>,
    pub contrast: PaletteContrast,
}

/// The answer to a destination's connection test: the event as it now stands (status, rule
/// findings) and the test's stages.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TestedView {
    pub view: EventView,
    pub result: crate::rtmp::ConnectionTest,
}

/// What the app tells about itself (About box, diagnostics).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub lang: Lang,
    /// The folder holding the database, its backups and attached files.
    pub data_folder: String,
    /// The operating system, as /etc/os-release names it.
    pub os: Option<String>,
    /// The WebKitGTK the window runs on (once the app has found it).
    pub webkit: Option<String>,
    /// Everything shipped with the app, with its licence.
    pub components: Vec<Component>,
}

/// A part of Showcall made by others: a Rust crate, an npm package in the window, a font.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Component {
    pub kind: ComponentKind,
    pub name: String,
    pub version: Option<String>,
    /// An SPDX expression (or where the licence text is).
    pub licence: String,
    /// Where its source is published, when known.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ComponentKind {
    Crate,
    Npm,
    Font,
}

/// Where undo and redo stand for the event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Steps {
    pub can_undo: bool,
    pub can_redo: bool,
}

/// Computes the schedule and findings of `data` in `lang`, as of `now` (for overdue items), and
/// what `actor` may do with it.
pub fn build(
    data: impl Into<Arc<EventData>>,
    lang: Lang,
    actor: Actor,
    steps: Steps,
    now: chrono::DateTime<chrono::Utc>,
) -> EventView {
    build_from(None, data.into(), lang, actor, steps, now)
}

/// [`build`], for the event `prev` is a view of as it now stands (just edited, say): what did
/// not change since `prev` is taken from it instead of being worked out again. The result is
/// the one [`build`] gives.
pub fn rebuild(
    prev: &EventView,
    data: impl Into<Arc<EventData>>,
    lang: Lang,
    actor: Actor,
    steps: Steps,
    now: chrono::DateTime<chrono::Utc>,
) -> EventView {
    build_from(Some(prev), data.into(), lang, actor, steps, now)
}

fn build_from(
    prev: Option<&EventView>,
    data: Arc<EventData>,
    lang: Lang,
    actor: Actor,
    steps: Steps,
    now: chrono::DateTime<chrono::Utc>,
) -> EventView {
    let schedule = match prev {
        Some(p) => schedule::compute_since(&p.schedule, &p.data, &data),
        None => schedule::compute(&data),
    };
    let none = rules::Memo::default();
    let memo = prev.map_or(&none, |p| &p.memo);
    let (findings, memo) = rules::check_reusing(&data, &schedule, lang, Some(now), memo);
    let may = Permissions::of(actor);
    let readiness = branding::readiness(&data.brand_items);
    let brand = BrandView {
        readiness,
        readiness_percent: readiness.percent(),
        actions: data
            .brand_items
            .iter()
            .map(|i| branding::actions(i, &may))
            .collect(),
        contrast: branding::palette_contrast(&data.branding.palette),
    };
    EventView {
        data,
        schedule,
        findings,
        can_undo: steps.can_undo,
        can_redo: steps.can_redo,
        may,
        brand,
        tasks_omitted: false,
        memo,
    }
}

/// A new, empty event (9 h budget, 12-month term) with the standard branding checklist.
pub fn new_event(name: &str, time_zone: &str, locale: &str) -> EventData {
    let mut d = EventData::of(Event {
        id: new_id(),
        name: name.trim().to_string(),
        customer: String::new(),
        time_zone: time_zone.trim().to_string(),
        locale: locale.to_string(),
        kit_purchase_date: None,
        kit_term_months: 12,
        support_budget_minutes: 540,
        revision: 0,
    });
    let lang = crate::i18n::Lang::parse(locale).unwrap_or_default();
    let preset = crate::branding::default_preset(lang);
    d.brand_items = crate::branding::items_from(&preset.items, &d.event.id, 0);
    d
}

/// A copy of an event with fresh ids everywhere and `name` as its name; task statuses reset.
pub fn duplicate(src: &EventData, name: &str) -> EventData {
    use std::collections::HashMap;
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut map = |old: &str| ids.entry(old.to_string()).or_insert_with(new_id).clone();
    let mut d = src.clone();
    d.event.id = map(&src.event.id);
    d.event.name = name.to_string();
    d.event.revision = 0;
    for s in &mut d.stages {
        s.id = map(&s.id);
        s.event_id = d.event.id.clone();
    }
    for p in &mut d.people {
        p.id = map(&p.id);
        p.event_id = d.event.id.clone();
    }
    for s in &mut d.sessions {
        s.id = map(&s.id);
        s.stage_id = map(&s.stage_id);
        s.event_id = d.event.id.clone();
    }
    for g in &mut d.segments {
        g.id = map(&g.id);
        g.session_id = map(&g.session_id);
        g.presenter_ids = g.presenter_ids.iter().map(|p| map(p)).collect();
    }
    for c in &mut d.custom_cues {
        c.id = map(&c.id);
        c.session_id = map(&c.session_id);
        c.segment_id = c.segment_id.as_ref().map(|g| map(g));
    }
    d.tasks.clear();
    crate::tasks::sync(&mut d);
    // A new occurrence owes its branding afresh: same lines and specs, nothing received.
    for it in &mut d.brand_items {
        it.id = new_id();
        it.event_id = d.event.id.clone();
        it.status = crate::branding::AssetStatus::Requested;
        it.due_custom = false;
        it.reason.clear();
        it.files.clear();
        it.history.clear();
    }
    d
}
