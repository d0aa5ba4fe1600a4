//! The production task template (domain.md: the analyst's and the customer's duties) and how an
//! event's tasks follow its schedule. [`sync`] runs after every edit: it adds the tasks the
//! template now asks for, moves the due instants of the existing ones, and drops those that no
//! longer apply (a session deleted, livestream turned off). A task's status is never reset.

use crate::model::{new_id, EventData, Owner, Session, Task, TaskKind, TaskStatus};
use crate::schedule::closing_pairs;
use crate::schedule::{AV_CHECK, SPEAKER_PREP};
use chrono::{DateTime, Duration, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// One task the template asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub kind: TaskKind,
    pub session_id: Option<String>,
    pub owner: Owner,
    pub due: DateTime<Utc>,
}

/// Event-wide duties: kind, owner, days before the first session.
const EVENT_TASKS: [(TaskKind, Owner, i64); 6] = [
    (TaskKind::EventProgram, Owner::Customer, 21),
    (TaskKind::ProductionCalendar, Owner::Analyst, 14),
    (TaskKind::BrandingAssets, Owner::Customer, 10),
    (TaskKind::ChatRequirements, Owner::Customer, 10),
    (TaskKind::SpeakerInvitations, Owner::Customer, 7),
    (TaskKind::ConfigureBranding, Owner::Analyst, 3),
];

/// What the template asks for, given the event as it is now.
pub fn plan(data: &EventData) -> Vec<Planned> {
    let mut out = Vec::new();
    let Some(first) = data.sessions.iter().map(|s| s.start).min() else {
        return out;
    };
    for (kind, owner, days) in EVENT_TASKS {
        out.push(Planned {
            kind,
            session_id: None,
            owner,
            due: first - Duration::days(days),
        });
    }
    let closing: BTreeSet<String> = closing_pairs(data).into_iter().map(|p| p.first).collect();
    for s in &data.sessions {
        let mut add = |kind, due| {
            out.push(Planned {
                kind,
                session_id: Some(s.id.clone()),
                owner: Owner::Analyst,
                due,
            })
        };
        add(TaskKind::AvCheck, s.start - AV_CHECK);
        add(TaskKind::SpeakerPrep, s.start - SPEAKER_PREP);
        if s.livestream {
            add(TaskKind::GoLive, s.start);
            add(TaskKind::EndStream, s.end);
        }
        if closing.contains(&s.id) {
            // Training happens the day before the event.
            add(TaskKind::TrainClosing, first - Duration::days(1));
        }
        after_session(s, &mut add);
    }
    out
}

fn after_session(s: &Session, add: &mut impl FnMut(TaskKind, DateTime<Utc>)) {
    if s.recording {
        add(TaskKind::DownloadRecording, s.end + Duration::minutes(30));
    }
    if s.recording && s.vod {
        add(TaskKind::EditRecording, s.end + Duration::days(1));
        add(TaskKind::UploadVod, s.end + Duration::days(2));
    }
}

/// Brings `data.tasks` in line with [`plan`]; returns whether anything changed.
pub fn sync(data: &mut EventData) -> bool {
    let planned = plan(data);
    let mut wanted: BTreeMap<(TaskKind, Option<String>), Planned> = planned
        .into_iter()
        .map(|p| ((p.kind, p.session_id.clone()), p))
        .collect();
    let before = data.tasks.clone();
    data.tasks
        .retain_mut(|t| match wanted.remove(&(t.kind, t.session_id.clone())) {
            Some(p) => {
                t.due = p.due;
                t.owner = p.owner;
                true
            }
            None => false,
        });
    for (_, p) in wanted {
        data.tasks.push(Task {
            id: new_id(),
            event_id: data.event.id.clone(),
            session_id: p.session_id,
            kind: p.kind,
            owner: p.owner,
            due: p.due,
            status: TaskStatus::Todo,
            link: String::new(),
            done_by: String::new(),
            done_at: None,
        });
    }
    data.normalize();
    data.tasks != before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn a_back_to_back_pair_adds_the_closing_training_task() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        let s1 = session(
            &mut d,
            &a,
            "One",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        session(
            &mut d,
            &a,
            "Two",
            "2027-05-04T15:00:00Z",
            "2027-05-04T16:00:00Z",
        );
        sync(&mut d);
        assert!(!d.tasks.iter().any(|t| t.kind == TaskKind::TrainClosing));
        d.sessions[1].start = utc("2027-05-04T14:10:00Z");
        assert!(sync(&mut d));
        let t = d
            .tasks
            .iter()
            .find(|t| t.kind == TaskKind::TrainClosing)
            .unwrap();
        assert_eq!(t.session_id.as_deref(), Some(s1.as_str()));
        assert_eq!(t.due, utc("2027-05-03T13:00:00Z"));
    }

    #[test]
    fn sync_keeps_status_moves_due_and_drops_what_no_longer_applies() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "One",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        sync(&mut d);
        let prep = d
            .tasks
            .iter_mut()
            .find(|t| t.kind == TaskKind::SpeakerPrep)
            .unwrap();
        prep.status = TaskStatus::Done;
        d.sessions[0].start = utc("2027-05-04T13:30:00Z");
        d.sessions[0].livestream = false;
        sync(&mut d);
        let prep = d
            .tasks
            .iter()
            .find(|t| t.kind == TaskKind::SpeakerPrep)
            .unwrap();
        assert_eq!(prep.status, TaskStatus::Done);
        assert_eq!(prep.due, utc("2027-05-04T13:15:00Z"));
        assert!(!d.tasks.iter().any(|t| t.kind == TaskKind::GoLive));
        assert!(!sync(&mut d), "a second sync changes nothing");
    }

    #[test]
    fn vod_sessions_get_the_recording_chain() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "One",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        d.sessions[0].vod = true;
        sync(&mut d);
        for k in [
            TaskKind::DownloadRecording,
            TaskKind::EditRecording,
            TaskKind::UploadVod,
        ] {
            assert!(d.tasks.iter().any(|t| t.kind == k), "{k:?}");
        }
        assert_eq!(d.tasks.iter().filter(|t| t.session_id.is_none()).count(), 6);
    }
}
