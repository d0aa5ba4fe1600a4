//! [`apply`]: carrying out a plan on a copy of the event, creating its stages and speakers once
//! each.

use super::{ImportPlan, PersonRef, StageRef};
use crate::text::fold;
use showcall_core::job::{Job, Unit};
use showcall_core::model::{new_id, EventData, Person, Role, Segment, SegmentKind, Session, Stage};
use std::collections::HashMap;

/// Applies a plan made on `data`: creates its stages and speakers, and adds each session with
/// one presentation segment lasting the whole session (presenters = its speakers, notes = its
/// description). Returns the new snapshot (tasks brought in line, lists in canonical order);
/// `data` is unchanged. Ids are fresh ([`new_id`]).
pub fn apply(data: &EventData, plan: &ImportPlan) -> EventData {
    apply_with(data, plan, &Job::none())
}

/// [`apply`], counting the sessions added on `job` (stage `sessions`). When `job` is cancelled
/// it stops within a thousand sessions with an incomplete event: the caller checks the job and
/// drops it.
pub(crate) fn apply_with(data: &EventData, plan: &ImportPlan, job: &Job) -> EventData {
    let mut b = Builder {
        next_position: data
            .stages
            .iter()
            .map(|s| s.position + 1)
            .max()
            .unwrap_or(0),
        d: data.clone(),
        stage_ids: HashMap::new(),
        person_ids: HashMap::new(),
    };
    for s in &plan.stages_to_create {
        b.stage_id(&s.name);
    }
    for p in &plan.people_to_create {
        b.person_id(&p.name);
    }
    let mut meter = job.meter(Unit::Rows, "sessions", Some(plan.sessions.len() as u64));
    for (i, s) in plan.sessions.iter().enumerate() {
        if i % 1000 == 0 && job.is_cancelled() {
            return b.d;
        }
        meter.add(1);
        let stage_id = match &s.stage {
            StageRef::Existing { id, .. } => id.clone(),
            StageRef::New { name } => b.stage_id(name),
        };
        let mut presenters: Vec<String> = Vec::new();
        for p in &s.presenters {
            let id = match p {
                PersonRef::Existing { id, .. } => id.clone(),
                PersonRef::New { name } => b.person_id(name),
            };
            if !presenters.contains(&id) {
                presenters.push(id);
            }
        }
        let session_id = new_id();
        b.d.sessions.push(Session {
            id: session_id.clone(),
            event_id: b.d.event.id.clone(),
            stage_id,
            title: s.title.clone(),
            start: s.start,
            end: s.end,
            livestream: true,
            recording: true,
            vod: false,
            restream: false,
        });
        let secs = (s.end - s.start).num_seconds().clamp(0, u32::MAX as i64) as u32;
        b.d.segments.push(Segment {
            id: new_id(),
            session_id,
            position: 0,
            kind: SegmentKind::Presentation,
            title: s.title.clone(),
            duration_secs: secs,
            presenter_ids: presenters,
            notes: s.description.clone(),
        });
    }
    meter.finish();
    let mut d = b.d;
    showcall_core::tasks::sync(&mut d);
    showcall_core::branding::sync(&mut d);
    d.normalize();
    d
}

/// Creates the plan's stages and speakers on first use, so a plan edited by hand cannot name
/// one it does not create.
struct Builder {
    d: EventData,
    stage_ids: HashMap<String, String>,
    person_ids: HashMap<String, String>,
    next_position: u32,
}

impl Builder {
    fn stage_id(&mut self, name: &str) -> String {
        let key = fold(name);
        if let Some(id) = self.stage_ids.get(&key) {
            return id.clone();
        }
        let id = new_id();
        self.d.stages.push(Stage {
            id: id.clone(),
            event_id: self.d.event.id.clone(),
            name: name.trim().to_string(),
            position: self.next_position,
        });
        self.next_position += 1;
        self.stage_ids.insert(key, id.clone());
        id
    }

    fn person_id(&mut self, name: &str) -> String {
        let key = fold(name);
        if let Some(id) = self.person_ids.get(&key) {
            return id.clone();
        }
        let id = new_id();
        self.d.people.push(Person {
            id: id.clone(),
            event_id: self.d.event.id.clone(),
            name: name.trim().to_string(),
            role: Role::Speaker,
            email: String::new(),
            time_zone: None,
            invitation_sent: false,
            tech_check_done: false,
            instructions_sent: false,
        });
        self.person_ids.insert(key, id.clone());
        id
    }
}
