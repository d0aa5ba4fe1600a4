//! Undo/redo for the calendar editor: snapshots of one event before each edit. Pure data; the
//! shell keeps one [`History`] per open event and restores snapshots through
//! [`crate::Store::replace`].

use crate::model::EventData;

/// How many steps are kept.
pub const DEPTH: usize = 200;

/// Undo and redo stacks of one event.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<EventData>,
    redo: Vec<EventData>,
}

impl History {
    /// Records the state before a new edit; clears the redo stack.
    pub fn record(&mut self, before: EventData) {
        self.undo.push(before);
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The state to restore for an undo, given the current one (which becomes redoable).
    pub fn undo(&mut self, current: EventData) -> Option<EventData> {
        let prev = self.undo.pop()?;
        self.redo.push(current);
        Some(prev)
    }

    /// The state to restore for a redo, given the current one (which becomes undoable).
    pub fn redo(&mut self, current: EventData) -> Option<EventData> {
        let next = self.redo.pop()?;
        self.undo.push(current);
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
}
