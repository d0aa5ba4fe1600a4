//! `tasks::sync` and `tasks::plan` give exactly what the plain algorithm they replaced gives
//! (kept below as [`reference`]): the same tasks in the same order with the same fields, the
//! same answer to "did anything change", and the same other lists after normalizing, on
//! random events built from a fixed seed (sessions added, removed and moved, tasks done,
//! re-owned, shuffled, duplicated or orphaned). Only the ids of tasks created by a sync differ,
//! being fresh UUIDs; they must sit at the same places.

use chrono::{DateTime, Duration, TimeZone, Utc};
use showcall_core::model::{
    new_id, Event, EventData, Owner, Session, Stage, Task, TaskKind, TaskStatus,
};
use showcall_core::tasks;
use std::collections::HashSet;

/// The algorithm as it was before it was made fast: a sorted map of owned keys, and a clone
/// of the tasks to tell whether anything changed.
mod reference {
    use chrono::{DateTime, Duration, Utc};
    use showcall_core::model::{new_id, EventData, Owner, Session, Task, TaskKind, TaskStatus};
    use showcall_core::schedule::{closing_pairs, AV_CHECK, SPEAKER_PREP};
    use showcall_core::tasks::Planned;
    use std::collections::{BTreeMap, BTreeSet};

    const EVENT_TASKS: [(TaskKind, Owner, i64); 6] = [
        (TaskKind::EventProgram, Owner::Customer, 21),
        (TaskKind::ProductionCalendar, Owner::Analyst, 14),
        (TaskKind::BrandingAssets, Owner::Customer, 10),
        (TaskKind::ChatRequirements, Owner::Customer, 10),
        (TaskKind::SpeakerInvitations, Owner::Customer, 7),
        (TaskKind::ConfigureBranding, Owner::Analyst, 3),
    ];

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
}

/// SplitMix64: a tiny seeded generator, so a failure names a seed that replays it.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// True `pct` times in a hundred.
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
}

fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 5, 4, 12, 0, 0).unwrap()
}

fn random_session(r: &mut Rng, d: &EventData, n: usize) -> Session {
    // Ids sometimes repeat, and a few sessions sit on a stage that does not exist.
    let id = if !d.sessions.is_empty() && r.chance(4) {
        d.sessions[r.below(d.sessions.len())].id.clone()
    } else {
        format!("s{n:03}")
    };
    let stage_id = if r.chance(5) || d.stages.is_empty() {
        "nowhere".to_string()
    } else {
        d.stages[r.below(d.stages.len())].id.clone()
    };
    // Five-minute steps, so back-to-back pairs, short gaps and overlaps are all common.
    let start = base() + Duration::minutes(5 * r.below(60) as i64);
    let end = if r.chance(3) {
        start - Duration::minutes(5)
    } else {
        start + Duration::minutes(5 * (1 + r.below(12)) as i64)
    };
    Session {
        id,
        event_id: d.event.id.clone(),
        stage_id,
        title: format!("Talk {}", r.below(8)),
        start,
        end,
        livestream: r.chance(70),
        recording: r.chance(70),
        vod: r.chance(40),
        restream: r.chance(20),
    }
}

fn random_event(r: &mut Rng) -> EventData {
    let mut d = EventData::of(Event {
        id: "ev".into(),
        name: "Event".into(),
        customer: "Acme".into(),
        time_zone: "UTC".into(),
        locale: "en".into(),
        kit_purchase_date: None,
        kit_term_months: 12,
        support_budget_minutes: 540,
        revision: 0,
    });
    for i in 0..1 + r.below(4) {
        d.stages.push(Stage {
            id: format!("st{i}"),
            event_id: "ev".into(),
            name: format!("Stage {i}"),
            position: i as u32,
        });
    }
    let mut n = 0;
    for _ in 0..r.below(25) {
        let s = random_session(r, &d, n);
        d.sessions.push(s);
        n += 1;
    }
    // Most events have been synced before (the plain way, so the start state is the same).
    if r.chance(85) {
        reference::sync(&mut d);
    }
    // Then some edits, of the schedule and of the tasks.
    let edits = if r.chance(25) { 0 } else { 1 + r.below(8) };
    for _ in 0..edits {
        match r.below(12) {
            0 => {
                let s = random_session(r, &d, n);
                d.sessions.push(s);
                n += 1;
            }
            1 if !d.sessions.is_empty() => {
                let i = r.below(d.sessions.len());
                d.sessions.remove(i);
            }
            2 if !d.sessions.is_empty() => {
                let i = r.below(d.sessions.len());
                let by = Duration::minutes(5 * r.below(20) as i64 - 50);
                d.sessions[i].start += by;
                d.sessions[i].end += by;
            }
            3 if !d.sessions.is_empty() => {
                let i = r.below(d.sessions.len());
                let s = &mut d.sessions[i];
                match r.below(3) {
                    0 => s.livestream = !s.livestream,
                    1 => s.recording = !s.recording,
                    _ => s.vod = !s.vod,
                }
            }
            4 if !d.tasks.is_empty() => {
                let i = r.below(d.tasks.len());
                let t = &mut d.tasks[i];
                t.status = if r.chance(50) {
                    TaskStatus::Done
                } else {
                    TaskStatus::Skipped
                };
                t.done_by = "ana".into();
                t.done_at = Some(base());
                t.link = "https://example.org/x".into();
            }
            5 if !d.tasks.is_empty() => {
                let i = r.below(d.tasks.len());
                let t = &mut d.tasks[i];
                t.owner = match t.owner {
                    Owner::Analyst => Owner::Customer,
                    Owner::Customer => Owner::Analyst,
                };
            }
            6 if !d.tasks.is_empty() => {
                let i = r.below(d.tasks.len());
                d.tasks[i].due += Duration::minutes(7);
            }
            7 if d.tasks.len() > 1 => {
                let (i, j) = (r.below(d.tasks.len()), r.below(d.tasks.len()));
                d.tasks.swap(i, j);
            }
            8 if !d.tasks.is_empty() => {
                // The same duty twice: with its own id, the same id, or an empty one.
                let i = r.below(d.tasks.len());
                let mut t = d.tasks[i].clone();
                match r.below(3) {
                    0 => t.id = format!("dup{n}"),
                    1 => {}
                    _ => t.id = String::new(),
                }
                n += 1;
                t.status = TaskStatus::Done;
                let at = r.below(d.tasks.len() + 1);
                d.tasks.insert(at, t);
            }
            9 => {
                // A duty of a session that is gone, or a session duty with no session.
                let session_id = if r.chance(50) {
                    Some("gone".to_string())
                } else {
                    None
                };
                d.tasks.push(Task {
                    id: format!("orphan{n}"),
                    event_id: "ev".into(),
                    session_id,
                    kind: TaskKind::ALL[r.below(TaskKind::ALL.len())],
                    owner: Owner::Analyst,
                    due: base(),
                    status: TaskStatus::Todo,
                    link: String::new(),
                    done_by: String::new(),
                    done_at: None,
                });
                n += 1;
            }
            10 if !d.tasks.is_empty() => {
                let i = r.below(d.tasks.len());
                d.tasks.remove(i);
            }
            11 if !d.tasks.is_empty() => {
                // An event duty filed under a session.
                let i = r.below(d.tasks.len());
                if let Some(s) = d.sessions.first() {
                    d.tasks[i].session_id = Some(s.id.clone());
                }
            }
            _ => {}
        }
    }
    if r.chance(50) {
        d.normalize();
    }
    d
}

/// Asserts `fast` is `slow` but for the ids of tasks made by the sync (not among `known`).
fn same_tasks(seed: u64, known: &HashSet<String>, slow: &[Task], fast: &[Task]) {
    assert_eq!(slow.len(), fast.len(), "seed {seed}: task count");
    let mut fresh = HashSet::new();
    for (i, (a, b)) in slow.iter().zip(fast).enumerate() {
        let (new_a, new_b) = (!known.contains(&a.id), !known.contains(&b.id));
        assert_eq!(new_a, new_b, "seed {seed}: task {i} is new in only one");
        if new_b {
            assert_eq!(b.id.len(), 36, "seed {seed}: a new task gets a UUID");
            assert!(fresh.insert(b.id.clone()), "seed {seed}: new ids repeat");
            let blank = |t: &Task| Task {
                id: String::new(),
                ..t.clone()
            };
            assert_eq!(blank(a), blank(b), "seed {seed}: new task {i}");
        } else {
            assert_eq!(a, b, "seed {seed}: task {i}");
        }
    }
}

#[test]
fn sync_and_plan_match_the_plain_algorithm_on_random_events() {
    let (mut changed, mut unchanged) = (0, 0);
    for seed in 0..600u64 {
        let mut r = Rng(seed);
        let d = random_event(&mut r);
        assert_eq!(
            tasks::plan(&d),
            reference::plan(&d),
            "seed {seed}: plan differs"
        );
        let known: HashSet<String> = d.tasks.iter().map(|t| t.id.clone()).collect();
        let (mut slow, mut fast) = (d.clone(), d.clone());
        let (said_slow, said_fast) = (reference::sync(&mut slow), tasks::sync(&mut fast));
        assert_eq!(
            said_slow, said_fast,
            "seed {seed}: whether anything changed"
        );
        same_tasks(seed, &known, &slow.tasks, &fast.tasks);
        // The other lists are normalized the same way.
        let (mut rest_slow, mut rest_fast) = (slow.clone(), fast.clone());
        rest_slow.tasks.clear();
        rest_fast.tasks.clear();
        assert_eq!(rest_slow, rest_fast, "seed {seed}: the rest of the event");
        // A second sync of the same result (usually nothing to do) agrees too.
        let known: HashSet<String> = slow.tasks.iter().map(|t| t.id.clone()).collect();
        let mut again = slow.clone();
        assert_eq!(
            reference::sync(&mut slow),
            tasks::sync(&mut again),
            "seed {seed}: second sync"
        );
        same_tasks(seed, &known, &slow.tasks, &again.tasks);
        if said_fast {
            changed += 1;
        } else {
            unchanged += 1;
        }
    }
    // The generator covers both answers well.
    assert!(changed > 100 && unchanged > 100, "{changed} / {unchanged}");
}

#[test]
fn sync_matches_the_plain_algorithm_on_the_conference_day() {
    let mut d = showcall_core::testing::conference(6, 20);
    reference::sync(&mut d);
    // Some tasks done, some re-owned, one session moved into a back-to-back pair, one
    // dropped, one added, and the tasks out of order.
    for (i, t) in d.tasks.iter_mut().enumerate() {
        if i % 7 == 0 {
            t.status = TaskStatus::Done;
        }
        if i % 11 == 0 {
            t.owner = Owner::Customer;
        }
    }
    d.tasks.reverse();
    d.sessions[3].start += Duration::minutes(2);
    d.sessions.remove(10);
    let mut extra = d.sessions[0].clone();
    extra.id = new_id();
    extra.vod = true;
    d.sessions.push(extra);
    let known: HashSet<String> = d.tasks.iter().map(|t| t.id.clone()).collect();
    let (mut slow, mut fast) = (d.clone(), d.clone());
    assert_eq!(reference::sync(&mut slow), tasks::sync(&mut fast));
    same_tasks(0, &known, &slow.tasks, &fast.tasks);
    // The added session starts and ends with the first one on its stage, so which of the two
    // pairs with the next is only settled once sessions are normalized: a second sync may
    // still move a task, and both ways agree on it.
    let mut again = fast.clone();
    again.tasks = slow.tasks.clone();
    let known: HashSet<String> = slow.tasks.iter().map(|t| t.id.clone()).collect();
    assert_eq!(reference::sync(&mut slow), tasks::sync(&mut again));
    same_tasks(0, &known, &slow.tasks, &again.tasks);
    fast = again;
    slow.tasks.clear();
    fast.tasks.clear();
    assert!(
        slow == fast,
        "the rest of the event is normalized the same way"
    );
}
