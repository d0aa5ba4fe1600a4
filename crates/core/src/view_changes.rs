//! What changed between two views of one event, as the window applies it: for each list of the
//! view (stages, sessions, segments, people, tasks, cues, destinations, checklist, the
//! schedule's sessions, the findings) the splices that turn the old list into the new one
//! (Myers' diff), and the small parts whole. On a 2,000-session event an edit of one segment
//! answers with a few kilobytes instead of the whole view (about 6 MB of JSON).

use crate::model::{
    BrandItem, Branding, CueSetting, CustomCue, Destination, Event, Permissions, Person, Segment,
    Session, Shared, Stage, Task,
};
use crate::rules::Finding;
use crate::schedule::{SessionTimes, SupportWindow};
use crate::view::{BrandView, EventView};
use serde::Serialize;
use similar::algorithms::{myers, Capture, Replace};
use similar::DiffOp;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// Replace `remove` items at `at` (in the list as the earlier splices left it) with `insert`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Splice<T> {
    pub at: u32,
    pub remove: u32,
    pub insert: Vec<T>,
}

/// The changes from one view of an event to the next, in the order the window applies them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ViewChanges {
    pub event_id: String,
    /// The revision the changes apply to (the window must show it); `event` has the new one.
    #[ts(type = "number")]
    pub from_revision: i64,
    pub event: Event,
    pub stages: Vec<Splice<Stage>>,
    pub sessions: Vec<Splice<Session>>,
    pub segments: Vec<Splice<Segment>>,
    pub people: Vec<Splice<Person>>,
    pub tasks: Vec<Splice<Task>>,
    pub custom_cues: Vec<Splice<CustomCue>>,
    pub cue_settings: Vec<Splice<CueSetting>>,
    pub destinations: Vec<Splice<Destination>>,
    pub brand_items: Vec<Splice<BrandItem>>,
    /// Present when it changed.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branding: Option<Branding>,
    pub support_window: Option<SupportWindow>,
    pub schedule: Vec<Splice<std::sync::Arc<SessionTimes>>>,
    pub findings: Vec<Splice<std::sync::Arc<Finding>>>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub may: Permissions,
    pub brand: BrandView,
}

/// The answer to an edit: what changed in the view the window shows (`changes`), or the whole
/// new view when the window shows none of that event; and the id of the item the edit created,
/// if any.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EditResult {
    pub view: Option<EventView>,
    pub changes: Option<ViewChanges>,
    pub created: Option<String>,
}

impl EditResult {
    /// The answer for a window that shows `shown` (a view of the same event, of whatever
    /// revision: the changes name it, and a window that shows another one reads the event
    /// again), now `new`.
    pub fn of(shown: Option<&EventView>, new: &EventView, created: Option<String>) -> EditResult {
        match shown.filter(|s| s.data.event.id == new.data.event.id) {
            Some(old) => EditResult {
                view: None,
                changes: Some(between(old, new)),
                created,
            },
            None => EditResult {
                view: Some(new.clone()),
                changes: None,
                created,
            },
        }
    }
}

impl EditResult {
    /// This answer as the app sends it to a window used by `actor`: the whole view as
    /// [`EventView::for_window`] makes it, or the changes with the findings they bring in
    /// stripped the same way (so, applied to the window's view, they give that view of the
    /// new event).
    pub fn for_window(mut self, actor: crate::Actor) -> EditResult {
        self.view = self.view.map(|v| v.for_window(actor));
        if actor == crate::Actor::Analyst {
            if let Some(ch) = self.changes.as_mut() {
                for s in &mut ch.findings {
                    s.insert = crate::view::without_hints(&s.insert);
                }
            }
        }
        self
    }
}

/// The longest the diff of one list may take before it settles for a coarser answer (still
/// exact, just less small).
const DEADLINE: Duration = Duration::from_millis(20);

/// The splices that turn `old` into `new`.
pub fn splices<T: PartialEq + Clone>(old: &[T], new: &[T]) -> Vec<Splice<T>> {
    if old == new {
        return Vec::new();
    }
    let mut hook = Replace::new(Capture::new());
    let deadline = Instant::now() + DEADLINE;
    if myers::diff_deadline(
        &mut hook,
        old,
        0..old.len(),
        new,
        0..new.len(),
        Some(deadline),
    )
    .is_err()
    {
        return vec![Splice {
            at: 0,
            remove: old.len() as u32,
            insert: new.to_vec(),
        }];
    }
    let mut out = Splices::new(new);
    for op in hook.into_inner().into_ops() {
        out.op(op);
    }
    out.done()
}

/// [`splices`] for a long list whose rows have a key (an id): the same splices, or nearly.
///
/// The rows alike at both ends are left out first, each compared once; the diff then runs on
/// the keys of the stretch between, a number per key, and a row whose key stayed in place is
/// compared with its new self once (a change of it is a splice of that row). A diff of whole
/// rows compares the same rows again and again: a moved session's tasks, a few rows out of
/// place among 12,000, made it about 10 ms.
pub fn splices_by<'a, T: PartialEq + Clone, K: std::hash::Hash + Eq>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&'a T) -> K,
) -> Vec<Splice<T>> {
    let (head, tail) = crate::model::alike_ends(old, new);
    if head == old.len() && head == new.len() {
        return Vec::new();
    }
    let (old_end, new_end) = (old.len() - tail, new.len() - tail);
    let mut numbers: crate::ids::IdMap<K, u32> = crate::ids::map(old_end - head);
    let mut number = |row: &'a T| {
        let n = numbers.len() as u32;
        *numbers.entry(key(row)).or_insert(n)
    };
    let a: Vec<u32> = old[head..old_end].iter().map(&mut number).collect();
    let b: Vec<u32> = new[head..new_end].iter().map(&mut number).collect();
    let mut hook = Replace::new(Capture::new());
    let deadline = Instant::now() + DEADLINE;
    // The diff's indexes are in the stretch: `head` rows after the lists' own.
    let mut out = Splices::new(new);
    out.offset = head;
    if myers::diff_deadline(&mut hook, &a, 0..a.len(), &b, 0..b.len(), Some(deadline)).is_err() {
        out.op(DiffOp::Replace {
            old_index: 0,
            old_len: a.len(),
            new_index: 0,
            new_len: b.len(),
        });
        return out.done();
    }
    for op in hook.into_inner().into_ops() {
        match op {
            // Same keys in the same places: each row that changed is a splice of its own.
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for i in 0..len {
                    let (o, n) = (old_index + i, new_index + i);
                    if old[head + o] != new[head + n] {
                        out.op(DiffOp::Replace {
                            old_index: o,
                            old_len: 1,
                            new_index: n,
                            new_len: 1,
                        });
                    }
                }
            }
            op => out.op(op),
        }
    }
    out.done()
}

/// Splices made from a diff's operations, in order: each op's indexes are in the original
/// lists, and applied in order, an earlier splice has shifted later positions by (inserted −
/// removed). An op that starts where the last one ended joins it.
struct Splices<'a, T> {
    new: &'a [T],
    /// Added to each op's indexes (a diff of a stretch of the lists).
    offset: usize,
    out: Vec<Splice<T>>,
    /// Where the last splice ends, in the old list and in the new one.
    end: Option<(usize, usize)>,
    shift: i64,
}

impl<'a, T: Clone> Splices<'a, T> {
    fn new(new: &'a [T]) -> Self {
        Splices {
            new,
            offset: 0,
            out: Vec::new(),
            end: None,
            shift: 0,
        }
    }

    fn op(&mut self, op: DiffOp) {
        let (at, remove, range) = match op {
            DiffOp::Equal { .. } => return,
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index, old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index, 0, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (old_index, old_len, new_index..new_index + new_len),
        };
        let (at, range) = (
            at + self.offset,
            range.start + self.offset..range.end + self.offset,
        );
        let next = (at + remove, range.end);
        match self.out.last_mut() {
            Some(last) if self.end == Some((at, range.start)) => {
                last.remove += remove as u32;
                last.insert.extend_from_slice(&self.new[range.clone()]);
            }
            _ => self.out.push(Splice {
                at: (at as i64 + self.shift) as u32,
                remove: remove as u32,
                insert: self.new[range.clone()].to_vec(),
            }),
        }
        self.shift += range.len() as i64 - remove as i64;
        self.end = Some(next);
    }

    fn done(self) -> Vec<Splice<T>> {
        self.out
    }
}

/// Applies splices (as the window does): a check for the tests, and for the CLI.
pub fn apply<T: Clone>(list: &mut Vec<T>, splices: &[Splice<T>]) {
    for s in splices {
        let at = (s.at as usize).min(list.len());
        let end = (at + s.remove as usize).min(list.len());
        list.splice(at..end, s.insert.iter().cloned());
    }
}

/// [`splices_by`] of a list both views may share: none when they do.
fn shared_splices<'a, T: PartialEq + Clone, K: std::hash::Hash + Eq>(
    old: &'a Shared<T>,
    new: &'a Shared<T>,
    key: impl Fn(&'a T) -> K,
) -> Vec<Splice<T>> {
    if old.same(new) {
        return Vec::new();
    }
    splices_by(old, new, key)
}

/// What changed from `old` to `new` (two views of one event).
pub fn between(old: &EventView, new: &EventView) -> ViewChanges {
    let (a, b) = (&old.data, &new.data);
    ViewChanges {
        event_id: b.event.id.clone(),
        from_revision: a.event.revision,
        event: b.event.clone(),
        stages: splices(&a.stages, &b.stages),
        sessions: shared_splices(&a.sessions, &b.sessions, |r| r.id.as_str()),
        segments: shared_splices(&a.segments, &b.segments, |r| r.id.as_str()),
        people: shared_splices(&a.people, &b.people, |r| r.id.as_str()),
        tasks: shared_splices(&a.tasks, &b.tasks, |r| r.id.as_str()),
        custom_cues: splices(&a.custom_cues, &b.custom_cues),
        cue_settings: splices(&a.cue_settings, &b.cue_settings),
        destinations: splices(&a.destinations, &b.destinations),
        brand_items: splices(&a.brand_items, &b.brand_items),
        branding: (a.branding != b.branding).then(|| b.branding.clone()),
        support_window: new.schedule.support_window.clone(),
        schedule: splices_by(&old.schedule.sessions, &new.schedule.sessions, |r| {
            r.session_id.as_str()
        }),
        findings: splices_by(&old.findings, &new.findings, |f| {
            (
                f.code.as_str(),
                f.subject.kind.as_str(),
                f.subject.id.as_str(),
            )
        }),
        can_undo: new.can_undo,
        can_redo: new.can_redo,
        may: new.may,
        brand: new.brand.clone(),
    }
}

/// `old` with `changes` applied: what the window computes (tests prove it equals the new view).
pub fn apply_view(old: &EventView, ch: &ViewChanges) -> EventView {
    let mut v = old.clone();
    let d = std::sync::Arc::make_mut(&mut v.data);
    d.event = ch.event.clone();
    apply(&mut d.stages, &ch.stages);
    apply(&mut d.sessions, &ch.sessions);
    apply(&mut d.segments, &ch.segments);
    apply(&mut d.people, &ch.people);
    apply(&mut d.tasks, &ch.tasks);
    apply(&mut d.custom_cues, &ch.custom_cues);
    apply(&mut d.cue_settings, &ch.cue_settings);
    apply(&mut d.destinations, &ch.destinations);
    apply(&mut d.brand_items, &ch.brand_items);
    if let Some(b) = &ch.branding {
        d.branding = b.clone();
    }
    v.schedule.support_window = ch.support_window.clone();
    apply(&mut v.schedule.sessions, &ch.schedule);
    apply(&mut v.findings, &ch.findings);
    v.can_undo = ch.can_undo;
    v.can_redo = ch.can_redo;
    v.may = ch.may;
    v.brand = ch.brand.clone();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    #[test]
    fn splices_turn_the_old_list_into_the_new_one() {
        for seed in 1..500u64 {
            let mut rng = Rng(seed * 0x9E37_79B9);
            let old: Vec<u8> = (0..rng.next(40)).map(|_| rng.next(6) as u8).collect();
            let mut new = old.clone();
            for _ in 0..rng.next(6) {
                match rng.next(3) {
                    0 if !new.is_empty() => {
                        let i = rng.next(new.len());
                        new.remove(i);
                    }
                    1 => {
                        let i = rng.next(new.len() + 1);
                        new.insert(i, rng.next(9) as u8);
                    }
                    _ if !new.is_empty() => {
                        let i = rng.next(new.len());
                        new[i] = rng.next(9) as u8;
                    }
                    _ => {}
                }
            }
            let s = splices(&old, &new);
            let mut got = old.clone();
            apply(&mut got, &s);
            assert_eq!(got, new, "seed {seed}: {old:?} → {new:?} by {s:?}");
        }
    }

    #[test]
    fn keyed_splices_turn_the_old_list_into_the_new_one() {
        // Rows (key, value): values change in place, rows come, go and move; keys repeat.
        for seed in 1..800u64 {
            let mut rng = Rng(seed * 0x9E37_79B9);
            let old: Vec<(u8, u8)> = (0..rng.next(40))
                .map(|_| (rng.next(12) as u8, rng.next(3) as u8))
                .collect();
            let mut new = old.clone();
            for _ in 0..rng.next(7) {
                match rng.next(4) {
                    0 if !new.is_empty() => {
                        let i = rng.next(new.len());
                        new.remove(i);
                    }
                    1 => {
                        let i = rng.next(new.len() + 1);
                        new.insert(i, (rng.next(14) as u8, rng.next(3) as u8));
                    }
                    2 if !new.is_empty() => {
                        let i = rng.next(new.len());
                        new[i].1 = rng.next(5) as u8;
                    }
                    _ if new.len() > 1 => {
                        let (i, j) = (rng.next(new.len()), rng.next(new.len()));
                        let r = new.remove(i);
                        new.insert(j, r);
                    }
                    _ => {}
                }
            }
            let s = splices_by(&old, &new, |r| r.0);
            let mut got = old.clone();
            apply(&mut got, &s);
            assert_eq!(got, new, "seed {seed}: {old:?} → {new:?} by {s:?}");
            // Nothing is sent for what did not change, and a changed row is not sent twice.
            let sent: usize = s.iter().map(|s| s.insert.len()).sum();
            assert!(sent <= new.len(), "seed {seed}: {s:?}");
            if old == new {
                assert!(s.is_empty(), "seed {seed}: {s:?}");
            }
        }
    }

    #[test]
    fn a_moved_row_among_many_is_a_few_small_splices() {
        let old: Vec<(u32, u32)> = (0..12_000).map(|i| (i, 0)).collect();
        let mut new = old.clone();
        let r = new.remove(3_000);
        new.insert(3_020, r);
        new[5_000].1 = 1;
        let s = splices_by(&old, &new, |r| r.0);
        let mut got = old.clone();
        apply(&mut got, &s);
        assert_eq!(got, new);
        assert_eq!(s.iter().map(|s| s.insert.len()).sum::<usize>(), 2, "{s:?}");
        assert!(splices_by(&old, &old, |r| r.0).is_empty());
    }

    #[test]
    fn one_change_in_a_long_list_is_one_small_splice() {
        let old: Vec<u32> = (0..12_000).collect();
        let mut new = old.clone();
        new[7_000] = 1;
        new.insert(9_000, 5);
        let s = splices(&old, &new);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s.iter().map(|s| s.insert.len()).sum::<usize>(), 2);
        assert!(splices(&old, &old).is_empty());
    }
}
