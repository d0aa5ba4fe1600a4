//! The production task template (domain.md: the analyst's and the customer's duties) and how an
//! event's tasks follow its schedule. [`sync`] runs after every edit: it adds the tasks the
//! template now asks for, moves the due instants of the existing ones, and drops those that no
//! longer apply (a session deleted, livestream turned off). A task's status is never reset.

use crate::ids::{self, IdMap};
use crate::model::{new_id, EventData, Owner, Session, Shared, Stage, Task, TaskKind, TaskStatus};
use crate::schedule::closing_pairs;
use crate::schedule::{AV_CHECK, SPEAKER_PREP};
use chrono::{DateTime, Duration, Utc};

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
    each_planned(
        data,
        &Slots::of(&data.sessions),
        |kind, session, owner, due| {
            out.push(Planned {
                kind,
                session_id: session.map(|i| data.sessions[i].id.clone()),
                owner,
                due,
            })
        },
    );
    out
}

/// Each distinct session id numbered from 1 (0 stands for the event itself), so the plan can
/// be a table of number × kind and each task is found with one hash of its session id.
struct Slots<'a> {
    of_id: IdMap<&'a str, usize>,
    /// The number of each session, by index.
    of_session: Vec<usize>,
    /// A session having each number's id, by number (0 for the event).
    session: Vec<usize>,
}

impl<'a> Slots<'a> {
    fn of(sessions: &'a [Session]) -> Slots<'a> {
        let mut of_id = ids::map(sessions.len());
        let mut session = vec![0];
        let of_session = sessions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                *of_id.entry(s.id.as_str()).or_insert_with(|| {
                    session.push(i);
                    session.len() - 1
                })
            })
            .collect();
        Slots {
            of_id,
            of_session,
            session,
        }
    }

    fn count(&self) -> usize {
        self.session.len()
    }
}

/// Calls `add(kind, session, owner, due)` for each task of [`plan`], in its order, with the
/// session as an index into `data.sessions` (so [`sync`] copies no id).
fn each_planned(
    data: &EventData,
    slots: &Slots,
    mut add: impl FnMut(TaskKind, Option<usize>, Owner, DateTime<Utc>),
) {
    let Some(first) = data.sessions.iter().map(|s| s.start).min() else {
        return;
    };
    for (kind, owner, days) in EVENT_TASKS {
        add(kind, None, owner, first - Duration::days(days));
    }
    // Whether each session id opens a back-to-back pair.
    let mut closing = vec![false; slots.count()];
    for p in closing_pairs(data) {
        if let Some(&slot) = slots.of_id.get(p.first.as_str()) {
            closing[slot] = true;
        }
    }
    for (i, s) in data.sessions.iter().enumerate() {
        let mut add = |kind, due| add(kind, Some(i), Owner::Analyst, due);
        add(TaskKind::AvCheck, s.start - AV_CHECK);
        add(TaskKind::SpeakerPrep, s.start - SPEAKER_PREP);
        if s.livestream {
            add(TaskKind::GoLive, s.start);
            add(TaskKind::EndStream, s.end);
        }
        if closing[slots.of_session[i]] {
            // Training happens the day before the event.
            add(TaskKind::TrainClosing, first - Duration::days(1));
        }
        after_session(s, &mut add);
    }
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

/// The lists a [`sync`] read (the sessions, the stages, the event's id) and the tasks it left:
/// a copy of the event that still holds these very lists has its tasks in line, and need not
/// be read again (a segment's edit changes none of them). The lists are held, so the ones
/// compared with cannot have been changed in place meanwhile.
pub struct Synced {
    event_id: String,
    sessions: Shared<Session>,
    stages: Vec<Stage>,
    tasks: Shared<Task>,
}

impl Synced {
    /// What `data`, its tasks just brought in line by [`sync`], was synced from.
    pub fn of(data: &EventData) -> Synced {
        Synced {
            event_id: data.event.id.clone(),
            sessions: data.sessions.clone(),
            stages: data.stages.clone(),
            tasks: data.tasks.clone(),
        }
    }

    /// Whether [`sync`] would leave `data`'s tasks as they are.
    pub fn holds_for(&self, data: &EventData) -> bool {
        data.sessions.same(&self.sessions)
            && data.tasks.same(&self.tasks)
            && data.stages == self.stages
            && data.event.id == self.event_id
    }
}

/// Brings `data.tasks` in line with [`plan`]; returns whether anything changed.
///
/// A task is matched to the plan by its kind and session id (when the plan names the same
/// pair twice, the later one counts). The plan is a table of session number × kind, each
/// distinct session id numbered once: no id is copied, and the tasks are not cloned to tell
/// whether anything changed.
pub fn sync(data: &mut EventData) -> bool {
    const KINDS: usize = TaskKind::ALL.len();
    let slots = Slots::of(&data.sessions);
    let mut wanted: Vec<Option<(DateTime<Utc>, Owner)>> = vec![None; slots.count() * KINDS];
    each_planned(data, &slots, |kind, session, owner, due| {
        let slot = session.map_or(0, |i| slots.of_session[i]);
        wanted[slot * KINDS + kind as usize] = Some((due, owner));
    });
    // Most edits leave every task as it is: read first, and then the list (shared with the
    // event as it was) is not copied.
    if in_line(&data.tasks, &slots, &wanted) {
        drop(slots);
        let moved = !data.tasks.is_sorted_by(|a, b| Task::order(a, b).is_le());
        data.normalize();
        return moved;
    }
    let len_before = data.tasks.len();
    let mut changed = false;
    data.tasks.retain_mut(|t| {
        let slot = match &t.session_id {
            None => Some(0),
            Some(id) => slots.of_id.get(id.as_str()).copied(),
        };
        match slot.and_then(|slot| wanted[slot * KINDS + t.kind as usize].take()) {
            Some((due, owner)) => {
                changed |= t.due != due || t.owner != owner;
                t.due = due;
                t.owner = owner;
                true
            }
            None => false,
        }
    });
    changed |= data.tasks.len() != len_before;
    // What is left is new, added in (kind, session id) order.
    let session_id =
        |slot: usize| (slot > 0).then(|| data.sessions[slots.session[slot]].id.as_str());
    let mut added: Vec<(TaskKind, Option<&str>, DateTime<Utc>, Owner)> = wanted
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let (due, owner) = (*w)?;
            Some((TaskKind::ALL[i % KINDS], session_id(i / KINDS), due, owner))
        })
        .collect();
    added.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    changed |= !added.is_empty();
    let new: Vec<Task> = added
        .into_iter()
        .map(|(kind, session_id, due, owner)| Task {
            id: new_id(),
            event_id: data.event.id.clone(),
            session_id: session_id.map(str::to_string),
            kind,
            owner,
            due,
            status: TaskStatus::Todo,
            link: String::new(),
            done_by: String::new(),
            done_at: None,
        })
        .collect();
    drop(slots);
    data.tasks.extend(new);
    if changed {
        data.normalize();
        return true;
    }
    // Nothing was added, dropped or edited: only normalizing can still move a task. Each task
    // is known by the address of its id's text, which a move keeps (an id with no text has no
    // address of its own, so then the tasks are compared the plain way).
    if data.tasks.iter().any(|t| t.id.capacity() == 0) {
        let before = data.tasks.clone();
        data.normalize();
        return data.tasks != before;
    }
    let order: Vec<*const u8> = data.tasks.iter().map(|t| t.id.as_ptr()).collect();
    data.normalize();
    !data.tasks.iter().map(|t| t.id.as_ptr()).eq(order)
}

/// Whether `tasks` are exactly what `wanted` asks for (what [`sync`] would keep, with nothing to
/// move, add or drop).
fn in_line(tasks: &[Task], slots: &Slots, wanted: &[Option<(DateTime<Utc>, Owner)>]) -> bool {
    const KINDS: usize = TaskKind::ALL.len();
    let mut kept = vec![false; wanted.len()];
    for t in tasks {
        let slot = match &t.session_id {
            None => Some(0),
            Some(id) => slots.of_id.get(id.as_str()).copied(),
        };
        let Some(i) = slot.map(|slot| slot * KINDS + t.kind as usize) else {
            return false;
        };
        match wanted[i] {
            // A second task for the same pair would be dropped.
            Some((due, owner)) if !kept[i] && t.due == due && t.owner == owner => kept[i] = true,
            _ => return false,
        }
    }
    wanted.iter().zip(&kept).all(|(w, k)| w.is_none() || *k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn each_kind_has_its_own_column_in_the_plan_table() {
        for (i, k) in TaskKind::ALL.into_iter().enumerate() {
            assert_eq!(k as usize, i, "{k:?} is out of place in TaskKind::ALL");
        }
    }

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
