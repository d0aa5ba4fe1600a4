//! User edits as data. The UI, the CLI and tests describe a change as an [`Edit`]; [`apply`]
//! performs it on an in-memory snapshot (pure), and the store validates the result and writes
//! it in one transaction. Instants arrive as text: RFC 3339 (`2027-04-15T13:00:00Z`) or a local
//! date-time in the event's zone (`2027-04-15T09:00`), which is how people type them
//! ([`crate::time::parse_instant`]). Who may make which edit is [`permits`]'s to say.

mod apply;
mod branding;
mod build;
mod fields;
mod permits;

pub use crate::model::Permissions;
pub use crate::time::parse_instant;
pub use apply::{apply, apply_from};
pub use fields::{
    BrandItemFields, CustomCueFields, DestinationFields, EventFields, PersonFields, SegmentFields,
    SessionFields,
};
pub use permits::{may, permits, Act};

use crate::i18n::Lang;
use crate::model::*;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One user edit of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Edit {
    UpdateEvent {
        fields: EventFields,
    },
    AddStage {
        name: String,
    },
    RenameStage {
        id: String,
        name: String,
    },
    DeleteStage {
        id: String,
    },
    AddSession {
        fields: SessionFields,
    },
    UpdateSession {
        id: String,
        fields: SessionFields,
    },
    DeleteSession {
        id: String,
    },
    /// Inserts at `position` (end of the run of show when `None`).
    AddSegment {
        session_id: String,
        position: Option<u32>,
        fields: SegmentFields,
    },
    UpdateSegment {
        id: String,
        fields: SegmentFields,
    },
    /// Moves a segment to a 0-based position inside its session.
    MoveSegment {
        id: String,
        to: u32,
    },
    DeleteSegment {
        id: String,
    },
    AddPerson {
        fields: PersonFields,
    },
    UpdatePerson {
        id: String,
        fields: PersonFields,
    },
    /// Also removes the person from every segment they present in.
    DeletePerson {
        id: String,
    },
    SetTaskStatus {
        id: String,
        status: TaskStatus,
    },
    /// Adds a cue by hand (overlay, background, captions, anything).
    AddCustomCue {
        fields: CustomCueFields,
    },
    UpdateCustomCue {
        id: String,
        fields: CustomCueFields,
    },
    DeleteCustomCue {
        id: String,
    },
    /// Switches a kind of generated cue on or off for this event, with its heads-up.
    SetCueSetting {
        kind: CueKind,
        enabled: bool,
        #[ts(type = "number")]
        lead_secs: i64,
    },
    /// Adds an RTMP destination at the end of the list.
    AddDestination {
        fields: DestinationFields,
    },
    UpdateDestination {
        id: String,
        fields: DestinationFields,
    },
    DeleteDestination {
        id: String,
    },
    /// Adds checklist lines at the end (from a preset, or a single new line).
    AddBrandItems {
        items: Vec<PresetItem>,
    },
    UpdateBrandItem {
        id: String,
        fields: BrandItemFields,
    },
    DeleteBrandItem {
        id: String,
    },
    /// Moves an item along requested → received → approved / rejected (a reason is required)
    /// and back to requested. `by` and `at` are stamped by the caller.
    SetBrandStatus {
        id: String,
        status: AssetStatus,
        reason: String,
        by: String,
        at: DateTime<Utc>,
    },
    /// Records a file already copied and checked by the file store. A file that
    /// passes every check makes the item received; one that fails makes it rejected, with the
    /// failed checks (in `lang`) as the reason.
    AttachBrandFile {
        id: String,
        file: AssetFile,
        lang: Lang,
    },
    /// Takes a file off an item (the stored copy stays, other items or events may share it).
    /// An item received or approved with no stored file left is requested again (`by`, `at`
    /// stamped by the caller).
    RemoveBrandFile {
        id: String,
        sha256: String,
        by: String,
        at: DateTime<Utc>,
    },
    /// Palette, chat requirements, due-date lead time and speaker instructions. A colours item
    /// still requested becomes received once the palette can be approved, a chat item once the
    /// requirements are filled in (`by`, `at` stamped by the caller).
    UpdateBranding {
        fields: Branding,
        #[serde(default)]
        #[ts(optional)]
        by: Option<String>,
        #[serde(default)]
        #[ts(optional)]
        at: Option<DateTime<Utc>>,
    },
    /// Status, link and who did it; `done_at` is stamped by the caller (who owns the clock)
    /// when the status becomes done, and cleared when it stops being done.
    UpdateTask {
        id: String,
        status: TaskStatus,
        link: String,
        done_by: String,
        done_at: Option<DateTime<Utc>>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;
    use chrono_tz::Tz;

    fn seg(title: &str, secs: i64) -> SegmentFields {
        SegmentFields {
            kind: SegmentKind::Presentation,
            title: title.into(),
            duration_secs: secs,
            presenter_ids: vec![],
            notes: String::new(),
        }
    }

    fn titles(d: &EventData, session: &str) -> Vec<String> {
        d.segments_of(session).map(|g| g.title.clone()).collect()
    }

    #[test]
    fn local_times_are_read_in_the_event_zone() {
        let tz: Tz = "America/Toronto".parse().unwrap();
        assert_eq!(
            parse_instant("f", "2027-04-15T09:00", tz).unwrap(),
            utc("2027-04-15T13:00:00Z")
        );
        assert_eq!(
            parse_instant("f", "2027-01-15 09:00", tz).unwrap(),
            utc("2027-01-15T14:00:00Z")
        );
        assert_eq!(
            parse_instant("f", "2027-04-15T09:00:00+02:00", tz).unwrap(),
            utc("2027-04-15T07:00:00Z")
        );
    }

    #[test]
    fn the_skipped_spring_forward_hour_is_refused() {
        let tz: Tz = "America/Toronto".parse().unwrap();
        let e = parse_instant("session.start", "2027-03-14T02:30", tz).unwrap_err();
        assert!(e
            .message(crate::i18n::Lang::En)
            .contains("does not exist in America/Toronto"));
        // The repeated fall-back hour takes its first occurrence (EDT).
        assert_eq!(
            parse_instant("f", "2027-11-07T01:30", tz).unwrap(),
            utc("2027-11-07T05:30:00Z")
        );
    }

    #[test]
    fn segments_insert_move_and_delete_keep_positions_dense() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        let s = session(
            &mut d,
            &a,
            "S",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        for t in ["One", "Two", "Three"] {
            apply(
                &mut d,
                &Edit::AddSegment {
                    session_id: s.clone(),
                    position: None,
                    fields: seg(t, 60),
                },
            )
            .unwrap();
        }
        apply(
            &mut d,
            &Edit::AddSegment {
                session_id: s.clone(),
                position: Some(0),
                fields: seg("Zero", 60),
            },
        )
        .unwrap();
        assert_eq!(titles(&d, &s), ["Zero", "One", "Two", "Three"]);
        let three = d
            .segments
            .iter()
            .find(|g| g.title == "Three")
            .unwrap()
            .id
            .clone();
        apply(
            &mut d,
            &Edit::MoveSegment {
                id: three.clone(),
                to: 1,
            },
        )
        .unwrap();
        assert_eq!(titles(&d, &s), ["Zero", "Three", "One", "Two"]);
        apply(
            &mut d,
            &Edit::MoveSegment {
                id: three.clone(),
                to: 99,
            },
        )
        .unwrap();
        assert_eq!(titles(&d, &s), ["Zero", "One", "Two", "Three"]);
        let one = d
            .segments
            .iter()
            .find(|g| g.title == "One")
            .unwrap()
            .id
            .clone();
        apply(&mut d, &Edit::DeleteSegment { id: one }).unwrap();
        let positions: Vec<u32> = d.segments_of(&s).map(|g| g.position).collect();
        assert_eq!(positions, [0, 1, 2]);
    }

    #[test]
    fn negative_duration_names_the_field() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        let s = session(
            &mut d,
            &a,
            "S",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        let e = apply(
            &mut d,
            &Edit::AddSegment {
                session_id: s,
                position: None,
                fields: seg("Bad", -5),
            },
        )
        .unwrap_err();
        assert_eq!(
            e.message(crate::i18n::Lang::En),
            "Segment duration: out of range: -5 s is negative"
        );
    }

    #[test]
    fn deleting_a_person_removes_them_from_segments() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        let ana = speaker(&mut d, "Ana");
        let s = session(
            &mut d,
            &a,
            "S",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        segment(&mut d, &s, "Talk", 60, &[&ana]);
        apply(&mut d, &Edit::DeletePerson { id: ana }).unwrap();
        assert!(d.segments[0].presenter_ids.is_empty());
    }
}
