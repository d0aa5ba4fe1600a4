//! Undo/redo for the calendar editor. Each step keeps what one write changed — the event row,
//! the stages, people, sessions, segments and tasks it touched, and whichever small per-event
//! list changed — on both sides ([`Patch`]), not a copy of the whole event: 200 steps of a
//! 2,000-session day cost what those edits touched. The shell keeps one [`History`] per open
//! event and moves through it with [`crate::Store::history_step`], which applies a step only
//! while the stored event is still the one this history last saw, so an undo never throws away
//! a change made elsewhere (another process, another window on the same file).

use crate::model::*;
use std::collections::HashSet;

/// How many steps are kept.
pub const DEPTH: usize = 200;

/// One side of a [`Patch`]: the rows it touched as they are on that side (a row missing here
/// did not exist on that side), and the small lists when they changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub event: Event,
    pub stages: Vec<Stage>,
    pub people: Vec<Person>,
    pub sessions: Vec<Session>,
    pub segments: Vec<Segment>,
    pub tasks: Vec<Task>,
    pub custom_cues: Option<Vec<CustomCue>>,
    pub cue_settings: Option<Vec<CueSetting>>,
    pub destinations: Option<Vec<Destination>>,
    pub brand_items: Option<Vec<BrandItem>>,
    pub branding: Option<Branding>,
}

/// What one write changed in an event, both ways.
#[derive(Debug, Clone, PartialEq)]
pub struct Patch {
    pub before: Side,
    pub after: Side,
}

/// The rows of one table that differ between `before` and `after`, by id: (as before, as
/// after). Rows are compared in place first (an edit rarely moves rows); ids are matched only
/// when the two lists stop lining up.
fn rows<T: PartialEq + Clone>(before: &[T], after: &[T], id: fn(&T) -> &str) -> (Vec<T>, Vec<T>) {
    // The rows both hold alike at both ends change nothing: only what lies between is
    // compared (a moved session's tasks move a little way through 12,000 tasks in due order).
    let (head, tail) = alike_ends(before, after);
    let (before, after) = (&before[head..], &after[head..]);
    let (before, after) = (&before[..before.len() - tail], &after[..after.len() - tail]);
    let (mut was, mut now) = (Vec::new(), Vec::new());
    let same_ids =
        before.len() == after.len() && before.iter().zip(after).all(|(a, b)| id(a) == id(b));
    if same_ids {
        for (a, b) in before.iter().zip(after) {
            if a != b {
                was.push(a.clone());
                now.push(b.clone());
            }
        }
        return (was, now);
    }
    let mut old: crate::ids::IdMap<&str, &T> = crate::ids::map(before.len());
    old.extend(before.iter().map(|r| (id(r), r)));
    let new: crate::ids::IdSet<&str> = after.iter().map(id).collect();
    for r in after {
        match old.get(id(r)) {
            Some(o) if *o == r => {}
            Some(o) => {
                was.push((*o).clone());
                now.push(r.clone());
            }
            None => now.push(r.clone()),
        }
    }
    was.extend(before.iter().filter(|r| !new.contains(id(r))).cloned());
    (was, now)
}

/// [`rows`] of a list both copies may share: nothing to compare when they do.
fn shared_rows<T: PartialEq + Clone>(
    before: &Shared<T>,
    after: &Shared<T>,
    id: fn(&T) -> &str,
) -> (Vec<T>, Vec<T>) {
    if before.same(after) {
        return (Vec::new(), Vec::new());
    }
    rows(before, after, id)
}

fn list<T: PartialEq + Clone>(before: &[T], after: &[T]) -> (Option<Vec<T>>, Option<Vec<T>>) {
    if before == after {
        (None, None)
    } else {
        (Some(before.to_vec()), Some(after.to_vec()))
    }
}

impl Patch {
    /// What changed from `before` to `after` (two versions of one event).
    pub fn between(before: &EventData, after: &EventData) -> Patch {
        let (b_stages, a_stages) = rows(&before.stages, &after.stages, |r| &r.id);
        let (b_people, a_people) = shared_rows(&before.people, &after.people, |r| &r.id);
        let (b_sessions, a_sessions) = shared_rows(&before.sessions, &after.sessions, |r| &r.id);
        let (b_segments, a_segments) = shared_rows(&before.segments, &after.segments, |r| &r.id);
        let (b_tasks, a_tasks) = shared_rows(&before.tasks, &after.tasks, |r| &r.id);
        let (b_cues, a_cues) = list(&before.custom_cues, &after.custom_cues);
        let (b_settings, a_settings) = list(&before.cue_settings, &after.cue_settings);
        let (b_dest, a_dest) = list(&before.destinations, &after.destinations);
        let (b_items, a_items) = list(&before.brand_items, &after.brand_items);
        let (b_brand, a_brand) = if before.branding == after.branding {
            (None, None)
        } else {
            (Some(before.branding.clone()), Some(after.branding.clone()))
        };
        Patch {
            before: Side {
                event: before.event.clone(),
                stages: b_stages,
                people: b_people,
                sessions: b_sessions,
                segments: b_segments,
                tasks: b_tasks,
                custom_cues: b_cues,
                cue_settings: b_settings,
                destinations: b_dest,
                brand_items: b_items,
                branding: b_brand,
            },
            after: Side {
                event: after.event.clone(),
                stages: a_stages,
                people: a_people,
                sessions: a_sessions,
                segments: a_segments,
                tasks: a_tasks,
                custom_cues: a_cues,
                cue_settings: a_settings,
                destinations: a_dest,
                brand_items: a_items,
                branding: a_brand,
            },
        }
    }

    /// The same change the other way.
    pub fn inverse(&self) -> Patch {
        Patch {
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }

    /// Whether it changes nothing but the revision.
    pub fn is_empty(&self) -> bool {
        let mut a = self.after.event.clone();
        a.revision = self.before.event.revision;
        a == self.before.event
            && self.before.stages.is_empty()
            && self.after.stages.is_empty()
            && self.before.people.is_empty()
            && self.after.people.is_empty()
            && self.before.sessions.is_empty()
            && self.after.sessions.is_empty()
            && self.before.segments.is_empty()
            && self.after.segments.is_empty()
            && self.before.tasks.is_empty()
            && self.after.tasks.is_empty()
            && self.after.custom_cues.is_none()
            && self.after.cue_settings.is_none()
            && self.after.destinations.is_none()
            && self.after.brand_items.is_none()
            && self.after.branding.is_none()
    }

    /// `current` (an event at this patch's `before` side) with the patch applied: the rows it
    /// touched replaced by their `after` versions (or gone, where `after` has none), the lists
    /// it changed replaced. The revision stays `current`'s.
    pub fn apply_to(&self, current: &EventData) -> EventData {
        /// The rows of `rows` that the patch touched: each one still there takes its new version
        /// in its place, one that is gone from `now` goes, and the rest of `now` comes last (the
        /// event is put in order after). A list with nothing touched is left alone: a shared
        /// list is not even taken for writing (that would copy it).
        fn swap<'r, T: Clone + 'r>(
            rows: impl FnOnce() -> &'r mut Vec<T>,
            was: &[T],
            now: &[T],
            id: fn(&T) -> &str,
        ) {
            let touched: HashSet<&str> = was.iter().chain(now).map(id).collect();
            if touched.is_empty() {
                return;
            }
            // Each id's first row in `now`, and whether it took a row's place already.
            let mut new: crate::ids::IdMap<&str, usize> = crate::ids::map(now.len());
            for (i, r) in now.iter().enumerate() {
                new.entry(id(r)).or_insert(i);
            }
            let mut placed = vec![false; now.len()];
            let rows = rows();
            rows.retain_mut(|r| {
                if !touched.contains(id(r)) {
                    return true;
                }
                match new.get(id(r)) {
                    Some(&i) if !placed[i] => {
                        placed[i] = true;
                        *r = now[i].clone();
                        true
                    }
                    _ => false,
                }
            });
            rows.extend(
                now.iter()
                    .zip(&placed)
                    .filter(|(_, p)| !**p)
                    .map(|(r, _)| r.clone()),
            );
        }
        let (was, now) = (&self.before, &self.after);
        let mut d = current.clone();
        d.event = Event {
            revision: current.event.revision,
            ..now.event.clone()
        };
        swap(|| &mut d.stages, &was.stages, &now.stages, |r| &r.id);
        swap(|| &mut *d.people, &was.people, &now.people, |r| &r.id);
        swap(|| &mut *d.sessions, &was.sessions, &now.sessions, |r| &r.id);
        swap(|| &mut *d.segments, &was.segments, &now.segments, |r| &r.id);
        swap(|| &mut *d.tasks, &was.tasks, &now.tasks, |r| &r.id);
        if let Some(l) = &now.custom_cues {
            d.custom_cues = l.clone();
        }
        if let Some(l) = &now.cue_settings {
            d.cue_settings = l.clone();
        }
        if let Some(l) = &now.destinations {
            d.destinations = l.clone();
        }
        if let Some(l) = &now.brand_items {
            d.brand_items = l.clone();
        }
        if let Some(b) = &now.branding {
            d.branding = b.clone();
        }
        // `current` is in canonical order: the lists the patch left alone are too.
        d.normalize_since(current);
        d
    }
}

/// Undo and redo stacks of one event.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Patch>,
    redo: Vec<Patch>,
    /// The revision the stored event had after the last step recorded here: the stacks apply
    /// to that version only.
    at: Option<i64>,
}

impl History {
    /// Records a new edit (what it changed; its `after` side holds the revision it stored);
    /// clears the redo stack.
    pub fn record(&mut self, patch: Patch) {
        self.at = Some(patch.after.event.revision);
        self.push_undo(patch);
        self.redo.clear();
    }

    fn push_undo(&mut self, patch: Patch) {
        self.undo.push(patch);
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
    }

    /// The change an undo (`back`: the last edit's inverse) or redo would make, and the
    /// revision the stored event must still have for it to apply; `None` when there is nothing
    /// to undo or redo.
    pub fn next(&self, back: bool) -> Option<(Patch, i64)> {
        let at = self.at?;
        if back {
            Some((self.undo.last()?.inverse(), at))
        } else {
            Some((self.redo.last()?.clone(), at))
        }
    }

    /// Takes the step [`History::next`] offered, once it is stored at `revision`.
    pub fn stepped(&mut self, back: bool, revision: i64) {
        if back {
            if let Some(p) = self.undo.pop() {
                self.redo.push(p);
            }
        } else if let Some(p) = self.redo.pop() {
            self.push_undo(p);
        }
        self.at = Some(revision);
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    /// A small deterministic generator (xorshift), so a failure names its seed.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Changes `d` at random: retimes, renames, moves between stages, adds and removes rows.
    fn mutate(d: &mut EventData, rng: &mut Rng) {
        for _ in 0..rng.next(4) + 1 {
            match rng.next(7) {
                0 if !d.segments.is_empty() => {
                    let i = rng.next(d.segments.len());
                    d.segments[i].duration_secs += 30;
                }
                1 if !d.sessions.is_empty() => {
                    let i = rng.next(d.sessions.len());
                    d.sessions[i].title.push('!');
                }
                2 if !d.sessions.is_empty() && d.stages.len() > 1 => {
                    let i = rng.next(d.sessions.len());
                    let st = d.stages[rng.next(d.stages.len())].id.clone();
                    d.sessions[i].stage_id = st;
                }
                3 => {
                    let st = d.stages[0].id.clone();
                    let s = session(
                        d,
                        &st,
                        "New",
                        "2027-05-04T20:00:00Z",
                        "2027-05-04T20:30:00Z",
                    );
                    segment(d, &s, "Talk", 600, &[]);
                }
                4 if !d.segments.is_empty() => {
                    let i = rng.next(d.segments.len());
                    d.segments.remove(i);
                }
                5 => {
                    speaker(d, &format!("P{}", rng.next(1000)));
                }
                _ => {
                    d.event.name.push('+');
                    d.branding.due_days_before += 1;
                }
            }
        }
        d.normalize();
    }

    #[test]
    fn a_patch_takes_each_version_to_the_other() {
        for seed in 1..200u64 {
            let mut rng = Rng(seed * 2_654_435_761);
            let mut before = conference(3, 4);
            before.normalize();
            mutate(&mut before, &mut rng);
            let mut after = before.clone();
            mutate(&mut after, &mut rng);
            after.event.revision = before.event.revision + 1;
            let p = Patch::between(&before, &after);
            let mut undone = p.inverse().apply_to(&after);
            undone.event.revision = before.event.revision;
            assert!(undone == before, "seed {seed}: undo");
            let mut redone = p.apply_to(&before);
            redone.event.revision = after.event.revision;
            assert!(redone == after, "seed {seed}: redo");
        }
    }

    #[test]
    fn a_patch_keeps_only_what_changed() {
        let before = conference(10, 20);
        let mut after = before.clone();
        after.segments[7].duration_secs += 60;
        after.event.revision += 1;
        let p = Patch::between(&before, &after);
        assert_eq!(p.after.segments, [after.segments[7].clone()]);
        assert_eq!(p.before.segments, [before.segments[7].clone()]);
        assert!(p.before.sessions.is_empty() && p.after.people.is_empty());
        assert!(p.after.custom_cues.is_none() && p.after.branding.is_none());
        assert!(!p.is_empty());
        assert!(Patch::between(&before, &before).is_empty());
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth_and_a_new_edit_clears_redo() {
        let mut a = event("UTC");
        a.event.name = "a".into();
        let step = |from: &EventData, name: &str| {
            let mut to = from.clone();
            to.event.name = name.into();
            to.event.revision += 1;
            (Patch::between(from, &to), to)
        };
        let (p1, b) = step(&a, "b");
        let (p2, c) = step(&b, "c");
        let mut h = History::default();
        h.record(p1);
        h.record(p2);
        let (undo, at) = h.next(true).unwrap();
        assert_eq!(at, c.event.revision);
        assert_eq!(undo.apply_to(&c).event.name, "b");
        h.stepped(true, 3);
        let (undo, at) = h.next(true).unwrap();
        assert_eq!((undo.after.event.name.as_str(), at), ("a", 3));
        h.stepped(true, 4);
        assert!(h.next(true).is_none() && h.can_redo());
        let (redo, _) = h.next(false).unwrap();
        assert_eq!(redo.after.event.name, "b");
        let (p3, _) = step(&a, "d");
        h.record(p3);
        assert!(!h.can_redo());
    }
}
