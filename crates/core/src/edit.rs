//! User edits as data. The UI, the CLI and tests describe a change as an [`Edit`]; [`apply`]
//! performs it on an in-memory snapshot (pure), and the store validates the result and writes
//! it in one transaction. Instants arrive as text: RFC 3339 (`2027-04-15T13:00:00Z`) or a local
//! date-time in the event's zone (`2027-04-15T09:00`), which is how people type them.

use crate::cues::CueKind;
use crate::error::{Error, Invalid, Result};
use crate::model::*;
use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The editable fields of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventFields {
    pub name: String,
    pub customer: String,
    pub time_zone: String,
    pub locale: String,
    /// `YYYY-MM-DD`, or empty when unknown.
    pub kit_purchase_date: String,
    pub kit_term_months: u32,
    pub support_budget_minutes: u32,
}

/// The editable fields of a session. `start`/`end`: RFC 3339 or local `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionFields {
    pub stage_id: String,
    pub title: String,
    pub start: String,
    pub end: String,
    pub livestream: bool,
    pub recording: bool,
    pub vod: bool,
    /// Also restreamed to RTMP destinations.
    #[serde(default)]
    pub restream: bool,
}

impl SessionFields {
    /// The fields of a stored session, times as RFC 3339 (to edit one field of it).
    pub fn of(s: &Session) -> SessionFields {
        SessionFields {
            stage_id: s.stage_id.clone(),
            title: s.title.clone(),
            start: s.start.to_rfc3339(),
            end: s.end.to_rfc3339(),
            livestream: s.livestream,
            recording: s.recording,
            vod: s.vod,
            restream: s.restream,
        }
    }
}

/// The editable fields of a segment. The duration is signed so that a negative value typed in
/// the UI is refused with a message instead of failing to parse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SegmentFields {
    pub kind: SegmentKind,
    pub title: String,
    #[ts(type = "number")]
    pub duration_secs: i64,
    pub presenter_ids: Vec<String>,
    pub notes: String,
}

/// The editable fields of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonFields {
    pub name: String,
    pub role: Role,
    pub email: String,
    /// Empty when the same as the event's.
    pub time_zone: String,
    pub invitation_sent: bool,
    pub tech_check_done: bool,
    #[serde(default)]
    pub instructions_sent: bool,
}

/// The editable fields of an RTMP destination (the key is set apart, never through an edit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DestinationFields {
    pub name: String,
    pub preset: String,
    pub server_url: String,
    pub backup_url: String,
    pub session_ids: Vec<String>,
    pub status: DestinationStatus,
}

impl DestinationFields {
    /// Every session named belongs to the event (checked before unknown ones could be pruned).
    fn check_sessions(&self, d: &EventData) -> Result<()> {
        match self.session_ids.iter().find(|s| d.session(s).is_none()) {
            Some(s) => Err(Error::invalid(
                "destination.sessionIds",
                Invalid::UnknownReference(s.clone()),
            )),
            None => Ok(()),
        }
    }

    /// Fills `d` from the fields (trimmed), keeping what is not edited (key, last test).
    fn fill(&self, d: &mut Destination) {
        d.name = self.name.trim().to_string();
        d.preset = self.preset.clone();
        d.server_url = self.server_url.trim().to_string();
        d.backup_url = self.backup_url.trim().to_string();
        d.session_ids = self.session_ids.clone();
        d.status = self.status;
    }
}

/// The editable fields of a custom cue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomCueFields {
    pub session_id: String,
    pub segment_id: Option<String>,
    pub anchor: CueAnchor,
    #[ts(type = "number")]
    pub offset_secs: i64,
    pub kind: CueKind,
    pub text: String,
    #[ts(type = "number")]
    pub lead_secs: i64,
}

impl CustomCueFields {
    fn to_cue(&self, id: String) -> CustomCue {
        CustomCue {
            id,
            session_id: self.session_id.clone(),
            segment_id: self.segment_id.clone().filter(|s| !s.is_empty()),
            anchor: self.anchor,
            offset_secs: self.offset_secs,
            kind: self.kind,
            text: self.text.trim().to_string(),
            lead_secs: self.lead_secs,
        }
    }
}

/// The editable fields of a branding checklist item (status and files change apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandItemFields {
    pub title: String,
    pub owner: Owner,
    pub required: bool,
    /// `YYYY-MM-DD`, or empty to follow the event (the default lead time).
    pub due: String,
    pub notes: String,
    pub spec: crate::asset_check::Spec,
}

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
        items: Vec<crate::branding::PresetItem>,
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
        status: crate::branding::AssetStatus,
        reason: String,
        by: String,
        at: DateTime<Utc>,
    },
    /// Records a file already copied and checked by [`crate::branding::store_file`]. A file that
    /// passes every check makes the item received; one that fails makes it rejected, with the
    /// failed checks (in `lang`) as the reason.
    AttachBrandFile {
        id: String,
        file: crate::branding::AssetFile,
        lang: crate::i18n::Lang,
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
        fields: crate::branding::Branding,
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

/// Parses an instant typed by a user: RFC 3339, or a local date-time (`YYYY-MM-DDTHH:MM[:SS]`,
/// a space also works) in `zone`. A local time that does not exist (the hour skipped when the
/// clocks spring forward) is refused; an ambiguous one (the repeated hour) takes the first.
pub fn parse_instant(field: &str, value: &str, zone: Tz) -> Result<DateTime<Utc>> {
    let v = value.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Ok(t.with_timezone(&Utc));
    }
    let bad = || Error::invalid(field, Invalid::BadInstant(v.to_string()));
    let naive = [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(v, f).ok())
    .ok_or_else(bad)?;
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(Error::invalid(
            field,
            Invalid::Other(format!(
                "{v} does not exist in {zone} (the clocks change then)"
            )),
        )),
    }
}

fn find_mut<'a, T>(
    items: &'a mut [T],
    id: &str,
    kind: &'static str,
    key: fn(&T) -> &str,
) -> Result<&'a mut T> {
    items
        .iter_mut()
        .find(|x| key(x) == id)
        .ok_or_else(|| Error::NotFound {
            kind,
            id: id.into(),
        })
}

fn duration(v: i64) -> Result<u32> {
    if v < 0 {
        return Err(Error::invalid(
            "segment.durationSecs",
            Invalid::OutOfRange(format!("{v} s is negative")),
        ));
    }
    u32::try_from(v)
        .ok()
        .filter(|d| *d <= 24 * 3600)
        .ok_or_else(|| {
            Error::invalid(
                "segment.durationSecs",
                Invalid::OutOfRange(format!("{v} s is over 24 h")),
            )
        })
}

fn session_from(fields: &SessionFields, id: String, event_id: String, zone: Tz) -> Result<Session> {
    Ok(Session {
        id,
        event_id,
        stage_id: fields.stage_id.clone(),
        title: fields.title.trim().to_string(),
        start: parse_instant("session.start", &fields.start, zone)?,
        end: parse_instant("session.end", &fields.end, zone)?,
        livestream: fields.livestream,
        recording: fields.recording,
        vod: fields.vod,
        restream: fields.restream,
    })
}

fn segment_from(
    fields: &SegmentFields,
    id: String,
    session_id: String,
    position: u32,
) -> Result<Segment> {
    let mut presenters: Vec<String> = Vec::new();
    for p in &fields.presenter_ids {
        if !presenters.contains(p) {
            presenters.push(p.clone());
        }
    }
    Ok(Segment {
        id,
        session_id,
        position,
        kind: fields.kind,
        title: fields.title.trim().to_string(),
        duration_secs: duration(fields.duration_secs)?,
        presenter_ids: presenters,
        notes: fields.notes.clone(),
    })
}

fn person_from(fields: &PersonFields, id: String, event_id: String) -> Person {
    let tz = fields.time_zone.trim();
    Person {
        id,
        event_id,
        name: fields.name.trim().to_string(),
        role: fields.role,
        email: fields.email.trim().to_string(),
        time_zone: (!tz.is_empty()).then(|| tz.to_string()),
        invitation_sent: fields.invitation_sent,
        tech_check_done: fields.tech_check_done,
        instructions_sent: fields.instructions_sent,
    }
}

/// Renumbers one session's segments 0..n in their current order.
fn renumber(d: &mut EventData, order: Vec<String>) {
    for (i, id) in order.iter().enumerate() {
        if let Some(g) = d.segments.iter_mut().find(|g| &g.id == id) {
            g.position = i as u32;
        }
    }
}

fn ordered_ids(d: &EventData, session_id: &str) -> Vec<String> {
    let mut segs: Vec<&Segment> = d.segments_of(session_id).collect();
    segs.sort_by_key(|g| g.position);
    segs.into_iter().map(|g| g.id.clone()).collect()
}

/// Applies `edit` to `d` in memory. Returns the id of the item it created, if any. The caller
/// validates the whole result ([`crate::validate::event_data`]) before storing it.
pub fn apply(d: &mut EventData, edit: &Edit) -> Result<Option<String>> {
    let zone: Tz = crate::validate::zone("event.timeZone", &d.event.time_zone)?;
    let event_id = d.event.id.clone();
    let mut created = None;
    match edit {
        Edit::UpdateEvent { fields } => {
            crate::validate::zone("event.timeZone", &fields.time_zone)?;
            let date = fields.kit_purchase_date.trim();
            let kit_purchase_date = if date.is_empty() {
                None
            } else {
                Some(NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
                    Error::invalid("event.kitPurchaseDate", Invalid::BadInstant(date.into()))
                })?)
            };
            let e = &mut d.event;
            e.name = fields.name.trim().into();
            e.customer = fields.customer.trim().into();
            e.time_zone = fields.time_zone.trim().into();
            e.locale = fields.locale.clone();
            e.kit_purchase_date = kit_purchase_date;
            e.kit_term_months = fields.kit_term_months;
            e.support_budget_minutes = fields.support_budget_minutes;
        }
        Edit::AddStage { name } => {
            let id = new_id();
            d.stages.push(Stage {
                id: id.clone(),
                event_id,
                name: name.trim().into(),
                position: d.stages.len() as u32,
            });
            created = Some(id);
        }
        Edit::RenameStage { id, name } => {
            find_mut(&mut d.stages, id, "stage", |s| &s.id)?.name = name.trim().into();
        }
        Edit::DeleteStage { id } => {
            find_mut(&mut d.stages, id, "stage", |s| &s.id)?;
            d.stages.retain(|s| &s.id != id);
            let gone: Vec<String> = d
                .sessions
                .iter()
                .filter(|s| &s.stage_id == id)
                .map(|s| s.id.clone())
                .collect();
            d.sessions.retain(|s| &s.stage_id != id);
            d.custom_cues.retain(|c| !gone.contains(&c.session_id));
            d.segments.retain(|g| !gone.contains(&g.session_id));
            d.tasks
                .retain(|t| t.session_id.as_ref().is_none_or(|s| !gone.contains(s)));
        }
        Edit::AddSession { fields } => {
            let id = new_id();
            d.sessions
                .push(session_from(fields, id.clone(), event_id, zone)?);
            created = Some(id);
        }
        Edit::UpdateSession { id, fields } => {
            let updated = session_from(fields, id.clone(), event_id, zone)?;
            *find_mut(&mut d.sessions, id, "session", |s| &s.id)? = updated;
        }
        Edit::DeleteSession { id } => {
            find_mut(&mut d.sessions, id, "session", |s| &s.id)?;
            d.sessions.retain(|s| &s.id != id);
            d.segments.retain(|g| &g.session_id != id);
            d.custom_cues.retain(|c| &c.session_id != id);
            d.tasks.retain(|t| t.session_id.as_ref() != Some(id));
        }
        Edit::AddSegment {
            session_id,
            position,
            fields,
        } => {
            if d.session(session_id).is_none() {
                return Err(Error::NotFound {
                    kind: "session",
                    id: session_id.clone(),
                });
            }
            let id = new_id();
            let mut order = ordered_ids(d, session_id);
            let at = position
                .map(|p| p as usize)
                .unwrap_or(order.len())
                .min(order.len());
            d.segments
                .push(segment_from(fields, id.clone(), session_id.clone(), 0)?);
            order.insert(at, id.clone());
            renumber(d, order);
            created = Some(id);
        }
        Edit::UpdateSegment { id, fields } => {
            let seg = find_mut(&mut d.segments, id, "segment", |s| &s.id)?;
            *seg = segment_from(fields, id.clone(), seg.session_id.clone(), seg.position)?;
        }
        Edit::MoveSegment { id, to } => {
            let session_id = find_mut(&mut d.segments, id, "segment", |s| &s.id)?
                .session_id
                .clone();
            let mut order = ordered_ids(d, &session_id);
            order.retain(|x| x != id);
            let at = (*to as usize).min(order.len());
            order.insert(at, id.clone());
            renumber(d, order);
        }
        Edit::DeleteSegment { id } => {
            let session_id = find_mut(&mut d.segments, id, "segment", |s| &s.id)?
                .session_id
                .clone();
            d.segments.retain(|g| &g.id != id);
            d.custom_cues.retain(|c| c.segment_id.as_ref() != Some(id));
            let order = ordered_ids(d, &session_id);
            renumber(d, order);
        }
        Edit::AddPerson { fields } => {
            let id = new_id();
            d.people.push(person_from(fields, id.clone(), event_id));
            created = Some(id);
        }
        Edit::UpdatePerson { id, fields } => {
            let updated = person_from(fields, id.clone(), event_id);
            *find_mut(&mut d.people, id, "person", |p| &p.id)? = updated;
        }
        Edit::DeletePerson { id } => {
            find_mut(&mut d.people, id, "person", |p| &p.id)?;
            d.people.retain(|p| &p.id != id);
            for g in &mut d.segments {
                g.presenter_ids.retain(|p| p != id);
            }
        }
        Edit::AddCustomCue { fields } => {
            let id = new_id();
            d.custom_cues.push(fields.to_cue(id.clone()));
            created = Some(id);
        }
        Edit::UpdateCustomCue { id, fields } => {
            *find_mut(&mut d.custom_cues, id, "cue", |c| &c.id)? = fields.to_cue(id.clone());
        }
        Edit::DeleteCustomCue { id } => {
            find_mut(&mut d.custom_cues, id, "cue", |c| &c.id)?;
            d.custom_cues.retain(|c| &c.id != id);
        }
        Edit::SetCueSetting {
            kind,
            enabled,
            lead_secs,
        } => {
            d.cue_settings.retain(|c| c.kind != *kind);
            d.cue_settings.push(CueSetting {
                kind: *kind,
                enabled: *enabled,
                lead_secs: *lead_secs,
            });
        }
        Edit::SetTaskStatus { id, status } => {
            find_mut(&mut d.tasks, id, "task", |t| &t.id)?.status = *status;
        }
        Edit::AddBrandItems { .. }
        | Edit::UpdateBrandItem { .. }
        | Edit::DeleteBrandItem { .. }
        | Edit::SetBrandStatus { .. }
        | Edit::AttachBrandFile { .. }
        | Edit::RemoveBrandFile { .. }
        | Edit::UpdateBranding { .. } => created = crate::branding::apply(d, edit)?,
        Edit::UpdateTask {
            id,
            status,
            link,
            done_by,
            done_at,
        } => {
            let link = link.trim();
            let web = link.starts_with("https://") || link.starts_with("http://");
            if !link.is_empty() && !web {
                return Err(Error::invalid(
                    "task.link",
                    Invalid::Other(format!("“{link}” is not a web address (https://…)")),
                ));
            }
            let t = find_mut(&mut d.tasks, id, "task", |t| &t.id)?;
            t.status = *status;
            t.link = link.to_string();
            t.done_by = done_by.trim().to_string();
            t.done_at = if *status == TaskStatus::Done {
                done_at.or(t.done_at)
            } else {
                None
            };
        }
        Edit::AddDestination { fields } => {
            fields.check_sessions(d)?;
            let id = new_id();
            let mut x = Destination {
                id: id.clone(),
                event_id,
                position: d.destinations.len() as u32,
                name: String::new(),
                preset: String::new(),
                server_url: String::new(),
                backup_url: String::new(),
                session_ids: vec![],
                status: DestinationStatus::Requested,
                has_key: false,
                key_hint: String::new(),
                last_test: None,
            };
            fields.fill(&mut x);
            d.destinations.push(x);
            created = Some(id);
        }
        Edit::UpdateDestination { id, fields } => {
            fields.check_sessions(d)?;
            fields.fill(find_mut(&mut d.destinations, id, "destination", |x| &x.id)?);
        }
        Edit::DeleteDestination { id } => {
            find_mut(&mut d.destinations, id, "destination", |x| &x.id)?;
            d.destinations.retain(|x| &x.id != id);
        }
    }
    // A session that is gone is no longer restreamed anywhere.
    let sessions: std::collections::HashSet<String> =
        d.sessions.iter().map(|s| s.id.clone()).collect();
    for x in &mut d.destinations {
        x.session_ids.retain(|s| sessions.contains(s));
    }
    d.normalize();
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

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
