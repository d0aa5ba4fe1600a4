//! Undo/redo for the calendar editor: snapshots of one event before each edit. Pure data; the
//! shell keeps one [`History`] per open event and moves through it with
//! [`crate::Store::history_step`], which restores a snapshot through
//! [`crate::Store::replace_if`] only while the stored event is still the one this history last
//! saw, so an undo never throws away a change made elsewhere (another process, another window
//! on the same file).

use crate::model::EventData;

/// How many steps are kept.
pub const DEPTH: usize = 200;

/// Undo and redo stacks of one event.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<EventData>,
    redo: Vec<EventData>,
    /// The revision the stored event had after the last step recorded here: the stacks apply
    /// to that version only.
    at: Option<i64>,
}

impl History {
    /// Records the state before a new edit; clears the redo stack. The edit stored `before`'s
    /// revision + 1 (every write of an event does, in the transaction that read `before`).
    pub fn record(&mut self, before: EventData) {
        self.at = Some(before.event.revision + 1);
        self.push_undo(before);
        self.redo.clear();
    }

    fn push_undo(&mut self, before: EventData) {
        self.undo.push(before);
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
    }

    /// The snapshot an undo (`back`) or redo would restore, and the revision the stored event
    /// must still have for it to apply; `None` when there is nothing to undo or redo.
    pub fn next(&self, back: bool) -> Option<(&EventData, i64)> {
        let from = if back { &self.undo } else { &self.redo };
        Some((from.last()?, self.at?))
    }

    /// Takes the step [`History::next`] offered, once it is stored: `replaced` is the event as
    /// it was (it becomes redoable, or undoable again), `revision` the one now stored.
    pub fn stepped(&mut self, back: bool, replaced: EventData, revision: i64) {
        if back {
            self.undo.pop();
            self.redo.push(replaced);
        } else {
            self.redo.pop();
            self.push_undo(replaced);
        }
        self.at = Some(revision);
    }

    /// The state to restore for an undo, given the current one (which becomes redoable). For
    /// callers that restore it themselves; [`History::step`] also checks nothing changed
    /// elsewhere.
    pub fn undo(&mut self, current: EventData) -> Option<EventData> {
        let prev = self.undo.pop()?;
        self.at = Some(current.event.revision + 1);
        self.redo.push(current);
        Some(prev)
    }

    /// The state to restore for a redo, given the current one (which becomes undoable).
    pub fn redo(&mut self, current: EventData) -> Option<EventData> {
        let next = self.redo.pop()?;
        self.at = Some(current.event.revision + 1);
        self.push_undo(current);
        Some(next)
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
    use crate::testing::event;

    #[test]
    fn undo_then_redo_walks_back_and_forth_and_a_new_edit_clears_redo() {
        let (mut a, mut b, mut c) = (event("UTC"), event("UTC"), event("UTC"));
        a.event.name = "a".into();
        b.event.name = "b".into();
        c.event.name = "c".into();
        let mut h = History::default();
        h.record(a.clone());
        h.record(b.clone());
        assert_eq!(h.undo(c.clone()).unwrap().event.name, "b");
        assert_eq!(h.undo(b.clone()).unwrap().event.name, "a");
        assert!(h.undo(a.clone()).is_none());
        assert_eq!(h.redo(a.clone()).unwrap().event.name, "b");
        h.record(b);
        assert!(!h.can_redo());
    }

    #[test]
    fn a_step_applies_only_to_the_revision_last_seen() {
        let mut before = event("UTC");
        before.event.revision = 4;
        let mut h = History::default();
        assert!(h.next(true).is_none());
        h.record(before.clone());
        // The edit stored revision 5: the undo applies to that one only.
        assert_eq!(
            h.next(true).map(|(d, r)| (d.event.revision, r)),
            Some((4, 5))
        );
        assert!(h.next(false).is_none());
        let mut replaced = before.clone();
        replaced.event.revision = 5;
        h.stepped(true, replaced, 6);
        assert!(!h.can_undo());
        assert_eq!(
            h.next(false).map(|(d, r)| (d.event.revision, r)),
            Some((5, 6))
        );
    }
}
