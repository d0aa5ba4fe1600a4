//! Plain data for one streamed event, one file per entity: the event, its stages, sessions, the
//! run of show (segments), people, production tasks, cues and what is recorded on the day, RTMP
//! destinations and the branding checklist. Stored fields only, with serde and ts-rs derives and
//! no behaviour beyond accessors: everything computed (segment times, support window, cue
//! timeline, findings) lives in the logic modules below ([`crate::schedule`], [`crate::cues`],
//! [`crate::rules`]).

mod actor;
mod asset_spec;
mod brand;
mod cue;
mod destination;
mod event;
mod person;
mod segment;
mod session;
mod share;
mod shared;
mod stage;
mod task;

pub use actor::{Actor, Permissions};
pub use asset_spec::{check_label, Check as AssetCheck, Report as AssetReport, Spec as AssetSpec};
pub use brand::{
    AssetFile, AssetKind, AssetStatus, BrandItem, BrandPreset, Branding, ChatAudience,
    ChatRequirements, ItemActions, Palette, PaletteContrast, PresetItem, Readiness, StatusChange,
    DEFAULT_DUE_DAYS,
};
pub use cue::{
    Actual, Cue, CueAnchor, CueKind, CueRecord, CueSetting, CueState, CustomCue, DayLog, Delay,
};
pub use destination::{Destination, DestinationStatus, DestinationTest};
pub use event::Event;
pub use person::{Person, Role};
pub use segment::{Segment, SegmentKind};
pub use session::Session;
pub use share::{
    Feedback, LiveAction, NewShareLink, ShareLink, ShareSettings, ShareStatus, ShareView,
    SharedLink, StageMessage, DEFAULT_SHARE_PORT,
};
pub(crate) use shared::alike_ends;
pub use shared::Shared;
pub use stage::Stage;
pub use task::{Owner, Task, TaskKind, TaskStatus};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything stored about one event, as one snapshot: what the rules, the schedule engine,
/// undo/redo and (later) handoff packages work on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventData {
    pub event: Event,
    /// Ordered by position.
    pub stages: Vec<Stage>,
    /// Ordered by start, then title. (This list and the next three are shared between copies
    /// of the event until one changes them.)
    #[ts(as = "Vec<Session>")]
    pub sessions: Shared<Session>,
    /// Ordered by session, then position.
    #[ts(as = "Vec<Segment>")]
    pub segments: Shared<Segment>,
    /// Ordered by name.
    #[ts(as = "Vec<Person>")]
    pub people: Shared<Person>,
    /// Ordered by due instant. Shared between copies of the event until one changes it.
    #[ts(as = "Vec<Task>")]
    pub tasks: Shared<Task>,
    /// Cues added by hand. Ordered by session, anchor, offset.
    #[serde(default)]
    pub custom_cues: Vec<CustomCue>,
    /// Changes to the default cue template (kinds switched off, other heads-up times).
    #[serde(default)]
    pub cue_settings: Vec<CueSetting>,
    /// Where the event is restreamed. Ordered by position.
    #[serde(default)]
    pub destinations: Vec<Destination>,
    /// The branding checklist. Ordered by position.
    #[serde(default)]
    pub brand_items: Vec<BrandItem>,
    /// Palette, chat requirements, due-date lead time, speaker instructions.
    #[serde(default)]
    pub branding: Branding,
}

impl EventData {
    /// An event with nothing in it yet: no stages, sessions, people, tasks, cues, destinations
    /// or checklist items, and the default branding details.
    pub fn of(event: Event) -> EventData {
        EventData {
            event,
            stages: vec![],
            sessions: Shared::default(),
            segments: Shared::default(),
            people: Shared::default(),
            tasks: Shared::default(),
            custom_cues: vec![],
            cue_settings: vec![],
            destinations: vec![],
            brand_items: vec![],
            branding: Branding::default(),
        }
    }

    /// Puts every list in its canonical order (the order documented on each field, ties broken
    /// by id), so two snapshots of the same event compare equal however they were built.
    pub fn normalize(&mut self) {
        self.normalize_from(None);
    }

    /// [`normalize`](Self::normalize) for a copy of `base` (itself in canonical order) that an
    /// edit changed: a shared list still the very one `base` holds is in order already and is
    /// not read again (on a 2,000-session event, reading the tasks and sessions in order was
    /// most of an edit's normalizing).
    pub fn normalize_since(&mut self, base: &EventData) {
        self.normalize_from(Some(base));
    }

    fn normalize_from(&mut self, base: Option<&EventData>) {
        let kept = |same: fn(&EventData, &EventData) -> bool| base.is_some_and(|b| same(self, b));
        let sessions_kept = kept(|a, b| a.sessions.same(&b.sessions));
        // Segments in the places the base's held (same session, same number, one by one) are
        // in order too: an edit of a segment's fields leaves every place as it was.
        let segments_kept = sessions_kept
            && kept(|a, b| {
                a.segments.same(&b.segments)
                    || (a.segments.len() == b.segments.len()
                        && a.segments
                            .iter()
                            .zip(b.segments.iter())
                            .all(|(x, y)| x.position == y.position && x.session_id == y.session_id))
            });
        let people_kept = kept(|a, b| a.people.same(&b.people));
        let tasks_kept = kept(|a, b| a.tasks.same(&b.tasks));
        normalize_destinations(&mut self.destinations);
        self.stages
            .sort_by(|a, b| (a.position, &a.name, &a.id).cmp(&(b.position, &b.name, &b.id)));
        for (i, s) in self.stages.iter_mut().enumerate() {
            s.position = i as u32;
        }
        // The shared lists are read first and written only when out of order: taking one
        // for writing copies it when another copy of the event shares it.
        let by_start =
            |a: &Session, b: &Session| (a.start, &a.title, &a.id).cmp(&(b.start, &b.title, &b.id));
        if !sessions_kept && !self.sessions.is_sorted_by(|a, b| by_start(a, b).is_le()) {
            self.sessions.sort_by(by_start);
        }
        // Where each session is, for the segments and cues: only built when one is read.
        let order: std::collections::HashMap<&str, usize> =
            if segments_kept && self.custom_cues.is_empty() {
                std::collections::HashMap::new()
            } else {
                self.sessions
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.id.as_str(), i))
                    .collect()
            };
        if !segments_kept {
            let key = |g: &Segment| (order.get(g.session_id.as_str()).copied(), g.position);
            if !self.segments.is_sorted_by_key(key) {
                self.segments.sort_by_key(key);
            }
            let numbered = |segments: &[Segment], i: usize| match i.checked_sub(1) {
                Some(p) if segments[p].session_id == segments[i].session_id => {
                    segments[p].position + 1
                }
                _ => 0,
            };
            if (0..self.segments.len())
                .any(|i| self.segments[i].position != numbered(&self.segments, i))
            {
                let segments = &mut *self.segments;
                for i in 0..segments.len() {
                    segments[i].position = numbered(segments, i);
                }
            }
        }
        let by_name =
            |a: &Person, b: &Person| caseless_cmp(&a.name, &b.name).then_with(|| a.id.cmp(&b.id));
        if !people_kept && !self.people.is_sorted_by(|a, b| by_name(a, b).is_le()) {
            self.people.sort_by(by_name);
        }
        // Read first: sorting takes the list for writing, which copies it when shared.
        if !tasks_kept && !self.tasks.is_sorted_by(|a, b| Task::order(a, b).is_le()) {
            self.tasks.sort_by(Task::order);
        }
        self.custom_cues.sort_by(|a, b| {
            (
                order.get(a.session_id.as_str()),
                a.anchor,
                a.offset_secs,
                &a.id,
            )
                .cmp(&(
                    order.get(b.session_id.as_str()),
                    b.anchor,
                    b.offset_secs,
                    &b.id,
                ))
        });
        self.cue_settings.sort_by_key(|c| c.kind);
        self.brand_items
            .sort_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
        for (i, it) in self.brand_items.iter_mut().enumerate() {
            it.position = i as u32;
        }
    }

    /// The run of show of one session, in order.
    pub fn segments_of<'a>(&'a self, session_id: &'a str) -> impl Iterator<Item = &'a Segment> {
        self.segments
            .iter()
            .filter(move |s| s.session_id == session_id)
    }

    /// The person with this id, if any.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The session with this id, if any.
    pub fn session(&self, id: &str) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// The stage with this id, if any.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Ids of everyone presenting in a session (union of its segments' presenters), in first
    /// appearance order.
    pub fn presenters_of<'a>(&'a self, session_id: &'a str) -> Vec<&'a str> {
        presenters_in(self.segments_of(session_id))
    }
}

/// Ids of everyone presenting in `segments` (one session's run of show), in first appearance
/// order.
pub fn presenters_in<'a>(segments: impl IntoIterator<Item = &'a Segment>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    for seg in segments {
        for p in &seg.presenter_ids {
            if !ids.contains(&p.as_str()) {
                ids.push(p);
            }
        }
    }
    ids
}

/// One row of the event list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventSummary {
    pub id: String,
    pub name: String,
    pub customer: String,
    pub time_zone: String,
    /// First session start, if any.
    pub first_start: Option<DateTime<Utc>>,
    pub session_count: u32,
    /// Branding items approved over required ones.
    #[serde(default)]
    pub readiness: Readiness,
}

/// A fresh id for any stored item.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Puts destinations alone in their canonical order (the store reads them back after each
/// write: keys and tests are not part of an edit).
pub fn normalize_destinations(list: &mut [Destination]) {
    list.sort_by(|a, b| (a.position, &a.name, &a.id).cmp(&(b.position, &b.name, &b.id)));
    for (i, d) in list.iter_mut().enumerate() {
        d.position = i as u32;
        d.session_ids.sort();
        d.session_ids.dedup();
    }
}

/// Compares two names as their lowercase forms compare (`str::to_lowercase`), without making
/// them: sorting the people of a large event made two strings per comparison.
pub(crate) fn caseless_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        return (a.bytes().map(|c| c.to_ascii_lowercase()))
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()));
    }
    // A capital sigma lowercases by its place in the word: only the whole-string form knows.
    if a.contains('Σ') || b.contains('Σ') {
        return a.to_lowercase().cmp(&b.to_lowercase());
    }
    // UTF-8 orders bytes as code points: comparing the characters is comparing the strings.
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::caseless_cmp;

    #[test]
    fn caseless_order_is_the_lowercase_strings_order() {
        let names = [
            "",
            "a",
            "A",
            "ab",
            "aB",
            "Émile",
            "émile",
            "Emile",
            "zoë",
            "ZOË",
            "İstanbul",
            "istanbul",
            "i\u{307}stanbul",
            "ΣΟΦΙΑ",
            "σοφια",
            "ΟΔΥΣΣΕΥΣ",
            "οδυσσευς",
            "ß",
            "SS",
            "ǅ",
            "ǆ",
            "Ǆ",
            "Chloé",
            "chloe",
            "CHLOÉ TREMBLAY",
            "Ⅻ",
            "ⅻ",
            "Straße",
            "STRASSE",
        ];
        for a in names {
            for b in names {
                assert_eq!(
                    caseless_cmp(a, b),
                    a.to_lowercase().cmp(&b.to_lowercase()),
                    "{a:?} vs {b:?}"
                );
            }
        }
    }
}
